import Foundation

/// A regular expression compiled once and searched as `String.range(of:options: .regularExpression)` searches:
/// the same ICU engine, `.caseInsensitive` the only option, the whole string unless a range is given.
///
/// `range(of:options: .regularExpression)` and `replacingOccurrences(of:with:options: .regularExpression)`
/// compile their pattern at every call (Foundation's cache holds ten patterns): a third of the CPU time of
/// seeding a knowledge base went to compiling the alteration readers' patterns (session 21). Held in
/// `static let` constants beside their readers.
package struct CompiledPattern: Sendable {
    private let expression: NSRegularExpression

    /// Compiles `pattern`; a pattern that does not compile is a programming error.
    package init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? .caseInsensitive : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    /// The range of the first match in `text`, as `text.range(of: pattern, options: .regularExpression)`.
    package func firstRange(in text: String) -> Range<String.Index>? {
        firstRange(in: text, range: text.startIndex..<text.endIndex)
    }

    /// The range of the first match inside `range` of `text`, as `text.range(of:options:range:)` with a range.
    package func firstRange(in text: String, range: Range<String.Index>) -> Range<String.Index>? {
        let found = expression.rangeOfFirstMatch(in: text, options: [], range: NSRange(range, in: text))
        guard found.location != NSNotFound else { return nil }
        return Range(found, in: text)
    }

    /// The range of capture group `group` in the first match in `text`; nil when nothing matches or the group took no part.
    package func firstRange(ofGroup group: Int, in text: String) -> Range<String.Index>? {
        guard let match = expression.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) else {
            return nil
        }
        return Range(match.range(at: group), in: text)
    }

    /// Whether the pattern matches anywhere in `text`.
    package func matches(_ text: String) -> Bool {
        firstRange(in: text) != nil
    }

    /// `text` with every match replaced by `template` (`$1` for a group), as
    /// `text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)`.
    package func replacingMatches(in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template)
    }
}
