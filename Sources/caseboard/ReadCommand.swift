import ArgumentParser
import CaseboardCore
import CaseboardDocuments
import Foundation
import Logging

/// `caseboard read`: shows the documents the readers produce, to check what extraction sees.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read case reports and print the documents the readers produce.",
        discussion: """
            Reads plain text, Markdown, HTML, PubMed XML (also .xml.gz, streamed record by record) and \
            PMC JATS XML. The format is detected from the name and content; --input-format overrides it.

            --format json prints one JSON object per document per line, with every section's text, its \
            UTF-8 range in the document text and the byte range it came from in the input. --format text \
            prints a readable outline.

            Examples:
              caseboard read report.txt
              caseboard read --format json article.nxml
              caseboard read --case-reports-only pubmed21n1298.xml.gz
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output format: json or text.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Treat reader warnings (replaced bytes, repaired text) as failures.")
    var strict = false

    @Flag(name: .long, help: "Include the full text-to-input offset map in JSON output.")
    var sourceMap = false

    func run() throws {
        let loader = input.loader
        let printer = DocumentPrinter(format: format, includeSourceMap: sourceMap)
        var failures = 0
        var documents = 0
        for path in input.paths {
            do {
                try InputFiles.check(path)
                try loader.read(path: path) { item in
                    switch item {
                    case .document(let document):
                        if !input.keeps(document) { return }
                        for warning in document.warnings { Diagnostics.report(warning) }
                        if strict && !document.warnings.isEmpty { failures += 1 }
                        documents += 1
                        try printer.print(document)
                    case .deleted(let pmids, let source):
                        Diagnostics.note("\(source): DeleteCitation block with \(pmids.count) PMID(s): \(pmids.joined(separator: ", "))")
                    }
                }
            } catch {
                Diagnostics.report(InputFiles.diagnostic(for: error, path: path))
                failures += 1
            }
        }
        if failures > 0 {
            Diagnostics.note("\(failures) input(s) failed; \(documents) document(s) read")
            throw ExitCode.failure
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case text
}

enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto
    case text
    case markdown
    case html
    case pubmed
    case jats
    case pubtator

    var documentFormat: DocumentFormat? {
        self == .auto ? nil : DocumentFormat(rawValue: rawValue)
    }
}

/// Writes diagnostics to standard error.
enum Diagnostics {
    static func report(_ diagnostic: Diagnostic) {
        StandardOutput.writeError(diagnostic.description + "\n")
    }

    static func note(_ message: String) {
        StandardOutput.writeError("caseboard: " + message + "\n")
    }
}
