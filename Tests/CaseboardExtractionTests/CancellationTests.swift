import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import Dispatch
import Foundation
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
        let started = DispatchSemaphore(value: 0)
        let task = Task.detached { () throws(CancellationError) -> CaseRecord in
            started.signal()
            return try extractor.extractUnlessCancelled(document)
        }
        // Cancelled from a thread of its own: on a busy 2-core pool this test's continuation could
        // be scheduled only after the extraction had ended (a clean-clone CI run saw that).
        Thread {
            started.wait()
            task.cancel()
        }.start()
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
