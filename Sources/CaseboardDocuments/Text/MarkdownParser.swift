import CaseboardCore

/// Turns Markdown into plain document text: headings start sections, emphasis, code marks,
/// link and image syntax, inline HTML tags and backslash escapes are removed, and lists,
/// tables and paragraphs are kept. Every remaining character still maps to its input bytes.
///
/// The parser reads already-decoded text; its source map points into that text, and the caller
/// composes it with the decoding map.
enum MarkdownParser {
    static func parse(text: String, source: String) -> Document {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var state = State(input: bytes)
            state.run()
            let (output, map) = state.builder.build()
            var outputCopy = output
            let (sections, keywords) = outputCopy.withUTF8 { text in
                let sections = state.outline.sections(text: text)
                return (sections, MetadataScanner.keywords(in: sections, text: text))
            }
            var metadata = state.frontMatter
            let scanned = MetadataScanner.scan(bytes)
            if metadata.doi == nil { metadata.doi = scanned.doi }
            if metadata.pmid == nil { metadata.pmid = scanned.pmid }
            if metadata.pmcid == nil { metadata.pmcid = scanned.pmcid }
            if metadata.keywords.isEmpty { metadata.keywords = keywords }
            return Document(
                id: ByteText.documentID(source: source),
                source: source,
                format: .markdown,
                title: state.title,
                metadata: metadata,
                text: output,
                sections: sections,
                sourceMap: map,
                warnings: state.warnings(file: source)
            )
        }
    }

    /// The text of an ATX heading line without its `#` marks.
    static func atxHeadingText(_ line: Substring) -> Substring {
        var text = line.trimmingASCIISpaces().drop { $0 == "#" }.trimmingASCIISpaces()
        // A closing sequence of #'s is decoration when a space precedes it.
        let withoutClosing = text.reversed().drop { $0 == "#" }
        if withoutClosing.count < text.count, withoutClosing.first == " " || withoutClosing.isEmpty {
            text = text.prefix(withoutClosing.count).trimmingASCIISpaces()
        }
        return text
    }

    private struct State {
        let input: UnsafeBufferPointer<UInt8>
        var builder = TextBuilder()
        var outline = SectionOutline()
        var title: String?
        var frontMatter = DocumentMetadata()
        var invalidReferences: [Int] = []
        /// Line breaks owed before the next output: 1 inside a paragraph, 2 between blocks.
        private var pendingBreak = 0
        private var lastLine = -2
        private var hasTitleSection = false

        init(input: UnsafeBufferPointer<UInt8>) {
            self.input = input
        }

        func warnings(file: String) -> [Diagnostic] {
            guard let first = invalidReferences.first else { return [] }
            return [
                .warning(
                    "replaced \(invalidReferences.count) invalid numeric character reference(s) with U+FFFD (first here)",
                    file: file,
                    position: SourcePosition.locate(first, in: input)
                )
            ]
        }

        mutating func run() {
            let lines = ByteText.lines(input)
            outline.addBody(at: 0)
            var index = readFrontMatter(lines)
            var fence: (byte: UInt8, length: Int)?
            var inComment = false
            while index < lines.count {
                let line = lines[index]
                defer { index += 1 }
                let content = contentStart(line)
                if let open = fence {
                    if fenceRun(line, byte: open.byte) >= open.length, isOnly(open.byte, in: line) {
                        fence = nil
                        pendingBreak = 2
                    } else {
                        emitLine(index, lineStart: line.lowerBound, line.lowerBound..<line.upperBound, verbatim: true)
                    }
                    continue
                }
                if inComment {
                    if contains("-->", in: line) { inComment = false }
                    continue
                }
                if ByteText.isBlank(input, line) {
                    pendingBreak = 2
                    continue
                }
                let first = input[content]
                if first == 0x60 || first == 0x7E, fenceRun(line, byte: first) >= 3 {
                    fence = (first, fenceRun(line, byte: first))
                    pendingBreak = 2
                    continue
                }
                if startsWith("<!--", at: content, in: line) {
                    if !contains("-->", in: line) { inComment = true }
                    pendingBreak = 2
                    continue
                }
                if first == 0x23, let level = atxLevel(content, line) {
                    heading(level: level, range: atxTextRange(content, line, level: level))
                    continue
                }
                if index + 1 < lines.count, pendingBreak == 2 || builder.count == 0, let level = setextLevel(lines[index + 1]) {
                    heading(level: level, range: ByteText.trimmed(input, content..<line.upperBound))
                    index += 1
                    continue
                }
                if isThematicBreak(line) || isTableDelimiterRow(line) || isLinkDefinition(content, line) {
                    pendingBreak = max(pendingBreak, isTableDelimiterRow(line) ? 1 : 2)
                    continue
                }
                emitLine(index, lineStart: line.lowerBound, content..<line.upperBound, verbatim: false)
            }
        }

        // MARK: Blocks

        /// Reads YAML front matter: the title becomes the title section, the rest metadata.
        private mutating func readFrontMatter(_ lines: [Range<Int>]) -> Int {
            guard let first = lines.first, ByteText.string(input, first) == "---" else { return 0 }
            var end = 1
            while end < lines.count, end < 400 {
                let text = ByteText.string(input, lines[end])
                if text == "---" || text == "..." { break }
                end += 1
            }
            guard end < lines.count, end < 400 else { return 0 }
            var key = ""
            var titleRange: Range<Int>?
            for line in lines[1..<end] {
                let text = ByteText.string(input, line)
                let trimmed = Substring(text).trimmingASCIISpaces()
                if trimmed.hasPrefix("- "), !key.isEmpty {
                    addFrontMatterValue(key: key, value: String(trimmed.dropFirst(2)))
                    continue
                }
                guard let colon = text.firstIndex(of: ":"), !text.hasPrefix(" ") else { continue }
                key = text[..<colon].lowercased()
                let rawValue = text[text.index(after: colon)...]
                let value = unquote(rawValue.trimmingASCIISpaces())
                if key == "title", !value.isEmpty {
                    let offset = line.lowerBound + text.utf8.distance(from: text.startIndex, to: value.startIndex)
                    titleRange = offset..<(offset + value.utf8.count)
                }
                addFrontMatterValue(key: key, value: String(value))
            }
            if let titleRange {
                let start = builder.count
                inline(titleRange)
                title = ByteText.collapsed(String(decoding: builder.bytes[start...], as: UTF8.self))
                outline.addFixed(.title, level: 1, range: start..<builder.count)
                outline.addBody(at: builder.count)
                hasTitleSection = true
                pendingBreak = 2
            }
            return end + 1
        }

        private func unquote(_ value: Substring) -> Substring {
            guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
            return value.dropFirst().dropLast()
        }

        private mutating func addFrontMatterValue(key: String, value: String) {
            let value = String(unquote(Substring(value).trimmingASCIISpaces()))
            guard !value.isEmpty else { return }
            let list: [String] =
                value.hasPrefix("[") && value.hasSuffix("]")
                ? value.dropFirst().dropLast().split(separator: ",").map { String(unquote(Substring($0).trimmingASCIISpaces())) }
                : [value]
            switch key {
            case "author", "authors": frontMatter.authors += list
            case "keywords", "tags", "subject": frontMatter.keywords += list
            case "doi": frontMatter.doi = value
            case "pmid": frontMatter.pmid = value
            case "pmcid": frontMatter.pmcid = value
            case "journal": frontMatter.journal = value
            case "date": frontMatter.publicationDate = value
            case "type", "article-type", "article_type": frontMatter.publicationTypes += list
            default: break
            }
        }

        private mutating func heading(level: Int, range: Range<Int>) {
            guard !range.isEmpty else { return }
            pendingBreak = 2
            breakIfNeeded(at: range.lowerBound, lineStart: nil, line: -2)
            let start = builder.count
            inline(range)
            let end = builder.count
            guard end > start else { return }
            let text = ByteText.collapsed(String(decoding: builder.bytes[start..<end], as: UTF8.self))
            if level == 1, !hasTitleSection {
                hasTitleSection = true
                title = text
                outline.addFixed(.title, level: 1, range: start..<end)
                outline.addBody(at: end)
            } else {
                outline.addHeading(text, level: level, headingStart: start, bodyStart: end)
            }
            pendingBreak = 2
        }

        private mutating func emitLine(_ index: Int, lineStart: Int, _ range: Range<Int>, verbatim: Bool) {
            breakIfNeeded(at: range.lowerBound, lineStart: lineStart, line: index)
            lastLine = index
            if verbatim {
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[range]), sourceOffset: range.lowerBound)
                pendingBreak = 1
                return
            }
            var start = range.lowerBound
            // Block quote marks go; list markers stay, outside emphasis parsing.
            while start < range.upperBound, input[start] == 0x3E {
                start += 1
                if start < range.upperBound, input[start] == 0x20 { start += 1 }
            }
            let marker = listMarkerEnd(start, range.upperBound)
            if marker > start {
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[start..<marker]), sourceOffset: start)
                start = marker
            }
            var end = range.upperBound
            while end > start, input[end - 1] == 0x20 || input[end - 1] == 0x09 { end -= 1 }
            // A trailing backslash is a hard line break.
            if end > start, input[end - 1] == 0x5C, end - 2 < start || input[end - 2] != 0x5C { end -= 1 }
            inline(start..<end)
            pendingBreak = 1
        }

        /// Emits the owed line break; a break between consecutive lines is the input's own LF.
        private mutating func breakIfNeeded(at offset: Int, lineStart: Int?, line: Int) {
            defer { pendingBreak = 0 }
            guard builder.count > 0, pendingBreak > 0 else { return }
            if pendingBreak == 1, line == lastLine + 1, let lineStart, lineStart > 0, input[lineStart - 1] == 0x0A {
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[(lineStart - 1)..<lineStart]), sourceOffset: lineStart - 1)
            } else {
                builder.appendSeparator(pendingBreak == 1 ? "\n" : "\n\n", at: offset)
            }
        }

        private func contentStart(_ line: Range<Int>) -> Int {
            var index = line.lowerBound
            while index < line.upperBound, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
            return min(index, max(line.lowerBound, line.upperBound - 1))
        }

        private func fenceRun(_ line: Range<Int>, byte: UInt8) -> Int {
            var index = contentStart(line)
            var count = 0
            while index < line.upperBound, input[index] == byte {
                count += 1
                index += 1
            }
            return count
        }

        private func isOnly(_ byte: UInt8, in line: Range<Int>) -> Bool {
            line.allSatisfy { input[$0] == byte || input[$0] == 0x20 || input[$0] == 0x09 }
        }

        private func startsWith(_ literal: String, at offset: Int, in line: Range<Int>) -> Bool {
            let pattern = Array(literal.utf8)
            guard offset + pattern.count <= line.upperBound else { return false }
            return pattern.indices.allSatisfy { input[offset + $0] == pattern[$0] }
        }

        private func contains(_ literal: String, in line: Range<Int>) -> Bool {
            line.contains { startsWith(literal, at: $0, in: line) }
        }

        private func atxLevel(_ content: Int, _ line: Range<Int>) -> Int? {
            var index = content
            while index < line.upperBound, input[index] == 0x23 { index += 1 }
            let level = index - content
            guard level >= 1, level <= 6 else { return nil }
            return index == line.upperBound || input[index] == 0x20 || input[index] == 0x09 ? level : nil
        }

        private func atxTextRange(_ content: Int, _ line: Range<Int>, level: Int) -> Range<Int> {
            var range = ByteText.trimmed(input, (content + level)..<line.upperBound)
            var end = range.upperBound
            while end > range.lowerBound, input[end - 1] == 0x23 { end -= 1 }
            if end < range.upperBound, end == range.lowerBound || input[end - 1] == 0x20 {
                range = ByteText.trimmed(input, range.lowerBound..<end)
            }
            return range
        }

        private func setextLevel(_ line: Range<Int>) -> Int? {
            let trimmed = ByteText.trimmed(input, line)
            guard trimmed.count >= 2, let first = trimmed.first.map({ input[$0] }), first == 0x3D || first == 0x2D else { return nil }
            return trimmed.allSatisfy({ input[$0] == first }) ? (first == 0x3D ? 1 : 2) : nil
        }

        private func isThematicBreak(_ line: Range<Int>) -> Bool {
            var marker: UInt8?
            var count = 0
            for index in line {
                let byte = input[index]
                if byte == 0x20 || byte == 0x09 { continue }
                guard byte == 0x2D || byte == 0x2A || byte == 0x5F, marker == nil || marker == byte else { return false }
                marker = byte
                count += 1
            }
            return count >= 3
        }

        private func isTableDelimiterRow(_ line: Range<Int>) -> Bool {
            var pipes = 0
            var dashes = 0
            for index in line {
                switch input[index] {
                case 0x7C: pipes += 1
                case 0x2D: dashes += 1
                case 0x3A, 0x20, 0x09: continue
                default: return false
                }
            }
            return pipes >= 1 && dashes >= 3
        }

        /// `[label]: https://…` lines, which only define link targets.
        private func isLinkDefinition(_ content: Int, _ line: Range<Int>) -> Bool {
            guard input[content] == 0x5B else { return false }
            var index = content + 1
            while index < line.upperBound, input[index] != 0x5D { index += 1 }
            return index + 1 < line.upperBound && input[index + 1] == 0x3A && index > content + 1
        }

        /// The end of a list marker ("- ", "* ", "+ ", "12. ", "3) ") starting at `start`.
        private func listMarkerEnd(_ start: Int, _ end: Int) -> Int {
            guard start < end else { return start }
            let byte = input[start]
            if byte == 0x2D || byte == 0x2A || byte == 0x2B {
                return start + 1 < end && input[start + 1] == 0x20 ? start + 2 : start
            }
            var index = start
            while index < end, index - start < 9, input[index] >= 0x30, input[index] <= 0x39 { index += 1 }
            guard index > start, index + 1 < end, input[index] == 0x2E || input[index] == 0x29, input[index + 1] == 0x20 else { return start }
            return index + 2
        }

        // MARK: Inline

        private mutating func inline(_ range: Range<Int>) {
            var pieces = MarkdownInline.pieces(input, range)
            MarkdownInline.pairEmphasis(&pieces)
            for piece in pieces {
                switch piece.kind {
                case .text:
                    builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[piece.range]), sourceOffset: piece.range.lowerBound)
                case .drop:
                    continue
                case .substitute(let text, let invalid):
                    if invalid { invalidReferences.append(piece.range.lowerBound) }
                    builder.appendSubstituted(text, sourceRange: piece.range)
                case .delimiter:
                    let kept = piece.range.dropFirst(piece.closed).dropLast(piece.opened)
                    if !kept.isEmpty {
                        builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[kept]), sourceOffset: kept.lowerBound)
                    }
                }
            }
        }
    }
}
