import CaseboardVocabularies

/// Laboratory values told as rising: "ALT rose to three times the upper limit", "his lipase
/// increased to 600 U/L", "creatinine levels climbed". The vocabulary names the event with the
/// word after the value ("ALT increased"); the text puts a verb there, so the value word becomes
/// that event, quoting only the value as written.
enum RisingValues {
    /// `terms` plus an adverse-event term on each value word of a rising phrase that no
    /// recognized term covers, sorted by position.
    static func extend(_ terms: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>, vocabularies: Vocabularies) -> [TermMatch] {
        // A byte test first: most texts tell of no rising value.
        guard [" rose", "increased to", "climbed", "risen", "doubled", "tripled"].contains(where: { contains(bytes, $0) }) else { return terms }
        let text = String(decoding: bytes, as: UTF8.self)
        var added: [TermMatch] = []
        var replaced: [Range<Int>] = []
        for match in text.matches(of: phrase) {
            let value = match.output.1
            // "CK" and "creatine kinase" are the vocabulary's "CPK increased".
            let word = value.lowercased().hasPrefix("creatine") || value.lowercased() == "ck" ? "cpk" : value.lowercased()
            let candidate = word + " increased"
            guard
                let concept = vocabularies.recognize(candidate).first(where: {
                    $0.concept.kind == .adverseEvent && $0.range == 0..<candidate.utf8.count
                })?.concept
            else { continue }
            let start = text.utf8.distance(from: text.startIndex, to: value.startIndex)
            let range = start..<(start + value.utf8.count)
            // A chemical name that is never a therapy ("creatinine", "creatine" in DrugBank) gives way to the event.
            let overlapping = terms.filter { $0.range.overlaps(range) }
            guard overlapping.allSatisfy({ vocabularies.drug(of: $0)?.category == "substance" }), !added.contains(where: { $0.range.overlaps(range) })
            else { continue }
            replaced += overlapping.map(\.range)
            added.append(TermMatch(range: range, concept: concept, surfaceKind: .synonym, policy: .anyCase))
        }
        guard !added.isEmpty else { return terms }
        return (terms.filter { !replaced.contains($0.range) } + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
        let key = Array(word.utf8)
        guard bytes.count >= key.count else { return false }
        var index = 0
        while index + key.count <= bytes.count {
            if bytes[index] == key[0], (1..<key.count).allSatisfy({ bytes[index + $0] == key[$0] }) { return true }
            index += 1
        }
        return false
    }

    /// A value word, optional "level(s)" and auxiliary, then a verb of rising.
    nonisolated(unsafe) private static let phrase = try! Regex<(Substring, Substring)>(
        #"\b(ALT|AST|GGT|CPK|CK|(?i:alanine aminotransferase|aspartate aminotransferase|bilirubin|creatinine|lipase|amylase|transaminases|creatine (?:phospho)?kinase))\s+(?:levels?\s+)?(?:(?:had|has|have|was|were)\s+)?(?:(?:rapidly|markedly|sharply|progressively|further|then|also)\s+)?(?:rose|risen|climbed|increased\s+to|doubled|tripled)\b"#
    )
}
