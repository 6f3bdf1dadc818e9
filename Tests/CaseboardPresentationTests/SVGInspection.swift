import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parse of a rendered SVG found: whether it was well formed, every element with
/// its attributes, and all character data.
struct SVGInspection {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    var wellFormed: Bool
    var error: String?
    var elements: [Element]
    var text: String

    init(_ svg: String) {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        wellFormed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        elements = delegate.elements
        text = delegate.text
    }

    /// Elements whose `class` attribute contains `name`.
    func elements(withClass name: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains { $0 == name } }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var text = ""

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            elements.append(Element(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }
}
