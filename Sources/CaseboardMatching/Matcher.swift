import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// Answers the tumour board's question: for this tumour, these alterations and these drugs
/// already tried, which therapies have evidence, which will not work, and which published
/// cases resemble the patient.
///
/// The work is split by job: reading the inputs (`MatchInputs.swift`), selecting the evidence
/// within each row's alteration and disease scope (`EvidenceSelection.swift`), weighing
/// resistance by regimen, disease and provenance (`Resistance.swift`), ranking in the tiers of
/// `docs/ranking.md` (`Ranking.swift`) and scoring similar cases (`SimilarCases.swift`).
public struct Matcher: Sendable {
    public let vocabularies: Vocabularies
    public let index: KnowledgeIndex
    public var maximumSimilarCases = 5
    /// How inputs were read before; shared by the matchers of one server.
    public let cache: ResolutionCache

    /// - Parameter cache: Pass the same cache to every matcher built over these vocabularies
    ///   (a server builds one per index change) so that inputs read once stay read.
    public init(vocabularies: Vocabularies, index: KnowledgeIndex, cache: ResolutionCache = ResolutionCache()) {
        self.vocabularies = vocabularies
        self.index = index
        self.cache = cache
    }

    /// The options, alerts and similar cases for a profile.
    ///
    /// When the current task is cancelled (a server request past its deadline), the evidence walk
    /// and the similar-case search stop early and the result is incomplete: a caller that cancels
    /// discards it.
    public func match(_ profile: PatientProfile) -> MatchResult {
        // Alterations are read first (they may settle an ambiguous disease); problems are still
        // reported in the profile's order: disease, alterations, prior therapies.
        var alterationProblems: [MatchProblem] = []
        var findings: [ReadFinding] = []
        var diseaseVia: String?
        let typed =
            resolveAlterations(
                profile.alterations,
                field: "alterations",
                problems: &alterationProblems,
                findings: &findings,
                transformations: Self.transformationEntries(profile.alterations)
            )
            + resolveAlterations(profile.biomarkers, field: "biomarkers", problems: &alterationProblems, findings: &findings)
        // Prior drugs too may settle an ambiguous abbreviation ("MM" after lenalidomide).
        var priorProblems: [MatchProblem] = []
        let priors = resolvePriors(profile.priorTherapies, problems: &priorProblems)
        var problems: [MatchProblem] = []
        var (disease, diseaseBiomarkers) = resolveDisease(
            profile.disease,
            alterations: typed,
            priorDrugs: Set(priors.flatMap(\.drugs)),
            problems: &problems,
            via: &diseaseVia
        )
        problems += alterationProblems + priorProblems
        let transformation = self.transformation(
            diseaseText: profile.disease,
            alterations: profile.alterations,
            resolved: disease,
            priors: priors
        )
        if let transformation {
            if disease?.code != transformation.disease.code {
                diseaseVia = "'\(transformation.written)': a histologic transformation, read as \(transformation.disease.name)"
            }
            disease = transformation.disease
        }
        let alterations = typed + diseaseBiomarkers + definingAlterations(of: disease, besides: typed + diseaseBiomarkers)
        // After a transformation the earlier disease's lines are history: the new disease starts at its first
        // line, while progression on them still raises its alerts.
        let historyOnly = transformation?.priorsAreHistory == true
        // Entries of the alterations that describe the disease ("high-volume metastatic disease") are read with it.
        let descriptions = diseaseDescriptions(in: profile.alterations)
        let diseaseText = descriptions.isEmpty ? profile.disease : ([profile.disease ?? ""] + descriptions).joined(separator: "; ")
        var patient = context(
            disease: disease,
            alterations: alterations,
            priors: historyOnly ? [] : priors,
            lineOfTherapy: profile.lineOfTherapy,
            age: profile.age ?? Self.age(in: profile.disease),
            diseaseText: diseaseText,
            otherTexts: profile.alterations + profile.biomarkers
        )
        var relations = RelationMemo(patient: disease, vocabularies: vocabularies)
        let hits = matchEvidence(alterations, relations: &relations)
        // A curative setting orders options only where the patient's own disease has evidence that
        // fits it: a glioblastoma "after gross total resection" keeps its first-line temozolomide row,
        // and a gastric cancer operated without perioperative FLOT is not left with no option.
        let fitsOwnDisease = { (patient: PatientContext) in
            hits.contains(where: { $0.isOwnDisease && $0.item.significance == .sensitivity && self.settingFit($0.item, patient: patient) == .fits })
        }
        if patient.curative != nil, !fitsOwnDisease(patient) { patient.curative = nil }
        patient.smallCellFromDriver = transformation?.disease.code == "SCLC" && alterations.contains { ["EGFR", "ALK"].contains($0.pattern.gene) }
        // Localised and untreated, with no setting named: the setting the patient's own disease has
        // evidence for (chemoradiation for anal cancer, NCCN Anal Carcinoma 2025), else none.
        if patient.curative == nil, patient.localised {
            for setting in [CurativeSetting.chemoradiation, .neoadjuvant] {
                var candidate = patient
                candidate.curative = setting
                if fitsOwnDisease(candidate) {
                    patient = candidate
                    break
                }
            }
        }
        let support = SensitivitySupport(hits)
        var resistancePatient = patient
        if historyOnly {
            resistancePatient.priors = priors
            resistancePatient.priorDrugs.formUnion(priors.flatMap(\.drugs))
        }
        let assessment = assessResistance(hits: hits, patient: resistancePatient, support: support)
        var ranking = rankOptions(hits: hits, assessment: assessment, support: support, patient: patient)
        // The earlier disease's lines are history for the line, not for resistance: a regimen the patient progressed
        // on leaves the options, as it would without the transformation.
        if historyOnly {
            let failed = priors.filter { $0.response == .progressive }
            for option in ranking.options {
                guard let prior = failed.first(where: { $0.drugs == Set(option.drugs) }) else { continue }
                ranking.notRecommended.append(
                    NotRecommendedOption(
                        drugs: option.drugs,
                        reason: .progressedOn,
                        why: "the patient progressed on \(prior.text)",
                        evidence: option.evidence
                    )
                )
            }
            ranking.options = ranking.options.filter { option in !failed.contains { $0.drugs == Set(option.drugs) } }
            for index in ranking.options.indices { ranking.options[index].rank = index + 1 }
        }
        return MatchResult(
            id: profile.id,
            disease: disease.map { ResolvedDisease(input: profile.disease ?? "", code: $0.code, name: $0.name, via: diseaseVia) },
            alterations: alterations.map {
                ResolvedAlteration(input: $0.label, label: $0.pattern.label, gene: $0.pattern.gene, variant: $0.pattern.variant)
            },
            problems: problems,
            findings: findings,
            options: ranking.options,
            resistance: assessment.alerts,
            notRecommended: ranking.notRecommended,
            signals: assessment.signals + ranking.leads,
            similarCases: Task.isCancelled ? [] : similarCases(alterations: alterations, disease: disease, priors: priors, relations: &relations),
            snapshot: index.snapshot
        )
    }

    func citationText(_ item: EvidenceItem) -> String {
        if let label = item.citation.label, !label.isEmpty { return label }
        if let pmid = item.citation.pmid { return "PMID \(pmid)" }
        return item.id
    }

    static func reference(_ hit: Hit) -> EvidenceReference {
        EvidenceReference(
            id: hit.item.id,
            source: hit.item.source.rawValue,
            level: hit.item.level,
            significance: hit.item.significance.rawValue,
            pmid: hit.item.citation.pmid,
            url: hit.item.citation.url,
            citation: hit.item.citation.label,
            disease: hit.item.disease.name,
            profile: hit.item.profile.name,
            diseaseMatch: hit.relation,
            matchSpecificity: hit.specificity
        )
    }

    func unique(_ labels: [String]) -> [String] {
        var seen: Set<String> = []
        return labels.filter { seen.insert($0).inserted }
    }
}
