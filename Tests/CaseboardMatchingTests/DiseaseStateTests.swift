import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Testing

/// Rows curated for one state of a disease (castration-sensitive or -resistant prostate cancer,
/// metastatic or not, platinum-sensitive or -resistant ovarian cancer) fit only that state. Before,
/// darolutamide, labelled for non-metastatic castration-resistant and metastatic castration-sensitive
/// disease only (FDA label: Nubeqa (darolutamide), 2019, 2022, 2025), came first for metastatic
/// castration-resistant disease (hold-out 15), and olaparib alone came first at castration-sensitive
/// presentation. Profiles are our own.
struct DiseaseStateTests: HoldoutMatching {
    private let adtProgression = [PriorTherapy(drugs: ["leuprorelin"], response: "progressive disease")]

    /// Metastatic castration-resistant disease after androgen deprivation alone: the castration-sensitive
    /// and non-metastatic labels are set apart with the state that rules them out.
    @Test func castrationSensitiveAndNonMetastaticLabelsStepAsideInMetastaticCastrationResistantDisease() throws {
        let result = try match("metastatic castration-resistant prostate adenocarcinoma, bone metastases", [], priors: adtProgression)
        #expect(!result.options.contains { $0.drugs == ["darolutamide"] || $0.drugs == ["apalutamide"] }, "\(top(result, 8))")
        let darolutamide = try #require(result.notRecommended.first { $0.drugs == ["darolutamide"] })
        #expect(darolutamide.reason == .otherSetting)
        #expect(darolutamide.why.contains("castration-sensitive") || darolutamide.why.contains("non-metastatic"), "\(darolutamide.why)")
        // Progression on androgen deprivation alone, with no state named, is castration resistance.
        let implied = try match("prostate adenocarcinoma with new bone metastases", [], priors: adtProgression)
        #expect(!implied.options.contains { $0.drugs == ["darolutamide"] }, "\(top(implied, 8))")
        #expect(implied.options.contains { Set($0.drugs) == ["abiraterone", "prednisone"] })
    }

    /// At castration-sensitive presentation the PARP inhibitor labels (all for castration-resistant
    /// disease) do not apply; the androgen-receptor pathway inhibitors do.
    @Test func parpInhibitorsWaitForCastrationResistance() throws {
        let result = try match("metastatic hormone-sensitive prostate cancer, newly diagnosed", ["BRCA2 c.5946delT"])
        let parp: Set<String> = ["olaparib", "niraparib", "rucaparib", "talazoparib"]
        #expect(!result.options.contains { !Set($0.drugs).isDisjoint(with: parp) }, "\(top(result, 8))")
        #expect(top(result).contains { !$0.isDisjoint(with: ["darolutamide", "apalutamide", "enzalutamide", "abiraterone"]) })
    }

    /// The first line of castration-resistant disease follows androgen deprivation, which goes on
    /// through every line: the first-line PARP inhibitor combinations lead, and olaparib alone, labelled
    /// after enzalutamide or abiraterone, does not come before them (FDA labels: Lynparza (olaparib),
    /// 2020, 2023; Akeega (niraparib), 2023; Talzenna (talazoparib), 2023).
    @Test func firstLineCastrationResistantCombinationsFollowAndrogenDeprivation() throws {
        let result = try match("mCRPC", ["BRCA2 mutation"], priors: adtProgression)
        let combinations: [Set<String>] = [
            ["niraparib", "abiraterone", "prednisone"], ["olaparib", "abiraterone", "prednisone"], ["talazoparib", "enzalutamide"],
        ]
        #expect(combinations.contains(top(result, 1).first ?? []), "\(top(result, 6))")
        let olaparib = try #require(result.options.firstIndex { $0.drugs == ["olaparib"] })
        let firstCombination = try #require(result.options.firstIndex { combinations.contains(Set($0.drugs)) })
        #expect(firstCombination < olaparib)
        // HRR genes beyond BRCA are in talazoparib-enzalutamide's label only.
        let atm = try match("mCRPC, bone", ["ATM c.5932G>T"], priors: adtProgression)
        #expect(top(atm, 1) == [["talazoparib", "enzalutamide"]], "\(top(atm, 6))")
    }

    /// Non-metastatic castration-resistant disease keeps its own labels (apalutamide, darolutamide,
    /// enzalutamide: FDA labels Erleada 2018, Nubeqa 2019, Xtandi 2018); docetaxel, labelled for
    /// metastatic disease, is set apart.
    @Test func nonMetastaticCastrationResistantDiseaseKeepsItsLabels() throws {
        let result = try match("nmCRPC, PSA doubling time 6 months", [], priors: adtProgression)
        #expect(result.options.contains { $0.drugs == ["darolutamide"] }, "\(top(result, 8))")
        #expect(!result.options.contains { Set($0.drugs) == ["docetaxel", "prednisone"] }, "\(top(result, 8))")
    }

    /// Bevacizumab's ovarian labels are split by platinum sensitivity (FDA label: Avastin
    /// (bevacizumab), 2014 for platinum-resistant, 2016 for platinum-sensitive recurrence).
    @Test func platinumSensitivityChoosesTheBevacizumabRegimen() throws {
        let priors = [PriorTherapy(drugs: ["carboplatin", "paclitaxel"], response: "progressive disease")]
        let resistant = try match("platinum-resistant recurrent high-grade serous ovarian carcinoma", [], priors: priors)
        let resistantDrugs = resistant.options.map { Set($0.drugs) }
        #expect(!resistantDrugs.contains(["bevacizumab", "carboplatin", "gemcitabine"]), "\(top(resistant, 8))")
        #expect(resistantDrugs.contains(["bevacizumab", "paclitaxel"]), "\(top(resistant, 8))")
        let sensitive = try match("platinum-sensitive recurrent high-grade serous ovarian carcinoma", [], priors: priors)
        let sensitiveDrugs = sensitive.options.map { Set($0.drugs) }
        #expect(!sensitiveDrugs.contains(["bevacizumab", "paclitaxel"]), "\(top(sensitive, 8))")
        #expect(sensitiveDrugs.contains(["bevacizumab", "carboplatin", "gemcitabine"]), "\(top(sensitive, 8))")
    }
}
