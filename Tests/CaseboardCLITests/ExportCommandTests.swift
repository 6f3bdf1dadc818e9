import Foundation
import Testing

struct ExportCommandTests {
    /// An invented extracted case, in the `extract` JSON contract.
    static let extracted = Data(
        """
        {"document": "invented.txt", "metadata": {"pmid": "99999002"},
         "patient": {"age": 58, "sex": "male", "spans": []},
         "diagnoses": [{"name": "lung adenocarcinoma", "oncotree": "LUAD", "code": "LUAD", "canonical_name": "Lung Adenocarcinoma", "spans": []}],
         "alterations": [{"gene": "EGFR", "variant": "L858R", "kind": "protein_change", "spans": []}],
         "therapies": [{"line": 1, "drugs": ["erlotinib"], "response": "partial response", "adverse_events": [], "dose_changes": [], "spans": [], "response_spans": []}]}
        """.utf8
    )

    @Test func exportsAPhenopacket() async throws {
        let file = try CLI.temporaryFile(named: "case.json", Self.extracted)
        let result = try await CLI.run(["export", "--format", "phenopacket", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "pmid-99999002")
        #expect(result.stdout.contains("p.Leu858Arg"))
        #expect(result.stdout.contains("NCIT:C3512"))
    }

    @Test func exportsOneFHIRBundlePerLineForJSONLines() async throws {
        var lines = Data()
        for _ in 0..<2 {
            lines.append(Data(String(decoding: Self.extracted, as: UTF8.self).replacingOccurrences(of: "\n", with: " ").utf8))
            lines.append(0x0A)
        }
        let file = try CLI.temporaryFile(named: "cases.jsonl", lines)
        let result = try await CLI.run(["export", "--format", "fhir", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = result.stdout.split(separator: "\n")
        #expect(outputs.count == 2)
        #expect(outputs.allSatisfy { $0.contains("\"resourceType\":\"Bundle\"") })
    }

    @Test func badLineIsReportedWithItsPosition() async throws {
        let file = try CLI.temporaryFile(named: "bad.jsonl", Data("{\"document\": \"a\"}\n{\"title\": \"no document\"}\n".utf8))
        let result = try await CLI.run(["export", "--format", "fhir", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.jsonl:2:1: error: not an extracted case: missing field `document`"))
    }
}
