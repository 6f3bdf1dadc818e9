import CaseboardMatching
import Testing

/// The eleventh blind hold-out (`Scenarios/holdout11.jsonl`, `HOLDOUT11.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, during
/// of session 18, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout11Scenarios {
    static let file = ScenarioFile("holdout11")
}

struct Holdout11ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout11Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout11Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout11Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout11Scenarios.file.printSummary(title: "Hold-out 11")
    }
}
