import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

@Suite("SQLite store: evidence")
struct EvidenceStoreTests {
    private func seededStore() async throws -> SQLiteKnowledgeStore {
        let store = try SQLiteKnowledgeStore.inMemory()
        let written = try await store.upsert(Fixtures.evidence)
        #expect(written == 7)
        return store
    }

    private func ids(_ store: SQLiteKnowledgeStore, _ filter: EvidenceFilter) async throws -> [String] {
        Fixtures.ids(try await store.evidence(matching: filter))
    }

    @Test func allEvidenceRoundTripsEveryField() async throws {
        let store = try await seededStore()
        let all = try await store.allEvidence()
        #expect(all == Fixtures.evidence.sorted { $0.id < $1.id })
    }

    @Test func jsonPagesHoldTheSameItemsAsDecodedPages() async throws {
        let store = try await seededStore()
        for filter in [
            EvidenceFilter(limit: 3, offset: 2), EvidenceFilter(gene: "FLT3"), EvidenceFilter(query: "resistance"),
            EvidenceFilter(limit: 5, offset: 50),
        ] {
            let decoded = try await store.evidence(matching: filter)
            let json = try await store.evidenceJSON(matching: filter)
            #expect(json.total == decoded.total)
            let items = try json.items.map { try JSONDecoder().decode(EvidenceItem.self, from: Data($0.utf8)) }
            #expect(items == decoded.items)
        }
    }

    @Test func upsertTwiceIsIdempotentAndUpdatesValues() async throws {
        let store = try await seededStore()
        var changed = Fixtures.evidence
        changed[0].statement = "Replaced statement about quizartinib."
        changed[0].drugs = ["quizartinib"]
        changed[0].level = .b
        let written = try await store.upsert(changed)
        #expect(written == 7)
        let all = try await store.allEvidence()
        #expect(all.count == 7)
        #expect(all.first { $0.id == "civic:EID1" } == changed[0])
        // The gene, drug and full-text rows follow the new values, not the old ones.
        #expect(try await ids(store, EvidenceFilter(drug: "gilteritinib")) == [])
        #expect(try await ids(store, EvidenceFilter(drug: "quizartinib")) == ["civic:EID1"])
        #expect(try await ids(store, EvidenceFilter(query: "durable remissions")) == [])
        #expect(try await ids(store, EvidenceFilter(query: "quizartinib")) == ["civic:EID1"])
        #expect(try await ids(store, EvidenceFilter(gene: "FLT3")) == ["civic:EID1", "civic:EID2"])
        #expect(try await store.stats().evidenceByLevel == ["A": 3, "B": 3, "C": 1])
    }

    @Test func duplicateIdsInOneBatchKeepTheLast() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        var second = Fixtures.evidence[0]
        second.statement = "Second version."
        let written = try await store.upsert([Fixtures.evidence[0], Fixtures.evidence[1], second])
        #expect(written == 2)
        #expect(try await store.allEvidence() == [second, Fixtures.evidence[1]])
    }

    @Test func emptyUpsertWritesNothing() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let before = try await store.snapshotID()
        #expect(try await store.upsert([]) == 0)
        #expect(try await store.snapshotID() == before)
    }

    @Test func noFilterReturnsEverythingByLevelThenID() async throws {
        let store = try await seededStore()
        let page = try await store.evidence(matching: EvidenceFilter())
        #expect(page.total == 7)
        #expect(
            Fixtures.ids(page) == [
                "civic:EID1", "curated:CB-1", "curated:CB-2", "curated:CB-3", "civic:EID2", "civic:EID3", "civic:EID4",
            ]
        )
    }

    @Test func geneFilterUsesComponentsAndFusionPartnersWithoutCase() async throws {
        let store = try await seededStore()
        #expect(try await ids(store, EvidenceFilter(gene: "FLT3")) == ["civic:EID1", "civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(gene: "flt3")) == ["civic:EID1", "civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(gene: "EML4")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(gene: "ALK")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(gene: "KRAS")) == [])
        // A blank filter value does not filter.
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "  ")).total == 7)
    }

    @Test func alterationFilterMatchesProfileSubstringOrExactVariant() async throws {
        let store = try await seededStore()
        #expect(try await ids(store, EvidenceFilter(alteration: "d835y")) == ["civic:EID1"])
        #expect(try await ids(store, EvidenceFilter(alteration: "V600E")) == ["curated:CB-2", "civic:EID3"])
        #expect(try await ids(store, EvidenceFilter(alteration: "alk fusion")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(alteration: "ITD")) == ["civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(alteration: "fusion")) == ["curated:CB-1", "curated:CB-3"])
        #expect(try await ids(store, EvidenceFilter(alteration: "flt3 d835y")) == ["civic:EID1"])
        #expect(try await ids(store, EvidenceFilter(alteration: "D835H")) == [])
        // LIKE wildcards in user text are literal characters here.
        #expect(try await ids(store, EvidenceFilter(alteration: "%")) == [])
    }

    @Test func diseaseFilterMatchesOncoTreeCodeOrNameSubstring() async throws {
        let store = try await seededStore()
        #expect(try await ids(store, EvidenceFilter(disease: "AML")) == ["civic:EID1", "civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(disease: "aml")) == ["civic:EID1", "civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(disease: "NSCLC")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(disease: "lung")) == ["curated:CB-1", "civic:EID4"])
        #expect(try await ids(store, EvidenceFilter(disease: "Myeloid")) == ["civic:EID1", "civic:EID2"])
        #expect(try await ids(store, EvidenceFilter(disease: "glioma")) == [])
    }

    @Test func drugLevelAndSourceFilters() async throws {
        let store = try await seededStore()
        #expect(try await ids(store, EvidenceFilter(drug: "Crizotinib")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(drug: "trametinib")) == ["curated:CB-2"])
        #expect(try await ids(store, EvidenceFilter(drug: "imatinib")) == [])
        #expect(
            try await ids(store, EvidenceFilter(level: .a)) == ["civic:EID1", "curated:CB-1", "curated:CB-2", "curated:CB-3"]
        )
        #expect(try await ids(store, EvidenceFilter(level: .d)) == [])
        #expect(try await ids(store, EvidenceFilter(source: .curated)) == ["curated:CB-1", "curated:CB-2", "curated:CB-3"])
        #expect(try await ids(store, EvidenceFilter(source: .caseReport)) == [])
    }

    @Test func filtersCombineWithAnd() async throws {
        let store = try await seededStore()
        #expect(try await ids(store, EvidenceFilter(gene: "BRAF", level: .b)) == ["civic:EID3"])
        #expect(try await ids(store, EvidenceFilter(gene: "BRAF", drug: "dabrafenib")) == ["curated:CB-2"])
        #expect(try await ids(store, EvidenceFilter(disease: "lung", level: .a)) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(gene: "FLT3", source: .curated)) == [])
        #expect(try await ids(store, EvidenceFilter(gene: "BRAF", query: "resistant")) == ["civic:EID3"])
        #expect(try await ids(store, EvidenceFilter(alteration: "V600E", disease: "MEL")) == ["curated:CB-2"])
        #expect(
            try await ids(
                store,
                EvidenceFilter(
                    gene: "FLT3",
                    alteration: "ITD",
                    disease: "AML",
                    drug: "sorafenib",
                    level: .b,
                    source: .civic,
                    query: "sorafenib"
                )
            ) == ["civic:EID2"]
        )
        #expect(
            try await ids(store, EvidenceFilter(gene: "FLT3", alteration: "ITD", drug: "gilteritinib")) == []
        )
    }

    @Test func paginationKeepsTheTotal() async throws {
        let store = try await seededStore()
        let first = try await store.evidence(matching: EvidenceFilter(limit: 3, offset: 0))
        #expect(first.total == 7)
        #expect(Fixtures.ids(first) == ["civic:EID1", "curated:CB-1", "curated:CB-2"])
        let second = try await store.evidence(matching: EvidenceFilter(limit: 3, offset: 3))
        #expect(second.total == 7)
        #expect(Fixtures.ids(second) == ["curated:CB-3", "civic:EID2", "civic:EID3"])
        let last = try await store.evidence(matching: EvidenceFilter(limit: 3, offset: 6))
        #expect(last.total == 7)
        #expect(Fixtures.ids(last) == ["civic:EID4"])
        let beyond = try await store.evidence(matching: EvidenceFilter(limit: 3, offset: 10))
        #expect(beyond == EvidencePage(items: [], total: 7))
        let none = try await store.evidence(matching: EvidenceFilter(level: .a, limit: 0))
        #expect(none == EvidencePage(items: [], total: 4))
        let negative = try await store.evidence(matching: EvidenceFilter(source: .curated, limit: 2, offset: -5))
        #expect(negative.total == 3)
        #expect(Fixtures.ids(negative) == ["curated:CB-1", "curated:CB-2"])
    }

    @Test func fullTextSearchStemsAndCoversEveryTextField() async throws {
        let store = try await seededStore()
        // Porter stemming: "resistant" finds "resistance" (EID2) and "resistant" (EID3).
        #expect(try await ids(store, EvidenceFilter(query: "resistant")) == ["civic:EID2", "civic:EID3"])
        #expect(try await ids(store, EvidenceFilter(query: "resistance")) == ["civic:EID2", "civic:EID3"])
        // Prefixes of every word.
        #expect(try await ids(store, EvidenceFilter(query: "gilter remis")) == ["civic:EID1"])
        // Profile name, genes, variants, disease names, drugs, citation label and PMID.
        #expect(try await ids(store, EvidenceFilter(query: "EML4")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(query: "v600e")) == ["curated:CB-2", "civic:EID3"])
        #expect(try await ids(store, EvidenceFilter(query: "melanoma")) == ["curated:CB-2"])
        #expect(try await ids(store, EvidenceFilter(query: "trametinib")) == ["curated:CB-2"])
        #expect(try await ids(store, EvidenceFilter(query: "Alecensa")) == ["curated:CB-1"])
        #expect(try await ids(store, EvidenceFilter(query: "10000002")) == ["civic:EID2"])
        // Diacritics fold: "tumour" is in CB-3's statement, "túmour" finds it.
        #expect(try await ids(store, EvidenceFilter(query: "túmour agnostic")) == ["curated:CB-3"])
        #expect(try await ids(store, EvidenceFilter(query: "glioblastoma")) == [])
    }

    @Test(arguments: [
        #""gilteritinib"#,
        #"gilteritinib*"#,
        #"(gilteritinib"#,
        #"gilteritinib) OR "#,
        #"NOT gilteritinib AND"#,
        #"gilteritinib:* ^"#,
    ])
    func userQuerySyntaxIsInert(query: String) async throws {
        let store = try await seededStore()
        // Operators and punctuation are not FTS5 syntax here; each word is a prefix to match.
        let page = try await store.evidence(matching: EvidenceFilter(query: query))
        let expected = query.contains("OR") || query.contains("NOT") ? [String]() : ["civic:EID1"]
        #expect(Fixtures.ids(page) == expected)
        #expect(page.total == expected.count)
    }

    @Test(arguments: ["", "   ", #"""#, "*", "()", #"" * ( ) :"#])
    func queryWithoutWordsDoesNotFilter(query: String) async throws {
        let store = try await seededStore()
        let page = try await store.evidence(matching: EvidenceFilter(query: query))
        #expect(page.total == 7)
    }

    // Speed is measured by Benchmarks/, not asserted here.
    @Test func upsertOfFourThousandItemsInOneBatch() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let items = Fixtures.bulkEvidence(prefix: "speed", count: 4_000)
        let written = try await store.upsert(items)
        #expect(written == 4_000)
        let page = try await store.evidence(matching: EvidenceFilter(gene: "kit", alteration: "D816V", limit: 5))
        #expect(page.total == 572)
        #expect(try await store.evidence(matching: EvidenceFilter(query: "number 3999")).total == 1)
    }

    @Test func upsertOfFourThousandItemsOnDisk() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteKnowledgeStore.open(path: directory.appendingPathComponent("kb.sqlite").path, logger: Fixtures.logger)
            let items = Fixtures.bulkEvidence(prefix: "disk", count: 4_000)
            _ = try await store.upsert(items)
            #expect(try await store.stats().evidenceBySource == ["civic": 4_000])
        }
    }

    @Test func failureInsideABatchWritesNothing() async throws {
        let store = try await seededStore()
        let before = try await store.snapshotID()
        var orphan = Fixtures.bulkEvidence(prefix: "orphan", count: 1)[0]
        orphan.caseID = "pmid:404"  // names a case that is not stored: a foreign-key violation
        let batch = Fixtures.bulkEvidence(prefix: "good", count: 20) + [orphan] + Fixtures.bulkEvidence(prefix: "late", count: 5)
        let error = await #expect(throws: KnowledgeStoreError.self) { try await store.upsert(batch) }
        #expect(error?.message == "an evidence item names a case that is not stored (foreign key); nothing was written")
        #expect(try await store.allEvidence() == Fixtures.evidence.sorted { $0.id < $1.id })
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "KIT")).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(query: "mastocytosis")).total == 0)
        #expect(try await store.snapshotID() == before)
    }

    /// Gene totals come from counts that triggers keep; through inserts, replacements, case
    /// saves, re-saves and deletes they must equal the rows a page actually lists.
    @Test func geneTotalsStayEqualToTheRowsThroughEveryKindOfWrite() async throws {
        let store = try SQLiteKnowledgeStore.inMemory(logger: Fixtures.logger)
        func check(_ step: String) async throws {
            for gene in ["FLT3", "ALK", "KIT", "EGFR", "NONE"] {
                for level in [nil] + EvidenceLevel.allCases.map(Optional.some) {
                    let page = try await store.evidence(matching: EvidenceFilter(gene: gene, level: level, limit: 100_000))
                    #expect(page.total == page.items.count, "\(step): \(gene) \(level?.rawValue ?? "any")")
                }
            }
        }
        _ = try await store.upsert(Fixtures.evidence + Fixtures.bulkEvidence(prefix: "a", count: 30))
        try await check("insert")
        // The same ids again, with other levels: replaced rows leave and enter their counts.
        let relevelled = Fixtures.bulkEvidence(prefix: "a", count: 30).map { item -> EvidenceItem in
            var copy = item
            copy.level = .b
            return copy
        }
        _ = try await store.upsert(relevelled)
        try await check("replace")
        let aml = try await store.saveCase(Fixtures.amlCase, evidence: Fixtures.caseEvidence("aml", count: 3, statement: "first"))
        try await check("save")
        _ = try await store.saveCase(Fixtures.amlCase, evidence: Fixtures.caseEvidence("aml", count: 1, statement: "again"))
        try await check("re-save")
        #expect(try await store.deleteCase(id: aml.id))
        try await check("delete")
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "KIT", level: .b)).total == 30)
    }
}
