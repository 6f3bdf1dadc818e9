import CaseboardCore
import CaseboardMatching
import Testing

/// Classes found in session 36 (hold-out 30's failures: co-alterations, typed prior regimens and what follows a
/// combination), on profiles of our own. Each test failed before its fix.
struct Session36ClassTests: HoldoutMatching {
    private func labels(_ result: MatchResult) -> Set<String> { Set(result.alterations.map(\.label)) }

    /// "KRAS WT, NRAS WT" in one entry is each gene's wild-type result, which the RAS wild-type labels need (FDA label:
    /// Vectibix (panitumumab), 2017); it had been read as one negative finding and dropped.
    @Test func aListOfWildTypeResultsKeepsEachGene() throws {
        for entry in ["KRAS WT, NRAS WT", "KRAS wild-type; NRAS wild-type"] {
            let result = try match("metastatic sigmoid colon adenocarcinoma, untreated", [entry, "BRAF WT"])
            #expect(labels(result).isSuperset(of: ["KRAS wild-type", "NRAS wild-type"]), "\(entry): \(labels(result)) \(result.findings)")
        }
    }

    /// A variant the report says is clonal haematopoiesis (Jensen et al., JAMA Oncol 2021) or a benign germline
    /// polymorphism (TP53 P72R, rs1042522) is not the tumour's: no PARP inhibitor is offered for it and no
    /// chemoimmunotherapy is flagged for it.
    @Test func clonalHaematopoiesisAndBenignPolymorphismsAreNotTheTumours() throws {
        let plasma = try match(
            "metastatic castration-resistant prostate cancer after abiraterone",
            ["BRCA2 p.K3326* in plasma cfDNA, also in matched white blood cells"],
            priors: [PriorTherapy(drugs: ["abiraterone", "prednisone"], response: "progressive disease")]
        )
        #expect(plasma.alterations.isEmpty, "\(labels(plasma))")
        #expect(!top(plasma).contains { $0.contains("olaparib") || $0.contains("rucaparib") }, "\(top(plasma))")
        let polymorphism = try match("chronic lymphocytic leukaemia, untreated, IGHV mutated", ["TP53 p.P72R (benign polymorphism)"])
        #expect(polymorphism.alterations.isEmpty, "\(labels(polymorphism))")
        #expect(polymorphism.resistance.isEmpty, "\(polymorphism.resistance.map(\.drugs))")
        // A dbSNP number alone is no verdict: pathogenic variants carry one too.
        let numbered = try match("metastatic colorectal adenocarcinoma", ["KRAS G12D (rs121913529)"])
        #expect(labels(numbered).contains("KRAS G12D"), "\(labels(numbered)) \(numbered.findings)")
    }

    /// A normal karyotype and "no actionable driver on NGS (…)" are read, not refused.
    @Test func aNormalKaryotypeAndAnEmptyPanelAreRead() throws {
        let marrow = try match("primary myelofibrosis, intermediate-2 risk", ["JAK2 V617F", "karyotype 46,XX"])
        #expect(marrow.problems.isEmpty, "\(marrow.problems)")
        let lung = try match("metastatic lung adenocarcinoma", ["no actionable driver on NGS (EGFR, ALK, ROS1 negative)"])
        #expect(lung.problems.isEmpty, "\(lung.problems)")
    }

    /// The curated alpelisib row's own exclusion ("unless ERBB2 amplification": HR-positive HER2-negative disease, FDA
    /// label: Piqray (alpelisib), 2019) holds for CIViC's SOLAR-1 row of the same regimen, which names no HER2 status.
    @Test func aCuratedExclusionHoldsForTheUncuratedRowsOfItsRegimen() throws {
        let result = try match("metastatic breast cancer, ER-negative, HER2-positive, untreated", ["ERBB2 amplification", "PIK3CA H1047R"])
        #expect(!result.options.contains { Set($0.drugs) == ["alpelisib", "fulvestrant"] }, "\(top(result, 6))")
        let luminal = try match("metastatic breast cancer, ER-positive HER2-negative, after letrozole", ["PIK3CA H1047R"])
        #expect(luminal.options.contains { Set($0.drugs) == ["alpelisib", "fulvestrant"] }, "\(top(luminal, 6))")
    }

    /// Ciltacabtagene autoleucel is labelled after a proteasome inhibitor and an IMiD (FDA label: Carvykti, 2024): not
    /// first after daratumumab-lenalidomide alone. The count of lines a clinician types ("5 prior lines") stands
    /// when fewer are listed, so talquetamab's four-line label (FDA label: Talvey, 2023) is reached.
    @Test func myelomaLabelsCountTheLinesAndClassesGiven() throws {
        let noProteasome = try match(
            "multiple myeloma, transplant-ineligible, 79M",
            [],
            priors: [PriorTherapy(drugs: ["daratumumab", "lenalidomide", "dexamethasone"], response: "progressive disease")]
        )
        #expect(top(noProteasome).first != ["ciltacabtagene autoleucel"], "\(top(noProteasome))")
        let late = try match(
            "RRMM, 5 prior lines, triple-class refractory",
            ["GPRC5D positive", "BCMA loss"],
            priors: [
                PriorTherapy(drugs: ["bortezomib", "lenalidomide", "dexamethasone", "daratumumab"], response: "partial response"),
                PriorTherapy(drugs: ["teclistamab"], response: "progressive disease"),
            ]
        )
        #expect(top(late).contains(["talquetamab"]), "\(top(late, 5))")
    }

    /// AR-V7 in circulating tumour cells predicts resistance to abiraterone and enzalutamide (Antonarakis et al.,
    /// N Engl J Med 2014; CIViC EID863, whose "V7 EXPRESSION" had not been read).
    @Test func arV7FlagsEnzalutamideAndAbiraterone() throws {
        let result = try match(
            "mCRPC after docetaxel",
            ["AR-V7 positive (CTC)"],
            priors: [PriorTherapy(drugs: ["docetaxel", "prednisone"], response: "progressive disease")]
        )
        #expect(labels(result).contains("AR V7"), "\(labels(result))")
        let flagged = Set(result.resistance.flatMap(\.drugs))
        #expect(flagged.isSuperset(of: ["enzalutamide", "abiraterone"]), "\(flagged)")
    }

    /// After platinum resistance and progression on the last line, the single agents of platinum-resistant recurrence
    /// (NCCN Ovarian Cancer 2025; FDA labels: Hycamtin 1996, Doxil 1999) come before maintenance, which has no response
    /// to maintain.
    @Test func platinumResistantRecurrenceOffersItsSingleAgentsBeforeMaintenance() throws {
        let result = try match(
            "high-grade serous ovarian cancer, platinum-resistant recurrence 3 months after carboplatin-paclitaxel",
            ["BRCA1/2 wild-type"],
            priors: [
                PriorTherapy(drugs: ["carboplatin", "paclitaxel"], response: "relapse"),
                PriorTherapy(drugs: ["bevacizumab", "doxorubicin"], response: "progressive disease"),
            ]
        )
        let ranked = result.options.map { Set($0.drugs) }
        let singleAgent = ranked.firstIndex { $0 == ["topotecan"] || $0 == ["paclitaxel"] || $0 == ["gemcitabine"] }
        #expect(singleAgent == 0, "\(top(result, 5))")
        #expect((ranked.firstIndex(of: ["niraparib"]) ?? Int.max) > (singleAgent ?? Int.max), "\(top(result, 5))")
    }
}
