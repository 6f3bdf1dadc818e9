import CaseboardCore
import Foundation

/// Writes entity mentions in the PubTator and BioC formats that mention-level corpora use.
///
/// Both count offsets in characters (Unicode scalars). PubTator counts them in the title, one
/// space and the abstract; BioC in the document text, with one passage per section.
public enum MentionFormats {
    /// PubTator type names for Caseboard's mention kinds.
    static func pubTatorType(_ mention: EntityMention) -> String {
        switch mention.kind {
        case .gene: "Gene"
        case .variant: mention.subtype ?? "Mutation"
        case .drug: "Chemical"
        case .disease: "Disease"
        case .adverseEvent: "AdverseEvent"
        }
    }

    /// One PubTator block: the title and abstract lines, then one line per mention.
    public static func pubTator(_ document: Document, mentions: [EntityMention]) -> String {
        let id = (document.metadata.pmid ?? document.id).replacingOccurrences(of: "|", with: "_")
        let text = document.text
        let titleSection = document.sections.first.flatMap { $0.kind == .title ? $0 : nil }
        let titleRange = titleSection?.range ?? 0..<0
        var abstractStart = titleRange.upperBound
        let utf8 = Array(text.utf8)
        while abstractStart < utf8.count, utf8[abstractStart] == 0x20 || utf8[abstractStart] == 0x0A || utf8[abstractStart] == 0x09 {
            abstractStart += 1
        }
        let title = flatten(String(text.utf8Slice(titleRange)))
        let abstract = flatten(String(text.utf8Slice(abstractStart..<utf8.count)))
        let titleScalars = title.unicodeScalars.count
        func printed(_ offset: Int) -> Int {
            if offset <= titleRange.upperBound { return scalarCount(utf8, 0..<min(offset, titleRange.upperBound)) }
            return titleScalars + 1 + scalarCount(utf8, abstractStart..<max(abstractStart, offset))
        }
        var lines = ["\(id)|t|\(title)", "\(id)|a|\(abstract)"]
        for mention in mentions {
            let surface = flatten(String(text.utf8Slice(mention.start..<mention.end)))
            lines.append("\(id)\t\(printed(mention.start))\t\(printed(mention.end))\t\(surface)\t\(pubTatorType(mention))\t\(mention.identifier)")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// A BioC XML collection holding the documents and their mentions.
    public static func bioC(_ items: [(Document, [EntityMention])], date: String) -> String {
        bioCCollectionStart(date: date) + items.map { bioCDocument($0.0, mentions: $0.1) + "\n" }.joined() + bioCCollectionEnd
    }

    /// The opening of a BioC collection, for writers that stream documents. `date` is `YYYYMMDD`.
    public static func bioCCollectionStart(date: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE collection SYSTEM \"BioC.dtd\">\n"
            + "<collection><source>Caseboard</source><date>\(date)</date><key>caseboard.key</key>\n"
    }

    public static let bioCCollectionEnd = "</collection>\n"

    /// One BioC `<document>` element.
    public static func bioCDocument(_ document: Document, mentions: [EntityMention]) -> String {
        let utf8 = Array(document.text.utf8)
        var parts = ["<document><id>\(escape(document.metadata.pmid ?? document.id))</id>"]
        var annotation = 0
        for section in document.sections {
            let offset = scalarCount(utf8, 0..<section.range.lowerBound)
            parts.append("<passage><infon key=\"type\">\(section.kind.rawValue)</infon>")
            if let heading = section.heading { parts.append("<infon key=\"heading\">\(escape(heading))</infon>") }
            parts.append("<offset>\(offset)</offset><text>\(escape(String(document.text(of: section))))</text>")
            for mention in mentions where section.range.contains(mention.start) {
                annotation += 1
                let start = scalarCount(utf8, 0..<mention.start)
                let length = scalarCount(utf8, mention.start..<mention.end)
                parts.append(
                    "<annotation id=\"\(annotation)\"><infon key=\"type\">\(pubTatorType(mention))</infon>"
                        + "<infon key=\"identifier\">\(escape(mention.identifier))</infon>"
                        + "<location offset=\"\(start)\" length=\"\(length)\"/><text>\(escape(mention.evidence.text))</text></annotation>"
                )
            }
            parts.append("</passage>")
        }
        parts.append("</document>")
        return parts.joined()
    }

    /// Unicode scalars in a UTF-8 range: every byte that does not continue a sequence.
    static func scalarCount(_ utf8: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for index in range.clamped(to: 0..<utf8.count) where utf8[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Line breaks and tabs become spaces, one for one, so offsets keep their meaning.
    static func flatten(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : Character($0) })
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
