import CaseboardCore
import Foundation

/// Reads another byte source on a background thread, a few chunks ahead, so that producing
/// bytes (decompressing a `.gz`, say) overlaps with parsing them.
///
/// The hand-off is a bounded queue of `depth` chunks of `chunkSize` bytes, recycled, so memory
/// stays at about `depth × chunkSize`. An error from the upstream source is rethrown by
/// ``read(into:)`` once the bytes before it have been delivered.
public final class PipelinedByteSource: ByteSource {
    private let channel: Channel
    private var current: [UInt8] = []
    private var currentPosition = 0

    /// Starts reading `upstream` on a new thread; the source belongs to that thread from now on.
    public init(upstream: sending any ByteSource, chunkSize: Int = 1 << 20, depth: Int = 4) {
        channel = Channel(limit: max(1, depth))
        let handOff = UpstreamHandOff(source: upstream)
        let channel = self.channel
        let size = max(1, chunkSize)
        let thread = Thread {
            var source = handOff.source
            channel.produce(from: &source, chunkSize: size)
        }
        thread.name = "caseboard.pipelined-read"
        thread.start()
    }

    deinit {
        channel.cancel()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if currentPosition == current.count {
            guard let next = try channel.take(recycling: current) else { return 0 }
            current = next
            currentPosition = 0
        }
        let count = min(buffer.count, current.count - currentPosition)
        current.withUnsafeBytes { source in
            base.copyMemory(from: source.baseAddress! + currentPosition, byteCount: count)
        }
        currentPosition += count
        return count
    }
}

/// Carries the upstream source to the producer thread, which is its only user from then on.
private struct UpstreamHandOff: @unchecked Sendable {
    var source: any ByteSource
}

/// The bounded queue between the producer thread and the reader. All state is guarded by `condition`.
private final class Channel: @unchecked Sendable {
    private let condition = NSCondition()
    private let limit: Int
    private var chunks: [[UInt8]] = []
    private var spare: [[UInt8]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    init(limit: Int) {
        self.limit = limit
    }

    func produce(from source: inout any ByteSource, chunkSize: Int) {
        while true {
            condition.lock()
            while chunks.count >= limit && !cancelled { condition.wait() }
            let stop = cancelled
            var chunk = spare.popLast() ?? []
            condition.unlock()
            if stop { return }
            var failed: (any Error)?
            if chunk.count != chunkSize { chunk = [UInt8](repeating: 0, count: chunkSize) }
            var filled = 0
            do {
                filled = try chunk.withUnsafeMutableBytes { buffer in
                    var filled = 0
                    while filled < buffer.count {
                        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                        if count == 0 { break }
                        filled += count
                    }
                    return filled
                }
            } catch {
                failed = error
            }
            let ended = failed != nil || filled < chunkSize
            if filled < chunkSize { chunk.removeSubrange(filled...) }
            condition.lock()
            if !chunk.isEmpty { chunks.append(chunk) }
            if ended {
                finished = true
                failure = failed
            }
            condition.broadcast()
            condition.unlock()
            if ended { return }
        }
    }

    /// The next chunk, nil at the end; rethrows the upstream error after the last good chunk.
    func take(recycling used: [UInt8]) throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        if !used.isEmpty && spare.count < limit { spare.append(used) }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
