import CaseboardKnowledge
import Foundation
import GRDB

extension SQLiteKnowledgeStore {
    /// The `meta` key of the snapshot id. It is not settable through ``setMetadata(_:_:)``.
    public static let snapshotKey = StoreContractChecks.reservedMetadataKey

    /// A ``KnowledgeSnapshot`` id: the generation counts commits, the UUID keeps two stores
    /// (or a recreated file) from sharing an id.
    static func makeSnapshotID(counter: Int) -> String {
        KnowledgeSnapshot.make(generation: counter).description
    }

    /// Gives the store the next generation's snapshot id; call it once in every write
    /// transaction that changed content (the store contract counts commits, not statements).
    static func bumpSnapshot(_ db: Database) throws {
        let current = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [snapshotKey])
        let counter = current.flatMap(KnowledgeSnapshot.init)?.generation ?? 0
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [snapshotKey, makeSnapshotID(counter: counter + 1)]
        )
    }

    /// Snapshot ids after commits by any process. SQLite tells no one across processes, so
    /// this looks at the one-row generation every 100 ms, a read of one indexed row.
    public func changes() -> AsyncStream<String> {
        pollingChanges(every: .milliseconds(100))
    }

    /// Every metadata value except the snapshot id.
    public func allMetadata() async throws -> [String: String] {
        try await read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key != ?", arguments: [Self.snapshotKey]) {
                guard let key: String = row[0], let value: String = row[1] else { continue }
                result[key] = value
            }
            return result
        }
    }

    /// The current snapshot id; it changes with every write that changes the store's content.
    public func snapshotID() async throws -> String {
        try await read { db in try Self.readSnapshot(db) }
    }

    static func readSnapshot(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [snapshotKey]) ?? ""
    }

    /// A value the store keeps about itself, or nil when unset.
    public func metadata(_ key: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }

    /// Sets a value the store keeps about itself; a change gives the store a new snapshot id.
    ///
    /// - Throws: ``KnowledgeStoreError`` for the reserved key ``snapshotKey``.
    public func setMetadata(_ key: String, _ value: String) async throws {
        guard key != Self.snapshotKey else {
            throw KnowledgeStoreError("the metadata key \"\(key)\" is reserved for the store", path: path)
        }
        try await write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
            guard old != value else { return }
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value]
            )
            try Self.bumpSnapshot(db)
        }
    }

    /// Evidence counts by source, significance, level and type, the case count and the snapshot,
    /// all from one consistent read.
    public func stats() async throws -> KnowledgeStats {
        try await read { db in
            func counts(_ column: String) throws -> [String: Int] {
                // `column` is one of the fixed names below, never user input.
                let rows = try Row.fetchAll(db, sql: "SELECT \(column), COUNT(*) FROM evidence GROUP BY \(column)")
                var result: [String: Int] = [:]
                for row in rows {
                    // NOT NULL columns, but data from disk is not trusted to be well formed.
                    guard let key: String = row[0], let count: Int = row[1] else { continue }
                    result[key] = count
                }
                return result
            }
            return KnowledgeStats(
                evidenceBySource: try counts("source"),
                evidenceBySignificance: try counts("significance"),
                evidenceByLevel: try counts("level"),
                evidenceByType: try counts("evidenceType"),
                cases: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0,
                snapshotID: try Self.readSnapshot(db)
            )
        }
    }
}
