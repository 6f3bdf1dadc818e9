import CaseboardMatching
import Testing

/// The twenty-third blind hold-out (`Scenarios/holdout23.jsonl`, `HOLDOUT23.md`): 80 profiles of gastrointestinal and
/// gynaecological cancers across lines with their biomarkers, and of patients whose state (age, organ function,
/// neuropathy, cardiac function, a named contraindication) changes the choice, written from labels and guidelines by an
/// author who never ran the engine, during session 29. Checked on the default knowledge base.
enum Holdout23Scenarios {
    static let file = ScenarioFile("holdout23")
}

struct Holdout23ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout23Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout23Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout23Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout23Scenarios.file.printSummary(title: "Hold-out 23")
    }
}
