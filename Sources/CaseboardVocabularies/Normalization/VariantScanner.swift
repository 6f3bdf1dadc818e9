import CaseboardCore
import Foundation

/// A sequence-variant or event phrase found in text, without its gene.
public struct VariantMention: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case proteinChange
        case dnaChange
        case snpID
        case internalTandemDuplication
        case tyrosineKinaseDomain
        case exon
        case translocation
    }

    /// UTF-8 offsets into the scanned text.
    public var range: Range<Int>
    public var kind: Kind
    /// The normal form: `D835H` (one-letter protein change), `c.1088+1G>A`, `ITD`, `TKD`,
    /// `exon 19 deletion`, `t(9;22)`, `rs121913529`.
    public var normalized: String
    /// For protein changes, the position (`835`), which codon-level matching uses.
    public var position: Int?

    public init(range: Range<Int>, kind: Kind, normalized: String, position: Int? = nil) {
        self.range = range
        self.kind = kind
        self.normalized = normalized
        self.position = position
    }
}

/// Finds variant phrases as clinicians and the HGVS nomenclature write them.
///
/// One pass over the UTF-8 bytes; at each word start a small hand-written grammar is tried.
public enum VariantScanner {
    static let oneLetter: Set<UInt8> = Set("ACDEFGHIKLMNPQRSTVWY".utf8)
    static let threeLetter: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H", "Ile": "I",
        "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V",
        "Ter": "*",
    ]

    /// Every variant phrase in `text`.
    public static func scan(_ text: String) -> [VariantMention] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [VariantMention] {
        var mentions: [VariantMention] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Variants may start with a sign ("-616C/G", "+142C/G") or a delta ("ΔF508").
            let signed = (byte == 0x2D || byte == 0x2B) && index + 1 < bytes.count && bytes[index + 1] &- 0x30 < 10
            let startsVariant = WordBoundary.isWordByte(byte) || signed || (byte == 0xCE && index + 1 < bytes.count && bytes[index + 1] == 0x94)
            guard startsVariant else {
                index += 1
                continue
            }
            if WordBoundary.wordCharacterBefore(bytes, index) {
                // "TNFA-863C>A": a promoter change written against its gene with a hyphen.
                var cursor = Cursor(bytes: bytes, index: index)
                if byte == 0x2D, signed, let mention = cursor.legacyDNA(index), mention.kind == .dnaChange {
                    mentions.append(mention)
                    index = mention.range.upperBound
                } else {
                    index += 1
                }
                continue
            }
            if let mention = match(bytes, at: index) {
                mentions.append(mention)
                index = mention.range.upperBound
            } else {
                let wordStart = index
                index += 1
                while index < bytes.count, WordBoundary.isWordByte(bytes[index]) { index += 1 }
                if let mention = gluedDelta(bytes, wordStart, index) { mentions.append(mention) }
            }
        }
        return mentions
    }

    /// The variant phrase that makes up the whole of `text`, if any ("p.Asp835His", "D835H").
    /// A bare codon such as "D835" or "G12" (any change at that codon) is read here, though
    /// never in running text, where it is more often a cell line or a code.
    public static func parse(_ text: String) -> VariantMention? {
        let trimmed = text.trimmingWhitespace
        if let mention = scan(trimmed).first, mention.range == 0..<trimmed.utf8.count { return mention }
        return codon(trimmed)
    }

    /// "D835", "Asp835", "p.R132", "G12": a reference residue and a position.
    static func codon(_ text: String) -> VariantMention? {
        var text = text
        return text.withUTF8 { bytes -> VariantMention? in
            var cursor = Cursor(bytes: bytes, index: 0)
            _ = cursor.take("p.")
            for three in [true, false] {
                let saved = cursor.index
                guard let reference = cursor.aminoAcid(allowThree: three, allowOne: !three), reference != "*",
                    let position = cursor.digits(), cursor.atEnd
                else {
                    cursor.index = saved
                    continue
                }
                return VariantMention(range: 0..<bytes.count, kind: .proteinChange, normalized: "\(reference)\(position)", position: position)
            }
            return nil
        }
    }

    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> VariantMention? {
        // Protein-domain prefixes in viral and legacy notation: "rtL180M", "sE164D".
        for prefix in [2, 1] where start + prefix + 2 < bytes.count {
            let letters = bytes[start..<(start + prefix)]
            guard letters.allSatisfy({ $0 &- 0x61 < 26 }), bytes[start + prefix] &- 0x41 < 26, bytes[start + prefix + 1] &- 0x30 < 10 else {
                continue
            }
            var cursor = Cursor(bytes: bytes, index: start + prefix)
            if let mention = cursor.protein(start + prefix) { return mention }
        }
        var cursor = Cursor(bytes: bytes, index: start)
        if let mention = cursor.protein(start) { return mention }
        cursor.index = start
        if let mention = cursor.dna(start) { return mention }
        cursor.index = start
        if let mention = cursor.wordEvent(start) { return mention }
        cursor.index = start
        if let mention = cursor.translocation(start) { return mention }
        cursor.index = start
        if let mention = cursor.legacyDNA(start) { return mention }
        cursor.index = start
        if let mention = cursor.deltaDeletion(start) { return mention }
        cursor.index = start
        if let mention = cursor.chromosomeEvent(start) { return mention }
        return glued(bytes, at: start)
    }

    /// "CCR5Delta32": a deletion of that many base pairs written onto its gene's name.
    private static func gluedDelta(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> VariantMention? {
        var digitsStart = end
        while digitsStart > start, bytes[digitsStart - 1] &- 0x30 < 10 { digitsStart -= 1 }
        let deltaStart = digitsStart - 5
        guard digitsStart < end, end - digitsStart <= 3, deltaStart > start else { return nil }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[deltaStart..<digitsStart]), as: UTF8.self)
        guard word == "Delta" || word == "delta" else { return nil }
        let size = String(decoding: UnsafeBufferPointer(rebasing: bytes[digitsStart..<end]), as: UTF8.self)
        return VariantMention(range: deltaStart..<end, kind: .dnaChange, normalized: "del\(size)")
    }

    /// A protein change glued to its gene in one token: "BRAFV600E", "JAK2V617F". The mention
    /// covers the change only; the gene before it is left to gene recognition.
    private static func glued(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> VariantMention? {
        var end = start
        while end < bytes.count, WordBoundary.isWordByte(bytes[end]) { end += 1 }
        guard end - start >= 6, end - start <= 18, bytes[start] &- 0x41 < 26 else { return nil }
        // Gene symbols are capitals and digits with at least two capitals.
        var capitals = 0
        for split in (start + 2)..<(end - 3) {
            let previous = bytes[split - 1]
            guard previous &- 0x41 < 26 || previous &- 0x30 < 10 else { return nil }
            if previous &- 0x41 < 26 { capitals += 1 }
            guard capitals >= 2, split - start <= 9, oneLetter.contains(bytes[split]), bytes[split + 1] &- 0x30 < 10 else { continue }
            var cursor = Cursor(bytes: bytes, index: split)
            if let mention = cursor.protein(split), mention.range.upperBound == end { return mention }
        }
        return nil
    }
}

/// The base letters A, C, G and T, tested as bytes. A `Set` of them built inside the grammar's
/// steps was built again at every word of the text.
private struct BaseLetters {
    /// Lower-case letters count too ("delinsacg").
    let lowerCaseToo: Bool

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let upper = lowerCaseToo && byte &- 0x61 < 26 ? byte &- 0x20 : byte
        return upper == 0x41 || upper == 0x43 || upper == 0x47 || upper == 0x54
    }
}

/// A position in the bytes with the small parsing steps the grammar needs.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    var atEnd: Bool { index >= bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func isBoundary(_ position: Int) -> Bool {
        !WordBoundary.wordCharacterAt(bytes, position)
    }

    // The literal's bytes are read in place: an array of them per call (tried at every word of
    // the text) took 40% of the time of extracting ordinary prose.
    mutating func take(_ literal: String) -> Bool {
        var position = index
        for byte in literal.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        index = position
        return true
    }

    mutating func takeCaseInsensitive(_ literal: String) -> Bool {
        var position = index
        for byte in literal.utf8 {
            guard position < bytes.count, LexiconKey.fold(bytes[position]) == byte else { return false }
            position += 1
        }
        index = position
        return true
    }

    mutating func digits(maximum: Int = 6) -> Int? {
        var value = 0
        let start = index
        while let byte = current, byte &- 0x30 < 10, index - start < maximum {
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return index > start ? value : nil
    }

    mutating func skipInlineSpaces() {
        while current == 0x20 { index += 1 }
    }

    mutating func skipSpaces() {
        while let byte = current, byte == 0x20 || byte == 0x0A { index += 1 }
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// One amino acid in one- or three-letter code.
    mutating func aminoAcid(allowThree: Bool, allowOne: Bool) -> Character? {
        // Every three-letter code is a capital and two lower-case letters: a byte test before the
        // string and the table lookup, which this runs at every word of the text.
        if allowThree, index + 3 <= bytes.count, bytes[index] &- 0x41 < 26, bytes[index + 1] &- 0x61 < 26, bytes[index + 2] &- 0x61 < 26 {
            let code = text(index..<(index + 3))
            if let one = VariantScanner.threeLetter[code] {
                index += 3
                return one
            }
        }
        if allowOne, let byte = current, VariantScanner.oneLetter.contains(byte) || byte == 0x2A {
            index += 1
            return Character(Unicode.Scalar(byte))
        }
        return nil
    }

    /// D835H, p.D835H, p.(Asp835His), Asp835His, E746_A750del, V600E, T315I, R248fs*12.
    mutating func protein(_ start: Int) -> VariantMention? {
        let prefixed = take("p.")
        let parenthesized = prefixed && take("(")
        let begin = index
        // Three-letter form first so "Asp835His" is not read as "A" + junk.
        for three in [true, false] {
            index = begin
            guard let reference = aminoAcid(allowThree: three, allowOne: !three) else { continue }
            guard let position = digits() else { continue }
            // Positions under 10 without "p." are more often stages and schedules (T2N, Q3W).
            if !prefixed && position < 10 { continue }
            var change = "\(reference)\(position)"
            if take("_") {
                guard let endReference = aminoAcid(allowThree: three, allowOne: !three), let endPosition = digits() else { continue }
                change += "_\(endReference)\(endPosition)"
            }
            if take("delins") {
                var inserted = ""
                while let amino = aminoAcid(allowThree: three, allowOne: !three) { inserted.append(amino) }
                change += "delins\(inserted)"
            } else if take("del") {
                change += "del"
            } else if take("dup") {
                change += "dup"
            } else if take("ins") {
                var inserted = ""
                while let amino = aminoAcid(allowThree: three, allowOne: !three) { inserted.append(amino) }
                guard !inserted.isEmpty else { continue }
                change += "ins\(inserted)"
            } else if take("fs") {
                change += "fs"
                if take("*") || take("Ter") || take("X") {
                    change += "*"
                    if let count = digits() { change += "\(count)" }
                }
            } else if take("stop") || take("Stop") || take("STOP") {
                change += "*"
            } else if let alternate = aminoAcid(allowThree: three, allowOne: !three) {
                change.append(alternate)
                if take("fs") {
                    change += "fs"
                    if take("*") || take("Ter") || take("X") { if let count = digits() { change += "*\(count)" } }
                }
            } else if take("X") || take("*") || take("stop") || take("Stop") {
                // "p.(Arg1241*)": a three-letter reference with the stop written as an asterisk.
                change += "*"
            } else if three, let alternate = spacedAlternate() {
                // "Arg158 Pro", "Glu29 to Lys".
                change.append(alternate)
            } else {
                continue
            }
            // "G1915T/A": a DNA change with two alternate bases.
            let nucleotides: Set<Character> = ["A", "C", "G", "T"]
            if !three, nucleotides.contains(reference), let last = change.last, nucleotides.contains(last), index + 1 < bytes.count,
                bytes[index] == 0x2F,
                nucleotides.contains(Character(Unicode.Scalar(bytes[index + 1]))), isBoundary(index + 2)
            {
                index += 2
                return VariantMention(range: start..<index, kind: .dnaChange, normalized: text(start..<index))
            }
            if parenthesized { _ = take(")") }
            guard isBoundary(index) else { continue }
            return VariantMention(range: start..<index, kind: .proteinChange, normalized: change, position: position)
        }
        return nil
    }

    /// A three-letter alternate after a space or " to ": "Arg158 Pro", "Glu29 to Lys".
    mutating func spacedAlternate() -> Character? {
        let saved = index
        guard take(" ") else { return nil }
        _ = take("to ")
        if let alternate = aminoAcid(allowThree: true, allowOne: false), isBoundary(index) { return alternate }
        index = saved
        return nil
    }

    /// c.1088+1G>A, c.2573T>G, c.-14C>T, c.1799_1800delinsAA, c.2235_2249del15.
    mutating func dna(_ start: Int) -> VariantMention? {
        guard take("c.") || take("g.") || take("n.") || take("r.") else { return nil }
        func position() -> Bool {
            _ = take("-") || take("*")
            guard digits() != nil else { return false }
            // An intronic offset, sometimes written with spaces in PDF text: "c.1088 + 1G>A".
            let saved = index
            skipInlineSpaces()
            if take("+") || take("-") {
                skipInlineSpaces()
                if digits() != nil { return true }
            }
            index = saved
            return true
        }
        guard position() else { return nil }
        if take("_") { guard position() else { return nil } }
        let nucleotides = BaseLetters(lowerCaseToo: true)
        func bases() { while let byte = current, nucleotides.contains(byte) { index += 1 } }
        let beforeBase = index
        skipInlineSpaces()
        if !substitution() {
            index = beforeBase
            if take("delins") || take("ins") {
                bases()
            } else if take("del") || take("dup") {
                // "del.ATCTCC", "del AGAG": the deleted bases after a separator.
                let afterDel = index
                if take(".") || take(" ") {
                    let basesStart = index
                    bases()
                    if index - basesStart < 2 || !isBoundary(index) { index = afterDel }
                }
                bases()
                _ = digits()
                // "delTTCTGGinsACACT": a deletion-insertion written in two parts.
                let beforeIns = index
                if take("ins") {
                    let basesStart = index
                    bases()
                    if index == basesStart { index = beforeIns }
                }
            } else {
                return nil
            }
        }
        guard isBoundary(index) else { return nil }
        return VariantMention(range: start..<index, kind: .dnaChange, normalized: text(start..<index).replacingOccurrences(of: " ", with: ""))
    }

    /// A base substitution at the cursor: "G>A", "G > A", "G-->A", "C/T". The slash form needs
    /// a caller that already saw a position.
    mutating func substitution() -> Bool {
        let nucleotides = BaseLetters(lowerCaseToo: false)
        let saved = index
        guard let reference = current, nucleotides.contains(reference) else { return false }
        index += 1
        skipInlineSpaces()
        guard take(">") || take("-->") || take("->") || take("→") || take("/") else {
            index = saved
            return false
        }
        skipInlineSpaces()
        guard let alternate = current, nucleotides.contains(alternate), alternate != reference else {
            index = saved
            return false
        }
        index += 1
        return true
    }

    /// DNA changes without the "c." prefix, as older papers write them: "3190C>T", "-616C/G",
    /// "+142C/G", "1091 C > T", "6573 + 1G > C", "IVS3+1G>A", "IVSII-1 (G > A)", "EX6-96A>G",
    /// "G-308A", "A 1166C", "T/C-344", "GAT-->GAG", "T>C", "3020insC", "217_218insC",
    /// "835del18", "del642T", "6bINS".
    mutating func legacyDNA(_ start: Int) -> VariantMention? {
        func found() -> VariantMention {
            VariantMention(range: start..<index, kind: .dnaChange, normalized: text(start..<index).replacingOccurrences(of: " ", with: ""))
        }
        let nucleotides = BaseLetters(lowerCaseToo: false)
        func base(at position: Int) -> UInt8? {
            position < bytes.count && nucleotides.contains(bytes[position]) ? bytes[position] : nil
        }
        // Intron and exon anchored positions.
        if take("IVS") || take("EX") || take("Ex") {
            guard digits(maximum: 3) != nil || romanNumeral() else { return nil }
            skipInlineSpaces()
            guard take("+") || take("-") else { return nil }
            skipInlineSpaces()
            guard digits(maximum: 4) != nil else { return nil }
            if take("_") { guard digits(maximum: 4) != nil else { return nil } }
            guard change(afterRange: true), isBoundary(index) else { return nil }
            return found()
        }
        index = start
        if let first = base(at: index) {
            // "T/C704", "T/C-344": the alleles before the position.
            if index + 2 < bytes.count, bytes[index + 1] == 0x2F, let second = base(at: index + 2), second != first {
                index += 3
                _ = take("-")
                if digits(maximum: 6) != nil, isBoundary(index) { return found() }
            }
            // "G-308A", "A 1166C": reference base, position, alternate base (without a separator
            // the protein grammar reads it first).
            index = start + 1
            let separated = take("-") || take(" ")
            let positionStart = index
            if separated, digits(maximum: 6) != nil, bytes[start + 1] == 0x2D || index - positionStart >= 3, let alternate = base(at: index),
                alternate != first
            {
                index += 1
                if isBoundary(index) { return found() }
            }
            // "GAT-->GAG", "GAC/GAT": codon changes.
            index = start
            if base(at: index + 1) != nil, base(at: index + 2) != nil {
                index += 3
                if take("-->") || take("->") || take(">") || take("/"), base(at: index) != nil, base(at: index + 1) != nil, base(at: index + 2) != nil
                {
                    index += 3
                    if isBoundary(index) { return found() }
                }
            }
            // "T>C", "C-->T", "G > C": a bare substitution with an arrow.
            index = start
            if substitution(), isBoundary(index), !text(start..<index).contains("/") { return found() }
            index = start
        }
        _ = take("-") || take("+")
        // "del642T", "del 329C".
        if take("del") {
            skipInlineSpaces()
            guard digits(maximum: 6) != nil, base(at: index) != nil else { return nil }
            while base(at: index) != nil { index += 1 }
            return isBoundary(index) ? found() : nil
        }
        guard digits(maximum: 7) != nil else { return nil }
        // An intronic offset, with or without spaces: "6573 + 1G > C", "9 +1G>T", "1234-5G>A".
        var afterPosition = index
        skipInlineSpaces()
        if take("+") || take("-") {
            skipInlineSpaces()
            if digits(maximum: 4) != nil { afterPosition = index }
        }
        index = afterPosition
        var isRange = false
        if take("_") {
            guard digits(maximum: 7) != nil else { return nil }
            isRange = true
        }
        // "6bINS": an insertion of six bases.
        let beforeSize = index
        if !isRange, take("bp") || take("b"), take("INS") || take("DEL") || take("ins") || take("del"), isBoundary(index) { return found() }
        index = beforeSize
        if change(afterRange: isRange), isBoundary(index) { return found() }
        // "1091 C > T", "-521 C/T": one space before the change; the slash form only after a
        // signed position, since "25 G/A" is as often a ratio.
        index = beforeSize
        if take(" "), substitution(), isBoundary(index), bytes[start] == 0x2D || bytes[start] == 0x2B || !text(beforeSize..<index).contains("/") {
            return found()
        }
        return nil
    }

    /// What follows a legacy position: a substitution ("C>T", "C/T"), an insertion or deletion
    /// with its bases or length ("insC", "delTA", "del18"), or after a range a bare "del".
    mutating func change(afterRange: Bool) -> Bool {
        let saved = index
        if substitution() { return true }
        if take("(") {
            skipInlineSpaces()
            if substitution() {
                skipInlineSpaces()
                if take(")") { return true }
            }
            index = saved
        }
        if take(" ("), substitution(), take(")") { return true }
        index = saved
        let nucleotides = BaseLetters(lowerCaseToo: false)
        guard take("delins") || take("del") || take("ins") || take("dup") else { return false }
        let afterEvent = index
        while let byte = current, nucleotides.contains(byte) { index += 1 }
        if index == afterEvent, digits(maximum: 4) == nil, !afterRange {
            index = saved
            return false
        }
        return true
    }

    /// Roman intron numbers in "IVSII-1".
    mutating func romanNumeral() -> Bool {
        let start = index
        while let byte = current, byte == 0x49 || byte == 0x56 || byte == 0x58 { index += 1 }
        return index > start
    }

    /// "ΔF508", "delta F508", "deltaF508": an in-frame deletion of one residue.
    mutating func deltaDeletion(_ start: Int) -> VariantMention? {
        guard take("Δ") || take("delta") || take("Delta") else { return nil }
        skipInlineSpaces()
        guard let amino = aminoAcid(allowThree: true, allowOne: true), let position = digits(), isBoundary(index) else { return nil }
        return VariantMention(range: start..<index, kind: .proteinChange, normalized: "\(amino)\(position)del", position: position)
    }

    /// ITD, TKD, rs numbers, "internal tandem duplication", "exon 19 deletion", "ex19del", "del19".
    mutating func wordEvent(_ start: Int) -> VariantMention? {
        if take("ITD") || takeCaseInsensitive("internal tandem duplication"), isBoundary(index) {
            return VariantMention(range: start..<index, kind: .internalTandemDuplication, normalized: "ITD")
        }
        index = start
        if takeCaseInsensitive("kinase domain duplication") || take("KDD"), isBoundary(index) {
            return VariantMention(range: start..<index, kind: .exon, normalized: "kinase domain duplication")
        }
        index = start
        if take("TKD"), isBoundary(index) {
            return VariantMention(range: start..<index, kind: .tyrosineKinaseDomain, normalized: "TKD")
        }
        index = start
        if take("rs"), digits(maximum: 12) != nil, isBoundary(index) {
            return VariantMention(range: start..<index, kind: .snpID, normalized: text(start..<index))
        }
        index = start
        if take("ex") || take("Ex"), let exon = digits(), exon < 100 {
            let event = eventWord()
            if let event, isBoundary(index) {
                return VariantMention(range: start..<index, kind: .exon, normalized: "exon \(exon) \(event)")
            }
        }
        index = start
        if take("del"), let exon = digits(), exon < 100, isBoundary(index) {
            return VariantMention(range: start..<index, kind: .exon, normalized: "exon \(exon) deletion")
        }
        index = start
        if takeCaseInsensitive("exon") {
            _ = take("s")
            skipSpaces()
            guard let exon = digits(), exon < 100 else { return nil }
            // "exons 9 and 11", "exon 9/11": the label keeps the first exon.
            let afterNumber = index
            skipSpaces()
            if take("and") || take("/") || take("or") {
                skipSpaces()
                if digits() == nil { index = afterNumber }
            } else {
                index = afterNumber
            }
            let beforeEvent = index
            _ = take("-")
            skipSpaces()
            if let event = eventWord(), isBoundary(index) {
                return VariantMention(range: start..<index, kind: .exon, normalized: "exon \(exon) \(event)")
            }
            index = beforeEvent
            guard isBoundary(index) else { return nil }
            return VariantMention(range: start..<index, kind: .exon, normalized: "exon \(exon) mutation")
        }
        return nil
    }

    /// Chromosome-arm deletions ("del(17p)", "17p deletion", "del(11q22)") and BCR::ABL1
    /// transcript types ("e13a2", "e1a2", "b3a2"), which imply the fusion.
    mutating func chromosomeEvent(_ start: Int) -> VariantMention? {
        func arm() -> String? {
            guard let chromosome = digits(maximum: 2), chromosome >= 1, chromosome <= 22, let band = current, band == 0x70 || band == 0x71 else {
                return nil
            }
            index += 1
            _ = digits(maximum: 4)
            if take(".") { _ = digits(maximum: 3) }
            return "\(chromosome)\(band == 0x70 ? "p" : "q")"
        }
        if take("del(") || take("del ") {
            guard let arm = arm() else { return nil }
            _ = take(")")
            guard isBoundary(index) else { return nil }
            return VariantMention(range: start..<index, kind: .translocation, normalized: "del(\(arm))")
        }
        index = start
        if let arm = arm() {
            let armEnd = index
            _ = take("-") || take(" ")
            if take("deletion") || take("deleted") || take("del"), isBoundary(index) {
                return VariantMention(range: start..<index, kind: .translocation, normalized: "del(\(arm))")
            }
            index = armEnd
            return nil
        }
        index = start
        // e13a2, e14a2, e1a2, e19a2, e13a3, b2a2, b3a2: exon of BCR, exon of ABL1.
        if take("e") || take("b"), let first = digits(maximum: 2), first >= 1, first <= 24, take("a"), let second = digits(maximum: 1),
            second >= 2, second <= 3, isBoundary(index)
        {
            return VariantMention(range: start..<index, kind: .translocation, normalized: "BCR::ABL1 \(text(start..<index))")
        }
        index = start
        // "19-Del", "19del", "20-ins": the common EGFR exon events written by exon number.
        if let exon = digits(maximum: 2), (18...21).contains(exon) {
            _ = take("-")
            for (form, event) in [("del", "deletion"), ("Del", "deletion"), ("DEL", "deletion"), ("ins", "insertion"), ("Ins", "insertion")]
            where take(form) {
                guard isBoundary(index) else { return nil }
                return VariantMention(range: start..<index, kind: .exon, normalized: "exon \(exon) \(event)")
            }
        }
        return nil
    }

    /// deletion, insertion, skipping, duplication, mutation, as whole words or short forms.
    mutating func eventWord() -> String? {
        let forms: [(String, String)] = [
            ("deletions", "deletion"), ("deletion", "deletion"), ("deleted", "deletion"), ("del", "deletion"), ("insertions", "insertion"),
            ("inserted", "insertion"), ("skipped", "skipping"),
            ("insertion", "insertion"), ("ins", "insertion"), ("skipping", "skipping"), ("skip", "skipping"),
            ("duplications", "duplication"), ("duplication", "duplication"), ("dup", "duplication"), ("mutations", "mutation"),
            ("mutation", "mutation"), ("mutated", "mutation"), ("alteration", "mutation"),
        ]
        for (form, event) in forms {
            let saved = index
            if takeCaseInsensitive(form), isBoundary(index) { return event }
            index = saved
        }
        return nil
    }

    /// t(9;22), t(9;22)(q34;q11), t(12;15).
    mutating func translocation(_ start: Int) -> VariantMention? {
        guard take("t(") else { return nil }
        guard let first = digitsOrSex(), take(";"), let second = digitsOrSex(), take(")") else { return nil }
        let end = index
        if take("("), let close = bytes[index...].firstIndex(of: 0x29), close - index < 30 {
            index = close + 1
        } else {
            index = end
        }
        guard isBoundary(index) || current == 0x2C || current == 0x20 else { return nil }
        return VariantMention(range: start..<index, kind: .translocation, normalized: "t(\(first);\(second))")
    }

    mutating func digitsOrSex() -> String? {
        if let value = digits() { return String(value) }
        if take("X") { return "X" }
        if take("Y") { return "Y" }
        return nil
    }
}
