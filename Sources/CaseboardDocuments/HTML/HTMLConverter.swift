import CaseboardCore

/// Walks the tokens of a decoded page and writes its visible article text.
///
/// There is no DOM: a stack of open elements is enough to drop furniture, end unclosed
/// elements when an ancestor closes, and know when text is preformatted or a heading.
struct HTMLConverter {
    private struct Element {
        var name: String
        var dropped: Bool
    }

    let input: UnsafeBufferPointer<UInt8>
    var builder = TextBuilder()
    var outline = SectionOutline()
    var meta = HTMLMeta()
    /// Text offsets (in the decoded page) of numeric references that became U+FFFD.
    var invalidReferences: [Int] = []
    private(set) var hasTitleSection = false
    private(set) var firstHeadingTitle: String?
    private(set) var headTitle: String?
    private var headTitleRange: Range<Int>?
    private let leadingTitle: Range<Int>?

    private var stack: [Element] = []
    private var openCounts: [String: Int] = [:]
    private var droppedDepth = 0
    private var articleDepth = 0
    private var preDepth = 0
    private var inHead = false
    private var inTitleElement = false
    private var pendingSpace: Range<Int>?
    private var pendingBreak = 0
    private var pendingBreakOffset = 0
    private var pendingTab: Int?
    private var pendingCaret: Range<Int>?
    private var cellsInRow = 0
    private var skipNextNewline = false
    private var heading: (level: Int, start: Int?)?

    /// - Parameter leadingTitle: a range of `input` to write first as the title section, when
    ///   no heading of the page carries the title.
    init(input: UnsafeBufferPointer<UInt8>, leadingTitle: Range<Int>? = nil) {
        self.input = input
        self.leadingTitle = leadingTitle
    }

    /// Where the title is written in the page's head, for ``init(input:leadingTitle:)``.
    var fallbackTitleRange: Range<Int>? { meta.titleRange ?? headTitleRange }

    mutating func run() {
        outline.addBody(at: 0)
        if let leadingTitle {
            emitText(leadingTitle)
            if builder.count > 0 {
                hasTitleSection = true
                outline.addFixed(.title, level: 1, range: 0..<builder.count)
                outline.addBody(at: builder.count)
                requestBreak(2, at: leadingTitle.upperBound)
            }
        }
        var tokenizer = HTMLTokenizer(input)
        while let token = tokenizer.next() {
            switch token.kind {
            case .text:
                text(token.range)
            case .startTag:
                startTag(token)
            case .endTag:
                endTag(token)
            case .ignorable:
                continue
            }
        }
        while !stack.isEmpty { pop() }
        finishHeading(at: input.count)
    }

    // MARK: Elements

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "frame", "basefont", "bgsound",
    ]

    /// Elements that end an open paragraph, and break text before and after themselves.
    private static let blockElements: Set<String> = [
        "address", "article", "blockquote", "body", "center", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "hr", "html", "main", "ol", "p", "pre", "section", "summary", "table", "ul", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "legend", "thead", "tbody", "tfoot", "listing", "search",
    ]

    /// Elements that break the line but do not start a paragraph.
    private static let lineElements: Set<String> = ["li", "dt", "dd", "tr", "option"]

    private static let headElements: Set<String> = ["title", "meta", "link", "script", "style", "base", "noscript", "template"]

    private mutating func startTag(_ token: HTMLToken) {
        let name = token.name
        if name == "head" {
            inHead = true
            return
        }
        if name == "body" { inHead = false }
        if inHead, !Self.headElements.contains(name) { inHead = false }
        if name == "meta" {
            meta.read(token, input: input)
            return
        }
        if let open = heading, let start = open.start, builder.count > start,
            Self.blockElements.contains(name) || Self.lineElements.contains(name)
        {
            // "<h2>Discussion<p>Text": a heading with text ends where a block starts.
            closeOpen("h\(open.level)", stoppingAt: [])
        }
        closeImplied(by: name)
        let dropped = droppedDepth > 0 || HTMLBoilerplate.shouldDrop(token, insideArticle: articleDepth > 0) { value($0) }
        let isVoid = Self.voidElements.contains(name) || token.selfClosing
        if !dropped && !inHead { open(name, at: token.range) }
        if name == "title", inHead || openCounts["body", default: 0] == 0, !dropped, headTitle == nil {
            inTitleElement = true
        }
        if isVoid { return }
        stack.append(Element(name: name, dropped: dropped))
        openCounts[name, default: 0] += 1
        if dropped { droppedDepth += 1 }
        if !dropped, name == "article" || name == "main" { articleDepth += 1 }
        if !dropped, name == "pre" || name == "listing" || name == "textarea" {
            preDepth += 1
            skipNextNewline = true
        }
    }

    private mutating func endTag(_ token: HTMLToken) {
        let name = token.name
        if name == "head" {
            inHead = false
            return
        }
        if name == "br" {
            // "</br>" is read as "<br>" by browsers.
            if droppedDepth == 0 { requestLineBreak(at: token.range.lowerBound) }
            return
        }
        guard openCounts[name, default: 0] > 0 else {
            // A stray "</p>" still ends a paragraph visually.
            if name == "p", droppedDepth == 0 { requestBreak(2, at: token.range.lowerBound) }
            return
        }
        while let top = stack.last {
            pop(at: token.range.lowerBound)
            if top.name == name { break }
        }
    }

    private mutating func pop(at offset: Int? = nil) {
        guard let element = stack.popLast() else { return }
        openCounts[element.name, default: 1] -= 1
        if element.dropped {
            droppedDepth -= 1
            return
        }
        let name = element.name
        let at = offset ?? input.count
        if name == "article" || name == "main" { articleDepth -= 1 }
        if name == "pre" || name == "listing" || name == "textarea" { preDepth -= 1 }
        if name == "title" { inTitleElement = false }
        if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) { finishHeading(at: at) }
        if name == "sup" { pendingCaret = nil }
        if Self.blockElements.contains(name) {
            requestBreak(2, at: at)
        } else if Self.lineElements.contains(name) {
            requestBreak(1, at: at)
        }
    }

    /// Browsers end some elements when certain tags start (a new `<li>` ends the last one).
    private mutating func closeImplied(by name: String) {
        if name == "li" {
            closeOpen("li", stoppingAt: ["ul", "ol", "menu"])
        } else if name == "dt" || name == "dd" {
            closeOpen("dt", stoppingAt: ["dl"])
            closeOpen("dd", stoppingAt: ["dl"])
        } else if name == "tr" {
            closeOpen("tr", stoppingAt: ["table", "tbody", "thead", "tfoot"])
        } else if name == "td" || name == "th" {
            closeOpen("td", stoppingAt: ["tr", "table"])
            closeOpen("th", stoppingAt: ["tr", "table"])
        } else if name == "option" {
            closeOpen("option", stoppingAt: ["select", "datalist"])
        }
        if name.count == 2, name.first == "h", let last = stack.last?.name, last.count == 2, last.first == "h", last != "hr" {
            pop()
        }
        if name == "p" || Self.blockElements.contains(name) || Self.lineElements.contains(name), stack.last?.name == "p" {
            pop()
        }
    }

    private mutating func closeOpen(_ name: String, stoppingAt stops: Set<String>) {
        guard openCounts[name, default: 0] > 0 else { return }
        // A bounded look keeps pathological nesting linear.
        var depth = 0
        for element in stack.reversed() {
            if element.name == name { break }
            if stops.contains(element.name) || depth >= 256 { return }
            depth += 1
        }
        while let top = stack.last {
            pop()
            if top.name == name { return }
        }
    }

    /// Effects of a visible element's start tag on the text.
    private mutating func open(_ name: String, at range: Range<Int>) {
        switch name {
        case "br":
            requestLineBreak(at: range.lowerBound)
        case "td", "th":
            if cellsInRow > 0 { pendingTab = range.lowerBound }
            cellsInRow += 1
        case "tr":
            cellsInRow = 0
            requestBreak(1, at: range.lowerBound)
        case "sup":
            if let last = builder.last, last >= 0x30, last <= 0x39, pendingSpace == nil, pendingBreak == 0 { pendingCaret = range }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            finishHeading(at: range.lowerBound)
            requestBreak(2, at: range.lowerBound)
            heading = (Int(String(name.last!))!, nil)
        default:
            if Self.blockElements.contains(name) {
                requestBreak(2, at: range.lowerBound)
            } else if Self.lineElements.contains(name) {
                requestBreak(1, at: range.lowerBound)
            }
        }
    }

    private mutating func finishHeading(at offset: Int) {
        guard let open = heading else { return }
        heading = nil
        guard let start = open.start, builder.count > start else { return }
        let end = builder.count
        let text = ByteText.collapsed(String(decoding: builder.bytes[start..<end], as: UTF8.self))
        guard !text.isEmpty else { return }
        if open.level == 1, firstHeadingTitle == nil, leadingTitle == nil, !hasTitleSection, meta.matchesTitle(text) {
            hasTitleSection = true
            firstHeadingTitle = text
            outline.addFixed(.title, level: 1, range: start..<end)
            outline.addBody(at: end)
        } else {
            outline.addHeading(text, level: open.level, headingStart: start, bodyStart: end)
        }
        requestBreak(2, at: offset)
    }

    // MARK: Text

    private mutating func text(_ range: Range<Int>) {
        if inTitleElement {
            if headTitle == nil {
                let title = ByteText.collapsed(HTMLEntities.decodeAll(ByteText.string(input, range)))
                if !title.isEmpty {
                    headTitle = title
                    headTitleRange = range
                }
            }
            return
        }
        guard droppedDepth == 0 else { return }
        if inHead {
            // Text in the head starts the body, as in a browser; whitespace does not.
            guard !ByteText.isBlank(input, range) else { return }
            inHead = false
        }
        emitText(range)
    }

    /// Writes text with entities decoded and whitespace collapsed (kept inside `pre`).
    private mutating func emitText(_ range: Range<Int>) {
        var index = range.lowerBound
        let end = range.upperBound
        if preDepth > 0, skipNextNewline {
            skipNextNewline = false
            if index < end, input[index] == 0x0A { index += 1 }
        }
        while index < end {
            let byte = input[index]
            if preDepth == 0, ByteText.isSpace(byte) {
                var runEnd = index + 1
                while runEnd < end, ByteText.isSpace(input[runEnd]) { runEnd += 1 }
                if pendingSpace == nil { pendingSpace = index..<runEnd }
                index = runEnd
                continue
            }
            if byte == 0x26, let reference = HTMLEntities.decode(input, at: index, end: end) {
                flushPending()
                if reference.invalid { invalidReferences.append(index) }
                builder.appendSubstituted(reference.text, sourceRange: index..<(index + reference.length))
                index += reference.length
                continue
            }
            var runEnd = index + 1
            while runEnd < end, input[runEnd] != 0x26, preDepth > 0 || !ByteText.isSpace(input[runEnd]) { runEnd += 1 }
            flushPending()
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[index..<runEnd]), sourceOffset: index)
            index = runEnd
        }
    }

    /// Writes the break, tab or space owed before the next visible character.
    private mutating func flushPending() {
        defer {
            pendingBreak = 0
            pendingTab = nil
            pendingSpace = nil
            pendingCaret = nil
            if heading != nil, heading?.start == nil { heading?.start = builder.count }
        }
        guard builder.count > 0 else { return }
        if pendingBreak > 0 {
            builder.trimTrailingWhitespace()
            builder.appendSeparator(pendingBreak == 1 ? "\n" : "\n\n", at: pendingBreakOffset)
        } else if let tab = pendingTab {
            builder.appendSeparator("\t", at: tab)
        } else if let space = pendingSpace, let last = builder.last, !ByteText.isSpace(last) {
            if space.count == 1, input[space.lowerBound] == 0x20 {
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[space]), sourceOffset: space.lowerBound)
            } else {
                builder.appendSubstituted(" ", sourceRange: space)
            }
        } else if let caret = pendingCaret {
            // "10<sup>9</sup>/L" reads as "10^9/L", not "109/L".
            builder.appendSubstituted("^", sourceRange: caret)
        }
    }

    private mutating func requestBreak(_ strength: Int, at offset: Int) {
        if strength > pendingBreak {
            pendingBreak = strength
            pendingBreakOffset = min(offset, input.count)
        }
    }

    private mutating func requestLineBreak(at offset: Int) {
        // Two <br> in a row make a blank line.
        requestBreak(min(pendingBreak + 1, 2), at: offset)
    }

    private func value(_ attribute: HTMLToken.Attribute) -> String {
        guard let range = attribute.value else { return "" }
        return HTMLEntities.decodeAll(ByteText.string(input, range))
    }
}
