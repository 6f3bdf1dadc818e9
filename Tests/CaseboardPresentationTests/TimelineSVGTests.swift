import CaseboardCore
import Foundation
import Testing

@testable import CaseboardPresentation

@Suite struct TimelineSVGTests {
    /// A three-line case with dates, every kind of marker and a death.
    static func datedCase(firstDrug: String = "imatinib") -> CaseRecord {
        CaseRecord(
            document: "test-case.txt",
            title: "Invented case",
            therapies: [
                TherapyLine(
                    line: 1,
                    drugs: [firstDrug],
                    dose: "400 mg daily",
                    start: TimePoint(date: "2015-03", text: "March 2015"),
                    response: .complete,
                    adverseEvents: [AdverseEvent(term: "neutrophil count decreased", grade: 3, drugs: [firstDrug])]
                ),
                TherapyLine(
                    line: 2,
                    drugs: ["dasatinib"],
                    start: TimePoint(date: "2017-06-15", text: "15 June 2017"),
                    response: .partial
                ),
                TherapyLine(line: 3, drugs: ["ponatinib"], start: TimePoint(date: "2019", text: "2019"), response: .progressive),
            ],
            resistance: [ResistanceEvent(gene: "ABL1", variant: "T315I", drugs: ["dasatinib"], basis: "acquired")],
            procedures: [Procedure(kind: .transplant, detail: "allogeneic", time: TimePoint(date: "2018-02", text: "February 2018"))],
            outcome: Outcome(died: true, cause: "infection")
        )
    }

    @Test func isWellFormedAccessibleSVG() throws {
        let svg = TimelineSVG.render(Self.datedCase())
        let parsed = SVGInspection(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        let root = try #require(parsed.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(parsed.elements.contains { $0.name == "title" })
        #expect(parsed.elements.contains { $0.name == "desc" })
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<style"))
        #expect(!svg.contains("href"))
    }

    @Test func drawsOneBarPerLine() {
        let parsed = SVGInspection(TimelineSVG.render(Self.datedCase()))
        let bars = parsed.elements(withClass: "bar")
        #expect(bars.count == 3)
        #expect(bars.compactMap { $0.attributes["data-line"] } == ["1", "2", "3"])
        let starts = bars.compactMap { $0.attributes["x"].flatMap(Double.init) }
        #expect(starts == starts.sorted())
    }

    @Test func drawsEveryKindOfMarker() {
        let parsed = SVGInspection(TimelineSVG.render(Self.datedCase()))
        #expect(parsed.elements(withClass: "marker-response").count == 3)
        #expect(parsed.elements(withClass: "marker-adverse-event").count == 1)
        #expect(parsed.elements(withClass: "marker-resistance").count == 1)
        #expect(parsed.elements(withClass: "marker-procedure").count == 1)
        #expect(parsed.elements(withClass: "marker-death").count == 1)
        for label in ["CR", "PR", "PD", "G3 neutrophil count decreased", "ABL1 T315I", "transplant (allogeneic)", "Died: infection"] {
            #expect(parsed.text.contains(label), "missing \(label)")
        }
        #expect(parsed.text.contains("calendar dates"))
    }

    @Test func placesResistanceOnTheLineWhoseDrugsItResists() {
        let svg = TimelineSVG.render(Self.datedCase())
        // Line 2's bar comes before the resistance marker, line 3's after it.
        let line2 = svg.range(of: "data-line=\"2\"")!.lowerBound
        let line3 = svg.range(of: "data-line=\"3\"")!.lowerBound
        let marker = svg.range(of: "marker marker-resistance")!.lowerBound
        #expect(line2 < marker && marker < line3)
    }

    @Test func escapesCaseText() {
        let hostile = "<script>alert('x')</script> & \"friends\""
        var record = Self.datedCase(firstDrug: hostile)
        record.procedures[0].detail = "<b>bold</b>"
        record.outcome?.cause = "it's <complicated>"
        record.document = "a&b<c>.txt"
        let svg = TimelineSVG.render(record)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;"))
        let parsed = SVGInspection(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        #expect(parsed.text.contains("<script>alert('x')</script>"))
        #expect(!parsed.elements.contains { $0.name == "script" || $0.name == "b" })
    }

    @Test func dropsCharactersXMLForbids() {
        let record = Self.datedCase(firstDrug: "bad\u{0001}drug\u{000B}")
        #expect(SVGInspection(TimelineSVG.render(record)).wellFormed)
    }

    @Test func isDeterministic() {
        let first = TimelineSVG.render(Self.datedCase())
        let second = TimelineSVG.render(Self.datedCase())
        #expect(first == second)
        #expect(TimelineSVG.render(Self.datedCase(), width: 480) == TimelineSVG.render(Self.datedCase(), width: 480))
    }

    @Test func rendersACaseWithoutTherapies() throws {
        let svg = TimelineSVG.render(CaseRecord(document: "empty.txt", outcome: Outcome(died: true)))
        let parsed = SVGInspection(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        #expect(parsed.text.contains("No therapy lines"))
        #expect(parsed.elements(withClass: "bar").isEmpty)
        #expect(try #require(parsed.elements.first).attributes["role"] == "img")
    }

    @Test func marksTheLastLineOpenUnlessThePatientDied() {
        var record = Self.datedCase()
        record.outcome = nil
        let open = TimelineSVG.render(record)
        #expect(SVGInspection(open).elements(withClass: "open-end").count == 1)
        #expect(SVGInspection(open).elements(withClass: "marker-death").isEmpty)
        #expect(SVGInspection(TimelineSVG.render(Self.datedCase())).elements(withClass: "open-end").isEmpty)
        let plan = TimelinePlan(record: record)
        #expect(plan.lines.last?.openEnd == true)
        #expect(plan.lines.dropLast().allSatisfy { !$0.openEnd })
        // A bar without an end runs to the next line's start.
        #expect(plan.lines[0].end == plan.lines[1].start)
    }

    @Test func usesRelativeMonthsWhenOnlyOffsetsExist() {
        let record = CaseRecord(
            document: "relative.txt",
            therapies: [
                TherapyLine(line: 1, drugs: ["azacitidine"], start: TimePoint(days: 30, anchor: "diagnosis", text: "one month after diagnosis")),
                TherapyLine(line: 2, drugs: ["venetoclax"], start: TimePoint(days: 91, anchor: "previous event", text: "three months later")),
                TherapyLine(line: 3, drugs: ["gilteritinib"]),
            ]
        )
        let plan = TimelinePlan(record: record)
        #expect(plan.axis == .relative(anchor: "diagnosis"))
        #expect(plan.lines.map(\.start).prefix(2) == [30, 121])
        #expect(plan.lines[2].estimatedStart && plan.lines[2].start > 121)
        let parsed = SVGInspection(TimelineSVG.render(record))
        #expect(parsed.wellFormed)
        #expect(parsed.text.contains("months from"))
        #expect(parsed.text.contains("6 mo"))
    }

    @Test func fallsBackToNarrativeOrder() {
        let record = CaseRecord(
            document: "untimed.txt",
            therapies: [TherapyLine(line: 1, drugs: ["a"]), TherapyLine(line: 2, drugs: ["b"]), TherapyLine(line: 3, drugs: ["c"])]
        )
        let plan = TimelinePlan(record: record)
        #expect(plan.axis == .narrative)
        #expect(plan.lines.map(\.start) == [0, 1, 2])
        let widths = SVGInspection(TimelineSVG.render(record)).elements(withClass: "bar").compactMap { $0.attributes["width"] }
        #expect(widths.count == 3 && widths[0] == widths[1])
        #expect(TimelineSVG.render(record).contains("narrative order"))
    }

    @Test func estimatesUndatedLinesBetweenDatedOnes() {
        let record = CaseRecord(
            document: "gap.txt",
            therapies: [
                TherapyLine(line: 1, drugs: ["crizotinib"], start: TimePoint(date: "2016-08", text: "August 2016")),
                TherapyLine(line: 2, drugs: ["alectinib"]),
                TherapyLine(line: 3, drugs: ["brigatinib"], start: TimePoint(days: 91, anchor: "start of therapy", text: "three months")),
                TherapyLine(line: 4, drugs: ["lorlatinib"], start: TimePoint(date: "2023-01", text: "January 2023")),
            ]
        )
        let plan = TimelinePlan(record: record)
        #expect(plan.axis == .calendar)
        let starts = plan.lines.map(\.start)
        #expect(starts == starts.sorted())
        #expect(plan.lines[1].estimatedStart && !plan.lines[2].estimatedStart)
        #expect(starts[2] == starts[1] + 91)
        #expect(starts[3] == Double(CivilDate(year: 2023, month: 1, day: 1).dayNumber))
    }

    @Test func placesUntimedProceduresInTextOrder() {
        var record = Self.datedCase()
        record.procedures = [Procedure(kind: .radiotherapy), Procedure(kind: .surgery, time: TimePoint(date: "2016", text: "2016"))]
        record.timeline = [
            TimelineEvent(kind: .therapyStart, label: "line 1", line: 1),
            TimelineEvent(kind: .procedure, label: "radiotherapy"),
            TimelineEvent(kind: .procedure, label: "surgery"),
            TimelineEvent(kind: .therapyStart, label: "line 2", line: 2),
        ]
        let plan = TimelinePlan(record: record)
        let radiotherapy = plan.procedures[0]
        #expect(radiotherapy.estimated)
        #expect(radiotherapy.position > plan.lines[0].start && radiotherapy.position < plan.procedures[1].position)
        #expect(SVGInspection(TimelineSVG.render(record)).text.contains("~radiotherapy"))
    }

    @Test func civilDatesRoundTrip() throws {
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        let date = try #require(CivilDate(parsing: "2012-02-29"))
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
        #expect(CivilDate(parsing: "2012-13") == nil)
        #expect(CivilDate(parsing: "March 2012") == nil)
    }
}
