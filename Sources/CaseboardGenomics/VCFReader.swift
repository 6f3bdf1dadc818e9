import CaseboardCore
import Foundation

/// Consequences that change no protein, as VEP and SnpEff name them.
private let nonProteinConsequences: Set<String> = [
    "synonymous_variant", "intron_variant", "3_prime_utr_variant", "5_prime_utr_variant", "upstream_gene_variant",
    "downstream_gene_variant", "intergenic_variant", "non_coding_transcript_exon_variant", "non_coding_transcript_variant",
    "splice_region_variant", "stop_retained_variant", "start_retained_variant", "regulatory_region_variant",
    "intragenic_variant", "tf_binding_site_variant", "mature_mirna_variant",
]

extension GenomicReader {
    /// The layout of a VEP CSQ or SnpEff ANN annotation.
    struct VariantAnnotation {
        enum Kind { case vep, snpEff }
        var kind: Kind
        var gene: Int
        var consequence: Int
        var hgvsp: Int
        var hgvsc: Int
        /// VEP: CANONICAL, MANE_SELECT/MANE, PICK; any set marks the preferred transcript.
        var preferred: [Int]
        var count: Int

        static let snpEff = VariantAnnotation(kind: .snpEff, gene: 3, consequence: 1, hgvsp: 10, hgvsc: 9, preferred: [], count: 11)

        init(kind: Kind, gene: Int, consequence: Int, hgvsp: Int, hgvsc: Int, preferred: [Int], count: Int) {
            self.kind = kind
            self.gene = gene
            self.consequence = consequence
            self.hgvsp = hgvsp
            self.hgvsc = hgvsc
            self.preferred = preferred
            self.count = count
        }

        /// From `##INFO=<ID=CSQ,...,Description="... Format: Allele|Consequence|...">`.
        init?(vepHeader line: String) {
            guard let range = line.range(of: "Format: ") else { return nil }
            let format = line[range.upperBound...].prefix { $0 != "\"" }
            let names = format.split(separator: "|", omittingEmptySubsequences: false).map { $0.uppercased() }
            guard let gene = names.firstIndex(of: "SYMBOL"), let hgvsp = names.firstIndex(of: "HGVSP") else { return nil }
            self.init(
                kind: .vep,
                gene: gene,
                consequence: names.firstIndex(of: "CONSEQUENCE") ?? 1,
                hgvsp: hgvsp,
                hgvsc: names.firstIndex(of: "HGVSC") ?? hgvsp,
                preferred: ["PICK", "MANE_SELECT", "MANE", "CANONICAL"].compactMap { names.firstIndex(of: $0) },
                count: names.count
            )
        }

        /// The gene and the changes (protein first, then cDNA) of the preferred transcript, or why there are none.
        func pick(_ value: Substring) -> (gene: String, changes: [String], splice: Bool)? {
            var best: [Substring]?
            var bestScore = -1
            for entry in value.split(separator: ",") {
                let fields = entry.split(separator: "|", omittingEmptySubsequences: false)
                guard fields.count > max(gene, hgvsp, hgvsc, consequence), !fields[gene].isEmpty else { continue }
                var score = 0
                for index in preferred where index < fields.count && !fields[index].isEmpty && fields[index] != "0" { score += 2 }
                if !fields[hgvsp].isEmpty { score += 1 }
                if score > bestScore {
                    best = fields
                    bestScore = score
                }
                if kind == .snpEff && !fields[hgvsp].isEmpty { break }  // SnpEff lists the most severe effect first.
            }
            guard let fields = best else { return nil }
            let consequences = fields[consequence].lowercased().split(separator: "&").map(String.init)
            let splice = consequences.contains { $0.hasPrefix("splice_donor") || $0.hasPrefix("splice_acceptor") }
            if !splice && !consequences.isEmpty && consequences.allSatisfy({ nonProteinConsequences.contains($0) }) {
                return (String(fields[gene]), [], false)
            }
            var changes: [String] = []
            if !splice, !fields[hgvsp].isEmpty { changes.append(String(fields[hgvsp])) }
            if !fields[hgvsc].isEmpty { changes.append(String(fields[hgvsc])) }
            return (String(fields[gene]), changes, splice)
        }
    }

    mutating func readVCF(_ lines: inout LineReader, _ summary: inout ReadSummary, _ emit: (GenomicAlteration) throws -> Void) throws {
        var annotation: VariantAnnotation?
        var annotationKey = ""
        var assembly = options.assembly
        var sampleNames: [String] = []
        var sawHeader = false
        while let line = try lines.next() {
            beginRow(line, line: lines.lineNumber, kind: line.hasPrefix("#CHROM") ? .header : .preamble, &summary)
            if line.hasPrefix("##") {
                if line.hasPrefix("##INFO=<ID=CSQ,"), let vep = VariantAnnotation(vepHeader: line) {
                    annotation = vep
                    annotationKey = "CSQ"
                } else if line.hasPrefix("##INFO=<ID=ANN,"), annotation == nil {
                    annotation = .snpEff
                    annotationKey = "ANN"
                } else if assembly == nil, line.hasPrefix("##reference") || line.hasPrefix("##contig") || line.hasPrefix("##assembly") {
                    assembly = GenomeAssembly.detect(headerLine: line)
                }
                continue
            }
            if line.hasPrefix("#CHROM") {
                let fields = tabFields(line)
                guard fields.count >= 8 else {
                    throw Diagnostic.error(
                        "missing required column: the #CHROM line has \(fields.count) columns, a VCF needs 8",
                        file: summary.file,
                        position: SourcePosition(offset: 0, line: lines.lineNumber, column: 1)
                    )
                }
                sampleNames = fields.count > 9 ? fields[9...].map(String.init) : []
                sawHeader = true
                break
            }
            throw Diagnostic.error(
                "missing required column line '#CHROM' before the records",
                file: summary.file,
                position: SourcePosition(offset: 0, line: lines.lineNumber, column: 1)
            )
        }
        guard sawHeader else { throw Diagnostic.error("missing required column line '#CHROM'", file: summary.file) }
        if sampleNames.isEmpty { sampleNames = [fallbackSample(summary)] }
        for name in sampleNames { summary.note(sample: name) }
        let tables: [HotspotTable] =
            annotation != nil ? [] : try (assembly.map { [$0] } ?? GenomeAssembly.allCases).map { try HotspotTable.bundled($0) }

        while let line = try nextDataLine(&lines, &summary) {
            summary.read += 1
            let fields = tabFields(line)
            guard fields.count >= 8, let position = Int(fields[1]), !fields[3].isEmpty, !fields[4].isEmpty else {
                summary.warn(line: lines.lineNumber, "malformed VCF record: need CHROM, a numeric POS, REF, ALT, QUAL, FILTER and INFO")
                continue
            }
            let filter = fields[6]
            if !options.includeAllFilters && filter != "PASS" && filter != "." {
                summary.skip(.filtered)
                continue
            }
            let info = Self.info(fields[7])
            // Which changes name this record.
            var texts: [String] = []
            var reason = NotAnnotatableReason.notAnnotatableWithoutVEP
            if let annotation {
                if let value = info[annotationKey], let picked = annotation.pick(value) {
                    for change in picked.changes { texts += AlterationNamer.changeTexts(gene: picked.gene, change: change) }
                    reason = picked.changes.isEmpty ? (picked.splice ? .spliceWithoutHGVSc : .nonProteinChange) : reason
                }
            } else {
                for alternate in fields[4].split(separator: ",") {
                    let hits = tables.compactMap {
                        $0.lookup(chromosome: String(fields[0]), position: position, reference: String(fields[3]), alternate: String(alternate))
                    }
                    // With the build unknown, a position that is a hotspot in both builds is ambiguous.
                    if hits.count == 1, let hit = hits.first { texts.append("\(hit.gene) \(hit.change)") }
                }
            }
            guard !texts.isEmpty else {
                summary.skip(reason)
                continue
            }
            let named = namer.name(texts)
            guard case .success = named else {
                summary.skip(named.failureReason ?? .unreadableVariant)
                continue
            }
            // The samples that carry it: all, unless genotypes say otherwise.
            let format = fields.count > 8 ? fields[8].split(separator: ":").map(String.init) : []
            var carriers = 0
            for (offset, sample) in sampleNames.enumerated() {
                let values = 9 + offset < fields.count ? fields[9 + offset].split(separator: ":", omittingEmptySubsequences: false) : []
                func formatValue(_ key: String) -> Substring? {
                    guard let index = format.firstIndex(of: key), index < values.count, values[index] != "." else { return nil }
                    return values[index]
                }
                if let genotype = formatValue("GT"), !genotype.contains(where: { $0 >= "1" && $0 <= "9" }) { continue }
                carriers += 1
                var fraction = formatValue("AF").flatMap { Double($0.split(separator: ",").first ?? "") }
                var depth = (formatValue("DP") ?? formatValue("DPT")).flatMap { Int($0) }
                if fraction == nil, let depths = (formatValue("AD") ?? formatValue("ADT"))?.split(separator: ",").compactMap({ Int($0) }),
                    depths.count >= 2, depths.reduce(0, +) > 0
                {
                    fraction = Double(depths[1]) / Double(depths.reduce(0, +))
                    depth = depth ?? depths.reduce(0, +)
                }
                fraction = fraction ?? (info["TVAF"] ?? info["AF"]).flatMap { Double($0.split(separator: ",").first ?? "") }
                depth = depth ?? (info["TDP"] ?? info["DP"]).flatMap { Int($0) }
                try record(named, sample: sample, line: lines.lineNumber, alleleFraction: fraction, depth: depth, &summary, emit)
            }
            if carriers == 0 { summary.skip(.notCalledInSample) }
        }
    }

    static func info(_ field: Substring) -> [String: Substring] {
        var values: [String: Substring] = [:]
        for item in field.split(separator: ";") {
            if let equals = item.firstIndex(of: "=") {
                values[String(item[..<equals])] = item[item.index(after: equals)...]
            } else {
                values[String(item)] = ""
            }
        }
        return values
    }
}

extension Result {
    var failureReason: Failure? {
        if case .failure(let reason) = self { return reason }
        return nil
    }
}
