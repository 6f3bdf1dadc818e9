import CaseboardCore
import CaseboardKnowledge
import CaseboardServer
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing

/// A store that counts full reads, which is what an index reload costs. Reading the snapshot
/// id can be slowed down, as on a busy server, to widen any race between a check and a write.
final class ReloadCountingStore: ForwardingStore {
    let inner: any KnowledgeStore
    let snapshotDelay: Duration
    private let reads = NIOLockedValueBox(0)
    private let snapshots = NIOLockedValueBox(0)

    init(_ inner: any KnowledgeStore, snapshotDelay: Duration = .zero) {
        self.inner = inner
        self.snapshotDelay = snapshotDelay
    }

    var fullReads: Int { reads.withLockedValue { $0 } }
    /// Reads of the snapshot id: without deletes, one per check for outside writes.
    var snapshotReads: Int { snapshots.withLockedValue { $0 } }

    func allEvidence() async throws -> [EvidenceItem] {
        reads.withLockedValue { $0 += 1 }
        return try await inner.allEvidence()
    }

    func snapshotID() async throws -> String {
        snapshots.withLockedValue { $0 += 1 }
        if snapshotDelay > .zero { try await Task.sleep(for: snapshotDelay) }
        return try await inner.snapshotID()
    }
}

struct IndexFreshnessTests {
    static let profile = #"{"disease":"AML","alterations":["FLT3 D835H"]}"#

    static func app(store: ReloadCountingStore) throws -> some ApplicationProtocol {
        let vocabularies = try Harness.vocabularies.get()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        return try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
    }

    static func record(_ number: Int, drug: String) -> CaseRecord {
        CaseRecord(
            document: "freshness-\(number).txt",
            diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
            alterations: [Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange)],
            therapies: [TherapyLine(line: 1, drugs: [drug], response: .partial)]
        )
    }

    /// The number of case reports behind the `drug` option of a match, from its why-line.
    static func caseReports(for drug: String, in body: ByteBuffer) throws -> Int {
        let options = try #require(try Harness.json(body)["options"] as? [[String: Any]])
        guard
            let why = options.first(where: { ($0["drugs"] as? [String]) == [drug] && ($0["why"] as? String)?.contains("case report") == true })?[
                "why"
            ] as? String
        else { return 0 }
        if why.contains("case reports make this claim"), let range = why.range(of: #"\d+ case reports make this claim"#, options: .regularExpression)
        {
            return Int(why[range].prefix { $0.isNumber }) ?? 0
        }
        return 1
    }

    /// A seeded in-memory store behind a read counter.
    static func countingStore(snapshotDelay: Duration = .zero) async throws -> (inner: any KnowledgeStore, counting: ReloadCountingStore) {
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: try Harness.vocabularies.get())
        return (inner, ReloadCountingStore(inner, snapshotDelay: snapshotDelay))
    }

    /// Matches `profile` and returns the response body.
    @discardableResult
    static func match(_ client: some TestClientProtocol) async throws -> ByteBuffer {
        try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile)) {
            #expect($0.status == .ok)
            return $0.body
        }
    }

    static func store(_ record: CaseRecord, through client: some TestClientProtocol) async throws {
        try await client.execute(
            uri: "/api/cases",
            method: .post,
            headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
            body: ByteBuffer(bytes: try JSONEncoder().encode(record))
        ) { #expect($0.status == .created) }
    }

    /// After `kb import` by another process, the first match answered from the old snapshot
    /// (even 30 s later) while `/api/version` already named the new one. A match must never
    /// answer from a snapshot older than the one `/api/version` reported before it.
    @Test func aMatchIsNeverOlderThanTheVersionReportedBeforeIt() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("freshness-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kb.sqlite").path
        let served = try SQLiteKnowledgeStore.open(path: path, logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(served, vocabularies: vocabularies)
        try await Self.app(store: ReloadCountingStore(served)).test(.router) { client in
            try await Self.match(client)
            // Another process (its own connection pool on the same file) imports a case.
            let importer = try SQLiteKnowledgeStore.open(path: path, logger: Logger(label: "test"))
            for number in [9, 10] {
                let outside = Self.record(number, drug: "crenolanib")
                _ = try await importer.saveCase(
                    outside,
                    evidence: CaseEvidence.derive(from: outside, caseID: CaseIdentity.id(for: outside), vocabularies: vocabularies)
                )
            }
            let version = try await client.execute(uri: "/api/version", method: .get) { try Harness.json($0.body)["snapshot"] as? String }
            let body = try await Self.match(client)
            #expect(try Harness.json(body)["snapshot"] as? String == version)
            #expect(try Self.caseReports(for: "crenolanib", in: body) == 2)
        }
    }

    /// Under a steady stream of this server's own writes, the periodic check for outside
    /// writes must not mistake them for outside ones and reread the whole store.
    @Test func ownWritesNeverTriggerAFullReload() async throws {
        let store = try await Self.countingStore(snapshotDelay: .milliseconds(30)).counting
        try await Self.app(store: store).test(.router) { client in
            try await Self.match(client)
            #expect(store.fullReads == 1)
            // Writes and matches go on until several checks for outside writes have run among
            // them (a condition, not a fixed time), with a deadline so a broken check fails.
            let checksWanted = 3
            let checksBefore = store.snapshotReads
            // Generous: a task starved of the cooperative threads on a loaded machine can sleep for minutes.
            let deadline = ContinuousClock.now + .seconds(600)
            let written = NIOLockedValueBox(0)
            @Sendable func going() -> Bool { store.snapshotReads - checksBefore < checksWanted && ContinuousClock.now < deadline }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var number = 0
                        while going() {
                            try await Self.store(Self.record(writer * 1_000_000 + number, drug: "crenolanib"), through: client)
                            written.withLockedValue { $0 += 1 }
                            number += 1
                            // A pace, so checks fall due among the writes.
                            try await Task.sleep(for: .milliseconds(15))
                        }
                    }
                }
                // Matches keep asking, so checks for outside writes fall due while writes go on.
                group.addTask {
                    while going() {
                        try await Self.match(client)
                        try await Task.sleep(for: .milliseconds(10))
                    }
                }
                try await group.waitForAll()
            }
            #expect(store.snapshotReads - checksBefore >= checksWanted, "checks ran among the writes")
            #expect(store.fullReads == 1)
            let writes = written.withLockedValue { $0 }
            #expect(writes > 0)
            #expect(try Self.caseReports(for: "crenolanib", in: try await Self.match(client)) == writes)
        }
    }

    /// A case written to the store by another process (here: straight to the store, as the CLI
    /// does) shows up in matches after the next check, about a second later.
    @Test func outsideWritesShowUpWithinSeconds() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let (inner, store) = try await Self.countingStore()
        try await Self.app(store: store).test(.router) { client in
            // One write of our own first, then one from outside, then another of our own: the
            // outside write sits between two of ours and must not be lost.
            try await Self.match(client)
            try await Self.store(Self.record(0, drug: "crenolanib"), through: client)
            let outside = Self.record(1, drug: "crenolanib")
            let id = CaseIdentity.id(for: outside)
            _ = try await inner.saveCase(outside, evidence: CaseEvidence.derive(from: outside, caseID: id, vocabularies: vocabularies))
            try await Self.store(Self.record(2, drug: "crenolanib"), through: client)
            var seen = 0
            // Asked once more after the deadline: a starved task may wake past it.
            let deadline = ContinuousClock.now + .seconds(600)
            while true {
                seen = try Self.caseReports(for: "crenolanib", in: try await Self.match(client))
                if seen == 3 || ContinuousClock.now >= deadline { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(seen == 3)
            #expect(store.fullReads == 2)
        }
    }

    /// `serve` builds the index at start; the first match then uses it instead of building again.
    @Test func preparedMatchingServesTheFirstMatchWithoutAnotherRead() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let store = try await Self.countingStore().counting
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        try await services.prepareMatching()
        #expect(store.fullReads == 1)
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let app = try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/match",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: Self.profile)
            ) {
                #expect($0.status == .ok)
            }
        }
        #expect(store.fullReads == 1)
    }
}
