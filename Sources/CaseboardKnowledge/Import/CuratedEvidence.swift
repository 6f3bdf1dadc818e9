import CaseboardCore
import CaseboardVocabularies
import Foundation

/// What an import did: how many items it produced and why it skipped the rest.
public struct ImportReport: Sendable, Codable, Hashable {
    public var imported: Int
    /// Skipped rows by reason.
    public var skipped: [String: Int]
    /// A few examples per reason, as "line N: text".
    public var examples: [String: [String]]
    /// Facts kept with a caveat, such as drug names not in the vocabulary.
    public var warnings: [String: Int]

    public init(imported: Int = 0, skipped: [String: Int] = [:], examples: [String: [String]] = [:], warnings: [String: Int] = [:]) {
        self.imported = imported
        self.skipped = skipped
        self.examples = examples
        self.warnings = warnings
    }

    mutating func skip(_ reason: String, line: Int, _ detail: String) {
        skipped[reason, default: 0] += 1
        if examples[reason, default: []].count < 3 { examples[reason, default: []].append("line \(line): \(detail)") }
    }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }
}

/// The team's curated table of FDA-approved and guideline-endorsed biomarker indications and
/// established resistance facts, shipped in this module's resources.
public enum CuratedEvidence {
    /// The table's version; a store seeded with an older one is re-seeded.
    public static let version = "2026-12-04-curated-2"

    /// The date up to which the table covers FDA approvals and guidelines: `kb stats` and
    /// `/api/version` report it as "knowledge as of".
    public static let asOf = "2026-12-04"

    /// The bundled table's evidence items.
    public static func load(vocabularies: Vocabularies) throws -> (items: [EvidenceItem], report: ImportReport) {
        // Foundation on Linux reports the bundle's "Resources" folder as its resource URL; on
        // Apple platforms it is the bundle root. Look in both.
        guard
            let url = Bundle.module.url(forResource: "approvals", withExtension: "tsv", subdirectory: "evidence")
                ?? Bundle.module.url(forResource: "approvals", withExtension: "tsv", subdirectory: "Resources/evidence")
        else {
            throw KnowledgeStoreError("the curated evidence table is missing from the CaseboardKnowledge resources")
        }
        return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self), vocabularies: vocabularies)
    }

    /// Parses a curated table: `id gene alteration disease drugs significance level
    /// source_type source notes`.
    public static func parse(_ text: String, vocabularies: Vocabularies) throws -> (items: [EvidenceItem], report: ImportReport) {
        let table = try DelimitedTable(text, name: "evidence/approvals.tsv")
        var report = ImportReport()
        var items: [EvidenceItem] = []
        for row in table.rows {
            let id = row["id"]
            let alterationText = row["alteration"]
            guard case .success(let alteration) = vocabularies.parseAlteration(alterationText) else {
                report.skip("unparseable alteration", line: row.line, alterationText)
                continue
            }
            guard let significance = Significance(rawValue: row["significance"]), let level = EvidenceLevel(rawValue: row["level"]) else {
                report.skip("unknown significance or level", line: row.line, "\(row["significance"]) \(row["level"])")
                continue
            }
            let diseaseCode = row["disease"]
            let disease: DiseaseReference
            if diseaseCode == "tumor-agnostic" {
                disease = DiseaseReference(name: "any solid tumour", tumorAgnostic: true)
            } else if let known = vocabularies.disease(code: diseaseCode) {
                disease = DiseaseReference(name: known.name, oncotree: known.code)
            } else {
                report.skip("unknown OncoTree code", line: row.line, diseaseCode)
                continue
            }
            let drugs = row["drugs"].components(separatedBy: " + ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for drug in drugs where vocabularies.drug(inn: drug) == nil { report.warnings["drug not in the vocabulary", default: 0] += 1 }
            let source = row["source"]
            let pmid = source.hasPrefix("PMID:") ? String(source.dropFirst(5)) : nil
            items.append(
                EvidenceItem(
                    id: "curated:\(id)",
                    source: .curated,
                    profile: MolecularProfile(name: alterationText, components: [AlterationPattern(alteration)]),
                    disease: disease,
                    drugs: drugs,
                    interaction: drugs.count > 1 ? .combination : nil,
                    level: level,
                    significance: significance,
                    citation: Citation(
                        pmid: pmid,
                        url: pmid.map { "https://pubmed.ncbi.nlm.nih.gov/\($0)/" },
                        label: source,
                        kind: row["source_type"]
                    ),
                    statement: row["notes"].isEmpty ? nil : row["notes"]
                )
            )
        }
        report.imported = items.count
        return (items, report)
    }
}

/// A tab-separated table with a header row; `#` lines are comments. Rows are read by
/// column name so column order and extra columns do not matter.
struct DelimitedTable {
    struct Row {
        let fields: [Substring]
        let columns: [String: Int]
        let line: Int

        subscript(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }

        func has(_ column: String) -> Bool { columns[column] != nil }
    }

    let columns: [String: Int]
    let rows: [Row]

    init(_ text: String, name: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().makeIterator()
        var header: [String]?
        var rows: [Row] = []
        var columns: [String: Int] = [:]
        while let (number, raw) = lines.next() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if header == nil {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                columns = Dictionary(header!.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                continue
            }
            rows.append(Row(fields: fields, columns: columns, line: number + 1))
        }
        guard header != nil else { throw KnowledgeStoreError("the table has no header row", path: name) }
        self.columns = columns
        self.rows = rows
    }
}
