// Extracts every record of a PubMed file (default: the 233 MB update file) with the library's
// concurrent batch extraction, and prints records/s, MB/s, peak memory early and at the end,
// and the ratio to `zcat FILE | wc -c` on this machine. Not a test: nothing here asserts.
import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Foundation

func peakRSSMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
    return -1
}

func zcatSeconds(_ path: String) -> Double {
    let start = Date()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "zcat '\(path)' | wc -c > /dev/null"]
    try? process.run()
    process.waitUntilExit()
    return Date().timeIntervalSince(start)
}

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "../../shared/data/pubmed/pubmed21n1298.xml.gz"
guard FileManager.default.fileExists(atPath: path) else {
    print("\(path) not found; pass a PubMed .xml.gz path")
    exit(1)
}
let extractor = CaseExtractor(vocabularies: try Vocabularies.loadBundled())
let zcat = zcatSeconds(path)
let start = Date()
var stream = try DocumentLoader().open(path: path)
var records = 0
var textBytes = 0
var outputBytes = 0
var earlyRSS = -1
var finished = false
while !finished {
    var batch: [Document] = []
    while batch.count < 256, let item = try stream.next() {
        if case .document(let document) = item { batch.append(document) }
    }
    finished = batch.count < 256
    let sizes = await extractor.extract(batch) { document, extractor in
        (try? JSONEncoder().encode(extractor.extract(document)).count) ?? 0
    }
    records += batch.count
    textBytes += batch.reduce(0) { $0 + $1.text.utf8.count }
    outputBytes += sizes.reduce(0, +)
    if earlyRSS < 0 && records >= 2_000 { earlyRSS = peakRSSMegabytes() }
}
let seconds = Date().timeIntervalSince(start)
let megabytes = 233.246839
print("file: \(path)")
print(String(format: "records: %d, document text %.1f MB, JSON output %.1f MB", records, Double(textBytes) / 1e6, Double(outputBytes) / 1e6))
print(String(format: "wall: %.2f s, records/s: %.0f, decompressed MB/s: %.1f", seconds, Double(records) / seconds, megabytes / seconds))
print("peak RSS after 2,000 records: \(earlyRSS) MB; at the end: \(peakRSSMegabytes()) MB")
print(String(format: "zcat | wc -c: %.2f s; ratio %.1fx (target: under 10x)", zcat, seconds / zcat))
