import CaseboardCore

/// Collects a reader's headings in text order and turns them into classified sections.
///
/// Readers only say where headings are and how deep; the outline decides kinds in one place so
/// that all formats agree: sub-headings stay in the case, abstract or discussion around them,
/// the labels of a structured abstract ("Background", "Conclusions") stay in the abstract, and
/// a document without any heading is read as one case description.
struct SectionOutline {
    private struct Entry {
        enum Role {
            /// A heading of the given depth (1 is the outermost).
            case headed(level: Int)
            /// A part whose kind the reader already knows, such as the title.
            case fixed(SectionKind, level: Int)
            /// Text without a heading: `.case` if the document has no headings, else `.other`.
            case body
        }
        var role: Role
        var heading: String?
        /// Where the heading (or the untitled text) starts.
        var start: Int
        var bodyStart: Int
        var end: Int?
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    /// A heading whose text starts at `headingStart` and whose section text starts at `bodyStart`.
    mutating func addHeading(_ heading: String, level: Int, headingStart: Int, bodyStart: Int) {
        entries.append(Entry(role: .headed(level: level), heading: heading, start: headingStart, bodyStart: bodyStart))
    }

    /// A part of known kind covering exactly `range` (a title, or a block of a PubMed export).
    mutating func addFixed(_ kind: SectionKind, heading: String? = nil, level: Int = 0, range: Range<Int>, headingStart: Int? = nil) {
        entries.append(
            Entry(
                role: .fixed(kind, level: level),
                heading: heading,
                start: headingStart ?? range.lowerBound,
                bodyStart: range.lowerBound,
                end: range.upperBound
            )
        )
    }

    /// Untitled text starting at `start`.
    mutating func addBody(at start: Int) {
        entries.append(Entry(role: .body, heading: nil, start: start, bodyStart: start))
    }

    /// The classified sections, with ranges trimmed of surrounding whitespace.
    func sections(text: UnsafeBufferPointer<UInt8>) -> [Section] {
        // Untitled text is the case description unless headings say where the case is.
        let hasStructure = entries.contains {
            guard case .headed = $0.role, let heading = $0.heading else { return false }
            let kind = SectionClassifier.recognizedKind(forHeading: heading)
            return kind == .case || kind == .abstract || kind == .discussion
        }
        var sections: [Section] = []
        var stack: [(level: Int, kind: SectionKind)] = []
        var abstract: (level: Int, start: Int, seen: Set<String>)?
        for (index, entry) in entries.enumerated() {
            let nextStart = index + 1 < entries.count ? entries[index + 1].start : text.count
            let end = min(entry.end ?? nextStart, nextStart, text.count)
            let range = ByteText.trimmed(text, max(0, min(entry.bodyStart, end))..<end)
            switch entry.role {
            case .body:
                guard !range.isEmpty else { continue }
                sections.append(Section(kind: hasStructure ? .other : .case, heading: nil, range: range))
            case .fixed(let kind, let level):
                if level > 0 {
                    while let top = stack.last, top.level >= level { stack.removeLast() }
                    stack.append((level, kind))
                }
                abstract = nil
                sections.append(Section(kind: kind, heading: entry.heading, range: range))
            case .headed(let level):
                let heading = entry.heading ?? ""
                var sibling: SectionKind?
                while let top = stack.last, top.level >= level {
                    if top.level == level, sibling == nil { sibling = top.kind }
                    stack.removeLast()
                }
                let known = SectionClassifier.recognizedKind(forHeading: heading)
                let kind: SectionKind
                if let parent = stack.last, Self.inherits(heading, known: known, from: parent.kind) {
                    kind = parent.kind
                } else if let context = abstract, context.level == level, SectionClassifier.numberingDepth(Substring(heading)) == nil,
                    !context.seen.isEmpty || ByteText.wordCount(text, context.start..<min(entry.start, text.count)) == 0,
                    SectionClassifier.isAbstractLabel(heading),
                    !context.seen.contains(SectionClassifier.key(heading)),
                    ByteText.wordCount(text, context.start..<min(entry.start, text.count)) < 450
                {
                    // Labels follow "Abstract" directly in a structured abstract; a label seen
                    // twice, or a long abstract, means the body has begun.
                    kind = .abstract
                    abstract?.seen.insert(SectionClassifier.key(heading))
                } else if let known {
                    kind = known
                    abstract = known == .abstract ? (level, entry.bodyStart, []) : nil
                } else if let sibling, sibling == .case || sibling == .discussion {
                    kind = sibling
                    abstract = nil
                } else if !hasStructure {
                    kind = .case
                } else {
                    kind = .other
                    abstract = nil
                }
                stack.append((level, kind))
                sections.append(Section(kind: kind, heading: heading, range: range))
            }
        }
        // "… rare. Case Report. A 41-year-old …": labels run into a paragraph open sections too.
        return InlineLabels.split(sections, text: text)
    }

    /// Whether a deeper heading stays in its parent's kind: unknown sub-headings do, and so do
    /// the labels of a structured abstract; a misplaced "### Discussion" under the case does not.
    private static func inherits(_ heading: String, known: SectionKind?, from parent: SectionKind) -> Bool {
        switch parent {
        case .abstract:
            return known == nil || known == .abstract || SectionClassifier.isAbstractLabel(heading)
        case .case, .discussion, .references:
            return known == nil || known == parent
        case .title, .other:
            return false
        }
    }
}

/// Small helpers over UTF-8 bytes shared by the readers.
enum ByteText {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// `range` without leading and trailing ASCII whitespace.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            if isSpace(bytes[index]) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Runs of whitespace collapsed to one space, ends trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The lines of `bytes` as ranges without their line feeds.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { isSpace(bytes[$0]) }
    }

    /// The file name part of a path, used as the document id.
    static func documentID(source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return source }
        let name = source[source.index(after: slash)...]
        return name.isEmpty ? source : String(name)
    }
}
