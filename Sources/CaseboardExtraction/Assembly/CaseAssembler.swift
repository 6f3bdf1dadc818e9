import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Builds the case record from an annotated document: which facts are the patient's, how they
/// group into therapy lines, and what each response, adverse event and resistance belongs to.
struct CaseAssembler {
    let annotated: AnnotatedDocument
    let vocabularies: Vocabularies
    let views: [SentenceView]
    /// The document text as bytes, for the few local look-arounds assembly needs.
    let bytes: [UInt8]

    init(annotated: AnnotatedDocument, vocabularies: Vocabularies) {
        self.annotated = annotated
        self.vocabularies = vocabularies
        views = annotated.sentenceViews()
        bytes = Array(annotated.document.text.utf8)
    }

    func assemble() -> CaseRecord {
        let document = annotated.document
        var alterations = assembleAlterations()
        var therapy = TherapyAssembly(assembler: self)
        therapy.run()
        let resistance = assembleResistance(lines: therapy.lines, alterations: &alterations)
        let timeline = assembleTimeline(therapy: therapy, resistance: resistance)
        return CaseRecord(
            document: document.id,
            title: document.title,
            metadata: document.metadata,
            patient: assemblePatient(),
            diagnoses: assembleDiagnoses(),
            alterations: alterations,
            therapies: therapy.lines,
            adverseEvents: therapy.adverseEvents,
            resistance: resistance,
            procedures: therapy.procedures,
            outcome: assembleOutcome(),
            timeline: timeline,
            warnings: document.warnings.map(\.description)
        )
    }

    // MARK: Text helpers

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    func lowered(_ range: Range<Int>) -> String {
        text(range).lowercased()
    }

    func evidence(_ range: Range<Int>) -> Evidence {
        annotated.evidence(range)
    }

    /// The words between two offsets, lowercased, for "is this only a joiner?" checks.
    func gap(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return lowered(from..<to).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when a negation cue governs the text just before `offset` in the same sentence,
    /// such as "no", "without" or "negative for", within `window` bytes.
    func isNegated(_ range: Range<Int>, in view: SentenceView, window: Int = 30) -> Bool {
        for cue in view.cues where cue.cue == .negation {
            if cue.range.upperBound <= range.lowerBound, range.lowerBound - cue.range.upperBound <= window {
                // A clause break between the cue and the mention ends its scope.
                let between = text(cue.range.upperBound..<range.lowerBound)
                if between.contains(";") || between.contains(". ") || between.contains(" but ") { continue }
                return true
            }
            // Postfix negation: "TdT negative", "CD20-", "wild-type".
            if cue.range.lowerBound >= range.upperBound, cue.range.lowerBound - range.upperBound <= 3 {
                let word = lowered(cue.range)
                if word == "negative" || word == "wild-type" || word == "wild type" || word == "wildtype" || word == "not detected" { return true }
            }
        }
        if range.upperBound < bytes.count, bytes[range.upperBound] == 0x2D {
            let next = range.upperBound + 1
            if next >= bytes.count || !(bytes[next] | 0x20 &- 0x61 < 26 || bytes[next] &- 0x30 < 10) { return true }  // "CD20-"
        }
        return false
    }

    /// True when `range` sits inside a parenthetical that cites other evidence:
    /// "(which was studied in NSCLC with ALK rearrangement)".
    func isInBackgroundAside(_ range: Range<Int>, in view: SentenceView) -> Bool {
        var open = range.lowerBound - 1
        while open >= view.range.lowerBound, bytes[open] != 0x28, bytes[open] != 0x29 { open -= 1 }
        guard open >= view.range.lowerBound, bytes[open] == 0x28 else { return false }
        var close = range.upperBound
        while close < view.range.upperBound, bytes[close] != 0x29 { close += 1 }
        let aside = open..<min(close, view.range.upperBound)
        return view.cues.contains { $0.cue == .background && aside.contains($0.range.lowerBound) }
    }

    // MARK: Patient

    func assemblePatient() -> Patient {
        var patient = Patient()
        for view in views where view.isPatient || view.sentence.section == .other {
            guard patient.age == nil else { break }
            for number in view.numbers {
                guard let age = age(after: number, in: view) else { continue }
                patient.age = age.years
                patient.spans.append(evidence(number.range.lowerBound..<age.end))
                if let sex = sexWord(near: age.end, in: view) {
                    patient.sex = sex.sex
                    patient.spans.append(evidence(sex.range))
                }
                break
            }
        }
        if patient.sex == nil {
            patient.sex = sexFromWordsAndPronouns()
        }
        return patient
    }

    /// "53-year-old", "53 years old", "53-years old", "aged 53", "age of 53", "6-month-old" (0).
    private func age(after number: NumberMention, in view: SentenceView) -> (years: Int, end: Int)? {
        let end = min(number.range.upperBound + 16, view.range.upperBound)
        let following = lowered(number.range.upperBound..<end)
        let compact = following.replacingOccurrences(of: "-", with: " ")
        for unit in ["years old", "year old", "yrs old", "yr old", "years of age", "year of age"] where compact.hasPrefix(" " + unit) {
            let length = unit.utf8.count + 1
            return (Int(number.value), number.range.upperBound + length)
        }
        for unit in ["months old", "month old", "weeks old", "week old", "days old", "day old"] where compact.hasPrefix(" " + unit) {
            return (0, number.range.upperBound + unit.utf8.count + 1)
        }
        let before = lowered(max(view.range.lowerBound, number.range.lowerBound - 12)..<number.range.lowerBound)
        if before.hasSuffix("aged ") || before.hasSuffix("age of ") || before.hasSuffix("age ") {
            return (Int(number.value), number.range.upperBound)
        }
        return nil
    }

    private func sexWord(near offset: Int, in view: SentenceView) -> (sex: Sex, range: Range<Int>)? {
        for cue in view.cues where cue.range.lowerBound >= offset && cue.range.lowerBound - offset < 40 {
            if cue.cue == .male { return (.male, cue.range) }
            if cue.cue == .female { return (.female, cue.range) }
        }
        return nil
    }

    /// Sex from "man"/"woman" words in patient sentences, else from a clear majority of
    /// pronouns in the case narrative.
    private func sexFromWordsAndPronouns() -> Sex? {
        var male = 0
        var female = 0
        for view in views where view.isPatient {
            for cue in view.cues {
                switch cue.cue {
                case .male: male += 3
                case .female: female += 3
                case .malePronoun: male += 1
                case .femalePronoun: female += 1
                default: break
                }
            }
        }
        if male >= 2 && male >= 3 * max(female, 1) { return .male }
        if female >= 2 && female >= 3 * max(male, 1) { return .female }
        return nil
    }

    // MARK: Diagnoses

    func assembleDiagnoses() -> [Diagnosis] {
        var byCode: [String: (diagnosis: Diagnosis, best: String)] = [:]
        var order: [String] = []
        for view in views where view.isPatient {
            for term in view.terms(.disease) {
                guard case .disease(let index) = term.concept else { continue }
                if isNegated(term.range, in: view) || isInBackgroundAside(term.range, in: view) { continue }
                let preceding = lowered(max(view.range.lowerBound, term.range.lowerBound - 20)..<term.range.lowerBound)
                if preceding.contains("family history") { continue }
                let disease = vocabularies.diseases[index]
                let surface = lowered(term.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if var entry = byCode[disease.code] {
                    entry.diagnosis.spans.append(evidence(term.range))
                    if preferredName(surface, over: entry.best) { entry.best = surface }
                    byCode[disease.code] = entry
                } else {
                    order.append(disease.code)
                    byCode[disease.code] = (
                        Diagnosis(
                            name: surface,
                            oncotree: disease.isCancer ? disease.code : nil,
                            code: disease.code,
                            canonicalName: disease.name,
                            spans: [evidence(term.range)]
                        ), surface
                    )
                }
            }
        }
        return order.compactMap { code in
            guard var entry = byCode[code] else { return nil }
            entry.diagnosis.name = entry.best
            return entry.diagnosis
        }
    }

    /// Full names beat abbreviations; longer names beat shorter ones.
    private func preferredName(_ candidate: String, over current: String) -> Bool {
        let candidateIsAbbreviation = !candidate.contains(" ") && candidate.count <= 6
        let currentIsAbbreviation = !current.contains(" ") && current.count <= 6
        if candidateIsAbbreviation != currentIsAbbreviation { return currentIsAbbreviation }
        return candidate.count > current.count
    }
}
