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
        try RuleFixture.matcher(rows: rows, name: "disease-level.tsv")
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

    /// Only the best standard option ranks right after the directed options that fit; the other
    /// standards follow every directed option, so near-identical chemotherapy regimens never push a
    /// targeted option out of the top three. Curated level B evidence for the patient's own allele
    /// ranks with the directed options that fit (pirtobrutinib for BTK C481S, NCCN Chronic Lymphocytic
    /// Leukemia/Small Lymphocytic Lymphoma 2025).
    @Test func oneStandardLeadsAndAlleleSpecificGuidelineOptionsStayAbove() throws {
        let rows = [
            "S-1\t-\t\tdisease\tCLLSLL\t\tlisocabtagene maraleucel\tsensitivity\tA\tafter:ibrutinib|acalabrutinib|zanubrutinib\t\t2024-03-14\tFDA label\tFDA label: Breyanzi (lisocabtagene maraleucel), 2024\t",
            "S-2\t-\t\tdisease\tCLLSLL\t\tvenetoclax + rituximab\tsensitivity\tA\tafter:ibrutinib|acalabrutinib|zanubrutinib\t\t2018-06-08\tFDA label\tFDA label: Venclexta (venetoclax), 2018\t",
            "S-3\tBTK\tBTK C481S\tallele\tCLLSLL\t\tpirtobrutinib\tsensitivity\tB\tafter:ibrutinib|acalabrutinib|zanubrutinib\t\t\tNCCN\tNCCN Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma 2025\t",
            "S-4\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\tsecond-line\t\t2021-05-28\tFDA label\tFDA label: Lumakras (sotorasib), 2021\t",
            "S-5\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tadagrasib\tsensitivity\tA\tsecond-line\t\t2022-12-12\tFDA label\tFDA label: Krazati (adagrasib), 2022\t",
            "S-6\t-\t\tdisease\tNSCLC\t\tcarboplatin + pembrolizumab + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t2018-08-20\tFDA label\tFDA label: Keytruda (pembrolizumab), 2018\t",
            "S-7\t-\t\tdisease\tNSCLC\t\tcisplatin + pembrolizumab + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t2018-08-20\tFDA label\tFDA label: Keytruda (pembrolizumab), 2018\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "lead.tsv")
        let cll = matcher.match(
            PatientProfile(
                disease: "chronic lymphocytic leukemia",
                alterations: ["BTK C481S"],
                priorTherapies: [PriorTherapy(drugs: ["ibrutinib"], response: "progressive disease")]
            )
        )
        #expect(cll.options.first?.drugs == ["pirtobrutinib"])
        let lung = matcher.match(PatientProfile(disease: "NSCLC", alterations: ["KRAS G12C"]))
        #expect(lung.options.prefix(3).map { $0.drugs.count } == [3, 1, 1], "\(lung.options.map(\.drugs))")
    }

    /// A drug aimed at an antigen the tumour does not express leaves the options (a CD19 CAR T-cell
    /// therapy for a CD19-negative relapse); PD-L1 blockade is not such a drug.
    @Test func aTargetTheTumourDoesNotExpressTakesItsDrugsOut() throws {
        let rows = [
            "A-1\t-\t\tdisease\tBLL\t\ttisagenlecleucel\tsensitivity\tA\t\t\t2017-08-30\tFDA label\tFDA label: Kymriah (tisagenlecleucel), 2017\t",
            "A-2\t-\t\tdisease\tSCLC\t\tatezolizumab + carboplatin + etoposide\tsensitivity\tA\tfirst-line\t\t2019-03-18\tFDA label\tFDA label: Tecentriq (atezolizumab), 2019\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "antigen.tsv")
        let relapse = matcher.match(PatientProfile(disease: "B-ALL", alterations: ["CD19 negative"]))
        #expect(relapse.options.isEmpty)
        #expect(relapse.notRecommended.map(\.reason) == [.targetNotExpressed])
        #expect(matcher.match(PatientProfile(disease: "B-ALL", alterations: [])).options.map(\.drugs) == [["tisagenlecleucel"]])
        #expect(matcher.match(PatientProfile(disease: "SCLC", alterations: ["PD-L1 negative"])).options.count == 1)
    }

    /// A curated row written for a tissue node (biliary tract cancer) covers that tissue's cancers
    /// as its own disease (FDA label: Ziihera (zanidatamab), 2024, HER2-positive biliary tract cancer).
    @Test func aCuratedTissueLevelRowCoversItsCancers() throws {
        let row =
            "Z-1\tERBB2\tERBB2 amplification\tamplification\tBILIARY_TRACT\t\tzanidatamab\tsensitivity\tA\t\t\t2024-11-20\tFDA label\tFDA label: Ziihera (zanidatamab), 2024\t"
        let matcher = try RuleFixture.matcher(rows: [row], name: "tissue.tsv")
        let option = try #require(matcher.match(PatientProfile(disease: "gallbladder cancer", alterations: ["HER2 amplification"])).options.first)
        #expect(option.tier == .approved)
    }

    /// A negative finding in `unless` rules the row out for a patient with that finding only.
    @Test func aNegativeFindingInUnlessRulesOutOnlyThatFinding() throws {
        let row =
            "N-1\t-\tunless CD19 negative\tdisease\tBLL\t\tinotuzumab ozogamicin\tsensitivity\tA\t\t\t2017-08-17\tFDA label\tFDA label: Besponsa (inotuzumab ozogamicin), 2017\t"
        let matcher = try RuleFixture.matcher(rows: [row], name: "negative.tsv")
        #expect(matcher.match(PatientProfile(disease: "B-ALL", alterations: ["CD19 negative"])).options.isEmpty)
        #expect(matcher.match(PatientProfile(disease: "B-ALL", alterations: ["CD22 positive"])).options.count == 1)
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
