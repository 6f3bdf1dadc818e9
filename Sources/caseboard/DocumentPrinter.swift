import CaseboardCore
import Foundation

/// Renders documents for `caseboard read`.
struct DocumentPrinter {
    let format: OutputFormat
    let includeSourceMap: Bool
    private let encoder: JSONEncoder

    init(format: OutputFormat, includeSourceMap: Bool) {
        self.format = format
        self.includeSourceMap = includeSourceMap
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func print(_ document: Document) throws {
        switch format {
        case .json:
            let view = DocumentView(document, includeSourceMap: includeSourceMap)
            var data = try encoder.encode(view)
            data.append(0x0A)
            StandardOutput.write(data)
        case .text:
            StandardOutput.write(outline(document))
        }
    }

    func outline(_ document: Document) -> String {
        var lines = ["== \(document.id) (\(document.format.rawValue)) =="]
        if let title = document.title { lines.append("title: \(title)") }
        let metadata = document.metadata
        let facts: [(String, String?)] = [
            ("pmid", metadata.pmid), ("pmcid", metadata.pmcid), ("doi", metadata.doi), ("journal", metadata.journal),
            ("date", metadata.publicationDate),
            ("types", metadata.publicationTypes.isEmpty ? nil : metadata.publicationTypes.joined(separator: "; ")),
        ]
        for case let (label, value?) in facts { lines.append("\(label): \(value)") }
        for section in document.sections {
            let source = document.sourceMap.sourceRange(ofText: section.range)
            var header = "-- [\(section.kind.rawValue)]"
            if let heading = section.heading { header += " \(heading)" }
            header += " (text \(section.range.lowerBound)..<\(section.range.upperBound), input bytes \(source.lowerBound)..<\(source.upperBound))"
            lines.append(header)
            lines.append(String(document.text(of: section)))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

/// The JSON shape of a document in `caseboard read --format json`.
struct DocumentView: Encodable {
    struct SectionView: Encodable {
        var kind: String
        var heading: String?
        /// UTF-8 offsets into the document text.
        var start: Int
        var end: Int
        /// Byte offsets into the input.
        var sourceStart: Int
        var sourceEnd: Int
        var text: String

        enum CodingKeys: String, CodingKey {
            case kind, heading, start, end, text
            case sourceStart = "source_start"
            case sourceEnd = "source_end"
        }
    }

    var id: String
    var source: String
    var format: String
    var title: String?
    var metadata: DocumentMetadata
    var sections: [SectionView]
    var warnings: [String]
    var sourceMap: SourceMap?

    enum CodingKeys: String, CodingKey {
        case id, source, format, title, metadata, sections, warnings
        case sourceMap = "source_map"
    }

    init(_ document: Document, includeSourceMap: Bool) {
        id = document.id
        source = document.source
        format = document.format.rawValue
        title = document.title
        metadata = document.metadata
        sections = document.sections.map { section in
            let range = document.sourceMap.sourceRange(ofText: section.range)
            return SectionView(
                kind: section.kind.rawValue,
                heading: section.heading,
                start: section.range.lowerBound,
                end: section.range.upperBound,
                sourceStart: range.lowerBound,
                sourceEnd: range.upperBound,
                text: String(document.text(of: section))
            )
        }
        warnings = document.warnings.map(\.description)
        sourceMap = includeSourceMap ? document.sourceMap : nil
    }
}
