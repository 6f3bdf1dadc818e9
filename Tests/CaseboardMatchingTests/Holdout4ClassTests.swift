import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of failure the fourth hold-out found (`Scenarios/HOLDOUT4.md`), each checked on a
/// small table written for the test. Each failed before its fix.
struct Holdout4ClassTests {
    static func matcher(_ rows: [String]) throws -> Matcher {
        try RuleFixture.matcher(rows: rows, name: "holdout4-classes.tsv")
    }

    /// A label written for microsatellite-stable (pMMR) disease is found for a patient typed
    /// either way (pembrolizumab + lenvatinib, FDA label: Keytruda (pembrolizumab), 2021); an
    /// MSI-H row never meets an MSS patient. Before, "MSS" and "pMMR" were read and matched nothing.
    @Test(arguments: ["MSS", "pMMR", "MMR proficient"])
    func microsatelliteStableRowsMeetEitherSpelling(_ status: String) throws {
        let matcher = try Self.matcher([
            "T-1\tMSI\tMSS\tsignature\tUCEC\t\tlenvatinib + pembrolizumab\tsensitivity\tA\tsecond-line\tpreferred\t2021-07-21\tFDA label\tFDA label: Keytruda (pembrolizumab), 2021\t",
            "T-2\tMSI\tMSI-H\tsignature\tUCEC\t\tpembrolizumab\tsensitivity\tA\tsecond-line\tpreferred\t2022-03-21\tFDA label\tFDA label: Keytruda (pembrolizumab), 2022\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "endometrial carcinoma",
                alterations: [status],
                priorTherapies: [PriorTherapy(drugs: ["carboplatin", "paclitaxel"], response: "progressive disease")]
            )
        )
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.options.map(\.drugs) == [["lenvatinib", "pembrolizumab"]])
    }

    /// A gene found wild-type meets rows written for it, and never rows for its mutations
    /// (cetuximab + FOLFIRI for RAS wild-type colorectal cancer, FDA label: Erbitux (cetuximab), 2012).
    @Test func wildTypeRowsMeetWildTypeOnly() throws {
        let matcher = try Self.matcher([
            "T-1\tKRAS\tKRAS wild-type\texpression\tCOADREAD\t\tcetuximab + fluorouracil + irinotecan + leucovorin\tsensitivity\tA\tfirst-line\tpreferred\t2012-07-06\tFDA label\tFDA label: Erbitux (cetuximab), 2012\t",
            "T-2\tKRAS\tKRAS G12C\tallele\tCOADREAD\t\tadagrasib + cetuximab\tsensitivity\tA\t\trecommended\t2024-06-21\tFDA label\tFDA label: Krazati (adagrasib), 2024\t",
        ])
        let wildType = matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["RAS wild-type"]))
        #expect(wildType.options.map(\.drugs) == [["cetuximab", "fluorouracil", "irinotecan", "leucovorin"]])
        let mutant = matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["KRAS G12C"]))
        #expect(mutant.options.map(\.drugs) == [["adagrasib", "cetuximab"]])
    }

    /// A combination label written for RAS wild-type disease leaves the list for a RAS-mutant
    /// patient (tucatinib + trastuzumab, FDA label: Tukysa (tucatinib), 2023, MOUNTAINEER).
    @Test func rasMutationTakesTucatinibTrastuzumabOffTheList() throws {
        let matcher = try Self.matcher([
            "T-1\tERBB2\tERBB2 amplification\tamplification\tCOADREAD\t\ttucatinib + trastuzumab\tsensitivity\tA\t\trecommended\t2023-01-19\tFDA label\tFDA label: Tukysa (tucatinib), 2023\t",
            "T-2\tKRAS\tKRAS mutation\tmutation\tCOADREAD\t\ttucatinib + trastuzumab\tresistance\tA\t\t\t\tFDA label\tFDA label: Tukysa (tucatinib), 2023\tlabel limitation",
        ])
        let result = matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["ERBB2 amplification", "KRAS G12D"]))
        #expect(!result.options.contains { Set($0.drugs) == ["tucatinib", "trastuzumab"] })
        #expect(result.notRecommended.contains { Set($0.drugs) == ["tucatinib", "trastuzumab"] })
    }

    /// A label restricted to PD-L1 expressers leaves the list for a PD-L1-negative tumour
    /// (pembrolizumab + trastuzumab, CPS 1 or more since 2023; FDA label: Keytruda
    /// (pembrolizumab), 2023); before, "PD-L1 CPS <1" was read and matched on nothing.
    @Test(arguments: ["PD-L1 CPS <1", "PD-L1 negative", "CD274 negative"])
    func pdl1NegativeTakesAnExpresserOnlyLabelOffTheList(_ status: String) throws {
        let matcher = try Self.matcher([
            "T-1\tERBB2\tERBB2 amplification\tamplification\tEGC\t\tpembrolizumab + trastuzumab\tsensitivity\tA\tfirst-line\tpreferred\t2021-05-05\tFDA label\tFDA label: Keytruda (pembrolizumab), 2021\t",
            "T-2\tERBB2\tERBB2 amplification\tamplification\tEGC\t\tcapecitabine + oxaliplatin + trastuzumab\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Gastric Cancer 2025\t",
            "T-3\tCD274\tCD274 negative\texpression\tEGC\t\tpembrolizumab + trastuzumab\tresistance\tA\t\t\t\tFDA label\tFDA label: Keytruda (pembrolizumab), 2023\tlabel limitation",
        ])
        let result = matcher.match(PatientProfile(disease: "gastric adenocarcinoma", alterations: ["ERBB2 amplification", status]))
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.options.map { Set($0.drugs) } == [["capecitabine", "oxaliplatin", "trastuzumab"]])
        #expect(result.notRecommended.contains { Set($0.drugs) == ["pembrolizumab", "trastuzumab"] })
    }

    /// Two blood cancers that share only a broad WHO family (mature B-cell neoplasms) are not one
    /// lineage: a myeloma row is off-label for mantle cell lymphoma, while a row for a disease that
    /// contains the patient's is still related.
    @Test func broadBloodCancerFamiliesDoNotMakeSiblingsRelated() throws {
        let matcher = try Self.matcher([
            "T-1\tCCND1\tCCND1::IGH fusion\tfusion-partner\tPCM\t\tdexamethasone + venetoclax\tsensitivity\tA\tsecond-line\tcircumstances\t\tNCCN\tNCCN Multiple Myeloma 2025\t",
            "T-2\tCCND1\tCCND1 fusion\tfusion\tMBN\t\tvenetoclax\tsensitivity\tB\t\t\t\tNCCN\tNCCN B-Cell Lymphomas 2025\t",
        ])
        let result = matcher.match(PatientProfile(disease: "mantle cell lymphoma", alterations: ["t(11;14)"]))
        let relations = Dictionary(
            result.options.map { ($0.drugs.sorted().joined(separator: "+"), $0.diseaseMatch) },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(relations["dexamethasone+venetoclax"] != .related)
        #expect(relations["venetoclax"] == .related)
    }

    /// Inputs the hold-out typed that were unreadable or read wrongly.
    @Test func holdoutInputsAreRead() throws {
        let vocabularies = try Fixture.vocabularies.get()
        for (text, code) in [("systemic anaplastic large cell lymphoma", "ALCL"), ("subependymal giant cell astrocytoma", "ENCG")] {
            if case .found(let disease, _) = vocabularies.readDisease(text).resolution {
                #expect(disease.code == code, "\(text)")
            } else {
                Issue.record("\(text) not found")
            }
        }
        // "MM" is both multiple myeloma and malignant melanoma: asked, never chosen.
        guard case .ambiguous(let candidates) = vocabularies.readDisease("MM").resolution else {
            Issue.record("MM was not ambiguous")
            return
        }
        #expect(Set(candidates.map(\.disease.code)).isSuperset(of: ["PCM", "MEL"]))
        // With a marker that belongs to one of them, the marker settles it, and the answer says so.
        let matcher = try Self.matcher([
            "T-1\tGPRC5D\tGPRC5D expression\texpression\tPCM\t\ttalquetamab\tsensitivity\tA\tafter:daratumumab\trecommended\t2023-08\tFDA label\tFDA label: Talvey (talquetamab), 2023\t",
            "T-2\tBRAF\tBRAF V600E\tallele\tMEL\t\tvemurafenib\tsensitivity\tA\t\tpreferred\t2011-08-17\tFDA label\tFDA label: Zelboraf (vemurafenib), 2011\t",
            "T-3\tBRAF\tBRAF V600E\tallele\tECD\t\tvemurafenib\tsensitivity\tA\t\tpreferred\t2017-11-06\tFDA label\tFDA label: Zelboraf (vemurafenib), 2017\t",
        ])
        let myeloma = matcher.match(PatientProfile(disease: "MM", alterations: ["GPRC5D expression"]))
        #expect(myeloma.disease?.code == "PCM" && myeloma.problems.isEmpty)
        #expect(myeloma.disease?.via?.contains("GPRC5D") == true)
        let unsettled = matcher.match(PatientProfile(disease: "MM", alterations: ["BRAF V600E"]))
        #expect(unsettled.disease == nil && unsettled.problems.contains { $0.message.contains("ambiguous") })
        let cd123 = try vocabularies.parsePatientAlteration("CD123 positive").get()
        #expect(cd123.alteration?.gene == "IL3RA" && cd123.alteration?.kind == .expression)
    }
}
