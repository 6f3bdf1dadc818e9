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

    /// Where the store is: `--db`, `$CASEBOARD_DB` or the default file.
    var location: StoreLocation {
        StoreLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
    }

    /// The file path or the URL (without password), for messages.
    var path: String { location.description }

    static func storeLogger() -> Logger {
        var logger = Logger(label: "caseboard.store")
        logger.logLevel = .warning
        return logger
    }

    /// Opens (creating, migrating and seeding on first use) the store.
    func open(vocabularies: Vocabularies) async throws -> any KnowledgeStore {
        let store = try await StoreOpener.openRunning(location, logger: Self.storeLogger())
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)
        return store
    }
}
