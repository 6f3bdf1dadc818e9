import CZlib
import CaseboardCore

/// Decompresses a gzip stream (including files of several concatenated members) on the fly.
///
/// A stream that ends inside a member is an error, not a silent short read: a truncated
/// `.xml.gz` must not look like a complete file.
public final class GzipByteSource: ByteSource {
    private var upstream: any ByteSource
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var memberOpen = false
    private var finished = false
    /// Compressed bytes consumed so far, for error positions.
    private var consumed = 0

    public init(upstream: any ByteSource, name: String, bufferSize: Int = 1 << 17) throws {
        self.upstream = upstream
        self.name = name
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 1)
        // 15 + 32: any window size, gzip or zlib header detected automatically.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw Diagnostic.error("cannot start gzip decompression (zlib status \(status))", file: name)
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    private func refill() throws {
        let count = try upstream.read(into: input)
        if count == 0 {
            inputEnded = true
        }
        stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = UInt32(count)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                if inputEnded { break }
                try refill()
                if stream.avail_in == 0 {
                    if memberOpen {
                        throw Diagnostic.error(
                            "gzip data is truncated: the stream ends inside a compressed member after \(consumed) bytes",
                            file: name
                        )
                    }
                    break
                }
            }
            let before = stream.avail_in
            memberOpen = true
            let status = inflate(&stream, Z_NO_FLUSH)
            consumed += Int(before - stream.avail_in)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberOpen = false
                // Another member may follow; reset and keep going.
                if inflateReset(&stream) != Z_OK {
                    throw Diagnostic.error("cannot reset gzip decompression", file: name)
                }
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw Diagnostic.error("gzip data is corrupt near compressed byte \(consumed): \(detail)", file: name)
            }
        }
        let produced = buffer.count - Int(stream.avail_out)
        if produced == 0 && stream.avail_in == 0 && inputEnded {
            finished = true
        }
        return produced
    }
}
