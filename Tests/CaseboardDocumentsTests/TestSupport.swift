import CaseboardCore
import Foundation
import Testing

enum Fixture {
    /// The bytes of a file in `Fixtures/`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }
}

extension Document {
    /// The UTF-8 range of the `occurrence`-th appearance of `needle` in the text.
    func textRange(of needle: String, occurrence: Int = 0) -> Range<Int>? {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            if seen == occurrence { return start..<(start + pattern.count) }
            seen += 1
        }
        return nil
    }

    /// The input bytes that the text of `needle` maps back to, decoded as UTF-8.
    func sourceText(of needle: String, in input: [UInt8], occurrence: Int = 0) -> String? {
        guard let range = textRange(of: needle, occurrence: occurrence) else { return nil }
        let source = sourceMap.sourceRange(ofText: range)
        guard source.lowerBound >= 0, source.upperBound <= input.count else { return nil }
        return String(decoding: input[source], as: UTF8.self)
    }

    /// Sections as (kind, heading) pairs, for compact expectations.
    var outline: [String] {
        sections.map { "\($0.kind.rawValue):\($0.heading ?? "-")" }
    }

    /// The text of the first section of `kind`.
    func firstText(of kind: SectionKind) -> String? {
        sections.first { $0.kind == kind }.map { String(text(of: $0)) }
    }
}
