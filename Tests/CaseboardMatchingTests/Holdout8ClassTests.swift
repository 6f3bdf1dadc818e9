import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// The classes of failure the eighth hold-out's blind run found (`Scenarios/HOLDOUT8.md`). Each test
/// failed before its fix. The profiles are our own.
struct Holdout8ClassTests {
    /// A tumour-agnostic label written for "solid tumors" (FDA label: Tafinlar (dabrafenib), 2022)
    /// does not cover a leukaemia, lymphoma or histiocytic neoplasm: there it ranks as off-label
    /// evidence from other diseases, below the disease's own rows. Dabrafenib + trametinib had led for
    /// a child with BRAF V600E Langerhans cell histiocytosis and for untreated hairy cell leukaemia.
    @Test func aSolidTumourLabelDoesNotCoverAHaematologicalNeoplasm() throws {
        let rows = [
            "S-1\tBRAF\tBRAF V600E\tallele\tsolid-tumors\tCOADREAD\tdabrafenib + trametinib\tsensitivity\tA\t\t\t2022-06-22\tFDA label\tFDA label: Tafinlar (dabrafenib), 2022\t",
            // NCCN Hairy Cell Leukemia 2025: a purine analogue first.
            "S-2\t-\t\tdisease\tHCL\t\tcladribine\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Hairy Cell Leukemia 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "solid.tsv")
        for disease in ["hairy cell leukemia", "Langerhans cell histiocytosis"] {
            let result = matcher.match(PatientProfile(disease: disease, alterations: ["BRAF V600E"]))
            let doublet = result.options.first { $0.drugs == ["dabrafenib", "trametinib"] }
            #expect(doublet?.tier == .offLabel, "\(disease): \(String(describing: doublet?.tier))")
            #expect(doublet?.diseaseMatch == .other, "\(disease)")
        }
        #expect(
            matcher.match(PatientProfile(disease: "hairy cell leukemia", alterations: ["BRAF V600E"])).options.first?.drugs == ["cladribine"]
        )
        // A solid tumour keeps the label.
        let thyroid = matcher.match(PatientProfile(disease: "anaplastic thyroid cancer", alterations: ["BRAF V600E"]))
        #expect(thyroid.options.first?.drugs == ["dabrafenib", "trametinib"])
        #expect(thyroid.options.first?.diseaseMatch == .tumorAgnostic)
    }

    /// A row for any tumour (`tumor-agnostic`) still reaches a leukaemia: BCR::ABL1 kinase-domain
    /// evidence is read in CML and Ph-positive ALL alike (FDA label: Iclusig (ponatinib), 2012).
    @Test func anAnyTumourRowStillReachesALeukaemia() throws {
        let rows = [
            "A-1\tABL1\tABL1 T315I\tallele\ttumor-agnostic\t\tponatinib\tsensitivity\tA\t\t\t2012-12-14\tFDA label\tFDA label: Iclusig (ponatinib), 2012\t"
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "any.tsv")
        let result = matcher.match(PatientProfile(disease: "CML", alterations: ["BCR::ABL1", "ABL1 T315I"]))
        #expect(result.options.first?.drugs == ["ponatinib"])
        #expect(result.options.first?.diseaseMatch == .tumorAgnostic)
    }

    /// Every bundled tumour-agnostic label that says "solid tumors" is filed as such.
    @Test func bundledSolidTumourLabelsAreFiledAsSolid() throws {
        let items = try CuratedEvidence.load(vocabularies: Fixture.vocabularies.get()).items
        let agnostic = items.filter { $0.disease.tumorAgnostic && $0.significance == .sensitivity && $0.level == .a }
        for drugs in [["dabrafenib", "trametinib"], ["larotrectinib"], ["entrectinib"], ["selpercatinib"], ["pembrolizumab"], ["dostarlimab"]] {
            let rows = agnostic.filter { $0.drugs == drugs }
            #expect(!rows.isEmpty && rows.allSatisfy(\.disease.isSolidTumoursOnly), "\(drugs)")
        }
    }

    /// A directed option two or more lines beyond the patient's follows the standard options of the
    /// patient's own line; an option for the next line still comes before them. Adagrasib + cetuximab
    /// (after fluoropyrimidine, oxaliplatin and irinotecan; FDA label: Krazati (adagrasib), 2024) had
    /// ranked second for untreated KRAS G12C colorectal cancer, ahead of the first-line chemotherapy.
    @Test func aDirectedOptionForALaterLineFollowsThisLinesStandardOptions() throws {
        let rows = [
            "L-1\tKRAS\tKRAS G12C\tallele\tCOADREAD\t\tadagrasib + cetuximab\tsensitivity\tA\tafter:fluorouracil&oxaliplatin&irinotecan\trecommended\t2024-06-21\tFDA label\tFDA label: Krazati (adagrasib), 2024\t",
            // NCCN Colon Cancer 2025: FOLFOX or FOLFIRI, with or without bevacizumab, first line.
            "L-2\t-\t\tdisease\tCOADREAD\t\tcalcium folinate + fluorouracil + oxaliplatin\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Colon Cancer 2025\t",
            "L-3\t-\t\tdisease\tCOADREAD\t\tcalcium folinate + fluorouracil + irinotecan\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Colon Cancer 2025\t",
            "L-4\t-\t\tdisease\tCOADREAD\t\tbevacizumab + calcium folinate + fluorouracil + oxaliplatin\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Colon Cancer 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "later.tsv")
        let untreated = matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["KRAS G12C"]))
        #expect(untreated.options.prefix(3).allSatisfy { !$0.drugs.contains("adagrasib") }, "\(untreated.options.map(\.drugs))")
        #expect(untreated.options.contains { $0.drugs == ["adagrasib", "cetuximab"] })
        let pretreated = matcher.match(
            PatientProfile(
                disease: "colon adenocarcinoma",
                alterations: ["KRAS G12C"],
                priorTherapies: [
                    PriorTherapy(drugs: ["calcium folinate", "fluorouracil", "oxaliplatin"], response: "progressive disease"),
                    PriorTherapy(drugs: ["calcium folinate", "fluorouracil", "irinotecan"], response: "progressive disease"),
                ]
            )
        )
        #expect(pretreated.options.first?.drugs == ["adagrasib", "cetuximab"])
    }

    /// A maintenance row is for a patient in remission: oral azacitidine in first remission (FDA label:
    /// Onureg (azacitidine tablets), 2020) had ranked first for newly diagnosed NPM1-mutated AML, above
    /// azacitidine + venetoclax.
    @Test func aMaintenanceRowWaitsForARemission() throws {
        let rows = [
            "M-1\tNPM1\tNPM1 mutation\tmutation\tAML\t\tazacitidine\tsensitivity\tA\tmaintenance\trecommended\t2020-09-01\tFDA label\tFDA label: Onureg (azacitidine tablets), 2020\t",
            // FDA label: Venclexta (venetoclax), 2020: with azacitidine for newly diagnosed AML unfit for intensive induction.
            "M-2\t-\t\tdisease\tAML\t\tazacitidine + venetoclax\tsensitivity\tA\tfirst-line\tpreferred\t2020-10-16\tFDA label\tFDA label: Venclexta (venetoclax), 2020\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "maintenance.tsv")
        let newlyDiagnosed = matcher.match(PatientProfile(disease: "AML", alterations: ["NPM1 W288fs"]))
        #expect(newlyDiagnosed.options.first?.drugs == ["azacitidine", "venetoclax"], "\(newlyDiagnosed.options.map(\.drugs))")
        let inRemission = matcher.match(
            PatientProfile(
                disease: "AML",
                alterations: ["NPM1 W288fs"],
                priorTherapies: [PriorTherapy(drugs: ["cytarabine", "daunorubicin"], response: "complete remission")]
            )
        )
        #expect(inRemission.options.first?.drugs == ["azacitidine"], "\(inRemission.options.map(\.drugs))")
    }

    /// Markers written by their antigen names are protein on the cells: "CD5+/CD23+" had been read as
    /// an FCER2::CD5 fusion, "PD-1/CXCL13 positive" as PDCD1::CXCL13, "CD15 positive" as a FUT4
    /// mutation and "CD117 positive" as a KIT mutation. A list is read as the expression of its one
    /// targetable antigen, or as an immunophenotype matched on nothing.
    @Test(
        arguments: [
            ("CD5+/CD23+", nil), ("CD1a+/CD207+", nil), ("PD-1/CXCL13 positive", nil), ("CD3+CD8+CD57+ large granular lymphocytes", nil),
            ("CD15 positive", nil), ("DOG1 positive", nil), ("CD117 positive", nil), ("CD30+/CD15+", "TNFRSF8 overexpression"),
            ("CD25+/CD103+/CD11c+", "IL2RA overexpression"),
            // Unchanged: a fusion written with a slash, a single targetable antigen, a CD gene's variant.
            ("BCR/ABL1 positive", "BCR::ABL1 fusion"), ("CD20+", "MS4A1 overexpression"), ("CD79B Y196H", "CD79B Y196H"),
        ] as [(String, String?)]
    )
    func antigenNamesAreReadAsProteinOnTheCells(_ text: String, _ label: String?) throws {
        let reading = try Fixture.vocabularies.get().parsePatientAlteration(text).get()
        #expect(reading.alteration?.label == label, "\(text) → \(String(describing: reading.alteration))")
        #expect(label != nil || !reading.notes.isEmpty, "\(text): a finding matched on nothing says so")
    }

    /// A list with several targetable antigens asks for each on its own, rather than keeping one.
    @Test func aListOfSeveralTargetableAntigensAsksForEach() throws {
        let result = try Fixture.vocabularies.get().parsePatientAlteration("CD19+/CD20+")
        guard case .failure(.severalGenes(_, let genes)) = result else {
            Issue.record("CD19+/CD20+ → \(result)")
            return
        }
        #expect(genes.count == 2)
    }
}
