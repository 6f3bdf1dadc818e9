import ArgumentParser
import CaseboardCore
import CaseboardExtraction
import CaseboardIngest
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseboard ingest`: the literature into the knowledge base, as resumable jobs.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest PubMed, PMC JATS or folders of case reports into the knowledge base.",
        discussion: """
            Each input file is a job in the database's job table. A worker claims a file, reads it record \
            by record, keeps the case reports (publication type; --all keeps every record), extracts them \
            and stores each as a case with its evidence. A DeleteCitation block removes those PMIDs' cases. \
            Re-ingesting a record replaces its case.

            The ingest resumes where it stopped: run the same command again after an interruption (even \
            kill -9). Several workers on one database share the files; a file whose worker stopped sending \
            heartbeats for --stale-after seconds is taken over (at once, when that worker was a process of \
            this machine that no longer runs). A file that is done is skipped until it changes.

            Examples:
              caseboard ingest pubmed/baseline/*.xml.gz
              caseboard ingest --all pmc-case-reports/
              caseboard ingest --status
            """
    )

    @Argument(help: "PubMed .xml(.gz) files, PMC JATS files, or folders of documents.")
    var inputs: [String] = []

    @OptionGroup var knowledge: KnowledgeOptions

    @Flag(name: .long, help: "Store every record, not only case reports.")
    var all = false

    @Option(name: .long, help: "Input format: auto, text, markdown, html, pubmed, jats or pubtator.")
    var inputFormat: InputFormat = .auto

    @Option(name: .long, help: "Records extracted together and stored in one transaction.")
    var batchSize = 256

    @Option(name: .long, help: "Seconds without a heartbeat after which another worker takes a file over.")
    var staleAfter: Double = 120

    @Flag(name: .long, help: "Print the job table and exit.")
    var status = false

    @Flag(name: .long, help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if !status && inputs.isEmpty { throw ValidationError("give at least one file or folder to ingest, or --status") }
        if inputs.contains("-") { throw ValidationError("standard input cannot be ingested: give files or folders") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if !(staleAfter > 0) { throw ValidationError("--stale-after must be a positive number of seconds") }
    }

    func run() async throws {
        let vocabularies = try Vocabularies.loadBundled()
        let store = try await knowledge.open(vocabularies: vocabularies)
        guard let jobs = store as? any IngestJobStore else {
            throw ValidationError("this database keeps no ingest job table")
        }
        if status {
            StandardOutput.write(IngestStatusTable.render(try await jobs.ingestJobs(), now: Date()))
            return
        }
        let options = IngestOptions(
            selection: all ? .all : .caseReports,
            batchSize: batchSize,
            staleAfter: staleAfter,
            format: inputFormat.documentFormat
        )
        let ingester = Ingester(store: store, jobs: jobs, extractor: CaseExtractor(vocabularies: vocabularies), options: options)
        var printer = IngestProgressPrinter(mode: quiet ? .none : (isatty(STDERR_FILENO) == 1 ? .bar : .lines))
        let summary: IngestSummary
        do {
            // The database and its side files may sit in a folder being ingested.
            let database = knowledge.path
            let excluded: Set<String> = [database, database + "-wal", database + "-shm", database + "-journal"]
            summary = try await ingester.run(paths: inputs, excluding: excluded) { printer.update($0) }
        } catch let error as IngestError {
            printer.finish()
            throw Diagnostic.error(error.message, file: error.path)
        }
        printer.finish()
        let counts = summary.counts
        let rate = summary.elapsed > 0 ? Double(counts.recordsSeen) / summary.elapsed : 0
        print(
            "worker \(options.worker): \(summary.finishedHere) file(s) ingested, \(counts.recordsSeen) record(s) read, "
                + "\(counts.caseReports) selected, \(counts.stored) case(s) stored, \(counts.deleted) deleted, "
                + "\(counts.failed) failed in \(String(format: "%.1f", summary.elapsed)) s (\(String(format: "%.0f", rate)) records/s)"
        )
        print(
            "files: \(summary.filesDone) of \(summary.files) done"
                + (summary.heldElsewhere > 0 ? ", \(summary.heldElsewhere) held by other workers" : "")
        )
        for (path, message) in summary.failedHere.sorted(by: { $0.key < $1.key }) {
            Diagnostics.report(Diagnostic.error(message, file: path))
        }
        if !summary.failedHere.isEmpty || counts.failed > 0 { throw ExitCode.failure }
    }
}

/// The job table as text, one line per file.
enum IngestStatusTable {
    static func render(_ jobs: [IngestJob], now: Date) -> String {
        guard !jobs.isEmpty else { return "no ingest jobs\n" }
        var lines = ["state    tries  records  selected   stored  deleted  failed  heartbeat  worker  file"]
        for job in jobs {
            let age = job.heartbeatAt.map { IngestProgressPrinter.duration(now.timeIntervalSince($0)) + " ago" } ?? "-"
            let counts = job.counts
            lines.append(
                [
                    job.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                    pad(job.attempts, 5), pad(counts.recordsSeen, 8), pad(counts.caseReports, 9), pad(counts.stored, 8),
                    pad(counts.deleted, 8), pad(counts.failed, 7), age.leftPadded(to: 10), job.claimedBy ?? "-", job.path,
                ].joined(separator: " ") + (job.error.map { "  (\($0))" } ?? "")
            )
        }
        let done = jobs.filter { $0.state == .done }.count
        let total = jobs.reduce(IngestCounts()) { $0 + $1.counts }
        lines.append("\(done) of \(jobs.count) file(s) done; \(total.stored) case(s) stored, \(total.deleted) deleted, \(total.failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ value: Int, _ width: Int) -> String { String(value).leftPadded(to: width) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Progress on standard error: a bar redrawn in place on a terminal, plain lines every few
/// seconds otherwise.
struct IngestProgressPrinter {
    enum Mode {
        case bar, lines, none
    }

    private let mode: Mode
    private var lastPrint: Date = .distantPast
    private var drewBar = false
    /// Records per compressed byte, learned from finished files, for the ETA.
    private var recordsPerByte: Double = 0

    init(mode: Mode) { self.mode = mode }

    mutating func update(_ progress: IngestProgress) {
        guard mode != .none else { return }
        do {
            let now = Date()
            var line: String?
            var important = false
            switch progress.event {
            case .fileStarted(let path):
                if mode == .lines { line = "ingest: \(Self.name(path)) claimed" }
                important = true
            case .fileDone(let path):
                if mode == .lines { line = "ingest: \(Self.name(path)) done" }
                important = true
            case .fileFailed(let path, let error):
                line = "ingest: \(Self.name(path)) failed: \(error)"
                important = true
            case .fileLost(let path):
                line = "ingest: \(Self.name(path)) was taken over by another worker"
                important = true
            case .started, .batch, .finished:
                break
            }
            if progress.bytesTotal > 0, progress.counts.recordsSeen > 0, progress.bytesDone > 0 {
                recordsPerByte = Double(progress.counts.recordsSeen) / Double(progress.bytesDone)
            }
            let perByte = recordsPerByte > 0 ? recordsPerByte : Self.assumedRecordsPerByte
            let eta = progress.secondsLeft(recordsPerByte: perByte).map(Self.duration) ?? "--"
            let rate = String(format: "%.0f", progress.recordsPerSecond)
            switch mode {
            case .bar:
                if let line {
                    StandardOutput.writeError((drewBar ? "\r\u{1B}[K" : "") + line + "\n")
                    drewBar = false
                }
                guard important || now.timeIntervalSince(lastPrint) >= 0.2 else { return }
                lastPrint = now
                let fraction = progress.filesTotal > 0 ? Double(progress.filesDone) / Double(progress.filesTotal) : 0
                let width = 24
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let current = progress.currentFile.map { " " + Self.name($0) } ?? ""
                StandardOutput.writeError(
                    "\r\u{1B}[K[\(bar)] \(progress.filesDone)/\(progress.filesTotal) files  \(progress.counts.recordsSeen) records  "
                        + "\(progress.counts.stored) cases  \(rate) rec/s  ETA \(eta)\(current)"
                )
                drewBar = true
            case .lines:
                if let line { StandardOutput.writeError(line + "\n") }
                guard progress.event == .finished || now.timeIntervalSince(lastPrint) >= Self.lineInterval else { return }
                lastPrint = now
                StandardOutput.writeError(
                    "ingest: \(progress.filesDone)/\(progress.filesTotal) files done, \(progress.counts.recordsSeen) records read, "
                        + "\(progress.counts.stored) cases stored, \(rate) records/s, ETA \(eta)\n"
                )
            case .none:
                break
            }
        }
    }

    /// Ends the bar's line.
    mutating func finish() {
        if drewBar { StandardOutput.writeError("\n") }
        drewBar = false
    }

    /// Seconds between plain progress lines.
    static let lineInterval: TimeInterval = 5

    /// PubMed baseline files hold about 30,000 records in about 20 MB of gzip.
    static let assumedRecordsPerByte = 30_000.0 / 20_000_000.0

    static func name(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m" }
        if total >= 60 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total)s"
    }
}
