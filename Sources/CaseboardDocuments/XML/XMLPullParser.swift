import CaseboardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What ``XMLPullParser/next()`` found.
public enum XMLEvent: Sendable, Hashable {
    /// A start tag; see ``XMLPullParser/name`` and the attribute accessors. `<a/>` gives a start and an end event.
    case startElement
    /// An end tag; ``XMLPullParser/name`` is its name.
    case endElement
    /// A run of character data without references: ``XMLPullParser/text`` holds the input bytes
    /// verbatim, starting at ``XMLPullParser/textOffset``.
    case text
    /// A character or entity reference: ``XMLPullParser/text`` holds what it stands for, and
    /// ``XMLPullParser/referenceRange`` the `&...;` bytes of the input.
    case reference
    /// The content of a CDATA section, verbatim, like ``text``.
    case cdata
    /// The end of the input, after the root element closed.
    case endDocument
}

/// A streaming, non-validating XML pull parser over UTF-8 bytes from any ``ByteSource``.
///
/// It keeps a sliding buffer (refilled in ``XMLReadOptions/bufferSize`` chunks), so memory stays
/// flat however long the input is. Comments, processing instructions and the DOCTYPE produce no
/// events. Internal entities declared in the DOCTYPE are expanded within the limits of
/// ``XMLReadOptions``; external entities are never loaded, and referring to one is an error.
///
/// Names and text are borrowed views, valid until the next call to ``next()``:
///
/// ```swift
/// let parser = XMLPullParser(source: MemoryByteSource(bytes), fileName: "a.xml")
/// while true {
///     switch try parser.next() {
///     case .startElement where parser.name == "title": print(try parser.readElementText())
///     case .endDocument: return
///     default: continue
///     }
/// }
/// ```
///
/// Errors are ``Diagnostic``s naming the file, line and column.
public final class XMLPullParser {
    public let fileName: String
    public let options: XMLReadOptions

    // `@exclusivity(unchecked)`: the parser is single-threaded and never re-entered, and the
    // runtime's per-access exclusivity checks on class properties cost a third of the parse time.

    @exclusivity(unchecked) private var source: any ByteSource
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Valid bytes are `storage[0..<end]`; `storage[0]` is input offset `base`.
    @exclusivity(unchecked) private var end = 0
    @exclusivity(unchecked) private var pos = 0
    @exclusivity(unchecked) private var base = 0
    @exclusivity(unchecked) private var atEOF = false

    // Newlines are counted lazily up to `countedOffset`, always before bytes leave the buffer.
    @exclusivity(unchecked) private var countedOffset = 0
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var lineStart = 0

    private struct OpenElement {
        var nameStart: Int
        var nameCount: Int
        var line: Int
        var column: Int
        var offset: Int
    }
    @exclusivity(unchecked) private var open: [OpenElement] = []
    @exclusivity(unchecked) private var openNames: [UInt8] = []
    @exclusivity(unchecked) private var seenRoot = false
    @exclusivity(unchecked) private var rootClosed = false
    @exclusivity(unchecked) private var seenDoctype = false
    @exclusivity(unchecked) private var pendingEnd = false

    /// The kind of the current event.
    @exclusivity(unchecked) public private(set) var event: XMLEvent = .endDocument
    /// The input offset where the current event's markup or text starts.
    @exclusivity(unchecked) public private(set) var eventOffset = 0
    /// For ``XMLEvent/text`` and ``XMLEvent/cdata``: the input offset of the first byte of ``text``.
    @exclusivity(unchecked) public private(set) var textOffset = 0
    /// For ``XMLEvent/reference``: the input bytes of the reference, `&` through `;`.
    @exclusivity(unchecked) public private(set) var referenceRange: Range<Int> = 0..<0
    @exclusivity(unchecked) private var nameIndex = 0
    @exclusivity(unchecked) private var nameCount = 0
    @exclusivity(unchecked) private var textIndex = 0
    @exclusivity(unchecked) private var textCount = 0
    @exclusivity(unchecked) private var textInScratch = false
    @exclusivity(unchecked) private var attributesStart = 0
    @exclusivity(unchecked) private var attributesEnd = 0

    // Replacement text of references; a manual buffer so views into it stay put.
    @exclusivity(unchecked) private var scratch: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var scratchCapacity = 256
    @exclusivity(unchecked) private var scratchCount = 0

    enum EntityDefinition {
        case value([UInt8])
        case external
    }
    @exclusivity(unchecked) private var entities: [String: EntityDefinition] = [:]
    @exclusivity(unchecked) private var expandedBytes = 0
    @exclusivity(unchecked) private var expanding: [String] = []
    @exclusivity(unchecked) private var sizing: [String] = []
    @exclusivity(unchecked) private var expansionSizes: [String: Int] = [:]

    /// Starts parsing `source`; `fileName` appears in error messages.
    public init(source: any ByteSource, fileName: String, options: XMLReadOptions = XMLReadOptions()) {
        self.source = source
        self.fileName = fileName
        self.options = options
        capacity = options.bufferSize
        storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        open.reserveCapacity(64)
        openNames.reserveCapacity(1024)
    }

    deinit {
        storage.deallocate()
        scratch.deallocate()
    }

    // MARK: - Current event

    /// The element name of a start or end event.
    @inlinable public var name: XMLBytes { XMLBytes(nameBuffer) }

    @usableFromInline var nameBuffer: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + nameIndex, count: nameCount)
    }

    /// The bytes of a text, CDATA or reference event.
    public var text: XMLBytes {
        XMLBytes(UnsafeBufferPointer(start: (textInScratch ? scratch : storage) + textIndex, count: textCount))
    }

    /// Open elements, counting a start event's own element and not an end event's.
    public var depth: Int { open.count }

    /// Where the innermost open element's start tag is.
    public var openElementPosition: SourcePosition? {
        open.last.map { SourcePosition(offset: $0.offset, line: $0.line, column: $0.column) }
    }

    /// Starts a new entity-expansion budget, for readers that return one document per record.
    public func resetEntityBudget() {
        expandedBytes = 0
    }

    // MARK: - Pulling events

    private enum Step {
        case event(XMLEvent)
        case skipped
        case needMore
    }

    /// Thrown inside DOCTYPE parsing when the buffer ends before the construct does.
    private struct NeedMore: Error {}

    /// Parses up to the next event.
    public func next() throws -> XMLEvent {
        if pendingEnd {
            pendingEnd = false
            popElement()
            event = .endElement
            return .endElement
        }
        while true {
            if pos >= end {
                guard try fill(keeping: pos) else { return try finishDocument() }
                continue
            }
            let start = pos
            var step: Step
            do {
                switch storage[start] {
                case UInt8(ascii: "<"): step = try scanMarkup(start)
                case UInt8(ascii: "&"): step = try scanReference(start)
                default: step = try scanText(start)
                }
            } catch is NeedMore {
                step = .needMore
            }
            switch step {
            case .event(let found):
                event = found
                return found
            case .skipped:
                continue
            case .needMore:
                let tokenOffset = base + start
                guard try fill(keeping: start) else { throw unterminated(at: tokenOffset - base) }
            }
        }
    }

    /// Skips the rest of the element whose start event is current, through its end tag.
    public func skipElement() throws {
        guard event == .startElement else { return }
        let target = open.count - 1
        while true {
            let found = try next()
            if found == .endElement && open.count == target { return }
            if found == .endDocument { return }
        }
    }

    /// Reads the text inside the current element through its end tag, ignoring nested tags,
    /// with whitespace runs collapsed to one space and trimmed at both ends.
    public func readElementText() throws -> String {
        guard event == .startElement else { return "" }
        let target = open.count - 1
        var bytes: [UInt8] = []
        var pendingSpace = false
        while true {
            switch try next() {
            case .text, .cdata, .reference:
                for byte in text.buffer {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        pendingSpace = !bytes.isEmpty
                    } else {
                        if pendingSpace { bytes.append(0x20) }
                        pendingSpace = false
                        bytes.append(byte)
                    }
                }
            case .endElement:
                if open.count == target { return String(decoding: bytes, as: UTF8.self) }
            case .startElement:
                continue
            case .endDocument:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    // MARK: - Buffer

    /// Drops the bytes before `keep`, then reads until the buffer is full. False at the end of input.
    private func fill(keeping keep: Int) throws -> Bool {
        if atEOF { return false }
        if keep > 0 {
            if countedOffset < base + keep { countLines(upTo: base + keep) }
            let remaining = end - keep
            if remaining > 0 { memmove(storage, storage + keep, remaining) }
            base += keep
            end = remaining
            pos -= keep
        }
        if end == capacity {
            guard capacity < options.maxTokenBytes else {
                throw Diagnostic.error(
                    "a single XML construct is longer than the \(options.maxTokenBytes) byte limit",
                    file: fileName,
                    position: position(ofOffset: base)
                )
            }
            let grown = min(capacity * 2, options.maxTokenBytes)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: storage, count: end)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        var readAny = false
        while end < capacity {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(start: storage + end, count: capacity - end))
            if count == 0 {
                atEOF = true
                break
            }
            end += count
            readAny = true
        }
        return readAny
    }

    // MARK: - Positions

    /// Counts line feeds in `count` bytes, eight at a time.
    @inline(__always)
    private static func newlines(in start: UnsafePointer<UInt8>, count: Int) -> Int {
        var total = 0
        var index = 0
        let raw = UnsafeRawPointer(start)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            // A byte's high bit ends up clear exactly when the byte was a line feed.
            let mixed = ((word & low7) &+ low7) | word
            total &+= (~mixed & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < count {
            if start[index] == 0x0A { total += 1 }
            index += 1
        }
        return total
    }

    private func countLines(upTo target: Int) {
        let from = countedOffset - base
        let to = min(target, base + end) - base
        guard to > from else { return }
        let found = Self.newlines(in: storage + from, count: to - from)
        if found > 0 {
            line += found
            var index = to - 1
            while storage[index] != 0x0A { index -= 1 }
            lineStart = base + index + 1
        }
        countedOffset = base + to
    }

    /// The line and column of an input offset. Exact while the offset is still in the buffer
    /// (the current event's bytes always are); older offsets are clamped to the buffer start.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, base), base + end)
        if clamped >= countedOffset {
            let from = countedOffset - base
            let to = clamped - base
            let found = Self.newlines(in: storage + from, count: to - from)
            var start = lineStart
            if found > 0 {
                var index = to - 1
                while storage[index] != 0x0A { index -= 1 }
                start = base + index + 1
            }
            return SourcePosition(offset: offset, line: line + found, column: clamped - start + 1)
        }
        let from = clamped - base
        let found = Self.newlines(in: storage + from, count: countedOffset - clamped)
        var index = from - 1
        while index >= 0 && storage[index] != 0x0A { index -= 1 }
        let start = index >= 0 ? base + index + 1 : (found == 0 ? lineStart : base)
        return SourcePosition(offset: offset, line: line - found, column: clamped - start + 1)
    }

    /// A diagnostic at a buffer index.
    func error(_ message: String, at index: Int) -> Diagnostic {
        Diagnostic.error(message, file: fileName, position: position(ofOffset: base + index))
    }

    private func openElementName(_ element: OpenElement) -> String {
        String(decoding: openNames[element.nameStart..<(element.nameStart + element.nameCount)], as: UTF8.self)
    }

    private func bufferString(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count), as: UTF8.self)
    }

    private func finishDocument() throws -> XMLEvent {
        if let innermost = open.last {
            throw Diagnostic.error(
                "unexpected end of input inside <\(openElementName(innermost))> opened at line \(innermost.line), column \(innermost.column)",
                file: fileName,
                position: position(ofOffset: base + end)
            )
        }
        if !seenRoot {
            throw Diagnostic.error("no root element: the input holds no XML element", file: fileName, position: position(ofOffset: base + end))
        }
        event = .endDocument
        return .endDocument
    }

    /// The error for input that ends inside the construct starting at buffer index `start`.
    private func unterminated(at start: Int) -> Diagnostic {
        func has(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { bytes in
                start + bytes.count <= end && memcmp(storage + start, bytes.baseAddress!, bytes.count) == 0
            }
        }
        let what: String
        if has("<!--") {
            what = "a comment"
        } else if has("<![CDATA[") {
            what = "a CDATA section"
        } else if has("<!DOCTYPE") {
            what = "the DOCTYPE"
        } else if has("<?") {
            what = "a processing instruction"
        } else if has("</") {
            what = "an end tag"
        } else if has("<") {
            what = "a tag"
        } else if has("&") {
            what = "a reference"
        } else {
            what = "text"
        }
        let where_ = position(ofOffset: base + start)
        var message = "unexpected end of input inside \(what) that starts at line \(where_.line), column \(where_.column)"
        if let innermost = open.last {
            message += " (inside <\(openElementName(innermost))> opened at line \(innermost.line))"
        }
        return Diagnostic.error(message, file: fileName, position: position(ofOffset: base + end))
    }

    // MARK: - Scanning

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private func scanText(_ start: Int) throws -> Step {
        let available = end - start
        let pointer = storage + start
        var stop: Int
        if let lessThan = memchr(pointer, 0x3C, available) {
            stop = start + (UnsafeRawPointer(lessThan) - UnsafeRawPointer(pointer))
        } else if atEOF {
            stop = end
        } else if let ampersand = memchr(pointer, 0x26, available) {
            // A reference ends the run anyway, so there is no need to wait for the next '<'.
            stop = start + (UnsafeRawPointer(ampersand) - UnsafeRawPointer(pointer))
        } else {
            return .needMore
        }
        if let ampersand = memchr(pointer, 0x26, stop - start) {
            stop = start + (UnsafeRawPointer(ampersand) - UnsafeRawPointer(pointer))
        }
        if open.isEmpty {
            var index = start
            while index < stop {
                if !Self.isSpace(storage[index]) {
                    throw error(rootClosed ? "junk after the root element" : "text before the root element", at: index)
                }
                index += 1
            }
            pos = stop
            return .skipped
        }
        textInScratch = false
        textIndex = start
        textCount = stop - start
        textOffset = base + start
        eventOffset = textOffset
        pos = stop
        return .event(.text)
    }

    private func scanMarkup(_ start: Int) throws -> Step {
        guard start + 1 < end else { return .needMore }
        switch storage[start + 1] {
        case UInt8(ascii: "/"): return try scanEndTag(start)
        case UInt8(ascii: "?"): return try scanProcessingInstruction(start)
        case UInt8(ascii: "!"): return try scanDeclaration(start)
        default: return try scanStartTag(start)
        }
    }

    private func scanStartTag(_ start: Int) throws -> Step {
        var index = start + 1
        guard Self.isNameStart(storage[index]) else {
            throw error("'<' must start a tag; write '&lt;' for a literal '<'", at: start)
        }
        index += 1
        while index < end && Self.isNameByte(storage[index]) { index += 1 }
        guard index < end else { return .needMore }
        let nameEnd = index
        let attributesBegin = index
        var empty = false
        while true {
            var hadSpace = false
            while index < end && Self.isSpace(storage[index]) {
                index += 1
                hadSpace = true
            }
            guard index < end else { return .needMore }
            let byte = storage[index]
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < end else { return .needMore }
                guard storage[index + 1] == UInt8(ascii: ">") else { throw error("expected '>' after '/' in a tag", at: index + 1) }
                empty = true
                break
            }
            guard hadSpace else {
                throw error("expected whitespace, '>' or '/>' in the tag <\(bufferString(start + 1..<nameEnd))>", at: index)
            }
            guard Self.isNameStart(byte) else {
                throw error("invalid character in the tag <\(bufferString(start + 1..<nameEnd))>", at: index)
            }
            let attributeName = index
            index += 1
            while index < end && Self.isNameByte(storage[index]) { index += 1 }
            let attributeNameEnd = index
            while index < end && Self.isSpace(storage[index]) { index += 1 }
            guard index < end else { return .needMore }
            guard storage[index] == UInt8(ascii: "=") else {
                throw error("expected '=' after the attribute name '\(bufferString(attributeName..<attributeNameEnd))'", at: index)
            }
            index += 1
            while index < end && Self.isSpace(storage[index]) { index += 1 }
            guard index < end else { return .needMore }
            let quote = storage[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error("the value of the attribute '\(bufferString(attributeName..<attributeNameEnd))' must be quoted", at: index)
            }
            index += 1
            guard let closing = memchr(storage + index, Int32(quote), end - index) else { return .needMore }
            let valueEnd = index + (UnsafeRawPointer(closing) - UnsafeRawPointer(storage + index))
            if memchr(storage + index, 0x3C, valueEnd - index) != nil {
                throw error("'<' is not allowed in an attribute value", at: index)
            }
            index = valueEnd + 1
        }
        // Everything up to '>' or '/>' is in the buffer: the tag is complete.
        if open.isEmpty {
            if rootClosed { throw error("junk after the root element: a second root element <\(bufferString(start + 1..<nameEnd))>", at: start) }
            seenRoot = true
        }
        guard open.count < options.maxNestingDepth else {
            throw error("elements are nested more than \(options.maxNestingDepth) deep", at: start)
        }
        nameIndex = start + 1
        nameCount = nameEnd - nameIndex
        attributesStart = attributesBegin
        attributesEnd = index
        eventOffset = base + start
        countLines(upTo: eventOffset)
        let nameStart = openNames.count
        openNames.append(contentsOf: UnsafeBufferPointer(start: storage + nameIndex, count: nameCount))
        open.append(OpenElement(nameStart: nameStart, nameCount: nameCount, line: line, column: eventOffset - lineStart + 1, offset: eventOffset))
        pendingEnd = empty
        pos = index + (empty ? 2 : 1)
        return .event(.startElement)
    }

    private func popElement() {
        let closed = open.removeLast()
        openNames.removeLast(closed.nameCount)
        if open.isEmpty { rootClosed = true }
    }

    private func scanEndTag(_ start: Int) throws -> Step {
        var index = start + 2
        guard index < end else { return .needMore }
        guard Self.isNameStart(storage[index]) else { throw error("expected an element name after '</'", at: index) }
        while index < end && Self.isNameByte(storage[index]) { index += 1 }
        let nameEnd = index
        while index < end && Self.isSpace(storage[index]) { index += 1 }
        guard index < end else { return .needMore }
        guard storage[index] == UInt8(ascii: ">") else {
            throw error("expected '>' to close the end tag </\(bufferString(start + 2..<nameEnd))>", at: index)
        }
        let found = start + 2..<nameEnd
        guard let innermost = open.last else {
            throw error("unexpected end tag </\(bufferString(found))>: no element is open", at: start)
        }
        let matches =
            innermost.nameCount == found.count
            && openNames.withUnsafeBufferPointer { names in
                memcmp(names.baseAddress! + innermost.nameStart, storage + found.lowerBound, found.count) == 0
            }
        guard matches else {
            throw error(
                "expected </\(openElementName(innermost))> but found </\(bufferString(found))> "
                    + "(<\(openElementName(innermost))> was opened at line \(innermost.line), column \(innermost.column))",
                at: start
            )
        }
        popElement()
        nameIndex = found.lowerBound
        nameCount = found.count
        eventOffset = base + start
        pos = index + 1
        return .event(.endElement)
    }

    /// The buffer index of the first `terminator` at or after `from`, or nil if the buffer ends first.
    private func find(_ terminator: StaticString, from: Int) -> Int? {
        terminator.withUTF8Buffer { literal in
            let first = Int32(literal[0])
            var index = from
            while index < end {
                guard let hit = memchr(storage + index, first, end - index) else { return nil }
                let at = index + (UnsafeRawPointer(hit) - UnsafeRawPointer(storage + index))
                if at + literal.count > end { return nil }
                if memcmp(storage + at, literal.baseAddress!, literal.count) == 0 { return at }
                index = at + 1
            }
            return nil
        }
    }

    private func hasPrefix(_ literal: StaticString, at index: Int) -> Bool? {
        literal.withUTF8Buffer { bytes in
            let available = min(bytes.count, end - index)
            if memcmp(storage + index, bytes.baseAddress!, available) != 0 { return false }
            return available == bytes.count ? true : nil
        }
    }

    private func scanProcessingInstruction(_ start: Int) throws -> Step {
        guard let close = find("?>", from: start + 2) else { return .needMore }
        pos = close + 2
        return .skipped
    }

    private func scanDeclaration(_ start: Int) throws -> Step {
        switch hasPrefix("<!--", at: start) {
        case true?:
            guard let close = find("-->", from: start + 4) else { return .needMore }
            pos = close + 3
            return .skipped
        case nil: return .needMore
        case false?: break
        }
        switch hasPrefix("<![CDATA[", at: start) {
        case true?:
            guard let close = find("]]>", from: start + 9) else { return .needMore }
            guard !open.isEmpty else { throw error("a CDATA section outside the root element", at: start) }
            textInScratch = false
            textIndex = start + 9
            textCount = close - textIndex
            textOffset = base + textIndex
            eventOffset = base + start
            pos = close + 3
            return .event(.cdata)
        case nil: return .needMore
        case false?: break
        }
        switch hasPrefix("<!DOCTYPE", at: start) {
        case true?: return try scanDoctype(start)
        case nil: return .needMore
        case false?: break
        }
        throw error("unknown markup declaration: expected '<!--', '<![CDATA[' or '<!DOCTYPE'", at: start)
    }

    // MARK: - References

    private func scanReference(_ start: Int) throws -> Step {
        // Names are short; a ';' further away than this means a stray '&'.
        let window = min(end, start + 1 + 1024)
        guard let semicolon = memchr(storage + start + 1, 0x3B, window - start - 1) else {
            if window == end && !atEOF { return .needMore }
            throw error("'&' does not start a reference (no ';' follows); write '&amp;' for a literal '&'", at: start)
        }
        let close = start + 1 + (UnsafeRawPointer(semicolon) - UnsafeRawPointer(storage + start + 1))
        guard !open.isEmpty else { throw error("a reference outside the root element", at: start) }
        scratchCount = 0
        try resolveReference(UnsafeBufferPointer(start: storage + start + 1, count: close - start - 1), depth: 0, errorAt: start)
        textInScratch = true
        textIndex = 0
        textCount = scratchCount
        referenceRange = (base + start)..<(base + close + 1)
        eventOffset = base + start
        pos = close + 1
        return .event(.reference)
    }

    private func appendScratch(_ bytes: UnsafeBufferPointer<UInt8>, errorAt: Int) throws {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if !expanding.isEmpty {
            expandedBytes += bytes.count
            if expandedBytes > options.maxEntityExpansionBytes { throw expansionLimitError(expanding[0], errorAt: errorAt) }
        }
        if scratchCount + bytes.count > scratchCapacity {
            var grown = scratchCapacity * 2
            while grown < scratchCount + bytes.count { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = larger
            scratchCapacity = grown
        }
        (scratch + scratchCount).update(from: source, count: bytes.count)
        scratchCount += bytes.count
    }

    private func appendScalar(_ value: UInt32, errorAt: Int) throws {
        var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let length: Int
        switch value {
        case 0..<0x80:
            encoded.0 = UInt8(value)
            length = 1
        case 0x80..<0x800:
            encoded = (UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F), 0, 0)
            length = 2
        case 0x800..<0x10000:
            encoded = (UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F), 0)
            length = 3
        default:
            encoded = (UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F))
            length = 4
        }
        try withUnsafeBytes(of: &encoded) { raw in
            try appendScratch(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length), errorAt: errorAt)
        }
    }

    /// Appends what the reference `&body;` stands for to the scratch buffer.
    private func resolveReference(_ body: UnsafeBufferPointer<UInt8>, depth: Int, errorAt: Int) throws {
        let text = String(decoding: body, as: UTF8.self)
        guard let first = body.first else { throw error("empty reference '&;'", at: errorAt) }
        if first == UInt8(ascii: "#") {
            var index = 1
            var radix: UInt32 = 10
            if body.count > 1 && body[1] == UInt8(ascii: "x") {
                radix = 16
                index = 2
            }
            guard index < body.count else { throw error("invalid character reference '&\(text);'", at: errorAt) }
            var value: UInt32 = 0
            while index < body.count {
                let byte = body[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - 0x41 + 10)
                default: throw error("invalid character reference '&\(text);'", at: errorAt)
                }
                value = value * radix + digit
                if value > 0x10FFFF { throw error("character reference '&\(text);' is beyond U+10FFFF", at: errorAt) }
                index += 1
            }
            let allowed =
                value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                || (0x10000...0x10FFFF).contains(value)
            guard allowed else { throw error("character reference '&\(text);' is not a legal XML character", at: errorAt) }
            try appendScalar(value, errorAt: errorAt)
            return
        }
        guard Self.isNameStart(first), body.dropFirst().allSatisfy(Self.isNameByte) else {
            throw error("'&' does not start a valid reference ('&\(text);'); write '&amp;' for a literal '&'", at: errorAt)
        }
        let predefined: UInt8? =
            switch text {
            case "lt": UInt8(ascii: "<")
            case "gt": UInt8(ascii: ">")
            case "amp": UInt8(ascii: "&")
            case "apos": UInt8(ascii: "'")
            case "quot": UInt8(ascii: "\"")
            default: nil
            }
        if let predefined {
            try appendScalar(UInt32(predefined), errorAt: errorAt)
            return
        }
        switch entities[text] {
        case nil:
            throw error("undeclared entity '&\(text);' (XML predefines only &lt; &gt; &amp; &apos; &quot;)", at: errorAt)
        case .external:
            throw error("reference to the external entity '&\(text);' refused: external entities are never loaded", at: errorAt)
        case .value(let value):
            // Checking the whole size first makes a "billion laughs" file fail at once instead of after 1 MB of copying.
            if expanding.isEmpty,
                expandedBytes + (try expansionSize(text, value: value, depth: depth + 1, errorAt: errorAt)) > options.maxEntityExpansionBytes
            {
                throw expansionLimitError(text, errorAt: errorAt)
            }
            try expand(text, value: value, depth: depth + 1, errorAt: errorAt)
        }
    }

    private func expansionLimitError(_ entity: String, errorAt: Int) -> Diagnostic {
        error(
            "entity expansion limit exceeded: more than \(options.maxEntityExpansionBytes) bytes of entity text "
                + "in one document (expanding '&\(entity);'); this looks like an entity-expansion (\"billion laughs\") attack",
            at: errorAt
        )
    }

    /// An upper bound of the bytes `&entity;` expands to, saturating just past the limit.
    private func expansionSize(_ entity: String, value: [UInt8], depth: Int, errorAt: Int) throws -> Int {
        if let known = expansionSizes[entity] { return known }
        guard depth <= options.maxEntityExpansionDepth else {
            throw error(
                "entity expansion limit exceeded: entity references nested more than \(options.maxEntityExpansionDepth) levels deep (at '&\(entity);')",
                at: errorAt
            )
        }
        guard !sizing.contains(entity) else { throw error("entity '&\(entity);' refers to itself", at: errorAt) }
        sizing.append(entity)
        defer { sizing.removeLast() }
        let cap = options.maxEntityExpansionBytes + 1
        var total = 0
        var index = 0
        while index < value.count && total < cap {
            guard value[index] == UInt8(ascii: "&"), let semicolon = value[index...].firstIndex(of: UInt8(ascii: ";")) else {
                total += 1
                index += 1
                continue
            }
            let name = String(decoding: value[(index + 1)..<semicolon], as: UTF8.self)
            if case .value(let inner)? = entities[name] {
                total += try expansionSize(name, value: inner, depth: depth + 1, errorAt: errorAt)
            } else {
                // Character references and predefined entities: at most four bytes. Errors surface when expanding.
                total += 4
            }
            index = semicolon + 1
        }
        let size = min(total, cap)
        expansionSizes[entity] = size
        return size
    }

    private func expand(_ entity: String, value: [UInt8], depth: Int, errorAt: Int) throws {
        guard depth <= options.maxEntityExpansionDepth else {
            throw error(
                "entity expansion limit exceeded: entity references nested more than \(options.maxEntityExpansionDepth) levels deep (at '&\(entity);')",
                at: errorAt
            )
        }
        guard !expanding.contains(entity) else { throw error("entity '&\(entity);' refers to itself", at: errorAt) }
        expanding.append(entity)
        defer { expanding.removeLast() }
        try value.withUnsafeBufferPointer { value in
            var index = 0
            while index < value.count {
                var stop = index
                while stop < value.count && value[stop] != UInt8(ascii: "&") && value[stop] != UInt8(ascii: "<") { stop += 1 }
                try appendScratch(UnsafeBufferPointer(rebasing: value[index..<stop]), errorAt: errorAt)
                guard stop < value.count else { break }
                guard value[stop] == UInt8(ascii: "&") else {
                    throw error("entity '&\(entity);' contains markup, which this reader does not support", at: errorAt)
                }
                guard let semicolon = value[stop...].firstIndex(of: UInt8(ascii: ";")) else {
                    throw error("malformed reference in the value of entity '&\(entity);'", at: errorAt)
                }
                try resolveReference(UnsafeBufferPointer(rebasing: value[(stop + 1)..<semicolon]), depth: depth, errorAt: errorAt)
                index = semicolon + 1
            }
        }
    }

    // MARK: - Attributes

    /// The buffer range of the value of attribute `name` of the current start tag.
    private func attributeValueRange(_ name: StaticString) -> Range<Int>? {
        guard event == .startElement else { return nil }
        return name.withUTF8Buffer { wanted -> Range<Int>? in
            var index = attributesStart
            while index < attributesEnd {
                while index < attributesEnd && Self.isSpace(storage[index]) { index += 1 }
                guard index < attributesEnd, storage[index] != UInt8(ascii: "/") else { return nil }
                let nameStart = index
                while Self.isNameByte(storage[index]) { index += 1 }
                let nameEnd = index
                while storage[index] != UInt8(ascii: "\"") && storage[index] != UInt8(ascii: "'") { index += 1 }
                let quote = storage[index]
                index += 1
                let valueStart = index
                while storage[index] != quote { index += 1 }
                let valueEnd = index
                index += 1
                if nameEnd - nameStart == wanted.count && memcmp(storage + nameStart, wanted.baseAddress!, wanted.count) == 0 {
                    return valueStart..<valueEnd
                }
            }
            return nil
        }
    }

    /// The raw (undecoded) value of an attribute of the current start tag.
    public func rawAttribute(_ name: StaticString) -> XMLBytes? {
        attributeValueRange(name).map { XMLBytes(UnsafeBufferPointer(start: storage + $0.lowerBound, count: $0.count)) }
    }

    /// The input range of an attribute's value (between the quotes).
    public func attributeSourceRange(_ name: StaticString) -> Range<Int>? {
        attributeValueRange(name).map { (base + $0.lowerBound)..<(base + $0.upperBound) }
    }

    /// True if the current start tag has attribute `name` with exactly the value `value` (compared undecoded).
    public func attribute(_ name: StaticString, is value: StaticString) -> Bool {
        rawAttribute(name).map { $0 == value } ?? false
    }

    /// The value of an attribute of the current start tag, with references decoded and
    /// whitespace characters turned into spaces, as XML specifies.
    public func attribute(_ name: StaticString) throws -> String? {
        guard let range = attributeValueRange(name) else { return nil }
        let raw = UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count)
        if !raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return String(decoding: raw, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "&") {
                guard let semicolon = raw[index...].firstIndex(of: UInt8(ascii: ";")) else {
                    throw error("'&' does not start a reference (no ';' follows); write '&amp;' for a literal '&'", at: range.lowerBound + index)
                }
                scratchCount = 0
                try resolveReference(UnsafeBufferPointer(rebasing: raw[(index + 1)..<semicolon]), depth: 0, errorAt: range.lowerBound + index)
                decoded.append(contentsOf: UnsafeBufferPointer(start: scratch, count: scratchCount))
                index = semicolon + 1
                continue
            }
            decoded.append(Self.isSpace(byte) ? 0x20 : byte)
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    // MARK: - DOCTYPE

    @inline(__always)
    private func byte(_ index: Int) throws -> UInt8 {
        guard index < end else { throw NeedMore() }
        return storage[index]
    }

    private func skipSpaces(_ index: inout Int) throws -> Bool {
        let start = index
        while Self.isSpace(try byte(index)) { index += 1 }
        return index > start
    }

    private func scanName(_ index: inout Int, what: String) throws -> Range<Int> {
        let start = index
        guard Self.isNameStart(try byte(index)) else { throw error("expected \(what)", at: index) }
        index += 1
        while Self.isNameByte(try byte(index)) { index += 1 }
        return start..<index
    }

    private func scanQuoted(_ index: inout Int) throws -> Range<Int> {
        let quote = try byte(index)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw error("expected a quoted string", at: index) }
        let start = index + 1
        guard let closing = memchr(storage + start, Int32(quote), end - start) else { throw NeedMore() }
        let stop = start + (UnsafeRawPointer(closing) - UnsafeRawPointer(storage + start))
        index = stop + 1
        return start..<stop
    }

    private func keyword(_ literal: StaticString, at index: inout Int) throws -> Bool {
        switch hasPrefix(literal, at: index) {
        case true?:
            index += literal.utf8CodeUnitCount
            return true
        case false?: return false
        case nil: throw NeedMore()
        }
    }

    /// Skips an external ID (`SYSTEM "uri"` or `PUBLIC "id" "uri"`) if one is there.
    private func skipExternalID(_ index: inout Int) throws -> Bool {
        if try keyword("SYSTEM", at: &index) {
            _ = try skipSpaces(&index)
            _ = try scanQuoted(&index)
            return true
        }
        if try keyword("PUBLIC", at: &index) {
            _ = try skipSpaces(&index)
            _ = try scanQuoted(&index)
            _ = try skipSpaces(&index)
            if try byte(index) == UInt8(ascii: "\"") || byte(index) == UInt8(ascii: "'") { _ = try scanQuoted(&index) }
            return true
        }
        return false
    }

    private func scanDoctype(_ start: Int) throws -> Step {
        guard !seenRoot else { throw error("a DOCTYPE after the root element", at: start) }
        guard !seenDoctype else { throw error("a second DOCTYPE", at: start) }
        var index = start + 9
        guard try skipSpaces(&index) else { throw error("expected whitespace after '<!DOCTYPE'", at: index) }
        _ = try scanName(&index, what: "the root element name in the DOCTYPE")
        _ = try skipSpaces(&index)
        _ = try skipExternalID(&index)
        _ = try skipSpaces(&index)
        var declared: [String: EntityDefinition] = [:]
        if try byte(index) == UInt8(ascii: "[") {
            index += 1
            try scanInternalSubset(&index, into: &declared)
            _ = try skipSpaces(&index)
        }
        guard try byte(index) == UInt8(ascii: ">") else { throw error("expected '>' to end the DOCTYPE", at: index) }
        for (name, definition) in declared where entities[name] == nil {
            entities[name] = definition
        }
        seenDoctype = true
        pos = index + 1
        return .skipped
    }

    private func scanInternalSubset(_ index: inout Int, into declared: inout [String: EntityDefinition]) throws {
        while true {
            _ = try skipSpaces(&index)
            let first = try byte(index)
            if first == UInt8(ascii: "]") {
                index += 1
                return
            }
            if first == UInt8(ascii: "%") {
                // Parameter-entity references would pull in other declarations; they are ignored.
                index += 1
                _ = try scanName(&index, what: "a parameter entity name after '%'")
                guard try byte(index) == UInt8(ascii: ";") else { throw error("expected ';' after a parameter entity reference", at: index) }
                index += 1
                continue
            }
            guard first == UInt8(ascii: "<") else { throw error("unexpected character in the DOCTYPE internal subset", at: index) }
            if try keyword("<!--", at: &index) {
                guard let close = find("-->", from: index) else { throw NeedMore() }
                index = close + 3
                continue
            }
            if try keyword("<?", at: &index) {
                guard let close = find("?>", from: index) else { throw NeedMore() }
                index = close + 2
                continue
            }
            let declarationStart = index
            if try keyword("<!ENTITY", at: &index) {
                try scanEntityDeclaration(&index, start: declarationStart, into: &declared)
                continue
            }
            guard try keyword("<!", at: &index) else { throw error("unexpected markup in the DOCTYPE internal subset", at: index) }
            // ELEMENT, ATTLIST and NOTATION declarations do not matter to a non-validating parser.
            while true {
                let next = try byte(index)
                if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") {
                    _ = try scanQuoted(&index)
                    continue
                }
                index += 1
                if next == UInt8(ascii: ">") { break }
            }
        }
    }

    private func scanEntityDeclaration(_ index: inout Int, start: Int, into declared: inout [String: EntityDefinition]) throws {
        guard try skipSpaces(&index) else { throw error("expected whitespace after '<!ENTITY'", at: index) }
        var parameter = false
        if try byte(index) == UInt8(ascii: "%") {
            parameter = true
            index += 1
            guard try skipSpaces(&index) else { throw error("expected whitespace after '%' in an entity declaration", at: index) }
        }
        let nameRange = try scanName(&index, what: "an entity name")
        let name = bufferString(nameRange)
        guard try skipSpaces(&index) else { throw error("expected whitespace after the entity name '\(name)'", at: index) }
        let definition: EntityDefinition
        let quote = try byte(index)
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let value = try scanQuoted(&index)
            definition = .value(Array(UnsafeBufferPointer(start: storage + value.lowerBound, count: value.count)))
        } else if try skipExternalID(&index) {
            definition = .external
            _ = try skipSpaces(&index)
            if try keyword("NDATA", at: &index) {
                _ = try skipSpaces(&index)
                _ = try scanName(&index, what: "a notation name after NDATA")
            }
        } else {
            throw error("expected a quoted value, SYSTEM or PUBLIC in the declaration of entity '\(name)'", at: index)
        }
        _ = try skipSpaces(&index)
        guard try byte(index) == UInt8(ascii: ">") else { throw error("expected '>' to end the declaration of entity '\(name)'", at: index) }
        index += 1
        // The first declaration of a name binds, as XML specifies.
        if !parameter && declared[name] == nil { declared[name] = definition }
    }
}
