import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// Rows keyed to a disease alone (scope `disease`): standard options a label or guideline gives
/// whatever the tumour's alterations. Before them, every row needed an alteration the patient had,
/// so a small cell lung cancer after platinum got no tarlatamab and a lung adenocarcinoma without a
/// driver got no option at all.
struct DiseaseLevelEvidenceTests {
    static let rows = [
        // FDA label: Keytruda (pembrolizumab), 2018/2025: with pemetrexed and platinum, first line,
        // non-squamous NSCLC with no EGFR or ALK genomic tumour aberrations.
        "D-1\t-\tunless EGFR mutation | ALK fusion\tdisease\tNSCLC\t\tcarboplatin + pembrolizumab + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t2018-08-20\tFDA label\tFDA label: Keytruda (pembrolizumab), 2018\t",
        // FDA label: Imdelltra (tarlatamab), 2024: extensive-stage SCLC after platinum-based chemotherapy.
        "D-2\t-\t\tdisease\tSCLC\t\ttarlatamab\tsensitivity\tA\tafter:carboplatin|cisplatin\tpreferred\t2024-05-16\tFDA label\tFDA label: Imdelltra (tarlatamab), 2024\t",
        // FDA label: Lumakras (sotorasib), 2021: KRAS G12C NSCLC after at least one prior systemic therapy.
        "T-1\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\tsecond-line\t\t2021-05-28\tFDA label\tFDA label: Lumakras (sotorasib), 2021\t",
        // FDA label: Tagrisso (osimertinib), 2018: first line, EGFR exon 19 deletion or L858R.
        "T-2\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tosimertinib\tsensitivity\tA\tfirst-line\tpreferred\t2018-04-18\tFDA label\tFDA label: Tagrisso (osimertinib), 2018\t",
    ]

    static func matcher() throws -> Matcher {
        let vocabularies = try Fixture.vocabularies.get()
        let (items, report) = try CuratedEvidence.parse(
            ([RuleFixture.header] + rows).joined(separator: "\n") + "\n",
            vocabularies: vocabularies,
            name: "disease-level.tsv"
        )
        #expect(report.skippedTotal == 0, "\(report.examples)")
        return Matcher(vocabularies: vocabularies, index: KnowledgeIndex(evidence: items, cases: [], classRules: [], snapshot: "d"))
    }

    /// The row's disease and the diseases inside it receive it; a tissue-level input ("lung
    /// cancer", which may be small cell) and another disease do not.
    @Test func aDiseaseLevelRowReachesItsDiseaseAndItsSubtypesOnly() throws {
        let matcher = try Self.matcher()
        let adenocarcinoma = matcher.match(PatientProfile(disease: "lung adenocarcinoma", alterations: ["KRAS wild-type"]))
        #expect(adenocarcinoma.options.first?.drugs == ["carboplatin", "pembrolizumab", "pemetrexed"])
        #expect(adenocarcinoma.options.first?.matchSpecificity == .disease)
        #expect(adenocarcinoma.options.first?.why.contains("a standard option for the disease") == true)
        #expect(matcher.match(PatientProfile(disease: "lung cancer", alterations: [])).options.isEmpty)
        #expect(matcher.match(PatientProfile(disease: "colorectal adenocarcinoma", alterations: [])).options.isEmpty)
        let sclc = matcher.match(
            PatientProfile(
                disease: "extensive-stage small cell lung cancer",
                alterations: [],
                priorTherapies: [PriorTherapy(drugs: ["carboplatin", "etoposide", "atezolizumab"], response: "progressive disease")]
            )
        )
        #expect(sclc.options.map(\.drugs) == [["tarlatamab"]])
    }

    /// An alteration the row names in `unless` rules it out; a negative finding for that gene does not.
    @Test func unlessRulesOutOnlyAFoundAlteration() throws {
        let matcher = try Self.matcher()
        let chemoImmunotherapy = ["carboplatin", "pembrolizumab", "pemetrexed"]
        let egfr = matcher.match(PatientProfile(disease: "NSCLC", alterations: ["EGFR L858R"]))
        #expect(egfr.options.first?.drugs == ["osimertinib"])
        #expect(!egfr.options.contains { $0.drugs == chemoImmunotherapy })
        #expect(!matcher.match(PatientProfile(disease: "NSCLC", alterations: ["EML4-ALK"])).options.contains { $0.drugs == chemoImmunotherapy })
        #expect(
            matcher.match(PatientProfile(disease: "NSCLC", alterations: ["EGFR negative", "ALK negative"])).options.map(\.drugs) == [
                chemoImmunotherapy
            ]
        )
    }

    /// A standard option that fits the patient's line ranks above an alteration-directed option
    /// for a later line (first-line chemo-immunotherapy before sotorasib, which is labelled after
    /// prior therapy), and a standard option for another line ranks below every same-disease option.
    @Test func standardOptionsRankByTheirFitToTheLine() throws {
        let matcher = try Self.matcher()
        let firstLine = matcher.match(PatientProfile(disease: "NSCLC", alterations: ["KRAS G12C"]))
        #expect(firstLine.options.map(\.drugs) == [["carboplatin", "pembrolizumab", "pemetrexed"], ["sotorasib"]])
        let afterChemoImmunotherapy = matcher.match(
            PatientProfile(
                disease: "NSCLC",
                alterations: ["KRAS G12C"],
                priorTherapies: [PriorTherapy(drugs: ["carboplatin", "pemetrexed"], response: "progressive disease")]
            )
        )
        #expect(afterChemoImmunotherapy.options.first?.drugs == ["sotorasib"])
    }

    /// The loader holds a disease-level row to its form: no alteration or `unless A | B`, one
    /// disease (never tumour-agnostic), sensitivity only; an `unless` it cannot read drops the row
    /// rather than letting it reach the patients it rules out.
    @Test func theLoaderHoldsDiseaseLevelRowsToTheirForm() throws {
        let vocabularies = try Fixture.vocabularies.get()
        func parse(_ row: String) throws -> ImportReport {
            try CuratedEvidence.parse(RuleFixture.header + "\n" + row + "\n", vocabularies: vocabularies, name: "rows.tsv").report
        }
        #expect(throws: KnowledgeStoreError.self) {
            try parse("D-9\t-\tEGFR mutation\tdisease\tNSCLC\t\tdocetaxel\tsensitivity\tA\t\t\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t")
        }
        #expect(throws: KnowledgeStoreError.self) {
            try parse("D-9\t-\t\tdisease\ttumor-agnostic\t\tdocetaxel\tsensitivity\tA\t\t\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t")
        }
        #expect(throws: KnowledgeStoreError.self) {
            try parse("D-9\t-\t\tdisease\tNSCLC\t\tdocetaxel\tresistance\tA\t\t\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t")
        }
        let unreadable = try parse("D-9\t-\tunless QQQQ9 frobnication\tdisease\tNSCLC\t\tdocetaxel\tsensitivity\tA\t\t\t\tNCCN\tsource\t")
        #expect(unreadable.skipped["unparseable alteration"] == 1)
    }

    /// What rules a row out travels with the item through a store's JSON and a dump.
    @Test func ruledOutBySurvivesEncoding() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let (items, _) = try CuratedEvidence.parse(RuleFixture.header + "\n" + Self.rows[0] + "\n", vocabularies: vocabularies, name: "rows.tsv")
        let item = try #require(items.first)
        #expect(item.isDiseaseLevel && item.profile.components.isEmpty && item.ruledOutBy.map(\.gene) == ["EGFR", "ALK"])
        let decoded = try JSONDecoder().decode(EvidenceItem.self, from: JSONEncoder().encode(item))
        #expect(decoded == item)
    }
}
