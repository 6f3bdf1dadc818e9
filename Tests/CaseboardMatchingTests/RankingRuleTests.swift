import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// A small curated table written for these tests, in the shared schema. Each clinical row names
/// its source; rows whose drugs are `drug-…` are placeholders that test ordering rules only.
enum RuleFixture {
    static let header =
        "id\tgene\talteration\tscope\tdisease\texclude\tdrugs\tsignificance\tlevel\tsetting\tpreference\tapproved\tsource_type\tsource\tnotes"

    static let rows = [
        // KRAS G12C inhibitors are allele-selective (FDA label: Lumakras (sotorasib), 2021).
        "T-01\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\tsecond-line\t\t2021-05-28\tFDA label\tFDA label: Lumakras (sotorasib), 2021\tG12C only",
        // FDA label: Krazati (adagrasib), 2024: with cetuximab for KRAS G12C colorectal cancer.
        "T-02\tKRAS\tKRAS G12C\tallele\tCOADREAD\t\tadagrasib + cetuximab\tsensitivity\tA\t\t\t2024-06-21\tFDA label\tFDA label: Krazati (adagrasib), 2024\t",
        // FDA label: Braftovi (encorafenib), 2020: with cetuximab for BRAF V600E colorectal cancer after prior therapy.
        "T-03\tBRAF\tBRAF V600E\tallele\tCOADREAD\t\tencorafenib + cetuximab\tsensitivity\tA\tsecond-line\tpreferred\t2020-04-08\tFDA label\tFDA label: Braftovi (encorafenib), 2020\t",
        // FDA label: Tafinlar (dabrafenib), 2022: tumour-agnostic BRAF V600E, colorectal cancer excluded.
        "T-04\tBRAF\tBRAF V600E\tallele\ttumor-agnostic\tCOADREAD\tdabrafenib + trametinib\tsensitivity\tA\t\t\t2022-06-22\tFDA label\tFDA label: Tafinlar (dabrafenib), 2022\tintrinsic resistance in colorectal cancer",
        // NCCN Colon Cancer 2025: BRAF V600E argues against anti-EGFR antibodies alone.
        "T-05\tBRAF\tBRAF V600E\tallele\tCOADREAD\t\tcetuximab\tresistance\tA\t\t\t\tNCCN\tNCCN Colon Cancer v.5.2025\tmonotherapy",
        // FDA label: Zelboraf (vemurafenib), 2011.
        "T-06\tBRAF\tBRAF V600E\tallele\tMEL\t\tvemurafenib\tsensitivity\tA\t\t\t2011-08-17\tFDA label\tFDA label: Zelboraf (vemurafenib), 2011\t",
        // PMID:22281684: EGFR feedback makes BRAF V600E colorectal cancer unresponsive to vemurafenib alone.
        "T-07\tBRAF\tBRAF V600E\tallele\tCOADREAD\t\tvemurafenib\tresistance\tB\t\t\t\tPubMed\tPMID:22281684\tEGFR feedback",
        // FDA label: Tagrisso (osimertinib), 2018 (first line); FDA label: Iressa (gefitinib), 2015.
        "T-08\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tosimertinib\tsensitivity\tA\tfirst-line\tpreferred\t2018-04-18\tFDA label\tFDA label: Tagrisso (osimertinib), 2018\t",
        "T-09\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tgefitinib\tsensitivity\tA\tfirst-line\trecommended\t2015-07-13\tFDA label\tFDA label: Iressa (gefitinib), 2015\t",
        // FDA label: Rybrevant (amivantamab), 2024: with carboplatin-pemetrexed after osimertinib.
        "T-10\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tamivantamab + carboplatin + pemetrexed\tsensitivity\tA\tafter:osimertinib\trecommended\t2024-09-19\tFDA label\tFDA label: Rybrevant (amivantamab), 2024\t",
        // PMID:15737014: T790M at acquired resistance to gefitinib and erlotinib.
        "T-11\tEGFR\tEGFR T790M\tallele\tNSCLC\t\tgefitinib\tresistance\tA\t\t\t\tPubMed\tPMID:15737014\tgatekeeper",
        // Placeholders for ordering rules.
        "T-20\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-older\tsensitivity\tA\t\t\t2017-04-28\tFDA label\tplaceholder\t",
        "T-21\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-newer\tsensitivity\tA\t\t\t2018-11-28\tFDA label\tplaceholder\t",
        "T-22\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-b\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
        "T-23\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-a\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
        "T-24\tFLT3\tFLT3 ITD\tregion\tBRCA\t\tdrug-offlabel\tsensitivity\tA\t\t\t\tFDA label\tplaceholder\t",
        "T-25\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-case\tsensitivity\tC\t\t\t\tPubMed\tplaceholder\t",
        "T-26\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-harm\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
        "T-27\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-harm\tcontraindicated\tA\t\t\t\tFDA label\tplaceholder\t",
        "T-28\tKRAS\tKRAS G12C\tallele\tBRCA\t\tdrug-x\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
    ]

    static var text: String { ([header] + rows).joined(separator: "\n") + "\n" }

    /// RAS mutations bypass EGFR blockade (NCCN Colon Cancer 2025), as the bundled rules say.
    static func rasRule(_ vocabularies: Vocabularies) throws -> ClassRule {
        ClassRule(
            pattern: AlterationPattern(try vocabularies.parseAlteration("KRAS mutation").get()),
            classes: ["anti-EGFR monoclonal antibody"],
            source: "NCCN Colon Cancer 2025",
            note: "RAS activation bypasses EGFR blockade",
            vocabularies: vocabularies
        )
    }

    static func items() throws -> [EvidenceItem] {
        let (items, report) = try CuratedEvidence.parse(text, vocabularies: Fixture.vocabularies.get(), name: "rules.tsv")
        #expect(report.skipped.isEmpty, "skipped: \(report.examples)")
        return items
    }

    /// A matcher over the given rows only (no class rules), every row read.
    static func matcher(rows: [String], extra: [EvidenceItem] = [], name: String = "rows.tsv") throws -> Matcher {
        let vocabularies = try Fixture.vocabularies.get()
        let (items, report) = try CuratedEvidence.parse(([header] + rows).joined(separator: "\n") + "\n", vocabularies: vocabularies, name: name)
        #expect(report.skippedTotal == 0, "skipped: \(report.examples)")
        return Matcher(vocabularies: vocabularies, index: KnowledgeIndex(evidence: items + extra, cases: [], classRules: [], snapshot: name))
    }

    static func matcher(extra: [EvidenceItem] = []) throws -> Matcher {
        let vocabularies = try Fixture.vocabularies.get()
        let index = KnowledgeIndex(evidence: try items() + extra, cases: [], classRules: [try rasRule(vocabularies)], snapshot: "rules")
        return Matcher(vocabularies: vocabularies, index: index)
    }

    static func match(_ disease: String, _ alterations: [String], prior: [PriorTherapy] = [], extra: [EvidenceItem] = []) throws -> MatchResult {
        try matcher(extra: extra).match(PatientProfile(disease: disease, alterations: alterations, priorTherapies: prior))
    }

    /// A case-report resistance item as `CaseEvidence` derives it.
    static func caseResistance(
        _ alteration: String,
        _ drugs: [String],
        disease: String,
        caseID: String,
        reviewed: Bool = false
    ) throws -> EvidenceItem {
        let vocabularies = try Fixture.vocabularies.get()
        let pattern = AlterationPattern(try vocabularies.parseAlteration(alteration).get())
        return EvidenceItem(
            id: "case:\(caseID):1",
            source: .caseReport,
            profile: MolecularProfile(name: pattern.label, components: [pattern]),
            disease: DiseaseReference(name: disease, oncotree: disease),
            drugs: drugs,
            level: .c,
            significance: .resistance,
            spans: [Evidence(start: 0, end: 8, text: "invented", section: .case)],
            caseID: caseID,
            reviewed: reviewed
        )
    }
}

struct CuratedLoaderTests {
    @Test func readsScopeExclusionsSettingsPreferenceAndApproval() throws {
        let items = try RuleFixture.items()
        let dabrafenib = try #require(items.first { $0.id == "curated:T-04" })
        #expect(dabrafenib.scope == .allele)
        #expect(dabrafenib.excludedDiseases == ["COADREAD"])
        #expect(dabrafenib.disease.tumorAgnostic)
        #expect(dabrafenib.approval == Approval(date: "2022-06-22"))
        let amivantamab = try #require(items.first { $0.id == "curated:T-10" })
        #expect(amivantamab.settings == [.after(["osimertinib"])])
        #expect(amivantamab.preference == .recommended)
        #expect(items.first { $0.id == "curated:T-27" }?.significance == .contraindicated)
    }

    @Test func unknownClosedSetValuesAreErrorsNamingFileAndLine() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let badScope = RuleFixture.header + "\n# a comment\nX-1\tKRAS\tKRAS G12C\tallel\tNSCLC\t\tsotorasib\tsensitivity\tA\t\t\t\tFDA label\tx\t\n"
        let scopeError = #expect(throws: KnowledgeStoreError.self) {
            try CuratedEvidence.parse(badScope, vocabularies: vocabularies, name: "bad.tsv")
        }
        #expect(scopeError?.message.contains("bad.tsv:3: unknown scope 'allel'") == true, "\(String(describing: scopeError))")
        let badSetting = RuleFixture.header + "\nX-1\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\tthird-line\t\t\tFDA label\tx\t\n"
        let settingError = #expect(throws: KnowledgeStoreError.self) {
            try CuratedEvidence.parse(badSetting, vocabularies: vocabularies, name: "bad.tsv")
        }
        #expect(settingError?.message.contains("bad.tsv:2: unknown setting 'third-line'") == true, "\(String(describing: settingError))")
        let badState =
            RuleFixture.header
            + "\nX-1\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\tfirst-line;state:resistant\t\t\tFDA label\tx\t\n"
        let stateError = #expect(throws: KnowledgeStoreError.self) {
            try CuratedEvidence.parse(badState, vocabularies: vocabularies, name: "bad.tsv")
        }
        #expect(stateError?.message.contains("bad.tsv:2: unknown setting 'state:resistant'") == true, "\(String(describing: stateError))")
        let state =
            RuleFixture.header
            + "\nX-1\tPTEN\tPTEN loss\tdeletion\tPRAD\t\tcapivasertib + abiraterone\tsensitivity\tA\tfirst-line;state:castration-sensitive\t\t\tFDA label\tx\t\n"
        let item = try #require(try CuratedEvidence.parse(state, vocabularies: vocabularies, name: "ok.tsv").items.first)
        #expect(item.settings == [.firstLine])
        #expect(item.diseaseStates == [.castrationSensitive])
    }

    @Test func loadsEveryFileAndRefusesAnIdUsedTwice() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.tsv")
        let second = folder.appendingPathComponent("b.tsv")
        try (RuleFixture.header + "\n" + RuleFixture.rows[0] + "\n").write(to: first, atomically: true, encoding: .utf8)
        // An older table without the new columns still loads, and `A & B` needs both alterations.
        let old =
            "id\tgene\talteration\tdisease\tdrugs\tsignificance\tlevel\tsource_type\tsource\tnotes\n"
            + "O-1\tEGFR\tEGFR L858R & EGFR C797S\tNSCLC\tosimertinib\tresistance\tB\tPubMed\tPMID:25939061\t\n"
        try old.write(to: second, atomically: true, encoding: .utf8)
        let (items, _) = try CuratedEvidence.load(files: [first, second], vocabularies: vocabularies)
        #expect(items.map(\.id) == ["curated:T-01", "curated:O-1"])
        #expect(items[1].profile.components.count == 2 && items[1].profile.combination == .all)
        try (RuleFixture.header + "\n" + RuleFixture.rows[0] + "\n").write(to: second, atomically: true, encoding: .utf8)
        #expect(throws: KnowledgeStoreError.self) { try CuratedEvidence.load(files: [first, second], vocabularies: vocabularies) }
    }

    @Test func itemsStoredBeforeTheNewFieldsStillDecode() throws {
        let json = #"""
            {"id":"civic:EID1","source":"civic","profile":{"name":"FLT3 ITD","components":[{"gene":"FLT3","kind":"itd","variant":"ITD"}],
            "combination":"all"},"disease":{"name":"AML","oncotree":"AML","tumorAgnostic":false},"drugs":["gilteritinib"],
            "evidenceType":"predictive","direction":"supports","level":"B","significance":"sensitivity","citation":{},"spans":[]}
            """#
        let item = try JSONDecoder().decode(EvidenceItem.self, from: Data(json.utf8))
        #expect(item.scope == nil && item.settings.isEmpty && item.excludedDiseases.isEmpty && !item.reviewed)
        #expect(item.alterationScope(of: item.profile.components[0]) == .region)
        var round = item
        round.settings = [.after(["osimertinib", "gefitinib"]), .firstLine]
        round.reviewed = true
        #expect(try JSONDecoder().decode(EvidenceItem.self, from: JSONEncoder().encode(round)) == round)
    }
}

/// docs/ranking.md, rule by rule.
struct RankingRuleTests {
    // MARK: Alteration scope

    @Test func alleleSelectiveDrugsNeverMeetSiblingAlleles() throws {
        // FDA label: Lumakras (sotorasib), 2021 covers KRAS G12C only.
        for sibling in ["KRAS G12D", "KRAS G12V"] {
            let result = try RuleFixture.match("NSCLC", [sibling])
            #expect(!result.options.contains { $0.drugs.contains("sotorasib") }, "\(sibling): \(result.options.map(\.drugs))")
        }
        let g12c = try RuleFixture.match("NSCLC", ["KRAS G12C"])
        let sotorasib = try #require(g12c.options.first { $0.drugs == ["sotorasib"] })
        #expect(sotorasib.tier == .approved && !sotorasib.inferred)
    }

    @Test func aLessSpecificPatientAlterationIsAnInferredMatchBelowDirectOnes() throws {
        let result = try RuleFixture.match("NSCLC", ["KRAS mutation"])
        let sotorasib = try #require(result.options.first { $0.drugs == ["sotorasib"] })
        #expect(sotorasib.inferred && sotorasib.tier == .clinical)
        #expect(sotorasib.why.contains("inferred"))
        // Inferred never sits above a direct match of its tier.
        let direct = try RuleFixture.match("AML", ["FLT3 ITD", "KRAS mutation"])
        #expect(direct.options.first?.inferred == false)
    }

    @Test func resistanceRowsMatchOnlyDirectly() throws {
        // T790M resistance is about the T790M allele; "EGFR mutation" is not enough to alert.
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R", "EGFR mutation"])
        #expect(!result.resistance.contains { $0.drugs == ["gefitinib"] })
        #expect(result.options.contains { $0.drugs == ["gefitinib"] })
    }

    // MARK: Disease scope

    @Test func aTumourAgnosticLabelExcludingColorectalCancerDoesNotFireThere() throws {
        // FDA label: Tafinlar (dabrafenib), 2022 excludes colorectal cancer; colon adenocarcinoma lies below it.
        for disease in ["colorectal cancer", "colon adenocarcinoma"] {
            let result = try RuleFixture.match(disease, ["BRAF V600E"])
            #expect(!result.options.contains { $0.drugs.contains("dabrafenib") }, "\(disease)")
            let excluded = try #require(result.notRecommended.first { $0.drugs.contains("dabrafenib") })
            #expect(excluded.reason == .labelExcluded)
        }
        let thyroid = try RuleFixture.match("papillary thyroid carcinoma", ["BRAF V600E"])
        let agnostic = try #require(thyroid.options.first { $0.drugs.contains("dabrafenib") })
        #expect(agnostic.tier == .approved && agnostic.diseaseMatch == .tumorAgnostic)
    }

    @Test func anotherDiseasesResistanceNeverAlertsOrDemotes() throws {
        // Colorectal-only rows (NCCN Colon 2025; PMID:22281684) say nothing about melanoma.
        let result = try RuleFixture.match("melanoma", ["BRAF V600E"])
        #expect(result.resistance.isEmpty, "\(result.resistance.map(\.drugs))")
        #expect(result.options.first?.drugs == ["vemurafenib"])
        #expect(result.signals.contains { $0.kind == .otherDisease && $0.drugs == ["vemurafenib"] })
    }

    // MARK: Regimen scope

    @Test func monotherapyResistanceNeverSinksACombinationWithItsOwnLabel() throws {
        // FDA label: Braftovi (encorafenib), 2020 versus anti-EGFR monotherapy resistance (NCCN Colon 2025).
        let result = try RuleFixture.match("colorectal cancer", ["BRAF V600E"])
        let first = try #require(result.options.first)
        #expect(first.drugs == ["encorafenib", "cetuximab"] && first.tier == .approved && first.demoted == nil)
        #expect(result.resistance.contains { $0.drugs == ["cetuximab"] && $0.basis == .evidence })
    }

    @Test func classRulesNeverSinkACombinationWithItsOwnLevelAEvidence() throws {
        // FDA label: Krazati (adagrasib), 2024 with cetuximab; the RAS class rule hits cetuximab alone.
        let result = try RuleFixture.match("colorectal cancer", ["KRAS G12C"])
        #expect(result.options.first?.drugs == ["adagrasib", "cetuximab"])
        #expect(result.resistance.contains { $0.drugs == ["cetuximab"] && $0.basis == .classRule })
    }

    @Test func resistanceToARegimenTakesItOutOfTheOptions() throws {
        // PMID:15737014: T790M against gefitinib; osimertinib stays.
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R", "EGFR T790M"])
        #expect(!result.options.contains { $0.drugs == ["gefitinib"] })
        let entry = try #require(result.notRecommended.first { $0.drugs == ["gefitinib"] })
        #expect(entry.reason == .resistance && !entry.evidence.isEmpty)
        #expect(result.options.first?.drugs == ["osimertinib"])
    }

    @Test func contraindicatedDrugsLeaveTheOptions() throws {
        let result = try RuleFixture.match("AML", ["FLT3 ITD"])
        #expect(!result.options.contains { $0.drugs == ["drug-harm"] })
        #expect(result.notRecommended.first { $0.drugs == ["drug-harm"] }?.reason == .contraindicated)
    }

    // MARK: Provenance

    @Test func oneCaseReportIsASignalNotAnAlert() throws {
        // A single report cannot override level A evidence (FDA label: Tagrisso, 2018).
        let report = try RuleFixture.caseResistance("EGFR L858R", ["osimertinib"], disease: "NSCLC", caseID: "pmid:1")
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R"], extra: [report])
        #expect(!result.resistance.contains { $0.drugs == ["osimertinib"] })
        #expect(result.options.first?.drugs == ["osimertinib"])
        let signal = try #require(result.signals.first { $0.drugs == ["osimertinib"] })
        #expect(signal.count == 1 && signal.cases == ["pmid:1"] && !signal.spans.isEmpty)
    }

    @Test func caseReportsNeverOverrideLevelABEvenWhenMany() throws {
        let reports = try (1...4).map { try RuleFixture.caseResistance("EGFR L858R", ["osimertinib"], disease: "NSCLC", caseID: "pmid:\($0)") }
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R"], extra: reports)
        #expect(result.options.first?.drugs == ["osimertinib"])
        #expect(result.signals.contains { $0.kind == .outweighed && $0.drugs == ["osimertinib"] })
    }

    @Test func caseReportResistanceActsWhenThreeAgreeOrOneIsReviewed() throws {
        // drug-x has only other-disease evidence, so nothing outweighs the reports.
        func result(_ reports: [EvidenceItem]) throws -> MatchResult { try RuleFixture.match("NSCLC", ["KRAS G12C"], extra: reports) }
        let two = try (1...2).map { try RuleFixture.caseResistance("KRAS G12C", ["drug-x"], disease: "NSCLC", caseID: "pmid:\($0)") }
        #expect(try result(two).options.contains { $0.drugs == ["drug-x"] })
        #expect(try result(two).signals.first { $0.kind == .caseReport }?.count == 2)
        let three = try (1...3).map { try RuleFixture.caseResistance("KRAS G12C", ["drug-x"], disease: "NSCLC", caseID: "pmid:\($0)") }
        #expect(try result(three).notRecommended.first { $0.drugs == ["drug-x"] }?.reason == .resistance)
        let reviewed = try RuleFixture.caseResistance("KRAS G12C", ["drug-x"], disease: "NSCLC", caseID: "pmid:9", reviewed: true)
        #expect(try result([reviewed]).resistance.contains { $0.drugs == ["drug-x"] })
    }

    @Test func caseReportResistanceFromAnUnrelatedDiseaseNeverAlerts() throws {
        let reports = try (1...3).map { try RuleFixture.caseResistance("KRAS G12C", ["drug-x"], disease: "NSCLC", caseID: "pmid:\($0)") }
        let result = try RuleFixture.match("AML", ["KRAS G12C"], extra: reports)
        #expect(!result.resistance.contains { $0.drugs == ["drug-x"] })
        #expect(result.signals.isEmpty)
    }

    // MARK: Tiers and order within a tier

    @Test func tiersOrderApprovedThenClinicalThenOffLabelThenCaseReports() throws {
        let result = try RuleFixture.match("AML", ["FLT3 ITD"])
        let tiers = result.options.map(\.tier)
        #expect(tiers == tiers.sorted())
        #expect(result.options.first { $0.drugs == ["drug-offlabel"] }?.tier == .offLabel)
        #expect(result.options.first { $0.drugs == ["drug-case"] }?.tier == .preclinical)
        #expect(result.options.last?.drugs == ["drug-case"])
    }

    @Test func guidelinePreferenceLeadsWithinATier() throws {
        // First-line EGFR L858R NSCLC: osimertinib (preferred) before gefitinib.
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R"])
        #expect(result.options.prefix(2).map(\.drugs) == [["osimertinib"], ["gefitinib"]])
        #expect(result.options[0].preference == .preferred && result.options[0].settingFit == .fits)
    }

    @Test func afterProgressionOnADrugTheAfterOptionsRiseAndTheDrugLeaves() throws {
        let result = try RuleFixture.match(
            "NSCLC",
            ["EGFR L858R"],
            prior: [PriorTherapy(drugs: ["osimertinib"], response: "progressive disease")]
        )
        #expect(result.options.first?.drugs == ["amivantamab", "carboplatin", "pemetrexed"])
        #expect(result.options.first?.settingFit == .fits)
        #expect(result.options.first { $0.drugs == ["gefitinib"] }?.settingFit == .poor)
        #expect(result.notRecommended.first { $0.drugs == ["osimertinib"] }?.reason == .progressedOn)
        #expect(result.resistance.contains { $0.drugs == ["osimertinib"] && $0.basis == .priorProgression })
    }

    @Test func withoutPriorTherapyLaterLineRowsSink() throws {
        let result = try RuleFixture.match("NSCLC", ["EGFR L858R"])
        #expect(result.options.last?.drugs == ["amivantamab", "carboplatin", "pemetrexed"])
        #expect(result.options.last?.settingFit == .poor)
    }

    @Test func newerApprovalThenNamesBreakTies() throws {
        let result = try RuleFixture.match("AML", ["FLT3 ITD"])
        let order = result.options.map { $0.drugs[0] }
        let newer = try #require(order.firstIndex(of: "drug-newer"))
        let older = try #require(order.firstIndex(of: "drug-older"))
        #expect(newer < older)
        // drug-a and drug-b differ only in name.
        let a = try #require(order.firstIndex(of: "drug-a"))
        let b = try #require(order.firstIndex(of: "drug-b"))
        #expect(a + 1 == b)
    }
}
