import CaseboardCore
import CaseboardServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The server against hostile and careless clients: write routes that no path spelling opens
/// without the token, DNS rebinding through a foreign `Host`, and hardening headers on every answer.
struct SecurityTests {
    static let host = HTTPField.Name("Host")!
    static let record = CaseRecord(
        document: "security-test.txt",
        title: "An invented case for the security tests",
        diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
        alterations: [Alteration(gene: "FLT3", variant: "ITD", kind: .internalTandemDuplication)],
        therapies: [TherapyLine(line: 1, drugs: ["gilteritinib"], response: .complete)]
    )

    /// Spellings of a path that a prefix check would miss but a router may still route.
    static func variants(of path: String) -> [String] {
        let tail = String(path.dropFirst("/api/".count))
        return [
            "/" + path, "/api//" + tail, path + "/", path + "//", "/api/./" + tail, "/api/x/../" + tail, path + ";a=b",
            "/API/" + tail, "/api/" + tail.uppercased(), "/%61pi/" + tail, "/api/%63" + tail.dropFirst(), "/api/" + tail + "?x=/api",
        ]
    }

    static func caseCount(_ client: some TestClientProtocol) async throws -> Int {
        try await client.execute(uri: "/api/cases?limit=100", method: .get) { response in
            try #require(try Harness.json(response.body)["total"] as? Int)
        }
    }

    @Test func noSpellingOfTheCasesPathStoresWithoutTheToken() async throws {
        let body = ByteBuffer(bytes: try JSONEncoder().encode(Self.record))
        try await Harness.app().test(.router) { client in
            for uri in Self.variants(of: "/api/cases") {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: body) { response in
                    #expect(response.status != .created && response.status.code < 500, "POST \(uri) answered \(response.status)")
                }
            }
            #expect(try await Self.caseCount(client) == 0)
        }
    }

    @Test func noSpellingOfACasePathDeletesWithoutTheToken() async throws {
        let body = ByteBuffer(bytes: try JSONEncoder().encode(Self.record))
        try await Harness.app().test(.router) { client in
            let id = try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
                body: body
            ) { response in
                #expect(response.status == .created)
                return try #require(try Harness.json(response.body)["id"] as? String)
            }
            let path = "/api/cases/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)
            for uri in Self.variants(of: path) {
                try await client.execute(uri: uri, method: .delete) { response in
                    #expect(response.status != .noContent && response.status.code < 500, "DELETE \(uri) answered \(response.status)")
                }
            }
            #expect(try await Self.caseCount(client) == 1)
        }
    }

    @Test(arguments: ["bearer", "BEARER", "Bearer", "bEaReR"])
    func theAuthSchemeIsCaseInsensitive(scheme: String) async throws {
        let body = ByteBuffer(bytes: try JSONEncoder().encode(Self.record))
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "\(scheme) \(Harness.token)"],
                body: body
            ) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test(arguments: ["Bearer", "Bearer ", "Basic dGVzdC10b2tlbg==", "test-token", "Bearer test-token-x", "Bearer test-toke"])
    func wrongCredentialsAreRefused(header: String) async throws {
        let body = ByteBuffer(bytes: try JSONEncoder().encode(Self.record))
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: header],
                body: body
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test(arguments: ["evil.example", "evil.example:8080", "127.0.0.1.nip.io", "localhost.evil.example", "[::2]:8080"])
    func aForeignHostIsRefusedOnLoopback(host: String) async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: host]) { response in
                #expect(response.status == .misdirectedRequest)
            }
            try await client.execute(uri: "/", method: .get, headers: [Self.host: host]) { response in
                #expect(response.status == .misdirectedRequest)
            }
        }
    }

    @Test(arguments: ["localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:1"])
    func ownHostNamesAreAnswered(host: String) async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: host]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func allowedHostsAreAnsweredAndOthersNot() async throws {
        try await Harness.app(allowedHosts: ["caseboard.lan"]).test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: "caseboard.lan:8080"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: "other.lan"]) { response in
                #expect(response.status == .misdirectedRequest)
            }
        }
    }

    @Test func aServerBoundToAllInterfacesDoesNotCheckHost() async throws {
        try await Harness.app(host: "0.0.0.0").test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: "caseboard.example.org"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: ["/", "/app.js", "/api/health", "/api/nothing", "/openapi.json"])
    func everyAnswerCarriesTheHardeningHeaders(uri: String) async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let policy = try #require(response.headers[.contentSecurityPolicy], "no CSP on \(uri) (\(response.status))")
                #expect(policy.contains("default-src 'self'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test func errorAnswersCarryTheHardeningHeadersToo() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/cases", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")) {
                response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentSecurityPolicy] != nil)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: "evil.example"]) { response in
                #expect(response.status == .misdirectedRequest)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    /// The index page loads its script and styles from files: a policy without inline script
    /// leaves the UI working.
    @Test func theUIHasNoInlineScriptOrStyle() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<script src=\"app.js\""))
                #expect(!html.contains("<script>"))
                #expect(!html.contains(" style=\""))
                #expect(!html.contains(" onclick="))
            }
        }
    }
}

/// Every field of a match profile is bounded, so no request can make the matcher work for long.
struct ProfileLimitTests {
    static func expectFieldRefused(_ json: String, expect field: String) async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) {
                response in
                #expect(response.status == .badRequest)
                let error = try #require(try Harness.json(response.body)["error"] as? [String: Any])
                #expect(error["field"] as? String == field)
            }
        }
    }

    @Test func aLongDiseaseIsRefusedNamingTheField() async throws {
        let long = (0..<6_000).map { "word\($0)" }.joined(separator: " ")
        try await Self.expectFieldRefused(#"{"disease":"\#(long)","alterations":["KRAS G12C"]}"#, expect: "disease")
    }

    @Test func aLongAlterationIsRefusedNamingTheField() async throws {
        let long = String(repeating: "A", count: 300)
        try await Self.expectFieldRefused(#"{"disease":"NSCLC","alterations":["KRAS G12C","\#(long)"]}"#, expect: "alterations[1]")
    }

    @Test func aLongDrugIsRefusedNamingTheField() async throws {
        let long = String(repeating: "x", count: 257)
        try await Self.expectFieldRefused(
            #"{"disease":"NSCLC","alterations":["KRAS G12C"],"prior_therapies":[{"drugs":["sotorasib","\#(long)"]}]}"#,
            expect: "prior_therapies[0].drugs[1]"
        )
    }

    @Test func tooManyAlterationsOrPriorsAreRefused() async throws {
        let alterations = Array(repeating: "\"KRAS G12C\"", count: 201).joined(separator: ",")
        try await Self.expectFieldRefused(#"{"disease":"NSCLC","alterations":[\#(alterations)]}"#, expect: "alterations")
        let priors = Array(repeating: #"{"drugs":["sotorasib"]}"#, count: 101).joined(separator: ",")
        try await Self.expectFieldRefused(
            #"{"disease":"NSCLC","alterations":["KRAS G12C"],"prior_therapies":[\#(priors)]}"#,
            expect: "prior_therapies"
        )
    }

    @Test func aFieldAtTheLimitIsAccepted() async throws {
        let name = String(repeating: "a", count: 256)
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/match",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"disease":"\#(name)","alterations":["KRAS G12C"]}"#)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aBatchLineOverTheLimitIsReportedInPlace() async throws {
        // Over the disease field's limit (512 bytes, the presentation written with the disease).
        let long = String(repeating: "A", count: 600)
        let body = #"{"disease":"NSCLC","alterations":["KRAS G12C"]}"# + "\n" + #"{"disease":"\#(long)","alterations":["KRAS G12C"]}"# + "\n"
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/match/batch",
                method: .post,
                headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: body)
            ) {
                response in
                #expect(response.status == .ok)
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 2)
                let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
                let error = try #require(second["error"] as? [String: Any])
                #expect(error["field"] as? String == "line 2: disease")
            }
        }
    }
}

/// Over a real socket, as a client streams it.
struct ChunkedBodyTests {
    /// curl sends a chunked body, with no `Content-Length`, when told to.
    static func curl(_ arguments: [String]) throws -> (status: String, body: String)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
    }

    @Test func aChunkedBodyOverTheLimitGets413LikeADeclaredOne() async throws {
        try await Harness.app(maxBodyBytes: 1_000).test(.live) { client in
            let port = try #require(client.port)
            let body = String(repeating: "x", count: 50_000)
            let request = [
                "-X", "POST", "-H", "Transfer-Encoding: chunked", "-H", "Content-Type: text/plain",
                "--data-binary", body, "http://127.0.0.1:\(port)/api/extract",
            ]
            let answered = try await offThePool { try Self.curl(request) }
            guard let answer = answered else {
                Issue.record("curl is missing: the chunked-body test needs /usr/bin/curl")
                return
            }
            #expect(answer.status == "413", "body: \(answer.body)")
            #expect(answer.body.contains("payload_too_large"))
        }
    }
}
