import Foundation

/// Runs the `caseboard` executable built beside the test bundle.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        // The test bundle lives in the same build folder as the executable.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("caseboard").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("caseboard")
    }

    /// Runs with standard output sent to `output` (such as `/dev/full` or a closed pipe) instead
    /// of a file; the result's `stdout` is then empty.
    static func run(_ arguments: [String], standardOutput output: FileHandle) throws -> Result {
        try run(arguments, stdin: nil, standardOutput: output)
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        try run(arguments, stdin: stdin, standardOutput: nil)
    }

    private static func run(_ arguments: [String], stdin: Data?, standardOutput output: FileHandle?) throws -> Result {
        // Output goes to files, so a large output can never fill a pipe and block the child.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        let inURL = directory.appendingPathComponent("stdin")
        try (stdin ?? Data()).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try output ?? FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// A temporary file with `contents`, removed by the caller.
    static func temporaryFile(named name: String, _ contents: Data) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }
}
