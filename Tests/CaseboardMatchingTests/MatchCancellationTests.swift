import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// A match whose task is cancelled (a server request past its deadline) stops its long walks:
/// similar cases are skipped, so no core stays busy after the answer is gone. No timing is tested.
struct MatchCancellationTests {
    static func index() throws -> (Vocabularies, KnowledgeIndex) {
        let vocabularies = try Fixture.vocabularies.get()
        return (vocabularies, Fixture.sarcomaIndex(count: 3, firstPMID: 71_000_000, vocabularies: vocabularies).index)
    }

    static let profile = PatientProfile(disease: "sarcoma", alterations: ["NTRK1 fusion"])

    @Test func aMatchNotCancelledFindsItsSimilarCases() async throws {
        let (vocabularies, index) = try Self.index()
        let result = await Task { Matcher(vocabularies: vocabularies, index: index).match(Self.profile) }.value
        #expect(!result.similarCases.isEmpty)
    }

    @Test func aCancelledMatchSkipsTheSimilarCaseWalk() async throws {
        let (vocabularies, index) = try Self.index()
        let result = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return Matcher(vocabularies: vocabularies, index: index).match(Self.profile)
        }.value
        #expect(result.similarCases.isEmpty)
    }
}
