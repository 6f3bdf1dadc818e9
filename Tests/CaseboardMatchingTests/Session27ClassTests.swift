import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 27 (from hold-out 19's failures), on profiles of our own. Each test failed
/// before its fix.
struct Session27ClassTests: HoldoutMatching {
    /// CIViC names a class of drugs where a regimen is expected ("Platinum Compound" for BRCA1-mutant
    /// ovarian cancer, EID1529, PMID:24240112). It ranked first for a platinum-sensitive recurrence, above
    /// the carboplatin doublets NCCN Ovarian Cancer 2025 lists. A class is shown as a signal, never ranked.
    @Test func aDrugClassIsNeverARankedOption() throws {
        let result = try match(
            "high-grade serous ovarian carcinoma, platinum-sensitive recurrence after olaparib maintenance",
            ["germline BRCA1 c.68_69delAG"],
            priors: [
                PriorTherapy(drugs: ["carboplatin", "paclitaxel"], response: "complete response"),
                PriorTherapy(drugs: ["olaparib"], response: "progressive disease"),
            ]
        )
        #expect(!result.options.contains { $0.drugs.contains("platinum compound") }, "\(top(result, 6))")
        #expect(result.signals.contains { $0.kind == .drugClass && $0.drugs == ["platinum compound"] }, "\(result.signals.map(\.drugs))")
        #expect(top(result, 1).first?.contains("carboplatin") == true, "\(top(result, 6))")
    }

    /// The vocabulary tells a class or a procedure from a drug.
    @Test func classesAndProceduresAreKnownByName() throws {
        let vocabularies = try Vocabularies.loadBundled()
        #expect(vocabularies.nonDrugKind(of: "platinum compound") == .drugClass)
        #expect(vocabularies.nonDrugKind(of: "MEK Inhibitor") == .drugClass)
        #expect(vocabularies.nonDrugKind(of: "radiation therapy") == .procedure)
        #expect(vocabularies.nonDrugKind(of: "carboplatin") == nil)
        #expect(vocabularies.nonDrugKind(of: "no such name") == nil)
    }

    /// "olaparib maint 2 yr PD" is how long a maintenance lasted, not the patient's age: it had ranked
    /// bevacizumab down as "labelled from age 18; the patient is 2" (FDA label: Avastin (bevacizumab)).
    @Test func aDurationInYearsIsNotAnAge() throws {
        let result = try match(
            "HGSOC st IIIC gBRCA1: carbo/pac CR -> olaparib maint 2 yr PD; platinum-sensitive recurrence",
            ["germline BRCA1 c.68_69delAG"]
        )
        #expect(!result.options.contains { $0.demoted?.contains("the patient is 2") == true }, "\(result.options.compactMap(\.demoted))")
        // An age beside a sex, or standing as its own item, is still read.
        for disease in ["Ph-positive B-ALL, newly diagnosed, 9 y F", "Ph-positive B-ALL, newly diagnosed, 9 yrs"] {
            let child = try match(disease, ["BCR::ABL1 p190"])
            let ponatinib = try #require(child.options.first { $0.drugs == ["ponatinib"] }, "\(disease)")
            #expect(ponatinib.demoted?.contains("the patient is 9") == true, "\(disease): \(String(describing: ponatinib.demoted))")
        }
    }

    /// A tumour tested and found BRAF wild-type: the BRAF inhibitors, whose histiocytic-neoplasm label needs BRAF V600
    /// (FDA label: Zelboraf (vemurafenib), 2017), are named as not for this tumour; cobimetinib, labelled for
    /// histiocytic neoplasms whatever the mutation (FDA label: Cotellic (cobimetinib), 2022), is not.
    @Test func aWildTypeGeneNamesTheDrugsAimedAtItsMutation() throws {
        let result = try match("Erdheim-Chester disease, BRAF wild-type, MAP2K1 mutated", ["MAP2K1 p.K57N", "BRAF wt"])
        let flagged = result.notRecommended.filter { $0.reason == .targetNotExpressed }
        #expect(flagged.contains { $0.drugs == ["vemurafenib"] && $0.why.contains("BRAF wild-type") }, "\(result.notRecommended.map(\.drugs))")
        #expect(!flagged.contains { $0.drugs == ["cobimetinib"] })
        #expect(top(result, 1) == [["cobimetinib"]], "\(top(result, 6))")
        // Without the wild-type result nothing is named.
        let untested = try match("Erdheim-Chester disease", ["MAP2K1 p.K57N"])
        #expect(!untested.notRecommended.contains { $0.reason == .targetNotExpressed && $0.drugs == ["vemurafenib"] })
    }
}

/// Hold-out 20's classes (session 27), on profiles of our own. Each test failed before its fix.
struct Holdout20ClassTests: HoldoutMatching {
    /// Clinical abbreviations that are previous HGNC symbols (MSS of SIL1, PGL of SDHD, HRD of TBCE) made a
    /// phantom fusion with the gene beside them: "BRAF V600E MSS" became SIL1::BRAF, which flagged encorafenib and
    /// took the labelled encorafenib with cetuximab out (FDA label: Braftovi (encorafenib), 2020).
    @Test func clinicalAbbreviationsAreNotGenes() throws {
        let result = try match("BRAF V600E MSS mCRC, PD on FOLFOX", ["BRAF V600E"])
        #expect(!result.alterations.contains { $0.variant == "fusion" }, "\(result.alterations.map(\.label))")
        #expect(!result.notRecommended.contains { Set($0.drugs) == ["encorafenib", "cetuximab"] }, "\(result.notRecommended.map(\.drugs))")
    }

    /// Results on a gene read as what they are: "AR positive" is androgen-receptor protein (it was an AR mutation,
    /// which met CIViC's level B antiandrogen resistance row), "BCL2 high" is BCL2 protein, "TSC2 LOH" and
    /// "1p/19q intact" are findings matched on nothing. Before, the first two misread and the last two were refused.
    @Test func resultWordsOnAGeneAreRead() throws {
        let salivary = try match("salivary duct carcinoma", ["AR positive", "ERBB2 amplification"])
        #expect(salivary.alterations.contains { $0.gene == "AR" && $0.variant == "overexpression" }, "\(salivary.alterations.map(\.label))")
        let prostate = try match("metastatic castration-resistant prostate cancer", ["AR+"])
        #expect(prostate.resistance.isEmpty, "\(prostate.resistance.map(\.drugs))")
        for input in ["BCL2 high", "TSC2 LOH", "TSC2 loss of heterozygosity", "1p/19q intact", "1p/19q non-codeleted"] {
            let result = try match("perivascular epithelioid cell tumour", [input])
            #expect(result.problems.isEmpty, "\(input): \(result.problems.map(\.message))")
        }
        // A mutation of the same genes is still a mutation.
        let cll = try match("CLL, progressing on venetoclax", ["BCL2 G101V"])
        #expect(cll.alterations.contains { $0.gene == "BCL2" && $0.variant == "G101V" })
    }

    /// A tissue written after the disease ("BPDCN 68M skin plaques", "PEComa uterus") is where it is, and "PD on
    /// FOLFIRINOX" is progressive disease, not Paget disease of the nipple (OncoTree PD). Before, each resolved to the
    /// tissue or to Paget disease.
    @Test func aTissueOrAResponseWordAfterTheDiseaseIsNotTheDisease() throws {
        let cases: [(String, String)] = [
            ("BPDCN 68M skin plaques + BM 30% blasts", "BPDCN"), ("PEComa uterus malignant 52F", "PECOMA"),
            ("met PDAC 58M KRAS G12D PD on FOLFIRINOX 1L", "PAAD"), ("PGL SDHB metastatic 45M", "PGNG"),
        ]
        for (text, code) in cases {
            let result = try match(text, [])
            #expect(result.disease?.code == code, "\(text): \(String(describing: result.disease))")
        }
        // A tissue alone, and Paget disease by name, still resolve.
        #expect(try match("Paget disease of the nipple", []).disease?.code == "PD")
    }

    /// Cobimetinib is labelled for adult histiocytic neoplasms whatever the mutation (FDA label: Cotellic
    /// (cobimetinib), 2022); small bowel adenocarcinoma takes FOLFOX or CAPEOX first (NCCN Small Bowel
    /// Adenocarcinoma 2025). Before, a BRAF wild-type Erdheim-Chester disease without a MAP2K1 result had no
    /// cobimetinib option, and small bowel adenocarcinoma had no standard at all.
    @Test func rareDiseasesHaveTheirStandards() throws {
        let ecd = try match("Erdheim-Chester disease, 55-year-old man", ["BRAF wt"])
        #expect(top(ecd, 1) == [["cobimetinib"]], "\(top(ecd, 6))")
        let bowel = try match("metastatic small bowel adenocarcinoma, untreated", [])
        #expect(top(bowel).contains(["fluorouracil", "leucovorin", "oxaliplatin"]), "\(top(bowel, 6))")
    }
}
