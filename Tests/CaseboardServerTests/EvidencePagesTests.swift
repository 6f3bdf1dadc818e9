import CaseboardCore
import CaseboardKnowledge
import CaseboardServer
import CaseboardStorePostgres
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceLifecycle
import Testing

/// Counts the evidence pages a store is asked for. Over PostgreSQL it passes the store's change
/// feed through; over SQLite, which has none, it plays one (`playsFeed`): it vouches for the
/// newest snapshot it read or wrote, as PostgreSQL's LISTEN session does, and for one the test
/// tells it of (`told(_:)`), as a NOTIFY of another server's commit would.
final class PageCountingStore: ForwardingStore {
    let inner: any KnowledgeStore
    private let playsFeed: Bool
    private let pages = NIOLockedValueBox(0)
    private let vouching = NIOLockedValueBox(true)
    private let known = NIOLockedValueBox<String?>(nil)

    init(_ inner: any KnowledgeStore, playsFeed: Bool) {
        self.inner = inner
        self.playsFeed = playsFeed
    }

    /// Evidence pages the store answered.
    var pageQueries: Int { pages.withLockedValue { $0 } }
    func vouch(_ vouching: Bool) { self.vouching.withLockedValue { $0 = vouching } }
    /// A commit told by the feed (another server's), not yet read by anyone here.
    func told(_ snapshot: String) { known.withLockedValue { $0 = snapshot } }

    @discardableResult
    private func saw(_ snapshot: String) -> String {
        if playsFeed { known.withLockedValue { $0 = snapshot } }
        return snapshot
    }

    /// Notes the snapshot a write produced, when playing the feed.
    private func wrote() async throws {
        if playsFeed { saw(try await inner.snapshotID()) }
    }

    var vouchesForSnapshots: Bool { playsFeed || inner.vouchesForSnapshots }
    func knownSnapshot() -> String? {
        guard vouching.withLockedValue({ $0 }) else { return nil }
        return playsFeed ? known.withLockedValue { $0 } : inner.knownSnapshot()
    }
    func caseChanges(after generation: Int) async throws -> CaseChanges? { try await inner.caseChanges(after: generation) }

    func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage {
        pages.withLockedValue { $0 += 1 }
        return try await inner.evidenceJSON(matching: filter)
    }
    func evidence(matching filter: EvidenceFilter) async throws -> EvidencePage {
        pages.withLockedValue { $0 += 1 }
        return try await inner.evidence(matching: filter)
    }

    func snapshotID() async throws -> String { saw(try await inner.snapshotID()) }
    func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        let result = try await inner.saveCases(submissions)
        saw(result.snapshot)
        return result
    }
    func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase {
        let stored = try await inner.saveCase(record, evidence: evidence)
        try await wrote()
        return stored
    }
    func deleteCase(id: String) async throws -> Bool {
        let deleted = try await inner.deleteCase(id: id)
        try await wrote()
        return deleted
    }
    func upsert(_ items: [EvidenceItem]) async throws -> Int {
        let count = try await inner.upsert(items)
        try await wrote()
        return count
    }
    func replaceEvidence(of source: EvidenceSource, with items: [EvidenceItem], metadata: [String: String]) async throws -> Int {
        let count = try await inner.replaceEvidence(of: source, with: items, metadata: metadata)
        try await wrote()
        return count
    }
    func setMetadata(_ key: String, _ value: String) async throws {
        try await inner.setMetadata(key, value)
        try await wrote()
    }
    func restore(_ content: KnowledgeContent) async throws {
        try await inner.restore(content)
        try await wrote()
    }

}

/// With two PostgreSQL servers the gene evidence page was a query per request and the cluster's
/// largest cost. While the change feed vouches for the store's snapshot and the server's index
/// holds it, the server answers such a page from memory: these tests hold it to being the
/// store's own page (the same items as JSON values, in the same order, and total) on the same data, and to leaving every other case to the store.
struct EvidencePagesTests {
    static func services(_ store: PageCountingStore) throws -> (ServerServices, some ApplicationProtocol) {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let services = ServerServices(vocabularies: try Harness.vocabularies.get(), store: store, logger: logger)
        return (services, try buildApplication(configuration: configuration, services: services, version: "test", logger: logger))
    }

    /// A seeded in-memory SQLite store behind a counter that plays the change feed.
    static func sqliteStore() async throws -> (inner: SQLiteKnowledgeStore, counting: PageCountingStore) {
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: try Harness.vocabularies.get())
        return (inner, PageCountingStore(inner, playsFeed: true))
    }

    /// The gene symbol the route filters by (`gene=` goes through the vocabulary).
    static func symbol(_ gene: String) throws -> String {
        try Harness.vocabularies.get().gene(named: gene)?.symbol ?? gene.uppercased()
    }

    /// Every gene a page can be asked for: each item's genes and fusion partners.
    static func genes(_ store: any KnowledgeStore) async throws -> [String] {
        var genes: Set<String> = []
        for item in try await store.allEvidence() {
            for component in item.profile.components {
                genes.insert(component.gene.uppercased())
                if let partner = component.partner { genes.insert(partner.uppercased()) }
            }
        }
        return genes.sorted()
    }

    /// The response body of the route for `gene`.
    static func body(_ client: some TestClientProtocol, gene: String, limit: Int, offset: Int) async throws -> String {
        let query = "gene=\(gene.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? gene)&limit=\(limit)&offset=\(offset)"
        return try await client.execute(uri: "/api/evidence?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            return String(buffer: response.body)
        }
    }

    /// The body the route writes for the store's own page: items as stored, then the total.
    static func expected(_ store: any KnowledgeStore, gene: String, limit: Int, offset: Int) async throws -> String {
        let page = try await store.evidenceJSON(matching: EvidenceFilter(gene: try symbol(gene), limit: limit, offset: offset))
        return "{\"items\":[" + page.items.joined(separator: ",") + "],\"total\":\(page.total)}"
    }

    /// The JSON text with every object's keys sorted: `JSONEncoder` writes keys in no fixed
    /// order (the stored text of one item differs from one encoding to the next), so bodies
    /// are compared as JSON values, every item in its place and every value as it is.
    static func canonical(_ json: String) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// Whether two bodies are the same JSON value, recording where they first differ when not.
    static func same(_ actual: String, _ expected: String, _ comment: Comment) throws -> Bool {
        let a = Array(try canonical(actual).utf8)
        let e = Array(try canonical(expected).utf8)
        guard a != e else { return true }
        let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, first - 60)..<min(bytes.count, first + 60)], as: UTF8.self) }
        Issue.record("\(comment): served \(around(a)) | store \(around(e))")
        return false
    }

    /// Every gene's page, whole and in pieces (a middle page and one past the end), against the
    /// store's page for the same filter.
    static func compareEveryGene(_ client: some TestClientProtocol, _ store: any KnowledgeStore, genes: [String]) async throws {
        for gene in genes {
            let whole = try await expected(store, gene: gene, limit: 500, offset: 0)
            #expect(try same(try await body(client, gene: gene, limit: 500, offset: 0), whole, "gene \(gene)"))
            for (limit, offset) in [(3, 2), (5, 10_000)] {
                let part = try await expected(store, gene: gene, limit: limit, offset: offset)
                #expect(try same(try await body(client, gene: gene, limit: limit, offset: offset), part, "gene \(gene), \(limit) from \(offset)"))
            }
        }
    }

    /// A case whose evidence lists two genes (one a fusion partner), to be stored, replaced and deleted.
    static func record(_ number: Int, drug: String) -> CaseRecord {
        CaseRecord(
            document: "pages-\(number).txt",
            diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
            alterations: [
                Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange),
                Alteration(gene: "ALK", variant: "fusion", kind: .fusion, partner: "EML4"),
            ],
            therapies: [TherapyLine(line: 1, drugs: [drug], response: .partial)]
        )
    }

    /// Case evidence on FLT3 under `id`, copied from a curated item of the store.
    static func caseEvidence(_ store: any KnowledgeStore, id: String) async throws -> EvidenceItem {
        var item = try #require(try await store.allEvidence().first { $0.genes.map { $0.uppercased() } == ["FLT3"] && $0.caseID == nil })
        item.id = id
        item.source = .caseReport
        return item
    }

    static func delete(_ record: CaseRecord, through client: some TestClientProtocol) async throws {
        try await client.execute(
            uri: "/api/cases/\(CaseIdentity.id(for: record))",
            method: .delete,
            headers: [.authorization: "Bearer \(Harness.token)"]
        ) { #expect($0.status == .noContent) }
    }

    @Test func everyGenePageFromMemoryIsTheStoresPage() async throws {
        let (inner, store) = try await Self.sqliteStore()
        let (_, app) = try Self.services(store)
        try await app.test(.router) { client in
            // The first match builds the index, and the pages with it.
            try await IndexFreshnessTests.match(client)
            let genes = try await Self.genes(inner)
            #expect(genes.count > 20)
            try await Self.compareEveryGene(client, inner, genes: genes)
            // This server's own writes: two cases stored, one stored again with other
            // evidence, one deleted.
            for number in 1...2 { try await IndexFreshnessTests.store(Self.record(number, drug: "gilteritinib"), through: client) }
            try await IndexFreshnessTests.store(Self.record(1, drug: "crenolanib"), through: client)
            try await Self.delete(Self.record(2, drug: "gilteritinib"), through: client)
            try await Self.compareEveryGene(client, inner, genes: try await Self.genes(inner))
            #expect(store.pageQueries == 0, "a page went to the store")
        }
    }

    /// The pages answer only for the snapshot the feed vouches for. Another server's commit told
    /// but not yet applied, a feed that does not vouch, another filter, or a gene listing a
    /// reviewed item: the store answers. Before, the pages answered whenever the feed vouched
    /// for any snapshot, and showed review marks the store's page did not.
    @Test func aStaleSnapshotFallsBackToTheStore() async throws {
        let (inner, store) = try await Self.sqliteStore()
        let (_, app) = try Self.services(store)
        try await app.test(.router) { client in
            try await IndexFreshnessTests.match(client)
            let before = try await Self.expected(inner, gene: "FLT3", limit: 500, offset: 0)
            #expect(try Self.same(try await Self.body(client, gene: "FLT3", limit: 500, offset: 0), before, "before"))
            #expect(store.pageQueries == 0)

            // Another server stores a case with FLT3 evidence; the feed tells of it before the
            // index has it.
            _ = try await inner.saveCase(Self.record(3, drug: "gilteritinib"), evidence: [try await Self.caseEvidence(inner, id: "case:pages-3:0")])
            store.told(try await inner.snapshotID())
            let written = try await Self.expected(inner, gene: "FLT3", limit: 500, offset: 0)
            #expect(try Self.canonical(written) != Self.canonical(before))
            #expect(try Self.same(try await Self.body(client, gene: "FLT3", limit: 500, offset: 0), written, "written"))
            #expect(store.pageQueries == 1)
            // Once the index has caught up (`/api/version` waits for it), memory answers again.
            try await client.execute(uri: "/api/version", method: .get) { #expect($0.status == .ok) }
            #expect(try Self.same(try await Self.body(client, gene: "FLT3", limit: 500, offset: 0), written, "written"))
            #expect(store.pageQueries == 1)

            // Another filter, or a feed that does not vouch: the store answers.
            _ = try await client.execute(uri: "/api/evidence?gene=FLT3&level=A", method: .get) { #expect($0.status == .ok) }
            #expect(store.pageQueries == 2)
            store.vouch(false)
            #expect(
                try Self.same(
                    try await Self.body(client, gene: "FLT3", limit: 7, offset: 0),
                    try await Self.expected(inner, gene: "FLT3", limit: 7, offset: 0),
                    "not vouched"
                )
            )
            #expect(store.pageQueries == 3)
            store.vouch(true)

            // A reviewed item imported again: its mark stays (allEvidence applies it), its JSON
            // on the page says unreviewed. The gene's pages are the store's.
            let item = try #require(try await inner.allEvidence().first { $0.genes.map { $0.uppercased() } == ["FLT3"] && $0.caseID == nil })
            #expect(try await inner.setReviewed(item.id, true))
            _ = try await store.upsert([item])
            try await client.execute(uri: "/api/version", method: .get) { #expect($0.status == .ok) }
            let reviewed = try await Self.expected(inner, gene: "FLT3", limit: 500, offset: 0)
            #expect(try Self.same(try await Self.body(client, gene: "FLT3", limit: 500, offset: 0), reviewed, "reviewed"))
            #expect(store.pageQueries == 4)
            // Other genes still answer from memory.
            #expect(
                try Self.same(
                    try await Self.body(client, gene: "KIT", limit: 20, offset: 0),
                    try await Self.expected(inner, gene: "KIT", limit: 20, offset: 0),
                    "KIT"
                )
            )
            #expect(store.pageQueries == 4)
        }
    }

    /// Pages behind a commit the feed told of wait for the incremental catch-up (which the
    /// follower runs anyway) and answer from memory, instead of each sending the store a query
    /// of its own: with two PostgreSQL servers writing, that was about 40% of evidence requests
    /// (issue 14). Before the change the page below went to the store (one page query).
    @Test func aPageBehindTheFeedWaitsForTheCatchUpInsteadOfAQuery() async throws {
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: try Harness.vocabularies.get())
        // Lists the cases written "elsewhere" as PostgreSQL's `caseChanges` does, holding the
        // listing until the test opens it.
        let held = HeldWriteStore(inner, holdingReads: true)
        let store = PageCountingStore(held, playsFeed: true)
        let (_, app) = try Self.services(store)
        try await app.test(.router) { client in
            try await IndexFreshnessTests.match(client)
            let before = try await Self.body(client, gene: "FLT3", limit: 500, offset: 0)
            #expect(store.pageQueries == 0)
            // Another server stores a case with FLT3 evidence; the feed tells of it.
            try await held.writeElsewhere(Self.record(5, drug: "gilteritinib"), evidence: [try await Self.caseEvidence(inner, id: "case:pages-5:0")])
            store.told(try await inner.snapshotID())
            let written = try await Self.expected(inner, gene: "FLT3", limit: 500, offset: 0)
            #expect(try Self.canonical(written) != Self.canonical(before))
            let page = Task { try await Self.body(client, gene: "FLT3", limit: 500, offset: 0) }
            held.open()
            #expect(try Self.same(try await page.value, written, "caught up"))
            #expect(store.pageQueries == 0)
        }
    }
}

/// The same comparison on PostgreSQL, where the pages are kept for real: seeded, then this
/// server's writes and another server's (caught up from its NOTIFY with `caseChanges`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"] != nil))
struct PostgresEvidencePagesTests {
    @Test func everyGenePageFromMemoryIsTheStoresPageOnPostgreSQL() async throws {
        let url = try await Self.createDatabase()
        defer { Task { try? await Self.dropDatabase(url) } }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let other = try PostgresKnowledgeStore(url: url, logger: logger, maximumConnections: 2)
        let served = try PostgresKnowledgeStore(url: url, logger: logger, maximumConnections: 4)
        let store = PageCountingStore(served, playsFeed: false)
        let (services, app) = try EvidencePagesTests.services(store)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await other.service.run() }
            group.addTask { try await served.service.run() }
            try await other.prepare()
            try await served.prepare()
            try await KnowledgeSeeding.seedIfNeeded(other, vocabularies: try Harness.vocabularies.get())
            try await withStoreFollower(services) {
                let deadline = ContinuousClock.now + .seconds(600)
                while served.knownSnapshot() == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                try await services.prepareMatching()
                try await Self.settle(services, served, deadline: deadline)
                try await app.test(.router) { client in
                    let genes = try await EvidencePagesTests.genes(served)
                    #expect(genes.count > 20)
                    try await EvidencePagesTests.compareEveryGene(client, served, genes: genes)
                    for number in 1...2 {
                        try await IndexFreshnessTests.store(EvidencePagesTests.record(number, drug: "gilteritinib"), through: client)
                    }
                    try await IndexFreshnessTests.store(EvidencePagesTests.record(1, drug: "crenolanib"), through: client)
                    try await EvidencePagesTests.delete(EvidencePagesTests.record(2, drug: "gilteritinib"), through: client)
                    // Another server's case, with evidence of its own.
                    let elsewhere = EvidencePagesTests.record(4, drug: "sorafenib")
                    _ = try await other.saveCase(elsewhere, evidence: [try await EvidencePagesTests.caseEvidence(other, id: "case:pages-4:0")])
                    let written = try #require(KnowledgeSnapshot(try await other.snapshotID()))
                    while (served.knownSnapshot().flatMap(KnowledgeSnapshot.init)?.generation ?? -1) < written.generation,
                        ContinuousClock.now < deadline
                    {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    try await Self.settle(services, served, deadline: deadline)
                    try await EvidencePagesTests.compareEveryGene(client, served, genes: try await EvidencePagesTests.genes(served))
                    #expect(store.pageQueries == 0, "a page went to the store")
                }
            }
            group.cancelAll()
        }
    }

    /// Waits until the index holds the snapshot the feed vouches for.
    /// The state is read before the clock: a task starved on a loaded machine may wake past the deadline.
    static func settle(_ services: ServerServices, _ served: PostgresKnowledgeStore, deadline: ContinuousClock.Instant) async throws {
        while true {
            if let known = served.knownSnapshot(), services.indexedSnapshot == known { return }
            guard ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the index never reached the vouched snapshot")
    }

    /// A database of its own, so the pages compared see no other test's writes.
    static func createDatabase() async throws -> String {
        let base = try #require(ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"])
        let name = "cb_pages_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(base) { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "test")) }
        var components = try #require(URLComponents(string: base))
        components.path = "/" + name
        return try #require(components.string)
    }

    static func dropDatabase(_ url: String) async throws {
        let base = try #require(ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"])
        let name = try PostgresLocation(url).database
        try await admin(base) {
            try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: Logger(label: "test"))
        }
    }

    private static func admin(_ url: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        let configuration = try PostgresLocation(url).connectionConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "test"))
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
