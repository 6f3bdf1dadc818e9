import CaseboardMatching
import Testing

/// The sixth blind hold-out (`Scenarios/holdout6.jsonl`, `HOLDOUT6.md`): 90 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, while the
/// disease-level rows were being built, to measure whether the engine generalises. Checked on the
/// default knowledge base.
enum Holdout6Scenarios {
    static let file = ScenarioFile("holdout6")
}

struct Holdout6ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout6Scenarios.file.expectWellFormed(atLeast: 90, earlier: ScenarioFiles.profiles(before: Holdout6Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout6Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout6Scenarios.file.printSummary(title: "Hold-out 6")
    }
}
