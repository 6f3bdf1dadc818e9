import CaseboardCore
import Testing

/// Patterns found on a sixth blind set of real case-report abstracts, each shown by an invented sentence.
struct SixthHoldoutPatternTests {
    @Test func anAbbreviationTheTextDefinesOutranksTheVocabularysOtherMeaning() throws {
        let (record, _) = try extract(
            "A 61-year-old man with squamous cell carcinoma of the lung had hypercalcemia of malignancy (HCM). "
                + "The patient's HCM persisted despite hydration and pamidronate."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("cardiomyopathy") }, "\(names)")
    }

    @Test func aConditionTheTextLaysOnTheCancerIsADiagnosisNotAToxicity() throws {
        let (record, _) = try extract(
            "A 55-year-old woman with cholangiocarcinoma received gemcitabine and cisplatin. She was admitted with paraneoplastic hypercalcemia. "
                + "Severe hypercalcemia developed again after the second cycle."
        )
        let names = record.diagnoses.map(\.name)
        let terms = record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
        #expect(names.contains { $0.contains("hypercalcemia") }, "\(names)")
        #expect(!terms.contains("hypercalcemia"), "\(terms)")
    }

    @Test func aCancerNamedBeforeTheConditionItCausesMakesItADiagnosis() throws {
        let (record, _) = try extract("A 72-year-old man had renal cell carcinoma-associated hypercalcemia and was given zoledronic acid.")
        let names = record.diagnoses.map(\.name)
        #expect(names.contains { $0.contains("hypercalcemia") }, "\(names)")
    }

    @Test func fibroinflammatoryConditionsAreDiagnoses() throws {
        let (record, _) = try extract(
            "A 64-year-old man with gastric adenocarcinoma, idiopathic retroperitoneal fibrosis and gangrenous pyoderma received paclitaxel."
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains { $0.contains("retroperitoneal fibrosis") }, "\(names)")
        #expect(names.contains { $0.contains("pyoderma") }, "\(names)")
    }

    @Test func abnormalLiverFunctionTestsAreAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 49-year-old woman with breast cancer received docetaxel. After the second cycle she developed fever and abnormal liver function tests."
        )
        let terms = record.adverseEvents.map(\.term)
        #expect(terms.contains("alanine aminotransferase increased"), "\(terms)")
    }

    @Test func aHormoneWithAMeasuredValueIsNoDrugGiven() throws {
        let (record, _) = try extract(
            "A 50-year-old man with diffuse large B-cell lymphoma had a random cortisol of 201 nmol/L and aldosterone, 270 pmol/L. "
                + "A suppression test showed cortisol of <30 nmol/L. He received rituximab."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["rituximab"])
    }

    @Test func anImagingTracerOrADrugClassIsNoTherapy() throws {
        let (record, _) = try extract(
            "A 47-year-old woman with a pancreatic neuroendocrine tumor had 68Ga DOTATOC positron emission tomography, which revealed liver nodules. "
                + "A 68Ga-DOTATATE PET/CT later showed more. She started somatostatin analogs and then everolimus."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["everolimus"])
    }

    @Test func chemotherapyForAnotherDiseaseIsNotTheEarlierNamedLine() throws {
        let (record, _) = try extract(
            "A 60-year-old man had received cisplatin and etoposide for lung adenocarcinoma years before. "
                + "He then received chemotherapy for small cell lung cancer, which was refractory."
        )
        let line = try #require(record.therapies.first { $0.drugs.contains("cisplatin") })
        #expect(line.response == nil)
    }

    @Test func aBroaderNodeInsideAQualifiedSpecificNameGivesWay() throws {
        let (record, _) = try extract(
            "A 45-year-old man had a T-cell lymphoma. The biopsy showed a peripheral T-cell lymphoma, not otherwise specified. He received cyclophosphamide."
        )
        #expect(record.diagnoses.map(\.oncotree) == ["PTCL"])
    }

    @Test func hormonesInAListOfInvestigationsAreNoDrugsGiven() throws {
        let (record, _) = try extract(
            "Methods: We present the course and investigations, including adrenocorticotropic hormone, cortisol, short synacthen test and imaging. "
                + "Results: A 57-year-old man with diffuse large B-cell lymphoma received rituximab."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["rituximab"])
    }

    @Test func enumeratedPatientsMakeACaseSeries() throws {
        let (record, _) = try extract(
            "We describe lung carcinoid tumours treated with everolimus: (I) A 52-year-old man had hypercalcemia and liver metastases. "
                + "(II) A 61-year-old woman had bone lesions."
        )
        #expect(record.patient.age == nil)
        #expect(record.patient.sex == nil)
    }

    @Test func conditionsThePatientIsIntroducedWithAreDiagnosesNotToxicities() throws {
        let (record, _) = try extract(
            "We present a 71-year-old male patient with alcoholic cirrhosis, hepatocellular carcinoma and portal vein thrombosis treated with lenvatinib "
                + "who developed a rectus sheath hematoma."
        )
        let names = record.diagnoses.map(\.name)
        let terms = record.adverseEvents.map(\.term)
        #expect(names.contains("portal vein thrombosis"), "\(names)")
        #expect(!terms.contains("portal vein thrombosis"), "\(terms)")
        #expect(terms.contains("hematoma"), "\(terms)")
    }

    @Test func aConditionTiedToADrugAfterItStaysAToxicity() throws {
        let (record, _) = try extract(
            "A 62-year-old woman with hypothyroidism after pembrolizumab for lung adenocarcinoma was seen."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("hypothyroidism"), "\(names)")
    }

    @Test func aConditionNamedByTheAbbreviationTheTextDefinesIsADiagnosisToo() throws {
        let (record, _) = try extract(
            "Portal vein thrombosis (PVT) often complicates liver cancer. We present a 71-year-old man with cirrhosis, hepatocellular carcinoma "
                + "and PVT treated with lenvatinib who developed a rectus sheath hematoma."
        )
        let names = record.diagnoses.map(\.name)
        let terms = record.adverseEvents.map(\.term)
        #expect(names.contains("portal vein thrombosis"), "\(names)")
        #expect(!terms.contains("portal vein thrombosis"), "\(terms)")
    }

    @Test func aStatedProgressionFreeSurvivalOfSixMonthsOrMoreIsAtLeastStableDisease() throws {
        let (record, _) = try extract(
            "A 58-year-old woman had EGFR-mutant lung adenocarcinoma. She attained 8 months of progression-free survival (PFS) by treatment "
                + "with gefitinib before headaches appeared."
        )
        #expect(record.therapies.first { $0.drugs == ["gefitinib"] }?.response == .stable)
        let (short, _) = try extract(
            "A 58-year-old woman had EGFR-mutant lung adenocarcinoma. She received gefitinib, with 2 months of progression-free survival."
        )
        #expect(short.therapies.first { $0.drugs == ["gefitinib"] }?.response != .stable)
    }

    @Test func anOutcomeNamingTheGivingOfADrugIsThatDrugs() throws {
        let (record, _) = try extract(
            "A 40-year-old man with renal cell carcinoma received sunitinib. The liver metastases improved with the administration of everolimus."
        )
        #expect(record.therapies.first { $0.drugs == ["everolimus"] }?.response == .partial)
        #expect(record.therapies.first { $0.drugs == ["sunitinib"] }?.response == nil)
    }

    @Test func satisfactoryOrResponsiveWordingIsAResponseOfTheDrugItNames() throws {
        let (record, _) = try extract(
            "A 33-year-old woman with Hodgkin lymphoma received brentuximab vedotin with satisfactory response. After relapse her disease "
                + "appeared to be responsive to bendamustine."
        )
        #expect(record.therapies.first { $0.drugs == ["brentuximab vedotin"] }?.response == .partial)
        #expect(record.therapies.first { $0.drugs == ["bendamustine"] }?.response == .partial)
    }

    @Test func unspecifiedLymphoproliferativeDisorderAndRenalNUTCarcinomaHaveNodes() throws {
        let (record, _) = try extract(
            "A 30-year-old man with Crohn disease received infliximab and developed an immunodeficiency-associated lymphoproliferative disorder. "
                + "His brother had a renal NUT carcinoma."
        )
        #expect(record.diagnoses.contains { $0.oncotree == "LNM" }, "\(record.diagnoses.map(\.name))")
        let (renal, _) = try extract("A 19-year-old woman was found to have a renal NUT carcinoma and received cisplatin.")
        #expect(renal.diagnoses.map(\.oncotree) == ["NRCC"])
    }

    @Test func theCaseDescribedHereinIsThePatient() throws {
        let (record, _) = try extract(
            "Intravesical gemcitabine is a common therapy for bladder cancer. The case described herein illustrates a rare complication of "
                + "intravesical gemcitabine instillation."
        )
        #expect(record.therapies.map(\.drugs) == [["gemcitabine"]])
    }

    @Test func aCancerOfASexSpecificOrganTellsTheSexTheTextDoesNotState() throws {
        let (prostate, _) = try extract("Metastatic castration-resistant prostate cancer was treated with cabazitaxel, with a good response.")
        #expect(prostate.patient.sex == .male)
        let (ovary, _) = try extract("High-grade serous ovarian cancer was treated with olaparib, with a good response.")
        #expect(ovary.patient.sex == .female)
        let (lung, _) = try extract("Lung adenocarcinoma was treated with osimertinib, with a good response.")
        #expect(lung.patient.sex == nil)
    }

    @Test func aPurposeBetweenADrugAndInCombinationWithDoesNotPartTheCombination() throws {
        let (record, _) = try extract(
            "A 60-year-old man with mantle cell lymphoma received bendamustine. He then received ibrutinib for relapsing lymphoma in "
                + "combination with venetoclax. Two years later he remains in remission."
        )
        #expect(record.therapies.map(\.drugs).contains(["ibrutinib", "venetoclax"]), "\(record.therapies.map(\.drugs))")
    }

    @Test func noSustainedBenefitIsAFailure() throws {
        let (record, _) = try extract(
            "A 70-year-old woman with chronic lymphocytic leukemia received chlorambucil with no sustained benefit. Ibrutinib was then started."
        )
        #expect(record.therapies.first { $0.drugs == ["chlorambucil"] }?.response == .progressive)
    }

    @Test func aChangeNamedOnceForTwoValuesIsTwoEvents() throws {
        let (record, _) = try extract(
            "A 64-year-old man with lung adenocarcinoma received pembrolizumab. A severe decrease in hemoglobin levels and platelet counts "
                + "led to its discontinuation."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("anemia"), "\(terms)")
        #expect(terms.contains("platelet count decreased"), "\(terms)")
    }
}
