import CaseboardCore
import CaseboardMatching
import Testing

/// Classes found in session 37, on profiles of our own. Each test failed before its fix.
struct Session37ClassTests: HoldoutMatching {
    private func labels(_ result: MatchResult) -> Set<String> { Set(result.alterations.map(\.label)) }

    /// Results separated by semicolons are a list also when one of them carries a bracket ("KRAS G12D (VAF 30%);
    /// TP53 R273H"). Whole, that entry had been read as a TP53::KRAS fusion and "KRAS R273H", and "BRAF V600E (VAF
    /// 12%); NRAS WT" as nothing at all, without a word. A semicolon inside a bracket stays the bracket's.
    @Test func aSemicolonListWithBracketsKeepsEachResult() throws {
        let pair = try match("metastatic rectal adenocarcinoma", ["KRAS G12D (VAF 30%); TP53 R273H"])
        #expect(labels(pair) == ["KRAS G12D", "TP53 R273H"], "\(labels(pair)) \(pair.findings)")
        let wildType = try match("metastatic rectal adenocarcinoma", ["BRAF V600E (VAF 12%); NRAS WT"])
        #expect(labels(wildType) == ["BRAF V600E", "NRAS wild-type"], "\(labels(wildType)) \(wildType.findings)")
        let exons = try match("metastatic rectal adenocarcinoma", ["KRAS WT (exons 2-4); NRAS WT"])
        #expect(labels(exons).isSuperset(of: ["KRAS wild-type", "NRAS wild-type"]), "\(labels(exons)) \(exons.findings)")
        let bracketed = try match("metastatic rectal adenocarcinoma", ["KRAS c.35G>A (p.G12D; VAF 20%)"])
        #expect(labels(bracketed).contains("KRAS G12D"), "\(labels(bracketed))")
        #expect(!labels(bracketed).contains { $0.contains("fusion") }, "\(labels(bracketed))")
    }

    /// "PD" after the disease is progressive disease, never the OncoTree code of Paget disease of the nipple. Three
    /// typed fields had been resolved to Paget disease without a word: the leading words were an abbreviation with
    /// two meanings ("MM"), a name a gene symbol followed ("iCCA FGFR2 fusion+", FGFR2 taken for a misspelt FGFR1 of a
    /// disease name), or fit two sarcomas. Now the gene is a gene, "NOS" picks the not-otherwise-specified node, and
    /// "MM" is an ambiguity the prior myeloma regimens settle (FDA label: Carvykti (ciltacabtagene autoleucel), 2024).
    @Test func progressiveDiseaseIsNeverPagetDisease() throws {
        let biliary = try match(
            "iCCA FGFR2 fusion+, PD after 11 mo pemigatinib (2L), now 3L",
            ["FGFR2::BICC1 fusion"],
            priors: [PriorTherapy(drugs: ["pemigatinib"], response: "progressive disease")]
        )
        #expect(biliary.disease?.code == "IHCH", "\(String(describing: biliary.disease)) \(biliary.problems)")
        let sarcoma = try match(
            "spindle cell sarcoma NOS of the thigh 51F, TPM3-NTRK1 on RNA sequencing, PD after doxorubicin",
            ["TPM3::NTRK1 fusion"],
            priors: [PriorTherapy(drugs: ["doxorubicin"], response: "progressive disease")]
        )
        #expect(sarcoma.disease?.code == "SARCNOS", "\(String(describing: sarcoma.disease)) \(sarcoma.problems)")
        let typed = "MM 4 prior lines: (1) VRd -> ASCT, PD; (2) DKd -> PD 9 mo; (3) Isa-Pd, PD; 67M"
        let myeloma = try match(
            typed,
            ["t(4;14)"],
            priors: [
                PriorTherapy(drugs: ["bortezomib", "lenalidomide", "dexamethasone"], response: "progressive disease"),
                PriorTherapy(drugs: ["daratumumab", "carfilzomib", "dexamethasone"], response: "progressive disease"),
            ]
        )
        #expect(myeloma.disease?.code == "PCM", "\(String(describing: myeloma.disease)) \(myeloma.problems)")
        let unsettled = try match(typed, [])
        #expect(unsettled.disease == nil, "\(String(describing: unsettled.disease))")
        #expect(unsettled.problems.contains { $0.field == "disease" && $0.message.contains("ambiguous") }, "\(unsettled.problems)")
        let lung = try match("NSCLC, PD on osimertinib", ["EGFR L858R"])
        #expect(lung.disease?.code == "NSCLC", "\(String(describing: lung.disease))")
    }

    /// PIK3CA mutations and anti-EGFR antibodies in colorectal cancer: CIViC holds level B associations (EID256,
    /// EID6362) that guidelines do not use (Sepulveda et al., J Clin Oncol 2017; De Roock et al., Lancet Oncol 2010,
    /// PMID:20619739, found no effect of exon 9). The curated "not predictive" rows set them aside: no alert, a signal
    /// that says why. RAS mutations still flag the antibodies (FDA label: Vectibix (panitumumab), 2017).
    @Test func anAssociationGuidelinesDoNotUseIsShownNotActedOn() throws {
        let result = try match(
            "metastatic adenocarcinoma of the descending colon, first line",
            ["KRAS wild-type", "NRAS wild-type", "BRAF wild-type", "PIK3CA E545K", "MSS"]
        )
        let flagged = Set(result.resistance.flatMap(\.drugs))
        #expect(!flagged.contains("cetuximab") && !flagged.contains("panitumumab"), "\(flagged)")
        #expect(result.signals.contains { $0.why.contains("CR-0225") || $0.why.contains("CR-0226") }, "\(result.signals.map(\.why))")
        let rasMutant = try match("metastatic adenocarcinoma of the descending colon, first line", ["KRAS G13D", "PIK3CA E545K"])
        let rasFlagged = Set(rasMutant.resistance.flatMap(\.drugs))
        #expect(rasFlagged.contains("cetuximab") && rasFlagged.contains("panitumumab"), "\(rasFlagged)")
    }

    /// A part of an entry that reports no result ("insufficient tissue", "not tested", "pending") is set aside with a
    /// note. "EGFR/ALK: insufficient tissue" had become an EGFR::ALK fusion and put alectinib first for squamous lung
    /// cancer; chemoimmunotherapy is the first line there (Paz-Ares et al., N Engl J Med 2018, KEYNOTE-407).
    @Test func anEntryWithoutAResultMatchesNothing() throws {
        let result = try match(
            "squamous NSCLC stage IV, untreated, 69M",
            ["EGFR/ALK: insufficient tissue", "PD-L1 TPS 5%", "ROS1 testing pending"]
        )
        #expect(!labels(result).contains { $0.hasPrefix("EGFR") || $0.hasPrefix("ALK") || $0.hasPrefix("ROS1") }, "\(labels(result))")
        #expect(
            !top(result).contains { !$0.isDisjoint(with: ["alectinib", "lorlatinib", "brigatinib", "crizotinib", "entrectinib"]) },
            "\(top(result))"
        )
        #expect(result.findings.contains { $0.note.contains("no result") }, "\(result.findings)")
        // A bracket that reports no result leaves the result before it, and a comma inside a bracket splits nothing.
        let breast = try match(
            "metastatic breast cancer, ER-positive",
            ["HER2 IHC 2+ (ISH pending, ratio 1.9)", "KRAS G12D (VAF 3%); TP53 R273H, BRCA2 not tested"]
        )
        #expect(breast.problems.isEmpty, "\(breast.problems)")
        #expect(labels(breast).isSuperset(of: ["KRAS G12D", "TP53 R273H"]), "\(labels(breast))")
        #expect(breast.findings.contains { $0.note.contains("equivocal") }, "\(breast.findings)")
    }

    /// Common benign germline variants that panels still report (ClinVar benign: EGFR R521K, BRCA2 K3326*) are not the
    /// tumour's: EGFR R521K had ruled out every PD-L1 immunotherapy row written "unless EGFR mutation", so
    /// pembrolizumab left the top 3 for PD-L1 TPS 80% (FDA label: Keytruda (pembrolizumab), 2016).
    @Test func commonBenignVariantsAreNotTheTumours() throws {
        let lung = try match("metastatic lung adenocarcinoma, first line, 71F", ["EGFR p.R521K (VAF 49%)", "PD-L1 TPS 80%", "ALK negative"])
        #expect(!labels(lung).contains { $0.hasPrefix("EGFR") }, "\(labels(lung))")
        #expect(top(lung).contains { $0.contains("pembrolizumab") || $0.contains("cemiplimab") || $0.contains("atezolizumab") }, "\(top(lung))")
        let prostate = try match("metastatic castration-resistant prostate cancer after enzalutamide", ["BRCA2 p.K3326*"])
        #expect(!top(prostate).contains { $0.contains("olaparib") || $0.contains("rucaparib") || $0.contains("talazoparib") }, "\(top(prostate))")
    }

    /// A copy-number gain the report numbers below amplification ("MET copy number gain (CN 3.8)") is not MET
    /// amplification: crizotinib had ranked first in untreated lung adenocarcinoma (capmatinib responses were low
    /// below 10 copies: Wolf et al., N Engl J Med 2020, GEOMETRY mono-1).
    @Test func aLowLevelGainIsNotAmplification() throws {
        let result = try match("stage IV lung adenocarcinoma, treatment-naive", ["MET copy number gain (CN 3.8)", "PD-L1 TPS 30%"])
        #expect(!labels(result).contains("MET amplification"), "\(labels(result))")
        #expect(!top(result, 1).contains { !$0.isDisjoint(with: ["crizotinib", "capmatinib", "tepotinib"]) }, "\(top(result, 1))")
        let high = try match("stage IV lung adenocarcinoma, treatment-naive", ["MET copy number gain (CN 14)"])
        #expect(labels(high).contains("MET amplification"), "\(labels(high))")
    }

    /// Receptor results in a later clause of the disease ("MBC, ER+ 90% PR+ 20%, de novo stage IV") are the tumour's:
    /// without them capecitabine had ranked first over endocrine therapy with a CDK4/6 inhibitor (FDA label: Kisqali
    /// (ribociclib), 2017; NCCN Breast Cancer 2025).
    @Test func receptorResultsAfterTheDiseaseAreRead() throws {
        let result = try match("MBC, ER+ 90% PR+ 20%, de novo stage IV (bone), 66F postmenopausal", ["HER2 IHC 1+"])
        #expect(labels(result).contains("ESR1 overexpression"), "\(labels(result))")
        #expect(
            top(result, 1).first.map { $0.contains("ribociclib") || $0.contains("abemaciclib") || $0.contains("palbociclib") } == true,
            "\(top(result))"
        )
    }

    /// A fixed-dose product typed as its parts is the product: "bevacizumab + trifluridine + tipiracil" is the
    /// Lonsurf-bevacizumab regimen (FDA label: Lonsurf (trifluridine and tipiracil), 2023), which a patient who
    /// progressed on it must not be offered again.
    @Test func aProductTypedAsItsPartsIsTheProduct() throws {
        let result = try match(
            "metastatic colon adenocarcinoma, MSS",
            ["KRAS G12V"],
            priors: [PriorTherapy(drugs: ["bevacizumab", "trifluridine", "tipiracil"], response: "progressive disease")]
        )
        #expect(!top(result, 5).contains(["bevacizumab", "trifluridine and tipiracil"]), "\(top(result, 5))")
    }

    /// Results written as tumour boards and laboratories write them are read: "NRAS: not detected" is NRAS wild-type
    /// (as "NRAS negative" was), the name of the test before a colon is no part of the result, "HER2 not amp" is not
    /// amplified, "NPM1 type A insertion" is the NPM1 mutation of AML, and "in exon 2" restates where a change lies.
    @Test func laboratoryWordingsAreRead() throws {
        let colon = try match(
            "metastatic sigmoid adenocarcinoma, first line",
            ["KRAS c.35G>A (p.G12D) in exon 2", "NRAS: not detected", "HER2 not amp", "RNA fusion panel: no NTRK1/2/3 fusion"]
        )
        #expect(labels(colon).isSuperset(of: ["KRAS G12D", "NRAS wild-type", "ERBB2 wild-type"]), "\(labels(colon))")
        #expect(colon.problems.isEmpty, "\(colon.problems)")
        let leukaemia = try match("newly diagnosed AML, fit", ["NPM1 type B insertion", "FLT3-ITD negative"])
        #expect(labels(leukaemia).contains("NPM1 mutation"), "\(labels(leukaemia))")
        let chronic = try match("CML in chronic phase, newly diagnosed", ["BCR::ABL1 e13a2", "ABL1 kinase domain mutation analysis: none detected"])
        #expect(chronic.problems.isEmpty, "\(chronic.problems)")
    }

    /// "sq cell NSCLC" and "squamous cell NSCLC" are squamous lung cancer: read as unspecified NSCLC, cisplatin with
    /// pemetrexed and pembrolizumab ranked first, though pemetrexed is not for squamous histology (FDA label: Alimta
    /// (pemetrexed), 2008; Paz-Ares et al., N Engl J Med 2018, KEYNOTE-407).
    @Test func squamousWrittenShortIsSquamous() throws {
        for typed in ["sq cell NSCLC stage IV, 74M, ECOG 1", "squamous cell NSCLC, untreated"] {
            let result = try match(typed, ["PD-L1 TPS 10%"])
            #expect(result.disease?.code == "LUSC", "\(typed): \(String(describing: result.disease))")
            #expect(!top(result, 1).contains { $0.contains("pemetrexed") }, "\(typed): \(top(result))")
        }
    }
}
