import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import Testing

/// A cancelled task (a server request past its deadline) stops extracting: the sentence loops
/// check for cancellation, and the throwing entry point gives no record. No timing is tested.
struct CancellationTests {
    /// Invented prose, many sentences long.
    static let longReport = String(
        repeating: "A 47-year-old woman with melanoma and a BRAF V600E mutation received dabrafenib and trametinib. "
            + "She had a partial response. Grade 2 pyrexia followed. ",
        count: 3_000
    )

    @Test func anExtractionCancelledWhileItRunsEndsWithCancellationAndNoRecord() async throws {
        let extractor = try Shared.extractor.get()
        let document = try PlainTextReader().read(Array(Self.longReport.utf8), source: "long.txt")
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task.detached { () throws(CancellationError) -> CaseRecord in
            signal.finish()
            return try extractor.extractUnlessCancelled(document)
        }
        for await _ in started {}
        task.cancel()
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test func anExtractionCancelledBeforeItStartsGivesNoRecord() async throws {
        let extractor = try Shared.extractor.get()
        let document = try PlainTextReader().read(Array(Self.longReport.utf8), source: "long.txt")
        let outcome = await Task { () throws(CancellationError) -> CaseRecord in
            withUnsafeCurrentTask { $0?.cancel() }
            return try extractor.extractUnlessCancelled(document)
        }.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test func anExtractionNotCancelledGivesItsRecord() async throws {
        let extractor = try Shared.extractor.get()
        let text = "A 47-year-old woman with melanoma and a BRAF V600E mutation received dabrafenib and trametinib. She had a partial response."
        let document = try PlainTextReader().read(Array(text.utf8), source: "short.txt")
        let record = try await Task { try extractor.extractUnlessCancelled(document) }.value
        #expect(record.therapies.contains { $0.drugs.contains("dabrafenib") })
        #expect(!record.warnings.contains(CaseExtractor.cancelledWarning))
    }
}
