import CaseboardMatching
import Testing

/// The thirtieth blind hold-out (`Scenarios/holdout30.jsonl`, `HOLDOUT30.md`): co-alterations, prior regimens typed
/// as tumour boards type them, and what comes after a combination fails; written from labels, guidelines and trial
/// papers by an author who never ran the engine, during session 36.
/// Checked on the default knowledge base.
enum Holdout30Scenarios {
    static let file = ScenarioFile("holdout30")
}

struct Holdout30ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout30Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout30Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout30Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout30Scenarios.file.printSummary(title: "Hold-out 30")
    }
}
