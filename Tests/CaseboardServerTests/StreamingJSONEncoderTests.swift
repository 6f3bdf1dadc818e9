import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardServer
import CaseboardStoreSQLite
import Foundation
import Testing

/// The streaming encoder must write the same JSON as Foundation's encoder, value for value.
struct StreamingJSONEncoderTests {
    struct Awkward: Codable, Equatable {
        struct Empty: Codable, Equatable {}
        enum Kind: String, Codable { case first, second }
        var text = "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é 漢字 🧬"
        var empty = ""
        var missing: String? = nil
        var present: Int? = 7
        var numbers: [Double] = [0, 1, -2.5, 0.667, 1e-7, 123_456_789.125, 1e300]
        var integers: [Int64] = [.min, -1, 0, .max]
        var small: [UInt8] = [0, 255]
        var flags = [true, false]
        var nested: [[String: [Int]]] = [["a": [1, 2]], [:], ["b": []]]
        var kinds: [Kind] = [.first, .second]
        var nothing = Empty()
        var optionals: [String?] = ["x", nil]
        var data = Data([0, 1, 2, 250])
        var url = URL(string: "https://pubmed.ncbi.nlm.nih.gov/12345/")!
        var float: Float = 0.5
    }

    /// A hand-written `encode(to:)` that uses nested containers and asks for its container twice.
    struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case name, inner, list, after }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("outer", forKey: .name)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("deep", forKey: .name)
            var list = inner.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encodeNil()
            var again = encoder.container(keyedBy: Keys.self)
            try again.encode(true, forKey: .after)
        }
    }

    private func sameJSON(_ value: some Encodable) throws {
        let streamed = Data(try StreamingJSONEncoder().encode(value))
        let foundation = try JSONEncoder().encode(value)
        let left = try JSONSerialization.jsonObject(with: streamed, options: [.fragmentsAllowed]) as? NSObject
        let right = try JSONSerialization.jsonObject(with: foundation, options: [.fragmentsAllowed]) as? NSObject
        #expect(left != nil)
        #expect(left == right, "\(String(decoding: streamed, as: UTF8.self))")
    }

    @Test func awkwardValuesEncodeAsFoundationDoes() throws {
        try sameJSON(Awkward())
        try sameJSON(HandWritten())
        try sameJSON([Awkward(), Awkward()])
        try sameJSON("just a string")
        try sameJSON(42)
        try sameJSON([String: Int]())
        // Round trip through the decoder too.
        let decoded = try JSONDecoder().decode(Awkward.self, from: Data(try StreamingJSONEncoder().encode(Awkward())))
        #expect(decoded == Awkward())
    }

    @Test func caseboardResultsEncodeAsFoundationDoes() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let store = try SQLiteKnowledgeStore.inMemory()
        try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)
        let matcher = Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        for profile in [
            PatientProfile(
                disease: "myeloid sarcoma",
                alterations: ["FLT3-ITD", "FLT3 D835H"],
                priorTherapies: [PriorTherapy(drugs: ["sorafenib"], response: "PD")]
            ),
            PatientProfile(disease: "IMT", alterations: ["EML4::ALK", "nonsense"]),
            PatientProfile(disease: "no such disease", alterations: []),
        ] {
            try sameJSON(matcher.match(profile))
        }
        try sameJSON(try await store.evidence(matching: EvidenceFilter(gene: "ALK", limit: 30)))
        for profile in [
            PatientProfile(
                id: "p1",
                disease: "myeloid sarcoma",
                alterations: ["FLT3-ITD", "FLT3 D835H"],
                priorTherapies: [PriorTherapy(drugs: ["sorafenib"], response: "PD")]
            ),
            PatientProfile(
                disease: "IMT",
                alterations: ["EML4::ALK", "nonsense"],
                priorTherapies: [PriorTherapy(drugs: ["crizotinib"], response: "PR")]
            ),
            PatientProfile(disease: "no such disease", alterations: []),
        ] {
            try sameDirectJSON(matcher.match(profile))
        }
        try sameJSON(try await store.stats())
    }

    /// Match results skip `Codable` on the way out; their JSON must still be `Codable`'s.
    private func sameDirectJSON(_ result: MatchResult) throws {
        let direct = try JSONSerialization.jsonObject(with: Data(try result.jsonBytes())) as? NSObject
        let foundation = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(result)) as? NSObject
        #expect(direct != nil)
        #expect(direct == foundation)
    }

    @Test func aResultWithEveryFieldSetIsWrittenAsCodableWritesIt() throws {
        let reference: [String: Any] = [
            "id": "curated:1", "source": "curated", "level": "A", "significance": "sensitivity", "pmid": "123",
            "url": "https://pubmed.ncbi.nlm.nih.gov/123/", "citation": "A \"quoted\" label\nwith a newline", "disease": "AML",
            "profile": "FLT3 ITD", "disease_match": "tumor-agnostic", "match_specificity": "codon",
        ]
        let object: [String: Any] = [
            "id": "patient-7", "snapshot": "3-abc",
            "disease": ["input": "aml", "code": "AML", "name": "Acute Myeloid Leukemia"],
            "alterations": [["input": "FLT3-ITD", "label": "FLT3 ITD", "gene": "FLT3", "variant": "ITD"]],
            "problems": [["field": "alterations", "input": "FTL3", "message": "unknown gene; did you mean FLT3?"]],
            "options": [
                [
                    "rank": 1, "drugs": ["gilteritinib", "azacitidine"], "level": "A", "disease_match": "same", "alterations": ["FLT3 ITD"],
                    "match_specificity": "exact", "partner": "EML4", "evidence": [reference], "why": "because \\ reasons",
                    "prior_response": "PD", "demoted": "progressed", "tier": 2, "inferred": true, "preference": "preferred",
                    "setting_fit": "fits",
                ]
            ],
            "resistance": [["drugs": ["sorafenib"], "alteration": "FLT3 D835H", "evidence": [reference], "why": "TKD", "basis": "evidence"]],
            "not_recommended": [["drugs": ["sorafenib"], "reason": "progressedOn", "why": "progressed", "evidence": [reference]]],
            "signals": [
                [
                    "kind": "case-report", "drugs": ["osimertinib"], "alteration": "EGFR L858R", "count": 1, "cases": ["pmid:1"],
                    "spans": [["start": 3, "end": 9, "text": "a \"span\"", "section": "case"]], "evidence": [reference], "why": "one report",
                ]
            ],
            "similar_cases": [
                ["case": "pmid:1", "title": "A case \u{1F9EC}", "pmid": "1", "score": 0.667, "shared": ["FLT3 ITD"]],
                ["case": "doc:x", "score": 1, "shared": []],
            ],
        ]
        let result = try JSONDecoder().decode(MatchResult.self, from: try JSONSerialization.data(withJSONObject: object))
        try sameDirectJSON(result)
        #expect(try JSONDecoder().decode(MatchResult.self, from: Data(try result.jsonBytes())) == result)

        // Far beyond the writer's first allocation, so its storage has to grow several times.
        var large = result
        large.options = Array(repeating: result.options[0], count: 400)
        large.similarCases = Array(repeating: result.similarCases[0], count: 300)
        let bytes = try large.jsonBytes()
        #expect(bytes.count > 200_000)
        try sameDirectJSON(large)
    }

    /// The direct writer checks eight bytes at a time for what needs escaping: every ASCII byte
    /// at every offset within and around a word must still come out as `Codable` writes it.
    @Test func everyByteAtEveryOffsetIsEscapedLikeCodable() throws {
        var strings: [String] = []
        for byte in UInt8(0)...UInt8(127) {
            for offset in 0..<18 {
                var utf8 = Array(repeating: UInt8(ascii: "a"), count: 20)
                utf8[offset] = byte
                utf8[19] = 0xC3  // "é" as two bytes, across the last word
                utf8.append(0xA9)
                strings.append(String(decoding: utf8, as: UTF8.self))
            }
        }
        let object: [String: Any] = [
            "snapshot": "s", "alterations": [], "options": [], "resistance": [], "similar_cases": [],
            "problems": strings.map { ["field": $0, "input": String($0.prefix(9)), "message": String($0.suffix(3))] },
        ]
        let result = try JSONDecoder().decode(MatchResult.self, from: try JSONSerialization.data(withJSONObject: object))
        try sameDirectJSON(result)
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([1.0, .nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["x": Double.infinity]) }
    }
}
