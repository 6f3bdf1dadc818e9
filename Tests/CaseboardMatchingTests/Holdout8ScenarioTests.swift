import CaseboardMatching
import Testing

/// The eighth blind hold-out (`Scenarios/holdout8.jsonl`, `HOLDOUT8.md`): 82 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, at the start
/// of session 16, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout8Scenarios {
    static let file = ScenarioFile("holdout8")
}

struct Holdout8ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout8Scenarios.file.expectWellFormed(atLeast: 82, earlier: ScenarioFiles.profiles(before: Holdout8Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout8Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout8Scenarios.file.printSummary(title: "Hold-out 8")
    }
}
