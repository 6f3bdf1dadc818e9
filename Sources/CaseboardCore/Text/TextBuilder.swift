/// Builds a reader's output text and its ``SourceMap`` together, so every byte appended knows
/// where in the input it came from.
///
/// Input bytes go through ``appendDecoding(_:sourceOffset:)``, which validates UTF-8, repairs
/// Windows-1252 mojibake and replaces invalid bytes with U+FFFD, recording a warning for each
/// replacement. Text a reader makes up (a decoded entity, a separator) goes through
/// ``appendSubstituted(_:sourceRange:)``.
public struct TextBuilder: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var map = SourceMapBuilder()
    /// Replacements made while decoding, with the input offsets where they happened.
    public private(set) var repairs: [Repair] = []

    /// A change the decoder made to the input.
    public struct Repair: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// Bytes that were not UTF-8, replaced with U+FFFD.
            case invalidBytes
            /// UTF-8 text that had been decoded as Windows-1252 and encoded again.
            case mojibake
        }
        public var kind: Kind
        public var sourceRange: Range<Int>
    }

    public init() {}

    /// The number of UTF-8 bytes appended so far.
    public var count: Int { bytes.count }

    /// The last byte appended, if any.
    public var last: UInt8? { bytes.last }

    /// Appends bytes that are known to be valid UTF-8, copied from the input at `sourceOffset`.
    public mutating func appendVerbatim(_ input: UnsafeBufferPointer<UInt8>, sourceOffset: Int) {
        guard !input.isEmpty else { return }
        map.add(textStart: bytes.count, textLength: input.count, sourceStart: sourceOffset, sourceLength: input.count, verbatim: true)
        bytes.append(contentsOf: input)
    }

    /// Appends text that stands for the input range `sourceRange` but is not a copy of it.
    public mutating func appendSubstituted(_ text: String, sourceRange: Range<Int>) {
        var text = text
        text.withUTF8 { appendSubstituted($0, sourceRange: sourceRange) }
    }

    /// Appends UTF-8 bytes that stand for the input range `sourceRange`.
    public mutating func appendSubstituted(_ utf8: UnsafeBufferPointer<UInt8>, sourceRange: Range<Int>) {
        guard !utf8.isEmpty else { return }
        map.add(textStart: bytes.count, textLength: utf8.count, sourceStart: sourceRange.lowerBound, sourceLength: sourceRange.count, verbatim: false)
        bytes.append(contentsOf: utf8)
    }

    /// Appends a separator (such as a paragraph break) that has no counterpart in the input.
    public mutating func appendSeparator(_ text: String, at sourceOffset: Int) {
        appendSubstituted(text, sourceRange: sourceOffset..<sourceOffset)
    }

    /// Removes trailing ASCII spaces, tabs and line breaks.
    public mutating func trimTrailingWhitespace() {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D {
            end -= 1
        }
        guard end < bytes.count else { return }
        bytes.removeSubrange(end...)
        map.truncate(toTextLength: end)
    }

    /// Appends raw input bytes, decoding them as UTF-8 and repairing what is broken.
    public mutating func appendDecoding(_ input: UnsafeBufferPointer<UInt8>, sourceOffset: Int) {
        var runStart = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Validation.sequenceLength(input, at: index)
            if length == 0 {
                flush(input, runStart..<index, sourceOffset)
                // One U+FFFD per maximal run of invalid bytes keeps the text readable.
                var end = index + 1
                while end < count, input[end] >= 0x80, UTF8Validation.sequenceLength(input, at: end) == 0 { end += 1 }
                appendReplacement(sourceRange: (sourceOffset + index)..<(sourceOffset + end), kind: .invalidBytes)
                index = end
                runStart = index
                continue
            }
            if let (scalar, consumed) = Mojibake.repair(input, at: index) {
                flush(input, runStart..<index, sourceOffset)
                var repaired = String(Character(scalar))
                repaired.withUTF8 { encoded in
                    map.add(
                        textStart: bytes.count,
                        textLength: encoded.count,
                        sourceStart: sourceOffset + index,
                        sourceLength: consumed,
                        verbatim: false
                    )
                    bytes.append(contentsOf: encoded)
                }
                repairs.append(Repair(kind: .mojibake, sourceRange: (sourceOffset + index)..<(sourceOffset + index + consumed)))
                index += consumed
                runStart = index
                continue
            }
            index += length
        }
        flush(input, runStart..<count, sourceOffset)
    }

    private mutating func flush(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ sourceOffset: Int) {
        guard !range.isEmpty else { return }
        appendVerbatim(UnsafeBufferPointer(rebasing: input[range]), sourceOffset: sourceOffset + range.lowerBound)
    }

    private mutating func appendReplacement(sourceRange: Range<Int>, kind: Repair.Kind) {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        replacement.withUnsafeBufferPointer { appendSubstituted($0, sourceRange: sourceRange) }
        repairs.append(Repair(kind: kind, sourceRange: sourceRange))
    }

    /// The finished text and its map.
    public func build() -> (text: String, sourceMap: SourceMap) {
        (String(decoding: bytes, as: UTF8.self), map.build(textLength: bytes.count))
    }

    /// Warnings describing the repairs, located in `file`. `bytes` (the input) gives line numbers.
    public func repairWarnings(file: String, input: UnsafeBufferPointer<UInt8>?) -> [Diagnostic] {
        repairWarnings(file: file) { offset in
            input.map { SourcePosition.locate(offset, in: $0) }
        }
    }

    /// Warnings describing the repairs, located in `file`. `position` turns an input offset into
    /// a line and column; streaming readers, which no longer hold the whole input, answer it from
    /// positions they noted while the bytes were at hand (it is asked about the first repair of each kind).
    public func repairWarnings(file: String, position: (Int) -> SourcePosition?) -> [Diagnostic] {
        let invalid = repairs.filter { $0.kind == .invalidBytes }
        let mojibake = repairs.filter { $0.kind == .mojibake }
        var warnings: [Diagnostic] = []
        if let first = invalid.first {
            let total = invalid.reduce(0) { $0 + $1.sourceRange.count }
            warnings.append(
                .warning(
                    "replaced \(total) byte(s) that are not valid UTF-8 with U+FFFD (\(invalid.count) place(s); first here)",
                    file: file,
                    position: position(first.sourceRange.lowerBound)
                )
            )
        }
        if let first = mojibake.first {
            warnings.append(
                .warning(
                    "repaired \(mojibake.count) character(s) of Windows-1252 mojibake (first here)",
                    file: file,
                    position: position(first.sourceRange.lowerBound)
                )
            )
        }
        return warnings
    }
}
