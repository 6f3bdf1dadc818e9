import CaseboardCore

/// Bibliographic `<meta>` tags: Highwire Press `citation_*` (what Google Scholar reads and most
/// journals write), Dublin Core `dc.*`, PRISM and Open Graph, most specific first.
struct HTMLMeta {
    private var values: [String: [String]] = [:]
    private var titleRanges: [String: Range<Int>] = [:]

    private static let titleKeys = ["citation_title", "dc.title", "og:title"]

    mutating func read(_ token: HTMLToken, input: UnsafeBufferPointer<UInt8>) {
        var key: String?
        var content: Range<Int>?
        for attribute in token.attributes {
            switch attribute.name {
            case "name", "property", "itemprop":
                if let range = attribute.value { key = ByteText.string(input, range).lowercased().filter { !$0.isWhitespace } }
            case "content":
                content = attribute.value
            default:
                continue
            }
        }
        guard let key, let content else { return }
        let value = ByteText.collapsed(HTMLEntities.decodeAll(ByteText.string(input, content)))
        guard !value.isEmpty else { return }
        values[key, default: []].append(value)
        if Self.titleKeys.contains(key), titleRanges[key] == nil { titleRanges[key] = content }
    }

    private func first(_ keys: String...) -> String? {
        for key in keys {
            if let value = values[key]?.first { return value }
        }
        return nil
    }

    private func all(_ keys: String...) -> [String] {
        for key in keys {
            if let list = values[key], !list.isEmpty { return list }
        }
        return []
    }

    /// The best title the tags give.
    var title: String? { Self.titleKeys.lazy.compactMap { values[$0]?.first }.first }

    /// Where that title is written, to show it when no heading carries it.
    var titleRange: Range<Int>? { Self.titleKeys.lazy.compactMap { titleRanges[$0] }.first }

    /// Whether a heading is the article title: any first `h1` when the tags name no title.
    func matchesTitle(_ heading: String) -> Bool {
        guard let title else { return true }
        let a = Self.letters(title)
        let b = Self.letters(heading)
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a == b || (b.count * 2 >= a.count && (a.contains(b) || b.contains(a)))
    }

    private static func letters(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    var metadata: DocumentMetadata {
        var metadata = DocumentMetadata()
        metadata.pmid = first("citation_pmid", "dc.identifier.pmid").map { String($0.filter(\.isNumber)) }.flatMap { $0.isEmpty ? nil : $0 }
        metadata.pmcid = first("citation_pmcid")
        let doiCandidates = all("citation_doi", "prism.doi", "bepress_citation_doi", "dc.identifier", "dc.identifier.doi")
        metadata.doi = doiCandidates.lazy.compactMap(Self.doi).first
        metadata.journal = first("citation_journal_title", "prism.publicationname", "dc.source", "citation_journal_abbrev")
        metadata.publicationDate = first(
            "citation_publication_date",
            "citation_date",
            "dc.date",
            "prism.publicationdate",
            "citation_online_date",
            "article:published_time",
            "dc.date.issued"
        ).flatMap(Self.normalizedDate)
        metadata.authors = all("citation_author", "dc.creator", "author")
        metadata.keywords = all("citation_keywords", "keywords", "dc.subject").flatMap(MetadataScanner.splitKeywords)
        metadata.publicationTypes = all("citation_article_type", "dc.type", "prism.section")
        return metadata
    }

    /// A bare DOI from "doi:10.1/x", "https://doi.org/10.1/x" or "10.1/x".
    static func doi(_ value: String) -> String? {
        var text = Substring(value).trimmingASCIISpaces()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "doi: "] {
            if text.hasPrefix(prefix) { text = text.dropFirst(prefix.count).trimmingASCIISpaces() }
        }
        return text.hasPrefix("10.") && text.count > 3 ? String(text) : nil
    }

    /// "2021/03/04", "2021-03-04T08:00:00Z", "4 March 2021", "March 2021" → "2021-03-04" or "2021-03".
    static func normalizedDate(_ value: String) -> String? {
        let parts = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(4)
        guard let yearIndex = parts.firstIndex(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let year = parts[yearIndex]
        var month: Int?
        var day: Int?
        if yearIndex == parts.startIndex {
            // Year first: numeric month and day follow.
            let rest = parts[(yearIndex + 1)...]
            if let first = rest.first { month = Int(first) ?? PubMedExport.monthNumber(first) }
            if rest.count >= 2 { day = Int(rest[rest.startIndex + 1].prefix(while: \.isNumber)) }
        } else {
            for part in parts[..<yearIndex] {
                if let number = Int(part) {
                    if month == nil, part.count <= 2, number <= 12, parts.contains(where: { PubMedExport.monthNumber($0) != nil }) == false {
                        month = number
                    } else {
                        day = number
                    }
                } else if let name = PubMedExport.monthNumber(part) {
                    month = name
                }
            }
        }
        guard let month, (1...12).contains(month) else { return String(year) }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard let day, (1...31).contains(day) else { return "\(year)-\(monthText)" }
        return "\(year)-\(monthText)-\(day < 10 ? "0\(day)" : "\(day)")"
    }
}
