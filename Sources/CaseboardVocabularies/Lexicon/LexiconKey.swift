/// The normal form that lexicon keys and scanned text share, so one walk of the trie matches
/// every spelling variant a vocabulary entry stands for.
///
/// - ASCII letters fold to lowercase (case is checked afterwards for exact-case entries).
/// - Runs of spaces, line breaks, no-break and thin spaces, hyphens, en dashes and minus signs
///   all become one space: "FMS-like", "FMS like" and "FMS\nlike" are the same key.
enum LexiconKey {
    /// The byte length of a separator starting at `index` (whitespace, hyphen or dash), or 0.
    @inline(__always)
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2D:
            return 1
        case 0xC2:
            // U+00A0 no-break space
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x88 else { return 0 }
            let last = bytes[index + 2]
            if bytes[index + 1] == 0x80 {
                // U+2000–U+200A spaces, U+2010–U+2014 hyphens and dashes, U+202F narrow no-break space
                return (0x80...0x8A).contains(last) || (0x90...0x94).contains(last) || last == 0xAF ? 3 : 0
            }
            return last == 0x92 ? 3 : 0  // U+2212 minus sign
        default:
            return 0
        }
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The key of `text`: folded (or not) and with separators collapsed; leading and trailing
    /// separators are dropped.
    static func make(_ text: String, foldCase: Bool = true) -> [UInt8] {
        var text = text
        return text.withUTF8 { make($0, foldCase: foldCase) }
    }

    /// Whether the unfolded key of `bytes` (`make(bytes, foldCase: false)`) is `key`, compared
    /// as it is made: the exact-case check runs for every candidate of the scan, and a key array
    /// built per candidate cost more than the walk.
    static func unfoldedKey(of bytes: UnsafeBufferPointer<UInt8>, equals key: [UInt8]) -> Bool {
        var position = 0
        var index = 0
        var pendingSpace = false
        while index < bytes.count {
            let separator = separatorLength(bytes, at: index)
            if separator > 0 {
                pendingSpace = position > 0
                index += separator
                continue
            }
            if pendingSpace {
                guard position < key.count, key[position] == 0x20 else { return false }
                position += 1
                pendingSpace = false
            }
            guard position < key.count, key[position] == bytes[index] else { return false }
            position += 1
            index += 1
        }
        return position == key.count
    }

    static func make(_ bytes: UnsafeBufferPointer<UInt8>, foldCase: Bool = true) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        while index < bytes.count {
            let separator = separatorLength(bytes, at: index)
            if separator > 0 {
                pendingSpace = !key.isEmpty
                index += separator
                continue
            }
            if pendingSpace {
                key.append(0x20)
                pendingSpace = false
            }
            key.append(foldCase ? fold(bytes[index]) : bytes[index])
            index += 1
        }
        return key
    }
}

/// Unicode-aware word-boundary tests at byte positions of UTF-8 text.
enum WordBoundary {
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte &- 0x30 < 10) || (byte | 0x20) &- 0x61 < 26
    }

    /// True when the scalar ending just before `index` is a letter or digit.
    static func wordCharacterBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let byte = bytes[index - 1]
        if byte < 0x80 { return isWordByte(byte) }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isLetterOrDigit(bytes, start, index)
    }

    /// True when the scalar starting at `index` is a letter or digit.
    static func wordCharacterAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isWordByte(byte) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return isLetterOrDigit(bytes, index, end)
    }

    private static func isLetterOrDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[start..<end]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
