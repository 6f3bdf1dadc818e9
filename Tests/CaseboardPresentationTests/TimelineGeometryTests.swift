import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardPresentation
import CaseboardVocabularies
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The drawn geometry of a timeline SVG: each therapy line's band, and each marker chip's box
/// with the line it belongs to.
struct TimelineGeometry {
    struct Box: Equatable {
        var x, y, width, height: Double
        var line: Int?
        var kind: String

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    var bands: [Int: Box] = [:]
    var chips: [Box] = []
    var undatedLines: Set<Int> = []
    var bars: [Int: Box] = [:]

    init(_ svg: String) {
        let elements = SVGInspection(svg).elements
        func number(_ element: SVGInspection.Element, _ key: String) -> Double { Double(element.attributes[key] ?? "") ?? .nan }
        func box(_ element: SVGInspection.Element, line: Int?, kind: String) -> Box {
            Box(
                x: number(element, "x"),
                y: number(element, "y"),
                width: number(element, "width"),
                height: number(element, "height"),
                line: line,
                kind: kind
            )
        }
        var pendingMarker: (line: Int?, kind: String)?
        for element in elements {
            let classes = (element.attributes["class"] ?? "").split(separator: " ").map(String.init)
            let line = element.attributes["data-line"].flatMap(Int.init)
            if element.name == "g", let kind = classes.first(where: { $0.hasPrefix("marker-") }) {
                pendingMarker = (line, kind)
            } else if element.name == "rect", let marker = pendingMarker {
                // A marker's first rect is its chip.
                chips.append(box(element, line: marker.line, kind: marker.kind))
                pendingMarker = nil
            } else if element.name == "rect", classes.contains("band"), let line {
                bands[line] = box(element, line: line, kind: "band")
            } else if element.name == "rect", classes.contains("bar"), let line {
                bars[line] = box(element, line: line, kind: "bar")
            } else if element.name == "text", classes.contains("undated"), let line {
                undatedLines.insert(line)
            }
        }
    }

    /// Every problem found: a line chip outside its band, two chips overlapping, a chip on a bar.
    func problems() -> [String] {
        var found: [String] = []
        for chip in chips {
            guard let line = chip.line else { continue }
            guard let band = bands[line] else {
                found.append("\(chip.kind) of line \(line) has no band")
                continue
            }
            if chip.y < band.y || chip.y + chip.height > band.y + band.height {
                found.append("\(chip.kind) of line \(line) at y \(chip.y) is outside its band \(band.y)...\(band.y + band.height)")
            }
            if let bar = bars[line], chip.overlaps(bar) {
                found.append("\(chip.kind) of line \(line) covers its bar")
            }
        }
        for (index, chip) in chips.enumerated() {
            for other in chips[(index + 1)...] where chip.overlaps(other) {
                found.append("\(chip.kind) (line \(chip.line ?? 0)) overlaps \(other.kind) (line \(other.line ?? 0))")
            }
        }
        let ordered = bands.values.sorted { $0.y < $1.y }
        for (upper, lower) in zip(ordered, ordered.dropFirst()) where upper.y + upper.height > lower.y + 0.001 {
            found.append("bands of lines \(upper.line ?? 0) and \(lower.line ?? 0) overlap")
        }
        return found
    }
}

/// The swimmer plot's geometry on real reports: every chip inside its line's band, no two
/// chips (and so no two labels) overlapping, undated lines marked.
struct TimelineGeometryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/seeds` beside the package root or one level further up (a folder of worktrees),
    /// or `$CASEBOARD_SHARED/seeds`.
    static let seeds: URL? = {
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["CASEBOARD_SHARED"] {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("seeds"))
        }
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        candidates.append(packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static let extractor = Result { CaseExtractor(vocabularies: try Vocabularies.loadBundled()) }

    static func record(_ url: URL) throws -> CaseRecord {
        let bytes = [UInt8](try Data(contentsOf: url))
        return try extractor.get().extract(try PlainTextReader().read(bytes, source: url.lastPathComponent))
    }

    static func check(_ record: CaseRecord, name: String, width: Int) {
        let geometry = TimelineGeometry(TimelineSVG.render(record, width: width))
        #expect(geometry.bands.count == record.therapies.count, "\(name): one band per line")
        let lineChips = geometry.chips.filter { $0.line != nil }
        let expected = record.therapies.reduce(0) { $0 + ($1.response == nil ? 0 : 1) + $1.adverseEvents.count }
        #expect(
            lineChips.filter { $0.kind == "marker-response" || $0.kind == "marker-adverse-event" }.count == expected,
            "\(name): every response and adverse event drawn"
        )
        for problem in geometry.problems() {
            Issue.record("\(name) at width \(width): \(problem)")
        }
        for line in record.therapies where line.start == nil {
            #expect(geometry.undatedLines.contains(line.line), "\(name): line \(line.line) has no date and no undated mark")
        }
    }

    @Test(arguments: [960, 600])
    func examplesReports(width: Int) throws {
        let examples = Self.packageRoot.appendingPathComponent("Examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let record = try Self.record(examples.appendingPathComponent(name))
            #expect(!record.therapies.isEmpty, "\(name) has therapy lines")
            Self.check(record, name: name, width: width)
        }
    }

    @Test(.enabled(if: seeds != nil, "../shared/seeds not found: timeline geometry on the seeds skipped"), arguments: [960, 600])
    func seedReports(width: Int) throws {
        let directory = try #require(Self.seeds)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        for name in names {
            Self.check(try Self.record(directory.appendingPathComponent(name)), name: name, width: width)
        }
    }

    /// Many adverse events on one short line would all start at the bar: they stack in rows.
    @Test func crowdedChipsStackInsteadOfOverlapping() {
        var record = CaseRecord(document: "crowded.txt")
        let events = (1...6).map { AdverseEvent(term: "invented toxicity \($0)", grade: 2, drugs: ["imatinib"]) }
        record.therapies = [
            TherapyLine(line: 1, drugs: ["imatinib"], response: .partial, adverseEvents: events),
            TherapyLine(line: 2, drugs: ["dasatinib"], response: .progressive),
        ]
        let geometry = TimelineGeometry(TimelineSVG.render(record, width: 640))
        #expect(geometry.chips.filter { $0.line == 1 }.count == 7)
        #expect(geometry.problems().isEmpty, "\(geometry.problems())")
        #expect(Set(geometry.chips.filter { $0.line == 1 }.map(\.y)).count > 1, "the chips use more than one row")
        #expect(geometry.undatedLines == [1, 2])
    }

    /// An adverse event the text times sits at that time on its line's bar, not at the bar's start.
    @Test func aTimedAdverseEventSitsAtItsTime() throws {
        var record = CaseRecord(document: "timed.txt")
        record.therapies = [
            TherapyLine(
                line: 1,
                drugs: ["imatinib"],
                start: TimePoint(date: "2015-01-01", text: "January 2015"),
                adverseEvents: [AdverseEvent(term: "invented rash", grade: 2, drugs: ["imatinib"])]
            ),
            TherapyLine(line: 2, drugs: ["dasatinib"], start: TimePoint(date: "2017-01-01", text: "January 2017")),
        ]
        record.timeline = [
            TimelineEvent(kind: .adverseEvent, label: "grade 2 invented rash", time: TimePoint(date: "2016-01-01", text: "January 2016"), line: 1)
        ]
        let geometry = TimelineGeometry(TimelineSVG.render(record, width: 960))
        let bar = try #require(geometry.bars[1])
        let chip = try #require(geometry.chips.first { $0.kind == "marker-adverse-event" })
        // 2016-01-01 is 365 of the bar's 731 days; the chip's icon (13 px in) marks the time.
        let expected = bar.x + bar.width * 365 / 731
        #expect(abs(chip.x + 13 - expected) < 1.5, "chip icon at \(chip.x + 13), time at \(expected)")
        #expect(geometry.problems().isEmpty)
        #expect(geometry.undatedLines.isEmpty)
    }

    /// The geometry check itself fails on a chip drawn outside its band.
    @Test func theCheckSeesAChipOutsideItsBand() {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg"><rect class="band" data-line="1" x="8" y="100" width="500" height="40"/>\
            <g class="marker marker-response" data-line="1"><rect x="300" y="150" width="30" height="18"/></g></svg>
            """
        #expect(TimelineGeometry(svg).problems().count == 1)
    }
}
