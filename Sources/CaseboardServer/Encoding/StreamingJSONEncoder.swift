import CaseboardMatching
import Foundation
import Hummingbird

/// Encodes `Encodable` values straight to JSON bytes as `encode(to:)` runs, with no tree of
/// intermediate values. Foundation's `JSONEncoder` builds that tree first, which made encoding
/// the largest cost of a match request.
///
/// Output is the JSON `JSONEncoder` would produce with default options and
/// `.withoutEscapingSlashes`, up to key order and number spelling: `Data` as Base64, `URL` as
/// its absolute string, `Date` as seconds since 2001, non-finite numbers refused.
///
/// Containers must be filled in order, as synthesized and ordinary hand-written `encode(to:)`
/// do: a nested container is complete once its parent writes its next value. `codingPath` is
/// not tracked and is always empty.
public struct StreamingJSONEncoder: Sendable {
    public init() {}

    /// The JSON text of `value`.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.writeValue(value, depth: 0)
        sink.close(to: 0)
        return sink.bytes
    }
}

/// The bytes written so far and the containers still open.
private final class JSONSink {
    // One sink serves one encode call on one thread, so the runtime's exclusivity checks on
    // every append (a third of the encoding time when measured) buy nothing here.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Open containers, outermost first: true for an object, false for an array, with how many
    /// members each has so far.
    @exclusivity(unchecked) var open: [(isObject: Bool, count: Int)] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    /// Closes every container at `depth` or deeper.
    func close(to depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens a container at `depth`, or reuses the one already open there (an `encode(to:)`
    /// may ask for its container twice).
    func openContainer(isObject: Bool, depth: Int) {
        close(to: depth + 1)
        if open.count == depth + 1, open[depth].isObject == isObject { return }
        open.append((isObject, 0))
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Starts a member of the container at `depth`: closes deeper containers, writes the comma.
    func beginMember(of depth: Int) {
        close(to: depth + 1)
        if open[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[depth].count += 1
    }

    func writeKey(_ key: String, in depth: Int) {
        beginMember(of: depth)
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes any value whose slot (key or comma) is already written, at `depth`.
    func writeValue<T: Encodable>(_ value: T, depth: Int) throws {
        // Metatype comparisons, not dynamic casts: the casts cost more than the writing.
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            writeInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            writeLiteral(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if T.self == Double.self {
            try writeDouble(unsafeBitCast(value, to: Double.self))
        } else if T.self == Data.self {
            writeString(unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == URL.self {
            writeString(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == Decimal.self {
            writeLiteral(unsafeBitCast(value, to: Decimal.self).description)
        } else {
            let start = bytes.count
            try value.encode(to: StreamEncoder(sink: self, depth: depth))
            close(to: depth)
            // A value that encoded nothing is an empty object, as in JSONEncoder.
            if bytes.count == start { writeLiteral("{}") }
        }
    }

    func writeLiteral(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func writeLiteral(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func writeInteger<I: BinaryInteger>(_ value: I) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func writeDouble(_ value: Double) throws {
        try JSONText.appendDouble(value, to: &bytes)
    }

    func writeString(_ string: String) {
        JSONText.appendString(string, to: &bytes)
    }
}

/// The `Encoder` handed to `encode(to:)`: writes at one depth of the sink.
private struct StreamEncoder: Encoder {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.openContainer(isObject: true, depth: depth)
        return KeyedEncodingContainer(KeyedWriter<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.openContainer(isObject: false, depth: depth)
        return ArrayWriter(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleWriter(sink: sink, depth: depth)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    /// The depth of this object in the sink's open containers.
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        sink.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        try sink.writeValue(value, depth: depth + 1)
    }

    // Synthesized `encode(to:)` calls these for plain properties; writing them directly skips
    // the generic path.
    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        sink.writeString(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        sink.writeInteger(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        sink.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.writeKey(key.stringValue, in: depth)
        try sink.writeDouble(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.writeKey(key.stringValue, in: depth)
        return StreamEncoder(sink: sink, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.writeKey(key.stringValue, in: depth)
        return StreamEncoder(sink: sink, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.writeKey("super", in: depth)
        return StreamEncoder(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.writeKey(key.stringValue, in: depth)
        return StreamEncoder(sink: sink, depth: depth + 1)
    }
}

private struct ArrayWriter: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { sink.open.count > depth ? sink.open[depth].count : 0 }

    mutating func encodeNil() throws {
        sink.beginMember(of: depth)
        sink.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.beginMember(of: depth)
        try sink.writeValue(value, depth: depth + 1)
    }

    mutating func encode(_ value: String) throws {
        sink.beginMember(of: depth)
        sink.writeString(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.beginMember(of: depth)
        return StreamEncoder(sink: sink, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginMember(of: depth)
        return StreamEncoder(sink: sink, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginMember(of: depth)
        return StreamEncoder(sink: sink, depth: depth + 1)
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writeLiteral("null") }
    mutating func encode(_ value: Bool) throws { sink.writeLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { sink.writeString(value) }
    mutating func encode(_ value: Double) throws { try sink.writeDouble(value) }
    mutating func encode(_ value: Float) throws { try sink.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { sink.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { sink.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { sink.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.writeValue(value, depth: depth) }
}

/// Hummingbird's response encoder for every Caseboard route.
public struct CaseboardResponseEncoder: ResponseEncoder {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let body: ByteBuffer
        if let result = value as? MatchResult {
            var out = JSONBytes()
            try result.writeJSON(to: &out)
            body = out.byteBuffer
        } else {
            body = ByteBuffer(bytes: try StreamingJSONEncoder().encode(value))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
            body: .init(byteBuffer: body)
        )
    }
}
