/// A document as a reader produced it: normalized text, its sections, and a map from every
/// byte of the text back to the original input.
///
/// Offsets inside a `Document` are UTF-8 byte offsets into ``text``. ``sourceMap`` turns them
/// into byte offsets of the original input (after gzip decompression, before any decoding).
public struct Document: Sendable, Codable, Hashable {
    /// A stable identifier: the file name, or `pmid:N` for a PubMed record.
    public var id: String
    /// Where the document came from: a path, or `-` for standard input.
    public var source: String
    public var format: DocumentFormat
    public var title: String?
    public var metadata: DocumentMetadata
    /// The document text with sections in reading order.
    public var text: String
    public var sections: [Section]
    public var sourceMap: SourceMap
    /// Problems that did not stop reading, such as replaced invalid bytes.
    public var warnings: [Diagnostic]

    public init(
        id: String,
        source: String,
        format: DocumentFormat,
        title: String? = nil,
        metadata: DocumentMetadata = DocumentMetadata(),
        text: String,
        sections: [Section],
        sourceMap: SourceMap,
        warnings: [Diagnostic] = []
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.metadata = metadata
        self.text = text
        self.sections = sections
        self.sourceMap = sourceMap
        self.warnings = warnings
    }

    /// The text of one section.
    public func text(of section: Section) -> Substring {
        text.utf8Slice(section.range)
    }

    /// The section that contains a text offset, if any.
    public func section(containing offset: Int) -> Section? {
        var low = 0
        var high = sections.count
        while low < high {
            let mid = (low + high) / 2
            if sections[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low < sections.count, sections[low].range.contains(offset) else { return nil }
        return sections[low]
    }
}

/// A titled part of a document, classified by its role in a case report.
public struct Section: Sendable, Codable, Hashable {
    public var kind: SectionKind
    /// The heading as written, if the section had one.
    public var heading: String?
    /// UTF-8 offsets into ``Document/text``; the heading is not part of the range.
    public var range: Range<Int>

    public init(kind: SectionKind, heading: String? = nil, range: Range<Int>) {
        self.kind = kind
        self.heading = heading
        self.range = range
    }
}

/// The role of a section. Extraction trusts `case` and `abstract` for patient facts and treats
/// `discussion` and `references` as background.
public enum SectionKind: String, Sendable, Codable, Hashable, CaseIterable {
    case title
    case abstract
    case `case`
    case discussion
    case references
    case other
}

/// The input formats Caseboard reads.
public enum DocumentFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case text
    case markdown
    case html
    case pubmed
    case jats
    /// PubTator: `PMID|t|title`, `PMID|a|abstract`, then tab-separated annotations.
    case pubtator
}

/// Bibliographic facts that a reader found.
public struct DocumentMetadata: Sendable, Codable, Hashable {
    public var pmid: String?
    public var pmcid: String?
    public var doi: String?
    public var journal: String?
    /// As precise as the source allows: `2020`, `2020-11` or `2020-11-25`.
    public var publicationDate: String?
    /// PubMed publication types, such as `Case Reports`, or the JATS `article-type`.
    public var publicationTypes: [String]
    public var authors: [String]
    public var keywords: [String]

    public init(
        pmid: String? = nil,
        pmcid: String? = nil,
        doi: String? = nil,
        journal: String? = nil,
        publicationDate: String? = nil,
        publicationTypes: [String] = [],
        authors: [String] = [],
        keywords: [String] = []
    ) {
        self.pmid = pmid
        self.pmcid = pmcid
        self.doi = doi
        self.journal = journal
        self.publicationDate = publicationDate
        self.publicationTypes = publicationTypes
        self.authors = authors
        self.keywords = keywords
    }

    /// True when PubMed or the publisher labels the document a case report.
    public var isCaseReport: Bool {
        publicationTypes.contains { type in
            let lowered = type.lowercased()
            return lowered == "case reports" || lowered == "case-report" || lowered == "case report"
        }
    }
}

extension String {
    /// A substring by UTF-8 offsets, clamped to the string and to scalar boundaries.
    public func utf8Slice(_ range: Range<Int>) -> Substring {
        let count = utf8.count
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.upperBound, count)))
        let start = lower.samePosition(in: unicodeScalars) ?? unicodeScalars.index(before: lower)
        let end = upper.samePosition(in: unicodeScalars) ?? upper
        return self[start..<max(start, end)]
    }
}
