import CaseboardVocabularies

/// Puts the bundled curated table and the bundled CIViC release into a store that lacks them,
/// so matching answers on a fresh machine with no import step, and records in the store's
/// metadata which version or release of each it holds.
public enum KnowledgeSeeding {
    /// The store metadata keys seeding and imports write.
    public enum Key {
        /// ``CuratedEvidence/version`` of the curated rows.
        public static let curatedVersion = "curated_version"
        /// ``CuratedEvidence/asOf`` of the curated rows: the store's "knowledge as of" date.
        public static let curatedAsOf = "curated_as_of"
        /// The CIViC release date, `YYYY-MM-DD`; absent when unknown.
        public static let civicRelease = "civic_release"
        /// The CIViC file the rows came from.
        public static let civicFile = "civic_file"
        /// ``CIViCRelease/Origin`` of the CIViC rows; absent when the store records no release.
        public static let civicOrigin = "civic_origin"
        /// ``CIViCRelease/bundleRevision`` of seeded CIViC rows.
        public static let civicBundleRevision = "civic_bundle_revision"
    }

    /// Seeds (or re-seeds after an upgrade) the curated table and the bundled CIViC release.
    ///
    /// The curated rows are replaced whenever ``CuratedEvidence/version`` differs from the
    /// stored one. The bundled CIViC release is written when the store holds no CIViC rows, or
    /// holds an earlier bundled release; a release loaded with `kb import civic` is kept. CIViC
    /// rows imported before stores recorded releases are kept and marked as imported.
    ///
    /// - Returns: True if it wrote anything.
    @discardableResult
    public static func seedIfNeeded(_ store: any KnowledgeStore, vocabularies: Vocabularies) async throws -> Bool {
        var wrote = false
        if try await store.metadata(Key.curatedVersion) != CuratedEvidence.version {
            let (items, _) = try CuratedEvidence.load(vocabularies: vocabularies)
            // Loading takes seconds; another process opening the same new file may have
            // seeded it meanwhile, and writing the same rows again only holds the lock longer.
            if try await store.metadata(Key.curatedVersion) != CuratedEvidence.version {
                _ = try await store.replaceEvidence(
                    of: .curated,
                    with: items,
                    metadata: [Key.curatedVersion: CuratedEvidence.version, Key.curatedAsOf: CuratedEvidence.asOf]
                )
                wrote = true
            }
        } else if try await store.metadata(Key.curatedAsOf) != CuratedEvidence.asOf {
            try await store.setMetadata(Key.curatedAsOf, CuratedEvidence.asOf)
            wrote = true
        }
        let bundled = try CIViCRelease.bundled()
        if try await civicRelease(of: store) == nil,
            try await store.evidence(matching: EvidenceFilter(source: .civic, limit: 0)).total > 0
        {
            try await store.setMetadata(Key.civicOrigin, CIViCRelease.Origin.imported.rawValue)
            return true
        }
        guard try await needsBundledCIViC(store, bundled: bundled) else { return wrote }
        let (items, _) = try CIViCRelease.loadBundled(vocabularies: vocabularies)
        // Seeded, or imported, by another process while this one loaded the release.
        guard try await needsBundledCIViC(store, bundled: bundled) else { return wrote }
        _ = try await replaceCIViC(in: store, with: items, release: bundled)
        return true
    }

    /// True when the store holds no CIViC release, or an earlier bundled one.
    private static func needsBundledCIViC(_ store: any KnowledgeStore, bundled: CIViCRelease) async throws -> Bool {
        guard let held = try await civicRelease(of: store) else { return true }
        let revision = try await store.metadata(Key.civicBundleRevision)
        return held.origin == .bundled && (held != bundled || revision != String(CIViCRelease.bundleRevision))
    }

    /// Replaces the store's CIViC rows with a release's items and records the release, in one
    /// transaction.
    ///
    /// - Returns: How many items were written.
    @discardableResult
    public static func replaceCIViC(in store: any KnowledgeStore, with items: [EvidenceItem], release: CIViCRelease) async throws -> Int {
        // Keys the release does not set are cleared (an empty value reads as absent), so a
        // dateless import does not inherit the bundled release's date.
        let metadata = [
            Key.civicOrigin: release.origin.rawValue,
            Key.civicRelease: release.date ?? "",
            Key.civicFile: release.file ?? "",
            Key.civicBundleRevision: release.origin == .bundled ? String(CIViCRelease.bundleRevision) : "",
        ]
        return try await store.replaceEvidence(of: .civic, with: items, metadata: metadata)
    }

    /// The CIViC release the store records, or nil when it records none.
    public static func civicRelease(of store: any KnowledgeStore) async throws -> CIViCRelease? {
        guard let origin = try await nonEmpty(store.metadata(Key.civicOrigin)).flatMap(CIViCRelease.Origin.init(rawValue:)) else {
            return nil
        }
        return CIViCRelease(
            date: try await nonEmpty(store.metadata(Key.civicRelease)),
            file: try await nonEmpty(store.metadata(Key.civicFile)),
            origin: origin
        )
    }

    /// Each source's item count and the version or release the store records for it, and the
    /// "knowledge as of" date: the curated table's.
    public static func releases(of store: any KnowledgeStore) async throws -> KnowledgeReleases {
        try await releases(of: store, stats: try await store.stats())
    }

    /// The same, with counts from stats the caller has already read.
    public static func releases(of store: any KnowledgeStore, stats: KnowledgeStats) async throws -> KnowledgeReleases {
        let asOf = try await nonEmpty(store.metadata(Key.curatedAsOf))
        let version = try await nonEmpty(store.metadata(Key.curatedVersion))
        let civic = try await civicRelease(of: store)
        let sources = EvidenceSource.allCases.map { source in
            var release = SourceRelease(source: source, count: stats.evidenceBySource[source.rawValue] ?? 0)
            switch source {
            case .curated:
                release.date = asOf
                release.version = version
            case .civic:
                release.date = civic?.date
                release.file = civic?.file
                release.origin = civic?.origin
            case .caseReport:
                break
            }
            return release
        }
        return KnowledgeReleases(asOf: asOf, sources: sources)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

/// What a store holds from each knowledge source, and as of when.
public struct KnowledgeReleases: Sendable, Codable, Hashable {
    /// The curated table's as-of date, `YYYY-MM-DD`; nil for a store never seeded.
    public var asOf: String?
    /// One entry per ``EvidenceSource``, in its declaration order.
    public var sources: [SourceRelease]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case sources
    }

    public init(asOf: String?, sources: [SourceRelease]) {
        self.asOf = asOf
        self.sources = sources
    }
}

/// One source's item count and the release the store holds.
public struct SourceRelease: Sendable, Codable, Hashable {
    public var source: EvidenceSource
    public var count: Int
    /// The release date (CIViC) or as-of date (curated), `YYYY-MM-DD`.
    public var date: String?
    /// The curated table's version.
    public var version: String?
    /// The file a CIViC release was read from.
    public var file: String?
    /// Whether the CIViC rows are the bundled release or an imported one.
    public var origin: CIViCRelease.Origin?

    public init(
        source: EvidenceSource,
        count: Int,
        date: String? = nil,
        version: String? = nil,
        file: String? = nil,
        origin: CIViCRelease.Origin? = nil
    ) {
        self.source = source
        self.count = count
        self.date = date
        self.version = version
        self.file = file
        self.origin = origin
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
