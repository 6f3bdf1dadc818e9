import CaseboardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only stream of input bytes. Streaming readers pull from one so that a large file
/// is never held in memory whole.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
    /// Reads everything that is left. Refuses inputs over `limit` bytes with a clear error.
    public mutating func readAll(limit: Int = 1 << 31, name: String) throws -> [UInt8] {
        var result: [UInt8] = []
        let chunk = 1 << 16
        var scratch = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = try scratch.withUnsafeMutableBytes { try read(into: $0) }
            if count == 0 { break }
            result.append(contentsOf: scratch[0..<count])
            if result.count > limit {
                throw Diagnostic.error("input is larger than the \(limit / (1 << 20)) MB limit", file: name)
            }
        }
        return result
    }
}

/// Bytes already in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}

/// A file read with POSIX `read(2)`; `-` reads standard input.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let name: String

    /// Opens `path` for reading, or standard input for `-`.
    public init(path: String) throws {
        name = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            return
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw Diagnostic.error("cannot open: \(String(cString: strerror(errno)))", file: path)
        }
        var info = stat()
        if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw Diagnostic.error("is a directory", file: path)
        }
        descriptor = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, base, buffer.count)
            #else
            let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw Diagnostic.error("read failed: \(String(cString: strerror(errno)))", file: name)
        }
    }
}
