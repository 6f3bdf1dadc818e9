import CaseboardCore
import CaseboardKnowledge
import CaseboardStorePostgres
import CaseboardStoreSQLite
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing

/// The stores the contract suite runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The PostgreSQL server the tests use: `$CASEBOARD_TEST_POSTGRES_URL`
    /// (`scripts/postgres-test-cluster start` sets it; `scripts/test` and `.ci/run` do that).
    static let postgresURL: String? = ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// SQLite always; PostgreSQL when a server is given.
    static let available: [StoreKind] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
}

/// Opens a fresh, empty store of a kind for one test and closes it after.
enum StoreHarness {
    static let logger: Logger = {
        var logger = Logger(label: "caseboard.conformance")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a fresh store: an in-memory SQLite store, or a new PostgreSQL database
    /// (dropped afterwards) with the store's service running.
    static func withStore<T: Sendable>(_ kind: StoreKind, _ body: (any KnowledgeStore, StoreLocationForTest) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("kb.sqlite").path
            let store = try SQLiteKnowledgeStore.open(path: path, logger: logger)
            return try await body(store, .sqlite(path))
        case .postgres:
            let url = try await createDatabase()
            defer { Task { try? await dropDatabase(url) } }
            return try await withPostgresStore(url: url) { store in try await body(store, .postgres(url)) }
        }
    }

    /// Runs `body` with a PostgreSQL store on `url`, its service running, schema prepared.
    static func withPostgresStore<T: Sendable>(url: String, _ body: (PostgresKnowledgeStore) async throws -> T) async throws -> T {
        let store = try PostgresKnowledgeStore(url: url, logger: logger, maximumConnections: 4)
        let service = Task { try await store.service.run() }
        defer { service.cancel() }
        try await store.prepare()
        return try await body(store)
    }

    /// Opens a second view of the same store, as another process would.
    static func withSecondView<T: Sendable>(_ location: StoreLocationForTest, _ body: (any KnowledgeStore) async throws -> T) async throws -> T {
        switch location {
        case .sqlite(let path):
            return try await body(try SQLiteKnowledgeStore.open(path: path, logger: logger))
        case .postgres(let url):
            return try await withPostgresStore(url: url) { try await body($0) }
        }
    }

    /// A new database on the test server, so tests run in parallel without sharing content.
    static func createDatabase() async throws -> String {
        let base = try #require(StoreKind.postgresURL)
        let name = "cb_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        var components = try #require(URLComponents(string: base))
        components.path = "/" + name
        return try #require(components.string)
    }

    static func dropDatabase(_ url: String) async throws {
        let base = try #require(StoreKind.postgresURL)
        let name = try PostgresLocation(url).database
        try await admin(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }

    static func admin(_ url: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        let configuration = try PostgresLocation(url).connectionConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

/// Where a test's store lives, to open it again.
enum StoreLocationForTest: Sendable {
    case sqlite(String)
    case postgres(String)
}

/// Invented evidence and cases, built in code. No row here is real CIViC or guideline content.
enum Sample {
    static func pattern(_ gene: String, _ variant: String, _ kind: AlterationKind, partner: String? = nil) -> AlterationPattern {
        AlterationPattern(gene: gene, kind: kind, variant: variant, partner: partner)
    }

    static let evidence: [EvidenceItem] = [
        EvidenceItem(
            id: "civic:EID1",
            source: .civic,
            profile: MolecularProfile(name: "FLT3 D835Y", components: [pattern("FLT3", "D835Y", .proteinChange)]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
            drugs: ["gilteritinib"],
            level: .a,
            significance: .sensitivity,
            citation: Citation(pmid: "10000001", label: "Invented et al., 2019"),
            statement: "Gilteritinib gave lasting remissions in an invented relapsed cohort."
        ),
        // Says "resistance" only in its significance, like the curated resistance rows.
        EvidenceItem(
            id: "curated:CR-9",
            source: .curated,
            profile: MolecularProfile(name: "FLT3 Y842C", components: [pattern("FLT3", "Y842C", .proteinChange)]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
            drugs: ["sorafenib"],
            level: .d,
            significance: .resistance,
            citation: Citation(pmid: "10000002"),
            statement: "An invented activation-loop change that a type II inhibitor cannot bind."
        ),
        EvidenceItem(
            id: "civic:EID3",
            source: .civic,
            profile: MolecularProfile(name: "BRAF V600E", components: [pattern("BRAF", "V600E", .proteinChange)]),
            disease: DiseaseReference(name: "Colorectal Adenocarcinoma", oncotree: "COADREAD"),
            drugs: ["vemurafenib"],
            level: .b,
            significance: .resistance,
            statement: "Invented colorectal tumours kept growing on vemurafenib alone."
        ),
        EvidenceItem(
            id: "curated:CB-1",
            source: .curated,
            profile: MolecularProfile(name: "EML4::ALK fusion", components: [pattern("ALK", "fusion", .fusion, partner: "EML4")]),
            disease: DiseaseReference(name: "Non-Small Cell Lung Cancer", oncotree: "NSCLC"),
            drugs: ["alectinib", "crizotinib"],
            level: .a,
            significance: .sensitivity,
            citation: Citation(url: "https://example.org/label", label: "Invented label", kind: "FDA label")
        ),
        EvidenceItem(
            id: "civic:EID5",
            source: .civic,
            profile: MolecularProfile(name: "FLT3 ITD", components: [pattern("FLT3", "ITD", .internalTandemDuplication)]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
            drugs: ["midostaurin"],
            level: .b,
            significance: .sensitivity,
            statement: "Sorafenib was not given; midostaurin was added to induction in this invented series."
        ),
    ]

    static func record(_ number: Int, pmid: String? = nil, drug: String = "gilteritinib") -> CaseRecord {
        CaseRecord(
            document: "conformance-\(number).txt",
            title: "Invented case \(number) on \(drug)",
            metadata: DocumentMetadata(pmid: pmid),
            diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
            alterations: [Alteration(gene: "FLT3", variant: "D835Y", kind: .proteinChange)],
            therapies: [TherapyLine(line: 1, drugs: [drug], response: .complete)],
            resistance: [ResistanceEvent(gene: "FLT3", variant: "F691L", drugs: [drug], basis: "acquired")]
        )
    }

    /// Evidence a case contributes (its `caseID` is set by the store).
    static func caseEvidence(_ tag: String, count: Int = 2) -> [EvidenceItem] {
        (0..<count).map { index in
            EvidenceItem(
                id: "case:\(tag):\(index)",
                source: .caseReport,
                profile: MolecularProfile(name: "FLT3 D835Y", components: [pattern("FLT3", "D835Y", .proteinChange)]),
                disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
                drugs: ["gilteritinib"],
                level: .c,
                significance: .sensitivity,
                statement: "Invented case item \(index)."
            )
        }
    }

    static func generation(_ snapshot: String) throws -> Int {
        try #require(KnowledgeSnapshot(snapshot)).generation
    }
}
