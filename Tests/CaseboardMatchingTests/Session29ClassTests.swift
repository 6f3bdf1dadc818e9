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
        // The drug it progressed on leaves the options, as it would without the transformation.
        #expect(!smallCell.options.contains { $0.drugs == ["osimertinib"] }, "\(top(smallCell, 12))")
        #expect(smallCell.notRecommended.contains { $0.drugs == ["osimertinib"] && $0.reason == .progressedOn })

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

    /// "Adeno" is adenocarcinoma of the site written before it: "GEJ adeno" and "gastric adeno" had been read through
    /// "lung adeno" as lung adenocarcinoma, and lung regimens were ranked for a gastric cancer. "mGC" is metastatic
    /// gastric cancer.
    @Test func adenoAfterASiteIsThatSitesAdenocarcinoma() throws {
        let junction = try match("GEJ adeno Siewert II, liver mets, 1L, HER2 0, 63M", [])
        #expect(junction.disease?.code == "GEJ", "\(String(describing: junction.disease))")
        let gastric = try match("met gastric adeno, PD after FOLFOX + nivo, 2L", [])
        #expect(gastric.disease?.code == "STAD", "\(String(describing: gastric.disease))")
        #expect(!top(gastric).contains { $0.contains("pemetrexed") }, "\(top(gastric, 5))")
        #expect(try match("mGC 3L: PD on CAPOX-nivo then pac-ram", []).disease?.code == "STAD")
        #expect(try match("lung adeno, stage IV", []).disease?.code == "LUAD")
    }

    /// Conditions a board writes beside the disease that rule drugs out: an ejection fraction below 45% (every
    /// anti-HER2 antibody, zanidatamab included: FDA label: Ziihera, 2024), persisting grade 3 neuropathy (the taxanes
    /// and oxaliplatin), myasthenia gravis (checkpoint inhibitors: Haanen et al., Ann Oncol 2022), a stroke in the last 6
    /// months (bevacizumab and ramucirumab labels), ECOG 2 (the FOLFIRINOX triplet: Conroy et al., N Engl J Med 2011) and
    /// complete DPD deficiency (fluoropyrimidines: CPIC, Amstutz et al., Clin Pharmacol Ther 2018).
    @Test func conditionsBesideTheDiseaseRuleDrugsOut() throws {
        func excluded(_ result: MatchResult, _ drug: String) -> Bool {
            !result.options.prefix(5).contains { $0.drugs.contains(drug) }
                && result.notRecommended.contains { $0.drugs.contains(drug) && $0.reason == .contraindicated }
        }
        let heart = try match("HER2-positive gastric adenocarcinoma, first line; LVEF 35%", ["HER2 IHC 3+"])
        #expect(excluded(heart, "zanidatamab") && excluded(heart, "trastuzumab"), "\(top(heart, 5))")
        let nerves = try match(
            "metastatic gastric adenocarcinoma, HER2 negative, progression after FOLFOX; grade 3 sensory neuropathy persists",
            [],
            priors: [PriorTherapy(drugs: ["fluorouracil", "leucovorin", "oxaliplatin"], response: "progressive disease")]
        )
        #expect(excluded(nerves, "paclitaxel"), "\(top(nerves, 5))")
        #expect(top(nerves).contains(["ramucirumab"]) || top(nerves).contains { $0.contains("irinotecan") }, "\(top(nerves, 5))")
        let myasthenia = try match("metastatic oesophageal squamous cell carcinoma after carboplatin-paclitaxel; myasthenia gravis", [])
        #expect(excluded(myasthenia, "nivolumab"), "\(top(myasthenia, 5))")
        #expect(!myasthenia.options.contains { $0.drugs.contains { ["pembrolizumab", "tislelizumab", "toripalimab"].contains($0) } })
        let stroke = try match("metastatic colon cancer, untreated, MSS; ischaemic stroke 6 weeks ago", ["KRAS p.G12V"])
        #expect(excluded(stroke, "bevacizumab"), "\(top(stroke, 5))")
        let oldStroke = try match("metastatic colon cancer, untreated, MSS; ischaemic stroke 4 years ago", ["KRAS p.G12V"])
        #expect(oldStroke.options.contains { $0.drugs.contains("bevacizumab") }, "\(top(oldStroke, 5))")
        let frail = try match("metastatic pancreatic adenocarcinoma, first line, 81F, ECOG 2", ["KRAS p.G12V"])
        #expect(!top(frail).contains(["fluorouracil", "irinotecan", "leucovorin", "oxaliplatin"]), "\(top(frail, 5))")
        let fit = try match("metastatic pancreatic adenocarcinoma, first line, 55M, ECOG 0-1", ["KRAS p.G12V"])
        #expect(top(fit).contains(["fluorouracil", "irinotecan", "leucovorin", "oxaliplatin"]), "\(top(fit, 5))")
        let dpd = try match("metastatic dMMR colon cancer, untreated", ["MSI-high", "DPYD c.1905+1G>A homozygous"])
        #expect(dpd.problems.isEmpty, "\(dpd.problems)")
        #expect(excluded(dpd, "fluorouracil") && excluded(dpd, "capecitabine"), "\(top(dpd, 5))")
    }

    /// Report wording: a panel with nothing actionable, a "pathogenic frameshift variant", "PSMA-positive on PET", and a
    /// HER2 result with its confirming ISH after a comma or a slash. The last had been read as an unkeyed
    /// immunohistochemistry finding, which dropped the HER2-positive status without a word.
    @Test func reportResultsWithTheirDetailAreRead() throws {
        let panel = try match("metastatic extrahepatic cholangiocarcinoma", ["no targetable alteration (FGFR2, IDH1, HER2, BRAF negative)"])
        #expect(panel.problems.isEmpty, "\(panel.problems)")
        let brca = try match("metastatic pancreatic adenocarcinoma", ["germline BRCA2 pathogenic frameshift variant"])
        #expect(brca.alterations.contains { $0.label == "BRCA2 mutation" }, "\(brca.alterations.map(\.label))")
        let psma = try match("mCRPC after enzalutamide and docetaxel", ["PSMA-positive on PET"])
        #expect(psma.problems.isEmpty, "\(psma.problems)")
        for text in ["ERBB2 overexpression (IHC 3+), ISH amplified", "HER2 IHC 3+ / ISH amp"] {
            let her2 = try match("metastatic gallbladder cancer", [text])
            #expect(her2.alterations.contains { $0.label == "ERBB2 amplification" }, "\(text): \(her2.alterations.map(\.label))")
        }
    }

    /// Regimens that differ only by the PD-1 antibody, or by CAPOX against FOLFOX, are one choice: the first three
    /// options show distinct choices (NCCN Esophageal and Esophagogastric Junction Cancers 2025 lists them as
    /// alternatives). Three checkpoint variants of one backbone had filled the top three.
    @Test func theFirstThreeOptionsAreDistinctChoices() throws {
        let result = try match("metastatic oesophageal squamous cell carcinoma, first line, PD-L1 CPS 20", ["PD-L1 CPS 20"])
        let withAntibody = top(result).filter { regimen in
            regimen.count > 1 && regimen.contains { ["pembrolizumab", "nivolumab", "tislelizumab", "toripalimab"].contains($0) }
                && regimen.contains("cisplatin")
        }
        #expect(withAntibody.count <= 1, "\(top(result, 5))")
    }

    /// "ccRCC met lung/bone, nephrectomy 2021" is metastatic: the first-line combinations lead, not adjuvant
    /// pembrolizumab (FDA label: Keytruda (pembrolizumab), 2021, adjuvant after nephrectomy).
    @Test func metBeforeAnOrganIsMetastatic() throws {
        let result = try match("ccRCC met lung/bone, nephrectomy 2021, IMDC intermediate, 1L, 58M", ["VHL loss"])
        #expect(top(result, 1) != [["pembrolizumab"]], "\(top(result, 5))")
        #expect(top(result).allSatisfy { $0.count == 2 }, "\(top(result, 5))")
    }

    /// After FOLFOX with bevacizumab, FOLFIRI with bevacizumab leads the anti-angiogenic options: NCCN Colon Cancer 2025
    /// prefers bevacizumab to ramucirumab and ziv-aflibercept (toxicity, cost). The newer ramucirumab label had led.
    @Test func bevacizumabIsThePreferredAntiAngiogenicAgentInColorectalCancer() throws {
        let result = try match(
            "metastatic colorectal cancer, NRAS Q61K, MSS, second line",
            ["NRAS p.Q61K"],
            priors: [PriorTherapy(drugs: ["bevacizumab", "fluorouracil", "leucovorin", "oxaliplatin"], response: "progressive disease")]
        )
        #expect(top(result, 1) == [["bevacizumab", "fluorouracil", "irinotecan", "leucovorin"]], "\(top(result, 5))")
    }
}
