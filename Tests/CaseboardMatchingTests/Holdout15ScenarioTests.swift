import CaseboardMatching
import Testing

/// The fifteenth blind hold-out (`Scenarios/holdout15.jsonl`, `HOLDOUT15.md`): 80 profiles of
/// everyday biomarker cases and resistance from the alteration alone, written from labels, guidelines and
/// resistance papers by an author who never ran the engine, during session 22. Checked on the
/// default knowledge base.
enum Holdout15Scenarios {
    static let file = ScenarioFile("holdout15")
}

struct Holdout15ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout15Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout15Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout15Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout15Scenarios.file.printSummary(title: "Hold-out 15")
    }
}
