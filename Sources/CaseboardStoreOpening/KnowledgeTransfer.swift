import CaseboardKnowledge
import Foundation

/// `kb dump` / `kb restore`: a whole knowledge base as JSON Lines, the same from either store.
///
/// The first line names the format; then one line per metadata value (sorted by key), per case
/// with its evidence (sorted by id), per evidence item that belongs to no case (sorted by id)
/// and per deletion the store remembers (sorted by case id; version 2). Keys are sorted, so two
/// dumps of the same content are byte-identical. Version 1 dumps, which carry no deletions,
/// are still read.
public enum KnowledgeTransfer {
    /// The format line's `format` value.
    public static let format = "caseboard-kb"
    public static let version = 2

    private enum Line: Codable {
        case header(format: String, version: Int)
        case metadata(key: String, value: String)
        case storedCase(StoredCaseContent)
        case evidence(EvidenceItem)
        case deletion(RememberedDeletion)

        private enum CodingKeys: String, CodingKey {
            case kind, format, version, key, value, `case`, evidence, item, deletion
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .header(let format, let version):
                try container.encode("header", forKey: .kind)
                try container.encode(format, forKey: .format)
                try container.encode(version, forKey: .version)
            case .metadata(let key, let value):
                try container.encode("metadata", forKey: .kind)
                try container.encode(key, forKey: .key)
                try container.encode(value, forKey: .value)
            case .storedCase(let content):
                try container.encode("case", forKey: .kind)
                try container.encode(content.stored, forKey: .case)
                try container.encode(content.evidence, forKey: .evidence)
            case .evidence(let item):
                try container.encode("evidence", forKey: .kind)
                try container.encode(item, forKey: .item)
            case .deletion(let deletion):
                try container.encode("deletion", forKey: .kind)
                try container.encode(deletion, forKey: .deletion)
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "header":
                self = .header(format: try container.decode(String.self, forKey: .format), version: try container.decode(Int.self, forKey: .version))
            case "metadata":
                self = .metadata(key: try container.decode(String.self, forKey: .key), value: try container.decode(String.self, forKey: .value))
            case "case":
                self = .storedCase(
                    StoredCaseContent(
                        stored: try container.decode(StoredCase.self, forKey: .case),
                        evidence: try container.decode([EvidenceItem].self, forKey: .evidence)
                    )
                )
            case "evidence":
                self = .evidence(try container.decode(EvidenceItem.self, forKey: .item))
            case "deletion":
                self = .deletion(try container.decode(RememberedDeletion.self, forKey: .deletion))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown line kind '\(other)'")
            }
        }
    }

    /// The content as JSON Lines, each line ending in "\n".
    public static func encode(_ content: KnowledgeContent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        func put(_ line: Line) throws {
            out.append(try encoder.encode(line))
            out.append(UInt8(ascii: "\n"))
        }
        try put(.header(format: format, version: version))
        for (key, value) in content.metadata.sorted(by: { $0.key < $1.key }) { try put(.metadata(key: key, value: value)) }
        for entry in content.cases.sorted(by: { $0.stored.id < $1.stored.id }) {
            try put(.storedCase(StoredCaseContent(stored: entry.stored, evidence: entry.evidence.sorted { $0.id < $1.id })))
        }
        for item in content.evidence.sorted(by: { $0.id < $1.id }) { try put(.evidence(item)) }
        for deletion in content.deletions.sorted(by: { $0.caseID < $1.caseID }) { try put(.deletion(deletion)) }
        return out
    }

    /// Reads a dump.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming the line that is not a dump line.
    public static func decode(_ data: Data) throws -> KnowledgeContent {
        let decoder = JSONDecoder()
        var content = KnowledgeContent(metadata: [:], cases: [], evidence: [])
        var sawHeader = false
        for (index, rawLine) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line))
            } catch {
                throw KnowledgeStoreError("line \(index + 1) is not a knowledge-base dump line: \(error)")
            }
            switch parsed {
            case .header(let name, let number):
                guard name == format, number <= version else {
                    throw KnowledgeStoreError("line \(index + 1): not a Caseboard dump of a version this Caseboard reads (\(name) \(number))")
                }
                sawHeader = true
            case .metadata(let key, let value):
                content.metadata[key] = value
            case .storedCase(let entry):
                content.cases.append(entry)
            case .evidence(let item):
                content.evidence.append(item)
            case .deletion(let deletion):
                content.deletions.append(deletion)
            }
        }
        guard sawHeader else { throw KnowledgeStoreError("not a Caseboard knowledge-base dump (no header line)") }
        return content
    }
}
