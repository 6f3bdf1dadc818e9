import CaseboardCore

/// Reads an HTML page (a journal article, a PubMed Central page, a news item about a case).
///
/// The reader keeps the article text and drops page furniture: scripts, styles, navigation,
/// page headers and footers, sidebars, cookie banners, share bars, advertisements and hidden
/// elements (by tag, landmark role, `hidden`/`aria-hidden`, and whole words of class, id and
/// `aria-label` values such as "cookie", "nav" or "share"). Whitespace collapses as a browser would render it,
/// block elements become paragraph breaks, table cells are separated by tabs and rows by line
/// breaks, entities are decoded, and `h1`–`h6` start sections classified with
/// ``SectionClassifier``. Bibliographic `<meta>` tags (Highwire `citation_*`, Dublin Core,
/// Open Graph) fill ``DocumentMetadata``.
///
/// Every output character maps back to the input bytes it came from, including decoded
/// entities and characters of pages in Windows-1252.
///
/// ```swift
/// let document = try HTMLReader().read(bytes, source: "article.html")
/// print(document.title ?? "untitled", document.metadata.doi ?? "no DOI")
/// ```
public struct HTMLReader: Sendable {
    public init() {}

    /// Reads one page.
    ///
    /// - Parameters:
    ///   - bytes: the whole page.
    ///   - source: the path (or `-`) used in diagnostics and as the document id.
    /// - Returns: the document, with warnings for repaired bytes and invalid references.
    /// - Throws: ``Diagnostic`` when the input is empty or binary.
    public func read(_ bytes: [UInt8], source: String) throws -> Document {
        try InputPreflight.check(bytes, file: source)
        var decoder = TextBuilder()
        var warnings: [Diagnostic] = []
        bytes.withUnsafeBufferPointer { input in
            let declared = HTMLCharset.declared(in: UnsafeBufferPointer(rebasing: input.prefix(8192)))
            var encoding = TextDecoding.Encoding.utf8
            if let declared, !TextDecoding.isValidUTF8(input) {
                if HTMLCharset.isWindows1252(declared) {
                    encoding = .windows1252
                } else if !HTMLCharset.isUTF8(declared) {
                    warnings.append(.warning("the page declares charset \"\(declared)\", which is not supported; read as UTF-8", file: source))
                }
            }
            TextDecoding.decode(input, encoding: encoding, into: &decoder)
            warnings += decoder.repairWarnings(file: source, input: input)
        }
        let (decoded, decodedMap) = decoder.build()
        var utf8 = decoded
        return utf8.withUTF8 { text in
            var converter = HTMLConverter(input: text)
            converter.run()
            if !converter.hasTitleSection, let fallback = converter.fallbackTitleRange {
                // No heading carried the title: put the head's title first, then read again.
                converter = HTMLConverter(input: text, leadingTitle: fallback)
                converter.run()
            }
            converter.builder.trimTrailingWhitespace()
            let (output, map) = converter.builder.build()
            var outputCopy = output
            let (sections, keywords) = outputCopy.withUTF8 { text in
                let sections = converter.outline.sections(text: text)
                return (sections, MetadataScanner.keywords(in: sections, text: text))
            }
            var metadata = converter.meta.metadata
            if metadata.keywords.isEmpty { metadata.keywords = keywords }
            let sourceMap = map.composed(with: decodedMap)
            if let first = converter.invalidReferences.first {
                let offset = decodedMap.sourceOffset(ofText: first)
                let position = bytes.withUnsafeBufferPointer { SourcePosition.locate(offset, in: $0) }
                warnings.append(
                    .warning(
                        "replaced \(converter.invalidReferences.count) invalid numeric character reference(s) with U+FFFD (first here)",
                        file: source,
                        position: position
                    )
                )
            }
            return Document(
                id: ByteText.documentID(source: source),
                source: source,
                format: .html,
                title: converter.meta.title ?? converter.firstHeadingTitle ?? converter.headTitle,
                metadata: metadata,
                text: output,
                sections: sections,
                sourceMap: sourceMap,
                warnings: warnings
            )
        }
    }
}

/// Finds the charset a page declares in its first bytes.
enum HTMLCharset {
    static func declared(in prefix: UnsafeBufferPointer<UInt8>) -> String? {
        var tokenizer = HTMLTokenizer(prefix)
        while let token = tokenizer.next() {
            guard token.kind == .startTag, token.name == "meta" else { continue }
            func value(_ name: String) -> String? {
                token.attributes.first { $0.name == name }?.value.map { ByteText.string(prefix, $0) }
            }
            if let charset = value("charset") { return charset.lowercased().filter { !$0.isWhitespace } }
            if value("http-equiv")?.lowercased() == "content-type", let content = value("content")?.lowercased(),
                let range = content.firstRange(of: "charset=")
            {
                return String(content[range.upperBound...].prefix { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" })
            }
        }
        return nil
    }

    static func isWindows1252(_ label: String) -> Bool {
        [
            "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "latin1", "l1",
            "us-ascii", "ascii", "iso-ir-100", "csisolatin1", "ibm819", "cp819",
        ].contains(label)
    }

    static func isUTF8(_ label: String) -> Bool {
        label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"
    }
}
