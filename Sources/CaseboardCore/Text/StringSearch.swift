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
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
