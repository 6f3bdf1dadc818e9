import CaseboardCore

/// A sentence of a document, with its section's role.
struct Sentence: Sendable, Hashable {
    /// UTF-8 offsets into the document text.
    var range: Range<Int>
    var section: SectionKind
    /// The index of the section in the document.
    var sectionIndex: Int
}

/// Splits section text into sentences.
///
/// Text extracted from PDFs breaks lines, and sometimes paragraphs, inside sentences, so a line
/// break ends a sentence only after terminal punctuation. A period ends a sentence when an
/// upper-case letter, digit or opening bracket follows, unless it closes an abbreviation or an
/// initial ("et al.", "Fig.", "J.").
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "al", "fig", "figs", "dr", "drs", "vs", "approx", "no", "nos", "ca", "cf", "ref", "refs", "st", "mr", "mrs", "ms", "prof", "jr", "inc",
        "ltd", "co", "e.g", "i.e", "eg", "ie", "etc", "resp", "vol", "pp", "tab", "suppl", "dept", "univ", "mg", "kg", "min", "max", "approx",
    ]

    static func split(_ document: Document) -> [Sentence] {
        var sentences: [Sentence] = []
        var text = document.text
        text.withUTF8 { bytes in
            for (index, section) in document.sections.enumerated() {
                var start = section.range.lowerBound
                var position = start
                let end = min(section.range.upperBound, bytes.count)
                func emit(_ upper: Int) {
                    var lower = start
                    var upperBound = upper
                    while lower < upperBound, isSpace(bytes[lower]) { lower += 1 }
                    while upperBound > lower, isSpace(bytes[upperBound - 1]) { upperBound -= 1 }
                    if upperBound > lower {
                        sentences.append(Sentence(range: lower..<upperBound, section: section.kind, sectionIndex: index))
                    }
                    start = upper
                }
                while position < end {
                    let byte = bytes[position]
                    if byte == 0x2E || byte == 0x21 || byte == 0x3F {  // . ! ?
                        var next = position + 1
                        // Closing quotes and brackets stay with the sentence.
                        while next < end, bytes[next] == 0x22 || bytes[next] == 0x29 || bytes[next] == 0x5D { next += 1 }
                        var after = next
                        var sawSpace = false
                        while after < end, isSpace(bytes[after]) {
                            sawSpace = true
                            after += 1
                        }
                        if after >= end || (sawSpace && startsSentence(bytes, after) && !(byte == 0x2E && isAbbreviation(bytes, position, start))) {
                            emit(next)
                            position = after
                            continue
                        }
                    } else if byte == 0x0A, position + 1 < end, bytes[position + 1] == 0x0A {
                        // A blank line after a heading-like or unterminated short line, or a list.
                        var previous = position
                        while previous > start, isSpace(bytes[previous - 1]) { previous -= 1 }
                        let last = previous > start ? bytes[previous - 1] : 0x2E
                        if last == 0x3A || last == 0x3B || position - start < 80 && !isLowercaseStart(bytes, position + 2, end) {
                            emit(position)
                        }
                    }
                    position += 1
                }
                emit(end)
            }
        }
        return sentences
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isLowercaseStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        var index = index
        while index < end, isSpace(bytes[index]) { index += 1 }
        return index < end && bytes[index] &- 0x61 < 26
    }

    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == 0x28 || byte == 0x5B || byte == 0x22 || byte == 0x2A || byte == 0x2D || byte == 0xE2 {
            return true
        }
        // Non-ASCII capitals such as "É".
        return byte >= 0xC3 && byte <= 0xC5
    }

    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ period: Int, _ sentenceStart: Int) -> Bool {
        var wordStart = period
        while wordStart > sentenceStart, bytes[wordStart - 1] != 0x20, bytes[wordStart - 1] != 0x0A, bytes[wordStart - 1] != 0x28 {
            wordStart -= 1
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<period]), as: UTF8.self)
        if word.count == 1, let first = word.unicodeScalars.first, first.properties.isUppercase { return true }  // an initial
        if let last = word.last, last.isNumber, period + 1 < bytes.count, bytes[period + 1] &- 0x30 < 10 { return true }
        return abbreviations.contains(word.lowercased())
    }
}
