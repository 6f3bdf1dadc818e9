import CaseboardMatching
import Testing

/// The fourteenth blind hold-out (`Scenarios/holdout14.jsonl`, `HOLDOUT14.md`): 80 profiles of
/// later lines, rarer targetable tumours and scope traps, written from labels, guidelines and
/// resistance papers by an author who never ran the engine, during session 21. Checked on the
/// default knowledge base.
enum Holdout14Scenarios {
    static let file = ScenarioFile("holdout14")
}

struct Holdout14ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout14Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout14Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout14Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout14Scenarios.file.printSummary(title: "Hold-out 14")
    }
}
