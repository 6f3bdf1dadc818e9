import CaseboardCore
import Testing

/// Text without sentence stops (a PDF run together, a pasted table) is read in pieces of bounded
/// length: work that grows with the square of a sentence's length stays linear in the document
/// (a 50 KB run took 54 s in a debug build before, 5 s after).
struct RunOnTextTests {
    @Test func aRunWithoutStopsIsReadInBoundedPiecesAndSaysSo() throws {
        let run = String(repeating: "osimertinib partial response ", count: 400)
        let (record, bytes) = try extract("A 60-year-old man with lung adenocarcinoma was treated. The patient had " + run)
        #expect(bytes.count > 10_000)
        let warning = try #require(record.warnings.first { $0.contains("without sentence stops") })
        #expect(warning.hasPrefix("5 run(s)") || warning.hasPrefix("6 run(s)"), "\(warning)")
        // The facts are still read.
        #expect(record.therapies.contains { $0.drugs == ["osimertinib"] })
    }

    @Test func ordinarySentencesAreNeverCut() throws {
        let (record, _) = try extract(
            "A 52-year-old woman with melanoma received dabrafenib and trametinib. A partial response followed after three months."
        )
        #expect(!record.warnings.contains { $0.contains("without sentence stops") })
    }
}
