import CaseboardVocabularies

/// A toxicity named by its drug: "methotrexate toxicity", "MTX-related toxicities". The word
/// "toxicity" alone is too general to be an event (it is a cue), but after a drug it names that
/// drug's toxicity, read as the vocabulary's "drug toxicity" over the word itself so that the drug
/// mention stays its own term and every span still quotes the input.
enum DrugNamedEvents {
    /// `terms` plus a "drug toxicity" event on each "toxicity" that a drug term opens, sorted by position.
    static func extend(_ terms: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>, vocabularies: Vocabularies) -> [TermMatch] {
        guard
            let concept = vocabularies.recognize(eventTerm).first(where: {
                $0.concept.kind == .adverseEvent && $0.range == 0..<eventTerm.utf8.count
            })?.concept
        else { return terms }
        var added: [TermMatch] = []
        for term in terms where term.concept.kind == .drug {
            // "toxicity from capecitabine", "toxicities of the MTX".
            let back = max(0, term.range.lowerBound - 40)
            if hasToxic(bytes, back..<term.range.lowerBound) {
                let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[back..<term.range.lowerBound]), as: UTF8.self)
                if let match = before.firstMatch(of: causeBefore) {
                    let start = back + before.utf8.distance(from: before.startIndex, to: match.output.1.startIndex)
                    let range = start..<(start + match.output.1.utf8.count)
                    if !terms.contains(where: { $0.range.overlaps(range) }), !added.contains(where: { $0.range == range }) {
                        added.append(TermMatch(range: range, concept: concept, surfaceKind: .synonym, policy: .anyCase))
                    }
                }
            }
            let limit = min(bytes.count, term.range.upperBound + 40)
            guard term.range.upperBound + 1 < limit else { continue }
            // "ATRA (differentiation) syndrome": the event the brackets and the head noun name together.
            if bytes[term.range.upperBound + 1] == 0x28 || bytes[term.range.upperBound] == 0x28 {
                let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[term.range.upperBound..<limit]), as: UTF8.self)
                if let match = rest.prefixMatch(of: bracketed) {
                    let candidate = match.output.1.lowercased() + " " + match.output.2.lowercased()
                    if let event = vocabularies.recognize(candidate).first(where: {
                        $0.concept.kind == .adverseEvent && $0.range == 0..<candidate.utf8.count
                    }) {
                        let start = term.range.upperBound + rest.utf8.distance(from: rest.startIndex, to: match.output.0.startIndex)
                        let leading = match.output.0.prefix { $0 == " " }.utf8.count
                        let range = (start + leading)..<(start + match.output.0.utf8.count)
                        if !terms.contains(where: { $0.range.overlaps(range) }) {
                            added.append(TermMatch(range: range, concept: event.concept, surfaceKind: .synonym, policy: .anyCase))
                        }
                    }
                }
                continue
            }
            // A byte test first: almost no drug mention is followed by "toxic".
            guard hasToxic(bytes, term.range.upperBound..<limit) else { continue }
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[term.range.upperBound..<limit]), as: UTF8.self)
            guard let match = rest.prefixMatch(of: link) else { continue }
            let start = term.range.upperBound + rest.utf8.distance(from: rest.startIndex, to: match.output.1.startIndex)
            let range = start..<(start + match.output.1.utf8.count)
            // A term the vocabulary already reads there ("hematologic toxicity") keeps its place.
            if terms.contains(where: { $0.range.overlaps(range) }) { continue }
            added.append(TermMatch(range: range, concept: concept, surfaceKind: .synonym, policy: .anyCase))
        }
        return added.isEmpty ? terms : (terms + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static let eventTerm = "drug toxicity"

    /// The toxicity word, then what says the drug after it caused it.
    nonisolated(unsafe) private static let causeBefore =
        /\b(toxicit(?:y|ies))\s+(?:from|of|due\s+to|caused\s+by|related\s+to|attributed\s+to|attributable\s+to)\s+(?:the\s+|high-dose\s+)?$/
        .ignoresCase()

    /// " (differentiation) syndrome": a bracketed word or two, then the head noun.
    nonisolated(unsafe) private static let bracketed = /^ ?\(([A-Za-z][A-Za-z -]{2,30})\)\s+(syndrome|toxicity)\b/

    private static func hasToxic(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let key = Array("toxic".utf8)
        var index = range.lowerBound
        while index + key.count <= range.upperBound {
            if (0..<key.count).allSatisfy({ bytes[index + $0] | 0x20 == key[$0] }) { return true }
            index += 1
        }
        return false
    }

    /// Right after the drug: an optional link ("-related", " induced") and the toxicity word.
    nonisolated(unsafe) private static let link =
        /^(?:[-‐ ](?:related|induced|associated|mediated))?[ -](toxicit(?:y|ies))\b/.ignoresCase()
}
