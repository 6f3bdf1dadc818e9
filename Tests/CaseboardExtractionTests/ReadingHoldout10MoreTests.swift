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
