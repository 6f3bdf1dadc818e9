import CaseboardMatching
import Testing

/// The twentieth blind hold-out (`Scenarios/holdout20.jsonl`, `HOLDOUT20.md`): 80 profiles of rare tumours and
/// unusual sites (myeloid sarcoma, inflammatory myofibroblastic tumour, NTRK-fusion sarcomas, histiocytic neoplasms,
/// PEComa, GIST variants) and of allele and scope precision (an alteration near a druggable one but not it), across
/// the ten error classes of the matching audit, written from labels and guidelines by an author who never ran the
/// engine, during session 27. Checked on the default knowledge base.
enum Holdout20Scenarios {
    static let file = ScenarioFile("holdout20")
}

struct Holdout20ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout20Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout20Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout20Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout20Scenarios.file.printSummary(title: "Hold-out 20")
    }
}
