import CaseboardVocabularies

/// Abbreviations a report defines for a drug, such as "sirolimus (SRL)" or "valproic acid
/// (VPA)": after the definition, the abbreviation names that drug. Reports coin them freely, so
/// no vocabulary can hold them.
enum DefinedAbbreviations {
    /// `recognized` plus every use of a drug abbreviation the text defines, from its definition on,
    /// sorted by position. Uses that overlap a recognized term are left to that term.
    static func extend(_ recognized: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>, vocabularies: Vocabularies) -> [TermMatch] {
        var terms = redefined(withoutOtherMeanings(recognized, bytes, vocabularies: vocabularies), bytes)
        var definitions: [([UInt8], ConceptReference, Int)] = []
        for term in terms {
            guard case .drug = term.concept, !isMeasuredForm(term.range, bytes), let (abbreviation, start) = definition(after: term.range, bytes)
            else { continue }
            if !definitions.contains(where: { $0.0 == abbreviation }) { definitions.append((abbreviation, term.concept, start)) }
        }
        guard !definitions.isEmpty else { return terms }
        // A defined abbreviation outranks a gene symbol of the same spelling: after "sirolimus
        // (SRL)", "SRL" is the drug, not the gene.
        for (abbreviation, _, start) in definitions {
            terms.removeAll { term in
                term.concept.kind == .gene && term.range.lowerBound >= start && term.range.count == abbreviation.count
                    && abbreviation.indices.allSatisfy { bytes[term.range.lowerBound + $0] == abbreviation[$0] }
            }
        }
        let added = uses(of: definitions, in: bytes, besides: terms)
        return (terms + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// An abbreviation the text defines for a disease or an adverse event names that concept from
    /// its definition on, where the vocabulary does not know it, and even where the vocabulary
    /// gives the same letters another kind of meaning:
    /// after "hypercalcemia of malignancy (HCM)", "HCM" is no cardiomyopathy. Uses of the same kind
    /// are left alone, since the long form found may be only the tail of the one defined ("B-cell
    /// acute lymphoblastic leukemia (B-ALL)").
    private static func redefined(_ terms: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>) -> [TermMatch] {
        var definitions: [([UInt8], ConceptReference, Int)] = []
        for term in terms {
            guard term.concept.kind == .disease || term.concept.kind == .adverseEvent,
                let (abbreviation, start) = definition(after: term.range, bytes)
            else { continue }
            if !definitions.contains(where: { $0.0 == abbreviation }) { definitions.append((abbreviation, term.concept, start)) }
        }
        guard !definitions.isEmpty else { return terms }
        let remapped = terms.map { term in
            guard term.concept.kind == .disease || term.concept.kind == .adverseEvent,
                let (_, concept, _) = definitions.first(where: { definition in
                    term.range.lowerBound >= definition.2 && term.range.count == definition.0.count
                        && definition.0.indices.allSatisfy { bytes[term.range.lowerBound + $0] == definition.0[$0] }
                }),
                concept.kind != term.concept.kind
            else { return term }
            return TermMatch(range: term.range, concept: concept, surfaceKind: .abbreviation, policy: .exactCase)
        }
        // Uses the vocabulary does not know at all: "portal vein thrombosis (PVT) ... HCC and PVT".
        let added = uses(of: definitions, in: bytes, besides: remapped)
        return added.isEmpty ? remapped : (remapped + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A disease abbreviation the text defines for other words names no disease anywhere in the
    /// text: after "glomerular basement membrane (GBM)", "anti-GBM" is no glioblastoma. The words
    /// before the bracket must spell the letters by their initials, and no disease or event may
    /// end there (that is the usual definition, "glioblastoma multiforme (GBM)"), nor may the
    /// disease's own names hold the first of those words ("human immunodeficiency virus (HIV)").
    private static func withoutOtherMeanings(
        _ terms: [TermMatch],
        _ bytes: UnsafeBufferPointer<UInt8>,
        vocabularies: Vocabularies
    ) -> [TermMatch] {
        var others: [[UInt8]] = []
        for term in terms where term.concept.kind == .disease && isCapitals(term.range, bytes) {
            let range = term.range
            guard range.lowerBound > 1, range.upperBound < bytes.count, bytes[range.lowerBound - 1] == 0x28, bytes[range.upperBound] == 0x29
            else { continue }
            let open = range.lowerBound - 1
            let definedByTerm = terms.contains { other in
                (other.concept.kind == .disease || other.concept.kind == .adverseEvent)
                    && (other.range.upperBound == open || other.range.upperBound == open - 1)
            }
            let letters = Array(bytes[range]).map { $0 | 0x20 }
            guard !definedByTerm, letters.count >= 2, letters.allSatisfy({ $0 &- 0x61 < 26 }) else { continue }
            // The words (start offsets) of up to six words before the bracket, in order.
            var starts: [Int] = []
            var index = open - 1
            while index >= 0, starts.count < 6 {
                while index >= 0, bytes[index] == 0x20 || bytes[index] == 0x2D { index -= 1 }
                guard index >= 0, isWordByte(bytes[index]) else { break }
                while index > 0, isWordByte(bytes[index - 1]) { index -= 1 }
                starts.insert(index, at: 0)
                index -= 1
            }
            let initials = starts.map { bytes[$0] | 0x20 }
            guard initials.count >= letters.count,
                let first = (0...(initials.count - letters.count)).first(where: { Array(initials[$0..<($0 + letters.count)]) == letters }),
                case .disease(let diseaseIndex) = term.concept
            else { continue }
            var end = starts[first]
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            let word = String(decoding: bytes[starts[first]..<end], as: UTF8.self).lowercased()
            let disease = vocabularies.diseases[diseaseIndex]
            if ([disease.name] + disease.synonyms).contains(where: { $0.lowercased().contains(word) }) { continue }
            others.append(Array(bytes[range]))
        }
        guard !others.isEmpty else { return terms }
        return terms.filter { term in
            guard term.concept.kind == .disease, isCapitals(term.range, bytes) else { return true }
            let written = Array(bytes[term.range])
            return !others.contains(written)
        }
    }

    /// "drug (ABBR)": two to eight letters, digits or hyphens with a capital, in brackets just
    /// after the drug. Returns the abbreviation and where it starts.
    /// Each later use of a defined abbreviation, at word boundaries, where no recognized term
    /// already sits: one match per use, with the concept of its definition.
    private static func uses(
        of definitions: [([UInt8], ConceptReference, Int)],
        in bytes: UnsafeBufferPointer<UInt8>,
        besides terms: [TermMatch]
    ) -> [TermMatch] {
        var added: [TermMatch] = []
        for (abbreviation, concept, start) in definitions {
            var index = start
            while index + abbreviation.count <= bytes.count {
                if bytes[index] == abbreviation[0], isBoundary(bytes, index - 1), isBoundary(bytes, index + abbreviation.count),
                    abbreviation.indices.allSatisfy({ bytes[index + $0] == abbreviation[$0] })
                {
                    let range = index..<(index + abbreviation.count)
                    if !terms.contains(where: { $0.range.overlaps(range) }), !added.contains(where: { $0.range.overlaps(range) }) {
                        added.append(TermMatch(range: range, concept: concept, surfaceKind: .abbreviation, policy: .exactCase))
                    }
                    index += abbreviation.count
                } else {
                    index += 1
                }
            }
        }
        return added
    }

    private static func definition(after range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], Int)? {
        var cursor = range.upperBound
        if cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x28 else { return nil }
        let start = cursor + 1
        var end = start
        while end < bytes.count, end - start <= 8, isWordByte(bytes[end]) || bytes[end] == 0x2D { end += 1 }
        guard end < bytes.count, bytes[end] == 0x29, end - start >= 2 else { return nil }
        let abbreviation = Array(bytes[start..<end])
        guard abbreviation.contains(where: { $0 &- 0x41 < 26 }), isWordByte(abbreviation[0]) else { return nil }
        // "diarrhoea (G2)": a toxicity grade, not an abbreviation (r12, session 22).
        if abbreviation.count == 2, abbreviation[0] | 0x20 == 0x67, abbreviation[1] &- 0x31 < 5 { return nil }
        // "amivantamab + lazertinib (PR)", "letrozole (CR)": a line's response, not an abbreviation (r14, session 25).
        if ResponseVocabulary.kind(of: String(decoding: abbreviation, as: UTF8.self)) != nil { return nil }
        return (abbreviation, start)
    }

    /// "free-thyroxine (FT4)", "reverse triiodothyronine (rT3)": a hormone measured in the blood,
    /// whose abbreviation names a laboratory value, not the drug.
    private static func isMeasuredForm(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in ["free", "reverse"] {
            let start = range.lowerBound - prefix.utf8.count - 1
            guard start >= 0, bytes[range.lowerBound - 1] == 0x2D || bytes[range.lowerBound - 1] == 0x20 else { continue }
            if zip(prefix.utf8, bytes[start..<(range.lowerBound - 1)]).allSatisfy({ $0 == $1 | 0x20 }), isBoundary(bytes, start - 1) { return true }
        }
        return false
    }

    /// Capital letters only: an abbreviation as written ("GBM").
    private static func isCapitals(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count >= 2 && range.allSatisfy { bytes[$0] &- 0x41 < 26 }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool { byte | 0x20 &- 0x61 < 26 || byte &- 0x30 < 10 }

    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index < 0 || index >= bytes.count || !(isWordByte(bytes[index]) || bytes[index] >= 0x80)
    }
}
