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
    static func run(_ arguments: [String], standardOutput output: FileHandle) async throws -> Result {
        try await run(arguments, stdin: nil, standardOutput: output)
    }

    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Result {
        try await run(arguments, stdin: stdin, standardOutput: nil)
    }

    private static func run(_ arguments: [String], stdin: Data?, standardOutput output: FileHandle?) async throws -> Result {
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
        try await runToExit(process)
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// Starts `process` and waits for it to end without holding a thread of the cooperative
    /// pool: `waitUntilExit` there blocks one of a 2-core machine's two threads and starves
    /// every other async test (an in-process server among them).
    /// Children run at most one per core at once, as when each held a thread: started all
    /// together, every test's `caseboard` loads its vocabularies at the same time.
    static func runToExit(_ process: Process) async throws {
        await slots.acquire()
        do {
            for await _ in try launch(process) {}
        } catch {
            await slots.release()
            throw error
        }
        await slots.release()
    }

    static let slots = ProcessSlots(max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Starts `process`; the returned sequence ends when the process does.
    static func launch(_ process: Process) throws -> AsyncStream<Void> {
        let (ended, continuation) = AsyncStream.makeStream(of: Void.self)
        // Set before `run`, so an exit can never come before the handler is in place.
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        return ended
    }

    /// Waits for a process started elsewhere to end, on a thread of its own.
    static func exit(of process: Process) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                process.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    /// Reads `handle` to its end on a thread of its own, so a child writing more than a pipe
    /// holds never blocks, and no cooperative thread waits for it.
    static func drain(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { (continuation: CheckedContinuation<Data, Never>) in
            Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
        }
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

/// A counting semaphore for child processes; waiters are served in order.
actor ProcessSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        free = count
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
