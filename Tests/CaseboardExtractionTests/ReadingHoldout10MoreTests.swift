import CaseboardCore
import Testing

/// More patterns of the tenth hold-out (short case-report abstracts of the late 1970s), each
/// shown by an invented sentence.
struct ReadingHoldout10MoreTests {
    private func events(_ record: CaseRecord) -> [String] {
        record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
    }

    @Test func myelosuppressionIsItsOwnTermNotACytopenia() throws {
        let (record, _) = try extract(
            "A 58-year-old man with a glioma was treated with lomustine.\n"
                + "The second dose of lomustine caused profound myelosuppression, and treatment was stopped.\n"
        )
        #expect(events(record).contains("myelosuppression"), "\(events(record))")
        #expect(!events(record).contains("cytopenia"), "\(events(record))")
        let (counts, _) = try extract(
            "A 61-year-old woman with breast cancer received paclitaxel.\n"
                + "She developed persistent cytopenias after the third cycle of paclitaxel.\n"
        )
        #expect(events(counts).contains("cytopenia"), "\(events(counts))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func bloodCountsToldAsFallingAreLowCountEvents() throws {
        let (record, _) = try extract(
            "A 40-year-old woman with Hodgkin disease received vinblastine and procarbazine.\n"
                + "During the second course of vinblastine her white cell and platelet counts were sharply depressed.\n"
        )
        #expect(events(record).contains("white blood cell decreased"), "\(events(record))")
        #expect(events(record).contains("platelet count decreased"), "\(events(record))")
        let (single, _) = try extract(
            "A 66-year-old man with myeloma was given melphalan.\n"
                + "Two weeks after melphalan was started, the granulocyte count fell to 400 per cubic millimetre.\n"
        )
        #expect(events(single).contains("neutrophil count decreased"), "\(events(single))")
        let (steady, _) = try extract(
            "A 66-year-old man with myeloma was given melphalan.\n"
                + "His platelet counts were stable throughout the melphalan courses.\n"
        )
        #expect(!events(steady).contains("platelet count decreased"), "\(events(steady))")
        // A count lowered on purpose (cytoreduction) is the drug's aim, not its toxicity.
        let (aimed, _) = try extract(
            "A 70-year-old man had essential thrombocythemia.\n"
                + "His platelet count was reduced by hydroxyurea over three months.\n"
        )
        #expect(!events(aimed).contains("platelet count decreased"), "\(events(aimed))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func patientsTheAbstractSaysAreDescribedAreTheReportedCases() throws {
        let (record, _) = try extract(
            "Renal failure after ifosfamide.\n\n"
                + "Two patients with osteosarcoma, in whom high dose ifosfamide was given after surgery, are described.\n"
        )
        #expect(record.therapies.flatMap(\.drugs).contains("ifosfamide"), "\(record.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func eventsADrugResultedInAreItsToxicities() throws {
        let (record, _) = try extract(
            "A 12-year-old boy with Burkitt lymphoma was treated.\n"
                + "The first course of cyclophosphamide resulted in hyper-uricaemia and acute renal impairment.\n"
        )
        #expect(events(record).contains("hyperuricemia"), "\(events(record))")
        #expect(events(record).contains("acute kidney injury"), "\(events(record))")
        // A finding named before the phrase belongs to the disease the drug then put in remission.
        let (remission, _) = try extract(
            "A 45-year-old man had a myeloid neoplasm with eosinophilia, treated with imatinib, resulting in complete remission.\n"
        )
        #expect(!events(remission).contains("eosinophilia"), "\(events(remission))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func successfullyTreatedByAnOperationAndADrugCreditsTheDrug() throws {
        let (record, _) = try extract(
            "A man was successfully treated by surgery and cisplatin for a carcinoma of the larynx.\n"
        )
        #expect(record.therapies.first { $0.drugs.contains("cisplatin") }?.response != nil, "\(record.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func aTemporaryImprovementBeforeDeathIsProgression() throws {
        let (record, _) = try extract(
            "A 3-year-old boy had a rhabdomyosarcoma of the orbit, which was excised, and he then received vincristine and ifosfamide.\n"
                + "Following a transient improvement, he worsened over two weeks and died of widespread disease.\n"
        )
        #expect(record.therapies.first { $0.drugs.contains("ifosfamide") }?.response == .progressive, "\(record.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func palliationObtainedIsABenefit() throws {
        let (record, _) = try extract(
            "A 72-year-old man had a carcinoma of the bladder with painful pelvic spread.\n"
                + "Palliation was obtained for four months following mitomycin and fluorouracil.\n"
        )
        #expect(record.therapies.first { $0.drugs.contains("mitomycin") }?.response == .stable, "\(record.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func aSentenceOpeningWithTwoPatientsWhoDevelopedSomethingIsASeries() throws {
        let (record, _) = try extract(
            "Bladder cancer after cyclophosphamide for ovarian carcinoma.\n\n"
                + "Two patients with ovarian carcinoma developed a bladder carcinoma after years of cyclophosphamide.\n"
        )
        // A series has no single sex, even when every patient's cancer is of a woman's organ.
        #expect(record.patient.sex == nil, "\(String(describing: record.patient.sex))")
        let (single, _) = try extract(
            "A woman with ovarian carcinoma was treated with cyclophosphamide.\n"
                + "Of 40 patients given the drug at the centre, she alone developed a bladder carcinoma.\n"
        )
        #expect(single.patient.sex == .female, "\(String(describing: single.patient.sex))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func anAgeInMonthsIsCountedInWholeYears() throws {
        let (toddler, _) = try extract("A 31-month-old boy had a Wilms tumour and received vincristine.\n")
        #expect(toddler.patient.age == 2, "\(String(describing: toddler.patient.age))")
        let (infant, _) = try extract("A 5-month-old girl had a neuroblastoma and received carboplatin.\n")
        #expect(infant.patient.age == 0, "\(String(describing: infant.patient.age))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func aLesionOnASexSpecificPartTellsTheSexWhenNothingElseDoes() throws {
        let (male, _) = try extract(
            "Warts after azathioprine.\n\nA 45-year-old patient on azathioprine for a renal graft developed warty lesions on the scrotum.\n"
        )
        #expect(male.patient.sex == .male, "\(String(describing: male.patient.sex))")
        let (female, _) = try extract(
            "A 52-year-old patient with sarcoidosis was given methotrexate and later found to have a polyp of the cervix.\n"
        )
        #expect(female.patient.sex == .female, "\(String(describing: female.patient.sex))")
        // A pronoun outranks the part: the first sentence says who the patient is.
        let (stated, _) = try extract("A 60-year-old patient received cisplatin; his wife's pregnancy had ended years before.\n")
        #expect(stated.patient.sex == .male, "\(String(describing: stated.patient.sex))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func myxosarcomaIsASarcoma() throws {
        let (record, _) = try extract("A 4-year-old girl had a myxosarcoma of the left atrium and received doxorubicin.\n")
        #expect(record.diagnoses.map(\.code).contains("SARCNOS"), "\(record.diagnoses.map(\.name))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func anEventTheDrugsNameOpensIsThatDrugs() throws {
        let (record, _) = try extract(
            "Oxycodone in cancer pain.\n\nAn elderly patient with cancer pain took oxycodone every two hours.\n"
                + "This led to an oxycodone overdose on the third day.\n"
        )
        #expect(events(record).contains("overdose"), "\(events(record))")
        #expect(record.therapies.first { $0.drugs.contains("oxycodone") }?.adverseEvents.isEmpty == false, "\(record.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func olderNamesOfTumourLysisAndTetanyAreEvents() throws {
        let (record, _) = try extract(
            "A 9-year-old boy with a bulky lymphoma was given cyclophosphamide.\n"
                + "The first dose of cyclophosphamide resulted in a phosphate shower syndrome with tetany.\n"
        )
        #expect(events(record).contains("tumor lysis syndrome"), "\(events(record))")
        #expect(events(record).contains("tetany"), "\(events(record))")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func insulinIsADrugAndManagingAToxicityWithItIsNoResponse() throws {
        let (ketoacidosis, _) = try extract(
            "A 35-year-old woman presented with diabetic ketoacidosis.\n"
                + "She was given an intravenous insulin infusion and fluids.\n"
        )
        #expect(ketoacidosis.therapies.flatMap(\.drugs).contains("insulin"), "\(ketoacidosis.therapies)")
        let (toxicity, _) = try extract(
            "A 61-year-old woman with metastatic breast cancer started everolimus and exemestane.\n"
                + "Two months later her hyperglycemia was successfully managed with insulin.\n"
        )
        let insulin = toxicity.therapies.first { $0.drugs.contains("insulin") }
        #expect(insulin != nil, "\(toxicity.therapies)")
        #expect(insulin?.response == nil, "\(toxicity.therapies)")
    }
}

extension ReadingHoldout10MoreTests {
    @Test func aLeukaemiaThatAroseInAPatientTreatedWithADrugIsItsToxicity() throws {
        let (record, _) = try extract(
            "Acute myeloid leukaemia arose in a man with advanced (stage III) multiple myeloma who had been treated with melphalan for four years.\n"
        )
        let melphalan = record.therapies.first { $0.drugs.contains("melphalan") }
        #expect(melphalan?.adverseEvents.map(\.term).contains("acute myeloid leukemia") == true, "\(record.therapies)")
    }
}
