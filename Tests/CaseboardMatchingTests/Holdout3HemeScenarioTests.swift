import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The third blind hold-out, haematologic and rare/paediatric half (`Scenarios/holdout3-heme.jsonl`):
/// profiles written from FDA labels, NCCN guidelines and papers and committed before the engine was
/// run on them (AML, CML, ALL, CLL, lymphomas, myeloma, MDS, MPN, mastocytosis, eosinophilic
/// neoplasms, histiocytoses, paediatric and rare sarcomas, with disease-scope traps, transcript and
/// karyotype shorthand, resistance chains and lowercase or misspelt input). Checked with the clinical
/// scenario suite's checker on the default knowledge base (curated table, class rules, bundled CIViC).
enum Holdout3HemeScenarios {
    static let loaded = Result { () throws -> [ClinicalScenario] in
        guard let url = Bundle.module.url(forResource: "holdout3-heme", withExtension: "jsonl", subdirectory: "Scenarios") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try decoder.decode(ClinicalScenario.self, from: Data($0.utf8))
        }
    }

    /// The profiles, for `@Test(arguments:)`; a file that does not load fails `profilesAreWellFormed`.
    static let profiles: [ClinicalScenario] = (try? loaded.get()) ?? []
}

struct Holdout3HemeScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let profiles = try Holdout3HemeScenarios.loaded.get()
        let vocabularies = try ClinicalScenarioSuite.matcher.get().vocabularies
        #expect(profiles.count >= 70)
        #expect(Set(profiles.map(\.id)).count == profiles.count, "duplicate ids")
        let earlier = Set(
            try ClinicalScenarioSuite.loaded.get().map(\.id) + HoldoutScenarios.loaded.get().map(\.id)
                + Holdout2Scenarios.loaded.get().map(\.id)
        )
        let known = Set(vocabularies.drugs.map(\.name))
        for scenario in profiles {
            #expect(!earlier.contains(scenario.id), "\(scenario.id) is also an earlier profile")
            #expect(!scenario.source.isEmpty, "\(scenario.id): no source")
            #expect(
                !scenario.expectedFirst.isEmpty || scenario.top3Any != nil || scenario.mustFlag != nil || scenario.notInTop3 != nil
                    || scenario.problemContains != nil,
                "\(scenario.id): no expectation"
            )
            // A profile about a misspelt prior drug names it misspelt on purpose.
            let prior = scenario.problemContains == nil ? scenario.priorTherapies.map(\.drugs) : []
            let expected =
                [scenario.top1 ?? []] + (scenario.top1Any ?? []) + (scenario.top3Any ?? []) + (scenario.notInTop3 ?? [])
                + (scenario.mustFlag ?? []) + (scenario.mustNotFlag ?? []) + prior
            for drug in expected.joined() {
                #expect(known.contains(drug), "\(scenario.id): '\(drug)' is not in the drug vocabulary")
            }
        }
    }

    /// Each profile on the default knowledge base (curated + bundled CIViC), as a new user runs it.
    @Test(arguments: Holdout3HemeScenarios.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    /// Prints the figures on the default knowledge base and on the curated table alone, with
    /// every failing profile's report on the default knowledge base.
    @Test func summary() throws {
        let profiles = try Holdout3HemeScenarios.loaded.get()
        #expect(!profiles.isEmpty)
        let matcher = try HoldoutScenarios.defaultMatcher.get()
        print("Hold-out 3 (heme), default knowledge base (curated + bundled CIViC):")
        print(ClinicalScenarioSuite.figures(matcher, profiles))
        print("Hold-out 3 (heme), curated table only:")
        let curated = try ClinicalScenarioSuite.matcher.get()
        print(ClinicalScenarioSuite.figures(curated, profiles))
        for scenario in profiles {
            let result = matcher.match(scenario.profile)
            let failures = ClinicalScenarioSuite.evaluate(scenario, result)
            if !failures.isEmpty { print("HOLDOUT3H FAIL (default)\n" + ClinicalScenarioSuite.report(scenario, result, failures)) }
            let curatedFailures = ClinicalScenarioSuite.evaluate(scenario, curated.match(scenario.profile))
            if !curatedFailures.isEmpty {
                print("HOLDOUT3H FAIL (curated only): \(scenario.id): \(curatedFailures.map(\.description).joined(separator: "; "))")
            }
        }
    }
}
