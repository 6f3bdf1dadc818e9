import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The hold-out profiles (`Scenarios/holdout.jsonl`), written for a blind audit before the engine
/// was run on them, checked with the clinical scenario suite's checker on the default knowledge
/// base: the curated table, the class rules and the bundled CIViC release.
enum HoldoutScenarios {
    static let file = ScenarioFile("holdout")
    static var loaded: Result<[ClinicalScenario], any Error> { file.loaded }
    static var profiles: [ClinicalScenario] { file.profiles }

    /// The matcher a new user gets: curated rows and the bundled CIViC release, with the class rules.
    static let defaultMatcher = Result { () throws -> Matcher in
        let vocabularies = try Vocabularies.loadBundled()
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        let civic = try CIViCRelease.loadBundled(vocabularies: vocabularies).items
        let index = KnowledgeIndex(
            evidence: curated + civic,
            cases: [],
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: "holdout-default"
        )
        return Matcher(vocabularies: vocabularies, index: index)
    }
}

struct HoldoutScenarioTests {
    @Test func profilesAreWellFormed() throws {
        try HoldoutScenarios.file.expectWellFormed(atLeast: 80, earlier: try ClinicalScenarioSuite.loaded.get())
    }

    /// Each profile on the default knowledge base (curated + bundled CIViC), as a new user runs it.
    @Test(arguments: HoldoutScenarios.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    /// Regorafenib (after imatinib and sunitinib) and ripretinib (after three kinase inhibitors)
    /// were keyed "after imatinib" too, so they outranked second-line sunitinib right after
    /// imatinib (FDA labels: Sutent 2006, Stivarga 2013, Qinlock 2020). On the curated table.
    @Test func gistSecondLineIsSunitinib() throws {
        let scenario = try #require(HoldoutScenarios.profiles.first { $0.id == "h-gist-2l-after-imatinib" })
        let result = try ClinicalScenarioSuite.matcher.get().match(scenario.profile)
        let failures = ClinicalScenarioSuite.evaluate(scenario, result)
        #expect(failures.isEmpty, Comment(rawValue: ClinicalScenarioSuite.report(scenario, result, failures)))
    }

    @Test func summary() throws {
        try HoldoutScenarios.file.printSummary(title: "Hold-out 1")
    }
}

/// Matching a profile of our own on the default knowledge base, shared by the class tests of the hold-outs.
protocol HoldoutMatching {}

extension HoldoutMatching {
    func match(_ disease: String, _ alterations: [String], priors: [PriorTherapy] = [], age: Double? = nil) throws -> MatchResult {
        try match(PatientProfile(disease: disease, alterations: alterations, priorTherapies: priors, age: age))
    }

    func match(_ profile: PatientProfile) throws -> MatchResult {
        try HoldoutScenarios.defaultMatcher.get().match(profile)
    }

    /// The drug sets of the first `count` options.
    func top(_ result: MatchResult, _ count: Int = 3) -> [Set<String>] {
        result.options.prefix(count).map { Set($0.drugs) }
    }
}
