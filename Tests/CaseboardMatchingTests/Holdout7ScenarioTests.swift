import CaseboardMatching
import Testing

/// The seventh blind hold-out (`Scenarios/holdout7.jsonl`, `HOLDOUT7.md`): 85 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, while the
/// session 15 fixes were made, to measure whether they generalise. Checked on the
/// default knowledge base.
enum Holdout7Scenarios {
    static let file = ScenarioFile("holdout7")
}

struct Holdout7ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout7Scenarios.file.expectWellFormed(atLeast: 85, earlier: ScenarioFiles.profiles(before: Holdout7Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout7Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout7Scenarios.file.printSummary(title: "Hold-out 7")
    }
}
