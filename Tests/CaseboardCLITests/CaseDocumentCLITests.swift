import Foundation
import Testing

/// `extract --document-text` writes the text beside the case, `kb import cases` keeps it, and
/// `kb dump` carries it, so a stored case reopens whole in the web UI.
struct CaseDocumentCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func importedCasesKeepTheTextExtractWrote() async throws {
        let report = Self.root.appendingPathComponent("Examples/egfr-lung-case.md").path
        let extracted = try await CLI.run(["extract", "--document-text", "--all-mentions", report])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any])
        let text = try #require(record["document_text"] as? String)
        #expect(text.contains("osimertinib"))
        // Without the flag, the contract's output is unchanged.
        let plain = try await CLI.run(["extract", report])
        #expect(!plain.stdout.contains("document_text"))

        let file = try CLI.temporaryFile(named: "case.json", Data(extracted.stdout.utf8))
        let db = file.deletingLastPathComponent().appendingPathComponent("kb.sqlite").path
        let imported = try await CLI.run(["kb", "import", "cases", file.path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let dump = file.deletingLastPathComponent().appendingPathComponent("kb.jsonl").path
        let dumped = try await CLI.run(["kb", "dump", dump, "--db", db])
        #expect(dumped.status == 0, "\(dumped.stderr)")
        let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n")
        let cases = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .compactMap { $0["case"] as? [String: Any] }
        #expect(cases.count == 1)
        #expect(cases.first?["document_text"] as? String == text)
    }
}
