import CaseboardKnowledge
import CaseboardStoreOpening
import CaseboardStorePostgres
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing

/// Opening a PostgreSQL store while another server migrates it (session 23: a clean-clone CI run
/// failed when the second of two servers gave up after 15 s waiting for the first one's migration
/// on a loaded machine, reporting that it could not reach the database).
struct StoreOpeningTests {
    /// The reach timeout covers reaching the database, not waiting for the migration lock another
    /// process holds: with the lock held 2.5 times longer than the timeout, preparing still
    /// succeeds once it is released. The timeout leaves a loaded CI machine time to connect (a 1 s
    /// timeout failed there before any lock was in play).
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs CASEBOARD_TEST_POSTGRES_URL (scripts/postgres-test-cluster start)"))
    func waitingForAnotherServersMigrationIsNotFailingToReachTheDatabase() async throws {
        let url = try await StoreHarness.createDatabase()
        defer { Task { try? await StoreHarness.dropDatabase(url) } }
        let location = StoreLocation.postgres(url: url)
        let opened = try StoreOpener.open(location, logger: StoreHarness.logger)
        let services = opened.services.map { service in Task { try await service.run() } }
        defer { for task in services { task.cancel() } }
        // Reach the database first, with no deadline: on the CI machine, with the other PostgreSQL suites
        // running, the first connection alone has taken more than 8 s. What is tested is the wait for the lock.
        let store = try #require(opened.store as? PostgresKnowledgeStore)
        try await store.reach()
        try await StoreHarness.admin(url) { holder in
            // The migration lock's key, as PostgresMigrations takes it.
            try await holder.query("SELECT pg_advisory_lock(6361637264216419940)", logger: StoreHarness.logger)
            let preparing = Task { try await opened.prepare(timeout: .seconds(8), location: location) }
            try await Task.sleep(for: .seconds(20))
            try await holder.query("SELECT pg_advisory_unlock(6361637264216419940)", logger: StoreHarness.logger)
            await #expect(throws: Never.self) { try await preparing.value }
        }
        #expect(try await opened.store.snapshotID().isEmpty == false)
    }
}
