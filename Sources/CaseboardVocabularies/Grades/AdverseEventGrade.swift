/// A toxicity grade written in the text: "grade IV", "Grade 3", "grade three", "G2",
/// "grade 3/4" (the higher grade counts), "CTCAE grade 2", "graded 3", "graded as G2".
public struct GradeMention: Sendable, Hashable {
    /// UTF-8 offsets of the whole grade phrase.
    public var range: Range<Int>
    /// CTCAE grades run from 1 to 5.
    public var grade: Int

    public init(range: Range<Int>, grade: Int) {
        self.range = range
        self.grade = grade
    }
}

/// Reads CTCAE grades in Arabic numerals, Roman numerals and words.
public enum AdverseEventGrade {
    static let words: [String: Int] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5]
    static let roman: [String: Int] = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5]

    /// The grade a single token names ("3", "III", "three"), if any.
    public static func value(of token: some StringProtocol) -> Int? {
        if let number = Int(token), (1...5).contains(number) { return number }
        if let number = roman[String(token)] { return number }
        return words[token.lowercased()]
    }

    /// Every grade phrase in `text`.
    public static func find(in text: String) -> [GradeMention] {
        var text = text
        return text.withUTF8 { find(in: $0) }
    }

    /// Every grade phrase in UTF-8 bytes.
    public static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [GradeMention] {
        var mentions: [GradeMention] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index] | 0x20
            guard byte == 0x67, !WordBoundary.wordCharacterBefore(bytes, index) else {  // "g"
                index += 1
                continue
            }
            if let mention = gradePhrase(bytes, at: index) {
                mentions.append(mention)
                index = mention.range.upperBound
            } else {
                index += 1
            }
        }
        return mentions
    }

    private static func gradePhrase(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> GradeMention? {
        var index = start
        let count = bytes.count
        func token() -> (String, Int)? {
            var end = index
            while end < count, WordBoundary.isWordByte(bytes[end]) { end += 1 }
            guard end > index else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self), end)
        }
        guard let (word, wordEnd) = token() else { return nil }
        var grades: [Int] = []
        if word.lowercased() == "graded" {
            // "graded 3", "graded as 2", "graded G3": the verb carries the grade. "graded as grade 3" is
            // left to the noun that follows.
            index = wordEnd
            while index < count, bytes[index] == 0x20 { index += 1 }
            if let (next, nextEnd) = token(), next.lowercased() == "as" {
                index = nextEnd
                while index < count, bytes[index] == 0x20 { index += 1 }
            }
            if let (next, nextEnd) = token(), next.count >= 2, next.first == "G" || next.first == "g",
                let value = Int(next.dropFirst()), (1...5).contains(value)
            {
                return GradeMention(range: start..<nextEnd, grade: value)
            }
        } else if word.lowercased() == "grade" || word.lowercased() == "grades" {
            index = wordEnd
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x3A { index += 1 }
            // "grade ≥ 3" and "grade >= 3" read as the grade itself.
            if index + 2 < count, bytes[index] == 0xE2, bytes[index + 1] == 0x89, bytes[index + 2] == 0xA5 { index += 3 }
            while index < count, bytes[index] == 0x3E || bytes[index] == 0x3D || bytes[index] == 0x20 { index += 1 }
        } else if word.count >= 2, word.first == "G" || word.first == "g", let value = Int(word.dropFirst()), (1...5).contains(value) {
            return GradeMention(range: start..<wordEnd, grade: value)
        } else {
            return nil
        }
        var end = index
        while true {
            guard let (value, valueEnd) = token(), let grade = Self.value(of: value) else { break }
            grades.append(grade)
            end = valueEnd
            index = valueEnd
            // "3/4", "3-4", "3 to 4", "3 or 4", "III–IV"
            var next = index
            while next < count, bytes[next] == 0x20 { next += 1 }
            if next < count, bytes[next] == 0x2F || bytes[next] == 0x2D {
                next += 1
            } else if next + 2 < count, bytes[next] == 0xE2, bytes[next + 1] == 0x80, bytes[next + 2] == 0x93 {
                next += 3
            } else if let (joiner, joinerEnd) = wordAt(bytes, next), joiner == "to" || joiner == "or" || joiner == "and" {
                next = joinerEnd
            } else {
                break
            }
            while next < count, bytes[next] == 0x20 { next += 1 }
            index = next
        }
        guard let highest = grades.max() else { return nil }
        return GradeMention(range: start..<end, grade: highest)
    }

    private static func wordAt(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (String, Int)? {
        var end = start
        while end < bytes.count, WordBoundary.isWordByte(bytes[end]) { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }
}
