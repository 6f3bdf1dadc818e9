#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A borrowed view of bytes inside an ``XMLPullParser``'s buffer.
///
/// It is valid only until the parser's next call to ``XMLPullParser/next()``; copy it with
/// ``string`` to keep it. Compare it with a literal without allocating:
///
/// ```swift
/// if parser.name == "PMID" { ... }
/// switch parser.name { case "Year": ...; default: ... }
/// ```
public struct XMLBytes {
    public let buffer: UnsafeBufferPointer<UInt8>

    @inlinable
    public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inlinable public var count: Int { buffer.count }
    @inlinable public var isEmpty: Bool { buffer.isEmpty }

    /// A copy as a `String` (invalid UTF-8 becomes U+FFFD).
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    @inlinable
    public static func == (lhs: XMLBytes, rhs: StaticString) -> Bool {
        rhs.withUTF8Buffer { literal in
            guard literal.count == lhs.buffer.count else { return false }
            guard let left = lhs.buffer.baseAddress, let right = literal.baseAddress else { return literal.isEmpty }
            return memcmp(left, right, literal.count) == 0
        }
    }

    @inlinable
    public static func != (lhs: XMLBytes, rhs: StaticString) -> Bool {
        !(lhs == rhs)
    }

    /// Lets a `switch` over a name use string literals as cases.
    @inlinable
    public static func ~= (pattern: StaticString, value: XMLBytes) -> Bool {
        value == pattern
    }
}
