import CaseboardCore
import CaseboardMatching
import Testing

/// Classes found in session 35 (hold-out 29's failures: expression biomarkers, combinations, haematology by marker and
/// the patient's state), on profiles of our own. Each test failed before its fix.
struct Session35ClassTests: HoldoutMatching {
    private func labels(_ result: MatchResult) -> Set<String> { Set(result.alterations.map(\.label)) }

    /// "IgG kappa" is the paraprotein of a myeloma, not the IgG node OncoTree files under MGUS: "NDMM IgG kappa" stays
    /// plasma cell myeloma.
    @Test func aParaproteinIsotypeDoesNotTurnMyelomaIntoMGUS() throws {
        let result = try match("NDMM IgA lambda, R-ISS II, transplant eligible, 61F", ["CD38 positive"])
        #expect(result.disease?.code == "PCM", "\(String(describing: result.disease))")
    }

    /// t(4;14) puts the unfused FGFR3 under the IGH enhancer (Chesi et al., Nat Genet 1997): the FGFR3 fusion rows of
    /// erdafitinib (FGFR3::TACC3 and kin in urothelial carcinoma; FDA label: Balversa (erdafitinib), 2019) do not
    /// apply, while a urothelial FGFR3::TACC3 fusion still meets them.
    @Test func anImmunoglobulinTranslocationIsNotAKinaseFusion() throws {
        let myeloma = try match("multiple myeloma, newly diagnosed, transplant eligible", ["IGH::FGFR3 t(4;14)"])
        #expect(!myeloma.options.contains { $0.drugs.contains("erdafitinib") }, "\(top(myeloma, 5))")
        let reversed = try match("multiple myeloma, relapsed after three lines", ["t(4;14) FGFR3::IGH"])
        #expect(!reversed.options.contains { $0.drugs.contains("erdafitinib") }, "\(top(reversed, 5))")
        let urothelial = try match(
            "metastatic urothelial carcinoma after platinum and avelumab",
            ["FGFR3::TACC3 fusion"],
            priors: [PriorTherapy(drugs: ["carboplatin", "gemcitabine"], response: "progressive disease")]
        )
        #expect(urothelial.options.contains { $0.drugs == ["erdafitinib"] }, "\(top(urothelial, 5))")
    }

    /// The zolbetuximab and mirvetuximab labels ask for at least 75% of tumour cells stained (FDA labels: Vyloy
    /// (zolbetuximab), 2024; Elahere (mirvetuximab soravtansine), 2022). A share written without a colon, with its
    /// intensity or assay, is read; below the cut-off the marker is low, and its drug is not offered.
    @Test func aStainedShareIsReadAgainstItsLabelCutoff() throws {
        let high = try match("metastatic gastric adenocarcinoma, untreated", ["CLDN18.2 80% of tumour cells 2+/3+", "HER2 IHC 0"])
        #expect(labels(high).contains("CLDN18 overexpression"), "\(labels(high)) \(high.problems)")
        #expect(high.options.contains { $0.drugs.contains("zolbetuximab") }, "\(top(high, 5))")
        let low = try match("metastatic gastric adenocarcinoma, untreated", ["claudin 18 IHC positive in 40% of tumour cells", "HER2 IHC 0"])
        #expect(labels(low).contains("CLDN18 low expression"), "\(labels(low)) \(low.problems)")
        #expect(!low.options.contains { $0.drugs.contains("zolbetuximab") }, "\(top(low, 5))")
        let folate = try match("platinum-resistant high-grade serous ovarian cancer", ["FRalpha (FOLR1) PS2+ staining in 80% of tumour cells"])
        #expect(labels(folate).contains("FOLR1 overexpression"), "\(labels(folate)) \(folate.problems)")
        let typed = try match("platinum-resistant high-grade serous ovarian cancer", ["FRa PS2+ 60%"])
        #expect(labels(typed).contains("FOLR1 low expression"), "\(labels(typed)) \(typed.problems)")
    }

    /// HER2-ultralow as a pathologist reports it (IHC 0 with faint, incomplete staining in at most 10% of cells;
    /// ASCO/CAP 2023), or as a category in brackets after the score, is HER2-ultralow (FDA label: Enhertu (trastuzumab
    /// deruxtecan), 2025); IHC 0 with no staining stays HER2-negative.
    @Test func herTwoUltralowIsReadFromThePathologistsWords() throws {
        for text in ["HER2 IHC 0, faint incomplete membrane staining in 5% of cells", "HER2 IHC 0 (HER2-ultralow)", "HER2 0 (ultralow)"] {
            let result = try match("metastatic HR-positive breast cancer after endocrine therapy", [text])
            #expect(labels(result).contains("ERBB2 ultralow expression"), "\(text): \(labels(result)) \(result.problems)")
        }
        let null = try match("metastatic HR-positive breast cancer after endocrine therapy", ["HER2 IHC 0 (no staining)"])
        #expect(labels(null).contains("ERBB2 negative"), "\(labels(null))")
    }

    /// Negative results in a pathologist's or a board's words are read, not refused: "p53 wild-type pattern" (the
    /// immunohistochemical reading of unmutated TP53), "CDKN2A/B not deleted", and a copy-number gain of two genes
    /// written by their protein names.
    @Test func resultsWrittenAsPatternsAndSharedChangesAreRead() throws {
        let result = try match(
            "endometrial carcinoma, untreated",
            ["p53 wild-type pattern", "CDKN2A/B not deleted", "PD-L1/PD-L2 9p24.1 amplification"]
        )
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(labels(result).isSuperset(of: ["TP53 wild-type", "CDKN2A wild-type", "CD274 amplification"]), "\(labels(result))")
    }
}
