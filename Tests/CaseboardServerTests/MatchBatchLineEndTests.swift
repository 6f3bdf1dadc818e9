import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct MatchBatchLineEndTests {
    @Test func aBatchWithWindowsLineEndsMatchesEachLine() async throws {
        try await Harness.app().test(.router) { client in
            let first = #"{"disease":"CML","alterations":["BCR-ABL1 T315I"]}"#
            let second = #"{"disease":"NSCLC","alterations":["EGFR exon 19 deletion"]}"#
            try await client.execute(
                uri: "/api/match/batch",
                method: .post,
                headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: first + "\r\n\r\nnot json\r\n" + second + "\r\n")
            ) { response in
                #expect(response.status == .ok)
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 3)
                #expect(lines.first?.contains("ponatinib") == true)
                // Line numbers count the blank line, as an editor shows them.
                #expect(lines.dropFirst().first?.contains(#""field":"line 3""#) == true, "\(lines)")
                #expect(lines.last?.contains("osimertinib") == true)
            }
        }
    }
}
