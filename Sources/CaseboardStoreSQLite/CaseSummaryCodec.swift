import CaseboardCore
import CaseboardKnowledge
import Foundation

/// The stored form of a ``CaseSummary`` (without its id, which has its own column).
///
/// The similar-case index loads every summary at start-up, and JSONDecoder needs about 20 µs a
/// summary, so summaries are kept as ASCII-separated text that splits in a fraction of that:
/// fields split by US (0x1F), list elements by RS (0x1E), alteration attributes by GS (0x1D).
/// A summary holding one of those bytes or an empty list element is stored as JSON instead
/// (it starts with `{`), so every summary round-trips.
enum CaseSummaryCodec {
    private static let tag = "c1"
    private static let unitSeparator: UInt8 = 0x1F
    private static let recordSeparator: UInt8 = 0x1E
    private static let groupSeparator: UInt8 = 0x1D

    /// The encoded summary; JSON when the compact form cannot hold it.
    static func encode(_ summary: CaseSummary) throws -> String {
        if let compact = compact(summary) { return compact }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }

    private static func compact(_ summary: CaseSummary) -> String? {
        var clean = true
        func field(_ value: String) -> String {
            // Bytes, not Characters: a separator must never hide inside a grapheme cluster.
            if value.utf8.contains(where: { $0 >= groupSeparator && $0 <= unitSeparator }) { clean = false }
            return value
        }
        func list(_ values: [String]) -> String {
            if values.contains(where: \.isEmpty) { clean = false }
            return values.map(field).joined(separator: "\u{1E}")
        }
        // "" is nil, "+x" is x, so nil and "" stay distinct.
        func optional(_ value: String?) -> String { value.map { "+" + field($0) } ?? "" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let alterations = summary.alterations.map { pattern in
            [
                field(pattern.gene), pattern.kind.rawValue, field(pattern.variant), optional(pattern.partner),
                number(pattern.position), optional(pattern.alternate), number(pattern.exon),
            ].joined(separator: "\u{1D}")
        }
        let text = [
            tag, optional(summary.title), optional(summary.pmid), list(summary.diseases), list(summary.drugs),
            alterations.joined(separator: "\u{1E}"),
        ].joined(separator: "\u{1F}")
        return clean ? text : nil
    }

    /// Decodes a stored summary from its UTF-8 bytes.
    ///
    /// - Throws: `DecodingError` when the bytes are neither form.
    static func decode(id: String, from data: Data) throws -> CaseSummary {
        if data.first == UInt8(ascii: "{") {
            var summary = try JSONDecoder().decode(CaseSummary.self, from: data)
            summary.id = id
            return summary
        }
        return try data.withUnsafeBytes { raw in
            try decodeCompact(id: id, bytes: raw.bindMemory(to: UInt8.self))
        }
    }

    private static func decodeCompact(id: String, bytes: UnsafeBufferPointer<UInt8>) throws -> CaseSummary {
        let fields = bytes.split(separator: unitSeparator, omittingEmptySubsequences: false)
        guard fields.count == 6, string(fields[0]) == tag else { throw corrupt("unknown summary format") }
        var alterations: [AlterationPattern] = []
        for element in elements(fields[5]) {
            let parts = element.split(separator: groupSeparator, omittingEmptySubsequences: false)
            guard parts.count == 7, let kind = AlterationKind(rawValue: string(parts[1])) else {
                throw corrupt("malformed alteration in summary")
            }
            alterations.append(
                AlterationPattern(
                    gene: string(parts[0]),
                    kind: kind,
                    variant: string(parts[2]),
                    partner: optional(parts[3]),
                    position: try number(parts[4]),
                    alternate: optional(parts[5]),
                    exon: try number(parts[6])
                )
            )
        }
        return CaseSummary(
            id: id,
            title: optional(fields[1]),
            pmid: optional(fields[2]),
            diseases: elements(fields[3]).map(string),
            alterations: alterations,
            drugs: elements(fields[4]).map(string)
        )
    }

    private static func elements(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        field.isEmpty ? [] : field.split(separator: recordSeparator, omittingEmptySubsequences: false)
    }

    private static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    private static func optional(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        bytes.first == UInt8(ascii: "+") ? string(bytes.dropFirst()) : nil
    }

    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws -> Int? {
        if bytes.isEmpty { return nil }
        guard let value = Int(string(bytes)) else { throw corrupt("malformed number in summary") }
        return value
    }

    private static func corrupt(_ message: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: message))
    }
}
