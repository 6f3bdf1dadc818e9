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

    enum CodingKeys: String, CodingKey {
        case id, disease, alterations
        case priorTherapies = "prior_therapies"
    }

    public init(id: String? = nil, disease: String?, alterations: [String], priorTherapies: [PriorTherapy] = []) {
        self.id = id
        self.disease = disease
        self.alterations = alterations
        self.priorTherapies = priorTherapies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        disease = try container.decodeIfPresent(String.self, forKey: .disease)
        alterations = try container.decodeIfPresent([String].self, forKey: .alterations) ?? []
        priorTherapies = try container.decodeIfPresent([PriorTherapy].self, forKey: .priorTherapies) ?? []
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

    var rank: Int {
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
    public var options: [TherapyOption]
    public var resistance: [ResistanceAlert]
    public var similarCases: [SimilarCase]
    /// The knowledge-base snapshot the result was computed on.
    public var snapshot: String

    enum CodingKeys: String, CodingKey {
        case id, disease, alterations, problems, options, resistance, snapshot
        case similarCases = "similar_cases"
    }
}

public struct ResolvedDisease: Sendable, Codable, Hashable {
    public var input: String
    public var code: String
    public var name: String
}

public struct ResolvedAlteration: Sendable, Codable, Hashable {
    public var input: String
    public var label: String
    public var gene: String
    public var variant: String
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
    public var level: String
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

    enum CodingKeys: String, CodingKey {
        case rank, drugs, level, alterations, partner, evidence, why, demoted
        case diseaseMatch = "disease_match"
        case matchSpecificity = "match_specificity"
        case priorResponse = "prior_response"
    }
}

/// A drug the patient's alterations or history argue against.
public struct ResistanceAlert: Sendable, Codable, Hashable {
    public var drugs: [String]
    /// The patient's alteration behind the alert, or "prior therapy".
    public var alteration: String
    public var evidence: [EvidenceReference]
    public var why: String
    /// `evidence`, `class rule` or `prior progression`.
    public var basis: String
}

/// One piece of evidence as a result shows it.
public struct EvidenceReference: Sendable, Codable, Hashable {
    public var id: String
    public var source: String
    public var level: String
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
