import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Hummingbird
import NIOCore

/// Reads a match request's profile. Nearly every request is a small object of plain ASCII
/// strings, which a direct scan reads in a fraction of what `JSONDecoder` takes; anything
/// else (escapes, non-ASCII text, unknown or repeated keys, a wrong type) goes to
/// `JSONDecoder`, so results and error messages are exactly the decoder's.
enum ProfileJSON {
    static func decode(_ body: ByteBuffer) throws -> PatientProfile {
        let fast = body.withUnsafeReadableBytes { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.profile()
        }
        let profile = try fast ?? JSONDecoder().decode(PatientProfile.self, from: Data(body.readableBytesView))
        try checkLimits(profile)
        return profile
    }

    /// The largest text of one profile field, in UTF-8 bytes; no disease, alteration or drug
    /// name comes near it, and it bounds what any one request can make the matcher do.
    static let maximumFieldBytes = 256
    /// The disease field carries the presentation with the disease, as the resolver reads it.
    static let maximumDiseaseBytes = InputLimits.maximumDiseaseBytes
    static let maximumAlterations = 200
    static let maximumPriorTherapies = 100
    static let maximumDrugsPerTherapy = 20

    /// Refuses a profile with an over-long field or too many entries, naming the field (400).
    static func checkLimits(_ profile: PatientProfile) throws {
        func text(_ value: String?, _ field: String, limit: Int = maximumFieldBytes) throws {
            guard let value, value.utf8.count > limit else { return }
            throw APIError(.badRequest, "field_too_long", "\(field) is longer than \(limit) bytes", field: field)
        }
        func count(_ value: Int, _ maximum: Int, _ field: String) throws {
            guard value > maximum else { return }
            throw APIError(.badRequest, "too_many_items", "\(field) has \(value) entries; at most \(maximum) are accepted", field: field)
        }
        try text(profile.id, "id")
        try text(profile.disease, "disease", limit: maximumDiseaseBytes)
        try count(profile.alterations.count, maximumAlterations, "alterations")
        for (position, alteration) in profile.alterations.enumerated() { try text(alteration, "alterations[\(position)]") }
        try count(profile.biomarkers.count, maximumAlterations, "biomarkers")
        for (position, biomarker) in profile.biomarkers.enumerated() { try text(biomarker, "biomarkers[\(position)]") }
        try count(profile.priorTherapies.count, maximumPriorTherapies, "prior_therapies")
        for (position, therapy) in profile.priorTherapies.enumerated() {
            try count(therapy.drugs.count, maximumDrugsPerTherapy, "prior_therapies[\(position)].drugs")
            for (drugPosition, drug) in therapy.drugs.enumerated() { try text(drug, "prior_therapies[\(position)].drugs[\(drugPosition)]") }
            try text(therapy.response, "prior_therapies[\(position)].response")
        }
    }

    /// The fast path; every method returns nil as soon as the input leaves the simple subset.
    struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        mutating func profile() -> PatientProfile? {
            var profile = PatientProfile(disease: nil, alterations: [])
            var seen: Set<String> = []
            let complete = object { key, scanner in
                guard seen.insert(key).inserted else { return false }
                switch key {
                case "id":
                    guard let value = scanner.optionalString() else { return false }
                    profile.id = value
                case "disease":
                    guard let value = scanner.optionalString() else { return false }
                    profile.disease = value
                case "alterations":
                    guard let value = scanner.optionalArray({ $0.string() }) else { return false }
                    profile.alterations = value ?? []
                case "prior_therapies":
                    guard let value = scanner.optionalArray({ $0.priorTherapy() }) else { return false }
                    profile.priorTherapies = value ?? []
                default:
                    return false
                }
                return true
            }
            guard complete else { return nil }
            skipWhitespace()
            return offset == bytes.count ? profile : nil
        }

        private mutating func priorTherapy() -> PriorTherapy? {
            var drugs: [String]?
            var response: String?
            var seen: Set<String> = []
            let complete = object { key, scanner in
                guard seen.insert(key).inserted else { return false }
                switch key {
                case "drugs":
                    // Required and not optional in `PriorTherapy`: null goes to the decoder.
                    guard let value = scanner.array({ $0.string() }) else { return false }
                    drugs = value
                case "response":
                    guard let value = scanner.optionalString() else { return false }
                    response = value
                default:
                    return false
                }
                return true
            }
            guard complete, let drugs else { return nil }
            return PriorTherapy(drugs: drugs, response: response)
        }

        /// An object whose members `member` reads after their key; false when anything fails.
        private mutating func object(_ member: (String, inout Scanner) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), member(key, &self) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        private mutating func array<Element>(_ element: (inout Scanner) -> Element?) -> [Element]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var result: [Element] = []
            if take(UInt8(ascii: "]")) { return result }
            repeat {
                guard let value = element(&self) else { return nil }
                result.append(value)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? result : nil
        }

        /// `.some(nil)` for null, nil when the value is neither null nor an array of elements.
        private mutating func optionalArray<Element>(_ element: (inout Scanner) -> Element?) -> [Element]?? {
            if takeNull() { return .some(nil) }
            return array(element).map { .some($0) }
        }

        private mutating func optionalString() -> String?? {
            if takeNull() { return .some(nil) }
            return string().map { .some($0) }
        }

        /// A string of printable ASCII without escapes.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                    offset += 1
                    return text
                }
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                offset += 1
            }
            return nil
        }

        private mutating func takeNull() -> Bool {
            skipWhitespace()
            guard offset + 4 <= bytes.count, bytes[offset] == UInt8(ascii: "n"), bytes[offset + 1] == UInt8(ascii: "u"),
                bytes[offset + 2] == UInt8(ascii: "l"), bytes[offset + 3] == UInt8(ascii: "l")
            else { return false }
            offset += 4
            return true
        }

        /// Skips whitespace, then consumes `byte` if it is next.
        private mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        private mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0A, 0x0D: offset += 1
                default: return
                }
            }
        }
    }
}
