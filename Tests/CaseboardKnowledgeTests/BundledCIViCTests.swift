import CaseboardCore
import CaseboardDocuments
import CaseboardKnowledge
import Foundation
import Testing

struct BundledCIViCTests {
    @Test func theBundledReleaseNamesItsDateAndFile() throws {
        let release = try CIViCRelease.bundled()
        #expect(release.date == "2021-08-01")
        #expect(release.file == "01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz")
        #expect(release.origin == .bundled)
    }

    @Test func theBundledReleaseLoadsWithoutStatements() throws {
        let (items, report) = try CIViCRelease.loadBundled(vocabularies: Shared.vocabularies.get())
        #expect(items.count > 3_000, "skipped: \(report.skipped)")
        #expect(items.allSatisfy { $0.source == .civic && $0.statement == nil })
        #expect(items.allSatisfy { $0.citation.url == "https://civicdb.org/evidence/\($0.id.dropFirst("civic:EID".count))" })
        #expect(Set(items.map(\.id)).count == items.count)
    }
}

@Suite(.enabled(if: Shared.hasSharedData, "../shared/data/civic not found: bundled CIViC comparison skipped"))
struct BundledCIViCMatchesTheReleaseTests {
    /// scripts/generate_civic.py keeps every fact the importer reads: the bundled items are the
    /// release's, less CIViC's prose and its retired evidence URLs.
    @Test func theBundleGivesTheSameItemsAsTheReleaseFile() throws {
        let url = Shared.sharedRoot.appendingPathComponent("data/civic/01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz")
        var source = try ByteSources.open(path: url.path)
        let bytes = try source.readAll(name: url.path)
        let vocabularies = try Shared.vocabularies.get()
        let release = try CIViCImporter.parse(String(decoding: bytes, as: UTF8.self), vocabularies: vocabularies).items
        let bundled = try CIViCRelease.loadBundled(vocabularies: vocabularies).items
        let stripped = release.map { item in
            var item = item
            item.statement = nil
            item.citation.url = nil
            return item
        }
        #expect(
            stripped
                == bundled.map { item in
                    var item = item
                    item.citation.url = nil
                    return item
                }
        )
    }
}
