import Foundation
import Testing

/// The web UI in real headless Chromium: paste a case, see highlights and the timeline, match
/// a patient, see the options and alerts. Screenshots go to `artifacts/browser/`.
struct BrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func succeeds(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static var available: Bool {
        (succeeds(["which", "chromium"]) || succeeds(["which", "chromium-browser"])) && succeeds(["python3", "-c", "import websocket"])
    }

    @Test(.enabled(if: available, "Chromium or python websocket-client missing: browser test skipped (bash scripts/test installs them)"))
    func pasteExtractAndMatchInTheWebUI() throws {
        let artifacts = Self.root.appendingPathComponent("artifacts/browser")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("Tests/Browser/ui_test.py").path, CLI.executable.path, artifacts.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "browser test: \(text)")
        #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("match.png").path))
    }
}
