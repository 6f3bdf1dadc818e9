import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of failure the fifth hold-out's blind run found (`Scenarios/HOLDOUT5.md`). Each
/// failed before its fix: the inputs were unreadable, and negative findings reached other diseases.
struct Holdout5ClassTests {
    /// Detail in brackets after an alteration: a change the gene takes is the more specific
    /// reading; otherwise the alteration before the brackets is read.
    @Test(arguments: [
        ("EGFR exon20 ins (A767_V769dup)", "EGFR"), ("BRCA2 c.5946delT (p.Ser1982Argfs*22)", "BRCA2"), ("TP53 mutated (VAF 12%)", "TP53"),
        ("CLDN18.2 positive (80% 2+/3+)", "CLDN18"), ("c-Met protein overexpression (IHC 3+ in 60% of cells)", "MET"),
    ])
    func bracketedDetailIsRead(_ text: String, _ gene: String) throws {
        let reading = try Fixture.vocabularies.get().parsePatientAlteration(text).get()
        #expect(reading.alteration?.gene == gene, "\(text) → \(String(describing: reading.alteration))")
    }

    /// Findings looked for and not found, in the words reports use, are read and raise no problem.
    @Test(arguments: [
        "HER2 not amplified", "BCR::ABL1 negative", "BRCA wild-type", "no ABL1 kinase domain mutation", "Ph negative", "del(17p) negative",
        "MRD 0.3% (flow)", "gain(1q)", "complex karyotype",
    ])
    func negativeAndNonAlterationFindingsAreRead(_ text: String) throws {
        let reading = try Fixture.vocabularies.get().parsePatientAlteration(text)
        #expect((try? reading.get()) != nil, "\(text) → \(reading)")
    }

    /// Antigen and methylation wordings, and further translocations, read as the keys labels use.
    @Test func markerWordingsAreRead() throws {
        let vocabularies = try Fixture.vocabularies.get()
        #expect(try vocabularies.parsePatientAlteration("MAGE-A4 positive").get().alteration?.gene == "MAGEA4")
        #expect(try vocabularies.parsePatientAlteration("BCMA expressed").get().alteration?.gene == "TNFRSF17")
        #expect(try vocabularies.parsePatientAlteration("MLH1 promoter hypermethylation").get().alteration?.variant == "dMMR")
        #expect(try vocabularies.parsePatientAlteration("SDHB loss by IHC").get().alteration?.variant == "negative")
        #expect(try vocabularies.parsePatientAlteration("t(6;11)(q27;q23)").get().alteration?.gene == "KMT2A")
        for (text, code) in [("ES-SCLC", "SCLC"), ("RRMM", "PCM"), ("B-cell precursor ALL", "BLL")] {
            if case .found(let disease, _) = vocabularies.readDisease(text).resolution {
                #expect(disease.code == code, "\(text)")
            } else {
                Issue.record("\(text) not found")
            }
        }
    }

    /// Words in brackets after an alteration are detail, never a fusion partner ("PS2", an alias of
    /// PSEN2, is a staining intensity here); a high call or "positive" for an antibody target is
    /// protein expression; ring sideroblasts are a morphological finding. Each of these failed before.
    @Test(arguments: [
        ("FRα high (PS2+ in 75% of tumour cells)", "FOLR1 overexpression"), ("FOLR1 high", "FOLR1 overexpression"),
        ("CCR4 positive", "CCR4 overexpression"), ("CD79b positive", "CD79B overexpression"),
        ("KRAS G12C (c.34G>T)", "KRAS G12C"), ("ALK rearranged (break-apart FISH)", "ALK fusion"),
    ])
    func bracketsHighCallsAndAntibodyTargetsAreRead(_ text: String, _ label: String) throws {
        let reading = try Fixture.vocabularies.get().parsePatientAlteration(text).get()
        #expect(reading.alteration?.label == label, "\(text) → \(String(describing: reading.alteration))")
    }

    @Test func ringSideroblastsAreAFindingMatchedOnNothing() throws {
        let vocabularies = try Fixture.vocabularies.get()
        for text in ["ring sideroblasts negative", "RS+", "ring sideroblasts present"] {
            let reading = try vocabularies.parsePatientAlteration(text).get()
            #expect(reading.alteration == nil && !reading.notes.isEmpty, "\(text)")
        }
    }

    /// A negative finding speaks only through its own disease's labels: RAS wild-type colorectal
    /// rows are never off-label options for a lung cancer, nor MSS endometrial rows for a gastric one.
    @Test func negativeFindingsNeverGoOffLabel() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let (items, _) = try CuratedEvidence.parse(
            [
                RuleFixture.header,
                "T-1\tKRAS\tKRAS wild-type\texpression\tCOADREAD\t\tpanitumumab\tsensitivity\tA\t\t\t2006-09-27\tFDA label\tFDA label: Vectibix (panitumumab), 2014\t",
                "T-2\tMSI\tMSS\tsignature\tUCEC\t\tlenvatinib + pembrolizumab\tsensitivity\tA\t\t\t2021-07-21\tFDA label\tFDA label: Keytruda (pembrolizumab), 2021\t",
            ].joined(separator: "\n") + "\n",
            vocabularies: vocabularies,
            name: "holdout5-classes.tsv"
        )
        let matcher = Matcher(vocabularies: vocabularies, index: KnowledgeIndex(evidence: items, cases: [], classRules: [], snapshot: "h5"))
        #expect(matcher.match(PatientProfile(disease: "lung adenocarcinoma", alterations: ["KRAS wild-type"])).options.isEmpty)
        #expect(matcher.match(PatientProfile(disease: "gastric adenocarcinoma", alterations: ["MSS"])).options.isEmpty)
        #expect(
            matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["KRAS wild-type"])).options.map(\.drugs) == [["panitumumab"]]
        )
    }
}
