import ArgumentParser
import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Foundation

/// `caseboard extract`: case reports in, structured cases out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract structured, time-ordered cases from case reports.",
        discussion: """
            Each document becomes one case: patient, diagnoses, alterations, therapy lines with responses, \
            adverse events with grades, resistance, procedures, outcome and a timeline. Every fact carries \
            spans: byte offsets into the input and the quoted text.

            Formats: jsonl (one case per line; the default for several inputs), json (pretty-printed), \
            text (a readable summary).

            Examples:
              caseboard extract report.txt
              caseboard extract --format jsonl seeds/*.txt > cases.jsonl
              caseboard extract --case-reports-only --format jsonl pubmed21n1298.xml.gz > cases.jsonl
            """
    )

    @Argument(help: "Files or directories to read; '-' reads standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Output format: jsonl, json or text.")
    var format: ExtractFormat?

    @Option(name: .long, help: "Input format: auto, text, markdown, html, pubmed or jats.")
    var inputFormat: InputFormat = .auto

    @Flag(name: .long, help: "Keep only PubMed records whose publication type is Case Reports.")
    var caseReportsOnly = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one file, directory or '-'") }
    }

    func run() throws {
        let vocabularies = try Vocabularies.loadBundled()
        let extractor = CaseExtractor(vocabularies: vocabularies)
        let loader = DocumentLoader(options: .init(format: inputFormat.documentFormat))
        let paths = DocumentLoader.expand(inputs)
        let chosen = format ?? (paths.count == 1 ? .json : .jsonl)
        let writer = CaseWriter(format: chosen)
        var failures = 0
        var documents = 0
        for path in paths {
            do {
                try loader.read(path: path) { item in
                    guard case .document(let document) = item else { return }
                    if caseReportsOnly && !document.metadata.isCaseReport { return }
                    for warning in document.warnings { Diagnostics.report(warning) }
                    documents += 1
                    try writer.write(extractor.extract(document))
                }
            } catch let diagnostic as Diagnostic {
                Diagnostics.report(diagnostic.located(in: path))
                failures += 1
            } catch {
                Diagnostics.report(.error("\(error)", file: path))
                failures += 1
            }
        }
        if failures > 0 {
            Diagnostics.note("\(failures) input(s) failed; \(documents) document(s) extracted")
            throw ExitCode.failure
        }
    }
}

enum ExtractFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case json
    case text
}

/// Writes cases in the chosen format.
struct CaseWriter {
    let format: ExtractFormat
    private let compact: JSONEncoder
    private let pretty: JSONEncoder

    init(format: ExtractFormat) {
        self.format = format
        compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    }

    func write(_ record: CaseRecord) throws {
        switch format {
        case .jsonl:
            var data = try compact.encode(record)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case .json:
            var data = try pretty.encode(record)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case .text:
            FileHandle.standardOutput.write(Data(CaseSummary.render(record).utf8))
        }
    }
}
