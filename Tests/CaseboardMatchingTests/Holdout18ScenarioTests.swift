import CaseboardMatching
import Testing

/// The eighteenth blind hold-out (`Scenarios/holdout18.jsonl`, `HOLDOUT18.md`): 80 profiles re-testing the ten
/// error classes of the matching audit (regimen-scoped resistance, allele scope, disease scope, guideline preference
/// and line, class-wide resistance, drugs already failed, evidence weight, clinician typing, currency, vocabulary) in
/// diseases the earlier hold-outs used least, written from labels and guidelines by an author who never ran the
/// engine, during session 25. Checked on the default knowledge base.
enum Holdout18Scenarios {
    static let file = ScenarioFile("holdout18")
}

struct Holdout18ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout18Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout18Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout18Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout18Scenarios.file.printSummary(title: "Hold-out 18")
    }
}
