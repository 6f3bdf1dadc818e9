import CaseboardCore
import CaseboardExtraction
import CaseboardIngest
import CaseboardKnowledge
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Testing

/// The ingest pipeline on invented PubMed files and an in-memory SQLite store.
struct IngesterTests {
    static let extractor: CaseExtractor? = try? CaseExtractor(vocabularies: Vocabularies.loadBundled())

    func ingester(_ store: SQLiteKnowledgeStore, _ options: IngestOptions = IngestOptions(batchSize: 3)) throws -> Ingester {
        Ingester(store: store, jobs: store, extractor: try #require(Self.extractor), options: options)
    }

    func caseIDs(_ store: SQLiteKnowledgeStore) async throws -> [String] {
        try await store.caseSummaries().map(\.id).sorted()
    }

    func write(_ xml: String, to directory: URL, as name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(xml.utf8).write(to: url)
        return url
    }

    @Test func storesTheCaseReportsOfEveryFileAndMarksThemDone() async throws {
        let folder = try PubMedFixtures.folder(files: 2, perFile: 10)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        let summary = try await ingester(store).run(paths: [folder.path])
        // PMIDs 9100000...9100019; every third is not a case report.
        let expected = (9_100_000..<9_100_020).filter { $0 % 3 != 0 }.map { "pmid:\($0)" }.sorted()
        #expect(try await caseIDs(store) == expected)
        #expect(summary.finishedHere == 2)
        #expect(summary.counts.recordsSeen == 20)
        #expect(summary.counts.caseReports == expected.count)
        #expect(summary.counts.stored == expected.count)
        let jobs = try await store.ingestJobs()
        #expect(jobs.map(\.state) == [.done, .done])
        #expect(jobs.map(\.checkpoint) == [10, 10])
        // Each case keeps the evidence derived from it.
        let evidence = try await store.evidence(matching: EvidenceFilter(source: .caseReport, limit: 1000))
        #expect(Set(evidence.items.compactMap(\.caseID)).isSubset(of: Set(expected)))
        #expect(!evidence.items.isEmpty)
    }

    @Test func allTakesEveryRecord() async throws {
        let folder = try PubMedFixtures.folder(files: 1, perFile: 9)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await ingester(store, IngestOptions(selection: .all, batchSize: 4)).run(paths: [folder.path])
        #expect(try await caseIDs(store).count == 9)
    }

    @Test func aDeleteCitationRemovesThoseCases() async throws {
        let folder = try PubMedFixtures.folder(files: 1, perFile: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await ingester(store).run(paths: [folder.path])
        #expect(try await caseIDs(store).contains("pmid:9100001"))
        // An update file: one new case report, then the deletion of two stored cases and one unknown PMID.
        let update = try write(
            PubMedFixtures.file([.init(pmid: "9200001", caseReport: true)], deletions: ["9100001", "9100004", "1"]),
            to: folder,
            as: "update0001.xml"
        )
        let summary = try await ingester(store).run(paths: [update.path])
        #expect(summary.counts.deleted == 2)
        #expect(summary.counts.stored == 1)
        let ids = try await caseIDs(store)
        #expect(ids.contains("pmid:9200001"))
        #expect(!ids.contains("pmid:9100001"))
        #expect(!ids.contains("pmid:9100004"))
        let evidence = try await store.evidence(matching: EvidenceFilter(source: .caseReport, limit: 1000))
        #expect(!evidence.items.contains { $0.caseID == "pmid:9100001" })
    }

    /// An ingest of only `file` by a worker of its own, as a second process would run it.
    func ingest(_ file: URL, into store: SQLiteKnowledgeStore, worker: String) async throws -> IngestSummary {
        let options = IngestOptions(batchSize: 3, worker: IngestWorker(host: "node-\(worker)", pid: 7, nonce: worker))
        return try await ingester(store, options).run(paths: [file.path])
    }

    @Test func aLaterUpdateFileWinsWhenWorkersApplyFilesOutOfOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        let first = try write(
            PubMedFixtures.file([.init(pmid: "9300001", caseReport: true, revision: " (first)"), .init(pmid: "9300002", caseReport: true)]),
            to: folder,
            as: "pubmed99n0001.xml"
        )
        let second = try write(
            PubMedFixtures.file([.init(pmid: "9300001", caseReport: true, revision: " (second)")], deletions: ["9300002"]),
            to: folder,
            as: "pubmed99n0002.xml"
        )
        // Worker B takes the later file first; worker A the earlier one after it.
        let later = try await ingest(second, into: store, worker: "b")
        #expect(later.counts.stored == 1)
        let earlier = try await ingest(first, into: store, worker: "a")
        #expect(earlier.finishedHere == 1)
        // Both of its revisions lost: one to a later revision, one to a later deletion.
        #expect(earlier.counts.caseReports == 2)
        #expect(earlier.counts.stored == 0)
        #expect(try await caseIDs(store) == ["pmid:9300001"])
        let stored = try #require(try await store.storedCase(id: "pmid:9300001"))
        #expect(stored.record.title?.hasSuffix("(second)") == true)
        #expect(stored.source == CaseSource(file: "pubmed99n0002.xml", record: 0))
        // A third file deletes the case: applied, whatever came before.
        let third = try write(PubMedFixtures.file([], deletions: ["9300001"]), to: folder, as: "pubmed99n0003.xml")
        #expect(try await ingest(third, into: store, worker: "c").counts.deleted == 1)
        #expect(try await caseIDs(store).isEmpty)
    }

    @Test func reingestingAChangedFileReplacesItsCases() async throws {
        let folder = try PubMedFixtures.folder(files: 1, perFile: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await ingester(store).run(paths: [folder.path])
        let first = try await caseIDs(store)
        let evidenceCount = try await store.stats().evidenceBySource["case"]
        // Unchanged: nothing to do.
        let again = try await ingester(store).run(paths: [folder.path])
        #expect(again.finishedHere == 0)
        #expect(again.counts == IngestCounts())
        // Changed (a new modification time): read again, replacing the same cases.
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 3600)],
            ofItemAtPath: folder.appendingPathComponent(file).path
        )
        let reread = try await ingester(store).run(paths: [folder.path])
        #expect(reread.finishedHere == 1)
        #expect(reread.counts.stored == first.count)
        #expect(try await caseIDs(store) == first)
        #expect(try await store.stats().evidenceBySource["case"] == evidenceCount)
    }

    @Test func aFileOfADeadWorkerResumesAtItsCheckpoint() async throws {
        let folder = try PubMedFixtures.folder(files: 1, perFile: 10)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        let files = try Ingester.files([folder.path])
        let paths = try await store.registerIngestFiles(files, now: Date()).map(\.path)
        // A worker of this process id with another nonce: an earlier run, killed after
        // checkpointing the first 4 records (3 of them case reports) without storing them here.
        let current = IngestWorker.current()
        let dead = IngestWorker(host: current.host, pid: current.pid, nonce: "deadbeef")
        _ = try await store.claimNextIngestFile(worker: dead.description, among: paths, staleAfter: 3600, now: Date())
        let before = IngestCounts(recordsSeen: 4, caseReports: 3, stored: 3)
        #expect(try await store.recordIngestProgress(path: paths[0], worker: dead.description, checkpoint: 4, counts: before, now: Date()))
        let summary = try await ingester(store, IngestOptions(batchSize: 3, staleAfter: 3600, worker: current)).run(paths: [folder.path])
        #expect(summary.finishedHere == 1)
        // Records 9100004...9100009 only: the checkpointed ones are not read again.
        let expected = (9_100_004..<9_100_010).filter { $0 % 3 != 0 }.map { "pmid:\($0)" }.sorted()
        #expect(try await caseIDs(store) == expected)
        let job = try #require(try await store.ingestJobs().first)
        #expect(job.state == .done)
        #expect(job.counts.recordsSeen == 10)
        #expect(job.counts.stored == 3 + expected.count)
        #expect(job.attempts == 2)
    }

    @Test func aLiveWorkersFileIsLeftAlone() async throws {
        let folder = try PubMedFixtures.folder(files: 2, perFile: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(try Ingester.files([folder.path]), now: Date()).map(\.path)
        // A worker on another machine holds the first file and is not stale.
        _ = try await store.claimNextIngestFile(worker: "elsewhere:1:abc", among: paths, staleAfter: 3600, now: Date())
        // An hour before the claim goes stale: a loaded machine may pause this test for minutes.
        let summary = try await ingester(store, IngestOptions(batchSize: 3, staleAfter: 3600)).run(paths: [folder.path])
        #expect(summary.finishedHere == 1)
        #expect(summary.heldElsewhere == 1)
        #expect(try await store.ingestJobs().map(\.state) == [.claimed, .done])
    }

    @Test func aMissingInputIsAnErrorBeforeAnythingIsClaimed() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        await #expect(throws: IngestError.self) {
            try await ingester(store).run(paths: ["/nonexistent/caseboard-ingest.xml"])
        }
        #expect(try await store.ingestJobs().isEmpty)
    }

    @Test func workerNamesRoundTrip() {
        let worker = IngestWorker(host: "node:7", pid: 42, nonce: "a1b2")
        #expect(IngestWorker(worker.description) == worker)
        #expect(IngestWorker("no pid here") == nil)
        #expect(!worker.isKnownDead(from: IngestWorker(host: "other", pid: 1, nonce: "x")))
    }
}
