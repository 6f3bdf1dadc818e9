/// One recognized entity mention, for mention-level output (PubTator, BioC) and review.
public struct EntityMention: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case gene
        case variant
        case drug
        case disease
        case adverseEvent = "adverse_event"
    }

    public var kind: Kind
    /// A finer type: `ProteinMutation`, `DNAMutation`, `SNP` or `Event` for variants; `cancer`
    /// or `condition` for diseases; `regimen` for a regimen abbreviation.
    public var subtype: String?
    /// The normalized identifier: HGNC symbol, normalized variant, INN, OncoTree or `COND:`
    /// code, CTCAE term.
    public var identifier: String
    /// UTF-8 offsets into the document text.
    public var start: Int
    public var end: Int
    public var evidence: Evidence

    public init(kind: Kind, subtype: String? = nil, identifier: String, start: Int, end: Int, evidence: Evidence) {
        self.kind = kind
        self.subtype = subtype
        self.identifier = identifier
        self.start = start
        self.end = end
        self.evidence = evidence
    }
}
