import CaseboardCore

/// Structured-abstract labels run into a paragraph, as web pages and conference abstracts print
/// them: "… is extremely rare. Case Report. A 41-year-old woman …", "… four cases. Results:
/// Patient 1 …", or fused to the next word ("ResultsOf this cohort").
///
/// The outline splits a section at each such label, so that the case description, the
/// background and the conclusions of a one-paragraph abstract become sections of their own.
enum InlineLabels {
    /// A label inside a section: where the label starts, where its text starts, and its name.
    struct Label: Equatable {
        var start: Int
        var bodyStart: Int
        var heading: String
    }

    /// Labels as authors capitalise them; all-capital forms are matched too.
    static let names: [String] = [
        "Background", "Introduction", "Objective", "Objectives", "Aim", "Aims", "Purpose", "Methods", "Materials and Methods",
        "Patients and Methods", "Experimental Design", "Results", "Findings", "Case Presentation", "Case presentation", "Case Report",
        "Case report", "Case Description", "Case description", "Case(s) Description", "Case Summary", "Case summary",
        "Clinical Presentation", "Clinical presentation", "Case", "Discussion", "Conclusion", "Conclusions", "Interpretation",
        "Translational Relevance", "Implications for Practice",
    ]

    /// Labels that may end with a full stop instead of a colon ("Introduction. Mast cell …"):
    /// words that do not make a sentence on their own.
    static let stopLabels: Set<String> = [
        "Background", "Introduction", "Methods", "Results", "Discussion", "Conclusion", "Conclusions", "Case Presentation",
        "Case presentation", "Case Report", "Case report", "Case Description", "Case description",
    ]

    private static let forms: [(label: String, bytes: [UInt8])] = {
        var list: [(String, [UInt8])] = []
        for name in names {
            list.append((name, Array(name.utf8)))
            list.append((name, Array(name.uppercased().utf8)))
        }
        // Longest first, so "Case Report" wins over "Case".
        return list.sorted { $0.1.count > $1.1.count }
    }()

    /// The labels inside `range`, in text order. A label counts when it opens a paragraph or a sentence
    /// (after ". ", "? " or "! "), is followed by ":" or (for ``stopLabels``) ".", and then by a
    /// capitalised word; or when it is fused to a capitalised word ("ResultsOf").
    static func find(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Label] {
        var labels: [Label] = []
        var index = range.lowerBound + 1
        let end = min(range.upperBound, text.count)
        while index < end {
            // A paragraph starts here ("\nDiscussion. ESR1 mutations …", a plain-text report whose sections are
            // labelled paragraphs), or a sentence ends just before: punctuation and at least one space.
            let paragraphStart = text[index - 1] == 0x0A && text[index] &- 0x41 < 26
            guard paragraphStart || (text[index - 1] == 0x20 && index >= range.lowerBound + 2) else {
                index += 1
                continue
            }
            var back = index - 1
            while back > range.lowerBound, text[back] == 0x20 { back -= 1 }
            let stop = text[back]
            guard paragraphStart || stop == 0x2E || stop == 0x3F || stop == 0x21, text[index] &- 0x41 < 26 else {
                index += 1
                continue
            }
            if let label = label(at: index, in: text, end: end) {
                labels.append(label)
                index = label.bodyStart
            } else {
                index += 1
            }
        }
        return labels
    }

    private static func label(at start: Int, in text: UnsafeBufferPointer<UInt8>, end: Int) -> Label? {
        for form in forms where start + form.bytes.count < end {
            var same = true
            for (offset, byte) in form.bytes.enumerated() where text[start + offset] != byte {
                same = false
                break
            }
            guard same else { continue }
            var cursor = start + form.bytes.count
            let mark = text[cursor]
            if mark == 0x3A || (mark == 0x2E && stopLabels.contains(form.label)) {
                cursor += 1
                guard cursor < end, text[cursor] == 0x20 else { continue }
                while cursor < end, text[cursor] == 0x20 { cursor += 1 }
                guard cursor < end, text[cursor] &- 0x41 < 26 || text[cursor] &- 0x30 < 10 else { continue }
                return Label(start: start, bodyStart: cursor, heading: form.label)
            }
            // Fused: "ResultsOf": a capital and a lowercase letter right after a label of two or more words' length.
            if form.bytes.count >= 6, mark &- 0x41 < 26, cursor + 1 < end, text[cursor + 1] &- 0x61 < 26, form.label != "Case" {
                return Label(start: start, bodyStart: cursor, heading: form.label)
            }
        }
        return nil
    }

    /// `sections` with every section that holds inline labels split at them. A label inside an
    /// abstract stays in the abstract; elsewhere the label's own kind applies.
    static func split(_ sections: [Section], text: UnsafeBufferPointer<UInt8>) -> [Section] {
        var result: [Section] = []
        result.reserveCapacity(sections.count)
        for section in sections {
            guard section.kind != .title, section.kind != .references else {
                result.append(section)
                continue
            }
            let labels = find(in: text, range: section.range)
            guard !labels.isEmpty else {
                result.append(section)
                continue
            }
            var current = section
            for label in labels {
                current.range = ByteText.trimmed(text, current.range.lowerBound..<label.start)
                if !current.range.isEmpty { result.append(current) }
                let kind: SectionKind =
                    section.kind == .abstract ? .abstract : SectionClassifier.recognizedKind(forHeading: label.heading) ?? section.kind
                current = Section(kind: kind, heading: label.heading, range: label.bodyStart..<section.range.upperBound)
            }
            current.range = ByteText.trimmed(text, current.range)
            if !current.range.isEmpty { result.append(current) }
        }
        return result
    }
}
