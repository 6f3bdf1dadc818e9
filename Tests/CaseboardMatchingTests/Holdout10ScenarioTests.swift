import CaseboardMatching
import Testing

/// The tenth blind hold-out (`Scenarios/holdout10.jsonl`, `HOLDOUT10.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, at the end
/// of session 17, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout10Scenarios {
    static let file = ScenarioFile("holdout10")
}

struct Holdout10ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let earlier =
            try ClinicalScenarioSuite.loaded.get() + HoldoutScenarios.loaded.get() + Holdout2Scenarios.loaded.get()
            + Holdout3SolidScenarios.file.loaded.get() + Holdout3HemeScenarios.file.loaded.get() + Holdout4Scenarios.file.loaded.get()
            + Holdout5Scenarios.file.loaded.get() + Holdout6Scenarios.file.loaded.get() + Holdout7Scenarios.file.loaded.get()
            + Holdout8Scenarios.file.loaded.get() + Holdout9Scenarios.file.loaded.get()
        try Holdout10Scenarios.file.expectWellFormed(atLeast: 80, earlier: earlier)
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout10Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout10Scenarios.file.printSummary(title: "Hold-out 10")
    }
}
