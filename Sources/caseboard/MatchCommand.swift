import ArgumentParser
import CaseboardCore
import CaseboardExport
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation

/// `caseboard match`: ranked options, resistance alerts and similar cases for a patient.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank therapy options for a patient's tumour, alterations and prior therapies.",
        discussion: """
            Give the patient on the command line, as one JSON profile, or as JSON lines (one result line each).
            Prior therapies are DRUG[+DRUG...][:RESPONSE], for example sorafenib:PD or venetoclax+azacitidine:refractory.

            Examples:
              caseboard match --disease "myeloid sarcoma" --alteration FLT3-ITD --alteration "FLT3 D835H" --prior sorafenib:PD
              caseboard match --format json --profile patient.json
              caseboard match --profiles patients.jsonl > results.jsonl
              caseboard match --phenopacket patient.phenopacket.json

            Inputs that cannot be used (an unknown gene, an unreadable alteration, an unknown disease or drug) are
            listed under "problems" with a message, reported on standard error, and make the exit code 1.
            """
    )

    @Option(name: .long, help: "The tumour type: free text or an OncoTree code.")
    var disease: String?

    @Option(name: .long, help: "An alteration as a clinician writes it (repeat for several).")
    var alteration: [String] = []

    @Option(name: .long, help: "A prior therapy: DRUG[+DRUG...][:RESPONSE] (repeat for several).")
    var prior: [String] = []

    @Option(name: .long, help: "A JSON file with one profile.")
    var profile: String?

    @Option(name: .long, help: "A JSON-lines file with one profile per line.")
    var profiles: String?

    @Option(name: .long, help: "A GA4GH Phenopacket v2 JSON file: its diseases, variants and treatments with responses.")
    var phenopacket: String?

    @Option(name: .long, help: "Output format: text or json. --profiles always writes JSON lines, one result per profile.")
    var format: OutputFormat?

    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
        let sources = [profile != nil, profiles != nil, phenopacket != nil, disease != nil || !alteration.isEmpty].filter { $0 }.count
        if sources == 0 { throw ValidationError("give --disease/--alteration, --profile FILE, --profiles FILE or --phenopacket FILE") }
        if sources > 1 { throw ValidationError("give only one of --disease/--alteration, --profile, --profiles or --phenopacket") }
    }

    func run() async throws {
        let vocabularies = try Vocabularies.loadBundled()
        let store = try await knowledge.open(vocabularies: vocabularies)
        let matcher = Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failed = false
        if let profiles {
            let text = String(decoding: try InputFiles.read(profiles), as: UTF8.self)
            for (number, line) in JSONLines.lines(text) {
                do {
                    let input = try JSONDecoder().decode(PatientProfile.self, from: Data(line.utf8))
                    let result = matcher.match(input)
                    failed = report(result.problems, label: "\(profiles):\(number)") || failed
                    var data = try encoder.encode(result)
                    data.append(0x0A)
                    StandardOutput.write(data)
                } catch let error as DecodingError {
                    Diagnostics.report(
                        .error(
                            "not a profile: \(error.readableDescription)",
                            file: profiles,
                            position: SourcePosition(offset: 0, line: number, column: 1)
                        )
                    )
                    failed = true
                }
            }
        } else {
            let input: PatientProfile
            // The --prior text behind each prior therapy of the profile.
            var priorTexts: [String] = []
            if let phenopacket {
                // Another system's patient: the importer builds the profile; codes it cannot read are errors, not guesses.
                let imported: ImportedProfile
                do {
                    imported = try PhenopacketImporter(vocabularies: vocabularies).profile(from: Data(try InputFiles.read(phenopacket)))
                } catch let error as PhenopacketImportError {
                    throw Diagnostic.error("not a usable phenopacket: \(error.description)", file: phenopacket)
                }
                input = PatientProfile(
                    id: imported.id,
                    disease: imported.disease,
                    alterations: imported.alterations,
                    priorTherapies: imported.priorTherapies.map { PriorTherapy(drugs: $0.drugs, response: $0.response) }
                )
            } else if let profile {
                do {
                    input = try JSONDecoder().decode(PatientProfile.self, from: Data(try InputFiles.read(profile)))
                } catch let error as DecodingError {
                    throw Diagnostic.error("not a profile: \(error.readableDescription); see 'caseboard match --help' for its fields", file: profile)
                }
            } else {
                var priors: [PriorTherapy] = []
                for text in prior {
                    switch Self.priorTherapy(text) {
                    case .success(let therapy):
                        priors.append(therapy)
                        priorTexts.append(text)
                    case .failure(let problem):
                        Diagnostics.report(.error("--prior '\(text)': \(problem.message)", file: "profile"))
                        failed = true
                    }
                }
                input = PatientProfile(disease: disease, alterations: alteration, priorTherapies: priors)
            }
            let result = matcher.match(input)
            failed = report(result.problems, label: profile ?? phenopacket ?? "profile", priorTexts: priorTexts) || failed
            if (format ?? .text) == .json {
                encoder.outputFormatting.insert(.prettyPrinted)
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                print(MatchSummary.render(result))
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Why a `--prior` cannot be read.
    struct PriorProblem: Error {
        let message: String
    }

    /// "venetoclax+azacitidine:progressive disease" → drugs and response. A text with an empty
    /// drug or an empty response is refused rather than matched as something else.
    static func priorTherapy(_ text: String) -> Result<PriorTherapy, PriorProblem> {
        let usage = "write DRUG[+DRUG...][:RESPONSE], for example sorafenib:PD"
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let drugs = parts[0].split(separator: "+", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if drugs.contains(where: \.isEmpty) { return .failure(PriorProblem(message: "a drug name is missing; \(usage)")) }
        let response = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        if response?.isEmpty == true { return .failure(PriorProblem(message: "the response after ':' is missing; \(usage)")) }
        return .success(PriorTherapy(drugs: drugs, response: response))
    }

    private func report(_ problems: [MatchProblem], label: String, priorTexts: [String] = []) -> Bool {
        for problem in problems {
            var message = "\(problem.field) '\(problem.input)': \(problem.message)"
            // Name the option as the user wrote it, not only the field it became.
            if let index = Self.priorIndex(problem.field), priorTexts.indices.contains(index) {
                message = "--prior '\(priorTexts[index])': " + message
            }
            Diagnostics.report(.error(message, file: label))
        }
        return !problems.isEmpty
    }

    /// 2 for "prior_therapies[2].response".
    static func priorIndex(_ field: String) -> Int? {
        guard let match = field.prefixMatch(of: /prior_therapies\[(\d+)\]/) else { return nil }
        return Int(match.1)
    }
}

/// A readable match result: the options table, alerts first-class, similar cases.
enum MatchSummary {
    static func render(_ result: MatchResult) -> String {
        var lines: [String] = []
        if let disease = result.disease { lines.append("Disease: \(disease.name) (\(disease.code))") }
        lines.append("Alterations: " + result.alterations.map(\.label).joined(separator: "; "))
        for finding in result.findings { lines.append("Read, not matched: \(finding.note)") }
        if !result.resistance.isEmpty {
            lines.append("RESISTANCE ALERTS:")
            for alert in result.resistance {
                lines.append("  ! \(alert.drugs.joined(separator: " + ")) [\(alert.basis)]: \(alert.why)")
            }
        }
        lines.append("Options:")
        if result.options.isEmpty { lines.append("  (none)") }
        for option in result.options.prefix(25) {
            lines.append(
                "  \(option.rank). \(option.drugs.joined(separator: " + "))  level \(option.level), \(option.diseaseMatch.rawValue), "
                    + "\(option.matchSpecificity.rawValue) match, \(option.evidence.count) evidence"
            )
            lines.append("     \(option.why)")
        }
        if result.options.count > 25 { lines.append("  ... \(result.options.count - 25) more (use --format json)") }
        if !result.similarCases.isEmpty {
            lines.append("Similar cases:")
            for similar in result.similarCases {
                lines.append("  \(similar.case) (score \(similar.score)): \(similar.title ?? "") — shared: \(similar.shared.joined(separator: ", "))")
            }
        }
        lines.append("Knowledge snapshot: \(result.snapshot)")
        return lines.joined(separator: "\n")
    }
}
