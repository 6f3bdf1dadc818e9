import ArgumentParser
import CaseboardCore
import CaseboardExport
import CaseboardVocabularies
import Foundation

/// `caseboard export`: extracted cases out as GA4GH Phenopackets v2 or HL7 FHIR mCODE bundles.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export extracted cases as GA4GH Phenopackets v2 or HL7 FHIR R4 (mCODE) bundles.",
        discussion: """
            Reads `caseboard extract` output: a JSON case, or JSON Lines with one case per line. \
            One case is written pretty-printed; several are written one per line.

            Examples:
              caseboard extract report.txt > case.json && caseboard export --format phenopacket case.json
              caseboard export --format fhir cases.jsonl > bundles.jsonl
            """
    )

    @Option(name: .long, help: "Output format: phenopacket or fhir.")
    var format: ExportFormat

    @Argument(help: "Files of extracted cases (JSON or JSON Lines); - for standard input.")
    var files: [String]

    func run() throws {
        let vocabularies = try Vocabularies.loadBundled()
        let created = Date()
        var records: [CaseRecord] = []
        var failures = 0
        for path in files {
            do {
                records += try Self.records(in: path)
            } catch let diagnostic as Diagnostic {
                Diagnostics.report(diagnostic)
                failures += 1
            } catch {
                Diagnostics.report(.error("\(error)", file: path))
                failures += 1
            }
        }
        let outputs: [JSONValue] = records.map { record in
            switch format {
            case .phenopacket: PhenopacketExporter(vocabularies: vocabularies, created: created).phenopacket(record)
            case .fhir: FHIRExporter(vocabularies: vocabularies, created: created).bundle(record)
            }
        }
        for output in outputs {
            var data = output.encoded(pretty: outputs.count == 1)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The cases in a file: one JSON case, a JSON array of cases, or JSON Lines.
    static func records(in path: String) throws -> [CaseRecord] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Diagnostic.error("cannot read the file", file: path)
            }
            data = contents
        }
        let decoder = JSONDecoder()
        if let record = try? decoder.decode(CaseRecord.self, from: data) { return [record] }
        if let records = try? decoder.decode([CaseRecord].self, from: data) { return records }
        var records: [CaseRecord] = []
        var offset = 0
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            defer { offset += line.count + 1 }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                records.append(try decoder.decode(CaseRecord.self, from: Data(line)))
            } catch {
                throw Diagnostic.error(
                    "not an extracted case: \(Self.reason(error))",
                    file: path,
                    position: SourcePosition(offset: offset, line: index + 1, column: 1)
                )
            }
        }
        if records.isEmpty { throw Diagnostic.error("no cases found", file: path) }
        return records
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad field `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case phenopacket
    case fhir
}
