import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseboard ingest` as a user runs it: the real binary on invented PubMed files, killed with
/// SIGKILL at random points and rerun, and two workers sharing one database.
struct IngestCommandTests {
    static var hasSQLite3: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") }
    static var hasGzip: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") || FileManager.default.isExecutableFile(atPath: "/bin/gzip")
    }

    /// Three gzipped files of 40 invented records each; every third record is not a case report.
    /// The sentences are made up for the test, not clinical claims.
    static func fixtures() async throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-ingest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let profiles = [
            ("EGFR", "L858R", "osimertinib", "lung adenocarcinoma"),
            ("BRAF", "V600E", "dabrafenib", "melanoma"),
            ("ALK", "F1174L", "lorlatinib", "neuroblastoma"),
            ("FLT3", "D835Y", "gilteritinib", "acute myeloid leukemia"),
        ]
        for file in 0..<3 {
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PubmedArticleSet>\n"
            for index in 0..<40 {
                let pmid = 9_300_000 + file * 40 + index
                let (gene, variant, drug, disease) = profiles[pmid % profiles.count]
                let type = pmid % 3 == 0 ? "Journal Article" : "Case Reports"
                xml += """
                    <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">\(pmid)</PMID>
                    <Article PubModel="Print"><Journal><JournalIssue><PubDate><Year>2019</Year></PubDate></JournalIssue>
                    <Title>Invented Reports</Title></Journal>
                    <ArticleTitle>\(gene) \(variant) in \(disease), patient \(pmid)</ArticleTitle>
                    <Abstract><AbstractText>A \(30 + pmid % 50)-year-old man had \(disease) with \(gene) \(variant). \
                    He received \(drug) and reached a partial response within ten weeks.</AbstractText></Abstract>
                    <PublicationTypeList><PublicationType UI="D002363">\(type)</PublicationType></PublicationTypeList>
                    </Article></MedlineCitation></PubmedArticle>

                    """
            }
            xml += "</PubmedArticleSet>\n"
            let url = directory.appendingPathComponent(String(format: "invented%02d.xml", file + 1))
            try Data(xml.utf8).write(to: url)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.arguments = ["gzip", "-n", url.path]
            try await CLI.runToExit(gzip)
            #expect(gzip.terminationStatus == 0)
        }
        return directory
    }

    /// Every stored case with its whole record and its evidence count, one line each, by id.
    static func caseSet(_ database: String) async throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            database,
            "SELECT id || ' ' || (SELECT COUNT(*) FROM evidence WHERE caseId = cases.id) || ' ' || recordJSON FROM cases ORDER BY id",
        ]
        let output = Pipe()
        process.standardOutput = output
        let ended = try CLI.launch(process)
        let data = await CLI.drain(output.fileHandleForReading)
        for await _ in ended {}
        // The store writes JSON keys in no fixed order: compare records with sorted keys.
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { return String(line) }
            let record = try JSONSerialization.jsonObject(with: Data(parts[2].utf8))
            let sorted = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            return "\(parts[0]) \(parts[1]) " + String(decoding: sorted, as: UTF8.self)
        }
    }

    /// Starts `caseboard` without waiting; standard error goes to `errors` when given.
    static func start(_ arguments: [String], errors: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// Waits until `file` contains `text` or the process ends.
    static func wait(for text: String, in file: URL, while process: Process) async throws {
        while process.isRunning {
            if let data = try? Data(contentsOf: file), String(decoding: data, as: UTF8.self).contains(text) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-ingest-\(UUID().uuidString).sqlite").path
    }

    /// Removes a database made by ``temporaryDatabase()`` with its journal files.
    static func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    /// The expected case ids: the case reports among PMIDs 9300000...9300119.
    static var expectedIDs: [String] {
        (9_300_000..<9_300_120).filter { $0 % 3 != 0 }.map { "pmid:\($0)" }.sorted()
    }

    @Test(.enabled(if: hasSQLite3 && hasGzip, "sqlite3 or gzip missing: the ingest kill test is skipped"))
    func killedAtRandomPointsAndRerunStoresTheSameCasesAsACleanRun() async throws {
        let folder = try await Self.fixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = Self.temporaryDatabase()
        defer { Self.remove(clean) }
        let cleanRun = try await CLI.run(["ingest", "--db", clean, "--batch-size", "4", folder.path])
        #expect(cleanRun.status == 0, "clean run: \(cleanRun.stderr)")
        let expected = try await Self.caseSet(clean)
        #expect(expected.map { String($0.prefix { $0 != " " }) } == Self.expectedIDs)

        let database = Self.temporaryDatabase()
        defer { Self.remove(database) }
        var generator = SystemRandomNumberGenerator()
        let errors = folder.appendingPathComponent("stderr.log")
        var kills = 0
        for round in 0..<5 {
            let worker = try Self.start(["ingest", "--db", database, "--batch-size", "4", folder.path], errors: errors)
            if round > 0 {
                // Start-up (loading vocabularies, opening and seeding the store) takes most of a
                // short run, so most kills wait for a file to be claimed first.
                try await Self.wait(for: "claimed", in: errors, while: worker)
            }
            // A random point: during start-up, reading, extracting, storing or checkpointing.
            try await Task.sleep(for: .microseconds(Int.random(in: 0...(round == 0 ? 3_000_000 : 600_000), using: &generator)))
            if worker.isRunning {
                kill(worker.processIdentifier, SIGKILL)
                kills += 1
            }
            await CLI.exit(of: worker)
        }
        #expect(kills > 0, "no run was killed: every run ended before its kill")
        let rerun = try await CLI.run(["ingest", "--db", database, "--batch-size", "4", folder.path])
        #expect(rerun.status == 0, "rerun: \(rerun.stderr)")
        #expect(try await Self.caseSet(database) == expected)
        let status = try await CLI.run(["ingest", "--status", "--db", database])
        #expect(status.stdout.contains("3 of 3 file(s) done"), "status: \(status.stdout)")
    }

    @Test(.enabled(if: hasSQLite3 && hasGzip, "sqlite3 or gzip missing: the two-worker ingest test is skipped"))
    func twoWorkersShareTheFilesWithoutDuplicates() async throws {
        let folder = try await Self.fixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = Self.temporaryDatabase()
        defer { Self.remove(clean) }
        #expect(try await CLI.run(["ingest", "--db", clean, "--batch-size", "4", folder.path]).status == 0)
        let database = Self.temporaryDatabase()
        defer { Self.remove(database) }
        let errors = (folder.appendingPathComponent("first.log"), folder.appendingPathComponent("second.log"))
        let first = try Self.start(["ingest", "--db", database, "--batch-size", "4", folder.path], errors: errors.0)
        let second = try Self.start(["ingest", "--db", database, "--batch-size", "4", folder.path], errors: errors.1)
        await CLI.exit(of: first)
        await CLI.exit(of: second)
        #expect(first.terminationStatus == 0, "first: \((try? String(contentsOf: errors.0, encoding: .utf8)) ?? "")")
        #expect(second.terminationStatus == 0, "second: \((try? String(contentsOf: errors.1, encoding: .utf8)) ?? "")")
        #expect(try await Self.caseSet(database) == (try await Self.caseSet(clean)))
        let status = try await CLI.run(["ingest", "--status", "--db", database])
        #expect(status.stdout.contains("3 of 3 file(s) done"), "status: \(status.stdout)")
        // Each file was claimed once: no worker took over another's file.
        let tries = status.stdout.split(separator: "\n").filter { $0.hasPrefix("done") }.map { $0.split(separator: " ")[1] }
        #expect(tries == ["1", "1", "1"], "status: \(status.stdout)")
    }

    @Test func statusOfAnEmptyDatabaseSaysSo() async throws {
        let database = Self.temporaryDatabase()
        defer { Self.remove(database) }
        let result = try await CLI.run(["ingest", "--status", "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "no ingest jobs\n")
    }

    @Test func withoutInputsItIsAUsageError() async throws {
        let database = Self.temporaryDatabase()
        defer { Self.remove(database) }
        let result = try await CLI.run(["ingest", "--db", database])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--status"))
    }

    @Test func progressLinesGoToStandardErrorWhenItIsNotATerminal() async throws {
        let folder = try await Self.fixtures()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = Self.temporaryDatabase()
        defer { Self.remove(database) }
        let result = try await CLI.run(["ingest", "--db", database, folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("ingest: invented01.xml.gz done"), "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
        #expect(result.stdout.contains("80 case(s) stored"), "\(result.stdout)")
    }
}
