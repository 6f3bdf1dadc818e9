import CaseboardCore
import CaseboardVocabularies

/// A document with every recognizer's mentions, each list sorted by position. Built in one
/// pass per recognizer over the UTF-8 text; assembly reads it and never scans text again.
struct AnnotatedDocument: Sendable {
    let document: Document
    let sentences: [Sentence]
    let terms: [TermMatch]
    /// Disease mentions of the general lexicon and text-defined disease abbreviations, beside
    /// `terms`: mention-level output only, never read by assembly.
    let diseaseMentions: [TermMatch]
    let variants: [VariantMention]
    let grades: [GradeMention]
    let cues: [CueMention]
    let numbers: [NumberMention]

    init(document: Document, vocabularies: Vocabularies, cues matcher: PhraseMatcher) {
        self.document = document
        sentences = SentenceSplitter.split(document)
        var text = document.text
        var terms: [TermMatch] = []
        var diseaseMentions: [TermMatch] = []
        var variants: [VariantMention] = []
        var grades: [GradeMention] = []
        var cues: [CueMention] = []
        var numbers: [NumberMention] = []
        text.withUTF8 { bytes in
            terms = FallingCounts.extend(
                CoordinatedEvents.extend(
                    DefinedAbbreviations.extend(vocabularies.recognize(bytes), bytes, vocabularies: vocabularies),
                    bytes,
                    vocabularies: vocabularies
                ),
                bytes,
                vocabularies: vocabularies
            )
            terms = RisingValues.extend(DrugNamedEvents.extend(terms, bytes, vocabularies: vocabularies), bytes, vocabularies: vocabularies)
            diseaseMentions = vocabularies.diseaseMentions(bytes, besides: terms)
            variants = VariantScanner.scan(bytes)
            grades = AdverseEventGrade.find(in: bytes)
            cues = matcher.matches(in: bytes).compactMap { match in
                // "PD-L1", "PD-1", "CR-1": a response abbreviation glued by a hyphen to a letter or digit names a
                // marker or a code, not an outcome (r15, session 25).
                if let cue = Cue(rawValue: match.value), cue.response != nil, match.range.count <= 4,
                    match.range.upperBound + 1 < bytes.count, bytes[match.range.upperBound] == 0x2D,
                    bytes[match.range.upperBound + 1] | 0x20 &- 0x61 < 26 || bytes[match.range.upperBound + 1] &- 0x30 < 10,
                    (match.range.lowerBound..<match.range.upperBound).allSatisfy({ bytes[$0] &- 0x41 < 26 })
                {
                    return nil
                }
                return Cue(rawValue: match.value).map { CueMention(range: match.range, cue: $0) }
            }
            numbers = NumberScanner.scan(bytes)
        }
        self.terms = terms
        self.diseaseMentions = diseaseMentions
        self.variants = variants
        self.grades = grades
        self.cues = cues
        self.numbers = numbers
    }

    /// The text of a range.
    func text(_ range: Range<Int>) -> String {
        String(document.text.utf8Slice(range))
    }

    /// Evidence for a text range: input offsets, the quoted text and the section.
    func evidence(_ range: Range<Int>) -> Evidence {
        let source = document.sourceMap.sourceRange(ofText: range)
        return Evidence(
            start: source.lowerBound,
            end: source.upperBound,
            text: text(range),
            section: document.section(containing: range.lowerBound)?.kind ?? .other
        )
    }
}

extension Array {
    /// The elements whose range lies inside `range`; the array must be sorted by position.
    func within(_ range: Range<Int>, _ key: (Element) -> Range<Int>) -> ArraySlice<Element> {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if key(self[mid]).lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < count, key(self[end]).lowerBound < range.upperBound { end += 1 }
        return self[low..<end].filter { key($0).upperBound <= range.upperBound }[...]
    }
}
