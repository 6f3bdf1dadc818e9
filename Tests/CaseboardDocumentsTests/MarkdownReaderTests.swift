import CaseboardCore
import CaseboardDocuments
import Testing

struct MarkdownReaderTests {
    let reader = PlainTextReader()

    @Test func headingsBecomeSectionsAndMarkupGoes() throws {
        let input = try Fixture.bytes("alk-case.md")
        let document = try reader.read(input, source: "alk-case.md", format: .markdown)
        #expect(document.format == .markdown)
        #expect(document.title == "Alectinib in a young patient with ALK-rearranged lung cancer")
        #expect(
            document.outline == [
                "other:OPEN ACCESS", "title:-", "other:-", "abstract:Abstract", "other:Keywords", "other:1 Introduction",
                "case:2 Case report", "case:2.1 Imaging", "discussion:3 Discussion", "references:References",
            ]
        )
        #expect(document.firstText(of: .title) == "Alectinib in a young patient with ALK-rearranged lung cancer")
        #expect(document.firstText(of: .abstract) == "A 32-year-old woman with ALK-rearranged adenocarcinoma responded to alectinib.")
        #expect(
            document.firstText(of: .case)
                == """
                The tumour carried an EML4-ALK fusion (variant 3) by RNA-seq.
                The file was named sample_id_7 and *not* bold.

                - Crizotinib 250 mg twice daily
                - Alectinib 600 mg twice daily
                """
        )
        #expect(!document.text.contains("https://"))
        #expect(!document.text.contains("#"))
        #expect(!document.text.contains("<sup>"))
        #expect(document.metadata.keywords == ["ALK", "alectinib", "lung adenocarcinoma"])
        let references = try #require(document.firstText(of: .references))
        #expect(references == "1. Example J. A made-up study. J Made Up Med. 2020;1:1.")
    }

    @Test(arguments: ["young", "32-year-old", "ALK-rearranged", "EML4-ALK", "RNA-seq", "sample_id_7", "Imaging", "Crizotinib", "Made Up Med."])
    func wordsMapToTheirInputBytes(word: String) throws {
        let input = try Fixture.bytes("alk-case.md")
        let document = try reader.read(input, source: "alk-case.md", format: .markdown)
        #expect(document.sourceText(of: word, in: input) == word)
    }

    @Test func emphasisAcrossWordsMapsToMarkedUpSource() throws {
        let input = Array("Treated with **osimertinib 80 mg** daily and [see *table*][t].\n".utf8)
        let document = try reader.read(input, source: "x.md", format: .markdown)
        #expect(document.text == "Treated with osimertinib 80 mg daily and see table.")
        #expect(document.sourceText(of: "osimertinib 80 mg", in: input) == "osimertinib 80 mg")
        // A range spanning removed markup maps to the input range that holds it.
        #expect(document.sourceText(of: "see table", in: input) == "see *table")
    }

    @Test func frontMatterFencesAndEntities() throws {
        let input = Array(
            """
            ---
            title: "Entrectinib for ROS1 fusion"
            authors:
              - A. Writer
              - B. Author
            doi: 10.9999/md.1
            ---
            Intro text &ndash; with an entity and a literal 2 * 3 * 4.

            ```
            **kept** as code
            ```

            Setext heading
            --------------

            Body.

            """.utf8
        )
        let document = try reader.read(input, source: "fm.md", format: .markdown)
        #expect(document.title == "Entrectinib for ROS1 fusion")
        #expect(document.metadata.authors == ["A. Writer", "B. Author"])
        #expect(document.metadata.doi == "10.9999/md.1")
        #expect(
            document.text
                == "Entrectinib for ROS1 fusion\n\nIntro text \u{2013} with an entity and a literal 2 * 3 * 4.\n\n**kept** as code\n\nSetext heading\n\nBody."
        )
        // Without a case, abstract or discussion heading the text is all case description.
        #expect(document.outline == ["title:-", "case:-", "case:Setext heading"])
        #expect(document.sourceText(of: "\u{2013}", in: input) == "&ndash;")
        #expect(document.sourceText(of: "Entrectinib", in: input) == "Entrectinib")
    }

    @Test func misplacedDeeperHeadingKeepsItsOwnKind() throws {
        let input = Array("## Case report\n\nA man.\n\n### Imaging\n\nCT.\n\n### Discussion\n\nWhy.\n\n#### Limitations\n\nFew.\n".utf8)
        let document = try reader.read(input, source: "levels.md", format: .markdown)
        #expect(document.outline == ["case:Case report", "case:Imaging", "discussion:Discussion", "discussion:Limitations"])
    }

    @Test func pathologicalLineStaysLinear() throws {
        // Unmatched brackets, backticks and emphasis runs, 600 kB on one line.
        let chunk = "[[`**_ a ( ] `` x ~~ y "
        let input = Array(String(repeating: chunk, count: 26_000).utf8)
        let document = try reader.read(input, source: "odd.md", format: .markdown)
        #expect(document.text.utf8.count > 400_000)
    }
}
