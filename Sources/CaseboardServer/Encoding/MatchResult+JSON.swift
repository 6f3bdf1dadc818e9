import CaseboardKnowledge
import CaseboardMatching

/// JSON written field by field, with commas placed as values go in.
struct JSONBytes {
    var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Ends the current line of JSON Lines output.
    mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        JSONText.appendString(value, to: &bytes)
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func number(_ value: Double) throws {
        separate()
        try JSONText.appendDouble(value, to: &bytes)
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Leaves the field out when the value is nil, as synthesized `Codable` does.
    mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}

/// The string and number spellings both JSON writers share.
enum JSONText {
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { buffer in
            // Most strings need no escapes: copy them in one go.
            if !buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: buffer)
            } else {
                for byte in buffer { appendEscaped(byte, to: &bytes) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
            ])
        default: bytes.append(byte)
        }
    }

    static func appendDouble(_ value: Double, to bytes: inout [UInt8]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no NaN or infinity"))
        }
        // Whole numbers print without ".0", as JSONEncoder does.
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }
}

/// Match results are most of what the server writes, so they skip `Codable` and write their
/// fields directly: the same JSON as their `Codable` conformance (a test holds the two together).
extension MatchResult {
    /// The result as JSON text, written without `Codable`.
    public func jsonBytes() throws -> [UInt8] {
        var out = JSONBytes()
        try writeJSON(to: &out)
        return out.bytes
    }

    func writeJSON(to out: inout JSONBytes) throws {
        out.beginObject()
        out.field("id", id)
        if let disease {
            out.key("disease")
            out.beginObject()
            out.field("input", disease.input)
            out.field("code", disease.code)
            out.field("name", disease.name)
            out.endObject()
        }
        out.key("alterations")
        out.beginArray()
        for alteration in alterations {
            out.beginObject()
            out.field("input", alteration.input)
            out.field("label", alteration.label)
            out.field("gene", alteration.gene)
            out.field("variant", alteration.variant)
            out.endObject()
        }
        out.endArray()
        out.key("problems")
        out.beginArray()
        for problem in problems {
            out.beginObject()
            out.field("field", problem.field)
            out.field("input", problem.input)
            out.field("message", problem.message)
            out.endObject()
        }
        out.endArray()
        out.key("options")
        out.beginArray()
        for option in options { option.writeJSON(to: &out) }
        out.endArray()
        out.key("resistance")
        out.beginArray()
        for alert in resistance {
            out.beginObject()
            out.field("drugs", alert.drugs)
            out.field("alteration", alert.alteration)
            out.key("evidence")
            out.beginArray()
            for reference in alert.evidence { reference.writeJSON(to: &out) }
            out.endArray()
            out.field("why", alert.why)
            out.field("basis", alert.basis)
            out.endObject()
        }
        out.endArray()
        out.key("similar_cases")
        out.beginArray()
        for similar in similarCases {
            out.beginObject()
            out.field("case", similar.case)
            out.field("title", similar.title)
            out.field("pmid", similar.pmid)
            out.key("score")
            try out.number(similar.score)
            out.field("shared", similar.shared)
            out.endObject()
        }
        out.endArray()
        out.field("snapshot", snapshot)
        out.endObject()
    }
}

extension TherapyOption {
    fileprivate func writeJSON(to out: inout JSONBytes) {
        out.beginObject()
        out.key("rank")
        out.integer(rank)
        out.field("drugs", drugs)
        out.field("level", level)
        out.field("disease_match", diseaseMatch.rawValue)
        out.field("alterations", alterations)
        out.field("match_specificity", matchSpecificity.rawValue)
        out.field("partner", partner)
        out.key("evidence")
        out.beginArray()
        for reference in evidence { reference.writeJSON(to: &out) }
        out.endArray()
        out.field("why", why)
        out.field("prior_response", priorResponse)
        out.field("demoted", demoted)
        out.endObject()
    }
}

extension EvidenceReference {
    fileprivate func writeJSON(to out: inout JSONBytes) {
        out.beginObject()
        out.field("id", id)
        out.field("source", source)
        out.field("level", level)
        out.field("significance", significance)
        out.field("pmid", pmid)
        out.field("url", url)
        out.field("citation", citation)
        out.field("disease", disease)
        out.field("profile", profile)
        out.field("disease_match", diseaseMatch.rawValue)
        out.field("match_specificity", matchSpecificity.rawValue)
        out.endObject()
    }
}
