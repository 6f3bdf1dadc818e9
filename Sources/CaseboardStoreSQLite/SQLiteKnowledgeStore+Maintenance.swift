import CaseboardKnowledge
import Foundation
import GRDB
import Logging

/// What `caseboard kb check` reports about a database file.
public struct StoreCheckReport: Sendable, Codable, Hashable {
    /// The file checked.
    public var path: String
    /// SQLite's `PRAGMA integrity_check` findings; empty when the file is sound.
    public var problems: [String]
    /// The last schema step applied, or nil for an empty file.
    public var schemaVersion: String?
    /// Schema steps this Caseboard knows that the file has not had yet (a writable open applies them).
    public var pendingMigrations: [String]
    /// Schema steps in the file that this Caseboard does not know (written by a newer one).
    public var unknownMigrations: [String]
    /// Stored cases, and evidence items by source; nil when the file could not be counted.
    public var cases: Int?
    public var evidenceBySource: [String: Int]?

    /// True when nothing is wrong: no integrity problems and no schema from a newer Caseboard.
    public var isHealthy: Bool { problems.isEmpty && unknownMigrations.isEmpty }

    enum CodingKeys: String, CodingKey {
        case path, problems, cases
        case schemaVersion = "schema_version"
        case pendingMigrations = "pending_migrations"
        case unknownMigrations = "unknown_migrations"
        case evidenceBySource = "evidence_by_source"
        case healthy
    }

    public init(
        path: String,
        problems: [String],
        schemaVersion: String?,
        pendingMigrations: [String],
        unknownMigrations: [String],
        cases: Int?,
        evidenceBySource: [String: Int]?
    ) {
        self.path = path
        self.problems = problems
        self.schemaVersion = schemaVersion
        self.pendingMigrations = pendingMigrations
        self.unknownMigrations = unknownMigrations
        self.cases = cases
        self.evidenceBySource = evidenceBySource
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        problems = try container.decode([String].self, forKey: .problems)
        schemaVersion = try container.decodeIfPresent(String.self, forKey: .schemaVersion)
        pendingMigrations = try container.decode([String].self, forKey: .pendingMigrations)
        unknownMigrations = try container.decode([String].self, forKey: .unknownMigrations)
        cases = try container.decodeIfPresent(Int.self, forKey: .cases)
        evidenceBySource = try container.decodeIfPresent([String: Int].self, forKey: .evidenceBySource)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(isHealthy, forKey: .healthy)
        try container.encode(problems, forKey: .problems)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(pendingMigrations, forKey: .pendingMigrations)
        try container.encode(unknownMigrations, forKey: .unknownMigrations)
        try container.encode(cases, forKey: .cases)
        try container.encode(evidenceBySource, forKey: .evidenceBySource)
    }
}

extension KnowledgeStoreError {
    /// The error for a database that fails SQLite's integrity check: it is left as it is.
    static func corrupt(path: String?, problem: String) -> KnowledgeStoreError {
        KnowledgeStoreError(
            "the database is damaged (\(problem)); nothing was written to it. Run 'caseboard kb check' for the full report, "
                + "then restore a copy made with 'caseboard kb backup', or rescue what is readable with "
                + "'sqlite3 FILE .recover | sqlite3 NEW-FILE'",
            path: path
        )
    }
}

extension SQLiteKnowledgeStore {
    /// Whether the database must be opened for reading only: its file, or the directory that
    /// would hold its journal, has no write permission. Mode bits are read directly, not through
    /// `access(2)`, so a read-only file is respected by root too.
    static func hasReadOnlyPermissions(_ url: URL) -> Bool {
        func writable(_ path: String) -> Bool {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            else { return true }
            return mode & 0o222 != 0 && FileManager.default.isWritableFile(atPath: path)
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        return !writable(url.path) || !writable(url.deletingLastPathComponent().path)
    }

    /// Opens an existing database for reading only; migrations never run.
    static func openReadOnly(path: String, logger: Logger, busyTimeout: TimeInterval) throws -> SQLiteKnowledgeStore {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw KnowledgeStoreError("the database does not exist, and a read-only open cannot create it", path: path)
        }
        guard try hasContent(url, path: path) else {
            throw KnowledgeStoreError("the database is empty, and a read-only open cannot set it up", path: path)
        }
        var config = makeConfiguration(logger: logger, busyTimeout: busyTimeout)
        config.readonly = true
        config.label = "caseboard-store-read-only"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    throw KnowledgeStoreError(
                        "the database was written by a newer version of Caseboard; upgrade Caseboard to open it",
                        path: path
                    )
                }
                guard try migrator.hasCompletedMigrations(db) else {
                    throw KnowledgeStoreError(
                        "the database needs a schema upgrade, which a read-only file cannot take; open it once with write "
                            + "permission (or copy it somewhere writable) and try again",
                        path: path
                    )
                }
                if let problem = try quickCheckProblem(db) {
                    throw KnowledgeStoreError.corrupt(path: path, problem: problem)
                }
            }
        } catch {
            throw storeError(error, path: path, busyTimeout: busyTimeout)
        }
        logger.debug("opened knowledge store read-only", metadata: ["path": "\(path)"])
        return SQLiteKnowledgeStore(writer: queue, path: path, logger: logger, busyTimeout: busyTimeout, isReadOnly: true)
    }

    /// The first problem `PRAGMA quick_check` finds, or nil when the file is sound. It reads
    /// every page once (milliseconds for a knowledge base of a few megabytes).
    static func quickCheckProblem(_ db: Database) throws -> String? {
        do {
            let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
            return findings == ["ok"] ? nil : (findings.first ?? "quick_check gave no answer")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            return error.message ?? "SQLite reports corruption"
        }
    }

    /// Checks a database file thoroughly without changing it: SQLite's full integrity check,
    /// the schema version against this Caseboard's, and counts. It opens the file read-only and
    /// runs no migration, so a damaged file can be inspected.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming the file when it is missing, not SQLite, or so
    ///   damaged that SQLite cannot read its schema.
    public static func check(path: String, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> StoreCheckReport {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw KnowledgeStoreError("no database file here", path: path)
        }
        guard try hasContent(url, path: path) else {
            return StoreCheckReport(
                path: path,
                problems: [],
                schemaVersion: nil,
                pendingMigrations: migrator.migrations,
                unknownMigrations: [],
                cases: nil,
                evidenceBySource: nil
            )
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            do {
                return try inspect(queue, path: path)
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                // Too damaged for the full check to finish: report what the quick check finds.
                let first = (try? queue.read { try quickCheckProblem($0) }) ?? nil
                return StoreCheckReport(
                    path: path,
                    problems: [first, "SQLite cannot read the file: \(error.message ?? "\(error.resultCode)")"].compactMap { $0 },
                    schemaVersion: nil,
                    pendingMigrations: [],
                    unknownMigrations: [],
                    cases: nil,
                    evidenceBySource: nil
                )
            }
        } catch {
            throw storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    private static func inspect(_ queue: DatabaseQueue, path: String) throws -> StoreCheckReport {
        try queue.read { db in
            // So damaged that the check itself cannot run: that is the finding.
            func unreadable(_ error: DatabaseError) -> [String] {
                ["SQLite cannot read the file: \(error.message ?? "\(error.resultCode)")"]
            }
            var problems: [String]
            do {
                let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)")
                problems =
                    findings == ["ok"]
                    ? [] : findings.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("*** in database") }
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                problems = unreadable(error)
            }
            let known = migrator.migrations
            var applied: [String] = []
            do {
                if try db.tableExists("grdb_migrations") {
                    applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                }
            } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
                problems += unreadable(error)
            }
            let appliedSet = Set(applied)
            var cases: Int?
            var bySource: [String: Int]?
            // Counts only from a sound file: a damaged table may not be readable.
            if problems.isEmpty, try db.tableExists("cases") {
                cases = try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases")
            }
            if problems.isEmpty, try db.tableExists("evidence") {
                bySource = try? Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT source, COUNT(*) AS n FROM evidence GROUP BY source").map {
                        ($0["source"] as String, $0["n"] as Int)
                    }
                )
            }
            return StoreCheckReport(
                path: path,
                problems: problems,
                schemaVersion: applied.last,
                pendingMigrations: known.filter { !appliedSet.contains($0) },
                unknownMigrations: applied.filter { !known.contains($0) },
                cases: cases,
                evidenceBySource: bySource
            )
        }
    }

    /// Copies the database to `destination` while it stays in use: SQLite's online backup
    /// reads one consistent snapshot, so writes by this or another process during the copy are
    /// either all in the copy or not at all. The copy is written to a temporary file beside
    /// `destination` and renamed over it only when complete, so `destination` is never half
    /// written.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming the destination when it cannot be written.
    public func backup(to destination: String) async throws {
        let target = URL(fileURLWithPath: destination)
        if let path, URL(fileURLWithPath: path).standardizedFileURL.path == target.standardizedFileURL.path {
            throw KnowledgeStoreError("the backup would overwrite the database itself; give another file", path: destination)
        }
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeStoreError("the folder for the backup does not exist", path: destination)
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = self.writer
        do {
            try await Task.detached {
                let copy = try DatabaseQueue(path: temporary.path)
                try writer.backup(to: copy)
                try copy.close()
            }.value
        } catch {
            throw Self.storeError(error, path: destination, busyTimeout: busyTimeout)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw KnowledgeStoreError("cannot move the finished backup into place: \(reason)", path: destination)
        }
    }
}
