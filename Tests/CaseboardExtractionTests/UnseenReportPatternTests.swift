import CaseboardCore
import Testing

/// Patterns found on a second blind set of real case reports, each shown by an invented sentence.
struct UnseenReportPatternTests {
    @Test func aConditionInTheHistoryIsADiagnosisNotAToxicity() throws {
        let (record, _) = try extract(
            "A 63-year-old man with a history of atrial fibrillation and pulmonary embolism was found to have colon cancer. "
                + "He received capecitabine and oxaliplatin. There was no history of stroke."
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("atrial fibrillation"))
        #expect(names.contains("pulmonary embolism"))
        #expect(!names.contains("stroke"))
        #expect(record.adverseEvents.isEmpty)
    }

    @Test func aSymptomOrAToxicityInTheHistoryIsNoDiagnosis() throws {
        let (record, _) = try extract(
            "A 58-year-old woman with a history of dyspnea had breast cancer. She received paclitaxel and had a history of paclitaxel-induced pneumonitis."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("dyspnea"))
        #expect(!names.contains("pneumonitis"))
    }

    @Test func aSupportiveDrugTakesNoTumourResponse() throws {
        let (record, _) = try extract(
            "A 59-year-old woman with gastric cancer received capecitabine. She also received denosumab every month. Restaging showed stable disease."
        )
        #expect(record.therapies.first { $0.drugs == ["capecitabine"] }?.response == .stable)
        #expect(record.therapies.first { $0.drugs == ["denosumab"] }?.response == nil)
    }

    @Test func eventsAListDeniesAreNotAdverseEvents() throws {
        let (record, _) = try extract(
            "A 52-year-old man with renal cell carcinoma took sunitinib. Hypertension, proteinuria and hand-foot syndrome were not observed "
                + "during sunitinib therapy, but he developed diarrhea."
        )
        #expect(Set(record.adverseEvents.map(\.term)) == ["diarrhea"])
    }

    @Test func anOutcomeOfChemotherapyIsTheLatestCytotoxicLines() throws {
        let (record, _) = try extract(
            "A 66-year-old man with small cell lung cancer began cisplatin and etoposide. He was admitted for a fall in the second week. "
                + "Blood cultures were negative. The fracture was fixed. He walked again within a month. His appetite returned. "
                + "A partial response was seen after chemotherapy."
        )
        #expect(record.therapies.first { $0.drugs == ["cisplatin", "etoposide"] }?.response == .partial)
    }
}
