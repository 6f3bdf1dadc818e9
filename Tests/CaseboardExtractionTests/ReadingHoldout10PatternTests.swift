import CaseboardCore
import Testing

/// Patterns found on the tenth hold-out (PubMed abstracts from the late 1970s: older disease and
/// drug names, patients named only as "the case"), each shown by an invented sentence.
struct ReadingHoldout10PatternTests {
    private func response(of drug: String, in record: CaseRecord) -> ResponseKind? {
        record.therapies.first { $0.drugs.contains(drug) }?.response
    }

    @Test func theCasePresentedIsThePatientAndASimulatedCancerIsNoDiagnosis() throws {
        let (record, _) = try extract(
            "Sclerosing mesenteritis simulating an ovarian tumor.\n\n"
                + "In the case presented, the mass lay in the lower abdomen and simulated a metastatic carcinoma of the ovary. "
                + "Treatment with azathioprine and prednisone gave a lasting remission.\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(drugs.contains("azathioprine"), "\(record.therapies)")
        #expect(response(of: "prednisone", in: record) != nil, "\(record.therapies)")
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("ovar") }, "\(names)")
    }
}

extension ReadingHoldout10PatternTests {
    @Test func olderDiseaseNamesAreTheirOncoTreeNodes() throws {
        let (record, _) = try extract(
            "A 70-year-old man had macroglobulinaemia of Waldenström.\n"
                + "He later developed an acute erythroleukaemia and, in a lymph node, angioimmunoblastic lymphadenopathy.\n"
        )
        let codes = record.diagnoses.map(\.code)
        #expect(codes.contains("WM"), "\(record.diagnoses.map(\.name))")
        #expect(codes.contains("PERL"), "\(record.diagnoses.map(\.name))")
        #expect(codes.contains("AITL"), "\(record.diagnoses.map(\.name))")
        let (child, _) = try extract("A 4-year-old boy had acute lymphatic leukaemia with meningeal spread.\n")
        #expect(child.diagnoses.map(\.code).contains("BLL"), "\(child.diagnoses.map(\.name))")
    }

    @Test func nitrosoureaAndEthyleneimineNamesOfTheSeventiesAreTheirDrugs() throws {
        let (record, _) = try extract(
            "A 51-year-old woman with an astrocytoma received methyl-CCNU for six cycles.\n"
                + "After relapse she was given thio-TEPA into the cerebrospinal fluid.\n"
        )
        let drugs = record.therapies.flatMap(\.drugs)
        #expect(drugs.contains("semustine"), "\(drugs)")
        #expect(!drugs.contains("lomustine"), "\(drugs)")
        #expect(drugs.contains("thiotepa"), "\(drugs)")
    }
}

extension ReadingHoldout10PatternTests {
    @Test func aSuccessListedAfterSurgeryStillCreditsTheDrugs() throws {
        let (record, _) = try extract(
            "A woman of 58 with an endometrial carcinoma was successfully treated by hysterectomy, medroxyprogesterone and carboplatin.\n"
        )
        #expect(response(of: "carboplatin", in: record) != nil, "\(record.therapies)")
    }

    @Test func successfulManagementAndAnUnsuccessfulCourseAreOutcomes() throws {
        let (managed, _) = try extract(
            "A 63-year-old man had hyponatremia from a pituitary adenoma.\n"
                + "This report describes successful management of the hyponatremia by tolvaptan.\n"
        )
        #expect(response(of: "tolvaptan", in: managed) != nil, "\(managed.therapies)")
        let (failed, _) = try extract(
            "A 66-year-old woman had multiple myeloma.\n"
                + "Treatment with bortezomib and dexamethasone was not successful, and she died of the disease.\n"
        )
        #expect(response(of: "bortezomib", in: failed) == .progressive, "\(failed.therapies)")
    }
}

extension ReadingHoldout10PatternTests {
    @Test func olderSpellingsOfNonCancerConditionsAreConditions() throws {
        let (record, _) = try extract(
            "A 47-year-old man had long-standing hydradenitis suppurativa of the groin.\n"
                + "He was later found to have a syndrome of inappropriate ADH secretion from a small cell lung carcinoma.\n"
        )
        let names = record.diagnoses.map { $0.canonicalName.lowercased() }
        #expect(names.contains("hidradenitis suppurativa"), "\(names)")
        #expect(names.contains("syndrome of inappropriate antidiuretic hormone secretion"), "\(names)")
    }
}
