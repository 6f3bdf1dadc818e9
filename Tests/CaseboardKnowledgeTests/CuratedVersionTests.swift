import CaseboardKnowledge
import Foundation
import Testing

/// A store is re-seeded when the bundled tables change, even if the release name was not bumped
/// with the edit: before, a row edited without a new release name never reached a store seeded earlier.
struct CuratedVersionTests {
    @Test func theVersionFollowsTheTablesBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curated-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.tsv")
        try Data("id\tgene\nX-1\tKRAS\n".utf8).write(to: file)
        let before = CuratedEvidence.contentDigest(of: [file])
        #expect(CuratedEvidence.contentDigest(of: [file]) == before)
        try Data("id\tgene\nX-1\tNRAS\n".utf8).write(to: file)
        #expect(CuratedEvidence.contentDigest(of: [file]) != before)
        #expect(CuratedEvidence.version.hasPrefix(CuratedEvidence.release + "+"))
        #expect(CuratedEvidence.version == CuratedEvidence.release + "+" + CuratedEvidence.contentDigest(of: CuratedEvidence.bundledFiles()))
    }
}
