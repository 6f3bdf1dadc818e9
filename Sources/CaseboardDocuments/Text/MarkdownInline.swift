/// Splits one line of Markdown into pieces to keep, drop or substitute, in linear time.
///
/// Brackets, parentheses and backtick runs are matched up front with stacks and per-length
/// queues, so a line of 50 MB of `[[[[` or backticks costs one pass, not one pass per opener.
enum MarkdownInline {
    struct Piece {
        enum Kind {
            case text
            case drop
            case substitute(String, invalid: Bool)
            /// A run of `*`, `_` or `~~`; ``closed`` leading and ``opened`` trailing characters are markup.
            case delimiter(UInt8)
        }
        var kind: Kind
        var range: Range<Int>
        var canOpen = false
        var canClose = false
        var opened = 0
        var closed = 0
    }

    static func pieces(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Piece] {
        let codeSpans = matchCodeSpans(input, range)
        let escaped = { (index: Int) -> Bool in index > range.lowerBound && input[index - 1] == 0x5C && !isEscaped(input, index - 1, range) }
        var brackets: [Int: Int] = [:]
        var parens: [Int: Int] = [:]
        do {
            var openBrackets: [Int] = []
            var openParens: [Int] = []
            var index = range.lowerBound
            while index < range.upperBound {
                if let close = codeSpans[index] {
                    index = close.end
                    continue
                }
                switch input[index] {
                case 0x5B where !escaped(index): openBrackets.append(index)
                case 0x5D where !escaped(index): if let open = openBrackets.popLast() { brackets[open] = index }
                case 0x28 where !escaped(index): openParens.append(index)
                case 0x29 where !escaped(index): if let open = openParens.popLast() { parens[open] = index }
                default: break
                }
                index += 1
            }
        }
        var pieces: [Piece] = []
        var textStart = range.lowerBound
        var linkEnds: [Int: Int] = [:]
        func flush(_ end: Int) {
            if textStart < end { pieces.append(Piece(kind: .text, range: textStart..<end)) }
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = input[index]
            if let end = linkEnds[index] {
                // "](target)" or "][label]" closing a link whose text was kept.
                flush(index)
                pieces.append(Piece(kind: .drop, range: index..<(end + 1)))
                index = end + 1
                textStart = index
                continue
            }
            if let span = codeSpans[index] {
                flush(index)
                pieces.append(Piece(kind: .drop, range: index..<span.contentStart))
                if span.contentStart < span.contentEnd { pieces.append(Piece(kind: .text, range: span.contentStart..<span.contentEnd)) }
                pieces.append(Piece(kind: .drop, range: span.contentEnd..<span.end))
                index = span.end
                textStart = index
                continue
            }
            switch byte {
            case 0x5C where index + 1 < range.upperBound && isASCIIPunctuation(input[index + 1]):
                flush(index)
                pieces.append(Piece(kind: .drop, range: index..<(index + 1)))
                textStart = index + 1
                index += 2
                continue
            case 0x21, 0x5B:
                let open = byte == 0x21 ? index + 1 : index
                guard open < range.upperBound, input[open] == 0x5B, let close = brackets[open], close + 1 < range.upperBound else { break }
                let next = input[close + 1]
                let target = next == 0x28 ? parens[close + 1] : next == 0x5B ? brackets[close + 1] : nil
                guard let target else { break }
                flush(index)
                pieces.append(Piece(kind: .drop, range: index..<(open + 1)))
                linkEnds[close] = target
                index = open + 1
                textStart = index
                continue
            case 0x3C:
                if let end = tagEnd(input, index, range.upperBound) {
                    flush(index)
                    let isAutolink = input[index + 1] != 0x2F && isAutolinkBody(input, (index + 1)..<end)
                    if isAutolink {
                        pieces.append(Piece(kind: .drop, range: index..<(index + 1)))
                        pieces.append(Piece(kind: .text, range: (index + 1)..<end))
                        pieces.append(Piece(kind: .drop, range: end..<(end + 1)))
                    } else {
                        pieces.append(Piece(kind: .drop, range: index..<(end + 1)))
                    }
                    index = end + 1
                    textStart = index
                    continue
                }
            case 0x26:
                if let reference = HTMLEntities.decode(input, at: index, end: range.upperBound) {
                    flush(index)
                    pieces.append(Piece(kind: .substitute(reference.text, invalid: reference.invalid), range: index..<(index + reference.length)))
                    index += reference.length
                    textStart = index
                    continue
                }
            case 0x2A, 0x5F, 0x7E:
                var end = index
                while end < range.upperBound, input[end] == byte { end += 1 }
                // A single tilde is "approximately", not strikethrough.
                if byte == 0x7E && end - index != 2 { break }
                flush(index)
                var piece = Piece(kind: .delimiter(byte), range: index..<end)
                let before: UInt8? = index > range.lowerBound ? input[index - 1] : nil
                let after: UInt8? = end < range.upperBound ? input[end] : nil
                let left = isLeftFlanking(before: before, after: after)
                let right = isLeftFlanking(before: after, after: before)
                if byte == 0x5F {
                    // Intraword underscores (BCR_ABL1, snake_case) are literal.
                    piece.canOpen = left && (!right || isASCIIPunctuation(before))
                    piece.canClose = right && (!left || isASCIIPunctuation(after))
                } else {
                    piece.canOpen = left
                    piece.canClose = right
                }
                pieces.append(piece)
                index = end
                textStart = index
                continue
            default:
                break
            }
            index += 1
        }
        flush(range.upperBound)
        return pieces
    }

    /// Pairs emphasis openers with closers of the same character, innermost first.
    static func pairEmphasis(_ pieces: inout [Piece]) {
        var openers: [UInt8: [Int]] = [:]
        for index in pieces.indices {
            guard case .delimiter(let byte) = pieces[index].kind else { continue }
            if pieces[index].canClose {
                while var stack = openers[byte], let top = stack.last {
                    let available = pieces[top].range.count - pieces[top].closed - pieces[top].opened
                    let remaining = pieces[index].range.count - pieces[index].closed
                    guard remaining > 0 else { break }
                    let used = byte == 0x7E ? 2 : min(available, remaining, 2)
                    guard available >= used, remaining >= used else { break }
                    pieces[top].opened += used
                    pieces[index].closed += used
                    if pieces[top].range.count - pieces[top].closed - pieces[top].opened == 0 { stack.removeLast() }
                    openers[byte] = stack
                }
            }
            if pieces[index].canOpen, pieces[index].range.count - pieces[index].closed > 0 {
                openers[byte, default: []].append(index)
            }
        }
    }

    private static func isLeftFlanking(before: UInt8?, after: UInt8?) -> Bool {
        guard let after, !ByteText.isSpace(after) else { return false }
        if !isASCIIPunctuation(after) { return true }
        guard let before else { return true }
        return ByteText.isSpace(before) || isASCIIPunctuation(before)
    }

    private static func isASCIIPunctuation(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    private static func isEscaped(_ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ range: Range<Int>) -> Bool {
        var count = 0
        var position = index
        while position > range.lowerBound, input[position - 1] == 0x5C, count < 64 {
            count += 1
            position -= 1
        }
        return count % 2 == 1
    }

    private struct CodeSpan {
        var contentStart: Int
        var contentEnd: Int
        var end: Int
    }

    /// Backtick runs paired with the next run of the same length.
    private static func matchCodeSpans(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int: CodeSpan] {
        var runs: [(start: Int, length: Int)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard input[index] == 0x60 else {
                index += 1
                continue
            }
            let start = index
            while index < range.upperBound, input[index] == 0x60 { index += 1 }
            runs.append((start, index - start))
        }
        guard runs.count >= 2 else { return [:] }
        var byLength: [Int: [Int]] = [:]
        for (position, run) in runs.enumerated() { byLength[run.length, default: []].append(position) }
        var cursors: [Int: Int] = [:]
        var spans: [Int: CodeSpan] = [:]
        var position = 0
        while position < runs.count {
            let run = runs[position]
            let candidates = byLength[run.length]!
            var cursor = cursors[run.length, default: 0]
            while cursor < candidates.count, candidates[cursor] <= position { cursor += 1 }
            cursors[run.length] = cursor
            guard cursor < candidates.count else {
                position += 1
                continue
            }
            let closer = runs[candidates[cursor]]
            var contentStart = run.start + run.length
            var contentEnd = closer.start
            // One space just inside both backtick runs is padding.
            if contentEnd - contentStart >= 2, input[contentStart] == 0x20, input[contentEnd - 1] == 0x20 {
                contentStart += 1
                contentEnd -= 1
            }
            spans[run.start] = CodeSpan(contentStart: contentStart, contentEnd: contentEnd, end: closer.start + closer.length)
            position = candidates[cursor] + 1
        }
        return spans
    }

    /// The `>` closing an inline HTML tag, comment or autolink at `start`, looking a bounded distance.
    private static func tagEnd(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start + 2 < end else { return nil }
        let next = input[start + 1]
        let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
        guard isLetter || next == 0x2F || next == 0x21 else { return nil }
        if next == 0x2F {
            let third = input[start + 2] | 0x20
            guard third >= 0x61 && third <= 0x7A else { return nil }
        }
        let limit = min(end, start + (next == 0x21 ? 4096 : 512))
        var index = start + 1
        while index < limit {
            if input[index] == 0x3E { return index }
            if input[index] == 0x3C { return nil }
            index += 1
        }
        return nil
    }

    private static func isAutolinkBody(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let text = ByteText.string(input, range)
        return !text.contains(" ") && (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:") || text.contains("@"))
    }
}
