import CaseboardMatching
import Testing

/// The twenty-seventh blind hold-out (`Scenarios/holdout27.jsonl`, `HOLDOUT27.md`): rare tumours with a targetable
/// alteration and the tumour-agnostic labels (NTRK, RET, BRAF V600E, MSI-H/dMMR, TMB-high, HER2 IHC 3+) with their
/// exclusions; rare sarcomas, carcinomas, CNS tumours, and haematological and histiocytic neoplasms; acquired resistance in
/// them; written from labels and guidelines by an author who never ran the engine, during session 33. Checked on the
/// default knowledge base.
enum Holdout27Scenarios {
    static let file = ScenarioFile("holdout27")
}

struct Holdout27ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout27Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout27Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout27Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout27Scenarios.file.printSummary(title: "Hold-out 27")
    }
}
