import ArgumentParser
import CaseboardCore
import CaseboardDocuments
import CaseboardKnowledge
import CaseboardStoreSQLite
import CaseboardVocabularies
import Foundation
import Logging

/// `caseboard kb`: the knowledge base.
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Manage the evidence knowledge base: import CIViC and cases, show counts, search, review.",
        subcommands: [
            ImportCommand.self, StatsCommand.self, SearchCommand.self, ReviewCommand.self, CheckCommand.self, BackupCommand.self,
            DumpCommand.self, RestoreCommand.self,
        ]
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

        @Flag(name: .long, help: "For cases: ignore the progress of an interrupted import of this file and start from its first case.")
        var restart = false

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
                let progressKey = "import.cases.progress." + Self.fingerprint(bytes)
                let counts = try await importCases(text, into: store, vocabularies: vocabularies, progressKey: progressKey)
                let failures = counts.failures
                print(
                    "imported \(counts.new + counts.replaced) case(s) from \(InputFiles.displayName(file)): \(counts.new) new, "
                        + "\(counts.replaced) replaced"
                        + (counts.resumed > 0 ? "; \(counts.resumed) stored earlier by an interrupted import of this file" : "")
                )
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
        ///
        /// Resumable: after each committed batch the number of records done is kept in the store
        /// under `progressKey` (a fingerprint of the input). A rerun of an import that was killed
        /// skips those records; a batch committed just before the kill, but not yet counted, is
        /// saved again, which replaces its cases by id, so nothing is duplicated.
        private func importCases(
            _ text: String,
            into store: any KnowledgeStore,
            vocabularies: Vocabularies,
            progressKey: String
        ) async throws -> (new: Int, replaced: Int, resumed: Int, failures: Int) {
            var new = 0
            var replaced = 0
            var failures = 0
            var batches = 0
            let resumeAfter = restart ? 0 : Int(try await store.metadata(progressKey) ?? "") ?? 0
            var seen = 0
            // For tests: die like `kill -9` right after this many batches are committed.
            let dieAfter = ProcessInfo.processInfo.environment["CASEBOARD_TEST_KILL_AFTER_BATCHES"].flatMap { Int($0) }
            var batch: [(line: Int, submission: CaseSubmission)] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let result = try await store.saveCases(batch.map(\.submission))
                batches += 1
                if let dieAfter, batches >= dieAfter { kill(getpid(), SIGKILL) }
                try await store.setMetadata(progressKey, String(seen))
                for (outcome, entry) in zip(result.outcomes, batch) {
                    switch outcome {
                    case .success(let saved):
                        if saved.replaced { replaced += 1 } else { new += 1 }
                    case .failure(let error):
                        report("case not stored: \(error)", at: SourcePosition(offset: 0, line: entry.line, column: 1))
                        failures += 1
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            let decoder = JSONDecoder()
            for (position, json) in Self.caseTexts(text) {
                seen += 1
                guard seen > resumeAfter else { continue }
                do {
                    let data = Data(json.utf8)
                    let record = try decoder.decode(CaseRecord.self, from: data)
                    // `extract --document-text` writes the text beside the record.
                    let text = try decoder.decode(ImportedDocumentText.self, from: data).documentText
                    let id = CaseIdentity.id(for: record)
                    let evidence = CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies)
                    batch.append((position.line, CaseSubmission(record: record, evidence: evidence, documentText: text)))
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
            // Done: a later import of the same file starts from the beginning again.
            if resumeAfter > 0 || batches > 0 { try await store.setMetadata(progressKey, "") }
            return (new, replaced, min(resumeAfter, seen), failures)
        }

        /// A 64-bit FNV-1a hash of the input with its length: the same file gets the same key.
        static func fingerprint(_ bytes: [UInt8]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return String(hash, radix: 16) + "-" + String(bytes.count)
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

    struct CheckCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database without changing it: SQLite's integrity check, the schema version, and counts.",
            discussion: """
                Exits 0 when the database is sound, 1 when it is damaged or from a newer Caseboard.
                Example: caseboard kb check --db caseboard.sqlite
                """
        )

        @OptionGroup var knowledge: KnowledgeOptions

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() async throws {
            let report = try SQLiteKnowledgeStore.check(path: try knowledge.sqliteFile(for: "kb check"))
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print("database: \(report.path)")
                print("integrity: " + (report.problems.isEmpty ? "ok" : "\(report.problems.count) problem(s)"))
                for problem in report.problems { print("  \(problem)") }
                print("schema: \(report.schemaVersion ?? (report.problems.isEmpty ? "none (empty file)" : "unreadable"))")
                if !report.pendingMigrations.isEmpty {
                    print("  upgrade due on the next writable open: \(report.pendingMigrations.joined(separator: ", "))")
                }
                if !report.unknownMigrations.isEmpty {
                    print("  written by a newer Caseboard: \(report.unknownMigrations.joined(separator: ", "))")
                }
                print("cases: \(report.cases.map(String.init) ?? "not counted")")
                let sources = report.evidenceBySource?.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                print("evidence: \(sources?.joined(separator: ", ") ?? "not counted")")
            }
            guard report.isHealthy else {
                Diagnostics.note(
                    report.problems.isEmpty
                        ? "\(report.path): written by a newer Caseboard; upgrade Caseboard"
                        : "\(report.path): the database is damaged; restore a copy made with 'caseboard kb backup', or rescue what is "
                            + "readable with 'sqlite3 \(report.path) .recover | sqlite3 NEW-FILE'"
                )
                throw ExitCode.failure
            }
        }
    }

    struct BackupCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database to a file, safely while a server or import writes to it.",
            discussion: """
                The copy is one consistent snapshot (SQLite's online backup). It is written to a temporary
                file beside FILE and renamed into place when complete, so FILE is never half written.
                Example: caseboard kb backup caseboard-2026-12-04.sqlite
                """
        )

        @Argument(help: "The backup file to write (replaced if it exists).")
        var file: String

        @OptionGroup var knowledge: KnowledgeOptions

        func run() async throws {
            var logger = Logger(label: "caseboard.store")
            logger.logLevel = .warning
            // Read-only: a backup never migrates or seeds the database it copies.
            let store = try SQLiteKnowledgeStore.open(path: try knowledge.sqliteFile(for: "kb backup"), logger: logger, readOnly: true)
            try await store.backup(to: file)
            let report = try SQLiteKnowledgeStore.check(path: file)
            print("backed up \(knowledge.path) to \(file) (\(report.cases ?? 0) case(s), integrity \(report.problems.isEmpty ? "ok" : "NOT ok"))")
            guard report.isHealthy else { throw ExitCode.failure }
        }
    }
}

/// The optional `document_text` member of an imported case (`extract --document-text`).
struct ImportedDocumentText: Decodable {
    let documentText: String?

    enum CodingKeys: String, CodingKey {
        case documentText = "document_text"
    }
}
