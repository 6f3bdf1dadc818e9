import CaseboardCore

/// One item of a PubMed XML file.
public enum PubMedItem: Sendable, Hashable {
    /// A `PubmedArticle` (or `PubmedBookArticle`) as a document.
    case article(Document)
    /// A `DeleteCitation` block: records to remove.
    case deleted(pmids: [String])
}

/// Streams the records of a PubMed XML file (`PubmedArticleSet`, as efetch returns it and as
/// the baseline and update files hold it) one at a time, so memory stays flat however large
/// the file is.
///
/// Each document has the format ``DocumentFormat/pubmed``, the id `pmid:<PMID>`, a
/// ``SectionKind/title`` section and one section per `AbstractText`. A labelled part reads
/// `LABEL: text` in the document text; the label is the section's heading and is not part of
/// its range. Parts labelled as the case (`CASE PRESENTATION`, `CASE REPORT`, ...) are
/// ``SectionKind/case``, `DISCUSSION` and `CONCLUSION(S)` are ``SectionKind/discussion``.
///
/// ```swift
/// var reader = try PubMedReader.open(path: "pubmed21n1298.xml.gz")
/// while let item = try reader.next() {
///     if case .article(let document) = item { print(document.id, document.title ?? "") }
/// }
/// ```
///
/// The reader shares its parser when copied; use one copy.
public struct PubMedReader {
    private let parser: XMLPullParser
    private let name: String
    private var tags: [PubMedTag] = []

    /// Reads PubMed XML from `source`; `name` names it in documents and diagnostics.
    public init(source: any ByteSource, name: String, options: XMLReadOptions = XMLReadOptions()) {
        parser = XMLPullParser(source: source, fileName: name, options: options)
        self.name = name
        tags.reserveCapacity(32)
    }

    /// Opens a file (`-` for standard input), decompressing it when its name ends in `.gz`.
    /// With `pipelined`, decompression and reading run on a background thread.
    public static func open(path: String, options: XMLReadOptions = XMLReadOptions(), pipelined: Bool = false) throws -> PubMedReader {
        PubMedReader(source: try ByteSources.open(path: path, pipelined: pipelined), name: path, options: options)
    }

    /// The next article or deletion block, or nil at the end of the file.
    public mutating func next() throws -> PubMedItem? {
        while true {
            switch try parser.next() {
            case .endDocument:
                return nil
            case .startElement:
                if parser.depth == 1 {
                    guard parser.name == "PubmedArticleSet" || parser.name == "PubmedBookArticleSet" else {
                        throw Diagnostic.error(
                            "not PubMed XML: the root element is <\(parser.name.string)>, expected <PubmedArticleSet>",
                            file: name,
                            position: parser.openElementPosition
                        )
                    }
                    continue
                }
                switch parser.name {
                case "PubmedArticle": return .article(try readArticle(root: .pubmedArticle))
                case "PubmedBookArticle": return .article(try readArticle(root: .pubmedBookArticle))
                case "DeleteCitation": return .deleted(pmids: try readDeleted())
                default: try parser.skipElement()
                }
            default:
                continue
            }
        }
    }

    private func readDeleted() throws -> [String] {
        var pmids: [String] = []
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .startElement:
                if parser.name == "PMID" { pmids.append(try parser.readElementText()) } else { try parser.skipElement() }
            case .endElement where parser.depth == target:
                return pmids
            default:
                continue
            }
        }
    }

    /// Fields collected while reading one record.
    private struct Record {
        var metadata = DocumentMetadata()
        var sections: [Section] = []
        var title: String?
        var bookTitle: (text: String, range: Range<Int>)?
        var elocationDOI: String?
        var articleIdDOI: String?
        var editors = false
    }

    private mutating func readArticle(root: PubMedTag) throws -> Document {
        let start = parser.openElementPosition
        let baseDepth = parser.depth
        parser.resetEntityBudget()
        var record = Record()
        var sink = XMLTextSink()
        tags.removeAll(keepingCapacity: true)
        tags.append(root)
        while true {
            switch try parser.next() {
            case .startElement:
                let tag = PubMedTag(parser.name)
                if try handle(tag, parent: tags[tags.count - 1], record: &record, sink: &sink) { tags.append(tag) }
            case .endElement:
                if parser.depth < baseDepth { return try finish(record, sink: sink, start: start) }
                tags.removeLast()
            default:
                continue
            }
        }
    }

    /// Reads or skips the element just started; true when its children should be read.
    private mutating func handle(_ tag: PubMedTag, parent: PubMedTag, record: inout Record, sink: inout XMLTextSink) throws -> Bool {
        switch tag {
        case .medlineCitation, .pubmedData:
            if parent == .pubmedArticle { return true }
        case .bookDocument, .pubmedBookData:
            if parent == .pubmedBookArticle { return true }
        case .article:
            if parent == .medlineCitation { return true }
        case .journal:
            if parent == .article { return true }
        case .journalIssue:
            if parent == .journal { return true }
        case .book:
            if parent == .bookDocument { return true }
        case .abstract:
            if parent == .article || parent == .bookDocument {
                addBookTitleIfNeeded(&record, sink: &sink)
                return true
            }
        case .authorList:
            if parent == .article || parent == .bookDocument {
                record.editors = parser.attribute("Type", is: "editors")
                return true
            }
        case .publicationTypeList, .keywordList:
            return true
        case .articleIdList:
            if parent == .pubmedData || parent == .pubmedBookData || parent == .bookDocument { return true }
        case .pmid:
            if (parent == .medlineCitation || parent == .bookDocument) && record.metadata.pmid == nil {
                record.metadata.pmid = try parser.readElementText()
                return false
            }
        case .articleTitle:
            if (parent == .article || parent == .bookDocument) && record.title == nil {
                try readTitle(&record, sink: &sink)
                return false
            }
        case .bookTitle:
            if parent == .book && record.bookTitle == nil {
                let offset = parser.eventOffset
                let text = try parser.readElementText()
                record.bookTitle = (text, offset..<(parser.eventOffset + parser.name.count + 3))
                return false
            }
        case .journalTitle:
            if parent == .journal && record.metadata.journal == nil {
                record.metadata.journal = try parser.readElementText()
                return false
            }
        case .pubDate:
            if (parent == .journalIssue || parent == .book) && record.metadata.publicationDate == nil {
                record.metadata.publicationDate = try readDate()
                return false
            }
        case .abstractText:
            if parent == .abstract {
                try readAbstractText(&record, sink: &sink)
                return false
            }
        case .eLocationID:
            if parser.attribute("EIdType", is: "doi") && record.elocationDOI == nil {
                record.elocationDOI = try parser.readElementText()
                return false
            }
        case .author:
            if parent == .authorList && !record.editors {
                if let author = try readAuthor() { record.metadata.authors.append(author) }
                return false
            }
        case .publicationType:
            if parent == .publicationTypeList || parent == .bookDocument {
                record.metadata.publicationTypes.append(try parser.readElementText())
                return false
            }
        case .keyword:
            if parent == .keywordList {
                let keyword = try parser.readElementText()
                if !keyword.isEmpty { record.metadata.keywords.append(keyword) }
                return false
            }
        case .articleId:
            if parent == .articleIdList {
                if parser.attribute("IdType", is: "doi") {
                    let doi = try parser.readElementText()
                    if record.articleIdDOI == nil { record.articleIdDOI = doi }
                    return false
                }
                if parser.attribute("IdType", is: "pmc") {
                    let pmcid = try parser.readElementText()
                    if record.metadata.pmcid == nil { record.metadata.pmcid = Self.normalizedPMCID(pmcid) }
                    return false
                }
            }
        case .other, .pubmedArticle, .pubmedBookArticle:
            break
        }
        try parser.skipElement()
        return false
    }

    static func normalizedPMCID(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        return trimmed.uppercased().hasPrefix("PMC") ? "PMC" + trimmed.dropFirst(3) : "PMC" + trimmed
    }

    /// Appends the content of the current element to the sink, keeping the text of inline markup.
    private func appendContent(_ sink: inout XMLTextSink) throws {
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .text, .cdata, .reference:
                sink.append(from: parser)
            case .endElement where parser.depth == target:
                return
            default:
                continue
            }
        }
    }

    private func readTitle(_ record: inout Record, sink: inout XMLTextSink) throws {
        sink.startBlock("\n\n", at: parser.eventOffset)
        try appendContent(&sink)
        guard let start = sink.blockStart else { return }
        record.sections.append(Section(kind: .title, range: start..<sink.count))
        record.title = sink.string(start..<sink.count)
    }

    /// A book without an `ArticleTitle` takes its `BookTitle` as the title section.
    private func addBookTitleIfNeeded(_ record: inout Record, sink: inout XMLTextSink) {
        guard record.title == nil, let (text, range) = record.bookTitle, !text.isEmpty else { return }
        sink.startBlock("\n\n", at: range.lowerBound)
        sink.appendSubstituted(text, sourceRange: range)
        guard let start = sink.blockStart else { return }
        record.sections.append(Section(kind: .title, range: start..<sink.count))
        record.title = text
    }

    private func readAbstractText(_ record: inout Record, sink: inout XMLTextSink) throws {
        let label = try parser.attribute("Label")?.trimmingSpaces
        let category = try parser.attribute("NlmCategory")
        let offset = parser.eventOffset
        let heading = label?.isEmpty == false ? label : nil
        sink.startBlock("\n\n", at: offset, prefix: heading.map { "\($0): " }, prefixRange: parser.attributeSourceRange("Label"))
        try appendContent(&sink)
        guard let start = sink.blockStart else { return }
        let kind = Self.kind(forLabel: heading, category: category)
        record.sections.append(Section(kind: kind, heading: heading, range: start..<sink.count))
    }

    private static let caseLabelWords: Set<String> = [
        "PRESENTATION", "PRESENTATIONS", "REPORT", "REPORTS", "DESCRIPTION", "DESCRIPTIONS", "HISTORY", "SUMMARY", "STUDY", "SERIES",
        "DETAILS",
    ]

    /// The section kind of an abstract part from its `Label` (or, failing that, its `NlmCategory`).
    static func kind(forLabel label: String?, category: String?) -> SectionKind {
        if let label {
            let words = label.uppercased().split(whereSeparator: { !$0.isLetter })
            if let first = words.first {
                if first == "CASE" || first == "CASES" {
                    if words.count == 1 || Self.caseLabelWords.contains(String(words[1])) { return .case }
                    return .abstract
                }
                if first.hasPrefix("DISCUSSION") || first.hasPrefix("CONCLUSION") { return .discussion }
            }
        }
        if let category, category.uppercased() == "CONCLUSIONS" { return .discussion }
        return .abstract
    }

    private func readDate() throws -> String? {
        var year: String?
        var month: String?
        var day: String?
        var medlineDate: String?
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .startElement:
                switch parser.name {
                case "Year": year = try parser.readElementText()
                case "Month": month = try parser.readElementText()
                case "Day": day = try parser.readElementText()
                case "MedlineDate": medlineDate = try parser.readElementText()
                default: try parser.skipElement()
                }
            case .endElement where parser.depth == target:
                if year != nil { return PublicationDate.normalize(year: year, month: month, day: day) }
                return medlineDate.flatMap(PublicationDate.normalize(medlineDate:))
            default:
                continue
            }
        }
    }

    private func readAuthor() throws -> String? {
        var lastName: String?
        var foreName: String?
        var initials: String?
        var collective: String?
        let target = parser.depth - 1
        while true {
            switch try parser.next() {
            case .startElement:
                switch parser.name {
                case "LastName": lastName = try parser.readElementText()
                case "ForeName": foreName = try parser.readElementText()
                case "Initials": initials = try parser.readElementText()
                case "CollectiveName": collective = try parser.readElementText()
                default: try parser.skipElement()
                }
            case .endElement where parser.depth == target:
                if let lastName, !lastName.isEmpty {
                    let initials = initials ?? foreName.map(Self.initials(of:)) ?? ""
                    return initials.isEmpty ? lastName : "\(lastName) \(initials)"
                }
                return collective?.isEmpty == false ? collective : nil
            default:
                continue
            }
        }
    }

    /// "Jean-François A." → "JFA".
    static func initials(of givenNames: String) -> String {
        String(givenNames.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).compactMap(\.first))
    }

    private func finish(_ record: Record, sink: XMLTextSink, start: SourcePosition?) throws -> Document {
        guard let pmid = record.metadata.pmid, !pmid.isEmpty else {
            throw Diagnostic.error("a PubMed record without a <PMID>", file: name, position: start)
        }
        var metadata = record.metadata
        metadata.doi = record.elocationDOI ?? record.articleIdDOI
        let (text, map, warnings) = sink.finish(file: name)
        return Document(
            id: "pmid:\(pmid)",
            source: name,
            format: .pubmed,
            title: record.title,
            metadata: metadata,
            text: text,
            sections: record.sections,
            sourceMap: map,
            warnings: warnings
        )
    }
}

/// The PubMed elements the reader looks at; everything else is `other` and skipped.
enum PubMedTag: UInt8 {
    case other
    case pubmedArticle, pubmedBookArticle, medlineCitation, pubmedData, bookDocument, pubmedBookData
    case article, journal, journalIssue, journalTitle, pubDate, book, bookTitle
    case pmid, articleTitle, abstract, abstractText, eLocationID
    case authorList, author, publicationTypeList, publicationType, keywordList, keyword, articleIdList, articleId

    /// Compares by length first, so most names cost one or two comparisons.
    @inline(__always)
    init(_ name: XMLBytes) {
        switch name.count {
        case 4:
            if name == "PMID" {
                self = .pmid
            } else if name == "Book" {
                self = .book
            } else {
                self = .other
            }
        case 5: self = name == "Title" ? .journalTitle : .other
        case 6: self = name == "Author" ? .author : .other
        case 7:
            if name == "Article" {
                self = .article
            } else if name == "Journal" {
                self = .journal
            } else if name == "PubDate" {
                self = .pubDate
            } else if name == "Keyword" {
                self = .keyword
            } else {
                self = .other
            }
        case 8:
            self = name == "Abstract" ? .abstract : .other
        case 9:
            if name == "BookTitle" {
                self = .bookTitle
            } else if name == "ArticleId" {
                self = .articleId
            } else {
                self = .other
            }
        case 10:
            if name == "AuthorList" {
                self = .authorList
            } else if name == "PubmedData" {
                self = .pubmedData
            } else {
                self = .other
            }
        case 11:
            if name == "ELocationID" {
                self = .eLocationID
            } else if name == "KeywordList" {
                self = .keywordList
            } else {
                self = .other
            }
        case 12:
            if name == "ArticleTitle" {
                self = .articleTitle
            } else if name == "AbstractText" {
                self = .abstractText
            } else if name == "JournalIssue" {
                self = .journalIssue
            } else if name == "BookDocument" {
                self = .bookDocument
            } else {
                self = .other
            }
        case 13:
            if name == "PubmedArticle" {
                self = .pubmedArticle
            } else if name == "ArticleIdList" {
                self = .articleIdList
            } else {
                self = .other
            }
        case 14: self = name == "PubmedBookData" ? .pubmedBookData : .other
        case 15:
            if name == "MedlineCitation" {
                self = .medlineCitation
            } else if name == "PublicationType" {
                self = .publicationType
            } else {
                self = .other
            }
        case 17: self = name == "PubmedBookArticle" ? .pubmedBookArticle : .other
        case 19: self = name == "PublicationTypeList" ? .publicationTypeList : .other
        default: self = .other
        }
    }
}
