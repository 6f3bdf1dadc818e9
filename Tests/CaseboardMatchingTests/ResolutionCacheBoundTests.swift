import CaseboardCore
import CaseboardVocabularies
import Testing

@testable import CaseboardMatching

struct ResolutionCacheBoundTests {
    /// Distinct profiles by the thousand, as a hostile client would send, leave the cache no
    /// larger than its capacity per table.
    @Test func aFloodOfDistinctProfilesStaysBounded() throws {
        let fixture = try Fixture.matcher.get()
        let cache = ResolutionCache(capacity: 32)
        let matcher = Matcher(vocabularies: fixture.vocabularies, index: fixture.index, cache: cache)
        var largest = 0
        for number in 0..<300 {
            _ = matcher.match(PatientProfile(disease: "tumour number \(number)", alterations: ["FLT3 D\(number)H", "GENE\(number) fusion"]))
            largest = max(largest, cache.count)
        }
        #expect(largest <= 3 * 32)
        #expect(largest >= 64, "the flood filled the alteration and disease tables")
    }

    /// Eviction drops the least recently used reading, so one in steady use is read once
    /// however many one-off readings pass through.
    static let unknown = DiseaseReading(input: "", resolution: .unknown(suggestions: []), biomarkers: [], modifiers: [])

    @Test func readingsInSteadyUseSurviveAFlood() {
        let cache = ResolutionCache(capacity: 16)
        var hotReads = 0
        var oneOffReads = 0
        for number in 0..<5_000 {
            _ = cache.disease("acute myeloid leukemia") {
                hotReads += 1
                return Self.unknown
            }
            _ = cache.disease("one-off \(number)") {
                oneOffReads += 1
                return Self.unknown
            }
        }
        #expect(hotReads == 1)
        #expect(oneOffReads == 5_000)
        #expect(cache.count == 16)
        // The most recent one-off readings are still held; the oldest are gone.
        var reread = 0
        _ = cache.disease("one-off 4999") {
            reread += 1
            return Self.unknown
        }
        _ = cache.disease("one-off 0") {
            reread += 1
            return Self.unknown
        }
        #expect(reread == 1)
    }
}
