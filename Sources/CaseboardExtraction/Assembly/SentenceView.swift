import CaseboardCore
import CaseboardVocabularies

/// Everything recognized inside one sentence, and whether the sentence is about this patient.
struct SentenceView {
    let index: Int
    let sentence: Sentence
    let terms: [TermMatch]
    let variants: [VariantMention]
    let grades: [GradeMention]
    let cues: [CueMention]
    let numbers: [NumberMention]
    /// The sentence speaks of this patient (not of other patients, trials or the literature).
    var isPatient: Bool
    /// The sentence cites the literature or other patients.
    var isBackground: Bool

    var range: Range<Int> { sentence.range }

    func has(_ cue: Cue) -> Bool { cues.contains { $0.cue == cue } }

    func cues(_ cue: Cue) -> [CueMention] { cues.filter { $0.cue == cue } }

    func terms(_ kind: ConceptKind) -> [TermMatch] { terms.filter { $0.concept.kind == kind } }
}

extension AnnotatedDocument {
    /// Cues that mark a sentence as about the literature however it is phrased.
    static let strongBackground: Set<String> = [
        "et al", "trial", "trials", "study", "studies", "literature", "review", "meta-analysis", "cohort", "guideline", "guidelines",
        "approved", "approval", "series",
    ]

    func sentenceViews() -> [SentenceView] {
        let hasCaseSection = document.sections.contains { $0.kind == .case || $0.kind == .abstract }
        var text = document.text
        return text.withUTF8 { bytes in
            sentences.enumerated().map { index, sentence in
                let range = sentence.range
                let cues = self.cues.within(range, \.range)
                let patientReference = cues.contains {
                    $0.cue == .patientReference || $0.cue == .malePronoun || $0.cue == .femalePronoun
                }
                var strong = false
                var weak = false
                for cue in cues where cue.cue == .background {
                    let phrase = String(decoding: UnsafeBufferPointer(rebasing: bytes[cue.range]), as: UTF8.self).lowercased()
                    if Self.strongBackground.contains(phrase) { strong = true } else { weak = true }
                }
                // Bracketed citations such as "[3-5]" mark background too.
                if hasCitation(bytes, range) { weak = true }
                let background = strong || (weak && !patientReference)
                let isPatient: Bool
                switch sentence.section {
                case .title, .abstract, .case: isPatient = !background
                case .other: isPatient = !background && (patientReference || !hasCaseSection)
                case .discussion: isPatient = !background && patientReference
                case .references: isPatient = false
                }
                return SentenceView(
                    index: index,
                    sentence: sentence,
                    terms: Array(terms.within(range, \.range)),
                    variants: Array(variants.within(range, \.range)),
                    grades: Array(grades.within(range, \.range)),
                    cues: Array(cues),
                    numbers: Array(numbers.within(range, \.range)),
                    isPatient: isPatient,
                    isBackground: background
                )
            }
        }
    }

    private func hasCitation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x5B, index + 1 < range.upperBound, bytes[index + 1] &- 0x30 < 10 { return true }
            index += 1
        }
        return false
    }
}
