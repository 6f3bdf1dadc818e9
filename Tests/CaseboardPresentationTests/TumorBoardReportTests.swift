import CaseboardMatching
import Foundation
import Testing

@testable import CaseboardPresentation

@Suite struct TumorBoardReportTests {
    static let profile = PatientProfile(
        disease: "myeloid sarcoma",
        alterations: ["FLT3 D835H", "<img src=x onerror=alert(1)>"],
        priorTherapies: [PriorTherapy(drugs: ["sorafenib"], response: "progressive disease")]
    )

    /// MatchResult has no public memberwise initializer; tests build it from contract JSON.
    static func result(why: String = "FLT3 D835 mutations respond to type I FLT3 inhibitors") throws -> MatchResult {
        let json: [String: Any] = [
            "snapshot": "kb-2025-01-31-abc123",
            "disease": ["input": "myeloid sarcoma", "code": "MS", "name": "Myeloid Sarcoma"],
            "alterations": [["input": "FLT3 D835H", "label": "FLT3 D835H", "gene": "FLT3", "variant": "D835H"]],
            "problems": [["field": "alterations[1]", "input": "<img src=x onerror=alert(1)>", "message": "not an alteration"]],
            "options": [
                [
                    "rank": 1, "drugs": ["gilteritinib"], "level": "A", "disease_match": "related", "alterations": ["FLT3 D835H"],
                    "match_specificity": "codon", "why": why,
                    "evidence": [
                        evidence(id: "civic:EID1234", pmid: "30280641"),
                        evidence(id: "curated:flt3-gilteritinib", pmid: "30280641"),
                    ],
                ],
                [
                    "rank": 2, "drugs": ["midostaurin"], "level": "B", "disease_match": "related", "alterations": ["FLT3 D835H"],
                    "match_specificity": "gene", "why": "FLT3-mutant AML", "evidence": [evidence(id: "civic:EID99", pmid: nil)],
                    "demoted": "gene-level match",
                ],
            ],
            "resistance": [
                [
                    "drugs": ["sorafenib"], "alteration": "FLT3 D835H", "why": "D835 mutations confer resistance to type II inhibitors",
                    "basis": "evidence", "evidence": [evidence(id: "civic:EID555", pmid: "19654408")],
                ]
            ],
            "similar_cases": [
                ["case": "case-17", "title": "Myeloid sarcoma & FLT3", "pmid": "31234567", "score": 0.75, "shared": ["FLT3 D835H", "MS"]]
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        return try JSONDecoder().decode(MatchResult.self, from: data)
    }

    static func evidence(id: String, pmid: String?) -> [String: Any] {
        var item: [String: Any] = [
            "id": id, "source": "civic", "level": "A", "significance": "sensitivity", "disease": "AML", "profile": "FLT3 D835H",
            "disease_match": "related", "match_specificity": "codon",
        ]
        if let pmid { item["pmid"] = pmid }
        return item
    }

    @Test func showsAlertsBeforeOptions() throws {
        let page = TumorBoardReport.html(profile: Self.profile, result: try Self.result(), generated: "2025-01-31 14:05 UTC")
        let alerts = try #require(page.range(of: "Resistance alerts (1)"))
        let options = try #require(page.range(of: "Therapy options (2)"))
        #expect(alerts.lowerBound < options.lowerBound)
        #expect(page.contains("Avoid or reconsider sorafenib"))
        #expect(page.contains("<td class=\"num\">1</td><td><strong>gilteritinib</strong>"))
        #expect(page.contains("Similar cases (1)") && page.contains("75%"))
        #expect(page.contains("kb-2025-01-31-abc123") && page.contains("2025-01-31 14:05 UTC"))
    }

    @Test func linksPubMedAndCIViC() throws {
        let page = TumorBoardReport.html(profile: Self.profile, result: try Self.result(), generated: "now")
        #expect(page.contains("href=\"https://pubmed.ncbi.nlm.nih.gov/30280641/\""))
        #expect(page.contains("href=\"https://civicdb.org/evidence/1234\""))
        #expect(page.contains("href=\"https://civicdb.org/evidence/99\""))
        #expect(page.contains("href=\"https://pubmed.ncbi.nlm.nih.gov/31234567/\""))
        // The same PMID cited twice in one option is linked once there.
        #expect(page.components(separatedBy: "pubmed.ncbi.nlm.nih.gov/30280641/").count == 2)
        // No other external links, and no scripts.
        let hrefs = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/") || $0.hasPrefix("https://civicdb.org/evidence/") })
        #expect(!page.contains("<script"))
    }

    @Test func escapesText() throws {
        let page = TumorBoardReport.html(
            profile: Self.profile,
            result: try Self.result(why: "<script>alert(\"x\")</script> & 'more'"),
            generated: "<b>now</b>"
        )
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>now"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"))
        #expect(page.contains("Myeloid sarcoma &amp; FLT3"))
    }

    @Test func rejectsMalformedEvidenceIds() {
        #expect(TumorBoardReport.pubMedURL("12345") == "https://pubmed.ncbi.nlm.nih.gov/12345/")
        #expect(TumorBoardReport.pubMedURL("123\"onclick") == nil)
        #expect(TumorBoardReport.civicURL("civic:EID42") == "https://civicdb.org/evidence/42")
        #expect(TumorBoardReport.civicURL("civic:EIDx") == nil)
        #expect(TumorBoardReport.civicURL("curated:1") == nil)
    }

    @Test func handlesAnEmptyResult() throws {
        let data = Data(#"{"alterations":[],"problems":[],"options":[],"resistance":[],"similar_cases":[],"snapshot":"s1"}"#.utf8)
        let result = try JSONDecoder().decode(MatchResult.self, from: data)
        let page = TumorBoardReport.html(profile: PatientProfile(disease: nil, alterations: []), result: result, generated: "t")
        #expect(page.contains("No resistance alerts"))
        #expect(page.contains("No therapy options"))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }
}

/// The printable report lists each option's citations, one per publication.
struct ReportCitationTests {
    @Test func eachOptionListsItsCitations() throws {
        let page = TumorBoardReport.html(profile: TumorBoardReportTests.profile, result: try TumorBoardReportTests.result(), generated: "now")
        let rows = page.components(separatedBy: "<tr><td class=\"num\">").dropFirst()
        #expect(rows.count == 2)
        for row in rows {
            #expect(row.contains("<ol class=\"citations\"><li>"), "an option without citations: \(row.prefix(80))")
        }
        // Two evidence items of one publication are one citation, with both ids.
        let first = try #require(rows.first)
        #expect(first.components(separatedBy: "<li>").count == 2)
        #expect(first.contains("PMID 30280641") && first.contains(">EID1234<") && first.contains("<code>curated:flt3-gilteritinib</code>"))
        #expect(page.contains("Citations: <ol class=\"citations\">"))
    }
}
