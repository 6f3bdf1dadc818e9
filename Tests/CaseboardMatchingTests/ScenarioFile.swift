import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// One file of blind hold-out profiles in `Scenarios/` (JSON lines in the format of
/// `profiles.jsonl`), loaded once, with the checks and the printed figures every hold-out shares.
struct ScenarioFile: Sendable {
    let name: String
    let loaded: Result<[ClinicalScenario], any Error>

    init(_ name: String) {
        self.name = name
        loaded = Result {
            guard let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Scenarios") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Scenarios/\(name).jsonl"])
            }
            let decoder = JSONDecoder()
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            return try lines.map { try decoder.decode(ClinicalScenario.self, from: Data($0.utf8)) }
        }
    }

    /// The profiles, for `@Test(arguments:)`; a file that does not load fails `expectWellFormed`.
    var profiles: [ClinicalScenario] { (try? loaded.get()) ?? [] }

    /// At least `count` profiles, unique ids that no earlier file uses, a source and an
    /// expectation on each, and only drugs of the vocabulary (a profile that tests a drug typo
    /// keeps the typo in its prior therapies).
    func expectWellFormed(atLeast count: Int, earlier: [ClinicalScenario]) throws {
        let profiles = try loaded.get()
        let known = Set(try ClinicalScenarioSuite.matcher.get().vocabularies.drugs.map(\.name))
        let earlierIDs = Set(earlier.map(\.id))
        let categories: Set<String> = ["approval", "resistance", "pattern", "inputs"]
        #expect(profiles.count >= count)
        #expect(Set(profiles.map(\.id)).count == profiles.count, "\(name): duplicate ids")
        for scenario in profiles {
            #expect(!earlierIDs.contains(scenario.id), "\(scenario.id) is also an earlier profile")
            #expect(!scenario.source.isEmpty, "\(scenario.id): no source")
            #expect(categories.contains(scenario.category), "\(scenario.id): category \(scenario.category)")
            #expect(
                !scenario.expectedFirst.isEmpty || scenario.top3Any != nil || scenario.mustFlag != nil || scenario.notInTop3 != nil
                    || scenario.problemContains != nil,
                "\(scenario.id): no expectation"
            )
            let expected =
                [scenario.top1 ?? []] + (scenario.top1Any ?? []) + (scenario.top3Any ?? []) + (scenario.notInTop3 ?? [])
                + (scenario.mustFlag ?? []) + (scenario.mustNotFlag ?? []) + (scenario.notRecommended ?? [])
            let prior = scenario.problemContains == nil ? scenario.priorTherapies.map(\.drugs) : []
            for drug in (expected + prior).joined() {
                #expect(known.contains(drug), "\(scenario.id): '\(drug)' is not in the drug vocabulary")
            }
        }
    }

    /// Prints the figures on the default knowledge base (curated + bundled CIViC) and on the
    /// curated table alone, with the report of every profile that fails on the default one.
    func printSummary(title: String) throws {
        let profiles = try loaded.get()
        #expect(!profiles.isEmpty)
        let matcher = try HoldoutScenarios.defaultMatcher.get()
        let curated = try ClinicalScenarioSuite.matcher.get()
        print("\(title), default knowledge base (curated + bundled CIViC):")
        print(ClinicalScenarioSuite.figures(matcher, profiles))
        print("- profiles with an unresolved input: \(Self.unresolvedProfiles(matcher, profiles))")
        print("\(title), curated table only:")
        print(ClinicalScenarioSuite.figures(curated, profiles))
        print("- profiles with an unresolved input: \(Self.unresolvedProfiles(curated, profiles))")
        for scenario in profiles {
            let result = matcher.match(scenario.profile)
            let failures = ClinicalScenarioSuite.evaluate(scenario, result)
            if !failures.isEmpty { print("\(name) FAIL (default)\n" + ClinicalScenarioSuite.report(scenario, result, failures)) }
            let curatedFailures = ClinicalScenarioSuite.evaluate(scenario, curated.match(scenario.profile))
            if !curatedFailures.isEmpty {
                print("\(name) FAIL (curated only): \(scenario.id): \(curatedFailures.map(\.description).joined(separator: "; "))")
            }
        }
    }

    /// How many profiles have an input (disease, alteration or drug) the matcher could not read.
    static func unresolvedProfiles(_ matcher: Matcher, _ profiles: [ClinicalScenario]) -> Int {
        profiles.filter { scenario in
            ClinicalScenarioSuite.evaluate(scenario, matcher.match(scenario.profile)).contains { $0.kind == .unresolvedInput }
        }.count
    }
}

/// The main suite and every hold-out file, in the order they were written, so that each new
/// file's ids are checked against all the files before it from one list.
enum ScenarioFiles {
    static let ordered: [ScenarioFile] = [
        ScenarioFile("profiles"), HoldoutScenarios.file, Holdout2Scenarios.file, Holdout3SolidScenarios.file,
        Holdout3HemeScenarios.file, Holdout4Scenarios.file, Holdout5Scenarios.file, Holdout6Scenarios.file,
        Holdout7Scenarios.file, Holdout8Scenarios.file, Holdout9Scenarios.file, Holdout10Scenarios.file,
        Holdout11Scenarios.file, Holdout12Scenarios.file, Holdout13Scenarios.file, Holdout14Scenarios.file, Holdout15Scenarios.file,
        Holdout16Scenarios.file, Holdout17Scenarios.file, Holdout18Scenarios.file, Holdout19Scenarios.file, Holdout20Scenarios.file,
        Holdout21Scenarios.file, Holdout22Scenarios.file, Holdout23Scenarios.file, Holdout24Scenarios.file, Holdout25Scenarios.file,
        Holdout26Scenarios.file, Holdout27Scenarios.file, Holdout28Scenarios.file, Holdout29Scenarios.file, Holdout30Scenarios.file,
        Holdout31Scenarios.file,
    ]

    /// Every profile of the files written before `file`; a file missing from `ordered` is an error.
    static func profiles(before file: ScenarioFile) throws -> [ClinicalScenario] {
        guard let index = ordered.firstIndex(where: { $0.name == file.name }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Scenarios/\(file.name).jsonl is not in ScenarioFiles.ordered"])
        }
        return try ordered[..<index].flatMap { try $0.loaded.get() }
    }
}
