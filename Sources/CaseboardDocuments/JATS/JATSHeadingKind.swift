import CaseboardCore

/// A minimal stand-in for `SectionClassifier.kind(forHeading:)`, which is being written
/// separately (`Sections/SectionClassifier.swift`). When it lands, delete this file and call
/// the shared classifier from ``JATSReader`` (one call site, in `JATSReader.swift`).
enum JATSHeadingKind {
    static func kind(forHeading heading: String) -> SectionKind {
        // Drop numbering such as "2.", "3.1" or "II." and punctuation around the words.
        let words = heading.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .filter { !["i", "ii", "iii", "iv", "v", "vi"].contains($0) }
        guard let first = words.first else { return .other }
        let joined = words.joined(separator: " ")
        if first == "case" || first == "cases" {
            return words.count > 1 && words[1] == "control" ? .other : .case
        }
        let casePhrases = [
            "clinical case", "clinical presentation", "clinical history", "patient presentation", "presentation of case",
            "report of case", "history of present illness", "patient and methods", "patients and methods",
        ]
        if casePhrases.contains(where: { joined.hasPrefix($0) }) && !joined.hasPrefix("patients and methods") { return .case }
        if first == "discussion" || first.hasPrefix("conclusion") || joined.hasPrefix("concluding remarks") || first == "comment" {
            return .discussion
        }
        if first == "abstract" || first == "summary" { return .abstract }
        if first == "references" || first == "bibliography" || joined.hasPrefix("literature cited") { return .references }
        return .other
    }

    /// A JATS `sec-type` value, for sections whose heading says nothing.
    static func kind(forSecType secType: String) -> SectionKind {
        let type = secType.lowercased()
        if type.hasPrefix("case") { return .case }
        if type.hasPrefix("discussion") || type.hasPrefix("conclusion") { return .discussion }
        return .other
    }
}
