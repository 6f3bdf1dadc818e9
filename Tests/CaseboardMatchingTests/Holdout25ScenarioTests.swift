import CaseboardMatching
import Testing

/// The twenty-fifth blind hold-out (`Scenarios/holdout25.jsonl`, `HOLDOUT25.md`): 50 profiles of haematological
/// malignancies across lines, with patients whose state changes the choice, and 30 of melanoma, CNS, head and neck,
/// thyroid, sarcoma, skin, neuroendocrine and paediatric tumours, written from labels and guidelines by an author who never
/// ran the engine, during session 31. Checked on the default knowledge base.
enum Holdout25Scenarios {
    static let file = ScenarioFile("holdout25")
}

struct Holdout25ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout25Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout25Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout25Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout25Scenarios.file.printSummary(title: "Hold-out 25")
    }
}
