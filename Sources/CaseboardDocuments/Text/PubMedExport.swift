import CaseboardCore

/// Reads the layout of PubMed's "Abstract" text export:
///
///     1. Journal Abbrev. 2021 Mar 4;12(1):34. doi: 10.xxxx/yyyy.
///
///     Title of the article.
///
///     Author A(1), Author B(2).
///
///     Author information:
///     (1)Affiliation…
///
///     Abstract paragraphs, possibly with "BACKGROUND:" labels.
///
///     © 2021 The Authors.
///
///     DOI: 10.xxxx/yyyy
///     PMID: 12345678
enum PubMedExport {
    private struct Part {
        var kind: SectionKind
        var heading: String?
        var range: Range<Int>
    }

    static func analyze(_ text: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> PlainTextStructure? {
        let paragraphs = paragraphRanges(text, lines: lines)
        guard let first = paragraphs.first, first.count <= 600 else { return nil }
        let citationText = ByteText.collapsed(ByteText.string(text, first))
        guard let citation = parseCitation(citationText) else { return nil }
        var metadata = citation
        var parts: [Part] = [Part(kind: .other, heading: nil, range: first)]
        var title: String?
        var sawAuthors = false
        var inTrailer = false
        for (index, paragraph) in paragraphs.enumerated().dropFirst() {
            let content = ByteText.string(text, paragraph)
            if inTrailer {
                parts.append(Part(kind: .other, heading: nil, range: paragraph))
                readTrailer(content, into: &metadata)
                continue
            }
            if index == 1 {
                title = stripFinalPeriod(ByteText.collapsed(content))
                parts.append(Part(kind: .title, heading: nil, range: paragraph))
                continue
            }
            if content.hasPrefix("Author information:") {
                let headingEnd = paragraph.lowerBound + "Author information:".utf8.count
                parts.append(Part(kind: .other, heading: "Author information", range: ByteText.trimmed(text, headingEnd..<paragraph.upperBound)))
                continue
            }
            if !sawAuthors, index == 2, looksLikeAuthorList(content) {
                sawAuthors = true
                metadata.authors = authors(in: content)
                parts.append(Part(kind: .other, heading: nil, range: paragraph))
                continue
            }
            if labelsBeforeAbstract.contains(where: { content.hasPrefix($0) }) {
                parts.append(Part(kind: .other, heading: nil, range: paragraph))
                continue
            }
            if trailerStarts.contains(where: { content.hasPrefix($0) }) || parseCitation(ByteText.collapsed(content)) != nil {
                inTrailer = true
                parts.append(Part(kind: .other, heading: nil, range: paragraph))
                readTrailer(content, into: &metadata)
                continue
            }
            if let last = parts.last, last.kind == .abstract {
                parts[parts.count - 1].range = last.range.lowerBound..<paragraph.upperBound
            } else {
                parts.append(Part(kind: .abstract, heading: nil, range: paragraph))
            }
        }
        var outline = SectionOutline()
        for part in parts {
            outline.addFixed(part.kind, heading: part.heading, range: part.range, headingStart: part.heading == nil ? nil : part.range.lowerBound)
        }
        return PlainTextStructure(title: title, sections: outline.sections(text: text), metadata: metadata)
    }

    private static func paragraphRanges(_ text: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var start: Int?
        var end = 0
        for line in lines {
            if ByteText.isBlank(text, line) {
                if let open = start { paragraphs.append(open..<end) }
                start = nil
            } else {
                if start == nil { start = line.lowerBound }
                end = line.upperBound
            }
        }
        if let open = start { paragraphs.append(open..<end) }
        return paragraphs
    }

    /// Journal, date and DOI from "1. Biomark Rep. 2019 Feb 3;4(2):11-19. doi: 10.1/x. Epub …".
    static func parseCitation(_ line: String) -> DocumentMetadata? {
        let characters = Array(line)
        var index = 0
        while index < characters.count, index < 6, characters[index].isASCII, characters[index].isNumber { index += 1 }
        guard index > 0, index + 1 < characters.count, characters[index] == ".", characters[index + 1] == " " else { return nil }
        let rest = String(characters[(index + 2)...])
        // The journal ends at the first ". " that is followed by a year.
        var searchStart = rest.startIndex
        while let dot = rest[searchStart...].firstRange(of: ". ") {
            let after = rest[dot.upperBound...]
            let year = after.prefix(4)
            if year.count == 4, year.allSatisfy(\.isNumber), year.hasPrefix("19") || year.hasPrefix("20") || year.hasPrefix("18") {
                let journal = String(rest[..<dot.lowerBound])
                guard !journal.isEmpty, journal.count <= 200 else { return nil }
                var metadata = DocumentMetadata(journal: journal)
                metadata.publicationDate = parseDate(after.prefix { $0 != ";" && $0 != ":" && $0 != "." })
                metadata.doi = MetadataScanner.doi(in: line)
                return metadata
            }
            searchStart = dot.upperBound
        }
        return nil
    }

    /// "2020 Nov 25" → "2020-11-25"; "2019 Spring" → "2019".
    static func parseDate(_ text: some StringProtocol) -> String? {
        let words = text.split(separator: " ")
        guard let year = words.first, year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
        guard words.count >= 2, let month = monthNumber(words[1]) else { return String(year) }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard words.count >= 3, let day = Int(words[2]), day >= 1, day <= 31 else { return "\(year)-\(monthText)" }
        return "\(year)-\(monthText)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    static func monthNumber(_ word: some StringProtocol) -> Int? {
        let key = word.prefix(3).lowercased()
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let index = months.firstIndex(of: key) else { return nil }
        return index + 1
    }

    private static func stripFinalPeriod(_ title: String) -> String {
        title.hasSuffix(".") ? String(title.dropLast()) : title
    }

    /// "Wang J(1)(2), Ye X(1), Fan C(4)." — short comma-separated names.
    static func looksLikeAuthorList(_ paragraph: String) -> Bool {
        let names = authors(in: paragraph)
        guard !names.isEmpty else { return false }
        return names.allSatisfy { name in
            let words = name.split(separator: " ")
            return !words.isEmpty && words.count <= 6 && name.count <= 80 && !name.contains(". ")
        }
    }

    static func authors(in paragraph: String) -> [String] {
        var cleaned = ""
        var depth = 0
        for character in ByteText.collapsed(paragraph) {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                cleaned.append(character)
            }
        }
        if cleaned.hasSuffix(".") { cleaned.removeLast() }
        return cleaned.split(separator: ",").map { String(Substring($0).trimmingASCIISpaces()) }.filter { !$0.isEmpty }
    }

    private static func readTrailer(_ paragraph: String, into metadata: inout DocumentMetadata) {
        for line in paragraph.split(separator: "\n") {
            let trimmed = line.trimmingASCIISpaces()
            if trimmed.hasPrefix("PMID:") {
                let digits = trimmed.dropFirst(5).trimmingASCIISpaces().prefix(while: \.isNumber)
                if !digits.isEmpty, metadata.pmid == nil { metadata.pmid = String(digits) }
            } else if trimmed.hasPrefix("PMCID:") {
                let value = trimmed.dropFirst(6).trimmingASCIISpaces().prefix { !$0.isWhitespace }
                if value.hasPrefix("PMC"), metadata.pmcid == nil { metadata.pmcid = String(value) }
            } else if trimmed.hasPrefix("DOI:") {
                if let doi = MetadataScanner.doi(in: String(trimmed)) { metadata.doi = doi }
            } else if trimmed.hasPrefix("Keywords:") {
                metadata.keywords = MetadataScanner.splitKeywords(String(trimmed.dropFirst(9)))
            }
        }
    }

    private static let labelsBeforeAbstract = [
        "Collaborators:", "Comment in", "Comment on", "Erratum in", "Erratum for", "Update of", "Update in", "Retraction in",
        "Retraction of", "Corrigendum in", "Expression of concern in", "Republished in", "Investigators:", "[Article in",
    ]

    private static let trailerStarts = [
        "\u{00A9}", "Copyright", "(c) ", "DOI:", "PMID:", "PMCID:", "Keywords:", "Conflict of interest", "Publication types",
        "MeSH terms", "Grant support", "Published by",
    ]
}

/// Finds identifiers written in running text: DOIs, PMIDs, PMCIDs.
enum MetadataScanner {
    static func scan(_ text: UnsafeBufferPointer<UInt8>) -> DocumentMetadata {
        let head = ByteText.string(text, 0..<min(text.count, 65_536))
        var metadata = DocumentMetadata()
        metadata.doi = doi(in: head)
        metadata.pmid = value(after: "PMID:", in: head, while: \.isNumber)
        metadata.pmcid = value(after: "PMCID:", in: head) { $0.isLetter || $0.isNumber }
        return metadata
    }

    /// The first DOI in `text`, introduced by "doi:" or a doi.org link.
    static func doi(in text: String) -> String? {
        let bytes = Array(text.utf8)
        let count = bytes.count
        func matches(_ literal: String, at offset: Int) -> Bool {
            let pattern = Array(literal.utf8)
            guard offset + pattern.count <= count else { return false }
            for (index, expected) in pattern.enumerated() where bytes[offset + index] | 0x20 != expected | 0x20 {
                return false
            }
            return true
        }
        var index = 0
        while index + 3 <= count {
            defer { index += 1 }
            guard matches("doi", at: index) else { continue }
            var start = index + 3
            if matches(".org/", at: start) {
                start += 5
            } else if start < count, bytes[start] == 0x3A {
                start += 1
            } else {
                continue
            }
            while start < count, bytes[start] == 0x20 { start += 1 }
            guard matches("10.", at: start) else { continue }
            var end = start
            while end < count, !ByteText.isSpace(bytes[end]) { end += 1 }
            var value = String(decoding: bytes[start..<end], as: UTF8.self)
            while let last = value.last, ".,;)]".contains(last) { value.removeLast() }
            return value.count > 3 ? value : nil
        }
        return nil
    }

    private static func value(after label: String, in text: String, while accept: (Character) -> Bool) -> String? {
        guard let range = text.firstRange(of: label) else { return nil }
        let value = text[range.upperBound...].drop { $0 == " " }.prefix(while: accept)
        return value.isEmpty ? nil : String(value)
    }

    /// Keywords from the text of a "Keywords" section, if the document has one.
    static func keywords(in sections: [Section], text: UnsafeBufferPointer<UInt8>) -> [String] {
        for section in sections {
            guard let heading = section.heading, ["keywords", "key words"].contains(SectionClassifier.key(heading)) else { continue }
            guard section.range.count <= 2000, section.range.upperBound <= text.count else { return [] }
            return splitKeywords(ByteText.string(text, section.range))
        }
        return []
    }

    static func splitKeywords(_ text: String) -> [String] {
        let separator: Character = text.contains(";") ? ";" : text.contains(",") ? "," : "\n"
        return text.split(separator: separator).map { piece in
            var keyword = ByteText.collapsed(piece)
            if keyword.hasSuffix(".") { keyword.removeLast() }
            return keyword
        }.filter { !$0.isEmpty }
    }
}
