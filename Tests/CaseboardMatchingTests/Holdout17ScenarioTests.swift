import CaseboardMatching
import Testing

/// The seventeenth blind hold-out (`Scenarios/holdout17.jsonl`, `HOLDOUT17.md`): 80 profiles: a prior therapy
/// stopped for intolerance rather than failure, comorbidities that change the choice, tumour-agnostic labels in
/// rare histologies, and haematological sequencing, written from labels, guidelines and resistance papers by an
/// author who never ran the engine, during session 24. Checked on the default knowledge base.
enum Holdout17Scenarios {
    static let file = ScenarioFile("holdout17")
}

struct Holdout17ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout17Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout17Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout17Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout17Scenarios.file.printSummary(title: "Hold-out 17")
    }
}
