import CaseboardMatching
import Testing

/// The thirteenth blind hold-out (`Scenarios/holdout13.jsonl`, `HOLDOUT13.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, during
/// session 20, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout13Scenarios {
    static let file = ScenarioFile("holdout13")
}

struct Holdout13ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout13Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout13Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout13Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout13Scenarios.file.printSummary(title: "Hold-out 13")
    }
}
