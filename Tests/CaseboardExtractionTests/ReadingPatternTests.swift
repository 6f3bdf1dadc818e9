import CaseboardCore
import Testing

/// Response and adverse-event patterns of real reports, each shown by an invented sentence.
struct ReadingPatternTests {
    @Test func aBracketedAsideDoesNotSplitACombination() throws {
        let (record, _) = try extract(
            "A 44-year-old man with histiocytosis had skin lesions that improved with cobimetinib (a MEK inhibitor) and vemurafenib (a BRAF inhibitor)."
        )
        let line = try #require(record.therapies.first { $0.drugs.contains("cobimetinib") })
        #expect(Set(line.drugs) == ["cobimetinib", "vemurafenib"])
        #expect(line.response == .partial)
    }

    @Test func drugsSpelledOutInARegimensBracketsAreOneLine() throws {
        let (record, _) = try extract(
            """
            A 70-year-old man with diffuse large B-cell lymphoma received three cycles of R-CHOP (rituximab 375 mg/m2, cyclophosphamide, \
            doxorubicin, vincristine and prednisone), with a mixed response.
            """
        )
        #expect(record.therapies.count == 1)
        #expect(record.therapies.first?.response == .stable)
    }

    @Test func conditioningDrugsTakeNoResponseFromTheNextSentence() throws {
        let (record, _) = try extract(
            """
            A 12-year-old boy with acute myeloid leukemia underwent transplantation after conditioning with busulfan and fludarabine. \
            A marrow aspirate a month later showed complete remission.
            """
        )
        #expect(record.therapies.allSatisfy { $0.response == nil })
        #expect(record.therapies.first { $0.drugs.contains("busulfan") }?.setting == "conditioning")
    }

    @Test func resistanceToNamedDrugsIsTheirFailure() throws {
        let (record, _) = try extract(
            "A 30-year-old woman had a glioma that was resistant to radiation and lomustine. She then received vemurafenib."
        )
        #expect(record.therapies.first { $0.drugs == ["lomustine"] }?.response == .progressive)
        #expect(record.therapies.first { $0.drugs == ["vemurafenib"] }?.response == nil)
    }

    @Test func metastasesThatAppearOnADrugAreProgression() throws {
        let (record, _) = try extract(
            "A 71-year-old man with prostate cancer started cabazitaxel, but bone metastases appeared within two months."
        )
        #expect(record.therapies.first?.response == .progressive)
    }

    @Test func remainingRecurrenceFreeOnADrugIsAtLeastStable() throws {
        let (record, _) = try extract(
            "A 25-year-old woman with an NTRK-fused sarcoma began entrectinib and has remained recurrence-free for three years."
        )
        #expect(record.therapies.first?.response == .stable)
    }

    @Test func aStatementAboutAClassOfTumoursIsNoOutcome() throws {
        let (record, _) = try extract(
            """
            A 40-year-old man with an ALK-rearranged inflammatory myofibroblastic tumor received crizotinib. \
            Such tumors may show late local recurrence.
            """
        )
        #expect(record.therapies.first?.response == nil)
    }

    @Test func presentingSymptomsOfAnIntroducedPatientAreNotToxicities() throws {
        let (record, _) = try extract(
            """
            Selumetinib for a plexiform neurofibroma. A 19-year-old woman presented with new onset of headache and persistent vomiting. \
            She started selumetinib and developed grade 2 paronychia.
            """
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("paronychia"))
        #expect(!terms.contains("headache"))
        #expect(!terms.contains("vomiting"))
    }

    @Test func aLabValueThatFellIsNoDoseChange() throws {
        let (record, _) = try extract(
            "A 66-year-old woman with polycythemia vera took hydroxyurea. The hematocrit was reduced, but her anemia slowly worsened."
        )
        #expect(!record.adverseEvents.contains { $0.term == "anemia" })
    }

    @Test func anEventThatStopsTreatmentIsAToxicity() throws {
        let (record, _) = try extract(
            "A 77-year-old man with acute myeloid leukemia received gilteritinib; because of severe thrombocytopenia, the family chose to discontinue it."
        )
        #expect(record.adverseEvents.contains { $0.term == "platelet count decreased" || $0.term == "thrombocytopenia" })
    }

    @Test func aConditionThatDevelopsOnADrugIsItsAdverseEvent() throws {
        let (record, _) = try extract(
            "A 48-year-old woman with melanoma was diagnosed with sarcoidosis shortly after starting treatment with dabrafenib."
        )
        #expect(record.adverseEvents.contains { $0.term.contains("sarcoidosis") && $0.drugs == ["dabrafenib"] })
    }

    @Test func aSecondCancerThatDevelopedAfterADrugIsAnAdverseEventAndADiagnosis() throws {
        let (record, _) = try extract(
            "A 70-year-old man with polycythemia vera developed acute myeloid leukemia 20 months after treatment with ruxolitinib."
        )
        #expect(record.adverseEvents.contains { $0.term.contains("acute myeloid leukemia") && $0.drugs == ["ruxolitinib"] })
        #expect(record.diagnoses.contains { $0.oncotree == "AML" })
    }

    @Test func anAbbreviationInBracketsDoesNotCutAnOutcomeFromItsDrug() throws {
        let (record, _) = try extract(
            "We report a woman with lung adenocarcinoma who achieved a prolonged progression-free survival (PFS) with dacomitinib."
        )
        #expect(record.therapies.first?.response == .stable)
    }

    @Test func anUnlabelledNarrativeGoesOnAboutThePatient() throws {
        let (record, _) = try extract(
            """
            Abstract
            Background: ROS1 fusions drive some lung cancers. Results: Patient 1, a 52-year-old man with lung adenocarcinoma.             An EZR-ROS1 fusion was found and entrectinib was initiated. A partial response is ongoing after ten months.
            """
        )
        #expect(record.therapies.first { $0.drugs == ["entrectinib"] }?.response == .partial)
    }

    @Test func progressionWhileADrugIsWithheldIsNotItsOutcome() throws {
        let (record, _) = try extract(
            """
            A 57-year-old woman with melanoma started encorafenib. She developed fevers necessitating withholding the drug.             Later, progression of a single lesion was treated with radiotherapy.
            """
        )
        #expect(record.therapies.first { $0.drugs == ["encorafenib"] }?.response == nil)
    }

    @Test func poisoningsEnzymesAndLabValuesAreNotTherapies() throws {
        let (record, _) = try extract(
            """
            A 35-year-old man was admitted with digoxin poisoning. His creatine kinase was high and his vitamin D levels were low. \
            He received atropine.
            """
        )
        #expect(record.therapies.map(\.drugs) == [["atropine"]])
    }

    @Test func aTextWithoutAPatientHasNoTherapyLines() throws {
        let (record, _) = try extract(
            "Ethanol and nicotine modulate dopamine release in flies. Cocaine increased locomotion in mutant strains."
        )
        #expect(record.therapies.isEmpty)
    }

    @Test func aCauseWordMakesAToxicityOnlyWithADrug() throws {
        let (record, _) = try extract(
            """
            A 58-year-old man with lung adenocarcinoma received osimertinib. Low cardiac output was causing acute kidney injury. \
            In his case osimertinib caused pneumonitis.
            """
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("pneumonitis"))
        #expect(!terms.contains("acute kidney injury"))
    }
}
