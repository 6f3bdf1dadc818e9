import CaseboardCore
import Testing

struct SourceMapTests {
    @Test func identityMapsEveryOffsetToItself() {
        let map = SourceMap.identity(length: 10)
        #expect(map.sourceOffset(ofText: 7) == 7)
        #expect(map.sourceRange(ofText: 2..<5) == 2..<5)
        #expect(map.isIdentity)
    }

    @Test func substitutedSegmentsMapAsAWhole() {
        // Input "a&amp;b" read as "a&b": the "&" stands for five input bytes.
        var builder = TextBuilder()
        let input = Array("a&amp;b".utf8)
        input.withUnsafeBufferPointer { bytes in
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: bytes[0..<1]), sourceOffset: 0)
            builder.appendSubstituted("&", sourceRange: 1..<6)
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: bytes[6..<7]), sourceOffset: 6)
        }
        let (text, map) = builder.build()
        #expect(text == "a&b")
        #expect(map.sourceRange(ofText: 1..<2) == 1..<6)
        #expect(map.sourceRange(ofText: 0..<3) == 0..<7)
        #expect(map.sourceOffset(ofText: 2) == 6)
    }

    @Test func adjacentVerbatimRunsMerge() {
        var builder = TextBuilder()
        let input = Array("abcdef".utf8)
        input.withUnsafeBufferPointer { bytes in
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: bytes[0..<3]), sourceOffset: 0)
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: bytes[3..<6]), sourceOffset: 3)
        }
        #expect(builder.build().sourceMap.segments.count == 1)
    }

    @Test func separatorsMapToAnEmptyInputRange() {
        var builder = TextBuilder()
        builder.appendSubstituted("Title", sourceRange: 10..<15)
        builder.appendSeparator("\n\n", at: 15)
        builder.appendSubstituted("Body", sourceRange: 40..<44)
        let map = builder.build().sourceMap
        #expect(map.sourceRange(ofText: 5..<7) == 15..<15)
        #expect(map.sourceRange(ofText: 7..<11) == 40..<44)
    }

    @Test func composesThroughAnInnerMap() {
        // Inner: a decoded buffer whose byte 3 came from input bytes 3..<6; outer: a copy of
        // the decoded buffer from offset 2.
        let inner = SourceMap(
            segments: [
                .init(textStart: 0, sourceStart: 0, sourceLength: 3, verbatim: true),
                .init(textStart: 3, sourceStart: 3, sourceLength: 3, verbatim: false),
                .init(textStart: 4, sourceStart: 6, sourceLength: 4, verbatim: true),
            ],
            textLength: 8
        )
        let outer = SourceMap(segments: [.init(textStart: 0, sourceStart: 2, sourceLength: 6, verbatim: true)], textLength: 6)
        let composed = outer.composed(with: inner)
        #expect(composed.sourceRange(ofText: 0..<1) == 2..<3)
        #expect(composed.sourceRange(ofText: 1..<2) == 3..<6)
        #expect(composed.sourceRange(ofText: 2..<6) == 6..<10)
    }

    @Test func trimmingTrailingWhitespaceKeepsTheMapConsistent() {
        var builder = TextBuilder()
        builder.appendSubstituted("word", sourceRange: 0..<4)
        builder.appendSeparator("\n\n", at: 4)
        builder.trimTrailingWhitespace()
        let (text, map) = builder.build()
        #expect(text == "word")
        #expect(map.textLength == 4)
        #expect(map.segments.count == 1)
    }
}
