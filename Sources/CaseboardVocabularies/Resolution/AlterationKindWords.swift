import CaseboardCore
import Foundation

/// The words that say what kind of event a gene has, as one table for the alteration parser,
/// extraction and the server: "amplified", "rearrangement", "loss", "mutant"...
///
/// Forms are lowercase; the longest form that starts the text wins ("copy number gain" before
/// "gain"). "positive" and "+" are not here: after a fusion driver they mean a fusion
/// ("ALK-positive"), after HER2 overexpression, after a receptor a status; the parser decides.
public enum AlterationKindWords {
    /// Words written after a gene: "FLT3 mutation", "MET amplified", "ALK rearrangement".
    public static let following: [(word: String, kind: AlterationKind)] = sortedLongestFirst([
        ("mutation", .mutation), ("mutations", .mutation), ("mutated", .mutation), ("mutant", .mutation), ("mutants", .mutation),
        ("mut", .mutation), ("variant", .mutation), ("variants", .mutation), ("pathogenic variant", .mutation),
        ("alteration", .mutation), ("alterations", .mutation), ("altered", .mutation), ("activating mutation", .mutation),
        ("amplification", .amplification), ("amplifications", .amplification), ("amplified", .amplification), ("amp", .amplification),
        ("copy number gain", .amplification), ("gain", .amplification), ("high-level amplification", .amplification),
        ("fusion", .fusion), ("fusions", .fusion), ("fusion-positive", .fusion), ("rearrangement", .fusion), ("rearrangements", .fusion),
        ("rearranged", .fusion), ("rearrangement-positive", .fusion), ("translocation", .fusion), ("translocations", .fusion),
        ("translocated", .fusion), ("-r", .fusion),
        ("deletion", .deletion), ("deletions", .deletion), ("deleted", .deletion), ("loss", .deletion), ("homozygous deletion", .deletion),
        ("biallelic loss", .deletion), ("copy number loss", .deletion), ("biallelic deletion", .deletion),
        ("overexpression", .expression), ("overexpressed", .expression), ("high expression", .expression), ("expression", .expression),
    ])

    /// Phrases written before a gene: "mutation of", "amplified", "rearrangement of".
    public static let preceding: [(word: String, kind: AlterationKind)] = sortedLongestFirst([
        ("mutations of", .mutation), ("mutation of", .mutation), ("mutations in", .mutation), ("mutation in", .mutation),
        ("mutation of the", .mutation), ("mutated", .mutation), ("mutant", .mutation), ("variants of", .mutation),
        ("variant of", .mutation), ("alterations of", .mutation), ("alteration of", .mutation), ("amplification of", .amplification),
        ("amplified", .amplification), ("rearrangements of", .fusion), ("rearrangement of", .fusion), ("rearranged", .fusion),
        ("fusion of", .fusion), ("translocation of", .fusion), ("deletion of", .deletion), ("loss of", .deletion),
        ("overexpression of", .expression),
    ])

    /// The variant label each kind is written with when no specific change is named.
    public static func genericVariant(_ kind: AlterationKind) -> String {
        switch kind {
        case .fusion: "fusion"
        case .amplification: "amplification"
        case .deletion: "deletion"
        case .expression: "overexpression"
        default: "mutation"
        }
    }

    /// The kind a whole word or phrase after a gene names ("amplified" → amplification), or nil.
    public static func kind(of phrase: String) -> AlterationKind? {
        let lowered = phrase.lowercased().trimmingWhitespace
        return followingIndex[lowered]
    }

    /// The kind named by the phrase that starts `text` at a word boundary, with the phrase.
    public static func kind(startingWith text: String) -> (word: String, kind: AlterationKind)? {
        let lowered = text.lowercased()
        for entry in following where lowered.hasPrefix(entry.word) {
            let rest = lowered.dropFirst(entry.word.count)
            guard let next = rest.first else { return entry }
            if !next.isLetter && !next.isNumber { return entry }
        }
        return nil
    }

    private static let followingIndex: [String: AlterationKind] = Dictionary(
        following.map { ($0.word, $0.kind) },
        uniquingKeysWith: { first, _ in first }
    )

    private static func sortedLongestFirst(_ list: [(String, AlterationKind)]) -> [(word: String, kind: AlterationKind)] {
        list.sorted { $0.0.count > $1.0.count }.map { (word: $0.0, kind: $0.1) }
    }
}
