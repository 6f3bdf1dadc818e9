import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 31 (hold-out 25's failures: haematology across lines, and melanoma, CNS, head and neck,
/// thyroid, sarcoma, skin and paediatric tumours), on profiles of our own. Each test failed before its fix.
struct Session31ClassTests: HoldoutMatching {
    /// The sites a cancer has spread to are not its tissue, however they are written: "lung + liver mets" had made a
    /// melanoma a liver cancer with no option at all, and "with lung metastases" a laryngeal squamous cell carcinoma a
    /// squamous cell carcinoma of no site. "laBCC" is a locally advanced basal cell carcinoma (it had fallen through to
    /// "PD", read as the OncoTree code for Paget disease of the nipple).
    @Test func metastaticSitesAndBoardShorthandLeaveTheDisease() throws {
        let melanoma = try match("st IV cut melanoma, brain + bone mets, untreated", ["BRAF wt", "NRAS wt"])
        #expect(melanoma.disease?.code == "SKCM", "\(String(describing: melanoma.disease))")
        #expect(!melanoma.options.isEmpty)

        let larynx = try match("recurrent squamous cell carcinoma of the larynx with lung and bone metastases, no prior systemic therapy", [])
        #expect(larynx.disease?.code == "LXSC", "\(String(describing: larynx.disease))")
        #expect(top(larynx).contains { $0.contains("pembrolizumab") }, "\(top(larynx, 5))")

        let skin = try match("laBCC of the scalp, PD on sonidegib", [], priors: [PriorTherapy(drugs: ["sonidegib"], response: "progressive disease")])
        #expect(skin.disease?.code == "BCC", "\(String(describing: skin.disease))")
    }

    /// A fusion panel reported negative for two genes or a family ("no RET/NTRK fusion", "ALK/ROS1 rearrangement
    /// negative") is a negative result, not an unreadable input.
    @Test func aNegativeFusionPanelIsANegativeResult() throws {
        let result = try match(
            "radioiodine-refractory papillary thyroid carcinoma",
            ["NRAS Q61K", "no RET/NTRK fusion", "ALK/ROS1 rearrangement negative"]
        )
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(top(result, 1).first?.contains("lenvatinib") == true, "\(top(result, 5))")
    }

    /// Conditions that rule a drug out: poor lung function and bleomycin (bleomycin label, pulmonary fibrosis; NCCN
    /// Hodgkin Lymphoma 2025), atrial fibrillation and ibrutinib (Imbruvica label; ASPEN, ELEVATE-RR), liver disease and
    /// pexidartinib (Turalio label, boxed warning). Without the condition each drug stays.
    @Test func lungHeartAndLiverConditionsRuleOutTheirDrugs() throws {
        let lungs = try match("advanced-stage classical Hodgkin lymphoma, 40-year-old woman with COPD, DLCO 48% of predicted", ["CD30 positive"])
        #expect(lungs.notRecommended.contains { $0.drugs.contains("bleomycin") && $0.reason == .contraindicated }, "\(top(lungs, 5))")
        #expect(!top(lungs).contains { $0.contains("bleomycin") }, "\(top(lungs, 5))")
        let clear = try match("advanced-stage classical Hodgkin lymphoma, 40-year-old woman, DLCO 95% of predicted", ["CD30 positive"])
        #expect(!clear.notRecommended.contains { $0.drugs.contains("bleomycin") && $0.reason == .contraindicated })

        let heart = try match("symptomatic Waldenström macroglobulinaemia, 70-year-old man with paroxysmal atrial fibrillation", ["MYD88 L265P"])
        #expect(heart.notRecommended.contains { $0.drugs == ["ibrutinib"] && $0.reason == .contraindicated }, "\(top(heart, 5))")
        #expect(top(heart, 1).first == ["zanubrutinib"], "\(top(heart, 5))")

        let liver = try match("diffuse tenosynovial giant cell tumour of the ankle, not amenable to surgery; steatohepatitis", ["CSF1 fusion"])
        #expect(liver.notRecommended.contains { $0.drugs == ["pexidartinib"] && $0.reason == .contraindicated }, "\(top(liver, 5))")
        #expect(top(liver, 1).first == ["vimseltinib"], "\(top(liver, 5))")
    }

    /// After resection of a high-risk GIST, adjuvant imatinib is the option (FDA label: Gleevec, 2008; SSG XVIII, 36
    /// months); sunitinib, regorafenib and ripretinib are for metastatic disease after imatinib and had ranked second to
    /// fourth.
    @Test func adjuvantGISTTakesImatinibAlone() throws {
        let result = try match("completely resected small-bowel GIST, 7 cm, 8 mitoses per 5 mm2, high risk of recurrence", ["KIT exon 11 deletion"])
        #expect(top(result, 1).first == ["imatinib"], "\(top(result, 5))")
        for later in ["sunitinib", "regorafenib", "ripretinib"] {
            #expect(!result.options.contains { $0.drugs.contains(later) }, "\(later): \(top(result, 5))")
        }
    }

    /// Maintenance after anti-GD2 immunotherapy in high-risk neuroblastoma is eflornithine (FDA label: Iwilfin, 2023);
    /// dinutuximab, already given with a response, had come first.
    @Test func eflornithineFollowsAntiGD2Immunotherapy() throws {
        let result = try match(
            "high-risk neuroblastoma in a 4-year-old girl, partial response after induction, transplant, radiotherapy and anti-GD2 immunotherapy",
            ["MYCN amplification"],
            priors: [PriorTherapy(drugs: ["dinutuximab"], response: "partial response")]
        )
        #expect(top(result, 1).first == ["eflornithine"], "\(top(result, 5))")
    }

    /// Nasopharyngeal carcinoma, first line: gemcitabine-cisplatin (Zhang et al., Lancet 2016) beside toripalimab added to it
    /// (FDA label: Loqtorzi, 2023); and carboplatin-vincristine for a paediatric low-grade glioma (Ater et al., J Clin
    /// Oncol 2012) beside the targeted options.
    @Test func chemotherapyBackbonesAreOptionsBesideTheirAdditions() throws {
        let npc = try match("metastatic nasopharyngeal carcinoma, untreated", [])
        #expect(top(npc).contains(["cisplatin", "gemcitabine"]), "\(top(npc, 5))")
        let glioma = try match("progressive pilocytic astrocytoma of the optic pathway in a 6-year-old, no prior therapy", ["KIAA1549::BRAF fusion"])
        #expect(top(glioma, 5).contains(["carboplatin", "vincristine"]), "\(top(glioma, 5))")
    }

    /// The translocation that defines mantle cell lymphoma is no target: rows for use after a BTK inhibitor
    /// (pirtobrutinib, liso-cel; FDA labels Jaypirca 2023, Breyanzi 2024) keyed to CCND1::IGH had ranked as directed
    /// options ahead of the second-line standards for a patient never given one (NCCN B-Cell Lymphomas 2025).
    @Test func theDefiningTranslocationDoesNotPutLaterLinesFirst() throws {
        let result = try match(
            "mantle cell lymphoma relapsing two years after bendamustine-rituximab",
            ["t(11;14) CCND1::IGH"],
            priors: [PriorTherapy(drugs: ["bendamustine", "rituximab"], response: "relapse")]
        )
        for later in ["pirtobrutinib", "lisocabtagene maraleucel"] {
            #expect(!top(result).contains([later]), "\(later): \(top(result, 5))")
        }
        #expect(top(result, 1).first.map { $0 == ["zanubrutinib"] || $0 == ["acalabrutinib"] } == true, "\(top(result, 5))")
    }

    /// In remission with the induction not listed ("in first complete remission after induction, MRD 0.3%"), the
    /// induction regimen is not the next line; blinatumomab consolidation is (FDA label: Blincyto, 2018, MRD-positive
    /// B-ALL in first or second remission).
    @Test func inRemissionTheInductionIsBehindThePatient() throws {
        let result = try match(
            "Ph-negative B-ALL in first complete remission after induction, 44-year-old man, MRD 0.3% by flow",
            ["CD19 positive", "BCR::ABL1 negative"]
        )
        #expect(top(result, 1).first == ["blinatumomab"], "\(top(result, 5))")
    }
}
