import CaseboardMatching
import Testing

/// The twenty-eighth blind hold-out (`Scenarios/holdout28.jsonl`, `HOLDOUT28.md`): acquired resistance and what it does
/// and does not defeat: on-target mutations across drug generations, bypass tracks and lineage change, haematological
/// resistance, and traps where no mechanism is shown (a retained driver, a VUS, clonal haematopoiesis, intolerance);
/// written from labels, guidelines and resistance papers by an author who never ran the engine, during session 34.
/// Checked on the default knowledge base.
enum Holdout28Scenarios {
    static let file = ScenarioFile("holdout28")
}

struct Holdout28ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout28Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout28Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout28Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout28Scenarios.file.printSummary(title: "Hold-out 28")
    }
}
