import Foundation
import Testing

struct ExtractCommandTests {
    static let report = Data(
        """
        # Crizotinib for an ALK-rearranged tumour

        ## Case presentation

        A 30-year-old man had an EML4-ALK fusion. He started crizotinib 250 mg twice daily and achieved a partial response.
        """.utf8
    )

    @Test func writesOneCaseObjectPerLineWithTheContractFields() async throws {
        let file = try CLI.temporaryFile(named: "case.md", Self.report)
        let result = try await CLI.run(["extract", "--format", "jsonl", file.path, file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["document", "patient", "diagnoses", "alterations", "therapies", "adverse_events", "resistance", "timeline"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let therapies = try #require(object["therapies"] as? [[String: Any]])
        #expect(therapies.first?["drugs"] as? [String] == ["crizotinib"])
        #expect(therapies.first?["response"] as? String == "partial response")
        let alterations = try #require(object["alterations"] as? [[String: Any]])
        #expect(alterations.first?["gene"] as? String == "ALK")
        #expect(alterations.first?["partner"] as? String == "EML4")
    }

    @Test func textSummaryNumbersTheLines() async throws {
        let file = try CLI.temporaryFile(named: "case.md", Self.report)
        let result = try await CLI.run(["extract", "--format", "text", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1. crizotinib, 250 mg twice daily -> partial response"))
    }

    @Test func pubTatorListsMentionsWithCharacterOffsets() async throws {
        let corpus = Data("123|t|FLT3 D835H in AML\n123|a|Sorafenib was given.\n\n".utf8)
        let file = try CLI.temporaryFile(named: "corpus.txt", corpus)
        let result = try await CLI.run(["extract", "--format", "pubtator", "--input-format", "pubtator", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("123\t0\t4\tFLT3\tGene\tFLT3"))
        #expect(result.stdout.contains("123\t5\t10\tD835H\tProteinMutation\tD835H"))
        #expect(result.stdout.contains("123\t14\t17\tAML\tDisease\tAML"))
        #expect(result.stdout.contains("123\t18\t27\tSorafenib\tChemical\tsorafenib"))
    }

    @Test func aBadInputDoesNotStopTheBatch() async throws {
        let empty = try CLI.temporaryFile(named: "empty.txt", Data())
        let good = try CLI.temporaryFile(named: "case.md", Self.report)
        let result = try await CLI.run(["extract", "--format", "jsonl", empty.path, good.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(empty.path): error: file is empty"))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }
}
