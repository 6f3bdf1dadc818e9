import CaseboardCore
import Testing

/// Patterns found on a third blind set of real case reports (issue 12), each shown by an invented sentence.
struct ThirdHoldoutPatternTests {
    @Test func aStainOrAMeasuredAnalyteIsNoDrugGiven() throws {
        let (record, _) = try extract(
            "A 47-year-old man had a neck mass. Immunostaining for thyroglobulin was negative and the cells were positive for calcitonin. "
                + "Serum levels of ACTH and cortisol were raised. Fluorescein in situ hybridization showed no amplification. He then received cisplatin."
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["cisplatin"])
    }

    @Test func aDiseaseNameInsideAMarkerOrAPatternIsNoDiagnosis() throws {
        let (record, _) = try extract(
            "A 70-year-old woman had a gastric mass. The cells were positive for B-cell lymphoma (Bcl)-2 and multiple myeloma oncogene 1 "
                + "and grew in a hemangiopericytoma-like pattern. The final diagnosis was gastric adenocarcinoma."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("lymphoma") || $0.contains("myeloma") || $0.contains("hemangiopericytoma") })
        #expect(names.contains { $0.contains("adenocarcinoma") })
    }

    @Test func aRelativesDiseaseANegativeTestAndAFirstImpressionAreNotTheDiagnoses() throws {
        let (record, _) = try extract(
            "A 52-year-old woman was found to have colon adenocarcinoma. Her mother and two sisters had breast cancer. Serology was HIV negative. "
                + "A pelvic mass was on initial impression thought to be a uterine leiomyoma. A biopsy raised the possibility of a sarcoma."
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains { $0.contains("colon") })
        #expect(!names.contains { $0.contains("breast") || $0.contains("hiv") || $0.contains("leiomyoma") || $0.contains("sarcoma") })
    }

    @Test func commonComorbiditiesAreRead() throws {
        let (record, _) = try extract(
            "A 66-year-old man with a history of achalasia, gastroesophageal reflux disease, bipolar disorder and gallstones presented with "
                + "a renal cell carcinoma."
        )
        // Named only in the history, they are the patient's comorbidities (hold-out 11 convention), not diagnoses.
        let names = Set(record.comorbidities.map(\.name))
        #expect(record.diagnoses.map(\.name) == ["renal cell carcinoma"], "\(record.diagnoses)")
        for name in ["achalasia", "gastroesophageal reflux disease", "bipolar disorder", "gallstones"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test func aReasonToTreatOrASuspicionIsNoAdverseEvent() throws {
        let (record, _) = try extract(
            "A 58-year-old man with lung adenocarcinoma received carboplatin and pemetrexed. Treatment for hypertension and hyperglycemia was then started. "
                + "Levetiracetam was given to prevent seizures, and heparin was started in suspicion of pulmonary embolism. "
                + "He later developed grade 2 fatigue after carboplatin."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms == ["fatigue"])
    }

    @Test func anEventTheTextLaysOnADiseaseIsNoAdverseEvent() throws {
        let (record, _) = try extract(
            "A 45-year-old woman with gastric cancer received irinotecan. She developed vomiting from a rotavirus infection, and hypercalcemia "
                + "caused by the bone metastases. She also developed diarrhea due to irinotecan."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms == ["diarrhea"])
    }

    @Test func eventsDespiteTreatmentAreTheDiseasesCourseButNotDespiteADoseCut() throws {
        let (record, _) = try extract(
            "A 61-year-old man with mantle cell lymphoma was given ibrutinib. Despite these measures, he developed dyspnea and hypotension. "
                + "Despite dose reduction of ibrutinib, grade 2 diarrhea persisted."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms == ["diarrhea"])
    }

    @Test func newLesionsFoundOnRestagingAreProgression() throws {
        let (first, _) = try extract(
            "A 60-year-old man with gastric cancer received oxaliplatin and capecitabine. Three months later, multiple liver metastases were seen on CT."
        )
        #expect(first.therapies.first { $0.drugs.contains("oxaliplatin") }?.response == .progressive)
        let (second, _) = try extract(
            "A 55-year-old woman with lung adenocarcinoma received carboplatin and paclitaxel. Restaging revealed a new, left-sided adrenal mass."
        )
        #expect(second.therapies.first { $0.drugs.contains("carboplatin") }?.response == .progressive)
        let (third, _) = try extract(
            "A 49-year-old man with colon cancer received irinotecan. Restaging showed no new lesions and no metastases were found."
        )
        #expect(third.therapies.first { $0.drugs.contains("irinotecan") }?.response == nil)
    }

    @Test func symptomsATreatmentRelievedAreNotItsToxicities() throws {
        let (relieved, _) = try extract(
            "A 50-year-old woman with lung adenocarcinoma was started on dabrafenib and trametinib. Two weeks after the first dose of dabrafenib, "
                + "her dyspnea and cough disappeared and her weight increased by 4 kg."
        )
        #expect(relieved.adverseEvents.isEmpty)
        let (withheld, _) = try extract(
            "A 57-year-old man with renal cell carcinoma was given sunitinib. He developed grade 2 diarrhea, which resolved after sunitinib was withheld."
        )
        #expect(withheld.adverseEvents.map(\.term) == ["diarrhea"])
    }

    @Test func carcinomaAndCancerNameOneDisease() throws {
        let (record, _) = try extract("A 64-year-old woman was found to have an invasive lobular breast carcinoma of the left breast.")
        #expect(record.diagnoses.first?.oncotree == "ILC")
    }

    @Test func aScaleNamedForADiseaseAndAHedgedImpressionAreNoDiagnoses() throws {
        let (record, _) = try extract(
            "A 77-year-old man with a gastric adenocarcinoma scored 17 on the Hasegawa Dementia Scale. An echogenic liver lesion was suggestive of hemangioma."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("dementia") || $0.contains("hemangioma") })
        #expect(names.contains { $0.contains("gastric") })
    }

    @Test func aDrugGivenInsteadOfAnotherOrBesideAnOpenDiagnosisIsGiven() throws {
        let (record, _) = try extract(
            "A 30-year-old man had a glioblastoma. He was switched to levetiracetam instead of phenytoin. "
                + "Because a stroke could not be excluded, mannitol was given."
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["levetiracetam", "mannitol"])
    }
}
