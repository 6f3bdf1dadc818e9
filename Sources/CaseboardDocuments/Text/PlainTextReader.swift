import CaseboardCore

/// Reads plain text, text extracted from PDFs, PubMed "Abstract (text)" exports and Markdown.
///
/// Plain text is kept as written: the document text is the input with line breaks normalised
/// to LF, so the source map is the identity except where bytes were repaired. Section headings
/// are found line by line with ``SectionClassifier``. Markdown (`format: .markdown`) loses its
/// markup (heading marks, emphasis, code marks, link syntax, inline HTML) but every word stays
/// mapped to its input bytes.
///
/// ```swift
/// let document = try PlainTextReader().read(bytes, source: "case.txt")
/// for section in document.sections { print(section.kind, document.text(of: section)) }
/// ```
public struct PlainTextReader: Sendable {
    public init() {}

    /// Reads one document.
    ///
    /// - Parameters:
    ///   - bytes: the whole input.
    ///   - source: the path (or `-`) used in diagnostics and as the document id.
    ///   - format: `.markdown` for Markdown; anything else is read as plain text.
    /// - Returns: the document, with warnings for repaired bytes.
    /// - Throws: ``Diagnostic`` when the input is empty or binary.
    public func read(_ bytes: [UInt8], source: String, format: DocumentFormat = .text) throws -> Document {
        try InputPreflight.check(bytes, file: source)
        var builder = TextBuilder()
        let warnings = bytes.withUnsafeBufferPointer { input in
            TextDecoding.decode(input, into: &builder)
            return builder.repairWarnings(file: source, input: input)
        }
        let (text, sourceMap) = builder.build()
        if format == .markdown {
            var document = MarkdownParser.parse(text: text, source: source)
            document.sourceMap = document.sourceMap.composed(with: sourceMap)
            document.warnings = warnings + document.warnings
            return document
        }
        var utf8 = text
        let structure = utf8.withUTF8 { PlainTextStructure.analyze($0) }
        return Document(
            id: ByteText.documentID(source: source),
            source: source,
            format: format,
            title: structure.title,
            metadata: structure.metadata,
            text: text,
            sections: structure.sections,
            sourceMap: sourceMap,
            warnings: warnings
        )
    }
}

/// Title, sections and metadata found in decoded plain text.
struct PlainTextStructure {
    var title: String?
    var sections: [Section]
    var metadata: DocumentMetadata

    static func analyze(_ text: UnsafeBufferPointer<UInt8>) -> PlainTextStructure {
        let lines = ByteText.lines(text)
        if let export = PubMedExport.analyze(text, lines: lines) { return export }
        var outline = SectionOutline()
        var title: String?
        var firstBodyLine = 0
        if let found = findTitle(text, lines: lines) {
            title = found.title
            outline.addFixed(.title, range: found.range)
            firstBodyLine = found.nextLine
            if found.nextLine < lines.count { outline.addBody(at: lines[found.nextLine].lowerBound) }
        } else {
            outline.addBody(at: 0)
        }
        var metadata = MetadataScanner.scan(text)
        var previousBlank = true
        var inReferences = false
        for index in firstBodyLine..<lines.count {
            let line = lines[index]
            if ByteText.isBlank(text, line) {
                previousBlank = true
                continue
            }
            defer { previousBlank = false }
            // Headings are short; checking the length first keeps a huge single line linear.
            if line.count <= 160, let heading = headingLine(text, line, previousBlank: previousBlank, inReferences: inReferences) {
                outline.addHeading(heading.text, level: heading.level, headingStart: heading.start, bodyStart: min(line.upperBound + 1, text.count))
                inReferences = SectionClassifier.recognizedKind(forHeading: heading.text) == .references
                continue
            }
            if previousBlank, let runIn = runInHeading(text, line) {
                outline.addHeading(runIn.heading, level: 1, headingStart: line.lowerBound, bodyStart: runIn.bodyStart)
                if SectionClassifier.key(runIn.heading).hasPrefix("key") {
                    metadata.keywords = MetadataScanner.splitKeywords(ByteText.string(text, runIn.bodyStart..<line.upperBound))
                }
            }
        }
        let sections = outline.sections(text: text)
        if metadata.keywords.isEmpty { metadata.keywords = MetadataScanner.keywords(in: sections, text: text) }
        return PlainTextStructure(title: title, sections: sections, metadata: metadata)
    }

    /// A heading on a line of its own.
    private static func headingLine(
        _ text: UnsafeBufferPointer<UInt8>,
        _ line: Range<Int>,
        previousBlank: Bool,
        inReferences: Bool
    ) -> (text: String, level: Int, start: Int)? {
        let string = ByteText.string(text, line)
        let trimmed = Substring(string).trimmingASCIISpaces()
        guard SectionClassifier.isLikelyHeading(line: trimmed) else { return nil }
        let start = ByteText.trimmed(text, line).lowerBound
        if let level = SectionClassifier.markdownHeadingLevel(trimmed) {
            let name = MarkdownParser.atxHeadingText(trimmed)
            return name.isEmpty ? nil : (String(name), level, start)
        }
        var name = trimmed
        if name.last == ":" { name = name.dropLast().trimmingASCIISpaces() }
        let recognized = SectionClassifier.recognizedKind(forHeading: String(name), allowingPrefix: false) != nil
        // Capitals alone are weaker evidence: they must open a paragraph, and reference lists
        // are full of capitalised author lines.
        guard recognized || (previousBlank && !inReferences) else { return nil }
        return (String(name), SectionClassifier.numberingDepth(name) ?? 1, start)
    }

    /// "Case presentation: A 61-year-old…" opening a paragraph.
    private static func runInHeading(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (heading: String, bodyStart: Int)? {
        var colon: Int?
        for index in line.prefix(60) where text[index] == 0x3A {
            colon = index
            break
        }
        guard let colon else { return nil }
        let label = ByteText.string(text, line.lowerBound..<colon)
        let words = label.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, SectionClassifier.recognizedKind(forHeading: label, allowingPrefix: false) != nil else {
            return nil
        }
        var bodyStart = colon + 1
        while bodyStart < line.upperBound, text[bodyStart] == 0x20 || text[bodyStart] == 0x09 { bodyStart += 1 }
        guard bodyStart < line.upperBound else { return nil }
        return (String(Substring(label).trimmingASCIISpaces()), bodyStart)
    }

    /// The first paragraph when it reads like a title, skipping web-page leftovers.
    private static func findTitle(_ text: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> (title: String, range: Range<Int>, nextLine: Int)? {
        var index = 0
        for _ in 0..<8 {
            while index < lines.count, ByteText.isBlank(text, lines[index]) { index += 1 }
            guard index < lines.count else { return nil }
            var end = index
            while end < lines.count, !ByteText.isBlank(text, lines[end]), end - index < 4 { end += 1 }
            let first = lines[index]
            guard first.count <= 300 else { return nil }
            let firstLine = ByteText.string(text, first)
            if SectionClassifier.isLikelyHeading(line: Substring(firstLine)),
                SectionClassifier.recognizedKind(forHeading: firstLine) != nil || firstLine.trimmingPrefixSpaces().hasPrefix("#")
            {
                return nil
            }
            if isBoilerplate(firstLine) {
                index += 1
                continue
            }
            let paragraphEnd = lines[end - 1].upperBound
            let isShortParagraph = (end - index) <= 3 && (end == lines.count || ByteText.isBlank(text, lines[end]))
            if isShortParagraph, paragraphEnd - first.lowerBound <= 300 {
                let paragraph = ByteText.string(text, first.lowerBound..<paragraphEnd)
                if looksLikeTitle(paragraph, strict: false) {
                    return (ByteText.collapsed(paragraph), ByteText.trimmed(text, first.lowerBound..<paragraphEnd), end)
                }
                return nil
            }
            // A title run into the author line in PDF text: accept the first line if it is capitalised.
            if looksLikeTitle(firstLine, strict: true) {
                return (ByteText.collapsed(firstLine), ByteText.trimmed(text, first), index + 1)
            }
            return nil
        }
        return nil
    }

    static func looksLikeTitle(_ candidate: String, strict: Bool) -> Bool {
        let collapsed = ByteText.collapsed(candidate)
        guard let last = collapsed.last, !".,;:".contains(last) else { return false }
        let words = collapsed.split(separator: " ")
        guard words.count >= 2, words.count <= 40, collapsed.contains(where: \.isLetter) else { return false }
        guard strict else { return true }
        let long = words.filter { $0.count >= 4 }
        guard !long.isEmpty else { return false }
        let capitalised = long.filter { $0.first?.isUppercase == true }.count
        return capitalised * 10 >= long.count * 6
    }

    private static func isBoilerplate(_ line: String) -> Bool {
        let key = ByteText.collapsed(line).lowercased()
        return boilerplate.contains(key) || key.count <= 2
    }

    private static let boilerplate: Set<String> = [
        "skip to main content", "skip to content", "skip to main navigation", "advertisement", "log in", "login", "sign in",
        "sign up", "register", "menu", "search", "open access", "download pdf", "view pdf", "full text", "share", "cite",
        "close", "accept", "accept all cookies", "main menu",
    ]
}

extension String {
    fileprivate func trimmingPrefixSpaces() -> Substring {
        Substring(self).trimmingASCIISpaces()
    }
}
