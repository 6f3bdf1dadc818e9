import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 33 (hold-out 27's failures: rare tumours with a targetable alteration and the
/// tumour-agnostic labels), on profiles of our own. Each test failed before its fix.
struct Session33ClassTests: HoldoutMatching {
    /// A prolonged QTc puts the drugs whose US label warns of QT prolongation after those without one
    /// (`drug_qt_warnings.tsv`): larotrectinib before entrectinib for an NTRK fusion (FDA label: Rozlytrek
    /// (entrectinib), QT interval prolongation), olutasidenib before ivosidenib for a relapsed IDH1-mutant AML (FDA
    /// label: Tibsovo (ivosidenib), Warnings and Precautions 5.2). Without the QTc the order is the guideline's.
    @Test func aProlongedQTcPutsQTWarnedDrugsLast() throws {
        let fusion = try match("metastatic salivary secretory carcinoma, untreated, QTcF 492 ms on the baseline ECG", ["ETV6::NTRK3"])
        #expect(!top(fusion).contains(["entrectinib"]), "\(top(fusion, 5))")
        #expect(top(fusion).contains(["larotrectinib"]), "\(top(fusion, 5))")
        let option = fusion.options.first { $0.drugs == ["entrectinib"] }
        #expect(option?.demoted?.contains("QT") == true, "\(String(describing: option?.demoted))")

        let aml = try match(
            "AML relapsed after venetoclax and azacitidine, 71-year-old man, QTc 507 ms",
            ["IDH1 R132H"],
            priors: [PriorTherapy(drugs: ["venetoclax", "azacitidine"], response: "progressive disease")]
        )
        #expect(top(aml, 1).first == ["olutasidenib"], "\(top(aml, 5))")
        #expect(!top(aml).contains(["ivosidenib"]), "\(top(aml, 5))")
    }

    /// An HLA genotype is read as both alleles, and afamitresgene autoleucel needs one of the label's four A*02 allele
    /// groups (FDA label: Tecelra (afamitresgene autoleucel), 2024: HLA-A*02:01P, -02:02P, -02:03P or -02:06P): A*02:05
    /// is not one, A*02:01 is.
    @Test func anHLAGenotypeIsReadAndOnlyTheLabelledAllelesMeetAfamiCel() throws {
        let priors = [PriorTherapy(drugs: ["doxorubicin", "ifosfamide"], response: "progressive disease")]
        let ineligible = try match(
            "metastatic synovial sarcoma of the knee",
            ["SS18::SSX1", "MAGE-A4 positive", "HLA-A*02:05/A*11:01"],
            priors: priors
        )
        #expect(ineligible.problems.isEmpty, "\(ineligible.problems)")
        #expect(!top(ineligible).contains(["afamitresgene autoleucel"]), "\(top(ineligible, 5))")

        let eligible = try match(
            "metastatic synovial sarcoma of the knee",
            ["SS18::SSX1", "MAGE-A4 positive", "HLA-A*11:01 / A*02:01"],
            priors: priors
        )
        #expect(eligible.problems.isEmpty, "\(eligible.problems)")
        #expect(top(eligible).contains(["afamitresgene autoleucel"]), "\(top(eligible, 5))")
    }

    /// Vorasidenib is labelled for grade 2 IDH-mutant glioma only (FDA label: Voranigo (vorasidenib), 2024); a grade 3
    /// oligodendroglioma gets radiotherapy with PCV (RTOG 9402, EORTC 26951) or temozolomide, and a grade 3 astrocytoma
    /// temozolomide (CATNON). Grade 2 keeps vorasidenib first.
    @Test func vorasidenibIsForGradeTwoGliomaOnly() throws {
        let oligo = try match("grade 3 oligodendroglioma, IDH-mutant and 1p/19q-codeleted, after resection", ["IDH1 R132H"])
        #expect(!top(oligo).contains(["vorasidenib"]), "\(top(oligo, 5))")
        #expect(top(oligo, 1).first == ["lomustine", "procarbazine", "vincristine"], "\(top(oligo, 5))")

        let astro = try match("astrocytoma, IDH-mutant, grade 3, after surgery", ["IDH1 R132H"])
        #expect(!top(astro).contains(["vorasidenib"]), "\(top(astro, 5))")
        #expect(top(astro, 1).first == ["temozolomide"], "\(top(astro, 5))")

        let low = try match("astrocytoma, IDH-mutant, grade 2, residual after surgery", ["IDH1 R132H"])
        #expect(top(low, 1).first == ["vorasidenib"], "\(top(low, 5))")
    }

    /// Sarcomas the soft-tissue chemotherapy rows do not fit: alveolar soft part sarcoma does not respond to cytotoxic
    /// chemotherapy (NCCN Soft Tissue Sarcoma 2025), and a uterine leiomyosarcoma, which OncoTree files under the uterus,
    /// has its own first-line rows (NCCN Uterine Neoplasms 2025; LMS-04) before trabectedin, which is for after an
    /// anthracycline.
    @Test func sarcomaChemotherapyFitsItsHistology() throws {
        let alveolar = try match("metastatic alveolar soft part sarcoma of the buttock, untreated", ["ASPSCR1::TFE3"])
        #expect(!top(alveolar).contains(["doxorubicin"]), "\(top(alveolar, 5))")
        #expect(!top(alveolar).contains(["doxorubicin", "ifosfamide"]), "\(top(alveolar, 5))")

        let uterine = try match("metastatic uterine leiomyosarcoma, untreated", [])
        #expect(top(uterine, 1).first == ["doxorubicin"], "\(top(uterine, 5))")
        #expect(!top(uterine).contains(["trabectedin"]), "\(top(uterine, 5))")
    }

    /// A disease named as a variant of another (hairy cell leukaemia variant) lacks BRAF V600E; tested BRAF wild-type,
    /// the BRAF inhibitors of hairy cell leukaemia are named as not recommended, with the reason (Tiacci et al., N Engl
    /// J Med 2011; NCCN Hairy Cell Leukemia 2025).
    @Test func aVariantDiseaseWithoutTheTargetNamesTheDrugsItLacks() throws {
        let result = try match("hairy cell leukaemia variant, untreated, splenomegaly", ["BRAF wild-type"])
        #expect(
            result.notRecommended.contains { $0.drugs == ["vemurafenib"] && $0.reason == .targetNotExpressed },
            "\(result.notRecommended.map(\.drugs))"
        )
    }

    /// Sites written as a board writes them: the sigmoid is the colon (so the colorectal BRAF V600E regimen leads and the
    /// tumour-agnostic dabrafenib-trametinib label, which excludes colorectal cancer, does not), and the submandibular
    /// gland is a salivary gland.
    @Test func sigmoidAndSubmandibularSitesAreRead() throws {
        let colon = try match("metastatic sigmoid adenocarcinoma, liver metastases, untreated", ["BRAF V600E", "MSS"])
        #expect(colon.disease?.code == "COAD", "\(String(describing: colon.disease))")
        #expect(!top(colon).contains(["dabrafenib", "trametinib"]), "\(top(colon, 5))")

        let salivary = try match("salivary duct carcinoma of the submandibular gland, metastatic", ["NCOA4::RET"])
        #expect(salivary.problems.isEmpty, "\(salivary.problems)")
        #expect(top(salivary, 1).first == ["selpercatinib"], "\(top(salivary, 5))")
    }

    /// A BRAF inhibitor alone follows other options where BRAF with MEK inhibition is the curated standard for the
    /// disease and allele and nothing curated gives it alone (COMBI-v; NCCN Thyroid Carcinoma 2025 for anaplastic thyroid
    /// cancer); in hairy cell leukaemia, where vemurafenib alone is guideline-given, it keeps its place.
    @Test func aBRAFInhibitorAloneFollowsTheDoublet() throws {
        let thyroid = try match("anaplastic thyroid carcinoma, metastatic, untreated", ["BRAF V600E"])
        #expect(top(thyroid, 1).first == ["dabrafenib", "trametinib"], "\(top(thyroid, 5))")
        #expect(!top(thyroid).contains(["vemurafenib"]), "\(top(thyroid, 5))")

        let hairy = try match(
            "hairy cell leukaemia relapsed after cladribine",
            ["BRAF V600E"],
            priors: [PriorTherapy(drugs: ["cladribine"], response: "partial response")]
        )
        #expect(top(hairy).contains(["vemurafenib"]), "\(top(hairy, 5))")
    }
}
