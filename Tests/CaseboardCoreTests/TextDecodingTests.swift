import CaseboardCore
import Testing

struct TextDecodingTests {
    private func decode(_ bytes: [UInt8]) -> (String, SourceMap, [TextBuilder.Repair]) {
        var builder = TextBuilder()
        bytes.withUnsafeBufferPointer { builder.appendDecoding($0, sourceOffset: 0) }
        let (text, map) = builder.build()
        return (text, map, builder.repairs)
    }

    @Test func validUTF8PassesUnchanged() {
        let input = "Résumé: 5 µg, ≥3 cycles, 漢字 😀"
        let (text, map, repairs) = decode(Array(input.utf8))
        #expect(text == input)
        #expect(repairs.isEmpty)
        #expect(map.isIdentity)
    }

    @Test func repairsWindows1252Mojibake() {
        // "after 41 days" with a thin space (U+2009) that was decoded as Windows-1252.
        let input = "after 41\u{00E2}\u{20AC}\u{2030}days"
        let (text, map, repairs) = decode(Array(input.utf8))
        #expect(text == "after 41\u{2009}days")
        #expect(repairs.map(\.kind) == [.mojibake])
        // The repaired thin space (3 bytes) maps back to the 8 bytes of "â€‰".
        let thinSpace = 8..<11
        #expect(map.sourceRange(ofText: thinSpace) == 8..<16)
        #expect(map.sourceRange(ofText: 11..<15) == 16..<20)
    }

    @Test func repairsTwoByteMojibake() {
        let (text, _, repairs) = decode(Array("caf\u{00C3}\u{00A9} and 37\u{00C2}\u{00B0}C".utf8))
        #expect(text == "café and 37°C")
        #expect(repairs.count == 2)
    }

    @Test func leavesLegitimateLatin1TextAlone() {
        let input = "Ångström, naïve, São Paulo, Â alone"
        let (text, _, repairs) = decode(Array(input.utf8))
        #expect(text == input)
        #expect(repairs.isEmpty)
    }

    @Test func replacesInvalidBytesWithReplacementCharacter() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xFE] + Array(" then ".utf8) + [0xC3] + Array("\nend".utf8)
        let (text, map, repairs) = decode(bytes)
        #expect(text == "ok \u{FFFD} then \u{FFFD}\nend")
        #expect(repairs.map(\.kind) == [.invalidBytes, .invalidBytes])
        #expect(repairs[0].sourceRange == 3..<5)
        #expect(map.sourceRange(ofText: 3..<6) == 3..<5)
    }

    @Test func rejectsOverlongAndSurrogateEncodings() {
        let overlong: [UInt8] = [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80]
        let (text, _, repairs) = decode(overlong)
        #expect(!text.contains("/"))
        #expect(!repairs.isEmpty)
    }

    @Test func warningsNameFileLineAndColumn() throws {
        let bytes: [UInt8] = Array("line one\nline two \u{00E2}\u{20AC}\u{2122}s\nbad ".utf8) + [0xFF]
        var builder = TextBuilder()
        let warnings = bytes.withUnsafeBufferPointer { buffer in
            builder.appendDecoding(buffer, sourceOffset: 0)
            return builder.repairWarnings(file: "case.txt", input: buffer)
        }
        #expect(warnings.count == 2)
        let invalid = try #require(warnings.first)
        #expect(invalid.position?.line == 3)
        #expect(invalid.position?.column == 5)
        #expect(invalid.description.hasPrefix("case.txt:3:5: warning:"))
        #expect(builder.build().text.contains("two \u{2122}s") == false)
        #expect(builder.build().text.contains("two \u{2019}s"))
    }
}
