import CaseboardCore
import CaseboardDocuments
import Testing

/// Structured-abstract labels run into one paragraph open sections of their own.
struct InlineLabelTests {
    private func sections(_ text: String) throws -> [(SectionKind, String?, String)] {
        let document = try PlainTextReader().read(Array(text.utf8), source: "abstract.txt")
        return document.sections.map { ($0.kind, $0.heading, String(document.text(of: $0))) }
    }

    @Test func colonLabelsInsideAParagraphSplitIt() throws {
        let text = """
            Targeted therapy in a rare sarcoma

            Introduction: Such sarcomas are rare in adults. Case presentation: A 47-year-old man presented with a mass. \
            Conclusions: Targeted therapy can help.
            """
        let found = try sections(text)
        let headings = found.compactMap(\.1)
        #expect(headings.contains("Case presentation"))
        let presentation = found.first { $0.1 == "Case presentation" }
        #expect(presentation?.0 == .case)
        #expect(presentation?.2 == "A 47-year-old man presented with a mass.")
        #expect(found.first { $0.1 == "Conclusions" }?.0 == .discussion)
    }

    @Test func stopLabelsAndFusedLabelsSplitToo() throws {
        let text = """
            Untitled paragraph follows

            Leukemia of this kind is rare. Case Report. A 30-year-old woman presented with fever. ResultsOf all tests, one was abnormal.
            """
        let found = try sections(text)
        #expect(found.contains { $0.1 == "Case Report" && $0.2.hasPrefix("A 30-year-old woman") })
        #expect(found.contains { $0.1 == "Results" && $0.2.hasPrefix("Of all tests") })
    }

    /// A plain-text report whose sections are labelled paragraphs ("Discussion. Other drugs …") splits at
    /// them, so the Discussion's drugs are not read as the patient's (reading hold-out r14, session 24).
    @Test func aLabelOpeningAParagraphSplitsTheSection() throws {
        let text = """
            A patient on a new kinase inhibitor

            A 58-year-old man started the study drug in March and responded.

            Discussion. Two other inhibitors of the same class exist; neither was given.
            """
        let found = try sections(text)
        let discussion = found.first { $0.1 == "Discussion" }
        #expect(discussion?.0 == .discussion, "\(found)")
        #expect(discussion?.2.hasPrefix("Two other inhibitors") == true)
        #expect(!found.contains { $0.0 != .discussion && $0.2.contains("Two other inhibitors") })
    }

    @Test func ordinarySentencesAreNotLabels() throws {
        let text = """
            A plain report

            The case was discussed. Results were pending. Background noise was low: the room was quiet.
            """
        let found = try sections(text)
        #expect(found.allSatisfy { $0.1 == nil })
    }
}
