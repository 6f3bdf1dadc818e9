import CaseboardCore
import CaseboardDocuments
import Testing

struct HTMLReaderTests {
    let reader = HTMLReader()

    @Test func keepsArticleAndDropsFurniture() throws {
        let input = try Fixture.bytes("article.html")
        let document = try reader.read(input, source: "web/article.html")
        #expect(document.id == "article.html")
        #expect(document.format == .html)
        for leak in ["LEAK", "cookies", "Home", "Share on", "Journal of Invented Oncology", "color: red", "document.write"] {
            #expect(!document.text.contains(leak), "\(leak) leaked")
        }
        #expect(
            document.text == """
                Lorlatinib after alectinib failure in ALK\u{2011}positive lung cancer

                Abstract

                A 51-year-old man with ALK\u{A0}fusion progressed on alectinib.

                Case Presentation

                Tissue sequencing found ALK G1202R. Lorlatinib 100\u{A0}mg daily was started \u{2014} with a response at 8\u{A0}weeks & CEA fell to 3\u{2009}\u{B5}g/L.

                Neutrophils were 3.2 \u{D7} 10^9/L.

                Gene\tVariant
                ALK\tG1202R

                Follow-up

                Response persisted at 14 months.

                Discussion

                Lorlatinib overcomes G1202R\u{2026}

                References

                Invented A. A study. J Invent Oncol. 2020.
                Made B. Another. 2021.
                """
        )
        #expect(
            document.outline == [
                "title:-", "abstract:Abstract", "case:Case Presentation", "case:Follow-up", "discussion:Discussion", "references:References",
            ]
        )
        #expect(document.warnings.isEmpty)
    }

    @Test func metadataFromMetaTags() throws {
        let document = try reader.read(try Fixture.bytes("article.html"), source: "article.html")
        #expect(document.title == "Lorlatinib after alectinib failure in ALK\u{2011}positive lung cancer")
        let metadata = document.metadata
        #expect(metadata.authors == ["Rivera, Ana", "Lindqvist, Erik"])
        #expect(metadata.journal == "Journal of Invented Oncology")
        #expect(metadata.publicationDate == "2022-06-15")
        #expect(metadata.doi == "10.9999/jio.2022.0107")
        #expect(metadata.pmid == "90000002")
        #expect(metadata.keywords == ["ALK", "lorlatinib", "G1202R"])
        #expect(metadata.publicationTypes == ["Case Report"])
        #expect(metadata.isCaseReport)
    }

    @Test(
        arguments: [
            ("\u{2014}", "&mdash;"), ("\u{B5}", "&micro;"), ("\u{2009}", "&#x2009;"), ("\u{D7}", "&times;"), ("&", "&amp;"),
            ("\u{2026}", "&hellip;"), ("G1202R", "G1202R"), ("Lorlatinib 100", "Lorlatinib 100"), ("^", "<sup>"),
        ]
    )
    func decodedTextMapsToSource(text: String, source: String) throws {
        let input = try Fixture.bytes("article.html")
        let document = try reader.read(input, source: "article.html")
        #expect(document.sourceText(of: text, in: input) == source)
    }

    @Test func collapsedWhitespaceMapsToTheWholeRun() throws {
        let input = try Fixture.bytes("article.html")
        let document = try reader.read(input, source: "article.html")
        #expect(document.sourceText(of: "51-year-old man", in: input) == "51-year-old   man")
    }

    @Test func transcodesWindows1252Page() throws {
        let input = try Fixture.bytes("windows-1252.html")
        let document = try reader.read(input, source: "latin.html")
        #expect(document.title == "Caf\u{E9} case")
        #expect(
            document.text
                == "Caf\u{E9} case\n\nCase report\n\nCEA 12 \u{B5}g/L \u{2013} down from 40 \u{B5}g/L; patient Ren\u{E9}e was \u{201C}stable\u{201D}."
        )
        #expect(document.outline == ["title:-", "case:Case report"])
        #expect(document.warnings.isEmpty)
        let enDash = try #require(document.textRange(of: "\u{2013}"))
        let source = document.sourceMap.sourceRange(ofText: enDash)
        #expect(source.count == 1)
        #expect(input[source.lowerBound] == 0x96)
        let renee = try #require(document.textRange(of: "Ren\u{E9}e"))
        #expect(document.sourceMap.sourceRange(ofText: renee).count == 5)
    }

    @Test func mislabelledUTF8PageStaysUTF8() throws {
        let input = Array("<meta charset=\"ISO-8859-1\"><p>Caf\u{E9} \u{2013} 5\u{2009}mg</p>".utf8)
        let document = try reader.read(input, source: "mislabelled.html")
        #expect(document.text == "Caf\u{E9} \u{2013} 5\u{2009}mg")
        #expect(document.warnings.isEmpty)
    }

    @Test func unsupportedCharsetIsReadAsUTF8WithWarnings() throws {
        let input: [UInt8] = Array("<meta charset=\"shift_jis\"><p>A ".utf8) + [0x82, 0xA0] + Array(" B</p>".utf8)
        let document = try reader.read(input, source: "sjis.html")
        #expect(document.text == "A \u{FFFD} B")
        #expect(document.warnings.map(\.message).first == "the page declares charset \"shift_jis\", which is not supported; read as UTF-8")
        #expect(document.warnings.count == 2)
    }

    @Test func scriptInsideParagraphNeverLeaks() throws {
        let input = Array("<p>EGFR exon 20<script>if (x</p>) { alert('<b>LEAK</b>') }</script> insertion.</p>".utf8)
        let document = try reader.read(input, source: "s.html")
        #expect(document.text == "EGFR exon 20 insertion.")
    }

    @Test func malformedHTMLStillReads() throws {
        let input = Array(
            """
            <HTML><BODY></div><H2>Case report</H2><P>A 45-year-old man with MET exon 14 skipping<P>received capmatinib
            <UL><LI>400 mg<LI>twice daily</UL></span><div class=note>Tolerated <B>well</div>
            <p>Unclosed <a href=foo.html title=x>link</p><h2>Discussion<p>Brief
            """.utf8
        )
        let document = try reader.read(input, source: "bad.html")
        #expect(
            document.text
                == "Case report\n\nA 45-year-old man with MET exon 14 skipping\n\nreceived capmatinib\n\n400 mg\ntwice daily\n\nTolerated well\n\nUnclosed link\n\nDiscussion\n\nBrief"
        )
        #expect(document.outline == ["case:Case report", "discussion:Discussion"])
    }

    @Test func hiddenAndLabelledFurnitureIsDropped() throws {
        let input = Array(
            """
            <div class="article-body navigable"><p>Kept one.</p>
            <div hidden><p>gone</p></div><div aria-hidden="true">gone</div><div style="display: none">gone</div>
            <section role="navigation">gone</section><div class="gdpr">gone</div><div id="shareBar">gone</div>
            <div class="sr-only">gone</div><div class="shared-decision">Kept two.</div></div>
            """.utf8
        )
        let document = try reader.read(input, source: "h.html")
        #expect(document.text == "Kept one.\n\nKept two.")
    }

    @Test func entitiesInvalidAndUnknown() throws {
        let input = Array("<p>a&#0;b &#xD800; &bogus; &lt;5 &#150; &copy 2022 &#1114112;</p>".utf8)
        let document = try reader.read(input, source: "e.html")
        #expect(document.text == "a\u{FFFD}b \u{FFFD} &bogus; <5 \u{2013} \u{A9} 2022 \u{FFFD}")
        let warning = try #require(document.warnings.first)
        #expect(warning.message.hasPrefix("replaced 3 invalid numeric character reference(s)"))
        #expect(warning.position == SourcePosition(offset: 4, line: 1, column: 5))
    }

    @Test func titleFromHeadWhenNoHeading() throws {
        let input = Array("<html><head><title>Imatinib &amp; GIST</title></head><body><p>Body text.</p></body></html>".utf8)
        let document = try reader.read(input, source: "t.html")
        #expect(document.title == "Imatinib & GIST")
        #expect(document.text == "Imatinib & GIST\n\nBody text.")
        #expect(document.outline == ["title:-", "case:-"])
        #expect(document.sourceText(of: "Imatinib", in: input) == "Imatinib")
    }

    @Test func preKeepsWhitespace() throws {
        let input = Array("<p>Before</p><pre>\nEGFR   L858R\n  T790M</pre><p>After</p>".utf8)
        let document = try reader.read(input, source: "p.html")
        #expect(document.text == "Before\n\nEGFR   L858R\n  T790M\n\nAfter")
    }

    @Test func emptyAndBinaryInputs() throws {
        #expect(throws: Diagnostic.error("file is empty", file: "e.html")) { try reader.read([], source: "e.html") }
        let error = try #require(throws: Diagnostic.self) { try reader.read([0x3C, 0x70, 0x00], source: "b.html") }
        #expect(error.message == "binary file, not text (found NUL byte at offset 2)")
    }
}
