import CaseboardCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A stored case keeps the document text it was read from (`document_text`), so it reopens
/// whole; a case sent without text reads back without it.
struct CaseDocumentRouteTests {
    /// An invented report.
    static let report = """
        A 58-year-old woman with lung adenocarcinoma harbouring EGFR L858R started osimertinib. \
        After nine months the disease progressed and a MET amplification was found.
        """

    @Test func aCaseSentWithItsTextIsServedWithIt() async throws {
        try await Harness.app().test(.router) { client in
            let extraction = try await client.execute(
                uri: "/api/extract",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["text": Self.report, "name": "invented.txt"]))
            ) { response in
                #expect(response.status == .ok)
                return try Harness.json(response.body)
            }
            let text = try #require(extraction["document_text"] as? String)
            #expect(text.contains("osimertinib"))
            var withText = extraction
            withText.removeValue(forKey: "timeline_svg")
            let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"]
            let id = try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: withText))
            ) { response in
                #expect(response.status == .created)
                return try #require(try Harness.json(response.body)["id"] as? String)
            }
            let path = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
            try await client.execute(uri: "/api/cases/\(path)", method: .get) { response in
                let stored = try Harness.json(response.body)
                #expect(stored["document_text"] as? String == text)
            }
            // Sent again without its text: the new save replaces the old, text and all.
            var withoutText = withText
            withoutText.removeValue(forKey: "document_text")
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: withoutText))
            ) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/cases/\(path)", method: .get) { response in
                let stored = try Harness.json(response.body)
                #expect(stored["record"] != nil)
                #expect(stored["document_text"] == nil)
            }
        }
    }
}
