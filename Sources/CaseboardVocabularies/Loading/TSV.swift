import CaseboardCore

/// Reads the bundled tab-separated tables: a header line, then rows; `#` lines are comments.
struct TSV {
    let columns: [String: Int]
    let rows: [[Substring]]
    /// The file line (1-based, the header being line 1) of each row, so errors name the line though comments are skipped.
    let lineNumbers: [Int]
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
        var lineNumbers: [Int] = []
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
            lineNumbers.append(number + 2)
        }
        self.rows = rows
        self.lineNumbers = lineNumbers
    }

    /// An error naming this file and the line of row `index`.
    func failure(_ message: String, row index: Int) -> Diagnostic {
        Diagnostic.error(message, file: name, position: SourcePosition(offset: 0, line: lineNumbers[index], column: 1))
    }

    /// A word of a closed set ("boxed", "oral"), or an error naming the file, the line, the word and the set:
    /// "route 'by mouth' of seconddrug is not one of oral, intravenous, … or unknown".
    func closedWord<Value: RawRepresentable & CaseIterable>(
        _ word: Substring,
        as: Value.Type,
        named what: String,
        of owner: Substring,
        row index: Int,
        otherwise: String = ""
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: String(word)) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure("\(what) '\(word)' of \(owner) is not one of \(allowed)\(otherwise)", row: index)
        }
        return value
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
