import Foundation
import Testing

struct KnowledgeCommandTests {
    static func freshDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("nested/kb.sqlite").path
    }

    static let civic = Data(
        """
        gene\tvariant\tdisease\tdoid\tdrugs\tdrug_interaction_type\tevidence_type\tevidence_direction\tevidence_level\tclinical_significance\tevidence_statement\tcitation_id\tsource_type\tcitation\trating\tevidence_status\tevidence_id
        FLT3\tD835\tAcute Myeloid Leukemia\t9119\tSorafenib\t\tPredictive\tSupports\tB\tResistance\tInvented statement.\t1\tPubMed\tx\t4\taccepted\t7001
        FLT3\tfrobbed\tAcute Myeloid Leukemia\t9119\tSorafenib\t\tPredictive\tSupports\tB\tResistance\t\t2\tPubMed\tx\t4\taccepted\t7002

        """.utf8
    )

    @Test func freshDatabaseIsCreatedAndSeededOnFirstUse() async throws {
        let db = try Self.freshDatabase()
        let result = try await CLI.run(["kb", "stats", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(((stats["evidence_by_source"] as? [String: Int])?["curated"] ?? 0) >= 400)
        // The bundled CIViC release comes with every new database.
        #expect(((stats["evidence_by_source"] as? [String: Int])?["civic"] ?? 0) > 3_000)
        #expect((stats["knowledge_as_of"] as? String)?.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
        let releases = try #require(stats["releases"] as? [[String: Any]])
        let civic = try #require(releases.first { $0["source"] as? String == "civic" })
        #expect(civic["date"] as? String == "2021-08-01")
        #expect(civic["origin"] as? String == "bundled")
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func statsNameEachSourcesReleaseAndTheKnowledgeDate() async throws {
        let db = try Self.freshDatabase()
        let result = try await CLI.run(["kb", "stats", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.wholeMatch(of: /knowledge as of \d{4}-\d{2}-\d{2}/) != nil }, "\(result.stdout)")
        #expect(lines.contains { $0.wholeMatch(of: #/  curated: \d+ items, version \S+, as of \d{4}-\d{2}-\d{2}/#) != nil }, "\(result.stdout)")
        #expect(
            lines.contains {
                $0.wholeMatch(of: #/  civic: \d{4} items, release 2021-08-01 \(bundled, 01-Aug-2021-ClinicalEvidenceSummaries\.tsv\.gz\)/#) != nil
            },
            "\(result.stdout)"
        )
        #expect(lines.contains("  case: 0 items"))
    }

    @Test func aCIViCImportReplacesTheBundledReleaseAndRecordsItsDate() async throws {
        let db = try Self.freshDatabase()
        let file = try CLI.temporaryFile(named: "01-Jan-2030-ClinicalEvidenceSummaries.tsv", Self.civic)
        let imported = try await CLI.run(["kb", "import", "civic", file.path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("release 2030-01-01; replaced bundled release 2021-08-01"), "\(imported.stdout)")
        let stats = try await CLI.run(["kb", "stats", "--db", db])
        #expect(
            stats.stdout.contains("  civic: 1 item, release 2030-01-01 (imported, 01-Jan-2030-ClinicalEvidenceSummaries.tsv)\n"),
            "\(stats.stdout)"
        )
        // A file with no usable row leaves the store as it was.
        let empty = try CLI.temporaryFile(
            named: "civic.tsv",
            Data(String(decoding: Self.civic, as: UTF8.self).replacingOccurrences(of: "\tD835\t", with: "\tfrobbed\t").utf8)
        )
        let failed = try await CLI.run(["kb", "import", "civic", empty.path, "--db", db])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("no usable CIViC evidence"))
        #expect(try await CLI.run(["kb", "stats", "--db", db]).stdout.contains("  civic: 1 item, release 2030-01-01"))
        // A release date the file name lacks can be given.
        let dateless = try await CLI.run([
            "kb", "import", "civic", try CLI.temporaryFile(named: "civic.tsv", Self.civic).path, "--release", "2031-02-03", "--db", db,
        ])
        #expect(dateless.status == 0, "\(dateless.stderr)")
        #expect(try await CLI.run(["kb", "stats", "--db", db]).stdout.contains("  civic: 1 item, release 2031-02-03 (imported, civic.tsv)"))
        #expect(try await CLI.run(["kb", "import", "civic", file.path, "--release", "2031-02-30", "--db", db]).status == 2)
        #expect(try await CLI.run(["kb", "import", "cases", file.path, "--release", "2031-02-03", "--db", db]).status == 2)
    }

    @Test func civicImportReportsSkipsAndIsIdempotent() async throws {
        let db = try Self.freshDatabase()
        let file = try CLI.temporaryFile(named: "civic.tsv", Self.civic)
        let first = try await CLI.run(["kb", "import", "civic", file.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 1 CIViC evidence item(s)"))
        #expect(first.stdout.contains("skipped 1: unparseable variant or molecular profile"))
        _ = try await CLI.run(["kb", "import", "civic", file.path, "--db", db])
        let stats = try await CLI.run(["kb", "stats", "--db", db])
        #expect(stats.stdout.contains("civic 1"))
        let search = try await CLI.run(["kb", "search", "invented", "--db", db])
        #expect(search.stdout.contains("civic:EID7001"))
    }

    @Test func casesFromExtractImportAndBadLinesAreReported() async throws {
        let db = try Self.freshDatabase()
        let report = try CLI.temporaryFile(named: "case.md", ExtractCommandTests.report)
        let extracted = try await CLI.run(["extract", "--format", "jsonl", report.path])
        let cases = try CLI.temporaryFile(named: "cases.jsonl", Data((extracted.stdout + "{\"not\": \"a case\"}\n").utf8))
        let result = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(result.status == 1)
        #expect(result.stdout.contains("imported 1 case(s)"))
        #expect(result.stderr.contains("\(cases.path):2:1: error: not a case record: missing field"))
        let match = try await CLI.run(["match", "--disease", "IMT", "--alteration", "EML4-ALK", "--db", db])
        #expect(match.stdout.contains("Similar cases:"))
    }

    /// Cases go in batched transactions; a bad line deep in the file is still reported with its
    /// own line number, and every good case on either side of it is stored.
    @Test func largeCaseImportsAreBatchedAndKeepLineNumbers() async throws {
        let db = try Self.freshDatabase()
        var lines: [String] = []
        for number in 1...1_201 {
            if number == 777 {
                lines.append("{\"document\": 7}")
                continue
            }
            lines.append(
                #"{"document":"batch-\#(number).txt","diagnoses":[{"name":"aml","oncotree":"AML","code":"AML","canonical_name":"Acute Myeloid Leukemia"}],"#
                    + #""alterations":[{"gene":"FLT3","variant":"D835H","kind":"protein_change"}],"therapies":[{"drugs":["gilteritinib"],"response":"partial response"}]}"#
            )
        }
        let cases = try CLI.temporaryFile(named: "batch.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8))
        let result = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(result.status == 1)
        #expect(result.stdout.contains("imported 1200 case(s)"))
        #expect(result.stderr.contains("\(cases.path):777:1: error: not a case record"))
        let stats = try await CLI.run(["kb", "stats", "--db", db])
        #expect(stats.stdout.contains("cases: 1200"))
    }

    @Test func corruptDatabaseGivesAClearErrorAndIsLeftAlone() async throws {
        let db = try Self.freshDatabase()
        try FileManager.default.createDirectory(atPath: (db as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x42, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: db))
        let result = try await CLI.run(["kb", "stats", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains(db))
        #expect(result.stderr.contains("not a Caseboard database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == garbage)
    }
}

struct MatchCommandTests {
    @Test func matchesFromTheCommandLine() async throws {
        let db = try KnowledgeCommandTests.freshDatabase()
        let result = try await CLI.run(["match", "--disease", "CML", "--alteration", "BCR-ABL1 T315I", "--prior", "imatinib:PD", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("RESISTANCE ALERTS:"))
        #expect(result.stdout.contains("1. ponatinib") || result.stdout.contains("1. asciminib"))
    }

    @Test func profileFileGivesTheJSONContract() async throws {
        let db = try KnowledgeCommandTests.freshDatabase()
        let profile = try CLI.temporaryFile(
            named: "profile.json",
            Data(
                #"{"disease":"myeloid sarcoma","alterations":["FLT3 ITD","FLT3 D835H"],"prior_therapies":[{"drugs":["sorafenib"],"response":"progressive disease"}]}"#
                    .utf8
            )
        )
        let result = try await CLI.run(["match", "--format", "json", "--profile", profile.path, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(options.prefix(3).contains { ($0["drugs"] as? [String]) == ["gilteritinib"] })
        #expect(options.allSatisfy { ["same", "related", "other", "tumor-agnostic"].contains($0["disease_match"] as? String ?? "") })
        let alerts = try #require(json["resistance"] as? [[String: Any]])
        #expect(alerts.contains { ($0["drugs"] as? [String]) == ["sorafenib"] })
        #expect(json["similar_cases"] is [Any])
    }

    @Test func batchesReportBadItemsAndGoOn() async throws {
        let db = try KnowledgeCommandTests.freshDatabase()
        let lines = [
            #"{"disease":"NSCLC","alterations":["EGFR exon 19 deletion"]}"#, "{broken", #"{"disease":"NSCLC","alterations":["FTL3 D835H"]}"#,
        ]
        let profiles = try CLI.temporaryFile(named: "profiles.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8))
        let result = try await CLI.run(["match", "--profiles", profiles.path, "--db", db])
        #expect(result.status == 1)
        let output = result.stdout.split(separator: "\n")
        #expect(output.count == 2)
        #expect(output[0].contains("osimertinib"))
        #expect(result.stderr.contains("\(profiles.path):2:1: error: not a profile"))
        #expect(result.stderr.contains("did you mean FLT3"))
    }

    @Test func usageErrorsExitWithTwo() async throws {
        #expect(try await CLI.run(["match"]).status == 2)
        #expect(try await CLI.run(["match", "--profile", "a.json", "--disease", "AML"]).status == 2)
    }
}
