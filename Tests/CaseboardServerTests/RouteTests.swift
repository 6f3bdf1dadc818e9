import CaseboardCore
import CaseboardKnowledge
import CaseboardServer
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

enum Harness {
    static let vocabularies = Result { try Vocabularies.loadBundled() }
    static let token = "test-token"

    /// An application on a fresh in-memory store, seeded like a first run.
    static func app(
        maxBodyBytes: Int = 10 << 20,
        host: String = "127.0.0.1",
        allowedHosts: [String] = []
    ) async throws
        -> some ApplicationProtocol
    {
        let vocabularies = try vocabularies.get()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let store = try SQLiteKnowledgeStore.inMemory(logger: logger)
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)
        let configuration = ServerConfiguration(
            host: host,
            token: token,
            maxBodyBytes: maxBodyBytes,
            // The first request waits for the match index; a loaded CI machine building it in
            // a debug build must not meet the production deadline (LimitsTests checks that).
            requestTimeout: 600,
            logLevel: .warning,
            allowedHosts: allowedHosts
        )
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        return try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    static let caseText = """
        # Gilteritinib for relapsed FLT3-mutated AML

        ## Case presentation

        A 60-year-old woman with acute myeloid leukemia and an FLT3-ITD relapsed and received gilteritinib 120 mg daily, \
        achieving a complete remission. She developed grade 3 diarrhea.
        """
}

struct RouteTests {
    @Test func healthVersionAndUI() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                try #expect(try Harness.json(response.body)["status"] as? String == "ok")
            }
            try await client.execute(uri: "/api/version", method: .get) { response in
                let body = try Harness.json(response.body)
                #expect(body["version"] as? String == "test")
                #expect(((body["sources"] as? [String: Int])?["curated"] ?? 0) >= 400)
                #expect(body["snapshot"] as? String != nil)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("id=\"extract-button\""))
            }
            try await client.execute(uri: "/app.js", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func extractsJSONRawAndMultipartBodies() async throws {
        try await Harness.app().test(.router) { client in
            let body = try JSONSerialization.data(withJSONObject: ["text": Harness.caseText, "format": "markdown"])
            try await client.execute(uri: "/api/extract", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)) {
                response in
                #expect(response.status == .ok)
                let json = try Harness.json(response.body)
                let therapies = try #require(json["therapies"] as? [[String: Any]])
                #expect(therapies.first?["drugs"] as? [String] == ["gilteritinib"])
                #expect(therapies.first?["response"] as? String == "complete response")
                #expect((json["mentions"] as? [[String: Any]])?.isEmpty == false)
                #expect((json["timeline_svg"] as? String)?.hasPrefix("<svg") == true)
                #expect((json["document_text"] as? String)?.contains("gilteritinib") == true)
            }
            try await client.execute(
                uri: "/api/extract",
                method: .post,
                headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: Harness.caseText)
            ) { response in
                #expect(response.status == .ok)
            }
            let boundary = "XyZ"
            let multipart =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"case.md\"\r\nContent-Type: text/markdown\r\n\r\n"
                + Harness.caseText + "\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/api/extract",
                method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: multipart)
            ) { response in
                #expect(response.status == .ok)
                try #expect(try Harness.json(response.body)["document"] as? String == "case.md")
            }
        }
    }

    @Test func errorsUseOneShape() async throws {
        try await Harness.app(maxBodyBytes: 1_000).test(.router) { client in
            try await client.execute(
                uri: "/api/extract",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"nope\":1}")
            ) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try Harness.json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == "invalid_json")
                #expect(error["field"] as? String == "text")
            }
            try await client.execute(
                uri: "/api/extract",
                method: .post,
                headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: String(repeating: "x", count: 5_000))
            ) { response in
                #expect(response.status == .contentTooLarge)
                try #expect((try Harness.json(response.body)["error"] as? [String: Any])?["code"] as? String == "payload_too_large")
            }
            try await client.execute(uri: "/api/cases/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                try #expect((try Harness.json(response.body)["error"] as? [String: Any])?["code"] as? String == "not_found")
            }
            try await client.execute(uri: "/api/evidence?level=Z", method: .get) { response in
                #expect(response.status == .badRequest)
                try #expect((try Harness.json(response.body)["error"] as? [String: Any])?["field"] as? String == "level")
            }
            try await client.execute(uri: "/api/extract", method: .post, headers: [.contentType: "image/png"], body: ByteBuffer(string: "x")) {
                response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func matchesProfilesAndBatches() async throws {
        try await Harness.app().test(.router) { client in
            let profile = #"{"disease":"CML","alterations":["BCR-ABL1 T315I"],"prior_therapies":[{"drugs":["imatinib"],"response":"PD"}]}"#
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile))
            { response in
                #expect(response.status == .ok)
                let json = try Harness.json(response.body)
                let options = try #require(json["options"] as? [[String: Any]])
                #expect(["ponatinib", "asciminib"].contains((options.first?["drugs"] as? [String])?.first ?? ""))
                let alerts = try #require(json["resistance"] as? [[String: Any]])
                #expect(alerts.contains { ($0["drugs"] as? [String]) == ["imatinib"] })
            }
            let batch = profile + "\nnot json\n" + #"{"disease":"NSCLC","alterations":["EGFR exon 19 deletion"]}"# + "\n"
            try await client.execute(
                uri: "/api/match/batch",
                method: .post,
                headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: batch)
            ) { response in
                #expect(response.status == .ok)
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 3)
                #expect(lines[1].contains("\"invalid_json\""))
                #expect(lines[2].contains("osimertinib"))
            }
            try await client.execute(
                uri: "/api/report",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: profile)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: response.body).contains("ponatinib"))
            }
        }
    }

    @Test func writesNeedTheTokenAndCasesRoundTrip() async throws {
        try await Harness.app().test(.router) { client in
            let record = CaseRecord(
                document: "route-test.txt",
                title: "A <script>alert(1)</script> title",
                diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
                alterations: [Alteration(gene: "FLT3", variant: "ITD", kind: .internalTandemDuplication)],
                therapies: [TherapyLine(line: 1, drugs: ["gilteritinib"], response: .complete)]
            )
            let body = ByteBuffer(bytes: try JSONEncoder().encode(record))
            // Build the match index before the write, so the write must update it.
            let profile = #"{"disease":"AML","alterations":["FLT3-ITD"]}"#
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile))
            { response in
                try #expect(Harness.json(response.body)["similar_cases"] as? [Any] != nil)
            }
            try await client.execute(uri: "/api/cases", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer wrong"],
                body: body
            ) { response in
                #expect(response.status == .unauthorized)
            }
            var id = ""
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
                body: body
            ) { response in
                #expect(response.status == .created)
                id = try #require(try Harness.json(response.body)["id"] as? String)
            }
            let path = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))) ?? id
            try await client.execute(uri: "/api/cases/\(path)", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/cases/\(path)/timeline.svg", method: .get) { response in
                #expect(response.status == .ok)
                let svg = String(buffer: response.body)
                #expect(svg.contains("&lt;script&gt;"))
                #expect(!svg.contains("<script>"))
            }
            try await client.execute(uri: "/api/cases?limit=10", method: .get) { response in
                try #expect((try Harness.json(response.body)["total"] as? Int) == 1)
            }
            // Matching sees the stored case at once (the server updates its index in memory).
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile))
            { response in
                let similar = try #require(try Harness.json(response.body)["similar_cases"] as? [[String: Any]])
                #expect(similar.contains { $0["case"] as? String == id })
            }
            // The stored case now counts as level C evidence.
            try await client.execute(uri: "/api/evidence?gene=FLT3&level=C", method: .get) { response in
                let items = try #require(try Harness.json(response.body)["items"] as? [[String: Any]])
                #expect(items.contains { ($0["id"] as? String)?.hasPrefix("case:") == true })
            }
            try await client.execute(uri: "/api/cases/\(path)", method: .delete) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/cases/\(path)", method: .delete, headers: [.authorization: "Bearer \(Harness.token)"]) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/cases/\(path)", method: .delete, headers: [.authorization: "Bearer \(Harness.token)"]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func concurrentCaseWritesAllReachTheMatchIndexOnce() async throws {
        let writers = 40
        try await Harness.app().test(.router) { client in
            let profile = #"{"disease":"AML","alterations":["FLT3 D835H"]}"#
            // Build the match index first, so every write must be applied to it in memory.
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile))
            { response in #expect(response.status == .ok) }
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for number in 0..<writers {
                    let record = CaseRecord(
                        document: "concurrent-\(number).txt",
                        diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
                        alterations: [Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange)],
                        // A type I inhibitor: FLT3 D835 mutations make type II ones (quizartinib) resistant,
                        // which takes them out of the options.
                        therapies: [TherapyLine(line: 1, drugs: ["crenolanib"], response: .partial)]
                    )
                    let body = ByteBuffer(bytes: try JSONEncoder().encode(record))
                    group.addTask {
                        try await client.execute(
                            uri: "/api/cases",
                            method: .post,
                            headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
                            body: body
                        ) { $0.status }
                    }
                }
                for try await status in group { #expect(status == .created) }
            }
            try await client.execute(uri: "/api/cases?limit=1", method: .get) { response in
                try #expect((try Harness.json(response.body)["total"] as? Int) == writers)
            }
            // Each write counted exactly once: no write lost, none applied twice.
            try await client.execute(uri: "/api/match", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: profile))
            { response in
                let options = try #require(try Harness.json(response.body)["options"] as? [[String: Any]])
                let crenolanib = try #require(
                    options.first { ($0["drugs"] as? [String]) == ["crenolanib"] && ($0["why"] as? String)?.contains("case report") == true }
                )
                #expect((crenolanib["why"] as? String)?.contains("\(writers) case reports make this claim") == true)
            }
        }
    }

    @Test func aMinimalCaseBodyIsAccepted() async throws {
        // Clients may leave out spans, metadata and empty lists.
        let body =
            #"{"document":"minimal.txt","alterations":[{"gene":"FLT3","variant":"ITD","kind":"itd"}],"therapies":[{"drugs":["gilteritinib"],"response":"partial response"}]}"#
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                try #expect(Harness.json(response.body)["evidence"] as? Int == 1)
            }
        }
    }

    @Test func autocompleteAndValidation() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(uri: "/api/diseases?q=myeloid%20sarc", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(list.contains { $0["code"] as? String == "MS" })
            }
            try await client.execute(uri: "/api/alterations/validate?text=FLT3%20p.Asp835His", method: .get) { response in
                let json = try Harness.json(response.body)
                #expect(json["ok"] as? Bool == true)
                #expect(json["label"] as? String == "FLT3 D835H")
            }
            try await client.execute(uri: "/api/alterations/validate?text=FTL3%20D835H", method: .get) { response in
                let json = try Harness.json(response.body)
                #expect(json["ok"] as? Bool == false)
                #expect((json["message"] as? String)?.contains("did you mean FLT3") == true)
            }
        }
    }
}
