import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of failure the second hold-out found (`Scenarios/HOLDOUT2.md`), each on a small
/// table written for the test. Rows with `drug-…` drugs are placeholders for ordering rules.
struct Holdout2ClassTests {
    static func matcher(_ rows: [String]) throws -> Matcher {
        try RuleFixture.matcher(rows: rows, name: "holdout2-classes.tsv")
    }

    /// An adjuvant guideline preference does not order options after progression in advanced
    /// disease (NCCN categories are per setting).
    @Test func adjuvantPreferenceDoesNotCountInLaterLines() throws {
        let matcher = try Self.matcher([
            "P-01\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-adjuvant\tsensitivity\tA\tadjuvant\tpreferred\t\tFDA label\tplaceholder\t",
            "P-02\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-adjuvant\tsensitivity\tA\tsecond-line\t\t\tFDA label\tplaceholder\t",
            "P-03\tFLT3\tFLT3 ITD\tregion\tAML\t\tdrug-later\tsensitivity\tA\tsecond-line\trecommended\t\tFDA label\tplaceholder\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "AML",
                alterations: ["FLT3 ITD"],
                priorTherapies: [PriorTherapy(drugs: ["cytarabine"], response: "progressive disease")]
            )
        )
        #expect(result.options.first?.drugs == ["drug-later"], "\(result.options.map(\.drugs))")
    }

    /// A regimen whose own row is for use after trastuzumab is not demoted for containing it
    /// (FDA label: Tukysa (tucatinib), 2020; FDA label: Margenza (margetuximab), 2020).
    @Test func regimenForUseAfterADrugIsNotDemotedForIt() throws {
        let matcher = try Self.matcher([
            "P-10\tERBB2\tERBB2 amplification\tamplification\tBRCA\t\ttucatinib + trastuzumab + capecitabine\tsensitivity\tA\t"
                + "after:trastuzumab|pertuzumab\tpreferred\t2020-04-17\tFDA label\tFDA label: Tukysa (tucatinib), 2020\t",
            "P-11\tERBB2\tERBB2 amplification\tamplification\tBRCA\t\tmargetuximab\tsensitivity\tA\tafter:trastuzumab|pertuzumab\trecommended\t"
                + "2020-12-16\tFDA label\tFDA label: Margenza (margetuximab), 2020\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "breast cancer",
                alterations: ["ERBB2 amplification"],
                priorTherapies: [PriorTherapy(drugs: ["docetaxel", "pertuzumab", "trastuzumab"], response: "progressive disease")]
            )
        )
        let first = try #require(result.options.first)
        #expect(Set(first.drugs) == ["tucatinib", "trastuzumab", "capecitabine"])
        #expect(first.demoted == nil)
    }

    /// An off-label drug that repeats an approved option of the patient's disease (same target)
    /// becomes a lead; an unrelated off-label option stays ranked.
    @Test func offLabelRepeatOfAnApprovedTargetIsALead() throws {
        let matcher = try Self.matcher([
            "P-20\tIDH1\tIDH1 R132\tcodon\tAML\t\tivosidenib\tsensitivity\tA\t\t\t2018-07-20\tFDA label\tFDA label: Tibsovo (ivosidenib), 2018\t",
            "P-21\tIDH1\tIDH1 R132\tcodon\tASTR\t\tvorasidenib\tsensitivity\tA\t\t\t2024-08-06\tFDA label\tFDA label: Voranigo (vorasidenib), 2024\t",
            "P-22\tIDH1\tIDH1 R132\tcodon\tBRCA\t\tdrug-other\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
        ])
        let result = matcher.match(PatientProfile(disease: "AML", alterations: ["IDH1 R132H"]))
        #expect(result.options.map(\.drugs) == [["ivosidenib"], ["drug-other"]])
        #expect(result.signals.contains { $0.kind == .otherDiseaseLead && $0.drugs == ["vorasidenib"] })
    }

    /// A breast regimen with a hormonal partner is a lead in colorectal cancer, even with nothing
    /// else to offer (FDA label: Piqray (alpelisib), 2019: HR-positive breast cancer).
    @Test func hormonalRegimenFromAnotherDiseaseIsALead() throws {
        let matcher = try Self.matcher([
            "P-40\tPIK3CA\tPIK3CA H1047R\tallele\tBRCA\t\talpelisib + fulvestrant\tsensitivity\tA\t\t\t2019-05-24\tFDA label\t"
                + "FDA label: Piqray (alpelisib), 2019\t"
        ])
        let result = matcher.match(PatientProfile(disease: "colorectal cancer", alterations: ["PIK3CA H1047R"]))
        #expect(result.options.isEmpty, "\(result.options.map(\.drugs))")
        #expect(result.signals.contains { $0.kind == .otherDiseaseLead && Set($0.drugs) == ["alpelisib", "fulvestrant"] })
    }

    /// After progression on a second-generation ALK inhibitor, the first-generation one is
    /// demoted (NCCN Non-Small Cell Lung Cancer v.3.2025: lorlatinib after alectinib).
    @Test func earlierGenerationIsDemotedAfterProgressionOnALaterOne() throws {
        let matcher = try Self.matcher([
            // No dates or categories: without the rule the two tie and crizotinib sorts first by name.
            "P-30\tALK\tALK fusion\tfusion\tNSCLC\t\tcrizotinib\tsensitivity\tA\t\t\t\tFDA label\tFDA label: Xalkori (crizotinib), 2011\t",
            "P-31\tALK\tALK fusion\tfusion\tNSCLC\t\tlorlatinib\tsensitivity\tA\t\t\t\tFDA label\tFDA label: Lorbrena (lorlatinib), 2018\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "NSCLC",
                alterations: ["ALK fusion"],
                priorTherapies: [PriorTherapy(drugs: ["alectinib"], response: "progressive disease")]
            )
        )
        #expect(result.options.map(\.drugs) == [["lorlatinib"], ["crizotinib"]])
        #expect(result.options.last?.demoted?.contains("earlier generation") == true)
    }

    /// Clinician shorthand the second hold-out used, read to the alteration evidence is keyed on.
    @Test(arguments: [
        ("t(11;14)", "CCND1"), ("del(5q)", "CSNK1A1"), ("NPM1c", "NPM1"), ("INI1 loss", "SMARCB1"), ("PDGFRA exon 18 D842V mutation", "PDGFRA"),
        ("CALR exon 9 frameshift", "CALR"), ("BCR::ABL1 p210", "ABL1"), ("COL6A3::CSF1 fusion", "CSF1"),
    ])
    func clinicianShorthandIsRead(_ input: String, _ gene: String) throws {
        let result = try Self.matcher([]).match(PatientProfile(disease: "AML", alterations: [input]))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(result.alterations.map(\.gene) == [gene], "\(result.alterations.map(\.label))")
    }

    /// "BCR::ABL1 p210" is the transcript, not an ABL1 P210 change.
    @Test func transcriptSizeIsNotAProteinChange() throws {
        let result = try Self.matcher([]).match(PatientProfile(disease: "CML", alterations: ["BCR::ABL1 p210"]))
        #expect(result.alterations.allSatisfy { $0.variant.lowercased() != "p210" }, "\(result.alterations.map(\.label))")
    }

    /// A TKI stopped for intolerance is a prior line with no response, not a problem; an
    /// inadequate response is a failure (FDA label: Jakafi (ruxolitinib), 2014).
    @Test func intoleranceAndInadequateResponseAreRead() throws {
        let result = try Self.matcher([]).match(
            PatientProfile(
                disease: "CML",
                alterations: ["BCR::ABL1"],
                priorTherapies: [
                    PriorTherapy(drugs: ["ponatinib"], response: "intolerance"),
                    PriorTherapy(drugs: ["hydroxyurea"], response: "inadequate response"),
                ]
            )
        )
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(result.resistance.contains { $0.drugs == ["hydroxyurea"] })
        #expect(!result.resistance.contains { $0.drugs == ["ponatinib"] })
    }
}
