import CaseboardMatching
import Testing

/// The twenty-ninth blind hold-out (`Scenarios/holdout29.jsonl`, `HOLDOUT29.md`): expression biomarkers and
/// antibody-drug conjugates, combinations and their partner drugs, haematology by marker, and the patient's state;
/// written from labels, guidelines and trial papers by an author who never ran the engine, during session 35.
/// Checked on the default knowledge base.
enum Holdout29Scenarios {
    static let file = ScenarioFile("holdout29")
}

struct Holdout29ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout29Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout29Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout29Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout29Scenarios.file.printSummary(title: "Hold-out 29")
    }
}
