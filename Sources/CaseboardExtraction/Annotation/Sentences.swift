import CaseboardCore

/// A sentence of a document, with its section's role.
struct Sentence: Sendable, Hashable {
    /// UTF-8 offsets into the document text.
    var range: Range<Int>
    var section: SectionKind
    /// The index of the section in the document.
    var sectionIndex: Int
    /// Ended by the length bound, not by a stop: the text ran on without one.
    var cut = false
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
        "ltd", "co", "e.g", "i.e", "eg", "ie", "etc", "resp", "vol", "pp", "tab", "suppl", "dept", "univ", "min", "max", "approx",
    ]

    static func split(_ document: Document) -> [Sentence] {
        var sentences: [Sentence] = []
        var text = document.text
        text.withUTF8 { bytes in
            for (index, section) in document.sections.enumerated() {
                var start = section.range.lowerBound
                var position = start
                let end = min(section.range.upperBound, bytes.count)
                func emit(_ upper: Int, cut: Bool = false) {
                    var lower = start
                    var upperBound = upper
                    while lower < upperBound, isSpace(bytes[lower]) { lower += 1 }
                    while upperBound > lower, isSpace(bytes[upperBound - 1]) { upperBound -= 1 }
                    if upperBound > lower {
                        sentences.append(Sentence(range: lower..<upperBound, section: section.kind, sectionIndex: index, cut: cut))
                    }
                    start = upper
                }
                while position < end {
                    let byte = bytes[position]
                    // Text without stops (a table or a PDF run together) is cut into pieces of
                    // bounded length, so work that is quadratic within a sentence stays linear
                    // in the document.
                    if position - start >= maxSentenceBytes, isSpace(byte) || position - start >= 2 * maxSentenceBytes && byte & 0xC0 != 0x80 {
                        emit(position, cut: true)
                    }
                    if byte == 0x2E || byte == 0x21 || byte == 0x3F {  // . ! ?
                        // A citation numeral after the stop ("cases.1 In", "JAK2.1,2  Although")
                        // stays with the sentence it cites.
                        if byte == 0x2E, let cited = citationEnd(bytes, position, start, end) ?? bracketedCitationEnd(bytes, position, end) {
                            emit(cited)
                            position = cited
                            continue
                        }
                        // A stop run into the next sentence in scraped text: "tolerated.Here".
                        if byte == 0x2E, isRunOnStop(bytes, position, start, end) {
                            emit(position + 1)
                            position += 1
                            continue
                        }
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
                    } else if byte == 0x0A, isParagraphBreak(bytes, position, start, end) {
                        // Text that is not hard-wrapped puts one paragraph on a line, so a line
                        // break there ends the sentence even after a line cut mid-word.
                        emit(position)
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

    /// Longer than any sentence a report writes; a run of text past it is split at the next space.
    static let maxSentenceBytes = 2_000

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Lines longer than this are paragraphs, not a wrapped column.
    static let wrappedLineLimit = 130

    /// A single line break between a long line and a line opening with a capital.
    private static func isParagraphBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ newline: Int, _ start: Int, _ end: Int) -> Bool {
        guard newline + 1 < end, bytes[newline + 1] &- 0x41 < 26 else { return false }
        var previous = newline
        while previous > 0, bytes[previous - 1] != 0x0A { previous -= 1 }
        var next = newline + 1
        while next < end, bytes[next] != 0x0A { next += 1 }
        guard max(newline - previous, next - newline - 1) > wrappedLineLimit else { return false }
        // The line before must hold text of this sentence, not only a heading cut.
        return newline > start && !isSpace(bytes[newline - 1])
    }

    /// The end of a citation numeral run right after a full stop ("1", "1,2", "3-5"), when a
    /// space and a capitalised word follow it; nil otherwise.
    private static func citationEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ period: Int, _ start: Int, _ end: Int) -> Int? {
        guard period > start, period + 1 < end, bytes[period + 1] &- 0x30 < 10 else { return nil }
        // The word before must contain letters: "JAK2.1" cites, "3.6" is a decimal.
        var wordStart = period
        while wordStart > start, !isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
        guard (wordStart..<period).contains(where: { bytes[$0] | 0x20 &- 0x61 < 26 }) else { return nil }
        let last = bytes[period - 1]
        let letterBefore = last | 0x20 &- 0x61 < 26 || last == 0x29
        var index = period + 1
        var groupDigits = 0
        var separators = 0
        while index < end {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                groupDigits += 1
                guard groupDigits <= 3 else { return nil }
            } else if byte == 0x2C || byte == 0x2D || (byte == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93) {
                separators += 1
                groupDigits = 0
                if byte == 0xE2 { index += 2 }
            } else {
                break
            }
            index += 1
        }
        // "JAK2.1 is" could be a version number; a letter before the stop or a list of
        // citations makes the numeral a citation.
        guard letterBefore || separators > 0, groupDigits > 0 else { return nil }
        let cited = index
        var after = index
        while after < end, isSpace(bytes[after]) { after += 1 }
        guard after > cited, after + 1 < end, bytes[after] &- 0x41 < 26, bytes[after + 1] &- 0x61 < 26 else { return nil }
        return cited
    }

    /// The end of a bracketed citation right after a full stop ("relapsed.[7] These", "reported.[3,4] In",
    /// "seen.(12) Our"), when a space and a capitalised word follow it; nil otherwise.
    private static func bracketedCitationEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ period: Int, _ end: Int) -> Int? {
        guard period + 2 < end, bytes[period + 1] == 0x5B || bytes[period + 1] == 0x28 else { return nil }
        let close: UInt8 = bytes[period + 1] == 0x5B ? 0x5D : 0x29
        var index = period + 2
        var digits = 0
        while index < end, index - period < 24 {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                digits += 1
            } else if byte == close {
                break
            } else if !(byte == 0x2C || byte == 0x2D || byte == 0x20 || byte == 0x3B) {
                return nil
            }
            index += 1
        }
        guard digits > 0, index < end, bytes[index] == close else { return nil }
        let cited = index + 1
        var after = cited
        while after < end, isSpace(bytes[after]) { after += 1 }
        guard after > cited, after + 1 < end, bytes[after] &- 0x41 < 26 else { return nil }
        return cited
    }

    /// "tolerated.Here": a lowercase word of three or more letters, a stop and a capitalised word.
    private static func isRunOnStop(_ bytes: UnsafeBufferPointer<UInt8>, _ period: Int, _ start: Int, _ end: Int) -> Bool {
        guard period >= start + 3, period + 2 < end, bytes[period + 1] &- 0x41 < 26, bytes[period + 2] &- 0x61 < 26 else { return false }
        for offset in 1...3 where bytes[period - offset] &- 0x61 >= 26 { return false }
        // Web addresses and file names ("www.Example.org") keep their dots.
        var wordStart = period
        while wordStart > start, !isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
        return !(wordStart..<period).contains { bytes[$0] == 0x2E || bytes[$0] == 0x2F || bytes[$0] == 0x40 }
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
        // An HGVS prefix run into its change: "NRAS c.35G>A p.(Gly12Asp)", "p.G12D".
        if ["p", "c", "g"].contains(word), period + 1 < bytes.count, !isSpace(bytes[period + 1]) { return true }
        return abbreviations.contains(word.lowercased())
    }
}
