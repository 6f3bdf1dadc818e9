import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// The classes of failure the ninth hold-out's blind run found (`Scenarios/HOLDOUT9.md`). Each test
/// failed before its fix. The profiles are our own.
struct Holdout9ClassTests {
    /// A marker result taken earlier ("at diagnosis", "on the primary") is replaced by a later result for
    /// the same gene ("on the progression biopsy"): HER2 is lost in about a third of gastric cancers after
    /// trastuzumab (Pietrantonio F et al., Int J Cancer 2016) and NCCN Gastric Cancer 2025 asks for
    /// re-testing at progression. Trastuzumab deruxtecan (FDA label: Enhertu, January 2021, HER2-positive
    /// gastric cancer after trastuzumab) had led on the diagnostic HER2 3+ after the rebiopsy showed HER2 0.
    @Test func aLaterResultReplacesAnEarlierOneForTheSameGene() throws {
        let rows = [
            "G-1\tERBB2\tERBB2 overexpression\texpression\tSTAD\t\ttrastuzumab deruxtecan\tsensitivity\tA\t\t\t2021-01-15\tFDA label\tFDA label: Enhertu (trastuzumab deruxtecan), January 2021\t",
            // NCCN Gastric Cancer 2025: ramucirumab with paclitaxel second line.
            "G-2\t-\t\tdisease\tSTAD\t\tpaclitaxel + ramucirumab\tsensitivity\tA\t\tpreferred\t\tNCCN\tNCCN Gastric Cancer 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "later-result.tsv")
        let lost = matcher.match(
            PatientProfile(
                disease: "metastatic gastric adenocarcinoma",
                alterations: ["HER2 IHC 3+ at diagnosis (primary)", "HER2 IHC 0, ISH not amplified on the progression biopsy"]
            )
        )
        #expect(!lost.options.contains { $0.drugs == ["trastuzumab deruxtecan"] }, "\(lost.options.map(\.drugs))")
        #expect(lost.findings.contains { $0.input.hasPrefix("HER2 IHC 3+ at diagnosis") && $0.note.contains("earlier result") })
        // Without a later result the diagnostic one still counts.
        let kept = matcher.match(PatientProfile(disease: "metastatic gastric adenocarcinoma", alterations: ["HER2 IHC 3+ at diagnosis (primary)"]))
        #expect(kept.options.first?.drugs == ["trastuzumab deruxtecan"])
    }

    /// Trailing annotations on an alteration are detail, not part of the variant: a VAF after a comma, a
    /// gene typed in lower case before its cDNA and protein change, a cytoband in brackets, a staining
    /// pattern or the cells that stain, a share with a comparison sign. Each had been an unresolved input.
    @Test func trailingAnnotationsAreReadAsDetail() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let expected: [(String, String, String)] = [
            ("tp53 c.743G>A p.(Arg248Gln), VAF 41%", "TP53", "R248Q"),
            ("PD-L1 (9p24.1) amplification", "CD274", "amplification"),
            ("CD30 positive in >75% of cells", "TNFRSF8", "overexpression"),
            ("CD20 positive on LP cells", "MS4A1", "overexpression"),
            // A truncating change is a loss-of-function mutation of the gene.
            ("PBRM1 truncating", "PBRM1", "mutation"),
        ]
        for (text, gene, variant) in expected {
            let reading = try vocabularies.parsePatientAlteration(text).get()
            #expect(reading.alteration?.gene == gene && reading.alteration?.variant == variant, "\(text): \(String(describing: reading.alteration))")
        }
        // A mistyped gene still gets suggestions.
        guard case .failure(let error) = vocabularies.parsePatientAlteration("tp35 R248Q") else {
            Issue.record("tp35 read as a gene")
            return
        }
        #expect(error.description.contains("TP53"))
    }

    /// Clinical findings with no evidence key are read and matched on nothing, never input errors:
    /// p16 immunohistochemistry (the HPV surrogate, NCCN Head and Neck Cancers 2025), viral loads, a PNH
    /// clone, staining patterns of immunophenotype markers, arm-level losses with no gene (ELN 2022),
    /// pathology features and risk scores.
    @Test func findingsWithNoKeyAreReadNotRejected() throws {
        let vocabularies = try Fixture.vocabularies.get()
        for text in [
            "p16 negative", "HIV-1 viral load undetectable", "PNH clone 3%", "CD34 diffusely positive", "CD99 membranous positive",
            "TFE3 IHC nuclear positive", "del(7q)", "extranodal extension", "perineural invasion of a named nerve", "WHO prognostic score 3",
            "hCG 420 IU/L, plateau over three weekly values",
        ] {
            let reading = try? vocabularies.parsePatientAlteration(text).get()
            #expect(reading != nil && reading?.alteration == nil, "\(text): \(String(describing: reading))")
        }
    }

    /// Brentuximab vedotin is labelled for primary cutaneous ALCL after prior systemic therapy (FDA label:
    /// Adcetris (brentuximab vedotin), November 2017, ALCANZA); the bundled rows had filed it for mycosis
    /// fungoides and systemic ALCL only, so BV-CHP (systemic ALCL, first line) ranked beside it.
    @Test func brentuximabIsLabelledForPrimaryCutaneousALCL() throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(
            PatientProfile(
                disease: "primary cutaneous anaplastic large cell lymphoma",
                alterations: ["CD30 positive"],
                priorTherapies: [PriorTherapy(drugs: ["methotrexate"], response: "progressive disease")]
            )
        )
        #expect(result.options.first?.drugs == ["brentuximab vedotin"])
        #expect(result.options.first?.diseaseMatch == .same)
    }

    /// After progression on enzalutamide, another androgen-signalling inhibitor is not the next line: the
    /// switch was inferior to a taxane in CARD (de Wit R et al., N Engl J Med 2019, PMID:31566937).
    /// Darolutamide and apalutamide had led for mCRPC progressing on enzalutamide, ahead of docetaxel.
    @Test func anotherAndrogenSignallingInhibitorIsNotTheNextLine() throws {
        let rows = [
            "P-1\t-\t\tdisease\tPRAD\t\tdarolutamide\tsensitivity\tA\t\tpreferred\t2019-07-30\tFDA label\tFDA label: Nubeqa (darolutamide), 2019\t",
            "P-2\t-\t\tdisease\tPRAD\t\tabiraterone + prednisone\tsensitivity\tA\t\tpreferred\t2011-04-28\tFDA label\tFDA label: Zytiga (abiraterone), 2011\t",
            // NCCN Prostate Cancer 2025: docetaxel for mCRPC.
            "P-3\t-\t\tdisease\tPRAD\t\tdocetaxel + prednisone\tsensitivity\tA\t\trecommended\t\tNCCN\tNCCN Prostate Cancer 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "arpi.tsv")
        let result = matcher.match(
            PatientProfile(
                disease: "metastatic castration-resistant prostate cancer",
                alterations: [],
                priorTherapies: [PriorTherapy(drugs: ["enzalutamide"], response: "progressive disease")]
            )
        )
        #expect(result.options.first?.drugs == ["docetaxel", "prednisone"], "\(result.options.map(\.drugs))")
        let docetaxel = result.options.firstIndex { $0.drugs == ["docetaxel", "prednisone"] } ?? .max
        #expect((result.options.firstIndex { $0.drugs == ["darolutamide"] } ?? .max) > docetaxel)
        // Without that progression the inhibitors stay.
        let naive = matcher.match(PatientProfile(disease: "metastatic castration-resistant prostate cancer", alterations: []))
        #expect(naive.options.contains { $0.drugs == ["darolutamide"] })
    }

    /// Several results in one entry are read one by one: a comma list of markers, or two names sharing one
    /// result. "TP53 and RB1 loss" is both losses; "FLT3-ITD and FLT3-TKD negative" rules out both FLT3 changes.
    @Test func severalResultsInOneEntryAreReadEach() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let losses = try vocabularies.parsePatientAlteration("TP53 and RB1 loss (NGS)").get()
        let genes = Set(([losses.alteration].compactMap { $0 } + losses.equivalents).map(\.gene))
        #expect(genes == ["TP53", "RB1"], "\(losses)")
        for text in ["FLT3-ITD and FLT3-TKD negative", "no del(5q), SF3B1 wild-type, normal karyotype", "ER weakly positive"] {
            #expect((try? vocabularies.parsePatientAlteration(text).get()) != nil, "\(text)")
        }
    }

    /// ALK-positive histiocytosis is a histiocytic neoplasm (WHO-HAEM5 2022; Kemps PG et al., Blood 2022): the
    /// name resolves to OncoTree's histiocytic and dendritic cell neoplasms instead of being an unknown disease.
    @Test func alkPositiveHistiocytosisIsAHistiocyticNeoplasm() throws {
        let result = try HoldoutScenarios.defaultMatcher.get().match(
            PatientProfile(disease: "ALK-positive histiocytosis, multisystem", alterations: ["KIF5B::ALK fusion"])
        )
        #expect(result.disease?.code == "HDCN", "\(String(describing: result.disease))")
        #expect(result.problems.isEmpty, "\(result.problems)")
    }
}
