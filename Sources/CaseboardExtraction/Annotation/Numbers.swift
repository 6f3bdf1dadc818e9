/// A number written in digits ("18", "9.6", "10,22") or words ("ten", "thirty-three", "hundred").
struct NumberMention: Sendable, Hashable {
    var range: Range<Int>
    var value: Double
    var isWord: Bool
}

enum NumberScanner {
    static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
        "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "a": 1, "an": 1, "half": 0.5, "single": 1,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [NumberMention] {
        var result: [NumberMention] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let boundary = index == 0 || !isAlnum(bytes[index - 1])
            if byte &- 0x30 < 10, boundary {
                let start = index
                var value = 0.0
                while index < count, bytes[index] &- 0x30 < 10 {
                    value = value * 10 + Double(bytes[index] - 0x30)
                    index += 1
                }
                // A decimal part: "9.6", or "10,22" in European writing (but not "1,000" lists).
                if index + 1 < count, bytes[index] == 0x2E || bytes[index] == 0x2C, bytes[index + 1] &- 0x30 < 10 {
                    var fraction = 0.0
                    var scale = 0.1
                    var digits = 0
                    var cursor = index + 1
                    while cursor < count, bytes[cursor] &- 0x30 < 10 {
                        fraction += Double(bytes[cursor] - 0x30) * scale
                        scale /= 10
                        digits += 1
                        cursor += 1
                    }
                    if bytes[index] == 0x2E || digits != 3 {
                        value += fraction
                        index = cursor
                    }
                }
                result.append(NumberMention(range: start..<index, value: value, isWord: false))
                continue
            }
            if byte | 0x20 &- 0x61 < 26, boundary {
                let start = index
                while index < count, isAlnum(bytes[index]) { index += 1 }
                // No number word is longer than nine letters or starts with another letter: most
                // words of a text need no string and no table lookup.
                guard index - start <= 9, numberInitials[Int(bytes[start] | 0x20)] else { continue }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased()
                if word == "hundred" {
                    result.append(NumberMention(range: start..<index, value: 100, isWord: true))
                } else if let ten = tens[word] {
                    var value = ten
                    var end = index
                    // "thirty-three"
                    if index + 1 < count, bytes[index] == 0x2D {
                        var cursor = index + 1
                        while cursor < count, isAlnum(bytes[cursor]) { cursor += 1 }
                        let unit = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<cursor]), as: UTF8.self).lowercased()
                        if let one = units[unit], one >= 1, one < 10 {
                            value += one
                            end = cursor
                        }
                    }
                    index = end
                    result.append(NumberMention(range: start..<end, value: value, isWord: true))
                } else if let unit = units[word], word != "a", word != "an", word != "single" {
                    result.append(NumberMention(range: start..<index, value: unit, isWord: true))
                }
                continue
            }
            index += 1
        }
        return result
    }

    /// The first letters of the words in ``units``, ``tens`` and "hundred".
    private static let numberInitials: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for word in Array(units.keys) + Array(tens.keys) + ["hundred"] { table[Int(word.utf8.first!)] = true }
        return table
    }()

    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
