import CaseboardMatching
import Testing

/// The twenty-sixth blind hold-out (`Scenarios/holdout26.jsonl`, `HOLDOUT26.md`): the common cases a weekly molecular
/// tumour board sees, 60 solid tumours across lines (lung, breast, colorectal, gastro-oesophageal, biliary, prostate,
/// ovarian, endometrial, pancreas, liver, urothelial, kidney, thyroid, melanoma) and 20 haematological malignancies,
/// typed as clinicians type them; written from labels and guidelines by an author who never ran the engine, during
/// session 32. Checked on the default knowledge base.
enum Holdout26Scenarios {
    static let file = ScenarioFile("holdout26")
}

struct Holdout26ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout26Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout26Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout26Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout26Scenarios.file.printSummary(title: "Hold-out 26")
    }
}
