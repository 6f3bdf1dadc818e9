import CaseboardCore
import CaseboardKnowledge
import Foundation
import PostgresNIO
import Testing

@testable import CaseboardStorePostgres

/// The catch-up statement (`caseChanges(after:)`) is prepared, so PostgreSQL runs it with a
/// generic plan that knows nothing of the generation asked for. Issue 14: that plan read every
/// stored case for each catch-up (a cost growing with the store, paid once per other server's
/// write); it must reach the changed rows through their indexes whatever the store holds.
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresCatchUpPlanTests {
    @Test func theCatchUpsGenericPlanScansNoWholeTable() async throws {
        let url = try await StoreHarness.createDatabase()
        defer { Task { try? await StoreHarness.dropDatabase(url) } }
        try await StoreHarness.withPostgresStore(url: url) { store in
            // A store of some size (cases, stamps and tombstones), then a few writes and a
            // deletion past it.
            _ = try await store.saveCases(
                (1...600).map { CaseSubmission(record: Sample.record($0, pmid: "\(90_000_000 + $0)"), evidence: Sample.caseEvidence("p\($0)")) }
            )
            #expect(try await store.deleteCases(ids: (401...600).map { "pmid:\(90_000_000 + $0)" }).count == 200)
            let before = try Sample.generation(try await store.snapshotID())
            _ = try await store.saveCase(Sample.record(401, pmid: "90000401"), evidence: Sample.caseEvidence("late"))
            #expect(try await store.deleteCase(id: "pmid:90000002"))
            let changes = try #require(try await store.caseChanges(after: before))
            #expect(changes.stored.map(\.stored.id) == ["pmid:90000401"])
            #expect(changes.deleted == ["pmid:90000002"])

            let scanned = try await Self.genericPlanScans(
                store,
                prepare: "PREPARE catch_up(bigint) AS " + CaseChangesQuery.sql,
                execute: "EXECUTE catch_up(\(before))"
            )
            // The tables that grow with every case write are read by key. (A table of a few
            // pages, such as `store_state` or these tombstones, may well be read whole.)
            #expect(scanned.isDisjoint(with: ["cases", "case_stamp", "evidence"]), "sequential scans: \(scanned.sorted())")
        }
    }

    /// Each case write's first statement (``ClaimCases``) clears the stamps and tombstones of
    /// the ids it claims. Issue 14: its generic plan read every stamp (one a stored case) on
    /// each write; it must find them by id.
    @Test func theClaimsGenericPlanScansNoWholeTable() async throws {
        let url = try await StoreHarness.createDatabase()
        defer { Task { try? await StoreHarness.dropDatabase(url) } }
        try await StoreHarness.withPostgresStore(url: url) { store in
            _ = try await store.saveCases(
                (1...600).map { CaseSubmission(record: Sample.record($0, pmid: "\(91_000_000 + $0)"), evidence: Sample.caseEvidence("q\($0)")) }
            )
            let revisions = #"[{"case_id":"pmid:91000007","source_file":null,"source_record":null,"deleted":false}]"#
            let evidence = #"[{"case_id":"pmid:91000007","evidence_id":"case:q7:0"}]"#
            let scanned = try await Self.genericPlanScans(
                store,
                prepare: "PREPARE claim(text, text) AS " + ClaimCases.sql,
                execute: "EXECUTE claim('\(revisions)', '\(evidence)')"
            )
            #expect(scanned.isDisjoint(with: ["cases", "case_stamp", "evidence"]), "sequential scans: \(scanned.sorted())")
        }
    }

    /// The tables the generic plan of a statement reads with a sequential scan, after ANALYZE
    /// (planned only: `EXPLAIN` without `ANALYZE` runs nothing). The stamps are first given the
    /// size of a store of 20,000 cases (rows of generation 0, older than any reader asks for):
    /// on a few pages a whole-table read is the planner's right choice.
    static func genericPlanScans(_ store: PostgresKnowledgeStore, prepare: String, execute: String) async throws -> Set<String> {
        try await store.client.withConnection { connection in
            try await connection.query(
                "INSERT INTO case_stamp (id, generation) SELECT 'filler:' || g, 0 FROM generate_series(1, 20000) g",
                logger: StoreHarness.logger
            )
            try await connection.query("ANALYZE", logger: StoreHarness.logger)
            try await connection.query("SET plan_cache_mode = force_generic_plan", logger: StoreHarness.logger)
            try await connection.query(PostgresQuery(unsafeSQL: prepare), logger: StoreHarness.logger)
            var plan = ""
            for try await line in try await connection.query(
                PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT JSON) " + execute),
                logger: StoreHarness.logger
            ).decode(String.self) {
                plan += line
            }
            // The pool keeps this connection: leave it as the store's statements expect.
            try await connection.query(
                PostgresQuery(unsafeSQL: "DEALLOCATE " + prepare.split(separator: " ")[1].prefix { $0 != "(" }),
                logger: StoreHarness.logger
            )
            try await connection.query("RESET plan_cache_mode", logger: StoreHarness.logger)
            return try sequentialScans(in: JSONSerialization.jsonObject(with: Data(plan.utf8)))
        }
    }

    /// The tables a JSON plan reads with a sequential scan.
    static func sequentialScans(in node: Any) -> Set<String> {
        var found: Set<String> = []
        if let object = node as? [String: Any] {
            if object["Node Type"] as? String == "Seq Scan", let relation = object["Relation Name"] as? String {
                found.insert(relation)
            }
            for value in object.values { found.formUnion(sequentialScans(in: value)) }
        } else if let array = node as? [Any] {
            for value in array { found.formUnion(sequentialScans(in: value)) }
        }
        return found
    }
}
