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
