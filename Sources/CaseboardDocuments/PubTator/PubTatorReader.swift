import CaseboardCore

/// Reads PubTator files: blocks of `PMID|t|title` and `PMID|a|abstract` lines, each followed
/// by tab-separated annotation lines and a blank line.
///
/// Each block becomes a document whose text is the title, one space, and the abstract, which
/// is the text PubTator offsets count in, so recognized mentions can be compared with a
/// corpus's annotations offset for offset. Annotation lines are skipped.
public struct PubTatorReader: Sendable {
    public init() {}

    /// True when the text starts like a PubTator file.
    public static func looksLikePubTator(_ head: String) -> Bool {
        guard let first = head.split(separator: "\n", maxSplits: 1).first else { return false }
        let parts = first.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber) && (parts[1] == "t" || parts[1] == "a")
    }

    public func read(_ bytes: [UInt8], source: String) throws -> [Document] {
        guard !bytes.isEmpty else { throw Diagnostic.error("file is empty", file: source) }
        var documents: [Document] = []
        var title: (id: String, range: Range<Int>)?
        var lineStart = 0
        var lineNumber = 1
        func finish(_ id: String, _ titleRange: Range<Int>?, _ abstractRange: Range<Int>?) {
            var builder = TextBuilder()
            var sections: [Section] = []
            bytes.withUnsafeBufferPointer { buffer in
                if let titleRange {
                    builder.appendDecoding(UnsafeBufferPointer(rebasing: buffer[titleRange]), sourceOffset: titleRange.lowerBound)
                    sections.append(Section(kind: .title, range: 0..<builder.count))
                }
                if let abstractRange {
                    builder.appendSeparator(" ", at: abstractRange.lowerBound)
                    let start = builder.count
                    builder.appendDecoding(UnsafeBufferPointer(rebasing: buffer[abstractRange]), sourceOffset: abstractRange.lowerBound)
                    sections.append(Section(kind: .abstract, range: start..<builder.count))
                }
            }
            let (text, map) = builder.build()
            let titleText = sections.first { $0.kind == .title }.map { String(text.utf8Slice($0.range)) }
            documents.append(
                Document(
                    id: id,
                    source: source,
                    format: .pubtator,
                    title: titleText,
                    metadata: DocumentMetadata(pmid: id),
                    text: text,
                    sections: sections,
                    sourceMap: map,
                    warnings: builder.repairWarnings(file: source, input: nil)
                )
            )
        }
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if let marker = headerMarker(bytes, lineStart..<contentEnd) {
                let id = String(decoding: bytes[lineStart..<marker.idEnd], as: UTF8.self)
                let textRange = marker.textStart..<contentEnd
                if marker.kind == 0x74 {
                    if let pending = title { finish(pending.id, pending.range, nil) }
                    title = (id, textRange)
                } else {
                    if let pending = title, pending.id == id {
                        finish(id, pending.range, textRange)
                    } else {
                        if let pending = title { finish(pending.id, pending.range, nil) }
                        finish(id, nil, textRange)
                    }
                    title = nil
                }
            } else if contentEnd > lineStart, !bytes[lineStart..<contentEnd].contains(0x09) {
                throw Diagnostic.error(
                    "not a PubTator line: expected 'PMID|t|', 'PMID|a|' or a tab-separated annotation",
                    file: source,
                    position: SourcePosition(offset: lineStart, line: lineNumber, column: 1)
                )
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        if let pending = title { finish(pending.id, pending.range, nil) }
        return documents
    }

    /// For `ID|t|...` or `ID|a|...`: where the id ends, the kind byte and where the text starts.
    private func headerMarker(_ bytes: [UInt8], _ line: Range<Int>) -> (idEnd: Int, kind: UInt8, textStart: Int)? {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] != 0x7C, bytes[index] != 0x09 { index += 1 }
        let bar = index + 2
        guard index > line.lowerBound, bar < line.upperBound, bytes[index] == 0x7C, bytes[index + 1] == 0x74 || bytes[index + 1] == 0x61,
            bytes[bar] == 0x7C
        else { return nil }
        return (index, bytes[index + 1], index + 3)
    }
}
