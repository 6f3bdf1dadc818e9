import CaseboardVocabularies

/// Blood counts told as falling: "the leukocyte and platelet counts were rapidly depressed",
/// "platelet counts fell to 20,000", "a fall in the neutrophil count". Older reports tell a
/// cytopenia so rather than by its name, so each lineage named becomes that lineage's low-count
/// event (leukocytes: white blood cell decreased; platelets: platelet count decreased).
/// "Decreased" and "reduced" are left out: they tell as often of the cytoreduction a drug was
/// given for ("the platelet count was reduced by anagrelide").
enum FallingCounts {
    /// `terms` plus an adverse-event term on each lineage word of a falling-count phrase that no
    /// recognized term covers, sorted by position.
    static func extend(_ terms: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>, vocabularies: Vocabularies) -> [TermMatch] {
        // A byte test first: every match names a lineage and a fall, and most texts name no falling count at all.
        guard ["fell", "fall", "drop", "declin", "depress", "plummet", "plung"].contains(where: { contains(bytes, $0) }),
            ["leu", "white", "wbc", "platelet", "thrombocyte", "neutrophil", "granulocyte"].contains(where: { contains(bytes, $0) })
        else { return terms }
        let text = String(decoding: bytes, as: UTF8.self)
        var added: [TermMatch] = []
        for match in text.matches(of: phrase) {
            guard let words = match.output.1 ?? match.output.2 ?? match.output.3 else { continue }
            for lineage in words.matches(of: lineageWord) {
                guard let term = lineageTerms.first(where: { lineage.output.1.lowercased().hasPrefix($0.prefix) })?.term,
                    let concept = vocabularies.recognize(term).first(where: {
                        $0.concept.kind == .adverseEvent && $0.range == 0..<term.utf8.count
                    })?.concept
                else { continue }
                let start = text.utf8.distance(from: text.startIndex, to: lineage.range.lowerBound)
                let range = start..<(start + lineage.output.0.utf8.count)
                if !terms.contains(where: { $0.range.overlaps(range) }), !added.contains(where: { $0.range.overlaps(range) }) {
                    added.append(TermMatch(range: range, concept: concept, surfaceKind: .synonym, policy: .anyCase))
                }
            }
        }
        return added.isEmpty ? terms : (terms + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static let lineageTerms: [(prefix: String, term: String)] = [
        ("leuko", "white blood cell decreased"), ("leuco", "white blood cell decreased"),
        ("white", "white blood cell decreased"), ("wbc", "white blood cell decreased"),
        ("platelet", "platelet count decreased"), ("thrombocyte", "platelet count decreased"),
        ("neutrophil", "neutrophil count decreased"), ("granulocyte", "neutrophil count decreased"),
    ]

    private static let lineages = #"(?:leu[ck]ocyte|white\s+(?:blood\s+)?cell|WBC|platelet|thrombocyte|neutrophil|granulocyte)"#

    /// The lineage words of a match, each with its own capture.
    nonisolated(unsafe) private static let lineageWord = try! Regex<(Substring, Substring)>(#"\b("# + lineages + #")"#)
        .ignoresCase()

    /// "leukocyte and platelet counts were (rapidly) depressed", "platelet count fell";
    /// "a fall in (the) platelet count"; the cells themselves falling to a value: "neutrophils fell to 0.8 × 10⁹/L".
    nonisolated(unsafe) private static let phrase = try! Regex<(Substring, Substring?, Substring?, Substring?)>(
        #"\b("# + lineages + #"(?:(?:,\s*|\s+and\s+|,\s+and\s+)"# + lineages
            + #")*)\s+counts?\s+(?:(?:was|were|had|have|has)\s+)?(?:(?:rapidly|markedly|sharply|promptly|severely|quickly|progressively|precipitously|then|again|also|subsequently)\s+)?(?:fell|fallen|dropped|declined|depressed|plummeted|plunged)\b"#
            + #"|\b(?:fall|drop|decline)\s+(?:of|in)\s+(?:the\s+)?("# + lineages + #"(?:(?:,\s*|\s+and\s+|,\s+and\s+)"# + lineages
            + #")*)\s+counts?\b"#
            + #"|\b((?:neutrophils|platelets|leu[ck]ocytes|white\s+(?:blood\s+)?cells|granulocytes|thrombocytes))\s+(?:(?:had|have|has)\s+)?(?:(?:rapidly|markedly|sharply|then|again|also|subsequently)\s+)?(?:fell|fallen|dropped|declined|plummeted)\s+to\b"#
    )
    .ignoresCase()

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
        let key = Array(word.utf8)
        guard bytes.count >= key.count else { return false }
        var index = 0
        while index + key.count <= bytes.count {
            if bytes[index] | 0x20 == key[0], (1..<key.count).allSatisfy({ bytes[index + $0] | 0x20 == key[$0] }) { return true }
            index += 1
        }
        return false
    }
}
