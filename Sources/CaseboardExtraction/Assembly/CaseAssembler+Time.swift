import CaseboardCore
import CaseboardVocabularies
import Foundation

/// A time phrase in a sentence.
struct TimeMention {
    var range: Range<Int>
    var point: TimePoint
    /// The phrase counts back from its anchor: "two years before", "six months prior to surgery".
    var isBefore = false
}

/// The time phrases of each sentence once found, by sentence index. A reference, so that the
/// copies of the assembler that therapy assembly holds share it.
final class TimeCache {
    var raw: [[TimeMention]?]

    init(sentences: Int) {
        raw = Array(repeating: nil, count: sentences)
    }
}

/// Time phrases normalized to months from diagnosis, and when each drug and procedure began on
/// that scale, worked out once per document by ``CaseAssembler/resolveTimes()``.
struct TimeClock {
    /// Months from diagnosis of each resolved time phrase, keyed by the phrase's start offset.
    var months: [Int: Double] = [:]
    /// Months from diagnosis at which each drug (INN) was first given, when known.
    var drugStarts: [String: Double] = [:]
}

extension CaseAssembler {
    /// The time phrases of a sentence, each with its months from diagnosis when the document's
    /// clock resolves it.
    func times(in view: SentenceView) -> [TimeMention] {
        rawTimes(in: view).map { mention in
            var mention = mention
            mention.point.monthsFromDiagnosis = clock.months[mention.range.lowerBound]
            return mention
        }
    }

    /// Dates ("In February 2012", "Mars 2008", "in 2014"), relative times ("Ten months after
    /// transplant", "Thirty-three weeks from sorafenib start", "after 18 months of therapy") and
    /// cycles ("in the third cycle", "after four cycles").
    ///
    /// Found once per sentence and kept: the clock, line starts, procedures and the outcome each
    /// ask for the same sentence's times.
    func rawTimes(in view: SentenceView) -> [TimeMention] {
        if view.index < timeCache.raw.count, let cached = timeCache.raw[view.index] { return cached }
        let found = findTimes(in: view)
        if view.index < timeCache.raw.count { timeCache.raw[view.index] = found }
        return found
    }

    private func findTimes(in view: SentenceView) -> [TimeMention] {
        var result: [TimeMention] = []
        var usedNumbers: Set<Range<Int>> = []
        for cue in view.cues {
            guard let month = cue.cue.month else { continue }
            guard
                let year = view.numbers.first(where: { $0.range.lowerBound > cue.range.upperBound && $0.range.lowerBound - cue.range.upperBound <= 2 }
                ),
                year.value >= 1900, year.value <= 2100, !year.isWord
            else { continue }
            usedNumbers.insert(year.range)
            let range = cue.range.lowerBound..<year.range.upperBound
            let date = String(format: "%04d-%02d", Int(year.value), month)
            result.append(TimeMention(range: range, point: TimePoint(date: date, text: text(range))))
        }
        for number in view.numbers where !usedNumbers.contains(number.range) {
            if !number.isWord, number.value >= 1950, number.value <= 2100, number.value == number.value.rounded(),
                number.range.count == 4
            {
                let before = lowered(max(view.range.lowerBound, number.range.lowerBound - 8)..<number.range.lowerBound)
                if ["in ", "since ", "until ", "from ", "by ", "during ", "of ", "early ", "late ", "mid-", "and ", "to "].contains(where: {
                    before.hasSuffix($0)
                }) {
                    result.append(TimeMention(range: number.range, point: TimePoint(date: String(Int(number.value)), text: text(number.range))))
                }
                continue
            }
            // A unit right after the number: "18 months", "ten months", "9.6 years".
            guard
                let unit = view.cues.first(where: {
                    $0.cue.days != nil && $0.range.lowerBound >= number.range.upperBound && $0.range.lowerBound - number.range.upperBound <= 2
                })
            else { continue }
            // "58-year-old" and "aged 58 years" are ages, not times.
            let afterUnit = lowered(unit.range.upperBound..<min(view.range.upperBound, unit.range.upperBound + 5))
            if afterUnit.hasPrefix("-old") || afterUnit.hasPrefix(" old") || afterUnit.hasPrefix(" of age") { continue }
            // A number no time span reaches ("10^20 years" in noise) would overflow Int: not a time.
            let span = (number.value * (unit.cue.days ?? 1)).rounded()
            guard span.isFinite, abs(span) <= 3_650_000 else { continue }
            let days = Int(span)
            var end = unit.range.upperBound
            var anchor: String?
            var isBefore = false
            // "... after transplant", "... from sorafenib start", "... later".
            if let relation = view.cues.first(where: {
                ($0.cue == .after || $0.cue == .later || $0.cue == .before) && $0.range.lowerBound >= end && $0.range.lowerBound - end <= 2
            }) {
                end = relation.range.upperBound
                isBefore = relation.cue == .before
                if lowered(relation.range) == "earlier" {
                    // "Two years earlier": back from the previous event.
                    anchor = "previous event"
                } else if relation.cue != .later {
                    let anchorEnd = anchorEnd(from: end, in: view)
                    anchor = text(end..<anchorEnd).trimmingCharacters(in: .whitespacesAndNewlines)
                    end = anchorEnd
                } else {
                    anchor = "previous event"
                }
            } else {
                let before = lowered(max(view.range.lowerBound, number.range.lowerBound - 7)..<number.range.lowerBound)
                if before.hasSuffix("after ") {
                    // "After 18 months of therapy": counted from the start of the current therapy.
                    anchor = "start of therapy"
                }
            }
            let range = number.range.lowerBound..<end
            result.append(TimeMention(range: range, point: TimePoint(days: days, anchor: anchor, text: text(range)), isBefore: isBefore))
        }
        result += cycles(in: view).filter { cycle in !result.contains { $0.range.overlaps(cycle.range) } }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The end of an anchor phrase: up to four words, stopping at punctuation.
    private func anchorEnd(from start: Int, in view: SentenceView) -> Int {
        var index = start
        var words = 0
        var inWord = false
        while index < view.range.upperBound {
            let byte = bytes[index]
            if byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x28 || byte == 0x29 { break }
            let isWordByte = byte != 0x20 && byte != 0x0A
            if isWordByte && !inWord {
                words += 1
                if words > 4 { break }
                // Stop before a verb-like continuation such as "a subcutaneous nodule".
                let rest = lowered(index..<min(view.range.upperBound, index + 3))
                if words > 1, rest.hasPrefix("a ") || rest.hasPrefix("an ") || rest.hasPrefix("the") { break }
            }
            inWord = isWordByte
            index += 1
        }
        while index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A { index -= 1 }
        return index
    }
}

// MARK: Cycles

extension CaseAssembler {
    /// Ordinals and small number words a cycle count is written with.
    private static let cycleNumbers: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "eleventh": 11, "twelfth": 12, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// "in the third cycle", "during the 2nd course", "after four cycles", "cycle 3". The cycle
    /// number is kept; "after N cycles" counts from the end of cycle N, the others from its start.
    func cycles(in view: SentenceView) -> [TimeMention] {
        // Each pattern needs "cycle" or "course": a byte test first, since the patterns cost far
        // more and most sentences name neither.
        guard text(view.range, containsAnyOf: Self.cycleKeys, ignoringCase: true) else { return [] }
        let sentence = text(view.range)
        var result: [TimeMention] = []
        func add(_ range: Range<String.Index>, number: Substring, completed: Bool) {
            let word = number.lowercased()
            let digits = word.prefix { $0.isNumber }
            guard let cycle = Self.cycleNumbers[word] ?? Int(digits), cycle > 0, cycle < 100 else { return }
            let start = view.range.lowerBound + sentence.utf8.distance(from: sentence.startIndex, to: range.lowerBound)
            let end = view.range.lowerBound + sentence.utf8.distance(from: sentence.startIndex, to: range.upperBound)
            let anchor = completed ? "end of cycle" : "start of cycle"
            result.append(TimeMention(range: start..<end, point: TimePoint(anchor: anchor, text: text(start..<end), cycle: cycle)))
        }
        for match in sentence.matches(of: Self.ordinalCycle) {
            add(match.range, number: match.output.2, completed: match.output.1.lowercased() == "after")
        }
        for match in sentence.matches(of: Self.countedCycles) {
            add(match.range, number: match.output.1, completed: true)
        }
        for match in sentence.matches(of: Self.numberedCycle) {
            add(match.range, number: match.output.1, completed: false)
        }
        // One phrase, one mention: "after the third cycle" is not also "cycle 3".
        var kept: [TimeMention] = []
        for mention in result.sorted(by: { $0.range.count > $1.range.count }) where !kept.contains(where: { $0.range.overlaps(mention.range) }) {
            kept.append(mention)
        }
        return kept
    }

    /// Words every cycle pattern needs (lower case).
    private static let cycleKeys = ["cycle", "course"].map { Array($0.utf8) }

    /// A byte test before the regular expressions of ``cycleLengthDays()``, which cost far more
    /// per sentence: each needs "cycle", "week" or "q3w".
    private func mayStateCycleLength(_ view: SentenceView) -> Bool {
        let lower = bytes[view.range].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        if ByteSearch.occurs(Array("cycle".utf8), in: lower) || ByteSearch.occurs(Array("week".utf8), in: lower) { return true }
        return lower.indices.dropLast(2).contains { lower[$0] == 0x71 && lower[$0 + 1] &- 0x30 < 10 && lower[$0 + 2] == 0x77 }
    }

    nonisolated(unsafe) private static let ordinalCycle =
        /(?i)\b(in|during|at|by|after|before|from|with)\s+(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\s+(?:cycle|course)\b/
    nonisolated(unsafe) private static let countedCycles =
        /(?i)\bafter\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:cycles|courses)\b/
    nonisolated(unsafe) private static let numberedCycle = /(?i)\b(?:cycle|course)\s+(\d{1,2})\b/

    /// The length of a treatment cycle in days, when the report states one: "28-day cycles",
    /// "cycles of 21 days", "every three weeks", "q3w".
    func cycleLengthDays() -> Double? {
        for view in views where view.isPatient && mayStateCycleLength(view) {
            let sentence = lowered(view.range)
            if let match = sentence.firstMatch(of: Self.daysCycle), let days = Double(match.output.1) { return days }
            if let match = sentence.firstMatch(of: Self.cycleOfDays), let days = Double(match.output.1) { return days }
            if let match = sentence.firstMatch(of: Self.everyWeeks) {
                let weeks = Self.cycleNumbers[String(match.output.1)] ?? Int(match.output.1) ?? 0
                if weeks > 0 { return Double(weeks * 7) }
            }
            if let match = sentence.firstMatch(of: Self.qWeeks), let weeks = Double(match.output.1) { return weeks * 7 }
        }
        return nil
    }

    // Built once: a regex literal in the loop was parsed and compiled again for each sentence.
    nonisolated(unsafe) private static let daysCycle = /(\d{1,2})[- ]days?[- ](?:treatment )?cycles?/
    nonisolated(unsafe) private static let cycleOfDays = /cycles? of (\d{1,2}) days/
    nonisolated(unsafe) private static let everyWeeks = /every (\d|two|three|four|six) weeks/
    nonisolated(unsafe) private static let qWeeks = /\bq(\d)w(?:k|eeks?)?\b/
}

// MARK: Clock

extension CaseAssembler {
    /// Walks the sentences about the patient in order and normalizes each time phrase to months
    /// from the diagnosis of the patient's cancer:
    /// - the first sentence that diagnoses the cancer sets month 0 (and, when dated, the calendar
    ///   anchor that turns later dates into months);
    /// - "two years later" counts from the last resolved point; "ten months after transplant" from
    ///   the transplant; "after 18 months of imatinib" from the start of imatinib; "18 months
    ///   after diagnosis" from diagnosis; "in the third cycle" from the start of the current drug
    ///   when the report gives the cycle length.
    /// A drug or procedure first named in a sentence starts at that sentence's point, or at the
    /// last resolved point when the sentence has none. Phrases without a known anchor stay
    /// unresolved: a duration ("for 18 months") is not a point.
    func resolveTimes() -> TimeClock {
        var clock = TimeClock()
        var calendarAnchor: (year: Int, month: Int?)?
        var diagnosed = false
        var last: Double?
        var latestStart: Double?
        var anchors: [String: Double] = [:]
        var section = -1
        var sectionDiagnosed = false
        let cycleDays = cycleLengthDays()
        // The abstract retells the case in brief; the case section, when there is one, keeps the clock.
        let hasCase = views.contains { $0.isPatient && $0.sentence.section == .case }
        let skipped: Set<SectionKind> = hasCase ? [.title, .references, .abstract] : [.title, .references]
        for view in views where view.isPatient && !skipped.contains(view.sentence.section) {
            if view.sentence.sectionIndex != section {
                section = view.sentence.sectionIndex
                last = nil
                sectionDiagnosed = false
            }
            let mentions = rawTimes(in: view)
            let diagnosis = !sectionDiagnosed && diagnosesCancer(view)
            if diagnosis {
                sectionDiagnosed = true
                if !mentions.contains(where: { $0.point.date != nil }) { last = 0 }
            }
            var first: Double?
            for mention in mentions {
                let point = mention.point
                var months: Double?
                if let date = point.date, let parsed = Self.parseDate(date) {
                    if calendarAnchor == nil, diagnosis || !diagnosed {
                        calendarAnchor = parsed
                        months = 0
                    } else if let anchor = calendarAnchor {
                        months = Self.monthsBetween(anchor, parsed)
                    }
                } else if let cycle = point.cycle {
                    if let cycleDays, let start = drugStart(in: view, after: mention.range, anchors: anchors) ?? latestStart {
                        let completed = point.anchor == "end of cycle" ? cycle : cycle - 1
                        months = start + Double(completed) * cycleDays / 30.44
                    }
                } else if let days = point.days, let base = base(of: mention, in: view, last: last, latestStart: latestStart, anchors: anchors) {
                    let offset = Double(days) / 30.44
                    months = mention.isBefore ? base - offset : base + offset
                }
                guard let months else { continue }
                let rounded = (months * 10).rounded() / 10
                clock.months[mention.range.lowerBound] = rounded
                first = first ?? rounded
                last = rounded
            }
            if diagnosis { diagnosed = true }
            guard let at = first ?? last else { continue }
            let retrospective = isRetrospective(view)
            for term in view.terms(.drug) where !isNegated(term.range, in: view, window: 12) {
                guard case .drug(let index) = term.concept else { continue }
                let inn = vocabularies.drugs[index].name
                guard anchors[inn] == nil, !retrospective || first != nil else { continue }
                anchors[inn] = at
                clock.drugStarts[inn] = at
                latestStart = at
            }
            for cue in view.cues {
                guard let kind = cue.cue.procedure, anchors[kind.rawValue] == nil else { continue }
                let before = lowered(max(view.range.lowerBound, cue.range.lowerBound - 6)..<cue.range.lowerBound)
                if before.hasSuffix("post-") || before.hasSuffix("after ") || before.hasSuffix("from ") { continue }
                anchors[kind.rawValue] = at
            }
        }
        return clock
    }

    /// "2012", "2012-02" or "2012-02-15".
    private static func parseDate(_ date: String) -> (year: Int, month: Int?)? {
        let parts = date.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        return (year, parts.count > 1 ? Int(parts[1]) : nil)
    }

    /// Whole months from one date to another; a year without a month counts by years.
    private static func monthsBetween(_ from: (year: Int, month: Int?), _ to: (year: Int, month: Int?)) -> Double {
        if let a = from.month, let b = to.month { return Double((to.year - from.year) * 12 + b - a) }
        return Double((to.year - from.year) * 12)
    }

    /// The sentence diagnoses the patient's cancer: a cancer term and a word of diagnosis.
    private func diagnosesCancer(_ view: SentenceView) -> Bool {
        guard firstCancerOffset(in: view) != nil else { return false }
        let sentence = lowered(view.range)
        return sentence.contains("diagnos") || sentence.contains("confirmed") || sentence.contains("revealed")
    }

    private func firstCancerOffset(in view: SentenceView) -> Int? {
        view.terms(.disease).first { term in
            guard case .disease(let index) = term.concept else { return false }
            return vocabularies.diseases[index].isCancer
        }?.range.lowerBound
    }

    /// "had previously received", "prior imatinib": the sentence looks back, so its drugs did
    /// not start at the current point.
    func isRetrospective(_ view: SentenceView) -> Bool {
        let sentence = lowered(view.range)
        return ["previously", "prior ", "had been treated", "had received", "formerly", "had failed", "history of"].contains {
            sentence.contains($0)
        }
    }

    /// The start of the drug a phrase names after itself: "after 18 months of imatinib".
    private func drugStart(in view: SentenceView, after range: Range<Int>, anchors: [String: Double]) -> Double? {
        for term in view.terms(.drug) where term.range.lowerBound >= range.upperBound && term.range.lowerBound - range.upperBound <= 24 {
            guard case .drug(let index) = term.concept else { continue }
            if let start = anchors[vocabularies.drugs[index].name] { return start }
        }
        return nil
    }

    /// The point a relative phrase counts from, when known.
    private func base(of mention: TimeMention, in view: SentenceView, last: Double?, latestStart: Double?, anchors: [String: Double]) -> Double? {
        guard let anchor = mention.point.anchor else { return nil }
        switch anchor {
        case "previous event": return last
        case "start of therapy": return drugStart(in: view, after: mention.range, anchors: anchors) ?? latestStart ?? last
        default: break
        }
        let phrase = anchor.lowercased()
        if phrase.contains("diagnos") { return 0 }
        // A drug named in the anchor: "from sorafenib start".
        for term in view.terms(.drug) where mention.range.contains(term.range.lowerBound) {
            guard case .drug(let index) = term.concept else { continue }
            if let start = anchors[vocabularies.drugs[index].name] { return start }
        }
        for cue in view.cues where mention.range.contains(cue.range.lowerBound) {
            if let kind = cue.cue.procedure, let time = anchors[kind.rawValue] { return time }
        }
        let procedureWords: [(String, ProcedureKind)] = [
            ("transplant", .transplant), ("hsct", .transplant), ("sct", .transplant), ("bmt", .transplant), ("surgery", .surgery),
            ("resection", .surgery), ("operation", .surgery), ("ectomy", .surgery), ("radiotherapy", .radiotherapy),
            ("radiation", .radiotherapy),
        ]
        for (word, kind) in procedureWords where phrase.contains(word) {
            return anchors[kind.rawValue]
        }
        if ["start", "initiation", "treatment", "therapy", "onset", "beginning"].contains(where: { phrase.contains($0) }) {
            return latestStart ?? last
        }
        return nil
    }
}
