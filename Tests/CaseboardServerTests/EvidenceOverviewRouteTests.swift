import CaseboardVocabularies
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The evidence overview counts diseases by OncoTree code, named by OncoTree, not by the
/// free-text names sources give.
struct EvidenceOverviewRouteTests {
    @Test func diseaseCountsAreGroupedByOncoTreeCode() async throws {
        let vocabularies = try Harness.vocabularies.get()
        try await Harness.app().test(.router) { client in
            let overview = try await client.execute(uri: "/api/evidence-overview", method: .get) { response in
                #expect(response.status == .ok)
                return try Harness.json(response.body)
            }
            let diseases = try #require(overview["by_disease"] as? [[String: Any]])
            let coded = diseases.filter { $0["code"] != nil }
            #expect(coded.count >= 5, "the seeded knowledge base has evidence for many OncoTree codes: \(diseases)")
            let codes = coded.compactMap { $0["code"] as? String }
            #expect(Set(codes).count == codes.count, "a code counted twice: \(codes)")
            for entry in coded {
                let code = try #require(entry["code"] as? String)
                #expect(entry["name"] as? String == vocabularies.disease(code: code)?.name, "\(code) is not named as OncoTree names it")
            }
            // Only the catch-alls have no code.
            let uncoded = Set(diseases.filter { $0["code"] == nil }.compactMap { $0["name"] as? String })
            #expect(uncoded.isSubset(of: ["other", "tumour-agnostic", "no OncoTree code"]), "\(uncoded)")
        }
    }
}
