import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import Foundation
import Testing

/// The repository's shared data folder, `../shared` beside the package root (or one level
/// further up, for a git worktree kept in a folder of worktrees).
enum SharedData {
    static let root: URL = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = package.deletingLastPathComponent().appendingPathComponent("shared")
        let above = package.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: beside.path) || !FileManager.default.fileExists(atPath: above.path) ? beside : above
    }()

    /// Every span of a record, from the patient to the timeline.
    static func spans(of record: CaseRecord) -> [Evidence] {
        var spans = record.patient.spans + record.diagnoses.flatMap(\.spans) + record.alterations.flatMap(\.spans)
        spans += record.therapies.flatMap { $0.spans + $0.responseSpans + $0.adverseEvents.flatMap(\.spans) }
        spans += record.adverseEvents.flatMap(\.spans) + record.resistance.flatMap(\.spans) + record.procedures.flatMap(\.spans)
        spans += record.timeline.flatMap(\.spans)
        return spans
    }
}

enum SharedSeeds {
    static let directory = SharedData.root.appendingPathComponent("seeds")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    static func extract(_ prefix: String) throws -> (CaseRecord, [UInt8]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) })
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        let document = try PlainTextReader().read(bytes, source: name)
        return (try Shared.extractor.get().extract(document), bytes)
    }
}

@Suite(.enabled(if: SharedSeeds.isAvailable, "../shared/seeds not found: seed tests skipped"))
struct SeedTests {
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everyFactQuotesTheInputExactly(seed: String) throws {
        let (record, bytes) = try SharedSeeds.extract(seed)
        let spans = SharedData.spans(of: record)
        #expect(spans.count > 5)
        for span in spans {
            #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == span.text)
        }
    }

    @Test func myeloidSarcomaRelapseOnSorafenib() throws {
        let (record, _) = try SharedSeeds.extract("000")
        #expect(record.alterations.contains { $0.gene == "FLT3" && $0.variant == "D835H" })
        #expect(record.therapies.first { $0.drugs == ["sorafenib"] }?.response == .complete)
        #expect(record.resistance.contains { $0.gene == "FLT3" && $0.drugs.contains("sorafenib") })
    }

    @Test func sequentialALKInhibitorsInOrder() throws {
        let (record, _) = try SharedSeeds.extract("003")
        let alk = record.therapies.filter { ["crizotinib", "alectinib", "brigatinib", "lorlatinib"].contains($0.drugs.first ?? "") }
        #expect(alk.map { $0.drugs[0] } == ["crizotinib", "alectinib", "brigatinib", "lorlatinib"])
        #expect(alk.map { $0.response } == [.partial, .partial, .progressive, .progressive])
        #expect(Set(record.resistance.filter { $0.gene == "PTPN1" }.flatMap(\.drugs)) == ["brigatinib", "lorlatinib"])
    }

    @Test func refusedDrugIsNotATherapy() throws {
        let (record, _) = try SharedSeeds.extract("004")
        #expect(record.therapies.map(\.drugs) == [["crizotinib"]])
        #expect(record.therapies.first?.response == .complete)
    }
}

/// The development corpus (`../shared/eval/dev/texts`): fifty real reports nobody tuned the
/// extractor to. Whatever is extracted from them must quote its input exactly.
enum SharedDevSet {
    static let directory = SharedData.root.appendingPathComponent("eval/dev/texts")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }
}

@Suite(.enabled(if: SharedDevSet.isAvailable, "../shared/eval/dev not found: development-set tests skipped"))
struct DevSetTests {
    @Test func everyFactQuotesTheInputExactly() throws {
        let names = SharedDevSet.names
        #expect(names.count >= 50)
        var checked = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: SharedDevSet.directory.appendingPathComponent(name)))
            let document = try PlainTextReader().read(bytes, source: name)
            let record = try Shared.extractor.get().extract(document)
            for span in SharedData.spans(of: record) {
                #expect(span.end <= bytes.count, "\(name): span past the end")
                guard span.end <= bytes.count, span.start <= span.end else { continue }
                #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == span.text, "\(name)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
