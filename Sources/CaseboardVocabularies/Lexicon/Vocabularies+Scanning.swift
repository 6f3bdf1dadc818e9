extension Vocabularies {
    /// Every vocabulary term in `text`, leftmost-longest and non-overlapping, with each term's
    /// policy attached but not yet applied. Most callers want ``recognize(_:)``.
    public func scan(_ text: String) -> [TermMatch] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// Scans UTF-8 bytes once: at every word start the trie is walked as far as the text allows.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [TermMatch] {
        scan(bytes, trie: trie)
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, trie: TermTrie) -> [TermMatch] {
        // The walk's closure reads only these locals: one that used `self` copied the whole
        // vocabularies (every table retained and released) at every word of the text.
        let entries = self.entries
        var matches: [TermMatch] = []
        var index = 0
        let count = bytes.count
        var candidates: [Int32] = []
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 ? !WordBoundary.isWordByte(byte) : byte & 0xC0 == 0x80 {
                index += 1
                continue
            }
            guard !WordBoundary.wordCharacterBefore(bytes, index), WordBoundary.wordCharacterAt(bytes, index) else {
                index += 1
                continue
            }
            var bestEnd = -1
            candidates.removeAll(keepingCapacity: true)
            trie.walk(bytes, from: index) { end, node in
                var found: [Int32] = []
                var foundEnd = -1
                for value in trie.values(at: node) {
                    let entry = entries[Int(value)]
                    guard let entryEnd = Self.acceptedEnd(entry, bytes, index, end) else { continue }
                    if entryEnd > foundEnd {
                        foundEnd = entryEnd
                        found.removeAll()
                    }
                    if entryEnd == foundEnd { found.append(value) }
                }
                if foundEnd >= bestEnd && !found.isEmpty {
                    bestEnd = foundEnd
                    candidates = found
                }
            }
            if bestEnd < 0 {
                // No term starts here; move past this word.
                index += 1
                while index < count, WordBoundary.wordCharacterAt(bytes, index) || bytes[index] & 0xC0 == 0x80 { index += 1 }
                continue
            }
            var seen: Set<ConceptReference> = []
            for value in candidates {
                let entry = entries[Int(value)]
                guard seen.insert(entry.concept).inserted else { continue }
                matches.append(TermMatch(range: index..<bestEnd, concept: entry.concept, surfaceKind: entry.surfaceKind, policy: entry.policy))
            }
            index = bestEnd
        }
        return matches
    }

    /// Where a match of `entry` over `start..<end` ends once case, word boundary and plural are
    /// checked, or nil if it does not match there.
    private static func acceptedEnd(_ entry: LexiconEntry, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        switch entry.policy {
        case .anyCase:
            break
        case .exactCase, .exactCaseInContext, .definitionRequired:
            guard LexiconKey.unfoldedKey(of: UnsafeBufferPointer(rebasing: bytes[start..<end]), equals: entry.exactKey) else { return nil }
        }
        if !WordBoundary.wordCharacterAt(bytes, end) { return end }
        if entry.allowsTrailingE, bytes[end] | 0x20 == 0x65, !WordBoundary.wordCharacterAt(bytes, end + 1) { return end + 1 }
        guard entry.allowsPlural, bytes[end] == 0x73 || bytes[end] == 0x65 else { return nil }
        if bytes[end] == 0x73, !WordBoundary.wordCharacterAt(bytes, end + 1) { return end + 1 }
        if bytes[end] == 0x65, end + 1 < bytes.count, bytes[end + 1] == 0x73, !WordBoundary.wordCharacterAt(bytes, end + 2) {
            return end + 2
        }
        return nil
    }

    /// Disease and condition mentions of the general disease lexicon (names beyond OncoTree and
    /// the curated conditions, such as "Duchenne muscular dystrophy"), plus abbreviations the text
    /// defines for a disease ("... dystrophy (DMD)") from their definition on. Mentions that
    /// overlap a gene or disease among `terms` (what ``recognize(_:)`` found) are left to it.
    /// These mentions are for mention-level output: they name a disease, not the case's diagnosis.
    public func diseaseMentions(_ bytes: UnsafeBufferPointer<UInt8>, besides terms: [TermMatch]) -> [TermMatch] {
        let diseaseTaken = RangeIndex(terms.filter { $0.concept.kind == .disease }.map(\.range))
        let geneTaken = RangeIndex(terms.filter { $0.concept.kind == .gene }.map(\.range))
        // A lexicon name that holds a gene symbol and more ("G6PD deficiency") is a disease; one
        // that is no more than the symbol ("APC") is left to the gene.
        var found = scan(bytes, trie: mentionTrie).filter { match in
            !diseaseTaken.overlaps(match.range)
                && !geneTaken.anyOverlapping(match.range) { gene in
                    !(match.range.lowerBound <= gene.lowerBound && gene.upperBound <= match.range.upperBound && match.range.count > gene.count)
                }
        }
        // "Stuve-Wiedemann syndrome (SWS)": SWS names the disease from here on.
        let diseases = (terms.filter { $0.concept.kind == .disease } + found).sorted { $0.range.lowerBound < $1.range.lowerBound }
        var defined: [([UInt8], ConceptReference, Int)] = []
        for term in diseases {
            guard let (abbreviation, start) = Self.parenthesizedAbbreviation(after: term.range, bytes) else { continue }
            if !defined.contains(where: { $0.0 == abbreviation }) { defined.append((abbreviation, term.concept, start)) }
        }
        // "Stuve-Wiedemann syndrome (SWS)" where no vocabulary names the disease: the long form
        // whose letters spell the abbreviation (Schwartz and Hearst, PSB 2003) and that ends on a
        // disease head noun is an unnamed disease, and so is the abbreviation from there on.
        if let unnamed = unnamedDisease {
            for (longForm, abbreviation, start) in Self.headNounDefinitions(bytes) where !defined.contains(where: { $0.0 == abbreviation }) {
                guard !diseaseTaken.overlaps(longForm) else { continue }
                if !found.contains(where: { $0.range.overlaps(longForm) }) {
                    found.append(TermMatch(range: longForm, concept: .disease(unnamed), surfaceKind: .name, policy: .anyCase))
                }
                defined.append((abbreviation, .disease(unnamed), start))
            }
        }
        for (abbreviation, concept, start) in defined {
            var index = start
            while index + abbreviation.count <= bytes.count {
                if bytes[index] == abbreviation[0], !WordBoundary.wordCharacterBefore(bytes, index),
                    !WordBoundary.wordCharacterAt(bytes, index + abbreviation.count),
                    abbreviation.indices.allSatisfy({ bytes[index + $0] == abbreviation[$0] })
                {
                    let range = index..<(index + abbreviation.count)
                    // A defined disease abbreviation outranks a gene alias of the same letters
                    // ("ALD"), except where the text uses it as a gene: "the APC gene".
                    let blocked = diseaseTaken.overlaps(range) || Self.isGeneUse(bytes, after: range.upperBound)
                    if !blocked, !found.contains(where: { $0.range.overlaps(range) }) {
                        found.append(TermMatch(range: range, concept: concept, surfaceKind: .abbreviation, policy: .exactCase))
                    }
                    index += abbreviation.count
                } else {
                    index += 1
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words that end a disease name.
    static let diseaseHeads: Set<String> = [
        "syndrome", "syndromes", "disease", "diseases", "deficiency", "disorder", "disorders", "ataxia", "anemia", "anaemia",
        "insipidus", "diarrhea", "diarrhoea", "cancer", "cancers", "tumor", "tumors", "tumour", "tumours", "leukemia", "leukaemia",
        "lymphoma", "palsy", "atrophy", "dystrophy", "sclerosis", "fever", "infection", "neuropathy", "myopathy", "cardiomyopathy",
        "dysplasia", "failure", "porphyria", "coproporphyria", "malformation", "malformations", "defect", "defects", "anomaly",
        "anomalies", "dysgenesis", "aplasia", "hypoplasia", "hyperplasia", "paralysis", "epilepsy", "retardation", "fibrosis",
        "albinism", "hypogonadism", "dwarfism", "agammaglobulinemia", "polyposis", "keratitis", "nephritis",
    ]

    /// Words with a disease suffix that are not diseases.
    static let notDiseases: Set<String> = ["diagnosis", "prognosis", "analysis", "hypothesis", "synthesis", "biosynthesis", "genesis", "stoma"]

    /// True when `word` (lowercase) can end a disease name: a head noun or a disease suffix.
    static func isDiseaseHead(_ word: String) -> Bool {
        if diseaseHeads.contains(word) { return true }
        guard word.count >= 7, !notDiseases.contains(word) else { return false }
        return ["emia", "itis", "opathy", "trophy", "plasia", "omas", "osis", "uria", "penia"].contains { word.hasSuffix($0) }
            || (word.hasSuffix("oma") && !word.hasSuffix("genoma"))
    }

    /// "long form (ABBR)" pairs whose long form ends on a disease head noun and spells the
    /// abbreviation: each abbreviation character, right to left, found in the long form in
    /// order, the first at a word start; the long form has at most twice as many words as the
    /// abbreviation has characters.
    static func headNounDefinitions(_ bytes: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8], Int)] {
        var result: [(Range<Int>, [UInt8], Int)] = []
        func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        func isAlphanumeric(_ byte: UInt8) -> Bool { byte | 0x20 &- 0x61 < 26 || byte &- 0x30 < 10 }
        var open = 0
        while open < bytes.count {
            defer { open += 1 }
            guard bytes[open] == 0x28, let (abbreviation, start) = parenthesizedAbbreviation(after: open..<open, bytes) else { continue }
            var end = open
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            var wordStart = end
            while wordStart > 0, bytes[wordStart - 1] < 0x80, isAlphanumeric(bytes[wordStart - 1]) { wordStart -= 1 }
            let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self).lowercased()
            guard isDiseaseHead(head) else { continue }
            let letters = abbreviation.filter(isAlphanumeric)
            guard letters.count >= 2 else { continue }
            let limit = max(0, end - 100)
            var cursor = end - 1
            var matched = true
            for (offset, character) in letters.enumerated().reversed() {
                let wanted = lower(character)
                while cursor >= limit {
                    let atWordStart = cursor == 0 || !isAlphanumeric(bytes[cursor - 1])
                    if lower(bytes[cursor]) == wanted, offset > 0 || atWordStart { break }
                    cursor -= 1
                }
                if cursor < limit {
                    matched = false
                    break
                }
                if offset > 0 { cursor -= 1 }
            }
            guard matched, cursor >= 0 else { continue }
            let words = bytes[cursor..<end].split(whereSeparator: { $0 == 0x20 }).count
            guard words <= 2 * letters.count, words >= 1 else { continue }
            result.append((cursor..<end, abbreviation, start))
        }
        return result
    }

    /// True when the word after `end` makes the letters before it a gene or its product.
    private static func isGeneUse(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var start = end
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x2D { start += 1 }
        var stop = start
        while stop < bytes.count, bytes[stop] < 0x80, WordBoundary.isWordByte(bytes[stop]) { stop += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self).lowercased()
        return ["gene", "genes", "protein", "proteins", "mutation", "mutations", "locus", "product", "transcript", "mrna", "expression"]
            .contains(word)
    }

    /// "name (ABBR)": two to ten letters, digits or hyphens with a capital, in brackets just
    /// after `range`. Returns the abbreviation and where it starts.
    static func parenthesizedAbbreviation(after range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], Int)? {
        var cursor = range.upperBound
        if cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x28 else { return nil }
        let start = cursor + 1
        var end = start
        while end < bytes.count, end - start <= 10, bytes[end] < 0x80, WordBoundary.isWordByte(bytes[end]) || bytes[end] == 0x2D { end += 1 }
        guard end < bytes.count, bytes[end] == 0x29, end - start >= 2 else { return nil }
        let abbreviation = Array(bytes[start..<end])
        // A capital first and no run of lowercase: "DMD", "SCA1", "T-PLL", not "see" or "Table".
        guard abbreviation[0] &- 0x41 < 26, abbreviation.filter({ $0 &- 0x61 < 26 }).count <= 1 else { return nil }
        return (abbreviation, start)
    }

    /// The terms in `text` that the matching policies accept:
    /// - gene symbols that are also words or clinical abbreviations (`MET`, `SET`, `CAT`, CD
    ///   markers) only with molecular context ("MET amplification", "SET::NUP214");
    /// - ambiguous abbreviations (`MS`, regimen `VA`) only where the text defines them, as in
    ///   "myeloid sarcoma (MS)" or "venetoclax plus azacitidine (VA)", and after that definition.
    public func recognize(_ text: String) -> [TermMatch] {
        var text = text
        return text.withUTF8 { recognize($0) }
    }

    public func recognize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TermMatch] {
        let matches = scan(bytes)
        // An abbreviation is bound to the concept its definition names: after "myeloid sarcoma
        // (MS)", "MS" is myeloid sarcoma and not multiple sclerosis.
        var definitions: [[UInt8]: ConceptReference] = [:]
        var accepted: [TermMatch] = []
        accepted.reserveCapacity(matches.count)
        for (position, match) in matches.enumerated() {
            switch match.policy {
            case .anyCase, .exactCase:
                // "Tyrosine Kinase 2 Domain" names a protein domain, not the TYK2 gene.
                if match.concept.kind == .gene, match.surfaceKind == .name,
                    GeneContext.words(bytes, from: match.range.upperBound, count: 1).first?.lowercased().hasPrefix("domain") == true
                {
                    continue
                }
                accepted.append(match)
            case .exactCaseInContext:
                if GeneContext.hasMolecularContext(bytes, match.range, neighbours: matches, at: position, vocabularies: self) {
                    accepted.append(match)
                }
            case .definitionRequired:
                let surface = Array(UnsafeBufferPointer(rebasing: bytes[match.range]))
                if let bound = definitions[surface] {
                    if bound == match.concept { accepted.append(match) }
                } else if isDefinition(match, bytes, matches, position) || isNamedAsDiagnosis(match, bytes, matches, position) {
                    definitions[surface] = match.concept
                    accepted.append(match)
                }
            }
        }
        return accepted
    }

    /// True when a disease abbreviation is what a diagnosis names and it reads one way only:
    /// "a diagnosis of PV was made", "led to a diagnosis of ECD", "marrow findings consistent with MM".
    private func isNamedAsDiagnosis(_ match: TermMatch, _ bytes: UnsafeBufferPointer<UInt8>, _ matches: [TermMatch], _ position: Int) -> Bool {
        guard match.concept.kind == .disease else { return false }
        let others = matches.indices.filter { $0 != position && matches[$0].range == match.range }
        if others.contains(where: { matches[$0].concept != match.concept }) { return false }
        let start = max(0, match.range.lowerBound - 20)
        let lead = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<match.range.lowerBound]), as: UTF8.self).lowercased()
        return Self.diagnosisFrames.contains { lead.hasSuffix($0) }
    }

    private static let diagnosisFrames = [
        "diagnosis of ", "diagnosed with ", "diagnosed as ", "diagnostic of ", "diagnosis was ", "consistent with ",
    ]

    /// True when `match` is an abbreviation in parentheses right after what it abbreviates:
    /// the same concept, or (for a regimen) all of its component drugs.
    private func isDefinition(_ match: TermMatch, _ bytes: UnsafeBufferPointer<UInt8>, _ matches: [TermMatch], _ position: Int) -> Bool {
        if case .regimen(let regimenIndex) = match.concept, isSpelledOutAfter(match, regimen: regimens[regimenIndex], bytes, matches, position) {
            return true
        }
        var open = match.range.lowerBound - 1
        while open >= 0, bytes[open] == 0x20 { open -= 1 }
        guard open >= 0, bytes[open] == 0x28 else { return false }
        var close = match.range.upperBound
        while close < bytes.count, bytes[close] == 0x20 { close += 1 }
        guard close < bytes.count, bytes[close] == 0x29 || bytes[close] == 0x3B || bytes[close] == 0x2C else { return false }
        // Earlier terms within a short window before the parenthesis.
        let windowStart = max(0, open - 120)
        var before: [ConceptReference] = []
        var index = position - 1
        while index >= 0, matches[index].range.lowerBound >= windowStart {
            if matches[index].range.upperBound <= open { before.append(matches[index].concept) }
            index -= 1
        }
        switch match.concept {
        case .regimen(let regimenIndex):
            let names = Set(
                before.compactMap { concept -> String? in
                    if case .drug(let drug) = concept { return drugs[drug].name }
                    return nil
                }
            )
            return !regimens[regimenIndex].drugs.isEmpty && regimens[regimenIndex].drugs.allSatisfy(names.contains)
        default:
            // The long form must end right before the parenthesis.
            var index = position - 1
            while index >= 0, matches[index].range.upperBound > open { index -= 1 }
            guard index >= 0 else { return false }
            let longForm = matches[index].range
            var gap = longForm.upperBound
            while gap < open, bytes[gap] == 0x20 { gap += 1 }
            guard gap == open else { return false }
            while index >= 0, matches[index].range == longForm {
                if matches[index].concept == match.concept { return true }
                index -= 1
            }
            return false
        }
    }
}

extension Vocabularies {
    /// "CHOP therapy (cyclophosphamide, 750 mg/m2 on day 1; doxorubicin, ...; vincristine, ...;
    /// prednisone, ...)": the brackets right after a regimen's abbreviation, a word or two on
    /// ("therapy", "regimen"), name every one of its drugs, so the abbreviation is the regimen.
    fileprivate func isSpelledOutAfter(
        _ match: TermMatch,
        regimen: Regimen,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ matches: [TermMatch],
        _ position: Int
    ) -> Bool {
        guard !regimen.drugs.isEmpty else { return false }
        var open = match.range.upperBound
        while open < bytes.count, bytes[open] != 0x28 {
            // Only a word or two may stand between the name and its brackets.
            if open - match.range.upperBound > 24 || bytes[open] == 0x2E || bytes[open] == 0x3B || bytes[open] == 0x2C { return false }
            open += 1
        }
        guard open < bytes.count else { return false }
        // The brackets close within a dosing schedule's length; nested brackets end the search.
        var close = open + 1
        while close < bytes.count, close - open < 400, bytes[close] != 0x29, bytes[close] != 0x28 { close += 1 }
        guard close < bytes.count, bytes[close] == 0x29 else { return false }
        var names: Set<String> = []
        var index = position + 1
        while index < matches.count, matches[index].range.lowerBound < close {
            if matches[index].range.lowerBound > open, case .drug(let drug) = matches[index].concept { names.insert(drugs[drug].name) }
            index += 1
        }
        return regimen.drugs.allSatisfy(names.contains)
    }
}

/// Ranges sorted by start with the running maximum of their ends, so that the ranges that
/// overlap a given one are found by a binary search and a short walk back, not by a pass over
/// all of them (a pass per mention was quadratic in a text dense with mentions).
struct RangeIndex {
    private let ranges: [Range<Int>]
    /// The largest end among `ranges[0...i]`.
    private let maxEnds: [Int]

    init(_ ranges: [Range<Int>]) {
        // Empty ranges overlap nothing.
        let sorted = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var maxEnds: [Int] = []
        maxEnds.reserveCapacity(sorted.count)
        var largest = Int.min
        for range in sorted {
            largest = max(largest, range.upperBound)
            maxEnds.append(largest)
        }
        self.ranges = sorted
        self.maxEnds = maxEnds
    }

    /// Whether any range overlaps `range` (`Range.overlaps`).
    func overlaps(_ range: Range<Int>) -> Bool {
        anyOverlapping(range) { _ in true }
    }

    /// Whether a range that overlaps `range` passes `test`.
    func anyOverlapping(_ range: Range<Int>, where test: (Range<Int>) -> Bool) -> Bool {
        guard !range.isEmpty else { return false }
        // The ranges that start before `range` ends; of those, walk back while one may still
        // reach past its start.
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0, maxEnds[index] > range.lowerBound {
            if ranges[index].upperBound > range.lowerBound, test(ranges[index]) { return true }
            index -= 1
        }
        return false
    }
}
