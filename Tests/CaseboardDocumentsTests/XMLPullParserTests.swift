import CaseboardCore
import CaseboardDocuments
import Testing

struct XMLPullParserTests {
    @Test func eventsForElementsTextAndAttributes() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><a x="1" y='two &amp; "2"'><b/>hi<?pi x?> there</a>"#
        let parser = parser(xml)
        #expect(try parser.next() == .startElement)
        #expect(parser.name == "a")
        #expect(try parser.attribute("x") == "1")
        #expect(try parser.attribute("y") == #"two & "2""#)
        #expect(parser.attribute("x", is: "1"))
        #expect(try parser.attribute("z") == nil)
        #expect(try trace(parser) == ["<b depth=2", "</b", "text@62:hi", "text@72: there", "</a"])
    }

    @Test func predefinedEntitiesAndCharacterReferences() throws {
        let parser = parser("<t>&lt;&gt;&amp;&apos;&quot;&#946;&#x3B2;&#x3b2;</t>")
        let events = try trace(parser)
        #expect(events.count == 10)
        let texts = events.dropFirst().dropLast().map { String($0.split(separator: ":", maxSplits: 1)[1]) }
        #expect(texts == ["<", ">", "&", "'", "\"", "β", "β", "β"])
        #expect(events[1] == "ref3..<7:<")
        #expect(events[6] == "ref28..<34:β")
        #expect(events[7] == "ref34..<41:β")
    }

    @Test func invalidCharacterReferencesAreErrors() {
        for bad in ["&#0;", "&#xD800;", "&#x110000;", "&#12a;", "&#;", "&#xFFFE;"] {
            let error = diagnostic { _ = try trace(parser("<t>\(bad)</t>")) }
            #expect(error?.message.contains("character reference") == true, "\(bad): \(String(describing: error))")
        }
    }

    @Test func cdataIsVerbatimAndCommentsAreSkipped() throws {
        let events = try trace(parser("<t><![CDATA[a <b> & c]]><!-- <x> --></t>"))
        #expect(events == ["<t depth=1", "cdata@12:a <b> & c", "</t"])
    }

    @Test func internalEntitiesExpand() throws {
        let xml = #"<!DOCTYPE t [ <!ENTITY who "World"> <!ENTITY greet 'Hello, &who;&#33;'> ]><t a="&greet;">&greet;</t>"#
        let parser = parser(xml)
        #expect(try parser.next() == .startElement)
        #expect(try parser.attribute("a") == "Hello, World!")
        #expect(try parser.next() == .reference)
        #expect(parser.text.string == "Hello, World!")
    }

    @Test func mismatchedEndTagNamesBothTagsAndPosition() {
        let error = diagnostic { _ = try trace(parser("<a>\n  <b>text\n  </c>\n</a>")) }
        #expect(error?.message.hasPrefix("expected </b> but found </c>") == true)
        #expect(error?.position?.line == 3)
        #expect(error?.position?.column == 3)
        #expect(error?.file == "test.xml")
        #expect(error?.severity == .error)
    }

    @Test func truncatedInputNamesTheOpenElement() {
        let error = diagnostic { _ = try trace(parser("<root>\n<item>\n  text")) }
        #expect(error?.message == "unexpected end of input inside <item> opened at line 2, column 1")
        #expect(error?.position?.line == 3)
        let inTag = diagnostic { _ = try trace(parser("<root>\n<item attr=\"x")) }
        #expect(inTag?.message == "unexpected end of input inside a tag that starts at line 2, column 1 (inside <root> opened at line 1)")
        let inComment = diagnostic { _ = try trace(parser("<root><!-- never closed")) }
        #expect(inComment?.message.hasPrefix("unexpected end of input inside a comment") == true)
    }

    @Test func junkAfterRootAndStrayMarkupAreErrors() {
        #expect(diagnostic { _ = try trace(parser("<a/><b/>")) }?.message.hasPrefix("junk after the root element") == true)
        #expect(diagnostic { _ = try trace(parser("<a/>text")) }?.message == "junk after the root element")
        #expect(diagnostic { _ = try trace(parser("<a>1 < 2</a>")) }?.message.hasPrefix("'<' must start a tag") == true)
        #expect(diagnostic { _ = try trace(parser("<a>AT&T</a>")) }?.message.contains("&amp;") == true)
        #expect(diagnostic { _ = try trace(parser("<a b=c/>")) }?.message.contains("must be quoted") == true)
        #expect(diagnostic { _ = try trace(parser("")) }?.message.hasPrefix("no root element") == true)
        #expect(diagnostic { _ = try trace(parser("<a>&nbsp;</a>")) }?.message.hasPrefix("undeclared entity '&nbsp;'") == true)
    }

    @Test func nestingDepthIsLimited() {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        let error = diagnostic { _ = try trace(parser(deep, options: XMLReadOptions(maxNestingDepth: 50))) }
        #expect(error?.message == "elements are nested more than 50 deep")
    }

    @Test func billionLaughsFailsWithExpansionLimit() throws {
        let bytes = try Fixture.bytes("billion-laughs.xml")
        let parser = XMLPullParser(source: MemoryByteSource(bytes), fileName: "billion-laughs.xml")
        let error = diagnostic { _ = try trace(parser) }
        #expect(error?.message.hasPrefix("entity expansion limit exceeded: more than 1048576 bytes") == true)
        #expect(error?.position?.line == 15)
        #expect(error?.file == "billion-laughs.xml")
    }

    @Test func entityNestingDepthIsLimited() {
        var xml = "<!DOCTYPE t [ <!ENTITY e0 \"x\">"
        for level in 1...12 { xml += " <!ENTITY e\(level) \"&e\(level - 1);\">" }
        xml += " ]><t>&e12;</t>"
        let error = diagnostic { _ = try trace(parser(xml)) }
        #expect(error?.message.hasPrefix("entity expansion limit exceeded: entity references nested more than 10 levels") == true)
        let recursive = diagnostic { _ = try trace(parser(#"<!DOCTYPE t [<!ENTITY a "&b;"><!ENTITY b "&a;">]><t>&a;</t>"#)) }
        #expect(recursive?.message == "entity '&a;' refers to itself")
    }

    @Test func externalEntitiesAreRefused() throws {
        let bytes = try Fixture.bytes("external-entity.xml")
        let parser = XMLPullParser(source: MemoryByteSource(bytes), fileName: "external-entity.xml")
        let error = diagnostic { _ = try trace(parser) }
        #expect(error?.message == "reference to the external entity '&secret;' refused: external entities are never loaded")
        #expect(error?.position?.line == 6)
        #expect(error?.position?.column == 6)
    }

    @Test func chunkBoundariesDoNotChangeEvents() throws {
        let xml = #"""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY e "entity &amp; text"> ]>
            <r a="1" b='x&gt;y'>
              <!-- a comment with -- dashes -->
              <p>Caf\#u{E9} &e; &#x1F600; <![CDATA[<raw>]]> tail</p>
              <empty  />
            </r>
            """#
        let expected = try trace(parser(xml))
        for size in [1, 2, 3, 5, 8, 64] {
            let trickled = XMLPullParser(
                source: TrickleByteSource(Array(xml.utf8)),
                fileName: "test.xml",
                options: XMLReadOptions(bufferSize: size)
            )
            #expect(try trace(trickled) == expected, "buffer size \(size)")
        }
    }

    @Test func tokenSizeIsLimited() {
        let xml = "<r>" + String(repeating: "x", count: 100) + "</r>"
        let error = diagnostic { _ = try trace(parser(xml, options: XMLReadOptions(bufferSize: 16, maxTokenBytes: 32))) }
        #expect(error?.message == "a single XML construct is longer than the 32 byte limit")
    }

    @Test func readElementTextCollapsesWhitespace() throws {
        let parser = parser("<r><t>  a\n\t<i>b</i>  &amp; c </t><u/></r>")
        _ = try parser.next()
        _ = try parser.next()
        #expect(try parser.readElementText() == "a b & c")
        #expect(try parser.next() == .startElement)
        #expect(parser.name == "u")
    }
}
