/// One piece of an HTML document.
struct HTMLToken {
    enum Kind: Equatable {
        case text
        case startTag
        case endTag
        /// Comments, doctypes, processing instructions and CDATA sections: nothing to show.
        case ignorable
    }

    struct Attribute {
        /// Lowercased.
        var name: String
        /// The raw value bytes (entities not yet decoded); nil for a bare attribute such as `hidden`.
        var value: Range<Int>?
    }

    var kind: Kind
    /// The bytes of the token; for text, the text itself.
    var range: Range<Int>
    /// Lowercased tag name; empty for text.
    var name: String = ""
    var attributes: [Attribute] = []
    var selfClosing = false
}

/// A forgiving HTML tokenizer over UTF-8 bytes.
///
/// It never fails: a `<` that does not start a tag is text, an unterminated tag or comment ends
/// the input, and the contents of `script`, `style` and similar elements are read as raw text
/// up to their end tag, so markup and `<![CDATA[` inside a script never become content.
/// Each byte is looked at a bounded number of times.
struct HTMLTokenizer {
    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Set after a start tag whose content is raw text.
    private var rawTextElement: String?

    /// Elements whose content is not markup.
    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    mutating func next() -> HTMLToken? {
        guard position < input.count else { return nil }
        if let element = rawTextElement {
            rawTextElement = nil
            let start = position
            let end = element == "plaintext" ? input.count : findEndTag(element, from: start)
            position = end
            if end > start { return HTMLToken(kind: .text, range: start..<end) }
        }
        let start = position
        if input[start] == 0x3C, let token = markup(at: start) { return token }
        // Text runs to the next '<' that could start markup.
        var end = start + 1
        while end < input.count, input[end] != 0x3C { end += 1 }
        position = end
        return HTMLToken(kind: .text, range: start..<end)
    }

    private mutating func markup(at start: Int) -> HTMLToken? {
        guard start + 1 < input.count else { return nil }
        let next = input[start + 1]
        if isLetter(next) { return startTag(at: start) }
        if next == 0x2F {
            guard start + 2 < input.count else { return nil }
            if isLetter(input[start + 2]) { return endTag(at: start) }
            // "</>" and "</ 3" are dropped as bogus comments, as browsers do.
            return ignorable(from: start, through: ">")
        }
        if next == 0x21 {
            if matches("<!--", at: start) {
                let close = find("-->", from: start + 4)
                return ignorableToken(start, close.map { $0 + 3 } ?? input.count)
            }
            if matches("<![CDATA[", at: start) { return ignorable(from: start, through: "]]>") }
            return ignorable(from: start, through: ">")
        }
        if next == 0x3F { return ignorable(from: start, through: ">") }
        return nil
    }

    private mutating func startTag(at start: Int) -> HTMLToken {
        var index = start + 1
        let nameStart = index
        while index < input.count, !isSpace(input[index]), input[index] != 0x2F, input[index] != 0x3E { index += 1 }
        var token = HTMLToken(kind: .startTag, range: start..<start, name: lowercased(nameStart..<index))
        while index < input.count {
            let byte = input[index]
            if isSpace(byte) {
                index += 1
                continue
            }
            if byte == 0x3E {
                index += 1
                break
            }
            if byte == 0x2F {
                index += 1
                if index < input.count, input[index] == 0x3E {
                    token.selfClosing = true
                    index += 1
                    break
                }
                continue
            }
            let attributeStart = index
            index += 1
            while index < input.count, !isSpace(input[index]), input[index] != 0x2F, input[index] != 0x3E, input[index] != 0x3D {
                index += 1
            }
            var attribute = HTMLToken.Attribute(name: lowercased(attributeStart..<index), value: nil)
            var lookahead = index
            while lookahead < input.count, isSpace(input[lookahead]) { lookahead += 1 }
            if lookahead < input.count, input[lookahead] == 0x3D {
                index = lookahead + 1
                while index < input.count, isSpace(input[index]) { index += 1 }
                if index < input.count, input[index] == 0x22 || input[index] == 0x27 {
                    let quote = input[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < input.count, input[index] != quote { index += 1 }
                    attribute.value = valueStart..<index
                    if index < input.count { index += 1 }
                } else {
                    let valueStart = index
                    while index < input.count, !isSpace(input[index]), input[index] != 0x3E { index += 1 }
                    attribute.value = valueStart..<index
                }
            }
            token.attributes.append(attribute)
        }
        token.range = start..<index
        position = index
        if !token.selfClosing, Self.rawTextElements.contains(token.name) { rawTextElement = token.name }
        return token
    }

    private mutating func endTag(at start: Int) -> HTMLToken {
        var index = start + 2
        let nameStart = index
        while index < input.count, !isSpace(input[index]), input[index] != 0x2F, input[index] != 0x3E { index += 1 }
        let name = lowercased(nameStart..<index)
        while index < input.count, input[index] != 0x3E { index += 1 }
        position = min(index + 1, input.count)
        return HTMLToken(kind: .endTag, range: start..<position, name: name)
    }

    private mutating func ignorable(from start: Int, through terminator: String) -> HTMLToken {
        let close = find(terminator, from: start + 2)
        return ignorableToken(start, close.map { $0 + terminator.utf8.count } ?? input.count)
    }

    private mutating func ignorableToken(_ start: Int, _ end: Int) -> HTMLToken {
        position = end
        return HTMLToken(kind: .ignorable, range: start..<end)
    }

    /// The start of `</element` (followed by space, `/` or `>`) at or after `from`, or the end of input.
    private func findEndTag(_ element: String, from: Int) -> Int {
        let name = Array(element.utf8)
        var index = from
        while index + 1 < input.count {
            if input[index] == 0x3C, input[index + 1] == 0x2F, index + 2 + name.count <= input.count {
                var same = true
                for offset in 0..<name.count where input[index + 2 + offset] | 0x20 != name[offset] {
                    same = false
                    break
                }
                let after = index + 2 + name.count
                if same, after == input.count || isSpace(input[after]) || input[after] == 0x2F || input[after] == 0x3E { return index }
            }
            index += 1
        }
        return input.count
    }

    private func find(_ literal: String, from: Int) -> Int? {
        let pattern = Array(literal.utf8)
        guard let first = pattern.first else { return nil }
        var index = from
        while index + pattern.count <= input.count {
            if input[index] == first, matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func matches(_ literal: String, at offset: Int) -> Bool {
        matches(Array(literal.utf8), at: offset)
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= input.count else { return false }
        for (index, byte) in pattern.enumerated() where input[offset + index] != byte { return false }
        return true
    }

    private func lowercased(_ range: Range<Int>) -> String {
        var bytes = Array(input[range])
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always)
    private func isSpace(_ byte: UInt8) -> Bool {
        ByteText.isSpace(byte)
    }
}
