import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardServer
import CaseboardStoreSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Limits on time, connections and answer size: a request's deadline cancels its work, a slow
/// client cannot hold a connection, too many connections get 503, and no answer is unbounded.
struct LimitsTests {
    static func app(_ configure: (inout ServerConfiguration) -> Void) async throws -> some ApplicationProtocol {
        let vocabularies = try Harness.vocabularies.get()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = try SQLiteKnowledgeStore.inMemory(logger: logger)
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)
        // Each test sets the limit it checks; the deadline stays far off otherwise, since the
        // first request waits for the match index and a loaded machine builds it slowly.
        var configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .critical)
        configure(&configuration)
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        return try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
    }

    /// Invented prose, long enough that extracting it takes far longer than a millisecond.
    static let longReport = String(
        repeating: "A 58-year-old man with lung adenocarcinoma and an EGFR L858R mutation received osimertinib and had a partial response. ",
        count: 4_000
    )

    @Test func aRequestPastItsDeadlineIsAnswered503AndNotCompleted() async throws {
        try await Self.app { $0.requestDeadline = .milliseconds(1) }.test(.router) { client in
            let body = try JSONSerialization.data(withJSONObject: ["text": Self.longReport, "format": "text"])
            try await client.execute(uri: "/api/extract", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)) {
                response in
                #expect(response.status == .serviceUnavailable)
                let error = try #require(try Harness.json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == "deadline_exceeded")
            }
        }
    }

    @Test func aRequestWithinItsDeadlineIsAnswered() async throws {
        try await Self.app { $0.requestDeadline = .seconds(600) }.test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aCancelledExtractionStopsEarlyAndSaysSo() async throws {
        let extractor = CaseExtractor(vocabularies: try Harness.vocabularies.get())
        let document = try PlainTextReader().read(Array(Self.longReport.utf8), source: "cancelled.txt")
        let (record, mentions) = await Task { () -> (CaseRecord, [EntityMention]) in
            withUnsafeCurrentTask { $0?.cancel() }
            return (extractor.extract(document), extractor.mentions(document))
        }.value
        #expect(record.therapies.isEmpty)
        #expect(record.warnings.contains { $0.contains("cancelled") })
        #expect(mentions.isEmpty)
        // The same text, not cancelled, has plenty to find: the checks above are not vacuous.
        #expect(!extractor.extract(document).therapies.isEmpty)
    }

    static func batch(_ count: Int) -> ByteBuffer {
        let line = #"{"disease":"NSCLC","alterations":["EGFR L858R"]}"#
        return ByteBuffer(string: Array(repeating: line, count: count).joined(separator: "\n"))
    }

    @Test func aBatchOverTheProfileLimitIsRefusedNamingTheLimit() async throws {
        try await Self.app { $0.maxBatchProfiles = 3 }.test(.router) { client in
            try await client.execute(uri: "/api/match/batch", method: .post, body: Self.batch(3)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/match/batch", method: .post, body: Self.batch(4)) { response in
                #expect(response.status == .contentTooLarge)
                let error = try #require(try Harness.json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == "too_many_profiles")
                #expect((error["message"] as? String)?.contains("at most 3 profiles") == true)
            }
        }
    }

    @Test func anAnswerOverTheSizeLimitIsRefused() async throws {
        try await Self.app { $0.maxResponseBytes = 500 }.test(.router) { client in
            try await client.execute(uri: "/api/match/batch", method: .post, body: Self.batch(5)) { response in
                #expect(response.status == .contentTooLarge)
                let error = try #require(try Harness.json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == "response_too_large")
            }
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aSlowBodyIsCutOffAfterTheReadTimeout() async throws {
        try await Self.app { $0.readTimeout = .milliseconds(500) }.test(.live) { client in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port, receiveTimeout: 30)
            // Headers promise 100 bytes; only 10 come, and then nothing.
            try socket.send("POST /api/match HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"disease\"")
            let reply = try await offThePool { socket.receiveUntilClosed() }
            #expect(reply.closed, "the server kept a stalled request's connection open")
        }
    }

    @Test func connectionsOverTheCapAreAnswered503() async throws {
        try await Self.app { $0.maxConnections = 2 }.test(.live) { client in
            let port = try #require(client.port)
            // The test client may hold a connection of its own: open and keep connections until
            // one is refused. Each admitted one stays open (keep-alive).
            var open: [RawSocket] = []
            var statuses: [String] = []
            var refusal = ""
            for _ in 0..<4 {
                // A generous wait: a loaded machine may answer slowly, and an unanswered socket
                // would read as an empty status.
                let socket = try RawSocket(port: port, receiveTimeout: 300)
                open.append(socket)
                try socket.send("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let head = try await offThePool { socket.receiveHead() }
                statuses.append(String(head.prefix(12)))
                if head.hasPrefix("HTTP/1.1 503") {
                    refusal = head + (try await offThePool { socket.receiveUntilClosed().text })
                    break
                }
            }
            #expect(statuses.first == "HTTP/1.1 200", "\(statuses)")
            #expect(statuses.last == "HTTP/1.1 503", "\(statuses)")
            #expect(statuses.count <= 3, "more than the cap of 2 connections were admitted: \(statuses)")
            #expect(refusal.contains("too_many_connections"))
            for socket in open { socket.close() }
        }
    }
}

/// A blocking TCP client for what an HTTP client library will not do: stall mid-request, or
/// hold a connection open.
/// Runs blocking socket or process work on a thread of its own. Blocked on the cooperative pool
/// (two threads on a 2-core machine), it could starve the in-process server it waits for: a
/// clean-clone CI run deadlocked so.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

final class RawSocket: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int, receiveTimeout seconds: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { Glibc.close(descriptor) }

    func close() { shutdown(descriptor, Int32(SHUT_RDWR)) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Reads until the server closes (`closed`) or the receive timeout passes (not closed).
    func receiveUntilClosed() -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
            received += buffer[0..<count]
        }
    }

    /// Reads until the end of a response's headers.
    func receiveHead() -> String {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while recv(descriptor, &byte, 1, 0) == 1 {
            received.append(byte)
            if received.suffix(4) == Array("\r\n\r\n".utf8) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
