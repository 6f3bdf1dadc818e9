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

/// The team's curated tables of FDA-approved and guideline-endorsed biomarker indications and
/// established resistance facts, shipped in this module's resources: every
/// `Resources/evidence/*.tsv` (one header for all, see `docs/ranking.md`), plus the older
/// `Resources/biomarker_evidence.tsv` while it exists.
public enum CuratedEvidence {
    /// The table's version; a store seeded with another one is re-seeded. The release name is
    /// followed by a digest of the bundled tables' bytes, so an edited row reaches every store
    /// even when the release name was not changed with it.
    public static let version = "\(release)+\(contentDigest(of: bundledFiles()))"

    /// The name of this release of the tables.
    public static let release = "2026-12-07-curated-16"

    /// FNV-1a over each file's name and bytes, in hexadecimal: a fingerprint, not a security hash.
    public static func contentDigest(of files: [URL]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in Array(file.lastPathComponent.utf8) + ((try? Data(contentsOf: file)).map(Array.init) ?? []) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    /// The date up to which the table covers FDA approvals and guidelines: `kb stats` and
    /// `/api/version` report it as "knowledge as of".
    public static let asOf = "2026-12-05"

    /// The bundled tables' evidence items.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming `file:line` for an unknown scope, setting,
    ///   preference or approval value, or an id used twice.
    public static func load(vocabularies: Vocabularies) throws -> (items: [EvidenceItem], report: ImportReport) {
        let files = bundledFiles()
        guard !files.isEmpty else {
            throw KnowledgeStoreError("the curated evidence tables are missing from the CaseboardKnowledge resources")
        }
        return try load(files: files, vocabularies: vocabularies)
    }

    /// The bundled table files: `evidence/*.tsv` in name order, then the older single table.
    public static func bundledFiles() -> [URL] {
        // Foundation on Linux reports the bundle's "Resources" folder as its resource URL; on
        // Apple platforms it is the bundle root. Look in both.
        guard let root = Bundle.module.resourceURL else { return [] }
        var files: [URL] = []
        for base in [root, root.appendingPathComponent("Resources")] {
            let folder = base.appendingPathComponent("evidence")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0) }
            let single = base.appendingPathComponent("biomarker_evidence.tsv")
            if FileManager.default.fileExists(atPath: single.path) { files.append(single) }
            if !files.isEmpty { break }
        }
        return files
    }

    /// Reads several tables as one: ids must be unique across them.
    public static func load(files: [URL], vocabularies: Vocabularies) throws -> (items: [EvidenceItem], report: ImportReport) {
        var items: [EvidenceItem] = []
        var report = ImportReport()
        var seen: [String: String] = [:]
        for file in files {
            let name = file.lastPathComponent
            let (fileItems, fileReport) = try parse(
                String(decoding: try Data(contentsOf: file), as: UTF8.self),
                vocabularies: vocabularies,
                name: name
            )
            for item in fileItems {
                if let first = seen[item.id] {
                    throw KnowledgeStoreError("\(name): id \(item.id) is already used in \(first)")
                }
                seen[item.id] = name
            }
            items += fileItems
            for (reason, count) in fileReport.skipped { report.skipped[reason, default: 0] += count }
            for (reason, examples) in fileReport.examples {
                report.examples[reason, default: []] += examples.prefix(max(0, 3 - report.examples[reason, default: []].count)).map {
                    "\(name) \($0)"
                }
            }
            for (warning, count) in fileReport.warnings { report.warnings[warning, default: 0] += count }
        }
        report.imported = items.count
        return (items, report)
    }

    /// Parses one curated table: `id gene alteration scope disease exclude drugs significance
    /// level setting preference approved source_type source notes`. The columns after `gene`
    /// that older tables lack (`scope`, `exclude`, `setting`, `preference`, `approved`) may be
    /// absent or empty. `alteration` may join several alterations with ` & ` (all required) and end
    /// with ` unless A | B` (alterations that rule the row out); a row of scope `disease` has no
    /// alteration, or only `unless A | B`.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming `name:line` for a value outside a closed set.
    public static func parse(
        _ text: String,
        vocabularies: Vocabularies,
        name: String = "biomarker_evidence.tsv"
    ) throws -> (items: [EvidenceItem], report: ImportReport) {
        let table = try DelimitedTable(text, name: name)
        var report = ImportReport()
        var items: [EvidenceItem] = []
        rows: for row in table.rows {
            let id = row["id"]
            var alterationText = row["alteration"]
            // "germline VHL mutation": a label for an inherited variant only.
            let germlineOnly = alterationText.lowercased().hasPrefix("germline ")
            if germlineOnly { alterationText = String(alterationText.dropFirst(9)) }
            // A disease-level row names no alteration to match; its alteration column lists what
            // rules it out ("unless EGFR mutation | ALK fusion").
            let diseaseLevel = row["scope"] == AlterationScope.disease.rawValue
            var components: [AlterationPattern] = []
            var ruledOutBy: [AlterationPattern] = []
            let parts: [String]
            if diseaseLevel {
                guard alterationText.isEmpty || alterationText.lowercased().hasPrefix("unless ") else {
                    throw KnowledgeStoreError(
                        "\(name):\(row.line): a disease-level row's alteration is empty or 'unless A | B', not '\(alterationText)'"
                    )
                }
                parts = alterationText.isEmpty ? [] : alterationText.dropFirst(7).components(separatedBy: " | ")
            } else {
                // "CD274 expression unless EGFR mutation | ALK fusion": a biomarker row that a label or
                // guideline withholds from tumours with another alteration.
                let pieces = alterationText.components(separatedBy: " unless ")
                parts = pieces[0].components(separatedBy: " & ")
                for part in pieces.count > 1 ? pieces[1].components(separatedBy: " | ") : [] {
                    guard case .success(let alteration) = vocabularies.parseAlteration(part.trimmingCharacters(in: .whitespaces)) else {
                        report.skip("unparseable alteration", line: row.line, alterationText)
                        continue rows
                    }
                    ruledOutBy.append(AlterationPattern(alteration))
                }
            }
            for part in parts {
                guard case .success(let alteration) = vocabularies.parseAlteration(part.trimmingCharacters(in: .whitespaces)) else {
                    // A disease-level row without one of its exclusions would reach patients it rules out.
                    report.skip("unparseable alteration", line: row.line, alterationText)
                    continue rows
                }
                if diseaseLevel { ruledOutBy.append(AlterationPattern(alteration)) } else { components.append(AlterationPattern(alteration)) }
            }
            guard let significance = Significance(rawValue: row["significance"]), let level = EvidenceLevel(rawValue: row["level"]) else {
                report.skip("unknown significance or level", line: row.line, "\(row["significance"]) \(row["level"])")
                continue
            }
            func failure(_ column: String, _ value: String, _ allowed: String) -> KnowledgeStoreError {
                KnowledgeStoreError("\(name):\(row.line): unknown \(column) '\(value)'; use \(allowed)")
            }
            let scopeText = row["scope"]
            var scope: AlterationScope?
            if !scopeText.isEmpty {
                guard let known = AlterationScope(rawValue: scopeText) else {
                    throw failure("scope", scopeText, AlterationScope.allCases.map(\.rawValue).joined(separator: ", "))
                }
                scope = known
            }
            var settings: [TherapySetting] = []
            var states: [DiseaseState] = []
            for part in row["setting"].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                if part.lowercased() == "any" { continue }
                if part.lowercased().hasPrefix("state:") {
                    let name = String(part.dropFirst(6)).trimmingCharacters(in: .whitespaces).lowercased()
                    guard let state = DiseaseState(rawValue: name) else {
                        throw failure("setting", part, "state:" + DiseaseState.allCases.map(\.rawValue).joined(separator: ", state:"))
                    }
                    states.append(state)
                    continue
                }
                guard let setting = TherapySetting(parsing: part) else {
                    throw failure(
                        "setting",
                        part,
                        "first-line, second-line, after:DRUG|DRUG, after:DRUG&DRUG, after:2 of DRUG|DRUG, after:2 lines, maintenance, adjuvant, neoadjuvant, state:NAME or any"
                    )
                }
                settings.append(setting)
            }
            let preferenceText = row["preference"]
            var preference: GuidelinePreference?
            if !preferenceText.isEmpty {
                guard let known = GuidelinePreference(rawValue: preferenceText) else {
                    throw failure("preference", preferenceText, "preferred, recommended or circumstances")
                }
                preference = known
            }
            let approvedText = row["approved"]
            var approval: Approval?
            if !approvedText.isEmpty {
                guard let known = Approval(parsing: approvedText) else {
                    throw failure("approval date", approvedText, "YYYY-MM-DD, YYYY-MM or withdrawn:YYYY-MM-DD")
                }
                approval = known
            }
            let diseaseCode = row["disease"]
            if diseaseLevel, diseaseCode == "tumor-agnostic" || diseaseCode == "solid-tumors" || significance != .sensitivity {
                throw KnowledgeStoreError("\(name):\(row.line): a disease-level row is sensitivity evidence for one OncoTree disease")
            }
            let disease: DiseaseReference
            if diseaseCode == "tumor-agnostic" {
                disease = DiseaseReference(name: "any tumour", tumorAgnostic: true)
            } else if diseaseCode == "solid-tumors" {
                // A label for "solid tumors": not for a leukaemia, lymphoma or histiocytic neoplasm.
                disease = DiseaseReference(name: DiseaseReference.solidTumoursName, tumorAgnostic: true)
            } else if let known = vocabularies.disease(code: diseaseCode) {
                disease = DiseaseReference(name: known.name, oncotree: known.code)
            } else {
                report.skip("unknown OncoTree code", line: row.line, diseaseCode)
                continue
            }
            let excluded = row["exclude"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for code in excluded where vocabularies.disease(code: code) == nil {
                throw failure("excluded OncoTree code", code, "OncoTree codes joined by |")
            }
            let drugs = row["drugs"].components(separatedBy: " + ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for drug in drugs where vocabularies.drug(inn: drug) == nil { report.warnings["drug not in the vocabulary", default: 0] += 1 }
            let source = row["source"]
            let pmid = source.hasPrefix("PMID:") ? String(source.dropFirst(5)) : nil
            items.append(
                EvidenceItem(
                    id: "curated:\(id)",
                    source: .curated,
                    profile: MolecularProfile(
                        name: diseaseLevel
                            ? (["no biomarker required"] + (parts.isEmpty ? [] : [alterationText])).joined(separator: ", ") : alterationText,
                        components: components
                    ),
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
                    statement: row["notes"].isEmpty ? nil : row["notes"],
                    scope: scope,
                    excludedDiseases: excluded,
                    settings: settings,
                    diseaseStates: states,
                    preference: preference,
                    approval: approval,
                    ruledOutBy: ruledOutBy,
                    germlineOnly: germlineOnly
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
