import CaseboardMatching
import Testing

/// The twenty-second blind hold-out (`Scenarios/holdout22.jsonl`, `HOLDOUT22.md`): 80 profiles of biomarker approvals
/// from 2023 to 2026 (currency), of molecular reports with passengers, copy-number changes, TMB and germline findings
/// beside the one actionable alteration, and of haematological malignancies across lines, written from labels and
/// guidelines by an author who never ran the engine, during session 29. Checked on the default knowledge base.
enum Holdout22Scenarios {
    static let file = ScenarioFile("holdout22")
}

struct Holdout22ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout22Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout22Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout22Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout22Scenarios.file.printSummary(title: "Hold-out 22")
    }
}
