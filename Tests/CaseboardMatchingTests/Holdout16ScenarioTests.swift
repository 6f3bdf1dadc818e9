import CaseboardMatching
import Testing

/// The sixteenth blind hold-out (`Scenarios/holdout16.jsonl`, `HOLDOUT16.md`): 80 profiles of
/// co-occurring alterations, paediatric and young-adult patients and inputs typed as at a tumour board, written from labels, guidelines and
/// resistance papers by an author who never ran the engine, during session 23. Checked on the
/// default knowledge base.
enum Holdout16Scenarios {
    static let file = ScenarioFile("holdout16")
}

struct Holdout16ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout16Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout16Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout16Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout16Scenarios.file.printSummary(title: "Hold-out 16")
    }
}
