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
            list (Copy_Number_Alteration column) or a GISTIC gene × sample matrix. A clinical file (SAMPLE_ID, ONCOTREE_CODE)
            gives each sample its tumour type; otherwise --disease applies to all.

            Examples:
              caseboard annotate data_mutations.maf data_fusions.txt data_cna.txt --clinical data_clinical.txt
              caseboard annotate tumour.vcf.gz --disease LUAD --format jsonl

            The output is one JSON line per sample (jsonl), or one TSV row per sample and option. Malformed rows are warned about
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

    @Option(name: .long, help: "Output format: tsv or jsonl.")
    var format: AnnotateFormat = .tsv

    @Flag(name: .long, help: "Keep VCF records whose FILTER is not PASS.")
    var allFilters = false

    @Option(name: .long, help: "The genome build of raw VCFs (GRCh37 or GRCh38); detected from the header by default.")
    var assembly: String?

    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one genomic file") }
        if let assembly, GenomeAssembly(rawValue: assembly) == nil { throw ValidationError("--assembly is GRCh37 or GRCh38") }
    }

    func run() async throws {
        let vocabularies = try Vocabularies.loadBundled()
        var refused = false
        let clinicalFile = try clinical.map { try ClinicalFile.read(path: $0, vocabularies: vocabularies) }
        if let clinicalFile { refused = report(clinicalFile.summary) || refused }

        var reader = GenomicReader(
            vocabularies: vocabularies,
            options: GenomicReadOptions(includeAllFilters: allFilters, assembly: assembly.flatMap(GenomeAssembly.init(rawValue:)))
        )
        var builder = SampleProfileBuilder()
        for file in files {
            do {
                let summary = try reader.read(path: file) { builder.add($0) }
                builder.add(samples: summary.samples)
                refused = report(summary) || refused
            } catch let diagnostic as Diagnostic {
                Diagnostics.report(diagnostic)
                refused = true
            }
        }

        let store = try await knowledge.open(vocabularies: vocabularies)
        let matcher = Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if format == .tsv { write(AnnotatedSample.tsvHeader) }
        for profile in builder.profiles(clinical: clinicalFile, disease: disease) {
            var priors: [PriorTherapy] = []
            for text in profile.priorTherapies {
                switch MatchCommand.priorTherapy(text) {
                case .success(let prior): priors.append(prior)
                case .failure(let problem):
                    Diagnostics.report(.error("prior therapy '\(text)': \(problem.message)", file: profile.sample))
                    refused = true
                }
            }
            let result = matcher.match(
                PatientProfile(
                    id: profile.sample,
                    disease: profile.disease,
                    alterations: profile.alterations,
                    priorTherapies: priors
                )
            )
            let annotated = AnnotatedSample(profile: profile, result: result)
            for problem in annotated.problems { Diagnostics.report(.error(problem, file: profile.sample)) }
            refused = refused || !annotated.problems.isEmpty
            switch format {
            case .jsonl:
                var data = try encoder.encode(annotated)
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
            case .tsv:
                write(annotated.tsvRows)
            }
        }
        if refused { throw ExitCode.failure }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Reports warnings and the summary line; true when any row was refused.
    private func report(_ summary: ReadSummary) -> Bool {
        for warning in summary.warnings { Diagnostics.report(warning.diagnostic) }
        if summary.malformed > summary.warnings.count {
            Diagnostics.note("\(summary.file): \(summary.malformed - summary.warnings.count) more malformed rows not listed")
        }
        Diagnostics.note(summary.line)
        return summary.malformed > 0
    }
}

enum AnnotateFormat: String, ExpressibleByArgument, CaseIterable {
    case tsv, jsonl
}

/// A sample's profile and what matching it as a whole gives: one JSON line, or TSV rows.
struct AnnotatedSample: Encodable {
    var sample: String
    var disease: String?
    var resolvedDisease: ResolvedDisease?
    var alterations: [String]
    var priorTherapies: [String]
    var options: [TherapyOption]
    var resistance: [ResistanceAlert]
    var problems: [String]
    var snapshot: String

    enum CodingKeys: String, CodingKey {
        case sample, disease, alterations, options, resistance, problems, snapshot
        case resolvedDisease = "resolved_disease"
        case priorTherapies = "prior_therapies"
    }

    init(profile: SampleProfile, result: MatchResult) {
        sample = profile.sample
        disease = profile.disease
        resolvedDisease = result.disease
        alterations = profile.alterations
        priorTherapies = profile.priorTherapies
        options = result.options
        resistance = result.resistance
        problems = profile.problems + result.problems.map { "\($0.field) '\($0.input)': \($0.message)" }
        snapshot = result.snapshot
    }

    static let tsvHeader =
        [
            "sample", "disease", "alterations", "rank", "drugs", "level", "disease_match", "match_specificity", "matched_alterations",
            "resistance", "citations",
        ].joined(separator: "\t") + "\n"

    /// One row per option; a sample with none still gets one row, so every sample is accounted for.
    var tsvRows: String {
        let resistanceText = resistance.map { "\($0.drugs.joined(separator: "+")) (\($0.alteration))" }.joined(separator: "; ")
        let base = [sample, resolvedDisease?.code ?? disease ?? "", alterations.joined(separator: "; ")]
        guard !options.isEmpty else { return Self.row(base + ["", "", "", "", "", "", resistanceText, ""]) }
        return options.map { option in
            let citations: [String] = option.evidence.map { reference in
                if let pmid = reference.pmid { return "PMID:\(pmid)" }
                return reference.citation ?? reference.id
            }
            var fields: [String] = base
            fields.append(String(option.rank))
            fields.append(option.drugs.joined(separator: "+"))
            fields.append(option.level.rawValue)
            fields.append(option.diseaseMatch.rawValue)
            fields.append(option.matchSpecificity.rawValue)
            fields.append(option.alterations.joined(separator: "; "))
            fields.append(resistanceText)
            fields.append(Array(Set(citations)).sorted().joined(separator: "; "))
            return Self.row(fields)
        }.joined()
    }

    private static func row(_ fields: [String]) -> String {
        fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t") + "\n"
    }
}
