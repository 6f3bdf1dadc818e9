import CaseboardCore
import Testing

/// Patterns found on the eighth hold-out (case presentations one sentence a line), each shown by an invented sentence.
struct ReadingHoldout8PatternTests {
    private func eventTerms(_ record: CaseRecord) -> [String] {
        record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
    }

    @Test func symptomsInTheCourseAfterAnOperationAreNoDrugToxicity() throws {
        let (record, _) = try extract(
            "A 58-year-old woman with lung adenocarcinoma received carboplatin and pemetrexed before surgery.\n"
                + "A right lobectomy was done in March.\n"
                + "The recovery after the operation was uneventful, but six weeks later she suffered from severe cough and chest pain.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("cough"), "\(terms)")
        #expect(!terms.contains("pain"), "\(terms)")
    }

    @Test func anEventWithoutADrugStillCountsWhenItsSentenceNamesTheTreatment() throws {
        let (record, _) = try extract(
            "A 12-year-old boy had a germ cell tumour.\n"
                + "After four weeks of induction chemotherapy, he developed fever and confusion.\n"
        )
        let terms = eventTerms(record)
        #expect(terms.contains("fever"), "\(terms)")
    }

    @Test func complicationsUnderSupportiveCareAloneAreTheIllnesssCourse() throws {
        let (record, _) = try extract(
            "A 31-year-old man came with breathlessness and was found to have an adrenal mass.\n"
                + "He was given intravenous furosemide.\n"
                + "He then developed acute kidney injury with rising creatinine.\n"
                + "Dobutamine was started and he developed a lactic acidosis.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("acute kidney injury"), "\(terms)")
        #expect(!terms.contains("acidosis"), "\(terms)")
    }

    @Test func aSupportiveDrugsNamedToxicityIsStillAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 45-year-old woman had a meningioma removed.\n"
                + "She was given valproic acid for seizures.\n"
                + "She then developed valproate-induced hyperammonemic encephalopathy.\n"
        )
        let terms = eventTerms(record)
        #expect(terms.contains { $0.contains("encephalopathy") }, "\(terms)")
    }

    @Test func eventsTheSentenceExplainsByATumourAreNoToxicity() throws {
        let (record, _) = try extract(
            "A 66-year-old man with gastric cancer was started on oxaliplatin and capecitabine.\n"
                + "Four days after the first cycle, imaging showed new ascites and bleeding into a liver lesion, suggesting a ruptured metastasis "
                + "with associated hemorrhagic ascites.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("ascites"), "\(terms)")
        #expect(!terms.contains("hemorrhage"), "\(terms)")
    }

    @Test func aConditionThatWasTreatedAndCuredIsNoCurrentDiagnosis() throws {
        let (record, _) = try extract(
            "A 40-year-old man had a history of pulmonary tuberculosis which had been treated and cured.\n"
                + "A biopsy of a lung nodule showed Langerhans cell histiocytosis.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("tuberculosis") }, "\(names)")
        #expect(names.contains { $0.contains("langerhans") }, "\(names)")
    }

    @Test func aDefinedShortNameBeforeAMemberNumberIsAMarker() throws {
        let (record, _) = try extract(
            "A 59-year-old woman had a gastric MALT lymphoma.\n"
                + "The lymphoid cells stained for CD20 and B-cell lymphoma (Bcl)-2 but not cyclin D1.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.count == 1, "\(names)")
    }

    @Test func eitherNameOfAHedgedPairIsOnlyACandidate() throws {
        let (record, _) = try extract(
            "A 52-year-old man with metastatic melanoma had a mass in the sellar region.\n"
                + "On frozen section the lesion was thought to be either a melanoma or a meningioma.\n"
                + "Final pathology showed melanoma metastatic to a pituitary adenoma.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("meningioma"), "\(names)")
        #expect(names.contains { $0.contains("melanoma") }, "\(names)")
    }

    @Test func noImprovementDespiteASupportiveDrugIsItsFailure() throws {
        let (record, _) = try extract(
            "A 63-year-old man with rectal adenocarcinoma had a scaly perianal dermatitis.\n"
                + "His skin showed little improvement despite two courses of oral fluconazole.\n"
        )
        let line = try #require(record.therapies.first { $0.drugs == ["fluconazole"] })
        #expect(line.response == .progressive)
    }

    @Test func aSymptomsCourseOnASupportiveDrugIsStillNoResponse() throws {
        let (record, _) = try extract(
            "A 70-year-old woman with myeloma had leg oedema.\n"
                + "She responded well to intravenous furosemide.\n"
        )
        let line = try #require(record.therapies.first { $0.drugs == ["furosemide"] })
        #expect(line.response == nil)
    }

    @Test func gallBladderInTwoWordsIsNoUrinaryBladder() throws {
        let (record, _) = try extract("A 61-year-old woman had a resected, moderately differentiated gall bladder adenocarcinoma.\n")
        let codes = record.diagnoses.compactMap(\.oncotree)
        #expect(codes == ["GBAD"], "\(codes)")
    }

    @Test func clearCellRenalCarcinomaWithoutTheSecondCellIsStillThatCancer() throws {
        let (record, _) = try extract("A 30-year-old man had a left nephrectomy, and histology showed clear cell renal carcinoma.\n")
        let codes = record.diagnoses.compactMap(\.oncotree)
        #expect(codes == ["CCRCC"], "\(codes)")
    }

    @Test func measuredHormonesAndTheTargetOfAnAntiTherapyAreNoDrugsGiven() throws {
        let (record, _) = try extract(
            "A 57-year-old man with a thymic carcinoid had a morning cortisol (41.2 μg/dL) far above normal.\n"
                + "Anti-cortisol therapy with metyrapone was begun, and the blood cortisol values fell.\n"
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["metyrapone"])
    }

    @Test func aUrineCollectionsCatecholaminesAreNoDrugsGiven() throws {
        let (record, _) = try extract(
            "A 35-year-old woman had an adrenal mass and palpitations.\n"
                + "Urine tests showed 24-hour norepinephrine 520 μg with normal epinephrine values, and later (norepinephrine 80 μg/24 h).\n"
                + "She was given phenoxybenzamine before adrenalectomy.\n"
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["phenoxybenzamine"])
    }
}
