import CaseboardCore
import Foundation
import Logging

/// Reads files of any supported format into documents: the entry point for the CLI and server.
///
/// Gzip is detected from the content, the format from the name and content (or forced with
/// ``Options/format``). PubMed files stream record by record; other formats are read whole.
public struct DocumentLoader: Sendable {
    public struct Options: Sendable {
        /// Forces a format instead of detecting it.
        public var format: DocumentFormat?
        /// Inputs read whole (everything but PubMed XML) may not exceed this many bytes.
        public var maxInMemoryBytes: Int
        /// Limits on XML entity expansion and nesting.
        public var xml: XMLReadOptions

        public init(format: DocumentFormat? = nil, maxInMemoryBytes: Int = 512 << 20, xml: XMLReadOptions = XMLReadOptions()) {
            self.format = format
            self.maxInMemoryBytes = maxInMemoryBytes
            self.xml = xml
        }
    }

    /// What an input yields.
    public enum Item: Sendable {
        case document(Document)
        /// A PubMed `DeleteCitation` block.
        case deleted(pmids: [String], source: String)
    }

    public var options: Options
    private let logger: Logger

    public init(options: Options = Options(), logger: Logger = Logger(label: "caseboard.documents")) {
        self.options = options
        self.logger = logger
    }

    /// Expands directories into the readable files under them, sorted, skipping hidden ones.
    /// Paths that are not directories (including `-`) pass through unchanged.
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let base = URL(fileURLWithPath: path)
            let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var files: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                    files.append(url.path)
                }
            }
            result.append(contentsOf: files.sorted())
        }
        return result
    }

    /// Reads one input, a path or `-` for standard input, and hands each item to `handle` as
    /// soon as it is read.
    ///
    /// - Throws: a ``Diagnostic`` naming the file and position when the input cannot be read
    ///   on. Items handed over before the error stay valid.
    public func read(path: String, handle: (Item) throws -> Void) throws {
        let input = try ByteSources.openInput(path: path, pipelined: true)
        let prefix = input.prefix
        if let evidence = prefix.withUnsafeBufferPointer({ InputSniffer.binaryEvidence($0) }) {
            throw Diagnostic.error("binary file, not text (\(evidence))", file: path)
        }
        var source = input.source
        let format = options.format ?? FormatDetector.detect(name: path, prefix: prefix)
        logger.debug("reading", metadata: ["file": "\(path)", "format": "\(format.rawValue)", "gzip": "\(input.isCompressed)"])
        switch format {
        case .pubmed:
            var reader = PubMedReader(source: source, name: path, options: options.xml)
            while let item = try reader.next() {
                switch item {
                case .article(let document): try handle(.document(document))
                case .deleted(let pmids): try handle(.deleted(pmids: pmids, source: path))
                }
            }
        case .jats:
            try handle(.document(JATSReader(options: options.xml).read(source, name: path)))
        case .html:
            let bytes = try source.readAll(limit: options.maxInMemoryBytes, name: path)
            try handle(.document(HTMLReader().read(bytes, source: path)))
        case .text, .markdown:
            let bytes = try source.readAll(limit: options.maxInMemoryBytes, name: path)
            try handle(.document(PlainTextReader().read(bytes, source: path, format: format)))
        }
    }
}
