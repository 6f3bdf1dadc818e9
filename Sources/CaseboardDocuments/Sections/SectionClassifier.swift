import CaseboardCore

/// Classifies section headings the way case reports write them.
///
/// Headings are compared after normalisation: leading numbering ("2.", "2.1", "II.", "(a)"),
/// Markdown `#` marks, emphasis, case, punctuation and a trailing colon are ignored, so
/// "2. CASE PRESENTATION:" and "Case presentation" classify alike.
///
/// ```swift
/// SectionClassifier.kind(forHeading: "3 Discussion")      // .discussion
/// SectionClassifier.kind(forHeading: "Literature cited")  // .references
/// SectionClassifier.kind(forHeading: "Genomic profiling") // .other
/// ```
public enum SectionClassifier {
    /// The kind of section a heading opens; ``SectionKind/other`` when the heading is not recognised.
    public static func kind(forHeading heading: String) -> SectionKind {
        recognizedKind(forHeading: heading) ?? .other
    }

    /// The kind of section a heading opens, or `nil` when the heading is not one case reports use.
    ///
    /// Readers use the difference between "recognised as other" (such as "Funding") and "not
    /// recognised" (such as "Genomic profiling") to decide whether a heading is a sub-heading that
    /// stays in the section around it.
    public static func recognizedKind(forHeading heading: String) -> SectionKind? {
        recognizedKind(forHeading: heading, allowingPrefix: true)
    }

    static func recognizedKind(forHeading heading: String, allowingPrefix: Bool) -> SectionKind? {
        let words = normalizedWords(heading)
        guard !words.isEmpty, words.count <= 12 else { return nil }
        if let kind = classify(words) { return kind }
        // "Case presentation: a 63-year-old woman" and "Discussion - lessons learned".
        if allowingPrefix, let cut = prefixBeforeSeparator(heading) {
            let prefix = normalizedWords(cut)
            if !prefix.isEmpty, prefix.count < words.count, let kind = classify(prefix) { return kind }
        }
        return nil
    }

    /// Whether a line of plain text is probably a section heading.
    ///
    /// True for a Markdown `#` heading, for a short line (at most 8 words, not ending in a period)
    /// whose text is a recognised heading, and for a short all-capitals line.
    public static func isLikelyHeading(line: Substring) -> Bool {
        let trimmed = line.trimmingASCIISpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 120 else { return false }
        if markdownHeadingLevel(trimmed) != nil { return true }
        // List items ("• Case Report" in a page's article-type list) are not headings.
        if let first = trimmed.first, "\u{2022}\u{00B7}\u{25AA}\u{2023}\u{2013}-*+>".contains(first) { return false }
        let wordCount = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        guard wordCount <= 8 else { return false }
        guard let last = trimmed.last, last != ".", last != ",", last != ";" else { return false }
        // The whole line must be the heading: "Conclusion: it works" is a run-in heading, not a line.
        if recognizedKind(forHeading: String(trimmed), allowingPrefix: false) != nil { return true }
        return isShortAllCaps(trimmed)
    }

    /// The level of a Markdown ATX heading (`## Discussion` is 2), or nil.
    static func markdownHeadingLevel(_ line: Substring) -> Int? {
        var level = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == "#", level <= 6 {
            level += 1
            index = line.index(after: index)
        }
        guard level >= 1, level <= 6 else { return nil }
        guard index == line.endIndex || line[index] == " " || line[index] == "\t" else { return nil }
        return level
    }

    /// A line of capitals such as "CASE PRESENTATION" or "MOLECULAR WORK-UP".
    static func isShortAllCaps(_ line: Substring) -> Bool {
        var letters = 0
        var lowercase = 0
        var digits = 0
        for scalar in line.unicodeScalars {
            if scalar.properties.isLowercase {
                lowercase += 1
            } else if scalar.properties.isUppercase {
                letters += 1
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                digits += 1
            }
        }
        // Four capitals keep gene symbols such as "EGFR" or "ALK" on their own line out.
        return lowercase == 0 && letters >= 5 && digits <= letters / 2
    }

    /// How deep a numbered heading is: "2 Case" is 1, "2.1 Imaging" is 2; nil when unnumbered.
    static func numberingDepth(_ heading: Substring) -> Int? {
        var depth = 0
        var inNumber = false
        for character in heading {
            if character.isASCII, character.isNumber {
                if !inNumber { depth += 1 }
                inNumber = true
            } else if character == "." && inNumber {
                inNumber = false
            } else {
                break
            }
        }
        return depth == 0 ? nil : depth
    }

    /// Headings that label parts of a structured abstract.
    static func isAbstractLabel(_ heading: String) -> Bool {
        abstractLabels.contains(normalizedWords(heading).joined(separator: " "))
    }

    /// The normalised key of a heading, used to notice a label seen twice.
    static func key(_ heading: String) -> String {
        normalizedWords(heading).joined(separator: " ")
    }

    // MARK: - Matching

    private static func classify(_ words: [String]) -> SectionKind? {
        let phrase = words.joined(separator: " ")
        if let kind = phrases[phrase] { return kind }
        var trimmed = words
        while let first = trimmed.first, first == "the" || first == "a" || first == "an" { trimmed.removeFirst() }
        if trimmed.count < words.count, let kind = phrases[trimmed.joined(separator: " ")] { return kind }
        guard let first = trimmed.first else { return nil }
        let rest = trimmed.dropFirst()
        // "Case 1", "Case no. 2", "Patient 3", "Case two".
        if ["case", "cases", "patient", "patients"].contains(first), !rest.isEmpty, rest.allSatisfy(isEnumerator) {
            return .case
        }
        // "Case presentation and treatment", "Case report and literature review".
        if first == "case" || first == "cases", let second = rest.first, caseSecondWords.contains(second) {
            return .case
        }
        if trimmed.contains("discussion") || trimmed.contains("conclusion") || trimmed.contains("conclusions") {
            return .discussion
        }
        if first == "references" || first == "reference" || first == "bibliography" { return .references }
        if first == "abstract" { return .abstract }
        if otherLeadWords.contains(first) { return .other }
        if trimmed.count >= 2, otherLeadPairs.contains("\(first) \(trimmed[1])") { return .other }
        return nil
    }

    private static func isEnumerator(_ word: String) -> Bool {
        if word.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if ["no", "number", "one", "two", "three", "four", "five", "six", "a", "b", "c", "and"].contains(word) { return true }
        return isRomanNumeral(word)
    }

    private static func isRomanNumeral(_ word: some StringProtocol) -> Bool {
        romanNumerals.contains(word.lowercased())
    }

    private static let romanNumerals: Set<String> = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    ]

    private static func prefixBeforeSeparator(_ heading: String) -> Substring? {
        if let colon = heading.firstIndex(of: ":") { return heading[..<colon] }
        for separator in [" - ", " \u{2013} ", " \u{2014} "] {
            if let range = heading.firstRange(of: separator) { return heading[..<range.lowerBound] }
        }
        return nil
    }

    // MARK: - Normalisation

    /// Lowercased words of a heading, numbering and punctuation removed.
    static func normalizedWords(_ heading: some StringProtocol) -> [String] {
        var text = Substring(heading).trimmingASCIISpaces()
        while let first = text.first, first == "#" || first == "*" || first == "_" || first == ">" {
            text = text.dropFirst().trimmingASCIISpaces()
        }
        text = dropNumbering(text)
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        for character in text {
            if character == "'" || character == "\u{2019}" || character == "\u{2018}" {
                // "Authors' contributions" and "Publisher's note" keep the word whole.
                continue
            }
            if character == "&" || character == "+" {
                flush()
                words.append("and")
            } else if character.isLetter || character.isNumber {
                current.append(contentsOf: character.lowercased())
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Removes "2.", "2.1", "(3)", "II.", "A)" and similar from the start of a heading.
    private static func dropNumbering(_ text: Substring) -> Substring {
        var rest = text
        while true {
            let before = rest
            rest = dropOneEnumerator(rest).trimmingASCIISpaces()
            if rest == before || rest.isEmpty { return rest.isEmpty ? before : rest }
        }
    }

    private static func dropOneEnumerator(_ text: Substring) -> Substring {
        var index = text.startIndex
        var opened = false
        if index < text.endIndex, text[index] == "(" {
            opened = true
            index = text.index(after: index)
        }
        let tokenStart = index
        while index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index].isNumber {
            index = text.index(after: index)
        }
        let token = text[tokenStart..<index]
        guard !token.isEmpty, token.count <= 6 else { return text }
        let isNumber = token.allSatisfy(\.isNumber)
        let isRoman = isRomanNumeral(token)
        let isLetter = token.count == 1 && token.first!.isLetter
        guard isNumber || isRoman || isLetter else { return text }
        // Dotted numbering "2.1.3" continues through the dots.
        if isNumber {
            while index < text.endIndex, text[index] == ".",
                let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex, text[next].isNumber
            {
                index = next
                while index < text.endIndex, text[index].isNumber { index = text.index(after: index) }
            }
        }
        var punctuated = false
        if index < text.endIndex, [".", ")", ":", "]"].contains(text[index]) {
            punctuated = true
            index = text.index(after: index)
        }
        if opened && !punctuated { return text }
        let atSpace = index == text.endIndex || text[index] == " " || text[index] == "\t"
        guard atSpace else { return text }
        // A bare letter or roman numeral is a word ("A case of…", "I") unless punctuated;
        // bare numbers ("2 Case report") are numbering. Upper-case numerals pass bare.
        if isNumber || punctuated { return text[index...] }
        if isRoman, token.allSatisfy(\.isUppercase), token.count >= 2 { return text[index...] }
        return text
    }

    // MARK: - Tables

    private static let phrases: [String: SectionKind] = {
        var table: [String: SectionKind] = [:]
        let groups: [(SectionKind, [String])] = [
            (
                .case,
                [
                    "case", "cases", "case report", "case reports", "case presentation", "case presentations", "presentation of case",
                    "presentation of the case", "case description", "description of the case", "description of case", "case history",
                    "clinical case", "clinical cases", "clinical case report", "case summary", "case details", "case study",
                    "case series", "case illustration", "report of a case", "report of the case", "report of cases",
                    "report of two cases", "report of three cases", "clinical presentation", "clinical history", "clinical summary",
                    "clinical course", "clinical findings", "patient presentation", "patient information", "patient history",
                    "patient and methods", "patients and methods", "patient and method", "presentation", "timeline",
                    "diagnostic assessment", "therapeutic intervention", "therapeutic interventions", "follow up and outcomes",
                    "follow up and outcome", "history of present illness", "observation", "observations", "clinical observation",
                    "case observation", "diagnosis", "treatment", "treatment and outcome", "treatment and outcomes", "management",
                    "outcome", "outcomes", "outcome and follow up", "follow up", "investigations", "physical examination",
                    "medical history", "past medical history", "family history", "laboratory findings", "imaging findings",
                    "pathological findings", "pathology", "molecular analysis", "molecular testing", "genetic testing",
                    "genomic testing", "treatment course", "clinical course and treatment",
                ]
            ),
            (
                .discussion,
                [
                    "discussion", "discussions", "comment", "comments", "commentary", "conclusion", "conclusions", "concluding remarks",
                    "final remarks", "summary and conclusion", "summary and conclusions", "review of the literature", "literature review",
                    "review of literature", "learning points", "teaching points", "take home messages", "take home message",
                    "lessons learned", "learning objectives", "clinical implications", "perspectives",
                ]
            ),
            (
                .references,
                [
                    "references", "reference", "reference list", "bibliography", "literature cited", "literature", "works cited",
                    "cited literature", "citations", "notes and references", "references and notes", "sources",
                ]
            ),
            (
                .abstract,
                [
                    "abstract", "summary", "synopsis", "structured abstract", "graphical abstract", "plain language summary",
                    "lay summary", "english abstract",
                ]
            ),
            (
                .other,
                [
                    "introduction", "background", "methods", "method", "materials and methods", "material and methods", "results",
                    "results and discussion", "acknowledgments", "acknowledgements", "acknowledgment", "acknowledgement", "funding",
                    "financial support", "conflict of interest", "conflicts of interest", "competing interests", "competing interest",
                    "disclosure", "disclosures", "declarations", "declaration", "author contributions", "authors contributions",
                    "author contribution", "contributors", "ethics", "ethics statement", "ethical approval", "ethics approval",
                    "consent", "patient consent", "informed consent", "consent for publication", "abbreviations", "figure legends",
                    "figures", "tables", "supplementary material", "supplementary materials", "supplementary data",
                    "supplementary information", "supporting information", "keywords", "key words", "data availability",
                    "data availability statement", "availability of data and materials", "footnotes", "notes", "publisher s note",
                    "publishers note", "open access", "copyright", "citation", "edited by", "reviewed by", "correspondence",
                    "author information", "affiliations", "article information", "generative ai statement", "objective", "objectives",
                    "aim", "aims", "purpose", "highlights", "key points", "appendix",
                ]
            ),
        ]
        for (kind, list) in groups {
            for phrase in list { table[phrase] = kind }
        }
        // Results belong with the report's other sections; "results and discussion" is discussion.
        table["results and discussion"] = .discussion
        return table
    }()

    private static let caseSecondWords: Set<String> = [
        "report", "reports", "presentation", "presentations", "description", "history", "summary", "details", "study",
        "series", "illustration", "histories", "descriptions",
    ]

    private static let otherLeadWords: Set<String> = [
        "acknowledgments", "acknowledgements", "acknowledgment", "acknowledgement", "funding", "conflict", "conflicts",
        "competing", "disclosure", "disclosures", "declaration", "declarations", "ethics", "ethical", "consent",
        "abbreviations", "supplementary", "supplemental", "supporting", "keywords", "introduction", "footnotes", "copyright",
    ]

    private static let otherLeadPairs: Set<String> = [
        "author contributions", "authors contributions", "data availability", "figure legends", "informed consent",
        "patient consent", "financial support", "key words",
    ]

    private static let abstractLabels: Set<String> = [
        "background", "introduction", "objective", "objectives", "aim", "aims", "purpose", "methods", "method",
        "materials and methods", "patients and methods", "results", "result", "findings", "conclusion", "conclusions",
        "case presentation", "case summary", "case report", "case description", "case", "discussion", "interpretation",
        "patient concerns", "diagnosis", "diagnoses", "interventions", "intervention", "outcomes", "outcome", "lessons",
        "rationale", "importance", "observations", "context", "clinical presentation", "main observations",
        "trial registration", "significance", "relevance", "setting", "design",
    ]
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs and line breaks.
    func trimmingASCIISpaces() -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isASCIISpace { start = index(after: start) }
        while end > start, self[index(before: end)].isASCIISpace { end = index(before: end) }
        return self[start..<end]
    }
}

extension Character {
    var isASCIISpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" || self == "\u{0C}" }
}
