import CaseboardMatching
import Testing

/// The twelfth blind hold-out (`Scenarios/holdout12.jsonl`, `HOLDOUT12.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, during
/// session 19, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout12Scenarios {
    static let file = ScenarioFile("holdout12")
}

struct Holdout12ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout12Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout12Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout12Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout12Scenarios.file.printSummary(title: "Hold-out 12")
    }
}
