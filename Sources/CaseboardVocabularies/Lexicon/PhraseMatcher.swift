/// A matcher for a fixed list of phrases, such as the cue words extraction looks for, built on
/// the same byte trie as the vocabularies: one pass over the text, leftmost-longest, whole
/// words only.
public struct PhraseMatcher: Sendable {
    /// A phrase and the value it reports.
    public struct Phrase: Sendable {
        public var text: String
        public var value: Int
        /// Match only in the case written (for abbreviations such as "CR").
        public var exactCase: Bool

        public init(_ text: String, _ value: Int, exactCase: Bool = false) {
            self.text = text
            self.value = value
            self.exactCase = exactCase
        }
    }

    /// A phrase found in text.
    public struct Match: Sendable, Hashable {
        /// UTF-8 offsets into the scanned text.
        public var range: Range<Int>
        public var value: Int
    }

    private let trie: TermTrie
    private let values: [Int]
    private let exactKeys: [[UInt8]?]

    public init(_ phrases: [Phrase]) {
        var entries: [(key: [UInt8], value: Int32)] = []
        var values: [Int] = []
        var exactKeys: [[UInt8]?] = []
        for phrase in phrases {
            let key = LexiconKey.make(phrase.text)
            guard !key.isEmpty else { continue }
            entries.append((key, Int32(values.count)))
            values.append(phrase.value)
            exactKeys.append(phrase.exactCase ? LexiconKey.make(phrase.text, foldCase: false) : nil)
        }
        trie = TermTrie(entries: entries)
        self.values = values
        self.exactKeys = exactKeys
    }

    /// Leftmost-longest, non-overlapping matches that start and end at word boundaries.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var result: [Match] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 || WordBoundary.wordCharacterBefore(bytes, index) && WordBoundary.wordCharacterAt(bytes, index) {
                index += 1
                continue
            }
            var best: Match?
            trie.walk(bytes, from: index) { end, node in
                guard !WordBoundary.wordCharacterAt(bytes, end) || !WordBoundary.wordCharacterBefore(bytes, end) else { return }
                for slot in trie.values(at: node) {
                    if let exact = exactKeys[Int(slot)] {
                        guard LexiconKey.unfoldedKey(of: UnsafeBufferPointer(rebasing: bytes[index..<end]), equals: exact) else { continue }
                    }
                    best = Match(range: index..<end, value: values[Int(slot)])
                    break
                }
            }
            if let best {
                result.append(best)
                index = best.range.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    public func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }
}
