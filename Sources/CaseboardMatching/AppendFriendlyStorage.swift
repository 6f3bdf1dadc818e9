/// An array kept in fixed-size chunks. Copies share chunks, so appending to a copy duplicates
/// only the last chunk and the list of chunk references, not every element: the server adds a
/// case to an index that in-flight matches still read, and a plain array would copy it whole.
struct ChunkedArray<Element>: RandomAccessCollection {
    private static var shift: Int { 10 }
    private static var chunkSize: Int { 1 << shift }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get { chunks[position >> Self.shift][position & (Self.chunkSize - 1)] }
        // Copies at most the one chunk that holds the element.
        set { chunks[position >> Self.shift][position & (Self.chunkSize - 1)] = newValue }
    }

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

/// A dictionary split into shards by key hash. Copies share shards, so changing one key of a
/// copy duplicates one shard, not the whole table.
struct ShardedDictionary<Key: Hashable, Value> {
    private static var shardCount: Int { 64 }
    private var shards: [[Key: Value]]

    init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    private static func shard(of key: Key) -> Int {
        key.hashValue & (shardCount - 1)
    }

    subscript(key: Key) -> Value? {
        shards[Self.shard(of: key)][key]
    }

    /// Changes the value for `key` in place, starting from `defaultValue` when it is absent.
    mutating func update<Result>(_ key: Key, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Result) -> Result {
        body(&shards[Self.shard(of: key)][key, default: defaultValue()])
    }

    /// Removes the value for `key`, copying at most one shard, and returns it.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        shards[Self.shard(of: key)].removeValue(forKey: key)
    }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}
