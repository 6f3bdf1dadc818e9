import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `caseboard serve` child process whose standard output goes to a file (as under nohup).
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let directory: URL
    let out: URL
    let err: URL

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        out = directory.appendingPathComponent("stdout")
        err = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = CLI.executable
        process.arguments = ["serve"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }

    /// The base URL the server printed, once it printed it (while it still runs). The deadline
    /// is generous: a first start seeds the database, slow in a debug build on a busy machine.
    func waitForURL(deadline: ContinuousClock.Instant = .now + .seconds(600)) async throws -> String? {
        while true {
            if let range = stdout.range(of: #"http://[0-9.]+:[0-9]+/"#, options: .regularExpression) {
                return String(stdout[range])
            }
            // The state is read before the clock: on a loaded machine this task may wake long
            // after its sleep, past the deadline, and must still see what came in time.
            guard process.isRunning, ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for the process to exit by itself; nil if it still runs at the deadline.
    func waitForExit(deadline: ContinuousClock.Instant = .now + .seconds(600)) async throws -> Int32? {
        while true {
            if !process.isRunning { return process.terminationStatus }
            // A busy-port test once saw nil with the child long gone: its task woke 273 s after a
            // 50 ms sleep, past the 120 s deadline, and gave up before looking again.
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How the process ended, for a failure message: status and reason, or that it still runs.
    var ending: String {
        guard !process.isRunning else { return "none: still running (pid \(process.processIdentifier))" }
        return "\(process.terminationStatus) (\(process.terminationReason == .exit ? "exit" : "signal"))"
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// HTTP/1.1 against a server process on loopback, over a plain socket: FoundationNetworking's
/// URLSession hung without end in a loaded CI run, so the tests speak HTTP themselves, with a
/// receive timeout that turns a silent server into a failure.
enum HTTP {
    /// Runs on a thread of its own, so a wait for the server never holds a cooperative thread.
    static func request(_ url: String, method: String = "GET", body: String? = nil, token: String? = nil) async throws -> (status: Int, body: Data) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingRequest(url, method: method, body: body, token: token) }) }.start()
        }
    }

    static func blockingRequest(_ url: String, method: String, body: String?, token: String?) throws -> (status: Int, body: Data) {
        let parsed = try #require(URLComponents(string: url))
        let port = try #require(parsed.port)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let payload = Array((body ?? "").utf8)
        var head = "\(method) \(parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        head += "Connection: close\r\nContent-Length: \(payload.count)\r\n"
        if body != nil { head += "Content-Type: application/json\r\n" }
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        let bytes = Array((head + "\r\n").utf8) + payload
        guard send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EPIPE) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw POSIXError(.ETIMEDOUT) }
            received += buffer[0..<count]
        }
        let separator = Array("\r\n\r\n".utf8)
        let end = try #require((0..<max(0, received.count - 3)).first { Array(received[$0..<$0 + 4]) == separator })
        let headers = String(decoding: received[0..<end], as: UTF8.self)
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        var content = Array(received[(end + 4)...])
        if headers.lowercased().contains("transfer-encoding: chunked") { content = dechunk(content) }
        return (status, Data(content))
    }

    /// The body of a chunked answer.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var lineEnd = index
            while lineEnd + 1 < bytes.count, !(bytes[lineEnd] == 0x0D && bytes[lineEnd + 1] == 0x0A) { lineEnd += 1 }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            output += bytes[start..<min(bytes.count, start + size)]
            index = start + size + 2
        }
        return output
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

@Suite(.serialized)
struct ServeProcessTests {
    /// Under nohup (output to a file) the URL and token appeared only at exit; `--port 0`
    /// printed port 0; a busy port gave a long error. Now the lines come once the port is
    /// bound, with the real port, and a busy port is one line and exit status 1.
    @Test func servePrintsItsURLOnceListeningAndABusyPortIsOneLine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-busy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ServerProcess(["--port", "0", "--db", directory.appendingPathComponent("kb.sqlite").path, "--log-level", "error"])
        defer { first.stop() }
        let url = try #require(try await first.waitForURL(), "no URL printed while running; stdout: \(first.stdout) stderr: \(first.stderr)")
        #expect(!url.hasSuffix(":0/"))
        #expect(first.stdout.contains("write token (for storing and deleting cases): "))
        #expect(try await HTTP.request(url + "api/health").status == 200)
        let port = try #require(url.split(separator: ":").last?.dropLast())
        let second = try ServerProcess([
            "--port", String(port), "--db", directory.appendingPathComponent("other.sqlite").path, "--log-level", "error",
        ])
        defer { second.stop() }
        let launched = ContinuousClock.now
        let status = try await second.waitForExit()
        #expect(status == 1, "exit \(second.ending) after \(ContinuousClock.now - launched); stderr: \(second.stderr)")
        // One plain line says why (Hummingbird's own start-up note may come before it).
        let errors = second.stderr.split(separator: "\n").filter { $0.contains("error") }
        #expect(errors == ["error: cannot listen on 127.0.0.1:\(port): address already in use"], "stderr: \(second.stderr)")
    }

    /// The wait for a child's exit looks once more after its deadline: a task starved on a loaded
    /// machine can wake past the deadline, and an exit that came in time must still count.
    @Test func anExitThatCameInTimeCountsWhenTheWaitWakesLate() async throws {
        let child = try ServerProcess(["--port", "70000"])
        defer { child.stop() }
        child.process.waitUntilExit()
        #expect(try await child.waitForExit(deadline: .now - .seconds(1)) == 2, "stderr: \(child.stderr)")
    }

    /// Two servers on one PostgreSQL database: a case stored through one is matched through the
    /// other within a second (LISTEN/NOTIFY), without asking the other to check.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"] != nil))
    func aCaseWrittenThroughOneServerIsMatchedThroughTheOther() async throws {
        let database = try #require(ProcessInfo.processInfo.environment["CASEBOARD_TEST_POSTGRES_URL"])
        let token = "two-servers"
        let arguments = ["--port", "0", "--db", database, "--log-level", "error"]
        let one = try ServerProcess(arguments, environment: ["CASEBOARD_TOKEN": token])
        defer { one.stop() }
        let two = try ServerProcess(arguments, environment: ["CASEBOARD_TOKEN": token])
        defer { two.stop() }
        let urlOne = try #require(try await one.waitForURL(), "stderr: \(one.stderr)")
        let urlTwo = try #require(try await two.waitForURL(), "stderr: \(two.stderr)")
        // A drug name made for this run, so earlier runs on the same database do not count.
        let drug = "drug\(UInt32.random(in: 0...UInt32.max))"
        let profile = #"{"disease":"AML","alterations":["FLT3 D835H"]}"#
        // The other server has built its index before the write.
        #expect(try await HTTP.request(urlTwo + "api/match", method: "POST", body: profile).status == 200)
        let record =
            #"{"document":"two-servers-\#(drug).txt","diagnoses":[{"name":"aml","oncotree":"AML","code":"AML","canonical_name":"Acute Myeloid Leukemia"}],"#
            + #""alterations":[{"gene":"FLT3","variant":"D835H","kind":"protein_change"}],"therapies":[{"line":1,"drugs":["\#(drug)"],"response":"partial response"}]}"#
        let written = try await HTTP.request(urlOne + "api/cases", method: "POST", body: record, token: token)
        #expect(written.status == 201)
        let writtenAt = ContinuousClock.now
        // Server two learns of the write through NOTIFY (and checks the generation before each
        // match); ask until it shows. The latency is printed as a figure, never tested: a test
        // holds no timing (the load script measures it).
        var seenAfter: Duration?
        while ContinuousClock.now - writtenAt < .seconds(120) {
            let match = try await HTTP.request(urlTwo + "api/match", method: "POST", body: profile)
            let text = String(decoding: match.body, as: UTF8.self)
            if text.contains(drug) {
                seenAfter = ContinuousClock.now - writtenAt
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let after = try #require(seenAfter, "server two never matched the case")
        print("two servers: a case written through one was matched through the other after \(after)")
    }
}
