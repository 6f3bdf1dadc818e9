import CaseboardCore
import Testing

struct SourceMapTests {
    @Test func identityMapsEveryOffsetToItself() {
        let map = SourceMap.identity(length: 10)
        #expect(map.sourceOffset(ofText: 7) == 7)
        #expect(map.sourceRange(ofText: 2..<5) == 2..<5)
    }
}
