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
