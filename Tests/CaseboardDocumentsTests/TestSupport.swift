import CaseboardCore
import CaseboardDocuments
import Foundation
import Testing

/// Fixture files bundled with the tests.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            throw Diagnostic.error("test bundle has no resources")
        }
        return directory.appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try url(name)))
    }
}

/// The repository's shared data folder, `../shared` beside the package root.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path)
    }

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// Hands out 1 to 7 bytes per read, cycling, to put buffer boundaries everywhere.
struct TrickleByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private var step = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        step = step % 7 + 1
        let count = min(step, buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        for index in 0..<count { buffer[index] = bytes[position + index] }
        position += count
        return count
    }
}

/// A readable trace of every event, for comparing parses.
func trace(_ parser: XMLPullParser) throws -> [String] {
    var events: [String] = []
    while true {
        let event = try parser.next()
        switch event {
        case .startElement: events.append("<\(parser.name.string) depth=\(parser.depth)")
        case .endElement: events.append("</\(parser.name.string)")
        case .text: events.append("text@\(parser.textOffset):\(parser.text.string)")
        case .cdata: events.append("cdata@\(parser.textOffset):\(parser.text.string)")
        case .reference: events.append("ref\(parser.referenceRange):\(parser.text.string)")
        case .endDocument: return events
        }
    }
}

func parser(_ xml: String, options: XMLReadOptions = XMLReadOptions()) -> XMLPullParser {
    XMLPullParser(source: MemoryByteSource(Array(xml.utf8)), fileName: "test.xml", options: options)
}

/// The error thrown by `body`, which must throw a `Diagnostic`.
func diagnostic(_ body: () throws -> Void) -> Diagnostic? {
    do {
        try body()
        return nil
    } catch let error as Diagnostic {
        return error
    } catch {
        return nil
    }
}

extension Document {
    /// The UTF-8 range of the `occurrence`-th appearance of `needle` in the text.
    func textRange(of needle: String, occurrence: Int = 0) -> Range<Int>? {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            if seen == occurrence { return start..<(start + pattern.count) }
            seen += 1
        }
        return nil
    }

    /// The input bytes that the text of `needle` maps back to, decoded as UTF-8.
    func sourceText(of needle: String, in input: [UInt8], occurrence: Int = 0) -> String? {
        guard let range = textRange(of: needle, occurrence: occurrence) else { return nil }
        let source = sourceMap.sourceRange(ofText: range)
        guard source.lowerBound >= 0, source.upperBound <= input.count else { return nil }
        return String(decoding: input[source], as: UTF8.self)
    }

    /// Sections as (kind, heading) pairs, for compact expectations.
    var outline: [String] {
        sections.map { "\($0.kind.rawValue):\($0.heading ?? "-")" }
    }

    /// The text of the first section of `kind`.
    func firstText(of kind: SectionKind) -> String? {
        sections.first { $0.kind == kind }.map { String(text(of: $0)) }
    }
}
