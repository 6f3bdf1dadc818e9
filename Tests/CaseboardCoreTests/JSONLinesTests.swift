import CaseboardCore
import Testing

struct JSONLinesTests {
    @Test func windowsLineEndsSplitLikeUnixOnes() {
        let lines = JSONLines.lines("{\"a\":1}\r\n{\"b\":2}\r\n")
        #expect(lines.map(\.text) == [#"{"a":1}"#, #"{"b":2}"#])
        #expect(lines.map(\.number) == [1, 2])
    }

    @Test func blankLinesAreSkippedAndNumbersKept() {
        let lines = JSONLines.lines("\n  {\"a\":1}\t\r\n\r\n \n{\"b\":2}")
        #expect(lines.map(\.text) == [#"{"a":1}"#, #"{"b":2}"#])
        #expect(lines.map(\.number) == [2, 5])
    }

    @Test func mixedLineEndsAndALoneCarriageReturnBeforeTheEnd() {
        let lines = JSONLines.lines("1\n2\r\n3\r\r\n")
        #expect(lines.map(\.text) == ["1", "2", "3"])
        #expect(lines.map(\.number) == [1, 2, 3])
    }
}
