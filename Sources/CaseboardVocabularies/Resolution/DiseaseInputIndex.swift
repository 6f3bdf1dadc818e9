import Foundation

/// Word-level index of every disease name and synonym, built once with the vocabularies, so
/// that resolving a typed disease looks up posting lists for its few words instead of scanning
/// every disease for every word.
struct DiseaseInputIndex: Sendable {
    /// One name or synonym of one disease, as groups of words: each group is met by any one of
    /// its words ("Leukemia/Lymphoma" is one group of two).
    struct Form: Sendable {
        var disease: Int
        var groups: [[String]]
        /// The head noun(s): the last group before "with", "of" or a comma.
        var heads: [String]
        var surface: String
    }

    private(set) var forms: [Form] = []
    /// Sorted, distinct words of a form (a slash group as its first word) → forms.
    private(set) var exact: [String: [Int32]] = [:]
    /// Word → forms holding it.
    private(set) var postings: [String: [Int32]] = [:]
    /// Distinct words by length, for spelling suggestions.
    private(set) var wordsByLength: [[String]] = []

    init(diseases: [Disease]) {
        for (index, disease) in diseases.enumerated() where disease.level != 0 || !disease.isCancer {
            var surfaces = disease.synonyms.filter { !LexiconBuilder.isAbbreviation($0) }
            if disease.level > 1 || !disease.isCancer { surfaces.insert(disease.name, at: 0) }
            // "AML, NOS" must not take the abbreviation's place (the lexicon's rule too).
            for surface in surfaces where !(surface.hasSuffix(", NOS") && LexiconBuilder.isAbbreviation(String(surface.dropLast(5)))) {
                let (groups, heads) = Self.groups(surface)
                guard !groups.isEmpty else { continue }
                let id = Int32(forms.count)
                forms.append(Form(disease: index, groups: groups, heads: heads, surface: surface))
                for key in Self.exactKeys(groups) { exact[key, default: []].append(id) }
                for word in Set(groups.joined()) { postings[word, default: []].append(id) }
            }
        }
        var byLength: [[String]] = Array(repeating: [], count: 41)
        for word in postings.keys where word.count <= 40 && word.count >= 4 { byLength[word.count].append(word) }
        wordsByLength = byLength.map { $0.sorted() }
    }

    /// Keys under which a form is found whole: one per way of choosing a word from each slash
    /// group (at most a few), sorted so word order does not matter.
    static func exactKeys(_ groups: [[String]]) -> [String] {
        var keys: [[String]] = [[]]
        for group in groups {
            keys = keys.flatMap { key in group.map { key + [$0] } }
            if keys.count > 16 { break }
        }
        // And every word at once: "myeloid/lymphoid neoplasm" names "Myeloid/Lymphoid Neoplasms".
        keys.append(groups.joined().map { $0 })
        return Set(keys.map { Set($0).sorted().joined(separator: " ") }).sorted()
    }

    /// The exact key of input words.
    static func key(_ words: [String]) -> String {
        Set(words).sorted().joined(separator: " ")
    }

    /// Words that carry no meaning for matching a disease name.
    static let stopwords: Set<String> = ["of", "the", "and", "with", "in", "or", "nos", "a", "an", "type", "to", "for", "by", "on", "other"]

    /// Spellings folded to one: British to American, plural to singular.
    static func normalize(_ word: Substring) -> String {
        var word = word.lowercased()
        for (from, to) in [
            ("tumour", "tumor"), ("leukaem", "leukem"), ("oesophag", "esophag"), ("haem", "hem"), ("anaem", "anem"), ("paediatric", "pediatric"),
            ("oestrogen", "estrogen"), ("oedema", "edema"), ("colour", "color"),
        ] where word.contains(from) {
            word = word.replacingOccurrences(of: from, with: to)
        }
        // "classic Hodgkin lymphoma", "classic hairy cell leukemia": the names say "classical".
        if word == "classic" { word = "classical" }
        if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            word.removeLast()
        }
        return word
    }

    /// The meaningful words of typed text, normalized, in order.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(normalize).filter { !stopwords.contains($0) }
    }

    /// A name split into word groups, and its head nouns.
    static func groups(_ surface: String) -> (groups: [[String]], heads: [String]) {
        var groups: [[String]] = []
        for chunk in surface.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "(" || $0 == ")" || $0 == ";" }) {
            let sides = chunk.split(separator: "/")
            if sides.count > 1, sides.allSatisfy({ $0.allSatisfy(\.isLetter) }) {
                // "Leukemia/Lymphoma": either word names the form.
                let alternatives = sides.map(normalize).filter { !stopwords.contains($0) }
                if !alternatives.isEmpty { groups.append(alternatives) }
            } else {
                // The same tokens `words(_:)` makes of typed text.
                groups += chunk.split { !$0.isLetter && !$0.isNumber }.map(normalize).filter { !stopwords.contains($0) }.map { [$0] }
            }
        }
        return (groups, headNouns(surface))
    }

    /// The last word(s) before "with", "of", "in" or a comma: "neoplasm" in "Myeloid/Lymphoid
    /// Neoplasms with FGFR1 Rearrangement", "leukemia" and "lymphoma" in "B-Lymphoblastic
    /// Leukemia/Lymphoma".
    static func headNouns(_ text: String) -> [String] {
        let lowered = text.lowercased()
        var end = lowered.endIndex
        for marker in [" with ", " without ", " of ", " in ", ",", " (", " after ", " associated "] {
            if let range = lowered.range(of: marker), range.lowerBound < end { end = range.lowerBound }
        }
        let phrase = lowered[..<end]
        guard let last = phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).last else { return [] }
        return last.split(separator: "/").map(normalize).filter { !$0.isEmpty }
    }
}
