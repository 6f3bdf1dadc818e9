// Matches 10,000 generated profiles against a SQLite store holding the curated table, CIViC
// and 100,000 synthetic cases with their case-report evidence, and prints profiles/s and
// per-profile latency percentiles.
// Not a test: nothing here asserts. The store is built once and reused on later runs.
import CaseboardCore
import CaseboardDocuments
import CaseboardKnowledge
import CaseboardMatching
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Logging

let arguments = CommandLine.arguments
let civicPath = arguments.count > 1 ? arguments[1] : "../../shared/data/civic/01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz"
let databasePath = arguments.count > 2 ? arguments[2] : ".build/match-benchmark-with-case-evidence.sqlite"
let caseCount = 100_000
let profileCount = 10_000

let vocabularies = try Vocabularies.loadBundled()
var logger = Logger(label: "benchmark")
logger.logLevel = .warning
let store = try SQLiteKnowledgeStore.open(path: databasePath, logger: logger)
try await KnowledgeSeeding.seedIfNeeded(store, vocabularies: vocabularies)

// A deterministic generator, so every run builds the same cases and profiles.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
var random = SplitMix(state: 42)

let alterations: [(String, String, AlterationKind)] = [
    ("FLT3", "ITD", .internalTandemDuplication), ("FLT3", "D835H", .proteinChange), ("FLT3", "D835Y", .proteinChange),
    ("EGFR", "L858R", .proteinChange),
    ("EGFR", "T790M", .proteinChange), ("EGFR", "exon 19 deletion", .exon), ("ALK", "fusion", .fusion), ("ALK", "G1202R", .proteinChange),
    ("ROS1", "fusion", .fusion), ("NTRK1", "fusion", .fusion), ("BRAF", "V600E", .proteinChange), ("KRAS", "G12C", .proteinChange),
    ("KRAS", "G12D", .proteinChange), ("NRAS", "Q61K", .proteinChange), ("IDH1", "R132H", .proteinChange), ("IDH2", "R140Q", .proteinChange),
    ("KIT", "D816V", .proteinChange), ("KIT", "exon 11 mutation", .exon), ("PIK3CA", "H1047R", .proteinChange),
    ("ERBB2", "amplification", .amplification),
    ("MET", "exon 14 skipping", .exon), ("ABL1", "T315I", .proteinChange), ("TP53", "R273H", .proteinChange), ("DNMT3A", "R882H", .proteinChange),
]
let diseases = ["AML", "MS", "NSCLC", "LUAD", "CML", "COADREAD", "MEL", "GIST", "IMT", "SARCNOS", "BRCA", "CHOL"]
let drugs = [
    "sorafenib", "gilteritinib", "osimertinib", "erlotinib", "crizotinib", "alectinib", "lorlatinib", "larotrectinib", "imatinib", "dasatinib",
    "ponatinib", "venetoclax", "azacitidine", "ivosidenib", "dabrafenib", "trametinib",
]

let existing = try await store.stats().cases
if existing < caseCount {
    let start = Date()
    if FileManager.default.fileExists(atPath: civicPath) {
        var source = try ByteSources.open(path: civicPath)
        let bytes = try source.readAll(name: civicPath)
        let (items, _) = try CIViCImporter.parse(String(decoding: bytes, as: UTF8.self), vocabularies: vocabularies)
        _ = try await store.upsert(items)
        print("imported \(items.count) CIViC items")
    } else {
        print("CIViC file not found at \(civicPath): the store holds the curated table and synthetic cases only")
    }
    for index in existing..<caseCount {
        let picked = (0..<Int.random(in: 1...3, using: &random)).map { _ in alterations.randomElement(using: &random)! }
        let record = CaseRecord(
            document: "synthetic-\(index).txt",
            title: "Synthetic case \(index)",
            metadata: DocumentMetadata(pmid: String(90_000_000 + index)),
            diagnoses: [diseases.randomElement(using: &random)!].map { Diagnosis(name: $0, oncotree: $0, code: $0, canonicalName: $0) },
            alterations: picked.map { Alteration(gene: $0.0, variant: $0.1, kind: $0.2) },
            therapies: [TherapyLine(line: 1, drugs: [drugs.randomElement(using: &random)!], response: .partial)]
        )
        // Stored as `kb import cases` stores them: each case adds its level C evidence.
        let id = CaseIdentity.id(for: record)
        _ = try await store.saveCase(record, evidence: CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies))
        if index % 20_000 == 19_999 { print("saved \(index + 1) synthetic cases (\(Int(Date().timeIntervalSince(start))) s)") }
    }
}
let loadStart = Date()
let index = try await KnowledgeIndex.load(from: store, vocabularies: vocabularies)
let loadSeconds = Date().timeIntervalSince(loadStart)
let matcher = Matcher(vocabularies: vocabularies, index: index)
let stats = try await store.stats()
print("store: \(stats.evidenceBySource.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", ")), cases \(stats.cases)")
print(String(format: "index load: %.2f s", loadSeconds))

let diseaseTexts = [
    "myeloid sarcoma", "acute myeloid leukemia", "NSCLC", "lung adenocarcinoma", "CML", "colorectal cancer", "melanoma", "GIST", "IMT", "sarcoma",
    "breast cancer", "cholangiocarcinoma",
]
let profiles: [PatientProfile] = (0..<profileCount).map { _ in
    let picked = (0..<Int.random(in: 1...3, using: &random)).map { _ in alterations.randomElement(using: &random)! }
    let prior = Bool.random(using: &random) ? [PriorTherapy(drugs: [drugs.randomElement(using: &random)!], response: "progressive disease")] : []
    return PatientProfile(disease: diseaseTexts.randomElement(using: &random), alterations: picked.map { "\($0.0) \($0.1)" }, priorTherapies: prior)
}
var latencies: [Double] = []
latencies.reserveCapacity(profileCount)
var options = 0
let clock = ContinuousClock()
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}
let batchStart = clock.now
for profile in profiles {
    let start = clock.now
    let result = matcher.match(profile)
    latencies.append(milliseconds(clock.now - start))
    options += result.options.count
}
let seconds = milliseconds(clock.now - batchStart) / 1e3
latencies.sort()
func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print(
    String(
        format: "profiles: %d in %.2f s (%.0f profiles/s, one core), %.1f options per profile",
        profileCount,
        seconds,
        Double(profileCount) / seconds,
        Double(options) / Double(profileCount)
    )
)
print(
    String(
        format: "latency per profile: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (target: p99 under 5 ms)",
        percentile(latencies, 0.5),
        percentile(latencies, 0.9),
        percentile(latencies, 0.99),
        latencies.last ?? 0
    )
)
