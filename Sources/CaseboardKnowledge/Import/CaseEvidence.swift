import CaseboardCore
import CaseboardVocabularies

/// The stable id of a stored case: `pmid:<PMID>` when the report has one, else `doc:` with the
/// document name and a short hash of its title, so importing the same report twice replaces it.
public enum CaseIdentity {
    public static func id(for record: CaseRecord) -> String {
        if let pmid = record.metadata.pmid, !pmid.isEmpty { return "pmid:\(pmid)" }
        let basis = record.document + "\u{1F}" + (record.title ?? "")
        // FNV-1a: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in basis.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        // Only URL-safe characters, so the id works as a path segment.
        let name = (record.document.split(separator: "/").last.map(String.init) ?? record.document)
            .map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" }
        return "doc:\(String(name))-" + String(hash, radix: 16).prefix(8)
    }
}

/// Evidence that a case report read by Caseboard contributes, at level C:
/// - sensitivity for each therapy line with a complete or partial response or stable
///   disease, on the patient's alterations the drugs target (or, failing that, the fusions and
///   named variants);
/// - resistance for each resistance event.
public enum CaseEvidence {
    public static func derive(from record: CaseRecord, caseID: String, vocabularies: Vocabularies) -> [EvidenceItem] {
        let disease: DiseaseReference = {
            if let cancer = record.diagnoses.first(where: { $0.oncotree != nil }) {
                return DiseaseReference(name: cancer.canonicalName, oncotree: cancer.oncotree)
            }
            return DiseaseReference(name: record.diagnoses.first?.canonicalName ?? "unspecified")
        }()
        let citation = Citation(
            pmid: record.metadata.pmid,
            url: record.metadata.pmid.map { "https://pubmed.ncbi.nlm.nih.gov/\($0)/" },
            label: record.title ?? record.document,
            kind: "case report"
        )
        var items: [EvidenceItem] = []
        func add(_ pattern: AlterationPattern, _ drugs: [String], _ significance: Significance, _ spans: [Evidence], _ note: String) {
            items.append(
                EvidenceItem(
                    id: "case:\(caseID):\(items.count + 1)",
                    source: .caseReport,
                    profile: MolecularProfile(name: pattern.label, components: [pattern]),
                    disease: disease,
                    drugs: drugs,
                    interaction: drugs.count > 1 ? .combination : nil,
                    level: .c,
                    significance: significance,
                    citation: citation,
                    statement: note,
                    spans: spans,
                    caseID: caseID
                )
            )
        }
        let alterations = record.alterations.filter { $0.kind != .expression }
        for line in record.therapies {
            guard let response = line.response, response != .progressive else { continue }
            let targets = Set(line.drugs.flatMap { vocabularies.drug(inn: $0)?.targets ?? [] })
            var relevant = alterations.filter { targets.contains($0.gene) }
            if relevant.isEmpty {
                relevant = alterations.filter { [.fusion, .proteinChange, .internalTandemDuplication, .exon].contains($0.kind) }
            }
            for alteration in relevant {
                add(
                    AlterationPattern(alteration),
                    line.drugs,
                    .sensitivity,
                    Array((line.responseSpans + alteration.spans).prefix(4)),
                    "case report: \(response.rawValue) on \(line.drugs.joined(separator: " + "))"
                )
            }
        }
        for event in record.resistance {
            let alteration = alterations.first { $0.gene == event.gene && $0.variant == event.variant }
            let parsed = try? vocabularies.parseAlteration("\(event.gene) \(event.variant)").get()
            guard let pattern = alteration.map(AlterationPattern.init) ?? parsed.map(AlterationPattern.init) else { continue }
            add(pattern, event.drugs, .resistance, Array(event.spans.prefix(4)), "case report: \(event.basis) resistance")
        }
        return items
    }
}
