import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// First-run seeding with the curated table and the bundled CIViC release, and what the store
/// then says about its sources.
struct KnowledgeSeedingTests {
    static func emptyStore() throws -> SQLiteKnowledgeStore {
        try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
    }

    static func seededStore() async throws -> SQLiteKnowledgeStore {
        let store = try emptyStore()
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get())
        return store
    }

    /// Two invented CIViC items standing in for a newer release.
    static let newerRelease: [EvidenceItem] = (1...2).map { number in
        EvidenceItem(
            id: "civic:EID\(90_000 + number)",
            source: .civic,
            profile: MolecularProfile(name: "FLT3 D835Y", components: [AlterationPattern(gene: "FLT3", kind: .proteinChange, variant: "D835Y")]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
            drugs: ["gilteritinib"],
            level: .b,
            significance: .sensitivity
        )
    }

    @Test func aFreshStoreHoldsTheCuratedTableAndTheBundledCIViCRelease() async throws {
        let store = try await Self.seededStore()
        let curated = try CuratedEvidence.load(vocabularies: try Harness.vocabularies.get()).items.count
        let bundled = try CIViCRelease.loadBundled(vocabularies: try Harness.vocabularies.get()).items.count
        let releases = try await KnowledgeSeeding.releases(of: store)
        let bySource = Dictionary(uniqueKeysWithValues: releases.sources.map { ($0.source, $0) })
        #expect(bundled > 3_000)
        #expect(bySource[.curated]?.count == curated)
        #expect(bySource[.curated]?.version == CuratedEvidence.version)
        #expect(bySource[.curated]?.date == CuratedEvidence.asOf)
        #expect(bySource[.civic]?.count == bundled)
        #expect(bySource[.civic]?.date == "2021-08-01")
        #expect(bySource[.civic]?.origin == .bundled)
        #expect(bySource[.civic]?.file == "01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz")
        #expect(bySource[.caseReport]?.count == 0)
        #expect(releases.asOf == CuratedEvidence.asOf)
        // Facts only: CIViC's evidence statements are not bundled.
        #expect(try await store.allEvidence().allSatisfy { $0.source != .civic || $0.statement == nil })
    }

    @Test func seedingTwiceWritesNothingTheSecondTime() async throws {
        let store = try await Self.seededStore()
        let snapshot = try await store.snapshotID()
        let again = try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get())
        #expect(!again)
        #expect(try await store.snapshotID() == snapshot)
    }

    @Test func anImportedReleaseReplacesTheBundledRowsAndSurvivesSeeding() async throws {
        let store = try await Self.seededStore()
        let imported = CIViCRelease(date: "2030-01-01", file: "01-Jan-2030-ClinicalEvidenceSummaries.tsv", origin: .imported)
        #expect(try await KnowledgeSeeding.replaceCIViC(in: store, with: Self.newerRelease, release: imported) == 2)
        #expect(try await store.stats().evidenceBySource["civic"] == 2)
        #expect(try await KnowledgeSeeding.civicRelease(of: store) == imported)
        // The next start must not put the bundled release back.
        #expect(try await !KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get()))
        #expect(try await store.stats().evidenceBySource["civic"] == 2)
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "FLT3", source: .civic)).items.map(\.id) == Self.newerRelease.map(\.id))
    }

    @Test func aDatelessImportDoesNotKeepTheBundledDate() async throws {
        let store = try await Self.seededStore()
        let imported = CIViCRelease(date: nil, file: "civic.tsv", origin: .imported)
        _ = try await KnowledgeSeeding.replaceCIViC(in: store, with: Self.newerRelease, release: imported)
        #expect(try await KnowledgeSeeding.civicRelease(of: store) == imported)
    }

    @Test func aStoreSeededBeforeCIViCWasBundledGetsIt() async throws {
        let store = try Self.emptyStore()
        let (curated, _) = try CuratedEvidence.load(vocabularies: try Harness.vocabularies.get())
        // What seeding used to write: the curated rows and their version, nothing else.
        _ = try await store.upsert(curated)
        try await store.setMetadata(KnowledgeSeeding.Key.curatedVersion, CuratedEvidence.version)
        #expect(try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get()))
        let stats = try await store.stats()
        #expect(stats.evidenceBySource["curated"] == curated.count)
        #expect((stats.evidenceBySource["civic"] ?? 0) > 3_000)
        #expect(try await KnowledgeSeeding.releases(of: store).asOf == CuratedEvidence.asOf)
    }

    @Test func anEarlierBundledReleaseIsReplacedOnUpgrade() async throws {
        let store = try await Self.seededStore()
        _ = try await KnowledgeSeeding.replaceCIViC(
            in: store,
            with: Self.newerRelease,
            release: CIViCRelease(date: "2019-08-29", file: "nightly-ClinicalEvidenceSummaries.tsv", origin: .bundled)
        )
        #expect(try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get()))
        #expect(try await KnowledgeSeeding.civicRelease(of: store) == (try CIViCRelease.bundled()))
        #expect((try await store.stats().evidenceBySource["civic"] ?? 0) > 3_000)
    }

    @Test func civicRowsImportedBeforeReleasesWereRecordedAreKept() async throws {
        let store = try Self.emptyStore()
        _ = try await store.upsert(Self.newerRelease)
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: try Harness.vocabularies.get())
        #expect(try await store.stats().evidenceBySource["civic"] == 2)
        #expect(try await KnowledgeSeeding.civicRelease(of: store) == CIViCRelease(date: nil, file: nil, origin: .imported))
    }

    @Test func releaseDatesAreReadFromCIViCFileNames() {
        #expect(CIViCRelease.date(fromFileName: "/tmp/01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz") == "2021-08-01")
        #expect(CIViCRelease.date(fromFileName: "01-Feb-2025-ClinicalEvidenceSummaries.tsv") == "2025-02-01")
        #expect(CIViCRelease.date(fromFileName: "2025-12-01-evidence.tsv") == "2025-12-01")
        #expect(CIViCRelease.date(fromFileName: "31-Feb-2025-ClinicalEvidenceSummaries.tsv") == nil)
        #expect(CIViCRelease.date(fromFileName: "nightly-ClinicalEvidenceSummaries.tsv") == nil)
    }

    @Test func versionNamesTheKnowledgeDateAndEachSourcesRelease() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/version", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Harness.json(response.body)
                #expect(body["knowledge_as_of"] as? String == CuratedEvidence.asOf)
                let releases = try #require(body["releases"] as? [String: [String: Any]])
                #expect(releases["civic"]?["date"] as? String == "2021-08-01")
                #expect(releases["civic"]?["origin"] as? String == "bundled")
                #expect(((releases["civic"]?["count"] as? Int) ?? 0) > 3_000)
                #expect(releases["curated"]?["version"] as? String == CuratedEvidence.version)
                #expect(releases["curated"]?["date"] as? String == CuratedEvidence.asOf)
                #expect(releases["case"]?["count"] as? Int == 0)
                #expect((body["sources"] as? [String: Int])?["civic"] == releases["civic"]?["count"] as? Int)
            }
        }
    }
}
