import CaseboardCore
import CaseboardKnowledge

/// A patient to match: tumour type, molecular profile and therapies already given.
public struct PatientProfile: Sendable, Codable, Hashable {
    /// An optional id that the result repeats, for batches.
    public var id: String?
    /// Free text ("myeloid sarcoma") or an OncoTree code ("MS").
    public var disease: String?
    /// Alterations as clinicians write them ("FLT3-ITD", "EML4::ALK", "ERBB2 amplification").
    public var alterations: [String]
    public var priorTherapies: [PriorTherapy]
    /// Receptor and tumour statuses ("HER2 IHC 3+", "HR-positive", "PD-L1 TPS 50%", "MSS"),
    /// read like alterations; HER2 results also count as the ERBB2 alteration they stand for.
    public var biomarkers: [String]
    /// The line the patient is about to start: 1 is first line. Without it, the line follows
    /// from `priorTherapies` (none means first line).
    public var lineOfTherapy: Int?
    /// Age in years (0.5 for six months). Without it, an age written in the disease ("10-year-old boy",
    /// "4 mo M", "58F") is read; a drug labelled only from an older age then follows the others.
    public var age: Double?

    enum CodingKeys: String, CodingKey {
        case id, disease, alterations, biomarkers, age
        case priorTherapies = "prior_therapies"
        case lineOfTherapy = "line_of_therapy"
    }

    public init(
        id: String? = nil,
        disease: String?,
        alterations: [String],
        priorTherapies: [PriorTherapy] = [],
        biomarkers: [String] = [],
        lineOfTherapy: Int? = nil,
        age: Double? = nil
    ) {
        self.id = id
        self.disease = disease
        self.alterations = alterations
        self.priorTherapies = priorTherapies
        self.biomarkers = biomarkers
        self.lineOfTherapy = lineOfTherapy
        self.age = age
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        disease = try container.decodeIfPresent(String.self, forKey: .disease)
        alterations = try container.decodeIfPresent([String].self, forKey: .alterations) ?? []
        priorTherapies = try container.decodeIfPresent([PriorTherapy].self, forKey: .priorTherapies) ?? []
        biomarkers = try container.decodeIfPresent([String].self, forKey: .biomarkers) ?? []
        lineOfTherapy = try container.decodeIfPresent(Int.self, forKey: .lineOfTherapy)
        if let line = lineOfTherapy, line < 1 {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath + [CodingKeys.lineOfTherapy], debugDescription: "line_of_therapy must be 1 or more")
            )
        }
        age = try container.decodeIfPresent(Double.self, forKey: .age)
        if let age, !(0..<130).contains(age) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath + [CodingKeys.age], debugDescription: "age must be in years, from 0 to under 130")
            )
        }
    }
}

/// A therapy the patient received and how it went.
public struct PriorTherapy: Sendable, Codable, Hashable {
    public var drugs: [String]
    /// "progressive disease", "PD", "complete response", "partial response", "stable disease"...
    public var response: String?

    public init(drugs: [String], response: String? = nil) {
        self.drugs = drugs
        self.response = response
    }
}

/// How the evidence's disease relates to the patient's.
public enum DiseaseRelation: String, Sendable, Codable, Hashable, CaseIterable {
    /// The same OncoTree node.
    case same
    /// The same lineage: one within the other, or sharing a main type ("myeloid sarcoma" ~ AML).
    case related
    /// A site-agnostic approval or pan-cancer evidence.
    case tumorAgnostic = "tumor-agnostic"
    /// Another disease: off-label.
    case other

    /// Same disease first, then tumour-agnostic, related lineage, other.
    public var rank: Int {
        switch self {
        case .same: 0
        case .tumorAgnostic: 1
        case .related: 2
        case .other: 3
        }
    }
}

/// The match contract's result for one profile.
public struct MatchResult: Sendable, Codable, Hashable {
    public var id: String?
    public var disease: ResolvedDisease?
    public var alterations: [ResolvedAlteration]
    /// Inputs that could not be used, each with a message; nothing is dropped silently.
    public var problems: [MatchProblem]
    /// Inputs read and understood but keyed to no evidence ("monosomy 7", "PSA 240 ng/mL", "MGMT promoter
    /// methylated"): echoed with what they were read as, so the clinician sees they were not used.
    public var findings: [ReadFinding]
    public var options: [TherapyOption]
    public var resistance: [ResistanceAlert]
    /// Drug sets that had evidence for the profile but leave `options`: resistant, progressed on,
    /// excluded by their label for this disease, or contraindicated.
    public var notRecommended: [NotRecommendedOption]
    /// Evidence shown but not acted on: case-report resistance below the agreement threshold,
    /// resistance from an unrelated disease, weak resistance that stronger evidence outweighs, and
    /// other-disease gene-level leads set apart from the options.
    public var signals: [MatchSignal]
    public var similarCases: [SimilarCase]
    /// The knowledge-base snapshot the result was computed on.
    public var snapshot: String

    enum CodingKeys: String, CodingKey {
        case id, disease, alterations, problems, findings, options, resistance, signals, snapshot
        case notRecommended = "not_recommended"
        case similarCases = "similar_cases"
    }

    public init(
        id: String?,
        disease: ResolvedDisease?,
        alterations: [ResolvedAlteration],
        problems: [MatchProblem],
        findings: [ReadFinding] = [],
        options: [TherapyOption],
        resistance: [ResistanceAlert],
        notRecommended: [NotRecommendedOption] = [],
        signals: [MatchSignal] = [],
        similarCases: [SimilarCase],
        snapshot: String
    ) {
        self.id = id
        self.disease = disease
        self.alterations = alterations
        self.problems = problems
        self.findings = findings
        self.options = options
        self.resistance = resistance
        self.notRecommended = notRecommended
        self.signals = signals
        self.similarCases = similarCases
        self.snapshot = snapshot
    }

    /// Results written before `not_recommended` and `signals` existed still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        disease = try container.decodeIfPresent(ResolvedDisease.self, forKey: .disease)
        alterations = try container.decode([ResolvedAlteration].self, forKey: .alterations)
        problems = try container.decode([MatchProblem].self, forKey: .problems)
        findings = try container.decodeIfPresent([ReadFinding].self, forKey: .findings) ?? []
        options = try container.decode([TherapyOption].self, forKey: .options)
        resistance = try container.decode([ResistanceAlert].self, forKey: .resistance)
        notRecommended = try container.decodeIfPresent([NotRecommendedOption].self, forKey: .notRecommended) ?? []
        signals = try container.decodeIfPresent([MatchSignal].self, forKey: .signals) ?? []
        similarCases = try container.decode([SimilarCase].self, forKey: .similarCases)
        snapshot = try container.decode(String.self, forKey: .snapshot)
    }
}

public struct ResolvedDisease: Sendable, Codable, Hashable {
    public var input: String
    public var code: String
    public var name: String
    /// How an ambiguous input was settled, in words for the clinician; nil when it was not ambiguous.
    public var via: String?

    public init(input: String, code: String, name: String, via: String? = nil) {
        self.input = input
        self.code = code
        self.name = name
        self.via = via
    }
}

public struct ResolvedAlteration: Sendable, Codable, Hashable {
    public var input: String
    public var label: String
    public var gene: String
    public var variant: String
}

/// An input read as a clinical finding, not an alteration: understood, and matched on nothing.
public struct ReadFinding: Sendable, Codable, Hashable {
    /// `alterations[2]`, `biomarkers[0]`.
    public var field: String
    public var input: String
    /// What it was read as, in words for the clinician.
    public var note: String

    public init(field: String, input: String, note: String) {
        self.field = field
        self.input = input
        self.note = note
    }
}

/// An input item Caseboard could not use, and why.
public struct MatchProblem: Sendable, Codable, Hashable {
    /// `disease`, `alterations[2]`, `prior_therapies[0].drugs[1]`...
    public var field: String
    public var input: String
    public var message: String
}

/// A ranked therapy option with its evidence.
public struct TherapyOption: Sendable, Codable, Hashable {
    public var rank: Int
    public var drugs: [String]
    /// The best evidence level behind the option.
    public var level: EvidenceLevel
    public var diseaseMatch: DiseaseRelation
    /// The patient's alterations the evidence matched, as labels.
    public var alterations: [String]
    public var matchSpecificity: MatchSpecificity
    /// The fusion partner the patient has, when a partner-agnostic fusion row matched.
    public var partner: String?
    public var evidence: [EvidenceReference]
    public var why: String
    /// Whether the patient already received these drugs, and how it went.
    public var priorResponse: String?
    /// Why the option was moved down, if it was.
    public var demoted: String?
    /// The ranking tier (docs/ranking.md): 1 is same-disease or tumour-agnostic approved or
    /// guideline evidence at the patient's own alteration.
    public var tier: RankingTier
    /// True when the best evidence matched only by inference (the patient's alteration is less
    /// specific than the evidence's).
    public var inferred: Bool
    /// The guideline category of the best evidence, if any.
    public var preference: GuidelinePreference?
    /// How the evidence's line of therapy fits the patient's history.
    public var settingFit: SettingFit

    enum CodingKeys: String, CodingKey {
        case rank, drugs, level, alterations, partner, evidence, why, demoted, tier, inferred, preference
        case diseaseMatch = "disease_match"
        case matchSpecificity = "match_specificity"
        case priorResponse = "prior_response"
        case settingFit = "setting_fit"
    }

    public init(
        rank: Int,
        drugs: [String],
        level: EvidenceLevel,
        diseaseMatch: DiseaseRelation,
        alterations: [String],
        matchSpecificity: MatchSpecificity,
        partner: String? = nil,
        evidence: [EvidenceReference],
        why: String,
        priorResponse: String? = nil,
        demoted: String? = nil,
        tier: RankingTier,
        inferred: Bool = false,
        preference: GuidelinePreference? = nil,
        settingFit: SettingFit = .neutral
    ) {
        self.rank = rank
        self.drugs = drugs
        self.level = level
        self.diseaseMatch = diseaseMatch
        self.alterations = alterations
        self.matchSpecificity = matchSpecificity
        self.partner = partner
        self.evidence = evidence
        self.why = why
        self.priorResponse = priorResponse
        self.demoted = demoted
        self.tier = tier
        self.inferred = inferred
        self.preference = preference
        self.settingFit = settingFit
    }

    /// Options written before the tier fields existed still read: their tier follows the level.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rank = try container.decode(Int.self, forKey: .rank)
        drugs = try container.decode([String].self, forKey: .drugs)
        level = try container.decode(EvidenceLevel.self, forKey: .level)
        diseaseMatch = try container.decode(DiseaseRelation.self, forKey: .diseaseMatch)
        alterations = try container.decode([String].self, forKey: .alterations)
        matchSpecificity = try container.decodeIfPresent(MatchSpecificity.self, forKey: .matchSpecificity) ?? .gene
        partner = try container.decodeIfPresent(String.self, forKey: .partner)
        evidence = try container.decode([EvidenceReference].self, forKey: .evidence)
        why = try container.decode(String.self, forKey: .why)
        priorResponse = try container.decodeIfPresent(String.self, forKey: .priorResponse)
        demoted = try container.decodeIfPresent(String.self, forKey: .demoted)
        tier = try container.decodeIfPresent(RankingTier.self, forKey: .tier) ?? (level <= .b ? .clinical : .preclinical)
        inferred = try container.decodeIfPresent(Bool.self, forKey: .inferred) ?? false
        preference = try container.decodeIfPresent(GuidelinePreference.self, forKey: .preference)
        settingFit = try container.decodeIfPresent(SettingFit.self, forKey: .settingFit) ?? .neutral
    }
}

/// The ranking tiers of docs/ranking.md, best first.
public enum RankingTier: Int, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Same-disease or tumour-agnostic level A (label or guideline), direct at the patient's alteration.
    case approved = 1
    /// Same-disease level B, related-lineage A/B, and inferred matches.
    case clinical = 2
    /// Level A/B evidence in another disease: off-label.
    case offLabel = 3
    /// Case reports (level C) and preclinical evidence (D, E).
    case preclinical = 4

    public static func < (lhs: RankingTier, rhs: RankingTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How the evidence's line of therapy fits the patient: with no prior therapy, first-line
/// evidence fits; after progression on X, evidence "after X" (or after X's class) fits.
public enum SettingFit: String, Sendable, Codable, Hashable, CaseIterable {
    case fits
    /// No setting stated, or one that says nothing about this patient's line.
    case neutral
    /// A first-line row for a pretreated patient, or an "after Y" row for a patient who has not had Y.
    case poor

    var rank: Int {
        switch self {
        case .fits: 0
        case .neutral: 1
        case .poor: 2
        }
    }
}

/// Why a drug set with evidence was taken out of the ranked options.
public enum NotRecommendedReason: String, Sendable, Codable, Hashable, CaseIterable {
    /// Resistance evidence or a class rule against it for the patient's alterations.
    case resistance
    /// The patient progressed on it.
    case progressedOn
    /// Its label excludes the patient's disease.
    case labelExcluded
    /// Its label or evidence says it harms patients with this profile.
    case contraindicated
    /// The patient stopped it for a toxicity that rules out giving it again (interstitial lung disease on
    /// trastuzumab deruxtecan), or before the alternatives (a grade 3 toxicity). Not a claim of resistance.
    case stoppedForToxicity
    /// Its only approval for this profile was withdrawn (infigratinib for FGFR2-fused
    /// cholangiocarcinoma, 2024) and no other level A/B evidence in the disease supports it.
    case withdrawn
    /// It is directed at an antigen the patient's tumour was found not to express (a CD19
    /// CAR T-cell therapy for a CD19-negative relapse), or at a mutant gene the tumour was found
    /// wild-type for (vemurafenib for a BRAF wild-type histiocytic neoplasm).
    case targetNotExpressed
    /// Its evidence is for another setting than the curative one the patient is in: a metastatic
    /// line for a patient after resection, an adjuvant row before surgery.
    case otherSetting
}

/// A drug set that had evidence for the profile but is not ranked, and why.
public struct NotRecommendedOption: Sendable, Codable, Hashable {
    public var drugs: [String]
    public var reason: NotRecommendedReason
    public var why: String
    /// The evidence against it (or the excluded label), best first.
    public var evidence: [EvidenceReference]

    public init(drugs: [String], reason: NotRecommendedReason, why: String, evidence: [EvidenceReference]) {
        self.drugs = drugs
        self.reason = reason
        self.why = why
        self.evidence = evidence
    }
}

/// What kind of evidence a signal shows without acting on it.
public enum SignalKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Resistance read from fewer than three independent unreviewed case reports.
    case caseReport = "case-report"
    /// Resistance evidence from a disease unrelated to the patient's.
    case otherDisease = "other-disease"
    /// Weak (level C–E) resistance that level A/B sensitivity evidence for the same drugs and
    /// alteration outweighs, CIViC resistance that a curated level A row outweighs, or uncurated resistance a
    /// curated "not predictive" row sets aside.
    case outweighed
    /// Sensitivity evidence only from another disease, meeting the patient's alteration at gene
    /// level and no better than off-label, set apart from `options` because the patient has
    /// evidence in their own disease (docs/ranking.md, section 7).
    case otherDiseaseLead = "other-disease-lead"
    /// Sensitivity evidence for a class of drugs or a procedure (CIViC's "Platinum Compound",
    /// "Radiation Therapy"), which says what the alteration favours but names nothing one can
    /// give: shown beside the options, never ranked among them.
    case drugClass = "drug-class"
}

/// Evidence shown for a curator's eye, which does not change the ranking: resistance not acted
/// on, and other-disease leads set apart from the options.
public struct MatchSignal: Sendable, Codable, Hashable {
    public var kind: SignalKind
    public var drugs: [String]
    /// The patient's alteration the evidence matched.
    public var alteration: String
    /// Independent case reports (distinct cases) behind it; the number of items otherwise.
    public var count: Int
    /// The stored cases behind a case-report signal.
    public var cases: [String]
    /// Where the case reports said it.
    public var spans: [Evidence]
    public var evidence: [EvidenceReference]
    public var why: String

    public init(
        kind: SignalKind,
        drugs: [String],
        alteration: String,
        count: Int,
        cases: [String] = [],
        spans: [Evidence] = [],
        evidence: [EvidenceReference],
        why: String
    ) {
        self.kind = kind
        self.drugs = drugs
        self.alteration = alteration
        self.count = count
        self.cases = cases
        self.spans = spans
        self.evidence = evidence
        self.why = why
    }
}

/// A drug the patient's alterations or history argue against.
public struct ResistanceAlert: Sendable, Codable, Hashable {
    public var drugs: [String]
    /// The patient's alteration behind the alert, or "prior therapy".
    public var alteration: String
    public var evidence: [EvidenceReference]
    public var why: String
    public var basis: ResistanceBasis

    public init(drugs: [String], alteration: String, evidence: [EvidenceReference], why: String, basis: ResistanceBasis) {
        self.drugs = drugs
        self.alteration = alteration
        self.evidence = evidence
        self.why = why
        self.basis = basis
    }
}

/// What a resistance alert rests on, strongest first.
public enum ResistanceBasis: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
    /// Resistance evidence for the patient's alteration.
    case evidence
    /// A mechanism-class rule extending resistance to the drug's class.
    case classRule = "class rule"
    /// The patient progressed on the drugs.
    case priorProgression = "prior progression"

    public var description: String { rawValue }
}

/// One piece of evidence as a result shows it.
public struct EvidenceReference: Sendable, Codable, Hashable {
    public var id: String
    public var source: String
    public var level: EvidenceLevel
    public var significance: String
    public var pmid: String?
    public var url: String?
    public var citation: String?
    public var disease: String
    public var profile: String
    public var diseaseMatch: DiseaseRelation
    public var matchSpecificity: MatchSpecificity

    enum CodingKeys: String, CodingKey {
        case id, source, level, significance, pmid, url, citation, disease, profile
        case diseaseMatch = "disease_match"
        case matchSpecificity = "match_specificity"
    }
}

/// A stored case report that resembles the patient.
public struct SimilarCase: Sendable, Codable, Hashable {
    /// The stored case id.
    public var `case`: String
    public var title: String?
    public var pmid: String?
    /// 0–1: the share of the patient's features the case has.
    public var score: Double
    /// The shared features, named.
    public var shared: [String]
}
