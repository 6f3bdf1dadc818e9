import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The third blind hold-out, solid-tumour half (`Scenarios/holdout3-solid.jsonl`): profiles written
/// from FDA labels, NCCN guidelines and resistance papers and committed before the engine was run on
/// them, weighted towards lung, breast, gastrointestinal, genitourinary, gynaecological, thyroid,
/// melanoma and brain tumours, tumour-agnostic labels in unusual sites, sibling alleles, withdrawn
/// approvals, resistance after a drug, and the shorthand and typos of a tumour board. Checked with the
/// clinical scenario suite's checker on the default knowledge base (curated table, class rules and
/// bundled CIViC release).
enum Holdout3SolidScenarios {
    static let loaded = Result { () throws -> [ClinicalScenario] in
        guard let url = Bundle.module.url(forResource: "holdout3-solid", withExtension: "jsonl", subdirectory: "Scenarios") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try decoder.decode(ClinicalScenario.self, from: Data($0.utf8))
        }
    }

    /// The profiles, for `@Test(arguments:)`; a file that does not load fails `profilesAreWellFormed`.
    static let profiles: [ClinicalScenario] = (try? loaded.get()) ?? []

    /// How many profiles have an input (disease, alteration or drug) the matcher could not read.
    static func unresolvedProfiles(_ matcher: Matcher, _ profiles: [ClinicalScenario]) -> Int {
        profiles.filter { scenario in
            ClinicalScenarioSuite.evaluate(scenario, matcher.match(scenario.profile)).contains { $0.kind == .unresolvedInput }
        }.count
    }
}

struct Holdout3SolidScenarioTests {
    @Test func profilesAreWellFormed() throws {
        let profiles = try Holdout3SolidScenarios.loaded.get()
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
                !scenario.expectedFirst.isEmpty || scenario.top3Any != nil || scenario.mustFlag != nil || scenario.notInTop3 != nil,
                "\(scenario.id): no expectation"
            )
            // A profile that tests a drug typo names the misspelt drug among its prior therapies on purpose.
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
    @Test(arguments: Holdout3SolidScenarios.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    /// Prints the figures on the default knowledge base and on the curated table alone, with
    /// every failing profile's report on the default knowledge base.
    @Test func summary() throws {
        let profiles = try Holdout3SolidScenarios.loaded.get()
        #expect(!profiles.isEmpty)
        let matcher = try HoldoutScenarios.defaultMatcher.get()
        let curated = try ClinicalScenarioSuite.matcher.get()
        print("Hold-out 3 (solid), default knowledge base (curated + bundled CIViC):")
        print(ClinicalScenarioSuite.figures(matcher, profiles))
        print("- profiles with an unresolved input: \(Holdout3SolidScenarios.unresolvedProfiles(matcher, profiles))")
        print("Hold-out 3 (solid), curated table only:")
        print(ClinicalScenarioSuite.figures(curated, profiles))
        print("- profiles with an unresolved input: \(Holdout3SolidScenarios.unresolvedProfiles(curated, profiles))")
        for scenario in profiles {
            let result = matcher.match(scenario.profile)
            let failures = ClinicalScenarioSuite.evaluate(scenario, result)
            if !failures.isEmpty { print("HOLDOUT3S FAIL (default)\n" + ClinicalScenarioSuite.report(scenario, result, failures)) }
            let curatedFailures = ClinicalScenarioSuite.evaluate(scenario, curated.match(scenario.profile))
            if !curatedFailures.isEmpty {
                print("HOLDOUT3S FAIL (curated only)\n" + ClinicalScenarioSuite.report(scenario, curated.match(scenario.profile), curatedFailures))
            }
        }
    }
}
