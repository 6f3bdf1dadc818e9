import CaseboardMatching
import Testing

/// The thirteenth blind hold-out (`Scenarios/holdout13.jsonl`, `HOLDOUT13.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, during
/// session 20, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout13Scenarios {
    static let file = ScenarioFile("holdout13")
}

struct Holdout13ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let earlier =
            try ClinicalScenarioSuite.loaded.get() + HoldoutScenarios.loaded.get() + Holdout2Scenarios.loaded.get()
            + Holdout3SolidScenarios.file.loaded.get() + Holdout3HemeScenarios.file.loaded.get() + Holdout4Scenarios.file.loaded.get()
            + Holdout5Scenarios.file.loaded.get() + Holdout6Scenarios.file.loaded.get() + Holdout7Scenarios.file.loaded.get()
            + Holdout8Scenarios.file.loaded.get() + Holdout9Scenarios.file.loaded.get() + Holdout10Scenarios.file.loaded.get()
            + Holdout11Scenarios.file.loaded.get() + Holdout12Scenarios.file.loaded.get()
        try Holdout13Scenarios.file.expectWellFormed(atLeast: 80, earlier: earlier)
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout13Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout13Scenarios.file.printSummary(title: "Hold-out 13")
    }
}
