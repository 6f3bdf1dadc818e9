import CaseboardCore
import CaseboardVocabularies
import Testing

/// The DrugBank layer under the curated drug table, and its ambiguity policy.
struct DrugBankLayerTests {
    @Test func namesDrugsOutsideOncology() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.drug(named: "gentamicin")?.name == "gentamicin")
        #expect(vocabularies.names(.drug, in: "He was given vancomycin and meropenem for the fever.") == ["vancomycin", "meropenem"])
    }

    @Test func curatedDrugsKeepTheirNameAndGainSpellings() throws {
        let vocabularies = try Bundled.vocabularies()
        // DrugBank's Latin INN spelling resolves to the curated drug, not to a second concept.
        #expect(vocabularies.drug(named: "Imatinibum")?.name == "imatinib")
        #expect(vocabularies.drug(named: "imatinib")?.drugClass.isEmpty == false)
    }

    @Test func commonWordsAndOrganismsAreNotDrugs() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "She drank water on that date, and Aspergillus fumigatus grew in culture."
        #expect(vocabularies.names(.drug, in: text).isEmpty)
    }

    @Test func analytesAreChemicalsButNeverTreatments() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.drug(named: "creatinine")?.category == "substance")
        #expect(vocabularies.drug(named: "corticosteroids")?.category == "substance")
        #expect(vocabularies.drug(named: "gentamicin")?.category != "substance")
    }

    @Test func shortAbbreviationsAreNotDrugs() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.drug, in: "ATP levels and the PS were recorded.").isEmpty)
    }

    @Test func drugBankNeverTakesAnAdverseEventOrDiseaseForm() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.names(.adverseEvent, in: "She developed neutropenia.") == ["neutrophil count decreased"])
        #expect(vocabularies.names(.drug, in: "She developed neutropenia.").isEmpty)
    }
}

/// One table of response words, shared by extraction and matching.
struct ResponseVocabularyTests {
    @Test func molecularMilestonesFollowELN2020() {
        #expect(ResponseVocabulary.kind(of: "MMR") == .partial)
        #expect(ResponseVocabulary.kind(of: "major molecular response") == .partial)
        #expect(ResponseVocabulary.kind(of: "MR4.5") == .complete)
        #expect(ResponseVocabulary.kind(of: "CMR") == .complete)
        #expect(ResponseVocabulary.kind(of: "Complete  Molecular Response") == .complete)
    }

    @Test func looseWordingMapsToAClass() {
        #expect(ResponseVocabulary.kind(of: "shrinkage") == .partial)
        #expect(ResponseVocabulary.kind(of: "remission") == .complete)
        #expect(ResponseVocabulary.kind(of: "unresponsive") == .progressive)
        #expect(ResponseVocabulary.kind(of: "minor response") == .stable)
    }

    @Test func diseaseControlAndLowercaseAbbreviationsAreNotResponses() {
        #expect(ResponseVocabulary.kind(of: "disease control") == nil)
        #expect(ResponseVocabulary.kind(of: "mmr") == nil)
        #expect(ResponseVocabulary.kind(of: "cured") == nil)
    }
}

/// A drug written with its salt, ester or hydrate, or by a common short form, is its INN.
struct DrugSaltFormTests {
    @Test func saltAndHydrateWordsAreStrippedToTheINN() throws {
        let vocabularies = try Bundled.vocabularies()
        for (written, inn) in [
            ("ponatinib hydrochloride", "ponatinib"), ("ruxolitinib phosphate", "ruxolitinib"), ("dasatinib monohydrate", "dasatinib"),
            ("gilteritinib fumarate", "gilteritinib"), ("Sorafenib Tosylate", "sorafenib"), ("trametinib dimethyl sulfoxide", "trametinib"),
            ("imatinib mesylate", "imatinib"),
            // Forms neither table lists: the rule, not an entry, reads them.
            ("olverembatinib dimesylate", "olverembatinib"), ("momelotinib dihydrochloride monohydrate", "momelotinib"),
            ("Asciminib HCl", "asciminib"),
        ] {
            #expect(vocabularies.drug(named: written)?.name == inn, "\(written)")
            #expect(vocabularies.resolveDrug(written).drugNames == [inn], "\(written)")
        }
        // A salt word alone, or after a word that is no drug, is no drug.
        #expect(vocabularies.drug(named: "potassium chloride tablets hydrochloride") == nil)
        #expect(vocabularies.drug(named: "hydrochloride") == nil)
    }

    @Test func shortCodesReadWithOrWithoutTheirHyphen() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "Maintenance was 6MP and MTX; salvage used VP16 and 6TG."
        #expect(
            vocabularies.names(.drug, in: text) == ["mercaptopurine", "methotrexate", "etoposide", "tioguanine"],
            "\(vocabularies.names(.drug, in: text))"
        )
        // The joined form is a code: it matches in capitals only.
        #expect(vocabularies.names(.drug, in: "a vp16 level") == [], "\(vocabularies.names(.drug, in: "a vp16 level"))")
    }

    @Test func writtenFormsInTextReadAsTheINN() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "She received nilotinib hydrochloride, then arsenic with all-trans retinoic acid, Ara-C, 6-MP and MTX."
        #expect(
            vocabularies.names(.drug, in: text) == ["nilotinib", "arsenic trioxide", "tretinoin", "cytarabine", "mercaptopurine", "methotrexate"],
            "\(vocabularies.names(.drug, in: text))"
        )
    }
}
