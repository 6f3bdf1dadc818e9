import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Reads CIViC clinical evidence summaries: the v1 layout (`gene`, `variant`, `drugs`,
/// `clinical_significance`) and the v2 layout (`molecular_profile`, `therapies`,
/// `significance`), told apart by their header.
///
/// Each accepted evidence item becomes an ``EvidenceItem`` with id `civic:EID<n>`, so a
/// re-import replaces rather than duplicates. Rows that cannot be used are counted by reason.
public enum CIViCImporter {
    public static func parse(
        _ text: String,
        vocabularies: Vocabularies,
        name: String = "civic.tsv"
    ) throws -> (items: [EvidenceItem], report: ImportReport) {
        let table = try DelimitedTable(text, name: name)
        let isV2 = table.columns["molecular_profile"] != nil
        guard isV2 || (table.columns["gene"] != nil && table.columns["variant"] != nil) else {
            throw KnowledgeStoreError(
                "not a CIViC evidence summary: expected columns 'gene' and 'variant' (v1) or 'molecular_profile' (v2)",
                path: name
            )
        }
        guard table.columns["evidence_id"] != nil else {
            throw KnowledgeStoreError("not a CIViC evidence summary: no 'evidence_id' column", path: name)
        }
        var report = ImportReport()
        var items: [EvidenceItem] = []
        var diseaseCache: [String: DiseaseReference] = [:]
        for row in table.rows {
            let evidenceID = row["evidence_id"]
            guard !evidenceID.isEmpty else {
                report.skip("no evidence id", line: row.line, "")
                continue
            }
            if row.has("evidence_status"), !row["evidence_status"].isEmpty, row["evidence_status"].lowercased() != "accepted" {
                report.skip("evidence status is not accepted", line: row.line, row["evidence_status"])
                continue
            }
            let profileName = isV2 ? row["molecular_profile"] : "\(row["gene"]) \(row["variant"])"
            guard
                let profile = self.profile(
                    isV2 ? row["molecular_profile"] : nil,
                    gene: row["gene"],
                    variant: row["variant"],
                    vocabularies: vocabularies
                )
            else {
                report.skip("unparseable variant or molecular profile", line: row.line, profileName)
                continue
            }
            guard let level = EvidenceLevel(rawValue: row["evidence_level"].uppercased()) else {
                report.skip("unknown evidence level", line: row.line, row["evidence_level"])
                continue
            }
            let type = EvidenceType(rawValue: row["evidence_type"].lowercased()) ?? .predictive
            let direction: EvidenceDirection = row["evidence_direction"].lowercased().hasPrefix("does not") ? .doesNotSupport : .supports
            let significance = self.significance(isV2 ? row["significance"] : row["clinical_significance"])
            let drugText = isV2 ? row["therapies"] : row["drugs"]
            var drugs: [String] = []
            for name in drugText.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                if let drug = vocabularies.drug(named: name) {
                    drugs.append(drug.name)
                } else {
                    drugs.append(name.lowercased())
                    report.warnings["drug name not in the vocabulary (kept as written)", default: 0] += 1
                }
            }
            if type == .predictive && drugs.isEmpty {
                report.skip("predictive evidence without a therapy", line: row.line, profileName)
                continue
            }
            let interactionText = (isV2 ? row["therapy_interaction_type"] : row["drug_interaction_type"]).lowercased()
            let interaction: TherapyInteraction? =
                interactionText.hasPrefix("combination")
                ? .combination
                : interactionText.hasPrefix("sequential")
                    ? .sequential
                    : interactionText.hasPrefix("substitut") ? .substitutes : nil
            let diseaseName = row["disease"]
            let disease: DiseaseReference
            if let cached = diseaseCache[diseaseName] {
                disease = cached
            } else {
                disease = map(disease: diseaseName, doid: row["doid"], vocabularies: vocabularies)
                diseaseCache[diseaseName] = disease
            }
            if disease.oncotree == nil && !disease.tumorAgnostic {
                report.warnings["disease without an OncoTree code (kept by name)", default: 0] += 1
            }
            let pmid = row["source_type"].lowercased() == "pubmed" && !row["citation_id"].isEmpty ? row["citation_id"] : nil
            items.append(
                EvidenceItem(
                    id: "civic:EID\(evidenceID)",
                    source: .civic,
                    profile: profile,
                    disease: disease,
                    drugs: drugs,
                    interaction: drugs.count > 1 ? interaction : nil,
                    evidenceType: type,
                    direction: direction,
                    level: level,
                    significance: significance,
                    citation: Citation(
                        pmid: pmid,
                        url: row["evidence_civic_url"].isEmpty ? "https://civicdb.org/evidence/\(evidenceID)" : row["evidence_civic_url"],
                        label: row["citation"].isEmpty ? nil : row["citation"],
                        kind: row["source_type"].isEmpty ? "CIViC" : row["source_type"]
                    ),
                    rating: Int(row["rating"]),
                    statement: row["evidence_statement"].isEmpty ? nil : row["evidence_statement"]
                )
            )
        }
        report.imported = items.count
        return (items, report)
    }

    static func significance(_ text: String) -> Significance {
        switch text.lowercased() {
        case "sensitivity/response", "sensitivity", "response": .sensitivity
        case "resistance": .resistance
        case "reduced sensitivity": .reducedSensitivity
        case "adverse response": .adverseResponse
        default: .other
        }
    }

    /// Parenthesised cDNA after a variant ("F76del (c.224_226delTCT)"), compiled once.
    private static let bracketed = CompiledPattern(#"\s*\([^)]*\)"#)
    /// CIViC's capitalised HGVS suffixes and how HGVS writes them, in the order they are rewritten.
    private static let hgvsSuffixes: [(pattern: CompiledPattern, template: String)] = [
        (#"(?<=\d)(FS|DEL|INS|DUP)"#, "$1"), (#"(?<=\d)FS"#, "fs"), (#"(?<=\d)DELINS"#, "delins"), (#"(?<=\d)DEL"#, "del"),
        (#"(?<=\d)INS"#, "ins"), (#"(?<=\d)DUP"#, "dup"),
    ].map { (CompiledPattern($0.0), $0.1) }

    /// A v2 molecular profile ("EGFR L858R AND EGFR T790M", "BCR::ABL1 Fusion") or a v1
    /// gene and variant ("ALK", "EML4-ALK"; "ABL1", "BCR-ABL T315I"; "KRAS", "G12/G13").
    static func profile(_ molecularProfile: String?, gene: String, variant: String, vocabularies: Vocabularies) -> MolecularProfile? {
        if let molecularProfile {
            let isAny = molecularProfile.contains(" OR ")
            guard !molecularProfile.contains("NOT ") else { return nil }
            let parts = molecularProfile.components(separatedBy: isAny ? " OR " : " AND ")
            var components: [AlterationPattern] = []
            for part in parts {
                guard let pattern = alteration(part, vocabularies: vocabularies) else { return nil }
                components += pattern
            }
            return MolecularProfile(name: molecularProfile, components: components, combination: isAny ? .any : .all)
        }
        // Drop parenthesised cDNA ("F76del (c.224_226delTCT)") and read CIViC's capitalised
        // HGVS suffixes ("W288FS", "I843DEL") as HGVS writes them.
        let cleaned = hgvsSuffixes.reduce(bracketed.replacingMatches(in: variant, with: "")) { text, rewrite in
            rewrite.pattern.replacingMatches(in: text, with: rewrite.template)
        }
        // "G12/G13": either codon.
        if cleaned.contains("/"), !cleaned.contains(" "), let first = cleaned.split(separator: "/").first, VariantScanner.parse(String(first)) != nil
        {
            var components: [AlterationPattern] = []
            for codon in cleaned.split(separator: "/") {
                guard let pattern = alteration("\(gene) \(codon)", vocabularies: vocabularies) else { return nil }
                components += pattern
            }
            return MolecularProfile(name: "\(gene) \(variant)", components: components, combination: .any)
        }
        // "G595R and G667C", "V600E and AMPLIFICATION": every listed change, all required.
        if cleaned.contains(" and ") {
            let parts = cleaned.components(separatedBy: " and ")
            guard let first = profile(nil, gene: gene, variant: parts[0], vocabularies: vocabularies) else { return nil }
            var components = first.components
            for part in parts.dropFirst() {
                guard let more = alteration("\(gene) \(part)", vocabularies: vocabularies) else { return nil }
                components += more.filter { !components.contains($0) }
            }
            return MolecularProfile(name: "\(gene) \(variant)", components: components, combination: .all)
        }
        // Variants that name their own genes ("EML4-ALK", "BCR-ABL T315I") stand alone; the rest
        // ("V600E", "LOSS-OF-FUNCTION") belong to the row's gene.
        let namesGenes = vocabularies.scan(cleaned).contains { $0.concept.kind == .gene }
        let text = namesGenes ? cleaned : "\(gene) \(cleaned)"
        guard let patterns = alteration(text, vocabularies: vocabularies) else { return nil }
        return MolecularProfile(name: "\(gene) \(variant)", components: patterns, combination: .all)
    }

    /// One component; a fusion with a point mutation ("BCR-ABL T315I") gives both.
    static func alteration(_ text: String, vocabularies: Vocabularies) -> [AlterationPattern]? {
        var normalized = text.trimmingCharacters(in: .whitespaces)
        for (from, to) in [
            ("UNDEREXPRESSION", "underexpression"), ("LOSS-OF-FUNCTION", "mutation"), ("LOSS OF FUNCTION", "mutation"),
            ("GAIN-OF-FUNCTION", "mutation"), ("FRAMESHIFT TRUNCATION", "mutation"), ("TRUNCATING MUTATION", "mutation"),
            ("WILDTYPE", "wildtype"), ("Fusion", "fusion"), ("FUSIONS", "fusion"), ("FUSION", "fusion"),
        ] {
            normalized = normalized.replacingOccurrences(of: from, with: to)
        }
        if normalized.lowercased().hasSuffix("wildtype") || normalized.lowercased().hasSuffix("underexpression") { return nil }
        guard case .success(let parsed) = vocabularies.parseAlteration(normalized) else { return nil }
        var patterns = [AlterationPattern(parsed)]
        if parsed.partner != nil, parsed.kind != .fusion {
            patterns.insert(AlterationPattern(gene: parsed.gene, kind: .fusion, variant: "fusion", partner: parsed.partner), at: 0)
        }
        return patterns
    }

    /// CIViC disease names to OncoTree; "Cancer" and "Solid Tumor" are pan-cancer.
    static func map(disease name: String, doid: String, vocabularies: Vocabularies) -> DiseaseReference {
        let doidValue = doid.isEmpty ? nil : (doid.hasPrefix("DOID:") ? doid : "DOID:\(doid)")
        let lowered = name.lowercased()
        if lowered == "cancer" || lowered == "solid tumor" || lowered == "solid tumour" {
            return DiseaseReference(name: name, doid: doidValue, tumorAgnostic: true)
        }
        if let disease = vocabularies.disease(named: name), disease.isCancer {
            return DiseaseReference(name: name, oncotree: disease.code, doid: doidValue)
        }
        let mentions = vocabularies.scan(name).compactMap { match -> Disease? in
            if case .disease(let index) = match.concept, vocabularies.diseases[index].isCancer { return vocabularies.diseases[index] }
            return nil
        }
        // The longest mention is the most specific name inside the CIViC label.
        let best = mentions.max { $0.name.count < $1.name.count }
        return DiseaseReference(name: name, oncotree: best?.code, doid: doidValue)
    }
}
