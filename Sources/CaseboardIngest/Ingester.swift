import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardKnowledge
import Foundation
import Logging

/// Which documents of the inputs become cases.
public enum IngestSelection: String, Sendable, Hashable, CaseIterable {
    /// Documents whose publication type is Case Reports, and documents that state no type at
    /// all (a plain-text or Markdown report given on purpose).
    case caseReports
    /// Every document.
    case all
}

/// How an ingest runs.
public struct IngestOptions: Sendable {
    public var selection: IngestSelection
    /// Documents extracted together and stored in one transaction.
    public var batchSize: Int
    /// A claim whose heartbeat is older than this many seconds is taken over.
    public var staleAfter: TimeInterval
    /// Forces an input format instead of detecting it.
    public var format: DocumentFormat?
    public var worker: IngestWorker

    public init(
        selection: IngestSelection = .caseReports,
        batchSize: Int = 256,
        staleAfter: TimeInterval = 120,
        format: DocumentFormat? = nil,
        worker: IngestWorker = .current()
    ) {
        self.selection = selection
        self.batchSize = max(1, batchSize)
        self.staleAfter = staleAfter
        self.format = format
        self.worker = worker
    }
}

/// Why an ingest could not start.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var path: String?

    public init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    public var description: String { (path.map { "\($0): " } ?? "") + "error: " + message }
}

/// Ingests literature into a knowledge store: each input file is a job in the store's job
/// table; a worker claims a file, streams its documents, extracts the selected ones in
/// batches on all cores, stores each batch's cases with their evidence in one transaction,
/// applies `DeleteCitation` blocks, and checkpoints the file after every batch.
///
/// Storing a batch overlaps reading and extracting the next. A rerun, or another worker after
/// the stale timeout, resumes a file at its checkpoint; cases are replaced by id, so records
/// stored again after a crash are neither lost nor duplicated.
///
/// Every case and deletion names its ``CaseSource`` (the file's name and the item's index in
/// it), so when workers ingest update files concurrently, or out of order, the store keeps the
/// revision of the latest file (PubMed's file names sort in publication order) and a later
/// file's `DeleteCitation` keeps an earlier file's revision out (the store contract's revisions).
///
/// ```swift
/// let ingester = Ingester(store: store, jobs: store, extractor: extractor)
/// let summary = try await ingester.run(paths: ["pubmed21n1298.xml.gz"]) { progress in print(progress.counts) }
/// ```
public struct Ingester: Sendable {
    public let store: any KnowledgeStore
    public let jobs: any IngestJobStore
    public let extractor: CaseExtractor
    public let options: IngestOptions
    private let logger: Logger

    public init(
        store: any KnowledgeStore,
        jobs: any IngestJobStore,
        extractor: CaseExtractor,
        options: IngestOptions = IngestOptions(),
        logger: Logger = Logger(label: "caseboard.ingest")
    ) {
        self.store = store
        self.jobs = jobs
        self.extractor = extractor
        self.options = options
        self.logger = logger
    }

    /// The file name endings (before an optional `.gz`) taken from folders: documents Caseboard
    /// reads. Files named directly are taken whatever their name.
    public static let documentExtensions: Set<String> = [
        "xml", "nxml", "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pubtator", "bioc",
    ]

    /// The files `paths` name: folders expanded to the document files under them (sorted,
    /// hidden files skipped, see ``documentExtensions``), each with its absolute path, size and
    /// modification time; paths in `excluded` (such as the database itself) are left out.
    ///
    /// - Throws: ``IngestError`` for a path that does not exist or cannot be examined.
    public static func files(_ paths: [String], excluding excluded: Set<String> = []) throws -> [IngestFileIdentity] {
        var seen = Set(excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var result: [IngestFileIdentity] = []
        for given in paths {
            guard given != "-" else { throw IngestError("standard input cannot be ingested as a job; give files or folders") }
            var isDirectory: ObjCBool = false
            let inFolder = FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) && isDirectory.boolValue
            for path in inFolder ? DocumentLoader.expand([given]).filter(isDocumentName) : [given] {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                guard seen.insert(absolute).inserted else { continue }
                let attributes: [FileAttributeKey: Any]
                do {
                    attributes = try FileManager.default.attributesOfItem(atPath: absolute)
                } catch {
                    throw IngestError("no such file or folder, or it cannot be examined; check the path", path: path)
                }
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result.append(IngestFileIdentity(path: absolute, size: size, modifiedAt: modified))
            }
        }
        return result
    }

    private static func isDocumentName(_ path: String) -> Bool {
        var name = URL(fileURLWithPath: path).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return documentExtensions.contains(String(name[name.index(after: dot)...]))
    }

    /// Registers the files of `paths` and works until no file of them is left to claim.
    ///
    /// - Parameters:
    ///   - paths: Files and folders, as ``files(_:excluding:)`` expands them.
    ///   - excluded: Paths never to ingest, such as the database and its side files.
    ///   - progress: Called after each batch and file, on the ingesting task.
    /// - Returns: What this worker did.
    /// - Throws: ``IngestError`` for missing inputs; store errors end the run (the file keeps
    ///   its last checkpoint and is taken over after the stale timeout or by a rerun).
    public func run(
        paths: [String],
        excluding excluded: Set<String> = [],
        progress: (IngestProgress) -> Void = { _ in }
    ) async throws -> IngestSummary {
        let started = Date()
        let files = try Self.files(paths, excluding: excluded)
        let registered = try await jobs.registerIngestFiles(files, now: Date())
        let filePaths = files.map(\.path)
        let sizes = Dictionary(files.map { ($0.path, $0.size) }, uniquingKeysWith: { first, _ in first })
        var state = IngestProgress(
            event: .started,
            filesTotal: files.count,
            filesDone: registered.filter { $0.state == .done }.count,
            bytesTotal: files.reduce(0) { $0 + $1.size },
            bytesDone: registered.filter { $0.state == .done }.reduce(0) { $0 + $1.identity.size },
            currentFile: nil,
            currentFileBytes: 0,
            currentFileRecords: 0,
            counts: IngestCounts(),
            elapsed: 0
        )
        progress(state)
        var summary = IngestSummary(
            files: files.count,
            filesDone: 0,
            finishedHere: 0,
            failedHere: [:],
            lostHere: 0,
            heldElsewhere: 0,
            counts: IngestCounts(),
            elapsed: 0
        )
        while true {
            try await releaseDeadClaims(among: Set(filePaths))
            guard
                let job = try await jobs.claimNextIngestFile(
                    worker: options.worker.description,
                    among: filePaths,
                    staleAfter: options.staleAfter,
                    now: Date()
                )
            else { break }
            logger.debug("claimed", metadata: ["file": "\(job.path)", "checkpoint": "\(job.checkpoint)"])
            state.currentFile = job.path
            state.currentFileBytes = sizes[job.path] ?? job.identity.size
            state.currentFileRecords = job.counts.recordsSeen
            state.event = .fileStarted(path: job.path)
            state.elapsed = Date().timeIntervalSince(started)
            progress(state)
            let before = state.counts
            let outcome = try await ingest(job, state: &state, started: started, progress: progress)
            state.currentFile = nil
            state.currentFileBytes = 0
            state.currentFileRecords = 0
            state.elapsed = Date().timeIntervalSince(started)
            switch outcome {
            case .done:
                summary.finishedHere += 1
                state.filesDone += 1
                state.bytesDone += sizes[job.path] ?? 0
                state.event = .fileDone(path: job.path)
            case .failed(let message):
                summary.failedHere[job.path] = message
                state.event = .fileFailed(path: job.path, error: message)
            case .lost:
                summary.lostHere += 1
                state.event = .fileLost(path: job.path)
            }
            logger.debug("file ended", metadata: ["file": "\(job.path)", "delta": "\(state.counts.recordsSeen - before.recordsSeen)"])
            progress(state)
        }
        let table = try await jobs.ingestJobs().filter { Set(filePaths).contains($0.path) }
        summary.filesDone = table.filter { $0.state == .done }.count
        summary.heldElsewhere = table.filter { $0.state == .claimed }.count
        summary.counts = state.counts
        summary.elapsed = Date().timeIntervalSince(started)
        state.filesDone = summary.filesDone
        state.event = .finished
        state.elapsed = summary.elapsed
        progress(state)
        return summary
    }

    /// Returns to pending the files of `paths` held by processes of this machine that no
    /// longer run (a worker killed with SIGKILL), so a rerun need not wait out the timeout.
    private func releaseDeadClaims(among paths: Set<String>) async throws {
        for job in try await jobs.ingestJobs() where job.state == .claimed && paths.contains(job.path) {
            guard let holder = job.claimedBy.flatMap(IngestWorker.init), holder.isKnownDead(from: options.worker) else { continue }
            if try await jobs.releaseIngestFile(path: job.path, worker: holder.description, now: Date()) {
                logger.debug("took over a file of a worker that no longer runs", metadata: ["file": "\(job.path)", "worker": "\(holder)"])
            }
        }
    }

    enum FileOutcome {
        case done
        case failed(String)
        case lost
    }

    /// One batch read from a file: the selected documents, what reading them counted, the
    /// `DeleteCitation` PMIDs that follow them, and the item index after them.
    private struct Batch {
        /// Each selected document with its item index in the file.
        var documents: [(document: Document, record: Int)] = []
        var tally = IngestCounts()
        var deletions: [String] = []
        /// The `DeleteCitation` block's item index in the file.
        var deletionRecord = 0
        var checkpoint = 0
        var readError: (any Error)?
        var atEnd = false
    }

    /// What a committed batch left: the counts of the file so far, or nil when the claim was lost.
    private typealias Commit = IngestCounts?

    private func ingest(
        _ job: IngestJob,
        state: inout IngestProgress,
        started: Date,
        progress: (IngestProgress) -> Void
    ) async throws -> FileOutcome {
        let worker = options.worker.description
        let path = job.path
        // Revisions are ordered by file name, so workers that see the file under different
        // folders agree (the store contract's revisions).
        let sourceFile = URL(fileURLWithPath: path).lastPathComponent
        var stream: DocumentStream
        var index = 0
        do {
            stream = try DocumentLoader(options: .init(format: options.format)).open(path: path)
            // Items up to the checkpoint are stored already.
            while index < job.checkpoint, try stream.next() != nil { index += 1 }
        } catch {
            let message = Self.describe(error, path: path)
            return try await jobs.failIngestFile(path: path, worker: worker, counts: job.counts, error: message, now: Date())
                ? .failed(message) : .lost
        }
        var committed = job.counts
        var inFlight: Task<Commit, any Error>?
        var runCounts = state.counts
        var readError: (any Error)?
        while true {
            let batch = readBatch(from: &stream, index: &index)
            let submissions = await extract(batch.documents, file: sourceFile)
            // The previous batch is committed before this one starts, so a file's items reach
            // the store in file order and the checkpoint never passes an unstored item.
            if let previous = inFlight {
                guard let counts = try await previous.value else { return .lost }
                runCounts = runCounts + (counts + negated(committed))
                committed = counts
                report(&state, path: path, committed: committed, runCounts: runCounts, started: started, progress: progress)
            }
            let base = committed + batch.tally
            let checkpoint = batch.checkpoint
            let deletions = batch.deletions
            let deletionSource = CaseSource(file: sourceFile, record: batch.deletionRecord)
            let store = store
            let jobs = jobs
            inFlight = Task {
                var counts = base
                if !submissions.isEmpty {
                    let result = try await store.saveCases(submissions)
                    for outcome in result.outcomes {
                        switch outcome {
                        // A later file's revision is stored already: neither stored nor failed.
                        case .success(let saved) where saved.superseded: break
                        case .success: counts.stored += 1
                        case .failure: counts.failed += 1
                        }
                    }
                }
                if !deletions.isEmpty {
                    // One transaction for the whole DeleteCitation block.
                    counts.deleted += try await store.deleteCases(ids: deletions.map { "pmid:\($0)" }, source: deletionSource).count
                }
                let owned = try await jobs.recordIngestProgress(path: path, worker: worker, checkpoint: checkpoint, counts: counts, now: Date())
                return owned ? counts : nil
            }
            if batch.atEnd {
                readError = batch.readError
                break
            }
        }
        if let last = inFlight {
            guard let counts = try await last.value else { return .lost }
            runCounts = runCounts + (counts + negated(committed))
            committed = counts
            report(&state, path: path, committed: committed, runCounts: runCounts, started: started, progress: progress)
        }
        if let readError {
            let message = Self.describe(readError, path: path)
            return try await jobs.failIngestFile(path: path, worker: worker, counts: committed, error: message, now: Date())
                ? .failed(message) : .lost
        }
        return try await jobs.completeIngestFile(path: path, worker: worker, checkpoint: index, counts: committed, now: Date())
            ? .done : .lost
    }

    private func report(
        _ state: inout IngestProgress,
        path: String,
        committed: IngestCounts,
        runCounts: IngestCounts,
        started: Date,
        progress: (IngestProgress) -> Void
    ) {
        state.counts = runCounts
        state.currentFileRecords = committed.recordsSeen
        state.event = .batch(path: path)
        state.elapsed = Date().timeIntervalSince(started)
        progress(state)
    }

    private func negated(_ counts: IngestCounts) -> IngestCounts {
        IngestCounts(
            recordsSeen: -counts.recordsSeen,
            caseReports: -counts.caseReports,
            stored: -counts.stored,
            deleted: -counts.deleted,
            failed: -counts.failed
        )
    }

    /// The most items read into one batch.
    static let itemsPerBatch = 2048

    /// Reads up to a batch of selected documents, stopping early after a `DeleteCitation`
    /// block (so deletions apply in file order), at the end, or at a read error.
    private func readBatch(from stream: inout DocumentStream, index: inout Int) -> Batch {
        var batch = Batch()
        let start = index
        do {
            // Also bounded by records read, so a file of few case reports still checkpoints
            // and reports progress every few thousand records.
            while batch.documents.count < options.batchSize && index - start < Self.itemsPerBatch {
                guard let item = try stream.next() else {
                    batch.atEnd = true
                    break
                }
                index += 1
                switch item {
                case .document(let document):
                    batch.tally.recordsSeen += 1
                    if selects(document) {
                        batch.tally.caseReports += 1
                        batch.documents.append((document, index - 1))
                    }
                case .deleted(let pmids, _):
                    batch.deletions = pmids
                    batch.deletionRecord = index - 1
                    batch.checkpoint = index
                    return batch
                }
            }
        } catch {
            batch.readError = error
            batch.atEnd = true
        }
        batch.checkpoint = index
        return batch
    }

    /// Whether a document becomes a case.
    public func selects(_ document: Document) -> Bool {
        switch options.selection {
        case .all: true
        case .caseReports: document.metadata.isCaseReport || document.metadata.publicationTypes.isEmpty
        }
    }

    /// Extracts documents on all cores, as `caseboard extract` does, with each case's evidence
    /// and its source (`file` and the item index), so a later file's revision wins.
    private func extract(_ documents: [(document: Document, record: Int)], file: String) async -> [CaseSubmission] {
        guard !documents.isEmpty else { return [] }
        let submissions = await extractor.extract(documents.map(\.document)) { document, extractor in
            let record = extractor.extract(document)
            let id = CaseIdentity.id(for: record)
            return CaseSubmission(
                record: record,
                evidence: CaseEvidence.derive(from: record, caseID: id, vocabularies: extractor.vocabularies),
                documentText: document.text
            )
        }
        return zip(submissions, documents).map { submission, entry in
            var sourced = submission
            sourced.source = CaseSource(file: file, record: entry.record)
            return sourced
        }
    }

    private static func describe(_ error: any Error, path: String) -> String {
        if let diagnostic = error as? Diagnostic { return diagnostic.message }
        return "\(error)"
    }
}
