import CaseboardCore
import CaseboardDocuments
import CaseboardExport
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardMatching
import Foundation
import Testing

/// `../shared/seeds` beside the package root, or `$CASEBOARD_SHARED/seeds` (for a worktree elsewhere).
enum SharedSeeds {
    static let directory =
        ProcessInfo.processInfo.environment["CASEBOARD_SHARED"].map { URL(fileURLWithPath: $0).appendingPathComponent("seeds") }
        ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }
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
        let names = try FileManager.default.contentsOfDirectory(atPath: SharedSeeds.directory.path).filter { $0.hasSuffix(".txt") }.sorted()
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
