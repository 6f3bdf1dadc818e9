import CaseboardMatching
import Testing

/// The third blind hold-out, haematologic and rare/paediatric half (`Scenarios/holdout3-heme.jsonl`,
/// `HOLDOUT3-HEME.md`): profiles written from FDA labels, NCCN guidelines and papers and committed
/// before the engine was run on them (AML, CML, ALL, CLL, lymphomas, myeloma, MDS, MPN,
/// mastocytosis, eosinophilic neoplasms, histiocytoses, paediatric and rare sarcomas, with
/// disease-scope traps, transcript and karyotype shorthand, resistance chains and lowercase or
/// misspelt input). Checked on the default knowledge base.
enum Holdout3HemeScenarios {
    static let file = ScenarioFile("holdout3-heme")
}

struct Holdout3HemeScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout3HemeScenarios.file.expectWellFormed(atLeast: 70, earlier: ScenarioFiles.profiles(before: Holdout3HemeScenarios.file))
    }

    /// Each profile on the default knowledge base (curated + bundled CIViC), as a new user runs it.
    @Test(arguments: Holdout3HemeScenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout3HemeScenarios.file.printSummary(title: "Hold-out 3 (haematological)")
    }
}
