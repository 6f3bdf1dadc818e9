import CaseboardCore

/// Reads a PMC JATS article (`.nxml`) into a ``Document``.
///
/// The text holds, in order: the article title (a ``SectionKind/title`` section), each
/// abstract, and the body. Every `sec` becomes its own section, nested ones included, in
/// document order; its `title` is the section's ``Section/heading`` and also appears in the
/// text on its own line just before the section's range (which does not include it). Body
/// sections are classified by heading; a heading that says nothing takes the `sec-type`, then
/// the enclosing section's kind. Paragraphs are separated by a blank line. Figure and table
/// captions stay in the text of their section, tables and graphics do not; back matter
/// (references, acknowledgements, footnotes, appendices) is dropped.
///
/// ```swift
/// let document = try JATSReader().read(FileByteSource(path: "article.nxml"), name: "article.nxml")
/// ```
public struct JATSReader: Sendable {
    public var options: XMLReadOptions

    public init(options: XMLReadOptions = XMLReadOptions()) {
        self.options = options
    }

    /// Reads one article from `source`; `name` names it in the document and in diagnostics.
    public func read(_ source: any ByteSource, name: String) throws -> Document {
        let builder = JATSDocumentBuilder(parser: XMLPullParser(source: source, fileName: name, options: options), name: name)
        return try builder.read()
    }

    /// Reads one article from a file, decompressing `.gz`.
    public func read(path: String) throws -> Document {
        try read(try ByteSources.open(path: path), name: path)
    }
}

/// The state of reading one article.
private final class JATSDocumentBuilder {
    let parser: XMLPullParser
    let name: String
    var sink = XMLTextSink()
    var sections: [Section] = []
    var metadata = DocumentMetadata()
    var title: String?
    var dateRank = Int.max

    init(parser: XMLPullParser, name: String) {
        self.parser = parser
        self.name = name
    }

    func read() throws -> Document {
        while try parser.next() != .startElement {}
        guard parser.name == "article" else {
            throw Diagnostic.error(
                "not a JATS article: the root element is <\(parser.name.string)>, expected <article>",
                file: name,
                position: parser.openElementPosition
            )
        }
        if let type = try parser.attribute("article-type"), !type.isEmpty { metadata.publicationTypes = [type] }
        try forEachChild { name in
            switch name {
            case "front": try readFront()
            case "body": try readFlow(baseKind: .other, isAbstract: false)
            default: try parser.skipElement()
            }
        }
        // Drain the input so that junk after the root element is still reported.
        while try parser.next() != .endDocument {}
        let (text, map, warnings) = sink.finish(file: name)
        let id = name.split(separator: "/").last.map(String.init) ?? name
        return Document(
            id: id,
            source: name,
            format: .jats,
            title: title,
            metadata: metadata,
            text: text,
            sections: sections,
            sourceMap: map,
            warnings: warnings
        )
    }

    /// Calls `body` for each child element of the current one; children it leaves unread are skipped.
    func forEachChild(_ body: (XMLBytes) throws -> Void) throws {
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .startElement:
                let childDepth = parser.depth
                try body(parser.name)
                if parser.event == .startElement && parser.depth == childDepth { try parser.skipElement() }
            case .endElement where parser.depth == target:
                return
            case .endDocument:
                return
            default:
                continue
            }
        }
    }

    func readFront() throws {
        try forEachChild { name in
            switch name {
            case "journal-meta": try readJournalMeta()
            case "article-meta": try readArticleMeta()
            default: try parser.skipElement()
            }
        }
    }

    func readJournalMeta() throws {
        try forEachChild { name in
            switch name {
            case "journal-title-group": try readJournalMeta()
            case "journal-title" where metadata.journal == nil: metadata.journal = try parser.readElementText()
            default: try parser.skipElement()
            }
        }
    }

    func readArticleMeta() throws {
        try forEachChild { name in
            switch name {
            case "article-id":
                let type = try parser.attribute("pub-id-type") ?? ""
                let value = try parser.readElementText()
                switch type {
                case "pmid": metadata.pmid = metadata.pmid ?? value
                case "pmc", "pmcid": metadata.pmcid = metadata.pmcid ?? PubMedReader.normalizedPMCID(value)
                case "doi": metadata.doi = metadata.doi ?? value
                default: break
                }
            case "title-group":
                try forEachChild { name in
                    if name == "article-title" && title == nil { try readTitle() } else { try parser.skipElement() }
                }
            case "contrib-group":
                try forEachChild { name in
                    guard name == "contrib", try (parser.attribute("contrib-type") ?? "author") == "author" else {
                        return try parser.skipElement()
                    }
                    try readContributor()
                }
            case "pub-date": try readPubDate()
            case "kwd-group":
                try forEachChild { name in
                    guard name == "kwd" else { return try parser.skipElement() }
                    let keyword = try parser.readElementText()
                    if !keyword.isEmpty { metadata.keywords.append(keyword) }
                }
            case "abstract": try readFlow(baseKind: .abstract, isAbstract: true)
            default: try parser.skipElement()
            }
        }
    }

    func readTitle() throws {
        sink.startBlock("\n\n", at: parser.eventOffset)
        try appendInline()
        guard let start = sink.blockStart else { return }
        sections.append(Section(kind: .title, range: start..<sink.count))
        title = sink.string(start..<sink.count)
    }

    /// Appends the text of the current element and its descendants.
    func appendInline() throws {
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .text, .cdata, .reference: sink.append(from: parser)
            case .endElement where parser.depth == target: return
            case .endDocument: return
            default: continue
            }
        }
    }

    func readContributor() throws {
        var author: String?
        try forEachChild { name in
            switch name {
            case "name" where author == nil:
                var surname = ""
                var given = ""
                try forEachChild { part in
                    switch part {
                    case "surname": surname = try parser.readElementText()
                    case "given-names": given = try parser.readElementText()
                    default: try parser.skipElement()
                    }
                }
                let initials = PubMedReader.initials(of: given)
                if !surname.isEmpty { author = initials.isEmpty ? surname : "\(surname) \(initials)" }
            case "collab" where author == nil:
                let collective = try parser.readElementText()
                if !collective.isEmpty { author = collective }
            default:
                try parser.skipElement()
            }
        }
        if let author { metadata.authors.append(author) }
    }

    func readPubDate() throws {
        let pubType = try parser.attribute("pub-type") ?? ""
        let dateType = try parser.attribute("date-type") ?? ""
        let format = try parser.attribute("publication-format") ?? ""
        // Electronic first, then print, then anything else (collection, ...).
        let rank =
            pubType == "epub" || (dateType == "pub" && format == "electronic")
            ? 0 : pubType == "ppub" || pubType == "epub-ppub" || (dateType == "pub" && format != "electronic") ? 1 : 2
        var year: String?
        var month: String?
        var day: String?
        try forEachChild { name in
            switch name {
            case "year": year = try parser.readElementText()
            case "month": month = try parser.readElementText()
            case "day": day = try parser.readElementText()
            default: try parser.skipElement()
            }
        }
        guard rank < dateRank, let date = PublicationDate.normalize(year: year, month: month, day: day) else { return }
        dateRank = rank
        metadata.publicationDate = date
    }

    // MARK: - Body and abstracts

    private struct Context {
        var kind: SectionKind
        var heading: String?
        var depth: Int
        var secType: String?
        var titled = false
    }

    private struct OpenSection {
        var kind: SectionKind
        var heading: String?
        var start: Int?
        var headingEnd: Int?
    }

    /// Elements whose content is not prose.
    private static func isSkipped(_ name: XMLBytes) -> Bool {
        switch name {
        case "table", "graphic", "inline-graphic", "media", "tex-math", "alt-text", "long-desc", "object-id", "ref-list", "fn-group", "ack",
            "app-group", "app", "glossary", "permissions", "back":
            true
        default: false
        }
    }

    /// Elements that start and end a paragraph.
    private static func isBlock(_ name: XMLBytes) -> Bool {
        switch name {
        case "p", "title", "caption", "label", "list", "list-item", "fig", "table-wrap", "table-wrap-foot", "disp-quote", "boxed-text",
            "def-list", "def-item", "disp-formula", "statement", "speech", "verse-group", "fn", "supplementary-material", "preformat",
            "code", "fig-group", "table-wrap-group":
            true
        default: false
        }
    }

    /// Reads a `body` or `abstract`, whose start event is current, into sections.
    func readFlow(baseKind: SectionKind, isAbstract: Bool) throws {
        var contexts = [Context(kind: baseKind, heading: nil, depth: parser.depth)]
        var current: OpenSection?
        let flowEnd = parser.depth - 1

        func closeSection() {
            guard let section = current else { return }
            if let start = section.start {
                sections.append(Section(kind: section.kind, heading: section.heading, range: start..<sink.count))
            } else if let end = section.headingEnd {
                sections.append(Section(kind: section.kind, heading: section.heading, range: end..<end))
            }
            current = nil
        }

        while true {
            switch try parser.next() {
            case .startElement:
                let name = parser.name
                let context = contexts[contexts.count - 1]
                if name == "sec" {
                    closeSection()
                    contexts.append(Context(kind: context.kind, heading: nil, depth: parser.depth, secType: try parser.attribute("sec-type")))
                } else if parser.depth == context.depth + 1 && !context.titled && (name == "title" || name == "label") {
                    if name == "label" {
                        // Section numbers ("2.1") add nothing to the heading.
                        try parser.skipElement()
                        continue
                    }
                    closeSection()
                    contexts[contexts.count - 1].titled = true
                    sink.startBlock("\n\n", at: parser.eventOffset)
                    try appendInline()
                    guard let headingStart = sink.blockStart, sink.count > headingStart else { continue }
                    let heading = sink.string(headingStart..<sink.count)
                    var kind = isAbstract ? SectionKind.abstract : SectionClassifier.kind(forHeading: heading)
                    if kind == .other, let secType = context.secType { kind = JATSReader.kind(forSecType: secType) }
                    if kind == .other { kind = context.kind }
                    contexts[contexts.count - 1].kind = kind
                    contexts[contexts.count - 1].heading = heading
                    current = OpenSection(kind: kind, heading: heading, start: nil, headingEnd: sink.count)
                    sink.startBlock("\n", at: parser.eventOffset)
                } else if Self.isSkipped(name) {
                    try parser.skipElement()
                } else if Self.isBlock(name) {
                    sink.breakParagraph(at: parser.eventOffset)
                }
            case .endElement:
                if parser.depth == flowEnd {
                    closeSection()
                    return
                }
                if parser.name == "sec" && contexts.count > 1 && parser.depth == contexts[contexts.count - 1].depth - 1 {
                    closeSection()
                    contexts.removeLast()
                } else if Self.isBlock(parser.name) {
                    sink.breakParagraph(at: parser.eventOffset)
                }
            case .text, .cdata, .reference:
                if current == nil {
                    if parser.event == .text && parser.text.buffer.allSatisfy(XMLPullParser.isSpace) { continue }
                    let context = contexts[contexts.count - 1]
                    current = OpenSection(kind: context.kind, heading: context.heading)
                    sink.startBlock("\n\n", at: parser.eventOffset)
                }
                sink.append(from: parser)
                if current?.start == nil, let start = sink.blockStart { current?.start = start }
            case .endDocument:
                return
            }
        }
    }
}

extension JATSReader {
    /// A JATS `sec-type` value, for sections whose heading says nothing.
    static func kind(forSecType secType: String) -> SectionKind {
        let type = secType.lowercased()
        if type.hasPrefix("case") { return .case }
        if type.hasPrefix("discussion") || type.hasPrefix("conclusion") { return .discussion }
        return .other
    }
}
