import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Testing

/// Checks the curated resistance table (`Resources/evidence/resistance.tsv`) as data: it loads
/// without a skip, every row is sourced and well formed, and the mechanisms the matcher must know
/// are there, as rows or as class rules by binding mode.
struct ResistanceTableTests {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CaseboardKnowledge/Resources")

    static let header = [
        "id", "gene", "alteration", "scope", "disease", "exclude", "drugs", "significance", "level", "setting", "preference", "approved",
        "source_type", "source", "notes",
    ]

    /// A data row by column name.
    struct Row {
        let line: Int
        let fields: [String: String]
        subscript(_ column: String) -> String { fields[column] ?? "" }
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try Data(contentsOf: resources.appendingPathComponent(relativePath)), as: UTF8.self)
    }

    /// Rows of a table with a header line; `#` lines are skipped unless they start with `prefix`,
    /// which is then stripped (for the pending rows).
    static func rows(_ text: String, commentPrefix prefix: String? = nil) -> (header: [String], rows: [Row]) {
        var header: [String] = []
        var rows: [Row] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                guard let prefix, line.hasPrefix(prefix) else { continue }
                line.removeFirst(prefix.count)
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty {
                header = fields
                continue
            }
            rows.append(Row(line: index + 1, fields: Dictionary(uniqueKeysWithValues: zip(header, fields))))
        }
        return (header, rows)
    }

    static func table() throws -> (header: [String], rows: [Row]) { rows(try text("evidence/resistance.tsv")) }

    @Test func loadsWithoutASkipOrAnUnknownDrug() throws {
        let vocabularies = try Shared.vocabularies.get()
        let text = try Self.text("evidence/resistance.tsv")
        let (items, report) = try CuratedEvidence.parse(text, vocabularies: vocabularies)
        #expect(report.skippedTotal == 0, "skipped: \(report.examples)")
        #expect(report.warnings.isEmpty, "warnings: \(report.warnings)")
        #expect(items.count == (try Self.table().rows.count))
        #expect(items.count >= 150)
    }

    @Test func headerIsTheSharedSchema() throws {
        let (header, rows) = try Self.table()
        #expect(header == Self.header)
        for row in rows { #expect(row.fields.count == Self.header.count, "line \(row.line) has \(row.fields.count) columns") }
    }

    @Test func idsAreUniqueAndInTheResistanceRange() throws {
        let ids = try Self.table().rows.map { $0["id"] }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.wholeMatch(of: /CR-\d{4}/) != nil, "bad id \(id)")
        }
    }

    @Test func everyComponentParsesAndEveryDrugAndDiseaseIsKnown() throws {
        let vocabularies = try Shared.vocabularies.get()
        for row in try Self.table().rows {
            let components = row["alteration"].components(separatedBy: " & ")
            for component in components {
                guard case .success(let alteration) = vocabularies.parseAlteration(component) else {
                    Issue.record("line \(row.line): cannot parse '\(component)'")
                    continue
                }
                #expect(alteration.partner == nil || alteration.kind == .fusion, "line \(row.line): '\(component)' read as a fusion point mutation")
            }
            #expect(components.contains { $0.hasPrefix(row["gene"] + " ") }, "line \(row.line): gene \(row["gene"]) not in the alteration")
            for drug in row["drugs"].components(separatedBy: " + ") {
                #expect(vocabularies.drug(inn: drug) != nil, "line \(row.line): unknown drug '\(drug)'")
            }
            let disease = row["disease"]
            #expect(disease == "tumor-agnostic" || vocabularies.disease(code: disease) != nil, "line \(row.line): unknown disease \(disease)")
        }
    }

    @Test func closedSetsAndSettingsAreRespected() throws {
        let scopes: Set = [
            "allele", "codon", "region", "mutation", "fusion", "fusion-partner", "amplification", "deletion", "expression", "signature",
        ]
        let significances: Set = ["sensitivity", "resistance", "reduced sensitivity", "contraindicated", "not predictive"]
        for row in try Self.table().rows {
            #expect(scopes.contains(row["scope"]), "line \(row.line): scope \(row["scope"])")
            #expect(significances.contains(row["significance"]), "line \(row.line): significance \(row["significance"])")
            #expect(["A", "B", "C", "D"].contains(row["level"]), "line \(row.line): level \(row["level"])")
            // A resistance row must fire from the alteration alone, whatever the recorded history.
            if row["significance"] != "sensitivity" { #expect(row["setting"].isEmpty, "line \(row.line): resistance row with a setting") }
            for part in row["setting"].split(separator: ";") where !part.isEmpty {
                let ok =
                    ["first-line", "second-line", "maintenance", "consolidation", "adjuvant", "neoadjuvant", "any"].contains(String(part))
                    || part.hasPrefix("after:")
                #expect(ok, "line \(row.line): setting \(part)")
            }
        }
    }

    @Test func everyRowHasAWellFormedSource() throws {
        for row in try Self.table().rows {
            let source = row["source"]
            switch row["source_type"] {
            case "PubMed": #expect(source.wholeMatch(of: /PMID:\d{7,8}/) != nil, "line \(row.line): \(source)")
            case "FDA label": #expect(source.wholeMatch(of: /FDA label: .+ \(.+\), (19|20)\d\d/) != nil, "line \(row.line): \(source)")
            case "NCCN": #expect(source.hasPrefix("NCCN ") && source.contains(/20\d\d/), "line \(row.line): \(source)")
            // A paper whose PMID was not verified is cited by authors, journal, year, volume and first page.
            case "Journal": #expect(source.wholeMatch(of: /.+ et al\., .+ (19|20)\d\d;\d+:\d+/) != nil, "line \(row.line): \(source)")
            default: Issue.record("line \(row.line): source type \(row["source_type"])")
            }
            #expect(!row["notes"].isEmpty, "line \(row.line): no note")
        }
    }

    @Test func noRowRepeatsAnotherRowOrTheMainTable() throws {
        func key(_ row: Row) -> String { [row["gene"], row["alteration"], row["disease"], row["drugs"], row["significance"]].joined(separator: "|") }
        let mine = try Self.table().rows.map(key)
        #expect(Set(mine).count == mine.count)
        let main = Self.rows(try Self.text("evidence/approvals.tsv")).rows.map(key)
        #expect(Set(mine).isDisjoint(with: main), "\(Set(mine).intersection(main))")
    }

    @Test func compoundC797SRowsSayCisOrTrans() throws {
        for row in try Self.table().rows where row["alteration"].contains("C797S") && row["alteration"].contains("T790M") {
            #expect(row["notes"].contains("cis") && row["notes"].contains("trans"), "line \(row.line)")
        }
    }

    /// The mechanisms issue 11 names. Each (alteration, drug) must be a resistance row here or in
    /// the main table, at the allele or its codon, or fall under a class rule.
    static let required: [(String, [String])] = [
        ("ABL1 T315I", ["imatinib", "dasatinib", "nilotinib", "bosutinib"]),
        ("ABL1 V299L", ["dasatinib", "bosutinib"]), ("ABL1 T315A", ["dasatinib"]),
        ("ABL1 F317L", ["dasatinib", "bosutinib"]), ("ABL1 F317V", ["dasatinib"]), ("ABL1 F317I", ["dasatinib"]), ("ABL1 F317C", ["dasatinib"]),
        ("ABL1 Y253H", ["imatinib", "nilotinib"]), ("ABL1 E255K", ["imatinib", "nilotinib", "bosutinib"]), ("ABL1 E255V", ["imatinib", "nilotinib"]),
        ("ABL1 F359V", ["nilotinib"]), ("ABL1 F359C", ["nilotinib"]), ("ABL1 F359I", ["nilotinib"]), ("ABL1 G250E", ["imatinib", "bosutinib"]),
        ("ABL1 Q252H", ["imatinib"]), ("ABL1 A337T", ["asciminib"]), ("ABL1 P465S", ["asciminib"]), ("ABL1 T315I & ABL1 E255V", ["ponatinib"]),
        ("FLT3 D835Y", ["quizartinib", "sorafenib"]), ("FLT3 F691L", ["quizartinib", "sorafenib", "gilteritinib", "midostaurin"]),
        ("KIT V654A", ["imatinib"]), ("KIT T670I", ["imatinib", "regorafenib"]), ("KIT D816H", ["imatinib", "sunitinib"]),
        ("KIT D820A", ["imatinib", "sunitinib"]),
        ("KIT N822K", ["imatinib", "sunitinib"]), ("KIT Y823D", ["imatinib", "sunitinib"]), ("KIT A829P", ["imatinib", "sunitinib"]),
        ("KIT D816V", ["imatinib"]), ("PDGFRA D842V", ["imatinib", "sunitinib", "regorafenib"]),
        ("EGFR T790M", ["gefitinib", "erlotinib", "afatinib", "dacomitinib"]), ("EGFR C797S", ["osimertinib", "lazertinib"]),
        ("EGFR T790M & EGFR C797S", ["osimertinib"]),
        ("MET amplification", ["gefitinib", "erlotinib", "afatinib", "dacomitinib", "osimertinib", "lazertinib"]),
        ("ERBB2 amplification", ["gefitinib", "erlotinib", "afatinib", "dacomitinib", "osimertinib", "lazertinib"]),
        ("ALK G1202R", ["crizotinib", "ceritinib", "alectinib", "brigatinib"]), ("ALK I1171N", ["crizotinib", "alectinib"]),
        ("ALK L1196M", ["crizotinib"]), ("ALK G1202R & ALK L1196M", ["lorlatinib"]), ("ALK I1171N & ALK D1203N", ["lorlatinib"]),
        ("ROS1 G2032R", ["crizotinib", "entrectinib", "ceritinib", "lorlatinib"]), ("ROS1 L2026M", ["crizotinib"]),
        ("NTRK1 G595R", ["larotrectinib", "entrectinib"]), ("NTRK3 G623R", ["larotrectinib", "entrectinib"]),
        ("NTRK1 G667C", ["larotrectinib", "entrectinib"]),
        ("RET G810R", ["selpercatinib", "pralsetinib"]), ("RET G810S", ["selpercatinib", "pralsetinib"]),
        ("MET D1228N", ["crizotinib", "capmatinib", "tepotinib", "savolitinib"]), ("MET Y1230C", ["crizotinib", "capmatinib", "tepotinib"]),
        ("KRAS Y96D", ["sotorasib", "adagrasib"]), ("KRAS R68S", ["sotorasib", "adagrasib"]), ("KRAS H95Q", ["adagrasib"]),
        ("BTK C481S", ["ibrutinib", "acalabrutinib", "zanubrutinib"]), ("BTK C481R", ["ibrutinib", "acalabrutinib", "zanubrutinib"]),
        ("PLCG2 R665W", ["ibrutinib", "acalabrutinib", "zanubrutinib"]), ("PLCG2 L845F", ["ibrutinib"]), ("PLCG2 S707Y", ["ibrutinib"]),
        ("BTK T474I", ["pirtobrutinib"]), ("BTK L528W", ["pirtobrutinib"]), ("BCL2 G101V", ["venetoclax"]),
        ("ESR1 Y537S", ["letrozole", "anastrozole", "exemestane"]), ("ESR1 D538G", ["letrozole", "anastrozole", "exemestane"]),
        ("ESR1 E380Q", ["letrozole", "anastrozole", "exemestane"]),
        ("IDH1 S280F", ["ivosidenib"]), ("IDH2 Q316E", ["enasidenib"]), ("IDH2 I319M", ["enasidenib"]), ("IDH1 R132 & IDH2 R140", ["ivosidenib"]),
        ("KRAS exon 2 mutation", ["cetuximab", "panitumumab"]), ("KRAS exon 4 mutation", ["cetuximab", "panitumumab"]),
        ("NRAS exon 3 mutation", ["cetuximab", "panitumumab"]),
        ("MAP2K1 Q56P", ["trametinib", "cobimetinib", "binimetinib", "dabrafenib + trametinib"]),
        // Abiraterone regimens are written without the glucocorticoid given with them.
        ("AR T878A", ["abiraterone"]), ("AR L702H", ["abiraterone"]),
        ("NTRK1 F589L", ["larotrectinib", "entrectinib"]), ("NTRK3 G696A", ["larotrectinib", "entrectinib"]),
        ("MAP2K1 C121S", ["trametinib", "cobimetinib", "binimetinib"]),
        ("BRCA1 reversion", ["olaparib", "niraparib", "rucaparib", "talazoparib"]),
        ("BRCA2 reversion", ["olaparib", "niraparib", "rucaparib", "talazoparib"]),
    ]

    @Test func requiredMechanismsArePresent() throws {
        let vocabularies = try Shared.vocabularies.get()
        let against: Set = ["resistance", "reduced sensitivity"]
        var covered: Set<String> = []
        for row in try Self.table().rows + Self.rows(try Self.text("evidence/approvals.tsv")).rows where against.contains(row["significance"]) {
            covered.insert(row["alteration"] + "|" + row["drugs"])
        }
        let rules = try ClassRule.loadBundled(vocabularies: vocabularies)
        for (alteration, drugs) in Self.required {
            // The allele itself, its codon ("BTK C481S" -> "BTK C481") or, for "FLT3 D835Y", the TKD region.
            var forms = [alteration]
            if let match = alteration.wholeMatch(of: /([A-Z0-9]+) ([A-Z]\d+)[A-Z]/) {
                // Its codon, or a gene-level rule ("MAP2K1 mutation" against MEK inhibitors in melanoma).
                forms += ["\(match.1) \(match.2)", "\(match.1) mutation"]
            }
            if alteration.hasPrefix("FLT3 D835") || alteration.hasPrefix("FLT3 I836") { forms.append("FLT3 TKD") }
            if alteration == "KIT D820A" || alteration == "KIT D816H" { forms.append("KIT exon 17 mutation") }
            for drug in drugs {
                let byRow = forms.contains { covered.contains($0 + "|" + drug) }
                let byRule = rules.contains { rule in
                    forms.contains(rule.pattern.label) && rule.drugs.contains { $0.name == drug }
                }
                #expect(byRow || byRule, "no resistance for \(alteration) against \(drug)")
            }
        }
    }

    @Test func newClassRulesResolveToTheIntendedDrugs() throws {
        let rules = try ClassRule.loadBundled(vocabularies: try Shared.vocabularies.get())
        func drugs(_ label: String) -> Set<String> { Set(rules.filter { $0.pattern.label == label }.flatMap { $0.drugs.map(\.name) }) }
        #expect(drugs("MET D1228").isSuperset(of: ["capmatinib", "tepotinib", "savolitinib"]))
        #expect(!drugs("MET D1228").contains("cabozantinib"))
        #expect(drugs("BTK C481").isSuperset(of: ["ibrutinib", "acalabrutinib", "zanubrutinib"]))
        #expect(!drugs("BTK C481").contains("pirtobrutinib"))
        #expect(drugs("MET amplification").isSuperset(of: ["gefitinib", "erlotinib", "afatinib", "dacomitinib", "osimertinib", "lazertinib"]))
        #expect(!drugs("MET amplification").contains("amivantamab"))
        #expect(!drugs("ROS1 G2032R").contains("repotrectinib") && !drugs("ROS1 G2032R").contains("taletrectinib"))
        #expect(drugs("FLT3 F691L").isSuperset(of: ["gilteritinib", "quizartinib", "midostaurin", "sorafenib"]))
    }

    /// BRCA reversions are class rules against every PARP inhibitor, and a reversion is read as
    /// its own alteration, never as the plain BRCA mutation (which would flag PARP inhibitors for
    /// every carrier).
    @Test func reversionsAreTheirOwnAlterationAndClassRules() throws {
        let vocabularies = try Shared.vocabularies.get()
        let reversion = AlterationPattern(try vocabularies.parseAlteration("BRCA1 reversion mutation").get())
        #expect(reversion.isReversion && !reversion.isGeneLevel)
        #expect(!AlterationPattern(try vocabularies.parseAlteration("BRCA1 mutation").get()).isReversion)
        let rules = try ClassRule.loadBundled(vocabularies: vocabularies)
        for gene in ["BRCA1", "BRCA2"] {
            let rule = try #require(rules.first { $0.pattern.gene == gene && $0.pattern.isReversion })
            #expect(rule.diseases.isEmpty)
            #expect(Set(rule.drugs.map(\.name)).isSuperset(of: ["olaparib", "niraparib", "rucaparib", "talazoparib"]))
        }
        #expect(!(try Self.text("evidence/resistance.tsv")).contains("#PENDING"))
    }
}
