import CaseboardCore
import Testing

/// Reading classes found on full-text case presentations (issue 12): whose fact a mention is
/// (a test result, a feared toxicity, a sign of progression) and outcome wording around
/// "despite". Every sentence here is invented.
struct CasePresentationPatternTests {
    private func allEventTerms(_ record: CaseRecord) -> [String] {
        record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
    }

    @Test func aDiseaseThatWorsensDespiteTheNamedDrugsFailedThem() throws {
        let (record, _) = try extract(
            "A 71-year-old man had multiple myeloma. Despite treatment with bortezomib, pomalidomide and dexamethasone, "
                + "his condition continued to deteriorate and he died two months later."
        )
        for drug in ["bortezomib", "pomalidomide", "dexamethasone"] {
            #expect(record.therapies.first { $0.drugs.contains(drug) }?.response == .progressive, "\(drug): \(record.therapies)")
        }
    }

    @Test func aNegativeSerologyIsNoDiagnosis() throws {
        let (listed, _) = try extract(
            "A 45-year-old woman had follicular lymphoma. HIV and hepatitis C serology, as well as a tuberculin test, were negative."
        )
        #expect(!listed.diagnoses.map(\.name).contains { $0.contains("hiv") }, "\(listed.diagnoses.map(\.name))")
        let (marked, _) = try extract(
            "A 45-year-old woman had follicular lymphoma. Her viral markers were HBsAg (-), anti-HCV (-) and anti-HIV (-)."
        )
        #expect(!marked.diagnoses.map(\.name).contains { $0.contains("hiv") }, "\(marked.diagnoses.map(\.name))")
    }

    @Test func aDiseaseNamedInAListOfTumourMarkersIsAnAnalyte() throws {
        let (record, _) = try extract(
            "A 60-year-old man had a melanoma of the rectum. Serum tumour markers such as carcinoembryonic antigen, "
                + "squamous cell carcinoma, and CA 19-9 were all within the normal range."
        )
        #expect(!record.diagnoses.map(\.name).contains("squamous cell carcinoma"), "\(record.diagnoses.map(\.name))")
    }

    @Test func toxicitiesFearedInAListAreNotHad() throws {
        let (record, _) = try extract(
            "A 19-year-old man with Ewing sarcoma received vincristine and doxorubicin. He then declined further treatment because of "
                + "concerns regarding the toxicities of chemotherapy such as fatigue, alopecia, mucositis, infertility and headache."
        )
        #expect(!allEventTerms(record).contains("headache"), "\(allEventTerms(record))")
    }

    @Test func aGenericToxicityWordBeforeItsListIsNoEventOfItsOwn() throws {
        let (record, _) = try extract(
            "A 55-year-old woman with gastric cancer received four cycles of docetaxel, with tolerable toxic effects including anemia and stomatitis."
        )
        let terms = allEventTerms(record)
        #expect(terms.contains("anemia"), "\(terms)")
        #expect(!terms.contains("drug toxicity"), "\(terms)")
    }

    @Test func findingsThatShowProgressionAreNotAdverseEvents() throws {
        let (record, _) = try extract(
            "A 55-year-old woman had growing liver metastases of breast cancer.\nShe then began capecitabine with lapatinib and had "
                + "stable disease for one year.\nGeneral deterioration then occurred, with disease progression in the abdomen "
                + "(new liver nodules, bilateral pleural effusions and ascites)."
        )
        #expect(!allEventTerms(record).contains("pleural effusion"), "\(allEventTerms(record))")
        #expect(!allEventTerms(record).contains("ascites"), "\(allEventTerms(record))")
    }

    @Test func aConditionTiedToTheCancerByItsAbbreviationIsTheCancers() throws {
        let (record, _) = try extract(
            "A 62-year-old man with CLL was admitted with confusion. He was on ibrutinib. Tests led to a diagnosis of CLL-associated hypercalcemia."
        )
        #expect(!allEventTerms(record).contains("hypercalcemia"), "\(allEventTerms(record))")
        #expect(record.diagnoses.map(\.name).contains("hypercalcemia"), "\(record.diagnoses.map(\.name))")
    }

    @Test func chemotherapyNamedLaterIsTheLineWithAnAntibodyInIt() throws {
        let (record, _) = try extract(
            "A 47-year-old man had diffuse large B-cell lymphoma. He received rituximab, cyclophosphamide, doxorubicin, vincristine and "
                + "prednisone every three weeks. The courses were given as outpatient treatment. He tolerated them without delay. "
                + "Fatigue was mild. He kept working. A PET scan after the sixth course of chemotherapy was negative. "
                + "Two years later, remission of the lymphoma is ongoing."
        )
        #expect(record.therapies.first { $0.drugs.contains("rituximab") }?.response == .complete, "\(record.therapies)")
    }

    @Test func aBroadSiteNodeOrAGenericNameGivesWayToTheSpecificHistology() throws {
        let (lung, _) = try extract(
            "A 66-year-old man underwent lobectomy for NSCLC. The specimen showed adenocarcinoma. A second nodule was a squamous cell carcinoma."
        )
        #expect(!lung.diagnoses.map(\.name).contains { $0 == "nsclc" || $0 == "non-small cell lung cancer" }, "\(lung.diagnoses.map(\.name))")
        let (lymphoma, _) = try extract(
            "A 70-year-old woman had a mass of the thigh. Biopsy showed diffuse large B-cell lymphoma, so primary malignant lymphoma of soft tissue was diagnosed."
        )
        #expect(lymphoma.diagnoses.count == 1, "\(lymphoma.diagnoses.map(\.name))")
    }

    @Test func aLesionNotSeenBeforeIsProgressionOfTheLatestLine() throws {
        let (unseen, _) = try extract(
            "A 40-year-old woman had a resected hepatocellular carcinoma. She then took sorafenib for four months. "
                + "Two months later, an MRI showed previously unseen two 3 cm nodules in the left lobe."
        )
        #expect(unseen.therapies.first { $0.drugs == ["sorafenib"] }?.response == .progressive, "\(unseen.therapies)")
        let (revealed, _) = try extract(
            "A 52-year-old woman with breast cancer was maintained on letrozole. After two years she had a seizure, and an MRI revealed "
                + "a large metastasis in the parietal lobe."
        )
        #expect(revealed.therapies.first { $0.drugs == ["letrozole"] }?.response == .progressive, "\(revealed.therapies)")
    }

    @Test func imagingThatShowsImprovementIsAResponse() throws {
        let (record, _) = try extract(
            "A 61-year-old woman with lymphangitic spread of cervical cancer was given weekly docetaxel. Her cough eased, and a chest CT "
                + "showed marked interval improvement of the reticular opacities."
        )
        #expect(record.therapies.first { $0.drugs == ["docetaxel"] }?.response == .partial, "\(record.therapies)")
    }

    @Test func carboBeforeASlashIsCarboplatin() throws {
        let (record, _) = try extract(
            "A 59-year-old woman with ovarian cancer was started on Carbo/Taxol every three weeks, and CA-125 fell to normal."
        )
        #expect(Set(record.therapies.flatMap(\.drugs)) == ["carboplatin", "paclitaxel"], "\(record.therapies.map(\.drugs))")
    }

    @Test func aClottingTimeNamesNoDrug() throws {
        let (record, _) = try extract(
            "A 41-year-old man with hepatocellular carcinoma had a prothrombin time of 13.1 seconds and an albumin of 3.9 g/dL. He started sorafenib."
        )
        #expect(record.therapies.flatMap(\.drugs) == ["sorafenib"], "\(record.therapies.map(\.drugs))")
    }

    @Test func aSymptomTheTextLaysOnSuspectedMetastasesIsNoToxicity() throws {
        let (record, _) = try extract(
            "A 60-year-old man with lung adenocarcinoma took osimertinib. He then developed vomiting, and there was a strong suspicion of brain metastases."
        )
        #expect(!allEventTerms(record).contains("vomiting"), "\(allEventTerms(record))")
    }

    @Test func anEventAfterCyclesOfTreatmentIsItsToxicity() throws {
        let (record, _) = try extract(
            "A 64-year-old woman with resected pancreatic cancer was given adjuvant gemcitabine. However, after completing three cycles, "
                + "she came to the clinic with exertional dyspnea and ankle swelling."
        )
        #expect(allEventTerms(record).contains("dyspnea"), "\(allEventTerms(record))")
        let (growing, _) = try extract(
            "A 64-year-old man with lung adenocarcinoma was given pemetrexed. After two cycles his cough worsened, with further progression on CT."
        )
        #expect(!allEventTerms(growing).contains("cough"), "\(allEventTerms(growing))")
    }

    @Test func progressionATreatmentWasMeantToSlowIsNoOutcome() throws {
        let (record, _) = try extract(
            "A 58-year-old man with many basal cell carcinomas stopped azathioprine and began nicotinamide, hoping to slow the progression "
                + "of his skin cancers."
        )
        #expect(record.therapies.allSatisfy { $0.response == nil }, "\(record.therapies)")
        let (adjuvant, _) = try extract(
            "A 66-year-old woman had a resected colon cancer. Adjuvant capecitabine was advised to lower the likelihood of recurrence."
        )
        #expect(adjuvant.therapies.allSatisfy { $0.response == nil }, "\(adjuvant.therapies)")
    }

    @Test func aListHeadedByRiskFactorsNamesNoDiagnosis() throws {
        let (record, _) = try extract(
            "A 61-year-old man with colon cancer on capecitabine had chest pain. He had no risk factors for coronary artery disease (CAD). "
                + "The absence of risk factors for atherosclerosis and prior history of CAD pointed to vasospasm."
        )
        #expect(!record.diagnoses.map(\.name).contains { $0.contains("coronary") || $0 == "cad" }, "\(record.diagnoses.map(\.name))")
    }

    @Test func anAmbiguousAbbreviationThatADiagnosisNamesIsTheDisease() throws {
        let (record, _) = try extract(
            "A 71-year-old woman had a raised haematocrit and a JAK2 mutation. A diagnosis of PV was made, and she began hydroxyurea."
        )
        #expect(record.diagnoses.map(\.name).contains("polycythemia vera"), "\(record.diagnoses.map(\.name))")
        let (stained, _) = try extract(
            "A 66-year-old man had a mass of the ampulla. Its cells stained for chromogranin and synaptophysin, consistent with NEC, "
                + "and he began cisplatin and etoposide."
        )
        #expect(stained.diagnoses.map(\.oncotree).contains("NECNOS"), "\(stained.diagnoses.map(\.name))")
    }

    @Test func pancytopeniaIsNamedAsSuch() throws {
        let (record, _) = try extract(
            "A 63-year-old man with urothelial cancer received gemcitabine and cisplatin and developed grade 4 pancytopenia, so cisplatin was withheld."
        )
        #expect(allEventTerms(record).contains("pancytopenia"), "\(allEventTerms(record))")
    }

    @Test func anEventThatKeptTheDoseDownIsAToxicity() throws {
        let (record, _) = try extract(
            "A 57-year-old woman with lung adenocarcinoma was given pulsed gefitinib at 750 mg twice weekly; persistent diarrhea precluded higher doses."
        )
        #expect(allEventTerms(record).contains("diarrhea"), "\(allEventTerms(record))")
    }

    @Test func aSevereEventAfterALineIsItsToxicity() throws {
        let (record, _) = try extract(
            "A 38-year-old man with Burkitt lymphoma was then given a course of high-dose methotrexate and cytarabine.\n"
                + "He had severe thrombocytopenia and sepsis."
        )
        #expect(allEventTerms(record).contains("platelet count decreased"), "\(allEventTerms(record))")
    }

    @Test func aTreatmentThePatientsStateRuledOutWasNotGiven() throws {
        let (record, _) = try extract(
            "An 88-year-old woman had follicular lymphoma. Given her frailty, it was difficult to administer chemotherapy with obinutuzumab, "
                + "so oral chlorambucil was given."
        )
        #expect(record.therapies.flatMap(\.drugs) == ["chlorambucil"], "\(record.therapies.map(\.drugs))")
    }

    @Test func pegylatedGCSFIsPegfilgrastim() throws {
        let (record, _) = try extract(
            "A 70-year-old man with small cell lung cancer received carboplatin and etoposide, with pegylated granulocyte colony-stimulating factor support."
        )
        #expect(record.therapies.flatMap(\.drugs).contains("pegfilgrastim"), "\(record.therapies.map(\.drugs))")
        #expect(!record.therapies.flatMap(\.drugs).contains("filgrastim"), "\(record.therapies.map(\.drugs))")
    }

    @Test func aDrugKnownOnlyByItsBracketedAbbreviationStaysInItsList() throws {
        let (record, _) = try extract(
            "A 45-year-old woman with hepatoblastoma was given cisplatin (80 mg/m2), fluoruracill (5-FU) (500 mg/m2), vincristine (1 mg/m2) "
                + "every three weeks. After three cycles, CT showed progression of the peritoneal masses."
        )
        let line = try #require(record.therapies.first { $0.drugs.contains("cisplatin") })
        #expect(Set(line.drugs) == ["cisplatin", "fluorouracil", "vincristine"], "\(record.therapies.map(\.drugs))")
    }
}
