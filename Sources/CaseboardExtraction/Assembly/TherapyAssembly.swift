import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Groups drug mentions into therapy lines and attaches responses, adverse events, doses,
/// dose changes and stop reasons to the line each belongs to.
struct TherapyAssembly {
    let assembler: CaseAssembler
    private(set) var lines: [TherapyLine] = []
    private(set) var adverseEvents: [AdverseEvent] = []
    private(set) var procedures: [Procedure] = []
    /// Where each line was first mentioned in the narrative, for ordering.
    private var firstMention: [Int] = []
    private var firstCaseMention: [Int?] = []
    /// Adverse-event abbreviations the text defines: "differentiation syndrome (DS)" makes a
    /// later "DS" that event. Keyed by the abbreviation's bytes; the value is the event's index
    /// and where the definition ends.
    private var definedEvents: [[UInt8]: (index: Int, after: Int)] = [:]
    /// Sections in which a given drug has been named so far.
    private var sectionsWithDrugs: Set<Int> = []
    /// Lines the text says were stopped.
    private var stoppedLines: Set<Int> = []
    /// Lines of conditioning, prophylaxis or treatment of another condition: "conditioning with
    /// cyclophosphamide", "tacrolimus as GVHD prophylaxis", "rituximab for the vasculitis".
    private var supportiveLines: Set<Int> = []
    /// Lines named so far only in the title.
    private var titleOnlyLines: Set<Int> = []
    /// Lines first named in the case as given before ("had previously received X").
    private var retrospectiveLines: Set<Int> = []
    /// How many lines existed when the current sentence began.
    private var linesBeforeSentence = 0

    /// The title lays a harm on a drug ("Quinolone-induced acute liver failure", "X-associated encephalopathy"): the
    /// report is about that toxicity, so an event under the drug in a report with no anticancer drug is its doing.
    private let titleBlamesADrug: Bool

    init(assembler: CaseAssembler) {
        self.assembler = assembler
        titleBlamesADrug = assembler.views.contains { view in
            view.sentence.section == .title && assembler.sentence(view, containsAnyOf: Self.titleBlameWords, ignoringCase: true)
        }
    }

    private static let titleBlameWords = ["induced", "associated", "toxicity", "secondary to", "related"].map { Array($0.utf8) }

    /// Something a response, adverse event or dose change can belong to.
    private enum Item {
        case line(Int)
        case procedure(Int)
    }

    private struct Placed {
        var item: Item
        var range: Range<Int>
    }

    /// A drug mention that was given (not refused, negated or cited).
    private struct DrugMention {
        var inn: String
        var range: Range<Int>
        var regimen: String?
    }

    mutating func run() {
        definedEvents = Self.eventAbbreviations(in: assembler)
        // A text that never speaks of a patient (a laboratory or population study) reports no
        // therapy lines, however many substances it names.
        guard reportsAPatient() else { return }
        var focus: Item?
        var focusSection = -1
        var sentencesSinceFocus = 0
        // The last line that treats the cancer: an outcome after "zoledronic acid was given"
        // or "G-CSF was needed" is still the anticancer drug's.
        var treatmentFocus: Item?
        var sentencesSinceTreatment = 0
        for view in assembler.views where view.isPatient {
            if view.sentence.sectionIndex != focusSection || view.sentence.section == .title {
                focus = nil
                treatmentFocus = nil
                focusSection = view.sentence.sectionIndex
            }
            let previousFocus = sentencesSinceFocus <= 4 ? focus : nil
            let previousTreatment = sentencesSinceTreatment <= 4 ? treatmentFocus : nil
            var placed: [Placed] = []
            linesBeforeSentence = lines.count
            for group in drugGroups(in: view) {
                sectionsWithDrugs.insert(view.sentence.sectionIndex)
                let index = lineIndex(for: group, in: view)
                placed.append(Placed(item: .line(index), range: group.first!.range.lowerBound..<group.last!.range.upperBound))
            }
            placed += classMentions(in: view, excluding: placed)
            placed += chemotherapyMentions(in: view, placed: placed)
            for (range, index) in procedureMentions(in: view) {
                placed.append(Placed(item: .procedure(index), range: range))
            }
            placed.sort { $0.range.lowerBound < $1.range.lowerBound }
            attachResponses(in: view, placed: placed, focus: previousTreatment)
            attachAdverseEvents(in: view, placed: placed, focus: previousFocus)
            attachDoseChanges(in: view, placed: placed, focus: previousFocus)
            // A drug outranks a procedure named after it for what follows: "X, Y and HSCT. The
            // outcome was a complete remission" credits the drugs.
            if let last = placed.last(where: { if case .line = $0.item { true } else { false } }) ?? placed.last {
                focus = last.item
                sentencesSinceFocus = 0
            } else {
                sentencesSinceFocus += 1
            }
            let treatmentItems = placed.filter {
                if case .line(let index) = $0.item {
                    !treatsNoCancer(index) && !supportiveLines.contains(index) && !(lines[index].setting?.hasPrefix("treatment of ") ?? false)
                } else {
                    true
                }
            }
            if let last = treatmentItems.last(where: { if case .line = $0.item { true } else { false } }) ?? treatmentItems.last {
                treatmentFocus = last.item
                sentencesSinceTreatment = 0
            } else {
                sentencesSinceTreatment += 1
            }
        }
        orderLines()
    }

    /// The text speaks of a patient: "the patient", "our case", a singular man or woman, he or she,
    /// an age such as "a 62-year-old", or several patients of a case series.
    private func reportsAPatient() -> Bool {
        if assembler.caseSeries { return true }
        return assembler.views.contains { view in
            if view.namesPatient { return true }
            // A text that calls itself a case report ("…: a case report and literature review")
            // reports a patient, even in a two-sentence abstract that never describes them.
            if assembler.sentence(view, containsAnyOf: Self.caseReportWords, ignoringCase: true) { return true }
            return view.cues.contains { cue in
                switch cue.cue {
                case .patientReference, .malePronoun, .femalePronoun: return true
                case .male, .female: return !["men", "women"].contains(assembler.lowered(cue.range))
                default: return false
                }
            }
        }
    }

    private static let caseReportWords = ["case report", "case presentation"].map { Array($0.utf8) }

    // MARK: Drugs and lines

    /// Drug mentions grouped into combinations: "venetoclax plus azacitidine",
    /// "endoxan/vincristine/actinomycin", a regimen such as "7+3".
    private func drugGroups(in view: SentenceView) -> [[DrugMention]] {
        var mentions: [DrugMention] = []
        for term in view.terms {
            switch term.concept {
            case .drug(let index):
                // Analytes, elements and classes are chemicals, never a line of therapy.
                guard assembler.vocabularies.drugs[index].category != "substance", isGiven(term.range, in: view) else { continue }
                mentions.append(DrugMention(inn: assembler.vocabularies.drugs[index].name, range: term.range))
            case .regimen(let index):
                guard isGiven(term.range, in: view) else { continue }
                let regimen = assembler.vocabularies.regimens[index]
                for drug in regimen.drugs {
                    mentions.append(DrugMention(inn: drug, range: term.range, regimen: regimen.abbreviation))
                }
            default:
                continue
            }
        }
        var groups: [[DrugMention]] = []
        for mention in mentions {
            if let previous = groups.last?.last {
                // The drugs a regimen's brackets spell out belong to it: "CHOP (cyclophosphamide,
                // 750 mg/m2, doxorubicin, ...)".
                if let regimen = groups.last?.first(where: { $0.regimen != nil }), isSpelledOut(mention.range, by: regimen.range, in: view) {
                    if !groups[groups.count - 1].contains(where: { $0.inn == mention.inn }) { groups[groups.count - 1].append(mention) }
                    continue
                }
                // A bracketed aside between two drugs does not part them: "trametinib (a MEK
                // inhibitor) and dabrafenib".
                // A route before the next drug does not part it either: "pegaspargase and intrathecal methotrexate" is
                // one induction.
                let joiner = Self.withoutRoute(Self.withoutAsides(bracketedNameTrimmed(previous: previous.range, mention: mention.range)))
                let listed = joiner == "and" || joiner == ", and" || joiner == "," || joiner == "or" || joiner == ", or"
                // A drug given beside the tumour's treatment ("R-CHOP with pegfilgrastim", "sunitinib with levothyroxine
                // and amlodipine") is not part of its regimen, and an antitumour drug after such drugs is not theirs.
                let crossesCare = !assembler.namesNoCancer && isAncillary(previous.inn) != isAncillary(mention.inn)
                if previous.range == mention.range
                    || !crossesCare
                        && (Self.combinationJoiners.contains(joiner)
                            || listed && !bothHaveLines(previous.inn, mention.inn) && !sameTargetedClass(previous.inn, mention.inn)
                            || isCombinedAcross(joiner))
                {
                    groups[groups.count - 1].append(mention)
                    continue
                }
            }
            groups.append([mention])
        }
        return groups
    }

    /// The joiner without a route word that ends it ("and intrathecal", ", oral").
    static func withoutRoute(_ joiner: String) -> String {
        for route in [" intrathecal", " intravenous", " oral", " subcutaneous", " iv", " it"] where joiner.hasSuffix(route) {
            return String(joiner.dropLast(route.count))
        }
        return joiner
    }

    /// The words between two drug mentions, where a drug known only by the abbreviation in its
    /// brackets stands for the word before them: in "cisplatin (60 mg/m2), 5-fluorourasil (5-FU)
    /// (600 mg/m2), vincristine" the misspelt name and its bracket are the drug, so the list reads
    /// "cisplatin, 5-FU, vincristine".
    private func bracketedNameTrimmed(previous: Range<Int>, mention: Range<Int>) -> String {
        var gap = assembler.gap(previous.upperBound, mention.lowerBound)
        if isBracketed(previous), gap.hasPrefix(")") { gap = String(gap.dropFirst()).trimmingWhitespace }
        if isBracketed(mention), gap.hasSuffix("(") {
            let rest = gap.dropLast().trimmingWhitespace
            if let space = rest.lastIndex(of: " ") {
                gap = String(rest[...space]).trimmingWhitespace
            } else {
                gap = ""
            }
        }
        return gap
    }

    /// The mention is alone in brackets: "(5-FU)".
    private func isBracketed(_ range: Range<Int>) -> Bool {
        let bytes = assembler.bytes
        guard range.lowerBound > 0, range.upperBound < bytes.count else { return false }
        return bytes[range.lowerBound - 1] == 0x28 && bytes[range.upperBound] == 0x29
    }

    /// The text with its closed bracketed asides removed and spaces collapsed.
    static func withoutAsides(_ text: String) -> String {
        guard text.contains("(") else { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        guard depth == 0 else { return text }
        return result.split(separator: " ").joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
    }

    /// The drug sits inside the brackets that follow a regimen name ("CHOP (cyclophosphamide,
    /// doxorubicin, vincristine, prednisone)" or "FOLFOX chemotherapy (oxaliplatin, ...)").
    private func isSpelledOut(_ range: Range<Int>, by regimen: Range<Int>, in view: SentenceView) -> Bool {
        let bytes = assembler.bytes
        var open = regimen.upperBound
        while open < range.lowerBound, bytes[open] != 0x28 {
            // Only a word or two ("therapy", "regimen") may come between the name and its brackets.
            if open - regimen.upperBound > 24 || bytes[open] == 0x2E || bytes[open] == 0x3B { return false }
            open += 1
        }
        guard open < range.lowerBound else { return false }
        var index = open + 1
        while index < range.lowerBound {
            if bytes[index] == 0x29 || bytes[index] == 0x28 { return false }
            index += 1
        }
        return true
    }

    /// Words between two drugs that make them one combination. A bare "and" is handled apart:
    /// "brigatinib and lorlatinib" can be two lines.
    private static let combinationJoiners: Set<String> = [
        "", "/", "+", "plus", "with", "combined with", "in combination with", "-", "associated with", "&",
    ]

    /// "bortezomib for intractable AIHA in combination with rituximab": a short phrase of purpose
    /// or dose between the drug and "in combination with" does not part the combination.
    private func isCombinedAcross(_ joiner: String) -> Bool {
        guard let link = ["in combination with", "combined with", "together with"].first(where: { joiner.hasSuffix(" " + $0) }) else { return false }
        let phrase = joiner.dropLast(link.count + 1)
        if phrase.contains(";") || phrase.contains(".") || phrase.contains(",") { return false }
        let words = phrase.split(separator: " ")
        let clauseWords: Set<Substring> = ["and", "then", "after", "before", "followed", "later", "was", "were", "received", "given", "started"]
        return words.count <= 5 && !words.contains { clauseWords.contains($0) }
    }

    /// Two targeted drugs against the same target in a list are lines one after the other, never
    /// a combination: "after imatinib, dasatinib and nilotinib" (each of the three is an ABL1
    /// inhibitor).
    private func sameTargetedClass(_ first: String, _ second: String) -> Bool {
        guard first != second, let a = assembler.vocabularies.drug(inn: first), let b = assembler.vocabularies.drug(inn: second),
            a.category == "targeted", b.category == "targeted", let primary = a.targets.first
        else { return false }
        return b.targets.first == primary
    }

    /// A drug class standing for the patient's drug of that class: "an FLT3 TKI", "these TKIs",
    /// "second-generation TKIs", "the BRAF inhibitor". It resolves to the latest line already
    /// named whose drug is of that class, so an outcome stated for the class reaches the drug.
    private func classMentions(in view: SentenceView, excluding placed: [Placed]) -> [Placed] {
        assembler.classReferences(in: view, lineDrugs: lines.map(\.drugs)).compactMap { reference in
            placed.contains(where: { $0.range.overlaps(reference.range) }) ? nil : Placed(item: .line(reference.line), range: reference.range)
        }
    }

    private static let chemotherapyWord = [Array("chemotherapy".utf8)]

    /// Words that name a treatment, for an event no drug line owns.
    private static let treatmentNamingWords = [
        "chemo", "therapy", "treatment", "drug", "induced", "toxic", "inhibitor", "regimen", "immunotherapy", "adverse", "side effect",
        "infusion", "dose", "cycle",
    ].map { Array($0.utf8) }

    /// Words that lay an event on a drug, in a case with no anticancer drug.
    /// "X was discontinued because of agranulocytosis": a drug stopped for the event is blamed
    /// for it, even with no toxicity word.
    private func isStopBecauseOf(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard let stop = view.cues(.stop).first, stop.range.upperBound <= range.lowerBound else { return false }
        let between = assembler.lowered(stop.range.upperBound..<range.lowerBound)
        guard between.count <= 60, !between.contains(";"), !between.contains(". ") else { return false }
        return [" due to ", " because of ", " owing to ", " for "].contains { between.contains($0) }
    }

    /// A sentence that opens a year or more (or six months or more) after what came before:
    /// "One year later, ...", "18 months later, ...".
    private func isLongAfter(_ view: SentenceView) -> Bool {
        let opening = assembler.lowered(view.range.lowerBound..<min(view.range.upperBound, view.range.lowerBound + 40))
        return opening.firstMatch(of: Self.longLapse) != nil
    }

    nonisolated(unsafe) private static let longLapse =
        /^(?:about\s+|approximately\s+|nearly\s+|over\s+)?(?:(?:one|a|two|three|four|five|six|several|\d+)\s+years?|(?:six|seven|eight|nine|ten|eleven|twelve|eighteen|[6-9]|[1-9]\d)\s+months)\s+later\b/

    /// "anti-infection treatment", "anti-inflammatory drugs": what a treatment works against.
    private func isAntiTarget(_ range: Range<Int>) -> Bool {
        let before = assembler.lowered(max(0, range.lowerBound - 5)..<range.lowerBound)
        return before.hasSuffix("anti-") || before.hasSuffix("anti ")
    }

    /// "the persistent cough did not improve": a symptom the patient already had, going on under
    /// treatment, is no new event of it.
    private func isUnrelievedSymptom(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 32))
        return after.firstMatch(of: Self.unrelieved) != nil
    }

    nonisolated(unsafe) private static let unrelieved =
        /^\s+(?:(?:still|also)\s+)?(?:did\s+not\s+(?:improve|resolve|subside|abate)|(?:was|were)\s+not\s+relieved|failed\s+to\s+improve|(?:was|remained)\s+(?:relatively\s+)?stable)\b/

    /// The condition a therapy is named for: "targeted PAH therapy", "hypertension treatment".
    private func isTherapyTarget(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 14))
        return [" therapy", " treatment", " medication", "-specific therapy", "-targeted therapy", " prophylaxis"].contains { after.hasPrefix($0) }
    }

    /// The illness a drug was given for, not its doing: "an infection for which he was started on X", "receiving X for a skin
    /// infection".
    private func isIndication(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let drugs = view.terms.filter { $0.concept.kind == .drug }.map(\.range)
        if let before = drugs.last(where: { $0.upperBound <= range.lowerBound }) {
            let gap = assembler.lowered(before.upperBound..<range.lowerBound)
            if gap.hasPrefix(" for "), gap.count <= 60, !gap.contains(","), !gap.contains(";") { return true }
        }
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 12))
        return after.hasPrefix(" for which") && drugs.contains { $0.lowerBound >= range.upperBound }
    }

    private static let drugBlameWords = [
        "induced", "toxic", "adverse", "side effect", "side-effect", "drug-related", "treatment-related", "intoleran", "related to",
        // An event told as following the drug's giving: "following its administration, ALT rose".
        "its administration", "after taking", "after ingesting", "overdose",
    ].map { Array($0.utf8) }

    private static let toxicityWords = [
        "toxic", "side effect", "adverse", "chemotherapy-induced", "chemotherapy-related", "chemotherapy-associated",
    ].map { Array($0.utf8) }

    /// "Following 30 days of induction chemotherapy, she developed…", "two weeks after the third
    /// course of chemotherapy the patient developed…": an event the sentence places after it.
    nonisolated(unsafe) private static let eventDuringTreatment =
        /\b(?:developed|experienced)\b[^.;]{0,80}?\b(?:during|while\s+on|while\s+receiving)\s+(?:the\s+)?(?:treatment|therapy)\s+with\b/
        .ignoresCase()
    private static let duringTreatmentKeys = [Array("treatment with".utf8), Array("therapy with".utf8)]

    nonisolated(unsafe) private static let eventAfterChemotherapy =
        /\b(?:after|following|during)\s+(?:[\w-]+\s+){0,5}?chemotherapy\b[^.;]{0,60}?\b(?:developed|experienced)\b/.ignoresCase()

    /// "Chemotherapy" in a sentence that names no drug: the patient's latest line of cytotoxic
    /// drugs, so that "a partial response was gained after chemotherapy" is theirs; a line with a
    /// cytotoxic drug counts even with an antibody or a steroid in it (R-CHOP is "chemotherapy" to
    /// its authors). Not a refused,
    /// negated or planned course, and never a line of other drugs ("chemotherapy was resumed" after
    /// an antifungal is not the antifungal's).
    private func chemotherapyMentions(in view: SentenceView, placed: [Placed]) -> [Placed] {
        guard !lines.isEmpty, !placed.contains(where: { if case .line = $0.item { true } else { false } }),
            assembler.sentence(view, containsAnyOf: Self.chemotherapyWord, ignoringCase: true)
        else { return [] }
        let sentence = assembler.lowered(view.range)
        guard let found = sentence.range(of: "chemotherapy") else { return [] }
        let start = view.range.lowerBound + sentence.utf8.distance(from: sentence.startIndex, to: found.lowerBound)
        let range = start..<(start + 12)
        let clause = clauseRange(around: range, in: view)
        if assembler.isNegated(range, in: view, window: 12)
            || view.cues.contains(where: { $0.cue == .refusal && clause.contains($0.range.lowerBound) })
        {
            return []
        }
        let before = assembler.lowered(max(view.range.lowerBound, start - 24)..<start)
        if before.contains("further ") || before.contains("plan") || before.contains("another ") { return [] }
        guard
            let latest = lines.indices.last(where: { index in
                !supportiveLines.contains(index)
                    && lines[index].drugs.contains { assembler.vocabularies.drug(inn: $0)?.category == "chemotherapy" }
            })
        else { return [] }
        if isForAnotherDisease(range, than: latest, in: view) { return [] }
        return [Placed(item: .line(latest), range: range)]
    }

    /// "He then received chemotherapy for SCLC", where the named line treated a lung
    /// adenocarcinoma years before: a new course for a disease no sentence of that line names, not
    /// the line again.
    private func isForAnotherDisease(_ range: Range<Int>, than line: Int, in view: SentenceView) -> Bool {
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 5))
        guard after == " for ",
            let disease = view.terms(.disease).first(where: {
                $0.range.lowerBound >= range.upperBound + 5 && $0.range.lowerBound <= range.upperBound + 12
            })
        else { return false }
        let lineViews = assembler.views.filter { view in lines[line].spans.contains { view.range.contains($0.start) } }
        return !lineViews.contains { $0.terms(.disease).contains { $0.concept == disease.concept } }
    }

    private func bothHaveLines(_ first: String, _ second: String) -> Bool {
        lines.contains { $0.drugs.contains(first) } && lines.contains { $0.drugs.contains(second) }
    }

    /// A drug counts as given unless its clause refuses, negates or cites it, or the word after
    /// it makes it something else: a poisoning, a lab value, an enzyme or a test.
    private func isGiven(_ range: Range<Int>, in view: SentenceView) -> Bool {
        if assembler.isNegated(range, in: view, window: 12) || assembler.isInBackgroundAside(range, in: view) { return false }
        if namesSomethingElse(range, in: view) { return false }
        // "without any granulocyte colony-stimulating factor (G-CSF)": the abbreviation shares
        // the negation of the long form it defines.
        if let longForm = longFormStart(beforeBracketed: range), assembler.isNegated(range, in: view, window: range.lowerBound - longForm + 12) {
            return false
        }
        let clause = clauseRange(around: range, in: view)
        if isRefusedByTheNextClause(clause, in: view) || isRefusedByNameInTheNextClause(range, clause, in: view) { return false }
        if isSetAsideByItsVerb(range, clause, in: view) { return false }
        if namesWhatAMutationDefeats(range, clause) { return false }
        return !view.cues.contains { $0.cue == .refusal && clause.contains($0.range.lowerBound) && refuses($0, range) }
    }

    /// "… revealed ALK L1196M, known to confer resistance to alectinib and to crizotinib": the drugs a mechanism
    /// defeats are named, not given.
    private func namesWhatAMutationDefeats(_ range: Range<Int>, _ clause: Range<Int>) -> Bool {
        guard clause.lowerBound < range.lowerBound else { return false }
        let before = assembler.lowered(clause.lowerBound..<range.lowerBound)
        guard let resistance = before.range(of: "resistance to", options: .backwards) else { return false }
        let head = before[..<resistance.lowerBound]
        return head.contains("confer") || head.contains("mediat")
    }

    /// "Interferon alfa is an option in this disease, but it was not given to our patient", "cabozantinib and
    /// pralsetinib are alternatives; neither was used in our patient": the clause after the drug's own refuses it by a
    /// pronoun.
    private func isRefusedByTheNextClause(_ clause: Range<Int>, in view: SentenceView) -> Bool {
        guard clause.upperBound < view.range.upperBound else { return false }
        let rest = assembler.lowered(clause.upperBound..<min(view.range.upperBound, clause.upperBound + 160))
        // The next clause proper: from the first ";" or ", but" on ("X and Y are alternatives; neither was used").
        let breaks = [";", ", but ", ", however", ", yet "].compactMap { rest.range(of: $0)?.lowerBound }
        guard let start = breaks.min() else { return false }
        return rest[start...].firstMatch(of: Self.refusalByPronoun) != nil
    }

    /// "Amivantamab with lazertinib was superior in a trial, but lazertinib was not available to our patient": the
    /// next clause refuses the drug by its own name.
    private func isRefusedByNameInTheNextClause(_ drug: Range<Int>, _ clause: Range<Int>, in view: SentenceView) -> Bool {
        guard clause.upperBound < view.range.upperBound else { return false }
        let name = assembler.lowered(drug)
        let rest = assembler.lowered(clause.upperBound..<min(view.range.upperBound, clause.upperBound + 160))
        let breaks = [";", ", but ", ", however", ", yet "].compactMap { rest.range(of: $0)?.lowerBound }
        guard let start = breaks.min(), let named = rest[start...].range(of: name) else { return false }
        return rest[named.upperBound...].firstMatch(of: Self.refusedAfterName) != nil
    }

    /// "Nilotinib was avoided", "ibrutinib, acalabrutinib and zanubrutinib are alternatives", "capecitabine is planned":
    /// the verb after the drug, or after the list it ends, sets it aside. Only drug names, commas, brackets and
    /// "and"/"or" may stand between.
    private func isSetAsideByItsVerb(_ drug: Range<Int>, _ clause: Range<Int>, in view: SentenceView) -> Bool {
        guard drug.upperBound < clause.upperBound else { return false }
        var gap = drug.upperBound
        for term in view.terms(.drug) where term.range.lowerBound >= gap && term.range.upperBound <= clause.upperBound {
            let between = assembler.lowered(gap..<term.range.lowerBound)
            guard between.allSatisfy({ " ,()/".contains($0) }) || [" and ", " or ", ", and ", ", or "].contains(between) else { break }
            gap = term.range.upperBound
        }
        let rest = assembler.lowered(gap..<min(clause.upperBound, gap + 60))
        if rest.firstMatch(of: Self.setAsideVerb) != nil { return true }
        // "zanubrutinib and acalabrutinib, which bind the same cysteine, were not offered": the verb after a relative
        // clause, which may close the clause the drugs stand in.
        let sentence = assembler.lowered(gap..<min(view.range.upperBound, gap + 140))
        return sentence.firstMatch(of: Self.setAsideAfterRelative) != nil
    }

    nonisolated(unsafe) private static let setAsideAfterRelative =
        /^\s*,\s*(?:which|who)\b[^,;.]{0,80},\s*(?:(?:was|were|is|are)\s+(?:(?:generally|therefore|deliberately|usually|also)\s+)?(?:avoided|alternatives?\b|an\s+alternative)|(?:was|were|is|are|had|has)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:given|used|administered|offered|considered|started|chosen|pursued|prescribed)\b)/

    nonisolated(unsafe) private static let setAsideVerb =
        /^\s*(?:\([^)]*\)\s*)?(?:(?:was|were|is|are)\s+(?:(?:generally|therefore|deliberately|usually|also)\s+)?(?:avoided|alternatives?\b|an\s+alternative)|(?:is|are)\s+(?:planned|to\s+be\s+(?:started|given)))/

    nonisolated(unsafe) private static let refusedAfterName =
        /^\s+(?:was|were|is|are|had|has)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:given|used|administered|available|started|offered|an\s+option|indicated|chosen|pursued|prescribed|funded|reimbursed)\b/

    nonisolated(unsafe) private static let refusalByPronoun =
        /^[\s,;:]*(?:(?:but|and|however|yet),?\s+)?(?:(?:(?:it|they|this|these|which|the\s+drug|the\s+latter)\s+(?:was|were|is|are|has|have|had)\s+(?:not|never)|(?:neither|none)(?:\s+of\s+them)?\s+(?:was|were|is|are|has|have|had))\s+(?:yet\s+)?(?:been\s+)?(?:given|used|administered|considered|available|started|offered|the\s+case|an\s+option|indicated|chosen|pursued|prescribed)\b|(?:the|our)\s+patient\s+(?:preferred|declined|refused|chose))/
    /// Where the long form starts when a name stands in brackets after it ("colony-stimulating
    /// factor (G-CSF)"): up to five words back, to the nearest clause break.
    private func longFormStart(beforeBracketed range: Range<Int>) -> Int? {
        guard range.lowerBound >= 2, assembler.bytes[range.lowerBound - 1] == 0x28, assembler.bytes[range.lowerBound - 2] == 0x20 else { return nil }
        var index = range.lowerBound - 2
        var words = 0
        while index > 0, words < 5 {
            let byte = assembler.bytes[index - 1]
            if byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x28 || byte == 0x29 { break }
            if byte == 0x20 { words += 1 }
            index -= 1
        }
        return index
    }

    /// "Y instead of X" refuses only X, the drug after the cue; "could not be excluded" refuses
    /// nothing (a diagnosis that stayed open, not a drug withheld).
    private func refuses(_ cue: CueMention, _ drug: Range<Int>) -> Bool {
        let word = assembler.lowered(cue.range)
        if word == "instead of" || word == "rather than" { return cue.range.upperBound <= drug.lowerBound }
        if word == "could not be" {
            let after = assembler.lowered(cue.range.upperBound..<min(assembler.bytes.count, cue.range.upperBound + 16))
            let next = after.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
            return !Self.openDiagnosisWords.contains(next)
        }
        return true
    }

    private static let openDiagnosisWords: Set<String> = [
        "excluded", "ruled", "confirmed", "determined", "identified", "evaluated", "assessed", "detected", "found", "seen", "visualized",
        "visualised", "resected", "removed", "established", "obtained",
    ]

    /// Words after a drug name that make the phrase something other than a drug given: "tetrodotoxin
    /// poisoning", "creatine kinase", "fibrin deposits", "angiotensin-converting enzyme", "13C urea
    /// breath test", "vitamin D levels".
    private static let nonTherapyHeads: Set<String> = [
        "poisoning", "intoxication", "overdose", "ingestion", "exposure", "abuse", "dependence", "withdrawal", "addiction", "kinase",
        "phosphokinase", "ligase", "synthase", "synthetase", "receptor", "receptors", "converting", "transporter", "deposit", "deposits",
        "deposition",
        // The body's own protein: "plasminogen deficiency".
        "deficiency", "deficient",
        "breath", "test", "level", "levels", "concentration", "concentrations", "metabolism", "pathway", "signaling", "signalling",
        "value", "values",
        // The body's own making of it: "17-beta-estradiol synthesis", "cortisol secretion".
        "synthesis", "secretion", "production",
        // A clotting test: "prothrombin time 14 seconds", "thrombin time".
        "time", "times",
        // A stain or probe, not a dose: "thyroglobulin staining", "a fluorescein-labelled probe".
        "staining", "stain", "stains", "immunostaining", "antibody", "antibodies", "positivity", "immunoreactivity", "reactivity",
        "expression", "scintigraphy", "labelled", "labeled", "probe", "probes", "hybridization", "hybridisation",
        // An imaging tracer: "68Ga-DOTATATE PET/CT", "a DOTATOC positron emission tomography".
        "pet", "positron", "spect", "scan", "scans", "uptake",
        // A class the drug stands for, not the drug: "somatostatin analogs", "a GnRH analogue".
        "analog", "analogs", "analogue", "analogues",
        // A dynamic test: "glucagon stimulation test", "dexamethasone suppression test".
        "stimulation", "suppression", "challenge", "tolerance",
    ]

    /// Words before a drug name that make it a stain or a measured analyte: "staining for
    /// thyroglobulin", "positive for calcitonin", "serum levels of ACTH and cortisol".
    private static let analyteLeads = [
        "staining for ", "stained for ", "stain for ", "immunostaining for ", "immunoreactivity for ", "immunoreactive for ", "positive for ",
        "negative for ", "positivity for ", "expression of ", "levels of ", "level of ", "concentration of ", "concentrations of ",
        // A list of tests: "investigations, including adrenocorticotropic hormone, cortisol".
        "investigations, including ", "investigations including ", "investigations of ", "tests including ", "tests, including ",
        "measurement of ", "measurements of ",
        // Blood drawn for it: "blood samples for glucose and C-peptide".
        "samples for ", "sample for ", "sampling for ",
    ]
    private static let analyteLeadKeys = [
        "stain", "immuno", "positiv", "negative", "expression", "level", "concentration", "investigation", "tests", "measurement", "sampl",
    ].map { Array($0.utf8) }

    /// A value in a concentration unit right after a name: " 2.3 ng/dL", " 41 pmol/L", ", 270 pmol/L", " of <28 nmol/L".
    nonisolated(unsafe) private static let concentration =
        /^(?:,|:)?\s+(?:of\s+)?[<>≤≥]?\s*[\d.,]+\s*(?:pg|ng|µg|μg|mcg|mg|g|mmol|µmol|μmol|nmol|pmol|miu|µiu|μiu|iu|u|meq)\/(?:ml|dl|l|24\s?h)\b/
    /// The same value with no space before it, as inside a bracket: "(49.1 μg/dL)".
    nonisolated(unsafe) private static let bareConcentration =
        /^[<>≤≥]?\s*[\d.,]+\s*(?:pg|ng|µg|μg|mcg|mg|g|mmol|µmol|μmol|nmol|pmol|miu|µiu|μiu|iu|u|meq)\/(?:ml|dl|l)\b/

    private func namesSomethingElse(_ range: Range<Int>, in view: SentenceView) -> Bool {
        // A hormone measured in the blood, not given: "free-thyroxine", "reverse triiodothyronine".
        let before = assembler.lowered(max(view.range.lowerBound, range.lowerBound - 9)..<range.lowerBound)
        if before.hasSuffix("free-") || before.hasSuffix("free ") || before.hasSuffix("reverse-") || before.hasSuffix("reverse ") {
            return true
        }
        // "anti-cortisol therapy": what the treatment works against; "24-hour norepinephrine": a urine collection.
        if before.hasSuffix("anti-") || before.hasSuffix("24-hour ") || before.hasSuffix("24-h ") { return true }
        if isAnalyte(range, in: view) { return true }
        var after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 40))
        // "fluorescein in situ hybridization": a probe.
        if after.hasPrefix(" in situ") { return true }
        // An abbreviation in brackets does not part the name from its head: "cortisol (F) levels".
        if after.hasPrefix(" ("), let close = after.firstIndex(of: ")"), after.distance(from: after.startIndex, to: close) <= 10 {
            after = String(after[after.index(after: close)...])
        }
        // A measured value in brackets: "cortisol (49.1 μg/dL)".
        if after.hasPrefix(" ("), after.utf8.contains(0x2F),
            after.dropFirst(2).firstMatch(of: Self.concentration) != nil
                || after.dropFirst(2).firstMatch(of: Self.bareConcentration) != nil
        {
            return true
        }
        // A ratio or a concentration is a measurement: "T3:T4", "FT4 1.9 ng/dL".
        if after.first == ":", after.dropFirst().first?.isLetter == true { return true }
        // The pattern needs a "/": a byte test first.
        if after.utf8.contains(0x2F), after.firstMatch(of: Self.concentration) != nil { return true }
        // The abbreviation in brackets after its long form: "thyrotropin (TSH) level".
        if after.hasPrefix(")") { after = String(after.dropFirst()) }
        // "TSH, free thyroxine, thyroglobulin, calcitonin and a neck ultrasound were performed": a list of tests.
        if isListedTest(range, in: view) { return true }
        let words = after.split(whereSeparator: { !$0.isLetter }).prefix(2)
        guard var next = words.first, after.first == " " || after.first == "-" else { return false }
        // A receptor subtype between the name and its head: "vasopressin V2 receptor", "dopamine D2 receptors".
        if next.count == 1, words.count == 2, after.dropFirst().first?.isLetter == true {
            next = words[words.index(after: words.startIndex)]
        }
        // "insulin resistance", "insulin-resistant": the body's response to its own hormone, where "imatinib resistance" is
        // a drug that failed.
        if Self.endogenousHormones.contains(assembler.lowered(range)), ["resistance", "resistant", "sensitivity"].contains(next) { return true }
        // The body's own hormone, joined by a hyphen: "an ACTH-producing adenoma" (where "X produced a response" is a drug).
        if after.first == "-", ["producing", "secreting", "secreted", "produced", "dependent"].contains(next) { return true }
        return Self.nonTherapyHeads.contains(String(next))
    }

    private static let endogenousHormones: Set<String> = ["insulin", "cortisol", "estradiol", "testosterone", "leptin", "glucagon"]

    /// A name in a comma list that the sentence closes as tests done: "... were performed", "were measured".
    private func isListedTest(_ range: Range<Int>, in view: SentenceView) -> Bool {
        // Bytes first: most names are not followed by a comma, and few sentences say "were performed".
        guard range.upperBound < view.range.upperBound, assembler.bytes[range.upperBound] == 0x2C,
            assembler.text(range.upperBound..<view.range.upperBound, containsAnyOf: Self.testsDoneKeys, ignoringCase: true)
        else { return false }
        let rest = assembler.lowered(range.upperBound..<view.range.upperBound)
        guard let done = rest.firstMatch(of: Self.testsDone) else { return false }
        let list = rest[..<done.range.lowerBound]
        return !list.contains(";") && !Self.givingWords.contains { list.contains($0) }
    }

    nonisolated(unsafe) private static let testsDone =
        /\b(?:were|was)\s+(?:all\s+)?(?:performed|measured|assessed|obtained|evaluated|checked|tested|done|analy[sz]ed|determined)\b/
    private static let givingWords = [" given", " received", " administered", " treated", " started", " infused"]
    /// Every form of ``testsDone`` holds one of these.
    private static let testsDoneKeys = ["were ", "was "].map { Array($0.utf8) }

    /// A stain or analyte lead governs the name: only other names of the same list come between
    /// ("serum levels of ACTH and cortisol"), no verb of giving ("positive for CD20 and received
    /// rituximab").
    private func isAnalyte(_ range: Range<Int>, in view: SentenceView) -> Bool {
        // Room for a lead and a few names before this one: "investigations, including adrenocorticotropic hormone, cortisol".
        let window = max(view.range.lowerBound, range.lowerBound - 64)..<range.lowerBound
        guard assembler.text(window, containsAnyOf: Self.analyteLeadKeys, ignoringCase: true) else { return false }
        let before = assembler.lowered(window)
        guard let lead = Self.analyteLeads.compactMap({ before.range(of: $0, options: .backwards) }).max(by: { $0.upperBound < $1.upperBound })
        else { return false }
        let between = before[lead.upperBound...]
        let words = between.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
        guard words.count <= 5, !between.contains(";") else { return false }
        let giving: Set<Substring> = ["received", "given", "treated", "started", "with", "was", "were", "then", "after", "before"]
        return !words.contains { giving.contains($0) }
    }

    /// The clause around a mention: sentence parts split at ";", "but", "however", "whereas".
    func clauseRange(around range: Range<Int>, in view: SentenceView) -> Range<Int> {
        let sentence = assembler.lowered(view.range)
        var breaks: [Int] = [view.range.lowerBound, view.range.upperBound]
        for marker in [";", ", but ", " but ", " however", " whereas", " although", " while ", ", so ", ", therefore "] {
            var search = sentence.startIndex
            while let found = sentence.range(of: marker, range: search..<sentence.endIndex) {
                breaks.append(view.range.lowerBound + sentence.utf8.distance(from: sentence.startIndex, to: found.lowerBound))
                search = found.upperBound
            }
        }
        breaks.sort()
        let lower = breaks.last { $0 <= range.lowerBound } ?? view.range.lowerBound
        let upper = breaks.first { $0 >= range.upperBound } ?? view.range.upperBound
        return lower..<upper
    }

    /// The line a group belongs to: an existing line with the same drugs, the latest line that
    /// holds a lone drug, or a new line.
    private mutating func lineIndex(for group: [DrugMention], in view: SentenceView) -> Int {
        let drugs = unique(group.map(\.inn))
        let range = group.first!.range.lowerBound..<group.last!.range.upperBound
        let index: Int
        let same = lines.lastIndex(where: { Set($0.drugs) == Set(drugs) })
        // One drug of the combination named since ("trastuzumab was held"): the later combination, not the lone line a
        // title made of it ("… treated with trastuzumab, chemotherapy and pembrolizumab").
        let containing = drugs.count == 1 ? lines.lastIndex(where: { $0.drugs.contains(drugs[0]) }) : nil
        let titleOnly = same.map { titleOnlyLines.contains($0) } ?? false
        if let same, !titleOnly || containing.map({ $0 <= same }) ?? true {
            index = same
        } else if let containing {
            index = containing
        } else {
            lines.append(TherapyLine(line: 0, drugs: drugs, regimen: group.compactMap(\.regimen).first))
            firstMention.append(range.lowerBound)
            firstCaseMention.append(nil)
            index = lines.count - 1
            if view.sentence.section == .title { titleOnlyLines.insert(index) }
            if let setting = supportiveSetting(of: range, in: view) {
                lines[index].setting = setting
                supportiveLines.insert(index)
            }
        }
        lines[index].spans.append(assembler.evidence(range))
        if view.sentence.section != .title { titleOnlyLines.remove(index) }
        if view.sentence.section == .case, firstCaseMention[index] == nil {
            firstCaseMention[index] = range.lowerBound
            // "She had previously received X" looks back: no date of this sentence is X's start.
            if assembler.isRetrospective(view) {
                // Only lines named in earlier sentences can come after it.
                if linesBeforeSentence > 0, index >= linesBeforeSentence { retrospectiveLines.insert(index) }
            } else if let time = startTime(of: group, in: view) ?? recentDate(before: view) {
                lines[index].start = time.point
            }
        }
        if lines[index].start == nil, let time = assembler.times(in: view).first(where: { $0.point.date != nil && !isCourse($0, of: group) }) {
            lines[index].start = time.point
        }
        if lines[index].dose == nil, let dose = dose(after: group.last!.range, in: view) {
            lines[index].dose = dose
        }
        return index
    }

    /// Conditioning, prophylaxis or the treatment of a condition that is not a cancer: "the
    /// conditioning regimen consisted of busulfan", "tacrolimus as GVHD prophylaxis",
    /// "rituximab for the vasculitis".
    private func supportiveSetting(of range: Range<Int>, in view: SentenceView) -> String? {
        let clause = clauseRange(around: range, in: view)
        let words = assembler.lowered(clause)
        if words.contains("conditioning") { return "conditioning" }
        // "after lymphodepletion with fludarabine and cyclophosphamide", "fludarabine-cyclophosphamide lymphodepletion":
        // the preparation for a cell therapy, named before the drugs or right after them (not the cell therapy itself,
        // infused "after lymphodepletion").
        let before = assembler.lowered(clause.lowerBound..<range.lowerBound)
        let right = assembler.lowered(range.upperBound..<min(clause.upperBound, range.upperBound + 40))
        if before.contains("lymphodeplet") || right.firstMatch(of: Self.lymphodepletionAfter) != nil { return "lymphodepletion" }
        if isProphylaxis(range, clause: clause, words: words, in: view) { return "prophylaxis" }
        if let event = treatedEvent(before: range, in: view, clause: clause) { return "treatment of " + event }
        // "X for <condition>": the first disease after "for" within a few words is not a cancer.
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 6))
        guard after.hasPrefix(" for ") else { return nil }
        let disease = view.terms(.disease).first { $0.range.lowerBound >= range.upperBound && $0.range.lowerBound - range.upperBound <= 24 }
        guard let disease, case .disease(let index) = disease.concept, !assembler.vocabularies.diseases[index].isCancer else { return nil }
        return "treatment of " + assembler.lowered(disease.range)
    }

    /// Whether the drugs at `range` are given as prophylaxis: the word next to them ("prophylaxis with aciclovir",
    /// "prophylactic G-CSF", "intrathecal methotrexate as CNS prophylaxis") with no other drug between, or anywhere in
    /// the clause when every drug there treats no tumour. "dasatinib plus prednisone, with intrathecal methotrexate as
    /// CNS prophylaxis" and "venetoclax … with dose adjustment and prophylaxis for tumour lysis" are treatment.
    /// `words` is the clause, lowered.
    private func isProphylaxis(_ range: Range<Int>, clause: Range<Int>, words: String, in view: SentenceView) -> Bool {
        guard words.contains("prophyla") || words.contains("premedication") else { return false }
        let drugs = view.terms(.drug).filter { clause.contains($0.range.lowerBound) }
        let group = drugs.filter { range.contains($0.range.lowerBound) }
        if !group.isEmpty, group.allSatisfy({ term in assembler.vocabularies.drug(of: term).map(Self.treatsNoTumour) ?? false }) { return true }
        let after = max(range.upperBound, clause.lowerBound)..<min(clause.upperBound, range.upperBound + 40)
        let before = max(clause.lowerBound, range.lowerBound - 30)..<max(clause.lowerBound, range.lowerBound)
        for window in [after, before] where !window.isEmpty {
            let text = assembler.lowered(window)
            guard let hit = text.range(of: "prophyla") ?? text.range(of: "premedication") else { continue }
            let offset = window.lowerBound + text.utf8.distance(from: text.startIndex, to: hit.lowerBound)
            let between = window == after ? range.upperBound..<offset : offset..<range.lowerBound
            if !drugs.contains(where: { between.contains($0.range.lowerBound) && !range.contains($0.range.lowerBound) }) { return true }
        }
        return false
    }

    /// Lymphodepletion named right after the drugs: "fludarabine and cyclophosphamide lymphodepletion".
    nonisolated(unsafe) private static let lymphodepletionAfter = /^[\s,\w-]{0,30}?lymphodeplet/

    /// "dyspnea and effusions, which resolved with dexamethasone": a steroid or supportive drug
    /// that an event of the same clause resolved with treats that event, not the cancer.
    private func treatedEvent(before range: Range<Int>, in view: SentenceView, clause: Range<Int>) -> String? {
        let group = view.terms(.drug).filter { range.contains($0.range.lowerBound) }
        let supportive = group.allSatisfy { term in assembler.vocabularies.drug(of: term).map(Self.treatsNoTumour) ?? false }
        guard !group.isEmpty, supportive else { return nil }
        // "…, and it responded to tocilizumab": the event is the subject, named earlier in the sentence.
        let near = assembler.lowered(max(view.range.lowerBound, range.lowerBound - 40)..<range.lowerBound)
        if near.firstMatch(of: Self.eventRespondedTo) != nil,
            let event = view.terms(.adverseEvent).last(where: { $0.range.upperBound <= range.lowerBound })
        {
            return assembler.lowered(event.range)
        }
        let lead = assembler.lowered(max(clause.lowerBound, range.lowerBound - 48)..<range.lowerBound)
        guard lead.firstMatch(of: Self.resolvedWith) != nil else { return nil }
        guard let event = view.terms(.adverseEvent).last(where: { clause.contains($0.range.lowerBound) && $0.range.upperBound <= range.lowerBound })
        else {
            return nil
        }
        return assembler.lowered(event.range)
    }

    /// A drug that treats the toxicity, not the tumour: steroids and supportive care, drugs of other fields
    /// (infliximab, anakinra, sertraline), and hormone replacement or cytokine blockade (levothyroxine,
    /// tocilizumab).
    static func treatsNoTumour(_ drug: Drug) -> Bool {
        if ["steroid", "supportive", "other", "substance"].contains(drug.category) { return true }
        return !drug.targets.isEmpty && drug.targets.allSatisfy { nonTumourTargets.contains($0) }
    }

    private static let nonTumourTargets: Set<String> = ["IL6R", "IL6", "THRA", "THRB", "TNF", "IL1R1", "IL1B"]

    /// Supportive care and drugs for other conditions (antiemetics, growth factors, anti-infectives, thyroid hormone,
    /// anticoagulants, unclassified DrugBank drugs), which never make part of a regimen against the tumour. Folate
    /// modulators, mesna and filgrastim are regimen partners (FOLFOX, ifosfamide-mesna, FLAG), and steroids are
    /// partners of many regimens (R-CHOP, VRd).
    func isAncillary(_ inn: String) -> Bool {
        guard !Self.regimenPartners.contains(inn), let drug = assembler.vocabularies.drug(inn: inn) else { return false }
        return Self.isSupportiveOrUnclassified(drug) || drug.drugClass == "thyroid hormone"
    }

    /// A line of ancillary drugs only (``isAncillary(_:)``).
    func isAncillaryLine(_ index: Int) -> Bool {
        !assembler.namesNoCancer && !lines[index].drugs.isEmpty && lines[index].drugs.allSatisfy(isAncillary)
    }

    private static let regimenPartners: Set<String> = ["leucovorin", "levoleucovorin", "mesna", "filgrastim"]

    /// "She had hypertension controlled with amlodipine and hypothyroidism on levothyroxine": a condition
    /// with the drug that treats it, before any anticancer drug of the patient, is history, not a toxicity.
    /// After one, "hypertension controlled with amlodipine" is often the anticancer drug's event, so it stays.
    private func isConditionOnItsOwnDrug(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let vocabularies = assembler.vocabularies
        guard let next = view.terms(.drug).first(where: { $0.range.lowerBound >= range.upperBound }),
            let treating = vocabularies.drug(of: next), Self.treatsNoTumour(treating)
        else { return false }
        let gap = assembler.gap(range.upperBound, next.range.lowerBound)
        guard gap.count <= 40, gap.firstMatch(of: Self.conditionDrugLink) != nil else { return false }
        func namesAnticancerDrug(_ sentence: SentenceView, before limit: Int) -> Bool {
            sentence.terms(.drug).contains { $0.range.lowerBound < limit && vocabularies.drug(of: $0).map { !Self.treatsNoTumour($0) } ?? false }
        }
        if namesAnticancerDrug(view, before: range.lowerBound) { return false }
        // Earlier sentences of the same section: a title or an introduction naming the drugs to come says
        // nothing of when the history line stands.
        return !assembler.views.contains {
            $0.isPatient && $0.sentence.sectionIndex == view.sentence.sectionIndex && $0.range.upperBound <= view.range.lowerBound
                && namesAnticancerDrug($0, before: $0.range.upperBound)
        }
    }

    /// The words between a condition and the drug that treats it: "on", "controlled with", "treated with".
    nonisolated(unsafe) private static let conditionDrugLink =
        /^(?:(?:which|that)\s+(?:was|is)\s+)?(?:(?:(?:well|adequately)[- ])?(?:controlled|treated|managed)\s+(?:with|by|on)|on)(?:\s+(?:oral|daily|low-dose|regular))?$/

    nonisolated(unsafe) private static let eventRespondedTo =
        /\b(?:it|which|this|both|they)\s+(?:(?:promptly|quickly|rapidly|later)\s+)?(?:responded|resolved|improved)\s+(?:(?:promptly|quickly|rapidly|completely)\s+)?(?:to|with|after|on)\s+(?:(?:oral|intravenous|iv|high-dose|systemic|topical)\s+)?$/

    nonisolated(unsafe) private static let resolvedWith =
        /\b(?:(?:resolved|improved|subsided|disappeared|abated|settled|managed|controlled|treated|responded|responding)\s+(?:(?:promptly|quickly|rapidly|completely|successfully)\s+)?(?:with|after|on|to)\s+(?:(?:a\s+)?(?:short\s+)?(?:course\s+of\s+)?)?(?:fluids\s+and\s+)?|requir(?:ing|ed)\s+)(?:(?:oral|intravenous|iv|high-dose|systemic|topical)\s+)?$/

    /// The first time phrase of the sentence that can date the start of a line: not one that counts
    /// into the line's own course ("after three months of this treatment, X induced...").
    private func startTime(of group: [DrugMention], in view: SentenceView) -> TimeMention? {
        assembler.times(in: view).first { !isCourse($0, of: group) }
    }

    private func isCourse(_ time: TimeMention, of group: [DrugMention]) -> Bool {
        guard time.point.anchor == "start of therapy" || time.point.cycle != nil else { return false }
        let after = assembler.lowered(time.range.upperBound..<min(assembler.bytes.count, time.range.upperBound + 40))
        if after.hasPrefix(" of this") || after.hasPrefix(" of the ") || after.hasPrefix(" of treatment") || after.hasPrefix(" of therapy") {
            return true
        }
        // "after 18 months of imatinib" dates the next line, not imatinib's; "in the third cycle
        // venetoclax was added" does date venetoclax.
        guard after.hasPrefix(" of ") else { return false }
        return group.contains { $0.range.lowerBound >= time.range.upperBound && $0.range.lowerBound - time.range.upperBound <= 24 }
    }

    /// A calendar date from the one or two sentences just before, in the same section: narratives
    /// often date an event and start the drug in the next sentence ("In February 2012, the
    /// disease progressed. Crizotinib was started.").
    private func recentDate(before view: SentenceView) -> TimeMention? {
        for previous in assembler.views[..<view.index].reversed().prefix(2) where previous.sentence.sectionIndex == view.sentence.sectionIndex {
            if let dated = assembler.times(in: previous).last(where: { $0.point.date != nil }) { return dated }
        }
        return nil
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// "400 mg bid", "250 mg/twice a day, orally", "alternated 600-800 mg die", "80 mg once daily".
    private func dose(after range: Range<Int>, in view: SentenceView) -> String? {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 80)
        guard let number = view.numbers.first(where: { window.contains($0.range.lowerBound) && !$0.isWord }) else { return nil }
        let units = ["mg/m2", "mg/m²", "mg/kg", "mg", "g/m2", "g", "µg", "mcg", "ug", "iu", "units", "u/kg", "gy"]
        var cursor = number.range.upperBound
        // A range such as "600-800".
        if cursor + 1 < assembler.bytes.count, assembler.bytes[cursor] == 0x2D,
            let second = view.numbers.first(where: { $0.range.lowerBound == cursor + 1 })
        {
            cursor = second.range.upperBound
        }
        let rest = assembler.lowered(cursor..<min(view.range.upperBound, cursor + 40))
        let trimmed = rest.drop { $0 == " " }
        guard let unit = units.first(where: { trimmed.hasPrefix($0) }) else { return nil }
        cursor += (rest.utf8.count - trimmed.utf8.count) + unit.utf8.count
        let schedules = [
            "/twice a day", "/twice per day", "twice a day", "twice daily", "twice per day", "once daily", "once a day", "three times daily",
            "per day", "/day", "/d", "daily", "die", "bid", "b.i.d.", "tid", "t.i.d.", "qd", "q.d.", "weekly", "every 3 weeks",
            "every 2 weeks", "every 4 weeks", "every week", "orally", "intravenously", "iv", "po", "subcutaneously", "sc",
        ]
        var extended = true
        while extended {
            extended = false
            let tail = assembler.lowered(cursor..<min(view.range.upperBound, cursor + 24))
            let spaced = tail.drop { $0 == " " || $0 == "," }
            for schedule in schedules where spaced.hasPrefix(schedule) {
                let after = spaced.dropFirst(schedule.count).first
                if let after, after.isLetter { continue }
                cursor += (tail.utf8.count - spaced.utf8.count) + schedule.utf8.count
                extended = true
                break
            }
        }
        var start = number.range.lowerBound
        let before = assembler.lowered(max(view.range.lowerBound, start - 11)..<start)
        if before.hasSuffix("alternated ") { start -= 11 }
        return assembler.text(start..<cursor)
    }

    private mutating func orderLines() {
        // A line only the title named whose drugs a line of the text holds ("progression on abemaciclib" in the title,
        // letrozole with abemaciclib in the case) is that line, told short; its outcome goes there if it has none.
        var subsumed: Set<Int> = []
        for index in titleOnlyLines.sorted() {
            let drugs = Set(lines[index].drugs)
            guard
                let holder = lines.indices.last(where: {
                    $0 != index && !titleOnlyLines.contains($0) && drugs.isSubset(of: Set(lines[$0].drugs))
                })
            else { continue }
            if lines[holder].response == nil, lines[index].response != nil {
                lines[holder].response = lines[index].response
                lines[holder].responseSpans = lines[index].responseSpans
            }
            subsumed.insert(index)
        }
        var order = lines.indices.filter { !subsumed.contains($0) }.sorted { a, b in
            let keyA = firstCaseMention[a] ?? firstMention[a]
            let keyB = firstCaseMention[b] ?? firstMention[b]
            return keyA < keyB
        }
        // Lines are in time order, not order of mention: the lines whose start the clock knows
        // are sorted by it within the places they hold; the others keep their place.
        // A line named as given before ("she had previously received X") comes ahead of the
        // lines named so far.
        // Lines named in one sentence keep their order among themselves.
        var moved: [Int] = []
        for line in order.filter({ retrospectiveLines.contains($0) }).reversed() {
            order.removeAll { $0 == line }
            moved.insert(line, at: 0)
        }
        order.insert(contentsOf: moved, at: 0)
        let starts = order.map { retrospectiveLines.contains($0) ? nil : startMonths(of: lines[$0]) }
        let timedPlaces = order.indices.filter { starts[$0] != nil }
        let timed = timedPlaces.map { (line: order[$0], start: starts[$0]!) }
        // A stable sort: lines that start together stay in order of mention.
        let sorted = timed.enumerated().sorted { a, b in
            a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
        }
        for (place, entry) in zip(timedPlaces, sorted) { order[place] = entry.element.line }
        lines = order.enumerated().map { position, index in
            var line = lines[index]
            line.line = position + 1
            return line
        }
        for index in adverseEvents.indices {
            adverseEvents[index].drugs = unique(adverseEvents[index].drugs)
        }
    }

    /// When a line started, in months from diagnosis: its stated start, else when its first
    /// drug was first given on the document's clock.
    private func startMonths(of line: TherapyLine) -> Double? {
        if let months = line.start?.monthsFromDiagnosis { return months }
        return line.drugs.compactMap { assembler.clock.drugStarts[$0] }.min()
    }

    // MARK: Procedures

    private mutating func procedureMentions(in view: SentenceView) -> [(Range<Int>, Int)] {
        var result: [(Range<Int>, Int)] = []
        for cue in view.cues {
            guard let kind = cue.cue.procedure else { continue }
            let clause = clauseRange(around: cue.range, in: view)
            if view.cues.contains(where: { $0.cue == .refusal && clause.contains($0.range.lowerBound) }) { continue }
            if assembler.isNegated(cue.range, in: view, window: 8) { continue }
            // "post-transplant" and "after transplant" refer back to one that happened already.
            let before = assembler.lowered(max(view.range.lowerBound, cue.range.lowerBound - 6)..<cue.range.lowerBound)
            let isReference = before.hasSuffix("post-") || before.hasSuffix("after ") || before.hasSuffix("from ")
            if let existing = procedures.lastIndex(where: { $0.kind == kind }),
                isReference || result.contains(where: { procedures[$0.1].kind == kind })
            {
                result.append((cue.range, existing))
                continue
            }
            let detail = procedureDetail(kind, near: cue.range, in: view)
            let time = assembler.times(in: view).first { $0.point.date != nil }?.point
            // Mentions of the same procedure merge unless a new date or detail sets them apart.
            if let same = procedures.lastIndex(where: { $0.kind == kind && (detail == nil || $0.detail == nil || $0.detail == detail) }),
                time == nil || procedures[same].time?.date == nil || procedures[same].time?.date == time?.date
            {
                procedures[same].spans.append(assembler.evidence(cue.range))
                if procedures[same].detail == nil { procedures[same].detail = detail }
                if procedures[same].time == nil { procedures[same].time = time }
                result.append((cue.range, same))
                continue
            }
            var procedure = Procedure(kind: kind, detail: detail, spans: [assembler.evidence(cue.range)])
            procedure.time = time
            procedures.append(procedure)
            result.append((cue.range, procedures.count - 1))
        }
        return result
    }

    /// "36 Gy", "54 Gy administered over 25 sessions", "R1", "allogeneic".
    private func procedureDetail(_ kind: ProcedureKind, near range: Range<Int>, in view: SentenceView) -> String? {
        let sentence = assembler.text(view.range)
        switch kind {
        case .radiotherapy, .stereotacticRadiotherapy:
            guard
                let number = view.numbers.first(where: { number in
                    let tail = assembler.lowered(number.range.upperBound..<min(view.range.upperBound, number.range.upperBound + 4))
                    return tail.hasPrefix(" gy") || tail.hasPrefix("gy")
                })
            else { return nil }
            return assembler.text(number.range.lowerBound..<min(view.range.upperBound, number.range.upperBound + 3)).trimmingCharacters(
                in: .whitespaces
            )
        case .surgery:
            for margin in ["R0", "R1", "R2"] where sentence.contains(margin) { return margin }
            return nil
        case .transplant:
            let lowered = sentence.lowercased()
            if lowered.contains("allogeneic") || lowered.contains("allo-") { return "allogeneic" }
            if lowered.contains("autologous") || lowered.contains("auto-") { return "autologous" }
            return nil
        default:
            return nil
        }
    }

    // MARK: Responses

    private mutating func attachResponses(in view: SentenceView, placed: [Placed], focus: Item?) {
        // Supportive lines (conditioning, prophylaxis, a drug for another condition) take an
        // outcome only when it names them.
        let treating = placed.filter {
            if case .line(let index) = $0.item {
                !supportiveLines.contains(index) && !treatsNoCancer(index) && !treatsACondition(index) && !isAncillaryLine(index)
            } else {
                true
            }
        }
        // A focus on drugs given beside the treatment ("… with levothyroxine and loperamide") passes to the
        // treatment line before them.
        let treatingFocus: Item? =
            if case .line(let index) = focus, supportiveLines.contains(index) || treatsACondition(index) {
                nil
            } else if case .line(let index) = focus, isAncillaryLine(index) {
                (0..<index).last(where: { !isAncillaryLine($0) && !supportiveLines.contains($0) && !treatsNoCancer($0) }).map { .line($0) }
            } else {
                focus
            }
        let patterns =
            assembler.sentence(view, containsAnyOf: ResponsePatterns.keys, ignoringCase: true)
            ? ResponsePatterns.matches(in: assembler.text(view.range), offset: view.range.lowerBound) : []
        for pattern in patterns where pattern.explicitOnly && !assembler.isNegated(pattern.range, in: view, window: 12) {
            if managesAnEvent(pattern, in: view) { continue }
            for index in namedLines(after: pattern.range, placed: placed) {
                record(pattern.kind, at: pattern.range, onLine: index, named: true)
            }
        }
        if let failed = linesFailedDespite(in: view, placed: placed) {
            for index in failed.lines { record(.progressive, at: failed.range, onLine: index) }
        }
        // A sentence about a class of tumours or patients states no outcome of this patient's
        // drug unless it names one: "such neoplasms may recur late".
        // Worked out only when an outcome needs it: the word scan costs more than the rest.
        var generic: Bool?
        var cues = view.cues.filter { $0.cue.response != nil }
        // A pattern outranks the cue words inside it: "remained recurrence-free" is no recurrence.
        for pattern in patterns where !pattern.explicitOnly {
            cues.removeAll { $0.range.overlaps(pattern.range) }
            let cue: Cue =
                switch pattern.kind {
                case .complete: .complete
                case .partial: .partial
                case .stable: .stable
                case .progressive: .progression
                }
            cues.append(CueMention(range: pattern.range, cue: cue))
        }
        for cue in cues.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard let response = cue.cue.response else { continue }
            if patterns.contains(where: { $0.explicitOnly && $0.range.overlaps(cue.range) }) { continue }
            if assembler.isNegated(cue.range, in: view, window: 12) { continue }
            if response == .progressive && (isDiseaseQualifier(cue, in: view) || isFreeOf(cue) || isSymptomCourse(cue, in: view)) { continue }
            if isAimOfTreatment(cue, in: view) || isDeniedToAll(cue, in: view) { continue }
            // "steroids and pyridostigmine course with symptom resolution": the outcome follows
            // the drug it belongs to, whatever kind of drug it is.
            if let direct = lineJustBefore(cue.range, placed: placed) {
                record(response, at: cue.range, onLine: direct, named: true)
                continue
            }
            let explicit = responseTarget(for: cue, response: response, placed: placed, focus: nil, explicitOnly: true, in: view)
            // "a good response to X and Y": every drug the outcome names.
            if let explicit {
                // The first line named is the explicit target, unless a procedure came first:
                // "successfully treated by surgery, X and Y" still credits X and Y.
                let named = namedLines(after: cue.range, placed: placed)
                let others = if case .line(let first) = explicit, named.first == first { named.dropFirst() } else { named[...] }
                for index in others { record(response, at: cue.range, onLine: index) }
            }
            if explicit == nil {
                if generic == nil { generic = placed.isEmpty && !assembler.caseSeries && speaksOfAClass(view) }
                if generic == true { continue }
            }
            guard let target = explicit ?? responseTarget(for: cue, response: response, placed: treating, focus: treatingFocus, in: view) else {
                continue
            }
            guard case .line(let index) = target else { continue }
            // "responded to steroids, in addition to discontinuation of adalimumab": the drug
            // stopped is not the one the outcome is of (progression that led to the stop is).
            if response != .progressive, let mention = placed.last(where: { if case .line(index) = $0.item { true } else { false } }),
                isStopped(mention.range)
            {
                continue
            }
            // Progression after a drug was stopped for another reason is not its outcome.
            if response == .progressive, stoppedLines.contains(index), lines[index].stopReason != "progression",
                !treating.contains(where: { $0.range.lowerBound < cue.range.lowerBound })
            {
                continue
            }
            record(response, at: cue.range, onLine: index)
        }
        if let relief = symptomRelief(in: view, placed: placed) { record(relief.response, at: relief.range, onLine: relief.line, named: true) }
        // "imatinib resistance", "a sorafenib-resistant clone": the drug failed, even with no
        // response word. ("Mutations conferring resistance to X" speak of the mutations.)
        for cue in view.cues(.resistance) where !assembler.isNegated(cue.range, in: view, window: 12) {
            let target = placed.first { item in
                guard case .line = item.item else { return false }
                guard item.range.upperBound <= cue.range.lowerBound else { return false }
                return ["", "-"].contains(assembler.gap(item.range.upperBound, cue.range.lowerBound))
            }
            guard case .line(let index) = target?.item, lines[index].response == nil else { continue }
            lines[index].response = .progressive
            lines[index].responseText = assembler.lowered(cue.range)
            lines[index].responseSpans.append(assembler.evidence(cue.range))
        }
        // "because of gefitinib failure", "after imatinib treatment failure": the drug failed.
        guard assembler.sentence(view, containsAnyOf: Self.failureKey, ignoringCase: true) else { return }
        for item in placed {
            guard case .line(let index) = item.item, lines[index].response == nil, !treatsNoCancer(index) else { continue }
            let after = assembler.lowered(item.range.upperBound..<min(view.range.upperBound, item.range.upperBound + 20))
            guard let failure = [" failure", "-failure", " treatment failure", " therapy failure"].first(where: { after.hasPrefix($0) }) else {
                continue
            }
            let range = item.range.lowerBound..<(item.range.upperBound + failure.utf8.count)
            if assembler.isNegated(range, in: view, window: 12) { continue }
            record(.progressive, at: range, onLine: index)
        }
    }

    private static let failureKey = [Array("failure".utf8)]

    /// In a report naming no cancer the symptoms are the illness: "after the administration of
    /// X, her nausea and gait disturbance disappeared" is X's outcome (complete when they went,
    /// partial when they improved). The drug must come before the symptoms and not be the one
    /// stopped ("after stopping X, the neutropenia improved" is a dechallenge).
    private func symptomRelief(in view: SentenceView, placed: [Placed]) -> (response: ResponseKind, range: Range<Int>, line: Int)? {
        guard assembler.namesNoCancer, assembler.sentence(view, containsAnyOf: Self.reliefKeys, ignoringCase: true) else { return nil }
        let text = assembler.text(view.range)
        guard let relief = text.firstMatch(of: Self.reliefWords) else { return nil }
        let start = view.range.lowerBound + text.utf8.distance(from: text.startIndex, to: relief.range.lowerBound)
        let range = start..<(start + relief.output.utf8.count)
        guard let firstEvent = view.terms(.adverseEvent).map(\.range.lowerBound).min(), firstEvent < start else { return nil }
        guard let item = placed.last(where: { $0.range.upperBound <= firstEvent }), case .line(let line) = item.item, !isStopped(item.range)
        else { return nil }
        // "… that resolved after cessation of the suspected agent": the harm ending, not a response.
        if stoppingFollows(range.upperBound, in: view) { return nil }
        let word = relief.output.lowercased()
        let complete = ["disappeared", "resolved", "vanished", "normalized", "normalised"].contains(word)
        return (complete ? .complete : .partial, range, line)
    }

    /// The line whose drug the outcome directly follows: "X course with symptom resolution",
    /// "X therapy, resulting in remission". Only course words and joiners may stand between.
    private func lineJustBefore(_ range: Range<Int>, placed: [Placed]) -> Int? {
        guard let item = placed.last(where: { $0.range.upperBound <= range.lowerBound }), case .line(let index) = item.item else { return nil }
        let gap = assembler.lowered(item.range.upperBound..<range.lowerBound)
        let words = gap.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.contains("with") || words.contains("resulting") || words.contains("leading") else { return nil }
        return words.count <= 4 && words.allSatisfy({ Self.courseJoiners.contains(String($0)) }) ? index : nil
    }

    private static let courseJoiners: Set<String> = [
        "course", "courses", "therapy", "treatment", "with", "resulting", "in", "leading", "to", "prompt", "rapid", "a",
    ]

    /// "discontinuation of adalimumab", "after stopping X": a drug named as stopped.
    private func isStopped(_ range: Range<Int>) -> Bool {
        let before = assembler.lowered(max(0, range.lowerBound - 20)..<range.lowerBound)
        return ["discontinuation of ", "withdrawal of ", "cessation of ", "stopping ", "discontinuing ", "withdrawing "].contains {
            before.hasSuffix($0) || before.hasSuffix($0 + "the ")
        }
    }

    /// "Despite treatment with X, Y and Z, the patient continued to deteriorate": the drugs the
    /// "despite" clause names failed, when the patient or the disease is what worsened ("despite
    /// X, her rash worsened" is a symptom's course and is left alone).
    private func linesFailedDespite(in view: SentenceView, placed: [Placed]) -> (range: Range<Int>, lines: [Int])? {
        guard assembler.sentence(view, containsAnyOf: Self.despiteKey, ignoringCase: true) else { return nil }
        let text = assembler.text(view.range)
        guard let despite = text.firstMatch(of: Self.despiteWord),
            let worse = text[despite.range.upperBound...].firstMatch(of: Self.worseningSubject)
        else { return nil }
        let start = view.range.lowerBound + text.utf8.distance(from: text.startIndex, to: despite.range.upperBound)
        let end = view.range.lowerBound + text.utf8.distance(from: text.startIndex, to: worse.range.lowerBound)
        let outcomeEnd = view.range.lowerBound + text.utf8.distance(from: text.startIndex, to: worse.range.upperBound)
        // The clause between names the treatment only: no sentence break or second clause.
        let clause = assembler.lowered(start..<end)
        if clause.contains(";") || clause.contains(". ") || clause.contains(" but ") { return nil }
        let lines: [Int] = placed.compactMap { item in
            guard case .line(let index) = item.item, item.range.lowerBound >= start, item.range.upperBound <= end else { return nil }
            return index
        }
        return (start - 7..<outcomeEnd, lines)
    }

    nonisolated(unsafe) private static let despiteWord = /\bdespite\b/.ignoresCase()
    nonisolated(unsafe) private static let worseningSubject =
        /,\s+(?:(?:the|this|our)\s+patient|he|she|(?:his|her|the|their)\s+(?:general\s+|clinical\s+)?(?:condition|disease|cancer|tumou?rs?|lymphoma|leuka?emia|myeloma|state))\s+(?:(?:continued|went\s+on|kept)\s+to\s+(?:deteriorate|worsen|progress|decline)|kept\s+(?:deteriorating|worsening|progressing)|deteriorated|worsened|progressed|declined)\b/
        .ignoresCase()

    /// A line of drugs outside oncology given for a condition its own sentences name ("She had type 2 diabetes
    /// treated with metformin", "levothyroxine for Hashimoto thyroiditis"): the tumour's course that follows is not its.
    /// Glucocorticoids are left out, since they are part of many anticancer regimens.
    func treatsACondition(_ index: Int) -> Bool {
        guard !assembler.namesNoCancer,
            lines[index].drugs.allSatisfy({ inn in
                guard let drug = assembler.vocabularies.drug(inn: inn) else { return true }
                return ["other", "supportive", "substance"].contains(drug.category)
            })
        else { return false }
        let spans = lines[index].spans
        return !spans.isEmpty
            && spans.allSatisfy { span in
                guard let view = assembler.views.first(where: { $0.range.contains(span.start) }) else { return false }
                return view.terms(.disease).contains { term in
                    if case .disease(let disease) = term.concept { !assembler.vocabularies.diseases[disease].isCancer } else { false }
                }
            }
    }

    /// A line of drugs that treat no cancer: supportive care (bisphosphonates, G-CSF, antiemetics),
    /// analytes, or drugs known only from DrugBank (diuretics, beta-blockers). A tumour's course
    /// is never theirs unless the outcome names them.
    func treatsNoCancer(_ index: Int) -> Bool {
        if assembler.namesNoCancer { return false }
        return lines[index].drugs.allSatisfy { inn in assembler.vocabularies.drug(inn: inn).map(Self.isSupportiveOrUnclassified) ?? false }
    }

    /// Supportive care, a chemical, or a drug outside oncology the vocabulary gives no class (DrugBank's layer).
    static func isSupportiveOrUnclassified(_ drug: Drug) -> Bool {
        drug.category == "supportive" || drug.category == "substance" || drug.category == "other" && drug.drugClass.isEmpty
    }

    /// Keeps the best response of a line, with the words that said it.
    private mutating func record(_ response: ResponseKind, at range: Range<Int>, onLine index: Int, named: Bool = false) {
        // A supportive drug takes only a failure pattern that names it ("no improvement in the
        // rash despite fluconazole"). The tumour's course is never its, nor is "responded well to
        // IV furosemide" (a symptom's course).
        if treatsNoCancer(index) || isAncillaryLine(index), !named { return }
        // A drug given for a toxicity ("CRS … responded to tocilizumab") took the toxicity's course, not the
        // tumour's; only its failure is told as the drug's.
        if response != .progressive, supportiveLines.contains(index), lines[index].setting?.hasPrefix("treatment of ") == true { return }
        let current = lines[index].response
        let text = assembler.lowered(range)
        // In CML the depth of a response is its level (haematologic, then cytogenetic, then molecular; ELN 2020): a
        // complete haematological response with a partial cytogenetic response is a partial response, not a complete one.
        var replaces = current.map { response.rank > $0.rank } ?? true
        if let level = Self.responseLevel(text), let currentLevel = lines[index].responseText.flatMap(Self.responseLevel),
            response != .progressive, current != .progressive, (level == .haematologic) != (currentLevel == .haematologic)
        {
            // One is haematological only, the other deeper: the deeper one speaks.
            replaces = currentLevel == .haematologic
        }
        if replaces {
            lines[index].response = response
            lines[index].responseText = text
        }
        lines[index].responseSpans.append(assembler.evidence(range))
    }

    /// The level a CML response is measured at, when its words say.
    enum ResponseLevel { case haematologic, cytogenetic, molecular }

    static func responseLevel(_ text: String) -> ResponseLevel? {
        if ["molecular", "mmr", "mr4", "mr5", "cmr", "dmr", "mrd"].contains(where: { text.contains($0) }) { return .molecular }
        if ["cytogenetic", "ccyr", "pcyr", "mcyr"].contains(where: { text.contains($0) }) { return .cytogenetic }
        if ["haematolog", "hematolog", "chr"].contains(where: { text.contains($0) }) { return .haematologic }
        return nil
    }

    /// The lines an outcome names right after it: "resistant to radiation and temozolomide",
    /// "resistance to dasatinib, nilotinib and ponatinib", "died despite sorafenib".
    private func namedLines(after range: Range<Int>, placed: [Placed]) -> [Int] {
        var result: [Int] = []
        var cursor = range.upperBound
        for item in placed where item.range.lowerBound >= range.upperBound {
            let gap = assembler.gap(cursor, item.range.lowerBound)
            let words = gap.split(whereSeparator: { $0 == " " || $0 == "," })
            // The first drug may follow "to"/"despite" and a few modifiers; later ones a list joiner,
            // or a procedure or class named in the list ("radiation and").
            guard words.count <= (result.isEmpty ? 3 : 2), !gap.contains(";"), !gap.contains(".") else { break }
            // "X therapy and low-dose Y" still lists Y.
            if !result.isEmpty,
                !words.allSatisfy({ ["and", "or", "then", "as", "well", "therapy", "treatment"].contains($0) || $0.hasSuffix("-dose") })
            {
                break
            }
            if case .line(let index) = item.item { result.append(index) }
            cursor = item.range.upperBound
        }
        return result
    }

    /// "neoplasms", "tumours", "patients" as the sentence's topic, with no pronoun or reference
    /// that makes it this patient's.
    private func speaksOfAClass(_ view: SentenceView) -> Bool {
        if view.cues.contains(where: { [.malePronoun, .femalePronoun].contains($0.cue) }) { return false }
        if view.cues.contains(where: { $0.cue == .patientReference && !assembler.lowered($0.range).hasSuffix("patients") }) { return false }
        let words = assembler.lowered(view.range).split(whereSeparator: { !$0.isLetter })
        return words.contains { CaseAssembler.pluralClassHeads.contains(String($0)) || $0 == "patients" }
    }

    /// True when two mentions are joined as one treatment: "azacitidine plus DLI".
    private func isJoined(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        ["plus", "+", "and", "with", "/", "combined with"].contains(assembler.gap(first.upperBound, second.lowerBound))
    }

    /// "her anemia gradually progressed": the course of a symptom, not of the disease.
    private func isSymptomCourse(_ cue: CueMention, in view: SentenceView) -> Bool {
        // With no cancer named, the symptoms are the illness being treated: their course is the outcome.
        if assembler.namesNoCancer { return false }
        // "progressed to pancytopenia": what it became is a symptom, not a worse cancer.
        let after = assembler.lowered(cue.range.upperBound..<min(view.range.upperBound, cue.range.upperBound + 4))
        if after.hasPrefix(" to "),
            view.terms.contains(where: { $0.concept.kind == .adverseEvent && $0.range.lowerBound == cue.range.upperBound + 4 })
        {
            return true
        }
        return view.terms.contains { term in
            guard term.concept.kind == .adverseEvent, term.range.upperBound <= cue.range.lowerBound else { return false }
            let between = assembler.gap(term.range.upperBound, cue.range.lowerBound).split(separator: " ")
            return between.count <= 2
                && between.allSatisfy { $0.hasSuffix("ly") || $0 == "had" || $0 == "has" || $0 == "further" || $0 == "," || $0 == "which" }
        }
    }

    /// "hoping to attenuate the progression of X", "to prevent relapse", "to reduce the
    /// likelihood of recurrence": what a drug was given for, not how the disease went.
    private func isAimOfTreatment(_ cue: CueMention, in view: SentenceView) -> Bool {
        let before = assembler.lowered(max(view.range.lowerBound, cue.range.lowerBound - 32)..<cue.range.lowerBound)
        if before.firstMatch(of: Self.aimLead) != nil { return true }
        // "The goal was to achieve a deep molecular response", "in order to induce remission":
        // a hoped-for response, not one reached. Not "went on to achieve CR".
        let clause = assembler.lowered(max(view.range.lowerBound, cue.range.lowerBound - 100)..<cue.range.lowerBound)
        guard let purpose = clause.matches(of: Self.purposeLead).last else { return false }
        let between = clause[purpose.range.upperBound...]
        return !between.contains(",") && !between.contains(";") && !between.contains(". ")
    }

    /// "none of the patients achieved complete remission (CR)", "no patient had a response": a
    /// response a series denies to all its patients, and its bracketed abbreviation.
    private func isDeniedToAll(_ cue: CueMention, in view: SentenceView) -> Bool {
        let before = assembler.lowered(max(view.range.lowerBound, cue.range.lowerBound - 64)..<cue.range.lowerBound)
        guard before.contains("none") || before.contains("no ") || before.contains("neither") else { return false }
        return before.firstMatch(of: Self.deniedToAll) != nil
    }

    nonisolated(unsafe) private static let deniedToAll =
        /\b(?:none|neither|no\s+(?:other\s+)?(?:patients?|cases?|one|subjects?))(?:\s+of\s+(?:the|our|these|those|them)(?:\s+[\w-]+){0,2})?\s+(?:(?:had|has|have|achieved|attained|reached|obtained|showed|experienced|went\s+on\s+to\s+achieve|was\s+in|were\s+in)\s+)(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,3}\(?$/

    /// A purpose or hope before the response words: "aim to achieve", "with the goal of inducing".
    nonisolated(unsafe) private static let purposeLead =
        /\b(?:(?:in\s+order|so\s+as|hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|goal\s+(?:was|is|being)|intend(?:s|ed)?|intention\s+(?:was|is)|attempt(?:s|ed|ing)?|tr(?:y|ying|ied)|strategy|designed|expected|planned|plan)\s+to|(?:goal|aim|hope|intent|intention|purpose|objective)\s+of|(?:goal|aim|intent|intention|purpose|objective)\s+of\s+(?:the\s+)?(?:therapy|treatment)\s+(?:was|is)\s+to)\s+(?:achiev|attain|obtain|induc|reach|allow|permit|enabl)\w*\b/

    nonisolated(unsafe) private static let aimLead =
        /\b(?:to|hoping\s+to|in\s+order\s+to|aim(?:ed|ing)?\s+to)\s+(?:attenuate|prevent|slow|delay|halt|stop|reduce|lower|decrease|minimi[sz]e|avoid|limit|control)\s+(?:the\s+|further\s+|any\s+|a\s+)*(?:(?:risk|likelihood|chance|rate|incidence)\s+of\s+)?$|\b(?:prevention|prophylaxis)\s+of\s+(?:the\s+)?$/

    /// "progression-free", "relapse free": the absence of the event.
    private func isFreeOf(_ cue: CueMention) -> Bool {
        let window = cue.range.upperBound..<min(assembler.bytes.count, cue.range.upperBound + 32)
        // The pattern needs "free": a byte test first.
        guard assembler.text(window, containsAnyOf: Self.freeKeys, ignoringCase: true) else { return false }
        return assembler.lowered(window).firstMatch(of: Self.freePattern) != nil
    }

    /// "-free", " free", and coordinated: "relapse and recurrence-free".
    nonisolated(unsafe) private static let freePattern = /^(?:\s+(?:and|or)\s+[a-z]+)?[-‐ ]free\b/
    private static let freeKeys = [Array("free".utf8)]

    /// An improvement after a drug was stopped is its harm ending, not a response to it: "manifestations improved after
    /// discontinuation of the treatment", "the rash resolved after X was withdrawn".
    private func isDechallenge(_ cue: CueMention, in view: SentenceView) -> Bool {
        let cueText = assembler.lowered(cue.range)
        // The cue may hold its preposition ("improved after"), or the preposition follows it ("resolved after").
        return Self.stoppingPrepositions.contains(where: { cueText.hasSuffix(" " + $0) })
            ? stoppingFollows(cue.range.upperBound, in: view, prepositionRead: true) : stoppingFollows(cue.range.upperBound, in: view)
    }

    /// "after cessation of X", "after X was discontinued": a preposition (unless already read), then a noun of stopping
    /// or the drug's name and a verb of stopping.
    private func stoppingFollows(_ offset: Int, in view: SentenceView, prepositionRead: Bool = false) -> Bool {
        guard offset < view.range.upperBound else { return false }
        var after = Substring(assembler.lowered(offset..<min(view.range.upperBound, offset + 80))).drop { $0 == " " }
        if !prepositionRead {
            guard let preposition = Self.stoppingPrepositions.first(where: { after.hasPrefix($0 + " ") }) else { return false }
            after = after.dropFirst(preposition.count + 1)
        }
        if after.hasPrefix("the ") { after = after.dropFirst(4) }
        return Self.stoppingNouns.contains { after.hasPrefix($0) } || after.firstMatch(of: Self.stoppedAfterName) != nil
    }

    private static let stoppingPrepositions = ["after", "following", "upon", "on", "with"]

    private static let stoppingNouns = [
        "discontinu", "withdraw", "cessation", "stopping", "interruption", "suspension", "removal", "dechallenge", "holding",
    ]

    /// "after X was discontinued": the drug's name, then a verb of stopping.
    nonisolated(unsafe) private static let stoppedAfterName =
        /^[^.;,]{0,40}?\b(?:was|were|had\s+been)\s+(?:discontinued|stopped|withdrawn|held|ceased|suspended|interrupted)\b/

    /// "refractory AML", "relapsed AML": a description of the disease, not a response.
    private func isDiseaseQualifier(_ cue: CueMention, in view: SentenceView) -> Bool {
        view.terms.contains {
            $0.concept.kind == .disease && $0.range.lowerBound >= cue.range.upperBound && $0.range.lowerBound - cue.range.upperBound <= 2
        }
    }

    private func responseTarget(
        for cue: CueMention,
        response: ResponseKind,
        placed: [Placed],
        focus: Item?,
        explicitOnly: Bool = false,
        in view: SentenceView
    ) -> Item? {
        if isDechallenge(cue, in: view) { return nil }
        // "response to crizotinib", "progression on imatinib", "refractory to X".
        if let next = placed.first(where: { $0.range.lowerBound >= cue.range.upperBound }) {
            // "to", "on", "with" and up to three modifiers: "did not respond to oral low-dose prednisone".
            // A closing bracket may come first: "(MMR) with 400 mg imatinib".
            // A bracketed abbreviation may come between: "a long progression-free survival (PFS) after X".
            let gap = Self.withoutAsides(assembler.gap(cue.range.upperBound, next.range.lowerBound)).drop { $0 == ")" || $0 == " " }
            // An adverb may come first: "responded optimally to dasatinib".
            let words = Array(gap.split(separator: " ").drop { $0.count > 4 && $0.hasSuffix("ly") })
            let cueText = assembler.lowered(cue.range)
            // The cue may end in its preposition: "improved with trametinib".
            if words.isEmpty, ["with", "on", "after", "to"].contains(where: { cueText.hasSuffix(" " + $0) }) { return next.item }
            // Or a noun of giving: "improved with (the) administration of denosumab", "improved after initiation of X".
            if ["with", "on", "after"].contains(where: { cueText.hasSuffix(" " + $0) }), words.count <= 3, words.last == "of",
                words.dropLast().allSatisfy({ Self.givingNouns.contains(String($0)) })
            {
                return next.item
            }
            if let first = words.first, ["to", "on", "with", "by", "of", "under", "after", "during", "despite"].contains(first), words.count <= 5,
                !words.contains(where: { $0.hasSuffix(",") || $0 == "and" })
            {
                return next.item
            }
        }
        if explicitOnly { return nil }
        // A drug beats a procedure given with it: "azacitidine plus DLI, obtaining a CR".
        let before = placed.filter { $0.range.upperBound <= cue.range.lowerBound }
        if let line = before.last(where: { if case .line = $0.item { return true } else { return false } }),
            !before.contains(where: {
                if case .procedure = $0.item {
                    return $0.range.lowerBound > line.range.upperBound && !isJoined(line.range, $0.range)
                } else {
                    return false
                }
            })
        {
            return line.item
        }
        if let previous = before.last { return previous.item }
        // An outcome of a treatment the sentence names without a drug is not the last drug's:
        // "chemotherapy went on and she stays in remission", "an antibiotic regimen, to which he
        // responded".
        let leadRange = view.range.lowerBound..<cue.range.lowerBound
        if assembler.text(leadRange, containsAnyOf: Self.unnamedTreatmentKeys, ignoringCase: true),
            assembler.text(leadRange).firstMatch(of: Self.unnamedTreatment) != nil
        {
            return nil
        }
        if response == .progressive, placed.contains(where: { $0.range.lowerBound >= cue.range.upperBound }) {
            // "Progression led to ... X was started": the progression ends the previous line.
            return focus
        }
        return focus ?? placed.first?.item
    }

    /// Words between a response cue and the drug that still name the drug's giving.
    private static let givingNouns: Set<String> = [
        "the", "administration", "initiation", "introduction", "addition", "use", "start", "institution", "commencement",
    ]

    /// Treatments named by kind, with no drug: chemotherapy, and anti-infective or
    /// immunosuppressive courses.
    /// Compiled once with its case option: `ignoresCase()` makes a new regex, compiled again at
    /// each use.
    nonisolated(unsafe) private static let unnamedTreatment =
        /\b(?:chemotherapy|anti-?(?:mycobacterial|microbial|biotic|fungal|viral|tuberculosis|tubercular)\s+(?:regimen|therapy|treatment|drugs?|agents?)|antibiotics?|antifungals?|immunosuppressive\s+(?:therapy|treatment))\b/
        .ignoresCase()

    /// Every form of ``unnamedTreatment`` holds one of these (lower case): a byte test first.
    private static let unnamedTreatmentKeys = ["chemotherapy", "anti", "immunosuppressive"].map { Array($0.utf8) }

    // MARK: Adverse events

    private mutating func attachAdverseEvents(in view: SentenceView, placed: [Placed], focus: Item?) {
        var events: [(range: Range<Int>, index: Int)] = view.terms(.adverseEvent).compactMap { term in
            if case .adverseEvent(let index) = term.concept { (term.range, index) } else { nil }
        }
        events += definedEventMentions(in: view)
        guard !events.isEmpty else { return }
        // Before any drug has been named in this part of the report, an event is a presenting
        // symptom, not a toxicity (a drug named only in the title does not count for the case).
        // Toxicity of chemotherapy the report names only as "chemotherapy" counts too: "chemotherapy
        // was completed with toxic effects including nausea".
        // Only words of toxicity count there: after "chemotherapy, she developed fever and aphasia"
        // the symptoms may be a syndrome's the report names elsewhere.
        // So do events the sentence says followed it: "chemotherapy-induced encephalitis",
        // "following two cycles of induction chemotherapy, she developed fever".
        guard
            sectionsWithDrugs.contains(view.sentence.sectionIndex)
                || assembler.sentence(view, containsAnyOf: Self.chemotherapyWord, ignoringCase: true)
                    && (assembler.sentence(view, containsAnyOf: Self.toxicityWords, ignoringCase: true)
                        || assembler.text(view.range).firstMatch(of: Self.eventAfterChemotherapy) != nil)
                // "who developed an infection during treatment with a BTK inhibitor": the sentence
                // itself puts the event under a treatment, named or not.
                || assembler.sentence(view, containsAnyOf: Self.duringTreatmentKeys, ignoringCase: true)
                    && assembler.text(view.range).firstMatch(of: Self.eventDuringTreatment) != nil
        else { return }
        if isReliefByTreatment(view) || isGenericEventStatement(view) { return }
        // A presentation's events are the disease's, except one its name lays on a drug or
        // class ("presented with anthracycline cardiotoxicity").
        let presentation = isPresentation(view, placed: placed)
        // "The platelet count was reduced" is no dose change; "the dose was reduced" is.
        let doseContext = view.cues(.doseChange).contains { isAboutDose($0, in: view) }
        let hasContext =
            view.has(.adverseEventContext) || !view.grades.isEmpty || doseContext || view.has(.stop)
            || assembler.sentence(view, containsAnyOf: Self.moreEventKeys, ignoringCase: true)
                && assembler.text(view.range).firstMatch(of: Self.moreEventContext) != nil
            // "X may cause Y": a cause word counts when the sentence names a drug ("low output
            // failure causing liver failure" names none).
            || !view.terms(.drug).isEmpty && assembler.sentence(view, containsAnyOf: Self.causeKeys, ignoringCase: true)
                && assembler.text(view.range).firstMatch(of: Self.causeWords) != nil
            // "a man with CML on imatinib presented with periorbital edema": events of a patient
            // on the drug.
            // Not a standing drug of a comorbidity in a cancer report: "with type 2 diabetes (on metformin) presented with
            // fatigue" tells what brought the patient.
            || view.terms(.drug).contains { term in
                term.range.lowerBound >= 3 && assembler.lowered(term.range.lowerBound - 3..<term.range.lowerBound) == "on "
                    && (assembler.namesNoCancer || assembler.vocabularies.drug(of: term).map { !Self.treatsNoTumour($0) } ?? true)
            }
            || isAfterCyclesWithoutGrowth(view)
            // "She had severe neutropenia and pneumonia": a severity that qualifies an event.
            || events.contains { event in
                let start = max(view.range.lowerBound, event.range.lowerBound - 17)
                // A severity opening the sentence ("Mild diarrhoea persisted") has no space before it.
                let lead = (start == view.range.lowerBound ? " " : "") + assembler.lowered(start..<event.range.lowerBound)
                return Self.severityLeads.contains { lead.hasSuffix($0) }
            }
        for (range, index) in events.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let term = (range: range, index: index)
            let drugNamed = namingDrug(of: range, in: view) != nil || namingClass(of: range, in: view) != nil
            if presentation, !drugNamed { continue }
            if assembler.isNegated(term.range, in: view, window: 16) || assembler.isHistoryCondition(term.range, in: view)
                || assembler.cancerCausedConditions.contains(term.index)
                || isFearedOrExplained(term.range, in: view)
                || assembler.isDeniedAfter(term.range, in: view)
                || isIndicationOrSuspicion(term.range, in: view) || isCausedByDisease(term.range, in: view)
                || isCourseDespiteTreatment(term.range, in: view) || isConditionOnItsOwnDrug(term.range, in: view)
            {
                continue
            }
            if isCategoryBeforeItsList(term.range, in: view) || isSignOfProgression(term.range, in: view) { continue }
            if isComponentOfNamedSyndrome(term.range, in: view) || isSymptomOfADiagnosis(term.range, in: view) { continue }
            if isAntiTarget(term.range) || isUnrelievedSymptom(term.range, in: view) { continue }
            let grade = grade(for: term.range, in: view)
            let namedWithDrug = drugNamed || isNamedWithItsDrug(term.range, in: view)
            guard hasContext || grade != nil || namedWithDrug || isResultOfDrug(term.range, in: view) else { continue }
            var drugs: [String] = []
            // "One year later, he developed ascites": long after the last drug, with none named,
            // the event is the illness's course.
            if placed.isEmpty, !drugNamed, isLongAfter(view) { continue }
            var target = placed.last { $0.range.upperBound <= term.range.lowerBound }?.item ?? placed.first?.item ?? focus
            // "effusions, which resolved with dexamethasone": the drug that treated the event
            // named after it is not its cause.
            if case .line(let line) = target, lines[line].setting?.hasPrefix("treatment of ") ?? false,
                !placed.contains(where: { $0.range.upperBound <= term.range.lowerBound })
            {
                target = focus
            }
            if case .line(let line) = target { drugs = lines[line].drugs }
            // "capecitabine-related hand-foot syndrome", "methotrexate toxicity", "ATRA syndrome":
            // the drug the event is named for is the one it belongs to, not its whole line.
            if let named = namingDrug(of: term.range, in: view),
                let line = lines.indices.last(where: { lines[$0].drugs.contains(named) })
            {
                target = .line(line)
                drugs = [named]
            } else if let (line, named) = namingClass(of: term.range, in: view) {
                target = .line(line)
                drugs = named
            }
            // An event no drug line owns is a toxicity only when its sentence names a treatment
            // ("toxic effects of chemotherapy", "during treatment with a BTK inhibitor"); "the
            // postoperative course was smooth but he had cough" is the course after an operation.
            if drugs.isEmpty, !view.has(.stop),
                !assembler.sentence(view, containsAnyOf: Self.treatmentNamingWords, ignoringCase: true)
            {
                continue
            }
            // A case with no anticancer drug at all (only supportive care, such as diuretics,
            // pressors or acid blockers): what happens under that care is the illness's course,
            // unless the sentence itself calls it a drug's doing ("valproate-induced", "a side
            // effect of").
            // Nor is the illness the drug was given for: "an infection for which he was started on levofloxacin".
            if assembler.treatmentStart == Int.max, isIndication(term.range, in: view) { continue }
            if assembler.treatmentStart == Int.max, !namedWithDrug, !(titleBlamesADrug && !drugs.isEmpty),
                !assembler.sentence(view, containsAnyOf: Self.drugBlameWords, ignoringCase: true),
                !isStopBecauseOf(term.range, in: view)
            {
                continue
            }
            // "slidenafil targeted PAH therapy": the condition a therapy is named for is no event of it.
            if isTherapyTarget(term.range, in: view) { continue }
            let event = AdverseEvent(
                term: assembler.vocabularies.adverseEvents[index].term,
                grade: grade,
                drugs: drugs,
                spans: [assembler.evidence(term.range)]
            )
            add(event, toLine: { if case .line(let line) = target { return line } else { return nil } }())
        }
    }

    /// "her hyperglycemia was successfully managed with insulin": in a cancer report, the drug
    /// that controls an event arising after anticancer treatment began treats the toxicity, not
    /// the cancer, and takes no response ("hyponatremia from an adenoma managed by tolvaptan",
    /// with no anticancer drug, keeps it).
    private func managesAnEvent(_ pattern: ResponsePattern, in view: SentenceView) -> Bool {
        guard !assembler.namesNoCancer, pattern.kind != .progressive else { return false }
        let lead = max(view.range.lowerBound, pattern.range.lowerBound - 60)..<pattern.range.upperBound
        return view.terms(.adverseEvent).contains { lead.contains($0.range.lowerBound) && $0.range.lowerBound > assembler.treatmentStart }
    }

    /// "three cases of methadone overdose", "cisplatin nephrotoxicity": an event whose name the
    /// drug itself opens is that drug's.
    private func isNamedWithItsDrug(_ range: Range<Int>, in view: SentenceView) -> Bool {
        view.terms(.drug).contains { drug in
            drug.range.upperBound < range.lowerBound && range.lowerBound - drug.range.upperBound == 1
                && assembler.bytes[drug.range.upperBound] == 0x20
        }
    }

    /// The drug (INN) an event's own name holds: one right before it, bare or linked
    /// ("cisplatin nephrotoxicity", "imatinib-induced hepatotoxicity"), or one its surface opens
    /// ("ATRA syndrome", "cytarabine syndrome").
    private func namingDrug(of range: Range<Int>, in view: SentenceView) -> String? {
        let window = max(view.range.lowerBound, range.lowerBound - 24)..<range.lowerBound
        for drug in view.terms(.drug).reversed() where window.contains(drug.range.upperBound) || drug.range.upperBound == range.lowerBound {
            guard case .drug(let index) = drug.concept else { continue }
            let gap = assembler.gap(drug.range.upperBound, range.lowerBound)
            if gap.isEmpty || gap.firstMatch(of: Self.attributionLink) != nil {
                return assembler.vocabularies.drugs[index].name
            }
        }
        // "hepatotoxicity from imatinib", "toxicity due to the capecitabine".
        let after = range.upperBound..<min(view.range.upperBound, range.upperBound + 24)
        for drug in view.terms(.drug) where after.contains(drug.range.lowerBound) {
            guard case .drug(let index) = drug.concept else { continue }
            if assembler.gap(range.upperBound, drug.range.lowerBound).firstMatch(of: Self.causeLink) != nil {
                return assembler.vocabularies.drugs[index].name
            }
        }
        let words = assembler.text(range).split(separator: " ")
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let lead = words.prefix(count).joined(separator: " ")
            if let drug = assembler.vocabularies.drug(named: lead), drug.category != "substance" { return drug.name }
        }
        return nil
    }

    /// "anthracycline cardiotoxicity", "TKI-induced cardiomyopathy", "taxane-related neuropathy":
    /// an event named for a drug class, and the latest line with drugs of that class (those drugs).
    private func namingClass(of range: Range<Int>, in view: SentenceView) -> (line: Int, drugs: [String])? {
        let lead = assembler.lowered(max(view.range.lowerBound, range.lowerBound - 40)..<range.lowerBound)
        guard let match = lead.firstMatch(of: Self.classLead) else { return nil }
        var word = String(match.output.1)
        if word.hasSuffix("s"), word.count > 4 { word.removeLast() }
        guard !Self.genericTreatmentWords.contains(word) else { return nil }
        for index in lines.indices.reversed() {
            let named = lines[index].drugs.filter { inn in
                guard let drug = assembler.vocabularies.drug(inn: inn) else { return false }
                let drugClass = drug.drugClass.lowercased()
                if word == "tki" { return drug.category == "targeted" && drugClass.contains("inhibitor") }
                return drugClass.split(whereSeparator: { !$0.isLetter }).contains { $0 == word || $0 == word + "s" }
            }
            if !named.isEmpty { return (index, named) }
        }
        return nil
    }

    /// The class word right before the event, bare or linked: "anthracycline ", "TKI-induced ".
    nonisolated(unsafe) private static let classLead = /\b([a-z]{3,})(?:[-‐ ](?:related|induced|associated|mediated))?[ ]$/

    /// Words that name treatment in general, not a class.
    private static let genericTreatmentWords: Set<String> = [
        "drug", "treatment", "therapy", "medication", "agent", "chemotherapy", "immunotherapy", "radiation", "radiotherapy", "her", "his",
        "the", "and", "with", "grade", "severe", "mild", "moderate", "new", "acute", "chronic",
    ]

    /// What may stand between an event and the drug named after it as its cause.
    nonisolated(unsafe) private static let causeLink =
        /^(?:from|of|due\s+to|caused\s+by|induced\s+by|related\s+to|attributed\s+to|attributable\s+to)(?:\s+the)?$/

    /// What may stand between a drug and the event named for it: "-related", "induced".
    nonisolated(unsafe) private static let attributionLink = /^[-‐]?\s*(?:related|induced|associated|mediated)$/

    /// "high dose methotrexate resulted in hyperkalaemia and acidosis": an event a drug named
    /// before it "resulted in". Only an event after the phrase: in "a neoplasm with eosinophilia,
    /// treated with X, resulting in remission" the eosinophilia is the disease's.
    private func isResultOfDrug(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard assembler.sentence(view, containsAnyOf: Self.resultKeys, ignoringCase: true) else { return false }
        let before = view.range.lowerBound..<range.lowerBound
        let text = assembler.text(before)
        guard let result = text.matches(of: Self.resultedIn).last else { return false }
        let phraseStart = before.lowerBound + text.utf8.distance(from: text.startIndex, to: result.range.lowerBound)
        return view.terms(.drug).contains { $0.range.upperBound <= phraseStart }
    }

    private static let resultKeys = [Array("result".utf8)]
    nonisolated(unsafe) private static let resultedIn = /\bresult(?:ed|ing|s)?\s+in\b/.ignoresCase()

    /// "disease progression in the chest (new nodules, pleural effusions and a chest wall mass)",
    /// "progression with new liver lesions and ascites": findings that show the disease grew are
    /// the disease's, not a drug's. Only a list may stand between the progression word and the event.
    private func isSignOfProgression(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 140)..<range.lowerBound
        guard assembler.text(window, containsAnyOf: Self.progressionKeys, ignoringCase: true) else { return false }
        let before = assembler.lowered(window)
        guard let progression = before.firstMatch(of: Self.progressionLead) else { return false }
        let between = before[progression.range.upperBound...]
        if between.contains(";") || between.contains(". ") || between.contains(")") { return false }
        let words = between.split(whereSeparator: { !$0.isLetter })
        return !words.contains { Self.clauseVerbs.contains($0) }
    }

    private static let progressionKeys = ["progressi"].map { Array($0.utf8) }
    nonisolated(unsafe) private static let progressionLead =
        /\b(?:disease\s+)?progression\b[^;()]{0,40}?(?:\(|\bwith\b|:)|\bprogressive\s+disease\b[^;()]{0,40}?(?:\(|\bwith\b|:)/

    /// "after completing two cycles, he presented with dyspnea": events after cycles of treatment
    /// are its toxicities, unless the sentence tells of the disease growing ("after two cycles
    /// his cough worsened, with further progression on scans", "a lesion grew, with pain").
    private func isAfterCyclesWithoutGrowth(_ view: SentenceView) -> Bool {
        guard assembler.sentence(view, containsAnyOf: Self.cycleKeys, ignoringCase: true) else { return false }
        let text = assembler.text(view.range)
        guard text.firstMatch(of: Self.afterCycles) != nil, text.firstMatch(of: Self.growthWords) == nil else { return false }
        return !view.cues.contains { $0.cue.response == .progressive && !assembler.isNegated($0.range, in: view, window: 12) }
    }

    private static let cycleKeys = ["cycle", "course"].map { Array($0.utf8) }
    private static let severityLeads = [" severe ", " life-threatening ", " profound ", "(severe ", " grade 3 ", " grade 4 ", " mild ", " moderate "]
    nonisolated(unsafe) private static let afterCycles =
        /\b(?:following|after)\s+(?:completing\s+|completion\s+of\s+)?(?:the\s+)?(?:one|two|three|four|five|six|\d+|first|second|third|fourth)\s+(?:cycles?|courses?)\b/
        .ignoresCase()
    nonisolated(unsafe) private static let growthWords = /\b(?:grew|grown|growing|enlarg\w*|progress\w*)\b/.ignoresCase()

    /// "toxic effects including anemia and stomatitis": a category word whose events follow as a
    /// list is no event of its own; the listed events are.
    private func isCategoryBeforeItsList(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let after = assembler.lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 16))
        guard let lead = after.firstMatch(of: Self.listLead) else { return false }
        let listStart = range.upperBound + after.utf8.distance(from: after.startIndex, to: lead.range.upperBound)
        return view.terms(.adverseEvent).contains { $0.range.lowerBound >= listStart && $0.range.lowerBound - listStart <= 24 }
    }

    nonisolated(unsafe) private static let listLead = /^,?\s*(?:including|such\s+as|like|namely|e\.g\.,?|:|\()\s*/

    /// "fever, dyspnoea and a weight gain of 4 kg; we diagnosed differentiation syndrome", "chills and
    /// fever, an infusion-related reaction": symptoms the sentence gathers under a syndrome it names are
    /// that syndrome's signs, not events of their own (r12, session 22).
    private func isComponentOfNamedSyndrome(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard Self.syndromeSigns.contains(assembler.lowered(range)) else { return false }
        let sentence = assembler.lowered(view.range)
        return Self.namedSyndromes.contains { sentence.contains($0) }
    }

    /// "cough, fever and dyspnoea, diagnosed as pneumonitis", "tingling of the fingers, recorded as peripheral sensory
    /// neuropathy": symptoms the sentence goes on to name as one event are that event, not events of their own.
    private func isSymptomOfADiagnosis(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard Self.syndromeSigns.contains(assembler.lowered(range)) || Self.plainSymptoms.contains(assembler.lowered(range)) else { return false }
        let tail = assembler.lowered(range.upperBound..<view.range.upperBound)
        guard let link = Self.diagnosisLinks.compactMap({ tail.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return false }
        let linkEnd = range.upperBound + tail.utf8.distance(from: tail.startIndex, to: link.upperBound)
        // A grade of its own before the link makes the symptom an event of its own ("nausea of grade 2, and…").
        let between = assembler.lowered(range.upperBound..<linkEnd)
        if between.contains("grade") || between.contains("graded") { return false }
        return view.terms.contains { term in
            guard case .adverseEvent = term.concept else { return false }
            return term.range.lowerBound >= linkEnd && term.range.lowerBound - linkEnd <= 40
        }
    }

    private static let diagnosisLinks = [
        "diagnosed as", "diagnosed together as", "recognised as", "recognized as", "recorded as", "was diagnosed with", "were diagnosed as",
        "in keeping with",
    ]

    private static let plainSymptoms: Set<String> = [
        "cough", "dry cough", "fatigue", "diarrhea", "diarrhoea", "nausea", "vomiting", "palpitations", "tingling", "paresthesia",
        "paraesthesia", "numbness", "flushing", "wheeze", "wheezing", "breathlessness", "shortness of breath", "abdominal pain",
        "dizziness", "malaise", "weakness", "itching", "pruritus", "loose stools",
    ]

    private static let namedSyndromes = [
        "differentiation syndrome", "retinoic acid syndrome", "infusion-related reaction", "infusion related reaction", "infusion reaction",
        "cytokine release syndrome", "influenza-like illness", "flu-like illness", "flu-like syndrome", "pseudotumor cerebri",
        "pseudotumour cerebri", "idiopathic intracranial hypertension", "capillary leak syndrome", "engraftment syndrome",
    ]

    private static let syndromeSigns: Set<String> = [
        "fever", "pyrexia", "chills", "rigors", "rigor", "dyspnea", "dyspnoea", "hypoxia", "hypoxemia", "hypoxaemia", "weight gain",
        "edema", "oedema", "peripheral edema", "peripheral oedema", "hypotension", "tachycardia", "myalgia", "myalgias", "muscle aches",
        "headache", "blurred vision", "papilledema", "papilloedema", "pleural effusion", "pericardial effusion", "leukocytosis",
    ]

    /// "Colitis is a common adverse event of nivolumab", "ILD and effusions are side effects of
    /// TKIs": what a drug can do, not what this patient had. Not when the sentence speaks of the
    /// patient ("her rash is a known side effect of erlotinib").
    private func isGenericEventStatement(_ view: SentenceView) -> Bool {
        guard assembler.sentence(view, containsAnyOf: Self.genericEventKeys, ignoringCase: true),
            assembler.text(view.range).firstMatch(of: Self.genericEventWords) != nil
        else { return false }
        return !view.namesPatient
            && !view.cues.contains { [.patientReference, .malePronoun, .femalePronoun].contains($0.cue) }
    }

    private static let genericEventKeys = ["adverse", "side effect", "side-effect", "toxicit", "complication"].map { Array($0.utf8) }
    nonisolated(unsafe) private static let genericEventWords =
        /\b(?:is|are)\s+(?:a\s+|an\s+|the\s+)?(?:(?:most\s+)?(?:common|known|rare|well[- ]known|frequent|recogni[sz]ed|uncommon|serious|potential|reported|typical|class)\s+)?(?:[a-z-]+\s+)?(?:adverse\s+(?:events?|effects?|reactions?)|side[- ]effects?|toxicit(?:y|ies)|complications?)\s+(?:of|with|associated|in)\b/
        .ignoresCase()

    /// Leads that make the events after them a reason to treat, a suspicion or a non-drug cause:
    /// "treatment for hypertension and diabetes", "to prevent seizures", "heparin in suspicion of
    /// pulmonary embolism", "radiation-induced hypothyroidism".
    private static let indicationLeads = [
        "treatment for ", "treatments for ", "treated for ", "to treat ", "therapy for ", "to prevent ", "prevention of ", "prophylaxis of ",
        "prophylaxis for ", "prophylaxis against ", "suspicion of ", "to rule out ", "to exclude ", "radiation-induced ",
        "radiation-related ", "radiotherapy-induced ", "radiotherapy-related ", "post-radiation ",
    ]
    private static let indicationKeys = [
        "treat", "therapy for", "prevent", "prophyla", "suspic", "rule out", "to exclude", "radiation", "radiotherapy",
    ].map { Array($0.utf8) }

    /// Words that, between a lead and the event, show that the event is the subject of a new clause.
    private static let clauseVerbs: Set<Substring> = [
        "was", "were", "is", "are", "had", "has", "have", "developed", "experienced", "presented", "showed", "revealed", "after", "during",
        "which", "that", "while", "when", "then", "later", "she", "he", "patient", "but",
    ]

    /// An event named as the reason for a treatment, as a suspicion, or as caused by radiation:
    /// only a list of other events may stand between the lead and the event.
    private func isIndicationOrSuspicion(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 70)..<range.lowerBound
        guard assembler.text(window, containsAnyOf: Self.indicationKeys, ignoringCase: true) else { return false }
        let before = assembler.lowered(window)
        guard
            let lead = Self.indicationLeads.compactMap({ before.range(of: $0, options: .backwards) })
                .max(by: { $0.upperBound < $1.upperBound })
        else { return false }
        let between = before[lead.upperBound...]
        if between.contains(";") || between.contains(". ") || between.contains("(") { return false }
        let words = between.split(whereSeparator: { $0 == " " || $0 == "," })
        return words.count <= 8 && !words.contains { Self.clauseVerbs.contains($0) }
    }

    /// "hypertension and diabetes caused by the ectopic ACTH syndrome", "diarrhea from norovirus
    /// infection": the text lays the event on a disease, not on a drug.
    private func isCausedByDisease(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 120)
        guard assembler.text(window, containsAnyOf: Self.causeLeadKeys, ignoringCase: true) else { return false }
        let after = assembler.lowered(window)
        guard let cause = after.firstMatch(of: Self.causeLead) else { return false }
        let between = after[..<cause.range.lowerBound]
        if between.contains(";") || between.contains(". ") { return false }
        let words = between.split(whereSeparator: { $0 == " " || $0 == "," })
        if words.count > 8 || words.contains(where: { Self.clauseVerbs.contains($0) }) { return false }
        let causeStart = range.upperBound + after.utf8.distance(from: after.startIndex, to: cause.range.upperBound)
        // The cause is a drug ("diarrhea due to irinotecan"): an adverse event after all.
        let causeEnd = min(view.range.upperBound, causeStart + 48)
        if view.terms(.drug).contains(where: { $0.range.lowerBound >= causeStart && $0.range.lowerBound < causeEnd }) { return false }
        if view.terms(.disease).contains(where: { $0.range.lowerBound >= causeStart && $0.range.lowerBound < causeEnd }) { return true }
        let rest = assembler.lowered(causeStart..<causeEnd)
        return Self.diseaseCauseWords.contains { rest.contains($0) }
    }

    /// "Two weeks after starting X, her dyspnea and cough disappeared": symptoms a treatment
    /// relieved, not its toxicities. Not when the sentence also tells of a new event, a stop or a
    /// dose cut ("diarrhea resolved after X was withheld"), nor when the relief comes from a
    /// drug named after the event ("the rash resolved with topical steroids").
    private func isReliefByTreatment(_ view: SentenceView) -> Bool {
        guard assembler.sentence(view, containsAnyOf: Self.reliefKeys, ignoringCase: true) else { return false }
        let text = assembler.text(view.range)
        guard let relief = text.firstMatch(of: Self.reliefWords) else { return false }
        if text.firstMatch(of: Self.newEventOrStop) != nil { return false }
        let reliefStart = view.range.lowerBound + text.utf8.distance(from: text.startIndex, to: relief.range.lowerBound)
        guard let firstEvent = view.terms(.adverseEvent).map(\.range.lowerBound).min(), firstEvent < reliefStart else { return false }
        // The treatment comes before the events it relieved.
        return view.terms(.drug).contains { $0.range.upperBound <= firstEvent }
    }

    private static let reliefKeys = [
        "disappear", "resolv", "improv", "amelior", "subsid", "reliev", "abat", "vanish", "normaliz", "normalis",
    ].map { Array($0.utf8) }
    nonisolated(unsafe) private static let reliefWords =
        /\b(?:disappeared|resolved|improved|ameliorated|subsided|relieved|abated|vanished|normali[sz]ed)\b/.ignoresCase()
    nonisolated(unsafe) private static let newEventOrStop =
        /\b(?:developed|develop|experienced|occurred|onset|grade\s+\d|discontinu\w*|withh(?:eld|olding)|held|interrupt\w*|stopp?(?:ed|ing)?|cessation|withdraw\w*|reduc\w*|toxicit\w*|adverse|side\s+effects?|induced|related|worse\w*|despite)\b/
        .ignoresCase()

    /// "Despite these interventions, he developed dyspnea": the disease went on under treatment;
    /// the events are its course, not toxicities ("despite dose reduction, diarrhea persisted"
    /// and "despite premedication" still speak of toxicity).
    private func isCourseDespiteTreatment(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let lead = view.range.lowerBound..<range.lowerBound
        guard assembler.text(lead, containsAnyOf: Self.despiteKey, ignoringCase: true) else { return false }
        let before = assembler.lowered(lead)
        guard let despite = before.range(of: "despite ", options: .backwards) else { return false }
        let phrase = before[despite.upperBound...].prefix(40)
        return !["dose", "supportive", "premedication", "prophyla", "antiemetic", "treatment of", "management of", "steroid"]
            .contains { phrase.contains($0) }
    }

    private static let despiteKey = [Array("despite".utf8)]

    nonisolated(unsafe) private static let causeLead =
        /\b(?:caused\s+by|due\s+to|secondary\s+to|attributed\s+to|attributable\s+to|from|because\s+of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+)?/
    private static let causeLeadKeys = ["caused", "due to", "secondary", "attribut", "from", "because"].map { Array($0.utf8) }
    private static let diseaseCauseWords = [
        "infection", "syndrome", "disease", "tumor", "tumour", "cancer", "metasta", "progression", "carcinoma", "lymphoma", "leukemia",
        "leukaemia", "compression", "obstruction", "virus", "bacteria", "sepsis",
    ]

    /// Words before an event that make it feared, not had: "concerns regarding toxicities such as nausea".
    private static let fearWords = ["concerns regarding", "concern regarding", "concerns about", "concern about", "fear of", "worried about"]

    /// Words after an event that lay it on the disease: "vomiting concerning for CNS metastases".
    private static let explainingWords = [
        " concerning for ", " suggestive of ", " suspicious for ", " suspicious of ", " suspicion of ", " suggesting ", " indicative of ",
    ]

    /// Every fear and explaining phrase holds one of these (lower case): the byte gates above.
    private static let fearKeys = ["concern", "fear of", "worried"].map { Array($0.utf8) }
    private static let explainingKeys = ["concerning", "suggestive", "suspicious", "suspicion", "suggesting", "indicative"].map { Array($0.utf8) }

    /// An event the patient feared rather than had, or one the sentence explains by the disease.
    private func isFearedOrExplained(_ range: Range<Int>, in view: SentenceView) -> Bool {
        // Byte gates first: lowering the rest of a long sentence at every event costs more than the test.
        // The fear may head a list: "concerns regarding toxicities such as nausea, ..., and headache";
        // only the list may stand between, no verb or new clause.
        let beforeRange = max(view.range.lowerBound, range.lowerBound - 200)..<range.lowerBound
        if assembler.text(beforeRange, containsAnyOf: Self.fearKeys, ignoringCase: true) {
            let before = assembler.lowered(beforeRange)
            if let fear = Self.fearWords.compactMap({ before.range(of: $0, options: .backwards) }).max(by: { $0.upperBound < $1.upperBound }) {
                let between = before[fear.upperBound...]
                if before.distance(from: fear.upperBound, to: before.endIndex) <= 60 { return true }
                let words = between.split(whereSeparator: { $0 == " " || $0 == "," })
                if !between.contains(";"), !between.contains(". "), !words.contains(where: { Self.clauseVerbs.contains($0) }) { return true }
            }
        }
        // The event may stand inside the explanation itself: "findings suggesting a ruptured
        // metastasis and associated bleeding".
        let leadRange = max(view.range.lowerBound, range.lowerBound - 80)..<range.lowerBound
        if assembler.text(leadRange, containsAnyOf: Self.explainingKeys, ignoringCase: true) {
            let lead = assembler.lowered(leadRange)
            if let explained = Self.explainingWords.compactMap({ lead.range(of: $0, options: .backwards) }).max(by: { $0.upperBound < $1.upperBound })
            {
                let between = lead[explained.upperBound...]
                if !between.contains(";"), !between.contains(". "), Self.diseaseExplanationWords.contains(where: { between.contains($0) }) {
                    return true
                }
            }
        }
        guard assembler.text(range.upperBound..<view.range.upperBound, containsAnyOf: Self.explainingKeys, ignoringCase: true) else {
            return false
        }
        let after = assembler.lowered(range.upperBound..<view.range.upperBound)
        guard let explained = Self.explainingWords.compactMap({ after.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return false
        }
        let rest = assembler.lowered(range.upperBound + after.utf8.distance(from: after.startIndex, to: explained.upperBound)..<view.range.upperBound)
        return Self.diseaseExplanationWords.contains { rest.prefix(40).contains($0) }
    }

    private static let diseaseExplanationWords = [
        "metasta", "tumor", "tumour", "cancer", "disease", "progression", "recurrence", "relapse", "carcinoma", "lymphoma", "leukemia",
    ]

    /// Stops and intolerance the event cues leave out: "decided to discontinue", "interrupted",
    /// "withheld", "treatment was held", "intolerant of"; and an event that a drug made worse or
    /// that came after it was given: "which exacerbated her rash" (not "her rash worsened", the
    /// course of a symptom), "admitted for colitis", "ICI-related hepatitis",
    /// "pain following X administration"; blood counts told as falling ("platelet counts were
    /// rapidly depressed", "a fall in the leukocyte count"), a change that is itself the event.
    nonisolated(unsafe) private static let moreEventContext =
        /\b(?:discontinue|discontinuing|interrupt(?:ed|ion|ions)?|withh(?:eld|olding)|(?:was|were|been)\s+held|suspend(?:ed)?|intolerant\s+(?:of|to)|due\s+to\s+intolerance|(?:exacerbat|worsen)(?:ed|es|ing|s)?\s+(?:her|his|the|their)|exacerbation\s+of|admitted\s+(?:to\s+(?:the\s+)?hospital\s+)?(?:for|with)|(?:ici|icis|irae|checkpoint\s+inhibitor|immunotherapy|chemotherapy|[a-z]+(?:mab|nib|lib|sib))-related|(?:following|after)\s+(?:[\w-]+\s+){1,3}(?:administration|infusion|instillation|initiation|injection)|(?:precluded|prevented|limited)\s+(?:further\s+)?(?:higher\s+doses?|dose\s+escalation|escalation)|dose[- ]limiting|counts?\s+(?:(?:was|were|had|has|have)\s+)?(?:[a-z]+ly\s+)?(?:fell|fallen|dropped|declined|depressed|plummeted|plunged)|(?:fall|drop|decline)\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){1,4}counts?|(?:not\s+|un)graded|without\s+(?:a|any)\s+(?:[a-z]+\s+)?grade|no\s+grade\s+(?:was\s+)?(?:recorded|given|assigned|documented|stated)|not\s+assigned\s+a\s+grade)\b/
        .ignoresCase()

    /// Every form of ``moreEventContext`` holds one of these (lower case): a byte test before the
    /// pattern, which costs far more per sentence. A new form adds its word here.
    private static let moreEventKeys = [
        "discontinu", "interrupt", "withh", "held", "suspend", "intoleran", "exacerbat", "worsen", "admitted", "-related", "administration",
        "infusion", "instillation", "initiation", "injection", "preclud", "prevented", "limit", "count", "grade",
    ].map { Array($0.utf8) }

    nonisolated(unsafe) private static let causeWords = /\b(?:cause[sd]?|causing)\b/.ignoresCase()
    private static let causeKeys = [Array("caus".utf8)]

    /// Pauses and stops the stop cues leave out.
    /// Every form of ``holdWords`` holds one of these (lower case): a byte test before the pattern.
    private static let holdKeys = ["withh", "held", "interrupted", "suspended", "discontinue"].map { Array($0.utf8) }

    nonisolated(unsafe) private static let holdWords =
        /\b(?:withh(?:eld|olding)|(?:was|were|been)\s+held|interrupted|suspended|decided\s+to\s+discontinue)\b/.ignoresCase()

    /// A dose-change cue that speaks of a dose: the cue says so ("dose reduction"), or a drug,
    /// "dose" or a unit comes just before it ("imatinib was reduced to 300 mg").
    private func isAboutDose(_ cue: CueMention, in view: SentenceView) -> Bool {
        let phrase = assembler.lowered(cue.range)
        if phrase.contains("dose") || phrase.contains("dosage") || phrase.contains("escalat") { return true }
        let before = assembler.lowered(max(view.range.lowerBound, cue.range.lowerBound - 40)..<cue.range.lowerBound)
        if before.contains("dose") || before.contains("dosage") || before.contains(" mg") { return true }
        let after = assembler.lowered(cue.range.upperBound..<min(view.range.upperBound, cue.range.upperBound + 16))
        if after.contains(" mg") { return true }
        return view.terms(.drug).contains { $0.range.upperBound <= cue.range.lowerBound && cue.range.lowerBound - $0.range.upperBound <= 40 }
    }

    /// The sentence presents the patient before any treatment in the case: it introduces them
    /// ("A 62-year-old man presented with fever") or tells how they presented before any drug
    /// in its section, and names no drug. Its symptoms are not toxicities.
    private func isPresentation(_ view: SentenceView, placed: [Placed]) -> Bool {
        if placed.contains(where: { if case .line = $0.item { true } else { false } }) { return false }
        // Byte tests before each pattern: the age needs "old", the verbs one of their stems.
        if assembler.sentence(view, containsAnyOf: Self.ageKeys, ignoringCase: false),
            assembler.text(view.range).firstMatch(of: Self.agePhrase) != nil
        {
            return true
        }
        guard assembler.sentence(view, containsAnyOf: Self.presentationKeys, ignoringCase: true),
            assembler.text(view.range).firstMatch(of: Self.presentationWords) != nil
        else { return false }
        let section = view.sentence.section
        return !lines.contains { line in line.spans.contains { $0.section == section && $0.start < view.range.lowerBound } }
    }

    nonisolated(unsafe) private static let agePhrase = /\d+\s?(?:-|‐|–| )\s?(?:year|yr|month)s?(?:-|‐|–| )old/
    private static let ageKeys = [Array("old".utf8)]
    nonisolated(unsafe) private static let presentationWords =
        /\b(?:presented|presenting|presentation|admitted|complain(?:ed|ing|ts?)|referred)\b/.ignoresCase()
    private static let presentationKeys = ["present", "admitted", "complain", "referred"].map { Array($0.utf8) }

    /// "differentiation syndrome (DS)": an adverse-event term followed by a bracketed
    /// abbreviation in capitals.
    private static func eventAbbreviations(in assembler: CaseAssembler) -> [[UInt8]: (index: Int, after: Int)] {
        var result: [[UInt8]: (index: Int, after: Int)] = [:]
        let bytes = assembler.bytes
        for term in assembler.annotated.terms {
            guard case .adverseEvent(let index) = term.concept else { continue }
            var cursor = term.range.upperBound
            if cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == 0x28 else { continue }
            let start = cursor + 1
            var end = start
            while end < bytes.count, end - start <= 8, bytes[end] &- 0x41 < 26 || bytes[end] &- 0x30 < 10 || bytes[end] == 0x2D { end += 1 }
            guard end < bytes.count, bytes[end] == 0x29, end - start >= 2, bytes[start] &- 0x41 < 26 else { continue }
            let abbreviation = Array(bytes[start..<end])
            if result[abbreviation] == nil { result[abbreviation] = (index, end + 1) }
        }
        return result
    }

    /// Later uses of a defined adverse-event abbreviation in a sentence, as whole words.
    private func definedEventMentions(in view: SentenceView) -> [(range: Range<Int>, index: Int)] {
        guard !definedEvents.isEmpty else { return [] }
        let bytes = assembler.bytes
        var found: [(range: Range<Int>, index: Int)] = []
        func isWordByte(_ byte: UInt8) -> Bool { byte | 0x20 &- 0x61 < 26 || byte &- 0x30 < 10 }
        var position = view.range.lowerBound
        while position < view.range.upperBound {
            guard bytes[position] &- 0x41 < 26, position == 0 || !isWordByte(bytes[position - 1]) else {
                position += 1
                continue
            }
            var end = position
            while end < view.range.upperBound, isWordByte(bytes[end]) || bytes[end] == 0x2D { end += 1 }
            if let defined = definedEvents[Array(bytes[position..<end])], position >= defined.after,
                !view.terms.contains(where: { $0.range.overlaps(position..<end) })
            {
                found.append((position..<end, defined.index))
            }
            position = max(end, position + 1)
        }
        return found
    }

    /// Conditions the text presents as caused by a drug, filed with the line that gave the drug.
    mutating func addTreatmentEffects(_ events: [AdverseEvent]) {
        for event in events {
            let line = lines.firstIndex { line in event.drugs.allSatisfy { line.drugs.contains($0) } }
            add(event, toLine: line)
        }
    }

    private mutating func add(_ event: AdverseEvent, toLine line: Int?) {
        if let existing = adverseEvents.firstIndex(where: { $0.term == event.term && $0.drugs == event.drugs }) {
            adverseEvents[existing].spans += event.spans
            if let grade = event.grade, (adverseEvents[existing].grade ?? 0) < grade { adverseEvents[existing].grade = grade }
        } else {
            adverseEvents.append(event)
        }
        guard let line else { return }
        if let existing = lines[line].adverseEvents.firstIndex(where: { $0.term == event.term }) {
            lines[line].adverseEvents[existing].spans += event.spans
            if let grade = event.grade, (lines[line].adverseEvents[existing].grade ?? 0) < grade { lines[line].adverseEvents[existing].grade = grade }
        } else {
            lines[line].adverseEvents.append(event)
        }
    }

    /// "grade IV neutropenia" or "neutropenia (grade 4)". A range ("grade 3–4") gives its lower
    /// bound: the text vouches for that much.
    private func grade(for range: Range<Int>, in view: SentenceView) -> Int? {
        guard let grade = statedGrade(for: range, in: view) else { return nil }
        return lowerBound(of: grade) ?? grade.grade
    }

    private func lowerBound(of mention: GradeMention) -> Int? {
        let text = assembler.text(mention.range)
        let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.compactMap { Int(String($0)) }
        guard digits.count == 2, digits[0] < digits[1], digits.allSatisfy({ (1...5).contains($0) }) else { return nil }
        return digits[0]
    }

    private func statedGrade(for range: Range<Int>, in view: SentenceView) -> GradeMention? {
        for mention in view.grades {
            if mention.range.upperBound <= range.lowerBound {
                // "grade 2 capecitabine-related hand-foot syndrome", "grade 3 immune-related colitis".
                let gap = assembler.gap(mention.range.upperBound, range.lowerBound)
                if gap.isEmpty || gap.firstMatch(of: Self.attributionModifier) != nil { return mention }
            }
            if mention.range.lowerBound >= range.upperBound {
                let between = assembler.gap(range.upperBound, mention.range.lowerBound)
                if between == "(" || between == "," || between.isEmpty || between == "of" { return mention }
                // "pancreatitis, which was grade 3", "lipase rose (CTCAE grade 3)".
                if between.count <= 24, between.firstMatch(of: Self.gradeAfterTerm) != nil { return mention }
                // "arthralgia of the knees and wrists (grade 2)", "diarrhoea with six stools a day (G2)",
                // "ALT rose to six times the upper limit (CTCAE grade III)": a bracketed grade after words
                // that qualify the event, with no other event between.
                let eventsBetween = view.terms(.adverseEvent).filter {
                    $0.range.lowerBound >= range.upperBound && $0.range.upperBound <= mention.range.lowerBound
                }
                let plain = between.count <= 48 && !between.contains(";") && !between.contains(",")
                if plain, eventsBetween.isEmpty, between.hasSuffix("(") || between.firstMatch(of: Self.bracketedScale) != nil {
                    return mention
                }
                // "hyperglycaemia from dexamethasone reached grade 3", "neuropathy in the feet was recorded as
                // grade 1", "lipase increased to grade 2": words that qualify the event, then a verb that links
                // it to its grade. "Constipation and jaw pain were grade 2": two events joined by "and" share it.
                let joined = eventsBetween.count == 1 && between.hasPrefix("and ")
                if eventsBetween.isEmpty || joined, !between.contains(";"), !between.contains(","), between.count <= (joined ? 64 : 40),
                    between.firstMatch(of: Self.gradeLink) != nil
                {
                    return mention
                }
            }
        }
        return trailingGrade(for: range, in: view)
    }

    /// "The ALT rose to six times the upper limit of normal by week three, a grade 3 increase", "Paronychia
    /// developed in May, graded 2", "colitis was diagnosed, CTCAE grade 3": the first grade after the event in
    /// its sentence, past commas, when no other event lies between and the grade does not lead an event of
    /// its own ("…, and grade 3 diarrhoea"). A semicolon ends the event's clause unless the next one points
    /// back at it ("; this was a grade 1 increase").
    private func trailingGrade(for range: Range<Int>, in view: SentenceView) -> GradeMention? {
        guard let mention = view.grades.first(where: { $0.range.lowerBound >= range.upperBound }) else { return nil }
        let between = assembler.gap(range.upperBound, mention.range.lowerBound)
        guard between.count <= 96 else { return nil }
        let events = view.terms(.adverseEvent)
        if events.contains(where: { $0.range.lowerBound >= range.upperBound && $0.range.upperBound <= mention.range.lowerBound }) { return nil }
        // A grade that leads an event: "grade 3 diarrhoea", "a grade 2 creatinine increase".
        if let next = events.first(where: { $0.range.lowerBound >= mention.range.upperBound }) {
            let gap = assembler.gap(mention.range.upperBound, next.range.lowerBound)
            if gap.count <= 24, !gap.contains(","), !gap.contains(";") { return nil }
        }
        let clauses = between.split(separator: ";", omittingEmptySubsequences: false)
        if clauses.count > 2 { return nil }
        if clauses.count == 2, clauses[1].firstMatch(of: Self.pointsBack) == nil { return nil }
        return mention
    }

    /// The opening of a clause that points back at the event before it: "this was", "it was", "which was".
    nonisolated(unsafe) private static let pointsBack = /^\s*(?:this|it|which|that)\s+(?:was|were|is|reached)\b/

    /// Words between an event and its grade that still grade it: ", which was", "rose (ctcae", "was"
    /// ("diarrhoea was grade 1"), "reached ctcae".
    nonisolated(unsafe) private static let gradeAfterTerm =
        /^(?:,?\s*(?:which|that)\s+(?:was|were|is|reached)(?:\s+(?:graded(?:\s+as)?|classified\s+as|of|a))?|(?:was|were)\s+(?:graded(?:\s+as)?|of|a)|(?:was|were|reached|became)(?:\s+ctcae(?:\s+v?\d(?:\.\d)?)?)?|,?\s*graded(?:\s+as)?|(?:rose|increased|elevated|worsened|progressed)(?:\s+to)?\s*\(?(?:ctcae)?|\(ctcae(?:\s+v?\d(?:\.\d)?)?|of\s+ctcae(?:\s+v?\d(?:\.\d)?)?|\([a-z0-9-]{2,8}\)(?:\s+of)?)$/

    /// A grading scale opening a bracket: "(CTCAE", "(CTCAE v5.0".
    nonisolated(unsafe) private static let bracketedScale = /\((?:ctcae|nci[- ]ctcae)(?:\s+v?\d(?:\.\d)?)?$/

    /// The verb at the end of the words between an event and its grade: "was", "were", "reached", "to",
    /// "recorded as", "of".
    nonisolated(unsafe) private static let gradeLink = /(?:^|\s)(?:was|were|is|reached|to|as|of)$/

    /// One word that says what caused the event: "capecitabine-related", "treatment induced".
    nonisolated(unsafe) private static let attributionModifier = /^[\w.]+(?:[-‐]|\s)(?:related|induced|associated|mediated)$/

    // MARK: Dose changes and stops

    private mutating func attachDoseChanges(in view: SentenceView, placed: [Placed], focus: Item?) {
        let target: Item? = placed.first { if case .line = $0.item { return true } else { return false } }?.item ?? focus
        guard case .line(let index) = target else { return }
        let sentence = assembler.text(view.range).replacingOccurrences(of: "\n", with: " ")
        if view.has(.doseChange), !lines[index].doseChanges.contains(sentence) {
            lines[index].doseChanges.append(sentence)
        }
        if let stop = view.cues(.stop).first, !assembler.isNegated(stop.range, in: view, window: 12), !view.has(.progression) {
            stoppedLines.insert(index)
        } else if !view.has(.progression), assembler.sentence(view, containsAnyOf: Self.holdKeys, ignoringCase: true),
            assembler.text(view.range).firstMatch(of: Self.holdWords) != nil
        {
            // "necessitating withholding both drugs", "treatment was held".
            stoppedLines.insert(index)
        }
        if let stop = view.cues(.stop).first, lines[index].stopReason == nil {
            let after = assembler.lowered(stop.range.upperBound..<view.range.upperBound)
            let before = assembler.lowered(view.range.lowerBound..<stop.range.lowerBound)
            if let reason = ["because of ", "due to ", "owing to ", "for "].compactMap({ marker -> String? in
                if let found = after.range(of: marker) { return String(after[found.upperBound...]) }
                if let found = before.range(of: marker) { return String(before[found.upperBound...]) }
                return nil
            }).first {
                lines[index].stopReason = reason.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;\n"))
            } else if view.has(.progression) {
                lines[index].stopReason = "progression"
            }
        }
    }
}
