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
    static let loaded = Result { () throws -> [ClinicalScenario] in
        guard let url = Bundle.module.url(forResource: "holdout", withExtension: "jsonl", subdirectory: "Scenarios") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try decoder.decode(ClinicalScenario.self, from: Data($0.utf8))
        }
    }

    /// The profiles, for `@Test(arguments:)`; a file that does not load fails `profilesAreWellFormed`.
    static let profiles: [ClinicalScenario] = (try? loaded.get()) ?? []

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
        let profiles = try HoldoutScenarios.loaded.get()
        let vocabularies = try ClinicalScenarioSuite.matcher.get().vocabularies
        #expect(profiles.count >= 80)
        #expect(Set(profiles.map(\.id)).count == profiles.count, "duplicate ids")
        let suiteIDs = Set(try ClinicalScenarioSuite.loaded.get().map(\.id))
        let known = Set(vocabularies.drugs.map(\.name))
        for scenario in profiles {
            #expect(!suiteIDs.contains(scenario.id), "\(scenario.id) is also a suite profile")
            #expect(!scenario.source.isEmpty, "\(scenario.id): no source")
            let expected =
                [scenario.top1 ?? []] + (scenario.top1Any ?? []) + (scenario.top3Any ?? []) + (scenario.notInTop3 ?? [])
                + (scenario.mustFlag ?? []) + (scenario.mustNotFlag ?? []) + scenario.priorTherapies.map(\.drugs)
            for drug in expected.joined() {
                #expect(known.contains(drug), "\(scenario.id): '\(drug)' is not in the drug vocabulary")
            }
        }
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

    /// Prints the figures on the default knowledge base and on the curated table alone.
    @Test func summary() throws {
        let profiles = try HoldoutScenarios.loaded.get()
        #expect(!profiles.isEmpty)
        print("Hold-out profiles, default knowledge base (curated + bundled CIViC):")
        print(ClinicalScenarioSuite.figures(try HoldoutScenarios.defaultMatcher.get(), profiles))
        print("Hold-out profiles, curated table only:")
        let curated = try ClinicalScenarioSuite.matcher.get()
        print(ClinicalScenarioSuite.figures(curated, profiles))
        for scenario in profiles {
            let failures = ClinicalScenarioSuite.evaluate(scenario, curated.match(scenario.profile))
            if !failures.isEmpty { print("curated only, failing: \(scenario.id): \(failures.map(\.description).joined(separator: "; "))") }
        }
    }
}
