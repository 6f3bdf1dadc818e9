import CaseboardVocabularies

/// Puts the bundled curated table into a store that lacks it, so matching answers on a fresh
/// machine with no import step.
public enum KnowledgeSeeding {
    static let key = "curated_version"

    /// Seeds (or re-seeds after an upgrade) the curated evidence. Returns true if it wrote.
    @discardableResult
    public static func seedIfNeeded(_ store: any KnowledgeStore, vocabularies: Vocabularies) async throws -> Bool {
        if try await store.metadata(key) == CuratedEvidence.version { return false }
        let (items, _) = try CuratedEvidence.load(vocabularies: vocabularies)
        _ = try await store.upsert(items)
        try await store.setMetadata(key, CuratedEvidence.version)
        return true
    }
}

/// Where the embedded database lives when no path is given.
public enum KnowledgeLocation {
    /// `$CASEBOARD_DB` if set; else the platform's per-user data folder:
    /// `$XDG_DATA_HOME/caseboard/caseboard.sqlite` (default `~/.local/share/...`) on Linux,
    /// `~/Library/Application Support/Caseboard/caseboard.sqlite` on macOS.
    public static func databasePath(environment: [String: String], home: String) -> String {
        if let path = environment["CASEBOARD_DB"], !path.isEmpty { return path }
        #if os(macOS)
        return home + "/Library/Application Support/Caseboard/caseboard.sqlite"
        #else
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        return base + "/caseboard/caseboard.sqlite"
        #endif
    }
}
