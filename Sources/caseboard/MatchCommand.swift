import ArgumentParser
import CaseboardCore
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

    @Option(name: .long, help: "Output format: text or json (jsonl for --profiles).")
    var format: OutputFormat?

    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
        let sources = [profile != nil, profiles != nil, disease != nil || !alteration.isEmpty].filter { $0 }.count
        if sources == 0 { throw ValidationError("give --disease/--alteration, --profile FILE or --profiles FILE") }
        if sources > 1 { throw ValidationError("give only one of --disease/--alteration, --profile or --profiles") }
    }

    func run() async throws {
        let vocabularies = try Vocabularies.loadBundled()
        let store = try await knowledge.open(vocabularies: vocabularies)
        let matcher = Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failed = false
        if let profiles {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: profiles)), as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    let input = try JSONDecoder().decode(PatientProfile.self, from: Data(line.utf8))
                    let result = matcher.match(input)
                    failed = report(result.problems, label: "\(profiles):\(number + 1)") || failed
                    var data = try encoder.encode(result)
                    data.append(0x0A)
                    FileHandle.standardOutput.write(data)
                } catch let error as DecodingError {
                    Diagnostics.report(
                        .error(
                            "not a profile: \(error.readableDescription)",
                            file: profiles,
                            position: SourcePosition(offset: 0, line: number + 1, column: 1)
                        )
                    )
                    failed = true
                }
            }
        } else {
            let input: PatientProfile
            if let profile {
                do {
                    input = try JSONDecoder().decode(PatientProfile.self, from: try Data(contentsOf: URL(fileURLWithPath: profile)))
                } catch let error as DecodingError {
                    throw Diagnostic.error("not a profile: \(error.readableDescription)", file: profile)
                }
            } else {
                input = PatientProfile(disease: disease, alterations: alteration, priorTherapies: prior.map(Self.priorTherapy))
            }
            let result = matcher.match(input)
            failed = report(result.problems, label: profile ?? "profile")
            if (format ?? .text) == .json {
                encoder.outputFormatting.insert(.prettyPrinted)
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                print(MatchSummary.render(result))
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// "venetoclax+azacitidine:progressive disease" → drugs and response.
    static func priorTherapy(_ text: String) -> PriorTherapy {
        let parts = text.split(separator: ":", maxSplits: 1)
        let drugs = parts[0].split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        return PriorTherapy(drugs: drugs, response: parts.count > 1 ? String(parts[1]) : nil)
    }

    private func report(_ problems: [MatchProblem], label: String) -> Bool {
        for problem in problems {
            Diagnostics.report(.error("\(problem.field) '\(problem.input)': \(problem.message)", file: label))
        }
        return !problems.isEmpty
    }
}

/// A readable match result: the options table, alerts first-class, similar cases.
enum MatchSummary {
    static func render(_ result: MatchResult) -> String {
        var lines: [String] = []
        if let disease = result.disease { lines.append("Disease: \(disease.name) (\(disease.code))") }
        lines.append("Alterations: " + result.alterations.map(\.label).joined(separator: "; "))
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
