import CaseboardKnowledge
import Foundation

/// Where one worker's ingest stands, handed to the progress callback after each batch and file.
public struct IngestProgress: Sendable, Hashable {
    /// What just happened.
    public enum Event: Sendable, Hashable {
        /// The files are registered; nothing is read yet.
        case started
        /// A file was claimed.
        case fileStarted(path: String)
        /// A batch of a file is stored and checkpointed.
        case batch(path: String)
        case fileDone(path: String)
        case fileFailed(path: String, error: String)
        /// Another worker took the file over (this worker was taken for dead).
        case fileLost(path: String)
        /// No file is left to claim.
        case finished
    }

    public var event: Event
    /// Files of this run.
    public var filesTotal: Int
    /// Files of this run that are done, by any worker (including before this run).
    public var filesDone: Int
    public var bytesTotal: Int64
    /// Bytes of the files counted in `filesDone`.
    public var bytesDone: Int64
    /// The file being read, with its size and how many of its documents are stored.
    public var currentFile: String?
    public var currentFileBytes: Int64
    public var currentFileRecords: Int
    /// What this worker did in this run.
    public var counts: IngestCounts
    /// Seconds since the run started.
    public var elapsed: TimeInterval

    public init(
        event: Event,
        filesTotal: Int,
        filesDone: Int,
        bytesTotal: Int64,
        bytesDone: Int64,
        currentFile: String?,
        currentFileBytes: Int64,
        currentFileRecords: Int,
        counts: IngestCounts,
        elapsed: TimeInterval
    ) {
        self.event = event
        self.filesTotal = filesTotal
        self.filesDone = filesDone
        self.bytesTotal = bytesTotal
        self.bytesDone = bytesDone
        self.currentFile = currentFile
        self.currentFileBytes = currentFileBytes
        self.currentFileRecords = currentFileRecords
        self.counts = counts
        self.elapsed = elapsed
    }

    /// Documents read per second by this worker in this run.
    public var recordsPerSecond: Double {
        elapsed > 0 ? Double(counts.recordsSeen) / elapsed : 0
    }

    /// Seconds left, estimated from bytes: those of finished files plus the current file's
    /// share, in proportion to `recordsPerByte` (learned from finished files or assumed).
    /// Nil before anything is measured.
    public func secondsLeft(recordsPerByte: Double) -> TimeInterval? {
        guard elapsed > 1, bytesTotal > 0, recordsPerByte > 0 else { return nil }
        let currentShare = min(Double(currentFileBytes), Double(currentFileRecords) / recordsPerByte)
        let done = Double(bytesDone) + currentShare
        let rate = done / elapsed
        guard rate > 0 else { return nil }
        return max(0, Double(bytesTotal) - done) / rate
    }
}

/// What a run of ``Ingester/run(paths:progress:)`` did.
public struct IngestSummary: Sendable, Hashable {
    /// Files of the run, and how many of them are done (by any worker).
    public var files: Int
    public var filesDone: Int
    /// Files this worker finished, failed, or lost to another worker.
    public var finishedHere: Int
    public var failedHere: [String: String]
    public var lostHere: Int
    /// Files still held by live workers when this one found nothing left to claim.
    public var heldElsewhere: Int
    /// What this worker did.
    public var counts: IngestCounts
    public var elapsed: TimeInterval

    public init(
        files: Int,
        filesDone: Int,
        finishedHere: Int,
        failedHere: [String: String],
        lostHere: Int,
        heldElsewhere: Int,
        counts: IngestCounts,
        elapsed: TimeInterval
    ) {
        self.files = files
        self.filesDone = filesDone
        self.finishedHere = finishedHere
        self.failedHere = failedHere
        self.lostHere = lostHere
        self.heldElsewhere = heldElsewhere
        self.counts = counts
        self.elapsed = elapsed
    }
}
