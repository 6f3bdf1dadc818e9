import CaseboardMatching
import Testing

/// The third blind hold-out, solid-tumour half (`Scenarios/holdout3-solid.jsonl`,
/// `HOLDOUT3-SOLID.md`): profiles written from FDA labels, NCCN guidelines and resistance papers
/// and committed before the engine was run on them, weighted towards lung, breast,
/// gastrointestinal, genitourinary, gynaecological, thyroid, melanoma and brain tumours,
/// tumour-agnostic labels in unusual sites, sibling alleles, withdrawn approvals, resistance after a
/// drug, and the shorthand and typos of a tumour board. Checked on the default knowledge base.
enum Holdout3SolidScenarios {
    static let file = ScenarioFile("holdout3-solid")
}

struct Holdout3SolidScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout3SolidScenarios.file.expectWellFormed(atLeast: 70, earlier: ScenarioFiles.profiles(before: Holdout3SolidScenarios.file))
    }

    /// Each profile on the default knowledge base (curated + bundled CIViC), as a new user runs it.
    @Test(arguments: Holdout3SolidScenarios.file.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout3SolidScenarios.file.printSummary(title: "Hold-out 3 (solid)")
    }
}
