import ArgumentParser
import CaseboardKnowledge
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Logging

/// `--db`, shared by every command that uses the knowledge base.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database (default: $CASEBOARD_DB, else the per-user data folder).")
    var db: String?

    @Flag(name: .long, help: "Open the database for reading only (automatic when its file or folder is read-only).")
    var readOnly = false

    var path: String {
        db ?? KnowledgeLocation.databasePath(environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    }

    /// Opens (creating, migrating and seeding on first use) the store.
    func open(vocabularies: Vocabularies) async throws -> any KnowledgeStore {
        var logger = Logger(label: "caseboard.store")
        logger.logLevel = .warning
        let store = try SQLiteKnowledgeStore.open(path: path, logger: logger, readOnly: readOnly)
        // A read-only database is used as it is: reads and matching work, writes say why they fail.
        if !store.isReadOnly { try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies) }
        return store
    }
}
