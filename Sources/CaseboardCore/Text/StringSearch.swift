/// Trimming and substring tests without Foundation: user input passes through these on every
/// match request, and Foundation's versions bridge through `NSString`.
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    public var trimmingWhitespace: String {
        trimming { $0.properties.isWhitespace }
    }

    /// The text without the leading and trailing scalars for which `drop` is true.
    public func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        // Usually there is nothing to trim: answer without searching or copying scalars.
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        if !drop(head) && !drop(tail) { return String(self) }
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whether the UTF-8 bytes of `needle` occur in the text, compared byte for byte.
    public func containsBytes(of needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The offset, in UTF-8 bytes from the start of the text, of the first occurrence of `needle`'s
    /// bytes at or after `start`; nil when there is none. Reads the text's own storage where it is
    /// contiguous, so a search allocates nothing.
    public func firstByteOffset(of needle: String, from start: Int = 0) -> Int? {
        let pattern = needle.utf8
        // Outer optional: whether both texts had contiguous storage; inner: the search's answer.
        let direct: Int?? = pattern.withContiguousStorageIfAvailable { pattern in
            utf8.withContiguousStorageIfAvailable { Self.search(pattern, in: $0, from: start) }
        }.flatMap { $0 }
        if let direct { return direct }
        let bytes = Array(utf8)
        return Array(pattern).withUnsafeBufferPointer { pattern in bytes.withUnsafeBufferPointer { Self.search(pattern, in: $0, from: start) } }
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start >= 0, start <= bytes.count else { return nil }
        return ByteSearch.firstOffset(of: pattern, in: bytes, start..<bytes.count)
    }
}

extension String {
    /// The range of the first occurrence of `needle`'s UTF-8 bytes at or after `start` (the start of
    /// the text when nil), compared byte for byte: the plain substring test that Foundation's
    /// `range(of:)` answers through `NSString`. The bounds fall on the bytes the needle begins and
    /// ends with, so a needle of whole scalars gives scalar-aligned bounds.
    public func firstByteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let startOffset = start.map { utf8.distance(from: startIndex, to: $0) } ?? 0
        guard let offset = firstByteOffset(of: needle, from: startOffset) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
