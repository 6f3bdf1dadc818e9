import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

/// Volume measurements, off by default: `CASEBOARD_STORE_VOLUME=100000 swift test -c release
/// --disable-xctest --filter VolumeTests`.
@Suite("SQLite store: volume", .enabled(if: ProcessInfo.processInfo.environment["CASEBOARD_STORE_VOLUME"] != nil))
struct VolumeTests {
    private static let genes = ["FLT3", "NPM1", "IDH1", "IDH2", "KIT", "BRAF", "EGFR", "ALK", "KRAS", "TP53"]
    private static let drugs = ["gilteritinib", "azacitidine", "venetoclax", "imatinib", "osimertinib", "alectinib"]
    private static let codes = ["AML", "NSCLC", "LUAD", "MEL", "GIST", "COADREAD"]

    private static func record(_ index: Int) -> CaseRecord {
        CaseRecord(
            document: "synthetic-\(index).txt",
            title: "Synthetic case \(index)",
            metadata: DocumentMetadata(pmid: "\(50_000_000 + index)"),
            diagnoses: [
                Diagnosis(name: "cancer \(index % 6)", oncotree: codes[index % 6], code: codes[index % 6], canonicalName: "Cancer")
            ],
            alterations: (0..<3).map { offset in
                Alteration(gene: genes[(index + offset) % 10], variant: "R\(100 + (index + offset) % 500)H", kind: .proteinChange)
            },
            therapies: [
                TherapyLine(line: 1, drugs: [drugs[index % 6], drugs[(index + 1) % 6]], response: .partial),
                TherapyLine(line: 2, drugs: [drugs[(index + 2) % 6]], response: .progressive),
            ]
        )
    }

    @Test func caseSummariesForManyCases() async throws {
        let count = Int(ProcessInfo.processInfo.environment["CASEBOARD_STORE_VOLUME"] ?? "") ?? 100_000
        try await withTemporaryDirectory { directory in
            let store = try SQLiteKnowledgeStore.open(path: directory.appendingPathComponent("volume.sqlite").path, logger: Fixtures.logger)
            let clock = ContinuousClock()
            let saving = try await clock.measure {
                for index in 0..<count { _ = try await store.saveCase(Self.record(index), evidence: []) }
            }
            print("saveCase x \(count) (one transaction each): \(saving)")
            var summaries: [CaseSummary] = []
            let loading = try await clock.measure { summaries = try await store.caseSummaries() }
            print("caseSummaries() for \(count) cases: \(loading)")
            #expect(summaries.count == count)
            #expect(summaries.last == CaseSummary(id: "pmid:\(50_000_000 + count - 1)", record: Self.record(count - 1)))
            let listing = try await clock.measure { _ = try await store.cases(query: "venetoclax", limit: 50, offset: 0) }
            print("cases(query:) first page over \(count) cases: \(listing)")
            let search = try await clock.measure { _ = try await store.caseIDs(with: .gene, value: "FLT3") }
            print("caseIDs(with: .gene) over \(count) cases: \(search)")
        }
    }
}
