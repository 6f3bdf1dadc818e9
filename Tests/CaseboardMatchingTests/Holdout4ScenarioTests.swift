import CaseboardMatching
import Testing

/// The fourth blind hold-out (`Scenarios/holdout4.jsonl`, `HOLDOUT4.md`): profiles written from
/// labels and guidelines by an author who never ran the engine, kept apart to measure whether
/// the fixes made for the other hold-outs generalise. Checked on the default knowledge base.
enum Holdout4Scenarios {
    static let file = ScenarioFile("holdout4")
}

struct Holdout4ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout4Scenarios.file.expectWellFormed(atLeast: 90, earlier: ScenarioFiles.profiles(before: Holdout4Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout4Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout4Scenarios.file.printSummary(title: "Hold-out 4")
    }
}
