import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Testing

/// Checks the curated approvals table as a curator would: every row loads, names known drugs and
/// diseases, carries its source and approval date, and the currency gaps stay closed.
struct ApprovalsTableTests {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CaseboardKnowledge/Resources/evidence/approvals.tsv")

    static let columns = [
        "id", "gene", "alteration", "scope", "disease", "exclude", "drugs", "significance", "level", "setting", "preference", "approved",
        "source_type", "source", "notes",
    ]

    /// Rows written the clinical way that today's alteration parser cannot read yet (IHC grades,
    /// HLA types, and `A & B` combinations); they load once the parser learns them.
    static let waitingForParser: Set<String> = ["CB-0147", "CB-0372", "CB-0373", "CB-0374", "CB-0406", "CB-0407"]

    struct Row {
        let line: Int
        let fields: [String: String]
        subscript(_ column: String) -> String { fields[column] ?? "" }
    }

    static func rows() throws -> (header: [String], rows: [Row]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var header: [String] = []
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty {
                header = fields
                continue
            }
            rows.append(Row(line: index + 1, fields: Dictionary(uniqueKeysWithValues: zip(header, fields))))
            #expect(fields.count == header.count, "line \(index + 1) has \(fields.count) columns")
        }
        return (header, rows)
    }

    @Test func headerIsTheSharedSchema() throws {
        #expect(try Self.rows().header == Self.columns)
    }

    @Test func everyRowLoadsExceptThoseWaitingForTheParser() throws {
        let vocabularies = try Shared.vocabularies.get()
        let (_, rows) = try Self.rows()
        let failing = Set(
            rows.filter { row in
                // "A & B" rows need every part (the loader reads them as an AND profile), and so does
                // each alteration of an "unless C | D" list.
                let pieces = row["alteration"].components(separatedBy: " unless ")
                let parts = pieces[0].components(separatedBy: " & ") + (pieces.count > 1 ? pieces[1].components(separatedBy: " | ") : [])
                return parts.contains { part in
                    guard case .success = vocabularies.parseAlteration(part) else { return true }
                    return false
                }
            }.map { $0["id"] }
        )
        #expect(failing.subtracting(Self.waitingForParser).isEmpty, "unparseable: \(failing.subtracting(Self.waitingForParser).sorted())")

        let (items, report) = try CuratedEvidence.parse(String(contentsOf: Self.url, encoding: .utf8), vocabularies: vocabularies)
        #expect(items.count == rows.count - failing.count)
        #expect(report.skippedTotal == failing.count)
        #expect(Set(report.skipped.keys).isSubset(of: ["unparseable alteration"]))
        #expect(report.warnings["drug not in the vocabulary"] == nil)
    }

    @Test func idsAreUniqueAndInTheApprovalsRange() throws {
        let ids = try Self.rows().rows.map { $0["id"] }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let number = id.hasPrefix("CB-") ? Int(id.dropFirst(3)) : nil
            // CB-0001..3999 for the main table; CB-5000..9999 for rows added by the hold-out audits,
            // which run on parallel branches in blocks of their own so their ids never collide.
            #expect(id.count == 7 && number.map { (1...3999).contains($0) || (5000...9999).contains($0) } == true, "bad id \(id)")
        }
    }

    @Test func drugsDiseasesAndClosedSetsAreKnown() throws {
        let vocabularies = try Shared.vocabularies.get()
        let scopes: Set = [
            "allele", "codon", "region", "mutation", "fusion", "fusion-partner", "amplification", "deletion", "expression", "signature",
        ]
        let significances: Set = ["sensitivity", "resistance", "reduced sensitivity", "contraindicated"]
        let preferences: Set = ["", "preferred", "recommended", "circumstances"]
        let sourceTypes: Set = ["FDA label", "NCCN", "ESMO", "ELN", "PubMed", "ASCO"]
        let lines: Set = ["first-line", "second-line", "maintenance", "consolidation", "adjuvant", "neoadjuvant", "any"]
        for row in try Self.rows().rows {
            let id = row["id"]
            for drug in row["drugs"].components(separatedBy: " + ") {
                #expect(vocabularies.drug(inn: drug) != nil, "\(id): drug \(drug) not in the vocabulary")
            }
            let disease = row["disease"]
            #expect(["tumor-agnostic", "solid-tumors"].contains(disease) || vocabularies.disease(code: disease) != nil, "\(id): disease \(disease)")
            for code in row["exclude"].split(separator: "|") {
                #expect(vocabularies.disease(code: String(code)) != nil, "\(id): excluded code \(code)")
            }
            #expect(scopes.contains(row["scope"]), "\(id): scope \(row["scope"])")
            #expect(significances.contains(row["significance"]), "\(id): significance")
            #expect(["A", "B", "C", "D"].contains(row["level"]), "\(id): level")
            #expect(preferences.contains(row["preference"]), "\(id): preference")
            #expect(row["preference"].isEmpty || row["significance"] == "sensitivity", "\(id): preference on a non-sensitivity row")
            #expect(sourceTypes.contains(row["source_type"]), "\(id): source type")
            for part in row["setting"].split(separator: ";") {
                // `state:NAME`: a state of the disease the row is for (castration-resistant, non-metastatic).
                if part.hasPrefix("state:") {
                    #expect(DiseaseState(rawValue: String(part.dropFirst(6))) != nil, "\(id): setting \(part)")
                    continue
                }
                #expect(lines.contains(String(part)) || part.hasPrefix("after:") && part.count > 6, "\(id): setting \(part)")
                // `after:2 lines`: a count of prior lines, no drug named.
                if part.hasPrefix("after:"), part.hasSuffix(" lines"), Int(part.dropFirst(6).dropLast(6)) != nil { continue }
                if part.hasPrefix("after:") {
                    // `after:A|B` (one of them), `after:A&B` (all of them) or `after:2 of A|B|C` (two of them).
                    var list = part.dropFirst(6)
                    if let of = list.range(of: " of "), Int(list[..<of.lowerBound]) != nil { list = list[of.upperBound...] }
                    for drug in list.split(whereSeparator: { $0 == "|" || $0 == "&" }) {
                        #expect(vocabularies.drug(inn: String(drug)) != nil, "\(id): setting drug \(drug)")
                    }
                }
            }
        }
    }

    @Test func everyRowCitesItsSourceAndLabelRowsCarryTheirDate() throws {
        let date = /(withdrawn:)?\d{4}(-\d{2}(-\d{2})?)?/
        let labelSource = /FDA label: .+ \(.+\), \d{4}/
        for row in try Self.rows().rows {
            let id = row["id"]
            #expect(!row["source"].isEmpty, "\(id): no source")
            #expect(row["approved"].isEmpty || row["approved"].wholeMatch(of: date) != nil, "\(id): approved \(row["approved"])")
            if row["source_type"] == "FDA label" {
                #expect(row["source"].wholeMatch(of: labelSource) != nil, "\(id): source \(row["source"])")
                #expect(!row["approved"].isEmpty, "\(id): FDA label row without an approval date")
            }
        }
    }

    @Test func theIssueGapsAreClosed() throws {
        let rows = try Self.rows().rows
        func find(_ drug: String, _ disease: String) -> [Row] { rows.filter { $0["drugs"] == drug && $0["disease"] == disease } }
        // Dordaviprone for H3 K27M diffuse midline glioma (2025).
        let dordaviprone = find("dordaviprone", "DMG")
        #expect(dordaviprone.contains { $0["alteration"] == "H3-3A K28M" && $0["approved"].hasPrefix("2025-08") })
        // First-line asciminib for newly diagnosed Ph+ CML in chronic phase (2024).
        #expect(find("asciminib", "CML").contains { $0["setting"] == "first-line" && $0["approved"] == "2024-10-29" })
        // Zanidatamab for HER2-positive biliary cancer, reachable from IHC 3+ and from amplification.
        let zanidatamab = find("zanidatamab", "BILIARY_TRACT")
        #expect(Set(zanidatamab.map { $0["scope"] }) == ["expression", "amplification"])
    }

    @Test func rowsScopedAsTheIssueAsks() throws {
        let rows = try Self.rows().rows
        // Tumour-agnostic BRAF V600E dabrafenib + trametinib leaves out colorectal cancer.
        let agnostic = rows.first { $0["drugs"] == "dabrafenib + trametinib" && $0["disease"] == "solid-tumors" }
        #expect(agnostic?["exclude"] == "COADREAD")
        // Lapatinib + letrozole needs hormone receptor-positive, HER2-positive breast cancer.
        let lapatinib = rows.first { $0["drugs"] == "lapatinib + letrozole" }
        #expect(lapatinib?["disease"] == "BRCA" && lapatinib?["alteration"].contains("ESR1 expression") == true)
        // KRAS G12C inhibitors cover the exact allele only.
        for row in rows where row["drugs"].contains("sotorasib") || row["drugs"].contains("adagrasib") {
            if row["significance"] == "sensitivity" { #expect(row["scope"] == "allele", "\(row["id"])") }
        }
        // First-line EGFR: osimertinib is preferred, first-generation TKIs are other recommended.
        let firstLineEGFR = rows.filter { $0["alteration"] == "EGFR L858R" && $0["setting"] == "first-line" }
        #expect(firstLineEGFR.first { $0["drugs"] == "osimertinib" }?["preference"] == "preferred")
        #expect(firstLineEGFR.first { $0["drugs"] == "gefitinib" }?["preference"] == "recommended")
    }
}
