import Foundation
import Testing

/// The CLI against careless use: output that cannot be written, Windows line ends, any JSON
/// shape of cases, and errors that say what to do.
struct CLIHardeningTests {
    /// An invented report, long enough that extraction finds a case.
    static let report = Data(
        """
        A 61-year-old woman with acute myeloid leukemia carried a FLT3-ITD. She received midostaurin \
        and reached complete remission, then relapsed after six months.

        """.utf8
    )

    static func reportFile() throws -> URL {
        try CLI.temporaryFile(named: "report.txt", Self.report)
    }

    // MARK: Output errors

    @Test(arguments: [["read"], ["extract"], ["extract", "--format", "text"]])
    func aFullDiskIsReportedAndExitsWithOne(command: [String]) async throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try await CLI.run(command + [try Self.reportFile().path], standardOutput: full)
        #expect(result.status == 1)
        #expect(result.stderr == "caseboard: error writing output: No space left on device\n")
    }

    @Test func aFullDiskIsReportedByKnowledgeCommandsToo() async throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try await CLI.run(["kb", "stats", "--db", try KnowledgeCommandTests.freshDatabase()], standardOutput: full)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("caseboard: error writing output: No space left on device\n"), "\(result.stderr)")
    }

    @Test(arguments: [["read"], ["extract", "--format", "jsonl"]])
    func aClosedPipeEndsQuietly(command: [String]) async throws {
        let pipe = Pipe()
        // Nobody will read: every write meets a closed pipe, as under `| head` once head is done.
        try pipe.fileHandleForReading.close()
        let file = try Self.reportFile().path
        let result = try await CLI.run(command + Array(repeating: file, count: 50), standardOutput: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    // MARK: JSON Lines and case imports

    /// Cases from `caseboard extract` in `format`, over `count` copies of the report.
    static func extracted(_ format: String, count: Int) async throws -> Data {
        let file = try Self.reportFile().path
        let result = try await CLI.run(["extract", "--format", format] + Array(repeating: file, count: count))
        #expect(result.status == 0, "\(result.stderr)")
        return Data(result.stdout.utf8)
    }

    @Test func windowsLineEndsLoadInCaseImports() async throws {
        let lines = String(decoding: try await Self.extracted("jsonl", count: 2), as: UTF8.self)
        let crlf = try CLI.temporaryFile(named: "cases.jsonl", Data(lines.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let result = try await CLI.run(["kb", "import", "cases", crlf.path, "--db", try KnowledgeCommandTests.freshDatabase()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 2 case(s)"), "\(result.stdout)")
    }

    @Test func windowsLineEndsLoadInProfileBatches() async throws {
        let profile = #"{"disease":"acute myeloid leukemia","alterations":["FLT3-ITD"]}"#
        let file = try CLI.temporaryFile(named: "profiles.jsonl", Data("\(profile)\r\n\(profile)\r\n".utf8))
        let result = try await CLI.run(["match", "--profiles", file.path, "--db", try KnowledgeCommandTests.freshDatabase()])
        #expect(!result.stderr.contains("not a profile"), "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func casesImportFromAnObjectAnArrayOrLines() async throws {
        let db = try KnowledgeCommandTests.freshDatabase()
        let object = try await Self.extracted("json", count: 1)
        let fromObject = try await CLI.run(["kb", "import", "cases", try CLI.temporaryFile(named: "x.json", object).path, "--db", db])
        #expect(fromObject.status == 0, "\(fromObject.stderr)")
        #expect(fromObject.stdout.contains("imported 1 case(s)"), "\(fromObject.stdout)")

        let lines = String(decoding: try await Self.extracted("jsonl", count: 2), as: UTF8.self).split(separator: "\n")
        let array = Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8)
        let fromArray = try await CLI.run(["kb", "import", "cases", try CLI.temporaryFile(named: "x.json", array).path, "--db", db])
        #expect(fromArray.status == 0, "\(fromArray.stderr)")
        #expect(fromArray.stdout.contains("imported 2 case(s)"), "\(fromArray.stdout)")
    }

    @Test func casesImportFromStandardInput() async throws {
        let object = try await Self.extracted("json", count: 1)
        let result = try await CLI.run(["kb", "import", "cases", "-", "--db", try KnowledgeCommandTests.freshDatabase()], stdin: object)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 case(s) from standard input"), "\(result.stdout)")
    }

    @Test func aBadRecordInAnArrayIsReportedWithItsPosition() async throws {
        let array = try CLI.temporaryFile(named: "bad.json", Data("[\n  {\"document\": 3}\n]\n".utf8))
        let result = try await CLI.run(["kb", "import", "cases", array.path, "--db", try KnowledgeCommandTests.freshDatabase()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(array.path):2:3: error: not a case record"), "\(result.stderr)")
    }

    // MARK: Errors that say what to do

    static let foundationWords = ["NSCocoaErrorDomain", "The operation could not be completed", "Error Domain="]

    static func expectReadable(_ result: CLI.Result, naming path: String, saying words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr.contains("\(path):"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(": error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(result.stderr.contains(word), "\(result.stderr)", sourceLocation: sourceLocation) }
        for word in foundationWords { #expect(!result.stderr.contains(word), "\(result.stderr)", sourceLocation: sourceLocation) }
    }

    static func missingPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-missing-\(UUID().uuidString)/case.json").path
    }

    static func directoryPath() throws -> String {
        try CLI.temporaryFile(named: "x", Data()).deletingLastPathComponent().path
    }

    @Test func aMissingFileIsNamedWithWhatToDo() async throws {
        let missing = Self.missingPath()
        let db = try KnowledgeCommandTests.freshDatabase()
        for command in [
            ["read", missing], ["extract", missing], ["kb", "import", "cases", missing, "--db", db],
            ["match", "--profile", missing, "--db", db], ["match", "--profiles", missing, "--db", db],
        ] {
            Self.expectReadable(try await CLI.run(command), naming: missing, saying: ["no such file", "check the path"])
        }
    }

    @Test func aDirectoryWhereAFileIsExpectedIsNamedWithWhatToDo() async throws {
        let directory = try Self.directoryPath()
        let db = try KnowledgeCommandTests.freshDatabase()
        for command in [
            ["kb", "import", "cases", directory, "--db", db], ["match", "--profile", directory, "--db", db],
            ["match", "--profiles", directory, "--db", db],
        ] {
            Self.expectReadable(try await CLI.run(command), naming: directory, saying: ["is a directory", "give a file"])
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file whatever its mode, so no permission error can be made"))
    func anUnreadableFileIsNamedWithWhatToDo() async throws {
        let file = try Self.reportFile()
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        Self.expectReadable(try await CLI.run(["read", file.path]), naming: file.path, saying: ["permission denied", "chmod"])
    }

    @Test func anUnreadableGzipIsNamedWithWhatToDo() async throws {
        let broken = try CLI.temporaryFile(named: "cases.xml.gz", Data([0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0xAB, count: 64)))
        Self.expectReadable(try await CLI.run(["read", broken.path]), naming: broken.path, saying: ["gzip", "gzip -t"])
        let db = try KnowledgeCommandTests.freshDatabase()
        Self.expectReadable(try await CLI.run(["kb", "import", "cases", broken.path, "--db", db]), naming: broken.path, saying: ["gzip", "gzip -t"])
    }

    @Test func aFileInNoKnownFormatIsNamedWithWhatToDo() async throws {
        let binary = try CLI.temporaryFile(named: "scan.pdf", Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF, 0x00]))
        Self.expectReadable(try await CLI.run(["read", binary.path]), naming: binary.path, saying: ["not text", "--input-format"])
        let garbage = try CLI.temporaryFile(named: "cases.json", Data("this is not JSON\n".utf8))
        let db = try KnowledgeCommandTests.freshDatabase()
        Self.expectReadable(
            try await CLI.run(["kb", "import", "cases", garbage.path, "--db", db]),
            naming: garbage.path,
            saying: ["not a case record", "caseboard extract"]
        )
    }

    @Test(arguments: [["read", "--input-format", "docx"], ["extract", "--format", "yaml"], ["read", "--format", "yaml"]])
    func anUnknownFormatOptionNamesTheChoices(command: [String]) async throws {
        let result = try await CLI.run(command + [try Self.reportFile().path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'\(command[2])'"), "\(result.stderr)")
        #expect(result.stderr.contains("text"), "\(result.stderr)")
        for word in Self.foundationWords { #expect(!result.stderr.contains(word)) }
    }

    // MARK: Prior therapies

    @Test(arguments: ["sorafenib:maybe", "", ":progressive disease", "sorafenib:", "sorafenib++gilteritinib:PD"])
    func anUnusablePriorIsReportedAndFails(prior: String) async throws {
        let result = try await CLI.run([
            "match", "--disease", "acute myeloid leukemia", "--alteration", "FLT3-ITD", "--prior", prior,
            "--db", try KnowledgeCommandTests.freshDatabase(),
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error: "), "\(result.stderr)")
        #expect(result.stderr.contains("'\(prior)'"), "\(result.stderr)")
    }
}
