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
        var index = KnowledgeIndex(evidence: [], cases: [], classRules: [], snapshot: "0-a")
        for number in 0..<3 {
            var record = Fixture.sarcomaCase()
            record.metadata.pmid = String(71_000_000 + number)
            let id = CaseIdentity.id(for: record)
            index = index.adding(
                CaseSummary(id: id, record: record),
                evidence: CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies),
                snapshot: "\(number + 1)-a"
            )
        }
        return (vocabularies, index)
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
