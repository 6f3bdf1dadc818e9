import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 30 (hold-out 23's leftovers and hold-out 24's failures), on profiles of our own.
/// Each test failed before its fix.
struct Session30ClassTests: HoldoutMatching {
    /// A therapy the patient declined is set aside like one they cannot have: after sorafenib in hepatocellular
    /// carcinoma, a patient who refused immunotherapy gets the kinase inhibitors first (NCCN Hepatocellular
    /// Carcinoma 2025: cabozantinib, regorafenib, ramucirumab for AFP ≥ 400 ng/mL). "PSA declined to 2" names no
    /// therapy and sets nothing aside.
    @Test func aTherapyThePatientDeclinedIsSetAside() throws {
        let sorafenib = [PriorTherapy(drugs: ["sorafenib"], response: "progressive disease")]
        let declined = try match(
            "hepatocellular carcinoma, Child-Pugh A, progression on sorafenib; she declined immunotherapy",
            [],
            priors: sorafenib
        )
        let first = try #require(top(declined, 1).first)
        #expect(
            first.isDisjoint(with: ["durvalumab", "tremelimumab", "atezolizumab", "nivolumab", "ipilimumab", "pembrolizumab"]),
            "\(top(declined, 5))"
        )
        #expect(declined.options.contains { $0.drugs.contains("atezolizumab") && $0.demoted?.contains("immunotherapy") == true })

        let refusedChemo = try match("metastatic pancreatic adenocarcinoma, first line, ECOG 0; refuses chemotherapy", [], priors: [])
        // Every option is chemotherapy here: each stays listed, marked with the reason.
        #expect(refusedChemo.options.contains { $0.drugs.contains("gemcitabine") })
        #expect(refusedChemo.options.filter { $0.drugs.contains("gemcitabine") }.allSatisfy { $0.demoted?.contains("chemotherapy") == true })

        let numbers = try match("metastatic castration-resistant prostate cancer; PSA declined to 2 ng/mL on enzalutamide, then rose", [], priors: [])
        #expect(numbers.options.allSatisfy { $0.demoted?.contains("cannot have") != true }, "\(numbers.options.compactMap(\.demoted))")
    }

    /// Inputs as hold-out 24 typed them: a paediatric age alone before the disease ("7-year-old with …"), the disease's
    /// extent written among the alterations ("high-volume metastatic disease"), and a locus reported intact
    /// ("CDKN2A/B intact"). Each had been an unresolved input.
    @Test func paediatricAgesExtentEntriesAndIntactLociAreRead() throws {
        let glioma = try match("9-year-old with a progressive optic pathway pilocytic astrocytoma, first systemic therapy", ["BRAF V600E"])
        #expect(glioma.disease?.code == "PAST", "\(String(describing: glioma.disease)) \(glioma.problems)")
        let infant = try match("4-month-old with unresectable infantile fibrosarcoma of the forearm", ["ETV6::NTRK3 fusion"])
        #expect(infant.disease?.code == "IFS", "\(String(describing: infant.disease)) \(infant.problems)")

        let prostate = try match(
            "de novo metastatic hormone-sensitive prostate cancer, ADT started",
            ["high-volume metastatic disease", "BRCA2 wild-type"]
        )
        #expect(prostate.problems.isEmpty, "\(prostate.problems)")
        #expect(!prostate.options.isEmpty)

        let astrocytoma = try match("astrocytoma, IDH-mutant, grade 2, residual disease after surgery", ["IDH1 R132H", "CDKN2A/B intact"])
        #expect(astrocytoma.problems.isEmpty, "\(astrocytoma.problems)")
        #expect(astrocytoma.alterations.contains { $0.gene == "CDKN2B" && $0.variant == "wild-type" }, "\(astrocytoma.alterations)")
    }

    /// "First line" written beside a relapse after adjuvant therapy keeps the first line: sacituzumab govitecan
    /// (FDA label: Trodelvy, 2021: after two or more systemic therapies, one for metastatic disease) had led the first
    /// line of a triple-negative breast cancer that relapsed after neoadjuvant chemotherapy, and pembrolizumab had
    /// been offered alone where KEYNOTE-355 gives it with chemotherapy (FDA label: Keytruda (pembrolizumab), 2020).
    @Test func firstLineWrittenBesideARelapseKeepsTheFirstLine() throws {
        let result = try match(
            "metastatic triple-negative breast cancer, first line, relapse 30 months after neoadjuvant chemotherapy; PD-L1 CPS 25",
            ["PD-L1 CPS 25", "germline BRCA negative"]
        )
        let first = try #require(top(result, 1).first)
        #expect(first.contains("pembrolizumab") && first.count > 1, "\(top(result, 5))")
        #expect(!top(result).contains(["sacituzumab govitecan"]), "\(top(result, 5))")
        #expect(!result.options.contains { $0.drugs == ["pembrolizumab"] }, "\(top(result, 8))")
    }

    /// Members of one class of alternatives are one choice among the first three: a CDK4/6 inhibitor with letrozole,
    /// anastrozole or exemestane (NCCN Breast Cancer 2025), a PARP inhibitor with an androgen-receptor pathway
    /// inhibitor (NCCN Prostate Cancer 2025). Three aromatase-inhibitor variants of ribociclib had filled the top three.
    @Test func membersOfOneClassOfAlternativesAreOneChoice() throws {
        let breast = try match(
            "de novo metastatic ER-positive HER2-negative breast cancer, bone only, postmenopausal, no prior therapy",
            ["ER positive (90%)", "PR positive", "HER2 IHC 1+"]
        )
        // No two of the first three differ only by their aromatase inhibitor.
        let ais: Set<String> = ["letrozole", "anastrozole", "exemestane"]
        let shapes = top(breast).map { $0.subtracting(ais).sorted().joined(separator: "+") + ($0.isDisjoint(with: ais) ? "" : "+AI") }
        #expect(Set(shapes).count == shapes.count, "\(top(breast, 5))")

        let prostate = try match(
            "metastatic castration-resistant prostate cancer, first mCRPC line, no ARPI or taxane yet",
            ["BRCA2 c.5946delT (pathogenic, germline)"]
        )
        // Three PARP-inhibitor combinations had filled the top three; an ARPI alone is now among them.
        let parp: Set<String> = ["olaparib", "niraparib", "talazoparib", "rucaparib"]
        #expect(top(prostate).contains { $0.isDisjoint(with: parp) }, "\(top(prostate, 5))")
    }

    /// Adjuvant abemaciclib is for node-positive disease (FDA label: Verzenio (abemaciclib), 2021, monarchE); for a pN0
    /// tumour, ribociclib with an aromatase inhibitor is the CDK4/6 option (FDA label: Kisqali (ribociclib), 2024,
    /// NATALEE). Grouping the aromatase inhibitors had brought adjuvant abemaciclib into the top three of a pN0 cancer.
    @Test func adjuvantAbemaciclibNeedsNodePositiveDisease() throws {
        let negative = try match(
            "stage IIA (pT2 pN0) ER-positive HER2-negative breast cancer, grade 3, after lumpectomy and adjuvant chemotherapy; starting adjuvant endocrine therapy",
            ["ER 90%", "HER2 IHC 0", "Ki-67 40%"]
        )
        #expect(!top(negative).contains { $0.contains("abemaciclib") }, "\(top(negative, 5))")
        let positive = try match(
            "stage IIIA (pT2 pN2a, 5/14 nodes positive) ER-positive HER2-negative breast cancer after mastectomy and adjuvant chemotherapy; starting adjuvant endocrine therapy",
            ["ER 90%", "HER2 IHC 0", "Ki-67 40%"]
        )
        #expect(positive.options.prefix(6).contains { $0.drugs.contains("abemaciclib") }, "\(top(positive, 6))")
    }

    /// A tissue typed as its cancer ("breast cancer", "prostate cancer", "pancreatic cancer") takes the standard
    /// options of the carcinoma that makes up nearly all of its cancers: "metachronous low-volume metastatic
    /// hormone-sensitive prostate cancer" resolved to the prostate and had no option at all (NCCN Prostate Cancer 2025
    /// gives an androgen-receptor pathway inhibitor with ADT). Lung cancer stays unspecified.
    @Test func aTissueTypedAsItsCancerTakesItsCarcinomasStandards() throws {
        let prostate = try match("metachronous low-volume metastatic hormone-sensitive prostate cancer, on ADT", [])
        #expect(
            top(prostate).contains { !$0.isDisjoint(with: ["abiraterone", "enzalutamide", "apalutamide", "darolutamide"]) },
            "\(top(prostate, 5))"
        )
        let pancreas = try match("metastatic pancreatic cancer, first line, ECOG 0", [])
        #expect(top(pancreas).contains { $0.contains("oxaliplatin") && $0.contains("irinotecan") }, "\(top(pancreas, 5))")
        let lung = try match("lung cancer", [])
        #expect(lung.options.isEmpty, "\(top(lung, 5))")
    }

    /// A frail older man with metastatic hormone-sensitive prostate cancer gets an androgen-receptor pathway inhibitor,
    /// not docetaxel (Boyle HJ et al., Eur J Cancer 2019, SIOG); "not frail" changes nothing.
    @Test func frailtyRulesOutDocetaxel() throws {
        let frail = try match("metastatic hormone-sensitive prostate cancer in a frail 84-year-old, ECOG 2, on ADT", [])
        #expect(!top(frail).contains { $0.contains("docetaxel") }, "\(top(frail, 5))")
        #expect(frail.notRecommended.contains { $0.drugs.contains("docetaxel") && $0.reason == .contraindicated })
        let fit = try match("de novo high-volume metastatic hormone-sensitive prostate cancer, 62-year-old, fit, not frail, on ADT", [])
        #expect(!fit.notRecommended.contains { $0.drugs.contains("docetaxel") && $0.reason == .contraindicated }, "\(fit.notRecommended)")
    }

    /// After chemo-immunotherapy with a PD-1 antibody, a PD-L1 antibody alone is no new line (the PD-1 axis is shared):
    /// it had still ranked third because docetaxel with or without ramucirumab were the only other options; gemcitabine
    /// is one of the subsequent single agents (NCCN Non-Small Cell Lung Cancer 2025).
    @Test func anotherCheckpointAntibodyLeavesTheTopThreeAfterChemoImmunotherapy() throws {
        let result = try match(
            "metastatic non-squamous NSCLC, no driver on broad NGS, progression after carboplatin-pemetrexed-pembrolizumab and pemetrexed-pembrolizumab maintenance",
            ["PD-L1 TPS 10%"],
            priors: [PriorTherapy(drugs: ["carboplatin", "pembrolizumab", "pemetrexed"], response: "progressive disease")]
        )
        #expect(!top(result).contains { !$0.isDisjoint(with: ["atezolizumab", "nivolumab", "durvalumab", "cemiplimab"]) }, "\(top(result, 5))")
        #expect(top(result).contains(["gemcitabine"]), "\(top(result, 5))")
    }
}
