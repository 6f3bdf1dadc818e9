import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import NIOCore

/// JSON written field by field, with commas placed as values go in.
///
/// The bytes live in storage this value owns and grows itself: a response makes hundreds of
/// small appends, and `Array`'s uniqueness and capacity checks on each were a visible share of
/// a match request. Not copyable, so no two writers can share the storage.
struct JSONBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var needsComma = false

    init(capacity: Int = 16_384) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The JSON written so far.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The JSON written so far, in a buffer for a response body.
    var byteBuffer: ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        buffer.writeBytes(UnsafeBufferPointer(start: base, count: count))
        return buffer
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold needed: Int) {
        let grown = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        (base + count).update(from: start, count: source.count)
        count += source.count
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    mutating func beginObject() {
        separate()
        append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Ends the current line of JSON Lines output.
    mutating func newline() {
        append(0x0A)
        needsComma = false
    }

    mutating func key(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 3)
        base[count] = UInt8(ascii: "\"")
        count += 1
        name.withUTF8Buffer { append($0) }
        base[count] = UInt8(ascii: "\"")
        base[count + 1] = UInt8(ascii: ":")
        count += 2
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        // Native strings are contiguous; others are made so first.
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) != nil { return }
        var contiguous = value
        contiguous.withUTF8 { appendQuoted($0) }
    }

    /// A JSON string literal: copied in one go unless something needs escaping.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)
        base[count] = UInt8(ascii: "\"")
        count += 1
        if !JSONText.needsEscaping(utf8) {
            append(utf8)
        } else {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(utf8.count + 16)
            JSONText.appendEscaped(utf8, to: &escaped)
            escaped.withUnsafeBufferPointer { append($0) }
        }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        separate()
        var digits = String(value)
        digits.withUTF8 { append($0) }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        var text = value ? "true" : "false"
        text.withUTF8 { append($0) }
        needsComma = true
    }

    mutating func number(_ value: Double) throws {
        separate()
        var text: [UInt8] = []
        try JSONText.appendDouble(value, to: &text)
        text.withUnsafeBufferPointer { append($0) }
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
        array(name, values) { $0.string($1) }
    }

    /// `"name":[...]`, with `element` writing each value.
    mutating func array<Elements: Sequence>(
        _ name: StaticString,
        _ elements: Elements,
        _ element: (inout JSONBytes, Elements.Element) throws -> Void
    ) rethrows {
        key(name)
        beginArray()
        for value in elements { try element(&self, value) }
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
            if !needsEscaping(buffer) {
                bytes.append(contentsOf: buffer)
            } else {
                appendEscaped(buffer, to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any byte of `utf8` is a control character, a quote or a backslash. Checks eight
    /// bytes per step: most strings in a response need no escaping and are copied whole.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Any byte below `limit` (limit at most 0x80), and any zero byte: the usual bit tricks.
        func anyBelow(_ word: UInt64, _ limit: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
        var offset = 0
        while offset + 8 <= utf8.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self))
            if anyBelow(word, 0x20) || anyBelow(word ^ (ones &* 0x22), 1) || anyBelow(word ^ (ones &* 0x5C), 1) { return true }
            offset += 8
        }
        while offset < utf8.count {
            let byte = start[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }

    /// Every byte of `utf8`, escaped as a JSON string's content.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        for byte in utf8 { appendEscaped(byte, to: &bytes) }
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
        out.array("alterations", alterations) { out, alteration in
            out.beginObject()
            out.field("input", alteration.input)
            out.field("label", alteration.label)
            out.field("gene", alteration.gene)
            out.field("variant", alteration.variant)
            out.endObject()
        }
        out.array("problems", problems) { out, problem in
            out.beginObject()
            out.field("field", problem.field)
            out.field("input", problem.input)
            out.field("message", problem.message)
            out.endObject()
        }
        out.array("findings", findings) { out, finding in
            out.beginObject()
            out.field("field", finding.field)
            out.field("input", finding.input)
            out.field("note", finding.note)
            out.endObject()
        }
        out.array("options", options) { $1.writeJSON(to: &$0) }
        out.array("resistance", resistance) { out, alert in
            out.beginObject()
            out.field("drugs", alert.drugs)
            out.field("alteration", alert.alteration)
            out.array("evidence", alert.evidence) { $1.writeJSON(to: &$0) }
            out.field("why", alert.why)
            out.field("basis", alert.basis.rawValue)
            out.endObject()
        }
        out.array("not_recommended", notRecommended) { out, entry in
            out.beginObject()
            out.field("drugs", entry.drugs)
            out.field("reason", entry.reason.rawValue)
            out.field("why", entry.why)
            out.array("evidence", entry.evidence) { $1.writeJSON(to: &$0) }
            out.endObject()
        }
        out.array("signals", signals) { out, signal in
            out.beginObject()
            out.field("kind", signal.kind.rawValue)
            out.field("drugs", signal.drugs)
            out.field("alteration", signal.alteration)
            out.key("count")
            out.integer(signal.count)
            out.field("cases", signal.cases)
            out.array("spans", signal.spans) { out, span in
                out.beginObject()
                out.key("start")
                out.integer(span.start)
                out.key("end")
                out.integer(span.end)
                out.field("text", span.text)
                out.field("section", span.section.rawValue)
                out.endObject()
            }
            out.array("evidence", signal.evidence) { $1.writeJSON(to: &$0) }
            out.field("why", signal.why)
            out.endObject()
        }
        try out.array("similar_cases", similarCases) { out, similar in
            out.beginObject()
            out.field("case", similar.case)
            out.field("title", similar.title)
            out.field("pmid", similar.pmid)
            out.key("score")
            try out.number(similar.score)
            out.field("shared", similar.shared)
            out.endObject()
        }
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
        out.field("level", level.rawValue)
        out.field("disease_match", diseaseMatch.rawValue)
        out.field("alterations", alterations)
        out.field("match_specificity", matchSpecificity.rawValue)
        out.field("partner", partner)
        out.array("evidence", evidence) { $1.writeJSON(to: &$0) }
        out.field("why", why)
        out.field("prior_response", priorResponse)
        out.field("demoted", demoted)
        out.key("tier")
        out.integer(tier.rawValue)
        out.key("inferred")
        out.bool(inferred)
        out.field("preference", preference?.rawValue)
        out.field("setting_fit", settingFit.rawValue)
        out.endObject()
    }
}

extension EvidenceReference {
    fileprivate func writeJSON(to out: inout JSONBytes) {
        out.beginObject()
        out.field("id", id)
        out.field("source", source)
        out.field("level", level.rawValue)
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
