import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a file in the job table: `host:pid:nonce`. The nonce tells two runs apart that
/// the system gave the same process id.
public struct IngestWorker: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var pid: Int32
    public var nonce: String

    public init(host: String, pid: Int32, nonce: String) {
        self.host = host
        self.pid = pid
        self.nonce = nonce
    }

    /// Parses `host:pid:nonce`; nil for another shape.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { return nil }
        self.init(host: parts.dropLast(2).joined(separator: ":"), pid: pid, nonce: String(parts[parts.count - 1]))
    }

    /// This process, with a fresh nonce.
    public static func current() -> IngestWorker {
        IngestWorker(host: hostName(), pid: getpid(), nonce: String(UUID().uuidString.prefix(8)).lowercased())
    }

    public var description: String { "\(host):\(pid):\(nonce)" }

    /// Whether this worker is a process of this machine that no longer runs, so its files can
    /// be taken over at once instead of after the stale timeout. A worker of another machine,
    /// or one whose process id is in use, may be alive: false.
    public func isKnownDead(from current: IngestWorker) -> Bool {
        guard host == current.host else { return false }
        if pid == current.pid { return nonce != current.nonce }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name.replacingOccurrences(of: ":", with: "_")
    }
}
