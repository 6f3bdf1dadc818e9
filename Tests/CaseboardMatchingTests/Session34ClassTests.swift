import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 34 (hold-out 28's failures: acquired resistance and what it does and does not defeat), on
/// profiles of our own. Each test failed before its fix.
struct Session34ClassTests: HoldoutMatching {
    private func flagged(_ result: MatchResult) -> Set<String> {
        Set(result.resistance.filter { $0.drugs.count == 1 }.map { $0.drugs[0] })
    }

    /// Sites a lung cancer spread to, written as lesions or nodules, are not its tissue, and the course after it ("after
    /// two years of alectinib") is not part of a marker written before it: the text stays a lung adenocarcinoma, and
    /// lorlatinib (FDA label: Lorbrena (lorlatinib), 2018) leads after alectinib for ALK G1202R.
    @Test func aLungAdenocarcinomaStaysOneWhateverItsSitesAndCourse() throws {
        let sites = try match("ALK-rearranged lung adenocarcinoma with new liver lesions", ["EML4::ALK"])
        #expect(sites.disease?.code == "LUAD", "\(String(describing: sites.disease))")
        let result = try match(
            "ALK-rearranged lung adenocarcinoma with multiple liver nodules after two years of alectinib",
            ["EML4::ALK", "ALK G1202R"],
            priors: [PriorTherapy(drugs: ["alectinib"], response: "progressive disease")]
        )
        #expect(result.disease?.code == "LUAD", "\(String(describing: result.disease))")
        #expect(top(result, 1).first == ["lorlatinib"], "\(top(result, 5))")
    }

    /// A drug stopped for intolerance while the tumour responded is replaced within the same line: another ALK
    /// inhibitor (NCCN Non-Small Cell Lung Cancer 2025) or another CDK4/6 inhibitor with the same aromatase inhibitor
    /// (NCCN Breast Cancer 2025) comes first, and the drug not tolerated follows.
    @Test func aDrugStoppedForIntoleranceInResponseIsReplacedWithinTheLine() throws {
        let lung = try match(
            "metastatic ALK-positive NSCLC, first-line lorlatinib stopped after 5 months for grade 3 cognitive effects (intolerance), partial response",
            ["EML4::ALK"],
            priors: [PriorTherapy(drugs: ["lorlatinib"], response: "partial response")]
        )
        let first = top(lung, 1).first ?? []
        #expect(first == ["alectinib"] || first == ["brigatinib"], "\(top(lung, 5))")
        #expect(!top(lung).contains(["lorlatinib"]), "\(top(lung, 5))")

        let breast = try match(
            "HR-positive HER2-negative metastatic breast cancer, first-line letrozole with ribociclib stopped for grade 3 hepatitis while responding",
            ["ESR1 wild-type"],
            priors: [PriorTherapy(drugs: ["letrozole", "ribociclib"], response: "partial response")]
        )
        let chosen = top(breast, 1).first ?? []
        #expect(!chosen.contains("ribociclib") && (chosen.contains("palbociclib") || chosen.contains("abemaciclib")), "\(top(breast, 5))")
    }

    /// "Not a candidate for cellular therapy" sets CAR T-cell therapy aside, as "not a CAR-T candidate" does: it is
    /// ranked down below the options the patient can have.
    @Test func notACandidateForCellularTherapySetsCARTAside() throws {
        let result = try match(
            "relapsed CLL after a covalent BTK inhibitor and venetoclax, 81-year-old man, not a candidate for cellular therapy",
            ["BTK C481S"],
            priors: [
                PriorTherapy(drugs: ["acalabrutinib"], response: "progressive disease"),
                PriorTherapy(drugs: ["venetoclax", "obinutuzumab"], response: "relapse"),
            ]
        )
        let cart = result.options.first { $0.drugs == ["lisocabtagene maraleucel"] }
        #expect(cart?.demoted?.contains("cannot have") == true, "\(String(describing: cart?.demoted))")
        #expect(top(result, 1).first == ["pirtobrutinib"], "\(top(result, 5))")
    }

    /// A past pneumonitis (after radiotherapy here) is a history of ILD/pneumonitis for trastuzumab deruxtecan (FDA
    /// label: Enhertu (trastuzumab deruxtecan), boxed warning; DESTINY-Breast03 left such patients out).
    @Test func aPastPneumonitisCautionsAgainstTrastuzumabDeruxtecan() throws {
        let result = try match(
            "HER2-positive metastatic breast cancer after trastuzumab, pertuzumab and a taxane; grade 2 radiation pneumonitis last year needing steroids",
            ["ERBB2 amplification"],
            priors: [PriorTherapy(drugs: ["trastuzumab", "pertuzumab", "docetaxel"], response: "progressive disease")]
        )
        #expect(!top(result).contains(["trastuzumab deruxtecan"]), "\(top(result, 5))")
    }

    /// A bypass track or a secondary mutation defeats the whole class the patient progressed on, not the drug given alone
    /// (`class_rules.tsv`): MET amplification the ALK inhibitors without MET activity (Dagogo-Jack et al., Clin Cancer
    /// Res 2020), NRAS the KRAS G12C inhibitors (Awad et al., N Engl J Med 2021), RB1 loss the CDK4/6
    /// inhibitors (Condorelli et al., Ann Oncol 2018), and KIT exon 13/14 changes avapritinib (Evans et al., Sci Transl
    /// Med 2017).
    @Test func bypassTracksDefeatTheWholeClass() throws {
        let alk = try match(
            "metastatic ALK-positive lung adenocarcinoma progressing on lorlatinib",
            ["EML4::ALK", "MET amplification"],
            priors: [PriorTherapy(drugs: ["lorlatinib"], response: "progressive disease")]
        )
        #expect(flagged(alk).isSuperset(of: ["brigatinib", "ceritinib", "alectinib"]), "\(flagged(alk).sorted())")
        #expect(!flagged(alk).contains("crizotinib"), "\(flagged(alk).sorted())")

        let kras = try match(
            "metastatic KRAS G12C lung adenocarcinoma progressing on sotorasib",
            ["KRAS G12C", "NRAS Q61K"],
            priors: [PriorTherapy(drugs: ["sotorasib"], response: "progressive disease")]
        )
        #expect(flagged(kras).contains("adagrasib"), "\(flagged(kras).sorted())")

        let breast = try match(
            "HR-positive HER2-negative metastatic breast cancer progressing on anastrozole with palbociclib",
            ["RB1 deletion"],
            priors: [PriorTherapy(drugs: ["anastrozole", "palbociclib"], response: "progressive disease")]
        )
        #expect(flagged(breast).isSuperset(of: ["abemaciclib", "ribociclib"]), "\(flagged(breast).sorted())")

        let gist = try match(
            "metastatic GIST progressing on imatinib",
            ["KIT exon 11 deletion", "KIT V654A"],
            priors: [PriorTherapy(drugs: ["imatinib"], response: "progressive disease")]
        )
        #expect(flagged(gist).contains("avapritinib"), "\(flagged(gist).sorted())")
        #expect(top(gist, 1).first == ["sunitinib"], "\(top(gist, 5))")
    }

    /// Pemetrexed is not recommended with a creatinine clearance below 45 mL/min (FDA label: Alimta (pemetrexed)): a
    /// regimen with it follows those without.
    @Test func aLowCreatinineClearanceSetsPemetrexedBack() throws {
        let result = try match(
            "metastatic lung adenocarcinoma, no driver alteration, PD-L1 TPS 10%, 74-year-old man, creatinine clearance 38 mL/min",
            ["EGFR wild-type", "ALK negative"]
        )
        #expect(!top(result).contains { $0.contains("pemetrexed") }, "\(top(result, 5))")
    }

    /// A CIViC row below level A (BRAF V600E "resistance" to bevacizumab, a poorer outcome: Souglakos et al., Br J Cancer
    /// 2009) does not set aside the bevacizumab regimens a guideline makes standard for the patient (NCCN Colon Cancer
    /// 2025: FOLFOXIRI or FOLFIRI with bevacizumab for BRAF V600E metastatic colorectal cancer after encorafenib with
    /// cetuximab); the alert is still shown.
    @Test func uncuratedResistanceBelowLevelADoesNotSetAsideAGuidelineStandard() throws {
        let result = try match(
            "metastatic colorectal adenocarcinoma, MSS, progressing on encorafenib with cetuximab after FOLFOX",
            ["BRAF V600E"],
            priors: [
                PriorTherapy(drugs: ["fluorouracil", "leucovorin", "oxaliplatin"], response: "progressive disease"),
                PriorTherapy(drugs: ["encorafenib", "cetuximab"], response: "progressive disease"),
            ]
        )
        let setAside = result.notRecommended.filter { $0.reason == .resistance && $0.drugs.contains("bevacizumab") }
        #expect(!setAside.contains { Set($0.drugs) == ["bevacizumab", "fluorouracil", "irinotecan", "leucovorin"] }, "\(setAside.map(\.drugs))")
        #expect(result.options.contains { Set($0.drugs) == ["bevacizumab", "fluorouracil", "irinotecan", "leucovorin"] }, "\(top(result, 8))")
    }

    /// A protein change written with "p." and said not to be found ("EGFR p.C797S not detected", "(not detected)") is a
    /// negative result: it had been read as the mutation present, and flagged osimertinib with C797S resistance.
    @Test func aProteinChangeNotDetectedIsANegativeResult() throws {
        for written in ["EGFR p.C797S not detected", "EGFR p.Cys797Ser absent", "EGFR C797S (not detected)"] {
            let result = try match(
                "metastatic EGFR-mutant NSCLC progressing on osimertinib",
                ["EGFR L858R", written],
                priors: [PriorTherapy(drugs: ["osimertinib"], response: "progressive disease")]
            )
            #expect(!result.alterations.contains { $0.label == "EGFR C797S" }, "\(written): \(result.alterations.map(\.label))")
            #expect(!result.resistance.contains { $0.alteration.contains("C797S") }, "\(written): \(result.resistance.map(\.alteration))")
        }
    }

    /// A reversion written with what it restores ("BRCA2 reversion deletion restoring the reading frame") is read as the
    /// reversion, and the PARP inhibitors are flagged (Lin et al., Cancer Discov 2019; class rule).
    @Test func aReversionWithWhatItRestoresIsRead() throws {
        let result = try match(
            "metastatic castration-resistant prostate cancer progressing on olaparib",
            ["BRCA2 S1982fs", "BRCA2 reversion deletion restoring the reading frame (ctDNA)"],
            priors: [PriorTherapy(drugs: ["olaparib"], response: "progressive disease")]
        )
        #expect(result.problems.isEmpty, "\(result.problems.map(\.message))")
        #expect(flagged(result).contains("rucaparib"), "\(flagged(result).sorted())")
    }
}
