import CaseboardMatching
import Testing

/// The twenty-fourth blind hold-out (`Scenarios/holdout24.jsonl`, `HOLDOUT24.md`): 80 profiles of breast, thoracic and
/// genitourinary cancers across lines, with patients whose state changes the choice, and 20 of other tumours, written
/// from labels and guidelines by an author who never ran the engine, during session 30. Checked on the default
/// knowledge base.
enum Holdout24Scenarios {
    static let file = ScenarioFile("holdout24")
}

struct Holdout24ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout24Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout24Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout24Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout24Scenarios.file.printSummary(title: "Hold-out 24")
    }
}
