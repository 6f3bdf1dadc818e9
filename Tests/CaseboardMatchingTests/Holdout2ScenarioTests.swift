import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The second blind hold-out (`Scenarios/holdout2.jsonl`): profiles written from FDA labels and
/// NCCN guidelines and committed before the engine was run on them, weighted towards
/// haematologic malignancies, rare tumours, tumour-agnostic labels, on-treatment resistance
/// chains, clinician wording and disease-scope traps. Checked with the clinical scenario suite's
/// checker on the default knowledge base (curated table, class rules and bundled CIViC release).
enum Holdout2Scenarios {
    static let file = ScenarioFile("holdout2")
    static var loaded: Result<[ClinicalScenario], any Error> { file.loaded }
    static var profiles: [ClinicalScenario] { file.profiles }
}

struct Holdout2ScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try Holdout2Scenarios.file.expectWellFormed(atLeast: 100, earlier: ScenarioFiles.profiles(before: Holdout2Scenarios.file))
    }

    /// Each profile on the default knowledge base (curated + bundled CIViC), as a new user runs it.
    @Test(arguments: Holdout2Scenarios.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    @Test func summary() throws {
        try Holdout2Scenarios.file.printSummary(title: "Hold-out 2")
    }
}
