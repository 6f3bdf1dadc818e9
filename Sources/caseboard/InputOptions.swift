import ArgumentParser
import CaseboardCore
import CaseboardDocuments

/// The inputs of `read` and `extract`: files, their format, and the case-report filter.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or directories to read; '-' reads standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Input format: auto, text, markdown, html, pubmed, jats or pubtator.")
    var inputFormat: InputFormat = .auto

    @Flag(name: .long, help: "Keep only PubMed records whose publication type is Case Reports.")
    var caseReportsOnly = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one file, directory or '-'") }
    }

    var loader: DocumentLoader { DocumentLoader(options: .init(format: inputFormat.documentFormat)) }

    var paths: [String] { DocumentLoader.expand(inputs) }

    /// Whether a document passes the case-report filter.
    func keeps(_ document: Document) -> Bool {
        !caseReportsOnly || document.metadata.isCaseReport
    }
}
