import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import Foundation
import Testing

/// The repository's shared data folder, `../shared` beside the package root.
enum SharedSeeds {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

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
        var spans = record.patient.spans + record.diagnoses.flatMap(\.spans) + record.alterations.flatMap(\.spans)
        spans += record.therapies.flatMap { $0.spans + $0.responseSpans + $0.adverseEvents.flatMap(\.spans) }
        spans += record.adverseEvents.flatMap(\.spans) + record.resistance.flatMap(\.spans) + record.procedures.flatMap(\.spans)
        spans += record.timeline.flatMap(\.spans)
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
