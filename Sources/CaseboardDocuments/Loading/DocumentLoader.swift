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
        var stream = try open(path: path)
        while let item = try stream.next() { try handle(item) }
    }

    /// Opens one input for pulling its items one at a time: PubMed files stream record by
    /// record; other formats are read whole on the first pull.
    public func open(path: String) throws -> DocumentStream {
        try open(try ByteSources.openInput(path: path, pipelined: true), name: path)
    }

    /// Opens bytes in memory (an upload) under a display name.
    public func open(bytes: [UInt8], name: String) throws -> DocumentStream {
        try open(try ByteSources.openInput(bytes: bytes, name: name), name: name)
    }

    /// Every document in bytes in memory.
    public func documents(bytes: [UInt8], name: String) throws -> [Document] {
        var stream = try open(bytes: bytes, name: name)
        var documents: [Document] = []
        while let item = try stream.next() {
            if case .document(let document) = item { documents.append(document) }
        }
        return documents
    }

    private func open(_ input: OpenedInput, name path: String) throws -> DocumentStream {
        if let evidence = input.prefix.withUnsafeBufferPointer({ InputSniffer.binaryEvidence($0) }) {
            throw Diagnostic.error("binary file, not text (\(evidence))", file: path)
        }
        let format = options.format ?? FormatDetector.detect(name: path, prefix: input.prefix)
        logger.debug("reading", metadata: ["file": "\(path)", "format": "\(format.rawValue)", "gzip": "\(input.isCompressed)"])
        return DocumentStream(source: input.source, path: path, format: format, options: options)
    }
}

/// The items of one input, pulled one at a time.
public struct DocumentStream {
    private var pubmed: PubMedReader?
    private var source: (any ByteSource)?
    private var pending: [Document] = []
    private let path: String
    private let format: DocumentFormat
    private let options: DocumentLoader.Options

    init(source: any ByteSource, path: String, format: DocumentFormat, options: DocumentLoader.Options) {
        self.path = path
        self.format = format
        self.options = options
        if format == .pubmed {
            pubmed = PubMedReader(source: source, name: path, options: options.xml)
        } else {
            self.source = source
        }
    }

    /// The next item, or nil at the end of the input.
    public mutating func next() throws -> DocumentLoader.Item? {
        if pubmed != nil {
            switch try pubmed!.next() {
            case .article(let document): return .document(document)
            case .deleted(let pmids): return .deleted(pmids: pmids, source: path)
            case nil: return nil
            }
        }
        if var source {
            self.source = nil
            switch format {
            case .jats:
                pending = [try JATSReader(options: options.xml).read(source, name: path)]
            case .html:
                pending = [try HTMLReader().read(try source.readAll(limit: options.maxInMemoryBytes, name: path), source: path)]
            case .pubtator:
                pending = try PubTatorReader().read(try source.readAll(limit: options.maxInMemoryBytes, name: path), source: path)
            case .text, .markdown, .pubmed:
                let bytes = try source.readAll(limit: options.maxInMemoryBytes, name: path)
                pending = [try PlainTextReader().read(bytes, source: path, format: format)]
            }
            pending.reverse()
        }
        return pending.popLast().map { .document($0) }
    }
}
