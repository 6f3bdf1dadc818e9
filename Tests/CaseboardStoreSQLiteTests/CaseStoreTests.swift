import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

@Suite("SQLite store: cases")
struct CaseStoreTests {
    private let amlID = "pmid:20000001"
    private var lungID: String { CaseIdentity.id(for: Fixtures.lungCase) }

    @Test func saveStoresTheRecordAndItsEvidence() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let derived = Fixtures.caseEvidence("aml", count: 2, statement: "Complete remission on gilteritinib.")
        let stored = try await store.saveCase(Fixtures.amlCase, evidence: derived)
        #expect(stored.id == amlID)
        #expect(stored.record == Fixtures.amlCase)
        // ISO 8601 in UTC, to the second.
        #expect(stored.importedAt.hasSuffix("Z"))
        #expect(stored.importedAt.count == 20)
        #expect((try? Date(stored.importedAt, strategy: .iso8601)) != nil)
        #expect(try await store.storedCase(id: amlID) == stored)
        #expect(try await store.storedCase(id: "pmid:1") == nil)

        let page = try await store.evidence(matching: EvidenceFilter(source: .caseReport))
        #expect(page.total == 2)
        #expect(page.items.map(\.caseID) == [amlID, amlID])
        #expect(page.items.map(\.id) == ["case:aml:1", "case:aml:2"])
        // Apart from the case id, the stored copies are the items given.
        #expect(
            page.items.map { item in
                var copy = item
                copy.caseID = nil
                return copy
            } == derived
        )
    }

    @Test func aBatchCommitsItsGoodCasesOnceAndReportsTheBadOne() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        let before = try await store.snapshotID()
        var unencodable = Fixtures.lungCase
        unencodable.document = "nan.txt"
        // JSON has no NaN, so this record cannot be stored.
        unencodable.alterations[0].alleleFraction = .nan
        let batch = try await store.saveCases([
            CaseSubmission(record: Fixtures.amlCase, evidence: Fixtures.caseEvidence("aml", count: 1, statement: "Remission.")),
            CaseSubmission(record: unencodable, evidence: []),
            CaseSubmission(record: Fixtures.lungCase, evidence: []),
        ])
        #expect(batch.outcomes.count == 3)
        #expect((try? batch.outcomes[0].get())?.replaced == true)
        #expect((try? batch.outcomes[2].get())?.replaced == false)
        guard case .failure(let error) = batch.outcomes[1] else {
            Issue.record("the unencodable case was stored")
            return
        }
        #expect(!error.message.isEmpty)
        #expect(try await store.stats().cases == 2)
        #expect(try await store.storedCase(id: CaseIdentity.id(for: unencodable)) == nil)
        // One commit, one snapshot step, and the result names it.
        #expect(batch.snapshot == (try await store.snapshotID()))
        #expect(Int(batch.snapshot.prefix { $0.isNumber }) == Int(before.prefix { $0.isNumber })! + 1)
    }

    @Test func aBatchWithNothingStoredKeepsTheSnapshot() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let before = try await store.snapshotID()
        var unencodable = Fixtures.lungCase
        unencodable.alterations[0].alleleFraction = .infinity
        let batch = try await store.saveCases([CaseSubmission(record: unencodable, evidence: [])])
        #expect(batch.snapshot == before)
        await #expect(throws: KnowledgeStoreError.self) { try await store.saveCase(unencodable, evidence: []) }
    }

    @Test func caseIDWithoutPMIDComesFromDocumentAndTitle() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let stored = try await store.saveCase(Fixtures.lungCase, evidence: [])
        #expect(stored.id == CaseIdentity.id(for: Fixtures.lungCase))
        #expect(stored.id.hasPrefix("doc:lung-case.txt-"))
    }

    @Test func savingTheSameCaseAgainReplacesItAndItsEvidence() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.saveCase(
            Fixtures.amlCase,
            evidence: Fixtures.caseEvidence("aml", count: 3, statement: "Old statement about remission.")
        )
        var revised = Fixtures.amlCase
        revised.warnings = ["re-read"]
        let replacement = Fixtures.caseEvidence("aml-v2", count: 1, statement: "New statement about relapse.")
        let stored = try await store.saveCase(revised, evidence: replacement)
        #expect(stored.id == amlID)
        #expect(try await store.stats().cases == 1)
        #expect(try await store.storedCase(id: amlID)?.record == revised)
        let page = try await store.evidence(matching: EvidenceFilter(source: .caseReport))
        #expect(Fixtures.ids(page) == ["case:aml-v2:1"])
        #expect(try await store.evidence(matching: EvidenceFilter(query: "remission")).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(query: "relapse")).total == 1)
    }

    @Test func deleteCascadesToEvidenceFeaturesAndSearch() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.upsert(Fixtures.evidence)
        _ = try await store.saveCase(
            Fixtures.amlCase,
            evidence: Fixtures.caseEvidence("aml", count: 2, statement: "Cytogenetic clearance on gilteritinib.")
        )
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
        #expect(try await store.evidence(matching: EvidenceFilter(query: "cytogenetic")).total == 2)
        #expect(try await store.caseIDs(with: .gene, value: "flt3") == [amlID])

        #expect(try await store.deleteCase(id: amlID))
        #expect(try await store.storedCase(id: amlID) == nil)
        #expect(try await store.evidence(matching: EvidenceFilter(source: .caseReport)).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(query: "cytogenetic")).total == 0)
        #expect(try await store.caseIDs(with: .gene, value: "FLT3") == [])
        #expect(try await store.cases(query: "gilteritinib", limit: 10, offset: 0) == [])
        // Evidence that came from elsewhere stays.
        #expect(try await store.allEvidence() == Fixtures.evidence.sorted { $0.id < $1.id })
        #expect(try await store.cases(query: nil, limit: 10, offset: 0).map(\.id) == [lungID])

        let snapshot = try await store.snapshotID()
        #expect(try await store.deleteCase(id: amlID) == false)
        #expect(try await store.snapshotID() == snapshot)
    }

    @Test func casesAreNewestFirstAndSearchable() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
        #expect(try await store.cases(query: nil, limit: 10, offset: 0).map(\.id) == [lungID, amlID])
        #expect(try await store.cases(query: "  ", limit: 10, offset: 0).map(\.id) == [lungID, amlID])
        #expect(try await store.cases(query: nil, limit: 1, offset: 0).map(\.id) == [lungID])
        #expect(try await store.cases(query: nil, limit: 1, offset: 1).map(\.id) == [amlID])
        #expect(try await store.cases(query: nil, limit: 0, offset: 0) == [])
        // Title, diagnoses, alteration labels, drugs, resistance.
        #expect(try await store.cases(query: "gilteritinib", limit: 10, offset: 0).map(\.id) == [amlID])
        #expect(try await store.cases(query: "adenocarcinoma", limit: 10, offset: 0).map(\.id) == [lungID])
        #expect(try await store.cases(query: "EML4", limit: 10, offset: 0).map(\.id) == [lungID])
        #expect(try await store.cases(query: "F691L", limit: 10, offset: 0).map(\.id) == [amlID])
        #expect(try await store.cases(query: "crizotinib alectinib", limit: 10, offset: 0).map(\.id) == [lungID])
        #expect(try await store.cases(query: "resistant", limit: 10, offset: 0).map(\.id) == [amlID])
        #expect(try await store.cases(query: #"leuk* "(OR"#, limit: 10, offset: 0).map(\.id) == [])
        #expect(try await store.cases(query: #"leuk* ("#, limit: 10, offset: 0).map(\.id) == [amlID])
        #expect(try await store.cases(query: "melanoma", limit: 10, offset: 0) == [])
        // Resaving moves a case to the front.
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        #expect(try await store.cases(query: nil, limit: 10, offset: 0).map(\.id) == [amlID, lungID])
    }

    @Test func caseSummariesRoundTrip() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        #expect(try await store.caseSummaries() == [])
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
        let summaries = try await store.caseSummaries()
        #expect(
            summaries == [
                CaseSummary(id: amlID, record: Fixtures.amlCase),
                CaseSummary(id: lungID, record: Fixtures.lungCase),
            ]
        )
        #expect(summaries[1].drugs == ["crizotinib", "alectinib"])
        #expect(summaries[1].alterations == [AlterationPattern(gene: "ALK", kind: .fusion, variant: "fusion", partner: "EML4")])
    }

    /// Summaries are stored in a compact text form, with JSON for values that hold its
    /// separators; both must round-trip exactly.
    @Test func caseSummariesRoundTripOddValues() async throws {
        let records = [
            CaseRecord(
                document: "codon.txt",
                diagnoses: [],
                alterations: [
                    Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange),
                    Alteration(gene: "EGFR", variant: "exon 19 deletion", kind: .exon),
                    Alteration(gene: "EGFR", variant: "E746_A750del", kind: .proteinChange),
                    Alteration(gene: "ALK", variant: "fusion", kind: .fusion, partner: ""),
                ]
            ),
            CaseRecord(
                document: "unicode.txt",
                title: "+{Leucémie — 急性骨髄性白血病}",
                metadata: DocumentMetadata(pmid: ""),
                therapies: [TherapyLine(line: 1, drugs: ["cytarabine", "daunorubicin"])]
            ),
            CaseRecord(document: "empty-title.txt", title: ""),
            CaseRecord(document: "separator.txt", title: "odd\u{1F}title\u{1E}here"),
            CaseRecord(
                document: "empty-code.txt",
                diagnoses: [Diagnosis(name: "x", oncotree: "", code: "", canonicalName: "x")],
                therapies: [TherapyLine(line: 1, drugs: [""])]
            ),
        ]
        let store = try SQLiteKnowledgeStore.inMemory()
        for record in records { _ = try await store.saveCase(record, evidence: []) }
        let expected = records.map { CaseSummary(id: CaseIdentity.id(for: $0), record: $0) }
        #expect(try await store.caseSummaries() == expected)
        #expect(expected[0].alterations.map(\.position) == [835, nil, 746, nil])
        #expect(expected[0].alterations.map(\.alternate) == ["H", nil, "_A750del", nil])
        #expect(expected[0].alterations.map(\.exon) == [nil, 19, nil, nil])
        #expect(expected[0].alterations[3].partner == "")
        #expect(expected[2].title == "")
    }

    @Test func featuresFilterCases() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
        #expect(try await store.caseIDs(with: .gene, value: "EML4") == [lungID])
        #expect(try await store.caseIDs(with: .gene, value: "alk") == [lungID])
        #expect(try await store.caseIDs(with: .alteration, value: "FLT3 D835Y") == [amlID])
        #expect(try await store.caseIDs(with: .alteration, value: "EML4::ALK fusion") == [lungID])
        #expect(try await store.caseIDs(with: .drug, value: "Alectinib") == [lungID])
        #expect(try await store.caseIDs(with: .oncotree, value: "AML") == [amlID])
        #expect(try await store.caseIDs(with: .oncotree, value: "MEL") == [])
    }
}
