import CaseboardVocabularies
import Foundation

/// Reading the patient's age from the disease as written: "10-year-old boy", "4-month-old",
/// "4 mo M", "58F", "15 y/o F", "19 yo".
extension Matcher {
    /// The age in years the text gives, or nil. A duration ("PD at 3 yrs", "x 20 mo") is not an age.
    static func age(in text: String?) -> Double? {
        guard let text, !text.isEmpty else { return nil }
        for (pattern, perYear) in agePatterns {
            guard let range = pattern.firstRange(ofGroup: 1, in: text), let number = Double(text[range]) else { continue }
            let years = number / perYear
            if years < 130 { return years }
        }
        return nil
    }

    /// Most certain first; the divisor turns the number into years.
    private static let agePatterns: [(CompiledPattern, Double)] = [
        (#"\b(\d{1,3}(?:\.\d)?)[\s\-‐]*(?:years?|yrs?)[\s\-‐]*old\b"#, 1),
        (#"\b(\d{1,2})[\s\-‐]*(?:months?|mos?)[\s\-‐]*old\b"#, 12),
        (#"\b(\d{1,2})\s*(?:months?|mos?)\s+(?:M|F|boy|girl|male|female|infant)\b"#, 12),
        (#"\b(\d{1,3})\s?[MFmf]\b"#, 1),
        (#"(?<!\bat |\bafter |\bfor |\bx |\bover |\bsince |\bwithin |\bby |\bin )\b(\d{1,3})\s*(?:y/o|yo|y\.o\.)(?=[\s,;)]|$)"#, 1),
        // "yr" and "y" alone are as often a duration ("olaparib maint 2 yr PD"): an age only beside a
        // sex, or standing as its own item of the text ("NSCLC, 64 yrs", "age 64 y").
        (#"\b(\d{1,3})\s*(?:yrs?|y)\s*(?:M|F|male|female|man|woman|boy|girl)\b"#, 1),
        (#"(?:^|[,;(]\s*|\baged?\s+)(\d{1,3})\s*(?:yrs?|y)(?=\s*(?:[,;)]|$))"#, 1),
    ].map { pattern, divisor in (CompiledPattern(pattern, caseInsensitive: true), divisor) }
}
