import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of failure the third hold-out (solid tumours) found (`Scenarios/HOLDOUT3-SOLID.md`),
/// each checked on the words a tumour board types or on a small table written for the test.
struct Holdout3SolidClassTests {
    static func matcher(_ rows: [String]) throws -> Matcher {
        try RuleFixture.matcher(rows: rows, name: "holdout3-solid-classes.tsv")
    }

    static func code(_ text: String) throws -> String? {
        if case .found(let disease, _) = try Fixture.vocabularies.get().readDisease(text).resolution { return disease.code }
        return nil
    }

    /// Side, sub-site and radioiodine status choose a treatment, not a disease; "ca" is cancer.
    @Test(arguments: [
        ("sigmoid colon adenocarcinoma", "COAD"), ("left-sided metastatic colon adenocarcinoma", "COAD"),
        ("RAI-refractory differentiated thyroid cancer", "WDTC"), ("mUC", "BLCA"),
    ])
    func diseaseWordsAroundTheDisease(_ text: String, _ expected: String) throws {
        #expect(try Self.code(text) == expected)
    }

    @Test func caIsCancer() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let reading = vocabularies.readDisease("breast ca")
        guard case .found(let disease, _) = reading.resolution else {
            Issue.record("'breast ca' not resolved: \(reading.resolution)")
            return
        }
        #expect(disease.code == vocabularies.readDisease("breast cancer").resolution.disease?.code)
    }

    static func alteration(_ text: String) throws -> PatientAlterationReading {
        try Fixture.vocabularies.get().parsePatientAlteration(text).get()
    }

    /// The cDNA change in brackets repeats the protein change; claudin 18.2 is CLDN18; an imaging
    /// test is how PSMA was seen, not part of the marker.
    @Test func reportWordingAroundAnAlteration() throws {
        let kras = try Self.alteration("KRAS G12C (c.34G>T)").alteration
        #expect(kras?.gene == "KRAS" && kras?.variant == "G12C")
        let claudin = try Self.alteration("claudin 18.2 positive").alteration
        #expect(claudin?.gene == "CLDN18" && claudin?.kind == .expression)
        let psma = try Self.alteration("PSMA PET positive").alteration
        #expect(psma?.gene == "FOLH1" && psma?.kind == .expression)
    }

    /// 1p/19q codeletion defines oligodendroglioma: read, and nothing matched on it.
    @Test func oneP19qCodeletionIsReadWithoutAnAlteration() throws {
        let reading = try Self.alteration("1p/19q codeletion")
        #expect(reading.alteration == nil)
        #expect(!reading.notes.isEmpty)
    }

    /// Loss of MMR proteins on IHC is dMMR; "MSI-H/dMMR" is one finding written twice; one protein
    /// lost without saying IHC may be a gene deletion and is not read as dMMR.
    @Test func mismatchRepairWording() throws {
        #expect(try Self.alteration("MLH1/PMS2 loss").alteration?.gene == "MMR")
        #expect(try Self.alteration("loss of MSH2 and MSH6").alteration?.gene == "MMR")
        #expect(try Self.alteration("MLH1 loss on IHC").alteration?.gene == "MMR")
        #expect(try Fixture.vocabularies.get().parsePatientAlteration("MLH1 loss").map(\.alteration?.gene) != .success("MMR"))
        let combined = try Self.alteration("MSI-H/dMMR")
        #expect(combined.alteration?.gene == "MSI")
        #expect(combined.equivalents.map(\.gene) == ["MMR"])
    }

    /// A first-line targeted row still fits after a line aimed at other targets (BRAF/MEK after
    /// ipilimumab + nivolumab, NCCN Melanoma: Cutaneous v.2.2025), so its preference orders it.
    @Test func firstLineTargetedRowAfterAnotherTargetsLine() throws {
        let matcher = try Self.matcher([
            "P-01\tBRAF\tBRAF V600K\tallele\tMEL\t\ttrametinib\tsensitivity\tA\t\tcircumstances\t\tFDA label\tplaceholder\t",
            "P-02\tBRAF\tBRAF V600K\tallele\tMEL\t\tencorafenib + binimetinib\tsensitivity\tA\tfirst-line\tpreferred\t\tFDA label\tplaceholder\t",
        ])
        let profile = PatientProfile(
            disease: "melanoma",
            alterations: ["BRAF V600K"],
            priorTherapies: [PriorTherapy(drugs: ["ipilimumab", "nivolumab"], response: "progressive disease")]
        )
        #expect(Set(matcher.match(profile).options.first?.drugs ?? []) == ["encorafenib", "binimetinib"])
        // After a BRAF/MEK line the first-line row is out of sequence again.
        let afterBRAF = PatientProfile(
            disease: "melanoma",
            alterations: ["BRAF V600K"],
            priorTherapies: [PriorTherapy(drugs: ["vemurafenib"], response: "progressive disease")]
        )
        #expect(matcher.match(afterBRAF).options.first?.drugs == ["trametinib"])
    }

    /// After a targeted regimen, one of its mechanisms alone by another drug leaves the list, and a
    /// regimen of only its mechanisms is demoted; not after a cytotoxic backbone, and not within a
    /// family with generations.
    @Test func sameMechanismAfterATargetedRegimen() throws {
        let matcher = try Self.matcher([
            "P-10\tBRAF\tBRAF V600E\tallele\tMEL\t\tvemurafenib\tsensitivity\tA\t\tcircumstances\t\tFDA label\tplaceholder\t",
            "P-11\tBRAF\tBRAF V600E\tallele\tMEL\t\tencorafenib + binimetinib\tsensitivity\tA\tfirst-line\tpreferred\t\tFDA label\tplaceholder\t",
            "P-12\tBRAF\tBRAF V600E\tallele\tMEL\t\tatezolizumab + cobimetinib + vemurafenib\tsensitivity\tB\t\t\t\tFDA label\tplaceholder\t",
            "P-13\tFLT3\tFLT3 ITD\tregion\tAML\t\tgilteritinib\tsensitivity\tA\tsecond-line\tpreferred\t\tFDA label\tplaceholder\t",
            "P-14\tABL1\tBCR::ABL1 fusion\tfusion\tCML\t\tnilotinib\tsensitivity\tA\tsecond-line\tpreferred\t\tFDA label\tplaceholder\t",
        ])
        let melanoma = matcher.match(
            PatientProfile(
                disease: "melanoma",
                alterations: ["BRAF V600E"],
                priorTherapies: [PriorTherapy(drugs: ["dabrafenib", "trametinib"], response: "progressive disease")]
            )
        )
        #expect(melanoma.notRecommended.contains { $0.drugs == ["vemurafenib"] && $0.reason == .progressedOn })
        // A regimen that adds a new mechanism to drugs of the failed classes is demoted too: its BRAF
        // and MEK inhibitors share the resistance (merged with the haematological hold-out's class rule).
        #expect(melanoma.options.first { Set($0.drugs) == ["atezolizumab", "cobimetinib", "vemurafenib"] }?.demoted != nil)
        #expect(melanoma.options.first { Set($0.drugs) == ["encorafenib", "binimetinib"] }?.demoted != nil)
        let aml = matcher.match(
            PatientProfile(
                disease: "AML",
                alterations: ["FLT3 ITD"],
                priorTherapies: [PriorTherapy(drugs: ["cytarabine", "daunorubicin", "midostaurin"], response: "relapse")]
            )
        )
        #expect(aml.options.first?.drugs == ["gilteritinib"])
        #expect(aml.options.first?.demoted == nil)
        let cml = matcher.match(
            PatientProfile(
                disease: "CML",
                alterations: ["BCR::ABL1"],
                priorTherapies: [PriorTherapy(drugs: ["dasatinib"], response: "progressive disease")]
            )
        )
        #expect(cml.options.first?.drugs == ["nilotinib"])
    }

    /// A misspelt prior drug with one candidate is read as it and reported, so the drug the patient
    /// progressed on does not come back first.
    @Test func misspeltPriorDrugWithOneCandidate() throws {
        let matcher = try Self.matcher([
            "P-20\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tosimertinib\tsensitivity\tA\tfirst-line\tpreferred\t\tFDA label\tplaceholder\t",
            "P-21\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tamivantamab + carboplatin + pemetrexed\tsensitivity\tA\tafter:osimertinib\tpreferred\t\t"
                + "FDA label\tplaceholder\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "lung adenocarcinoma",
                alterations: ["EGFR L858R"],
                priorTherapies: [PriorTherapy(drugs: ["osimertnib"], response: "progressive disease")]
            )
        )
        #expect(result.problems.contains { $0.message.contains("osimertinib") })
        #expect(Set(result.options.first?.drugs ?? []) == ["amivantamab", "carboplatin", "pemetrexed"])
        #expect(!result.options.prefix(1).contains { $0.drugs == ["osimertinib"] })
    }

    /// The curated rows the hold-out added: EGFR S492R against cetuximab in colorectal cancer
    /// (PMID:22270724), RET G810 against selective RET inhibitors in every disease (PMID:31988000),
    /// RET V804 against vandetanib (PMID:15184865), PTEN deletion for capivasertib (Truqap, 2023).
    @Test func curatedRowsOfTheHoldout() throws {
        let matcher = try ClinicalScenarioSuite.matcher.get()
        let crc = matcher.match(PatientProfile(disease: "colorectal cancer", alterations: ["EGFR S492R"], priorTherapies: []))
        #expect(crc.resistance.contains { $0.drugs == ["cetuximab"] })
        let mtc = matcher.match(PatientProfile(disease: "medullary thyroid cancer", alterations: ["RET M918T", "RET G810R"], priorTherapies: []))
        #expect(mtc.resistance.contains { $0.drugs == ["pralsetinib"] } || mtc.notRecommended.contains { $0.drugs == ["pralsetinib"] })
        #expect(mtc.options.prefix(3).contains { $0.drugs == ["cabozantinib"] })
        let v804 = matcher.match(PatientProfile(disease: "medullary thyroid cancer", alterations: ["RET V804M"], priorTherapies: []))
        #expect(v804.resistance.contains { $0.drugs == ["vandetanib"] } || v804.notRecommended.contains { $0.drugs == ["vandetanib"] })
        let breast = matcher.match(
            PatientProfile(
                disease: "HR+/HER2- breast cancer",
                alterations: ["PTEN homozygous deletion"],
                priorTherapies: [PriorTherapy(drugs: ["anastrozole", "ribociclib"], response: "progressive disease")]
            )
        )
        #expect(Set(breast.options.first?.drugs ?? []) == ["capivasertib", "fulvestrant"])
    }
}
