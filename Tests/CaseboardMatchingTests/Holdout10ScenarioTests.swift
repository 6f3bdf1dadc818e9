import CaseboardMatching
import Testing

/// The tenth blind hold-out (`Scenarios/holdout10.jsonl`, `HOLDOUT10.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, at the end
/// of session 17, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout10Scenarios {
    static let file = ScenarioFile("holdout10")
}

struct Holdout10ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout10Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout10Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout10Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout10Scenarios.file.printSummary(title: "Hold-out 10")
    }
}
