import CaseboardCore

/// Chooses a reader from the file name and the first bytes of (decompressed) content.
public enum FormatDetector {
    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ prefix: some Collection<UInt8>) -> Bool {
        var iterator = prefix.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// The format of a document, from its name (without any `.gz`) and its first few KB.
    public static func detect(name: String, prefix: [UInt8]) -> DocumentFormat {
        let lowered = name.lowercased()
        let stem = lowered.hasSuffix(".gz") ? String(lowered.dropLast(3)) : lowered
        let head = String(decoding: prefix.prefix(4096), as: UTF8.self)
        let headLowered = head.lowercased()
        if headLowered.contains("<pubmedarticleset") || headLowered.contains("<pubmedarticle>")
            || headLowered.contains("<pubmedarticle ") || headLowered.contains("doctype pubmedarticleset")
        {
            return .pubmed
        }
        if PubTatorReader.looksLikePubTator(head) {
            return .pubtator
        }
        let looksLikeXML = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.hasPrefix("<?xml")
        if stem.hasSuffix(".nxml") || headLowered.contains("jats") || (looksLikeXML && headLowered.contains("<article")) {
            return .jats
        }
        if stem.hasSuffix(".html") || stem.hasSuffix(".htm") || stem.hasSuffix(".xhtml") || headLowered.contains("<!doctype html")
            || headLowered.contains("<html")
        {
            return .html
        }
        if stem.hasSuffix(".md") || stem.hasSuffix(".markdown") {
            return .markdown
        }
        if stem.hasSuffix(".txt") || stem.hasSuffix(".text") {
            return .text
        }
        // Markdown without the extension: ATX headings at line starts.
        if head.split(separator: "\n").prefix(40).contains(where: { $0.hasPrefix("# ") || $0.hasPrefix("## ") }) {
            return .markdown
        }
        return .text
    }
}
