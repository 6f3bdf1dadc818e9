import BenchmarkSupport
import CaseboardGenomics
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Annotates a synthetic MAF (ROWS rows, default 100,000, over ROWS/100 samples) and prints rows/s and peak memory.
// For comparison, issue 16 cites oncokb-annotator's published 159 variants in 482 ms (about 330 rows/s).

let rows = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let samples = max(1, rows / 100)

// A fixed mix: hotspots, a silent change, an unknown gene, a splice site, so every path is exercised.
let mix: [(gene: String, klass: String, change: String, cdna: String)] = [
    ("KRAS", "Missense_Mutation", "p.G12D", "c.35G>A"), ("EGFR", "Missense_Mutation", "p.L858R", "c.2573T>G"),
    ("BRAF", "Missense_Mutation", "p.V600E", "c.1799T>A"), ("TP53", "Silent", "p.P72=", "c.216C>T"),
    ("PIK3CA", "Missense_Mutation", "p.H1047R", "c.3140A>G"), ("IDH1", "Missense_Mutation", "p.R132H", "c.395G>A"),
    ("NOTAGENE9", "Missense_Mutation", "p.A5V", "c.14C>T"), ("MET", "Splice_Site", "p.X1010_splice", "c.3028+1G>T"),
    ("TTN", "Missense_Mutation", "p.A100V", "c.299C>T"), ("FLT3", "Missense_Mutation", "p.D835Y", "c.2503G>T"),
]
let path = NSTemporaryDirectory() + "caseboard-benchmark-\(getpid()).maf"
FileManager.default.createFile(atPath: path, contents: nil)
let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
var chunk = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\tHGVSc\tt_ref_count\tt_alt_count\n"
for row in 0..<rows {
    let entry = mix[row % mix.count]
    chunk += "\(entry.gene)\t\(entry.klass)\tSAMPLE-\(row % samples)\t\(entry.change)\t\(entry.cdna)\t\(50 + row % 7)\t\(10 + row % 13)\n"
    if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        chunk = ""
    }
}
handle.write(Data(chunk.utf8))
try handle.close()
defer { try? FileManager.default.removeItem(atPath: path) }

let vocabularies = try Vocabularies.loadBundled()
let index = KnowledgeIndex(
    evidence: try CuratedEvidence.load(vocabularies: vocabularies).items,
    cases: [],
    classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
    snapshot: "benchmark"
)
let matcher = Matcher(vocabularies: vocabularies, index: index)
let memoryBefore = peakMegabytes()

let clock = ContinuousClock()
var reader = GenomicReader(vocabularies: vocabularies)
var builder = SampleProfileBuilder()
var summary = ReadSummary(file: path)
let readTime = try clock.measure {
    summary = try reader.read(path: path) { builder.add($0) }
}
var options = 0
let matchTime = clock.measure {
    for profile in builder.profiles(disease: "LUAD") {
        options += matcher.match(PatientProfile(disease: profile.disease, alterations: profile.alterations)).options.count
    }
}
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
let total = seconds(readTime) + seconds(matchTime)
print("rows: \(rows) over \(samples) samples; \(summary.line)")
print(
    String(
        format: "read: %.3f s (%.0f rows/s); match %d sample profiles: %.3f s (%d options)",
        seconds(readTime),
        Double(rows) / seconds(readTime),
        samples,
        seconds(matchTime),
        options
    )
)
print(String(format: "total: %.3f s, %.0f rows/s", total, Double(rows) / total))
print(String(format: "peak memory: %.1f MB (%.1f MB before reading)", peakMegabytes(), memoryBefore))
print("reference (as issue 16 cites it): oncokb-annotator, 159 variants in 482 ms, about 330 rows/s")
