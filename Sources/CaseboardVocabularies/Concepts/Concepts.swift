/// An HGNC gene.
public struct Gene: Sendable, Codable, Hashable, Identifiable {
    /// The HGNC-approved symbol, such as `FLT3`.
    public var symbol: String
    /// The numeric part of the HGNC id (`HGNC:3765` → `3765`).
    public var hgncID: String
    public var entrezID: String?
    /// `protein-coding`, `non-coding RNA`, `pseudogene` or another HGNC locus group.
    public var locusGroup: String
    /// The HGNC-approved name.
    public var name: String
    /// Aliases and previous symbols that Caseboard recognizes for this gene.
    public var aliases: [String]
    /// Long names that Caseboard recognizes, beyond the approved one.
    public var otherNames: [String]

    public var id: String { symbol }
}

/// A drug, by its lowercase INN.
public struct Drug: Sendable, Codable, Hashable, Identifiable {
    /// Lowercase generic (INN) name, such as `sorafenib`.
    public var name: String
    public var brands: [String]
    /// Development codes, such as `BAY 43-9006`.
    public var codes: [String]
    public var salts: [String]
    public var synonyms: [String]
    /// Main targets as HGNC symbols.
    public var targets: [String]
    /// Mechanism class, such as `FLT3 inhibitor, type II`.
    public var drugClass: String
    /// `targeted`, `chemotherapy`, `hypomethylating`, `antibody`, `steroid`, `supportive`, ...
    public var category: String
    /// The DrugBank accession (`DB00619`), from the DrugBank open vocabulary (CC0), when the drug has an entry.
    public var drugbankID: String? = nil
    /// The FDA UNII (`BKJ8M8G5HI`), from the same DrugBank entry.
    public var unii: String? = nil

    public var id: String { name }
}

/// A named combination regimen, such as `FOLFOX` or `7+3`.
public struct Regimen: Sendable, Codable, Hashable, Identifiable {
    public var abbreviation: String
    /// Lowercase INNs of the component drugs.
    public var drugs: [String]
    public var description: String
    /// True when the abbreviation also means something else (`VA`, `AC`, `ICE`); such
    /// abbreviations count only where the text defines them or names a drug beside them.
    public var isAmbiguous: Bool

    public var id: String { abbreviation }
}

/// A disease: an OncoTree node, or a non-cancer condition that appears beside cancers.
public struct Disease: Sendable, Codable, Hashable, Identifiable {
    /// The OncoTree code (`AML`), or `COND:...` for a non-cancer condition.
    public var code: String
    public var name: String
    /// The parent OncoTree code; nil for the root and for non-cancer conditions.
    public var parent: String?
    public var mainType: String?
    public var tissue: String?
    /// OncoTree level: 0 for the root, 1 for tissues.
    public var level: Int
    public var umls: [String]
    public var nci: [String]
    /// Disease Ontology id where known, such as `DOID:418`.
    public var doid: String?
    public var synonyms: [String]
    public var isCancer: Bool

    public var id: String { code }
}

/// A CTCAE v5 adverse-event term.
public struct AdverseEventTerm: Sendable, Codable, Hashable, Identifiable {
    /// The CTCAE term, lowercase, such as `palmar-plantar erythrodysesthesia syndrome`.
    public var term: String
    /// The CTCAE system organ class.
    public var systemOrganClass: String
    public var synonyms: [String]

    public var id: String { term }
}

/// What a recognized mention refers to.
public enum ConceptKind: String, Sendable, Codable, Hashable, CaseIterable {
    case gene
    case drug
    case regimen
    case disease
    case adverseEvent
}

/// A reference to one concept in a ``Vocabularies`` value.
public enum ConceptReference: Sendable, Hashable {
    case gene(Int)
    case drug(Int)
    case regimen(Int)
    case disease(Int)
    case adverseEvent(Int)

    public var kind: ConceptKind {
        switch self {
        case .gene: .gene
        case .drug: .drug
        case .regimen: .regimen
        case .disease: .disease
        case .adverseEvent: .adverseEvent
        }
    }
}
