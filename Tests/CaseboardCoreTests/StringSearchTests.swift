import CaseboardCore
import Testing

struct StringSearchTests {
    @Test(arguments: [
        ("  FLT3 D835H \n", "FLT3 D835H"), ("\t\n ", ""), ("", ""), ("a", "a"), (" naïve ", "naïve"), ("\u{00A0}KIT\u{2003}", "KIT"),
    ])
    func trimsWhitespaceAtBothEnds(input: String, expected: String) {
        #expect(input.trimmingWhitespace == expected)
    }

    @Test func trimsAChosenSet() {
        #expect(" -: D835H/ ".trimming { " -:/".unicodeScalars.contains($0) } == "D835H")
        #expect("---".trimming { $0 == "-" } == "")
    }

    @Test func findsByteSubstrings() {
        #expect("ph+ philadelphia positive".containsBytes(of: "philadelphia"))
        #expect("t(9;22)(q34;q11)".containsBytes(of: "t(9;22)"))
        #expect(!"philadelphi".containsBytes(of: "philadelphia"))
        #expect("anything".containsBytes(of: ""))
        #expect(!"".containsBytes(of: "x"))
        #expect("ééx".containsBytes(of: "éx"))
    }

    @Test func findsByteRangesFromAStart() {
        let text = "no neuropathy; neuropathy grade 2"
        let first = text.firstByteRange(of: "neuropathy")
        #expect(first.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 3)
        let second = first.flatMap { text.firstByteRange(of: "neuropathy", from: $0.upperBound) }
        #expect(second.map { String(text[$0]) } == "neuropathy")
        #expect(second.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 15)
        #expect(second.flatMap { text.firstByteRange(of: "neuropathy", from: $0.upperBound) } == nil)
        // Multi-byte scalars before the match: the range is still the needle's own characters.
        let accented = "café naïve lymphoma"
        #expect(accented.firstByteRange(of: "lymphoma").map { String(accented[$0]) } == "lymphoma")
        #expect(accented.firstByteOffset(of: "naïve") == 6)
        #expect("abc".firstByteOffset(of: "c", from: 3) == nil)
        // A substring searches its own bytes, counted from its own start.
        let tail = "xxQTc 480"[...].dropFirst(2)
        #expect(tail.firstByteOffset(of: "480") == 4)
    }
}
