import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found by reading the harmful answers still left in hold-outs 10 to 12 and by hold-out 18
/// (session 25). Each test failed before its fix; the profiles are our own.
struct Session25ClassTests {
    private func match(_ disease: String, _ alterations: [String], priors: [PriorTherapy] = []) throws -> MatchResult {
        try HoldoutScenarios.defaultMatcher.get().match(PatientProfile(disease: disease, alterations: alterations, priorTherapies: priors))
    }

    private func top(_ result: MatchResult, _ count: Int = 3) -> [Set<String>] {
        result.options.prefix(count).map { Set($0.drugs) }
    }

    /// A regimen that contains the one the patient relapsed on, but is written for use after it, is the
    /// salvage and not a repeat: FLAG-IDA or MEC after relapse on cytarabine consolidation (NCCN Acute
    /// Myeloid Leukemia 2025). Before, both were set aside as "progressed on cytarabine", and TRK
    /// inhibitors known only from solid tumours led for an AML with an NTRK3 fusion.
    @Test func intensiveSalvageFollowsRelapseOnCytarabine() throws {
        let result = try match(
            "AML relapsing 9 months after induction and high-dose cytarabine consolidation, fit, age 50",
            ["ETV6::NTRK3 fusion", "FLT3 wild-type"],
            priors: [
                PriorTherapy(drugs: ["cytarabine", "daunorubicin"], response: "complete response"),
                PriorTherapy(drugs: ["cytarabine"], response: "relapse"),
            ]
        )
        let salvage: [Set<String>] = [
            ["fludarabine", "cytarabine", "idarubicin", "filgrastim"], ["cytarabine", "etoposide", "mitoxantrone"],
        ]
        #expect(salvage.allSatisfy { top(result, 3).contains($0) }, "\(top(result, 5))")
        #expect(!result.notRecommended.contains { Set($0.drugs) == salvage[0] }, "\(result.notRecommended.map(\.drugs))")
        // The regimen itself, and cytarabine alone, stay set aside.
        #expect(!result.options.contains { Set($0.drugs) == ["cytarabine"] })
    }
}

/// The relation of a tumour-agnostic row to the patient's disease was remembered under one key for every such
/// row, so whichever came first decided for all: with CIViC's "Cancer" rows first (the store's order), the
/// solid-tumour NTRK labels became tumour-agnostic for an AML and led its options (FDA labels: Vitrakvi
/// (larotrectinib), 2018, and Rozlytrek (entrectinib), 2019, are for solid tumours).
struct TumourAgnosticScopeOrderTests {
    @Test func solidTumourLabelsStayOffLabelForALeukaemiaWhateverTheRowOrder() throws {
        let vocabularies = try Vocabularies.loadBundled()
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        let civic = try CIViCRelease.loadBundled(vocabularies: vocabularies).items
        let classRules = try ClassRule.loadBundled(vocabularies: vocabularies)
        let profile = PatientProfile(disease: "acute myeloid leukemia", alterations: ["ETV6::NTRK3 fusion"])
        for (order, evidence) in [("CIViC first", civic + curated), ("curated first", curated + civic)] {
            let index = KnowledgeIndex(evidence: evidence, cases: [], classRules: classRules, snapshot: order)
            let result = Matcher(vocabularies: vocabularies, index: index).match(profile)
            let labels = result.options.flatMap(\.evidence).filter { $0.disease == "any solid tumour" }
            #expect(!labels.isEmpty, "\(order)")
            #expect(labels.allSatisfy { $0.diseaseMatch == .other }, "\(order): \(labels.map { ($0.id, $0.diseaseMatch) })")
        }
    }
}
