import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 29 (from hold-out 21's leftovers and hold-out 22's failures), on profiles of our own.
/// Each test failed before its fix.
struct Session29ClassTests: HoldoutMatching {
    /// Histologic transformation: an EGFR-mutant adenocarcinoma that comes back as small cell carcinoma is treated
    /// as small cell lung cancer, at its own first line (NCCN Non-Small Cell Lung Cancer 2025; Marcoux et al., J Clin
    /// Oncol 2019); a Richter transformation of CLL is treated as DLBCL with R-CHOP-type therapy (NCCN CLL/SLL 2025).
    /// Progression on the earlier disease's drug still raises its alert. "No SCLC transformation" changes nothing.
    @Test func aTransformedTumourIsTreatedAsTheDiseaseItBecame() throws {
        let osimertinib = [PriorTherapy(drugs: ["osimertinib"], response: "progressive disease")]
        let smallCell = try match(
            "lung adenocarcinoma, EGFR L858R, progression on osimertinib; rebiopsy shows small cell carcinoma",
            ["EGFR L858R", "RB1 loss", "small cell transformation"],
            priors: osimertinib
        )
        #expect(smallCell.disease?.code == "SCLC", "\(String(describing: smallCell.disease))")
        #expect(smallCell.problems.isEmpty, "\(smallCell.problems)")
        #expect(top(smallCell).contains { $0.contains("etoposide") }, "\(top(smallCell, 5))")
        #expect(smallCell.resistance.contains { $0.drugs == ["osimertinib"] })

        let notTransformed = try match(
            "lung adenocarcinoma, EGFR L858R, progression on osimertinib, no SCLC transformation on rebiopsy",
            ["EGFR L858R"],
            priors: osimertinib
        )
        #expect(notTransformed.disease?.code != "SCLC", "\(String(describing: notTransformed.disease))")

        let richter = try match(
            "CLL on ibrutinib for 4 years, now bulky nodes and high LDH; node biopsy: Richter",
            ["TP53 wild-type"],
            priors: [PriorTherapy(drugs: ["ibrutinib"], response: "progressive disease")]
        )
        #expect(richter.disease?.code == "DLBCLNOS", "\(String(describing: richter.disease))")
        let first = try #require(top(richter, 1).first)
        #expect(first.isSuperset(of: ["cyclophosphamide", "doxorubicin", "rituximab"]), "\(top(richter, 5))")
    }

    /// After progression on a covalent BTK inhibitor another covalent one is not the next line (NCCN B-Cell Lymphomas
    /// 2025; FDA label: Jaypirca (pirtobrutinib), 2023). Zanubrutinib and acalabrutinib had led after ibrutinib in
    /// mantle cell lymphoma, because their labels are "after one prior therapy".
    @Test func noSwitchBetweenCovalentBTKInhibitorsOnProgression() throws {
        let result = try match(
            "mantle cell lymphoma, progression on second-line ibrutinib",
            ["TP53 p.Y205C"],
            priors: [
                PriorTherapy(drugs: ["bendamustine", "rituximab"], response: "progressive disease"),
                PriorTherapy(drugs: ["ibrutinib"], response: "progressive disease"),
            ]
        )
        #expect(!top(result).contains(["zanubrutinib"]) && !top(result).contains(["acalabrutinib"]), "\(top(result, 5))")
        #expect(top(result).contains(["pirtobrutinib"]), "\(top(result, 5))")
        // Intolerance is not progression: the switch stays open.
        let intolerant = try match(
            "mantle cell lymphoma, ibrutinib stopped for atrial fibrillation",
            [],
            priors: [
                PriorTherapy(drugs: ["bendamustine", "rituximab"], response: "progressive disease"),
                PriorTherapy(drugs: ["ibrutinib"], response: "intolerance"),
            ]
        )
        #expect(intolerant.options.prefix(5).contains { $0.drugs == ["zanubrutinib"] || $0.drugs == ["acalabrutinib"] }, "\(top(intolerant, 5))")
    }

    /// Transplant eligibility splits newly diagnosed myeloma: daratumumab with VRd is labelled for transplant-eligible
    /// patients (FDA label: Darzalex Faspro, 2024), daratumumab with Rd and isatuximab with VRd for those not eligible
    /// (FDA labels: Darzalex, 2019; Sarclisa, 2024). "not TE" had been read as nothing, and D-VRd led for a frail 78-year-old.
    @Test func transplantEligibilitySelectsTheMyelomaInduction() throws {
        let ineligible = try match("NDMM, 78F, not TE, standard-risk FISH", [])
        #expect(!top(ineligible).contains(["bortezomib", "daratumumab", "dexamethasone", "lenalidomide"]), "\(top(ineligible, 5))")
        #expect(top(ineligible).contains(["daratumumab", "dexamethasone", "lenalidomide"]), "\(top(ineligible, 5))")
        let eligible = try match("newly diagnosed multiple myeloma, transplant-eligible, 55M", [])
        #expect(top(eligible, 1) == [["bortezomib", "daratumumab", "dexamethasone", "lenalidomide"]], "\(top(eligible, 5))")
        #expect(!top(eligible).contains(["daratumumab", "dexamethasone", "lenalidomide"]), "\(top(eligible, 5))")
        // "not tested" is not "not TE".
        let untested = try match("NDMM, t(4;14) not tested", [])
        #expect(top(untested).contains(["bortezomib", "daratumumab", "dexamethasone", "lenalidomide"]), "\(top(untested, 5))")
    }

    /// A molecular report's wording: a tumour suppressor reported "intact" is wild-type, not an unreadable variant; a
    /// disease written after its course ("second relapse of T-ALL") or after the patient in shorthand and a gene
    /// ("24yo M, NF1, plexiform neurofibroma") is still read.
    @Test func reportAndBoardWordingIsRead() throws {
        let report = try match("metastatic prostate cancer", ["PTEN intact", "RB1 intact", "CDKN2A intact"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(try match("second relapse of T-ALL in a 24-year-old", []).disease?.code == "TLL")
        #expect(try match("first relapse of AML 10 months after 7+3", []).disease?.code == "AML")
        let neurofibroma = try match("24yo M, NF1, symptomatic plexiform neurofibroma of the brachial plexus", ["NF1 c.3721C>T"])
        #expect(neurofibroma.disease?.code == "NFIB", "\(String(describing: neurofibroma.disease))")
        #expect(top(neurofibroma, 2).contains(["mirdametinib"]) || top(neurofibroma, 2).contains(["selumetinib"]), "\(top(neurofibroma, 5))")
    }

    /// EGFR exon 20 insertions respond poorly to osimertinib at its labelled dose (NCCN Non-Small Cell Lung Cancer
    /// 2025): the alteration alone raises the alert, as it does for afatinib.
    @Test func exon20InsertionFlagsOsimertinib() throws {
        let result = try match("lung adenocarcinoma, treatment-naive, metastatic", ["EGFR p.A767_V769dup"])
        #expect(result.resistance.contains { $0.drugs == ["osimertinib"] }, "\(result.resistance.map(\.drugs))")
        #expect(top(result, 1) == [["amivantamab", "carboplatin", "pemetrexed"]], "\(top(result, 5))")
    }

    /// The PARP inhibitor combinations with abiraterone are given with prednisone, as their labels say (FDA labels:
    /// Lynparza (olaparib), 2023; Akeega (niraparib and abiraterone acetate), 2023); the regimen a board reads must
    /// say so.
    @Test func abirateroneCombinationsCarryPrednisone() throws {
        let result = try match("mCRPC, no prior ARPI", ["BRCA2 c.5946delT"])
        let combinations = result.options.filter { $0.drugs.contains("abiraterone") && $0.drugs.contains { ["olaparib", "niraparib"].contains($0) } }
        #expect(!combinations.isEmpty, "\(top(result, 5))")
        #expect(combinations.allSatisfy { $0.drugs.contains("prednisone") }, "\(combinations.map(\.drugs))")
    }

    /// A coding change with its protein change and a legacy name in one bracket ("H3-3A c.83A>T (p.Lys28Met; H3
    /// K27M)") is the protein change; the bracket had been dropped, so dordaviprone's H3 K27M label (FDA label: Modeyso
    /// (dordaviprone), 2025) was not met.
    @Test func aBracketWithAProteinChangeAndALegacyNameIsTheProteinChange() throws {
        let result = try match("diffuse midline glioma of the pons, progression after radiotherapy", ["H3-3A c.83A>T (p.Lys28Met; H3 K27M)"])
        #expect(result.alterations.contains { $0.label == "H3-3A K28M" }, "\(result.alterations.map(\.label))")
        #expect(top(result, 1) == [["dordaviprone"]], "\(top(result, 5))")
    }

    /// "liver mets 7 months into adjuvant letrozole" is metastatic disease that relapsed on an aromatase inhibitor,
    /// not the adjuvant setting: the endocrine-resistant PIK3CA label leads (FDA label: Itovebi (inavolisib), 2024),
    /// not an aromatase inhibitor with ribociclib's adjuvant label.
    @Test func metsInBoardShorthandAreAdvancedDisease() throws {
        let result = try match(
            "HR+/HER2- breast cancer, liver mets 7 mo into adjuvant letrozole, 52F",
            ["PIK3CA p.E545K"],
            priors: [PriorTherapy(drugs: ["letrozole"], response: "relapse")]
        )
        #expect(top(result, 1) == [["fulvestrant", "inavolisib", "palbociclib"]], "\(top(result, 5))")
        #expect(!top(result).contains { $0.contains("anastrozole") || $0.contains("letrozole") }, "\(top(result, 5))")
    }
}
