import CaseboardMatching
import Testing

/// The twelfth blind hold-out (`Scenarios/holdout12.jsonl`, `HOLDOUT12.md`): 80 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, during
/// session 19, to measure whether the engine generalises to profiles nobody tuned it to.
/// Checked on the default knowledge base.
enum Holdout12Scenarios {
    static let file = ScenarioFile("holdout12")
}

struct Holdout12ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let earlier =
            try ClinicalScenarioSuite.loaded.get() + HoldoutScenarios.loaded.get() + Holdout2Scenarios.loaded.get()
            + Holdout3SolidScenarios.file.loaded.get() + Holdout3HemeScenarios.file.loaded.get() + Holdout4Scenarios.file.loaded.get()
            + Holdout5Scenarios.file.loaded.get() + Holdout6Scenarios.file.loaded.get() + Holdout7Scenarios.file.loaded.get()
            + Holdout8Scenarios.file.loaded.get() + Holdout9Scenarios.file.loaded.get() + Holdout10Scenarios.file.loaded.get()
            + Holdout11Scenarios.file.loaded.get()
        try Holdout12Scenarios.file.expectWellFormed(atLeast: 80, earlier: earlier)
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout12Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout12Scenarios.file.printSummary(title: "Hold-out 12")
    }
}
