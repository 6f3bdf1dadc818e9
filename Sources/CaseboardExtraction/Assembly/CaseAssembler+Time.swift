import CaseboardCore
import Foundation

/// A time phrase in a sentence.
struct TimeMention {
    var range: Range<Int>
    var point: TimePoint
}

extension CaseAssembler {
    /// Dates ("In February 2012", "Mars 2008", "in 2014") and relative times ("Ten months after
    /// transplant", "Thirty-three weeks from sorafenib start", "after 18 months of therapy").
    func times(in view: SentenceView) -> [TimeMention] {
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
            let days = Int((number.value * (unit.cue.days ?? 1)).rounded())
            var end = unit.range.upperBound
            var anchor: String?
            // "... after transplant", "... from sorafenib start", "... later".
            if let relation = view.cues.first(where: {
                ($0.cue == .after || $0.cue == .later || $0.cue == .before) && $0.range.lowerBound >= end && $0.range.lowerBound - end <= 2
            }) {
                end = relation.range.upperBound
                if relation.cue != .later {
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
            result.append(TimeMention(range: range, point: TimePoint(days: days, anchor: anchor, text: text(range))))
        }
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
