import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation

/// A genomic file to annotate: a path on disk, or bytes already in memory (an upload).
public struct GenomicInput: Sendable {
    enum Source: Sendable {
        case path(String)
        case bytes([UInt8])
    }

    let source: Source
    /// The name used in summaries and warnings.
    public let name: String
    /// The layout; nil detects it from the header.
    public let format: GenomicFormat?

    /// The bytes of an in-memory input; nil for a file on disk.
    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = source { return bytes }
        return nil
    }

    /// A file on disk.
    public static func file(_ path: String, format: GenomicFormat? = nil) -> GenomicInput {
        GenomicInput(source: .path(path), name: path, format: format)
    }

    /// Bytes in memory, such as an upload.
    public static func bytes(_ bytes: [UInt8], name: String, format: GenomicFormat? = nil) -> GenomicInput {
        GenomicInput(source: .bytes(bytes), name: name, format: format)
    }
}

/// A sample's profile and what matching it as a whole gives: one JSON line, or TSV rows.
public struct AnnotatedSample: Sendable, Codable, Hashable {
    public var sample: String
    public var disease: String?
    public var resolvedDisease: ResolvedDisease?
    public var alterations: [String]
    /// The alterations as the matcher resolved them (gene and variant), for grouping by gene.
    public var resolvedAlterations: [ResolvedAlteration]
    public var priorTherapies: [String]
    public var options: [TherapyOption]
    public var resistance: [ResistanceAlert]
    public var problems: [String]
    public var snapshot: String

    enum CodingKeys: String, CodingKey {
        case sample, disease, alterations, options, resistance, problems, snapshot
        case resolvedDisease = "resolved_disease"
        case resolvedAlterations = "resolved_alterations"
        case priorTherapies = "prior_therapies"
    }

    public init(profile: SampleProfile, result: MatchResult, extraProblems: [String] = []) {
        sample = profile.sample
        disease = profile.disease
        resolvedDisease = result.disease
        alterations = profile.alterations
        resolvedAlterations = result.alterations
        priorTherapies = profile.priorTherapies
        options = result.options
        resistance = result.resistance
        problems = profile.problems + extraProblems + result.problems.map { "\($0.field) '\($0.input)': \($0.message)" }
        snapshot = result.snapshot
    }

    /// The gene an alteration label is filed under, as the matcher resolved it.
    public func gene(of alteration: String) -> String {
        if let resolved = resolvedAlterations.first(where: { $0.input == alteration || $0.label == alteration }) { return resolved.gene }
        return String(alteration.split(separator: " ").first ?? Substring(alteration))
    }

    /// The best sensitivity level over the sample's options, if any.
    public var bestLevel: EvidenceLevel? { options.map(\.level).min() }

    /// The header of the sample-level TSV.
    public static let tsvHeader =
        [
            "sample", "disease", "alterations", "rank", "drugs", "level", "disease_match", "match_specificity", "matched_alterations",
            "resistance", "citations",
        ].joined(separator: "\t") + "\n"

    /// One row per option; a sample with none still gets one row, so every sample is accounted for.
    public var tsvRows: String {
        let resistanceText = resistance.map { "\($0.drugs.joined(separator: "+")) (\($0.alteration))" }.joined(separator: "; ")
        let base = [sample, resolvedDisease?.code ?? disease ?? "", alterations.joined(separator: "; ")]
        guard !options.isEmpty else { return tsvRow(base + ["", "", "", "", "", "", resistanceText, ""]) }
        return options.map { option in
            var fields: [String] = base
            fields.append(String(option.rank))
            fields.append(option.drugs.joined(separator: "+"))
            fields.append(option.level.rawValue)
            fields.append(option.diseaseMatch.rawValue)
            fields.append(option.matchSpecificity.rawValue)
            fields.append(option.alterations.joined(separator: "; "))
            fields.append(resistanceText)
            fields.append(citations(option.evidence).joined(separator: "; "))
            return tsvRow(fields)
        }.joined()
    }
}

/// "PMID:123" where a PMID is known, else the citation or the evidence id; sorted, without repeats.
func citations(_ references: [EvidenceReference]) -> [String] {
    let texts = references.map { reference -> String in
        if let pmid = reference.pmid { return "PMID:\(pmid)" }
        return reference.citation ?? reference.id
    }
    return Array(Set(texts)).sorted()
}

/// Fields joined by tabs; a tab or line break inside a field becomes a space, so columns stay aligned.
func tsvRow(_ fields: [String]) -> String {
    fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") }
        .joined(separator: "\t") + "\n"
}

/// A whole cohort, read and matched: each file's summary, each sample's profile and options.
public struct CohortAnnotation: Sendable {
    /// One summary per genomic file read (files refused as a whole are in `errors`).
    public var summaries: [ReadSummary]
    /// The clinical file's summary, when one was given.
    public var clinical: ReadSummary?
    /// One entry per sample, in first-seen order.
    public var samples: [AnnotatedSample]
    /// Files refused as a whole: unreadable, unknown layout, a missing required column.
    public var errors: [Diagnostic]

    /// True when any row, file or sample was refused: the run's exit code is 1.
    public var refused: Bool {
        !errors.isEmpty || summaries.contains { $0.malformed > 0 } || (clinical?.malformed ?? 0) > 0
            || samples.contains { !$0.problems.isEmpty }
    }
}

/// Reads a cohort's genomic files, gathers each sample's alterations into one profile, and matches
/// each profile as a whole. Memory grows with samples × distinct alterations, never with rows.
public struct CohortAnnotator: Sendable {
    public let vocabularies: Vocabularies
    public let matcher: Matcher
    public var options: GenomicReadOptions

    public init(vocabularies: Vocabularies, matcher: Matcher, options: GenomicReadOptions = GenomicReadOptions()) {
        self.vocabularies = vocabularies
        self.matcher = matcher
        self.options = options
    }

    /// Reads and matches. A file that cannot be read at all is an entry in `errors`; the others go on.
    public func annotate(_ inputs: [GenomicInput], clinical: ClinicalFile? = nil, disease: String? = nil) -> CohortAnnotation {
        var reader = GenomicReader(vocabularies: vocabularies, options: options)
        var builder = SampleProfileBuilder()
        var summaries: [ReadSummary] = []
        var errors: [Diagnostic] = []
        for input in inputs {
            do {
                let summary: ReadSummary
                switch input.source {
                case .path(let path): summary = try reader.read(path: path, format: input.format) { builder.add($0) }
                case .bytes(let bytes): summary = try reader.read(bytes: bytes, name: input.name, format: input.format) { builder.add($0) }
                }
                builder.add(samples: summary.samples)
                summaries.append(summary)
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            } catch {
                errors.append(.error("\(error)", file: input.name))
            }
        }
        let samples = builder.profiles(clinical: clinical, disease: disease).map(match)
        return CohortAnnotation(summaries: summaries, clinical: clinical?.summary, samples: samples, errors: errors)
    }

    /// Matches one sample's profile, its prior therapies read as `match --prior` reads them.
    public func match(_ profile: SampleProfile) -> AnnotatedSample {
        var priors: [PriorTherapy] = []
        var problems: [String] = []
        for text in profile.priorTherapies {
            switch Self.priorTherapy(text) {
            case .success(let prior): priors.append(prior)
            case .failure(let problem): problems.append("prior therapy '\(text)': \(problem.message)")
            }
        }
        let result = matcher.match(
            PatientProfile(id: profile.sample, disease: profile.disease, alterations: profile.alterations, priorTherapies: priors)
        )
        return AnnotatedSample(profile: profile, result: result, extraProblems: problems)
    }

    /// `DRUG[+DRUG...][:RESPONSE]`, as `match --prior` and the clinical file's prior-therapy column write it.
    public static func priorTherapy(_ text: String) -> Result<PriorTherapy, Diagnostic> {
        let usage = "write DRUG[+DRUG...][:RESPONSE], for example sorafenib:PD"
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let drugs = parts[0].split(separator: "+", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if drugs.contains(where: \.isEmpty) { return .failure(.error("a drug name is missing; \(usage)")) }
        let response = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        if response?.isEmpty == true { return .failure(.error("the response after ':' is missing; \(usage)")) }
        return .success(PriorTherapy(drugs: drugs, response: response))
    }
}
