import CaseboardCore
import CaseboardKnowledge
import CaseboardServer
import CaseboardStorePostgres
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// Two servers on one PostgreSQL database: a write through one reaches the other's match index
/// by NOTIFY alone, with no match request to make it look.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"] != nil))
struct ChangeFeedCatchUpTests {
    @Test func notifyAloneBringsTheOtherServersIndexUpToTheWrite() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"])
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let writer = try PostgresKnowledgeStore(url: url, logger: logger, maximumConnections: 2)
        // The served store reads the generation on its own only once a day: only NOTIFY can
        // tell it of the write.
        let served = try PostgresKnowledgeStore(url: url, logger: logger, maximumConnections: 4, generationCheck: .seconds(86_400))
        let services = ServerServices(vocabularies: try Harness.vocabularies.get(), store: served, logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await writer.service.run() }
            group.addTask { try await served.service.run() }
            try await writer.prepare()
            try await served.prepare()
            try await services.prepareMatching()
            try await withStoreFollower(services) {
                // Polling with a deadline: conditions, not timings.
                let deadline = ContinuousClock.now + .seconds(120)
                while served.knownSnapshot() == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                let record = CaseRecord(
                    document: "notify-\(UUID().uuidString).txt",
                    diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
                    alterations: [Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange)],
                    therapies: [TherapyLine(line: 1, drugs: ["gilteritinib"], response: .partial)]
                )
                let written = try #require(KnowledgeSnapshot(try await writer.saveCases([CaseSubmission(record: record, evidence: [])]).snapshot))
                func indexed() -> Int { services.indexedSnapshot.flatMap(KnowledgeSnapshot.init)?.generation ?? -1 }
                while indexed() < written.generation, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                #expect(indexed() >= written.generation, "the served index never caught up with the write")
                #expect(served.knownSnapshot().flatMap(KnowledgeSnapshot.init).map(\.generation) ?? -1 >= written.generation)
            }
            group.cancelAll()
        }
    }
}
