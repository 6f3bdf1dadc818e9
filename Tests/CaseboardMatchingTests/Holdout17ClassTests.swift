import CaseboardCore
import CaseboardMatching
import Testing

/// Classes hold-out 17 found (session 24): a drug stopped for a toxicity read as a failure, conditions
/// beside the disease that a label or guideline says rule a drug out, and clinic shorthand the readers
/// refused. Each test failed before its fix; the profiles are our own.
struct Holdout17ClassTests: HoldoutMatching {
    private func offers(_ result: MatchResult, anyOf drugs: Set<String>) -> Bool {
        result.options.contains { !Set($0.drugs).isDisjoint(with: drugs) }
    }

    // MARK: Intolerance is not failure

    /// A first-line TKI stopped for a toxicity leaves the patient in the first line: another inhibitor of
    /// the class comes first (NCCN Non-Small Cell Lung Cancer 2025; FDA labels: Tagrisso (osimertinib),
    /// 2018; Alecensa (alectinib), 2017; Alunbrig (brigatinib), 2020).
    @Test func aTKIStoppedForToxicityLeavesThePatientInTheFirstLine() throws {
        let egfr = try match(
            "lung adenocarcinoma, stage IV",
            ["EGFR exon 19 deletion"],
            priors: [PriorTherapy(drugs: ["afatinib"], response: "intolerance")]
        )
        #expect(top(egfr, 1) == [["osimertinib"]], "\(top(egfr, 5))")
        let alk = try match(
            "metastatic NSCLC, lorlatinib stopped for mood changes",
            ["EML4::ALK"],
            priors: [PriorTherapy(drugs: ["lorlatinib"], response: "intolerance")]
        )
        let inhibitors: [Set<String>] = [["alectinib"], ["brigatinib"], ["ensartinib"]]
        #expect(top(alk, 1).allSatisfy { inhibitors.contains($0) }, "\(top(alk, 5))")
    }

    /// A drug set aside because the patient stopped it for a toxicity is reported as that, not as
    /// resistance: trastuzumab deruxtecan after grade 2 interstitial lung disease (FDA label: Enhertu
    /// (trastuzumab deruxtecan): permanently discontinue).
    @Test func aDrugStoppedForToxicityIsNotCalledResistant() throws {
        let result = try match(
            "HER2-positive metastatic breast cancer, trastuzumab deruxtecan stopped for grade 2 ILD",
            ["ERBB2 amplification"],
            priors: [
                PriorTherapy(drugs: ["docetaxel", "pertuzumab", "trastuzumab"], response: "progressive disease"),
                PriorTherapy(drugs: ["trastuzumab deruxtecan"], response: "intolerance"),
            ]
        )
        let entry = try #require(result.notRecommended.first { $0.drugs == ["trastuzumab deruxtecan"] })
        #expect(entry.reason == .stoppedForToxicity, "\(entry)")
        #expect(!result.resistance.contains { $0.drugs.contains("trastuzumab deruxtecan") })
    }

    /// Datopotamab deruxtecan is labelled after an EGFR TKI and platinum chemotherapy (FDA label: Datroway
    /// (datopotamab deruxtecan), 2025); a TKI alone is not that sequence.
    @Test func datopotamabNeedsBothAnEGFRInhibitorAndPlatinum() throws {
        let tkiOnly = try match(
            "lung adenocarcinoma, stage IV",
            ["EGFR L858R"],
            priors: [PriorTherapy(drugs: ["osimertinib"], response: "progressive disease")]
        )
        // Platinum comes first; datopotamab may follow as the plan for the line after it.
        #expect(top(tkiOnly, 2).allSatisfy { !$0.isDisjoint(with: ["carboplatin", "cisplatin"]) }, "\(top(tkiOnly, 5))")
    }

    /// Radioiodine-refractory thyroid cancer with no systemic therapy yet is at its first systemic line:
    /// lenvatinib or sorafenib, not cabozantinib, labelled after them (FDA labels: Lenvima, 2015; Nexavar,
    /// 2013; Cabometyx, 2021). "RAI-refractory" and "progressive" are not a relapse after a systemic line.
    @Test func radioiodineRefractoryThyroidCancerIsAtItsFirstSystemicLine() throws {
        let result = try match("RAI-refractory papillary thyroid cancer, lung metastases, progressive, systemic-naive", ["BRAF wild-type"])
        let first: [Set<String>] = [["lenvatinib"], ["sorafenib"]]
        #expect(top(result, 1).allSatisfy { first.contains($0) } && !result.options.isEmpty, "\(top(result, 5))")
        #expect(!top(result, 2).contains(["cabozantinib"]), "\(top(result, 5))")
    }

    // MARK: Conditions that rule a drug out

    /// Checkpoint inhibitors risk rejection of a transplanted organ (FDA labels: Keytruda, Opdivo); a
    /// negation in an earlier clause ("no driver;") does not deny the transplant.
    @Test func aKidneyTransplantRulesOutCheckpointInhibitors() throws {
        let result = try match("metastatic lung adenocarcinoma, untreated, no driver; renal transplant 5 years ago", ["PD-L1 TPS 70%"])
        let checkpoint: Set<String> = ["pembrolizumab", "nivolumab", "atezolizumab", "cemiplimab", "durvalumab", "ipilimumab"]
        #expect(!top(result).contains { !$0.isDisjoint(with: checkpoint) }, "\(top(result, 5))")
        #expect(result.notRecommended.contains { $0.drugs == ["pembrolizumab"] && $0.reason == .contraindicated })
    }

    /// Pre-existing interstitial lung disease: trastuzumab deruxtecan carries a boxed warning (FDA label:
    /// Enhertu); tucatinib or trastuzumab emtansine follow after THP (NCCN Breast Cancer 2025).
    @Test func interstitialLungDiseaseRulesOutTrastuzumabDeruxtecan() throws {
        let result = try match(
            "HER2-positive metastatic breast cancer; idiopathic pulmonary fibrosis on home oxygen",
            ["ERBB2 amplification"],
            priors: [PriorTherapy(drugs: ["docetaxel", "pertuzumab", "trastuzumab"], response: "progressive disease")]
        )
        #expect(!offers(result, anyOf: ["trastuzumab deruxtecan"]), "\(top(result, 5))")
    }

    /// Ejection fraction below 45%: the anti-HER2 antibodies are withheld (FDA labels: Perjeta, Kadcyla,
    /// Enhertu), and for hormone receptor-positive disease endocrine therapy alone remains (NCCN Breast
    /// Cancer 2025).
    @Test func poorEjectionFractionLeavesEndocrineTherapyForHRPositiveHER2PositiveDisease() throws {
        let result = try match(
            "metastatic breast cancer, untreated, heart failure with LVEF 28%",
            ["ER positive", "ERBB2 amplification"]
        )
        let antiHER2: Set<String> = ["trastuzumab", "pertuzumab", "trastuzumab deruxtecan", "trastuzumab emtansine", "margetuximab", "lapatinib"]
        #expect(!offers(result, anyOf: antiHER2), "\(top(result, 5))")
        let endocrine: [Set<String>] = [["letrozole"], ["anastrozole"], ["exemestane"], ["fulvestrant"]]
        #expect(top(result).contains { endocrine.contains($0) }, "\(top(result, 5))")
    }

    /// DLBCL with poor cardiac function: doxorubicin is ruled out and R-CEOP or R-GCVP is given (NCCN
    /// B-Cell Lymphomas 2025).
    @Test func poorEjectionFractionGivesANonAnthracyclineRegimenInDLBCL() throws {
        let result = try match("diffuse large B-cell lymphoma, stage III, newly diagnosed, LVEF 30%", ["CD20 positive"])
        let regimens: [Set<String>] = [
            ["rituximab", "cyclophosphamide", "etoposide", "vincristine", "prednisone"],
            ["rituximab", "gemcitabine", "cyclophosphamide", "vincristine", "prednisone"],
        ]
        #expect(top(result, 1).allSatisfy { regimens.contains($0) } && !result.options.isEmpty, "\(top(result, 5))")
    }

    /// CML drug choice by comorbidity (NCCN Chronic Myeloid Leukemia 2025): pleural effusions rule out
    /// dasatinib (FDA label: Sprycel); arterial disease nilotinib and ponatinib (FDA labels: Tasigna; Iclusig,
    /// boxed warning); pancreatitis nilotinib (FDA label: Tasigna).
    @Test func comorbiditiesSteerTheChoiceOfTKIInCML() throws {
        let effusions = try match("chronic-phase CML, newly diagnosed; lupus with recurrent pleural effusions", ["BCR::ABL1"])
        #expect(!offers(effusions, anyOf: ["dasatinib"]), "\(top(effusions, 5))")
        let arterial = try match(
            "chronic-phase CML, imatinib failure; coronary artery disease with two stents, prior ischaemic stroke",
            ["BCR::ABL1"],
            priors: [PriorTherapy(drugs: ["imatinib"], response: "progressive disease")]
        )
        #expect(!offers(arterial, anyOf: ["nilotinib", "ponatinib"]), "\(top(arterial, 5))")
        let pancreas = try match("chronic-phase CML, newly diagnosed, history of acute pancreatitis", ["BCR::ABL1"])
        #expect(!offers(pancreas, anyOf: ["nilotinib"]), "\(top(pancreas, 5))")
    }

    /// Warfarin and a BTK inhibitor: avoided (FDA label: Imbruvica (ibrutinib), haemorrhage; NCCN CLL/SLL
    /// 2025); venetoclax with obinutuzumab is the first line that remains.
    @Test func warfarinRulesOutBTKInhibitors() throws {
        let result = try match("CLL, treatment-naive, Rai III; mechanical aortic valve on warfarin", ["IGHV unmutated"])
        #expect(!offers(result, anyOf: ["ibrutinib", "acalabrutinib", "zanubrutinib", "pirtobrutinib"]), "\(top(result, 5))")
        #expect(top(result, 1) == [["venetoclax", "obinutuzumab"]], "\(top(result, 5))")
    }

    // MARK: Clinic shorthand

    /// "MBC" beside a receptor status is metastatic breast cancer; receptor results or an alteration after
    /// the disease without a comma are biomarkers; "met" in lower case is "metastatic"; "w/" is "with".
    @Test func clinicShorthandAroundTheDiseaseIsRead() throws {
        let readings: [(String, String)] = [
            ("MBC HR+/HER2-, progressing on letrozole", "BREAST"), ("HER2+ MBC w/ brain metastases", "BRCA"),
            ("breast cancer ER+", "BREAST"), ("met melanoma BRAF V600E", "MEL"), ("NSCLC with met amplification", "NSCLC"),
        ]
        for (disease, code) in readings {
            let result = try match(disease, ["TP53 R273H"])
            #expect(result.problems.isEmpty, "\(disease): \(result.problems.map(\.message))")
            #expect(result.disease?.code == code, "\(disease): \(String(describing: result.disease))")
        }
        let melanoma = try match("met melanoma BRAF V600E", [])
        #expect(melanoma.alterations.contains { $0.gene == "BRAF" && $0.variant == "V600E" }, "\(melanoma.alterations)")
    }

    /// A BCR::ABL1 transcript level written with a hyphen or slash is the fusion ("BCR-ABL IS 2.1%"); a list
    /// of genes with one negative result after it gives each gene's wild-type ("KRAS, NRAS and BRAF wt").
    @Test func transcriptLevelsAndNegativeGeneListsAreRead() throws {
        for written in ["BCR-ABL IS 2.1%", "BCR/ABL1 0.8%"] {
            let result = try match("chronic-phase CML", [written])
            #expect(result.problems.isEmpty, "\(written): \(result.problems.map(\.message))")
        }
        let colorectal = try match("metastatic colorectal adenocarcinoma, untreated, left-sided", ["KRAS, NRAS and BRAF wild-type"])
        #expect(colorectal.problems.isEmpty, "\(colorectal.problems.map(\.message))")
        #expect(colorectal.alterations.contains { $0.gene == "NRAS" && $0.variant == "wild-type" }, "\(colorectal.alterations)")
        let families = try match("metastatic prostate adenocarcinoma", ["BRCA1/2, ATM wt"])
        #expect(families.problems.isEmpty, "\(families.problems.map(\.message))")
    }

    /// A result written as a label and its evidence ("dMMR: MLH1/PMS2 loss (IHC)") is the label's result:
    /// pembrolizumab or dostarlimab for a dMMR solid tumour after prior therapy (FDA labels: Keytruda, 2017;
    /// Jemperli, 2021).
    @Test func aLabelledResultIsReadByItsLabel() throws {
        let result = try match(
            "recurrent endometrioid ovarian carcinoma, platinum-resistant",
            ["dMMR: MLH1/PMS2 loss (IHC)"],
            priors: [PriorTherapy(drugs: ["carboplatin", "paclitaxel"], response: "progressive disease")]
        )
        #expect(result.alterations.contains { $0.gene == "MMR" }, "\(result.alterations)")
        // A colon inside an HLA allele is part of the name: tebentafusp needs HLA-A*02:01 (FDA label: Kimmtrak, 2022).
        let uveal = try match("metastatic uveal melanoma", ["HLA-A*02:01 negative", "GNAQ Q209L"])
        #expect(!offers(uveal, anyOf: ["tebentafusp"]), "\(top(uveal, 5))")
        #expect(top(result).contains(["pembrolizumab"]) || top(result).contains(["dostarlimab"]), "\(top(result, 5))")
    }

    // MARK: Sequencing after an intolerance

    /// Alpelisib with fulvestrant stopped for hyperglycaemia: the endocrine backbone is not what was stopped,
    /// so capivasertib with fulvestrant leads (FDA label: Truqap (capivasertib), 2023; NCCN Breast Cancer 2025).
    /// Two endocrine lines are not the chemotherapy datopotamab deruxtecan follows (FDA label: Datroway, 2025).
    @Test func theEndocrineBackboneOfAStoppedCombinationStaysAvailable() throws {
        let result = try match(
            "metastatic breast cancer, HR+/HER2-",
            ["PIK3CA H1047R"],
            priors: [
                PriorTherapy(drugs: ["letrozole", "palbociclib"], response: "progressive disease"),
                PriorTherapy(drugs: ["alpelisib", "fulvestrant"], response: "intolerance"),
            ]
        )
        #expect(top(result, 1) == [["capivasertib", "fulvestrant"]], "\(top(result, 5))")
        #expect(!top(result).contains(["datopotamab deruxtecan"]), "\(top(result, 5))")
    }

    /// Leg ulcers on hydroxyurea end it (Hydrea label; ELN criteria of hydroxyurea intolerance, Barosi et al.
    /// 2010); a subdural haematoma on a BTK inhibitor rules out the class (BTK inhibitor labels: haemorrhage;
    /// NCCN CLL/SLL 2025), leaving venetoclax-based therapy.
    @Test func toxicitiesThatEndADrugOrItsClass() throws {
        let polycythaemia = try match(
            "polycythaemia vera, high risk, hydroxyurea stopped for painful leg ulcers",
            ["JAK2 V617F"],
            priors: [PriorTherapy(drugs: ["hydroxyurea"], response: "intolerance")]
        )
        #expect(!top(polycythaemia).contains(["hydroxyurea"]), "\(top(polycythaemia, 5))")
        let cll = try match(
            "CLL, acalabrutinib stopped after a subdural haematoma, no progression",
            ["IGHV unmutated"],
            priors: [PriorTherapy(drugs: ["acalabrutinib"], response: "intolerance")]
        )
        #expect(!offers(cll, anyOf: ["ibrutinib", "acalabrutinib", "zanubrutinib", "pirtobrutinib"]), "\(top(cll, 5))")
    }

    /// An option NCCN lists only as "useful in certain circumstances", with no label behind it, follows a
    /// standard of the disease that fits the line: the anti-CD38 carfilzomib triplets or ciltacabtagene
    /// autoleucel before venetoclax with dexamethasone for t(11;14) myeloma at first relapse (NCCN Multiple
    /// Myeloma 2025).
    @Test func anUnlabelledCertainCircumstancesOptionFollowsTheStandard() throws {
        let result = try match(
            "multiple myeloma, first relapse on lenalidomide maintenance",
            ["t(11;14)"],
            priors: [PriorTherapy(drugs: ["bortezomib", "lenalidomide", "dexamethasone"], response: "relapse")]
        )
        #expect(top(result, 1) != [["venetoclax", "dexamethasone"]], "\(top(result, 5))")
        #expect(result.options.contains { Set($0.drugs) == ["venetoclax", "dexamethasone"] })
    }

    /// Cetuximab or panitumumab alone is labelled after oxaliplatin- and irinotecan-based chemotherapy (FDA
    /// labels: Erbitux, 2021; Vectibix, 2014): after FOLFOX alone, an irinotecan regimen comes first.
    @Test func antiEGFRMonotherapyWaitsForIrinotecan() throws {
        let result = try match(
            "metastatic colorectal adenocarcinoma, left-sided",
            ["KRAS wild-type", "NRAS wild-type", "BRAF wild-type"],
            priors: [PriorTherapy(drugs: ["fluorouracil", "leucovorin", "oxaliplatin"], response: "progressive disease")]
        )
        #expect(top(result, 1).allSatisfy { $0.contains("irinotecan") }, "\(top(result, 5))")
    }
}
