import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of failure the third hold-out's haematologic half found (`Scenarios/HOLDOUT3-HEME.md`),
/// each on a small table written for the test. Rows with `drug-…` drugs are placeholders.
struct Holdout3HemeClassTests {
    static func matcher(_ rows: [String]) throws -> Matcher {
        try RuleFixture.matcher(rows: rows, name: "holdout3-heme-classes.tsv")
    }

    /// Transcript junctions, karyotypes with breakpoints or alone, the 11q23 locus, mutation
    /// "types" and a symbol glued to its allele are read as the alteration they name.
    @Test(arguments: [
        ("BCR::ABL1 e13a2", "ABL1", "fusion"), ("bcr-abl1 e14a2", "ABL1", "fusion"), ("BCR::ABL1 e1a2", "ABL1", "fusion"),
        ("BCR-ABL1 (b3a2)", "ABL1", "fusion"), ("t(11;14)(q13;q32)", "CCND1", "fusion"), ("inv(16)(p13.1q22)", "MYH11", "fusion"),
        ("t(5;12)", "PDGFRB", "fusion"), ("t(8;13)", "FGFR1", "fusion"), ("t(17;22)", "PDGFB", "fusion"), ("t(8;9)", "JAK2", "fusion"),
        ("11q23 rearrangement", "KMT2A", "fusion"), ("NPM1 type A mutation", "NPM1", ""),
        ("CALR type 1 mutation", "CALR", ""), ("CALR type 2", "CALR", ""), ("jak2v617f", "JAK2", "V617F"),
        ("BRAFV600E", "BRAF", "V600E"), ("IGHV unmutated", "IGHV", "IGHV unmutated"), ("unmutated IGHV", "IGHV", "IGHV unmutated"),
    ])
    func haematologicShorthandIsRead(_ input: String, _ gene: String, _ variant: String) throws {
        let result = try Self.matcher([]).match(PatientProfile(disease: "AML", alterations: [input]))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(result.alterations.first?.gene == gene, "\(result.alterations.map(\.label))")
        if !variant.isEmpty { #expect(result.alterations.first?.variant == variant, "\(result.alterations.map(\.label))") }
    }

    /// CML phase (with its connective) and MDS risk group are stages of the disease, not other diseases.
    @Test(arguments: [
        ("CML blast phase", "CML"), ("Ph+ CML in chronic phase", "CML"), ("lower-risk MDS", "MDS"), ("higher-risk MDS", "MDS"),
        ("chronic myeloid leukemia in lymphoid blast crisis", "CML"),
    ])
    func phaseAndRiskQualifiersAreSetAside(_ input: String, _ code: String) throws {
        let vocabularies = try Fixture.vocabularies.get()
        guard case .found(let disease, _) = vocabularies.resolveDisease(input) else {
            Issue.record("'\(input)' did not resolve: \(vocabularies.resolveDisease(input))")
            return
        }
        #expect(disease.code == code)
    }

    /// A label for one haematologic disease is off-label in a sibling under the same family node
    /// (systemic mastocytosis and AML are both myeloid neoplasms; FDA label: Ayvakit (avapritinib), 2021).
    @Test func siblingHaematologicDiseaseIsAnotherDisease() throws {
        let matcher = try Self.matcher([
            "P-01\tKIT\tKIT D816V\tallele\tSM\t\tavapritinib\tsensitivity\tA\t\tpreferred\t2021-06-16\tFDA label\tFDA label: Ayvakit (avapritinib), 2021\t",
            "P-02\tCD19\tCD19 expression\texpression\tDLBCLNOS\t\tloncastuximab tesirine\tsensitivity\tA\t\t\t2021-04\tFDA label\tFDA label: Zynlonta, 2021\t",
            "P-03\tKIT\tKIT D816V\tallele\tMNM\t\tdrug-family\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
        ])
        let aml = matcher.match(PatientProfile(disease: "AML", alterations: ["KIT D816V"]))
        // Beside an option of the patient's own lineage, the sibling disease's label is a lead.
        #expect(!aml.options.contains { $0.drugs == ["avapritinib"] })
        #expect(aml.signals.contains { $0.kind == .otherDiseaseLead && $0.drugs == ["avapritinib"] })
        // Evidence written for the family node itself still reaches its members.
        #expect(aml.options.first { $0.drugs == ["drug-family"] }?.diseaseMatch == .related)
        let alone = try Self.matcher([
            "P-01\tKIT\tKIT D816V\tallele\tSM\t\tavapritinib\tsensitivity\tA\t\tpreferred\t2021-06-16\tFDA label\tFDA label: Ayvakit (avapritinib), 2021\t"
        ])
        .match(PatientProfile(disease: "AML", alterations: ["KIT D816V"]))
        let avapritinib = try #require(alone.options.first { $0.drugs == ["avapritinib"] })
        #expect(avapritinib.diseaseMatch == .other)
        #expect(avapritinib.tier == .offLabel)
        let all = matcher.match(PatientProfile(disease: "B-ALL", alterations: ["CD19 expression"]))
        #expect(all.options.first?.diseaseMatch == .other)
    }

    /// Post-ET myelofibrosis is treated as myelofibrosis (FDA label: Jakafi (ruxolitinib), 2011).
    @Test func secondaryMyelofibrosisTakesMyelofibrosisLabels() throws {
        let matcher = try Self.matcher([
            "P-10\tCALR\tCALR mutation\tmutation\tPMF\t\truxolitinib\tsensitivity\tA\t\trecommended\t\tNCCN\tNCCN MPN 2025\t"
        ])
        let result = matcher.match(PatientProfile(disease: "post-essential thrombocythemia myelofibrosis", alterations: ["CALR exon 9 mutation"]))
        let first = try #require(result.options.first)
        #expect(first.diseaseMatch == .same, "\(result.disease.map(\.code) ?? "no disease")")
        #expect(first.tier == .approved)
    }

    /// After progression on a targeted drug, another of its very class is demoted (acalabrutinib
    /// after zanubrutinib; NCCN CLL/SLL v.1.2026), unless its own row is for use after it
    /// (regorafenib after imatinib and sunitinib; FDA label: Stivarga (regorafenib), 2013).
    @Test func sameClassAfterProgressionIsDemoted() throws {
        let matcher = try Self.matcher([
            "P-20\tTP53\tTP53 mutation\tmutation\tCLLSLL\t\tzanubrutinib\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN CLL 2025\t",
            "P-21\tTP53\tTP53 mutation\tmutation\tCLLSLL\t\tdrug-later\tsensitivity\tB\t\t\t\tPubMed\tplaceholder\t",
            "P-22\tKIT\tKIT exon 11 mutation\tregion\tGIST\t\tregorafenib\tsensitivity\tA\tafter:imatinib&sunitinib\tpreferred\t2013-02-25\tFDA label\t"
                + "FDA label: Stivarga (regorafenib), 2013\t",
        ])
        let cll = matcher.match(
            PatientProfile(
                disease: "CLL",
                alterations: ["TP53 mutation"],
                priorTherapies: [PriorTherapy(drugs: ["acalabrutinib"], response: "progressive disease")]
            )
        )
        let zanubrutinib = try #require(cll.options.first { $0.drugs == ["zanubrutinib"] })
        #expect(zanubrutinib.demoted != nil)
        #expect(cll.options.first?.drugs == ["drug-later"])
        // Stopped for intolerance: switching within the class is what the labels allow.
        let intolerant = matcher.match(
            PatientProfile(
                disease: "CLL",
                alterations: ["TP53 mutation"],
                priorTherapies: [PriorTherapy(drugs: ["acalabrutinib"], response: "intolerance")]
            )
        )
        #expect(intolerant.options.first { $0.drugs == ["zanubrutinib"] }?.demoted == nil)
        let gist = matcher.match(
            PatientProfile(
                disease: "GIST",
                alterations: ["KIT exon 11 mutation"],
                priorTherapies: [
                    PriorTherapy(drugs: ["imatinib"], response: "progressive disease"),
                    PriorTherapy(drugs: ["sunitinib"], response: "progressive disease"),
                ]
            )
        )
        #expect(gist.options.first { $0.drugs == ["regorafenib"] }?.demoted == nil)
    }

    /// Dexamethasone, the backbone of nearly every myeloma regimen, does not demote a new regimen
    /// after a dexamethasone-containing line failed (NCCN Multiple Myeloma v.2.2026); and the labels
    /// of another disease keyed to the lesion that defines it (MCL's t(11;14)) are leads beside the
    /// patient's own option for that lesion.
    @Test func steroidPartnerDoesNotDemoteAndOtherDiseaseDefiningLesionIsALead() throws {
        let matcher = try Self.matcher([
            "P-30\tCCND1\tCCND1::IGH fusion\tfusion-partner\tPCM\t\tdexamethasone + venetoclax\tsensitivity\tA\tsecond-line\tcircumstances\t\tNCCN\t"
                + "NCCN Multiple Myeloma 2025\t",
            "P-31\tCCND1\tCCND1::IGH fusion\tfusion-partner\tMCL\t\tbrexucabtagene autoleucel\tsensitivity\tA\t\tpreferred\t2020-07\tFDA label\t"
                + "FDA label: Tecartus (brexucabtagene autoleucel), 2020\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "multiple myeloma",
                alterations: ["t(11;14)"],
                priorTherapies: [PriorTherapy(drugs: ["bortezomib", "lenalidomide", "dexamethasone"], response: "progressive disease")]
            )
        )
        let first = try #require(result.options.first)
        #expect(Set(first.drugs) == ["dexamethasone", "venetoclax"])
        #expect(first.demoted == nil)
        #expect(!result.options.contains { $0.drugs == ["brexucabtagene autoleucel"] })
        #expect(result.signals.contains { $0.kind == .otherDiseaseLead && $0.drugs == ["brexucabtagene autoleucel"] })
    }

    /// Both demoted after alectinib, a drug of its own generation (brigatinib) still ranks above an
    /// earlier generation (crizotinib) (NCCN Non-Small Cell Lung Cancer v.3.2025).
    @Test func earlierGenerationRanksBelowSameClassAfterProgression() throws {
        let matcher = try Self.matcher([
            "P-40\tALK\tALK fusion\tfusion\tNSCLC\t\tcrizotinib\tsensitivity\tA\tfirst-line\tpreferred\t2011-08\tFDA label\tFDA label: Xalkori, 2011\t",
            "P-41\tALK\tALK fusion\tfusion\tNSCLC\t\tbrigatinib\tsensitivity\tA\tfirst-line\tpreferred\t2020-05\tFDA label\tFDA label: Alunbrig, 2020\t",
            "P-42\tALK\tALK fusion\tfusion\tNSCLC\t\tlorlatinib\tsensitivity\tA\tafter:alectinib\tpreferred\t2018-11\tFDA label\tFDA label: Lorbrena, 2018\t",
        ])
        let result = matcher.match(
            PatientProfile(
                disease: "NSCLC",
                alterations: ["ALK fusion"],
                priorTherapies: [PriorTherapy(drugs: ["alectinib"], response: "progressive disease")]
            )
        )
        #expect(result.options.map(\.drugs) == [["lorlatinib"], ["brigatinib"], ["crizotinib"]])
        #expect(result.options.dropFirst().allSatisfy { $0.demoted != nil })
    }

    /// A label for another haematologic disease of the same family, known for one of the patient's
    /// alterations, is a lead beside the options of the patient's own disease (avapritinib's
    /// mastocytosis label for KIT D816V in core-binding-factor AML; FDA label: Ayvakit
    /// (avapritinib), 2021; NCCN Acute Myeloid Leukemia v.2.2025).
    @Test func siblingHaematologicLabelIsALeadBesideOwnOptions() throws {
        let matcher = try Self.matcher([
            "P-60\tKIT\tKIT D816V\tallele\tSM\t\tavapritinib\tsensitivity\tA\t\tpreferred\t2021-06-16\tFDA label\tFDA label: Ayvakit (avapritinib), 2021\t",
            "P-61\tRUNX1T1\tRUNX1::RUNX1T1 fusion\tfusion-partner\tAML\t\tcytarabine + daunorubicin + gemtuzumab ozogamicin\tsensitivity\tA\t"
                + "first-line\tpreferred\t\tNCCN\tNCCN Acute Myeloid Leukemia v.2.2025\t",
        ])
        let result = matcher.match(PatientProfile(disease: "acute myeloid leukemia", alterations: ["RUNX1::RUNX1T1", "KIT D816V"]))
        #expect(result.options.map(\.drugs) == [["cytarabine", "daunorubicin", "gemtuzumab ozogamicin"]])
        let lead = try #require(result.signals.first { $0.kind == .otherDiseaseLead && $0.drugs == ["avapritinib"] })
        #expect(lead.why.contains("haematologic"))
    }

    /// "After at least two of" a list: ponatinib in chronic-phase CML after two or more kinase
    /// inhibitors (FDA label: Iclusig (ponatinib), 2020; PMID:35641211) does not fit after one.
    @Test func afterSeveralNeedsThatManyOfTheListedDrugs() throws {
        #expect(TherapySetting(parsing: "after:2 of imatinib|dasatinib|nilotinib")?.text == "after:2 of imatinib|dasatinib|nilotinib")
        #expect(TherapySetting(parsing: "after:2 of imatinib&dasatinib") == nil)
        #expect(TherapySetting(parsing: "after:3 of imatinib|dasatinib") == nil)
        let matcher = try Self.matcher([
            "P-70\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tponatinib\tsensitivity\tA\tafter:2 of imatinib|dasatinib|nilotinib|bosutinib\trecommended\t"
                + "2012-12-14\tFDA label\tFDA label: Iclusig (ponatinib), 2020\t",
            "P-71\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tbosutinib\tsensitivity\tA\tafter:imatinib|dasatinib|nilotinib\trecommended\t2012-09-04\t"
                + "FDA label\tFDA label: Bosulif (bosutinib), 2012\t",
        ])
        let once = matcher.match(
            PatientProfile(disease: "CML", alterations: ["BCR::ABL1"], priorTherapies: [PriorTherapy(drugs: ["dasatinib"], response: "intolerance")])
        )
        #expect(once.options.first?.drugs == ["bosutinib"])
        #expect(once.options.first { $0.drugs == ["ponatinib"] }?.settingFit == .poor)
        let twice = matcher.match(
            PatientProfile(
                disease: "CML",
                alterations: ["BCR::ABL1"],
                priorTherapies: [
                    PriorTherapy(drugs: ["nilotinib"], response: "resistance"), PriorTherapy(drugs: ["bosutinib"], response: "progressive disease"),
                ]
            )
        )
        #expect(twice.options.first { $0.drugs == ["ponatinib"] }?.settingFit == .fits)
    }

    /// A CML drug outside the phases its labels cover is demoted: asciminib in blast or
    /// accelerated phase (FDA label: Scemblix (asciminib), 2021/2024, chronic phase), nilotinib in
    /// blast phase (FDA label: Tasigna (nilotinib), 2010, chronic and accelerated phase).
    @Test func cmlDrugsOutsideTheirLabelledPhaseAreDemoted() throws {
        let matcher = try Self.matcher([
            "P-80\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tasciminib\tsensitivity\tA\tfirst-line\tpreferred\t2024-10-29\tFDA label\t"
                + "FDA label: Scemblix (asciminib), 2024\t",
            "P-81\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tnilotinib\tsensitivity\tA\tfirst-line\tpreferred\t2007-10-29\tFDA label\t"
                + "FDA label: Tasigna (nilotinib), 2010\t",
            "P-82\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tdasatinib\tsensitivity\tA\tfirst-line\tpreferred\t2006-06-28\tFDA label\t"
                + "FDA label: Sprycel (dasatinib), 2006\t",
        ])
        let blast = matcher.match(PatientProfile(disease: "chronic myeloid leukemia in myeloid blast crisis", alterations: ["BCR::ABL1"]))
        #expect(blast.options.first?.drugs == ["dasatinib"])
        #expect(blast.options.first { $0.drugs == ["asciminib"] }?.demoted != nil)
        #expect(blast.options.first { $0.drugs == ["nilotinib"] }?.demoted != nil)
        let accelerated = matcher.match(PatientProfile(disease: "accelerated phase CML", alterations: ["BCR::ABL1"]))
        #expect(accelerated.options.first { $0.drugs == ["asciminib"] }?.demoted != nil)
        #expect(accelerated.options.first { $0.drugs == ["nilotinib"] }?.demoted == nil)
        let chronic = matcher.match(PatientProfile(disease: "chronic myeloid leukemia, chronic phase", alterations: ["BCR::ABL1"]))
        #expect(chronic.options.allSatisfy { $0.demoted == nil })
        #expect(chronic.options.first?.drugs == ["asciminib"])
    }

    /// In complete remission after every line, options only for relapsed or refractory disease
    /// are demoted and maintenance fits: a menin inhibitor (FDA label: Revuforj (revumenib), 2025,
    /// relapsed or refractory NPM1-mutated AML) is not for first remission, oral azacitidine is
    /// (FDA label: Onureg (azacitidine tablets), 2020).
    @Test func relapsedOrRefractoryOptionsAreDemotedInRemission() throws {
        let matcher = try Self.matcher([
            "P-90\tNPM1\tNPM1 mutation\tmutation\tAML\t\trevumenib\tsensitivity\tA\tsecond-line\tpreferred\t2025-10-24\tFDA label\t"
                + "FDA label: Revuforj (revumenib), 2025\t",
            "P-91\tNPM1\tNPM1 mutation\tmutation\tAML\t\tazacitidine\tsensitivity\tA\tmaintenance\trecommended\t2020-09-01\tFDA label\t"
                + "FDA label: Onureg (azacitidine tablets), 2020\t",
        ])
        let induction = PriorTherapy(drugs: ["cytarabine", "daunorubicin"], response: "complete response")
        let remission = matcher.match(PatientProfile(disease: "AML", alterations: ["NPM1 W288fs"], priorTherapies: [induction]))
        #expect(remission.options.first?.drugs == ["azacitidine"])
        #expect(remission.options.first?.settingFit == .fits)
        #expect(remission.options.first { $0.drugs == ["revumenib"] }?.demoted != nil)
        // Relapse, written in the disease or as the response, is not remission.
        let relapsedDisease = matcher.match(PatientProfile(disease: "relapsed AML", alterations: ["NPM1 W288fs"], priorTherapies: [induction]))
        #expect(relapsedDisease.options.first?.drugs == ["revumenib"])
        let relapse = matcher.match(
            PatientProfile(
                disease: "AML",
                alterations: ["NPM1 W288fs"],
                priorTherapies: [PriorTherapy(drugs: ["cytarabine", "daunorubicin"], response: "relapse")]
            )
        )
        #expect(relapse.options.first { $0.drugs == ["revumenib"] }?.demoted == nil)
    }

    /// IGHV mutation status is a CLL signature that first-line rows key to (NCCN Chronic
    /// Lymphocytic Leukemia/Small Lymphocytic Lymphoma v.1.2026).
    @Test func unmutatedIGHVMeetsItsRows() throws {
        let matcher = try Self.matcher([
            "P-95\tIGHV\tIGHV unmutated\tsignature\tCLLSLL\t\tzanubrutinib\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\t"
                + "NCCN Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma v.1.2026\t"
        ])
        let result = matcher.match(PatientProfile(disease: "chronic lymphocytic leukaemia", alterations: ["IGHV unmutated"]))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(result.options.first?.drugs == ["zanubrutinib"])
        #expect(result.options.first?.tier == .approved)
    }
}
