// Two measures of extraction speed. Not a test: nothing here asserts.
//
//     swift run -c release ExtractionBenchmark [FILE.xml.gz]
//         Extracts every record of a PubMed file (default: the 233 MB update file) with the
//         library's concurrent batch extraction and prints the time, the `zcat FILE | wc -c`
//         time on this machine and the ratio (target: under 10x), peak RSS after 2,000 records
//         and at the end (flat memory), and records/s.
//
//     swift run -c release ExtractionBenchmark --scaling [--sizes 0.1,1,10]
//         Extracts ordinary and mention-dense invented texts of each size on one core and
//         prints seconds per MB (targets: no growth with size, any 1 MB text under 2 s), with
//         the 1-minute load average beside each figure.
import BenchmarkSupport
import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Foundation

#if canImport(Glibc)
import Glibc
#endif

func pubMedFile(_ path: String, extractor: CaseExtractor) async throws {
    guard FileManager.default.fileExists(atPath: path) else {
        print("\(path) not found; pass a PubMed .xml.gz path")
        exit(1)
    }
    let zcat = try zcatBaseline(path)
    let loadBefore = loadAverage()
    let start = now()
    let cpuStart = processCPUSeconds()
    var stream = try DocumentLoader().open(path: path)
    var records = 0
    var textBytes = 0
    var outputBytes = 0
    var earlyRSS = -1
    func readBatch() throws -> [Document] {
        var batch: [Document] = []
        while batch.count < 256, let item = try stream.next() {
            if case .document(let document) = item { batch.append(document) }
        }
        return batch
    }
    // The next batch is read while the current one is extracted, so the reader's serial work
    // does not leave the cores idle between batches; at most two batches are held.
    var batch = try readBatch()
    while !batch.isEmpty {
        let current = batch
        let extraction = Task.detached {
            await extractor.extract(current) { document, extractor in
                (try? JSONEncoder().encode(extractor.extract(document)).count) ?? 0
            }
        }
        batch = try readBatch()
        let sizes = await extraction.value
        records += current.count
        textBytes += current.reduce(0) { $0 + $1.text.utf8.count }
        outputBytes += sizes.reduce(0, +)
        if earlyRSS < 0 && records >= 2_000 { earlyRSS = Int(peakMegabytes()) }
    }
    let seconds = now() - start
    let cpuSeconds = processCPUSeconds() - cpuStart
    print("file: \(path)")
    print(
        String(
            format: "records: %d, decompressed %.1f MB, document text %.1f MB, JSON output %.1f MB",
            records,
            Double(zcat.bytes) / 1e6,
            Double(textBytes) / 1e6,
            Double(outputBytes) / 1e6
        )
    )
    print(String(format: "time: %.2f s", seconds))
    print(String(format: "zcat | wc -c: %.2f s", zcat.seconds))
    print(String(format: "ratio: %.1fx (target: under 10x)", seconds / zcat.seconds))
    print(String(format: "CPU: %.2f s user+sys while extracting (%.1fx the zcat wall time)", cpuSeconds, cpuSeconds / zcat.seconds))
    print("peak RSS: \(earlyRSS) MB after 2,000 records, \(Int(peakMegabytes())) MB at the end")
    print(String(format: "records/s: %.0f", Double(records) / seconds))
    print(String(format: "load average (1 min): %.1f before, %.1f after", loadBefore, loadAverage()))
}

/// Invented texts: ordinary prose, and mention-dense units read as sentences ("Unit. Unit. ") and
/// as one run without a stop ("unit unit "), which the sentence splitter cuts into bounded pieces.
func scalingTexts() -> [(label: String, unit: String)] {
    let ordinary =
        "A 61-year-old woman with lung adenocarcinoma was found to carry an EGFR exon 19 deletion. "
        + "She received osimertinib and achieved a partial response lasting eleven months. "
        + "Grade 2 diarrhea resolved with loperamide. At progression a biopsy showed MET amplification. "
    let dense: [(String, String)] = [
        ("drugs", "osimertinib gefitinib erlotinib imatinib dasatinib"),
        ("responses", "partial response complete response stable disease progressive disease"),
        ("drugs and responses", "osimertinib partial response"),
        ("grades", "grade 3 grade 2 grade 4 grade 1"),
        ("adverse events", "neutropenia rash diarrhea fatigue pneumonitis"),
        ("grades and adverse events", "grade 3 neutropenia grade 2 rash"),
        ("diseases", "acute myeloid leukemia lung adenocarcinoma melanoma"),
        ("genes", "EGFR KRAS BRAF ALK ROS1 MET RET"),
        ("variants", "L858R G12C V600E T790M D835Y"),
        ("genes and variants", "EGFR L858R KRAS G12C BRAF V600E"),
    ]
    var texts = [("ordinary prose", ordinary)]
    for (label, unit) in dense {
        texts.append(("\(label), sentences", unit.prefix(1).uppercased() + unit.dropFirst() + ". "))
        texts.append(("\(label), no stops", unit + " "))
    }
    return texts
}

func scaling(sizes: [Double], extractor: CaseExtractor) throws {
    print("extraction of one document on one core: extract and mentions, as /api/extract does")
    print(
        "text".padding(toLength: 38, withPad: " ", startingAt: 0) + "     MB  seconds    s/MB  CPU s/MB  load"
    )
    var slowest: (label: String, seconds: Double)?
    for (label, unit) in scalingTexts() {
        for megabytes in sizes {
            let size = Int(megabytes * 1_048_576)
            let text = String(decoding: String(repeating: unit, count: size / unit.utf8.count + 1).utf8.prefix(size), as: UTF8.self)
            let document = try PlainTextReader().read(Array(text.utf8), source: "scaling.txt")
            let load = loadAverage()
            let start = now()
            let cpuStart = threadCPUSeconds()
            let record = extractor.extract(document)
            let mentions = extractor.mentions(document)
            let seconds = now() - start
            let cpuSeconds = threadCPUSeconds() - cpuStart
            precondition(record.document == document.id && mentions.count >= 0)
            print(
                label.padding(toLength: 38, withPad: " ", startingAt: 0)
                    + String(format: " %6.1f %8.2f %7.2f %9.2f %5.1f", megabytes, seconds, seconds / megabytes, cpuSeconds / megabytes, load)
            )
            fflush(nil)
            if megabytes == 1, seconds > slowest?.seconds ?? -1 { slowest = (label, seconds) }
        }
    }
    if let slowest { print("slowest 1 MB text: \(slowest.label), " + String(format: "%.2f s", slowest.seconds)) }
    print("peak RSS: \(Int(peakMegabytes())) MB")
}

let arguments = Array(CommandLine.arguments.dropFirst())
let extractor = CaseExtractor(vocabularies: try Vocabularies.loadBundled())
if arguments.contains("--scaling") {
    let sizes =
        arguments.firstIndex(of: "--sizes").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        .map { $0.split(separator: ",").compactMap { Double($0) } } ?? [0.1, 1, 10]
    try scaling(sizes: sizes, extractor: extractor)
} else {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    // ../shared beside the main checkout, or beside the folder of worktrees.
    let candidates = ["../../shared", "../../../shared"].map {
        packageRoot.appendingPathComponent("\($0)/data/pubmed/pubmed21n1298.xml.gz").standardizedFileURL.path
    }
    let path =
        arguments.first { !$0.hasPrefix("--") } ?? candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    try await pubMedFile(path, extractor: extractor)
}
