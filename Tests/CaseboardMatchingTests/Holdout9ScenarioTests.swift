import CaseboardMatching
import Testing

/// The ninth blind hold-out (`Scenarios/holdout9.jsonl`, `HOLDOUT9.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, at the start
/// of session 17, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout9Scenarios {
    static let file = ScenarioFile("holdout9")
}

struct Holdout9ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout9Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout9Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout9Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout9Scenarios.file.printSummary(title: "Hold-out 9")
    }
}
