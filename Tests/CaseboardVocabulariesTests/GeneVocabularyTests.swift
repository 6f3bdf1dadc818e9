import CaseboardCore
import CaseboardVocabularies
import Testing

struct GeneVocabularyTests {
    @Test func bundlesEveryApprovedHGNCSymbol() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.genes.count == 44_997)
        let flt3 = try #require(vocabularies.gene(symbol: "FLT3"))
        #expect(flt3.hgncID == "3765")
        #expect(flt3.entrezID == "2322")
        #expect(flt3.locusGroup == "protein-coding")
    }

    @Test(arguments: [
        ("HER2", "ERBB2"), ("CD135", "FLT3"), ("anaplastic lymphoma kinase", "ALK"), ("c-KIT", "KIT"),
        ("FMS-like tyrosine kinase 3", "FLT3"), ("FMS like tyrosine kinase 3", "FLT3"), ("PTP1B", "PTPN1"), ("ERBB2", "ERBB2"),
    ])
    func normalizesAliasesAndNames(surface: String, symbol: String) throws {
        #expect(try Bundled.vocabularies().gene(named: surface)?.symbol == symbol)
    }

    @Test func findsSymbolsAtWordBoundariesOnly() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.gene, in: "A FLT3-ITD mutated AML with EML4-ALK.") == ["FLT3", "EML4", "ALK"])
        #expect(vocabularies.names(.gene, in: "XFLT3 and FLT3X are not genes") == [])
        let text = "relapse with FLT3 D835H"
        let match = try #require(vocabularies.recognize(text).first { $0.concept.kind == .gene })
        #expect(text.utf8Slice(match.range) == "FLT3")
    }

    @Test func matchesLongNamesAcrossLineBreaksAndInPlural() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.gene, in: "the anaplastic lymphoma\nkinase gene") == ["ALK"])
        #expect(vocabularies.names(.gene, in: "Anaplastic Lymphoma Kinase") == ["ALK"])
    }

    // The ambiguity policy: symbols that are English words or clinical abbreviations count
    // as genes only in forms and contexts that make them genes.
    @Test(arguments: [
        ("The patient met criteria for remission.", [String]()),
        ("He MET the criteria.", []),
        ("MET amplification was found.", ["MET"]),
        ("MET exon 14 skipping", ["MET"]),
        ("c-MET overexpression", ["MET"]),
        ("a set of lesions", []),
        ("SET-NUP214 fusion", ["SET", "NUP214"]),
        ("The CAT scan was normal.", []),
        ("CAT gene variants", ["CAT"]),
        ("blasts were CD20-positive and CD33+", []),
        ("CD274 amplification", ["CD274"]),
        ("He achieved a PR after two cycles; CR was confirmed.", []),
        ("B-cell ALL in remission", []),
        ("AR expression", []),
        ("AR mutation", ["AR"]),
        ("KIT D816V", ["KIT"]),
    ])
    func appliesAmbiguityPolicy(text: String, genes: [String]) throws {
        #expect(try Bundled.vocabularies().names(.gene, in: text) == genes)
    }

    @Test func oncoTreeHierarchy() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.diseases.filter(\.isCancer).count == 897)
        #expect(vocabularies.disease(code: "MS")?.name == "Myeloid Sarcoma")
        #expect(vocabularies.ancestors(of: "MS") == ["AML", "MNM", "MYELOID", "TISSUE"])
        #expect(vocabularies.isDisease("MS", within: "AML"))
        #expect(!vocabularies.isDisease("AML", within: "MS"))
        #expect(vocabularies.children(of: "AML").contains("MS"))
        #expect(vocabularies.names(.disease, in: "multiple cutaneous Myeloid Sarcomas") == ["MS"])
        #expect(vocabularies.names(.disease, in: "Inflammatory Myofibroblastic Tumor of the arm") == ["IMT"])
    }
}
