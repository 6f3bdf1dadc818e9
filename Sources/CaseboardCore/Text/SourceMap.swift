/// Maps UTF-8 offsets in a reader's output text back to byte offsets in the original input.
///
/// The map is a sorted list of segments. A *verbatim* segment copies input bytes one to one, so
/// offsets inside it map linearly. Any other segment (a decoded entity, a repaired character,
/// collapsed whitespace, an inserted separator) maps as a whole to the input range it came from.
public struct SourceMap: Sendable, Codable, Hashable {
    /// One run of text and the input range it came from.
    public struct Segment: Sendable, Codable, Hashable {
        public var textStart: Int
        public var sourceStart: Int
        public var sourceLength: Int
        public var verbatim: Bool

        public init(textStart: Int, sourceStart: Int, sourceLength: Int, verbatim: Bool) {
            self.textStart = textStart
            self.sourceStart = sourceStart
            self.sourceLength = sourceLength
            self.verbatim = verbatim
        }
    }

    public private(set) var segments: [Segment]
    /// The length of the mapped text in UTF-8 bytes.
    public private(set) var textLength: Int

    public init(segments: [Segment], textLength: Int) {
        self.segments = segments
        self.textLength = textLength
    }

    /// The map of a text that is the input itself.
    public static func identity(length: Int) -> SourceMap {
        SourceMap(segments: length == 0 ? [] : [Segment(textStart: 0, sourceStart: 0, sourceLength: length, verbatim: true)], textLength: length)
    }

    /// True when every text offset equals its source offset.
    public var isIdentity: Bool {
        segments.isEmpty || (segments.count == 1 && segments[0].verbatim && segments[0].textStart == 0 && segments[0].sourceStart == 0)
    }

    private func segmentIndex(containing offset: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].textStart <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func segmentLength(_ index: Int) -> Int {
        (index + 1 < segments.count ? segments[index + 1].textStart : textLength) - segments[index].textStart
    }

    /// The input offset where the text byte at `offset` starts.
    public func sourceOffset(ofText offset: Int) -> Int {
        guard let index = segmentIndex(containing: offset) else { return offset }
        let segment = segments[index]
        if segment.verbatim {
            return segment.sourceStart + min(max(0, offset - segment.textStart), segment.sourceLength)
        }
        return offset >= segment.textStart + segmentLength(index) ? segment.sourceStart + segment.sourceLength : segment.sourceStart
    }

    /// The input range that a text range came from. An empty text range maps to an empty range.
    public func sourceRange(ofText range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let offset = sourceOffset(ofText: range.lowerBound)
            return offset..<offset
        }
        let start = sourceOffset(ofText: range.lowerBound)
        guard let index = segmentIndex(containing: range.upperBound - 1) else { return range }
        let segment = segments[index]
        let end: Int
        if segment.verbatim {
            end = segment.sourceStart + min(range.upperBound - segment.textStart, segment.sourceLength)
        } else {
            end = segment.sourceStart + segment.sourceLength
        }
        return start..<max(start, end)
    }

    /// The map from this map's text to the source of `inner`, where this map's source is
    /// `inner`'s text. Readers that parse an already-decoded buffer use it to reach the raw input.
    public func composed(with inner: SourceMap) -> SourceMap {
        if inner.isIdentity { return self }
        var builder = SourceMapBuilder()
        for (index, segment) in segments.enumerated() {
            let length = segmentLength(index)
            let outer = segment.sourceStart..<(segment.sourceStart + segment.sourceLength)
            if segment.verbatim {
                // Split along the inner map's segments so verbatim runs stay verbatim.
                var position = outer.lowerBound
                while position < outer.upperBound {
                    guard let innerIndex = inner.segmentIndex(containing: position) else { break }
                    let innerSegment = inner.segments[innerIndex]
                    let innerEnd = min(innerSegment.textStart + inner.segmentLength(innerIndex), outer.upperBound)
                    let runLength = max(1, innerEnd - position)
                    let textStart = segment.textStart + (position - outer.lowerBound)
                    let mapped = inner.sourceRange(ofText: position..<(position + runLength))
                    builder.add(
                        textStart: textStart,
                        textLength: runLength,
                        sourceStart: mapped.lowerBound,
                        sourceLength: mapped.count,
                        verbatim: innerSegment.verbatim
                    )
                    position += runLength
                }
            } else {
                let mapped = inner.sourceRange(ofText: outer)
                builder.add(
                    textStart: segment.textStart,
                    textLength: length,
                    sourceStart: mapped.lowerBound,
                    sourceLength: mapped.count,
                    verbatim: false
                )
            }
        }
        return builder.build(textLength: textLength)
    }
}

/// Accumulates segments in text order, merging adjacent verbatim runs.
public struct SourceMapBuilder: Sendable {
    private var segments: [SourceMap.Segment] = []
    private var lastTextEnd = 0

    public init() {}

    public mutating func add(textStart: Int, textLength: Int, sourceStart: Int, sourceLength: Int, verbatim: Bool) {
        guard textLength > 0 else { return }
        if verbatim, let last = segments.last, last.verbatim,
            last.textStart + last.sourceLength == textStart, last.sourceStart + last.sourceLength == sourceStart
        {
            segments[segments.count - 1].sourceLength += sourceLength
        } else {
            segments.append(.init(textStart: textStart, sourceStart: sourceStart, sourceLength: sourceLength, verbatim: verbatim))
        }
        lastTextEnd = textStart + textLength
    }

    /// Drops everything past `length` after the text was shortened from its end.
    public mutating func truncate(toTextLength length: Int) {
        while let last = segments.last, last.textStart >= length { segments.removeLast() }
        if let last = segments.last, last.verbatim, last.textStart + last.sourceLength > length {
            segments[segments.count - 1].sourceLength = length - last.textStart
        }
        lastTextEnd = min(lastTextEnd, length)
    }

    public func build(textLength: Int) -> SourceMap {
        SourceMap(segments: segments, textLength: textLength)
    }
}
