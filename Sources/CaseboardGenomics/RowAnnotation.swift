import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Foundation

/// Row-level output, as oncokb-annotator users expect it: every input line untouched and in order,
/// with Caseboard's annotation appended as tab-separated columns, so a pipeline can join on the input columns.
///
/// The sample-level match comes first (a row's options depend on the whole profile), so the rows are
/// a second streaming pass over the same files: memory stays flat in the number of rows.
public struct RowAnnotator: Sendable {
    /// The appended columns, in order.
    public static let columns = [
        "CASEBOARD_ALTERATION", "CASEBOARD_STATUS", "HOTSPOT", "MATCH_SPECIFICITY", "HIGHEST_SENSITIVE_LEVEL",
        "HIGHEST_RESISTANCE_LEVEL", "DRUGS_BY_LEVEL", "RESISTANCE_DRUGS", "EVIDENCE_IDS", "CITATIONS",
    ]

    private let samples: [String: AnnotatedSample]
    private let hotspots: Set<String>

    /// - Parameters:
    ///   - samples: The cohort's matched samples.
    ///   - hotspots: Known hotspot alterations as `GENE CHANGE` labels (``HotspotTable/bundledProteinChanges()``).
    public init(samples: [AnnotatedSample], hotspots: Set<String>) {
        self.samples = Dictionary(samples.map { ($0.sample, $0) }, uniquingKeysWith: { first, _ in first })
        self.hotspots = hotspots
    }

    /// The output line for an input line, with its line end: preamble lines as they were, the header
    /// with the column names appended, a record with its annotation appended.
    public func line(for row: GenomicRow) -> String {
        switch row.kind {
        case .preamble: return row.text + "\n"
        case .header: return row.text + "\t" + Self.columns.joined(separator: "\t") + "\n"
        case .data: return row.text + "\t" + annotation(for: row).joined(separator: "\t") + "\n"
        }
    }

    /// The appended fields of a record. Several alterations (a multi-sample VCF record, a copy-number
    /// matrix row) are joined with "; " per field, each prefixed by its sample when there is more than one sample.
    public func annotation(for row: GenomicRow) -> [String] {
        let status: String
        if let warning = row.warning {
            status = warning.hasPrefix("malformed") ? warning : "malformed: \(warning)"
        } else if row.alterations.isEmpty {
            status = row.reasons.isEmpty ? "not_annotatable" : "not_annotatable: " + Set(row.reasons.map(\.rawValue)).sorted().joined(separator: ", ")
        } else {
            status = "annotated"
        }
        guard !row.alterations.isEmpty else { return [""] + [status] + Array(repeating: "", count: Self.columns.count - 2) }
        let prefixed = Set(row.alterations.map(\.sample)).count > 1
        var fields = Array(repeating: [String](), count: Self.columns.count)
        for alteration in row.alterations {
            let values = self.values(for: alteration)
            for (index, value) in values.enumerated() where !(value.isEmpty && index != 0) {
                fields[index].append(prefixed ? "\(alteration.sample): \(value)" : value)
            }
        }
        fields[1] = [status]
        return fields.map { $0.joined(separator: "; ") }
    }

    /// The appended values of one alteration, in the order of ``columns``.
    func values(for alteration: GenomicAlteration) -> [String] {
        let label = alteration.alteration
        let hotspot = hotspots.contains(label) ? "yes" : "no"
        guard let sample = samples[alteration.sample] else { return [label, "annotated", hotspot, "", "", "", "", "", "", ""] }
        let options = sample.options.filter { $0.alterations.contains { $0.caseInsensitiveCompare(label) == .orderedSame } }
        let alerts = sample.resistance.filter { $0.alteration.caseInsensitiveCompare(label) == .orderedSame }
        let specificity = options.map(\.matchSpecificity).min()?.rawValue ?? ""
        let sensitive = options.map(\.level).min()?.rawValue ?? ""
        let resistant = alerts.flatMap { $0.evidence.map(\.level) }.min()?.rawValue ?? ""
        var byLevel: [EvidenceLevel: [String]] = [:]
        for option in options {
            let drugs = option.drugs.joined(separator: "+")
            if byLevel[option.level, default: []].contains(drugs) == false { byLevel[option.level, default: []].append(drugs) }
        }
        let drugsByLevel = byLevel.keys.sorted().map { "\($0.rawValue): \(byLevel[$0, default: []].joined(separator: ", "))" }.joined(
            separator: " | "
        )
        let resistanceDrugs = alerts.map { $0.drugs.joined(separator: "+") }
        let references = options.flatMap(\.evidence) + alerts.flatMap(\.evidence)
        let ids = Array(Set(references.map(\.id))).sorted()
        return [
            label, "annotated", hotspot, specificity, sensitive, resistant, drugsByLevel,
            Array(Set(resistanceDrugs)).sorted().joined(separator: ", "),
            ids.joined(separator: ","), citations(references).joined(separator: ","),
        ]
    }
}

extension HotspotTable {
    /// Every hotspot alteration of the bundled GRCh37 and GRCh38 tables as a `GENE CHANGE` label ("KRAS G12D"),
    /// to flag rows whatever their input format. Source: cancerhotspots.org v2 (PMID 29247016).
    public static func bundledProteinChanges() throws -> Set<String> {
        var labels = Set<String>()
        for assembly in GenomeAssembly.allCases {
            labels.formUnion(try bundled(assembly).proteinChanges)
        }
        return labels
    }
}
