import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 32 (hold-out 26's failures: the common cases of a weekly tumour board), on profiles of our
/// own. Each test failed before its fix.
struct Session32ClassTests: HoldoutMatching {
    /// Conditions that rule a drug out: a variceal bleed and bevacizumab (Avastin label, haemorrhage; IMbrave150 treated
    /// varices first), pulmonary arterial hypertension and dasatinib (Sprycel label), and trastuzumab deruxtecan stopped
    /// for grade 2 pneumonitis (Enhertu label: permanently discontinue), whatever response the prior records.
    @Test func bleedingVaricesPulmonaryHypertensionAndPneumonitisRuleOutTheirDrugs() throws {
        let liver = try match(
            "unresectable hepatocellular carcinoma, Child-Pugh A5, admitted last month with bleeding from oesophageal varices",
            []
        )
        #expect(!top(liver).contains { $0.contains("bevacizumab") }, "\(top(liver, 5))")
        #expect(liver.notRecommended.contains { $0.drugs.contains("bevacizumab") && $0.reason == .contraindicated })

        let cml = try match("chronic-phase CML at diagnosis, 60-year-old man with pulmonary arterial hypertension on sildenafil", ["BCR::ABL1"])
        #expect(!top(cml).contains(["dasatinib"]), "\(top(cml, 5))")

        let breast = try match(
            "HER2-positive metastatic breast cancer; trastuzumab deruxtecan was stopped after 6 months because of grade 2 pneumonitis",
            ["HER2 IHC 3+"],
            priors: [
                PriorTherapy(drugs: ["docetaxel", "trastuzumab", "pertuzumab"], response: "progressive disease"),
                PriorTherapy(drugs: ["trastuzumab deruxtecan"], response: "partial response"),
            ]
        )
        #expect(!top(breast).contains(["trastuzumab deruxtecan"]), "\(top(breast, 5))")
        #expect(breast.notRecommended.contains { $0.drugs == ["trastuzumab deruxtecan"] && $0.reason == .stoppedForToxicity })
    }

    /// Inputs typed as a board types them: a lobe names the lung, "sq NSCLC" is squamous lung cancer (so pemetrexed leaves the top three), a
    /// PD-L1 clone in brackets does not hide the score ("TPS 80% (22C3)" is TPS 50% or more, where pembrolizumab alone
    /// leads), and a myeloma stage or an extra Ph chromosome is a note, not an unreadable alteration.
    @Test func boardTypingIsRead() throws {
        let squamous = try match("sq NSCLC st IV, untreated", ["PD-L1 TPS 0%"])
        #expect(squamous.disease?.code == "LUSC", "\(String(describing: squamous.disease))")
        #expect(!top(squamous).contains { $0.contains("pemetrexed") }, "\(top(squamous, 5))")

        // Only the lung has upper, middle and lower lobes: "adenocarcinoma of the right upper lobe" had stayed an
        // adenocarcinoma of no site, where a tumour-agnostic CIViC row led.
        let lobe = try match("stage IVB adenocarcinoma of the right upper lobe, untreated", ["EGFR L861Q"])
        #expect(lobe.disease?.code == "LUAD", "\(String(describing: lobe.disease))")

        let high = try match("metastatic lung adenocarcinoma, untreated, no driver on RNA and DNA panels", ["PD-L1 TPS 80% (22C3)"])
        #expect(top(high, 1).first == ["pembrolizumab"], "\(top(high, 5))")

        let myeloma = try match("newly diagnosed myeloma, 80-year-old, not a transplant candidate", ["ISS stage III", "IgA kappa"])
        #expect(myeloma.problems.isEmpty, "\(myeloma.problems)")
        let cml = try match("chronic-phase CML at diagnosis", ["BCR::ABL1 p210", "additional Ph chromosome", "ELTS low risk"])
        #expect(cml.problems.isEmpty, "\(cml.problems)")
    }

    /// A relapse named by its sites ("relapsing in the liver 10 months into adjuvant anastrozole") is advanced disease,
    /// not the adjuvant setting; after an aromatase inhibitor fails, fulvestrant-based options lead (INAVO120 for a
    /// PIK3CA mutation: FDA label: Itovebi (inavolisib), 2024).
    @Test func aRelapseNamedBySitesIsAdvanced() throws {
        let result = try match(
            "ER-positive HER2-negative breast cancer relapsing in liver and bone 10 months into adjuvant anastrozole",
            ["PIK3CA E545K", "ER 95%", "HER2 IHC 0"],
            priors: [PriorTherapy(drugs: ["anastrozole"], response: "progressive disease")]
        )
        #expect(top(result, 1).first == ["inavolisib", "palbociclib", "fulvestrant"], "\(top(result, 5))")
    }

    /// A regimen labelled for RAS wild-type tumours is set aside, with its label, for a RAS-mutant one (FDA labels:
    /// Vectibix (panitumumab), Erbitux (cetuximab); NCCN Colon Cancer 2025), an NRAS mutation as much as a KRAS one.
    @Test func rasWildTypeRegimensAreSetAsideForRasMutantTumours() throws {
        for alteration in ["KRAS G13D", "NRAS Q61R"] {
            let result = try match("metastatic colon adenocarcinoma, untreated, MSS", [alteration])
            for regimen: Set<String> in [
                ["fluorouracil", "leucovorin", "oxaliplatin", "panitumumab"], ["cetuximab", "fluorouracil", "irinotecan", "leucovorin"],
            ] {
                #expect(result.notRecommended.contains { Set($0.drugs) == regimen }, "\(alteration): \(regimen) not set aside")
            }
        }
    }

    /// Guideline preference inside the top three: the "other recommended" chemotherapy alone does not pass the preferred
    /// chemo-immunotherapy of endometrial cancer to make a distinct choice (NCCN Uterine Neoplasms 2025), and decitabine
    /// with venetoclax, preferred, comes before low-dose cytarabine regimens (NCCN Acute Myeloid Leukemia 2025).
    @Test func preferredChoicesComeBeforeOtherRecommendedOnes() throws {
        let uterus = try match("stage IVB endometrioid endometrial carcinoma, no prior systemic therapy", ["dMMR"])
        #expect(!top(uterus).contains(["carboplatin", "paclitaxel"]), "\(top(uterus, 5))")
        let aml = try match("newly diagnosed AML, 80-year-old, unfit for intensive chemotherapy", ["NPM1 mutation", "FLT3 negative"])
        #expect(top(aml).contains(["decitabine", "venetoclax"]), "\(top(aml, 5))")
    }

    /// The line a patient is at: a BTK inhibitor given is a first line, so venetoclax with rituximab leads after it, not
    /// the first-line venetoclax-obinutuzumab (MURANO; NCCN CLL/SLL 2025); docetaxel follows an androgen-receptor
    /// inhibitor in castration-resistant prostate cancer, whose history ("started for mHSPC") does not make it
    /// castration-sensitive again, and cabazitaxel only docetaxel (FDA label: Jevtana, 2010); and
    /// chemotherapy given around surgery makes a germline BRCA breast cancer's first relapse a line after chemotherapy,
    /// where the PARP inhibitors are labelled (OlympiAD; FDA label: Lynparza (olaparib), 2018).
    @Test func theLineFollowsWhatWasGiven() throws {
        let cll = try match(
            "CLL progressing on zanubrutinib after 3 years",
            ["IGHV unmutated", "TP53 wild-type"],
            priors: [PriorTherapy(drugs: ["zanubrutinib"], response: "progressive disease")]
        )
        #expect(top(cll, 1).first == ["venetoclax", "rituximab"], "\(top(cll, 5))")

        let prostate = try match(
            "mCRPC with bone metastases after abiraterone started for mHSPC, no chemotherapy yet",
            [],
            priors: [PriorTherapy(drugs: ["abiraterone", "prednisone"], response: "progressive disease")]
        )
        let ranked = prostate.options.map { Set($0.drugs) }
        let docetaxel = try #require(ranked.firstIndex(of: ["docetaxel", "prednisone"]), "\(top(prostate, 6))")
        let cabazitaxel = ranked.firstIndex(of: ["cabazitaxel", "prednisone"]) ?? ranked.count
        #expect(docetaxel < cabazitaxel, "\(top(prostate, 6))")
        #expect(prostate.options[docetaxel].settingFit == .fits, "\(top(prostate, 6))")

        let breast = try match(
            "first metastatic relapse (liver, bone) of triple-negative breast cancer 2 years after neoadjuvant anthracycline-taxane "
                + "chemotherapy and surgery",
            ["germline BRCA2 c.5946del", "PD-L1 CPS 3", "ER 0%", "HER2 IHC 0"]
        )
        #expect(top(breast, 1).first.map { $0 == ["olaparib"] || $0 == ["talazoparib"] } == true, "\(top(breast, 5))")
    }

    /// BRAF V600 cutaneous melanoma at the first line starts with checkpoint immunotherapy (DREAMseq: Atkins et al., J
    /// Clin Oncol 2023; SECOMBIT); BRAF-MEK inhibition leads when a rapid response is needed.
    @Test func braf600MelanomaStartsWithImmunotherapyUnlessARapidResponseIsNeeded() throws {
        let calm = try match("stage IV cutaneous melanoma, asymptomatic, LDH normal, untreated", ["BRAF V600K"])
        let first = try #require(top(calm, 1).first)
        #expect(first.contains("nivolumab") || first.contains("pembrolizumab"), "\(top(calm, 5))")
        let urgent = try match("stage IV cutaneous melanoma, symptomatic bulky liver disease, LDH 3x ULN, untreated", ["BRAF V600E"])
        let lead = try #require(top(urgent, 1).first)
        #expect(lead.contains("dabrafenib") || lead.contains("encorafenib") || lead.contains("vemurafenib"), "\(top(urgent, 5))")
    }

    /// A patient who wants tablets only: regimens with a drug never given by mouth follow the oral ones (routes from
    /// the labels, `drug_routes.tsv`). Without the wish, osimertinib with chemotherapy and amivantamab with lazertinib stay
    /// among the first three.
    @Test func aPatientWhoWantsTabletsOnlyGetsOralOptionsFirst() throws {
        let oral = try match("stage IV lung adenocarcinoma, untreated, 84-year-old, wants tablets only, no IV infusions", ["EGFR exon 19 deletion"])
        let first = top(oral)
        #expect(!first.contains { $0.contains("amivantamab") || $0.contains("pemetrexed") }, "\(top(oral, 5))")
        #expect(first.first == ["osimertinib"], "\(top(oral, 5))")
        let any = try match("stage IV lung adenocarcinoma, untreated", ["EGFR exon 19 deletion"])
        #expect(top(any).contains { $0.contains("amivantamab") || $0.contains("pemetrexed") }, "\(top(any, 5))")
    }

    /// HER2-low is HER2-negative: datopotamab deruxtecan, labelled for HR-positive HER2-negative disease after endocrine
    /// therapy and chemotherapy (FDA label: Datroway, 2025), reaches a HER2 IHC 1+ tumour.
    @Test func herTwoLowIsHerTwoNegativeForTheTrop2Conjugates() throws {
        let result = try match(
            "HR-positive metastatic breast cancer after letrozole with ribociclib and then capecitabine",
            ["ER 80%", "HER2 IHC 1+"],
            priors: [
                PriorTherapy(drugs: ["letrozole", "ribociclib"], response: "progressive disease"),
                PriorTherapy(drugs: ["capecitabine"], response: "progressive disease"),
            ]
        )
        #expect(result.options.contains { $0.drugs == ["datopotamab deruxtecan"] }, "\(top(result, 8))")
    }
}
