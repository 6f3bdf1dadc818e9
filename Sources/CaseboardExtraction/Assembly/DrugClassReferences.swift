import CaseboardCore
import CaseboardVocabularies

/// A drug class written in place of the patient's drug: "an FLT3 TKI", "these TKIs",
/// "second-generation TKIs", "the covalent BTK inhibitor", "the BRAF and MEK inhibitors", "the
/// aromatase inhibitor". Therapy assembly lets an outcome stated for the class reach the drug;
/// resistance reading lets a failure stated for it reach the drug.
extension CaseAssembler {
    /// One class phrase and the latest line holding a drug of that class, with those drugs.
    struct ClassReference {
        var range: Range<Int>
        /// Index into the lines given.
        var line: Int
        /// The line's drugs of the class.
        var drugs: [String]
    }

    /// Class phrases in the sentence, each resolved to the latest of `lineDrugs` (each line's INNs)
    /// with a drug of that class. A bare "inhibitor" names no class ("a pump inhibitor"); a bare
    /// "TKI" names any targeted drug.
    func classReferences(in view: SentenceView, lineDrugs: [[String]]) -> [ClassReference] {
        // The pattern needs "TKI" or "inhibitor": a byte test first, far cheaper than the pattern.
        guard !lineDrugs.isEmpty, sentence(view, containsAnyOf: Self.classWords, ignoringCase: false) else { return [] }
        let sentenceText = text(view.range)
        var references: [ClassReference] = []
        for match in sentenceText.matches(of: Self.classPattern) {
            let start = view.range.lowerBound + sentenceText.utf8.distance(from: sentenceText.startIndex, to: match.range.lowerBound)
            let end = view.range.lowerBound + sentenceText.utf8.distance(from: sentenceText.startIndex, to: match.range.upperBound)
            let generation = match.output.1.flatMap { Self.generations[String($0).lowercased()] }
            let qualifiers = [match.output.2, match.output.3].compactMap { $0.map { String($0).lowercased() } }
            let phrase = String(match.output.0)
            if generation == nil, qualifiers.isEmpty, !phrase.contains("TKI"), !phrase.contains("kinase") { continue }
            func ofClass(_ inn: String) -> Bool {
                guard let drug = vocabularies.drug(inn: inn) else { return false }
                let drugClass = drug.drugClass.lowercased()
                if let generation, !drugClass.contains(generation) { return false }
                // A named target or class word ("BTK", "aromatase") says which; without one, any targeted drug.
                guard !qualifiers.isEmpty else { return drug.category == "targeted" }
                return qualifiers.contains { drug.targets.first?.lowercased() == $0 || drugClass.hasPrefix($0 + " ") }
            }
            guard let latest = lineDrugs.indices.last(where: { lineDrugs[$0].contains(where: ofClass) }) else { continue }
            references.append(ClassReference(range: start..<end, line: latest, drugs: lineDrugs[latest].filter(ofClass)))
        }
        return references
    }

    private static let classWords = ["TKI", "inhibitor", "kinase"].map { Array($0.utf8) }

    /// An optional generation, an optional first target joined by "and", then a target symbol or
    /// "aromatase", before "TKI" or "inhibitor". Hyphens may be U+2010, as many publishers print them.
    nonisolated(unsafe) private static let classPattern =
        /\b(?:(?:these|those|both|the|an?|all|two|three)\s+)?(?:((?i:first|second|third|1st|2nd|3rd)[-‐ ]generation)[-‐ ]?\s*)?(?:(?:covalent|non[-‐]?covalent|selective|irreversible|reversible)\s+)?(?:([A-Z][A-Z0-9]{1,5})\s+and\s+)?([A-Z][A-Z0-9]{1,5}|aromatase)?[-‐ ]?(?:TKIs?|tyrosine kinase inhibitors?|inhibitors?)\b/

    private static let generations: [String: String] = [
        "first generation": "1st generation", "1st generation": "1st generation", "second generation": "2nd generation",
        "2nd generation": "2nd generation", "third generation": "3rd generation", "3rd generation": "3rd generation",
        "first-generation": "1st generation", "1st-generation": "1st generation", "second-generation": "2nd generation",
        "2nd-generation": "2nd generation", "third-generation": "3rd generation", "3rd-generation": "3rd generation",
        "first‐generation": "1st generation", "1st‐generation": "1st generation", "second‐generation": "2nd generation",
        "2nd‐generation": "2nd generation", "third‐generation": "3rd generation", "3rd‐generation": "3rd generation",
    ]
}
