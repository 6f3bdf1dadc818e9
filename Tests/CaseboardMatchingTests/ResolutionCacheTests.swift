import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

struct ResolutionCacheTests {
    /// Known and unknown diseases and alterations, repeated, in several spellings.
    static let profiles: [PatientProfile] = [
        PatientProfile(
            disease: "myeloid sarcoma",
            alterations: ["FLT3-ITD", "FLT3 D835H"],
            priorTherapies: [PriorTherapy(drugs: ["sorafenib"], response: "PD")]
        ),
        PatientProfile(disease: "AML", alterations: ["FLT3-ITD", "IDH1 R132H", "NRAS G12D"]),
        PatientProfile(disease: "sarcoma", alterations: ["NTRK1 fusion"]),
        PatientProfile(disease: "relapsed AML with skin involvement", alterations: ["FLT3 ITD"]),
        PatientProfile(disease: "lung adenocarcinomma", alterations: ["EGFR exon 19 deletion", "FLT9 D835H", "FLT3 banana"]),
        PatientProfile(disease: "NSCLC", alterations: ["EGFR T790M", "BCR-ABL1 T315I"]),
        PatientProfile(disease: "inflammatory myofibroblastic tumor", alterations: ["EML4::ALK"]),
    ]

    /// A shared cache, even one so small that it keeps clearing itself, answers every profile
    /// exactly as a matcher reading each input afresh; unknown inputs still report problems
    /// when their reading comes from the cache.
    @Test(arguments: [1, 3, 4_096])
    func cachedReadingsAnswerLikeFreshOnes(capacity: Int) throws {
        let fresh = try Fixture.matcher.get()
        let cache = ResolutionCache(capacity: capacity)
        let cached = Matcher(vocabularies: fresh.vocabularies, index: fresh.index, cache: cache)
        for round in 0..<3 {
            for profile in Self.profiles {
                let expected = Matcher(vocabularies: fresh.vocabularies, index: fresh.index).match(profile)
                let answer = cached.match(profile)
                #expect(answer == expected, "round \(round), \(profile)")
            }
        }
        let misspelled = cached.match(Self.profiles[4])
        #expect(misspelled.problems.map(\.field) == ["disease", "alterations[1]", "alterations[2]"])
    }

    /// Matchers built later over a changed index share what earlier ones read.
    @Test func aCacheOutlivesItsMatcher() throws {
        let base = try Fixture.matcher.get()
        let cache = ResolutionCache()
        let profile = PatientProfile(disease: "sarcoma", alterations: ["NTRK1 fusion"])
        _ = Matcher(vocabularies: base.vocabularies, index: base.index, cache: cache).match(profile)
        let emptied = KnowledgeIndex(evidence: [], cases: [], classRules: [], snapshot: "empty")
        let later = Matcher(vocabularies: base.vocabularies, index: emptied, cache: cache).match(profile)
        #expect(later.options.isEmpty)
        #expect(later.alterations.map(\.label) == ["NTRK1 fusion"])
        #expect(later.disease?.code == "SARCNOS")
    }
}
