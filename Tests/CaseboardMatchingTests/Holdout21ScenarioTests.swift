import CaseboardMatching
import Testing

/// The twenty-first blind hold-out (`Scenarios/holdout21.jsonl`, `HOLDOUT21.md`): 80 profiles of acquired resistance
/// with a named mechanism and the next line (EGFR C797S, ALK G1202R, ABL1 T315I, BTK C481S, BCL2 G101V, ESR1, MET
/// amplification, transformation), of variant notation as molecular reports write it (HGVS three-letter codes, c.
/// notation with a transcript, exon wording, copy numbers) and of later lines in common tumours with guideline
/// preference, written from labels and guidelines by an author who never ran the engine, during session 28. Checked
/// on the default knowledge base.
enum Holdout21Scenarios {
    static let file = ScenarioFile("holdout21")
}

struct Holdout21ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout21Scenarios.file.expectWellFormed(atLeast: 80, earlier: ScenarioFiles.profiles(before: Holdout21Scenarios.file))
    }

    /// Each profile on the default knowledge base, as a new user runs it.
    @Test(arguments: Holdout21Scenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout21Scenarios.file.printSummary(title: "Hold-out 21")
    }
}
