/// Decides whether a gene symbol that is also an English word or a clinical abbreviation is
/// used as a gene: only when the words around it are about molecular findings.
enum GeneContext {
    /// Words that make a neighbouring symbol a gene when they follow it ("MET amplification").
    static let followingCues: Set<String> = [
        "mutation", "mutations", "mutated", "mutant", "mutants", "variant", "variants", "alteration", "alterations",
        "amplification", "amplifications", "amplified", "amp", "fusion", "fusions", "rearrangement", "rearrangements",
        "rearranged", "translocation", "translocations", "translocated", "deletion", "deletions", "deleted", "insertion",
        "insertions", "duplication", "skipping", "gene", "genes", "exon", "exons", "codon", "itd", "tkd", "inhibitor",
        "inhibitors", "inhibition", "overexpression", "overexpressed", "copy", "kinase", "locus", "transcript",
        "transcripts", "wild", "wildtype", "splice", "pathway", "signaling", "signalling", "activation", "activating", "changes",
    ]

    /// Words that make a following symbol a gene ("wild-type SET", "mutated MET").
    static let precedingCues: Set<String> = ["mutated", "mutant", "amplified", "rearranged", "wild", "type", "wildtype", "germline", "somatic"]

    static func hasMolecularContext(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        neighbours matches: [TermMatch],
        at position: Int,
        vocabularies: Vocabularies
    ) -> Bool {
        // A fusion partner joined by "-", "::" or "/" to another gene.
        if position + 1 < matches.count, isJoined(bytes, range.upperBound, matches[position + 1].range.lowerBound),
            matches[position + 1].concept.kind == .gene
        {
            return true
        }
        if position > 0, isJoined(bytes, matches[position - 1].range.upperBound, range.lowerBound), matches[position - 1].concept.kind == .gene {
            return true
        }
        let following = words(bytes, from: range.upperBound, count: 3)
        if let first = following.first, looksLikeProteinOrDNAChange(first) { return true }
        if following.contains(where: { followingCues.contains($0.lowercased()) }) { return true }
        let preceding = wordsBefore(bytes, range.lowerBound, count: 2)
        return preceding.contains { precedingCues.contains($0.lowercased()) }
    }

    private static func isJoined(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, end - start <= 3 else { return false }
        let joiner = Array(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        return joiner == [0x2D] || joiner == [0x3A, 0x3A] || joiner == [0x2F] || joiner == [0xE2, 0x80, 0x93]
    }

    /// "D835H", "V600E", "p.Asp835His", "c.1088+1G>A", "T315I".
    static func looksLikeProteinOrDNAChange(_ word: String) -> Bool {
        if word.hasPrefix("p.") || word.hasPrefix("c.") || word.hasPrefix("g.") { return true }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 14, let first = scalars.first, first.properties.isUppercase else { return false }
        var index = 1
        while index < scalars.count, scalars[index].properties.isLowercase { index += 1 }
        let digitsStart = index
        while index < scalars.count, scalars[index].properties.numericType != nil { index += 1 }
        guard index > digitsStart, index < scalars.count else { return false }
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        if rest == "fs" || rest == "del" || rest == "dup" { return true }
        return rest.first?.isUppercase == true && rest.allSatisfy { $0.isLetter || $0 == "*" }
    }

    /// Up to `count` words after `offset`, stopping at a sentence end.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, count: Int) -> [String] {
        var result: [String] = []
        var index = offset
        while result.count < count, index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2E && (index + 1 >= bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A) { break }
            if byte == 0x3B || byte == 0x29 { break }
            if isWordPart(byte) {
                let start = index
                while index < bytes.count,
                    isWordPart(bytes[index]) || (bytes[index] == 0x2E && index + 1 < bytes.count && isWordPart(bytes[index + 1]))
                {
                    index += 1
                }
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            } else {
                index += 1
            }
        }
        return result
    }

    /// Up to `count` words before `offset`, nearest first, stopping at a sentence end.
    static func wordsBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, count: Int) -> [String] {
        var result: [String] = []
        var index = offset - 1
        while result.count < count, index >= 0 {
            let byte = bytes[index]
            if byte == 0x2E || byte == 0x3B || byte == 0x28 { break }
            if isWordPart(byte) {
                let end = index + 1
                while index >= 0, isWordPart(bytes[index]) { index -= 1 }
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
            } else {
                index -= 1
            }
        }
        return result
    }

    @inline(__always)
    private static func isWordPart(_ byte: UInt8) -> Bool {
        WordBoundary.isWordByte(byte) || byte == 0x2A || byte == 0x2B || byte == 0x3E || byte == 0x5F
    }
}
