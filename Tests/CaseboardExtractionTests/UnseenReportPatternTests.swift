import CaseboardCore
import Testing

/// Patterns found on a second blind set of real case reports, each shown by an invented sentence.
struct UnseenReportPatternTests {
    @Test func aConditionInTheHistoryIsADiagnosisNotAToxicity() throws {
        let (record, _) = try extract(
            "A 63-year-old man with a history of atrial fibrillation and pulmonary embolism was found to have colon cancer. "
                + "He received capecitabine and oxaliplatin. There was no history of stroke."
        )
        // History-only conditions are kept as comorbidities (hold-out 11 convention).
        let names = (record.diagnoses + record.comorbidities).map(\.name)
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

    @Test func stainingMarkersAreNotAlterations() throws {
        let (record, _) = try extract(
            "A 61-year-old man had a lung adenocarcinoma. The tumour cells were positive for CK7, TTF-1 and CDX2 and negative for CK20. He received pemetrexed."
        )
        #expect(record.alterations.isEmpty)
    }

    @Test func aLiverTestNamedLikeANucleotideIsNoDrug() throws {
        let (record, _) = try extract(
            "A 64-year-old woman with cholangiocarcinoma had an elevated alkaline phosphatase and γ-guanosine triphosphate. She received gemcitabine."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["gemcitabine"])
    }

    @Test func gastrointestinalDisturbancesAreAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 57-year-old man with gastric cancer received oxaliplatin, which was stopped because of gastrointestinal disturbances."
        )
        #expect(record.adverseEvents.contains { $0.term == "gastrointestinal toxicity" && $0.drugs == ["oxaliplatin"] })
    }

    @Test func noResponseIsFailureAndNoEvidenceOfProgressionIsNone() throws {
        let (record, _) = try extract(
            "A 49-year-old woman with lung adenocarcinoma was given docetaxel without disease response. "
                + "She then started crizotinib and has had no evidence of progression for a year."
        )
        #expect(record.therapies.first { $0.drugs == ["docetaxel"] }?.response == .progressive)
        #expect(record.therapies.first { $0.drugs == ["crizotinib"] }?.response == nil)
    }

    @Test func toxicityOfChemotherapyNamedOnlyAsChemotherapyCounts() throws {
        let (record, _) = try extract(
            "A 50-year-old man with a rectal melanoma underwent resection. "
                + "He then completed six cycles of adjuvant chemotherapy with moderate toxic effects including nausea, vomiting and diarrhea."
        )
        #expect(Set(record.adverseEvents.map(\.term)).isSuperset(of: ["nausea", "vomiting", "diarrhea"]))
    }

    @Test func aDrugThatTreatsNoCancerTakesNoResponseEvenWhenNamed() throws {
        let (record, _) = try extract(
            "A 60-year-old man with pancreatic cancer received gemcitabine. He developed heart failure and responded well to furosemide."
        )
        #expect(record.therapies.first { $0.drugs == ["furosemide"] }?.response == nil)
    }

    @Test func fearedToxicitiesAreNotAdverseEvents() throws {
        let (record, _) = try extract(
            "A 45-year-old woman with osteosarcoma received doxorubicin and cisplatin. "
                + "She later declined more cycles because of concerns about toxicities such as nausea and alopecia."
        )
        #expect(record.adverseEvents.isEmpty)
    }

    @Test func symptomsTheSentenceLaysOnTheDiseaseAreNotAdverseEvents() throws {
        let (record, _) = try extract(
            "A 55-year-old man with lung cancer was started on pemetrexed. After one cycle he developed vomiting and headache suggestive of brain metastases."
        )
        #expect(record.adverseEvents.isEmpty)
    }

    @Test func aRiskFactorForADiseaseIsNotThatDisease() throws {
        let (record, _) = try extract(
            "A 67-year-old man with gastric cancer was assessed. The team weighed his risk factors for coronary artery disease before starting capecitabine."
        )
        #expect(record.diagnoses.map(\.name) == ["gastric cancer"])
    }

    @Test func oneNameFiledUnderSeveralSitesIsOneDiagnosisAndNeverHadNegates() throws {
        let (record, _) = try extract(
            "A 52-year-old woman was found to have a gastric choriocarcinoma. She received etoposide and cisplatin. She had never had tuberculosis."
        )
        #expect(record.diagnoses.map(\.name) == ["choriocarcinoma"])
    }

    @Test func recurrencesAfterALineAreItsFailure() throws {
        let (record, _) = try extract(
            "A 70-year-old woman with small cell lung cancer received carboplatin and etoposide. Three months later, multiple recurrences in the liver were found."
        )
        #expect(record.therapies.first?.response == .progressive)
    }

    @Test func doxIsDoxorubicinAndIbandronateIsNamedByItsINN() throws {
        let (record, _) = try extract(
            "A 57-year-old woman with breast cancer received four cycles of DOX (60 mg/m2). Bone metastases were treated with monthly ibandronate."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["doxorubicin", "ibandronic acid"])
    }

    @Test func aGeneDefinedInBracketsJoinsAFusionAfterItsBracket() throws {
        let (record, _) = try extract(
            "A 44-year-old man with lung adenocarcinoma had an echinoderm microtubule-associated protein-like 4 (EML4)-ALK transcript on RT-PCR "
                + "and received alectinib."
        )
        #expect(record.alterations.contains { $0.gene == "ALK" && $0.kind == .fusion && $0.partner == "EML4" })
    }
}
