import CaseboardMatching
import Testing

/// The fifth blind hold-out (`Scenarios/holdout5.jsonl`, `HOLDOUT5.md`): profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, after the fixes
/// of session 14, to measure whether they generalise. Checked on the default knowledge base.
enum Holdout5Scenarios {
    static let file = ScenarioFile("holdout5")
}

struct Holdout5ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout5Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout5Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout5Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout5Scenarios.file.printSummary(title: "Hold-out 5")
    }
}
