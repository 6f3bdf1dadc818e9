import CaseboardCore
import Testing

/// Patterns found by reading reports the extractor was never tuned on, each shown by an
/// invented sentence.
struct HeldOutPatternTests {
    @Test func aTumourStageIsNotAnAge() throws {
        let (record, _) = try extract("We describe a stage 3 gastric cancer. The patient, a 71-year-old man, received capecitabine.")
        #expect(record.patient.age == 71)
    }

    @Test func aLookAlikeOrRevisedDiagnosisIsNotTheDisease() throws {
        let (record, _) = try extract(
            "A 44-year-old woman had a pelvic tumour resembling synovial sarcoma. The first diagnosis was revised to leiomyosarcoma."
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("leiomyosarcoma"))
        #expect(!names.contains("synovial sarcoma"))
    }

    @Test func anEventTheDrugMadeWorseIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 57-year-old woman with breast cancer started alpelisib. Alpelisib was given again a week later, which exacerbated her hyperglycemia."
        )
        #expect(record.adverseEvents.contains { $0.term == "hyperglycemia" && $0.drugs == ["alpelisib"] })
    }

    @Test func anAdmissionAfterADrugIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 61-year-old man with breast cancer began alpelisib. Ten days later he was admitted for diabetic ketoacidosis."
        )
        #expect(record.adverseEvents.contains { $0.term == "diabetic ketoacidosis" })
    }

    @Test func symptomsFollowingADrugAreAdverseEvents() throws {
        let (record, _) = try extract(
            "A 68-year-old man with melanoma presented with epigastric pain and gastroenteritis following nivolumab administration."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("stomach pain"))
        #expect(terms.contains("gastroenteritis"))
    }

    @Test func gastrointestinalSideEffectsAreOneEvent() throws {
        let (record, _) = try extract(
            "A 77-year-old man with mantle cell lymphoma took acalabrutinib, which was stopped because of gastrointestinal side effects."
        )
        #expect(record.adverseEvents.contains { $0.term == "gastrointestinal toxicity" })
    }

    @Test func aMeasuredHormoneIsNotADrugGiven() throws {
        let (record, _) = try extract(
            "A 70-year-old woman with follicular lymphoma received rituximab; her free-thyroxine and reverse triiodothyronine (rT3) levels were low."
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["rituximab"])
    }

    @Test func anOutcomeOfUnnamedChemotherapyIsNotTheLastDrugs() throws {
        let (record, _) = try extract(
            "A 5-year-old boy with acute lymphoblastic leukemia developed aspergillosis and received voriconazole. "
                + "Chemotherapy was then resumed and he has stayed in complete remission for three years."
        )
        #expect(record.therapies.first { $0.drugs == ["voriconazole"] }?.response == nil)
    }

    @Test func aSymptomThatProgressedIsNotDiseaseProgression() throws {
        let (record, _) = try extract(
            "A 59-year-old woman with sarcoidosis on methotrexate had anemia, which progressed to pancytopenia. Marrow biopsy showed a T-cell lymphoma."
        )
        #expect(record.therapies.first { $0.drugs.contains("methotrexate") }?.response == nil)
    }

    @Test func theAbbreviationOfAMeasuredHormoneNamesNoDrug() throws {
        let (record, _) = try extract(
            "A 72-year-old woman with melanoma received nivolumab. Free-thyroxine (FT4) was checked monthly, and FT4 rose after two months."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["nivolumab"])
    }

    @Test func aValueInAConcentrationUnitIsAMeasurement() throws {
        let (record, _) = try extract(
            "A 66-year-old man with renal cell carcinoma took sunitinib. His T3:T4 ratio fell and his FT3 was 1.4 pg/mL on follow-up."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["sunitinib"])
    }

    @Test func aDNAChangeAndTheProteinChangeItMakesAreOneAlteration() throws {
        let (record, _) = try extract(
            "A 49-year-old woman had a gastrointestinal stromal tumour; sequencing found KIT c.1727T>C (p.Leu576Pro)."
        )
        let kit = record.alterations.filter { $0.gene == "KIT" }
        #expect(kit.map(\.variant) == ["L576P"])
    }

    @Test func aChangeWithoutAGeneTakesTheGeneOfTheSentenceBefore() throws {
        let (record, _) = try extract(
            "A VHL Mutation in the Kidney Cancer of a Woman with Hereditary Leiomyomatosis\n\n"
                + "Hereditary leiomyomatosis comes with germline FH mutations in most cases. We report a 35-year-old woman with the change c.698G>A; "
                + "she later developed a renal cell carcinoma with a VHL mutation."
        )
        #expect(record.alterations.contains { $0.gene == "FH" && $0.variant == "c.698G>A" })
        #expect(!record.alterations.contains { $0.gene == "VHL" && $0.variant == "c.698G>A" })
    }

    @Test func aGoodResponseToTwoNamedTreatmentsReachesBoth() throws {
        let (record, _) = try extract(
            "A 69-year-old man with prostate cancer received radium-223 with enzalutamide. There was a good response to radium-223 therapy "
                + "and low-dose enzalutamide."
        )
        #expect(record.therapies.contains { $0.drugs.contains("enzalutamide") && $0.response == .partial })
    }

    @Test func radiologicalImprovementIsAResponse() throws {
        let (record, _) = try extract(
            "A 58-year-old woman with uterine leiomyosarcoma began trabectedin, with marked clinical and radiological improvement."
        )
        #expect(record.therapies.first?.response == .partial)
    }

    @Test func prediabetesIsADiagnosis() throws {
        let (record, _) = try extract("A 63-year-old man with prediabetes and colon cancer received capecitabine.")
        #expect(record.diagnoses.contains { $0.name == "prediabetes" })
    }

    @Test func commonNonCancerDrugsAreRead() throws {
        let (record, _) = try extract(
            "A 30-year-old woman with Hodgkin lymphoma had immune thrombocytopenia and received IVIG; later penicillin was given for an infection."
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs.contains("immune globulin"))
        #expect(drugs.contains("benzylpenicillin"))
    }

    @Test func aSecondLookAtTheTissueIsNoLiteratureReview() throws {
        let (record, _) = try extract(
            "A 48-year-old woman had an ovarian mass. On further review, the tumour showed small-cell morphology with SMARCA4 loss."
        )
        #expect(record.alterations.contains { $0.gene == "SMARCA4" })
    }

    @Test func anEventNamedAsRelatedToADrugClassIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 64-year-old man with renal cell carcinoma received ipilimumab and nivolumab. Endoscopy confirmed ICI-related colitis."
        )
        #expect(record.adverseEvents.contains { $0.term == "colitis" })
    }
}
