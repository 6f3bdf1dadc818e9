import Foundation
import Testing

/// `caseboard annotate` end to end: the built binary on invented files, a fresh seeded store per test.
struct AnnotateCommandTests {
    /// Invented samples: an EGFR-driven lung adenocarcinoma, a KRAS hotspot, a silent change, and an ALK fusion.
    static let maf = """
        #version 2.4
        Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\tMy_Own_Column
        EGFR\tMissense_Mutation\tINV-1\tp.L858R\tkeep-me-1
        TP53\tSilent\tINV-1\tp.P72=\tkeep-me-2
        KRAS\tMissense_Mutation\tINV-2\tp.G12C\tkeep-me-3

        """
    static let fusions = "Tumor_Sample_Barcode\tFusion\nINV-3\tEML4--ALK\n"
    static let clinical = "SAMPLE_ID\tONCOTREE_CODE\nINV-1\tLUAD\nINV-2\tLUAD\nINV-3\tLUAD\n"

    static func files() throws -> (maf: String, fusions: String, clinical: String, db: String) {
        let maf = try CLI.temporaryFile(named: "invented.maf", Data(Self.maf.utf8))
        let fusions = try CLI.temporaryFile(named: "fusions.txt", Data(Self.fusions.utf8))
        let clinical = try CLI.temporaryFile(named: "clinical.txt", Data(Self.clinical.utf8))
        let db = maf.deletingLastPathComponent().appendingPathComponent("kb.sqlite").path
        return (maf.path, fusions.path, clinical.path, db)
    }

    @Test func samplesAreMatchedAsWholeProfilesAndEveryOneIsAccountedFor() async throws {
        let files = try Self.files()
        let result = try await CLI.run(["annotate", files.maf, files.fusions, "--clinical", files.clinical, "--format", "jsonl", "--db", files.db])
        #expect(result.status == 0, "\(result.stderr)")
        let samples = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(samples.compactMap { $0["sample"] as? String } == ["INV-1", "INV-2", "INV-3"])
        let egfr = try #require(samples.first)
        let options = try #require(egfr["options"] as? [[String: Any]])
        let drugs = options.compactMap { ($0["drugs"] as? [String])?.joined(separator: "+") }
        #expect(drugs.contains("osimertinib"), "\(drugs)")
        #expect(options.first?["level"] as? String == "A")
        // The summary per file: the silent change is counted, never dropped.
        #expect(result.stderr.contains("read 3, annotated 2, not annotatable 1 (non_protein_change 1), malformed 0"), "\(result.stderr)")
    }

    @Test func rowsKeepTheInputColumnsInOrderAndAppendTheAnnotation() async throws {
        let files = try Self.files()
        let result = try await CLI.run(["annotate", files.maf, "--clinical", files.clinical, "--rows", "--db", files.db])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let input = Self.maf.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "#version 2.4")
        let header = lines[1].components(separatedBy: "\t")
        #expect(Array(header.prefix(5)) == input[1].components(separatedBy: "\t"))
        #expect(header.dropFirst(5).first == "CASEBOARD_ALTERATION")
        for index in 2...4 {
            #expect(lines[index].hasPrefix(input[index] + "\t"), "line \(index + 1) keeps its input columns")
        }
        func field(_ line: Int, _ column: String) throws -> String {
            let position = try #require(header.firstIndex(of: column))
            return lines[line].components(separatedBy: "\t")[position]
        }
        #expect(try field(2, "CASEBOARD_ALTERATION") == "EGFR L858R")
        #expect(try field(2, "CASEBOARD_STATUS") == "annotated")
        #expect(try field(2, "HIGHEST_SENSITIVE_LEVEL") == "A")
        #expect(try field(2, "DRUGS_BY_LEVEL").contains("osimertinib"))
        #expect(try !field(2, "EVIDENCE_IDS").isEmpty)
        #expect(try field(3, "CASEBOARD_STATUS") == "not_annotatable: non_protein_change")
        #expect(try field(4, "HOTSPOT") == "yes")
    }

    @Test func theHTMLReportIsSelfContainedWithAGridAndNoScript() async throws {
        let files = try Self.files()
        let result = try await CLI.run(["annotate", files.maf, files.fusions, "--clinical", files.clinical, "--format", "html", "--db", files.db])
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<table class=\"grid\">"))
        #expect(html.contains("href=\"#s-INV-1\""))
        #expect(html.contains("id=\"s-INV-3\""))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http"))
    }

    @Test func aMalformedRowIsWarnedWithItsLineAndTheExitCodeIsOne() async throws {
        let files = try Self.files()
        let broken = try CLI.temporaryFile(named: "broken.maf", Data((Self.maf + "EGFR\n").utf8))
        let result = try await CLI.run(["annotate", broken.path, "--disease", "LUAD", "--db", files.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.maf:6"), "\(result.stderr)")
        #expect(result.stderr.contains("malformed 1"))
    }

    @Test func rowOutputIsTSVOnly() async throws {
        let files = try Self.files()
        let result = try await CLI.run(["annotate", files.maf, "--rows", "--format", "html", "--db", files.db])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--rows goes with --format tsv"), "\(result.stderr)")
    }

    @Test func matchTakesAPhenopacketAsThePatient() async throws {
        let files = try Self.files()
        let exported = try await CLI.run([
            "export", "--format", "phenopacket", try CLI.temporaryFile(named: "case.json", ExportCommandTests.extracted).path,
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        let packet = try CLI.temporaryFile(named: "patient.json", Data(exported.stdout.utf8))
        let result = try await CLI.run(["match", "--phenopacket", packet.path, "--format", "json", "--db", files.db])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let disease = try #require(object["disease"] as? [String: Any])
        #expect(disease["code"] as? String == "LUAD")
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.contains { ($0["drugs"] as? [String]) == ["osimertinib"] })
    }
}
