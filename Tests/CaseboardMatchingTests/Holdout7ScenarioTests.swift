import CaseboardMatching
import Testing

/// The seventh blind hold-out (`Scenarios/holdout7.jsonl`, `HOLDOUT7.md`): 85 profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, while the
/// session 15 fixes were made, to measure whether they generalise. Checked on the
/// default knowledge base.
enum Holdout7Scenarios {
    static let file = ScenarioFile("holdout7")
}

struct Holdout7ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let earlier =
            try ClinicalScenarioSuite.loaded.get() + HoldoutScenarios.loaded.get() + Holdout2Scenarios.loaded.get()
            + Holdout3SolidScenarios.file.loaded.get() + Holdout3HemeScenarios.file.loaded.get() + Holdout4Scenarios.file.loaded.get()
            + Holdout5Scenarios.file.loaded.get() + Holdout6Scenarios.file.loaded.get()
        try Holdout7Scenarios.file.expectWellFormed(atLeast: 85, earlier: earlier)
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout7Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout7Scenarios.file.printSummary(title: "Hold-out 7")
    }
}
