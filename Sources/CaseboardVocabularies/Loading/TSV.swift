import CaseboardCore

/// Reads the bundled tab-separated tables: a header line, then rows; `#` lines are comments.
struct TSV {
    let columns: [String: Int]
    let rows: [[Substring]]
    let name: String

    init(_ text: String, name: String) throws {
        self.name = name
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else {
            throw Diagnostic.error("resource is empty", file: name)
        }
        let names = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        columns = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [[Substring]] = []
        rows.reserveCapacity(lines.count)
        for (number, line) in lines.enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw Diagnostic.error(
                    "row has \(fields.count) fields, expected \(names.count)",
                    file: name,
                    position: SourcePosition(offset: 0, line: number + 2, column: 1)
                )
            }
            rows.append(fields)
        }
        self.rows = rows
    }

    func column(_ column: String) throws -> Int {
        guard let index = columns[column] else {
            throw Diagnostic.error("missing column '\(column)'", file: name)
        }
        return index
    }
}

extension Substring {
    /// Pipe-separated list items.
    var listItems: [String] {
        split(separator: "|").map(String.init)
    }
}
