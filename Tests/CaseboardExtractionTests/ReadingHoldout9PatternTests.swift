import CaseboardCore
import Testing

/// Patterns found on the ninth hold-out (mostly reports outside oncology: drug reactions, drug
/// responses in non-cancer disease, tumours treated by surgery only), each shown by an invented sentence.
struct ReadingHoldout9PatternTests {
    private func response(of drug: String, in record: CaseRecord) -> ResponseKind? {
        record.therapies.first { $0.drugs.contains(drug) }?.response
    }

    @Test func aDrugForAConditionThatIsNoCancerTakesItsOutcome() throws {
        let (record, _) = try extract(
            "A 52-year-old man had recurrent pericarditis.\n"
                + "He was given colchicine with prompt symptom resolution.\n"
        )
        #expect(response(of: "colchicine", in: record) == .complete, "\(record.therapies)")
    }

    @Test func aSymptomThatDidNotImproveOutsideOncologyIsFailure() throws {
        let (record, _) = try extract(
            "A 29-year-old woman with myasthenia gravis was started on pyridostigmine.\n"
                + "Her fatigue did not improve over the next month.\n"
        )
        #expect(response(of: "pyridostigmine", in: record) == .progressive, "\(record.therapies)")
    }

    @Test func anExceptionalResponseInATitleIsAResponse() throws {
        let (record, _) = try extract(
            "Exceptional Response of a ROS1-Rearranged Lung Adenocarcinoma to Crizotinib: A Case Report.\n\n"
                + "We describe a 61-year-old woman treated with crizotinib.\n"
        )
        let kind = response(of: "crizotinib", in: record)
        #expect(kind == .partial || kind == .complete, "\(record.therapies)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func aChemicalPrefixWrittenApartStillNamesTheDrug() throws {
        let (record, _) = try extract(
            "A 40-year-old man with ulcerative colitis was given intravenous methyl-prednisolone and later hydroxy chloroquine.\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(drugs.contains("methylprednisolone"), "\(drugs)")
        #expect(!drugs.contains("prednisolone"), "\(drugs)")
        #expect(drugs.contains("hydroxychloroquine"), "\(drugs)")
    }

    @Test func aNegationCoversTheLastItemOfAnOrList() throws {
        let (record, _) = try extract(
            "A 48-year-old woman presented with fever.\n"
                + "There was no serological sign of hepatitis B, hepatitis C, or human immunodeficiency virus infection.\n"
                + "She did not have diabetes, renal disease, or tuberculosis.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("immunodeficiency") || $0.contains("hiv") }, "\(names)")
        #expect(!names.contains { $0.contains("tuberculosis") }, "\(names)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func aDiseaseAbbreviationTheTextDefinesForOtherWordsNamesNoDisease() throws {
        let (record, _) = try extract(
            "Anti-GBM Nephritis in an Older Man.\n\n"
                + "A 71-year-old man had antibodies against the glomerular basement membrane (GBM) and acute kidney injury.\n"
                + "Anti-GBM titres fell after plasma exchange.\n"
        )
        let codes = record.diagnoses.compactMap(\.oncotree)
        #expect(!codes.contains("GB"), "\(record.diagnoses.map(\.name))")
    }

    @Test func aDiseaseAbbreviationDefinedByItsOwnWordsStaysTheDisease() throws {
        let (record, _) = try extract(
            "A 39-year-old man with Kaposi sarcoma tested positive for human immunodeficiency virus (HIV) and started antiretroviral therapy.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains { $0.contains("hiv") }, "\(names)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func nonCancerDiseasesOfDrugReportsAreDiagnoses() throws {
        let (record, _) = try extract(
            "A 27-year-old man with hidradenitis suppurativa was admitted in thyroid storm.\n"
                + "His younger sister has West syndrome.\n"
                + "He was treated with propylthiouracil.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("hidradenitis suppurativa"), "\(names)")
        #expect(names.contains("thyroid storm"), "\(names)")
    }

    @Test func aDiagnosisGivenUpForAnotherIsNoDiagnosis() throws {
        let (record, _) = try extract(
            "A 60-year-old woman had been treated for sarcoidosis.\n"
                + "A lung biopsy finally showed tuberculosis instead of sarcoidosis.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("sarcoidosis"), "\(names)")
        #expect(names.contains("tuberculosis"), "\(names)")
    }

    @Test func aDiseaseATestWasDoneToExcludeIsNoDiagnosis() throws {
        let (record, _) = try extract(
            "A 58-year-old man with myocarditis underwent coronary angiography to exclude coronary artery disease.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("coronary artery disease"), "\(names)")
    }

    @Test func anInfectionInAReportWithoutCancerIsItsDiagnosis() throws {
        let (record, _) = try extract(
            "A 35-year-old woman with systemic lupus erythematosus received cyclophosphamide and prednisone.\n"
                + "Three months later she was diagnosed with invasive aspergillosis and given voriconazole.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("invasive aspergillosis"), "\(names)")
    }

    @Test func anInfectionWordInsideASyndromesNameIsNoInfection() throws {
        let (record, _) = try extract(
            "A 9-year-old girl with acute lymphoblastic leukemia was given vincristine.\n"
                + "Two months later she was also found to have autoimmune polyendocrinopathy-candidiasis-ectodermal dystrophy.\n"
        )
        let events = record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
        #expect(!events.contains { $0.contains("polyendocrinopathy") }, "\(events)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func theSubsequentStudyOfThePatientIsNoBackground() throws {
        let (record, _) = try extract(
            "A 70-year-old woman presented with haemoptysis and rising creatinine.\n"
                + "The subsequent study established the diagnosis of granulomatosis with polyangiitis.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("granulomatosis with polyangiitis"), "\(names)")
    }

    @Test func gvhdAfterATransplantForMarrowFailureIsADiagnosis() throws {
        let (record, _) = try extract(
            "A 19-year-old man with severe aplastic anemia underwent a sibling stem cell transplant with tacrolimus as prophylaxis of GVHD.\n"
                + "On day 30 he developed acute GVHD of the gut, which resolved with methylprednisolone.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(names.contains("acute gvhd"), "\(names)")
        #expect(!names.contains { $0 == "gvhd" || $0 == "graft-versus-host disease" }, "\(names)")
    }

    @Test func gvhdInACancerReportStaysTheTransplantsCourse() throws {
        let (record, _) = try extract(
            "A 44-year-old man with acute myeloid leukemia underwent allogeneic transplantation.\n"
                + "He developed chronic GVHD of the skin.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("gvhd") }, "\(names)")
    }
}

extension ReadingHoldout9PatternTests {
    private func eventTerms(_ record: CaseRecord) -> [String] {
        record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
    }

    @Test func aDrugStoppedBecauseOfAnEventIsBlamedForIt() throws {
        let (record, _) = try extract(
            "A 58-year-old man with gout was started on allopurinol.\n"
                + "Six weeks later allopurinol was withdrawn because of agranulocytosis.\n"
        )
        let terms = eventTerms(record)
        #expect(terms.contains("neutrophil count decreased"), "\(terms)")
    }

    @Test func theConditionATherapyIsNamedForIsNoEventOfIt() throws {
        let (record, _) = try extract(
            "A 63-year-old man with chronic myeloid leukemia received dasatinib.\n"
                + "After a year he was switched to nilotinib and given sildenafil as targeted PAH therapy.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("pulmonary hypertension"), "\(terms)")
    }

    @Test func liverFunctionInjuryIsHepatotoxicity() throws {
        let (record, _) = try extract(
            "A 47-year-old woman with breast cancer received docetaxel.\n"
                + "After the second cycle she had grade 3 liver function injury and docetaxel was stopped.\n"
        )
        let terms = eventTerms(record)
        #expect(terms.contains("hepatotoxicity"), "\(terms)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func anOutcomeRightAfterASupportiveDrugsCourseIsThatDrugs() throws {
        let (record, _) = try extract(
            "A 66-year-old woman with a thymoma developed paraneoplastic myasthenia gravis.\n"
                + "She was given a pyridostigmine course with symptom resolution.\n"
        )
        #expect(response(of: "pyridostigmine", in: record) == .complete, "\(record.therapies)")
    }

    @Test func theDrugStoppedBesideATreatmentThatWorkedTakesNoResponse() throws {
        let (record, _) = try extract(
            "A 33-year-old man with psoriasis developed severe thrombocytopenia while on infliximab.\n"
                + "He responded to treatment with corticosteroids, platelet transfusion and immunoglobulin, together with discontinuation of infliximab.\n"
        )
        #expect(response(of: "infliximab", in: record) == nil, "\(record.therapies)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func aDoseInSquareBracketsIsNoCitation() throws {
        let (record, _) = try extract(
            "A 41-year-old woman with invasive candidiasis was given fluconazole.\n"
                + "The treatment was then changed to anidulafungin [200 mg on day 1, then 100 mg daily].\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(drugs.contains("anidulafungin"), "\(drugs)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func agentsOfADynamicTestOrABloodSampleAreNoDrugsGiven() throws {
        let (record, _) = try extract(
            "A 36-year-old woman with type 1 diabetes mellitus was treated with insulin glargine.\n"
                + "A glucagon stimulation test was done, with blood samples for glucose and C-peptide at baseline.\n"
                + "Her corticotropin (ACTH) level was normal.\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(!drugs.contains("glucagon"), "\(drugs)")
        #expect(!drugs.contains("c-peptide"), "\(drugs)")
        #expect(!drugs.contains { $0.contains("corticotropin") }, "\(drugs)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func whatATreatmentWorksAgainstAndASymptomGoingOnAreNoEvents() throws {
        let (record, _) = try extract(
            "A 52-year-old man with acute myeloid leukemia received azacitidine.\n"
                + "On azacitidine, his persistent cough did not improve, and he developed dyspnea while anti-infection and antifungal treatments were given.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("cough"), "\(terms)")
        #expect(!terms.contains("infection"), "\(terms)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func symptomsThatWentAfterADrugOutsideOncologyAreItsOutcome() throws {
        let (record, _) = try extract(
            "A 70-year-old man with alcohol use had confusion and ataxia.\n"
                + "Five days after intravenous thiamine, his confusion and ataxia disappeared.\n"
        )
        #expect(response(of: "thiamine", in: record) == .complete, "\(record.therapies)")
    }

    @Test func symptomsThatImprovedAfterStoppingADrugAreNoOutcomeOfIt() throws {
        let (record, _) = try extract(
            "A 64-year-old woman with gout developed neutropenia on allopurinol.\n"
                + "After stopping allopurinol, her neutropenia improved.\n"
        )
        #expect(response(of: "allopurinol", in: record) == nil, "\(record.therapies)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func anAbbreviationSharesTheNegationOfItsLongForm() throws {
        let (record, _) = try extract(
            "A 59-year-old man with psoriasis developed agranulocytosis on methotrexate.\n"
                + "His counts recovered within two weeks without any granulocyte colony-stimulating factor (G-CSF) support.\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(!drugs.contains("filgrastim"), "\(drugs)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func aRelativesCancerDoesNotMakeACancerReport() throws {
        let (record, _) = try extract(
            "A 45-year-old man had chronic urticaria. His father had colon cancer.\n"
                + "He was started on montelukast.\n"
                + "His itching did not improve over two months.\n"
        )
        #expect(response(of: "montelukast", in: record) == .progressive, "\(record.therapies)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func eventsAYearAfterTheLastDrugWithNoneNamedAreTheIllnesssCourse() throws {
        let (record, _) = try extract(
            "A 50-year-old man with hepatocellular carcinoma received sorafenib and stopped it after three months because of diarrhea.\n"
                + "One year later, he developed ascites and variceal bleeding.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("ascites"), "\(terms)")
        #expect(terms.contains("diarrhea"), "\(terms)")
    }

    @Test func aSymptomThatStayedStableIsNoEvent() throws {
        let (record, _) = try extract(
            "A 67-year-old woman with lung adenocarcinoma was treated with osimertinib.\n"
                + "On osimertinib her dyspnea was relatively stable, but she developed a rash.\n"
        )
        let terms = eventTerms(record)
        #expect(!terms.contains("dyspnea"), "\(terms)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func renalDysfunctionThatChangesTheRegimenIsKidneyInjury() throws {
        let (record, _) = try extract(
            "A 62-year-old man with multiple myeloma received bortezomib and zoledronic acid.\n"
                + "Because of worsening renal dysfunction after the second infusion, zoledronic acid was stopped.\n"
        )
        let terms = eventTerms(record)
        #expect(terms.contains("acute kidney injury"), "\(terms)")
    }
}

extension ReadingHoldout9PatternTests {
    @Test func aFindingConcerningForADiseaseIsOnlyACandidate() throws {
        let (record, _) = try extract(
            "A 58-year-old woman had a renal mass with features concerning for either a renal cell carcinoma or an oncocytoma.\n"
                + "Nephrectomy showed a metanephric adenoma.\n"
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains("renal cell carcinoma"), "\(names)")
    }
}
