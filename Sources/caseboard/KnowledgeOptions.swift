import ArgumentParser
import CaseboardKnowledge
import CaseboardStoreOpening
import CaseboardVocabularies
import Foundation
import Logging

/// `--db`, shared by every command that uses the knowledge base.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The SQLite file, or a postgres://user@host:port/database URL (default: $CASEBOARD_DB, else the per-user data folder)."
    )
    var db: String?

    @Flag(name: .long, help: "Open the database for reading only (automatic when its file or folder is read-only).")
    var readOnly = false

    /// Where the store is: `--db`, `$CASEBOARD_DB` or the default file.
    var location: StoreLocation {
        StoreLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    }

    /// The file path or the URL (without password), for messages.
    var path: String { location.description }

    /// The SQLite file, for commands that work on SQLite files only; a PostgreSQL URL is a usage
    /// error that names the PostgreSQL tool to use instead.
    func sqliteFile(for command: String) throws -> String {
        switch location {
        case .sqlite(let path): return path
        case .postgres:
            throw ValidationError(
                "\(command) works on a SQLite file; for PostgreSQL use 'caseboard kb dump FILE' or pg_dump (database: \(path))"
            )
        }
    }

    static func storeLogger() -> Logger {
        var logger = Logger(label: "caseboard.store")
        logger.logLevel = .warning
        return logger
    }

    /// Opens (creating, migrating and seeding on first use) the store.
    func open(vocabularies: Vocabularies) async throws -> any KnowledgeStore {
        let store = try await StoreOpener.openRunning(location, logger: Self.storeLogger(), readOnly: readOnly)
        // A read-only database is used as it is: reads and matching work, writes say why they fail.
        if !store.isReadOnlyStore { try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies) }
        return store
    }
}
