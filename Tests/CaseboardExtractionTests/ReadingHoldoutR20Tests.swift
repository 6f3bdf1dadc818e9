import CaseboardCore
import Testing

/// Patterns the r20 blind reading set (session 29: dense abstracts and short reports with treatment tables) showed
/// misread. The sentences are our own.
struct ReadingHoldoutR20Tests {
    /// A dose in milligrams ends its sentence: "dasatinib 100 mg. Bosutinib was considered …" is two sentences. "mg"
    /// had been an abbreviation, so the next sentence's refusal reached the drug given.
    @Test func aDoseInMilligramsEndsItsSentence() throws {
        let (record, _) = try extract(
            "A 39-year-old man with chronic myeloid leukaemia in chronic phase was started on dasatinib 100 mg. Bosutinib was "
                + "considered as an alternative but was not given.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["dasatinib"], "\(drugs)")
    }
}
