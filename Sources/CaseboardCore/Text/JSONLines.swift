/// Splitting JSON Lines text (one JSON value per line) the way every reader of it should.
public enum JSONLines {
    /// The non-blank lines of `text` with their 1-based line numbers.
    ///
    /// A carriage return before a line feed is whitespace, so files written on Windows or
    /// exported from Excel load. Swift reads `"\r\n"` as one `Character`, so splitting a
    /// `String` on `"\n"` alone would see such a file as a single line.
    public static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(number: Int, text: Substring)] = []
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, part) in parts.enumerated() {
            let trimmed = part.trimmingJSONWhitespace
            if !trimmed.isEmpty { result.append((index + 1, trimmed)) }
        }
        return result
    }
}

extension Substring {
    /// Without the whitespace JSON allows around a value: space, tab, carriage return, line feed.
    fileprivate var trimmingJSONWhitespace: Substring {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
