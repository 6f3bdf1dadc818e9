import Foundation
import Testing

/// The web UI in real headless Chromium (`Tests/Browser/ui_test.py`): "Try an example" to the
/// highlighted case, "Match this patient" to the options, an option's evidence item and its
/// PubMed link; a stored case reopened by URL with back and forward; case evidence with its
/// supporting text; the evidence overview; the cohort report of `annotate --format html`;
/// axe-core on every view and on the report (no serious or critical violation). Screenshots
/// and `axe.json` go to `artifacts/browser/`; `scripts/screenshots` copies the README's
/// screenshots (the report's too) to `docs/screenshots/`.
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
    func walkEveryPathOfTheWebUI() async throws {
        let artifacts = Self.root.appendingPathComponent("artifacts/browser")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("Tests/Browser/ui_test.py").path, CLI.executable.path, artifacts.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let ended = try CLI.launch(process)
        let text = String(decoding: await CLI.drain(output.fileHandleForReading), as: UTF8.self)
        for await _ in ended {}
        #expect(process.terminationStatus == 0, "browser test: \(text)")
        for name in [
            "start.png", "reader.png", "match.png", "evidence-item.png", "case.png", "evidence-case.png", "evidence-overview.png",
            "annotate-report.png", "axe.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent(name).path), "no \(name)")
        }
    }
}
