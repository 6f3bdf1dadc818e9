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
    /// What the row covers, as its source states it; nil when the source gives none (CIViC, case
    /// reports), in which case ``alterationScope(of:)`` derives it from the pattern.
    public var scope: AlterationScope?
    /// OncoTree codes the row excludes, with their descendants ("tumour-agnostic except COADREAD").
    public var excludedDiseases: [String]
    /// Lines of therapy the evidence is about; empty means any.
    public var settings: [TherapySetting]
    /// States of the disease the evidence is for (castration-resistant, non-metastatic); empty means any.
    public var diseaseStates: [DiseaseState]
    /// The guideline's category for the regimen, when a guideline gives one.
    public var preference: GuidelinePreference?
    /// The FDA approval of this indication, when it is one.
    public var approval: Approval?
    /// Set by a curator (`caseboard kb review`): the item was checked by a person, so a single
    /// case report may then change the ranking.
    public var reviewed: Bool
    /// Alterations whose presence rules the row out (a curated row's `unless` list), such as EGFR
    /// and ALK alterations for chemo-immunotherapy in lung cancer (FDA label: Keytruda
    /// (pembrolizumab), NSCLC with no EGFR or ALK genomic tumour aberrations). A disease-level row
    /// (scope ``AlterationScope/disease``) has no profile components, only this list.
    public var ruledOutBy: [AlterationPattern]
    /// The row is for an inherited variant only (a curated alteration written `germline …`): the
    /// label of belzutifan for von Hippel-Lindau disease is for germline VHL variants, not the
    /// somatic VHL loss of most clear cell renal cancers (FDA label: Welireg (belzutifan), 2021).
    public var germlineOnly: Bool

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
        caseID: String? = nil,
        scope: AlterationScope? = nil,
        excludedDiseases: [String] = [],
        settings: [TherapySetting] = [],
        diseaseStates: [DiseaseState] = [],
        preference: GuidelinePreference? = nil,
        approval: Approval? = nil,
        reviewed: Bool = false,
        ruledOutBy: [AlterationPattern] = [],
        germlineOnly: Bool = false
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
        self.scope = scope
        self.excludedDiseases = excludedDiseases
        self.settings = settings
        self.diseaseStates = diseaseStates
        self.preference = preference
        self.approval = approval
        self.reviewed = reviewed
        self.ruledOutBy = ruledOutBy
        self.germlineOnly = germlineOnly
    }

    enum CodingKeys: String, CodingKey {
        case id, source, profile, disease, drugs, interaction, evidenceType, direction, level, significance, citation, rating
        case statement, spans, caseID, scope, excludedDiseases, settings, diseaseStates, preference, approval, reviewed, ruledOutBy, germlineOnly
    }

    /// Items stored before the scope, setting and review fields existed still load, with defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        source = try container.decode(EvidenceSource.self, forKey: .source)
        profile = try container.decode(MolecularProfile.self, forKey: .profile)
        disease = try container.decode(DiseaseReference.self, forKey: .disease)
        drugs = try container.decode([String].self, forKey: .drugs)
        interaction = try container.decodeIfPresent(TherapyInteraction.self, forKey: .interaction)
        evidenceType = try container.decodeIfPresent(EvidenceType.self, forKey: .evidenceType) ?? .predictive
        direction = try container.decodeIfPresent(EvidenceDirection.self, forKey: .direction) ?? .supports
        level = try container.decode(EvidenceLevel.self, forKey: .level)
        significance = try container.decode(Significance.self, forKey: .significance)
        citation = try container.decodeIfPresent(Citation.self, forKey: .citation) ?? Citation()
        rating = try container.decodeIfPresent(Int.self, forKey: .rating)
        statement = try container.decodeIfPresent(String.self, forKey: .statement)
        spans = try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        caseID = try container.decodeIfPresent(String.self, forKey: .caseID)
        scope = try container.decodeIfPresent(AlterationScope.self, forKey: .scope)
        excludedDiseases = try container.decodeIfPresent([String].self, forKey: .excludedDiseases) ?? []
        settings = try container.decodeIfPresent([TherapySetting].self, forKey: .settings) ?? []
        diseaseStates = try container.decodeIfPresent([DiseaseState].self, forKey: .diseaseStates) ?? []
        preference = try container.decodeIfPresent(GuidelinePreference.self, forKey: .preference)
        approval = try container.decodeIfPresent(Approval.self, forKey: .approval)
        reviewed = try container.decodeIfPresent(Bool.self, forKey: .reviewed) ?? false
        ruledOutBy = try container.decodeIfPresent([AlterationPattern].self, forKey: .ruledOutBy) ?? []
        germlineOnly = try container.decodeIfPresent(Bool.self, forKey: .germlineOnly) ?? false
    }

    /// Whether the row is for a disease as such, whatever its alterations (a label or guideline
    /// that names no biomarker): matched through the patient's disease, not an alteration.
    public var isDiseaseLevel: Bool { scope == .disease }

    /// Genes the profile names, for indexing.
    public var genes: [String] { profile.components.map(\.gene) }

    /// The scope a component of the profile is matched within: the stated scope for a
    /// one-component profile, else the scope the component's own pattern implies.
    public func alterationScope(of component: AlterationPattern) -> AlterationScope {
        if let scope, profile.components.count == 1 { return scope }
        return AlterationScope(deriving: component)
    }
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

    /// The name of a curated tumour-agnostic row whose label covers solid tumours only.
    public static let solidTumoursName = "any solid tumour"

    /// A tumour-agnostic row for solid tumours only ("solid tumors" in the FDA labels of
    /// dabrafenib + trametinib, larotrectinib, entrectinib, selpercatinib and pembrolizumab for
    /// MSI-H), which does not cover a haematological neoplasm. Read from the name, which is
    /// stored by every store, so the distinction needs no schema change.
    public var isSolidTumoursOnly: Bool {
        tumorAgnostic && name.lowercased().contains("solid")
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

extension EvidenceLevel: CustomStringConvertible {
    /// "A" … "E", as sources and the match contract write levels.
    public var description: String { rawValue }
}

public enum Significance: String, Sendable, Codable, Hashable, CaseIterable {
    case sensitivity
    case resistance
    case reducedSensitivity = "reduced sensitivity"
    case adverseResponse = "adverse response"
    /// The label excludes the use or it harms patients with this profile.
    case contraindicated
    /// Curated only: guidelines do not use this alteration to choose for or against the regimen in this disease,
    /// although studies reported an association (PIK3CA mutations and anti-EGFR antibodies in colorectal cancer).
    /// CIViC and case-report resistance it covers is shown, never acted on.
    case notPredictive = "not predictive"
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
