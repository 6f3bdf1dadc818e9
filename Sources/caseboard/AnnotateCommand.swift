import ArgumentParser
import CaseboardCore
import CaseboardGenomics
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation

/// `caseboard annotate`: a cohort's MAF, VCF, fusion and copy-number files, matched per sample as whole profiles.
struct AnnotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate MAF, VCF, fusion and copy-number files, and match each sample's alterations together.",
        discussion: """
            Files are recognized by their header: a MAF (Variant_Classification), a VCF (plain or .gz; VEP CSQ, SnpEff ANN,
            or raw through the bundled cancer hotspots), a fusion table (Fusion, FusionGene or #FusionName column), a copy-number
            list (Copy_Number_Alteration column), a GISTIC gene × sample matrix, or copy-number segments (a SEG file with
            seg.mean, a log2 ratio: ≥ 1.0 amplification, ≤ −1.3 deep deletion; or allele-specific nMajor/nMinor: total 0
            deletion, ≥ 6 amplification), called per gene through a bundled table of known-variant spans (GRCh37 unless
            --assembly GRCh38). A clinical file (SAMPLE_ID, ONCOTREE_CODE)
            gives each sample its tumour type; otherwise --disease applies to all.

            Examples:
              caseboard annotate data_mutations.maf data_fusions.txt data_cna.txt --clinical data_clinical.txt
              caseboard annotate tumour.vcf.gz --disease LUAD --format jsonl
              caseboard annotate data_mutations.maf --disease NSCLC --rows > data_mutations.annotated.tsv
              caseboard annotate *.maf --clinical clinical.txt --format html > cohort.html

            The output is one JSON line per sample (jsonl), one TSV row per sample and option (tsv), or a self-contained
            HTML cohort report (html). With --rows, the input rows come out untouched and in order with CASEBOARD_ALTERATION,
            CASEBOARD_STATUS, HOTSPOT, MATCH_SPECIFICITY, HIGHEST_SENSITIVE_LEVEL, HIGHEST_RESISTANCE_LEVEL, DRUGS_BY_LEVEL,
            RESISTANCE_DRUGS, EVIDENCE_IDS and CITATIONS appended (levels from the sample's whole-profile match). Malformed rows are warned about
            with their line number and counted; a summary per file goes to standard error. Exit code 1 when any row or sample
            was refused.
            """
    )

    @Argument(help: "MAF, VCF, fusion or copy-number files.")
    var files: [String]

    @Option(name: .long, help: "A clinical file: SAMPLE_ID → ONCOTREE_CODE (oncokb-annotator layout).")
    var clinical: String?

    @Option(name: .long, help: "The tumour type (OncoTree code or name) for samples the clinical file does not give.")
    var disease: String?

    @Option(name: .long, help: "Output format: tsv, jsonl or html (a self-contained cohort report).")
    var format: AnnotateFormat = .tsv

    @Option(name: .long, help: "What to write: samples (one profile per sample, matched as a whole) or rows (the input rows, annotation appended).")
    var output: AnnotateOutput = .samples

    @Flag(name: .long, help: "Write the input rows with their annotation appended (the same as --output rows).")
    var rows = false

    @Flag(name: .long, help: "Keep VCF records whose FILTER is not PASS.")
    var allFilters = false

    @Option(name: .long, help: "The genome build of raw VCFs (GRCh37 or GRCh38); detected from the header by default.")
    var assembly: String?

    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one genomic file") }
        if let assembly, GenomeAssembly(rawValue: assembly) == nil { throw ValidationError("--assembly is GRCh37 or GRCh38") }
        if rows || output == .rows, format != .tsv { throw ValidationError("row output is TSV: --rows goes with --format tsv") }
    }

    func run() async throws {
        let vocabularies = try Vocabularies.loadBundled()
        let clinicalFile = try clinical.map { try ClinicalFile.read(path: $0, vocabularies: vocabularies) }
        let store = try await knowledge.open(vocabularies: vocabularies)
        let matcher = Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        let options = GenomicReadOptions(includeAllFilters: allFilters, assembly: assembly.flatMap(GenomeAssembly.init(rawValue:)))
        let annotator = CohortAnnotator(vocabularies: vocabularies, matcher: matcher, options: options)
        let cohort = annotator.annotate(files.map { GenomicInput.file($0) }, clinical: clinicalFile, disease: disease)

        if let summary = cohort.clinical { report(summary) }
        for error in cohort.errors { Diagnostics.report(error) }
        for summary in cohort.summaries { report(summary) }
        for sample in cohort.samples {
            for problem in sample.problems { Diagnostics.report(.error(problem, file: sample.sample)) }
        }

        if rows || output == .rows {
            try writeRows(cohort, options: options, vocabularies: vocabularies)
        } else {
            switch format {
            case .jsonl:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for sample in cohort.samples {
                    var data = try encoder.encode(sample)
                    data.append(0x0A)
                    StandardOutput.write(data)
                }
            case .tsv:
                StandardOutput.write(AnnotatedSample.tsvHeader)
                for sample in cohort.samples { StandardOutput.write(sample.tsvRows) }
            case .html:
                StandardOutput.write(CohortReport.html(cohort, generated: ISO8601DateFormatter().string(from: Date())))
            }
        }
        if cohort.refused { throw ExitCode.failure }
    }

    /// The second pass: each file's lines again, in order, with the sample-level match appended per alteration.
    /// Several files are written one after the other, each after a `#caseboard file:` line.
    private func writeRows(_ cohort: CohortAnnotation, options: GenomicReadOptions, vocabularies: Vocabularies) throws {
        let annotator = RowAnnotator(samples: cohort.samples, hotspots: try HotspotTable.bundledProteinChanges())
        var reader = GenomicReader(vocabularies: vocabularies, options: options)
        let readable = Set(cohort.summaries.map(\.file))
        // A file refused in the first pass has been reported; it has no rows to write.
        for file in files where readable.contains(file) {
            if files.count > 1 { StandardOutput.write("#caseboard file: \(file)\n") }
            _ = try reader.read(path: file, rows: { StandardOutput.write(annotator.line(for: $0)) }, emit: { _ in })
        }
    }

    /// Reports warnings and the summary line; true when any row was refused.
    @discardableResult
    private func report(_ summary: ReadSummary) -> Bool {
        for warning in summary.warnings { Diagnostics.report(warning) }
        if summary.malformed > summary.warnings.count {
            Diagnostics.note("\(summary.file): \(summary.malformed - summary.warnings.count) more malformed rows not listed")
        }
        Diagnostics.note(summary.line)
        return summary.malformed > 0
    }
}

enum AnnotateFormat: String, ExpressibleByArgument, CaseIterable {
    case tsv, jsonl, html
}

enum AnnotateOutput: String, ExpressibleByArgument, CaseIterable {
    case samples, rows
}
