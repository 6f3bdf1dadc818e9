import Foundation
import Testing

/// `kb check`, `kb backup`, read-only and damaged databases, and `kb import` that resumes
/// after being killed, through the built executable.
struct StoreCommandTests {
    static func freshDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("kb.sqlite").path
    }

    /// Runs the executable with extra environment variables; the status is the signal number
    /// when it was killed.
    static func run(_ arguments: [String], environment: [String: String]) async throws -> (status: Int32, killed: Bool, stdout: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try await CLI.runToExit(process)
        return (
            process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: try Data(contentsOf: output), as: UTF8.self)
        )
    }

    /// `count` invented cases as JSON lines, each with its own document name (so its own id).
    static func cases(_ count: Int) -> Data {
        let lines = (1...count).map { number in
            #"{"document":"resume-\#(number).txt","diagnoses":[{"name":"aml","oncotree":"AML","code":"AML","canonical_name":"Acute Myeloid Leukemia"}],"#
                + #""alterations":[{"gene":"FLT3","variant":"D835H","kind":"protein_change"}],"therapies":[{"drugs":["gilteritinib"],"response":"partial response"}]}"#
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test func kbCheckPassesASoundDatabase() async throws {
        let db = try Self.freshDatabase()
        #expect(try await CLI.run(["kb", "stats", "--db", db]).status == 0)
        let result = try await CLI.run(["kb", "check", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("integrity: ok"))
        #expect(result.stdout.contains("schema: v8-case-sources"))
        #expect(result.stdout.contains("cases: 0"))
    }

    @Test func aDamagedDatabaseFailsCheckAndIsNeverWritten() async throws {
        let db = try Self.freshDatabase()
        #expect(try await CLI.run(["kb", "stats", "--db", db]).status == 0)
        // Garbage over the middle of the file, past the header and schema page.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let start = bytes.count / 2
        for index in start..<min(bytes.count, start + 64 * 1024) { bytes[index] = UInt8(truncatingIfNeeded: index &* 13) }
        try bytes.write(to: URL(fileURLWithPath: db))

        let check = try await CLI.run(["kb", "check", "--db", db])
        #expect(check.status == 1)
        #expect(check.stderr.contains(db))
        #expect(check.stderr.contains("damaged"))

        let cases = try CLI.temporaryFile(named: "cases.jsonl", Self.cases(2))
        let write = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(write.status == 1)
        #expect(write.stderr.contains(db), "\(write.stderr)")
        #expect(write.stderr.contains("damaged") || write.stderr.contains("corrupt"), "\(write.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
    }

    @Test func aReadOnlyDatabaseServesReadsAndRefusesWrites() async throws {
        let db = try Self.freshDatabase()
        let cases = try CLI.temporaryFile(named: "cases.jsonl", Self.cases(3))
        #expect(try await CLI.run(["kb", "import", "cases", cases.path, "--db", db]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db) }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        let stats = try await CLI.run(["kb", "stats", "--db", db])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("cases: 3"))
        let match = try await CLI.run(["match", "--disease", "AML", "--alteration", "FLT3 D835H", "--db", db])
        #expect(match.status == 0, "\(match.stderr)")

        let write = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(write.status == 1)
        #expect(write.stderr.contains(db))
        #expect(write.stderr.contains("read-only"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func kbBackupWritesACheckedCopy() async throws {
        let db = try Self.freshDatabase()
        let cases = try CLI.temporaryFile(named: "cases.jsonl", Self.cases(5))
        #expect(try await CLI.run(["kb", "import", "cases", cases.path, "--db", db]).status == 0)
        let copy = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("backup.sqlite").path
        let backup = try await CLI.run(["kb", "backup", copy, "--db", db])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("5 case(s), integrity ok"))
        let check = try await CLI.run(["kb", "check", "--db", copy])
        #expect(check.status == 0)
        #expect(check.stdout.contains("cases: 5"))
    }

    @Test func aKilledCaseImportResumesWithoutDuplicates() async throws {
        let db = try Self.freshDatabase()
        // 1,200 cases go in three batches of up to 500.
        let cases = try CLI.temporaryFile(named: "big.jsonl", Self.cases(1_200))
        // Killed right after the second batch commits, before its progress is recorded.
        let killed = try await Self.run(["kb", "import", "cases", cases.path, "--db", db], environment: ["CASEBOARD_TEST_KILL_AFTER_BATCHES": "2"])
        #expect(killed.killed && killed.status == SIGKILL)
        #expect(try await CLI.run(["kb", "stats", "--db", db]).stdout.contains("cases: 1000"))

        // The rerun skips the first batch, redoes the second (replacing, not duplicating) and finishes.
        let resumed = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("imported 700 case(s)"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("200 new, 500 replaced; 500 stored earlier by an interrupted import"), "\(resumed.stdout)")
        #expect(try await CLI.run(["kb", "stats", "--db", db]).stdout.contains("cases: 1200"))

        // A finished import, run again, replaces every case and adds none.
        let again = try await CLI.run(["kb", "import", "cases", cases.path, "--db", db])
        #expect(again.stdout.contains("imported 1200 case(s)"), "\(again.stdout)")
        #expect(again.stdout.contains("0 new, 1200 replaced"), "\(again.stdout)")
        #expect(try await CLI.run(["kb", "stats", "--db", db]).stdout.contains("cases: 1200"))
    }
}
