import Foundation
import Testing

struct ReadCommandTests {
    static let report = Data(
        """
        # Crizotinib in an ALK-rearranged tumour

        ## Case presentation

        A 30-year-old man had an EML4-ALK fusion and started crizotinib.

        ## Discussion

        Resistance mutations are common.
        """.utf8
    )

    @Test func printsSectionsAsText() async throws {
        let file = try CLI.temporaryFile(named: "case.md", Self.report)
        let result = try await CLI.run(["read", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("== case.md (markdown) =="))
        #expect(result.stdout.contains("-- [case] Case presentation"))
        #expect(result.stdout.contains("-- [discussion] Discussion"))
    }

    @Test func printsOneJSONObjectPerDocument() async throws {
        let file = try CLI.temporaryFile(named: "case.md", Self.report)
        let result = try await CLI.run(["read", "--format", "json", file.path, file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["format"] as? String == "markdown")
        let sections = try #require(object["sections"] as? [[String: Any]])
        let caseSection = try #require(sections.first { $0["kind"] as? String == "case" })
        // The section's input byte range quotes the input exactly.
        let start = try #require(caseSection["source_start"] as? Int)
        let end = try #require(caseSection["source_end"] as? Int)
        let quoted = String(decoding: Self.report[start..<end], as: UTF8.self)
        #expect(quoted == caseSection["text"] as? String)
    }

    @Test func readsStandardInputWithAForcedFormat() async throws {
        let html = Data("<html><body><h1>Title</h1><p>A 5-year-old girl.</p><script>alert(1)</script></body></html>".utf8)
        let result = try await CLI.run(["read", "--input-format", "html", "-"], stdin: html)
        #expect(result.status == 0)
        #expect(result.stdout.contains("A 5-year-old girl."))
        #expect(!result.stdout.contains("alert"))
    }

    @Test func badInputsFailWithLocatedErrorsAndTheRestIsStillRead() async throws {
        let empty = try CLI.temporaryFile(named: "empty.txt", Data())
        let good = try CLI.temporaryFile(named: "case.md", Self.report)
        let truncated = try CLI.temporaryFile(named: "cut.xml", Data("<PubmedArticleSet><PubmedArticle><MedlineCitation>\n<PMID>1</PMID>".utf8))
        let result = try await CLI.run(["read", empty.path, truncated.path, good.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(empty.path): error: file is empty"))
        #expect(result.stderr.contains("\(truncated.path):2:"))
        #expect(result.stdout.contains("== case.md (markdown) =="))
    }

    @Test func invalidBytesWarnButSucceedUnlessStrict() async throws {
        var bytes = Data("A 40-year-old woman ".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(contentsOf: Data(" with AML.\n".utf8))
        let file = try CLI.temporaryFile(named: "bytes.txt", bytes)
        let lenient = try await CLI.run(["read", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("\(file.path):1:21: warning:"))
        #expect(lenient.stdout.contains("\u{FFFD}"))
        let strict = try await CLI.run(["read", "--strict", file.path])
        #expect(strict.status == 1)
    }

    @Test func usageErrorsExitWithTwo() async throws {
        #expect(try await CLI.run(["read"]).status == 2)
        #expect(try await CLI.run(["read", "--format", "yaml", "x"]).status == 2)
        #expect(try await CLI.run(["frobnicate"]).status == 2)
        let help = try await CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("read"))
    }
}
