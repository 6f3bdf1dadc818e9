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
}
