import CaseboardCore

/// Collects the text an XML reader keeps into a ``TextBuilder``, collapsing whitespace the way
/// XML renders it: a run of spaces, tabs and line breaks becomes one space (a substituted byte
/// mapped to the whole run), and whitespace at the start or end of a block disappears.
///
/// Separators and spaces are emitted lazily, just before the next real content, so a block
/// that turns out empty leaves nothing behind.
struct XMLTextSink {
    private(set) var builder = TextBuilder()

    private enum Pending {
        case none
        case space(Range<Int>)
        case block(separator: String, offset: Int, prefix: String?, prefixRange: Range<Int>)
    }
    private var pending = Pending.none

    /// Where the content of the latest block starts (after its separator and prefix), once any arrived.
    private(set) var blockStart: Int?

    private var repairsSeen = 0
    private var locatedInvalid = false
    private var locatedMojibake = false
    private var repairPositions: [Int: SourcePosition] = [:]

    var count: Int { builder.count }

    /// Starts a block, separated from earlier text by `separator` and introduced by `prefix`
    /// (which stands for the input range `prefixRange`). Replaces a pending block that got no content.
    mutating func startBlock(_ separator: String, at offset: Int, prefix: String? = nil, prefixRange: Range<Int>? = nil) {
        pending = .block(separator: separator, offset: offset, prefix: prefix, prefixRange: prefixRange ?? offset..<offset)
        blockStart = nil
    }

    /// A paragraph break that keeps an already pending separator (such as the one after a heading).
    mutating func breakParagraph(at offset: Int) {
        if case .block = pending { return }
        startBlock("\n\n", at: offset)
    }

    private mutating func flushPending() {
        switch pending {
        case .none:
            return
        case .space(let range):
            if let last = builder.last, !XMLPullParser.isSpace(last) {
                builder.appendSubstituted(" ", sourceRange: range)
            }
        case .block(let separator, let offset, let prefix, let prefixRange):
            if builder.count > 0 { builder.appendSeparator(separator, at: offset) }
            if let prefix { builder.appendSubstituted(prefix, sourceRange: prefixRange) }
            blockStart = builder.count
        }
        pending = .none
    }

    /// Appends the current text, CDATA or reference event of `parser`.
    mutating func append(from parser: XMLPullParser) {
        switch parser.event {
        case .text, .cdata:
            appendRaw(parser.text.buffer, sourceOffset: parser.textOffset, parser: parser)
        case .reference:
            appendReplacement(parser.text.buffer, sourceRange: parser.referenceRange)
        default:
            return
        }
    }

    /// Appends text the reader made up, standing for `sourceRange`.
    mutating func appendSubstituted(_ text: String, sourceRange: Range<Int>) {
        guard !text.isEmpty else { return }
        flushPending()
        builder.appendSubstituted(text, sourceRange: sourceRange)
    }

    private mutating func appendReplacement(_ bytes: UnsafeBufferPointer<UInt8>, sourceRange: Range<Int>) {
        guard !bytes.isEmpty else { return }
        if bytes.allSatisfy(XMLPullParser.isSpace) {
            if case .none = pending { pending = .space(sourceRange) }
            return
        }
        flushPending()
        builder.appendSubstituted(bytes, sourceRange: sourceRange)
    }

    private mutating func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>, sourceOffset: Int, parser: XMLPullParser) {
        let count = bytes.count
        var index = 0
        var runStart = 0
        while index < count {
            let byte = bytes[index]
            if byte > 0x20 || !XMLPullParser.isSpace(byte) {
                index += 1
                continue
            }
            var stop = index + 1
            while stop < count && XMLPullParser.isSpace(bytes[stop]) { stop += 1 }
            // A lone space between words stays part of the verbatim run.
            if stop - index == 1 && byte == 0x20 && index > runStart && stop < count {
                index = stop
                continue
            }
            flush(bytes, runStart..<index, sourceOffset, parser)
            if case .none = pending { pending = .space((sourceOffset + index)..<(sourceOffset + stop)) }
            index = stop
            runStart = stop
        }
        flush(bytes, runStart..<count, sourceOffset, parser)
    }

    private mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ sourceOffset: Int, _ parser: XMLPullParser) {
        guard !range.isEmpty else { return }
        flushPending()
        builder.appendDecoding(UnsafeBufferPointer(rebasing: bytes[range]), sourceOffset: sourceOffset + range.lowerBound)
        if builder.repairs.count > repairsSeen { noteRepairs(parser) }
    }

    /// Notes where the first repair of each kind is while its bytes are still in the parser's buffer.
    private mutating func noteRepairs(_ parser: XMLPullParser) {
        for repair in builder.repairs[repairsSeen...] {
            switch repair.kind {
            case .invalidBytes where !locatedInvalid:
                locatedInvalid = true
            case .mojibake where !locatedMojibake:
                locatedMojibake = true
            default:
                continue
            }
            repairPositions[repair.sourceRange.lowerBound] = parser.position(ofOffset: repair.sourceRange.lowerBound)
        }
        repairsSeen = builder.repairs.count
    }

    /// The text between two offsets, as a string (for headings).
    func string(_ range: Range<Int>) -> String {
        String(decoding: builder.bytes[range], as: UTF8.self)
    }

    /// The finished text, map and repair warnings.
    func finish(file: String) -> (text: String, sourceMap: SourceMap, warnings: [Diagnostic]) {
        let (text, map) = builder.build()
        let positions = repairPositions
        return (text, map, builder.repairWarnings(file: file) { positions[$0] })
    }
}
