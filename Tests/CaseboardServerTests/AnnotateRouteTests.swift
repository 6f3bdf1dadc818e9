import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct AnnotateRouteTests {
    static let maf =
        "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\nEGFR\tMissense_Mutation\tR1\tp.L858R\nTP53\tSilent\tR1\tp.P72=\n"
    static let clinical = "SAMPLE_ID\tONCOTREE_CODE\nR1\tLUAD\nR2\tLUAD\n"
    static let fusions = "Tumor_Sample_Barcode\tFusion\nR2\tEML4--ALK\n"

    static func multipart(output: String) -> (String, ByteBuffer) {
        let boundary = "caseboard-test-boundary"
        var body = ""
        for (name, filename, content) in [("file", "a.maf", maf), ("file", "f.txt", fusions), ("clinical", "c.txt", clinical)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"output\"\r\n\r\n\(output)\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: body))
    }

    @Test func multipartFilesGiveOneJSONLinePerSample() async throws {
        try await Harness.app().test(.router) { client in
            let (type, body) = Self.multipart(output: "jsonl")
            try await client.execute(uri: "/api/annotate", method: .post, headers: [.contentType: type], body: body) { response in
                #expect(response.status == .ok)
                let lines = String(buffer: response.body).split(separator: "\n")
                let samples = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
                #expect(samples.compactMap { $0["sample"] as? String } == ["R1", "R2"])
                #expect(samples.allSatisfy { ($0["options"] as? [[String: Any]])?.first?["level"] as? String == "A" })
            }
        }
    }

    @Test func rowsComeBackWithTheInputColumnsFirst() async throws {
        try await Harness.app().test(.router) { client in
            let (type, body) = Self.multipart(output: "rows")
            try await client.execute(uri: "/api/annotate", method: .post, headers: [.contentType: type], body: body) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("#caseboard file: a.maf\n"))
                #expect(text.contains("EGFR\tMissense_Mutation\tR1\tp.L858R\tEGFR L858R\tannotated\tyes\t"))
                #expect(text.contains("TP53\tSilent\tR1\tp.P72=\t\tnot_annotatable: non_protein_change"))
            }
        }
    }

    @Test func aRawBodyWithAnUnknownFormatOrNoBytesIsRefused() async throws {
        try await Harness.app().test(.router) { client in
            try await client.execute(
                uri: "/api/annotate?format=bam",
                method: .post,
                headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: Self.maf)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("bad_format"))
            }
            try await client.execute(uri: "/api/annotate", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("no_file"))
            }
            try await client.execute(
                uri: "/api/annotate?disease=LUAD",
                method: .post,
                headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "no known columns\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}
