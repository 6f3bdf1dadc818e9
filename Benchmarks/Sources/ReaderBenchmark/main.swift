import BenchmarkSupport
import CaseboardCore
import CaseboardDocuments
import Foundation

// Streams a PubMed `.xml.gz` through PubMedReader and compares the time with `zcat FILE | wc -c`.
//
//     swift run -c release ReaderBenchmark [FILE.xml.gz] [--single-thread]

/// Counts the decompressed bytes the parser pulls.
final class CountingByteSource: ByteSource {
    private var upstream: any ByteSource
    private(set) var count = 0

    init(_ upstream: any ByteSource) {
        self.upstream = upstream
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let read = try upstream.read(into: buffer)
        count += read
        return read
    }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let arguments = CommandLine.arguments.dropFirst()
let singleThread = arguments.contains("--single-thread")
let path =
    arguments.first { !$0.hasPrefix("--") }
    ?? packageRoot.appendingPathComponent("../../shared/data/pubmed/pubmed21n1298.xml.gz").standardizedFileURL.path

do {
    let baseline = try zcatBaseline(path)
    print("file: \(path)")
    print(String(format: "zcat | wc -c: %d bytes in %.3f s", baseline.bytes, baseline.seconds))

    let counter = CountingByteSource(
        singleThread
            ? try GzipByteSource(upstream: FileByteSource(path: path), name: path)
            : try ByteSources.open(path: path, pipelined: true)
    )
    var reader = PubMedReader(source: counter, name: path)
    var articles = 0
    var deletedBlocks = 0
    var deletedPMIDs = 0
    var textBytes = 0
    var earlyRSS: (records: Int, kilobytes: Int)?
    let start = now()
    while let item = try reader.next() {
        switch item {
        case .article(let document):
            articles += 1
            textBytes += document.text.utf8.count
        case .deleted(let pmids):
            deletedBlocks += 1
            deletedPMIDs += pmids.count
        }
        if earlyRSS == nil && counter.count * 10 >= baseline.bytes {
            earlyRSS = (articles + deletedBlocks, Int(peakMegabytes() * 1024))
        }
    }
    let seconds = now() - start
    let records = articles + deletedBlocks
    print("mode: \(singleThread ? "single thread" : "decompression on a background thread")")
    print("records: \(records) (\(articles) articles, \(deletedBlocks) deletion blocks with \(deletedPMIDs) PMIDs)")
    print(String(format: "document text: %.1f MB", Double(textBytes) / 1e6))
    print(String(format: "wall: %.3f s", seconds))
    print(String(format: "records/s: %.0f", Double(records) / seconds))
    print(String(format: "decompressed MB/s: %.1f", Double(counter.count) / 1e6 / seconds))
    if let earlyRSS {
        print("peak RSS after the first \(earlyRSS.records) records (10% of the bytes): \(earlyRSS.kilobytes / 1024) MB")
    }
    print("peak RSS at the end: \(Int(peakMegabytes())) MB")
    print(String(format: "ratio to zcat: %.2fx", seconds / baseline.seconds))
} catch {
    print("error: \(error)")
    exit(1)
}
