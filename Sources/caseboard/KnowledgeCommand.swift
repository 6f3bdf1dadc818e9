import ArgumentParser
import CaseboardCore
import CaseboardDocuments
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// `caseboard kb`: the knowledge base.
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Manage the evidence knowledge base: import CIViC and cases, show counts, search, review.",
        subcommands: [ImportCommand.self, StatsCommand.self, SearchCommand.self, ReviewCommand.self, DumpCommand.self, RestoreCommand.self]
    )

    struct ReviewCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Mark an evidence item as reviewed by a curator, or take the mark away.",
            discussion: """
                A reviewed case-report item changes the ranking on its own; unreviewed case-report
                resistance is shown as a signal until several independent reports agree.
                Example: caseboard kb review case:pmid:12345678:2
                """
        )

        @Argument(help: "The evidence id, as 'kb search' or a match result shows it.")
        var evidenceID: String

        @Flag(name: .long, help: "Remove the reviewed mark.")
        var undo = false

        @OptionGroup var knowledge: KnowledgeOptions

        func run() async throws {
            let store = try await knowledge.open(vocabularies: try Vocabularies.loadBundled())
            guard let reviewing = store as? any EvidenceReviewing else {
                throw ValidationError("this store cannot keep review marks")
            }
            guard try await reviewing.setReviewed(evidenceID, !undo) else {
                throw ValidationError("no evidence item has the id '\(evidenceID)'")
            }
            print(undo ? "\(evidenceID): review mark removed" : "\(evidenceID): marked reviewed")
        }
    }

    struct ImportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import evidence: CIViC evidence summaries or cases from 'caseboard extract'.",
            discussion: """
                Examples:
                  caseboard kb import civic 01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz
                  caseboard kb import cases cases.jsonl
                  caseboard extract report.txt | caseboard kb import cases -
                Re-importing the same file replaces items by id; nothing is duplicated.
                A CIViC file is a whole release: it replaces the CIViC rows the store holds
                (at first the release bundled with Caseboard), and its date, from the file name
                or --release, is what 'kb stats' reports.
                """
        )

        @Argument(help: "What to import: civic or cases.")
        var kind: ImportKind

        @Argument(help: "The file (.tsv, .tsv.gz; for cases a JSON object, a JSON array or JSON lines); '-' reads standard input.")
        var file: String

        @Option(name: .long, help: "The CIViC release date (YYYY-MM-DD), when the file name does not carry it.")
        var release: String?

        @OptionGroup var knowledge: KnowledgeOptions

        func validate() throws {
            if release != nil, kind != .civic { throw ValidationError("--release applies to 'kb import civic' only") }
            if let release, CIViCRelease.isoDate(release) == nil {
                throw ValidationError("--release must be a date written YYYY-MM-DD, not '\(release)'")
            }
        }

        func run() async throws {
            let vocabularies = try Vocabularies.loadBundled()
            let store = try await knowledge.open(vocabularies: vocabularies)
            let bytes = try InputFiles.read(file)
            let text = String(decoding: bytes, as: UTF8.self)
            switch kind {
            case .civic:
                let (items, report) = try CIViCImporter.parse(text, vocabularies: vocabularies, name: file)
                guard !items.isEmpty else {
                    // An empty release would wipe the store's CIViC rows.
                    Diagnostics.note("no usable CIViC evidence in \(file); the knowledge base is unchanged")
                    throw ExitCode.failure
                }
                let previous = try await KnowledgeSeeding.civicRelease(of: store)
                let imported = CIViCRelease(
                    date: release ?? CIViCRelease.date(fromFileName: file),
                    file: URL(fileURLWithPath: file).lastPathComponent,
                    origin: .imported
                )
                let written = try await KnowledgeSeeding.replaceCIViC(in: store, with: items, release: imported)
                print("imported \(written) CIViC evidence item(s) from \(file)")
                print(
                    "  release \(imported.date ?? "date unknown (give it with --release YYYY-MM-DD)")"
                        + (previous.map { "; replaced \($0.origin.rawValue) release \($0.date ?? "of unknown date")" } ?? "")
                )
                for (reason, count) in report.skipped.sorted(by: { $0.value > $1.value }) {
                    print("  skipped \(count): \(reason)" + (report.examples[reason].map { " (e.g. \($0.joined(separator: "; ")))" } ?? ""))
                }
                for (warning, count) in report.warnings.sorted(by: { $0.value > $1.value }) { print("  note \(count): \(warning)") }
            case .cases:
                let (imported, failures) = try await importCases(text, into: store, vocabularies: vocabularies)
                print("imported \(imported) case(s) from \(InputFiles.displayName(file))")
                if failures > 0 {
                    Diagnostics.note("\(failures) line(s) failed")
                    throw ExitCode.failure
                }
            }
        }

        /// Cases per transaction: one commit for many cases, while a failing case is still
        /// rolled back alone (each has its own savepoint) and reported with its line.
        static let batchSize = 500

        /// Imports case records from one JSON object, a JSON array of them or JSON lines (as
        /// `caseboard extract` writes for one input and for several); returns the cases stored
        /// and the records that failed.
        private func importCases(_ text: String, into store: any KnowledgeStore, vocabularies: Vocabularies) async throws -> (Int, Int) {
            var imported = 0
            var failures = 0
            var batch: [(line: Int, submission: CaseSubmission)] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let result = try await store.saveCases(batch.map(\.submission))
                for (outcome, entry) in zip(result.outcomes, batch) {
                    switch outcome {
                    case .success:
                        imported += 1
                    case .failure(let error):
                        report("case not stored: \(error)", at: SourcePosition(offset: 0, line: entry.line, column: 1))
                        failures += 1
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            let decoder = JSONDecoder()
            for (position, json) in Self.caseTexts(text) {
                do {
                    let record = try decoder.decode(CaseRecord.self, from: Data(json.utf8))
                    let id = CaseIdentity.id(for: record)
                    let evidence = CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies)
                    batch.append((position.line, CaseSubmission(record: record, evidence: evidence)))
                    if batch.count == Self.batchSize { try await flush() }
                } catch let error as DecodingError {
                    report(
                        "not a case record: \(error.readableDescription); give cases as 'caseboard extract' writes them "
                            + "(a JSON object, a JSON array of them or JSON lines)",
                        at: position
                    )
                    failures += 1
                }
            }
            try await flush()
            return (imported, failures)
        }

        /// The JSON text of each case with where it starts: the elements of a top-level array,
        /// one whole object, or else each line (a `\r` before `\n` is whitespace).
        static func caseTexts(_ text: String) -> [(position: SourcePosition, json: Substring)] {
            let start = text.firstIndex { !($0.isWhitespace) } ?? text.endIndex
            if text[start...].first == "[", let elements = arrayElements(text, from: start) { return elements }
            if text[start...].first == "{" {
                // A single object, pretty-printed over many lines, is JSON as a whole; JSON lines are not.
                let whole = Data(text[start...].utf8)
                if (try? JSONSerialization.jsonObject(with: whole)) != nil {
                    return [(position(of: start, in: text), text[start...])]
                }
            }
            return JSONLines.lines(text).map { (SourcePosition(offset: 0, line: $0.number, column: 1), $0.text) }
        }

        /// The elements of the JSON array opening at `start`, found by tracking depth and
        /// strings in one pass; nil when the array is not closed, so the decoder reports it.
        private static func arrayElements(_ text: String, from start: String.Index) -> [(position: SourcePosition, json: Substring)]? {
            let utf8 = text.utf8
            var elements: [(position: SourcePosition, json: Substring)] = []
            var depth = 0
            var inString = false
            var escaped = false
            var elementStart: String.Index?
            var line = 1
            var lineStart = utf8.startIndex
            var offset = 0
            var elementPosition = SourcePosition(offset: 0, line: 1, column: 1)
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                defer {
                    if byte == 0x0A {
                        line += 1
                        lineStart = utf8.index(after: index)
                    }
                    index = utf8.index(after: index)
                    offset += 1
                }
                if index < start { continue }
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                let isWhitespace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                if depth == 1, elementStart == nil, !isWhitespace, byte != UInt8(ascii: ","), byte != UInt8(ascii: "]") {
                    elementStart = index
                    elementPosition = SourcePosition(offset: offset, line: line, column: utf8.distance(from: lineStart, to: index) + 1)
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 {
                        if let elementStart { elements.append((elementPosition, text[elementStart..<index])) }
                        return elements
                    }
                case UInt8(ascii: ","):
                    if depth == 1, let elementStart {
                        elements.append((elementPosition, text[elementStart..<index]))
                    }
                    if depth == 1 { elementStart = nil }
                default:
                    break
                }
            }
            return nil
        }

        private static func position(of index: String.Index, in text: String) -> SourcePosition {
            let offset = text.utf8.distance(from: text.startIndex, to: index)
            return SourcePosition.locate(offset, in: text.utf8)
        }

        private func report(_ message: String, at position: SourcePosition) {
            Diagnostics.report(.error(message, file: InputFiles.displayName(file), position: position))
        }
    }

    enum ImportKind: String, ExpressibleByArgument, CaseIterable {
        case civic
        case cases
    }

    struct StatsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Show each source's release, the knowledge date and evidence counts by source, significance, level and type."
        )

        @OptionGroup var knowledge: KnowledgeOptions

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() async throws {
            let store = try await knowledge.open(vocabularies: try Vocabularies.loadBundled())
            let stats = try await store.stats()
            let releases = try await KnowledgeSeeding.releases(of: store, stats: stats)
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(StatsJSON(stats: stats, releases: releases)), as: UTF8.self))
                return
            }
            print("database: \(knowledge.path)")
            print("snapshot: \(stats.snapshotID)")
            print("knowledge as of \(releases.asOf ?? "unknown")")
            print("sources:")
            for source in releases.sources { print("  " + Self.describe(source)) }
            print("cases: \(stats.cases)")
            for (title, counts) in [
                ("evidence by source", stats.evidenceBySource), ("by significance", stats.evidenceBySignificance),
                ("by level", stats.evidenceByLevel), ("by type", stats.evidenceByType),
            ] {
                print("\(title): " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }

        /// "civic: 3341 items, release 2021-08-01 (bundled, 01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz)".
        static func describe(_ source: SourceRelease) -> String {
            var line = "\(source.source.rawValue): \(source.count) item\(source.count == 1 ? "" : "s")"
            switch source.source {
            case .curated:
                line += ", version \(source.version ?? "unknown"), as of \(source.date ?? "unknown")"
            case .civic where source.origin != nil || source.count > 0:
                let details = [source.origin?.rawValue, source.file].compactMap { $0 }
                line += ", release \(source.date ?? "unknown")" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            case .civic, .caseReport:
                break
            }
            return line
        }

        /// The stats' keys, plus `knowledge_as_of` and `releases`.
        struct StatsJSON: Encodable {
            let stats: KnowledgeStats
            let releases: KnowledgeReleases

            enum CodingKeys: String, CodingKey {
                case knowledgeAsOf = "knowledge_as_of"
                case releases
            }

            func encode(to encoder: any Encoder) throws {
                try stats.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(releases.asOf, forKey: .knowledgeAsOf)
                try container.encode(releases.sources, forKey: .releases)
            }
        }
    }

    struct SearchCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search evidence and stored cases by text.",
            discussion: "Example: caseboard kb search sorafenib resistance"
        )

        @Argument(help: "Search words.")
        var words: [String]

        @Option(name: .long, help: "At most this many results of each kind.")
        var limit = 20

        @OptionGroup var knowledge: KnowledgeOptions

        func run() async throws {
            let store = try await knowledge.open(vocabularies: try Vocabularies.loadBundled())
            let query = words.joined(separator: " ")
            let page = try await store.evidence(matching: EvidenceFilter(query: query, limit: limit))
            print("evidence: \(page.total) match(es)")
            for item in page.items {
                let citation = item.citation.pmid.map { "PMID \($0)" } ?? item.citation.label ?? ""
                print(
                    "  \(item.id)  \(item.level.rawValue)  \(item.significance.rawValue)  \(item.profile.name) | \(item.disease.name) | "
                        + "\(item.drugs.joined(separator: " + "))  \(citation)"
                )
            }
            let cases = try await store.cases(query: query, limit: limit, offset: 0)
            print("cases: \(cases.count)")
            for stored in cases {
                print("  \(stored.id)  \(stored.record.title ?? stored.record.document)")
            }
        }
    }
}
