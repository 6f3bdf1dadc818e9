/// How strictly a surface form must match the text.
public enum MatchPolicy: String, Sendable, Codable, Hashable {
    /// Any letter case: "Sorafenib", "SORAFENIB".
    case anyCase
    /// The exact case of the vocabulary: `FLT3`, not `flt3`.
    case exactCase
    /// Exact case, and only with molecular context nearby (gene symbols that are also words
    /// or clinical abbreviations: `MET`, `SET`, `CAT`, CD markers).
    case exactCaseInContext
    /// Exact case, and only where the text defines the abbreviation or names a component drug
    /// beside it (ambiguous regimen and disease abbreviations such as `VA` or `MS`).
    case definitionRequired
}

/// The kind of surface form that matched.
public enum SurfaceKind: String, Sendable, Codable, Hashable {
    case symbol
    case alias
    case previousSymbol
    case name
    case brand
    case code
    case salt
    case synonym
    case abbreviation
}

/// A vocabulary term found in text.
public struct TermMatch: Sendable, Hashable {
    /// UTF-8 offsets into the scanned text.
    public var range: Range<Int>
    public var concept: ConceptReference
    public var surfaceKind: SurfaceKind
    public var policy: MatchPolicy

    public init(range: Range<Int>, concept: ConceptReference, surfaceKind: SurfaceKind, policy: MatchPolicy) {
        self.range = range
        self.concept = concept
        self.surfaceKind = surfaceKind
        self.policy = policy
    }
}

/// One surface form in the lexicon.
struct LexiconEntry: Sendable {
    var concept: ConceptReference
    var surfaceKind: SurfaceKind
    var policy: MatchPolicy
    /// The key without case folding, for exact-case checks.
    var exactKey: [UInt8]
    /// Whether a plural "s"/"es" may follow (common nouns: diseases, adverse events, names).
    var allowsPlural: Bool
    /// Whether a final "e" may follow: French and Italian drug names ("naproxene",
    /// "actinomycine") in reports by non-English authors.
    var allowsTrailingE: Bool
}
