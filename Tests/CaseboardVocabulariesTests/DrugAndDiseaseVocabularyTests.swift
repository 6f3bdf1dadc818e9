import CaseboardVocabularies
import Testing

struct DrugVocabularyTests {
    @Test(arguments: [
        ("Nexavar", "sorafenib"), ("sorafenib tosylate", "sorafenib"), ("BAY 43-9006", "sorafenib"), ("STI571", "imatinib"),
        ("STI-571", "imatinib"), ("Glivec", "imatinib"), ("BMS-354825", "dasatinib"), ("AMN107", "nilotinib"), ("PF-02341066", "crizotinib"),
        ("Xalkori", "crizotinib"), ("AG-120", "ivosidenib"), ("Alecensa", "alectinib"), ("Alunbrig", "brigatinib"), ("Lorbrena", "lorlatinib"),
        ("Vitrakvi", "larotrectinib"), ("Sprycel", "dasatinib"), ("Tasigna", "nilotinib"), ("Endoxan", "cyclophosphamide"),
        ("Navelbine", "vinorelbine"), ("Vidaza", "azacitidine"), ("5-azacytidine", "azacitidine"), ("actinomycin D", "dactinomycin"),
    ])
    func normalizesEverySurfaceFormToTheINN(surface: String, inn: String) throws {
        #expect(try Bundled.vocabularies().drug(named: surface)?.name == inn)
    }

    @Test func carriesTargetsAndClass() throws {
        let vocabularies = try Bundled.vocabularies()
        let sorafenib = try #require(vocabularies.drug(inn: "sorafenib"))
        #expect(sorafenib.targets.contains("FLT3"))
        #expect(sorafenib.drugClass.hasPrefix("FLT3 inhibitor, type II"))
        #expect(vocabularies.drug(inn: "gilteritinib")?.drugClass.hasPrefix("FLT3 inhibitor, type I") == true)
        #expect(vocabularies.drug(inn: "lorlatinib")?.drugClass == "ALK inhibitor, 3rd generation")
        // Every drug target is an HGNC symbol.
        let unknown = vocabularies.drugs.flatMap(\.targets).filter { vocabularies.gene(symbol: $0) == nil }
        #expect(unknown.isEmpty)
    }

    @Test func findsDrugsInTextInAnyCaseWithSlashes() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(
            vocabularies.names(.drug, in: "alternating endoxan/vincristine/actinomycin-D") == ["cyclophosphamide", "vincristine", "dactinomycin"]
        )
        #expect(vocabularies.names(.drug, in: "CRIZOTINIB was resumed") == ["crizotinib"])
        #expect(vocabularies.names(.drug, in: "Sorafenib-resistant disease") == ["sorafenib"])
    }

    @Test func regimensExpandToTheirDrugs() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.regimen(named: "7+3")?.drugs == ["cytarabine", "daunorubicin"])
        #expect(vocabularies.regimen(named: "FOLFOX")?.drugs.contains("oxaliplatin") == true)
        #expect(vocabularies.names(.regimen, in: "induction with 7+3 then FOLFOX") == ["7+3", "FOLFOX"])
    }

    @Test func ambiguousRegimenAbbreviationsNeedADefinition() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.regimen, in: "The VA hospital admitted him.") == [])
        let defined = "She received venetoclax plus 5-azacytidine (VA). After two cycles of VA the blasts fell."
        #expect(vocabularies.names(.regimen, in: defined) == ["VA", "VA"])
    }
}

struct DiseaseAndAdverseEventVocabularyTests {
    @Test(arguments: [
        ("AML", "AML"), ("acute myeloid leukaemia", "AML"), ("chloroma", "MS"), ("leukemia cutis", "MS"), ("NSCLC", "NSCLC"),
        ("GIST", "GIST"), ("IMT", "IMT"), ("inflammatory myofibroblastic tumour", "IMT"), ("CML", "CML"), ("infantile fibrosarcoma", "IFS"),
        ("systemic sclerosis", "COND:SSC"), ("scleroderma", "COND:SSC"), ("MS", "MS"),
    ])
    func normalizesDiseaseNames(surface: String, code: String) throws {
        #expect(try Bundled.vocabularies().disease(named: surface)?.code == code)
    }

    @Test func ambiguousDiseaseAbbreviationsNeedADefinition() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.disease, in: "history of MS treated with interferon") == [])
        #expect(vocabularies.names(.disease, in: "relapse as Myeloid Sarcoma (MS); the MS nodules regressed") == ["MS", "MS", "MS"])
        #expect(vocabularies.names(.disease, in: "limited cutaneous systemic sclerosis and CML") == ["COND:SSC", "CML"])
    }

    @Test(arguments: [
        ("hand-foot syndrome", "palmar-plantar erythrodysesthesia syndrome"), ("hepatic cytolysis", "alanine aminotransferase increased"),
        ("transaminase elevation", "alanine aminotransferase increased"), ("neutropenia", "neutrophil count decreased"),
        ("diarrhoea", "diarrhea"), ("thrombocytopenia", "platelet count decreased"), ("asthenia", "fatigue"),
    ])
    func normalizesAdverseEventSynonymsToCTCAE(surface: String, term: String) throws {
        #expect(try Bundled.vocabularies().adverseEvent(named: surface)?.term == term)
    }

    @Test func findsAdverseEventsInText() throws {
        let vocabularies = try Bundled.vocabularies()
        let found = vocabularies.names(.adverseEvent, in: "grade IV neutropenia, grade II diarrhea and asthenia")
        #expect(found == ["neutrophil count decreased", "diarrhea", "fatigue"])
    }
}
