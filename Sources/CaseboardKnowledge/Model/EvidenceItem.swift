import CaseboardCore

/// One piece of evidence that links a molecular profile in a disease to a therapy, in a form
/// compatible with CIViC evidence items.
public struct EvidenceItem: Sendable, Codable, Hashable, Identifiable {
    /// `civic:EID1409`, `curated:CB-0001`, `case:<case id>:<n>`.
    public var id: String
    public var source: EvidenceSource
    public var profile: MolecularProfile
    public var disease: DiseaseReference
    /// Lowercase INNs of the therapy's drugs.
    public var drugs: [String]
    /// How several drugs relate: given together, in sequence, or as alternatives.
    public var interaction: TherapyInteraction?
    public var evidenceType: EvidenceType
    public var direction: EvidenceDirection
    /// A (validated) to E (inferential), as in CIViC.
    public var level: EvidenceLevel
    public var significance: Significance
    public var citation: Citation
    /// CIViC's 1–5 trust rating, when given.
    public var rating: Int?
    /// The evidence statement or a short note. The bundled tables ship no CIViC prose.
    public var statement: String?
    /// For case-report evidence: where in the report the fact was read.
    public var spans: [Evidence]
    /// For case-report evidence: the stored case it came from.
    public var caseID: String?

    public init(
        id: String,
        source: EvidenceSource,
        profile: MolecularProfile,
        disease: DiseaseReference,
        drugs: [String],
        interaction: TherapyInteraction? = nil,
        evidenceType: EvidenceType = .predictive,
        direction: EvidenceDirection = .supports,
        level: EvidenceLevel,
        significance: Significance,
        citation: Citation = Citation(),
        rating: Int? = nil,
        statement: String? = nil,
        spans: [Evidence] = [],
        caseID: String? = nil
    ) {
        self.id = id
        self.source = source
        self.profile = profile
        self.disease = disease
        self.drugs = drugs
        self.interaction = interaction
        self.evidenceType = evidenceType
        self.direction = direction
        self.level = level
        self.significance = significance
        self.citation = citation
        self.rating = rating
        self.statement = statement
        self.spans = spans
        self.caseID = caseID
    }

    /// Genes the profile names, for indexing.
    public var genes: [String] { profile.components.map(\.gene) }
}

public enum EvidenceSource: String, Sendable, Codable, Hashable, CaseIterable {
    case civic
    case curated
    case caseReport = "case"
}

/// One or more alterations; with `all` every component must be present (CIViC's "AND"
/// molecular profiles), with `any` one suffices.
public struct MolecularProfile: Sendable, Codable, Hashable {
    public enum Operator: String, Sendable, Codable, Hashable {
        case all
        case any
    }

    public var name: String
    public var components: [AlterationPattern]
    public var combination: Operator

    public init(name: String, components: [AlterationPattern], combination: Operator = .all) {
        self.name = name
        self.components = components
        self.combination = combination
    }
}

public struct DiseaseReference: Sendable, Codable, Hashable {
    /// The disease as the source names it.
    public var name: String
    /// The OncoTree code, when known.
    public var oncotree: String?
    public var doid: String?
    /// True for site-agnostic approvals and pan-cancer evidence.
    public var tumorAgnostic: Bool

    public init(name: String, oncotree: String? = nil, doid: String? = nil, tumorAgnostic: Bool = false) {
        self.name = name
        self.oncotree = oncotree
        self.doid = doid
        self.tumorAgnostic = tumorAgnostic
    }
}

public enum TherapyInteraction: String, Sendable, Codable, Hashable {
    case combination
    case sequential
    case substitutes
}

public enum EvidenceType: String, Sendable, Codable, Hashable, CaseIterable {
    case predictive
    case prognostic
    case diagnostic
    case predisposing
    case functional
    case oncogenic
}

public enum EvidenceDirection: String, Sendable, Codable, Hashable {
    case supports
    case doesNotSupport = "does not support"
}

public enum EvidenceLevel: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case e = "E"

    /// 0 for A through 4 for E: the order of strength, without comparing strings.
    public var rank: Int {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        case .d: 3
        case .e: 4
        }
    }

    public static func < (lhs: EvidenceLevel, rhs: EvidenceLevel) -> Bool { lhs.rank < rhs.rank }
}

public enum Significance: String, Sendable, Codable, Hashable, CaseIterable {
    case sensitivity
    case resistance
    case reducedSensitivity = "reduced sensitivity"
    case adverseResponse = "adverse response"
    case other

    /// Resistance and reduced sensitivity argue against a drug.
    public var isAgainst: Bool { self == .resistance || self == .reducedSensitivity }
}

/// Where a piece of evidence comes from.
public struct Citation: Sendable, Codable, Hashable {
    public var pmid: String?
    public var url: String?
    /// "FDA label: Xospata (gilteritinib), 2018", "NCCN AML 2025", "Smith et al., 2012, Nature".
    public var label: String?
    /// `FDA label`, `NCCN`, `ESMO`, `ELN`, `PubMed`, `ASCO`, `case report`.
    public var kind: String?

    public init(pmid: String? = nil, url: String? = nil, label: String? = nil, kind: String? = nil) {
        self.pmid = pmid
        self.url = url
        self.label = label
        self.kind = kind
    }
}
