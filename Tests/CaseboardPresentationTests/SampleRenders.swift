import CaseboardCore
import Foundation
import Testing

@testable import CaseboardPresentation

/// Renders extraction JSON files to SVG for visual review. Off unless
/// `CASEBOARD_RENDER_SAMPLES=<dir>` names a directory of `*.json` extraction outputs; each
/// `x.json` gets an `x.svg` (and `x-480.svg`, a narrow rendering) next to it, and the
/// directory gets `report.html`, the tumor-board report of ``TumorBoardReportTests``' result.
@Suite struct SampleRenders {
    static let directory = ProcessInfo.processInfo.environment["CASEBOARD_RENDER_SAMPLES"]

    @Test(.enabled(if: directory != nil))
    func renderSamples() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory))
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        #expect(!files.isEmpty, "no *.json extraction outputs in \(directory.path)")
        let report = TumorBoardReport.html(
            profile: TumorBoardReportTests.profile,
            result: try TumorBoardReportTests.result(),
            generated: "2025-01-31 14:05 UTC"
        )
        #expect(report.hasPrefix("<!DOCTYPE html>"))
        #expect(report.contains("gilteritinib"), "the report shows the result's options")
        try report.write(to: directory.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        for file in files {
            let record = try JSONDecoder().decode(CaseRecord.self, from: Data(contentsOf: file))
            let base = file.deletingPathExtension()
            let wide = TimelineSVG.render(record)
            let narrow = TimelineSVG.render(record, width: 480)
            for svg in [wide, narrow] {
                #expect(svg.hasPrefix("<svg") && svg.contains("</svg>"), "\(file.lastPathComponent)")
            }
            #expect(narrow.contains("width=\"480\""), "\(file.lastPathComponent)")
            try wide.write(to: base.appendingPathExtension("svg"), atomically: true, encoding: .utf8)
            try narrow.write(
                to: URL(fileURLWithPath: base.path + "-480.svg"),
                atomically: true,
                encoding: .utf8
            )
        }
    }
}
