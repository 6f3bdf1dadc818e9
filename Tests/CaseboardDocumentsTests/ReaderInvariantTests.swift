import CaseboardCore
import CaseboardDocuments
import Testing

/// Properties every reader must keep on any input, checked on fixtures and on generated junk.
struct ReaderInvariantTests {
    /// Sections are ordered, disjoint and inside the text; the map covers the text and stays inside the input.
    static func checkInvariants(_ document: Document, input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let length = document.text.utf8.count
        #expect(document.sourceMap.textLength == length, sourceLocation: sourceLocation)
        var previousEnd = 0
        for section in document.sections {
            #expect(section.range.lowerBound >= previousEnd, sourceLocation: sourceLocation)
            #expect(section.range.upperBound <= length, sourceLocation: sourceLocation)
            previousEnd = section.range.upperBound
        }
        for segment in document.sourceMap.segments {
            #expect(segment.sourceStart >= 0 && segment.sourceStart + segment.sourceLength <= input.count, sourceLocation: sourceLocation)
        }
        if length > 0 {
            let whole = document.sourceMap.sourceRange(ofText: 0..<length)
            #expect(whole.lowerBound >= 0 && whole.upperBound <= input.count, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["egfr-case.txt", "pubmed-export.txt", "alk-case.md", "article.html", "windows-1252.html"])
    func fixturesKeepInvariants(name: String) throws {
        let input = try Fixture.bytes(name)
        let document =
            name.hasSuffix(".html")
            ? try HTMLReader().read(input, source: name)
            : try PlainTextReader().read(input, source: name, format: name.hasSuffix(".md") ? .markdown : .text)
        Self.checkInvariants(document, input: input)
    }

    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces: [[UInt8]] =
        [
            "<p>", "</p>", "<div class=\"cookie-banner\">", "<div class=x>", "</div>", "<h1>", "</h1>", "<h2>", "Case report", "</h2>",
            "<h3>", "Discussion", "&amp;", "&#x", "&#", "1F600", ";", "&bogus;", "&nbsp;", "<script>", "</script>", "<style>", "<!--", "-->",
            "<![CDATA[", "]]>", "EGFR L858R ", "text ", "\n", "\r\n", "<", ">", "\"", "'", "=", "<br>", "</br>", "<table><tr><td>", "</td><td>",
            "<pre>", "</pre>", "<sup>", "</sup>", "10", "<meta name=citation_title content=\"T&amp;T\">", "<title>", "</title>", "# ", "## ",
            "**", "*", "_", "~~", "`", "``", "[", "](", ")", "![", "\\", "- ", "1. ", "---\n", "```\n", "> ", "|---|", "Abstract\n",
            "References\n", "1. Journal. 2020 Jan 1;1:1.\n\n", "\u{E9}", "\u{00C3}\u{00A9}", "\u{2009}", "<nav>", "</nav>", "<header>",
            "<article>", "</article>", "<li>", "<ul>", "</ul>", "<h2 hidden>", "</body>", "</html>", "<head>", "</head>",
        ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80], [0xC3], [0x96], [0x0C]]

    @Test func generatedJunkNeverTrapsAndKeepsInvariants() throws {
        var generator = Generator(state: 42)
        for round in 0..<250 {
            var input: [UInt8] = []
            let count = 1 + generator.next(120)
            for _ in 0..<count { input += Self.pieces[generator.next(Self.pieces.count)] }
            if round.isMultiple(of: 5) { input = Array("<meta charset=\"windows-1252\">".utf8) + input }
            let html = try HTMLReader().read(input, source: "junk.html")
            Self.checkInvariants(html, input: input)
            let markdown = try PlainTextReader().read(input, source: "junk.md", format: .markdown)
            Self.checkInvariants(markdown, input: input)
            let text = try PlainTextReader().read(input, source: "junk.txt")
            Self.checkInvariants(text, input: input)
        }
    }

    @Test func largeHTMLPageReads() throws {
        var input = Array("<html><body><h2>Case report</h2>".utf8)
        let paragraph = Array("<p class=\"body\">The patient received <b>osimertinib</b> 80&nbsp;mg daily.</p>\n".utf8)
        while input.count < 2_000_000 { input += paragraph }
        let document = try HTMLReader().read(input, source: "big.html")
        #expect(document.outline == ["case:Case report"])
        #expect(document.text.hasSuffix("The patient received osimertinib 80\u{A0}mg daily."))
    }
}
