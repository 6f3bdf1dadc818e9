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
}
