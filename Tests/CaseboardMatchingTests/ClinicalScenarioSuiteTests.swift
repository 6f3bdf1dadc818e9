import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// One patient profile of the clinical scenario suite (`Scenarios/profiles.jsonl`), written from
/// an FDA label, an NCCN guideline or a paper named in `source`, with what a molecular tumour
/// board expects of the match.
///
/// Drug sets are lowercase INNs and compare as sets. Expectations:
/// - `top1`: the regimen at rank 1; `top1_any`: any one of these regimens at rank 1.
/// - `top3_any`: at least one of these regimens in the top 3.
/// - `not_in_top3`: none of these regimens in the top 3.
/// - `must_flag`: each regimen appears in `resistance` (or `not_recommended`) and, being resistant
///   for this patient, is not in the top 3 either.
/// - `must_not_flag`: no alert or not-recommended entry covers the whole of one of these regimens,
///   except a larger regimen set aside only for progression on its other drugs.
/// - `problem_contains`: a problem message names each of these words (a suggestion for a typo);
///   without it, the profile must resolve with no problem at all.
struct ClinicalScenario: Sendable, Decodable, CustomTestStringConvertible {
    var id: String
    var category: String
    var source: String
    var disease: String
    var alterations: [String]
    var priorTherapies: [PriorTherapy]
    var top1: [String]?
    var top1Any: [[String]]?
    var top3Any: [[String]]?
    var notInTop3: [[String]]?
    var mustFlag: [[String]]?
    var mustNotFlag: [[String]]?
    var notRecommended: [[String]]?
    var problemContains: [String]?
    var inputs: Bool?
    var pattern: [Int]?
    var note: String?
    /// A failure the team knows of and has not fixed yet, with why. The profile still runs: its
    /// failures are recorded as a known issue, and a profile that starts passing fails until the
    /// mark is removed.
    var knownGap: String?

    enum CodingKeys: String, CodingKey {
        case id, category, source, disease, alterations, top1, inputs, pattern, note
        case knownGap = "known_gap"
        case priorTherapies = "prior_therapies"
        case top1Any = "top1_any"
        case top3Any = "top3_any"
        case notInTop3 = "not_in_top3"
        case mustFlag = "must_flag"
        case mustNotFlag = "must_not_flag"
        case notRecommended = "not_recommended"
        case problemContains = "problem_contains"
    }

    var testDescription: String { id }

    var profile: PatientProfile {
        PatientProfile(id: id, disease: disease, alterations: alterations, priorTherapies: priorTherapies)
    }

    /// Regimens acceptable at rank 1, if the profile names any.
    var expectedFirst: [Set<String>] { ((top1.map { [$0] } ?? []) + (top1Any ?? [])).map { Set($0) } }

    /// Regimens that must not be in the top 3: the named ones and every regimen that must be flagged.
    var forbiddenInTop3: [Set<String>] {
        var sets: [Set<String>] = []
        for drugs in (notInTop3 ?? []) + (mustFlag ?? []) where !sets.contains(Set(drugs)) { sets.append(Set(drugs)) }
        return sets
    }
}

/// What went wrong for one profile, by kind, so the summary can count each kind.
struct ScenarioFailure: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        case unresolvedInput = "unresolved input"
        case top1Miss = "top-1 miss"
        case top3Miss = "top-3 miss"
        case forbiddenInTop3 = "harmful/forbidden in top 3"
        case missingFlag = "missing flag"
        case wrongFlag = "wrong flag"
        case missingNotRecommended = "missing not-recommended"
    }

    var kind: Kind
    var detail: String
    var description: String { "\(kind.rawValue): \(detail)" }
}

/// The matcher the suite runs against: bundled vocabularies, the curated evidence table and the
/// class rules, with no stored cases, so answers come from curated knowledge alone.
enum ClinicalScenarioSuite {
    static let matcher = Result { () throws -> Matcher in
        let vocabularies = try Vocabularies.loadBundled()
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        let index = KnowledgeIndex(
            evidence: curated,
            cases: [],
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: "clinical-scenarios"
        )
        return Matcher(vocabularies: vocabularies, index: index)
    }

    /// `Scenarios/profiles.jsonl`, read as every hold-out file is (``ScenarioFile``).
    static let loaded = ScenarioFile("profiles").loaded

    /// The profiles, for `@Test(arguments:)`; a file that does not load fails `profilesAreWellFormed`.
    static let profiles: [ClinicalScenario] = (try? loaded.get()) ?? []

    /// Regimens the result lists as not recommended.
    static func notRecommendedRegimens(_ result: MatchResult) -> [Set<String>] {
        result.notRecommended.map { Set($0.drugs) }
    }

    /// Regimens the result argues against: resistance alerts and not-recommended entries.
    static func flaggedRegimens(_ result: MatchResult) -> [Set<String>] {
        result.resistance.map { Set($0.drugs) } + notRecommendedRegimens(result)
    }

    /// Whether the result argues against `drugs` itself: an alert or not-recommended entry on a
    /// regimen that contains it, except a larger regimen set aside only because the patient
    /// progressed on its other drugs (FOLFOX progression sets aside encorafenib + cetuximab +
    /// FOLFOX, and says nothing against encorafenib + cetuximab), and a drug set aside for the patient's
    /// own condition (stopped for a toxicity, or a label contraindication such as a long QTc): that says
    /// nothing of the tumour's resistance to it.
    static func argues(against drugs: Set<String>, _ result: MatchResult) -> Set<String>? {
        if let alert = result.resistance.map({ Set($0.drugs) }).first(where: { drugs.isSubset(of: $0) }) { return alert }
        return result.notRecommended.first {
            guard $0.reason != .stoppedForToxicity, $0.reason != .contraindicated else { return false }
            let set = Set($0.drugs)
            // Progression, a target the tumour lacks, and another setting argue against the regimen named, not against each
            // partner in it (darolutamide + docetaxel for castration-sensitive disease says nothing against docetaxel).
            return set == drugs || (drugs.isSubset(of: set) && ![.progressedOn, .targetNotExpressed, .otherSetting].contains($0.reason))
        }.map { Set($0.drugs) }
    }

    static func label(_ drugs: some Sequence<String>) -> String { drugs.sorted().joined(separator: " + ") }

    static func evaluate(_ scenario: ClinicalScenario, _ result: MatchResult) -> [ScenarioFailure] {
        var failures: [ScenarioFailure] = []
        let ranked = result.options.sorted { $0.rank < $1.rank }.map { Set($0.drugs) }
        let top3 = Array(ranked.prefix(3))
        let flagged = flaggedRegimens(result)

        if let words = scenario.problemContains {
            for word in words where !result.problems.contains(where: { $0.message.localizedCaseInsensitiveContains(word) }) {
                failures.append(ScenarioFailure(kind: .unresolvedInput, detail: "no problem message suggests '\(word)'"))
            }
        } else if !result.problems.isEmpty {
            let text = result.problems.map { "\($0.field) '\($0.input)': \($0.message)" }.joined(separator: "; ")
            failures.append(ScenarioFailure(kind: .unresolvedInput, detail: text))
        }
        let first = scenario.expectedFirst
        if !first.isEmpty, !ranked.prefix(1).contains(where: { first.contains($0) }) {
            let got = ranked.first.map { label($0) } ?? "nothing"
            failures.append(
                ScenarioFailure(kind: .top1Miss, detail: "expected #1 among [\(first.map { label($0) }.joined(separator: " | "))], got \(got)")
            )
        }
        if let sets = scenario.top3Any?.map({ Set($0) }), !sets.contains(where: { top3.contains($0) }) {
            failures.append(ScenarioFailure(kind: .top3Miss, detail: "none of [\(sets.map { label($0) }.joined(separator: " | "))] in the top 3"))
        } else if scenario.top3Any == nil, !first.isEmpty, !first.contains(where: { top3.contains($0) }) {
            failures.append(ScenarioFailure(kind: .top3Miss, detail: "none of [\(first.map { label($0) }.joined(separator: " | "))] in the top 3"))
        }
        for drugs in scenario.forbiddenInTop3 {
            if let position = top3.firstIndex(of: drugs) {
                failures.append(ScenarioFailure(kind: .forbiddenInTop3, detail: "\(label(drugs)) at #\(position + 1)"))
            }
        }
        for drugs in (scenario.mustFlag ?? []).map({ Set($0) }) where !flagged.contains(drugs) {
            failures.append(ScenarioFailure(kind: .missingFlag, detail: "\(label(drugs)) not flagged"))
        }
        for drugs in (scenario.mustNotFlag ?? []).map({ Set($0) }) {
            if let alert = argues(against: drugs, result) {
                failures.append(ScenarioFailure(kind: .wrongFlag, detail: "\(label(drugs)) flagged (alert on \(label(alert)))"))
            }
        }
        let notRecommended = notRecommendedRegimens(result)
        for drugs in (scenario.notRecommended ?? []).map({ Set($0) }) where !notRecommended.contains(drugs) {
            failures.append(ScenarioFailure(kind: .missingNotRecommended, detail: "\(label(drugs)) not in not_recommended"))
        }
        return failures
    }

    /// What a reviewer needs to see when a profile fails: the profile, the top 5 and the alerts.
    /// Expects the profile to pass; a profile marked `known_gap` is a known issue, which fails
    /// once it starts passing so the mark is removed.
    static func expectPasses(_ scenario: ClinicalScenario, _ result: MatchResult) {
        let failures = evaluate(scenario, result)
        if let gap = scenario.knownGap {
            withKnownIssue(Comment(rawValue: gap)) {
                #expect(failures.isEmpty, Comment(rawValue: report(scenario, result, failures)))
            }
        } else {
            #expect(failures.isEmpty, Comment(rawValue: report(scenario, result, failures)))
        }
    }

    static func report(_ scenario: ClinicalScenario, _ result: MatchResult, _ failures: [ScenarioFailure]) -> String {
        let top5 = result.options.sorted { $0.rank < $1.rank }.prefix(5).map {
            "  #\($0.rank) \(label($0.drugs)) [tier \($0.tier.rawValue), level \($0.level), \($0.diseaseMatch.rawValue), "
                + "\($0.matchSpecificity.rawValue)] \($0.evidence.prefix(3).map(\.id).joined(separator: ", "))"
        }
        let alerts = result.resistance.map { "  \(label($0.drugs)) <- \($0.alteration)" }
        let prior = scenario.priorTherapies.map { label($0.drugs) + ($0.response.map { " (\($0))" } ?? "") }
        let disease = result.disease.map { "\($0.name) (\($0.code))" } ?? "no disease"
        return
            ([
                "\(scenario.id) [\(scenario.category)] — \(scenario.source)",
                "profile: \(scenario.disease); \(scenario.alterations.joined(separator: ", ")); prior: \(prior.isEmpty ? "none" : prior.joined(separator: "; "))",
                "resolved: \(disease); \(result.alterations.map(\.label).joined(separator: ", "))",
            ]
            + failures.map { "FAIL \($0)" } + ["top 5:"] + (top5.isEmpty ? ["  (no options)"] : top5) + ["alerts:"]
            + (alerts.isEmpty ? ["  (none)"] : alerts) + ["not recommended: \(notRecommendedRegimens(result).map { label($0) })"])
            .joined(separator: "\n")
    }

    /// The default knowledge base: the curated table and the CIViC release bundled with
    /// CaseboardKnowledge (what a new database is seeded with), with the class rules.
    static let civicMatcher = Result { () throws -> Matcher in
        let vocabularies = try matcher.get().vocabularies
        let civic = try CIViCRelease.loadBundled(vocabularies: vocabularies).items
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        let index = KnowledgeIndex(
            evidence: curated + civic,
            cases: [],
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: "clinical-scenarios-civic"
        )
        return Matcher(vocabularies: vocabularies, index: index)
    }

    /// The suite's figures as a markdown table and list: pass counts by category, top-1 and
    /// top-3 hits, harmful answers, missing flags and failures by kind.
    static func figures(_ matcher: Matcher, _ profiles: [ClinicalScenario]) -> String {
        var passed: [String: (pass: Int, total: Int)] = [:]
        var kinds: [ScenarioFailure.Kind: Int] = [:]
        var top1 = (hit: 0, total: 0)
        var top3 = (hit: 0, total: 0)
        var harmfulProfiles = 0
        var flags = (missing: 0, total: 0)
        for scenario in profiles {
            let failures = evaluate(scenario, matcher.match(scenario.profile))
            let failed = Set(failures.map(\.kind))
            passed[scenario.category, default: (0, 0)].total += 1
            if failures.isEmpty { passed[scenario.category, default: (0, 0)].pass += 1 }
            for failure in failures { kinds[failure.kind, default: 0] += 1 }
            if !scenario.expectedFirst.isEmpty {
                top1.total += 1
                if !failed.contains(.top1Miss) { top1.hit += 1 }
            }
            if !scenario.expectedFirst.isEmpty || scenario.top3Any != nil {
                top3.total += 1
                if !failed.contains(.top3Miss) { top3.hit += 1 }
            }
            if failed.contains(.forbiddenInTop3) { harmfulProfiles += 1 }
            flags.total += scenario.mustFlag?.count ?? 0
            flags.missing += failures.filter { $0.kind == .missingFlag }.count
        }
        var lines = ["| category | pass | total |", "|---|---|---|"]
        for (category, figures) in passed.sorted(by: { $0.key < $1.key }) { lines.append("| \(category) | \(figures.pass) | \(figures.total) |") }
        let total = passed.values.reduce((pass: 0, total: 0)) { ($0.pass + $1.pass, $0.total + $1.total) }
        lines.append("| all | \(total.pass) | \(total.total) |")
        lines.append("")
        lines.append("- top-1 hit: \(top1.hit)/\(top1.total)")
        lines.append("- top-3 hit: \(top3.hit)/\(top3.total)")
        lines.append("- profiles with a harmful/forbidden regimen in the top 3: \(harmfulProfiles)")
        lines.append("- required flags missing: \(flags.missing)/\(flags.total)")
        for kind in ScenarioFailure.Kind.allCases { lines.append("- failures of kind '\(kind.rawValue)': \(kinds[kind] ?? 0)") }
        return lines.joined(separator: "\n")
    }
}

struct ClinicalScenarioSuiteTests {
    @Test func profilesAreWellFormed() throws {
        let profiles = try ClinicalScenarioSuite.loaded.get()
        let vocabularies = try ClinicalScenarioSuite.matcher.get().vocabularies
        #expect(profiles.count >= 160)
        #expect(Set(profiles.map(\.id)).count == profiles.count, "duplicate ids")
        let known = Set(vocabularies.drugs.map(\.name))
        let categories: Set<String> = ["approval", "resistance", "pattern", "inputs"]
        for scenario in profiles {
            #expect(!scenario.source.isEmpty, "\(scenario.id): no source")
            #expect(categories.contains(scenario.category), "\(scenario.id): category \(scenario.category)")
            #expect(
                !scenario.expectedFirst.isEmpty || scenario.top3Any != nil || scenario.mustFlag != nil || scenario.notInTop3 != nil,
                "\(scenario.id): no expectation"
            )
            let expected =
                [scenario.top1 ?? []] + (scenario.top1Any ?? []) + (scenario.top3Any ?? []) + (scenario.notInTop3 ?? [])
                + (scenario.mustFlag ?? []) + (scenario.mustNotFlag ?? []) + (scenario.notRecommended ?? [])
            // A profile that tests a drug typo keeps the typo in its prior therapies.
            let prior = scenario.problemContains == nil ? scenario.priorTherapies.map(\.drugs) : []
            for drug in (expected + prior).joined() {
                #expect(known.contains(drug), "\(scenario.id): '\(drug)' is not in the drug vocabulary")
            }
        }
    }

    @Test(arguments: ClinicalScenarioSuite.profiles)
    func profile(_ scenario: ClinicalScenario) throws {
        let result = try ClinicalScenarioSuite.matcher.get().match(scenario.profile)
        ClinicalScenarioSuite.expectPasses(scenario, result)
    }

    /// Prints the suite's figures on the curated table (the RESULTS.md table); fails only if the suite cannot run.
    @Test func summary() throws {
        let profiles = try ClinicalScenarioSuite.loaded.get()
        #expect(!profiles.isEmpty)
        print("Clinical scenario suite, curated evidence and class rules:")
        print(ClinicalScenarioSuite.figures(try ClinicalScenarioSuite.matcher.get(), profiles))
    }

    /// The same figures on the default knowledge base (curated table and the bundled CIViC
    /// release), as the issue asks to measure both ways, with the report of every profile that
    /// fails only there. The default knowledge base is what a new user gets, so no profile may
    /// pass on the curated table and fail once CIViC is loaded.
    @Test func summaryWithCIViC() throws {
        let matcher = try ClinicalScenarioSuite.civicMatcher.get()
        let curated = try ClinicalScenarioSuite.matcher.get()
        let profiles = try ClinicalScenarioSuite.loaded.get()
        print("Clinical scenario suite, curated evidence, class rules and the bundled CIViC release:")
        print(ClinicalScenarioSuite.figures(matcher, profiles))
        var civicOnly: [String] = []
        for scenario in profiles {
            let result = matcher.match(scenario.profile)
            let failures = ClinicalScenarioSuite.evaluate(scenario, result)
            guard !failures.isEmpty, ClinicalScenarioSuite.evaluate(scenario, curated.match(scenario.profile)).isEmpty else { continue }
            print("Fails only with CIViC:\n" + ClinicalScenarioSuite.report(scenario, result, failures))
            civicOnly.append(scenario.id)
        }
        #expect(civicOnly.isEmpty, "profiles that fail only with CIViC loaded: \(civicOnly)")
    }
}
