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

    var path: String {
        db ?? KnowledgeLocation.databasePath(environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    }

    /// Opens (creating, migrating and seeding on first use) the store.
    func open(vocabularies: Vocabularies) async throws -> any KnowledgeStore {
        var logger = Logger(label: "caseboard.store")
        logger.logLevel = .warning
        let store = try SQLiteKnowledgeStore.open(path: path, logger: logger)
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)
        return store
    }
}
