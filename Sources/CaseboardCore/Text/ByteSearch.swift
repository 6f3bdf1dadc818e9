/// Plain byte searches, the one implementation behind every substring test that must not go
/// through `NSString` or build a `String`: the gates in front of regular expressions, the
/// disease-text readers and ``Swift/StringProtocol/firstByteOffset(of:from:)``.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `bytes[range]`, or nil. With
    /// `ignoringCase`, ASCII capitals in `bytes` match the needle's lower-case letters (give the
    /// needle in lower case). An empty needle occurs at the range's start; a range outside
    /// `bytes` finds nothing.
    @inlinable
    public static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>,
        in bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        ignoringCase: Bool = false
    ) -> Int? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        let count = needle.count
        guard count > 0 else { return range.lowerBound }
        guard range.count >= count else { return nil }
        let first = needle[0]
        var start = range.lowerBound
        let last = range.upperBound - count
        while start <= last {
            if fold(bytes[start], ignoringCase) == first {
                var matched = 1
                while matched < count, fold(bytes[start + matched], ignoringCase) == needle[matched] { matched += 1 }
                if matched == count { return start }
            }
            start += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `bytes[range]`; see ``firstOffset(of:in:_:ignoringCase:)``.
    @inlinable
    public static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ignoringCase: Bool = false) -> Bool {
        needle.withUnsafeBufferPointer { firstOffset(of: $0, in: bytes, range, ignoringCase: ignoringCase) != nil }
    }

    /// Whether `needle` occurs in `haystack`.
    @inlinable
    public static func occurs(_ needle: [UInt8], in haystack: [UInt8], ignoringCase: Bool = false) -> Bool {
        haystack.withUnsafeBufferPointer { occurs(needle, in: $0, 0..<$0.count, ignoringCase: ignoringCase) }
    }

    /// Whether `needle` occurs in the UTF-8 of `text`.
    @inlinable
    public static func occurs(_ needle: [UInt8], in text: String, ignoringCase: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { occurs(needle, in: $0, 0..<$0.count, ignoringCase: ignoringCase) }
    }

    @inlinable @inline(__always)
    static func fold(_ byte: UInt8, _ ignoringCase: Bool) -> UInt8 {
        ignoringCase && byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
