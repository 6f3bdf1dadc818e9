import ArgumentParser
import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Foundation

/// `caseboard extract`: case reports in, structured cases out.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract structured, time-ordered cases from case reports.",
        discussion: """
            Each document becomes one case: patient, diagnoses, alterations, therapy lines with responses, \
            adverse events with grades, resistance, procedures, outcome and a timeline. Every fact carries \
            spans: byte offsets into the input and the quoted text.

            Formats: jsonl (one case per line; the default for several inputs), json (pretty-printed), \
            text (a readable summary), pubtator and bioc (every entity mention, for mention-level scoring).

            A PubMed file gives one case per record, streamed; documents are extracted on all cores and \
            written in input order. A bad input is reported and the batch goes on; the exit code is then 1.

            Examples:
              caseboard extract report.txt
              caseboard extract --format jsonl seeds/*.txt > cases.jsonl
              caseboard extract --case-reports-only --format jsonl pubmed21n1298.xml.gz > cases.jsonl
              caseboard extract --format pubtator --input-format pubtator corpus.PubTator.txt
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output format: jsonl, json, text, pubtator or bioc.")
    var format: ExtractFormat?

    @Flag(name: .long, help: "Add every entity mention to JSON output.")
    var allMentions = false

    @Flag(
        name: .long,
        help: "Add the document's extracted text (document_text) to JSON output; 'kb import cases' keeps it, so the stored case reopens whole."
    )
    var documentText = false

    @Option(name: .long, help: "Documents extracted together per batch.")
    var batchSize = 256

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let extractor = CaseExtractor(vocabularies: try Vocabularies.loadBundled())
        let loader = input.loader
        let paths = input.paths
        let writer = CaseWriter(format: format ?? (paths.count == 1 ? .json : .jsonl), allMentions: allMentions, documentText: documentText)
        writer.begin()
        var failures = 0
        var documents = 0
        for path in paths {
            do {
                try InputFiles.check(path)
                var stream = try loader.open(path: path)
                var finished = false
                while !finished {
                    var batch: [Document] = []
                    var batchError: (any Error)?
                    do {
                        while batch.count < batchSize, let item = try stream.next() {
                            guard case .document(let document) = item else { continue }
                            if !input.keeps(document) { continue }
                            batch.append(document)
                        }
                    } catch {
                        // Keep what was read before the error; report it after writing them.
                        batchError = error
                    }
                    finished = batch.count < batchSize || batchError != nil
                    for document in batch { for warning in document.warnings { Diagnostics.report(warning) } }
                    for output in await writer.render(batch, with: extractor) { StandardOutput.write(output) }
                    documents += batch.count
                    if let batchError { throw batchError }
                }
            } catch {
                Diagnostics.report(InputFiles.diagnostic(for: error, path: path))
                failures += 1
            }
        }
        writer.end()
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
    case pubtator
    case bioc
}

/// Renders cases in the chosen format, extracting a batch of documents concurrently.
struct CaseWriter: Sendable {
    let format: ExtractFormat
    let allMentions: Bool
    var documentText = false

    /// Extracts and renders each document of a batch on all cores; results keep input order.
    func render(_ documents: [Document], with extractor: CaseExtractor) async -> [Data] {
        await extractor.extract(documents) { document, extractor in render(document, with: extractor) }
    }

    func render(_ document: Document, with extractor: CaseExtractor) -> Data {
        switch format {
        case .pubtator:
            return Data(MentionFormats.pubTator(document, mentions: extractor.mentions(document)).utf8)
        case .bioc:
            return Data((MentionFormats.bioCDocument(document, mentions: extractor.mentions(document)) + "\n").utf8)
        case .jsonl, .json, .text:
            var record = extractor.extract(document)
            if allMentions { record.mentions = extractor.mentions(document) }
            if format == .text { return Data(CaseSummary.render(record).utf8) }
            let encoder = JSONEncoder()
            encoder.outputFormatting =
                format == .json ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
            var data = (try? encoder.encode(RecordWithText(record: record, documentText: documentText ? document.text : nil))) ?? Data("{}".utf8)
            data.append(0x0A)
            return data
        }
    }

    /// Opens a BioC collection; other formats need no header.
    func begin() {
        guard format == .bioc else { return }
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withYear, .withMonth, .withDay])
            .replacingOccurrences(of: "-", with: "")
        StandardOutput.write(MentionFormats.bioCCollectionStart(date: date))
    }

    func end() {
        guard format == .bioc else { return }
        StandardOutput.write(MentionFormats.bioCCollectionEnd)
    }
}

/// A case record with the document text beside its members, as `POST /api/extract` gives it.
struct RecordWithText: Encodable {
    let record: CaseRecord
    let documentText: String?

    enum CodingKeys: String, CodingKey {
        case documentText = "document_text"
    }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        guard let documentText else { return }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documentText, forKey: .documentText)
    }
}
