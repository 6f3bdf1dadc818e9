import CaseboardMatching
import Testing

/// The fifth blind hold-out (`Scenarios/holdout5.jsonl`, `HOLDOUT5.md`): profiles written from
/// labels, guidelines and resistance papers by an author who never ran the engine, after the fixes
/// of session 14, to measure whether they generalise. Checked on the default knowledge base.
enum Holdout5Scenarios {
    static let file = ScenarioFile("holdout5")
}

struct Holdout5ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let earlier =
            try ClinicalScenarioSuite.loaded.get() + HoldoutScenarios.loaded.get() + Holdout2Scenarios.loaded.get()
            + Holdout3SolidScenarios.file.loaded.get() + Holdout3HemeScenarios.file.loaded.get() + Holdout4Scenarios.file.loaded.get()
        try Holdout5Scenarios.file.expectWellFormed(atLeast: 80, earlier: earlier)
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout5Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout5Scenarios.file.printSummary(title: "Hold-out 5")
    }
}
