import CaseboardCore
import CaseboardDocuments
import CaseboardExport
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardMatching
import Foundation
import Testing

/// `$CASEBOARD_SHARED/seeds`, or `../shared/seeds` beside the package root or one folder further
/// up (a git worktree kept in a folder of worktrees, where the tests once skipped unseen).
enum SharedSeeds {
    static let directory: URL = {
        if let shared = ProcessInfo.processInfo.environment["CASEBOARD_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("seeds")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let above = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : above
    }()

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// The seed reports' file names, sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// Each seed report as the extractor reads it; empty when the seeds are absent.
    static func records() throws -> [CaseRecord] {
        guard isAvailable else { return [] }
        let extractor = CaseExtractor(vocabularies: Fixtures.vocabularies)
        return try names().map { name in
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            return extractor.extract(try PlainTextReader().read(bytes, source: name))
        }
    }
}

/// Export each seed case as a phenopacket, import it as a patient, and match: the options must be
/// those of the profile taken straight from the extracted case.
@Suite(.enabled(if: SharedSeeds.isAvailable, "../shared/seeds not found: seed round-trip skipped"))
struct SeedRoundTripTests {
    @Test func phenopacketRoundTripMatchesLikeTheExtractedProfile() throws {
        let vocabularies = Fixtures.vocabularies
        let extractor = CaseExtractor(vocabularies: vocabularies)
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        let matcher = Matcher(vocabularies: vocabularies, index: KnowledgeIndex(evidence: curated, cases: [], classRules: [], snapshot: "0-a"))
        let exporter = PhenopacketExporter(vocabularies: vocabularies, created: Fixtures.created)
        let importer = PhenopacketImporter(vocabularies: vocabularies)
        let names = try SharedSeeds.names()
        #expect(names.count == 5)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: SharedSeeds.directory.appendingPathComponent(name)))
            let record = extractor.extract(try PlainTextReader().read(bytes, source: name))
            let direct = PatientProfile(
                disease: record.diagnoses.first { $0.oncotree != nil }?.oncotree,
                alterations: record.alterations.map(\.label),
                priorTherapies: record.therapies.map { PriorTherapy(drugs: $0.drugs, response: $0.response?.rawValue) }
            )
            let imported = try importer.profile(from: exporter.phenopacket(record).encoded())
            let roundTripped = PatientProfile(
                disease: imported.disease,
                alterations: imported.alterations,
                priorTherapies: imported.priorTherapies.map { PriorTherapy(drugs: $0.drugs, response: $0.response) }
            )
            #expect(roundTripped.disease == direct.disease, "\(name)")
            #expect(Set(roundTripped.alterations).isSuperset(of: direct.alterations), "\(name)")
            let expected = matcher.match(direct).options.map { "\($0.drugs.joined(separator: "+")) [\($0.level)]" }
            let actual = matcher.match(roundTripped).options.map { "\($0.drugs.joined(separator: "+")) [\($0.level)]" }
            #expect(actual == expected, "\(name)")
        }
    }
}
