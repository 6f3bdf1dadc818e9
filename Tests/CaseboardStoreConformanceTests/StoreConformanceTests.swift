import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreOpening
import CaseboardStorePostgres
import CaseboardStoreSQLite
import Foundation
import Testing

/// The store contract (``KnowledgeStore``'s DocC), run against every store.
struct StoreConformanceTests {
    /// Tells why the PostgreSQL half did not run; under CI it must run.
    @Test(.enabled(if: StoreKind.postgresURL == nil))
    func postgresHalfNeedsAServer() {
        print("skipped: the PostgreSQL half of the store conformance suite needs CASEBOARD_TEST_POSTGRES_URL (scripts/postgres-test-cluster start)")
        #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must start PostgreSQL (scripts/test does) so the suite runs on both stores")
    }

    // MARK: Snapshots

    @Test(arguments: StoreKind.available)
    func generationGrowsByOnePerCommitThatChangedContent(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            let start = try Sample.generation(try await store.snapshotID())
            _ = try await store.upsert(Array(Sample.evidence.prefix(2)))
            #expect(try Sample.generation(try await store.snapshotID()) == start + 1)
            try await store.setMetadata("note", "one")
            #expect(try Sample.generation(try await store.snapshotID()) == start + 2)
            // No change, no new snapshot.
            try await store.setMetadata("note", "one")
            #expect(try await store.deleteCase(id: "pmid:none") == false)
            _ = try await store.upsert([])
            #expect(try Sample.generation(try await store.snapshotID()) == start + 2)
            // A batch of cases is one commit, and reports the snapshot it produced.
            let batch = try await store.saveCases([
                CaseSubmission(record: Sample.record(1), evidence: Sample.caseEvidence("a")),
                CaseSubmission(record: Sample.record(2), evidence: Sample.caseEvidence("b")),
            ])
            #expect(try Sample.generation(batch.snapshot) == start + 3)
            #expect(try await store.snapshotID() == batch.snapshot)
            #expect(try await store.stats().snapshotID == batch.snapshot)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFailedWriteLeavesTheStoreAsItWas(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.upsert([Sample.evidence[0]])
            let before = try await store.snapshotID()
            var orphan = Sample.evidence[2]
            orphan.caseID = "pmid:not-stored"
            await #expect(throws: KnowledgeStoreError.self) {
                _ = try await store.upsert([Sample.evidence[1], orphan])
            }
            #expect(try await store.snapshotID() == before)
            #expect(try await store.allEvidence().map(\.id) == [Sample.evidence[0].id])
            // Reserved metadata and wrong-source items are refused whole, too.
            await #expect(throws: KnowledgeStoreError.self) {
                _ = try await store.replaceEvidence(of: .civic, with: [Sample.evidence[1]], metadata: [:])
            }
            await #expect(throws: KnowledgeStoreError.self) { try await store.setMetadata("snapshot", "x") }
            #expect(try await store.snapshotID() == before)
        }
    }

    @Test(arguments: StoreKind.available)
    func anotherWriterIsToldThroughChanges(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, location in
            try await StoreHarness.withSecondView(location) { other in
                var changes = store.changes().makeAsyncIterator()
                // Writes keep coming until the change is told (a condition, with a deadline so a
                // store that never tells fails instead of hanging).
                let writer = Task {
                    for number in 0..<600 where !Task.isCancelled {
                        try await other.setMetadata("writer", "\(number)")
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                defer { writer.cancel() }
                // A store may first tell the snapshot it had when it started listening.
                var told: String?
                while let snapshot = await changes.next() {
                    told = snapshot
                    if try Sample.generation(snapshot) >= 1 { break }
                }
                #expect(try Sample.generation(try #require(told)) >= 1)
            }
        }
    }

    // MARK: Case ids and duplicates

    @Test(arguments: StoreKind.available)
    func caseIdsComeFromTheRecordAndASecondSaveReplaces(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            let record = Sample.record(7, pmid: "30000007")
            let first = try await store.saveCases([CaseSubmission(record: record, evidence: Sample.caseEvidence("x", count: 3))])
            let outcome = try first.outcomes[0].get()
            #expect(outcome.stored.id == "pmid:30000007")
            #expect(outcome.stored.id == CaseIdentity.id(for: record))
            #expect(outcome.replaced == false)
            let second = try await store.saveCases([CaseSubmission(record: record, evidence: Sample.caseEvidence("y", count: 1))])
            #expect(try second.outcomes[0].get().replaced == true)
            // The first save's evidence went with it.
            let evidence = try await store.allEvidence()
            #expect(evidence.map(\.id) == ["case:y:0"])
            #expect(evidence.allSatisfy { $0.caseID == "pmid:30000007" })
            #expect(try await store.storedCase(id: "pmid:30000007")?.record == record)
            #expect(try await store.deleteCase(id: "pmid:30000007"))
            #expect(try await store.allEvidence().isEmpty)
            #expect(try await store.storedCase(id: "pmid:30000007") == nil)
        }
    }

    // MARK: Case documents (v7-case-documents)

    @Test(arguments: StoreKind.available)
    func aCaseKeepsItsDocumentTextUntilReplacedOrDeleted(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            // Not ASCII, with a line break and quotes, so nothing is lost on the way.
            let text = "Une patiente de 61 ans \u{2014} \"EGFR L858R\".\nTraitée par osimertinib. \u{1F9EC}"
            let record = Sample.record(8, pmid: "30000008")
            let saved = try await store.saveCases([CaseSubmission(record: record, evidence: [], documentText: text)])
            #expect(try saved.outcomes[0].get().stored.documentText == text)
            #expect(try await store.storedCase(id: "pmid:30000008")?.documentText == text)
            #expect(try await store.cases(query: nil, limit: 10, offset: 0).first { $0.id == "pmid:30000008" }?.documentText == text)
            #expect(try await store.cases(query: "osimertinib", limit: 10, offset: 0).isEmpty, "the document text is not searched")
            // A case stored without text (as before the migration) has none and still reads back.
            _ = try await store.saveCase(Sample.record(9), evidence: [])
            let plain = try await store.cases(query: nil, limit: 10, offset: 0).first { $0.id != "pmid:30000008" }
            #expect(plain != nil && plain?.documentText == nil)
            // Saving again replaces the text with the new save's (here none).
            _ = try await store.saveCases([CaseSubmission(record: record, evidence: [])])
            #expect(try await store.storedCase(id: "pmid:30000008")?.documentText == nil)
            _ = try await store.saveCases([CaseSubmission(record: record, evidence: [], documentText: "second text")])
            #expect(try await store.storedCase(id: "pmid:30000008")?.documentText == "second text")
            // Deleting the case deletes its text: a new save without text finds none left over.
            #expect(try await store.deleteCase(id: "pmid:30000008"))
            _ = try await store.saveCase(record, evidence: [])
            #expect(try await store.storedCase(id: "pmid:30000008")?.documentText == nil)
        }
    }

    /// A batch is written whole when it can be (PostgreSQL: one statement per table); a case
    /// that cannot be stored, or one named twice, must still come out as saving the cases one
    /// by one would.
    @Test(arguments: StoreKind.available)
    func aBatchSavesAsOneByOneWould(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.saveCase(Sample.record(1, pmid: "50000001"), evidence: Sample.caseEvidence("old"))
            var unencodable = Sample.record(2, pmid: "50000002")
            // JSON has no NaN: this case cannot be stored.
            unencodable.alterations[0].alleleFraction = .nan
            let before = try Sample.generation(try await store.snapshotID())
            let batch = try await store.saveCases([
                CaseSubmission(record: Sample.record(1, pmid: "50000001", drug: "quizartinib"), evidence: Sample.caseEvidence("new")),
                CaseSubmission(record: unencodable, evidence: []),
                CaseSubmission(record: Sample.record(3, pmid: "50000003"), evidence: Sample.caseEvidence("three", count: 1)),
                CaseSubmission(record: Sample.record(4, pmid: "50000004"), evidence: []),
            ])
            #expect(try Sample.generation(batch.snapshot) == before + 1)
            #expect(batch.outcomes.map { (try? $0.get())?.replaced } == [true, nil, false, false])
            #expect(try await store.storedCase(id: "pmid:50000001")?.record.therapies.first?.drugs == ["quizartinib"])
            #expect(try await store.storedCase(id: "pmid:50000002") == nil)
            #expect(try await store.allEvidence().map(\.id) == ["case:new:0", "case:new:1", "case:three:0"])
            let order = try await store.caseSummaries().map(\.id)
            #expect(order.firstIndex(of: "pmid:50000003")! < order.firstIndex(of: "pmid:50000004")!)
            // The same case twice in one batch: the second replaces the first.
            let twice = try await store.saveCases([
                CaseSubmission(record: Sample.record(5, pmid: "50000005"), evidence: Sample.caseEvidence("first")),
                CaseSubmission(record: Sample.record(5, pmid: "50000005", drug: "sorafenib"), evidence: Sample.caseEvidence("second", count: 1)),
            ])
            #expect(twice.outcomes.map { (try? $0.get())?.replaced } == [false, true])
            #expect(try await store.storedCase(id: "pmid:50000005")?.record.therapies.first?.drugs == ["sorafenib"])
            #expect(try await store.allEvidence().filter { $0.caseID == "pmid:50000005" }.map(\.id) == ["case:second:0"])
        }
    }

    @Test(arguments: StoreKind.available)
    func manyCasesAreDeletedInOneCommit(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.saveCases(
                (1...3).map { CaseSubmission(record: Sample.record($0, pmid: "6000000\($0)"), evidence: Sample.caseEvidence("d\($0)", count: 1)) }
            )
            let before = try Sample.generation(try await store.snapshotID())
            let deleted = try await store.deleteCases(ids: ["pmid:60000003", "pmid:none", "pmid:60000001", "pmid:60000003"])
            #expect(deleted == ["pmid:60000003", "pmid:60000001"])
            #expect(try Sample.generation(try await store.snapshotID()) == before + 1)
            #expect(try await store.caseSummaries().map(\.id) == ["pmid:60000002"])
            #expect(try await store.allEvidence().map(\.id) == ["case:d2:0"])
            // Nothing to delete, no change.
            #expect(try await store.deleteCases(ids: ["pmid:none"]).isEmpty)
            #expect(try await store.deleteCases(ids: []).isEmpty)
            #expect(try Sample.generation(try await store.snapshotID()) == before + 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func theLastOccurrenceOfAnEvidenceIdWins(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            var changed = Sample.evidence[0]
            changed.statement = "A second invented statement."
            #expect(try await store.upsert([Sample.evidence[0], changed]) == 1)
            #expect(try await store.allEvidence() == [changed])
            // Upserting again replaces, with its gene and drug rows.
            changed.drugs = ["quizartinib"]
            _ = try await store.upsert([changed])
            #expect(try await store.evidence(matching: EvidenceFilter(drug: "gilteritinib")).total == 0)
            #expect(try await store.evidence(matching: EvidenceFilter(drug: "QUIZARTINIB")).items == [changed])
        }
    }

    @Test(arguments: StoreKind.available)
    func replacingASourceDropsItsOldRowsAndSetsMetadata(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.upsert(Sample.evidence)
            let civic = Sample.evidence.filter { $0.source == .civic }
            #expect(try await store.replaceEvidence(of: .civic, with: [civic[0]], metadata: ["release": "r2"]) == 1)
            #expect(try await store.evidence(matching: EvidenceFilter(source: .civic)).items.map(\.id) == [civic[0].id])
            #expect(try await store.evidence(matching: EvidenceFilter(source: .curated)).total == 2)
            #expect(try await store.metadata("release") == "r2")
            #expect(try await store.allMetadata()["release"] == "r2")
            #expect(try await store.allMetadata()["snapshot"] == nil)
        }
    }

    // MARK: Search and filters

    /// `kb search sorafenib resistance` found nothing although a curated sorafenib-resistance
    /// row exists: "resistance" was only in the row's significance, which was not searched.
    @Test(arguments: StoreKind.available)
    func freeTextFindsWordsAcrossFieldsIncludingSignificance(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.upsert(Sample.evidence)
            func ids(_ query: String) async throws -> [String] {
                try await store.evidence(matching: EvidenceFilter(query: query)).items.map(\.id)
            }
            #expect(try await ids("sorafenib resistance") == ["curated:CR-9"])
            // Stemming and prefixes, in any case.
            #expect(try await ids("Sorafenib RESISTANT") == ["curated:CR-9"])
            #expect(try await ids("soraf") == ["civic:EID5", "curated:CR-9"])
            // Every word must match.
            #expect(try await ids("sorafenib vemurafenib").isEmpty)
            // Genes, variants, citations and the evidence type are searched too.
            #expect(try await ids("flt3 y842c") == ["curated:CR-9"])
            #expect(try await ids("10000001") == ["civic:EID1"])
            #expect(try await ids("predictive vemurafenib") == ["civic:EID3"])
            // Punctuation is inert.
            #expect(try await ids("\"sorafenib\" (resistance*") == ["curated:CR-9"])
            // No searchable word, no filter.
            #expect(try await store.evidence(matching: EvidenceFilter(query: " ;; ")).total == Sample.evidence.count)
        }
    }

    @Test(arguments: StoreKind.available)
    func filtersAndPagesAgree(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.upsert(Sample.evidence)
            func ids(_ filter: EvidenceFilter) async throws -> [String] {
                try await store.evidence(matching: filter).items.map(\.id)
            }
            // Level, then id, byte-wise.
            #expect(try await ids(EvidenceFilter()) == ["civic:EID1", "curated:CB-1", "civic:EID3", "civic:EID5", "curated:CR-9"])
            #expect(try await ids(EvidenceFilter(gene: "flt3")) == ["civic:EID1", "civic:EID5", "curated:CR-9"])
            #expect(try await ids(EvidenceFilter(gene: "EML4")) == ["curated:CB-1"])
            #expect(try await ids(EvidenceFilter(alteration: "d835y")) == ["civic:EID1"])
            #expect(try await ids(EvidenceFilter(alteration: "FLT3 ITD")) == ["civic:EID5"])
            #expect(try await ids(EvidenceFilter(disease: "aml", level: .b)) == ["civic:EID5"])
            #expect(try await ids(EvidenceFilter(disease: "colorectal")) == ["civic:EID3"])
            #expect(try await ids(EvidenceFilter(drug: "Crizotinib")) == ["curated:CB-1"])
            let page = try await store.evidence(matching: EvidenceFilter(gene: "FLT3", limit: 1, offset: 1))
            #expect(page.total == 3)
            #expect(page.items.map(\.id) == ["civic:EID5"])
            let json = try await store.evidenceJSON(matching: EvidenceFilter(gene: "FLT3", limit: 1, offset: 1))
            #expect(json.total == 3)
            #expect(try json.items.map { try JSONDecoder().decode(EvidenceItem.self, from: Data($0.utf8)) } == page.items)
            #expect(try await store.evidence(matching: EvidenceFilter(limit: 0)).items.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func casesAreListedNewestFirstAndSearched(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.saveCase(Sample.record(1, drug: "gilteritinib"), evidence: [])
            _ = try await store.saveCase(Sample.record(2, drug: "quizartinib"), evidence: [])
            let all = try await store.cases(query: nil, limit: 10, offset: 0)
            #expect(all.map(\.record.document) == ["conformance-2.txt", "conformance-1.txt"])
            #expect(try await store.cases(query: "quizartinib resistance", limit: 10, offset: 0).map(\.record.document) == ["conformance-2.txt"])
            #expect(try await store.cases(query: "flt3 f691l", limit: 10, offset: 0).count == 2)
            #expect(try await store.cases(query: nil, limit: 1, offset: 1).map(\.record.document) == ["conformance-1.txt"])
            let summaries = try await store.caseSummaries()
            #expect(summaries.map(\.id) == all.reversed().map(\.id))
            #expect(summaries.first == CaseSummary(id: all[1].id, record: all[1].record))
            let stats = try await store.stats()
            #expect(stats.cases == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func reviewMarksOutliveReimports(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            let reviewing = try #require(store as? any EvidenceReviewing)
            _ = try await store.upsert(Sample.evidence)
            #expect(try await reviewing.setReviewed("civic:EID1", true))
            #expect(try await reviewing.setReviewed("civic:none", true) == false)
            _ = try await store.upsert([Sample.evidence[0]])
            #expect(try await store.allEvidence().filter(\.reviewed).map(\.id) == ["civic:EID1"])
            let stats = try await store.stats()
            #expect(stats.evidenceBySource == ["civic": 3, "curated": 2])
            #expect(stats.evidenceBySignificance == ["sensitivity": 3, "resistance": 2])
        }
    }

    // MARK: Revisions from ordered sources

    @Test(arguments: StoreKind.available)
    func aLaterSourcesRevisionWinsWhateverTheOrder(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            let later = CaseSource(file: "pubmed99n0002.xml.gz", record: 5)
            let earlier = CaseSource(file: "pubmed99n0001.xml.gz", record: 900)
            let first = try await store.saveCases([
                CaseSubmission(record: Sample.record(2, pmid: "40000010", drug: "sorafenib"), evidence: Sample.caseEvidence("l"), source: later)
            ])
            let before = try await store.snapshotID()
            #expect(first.snapshot == before)
            // The earlier file's revision comes second: skipped, and nothing changes.
            let stale = try await store.saveCases([
                CaseSubmission(record: Sample.record(1, pmid: "40000010"), evidence: Sample.caseEvidence("e"), source: earlier)
            ])
            let skipped = try stale.outcomes[0].get()
            #expect(skipped.superseded)
            #expect(!skipped.replaced)
            #expect(try await store.snapshotID() == before)
            var stored = try #require(try await store.storedCase(id: "pmid:40000010"))
            #expect(stored.record.title == Sample.record(2, drug: "sorafenib").title)
            #expect(stored.source == later)
            #expect(try await store.allEvidence().compactMap(\.caseID) == ["pmid:40000010", "pmid:40000010"])
            // The same source again applies (a resumed file); a later record of the same file too.
            let again = try await store.saveCases([
                CaseSubmission(record: Sample.record(3, pmid: "40000010"), evidence: [], source: CaseSource(file: later.file, record: 6))
            ])
            #expect(try again.outcomes[0].get().replaced)
            #expect(try await store.storedCase(id: "pmid:40000010")?.source == CaseSource(file: later.file, record: 6))
            // A save without a source always applies and clears the source.
            _ = try await store.saveCase(Sample.record(4, pmid: "40000010"), evidence: [])
            stored = try #require(try await store.storedCase(id: "pmid:40000010"))
            #expect(stored.source == nil)
            #expect(stored.record.title == Sample.record(4).title)
            _ = try await store.saveCases([CaseSubmission(record: Sample.record(5, pmid: "40000010"), evidence: [], source: earlier)])
            #expect(try await store.storedCase(id: "pmid:40000010")?.source == earlier)
            #expect(try await store.cases(query: nil, limit: 10, offset: 0).map(\.source) == [earlier])
        }
    }

    @Test(arguments: StoreKind.available)
    func aSourcedDeletionKeepsEarlierFilesOut(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, _ in
            let deletion = CaseSource(file: "pubmed99n0003.xml.gz", record: 40)
            _ = try await store.saveCases([
                CaseSubmission(record: Sample.record(1, pmid: "40000020"), evidence: [], source: CaseSource(file: "pubmed99n0001.xml.gz", record: 0)),
                CaseSubmission(record: Sample.record(2, pmid: "40000021"), evidence: [], source: CaseSource(file: "pubmed99n0004.xml.gz", record: 0)),
            ])
            let start = try Sample.generation(try await store.snapshotID())
            // One stored, one never seen, one stored from a later file than the deletion.
            let deleted = try await store.deleteCases(ids: ["pmid:40000020", "pmid:40000022", "pmid:40000021"], source: deletion)
            #expect(deleted == ["pmid:40000020"])
            #expect(try Sample.generation(try await store.snapshotID()) == start + 1)
            // Files before the deletion, ingested after it, stay out; a later one comes back.
            let stale = try await store.saveCases([
                CaseSubmission(record: Sample.record(3, pmid: "40000020"), evidence: [], source: CaseSource(file: "pubmed99n0002.xml.gz", record: 7)),
                CaseSubmission(
                    record: Sample.record(4, pmid: "40000022"),
                    evidence: [],
                    source: CaseSource(file: "pubmed99n0003.xml.gz", record: 39)
                ),
            ])
            #expect(stale.outcomes.allSatisfy { (try? $0.get().superseded) == true })
            #expect(try await store.storedCase(id: "pmid:40000020") == nil)
            #expect(try await store.storedCase(id: "pmid:40000022") == nil)
            #expect(try await store.storedCase(id: "pmid:40000021") != nil)
            #expect(try Sample.generation(try await store.snapshotID()) == start + 1)
            _ = try await store.saveCases([
                CaseSubmission(record: Sample.record(5, pmid: "40000020"), evidence: [], source: CaseSource(file: "pubmed99n0005.xml.gz", record: 0))
            ])
            #expect(try await store.storedCase(id: "pmid:40000020")?.source?.file == "pubmed99n0005.xml.gz")
        }
    }

    @Test(arguments: StoreKind.available)
    func twoWritersOfDifferentFilesLeaveTheLaterFilesRevision(_ kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store, location in
            try await StoreHarness.withSecondView(location) { other in
                let pmids = (0..<12).map { String(40_000_100 + $0) }
                // Two writers, as two ingest workers on two files, race on the same cases, in
                // opposite orders, one case a commit.
                async let earlier: Void = Self.saveEach(pmids, version: 1, file: "pubmed99n0001.xml.gz", to: store)
                async let later: Void = Self.saveEach(pmids.reversed(), version: 2, file: "pubmed99n0002.xml.gz", to: other)
                _ = try await (earlier, later)
                for pmid in pmids {
                    let stored = try #require(try await store.storedCase(id: "pmid:\(pmid)"))
                    #expect(stored.record.title == Sample.record(2).title, "pmid \(pmid)")
                    #expect(stored.source?.file == "pubmed99n0002.xml.gz")
                }
            }
        }
    }

    /// Saves `Sample.record(version)` under each PMID, one commit each, from `file`.
    static func saveEach(_ pmids: [String], version: Int, file: String, to store: any KnowledgeStore) async throws {
        for (index, pmid) in pmids.enumerated() {
            _ = try await store.saveCases([
                CaseSubmission(record: Sample.record(version, pmid: pmid), evidence: [], source: CaseSource(file: file, record: index))
            ])
        }
    }

    // MARK: Dump and restore

    @Test(arguments: StoreKind.available)
    func dumpRestoreDumpIsIdentical(_ kind: StoreKind) async throws {
        let first = try await StoreHarness.withStore(.sqlite) { store, _ in
            try await Self.fill(store)
            return try KnowledgeTransfer.encode(try await store.content())
        }
        let second = try await StoreHarness.withStore(kind) { store, _ in
            _ = try await store.upsert([Sample.evidence[0]])
            try await store.setMetadata("stale", "goes")
            try await store.restore(try KnowledgeTransfer.decode(first))
            #expect(try await store.metadata("stale") == nil)
            return try KnowledgeTransfer.encode(try await store.content())
        }
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
        let content = try KnowledgeTransfer.decode(first)
        #expect(content.cases.count == 2)
        #expect(content.cases.compactMap(\.stored.documentText) == ["The text of case one."])
        #expect(content.cases.compactMap(\.stored.source) == [CaseSource(file: "pubmed99n0001.xml.gz", record: 3)])
        #expect(content.evidence.count == Sample.evidence.count)
        #expect(content.metadata == ["curated_version": "v-test"])
        #expect(content.deletions == [RememberedDeletion(caseID: "pmid:40000009", source: CaseSource(file: "pubmed99n0002.xml.gz", record: 5))])
    }

    /// A restored store refuses an earlier file's revision of a case a later file deleted, as
    /// the dumped store did: the dump carries the deletions remembered.
    @Test(arguments: StoreKind.available)
    func aRestoredStoreStillKeepsADeletedCaseOut(_ kind: StoreKind) async throws {
        let dump = try await StoreHarness.withStore(.sqlite) { store, _ in
            try await Self.fill(store)
            return try KnowledgeTransfer.encode(try await store.content())
        }
        try await StoreHarness.withStore(kind) { store, _ in
            try await store.restore(try KnowledgeTransfer.decode(dump))
            let stale = try await store.saveCases([
                CaseSubmission(record: Sample.record(3, pmid: "40000009"), evidence: [], source: CaseSource(file: "pubmed99n0001.xml.gz", record: 8))
            ])
            #expect(stale.outcomes.allSatisfy { (try? $0.get().superseded) == true })
            #expect(try await store.storedCase(id: "pmid:40000009") == nil)
            // A later file brings it back, and the deletion is forgotten.
            _ = try await store.saveCases([
                CaseSubmission(record: Sample.record(4, pmid: "40000009"), evidence: [], source: CaseSource(file: "pubmed99n0003.xml.gz", record: 0))
            ])
            #expect(try await store.storedCase(id: "pmid:40000009") != nil)
            #expect(try await store.rememberedDeletions().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aDumpWithACaseBothStoredAndDeletedIsRefusedAndChangesNothing(_ kind: StoreKind) async throws {
        var content = try await StoreHarness.withStore(.sqlite) { store, _ in
            try await Self.fill(store)
            return try await store.content()
        }
        content.deletions.append(RememberedDeletion(caseID: "pmid:40000001", source: CaseSource(file: "pubmed99n0009.xml.gz", record: 0)))
        try await StoreHarness.withStore(kind) { store, _ in
            try await store.setMetadata("kept", "yes")
            let error = await #expect(throws: KnowledgeStoreError.self) { try await store.restore(content) }
            #expect(error?.message.contains("pmid:40000001") == true)
            #expect(try await store.metadata("kept") == "yes")
        }
    }

    @Test func aVersionOneDumpIsStillRead() throws {
        let content = try KnowledgeTransfer.decode(
            Data("{\"format\":\"caseboard-kb\",\"kind\":\"header\",\"version\":1}\n{\"key\":\"a\",\"kind\":\"metadata\",\"value\":\"b\"}\n".utf8)
        )
        #expect(content.metadata == ["a": "b"])
        #expect(content.deletions.isEmpty)
    }

    static func fill(_ store: any KnowledgeStore) async throws {
        _ = try await store.upsert(Sample.evidence)
        try await store.setMetadata("curated_version", "v-test")
        // One case with its document text: dump and restore carry it.
        _ = try await store.saveCases([
            CaseSubmission(
                record: Sample.record(1, pmid: "40000001"),
                evidence: Sample.caseEvidence("p"),
                documentText: "The text of case one.",
                source: CaseSource(file: "pubmed99n0001.xml.gz", record: 3)
            )
        ])
        _ = try await store.saveCase(Sample.record(2), evidence: Sample.caseEvidence("q", count: 1))
        _ = try await (store as? any EvidenceReviewing)?.setReviewed("curated:CR-9", true)
        // A case a later file deleted: the deletion is remembered and dumped.
        _ = try await store.saveCases([
            CaseSubmission(record: Sample.record(3, pmid: "40000009"), evidence: [], source: CaseSource(file: "pubmed99n0001.xml.gz", record: 4))
        ])
        _ = try await store.deleteCases(ids: ["pmid:40000009"], source: CaseSource(file: "pubmed99n0002.xml.gz", record: 5))
    }

    @Test func aDumpWithoutHeaderIsRefused() throws {
        #expect(throws: KnowledgeStoreError.self) {
            try KnowledgeTransfer.decode(Data("{\"kind\":\"metadata\",\"key\":\"a\",\"value\":\"b\"}\n".utf8))
        }
    }

    @Test func locationsPickTheStoreByTheirForm() {
        #expect(StoreLocation("postgres://u@h:5/db") == .postgres(url: "postgres://u@h:5/db"))
        #expect(StoreLocation("postgresql://u@h/db") == .postgres(url: "postgresql://u@h/db"))
        #expect(StoreLocation("kb/postgres.sqlite") == .sqlite(path: "kb/postgres.sqlite"))
        #expect(StoreLocation.resolve(db: nil, environment: ["CASEBOARD_DB": "postgres://a@b/c"], home: "/h") == .postgres(url: "postgres://a@b/c"))
        #expect(StoreLocation("postgres://u:secret@h:5/db").description == "postgres://u@h:5/db")
        #expect(throws: KnowledgeStoreError.self) { try PostgresLocation("postgres://u@h:5/") }
    }
}
