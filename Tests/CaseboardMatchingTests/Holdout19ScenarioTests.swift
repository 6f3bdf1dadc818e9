import CaseboardMatching
import Testing

/// The nineteenth blind hold-out (`Scenarios/holdout19.jsonl`, `HOLDOUT19.md`): 80 profiles with long treatment
/// histories (three or more prior lines) and co-occurring alterations (a driver with an acquired resistance mutation,
/// two drivers, a germline finding or MSI-H beside a driver), across the ten error classes of the matching audit,
/// written from labels and guidelines by an author who never ran the engine, during session 26. Checked on the
/// default knowledge base.
enum Holdout19Scenarios {
    static let file = ScenarioFile("holdout19")
}

struct Holdout19ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout19Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout19Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout19Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout19Scenarios.file.printSummary(title: "Hold-out 19")
    }
}
