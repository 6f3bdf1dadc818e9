import CaseboardCore
import Testing

/// The one byte search behind the string tests and the extraction gates.
struct ByteSearchTests {
    @Test func findsTheFirstOccurrenceWithinARange() {
        let text = Array("FLT3-ITD, then FLT3 D835H on sorafenib".utf8)
        let needle = Array("FLT3".utf8)
        text.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                #expect(ByteSearch.firstOffset(of: needle, in: bytes, 0..<bytes.count) == 0)
                #expect(ByteSearch.firstOffset(of: needle, in: bytes, 1..<bytes.count) == 15)
                // The needle must end inside the range.
                #expect(ByteSearch.firstOffset(of: needle, in: bytes, 1..<18) == nil)
                // A range outside the text finds nothing rather than reading past it.
                #expect(ByteSearch.firstOffset(of: needle, in: bytes, 0..<(bytes.count + 1)) == nil)
            }
        }
    }

    @Test func foldsAsciiCapitalsOnlyWhenAsked() {
        let text = Array("Case Report and literature review".utf8)
        #expect(ByteSearch.occurs(Array("case report".utf8), in: text, ignoringCase: true))
        #expect(!ByteSearch.occurs(Array("case report".utf8), in: text))
        // Folding applies to the text; a needle given in capitals finds nothing when folded.
        #expect(!ByteSearch.occurs(Array("CASE".utf8), in: text, ignoringCase: true))
        #expect(ByteSearch.occurs(Array("ü".utf8), in: "Glück", ignoringCase: true))
    }

    @Test func emptyAndLongerNeedles() {
        #expect(ByteSearch.occurs([], in: [UInt8]()))
        #expect(!ByteSearch.occurs(Array("abc".utf8), in: Array("ab".utf8)))
        [UInt8](repeating: 0x61, count: 4).withUnsafeBufferPointer { bytes in
            #expect([UInt8]().withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: bytes, 2..<4) } == 2)
        }
    }
}
