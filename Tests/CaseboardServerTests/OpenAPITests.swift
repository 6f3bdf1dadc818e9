import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The OpenAPI document must be valid and must describe the routes the server really has.
struct OpenAPITests {
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CaseboardServer/Resources/API/openapi.json")

    static var validatorAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openapi_spec_validator"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(
        .enabled(if: validatorAvailable, "python3 openapi-spec-validator not installed: spec validation skipped (pip install openapi-spec-validator)")
    )
    func documentIsValidOpenAPI31() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import json,sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('ok')",
            Self.documentURL.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "openapi-spec-validator: \(text)")
    }

    /// A request body that satisfies each operation's schema.
    static let bodies: [String: (contentType: String, body: String)] = [
        "extract": ("application/json", #"{"text":"A 50-year-old man with CML received imatinib.","format":"text"}"#),
        "match": ("application/json", #"{"disease":"CML","alterations":["BCR-ABL1 T315I"]}"#),
        "matchBatch": ("application/x-ndjson", #"{"disease":"CML","alterations":["BCR-ABL1 T315I"]}"# + "\n"),
        "report": ("application/json", #"{"disease":"CML","alterations":["BCR-ABL1 T315I"]}"#),
        "annotate": (
            "text/plain", "Hugo_Symbol\tTumor_Sample_Barcode\tVariant_Classification\tHGVSp_Short\nEGFR\tS1\tMissense_Mutation\tp.L858R\n"
        ),
        "createCase": (
            "application/json",
            #"{"document":"openapi.txt","patient":{},"diagnoses":[],"alterations":[],"therapies":[],"adverse_events":[],"resistance":[]}"#
        ),
    ]

    struct Route: Sendable {
        var template: String
        var method: String
        var id: String
        var codes: Set<String>
        var secured: Bool
    }

    @Test func everyDocumentedRouteAnswersWithADocumentedStatus() async throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.documentURL)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var routes: [Route] = []
        for (template, operations) in paths {
            for (method, value) in operations {
                let operation = try #require(value as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                routes.append(
                    Route(
                        template: template,
                        method: method,
                        id: operation["operationId"] as? String ?? "",
                        codes: Set(responses.keys),
                        secured: operation["security"] != nil
                    )
                )
            }
        }
        #expect(routes.count == 22)
        let ordered = routes.sorted { ($0.template, $0.method) < ($1.template, $1.method) }
        let checked = try await Harness.app().test(.router) { client -> Int in
            var checked = 0
            for route in ordered {
                var uri = route.template.replacingOccurrences(of: "{id}", with: "doc:missing")
                if route.id == "diseases" { uri += "?q=aml" }
                if route.id == "validateAlteration" { uri += "?text=FLT3%20ITD" }
                if route.id == "annotate" { uri += "?disease=LUAD" }
                var headers: HTTPFields = [:]
                var body = ByteBuffer()
                if let sample = Self.bodies[route.id] {
                    headers[.contentType] = sample.contentType
                    body = ByteBuffer(string: sample.body)
                }
                if route.secured { headers[.authorization] = "Bearer \(Harness.token)" }
                let method = try #require(HTTPRequest.Method(rawValue: route.method.uppercased()))
                try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                    #expect(
                        route.codes.contains(String(response.status.code)),
                        "\(route.method.uppercased()) \(uri) answered \(response.status.code)"
                    )
                    if response.status.code >= 400 {
                        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                        #expect(json?["error"] != nil, "\(uri): error responses use the error shape")
                    }
                }
                checked += 1
            }
            return checked
        }
        #expect(checked == routes.count)
    }
}
