import CaseboardMatching
import Testing

/// The thirty-first blind hold-out (`Scenarios/holdout31.jsonl`, `HOLDOUT31.md`): restraint, when the alteration is
/// not the answer (variants of uncertain significance, alterations actionable only in another tumour or form,
/// resistance that must be honoured, typed negations and hedges); written from labels, guidelines and trial papers by
/// an author who never ran the engine, during session 37.
/// Checked on the default knowledge base.
enum Holdout31Scenarios {
    static let file = ScenarioFile("holdout31")
}

struct Holdout31ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout31Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout31Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout31Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout31Scenarios.file.printSummary(title: "Hold-out 31")
    }
}
