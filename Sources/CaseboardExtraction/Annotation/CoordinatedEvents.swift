import CaseboardVocabularies

/// A change named once for two laboratory values: "a decrease in hemoglobin levels and platelet
/// counts" tells of both anemia and a low platelet count, though only the first is written out.
enum CoordinatedEvents {
    /// `terms` plus an adverse-event term for each second value such a phrase names, sorted by
    /// position.
    static func extend(_ terms: [TermMatch], _ bytes: UnsafeBufferPointer<UInt8>, vocabularies: Vocabularies) -> [TermMatch] {
        var added: [TermMatch] = []
        for term in terms where term.concept.kind == .adverseEvent {
            let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[term.range]), as: UTF8.self).lowercased()
            guard let change = changes.first(where: { surface.hasPrefix($0) }) else { continue }
            // After the first value: an optional "levels" or "counts", then "and" or a comma.
            var cursor = term.range.upperBound
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<min(bytes.count, cursor + 60)]), as: UTF8.self)
            var tail = Substring(rest)
            for head in [" levels", " level", " counts", " count"] where tail.lowercased().hasPrefix(head) {
                tail = tail.dropFirst(head.count)
                break
            }
            guard let joiner = [" and ", ", and ", ", "].first(where: { tail.hasPrefix($0) }) else { continue }
            tail = tail.dropFirst(joiner.count)
            cursor += rest.utf8.count - tail.utf8.count
            // The second value: up to three words, the longest that the vocabulary reads, with the change, as one event.
            let words = tail.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).prefix(3)
            for count in stride(from: words.count, through: 1, by: -1) {
                var phrase = Substring(words.prefix(count).joined(separator: " "))
                while let last = phrase.last, !(last.isLetter || last.isNumber) { phrase = phrase.dropLast() }
                guard !phrase.isEmpty else { continue }
                let candidate = change + phrase.lowercased()
                let matches = vocabularies.recognize(candidate)
                guard let match = matches.first(where: { $0.concept.kind == .adverseEvent && $0.range == 0..<candidate.utf8.count }) else { continue }
                let range = cursor..<(cursor + phrase.utf8.count)
                if !terms.contains(where: { $0.range.overlaps(range) }) {
                    added.append(TermMatch(range: range, concept: match.concept, surfaceKind: term.surfaceKind, policy: term.policy))
                }
                break
            }
        }
        return added.isEmpty ? terms : (terms + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Change phrases that distribute over a coordinated list of values.
    private static let changes = ["decrease in ", "decreased ", "drop in ", "increase in ", "increased ", "elevated ", "elevation of ", "low "]
}
