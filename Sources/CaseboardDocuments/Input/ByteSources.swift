import CaseboardCore

/// An input opened for reading: its byte source (decompressed if it was gzip) and the first
/// bytes of content, already read for format detection and replayed by the source.
public struct OpenedInput {
    public var source: any ByteSource
    /// Up to the first 8 KB of (decompressed) content.
    public let prefix: [UInt8]
    public let isCompressed: Bool
}

/// Opening inputs by path.
public enum ByteSources {
    /// A file (`-` for standard input), decompressed when its content is gzip; with
    /// `pipelined`, decompression runs on a background thread.
    public static func open(path: String, pipelined: Bool = false) throws -> any ByteSource {
        try openInput(path: path, pipelined: pipelined).source
    }

    /// Opens `path`, detects gzip from the magic number (not the name), and reads the first
    /// `prefixLength` bytes of content so callers can detect the format.
    ///
    /// - Throws: a ``Diagnostic`` for an unreadable, empty or corrupt input.
    public static func openInput(path: String, pipelined: Bool = false, prefixLength: Int = 8192) throws -> OpenedInput {
        try openInput(try FileByteSource(path: path), name: path, pipelined: pipelined, prefixLength: prefixLength)
    }

    /// Opens bytes already in memory, such as an uploaded file, the same way.
    public static func openInput(bytes: [UInt8], name: String, prefixLength: Int = 8192) throws -> OpenedInput {
        try openInput(MemoryByteSourceBox(bytes), name: name, pipelined: false, prefixLength: prefixLength)
    }

    private static func openInput(_ file: sending any ByteSource, name path: String, pipelined: Bool, prefixLength: Int) throws -> OpenedInput {
        let raw = try readPrefix(file, count: prefixLength)
        guard !raw.isEmpty else { throw Diagnostic.error("file is empty", file: path) }
        let rawSource = PrefixedByteSource(prefix: raw, rest: file)
        guard FormatDetector.isGzip(raw) else {
            return OpenedInput(source: rawSource, prefix: raw, isCompressed: false)
        }
        func decompressed(_ inflated: any ByteSource) throws -> OpenedInput {
            let head = try readPrefix(inflated, count: prefixLength)
            guard !head.isEmpty else { throw Diagnostic.error("file is empty after gzip decompression", file: path) }
            return OpenedInput(source: PrefixedByteSource(prefix: head, rest: inflated), prefix: head, isCompressed: true)
        }
        if pipelined {
            return try decompressed(PipelinedByteSource(upstream: try GzipByteSource(upstream: rawSource, name: path)))
        }
        return try decompressed(try GzipByteSource(upstream: rawSource, name: path))
    }

    private static func readPrefix(_ source: any ByteSource, count: Int) throws -> [UInt8] {
        var source = source
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try buffer.withUnsafeMutableBytes { bytes in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...]))
            }
            if read == 0 { break }
            filled += read
        }
        buffer.removeSubrange(filled...)
        return buffer
    }
}

/// Memory bytes behind a reference, so reading the prefix through a copy advances the original.
final class MemoryByteSourceBox: ByteSource {
    private var source: MemoryByteSource

    init(_ bytes: [UInt8]) {
        source = MemoryByteSource(bytes)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try source.read(into: buffer)
    }
}

/// Replays bytes already read for sniffing, then continues with the rest of the input.
struct PrefixedByteSource: ByteSource {
    private let prefix: [UInt8]
    private var position = 0
    private var rest: any ByteSource

    init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position < prefix.count {
            let count = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
            }
            position += count
            return count
        }
        return try rest.read(into: buffer)
    }
}
