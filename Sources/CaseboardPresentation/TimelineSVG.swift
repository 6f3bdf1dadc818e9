import CaseboardCore

/// Draws a case's therapy history as a swimmer plot: one bar per therapy line on a time axis,
/// with response, adverse-event, resistance and death markers, and a lane for procedures.
///
/// The SVG is self-contained (no scripts, no external references, presentation attributes
/// only), accessible (`role="img"` with `<title>` and `<desc>`), and deterministic: the same
/// record always gives the same bytes. Every piece of case text is XML-escaped.
///
/// ```swift
/// let svg = TimelineSVG.render(record, width: 960)
/// ```
public enum TimelineSVG {
    /// Renders `record` as an SVG document.
    /// - Parameters:
    ///   - record: the case; its `therapies`, `procedures`, `resistance` and `outcome` are drawn.
    ///   - width: the drawing's width in pixels; at least 480 is used.
    /// - Returns: the SVG text, starting with `<svg`.
    public static func render(_ record: CaseRecord, width: Int = 960) -> String {
        var canvas = Canvas(record: record, width: Double(max(width, 480)))
        return canvas.draw()
    }
}

/// A marker drawn as a small labelled chip: an icon and a short text, with a tooltip.
private struct Chip {
    enum Style {
        case response(ResponseKind)
        case adverseEvent
        case resistance
        case procedure(estimated: Bool)
        case death
    }

    var style: Style
    var label: String
    var tooltip: String

    static let height = 18.0
    static let fontSize = 11.0

    var width: Double { 6 + 14 + 4 + Markup.textWidth(label, fontSize: Self.fontSize) + 6 }
}

private struct Canvas {
    let record: CaseRecord
    let width: Double
    let plan: TimelinePlan
    let ids: String
    let labelColumn: Double
    let plotLeft: Double
    let plotRight: Double
    var body: [String] = []
    var cursorY: Double = 0

    static let font = "system-ui, -apple-system, &#39;Segoe UI&#39;, Roboto, &#39;DejaVu Sans&#39;, Arial, sans-serif"
    static let ink = "#1f2328"
    static let muted = "#57606a"
    static let rule = "#d0d7de"
    static let subRow = 22.0

    /// Stacks a chip: the first row where `span` overlaps no span already placed (a new row when none),
    /// with `span` added to it. Returns the row's index.
    static func place(_ span: ClosedRange<Double>, in rows: inout [[ClosedRange<Double>]]) -> Int {
        let row = rows.firstIndex { $0.allSatisfy { !$0.overlaps(span) } } ?? rows.count
        if row == rows.count { rows.append([]) }
        rows[row].append(span)
        return row
    }

    init(record: CaseRecord, width: Double) {
        self.record = record
        self.width = width
        plan = TimelinePlan(record: record)
        ids = "tl-" + Markup.digest(record.document + "|\(record.therapies.count)")
        labelColumn = width < 720 ? 150 : 230
        plotLeft = 16 + labelColumn + 12
        plotRight = width - 34
    }

    // MARK: Document

    mutating func draw() -> String {
        let title = "Treatment timeline: " + Markup.squash(record.title ?? record.document)
        cursorY = 12
        let titleLines = wrap(title, width: width - 32, fontSize: 16)
        for (offset, line) in titleLines.enumerated() {
            text(line, x: 16, y: cursorY + 16 + Double(offset) * 20, size: 16, weight: "bold")
        }
        cursorY += 26 + Double(titleLines.count - 1) * 20
        if plan.therapies.isEmpty {
            drawEmpty()
        } else {
            drawCaption()
            drawLegend()
            drawTimeline()
        }
        let height = (cursorY + 12).rounded()
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\""
        out += " viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(ids)-title \(ids)-desc\""
        out += " font-family=\"\(Self.font)\">\n"
        out += "<title id=\"\(ids)-title\">\(Markup.escape(title))</title>\n"
        out += "<desc id=\"\(ids)-desc\">\(Markup.escape(description()))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    mutating func drawEmpty() {
        let box = cursorY + 8
        body.append(
            "<rect x=\"16\" y=\"\(n(box))\" width=\"\(n(width - 32))\" height=\"56\" rx=\"6\" fill=\"#f6f8fa\" stroke=\"\(Self.rule)\" stroke-dasharray=\"4 3\"/>"
        )
        text("No therapy lines: the case names no drug treatment to draw.", x: 32, y: box + 33, size: 14, fill: Self.muted)
        cursorY = box + 56
        if let outcome = record.outcome, outcome.died {
            cursorY += 8
            text(Markup.fit(deathLabel(outcome), width: width - 32, fontSize: 12), x: 16, y: cursorY + 12, size: 12)
            cursorY += 18
        }
    }

    func description() -> String {
        guard !plan.therapies.isEmpty else {
            var parts = ["No therapy lines were found in this case."]
            if let outcome = record.outcome, outcome.died { parts.append(deathLabel(outcome) + ".") }
            return parts.joined(separator: " ")
        }
        var parts = ["Swimmer plot of \(plan.therapies.count) therapy line\(plan.therapies.count == 1 ? "" : "s"); \(axisCaption())"]
        for line in plan.therapies {
            var sentence = "Line \(line.line): \(drugLabel(line))"
            if let start = line.start { sentence += ", from \(Markup.squash(start.text))" }
            if let response = line.response { sentence += ", best response \(response.rawValue)" }
            if !line.adverseEvents.isEmpty {
                sentence += ", adverse events " + line.adverseEvents.map(adverseLabel).joined(separator: ", ")
            }
            let resistance = resistanceEvents(for: line)
            if !resistance.isEmpty {
                sentence += ", resistance " + resistance.map { "\($0.gene) \($0.variant)" }.joined(separator: ", ")
            }
            parts.append(sentence + ".")
        }
        if !record.procedures.isEmpty {
            parts.append("Procedures: " + record.procedures.map(procedureLabel).joined(separator: ", ") + ".")
        }
        if let outcome = record.outcome, outcome.died { parts.append(deathLabel(outcome) + ".") }
        return parts.joined(separator: " ")
    }

    // MARK: Header

    /// "2008-03 to 2023-03": the first and last line starts.
    func calendarRange() -> String {
        let starts = plan.lines.map(\.start)
        guard let first = starts.min(), let last = starts.max() else { return "" }
        let from = CivilDate(dayNumber: Int(first)).monthLabel
        let to = CivilDate(dayNumber: Int(last)).monthLabel
        return from == to ? "lines start \(from)" : "lines start \(from) to \(to)"
    }

    func axisCaption() -> String {
        switch plan.axis {
        case .calendar:
            "time axis: calendar dates given in the text (\(calendarRange()))."
        case .relative(let anchor):
            "time axis: months from \u{201C}\(Markup.squash(anchor))\u{201D} (the text gives relative times, no calendar dates)."
        case .narrative:
            "time axis: narrative order only; the text gives no times, so every line gets an equal-width slot."
        }
    }

    mutating func drawCaption() {
        var caption = axisCaption()
        caption = caption.prefix(1).uppercased() + caption.dropFirst()
        writeParagraph(caption)
        var notes: [String] = []
        if plan.axis != .narrative { notes.append("A bar runs to the next line\u{2019}s start when no end is given.") }
        if plan.lines.contains(where: \.estimatedStart) { notes.append("Dashed bars: start estimated.") }
        if plan.procedures.contains(where: \.estimated) { notes.append("~ procedure time estimated from text order.") }
        if !notes.isEmpty {
            writeParagraph(notes.joined(separator: " "))
        }
    }

    /// A muted 12 px paragraph across the full width, in up to three lines.
    mutating func writeParagraph(_ paragraph: String) {
        for line in wrap(paragraph, width: width - 32, fontSize: 12, maxLines: 3, bold: false) {
            text(line, x: 16, y: cursorY + 12, size: 12, fill: Self.muted)
            cursorY += 16
        }
        cursorY += 2
    }

    mutating func drawLegend() {
        let chips = [
            Chip(style: .response(.complete), label: "CR complete", tooltip: "Complete response"),
            Chip(style: .response(.partial), label: "PR partial", tooltip: "Partial response"),
            Chip(style: .response(.stable), label: "SD stable", tooltip: "Stable disease"),
            Chip(style: .response(.progressive), label: "PD progression", tooltip: "Progressive disease"),
            Chip(style: .adverseEvent, label: "Adverse event (G = grade)", tooltip: "Adverse event with CTCAE grade"),
            Chip(style: .resistance, label: "Resistance mutation", tooltip: "Alteration that resists the line's drugs"),
            Chip(style: .procedure(estimated: false), label: "Procedure", tooltip: "Transplant, DLI, radiotherapy, surgery..."),
            Chip(style: .death, label: "Death", tooltip: "Patient died"),
        ]
        var x = 16.0
        var y = cursorY + 4 + Chip.height / 2
        for chip in chips {
            if x + chip.width > width - 16 {
                x = 16
                y += Self.subRow
            }
            drawChip(chip, x: x, centerY: y, legend: true)
            x += chip.width + 8
        }
        cursorY = y + Chip.height / 2 + 10
    }

    // MARK: Plot

    func xPosition(_ value: Double) -> Double {
        let span = plan.upper - plan.lower
        guard span > 0 else { return plotLeft }
        return plotLeft + (value - plan.lower) / span * (plotRight - plotLeft)
    }

    mutating func drawTimeline() {
        let axisY = cursorY + 22
        let ticks = axisTicks()
        let gridIndex = body.count
        body.append("")
        body.append(
            "<line x1=\"\(n(plotLeft))\" y1=\"\(n(axisY))\" x2=\"\(n(plotRight))\" y2=\"\(n(axisY))\" stroke=\"\(Self.muted)\" stroke-width=\"1\"/>"
        )
        var lastLabelEnd = -Double.infinity
        var labelledTicks: [(value: Double, label: String)] = []
        for tick in ticks {
            let x = xPosition(tick.value)
            body.append(
                "<line x1=\"\(n(x))\" y1=\"\(n(axisY - 4))\" x2=\"\(n(x))\" y2=\"\(n(axisY))\" stroke=\"\(Self.muted)\" stroke-width=\"1\"/>"
            )
            let labelWidth = Markup.textWidth(tick.label, fontSize: 11)
            guard x - labelWidth / 2 > lastLabelEnd + 6 else { continue }
            lastLabelEnd = x + labelWidth / 2
            labelledTicks.append(tick)
            body.append(
                "<text x=\"\(n(x))\" y=\"\(n(axisY - 7))\" font-size=\"11\" fill=\"\(Self.muted)\" text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
            )
        }
        cursorY = axisY + 6
        if !record.procedures.isEmpty { drawProcedureLane() }
        for (index, line) in plan.therapies.enumerated() {
            drawLine(line, placement: plan.lines[index], index: index, isLast: index == plan.therapies.count - 1)
        }
        var gridBottom = cursorY
        if plan.therapies.count > 3 {
            let bottom = cursorY
            gridBottom = bottom
            body.append(
                "<line x1=\"\(n(plotLeft))\" y1=\"\(n(bottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(bottom))\" stroke=\"\(Self.muted)\" stroke-width=\"1\"/>"
            )
            for tick in labelledTicks {
                body.append(
                    "<text x=\"\(n(xPosition(tick.value)))\" y=\"\(n(bottom + 14))\" font-size=\"11\" fill=\"\(Self.muted)\" text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
                )
            }
            cursorY = bottom + 18
        }
        let unplaced = record.resistance.filter { event in !plan.therapies.contains { !Set($0.drugs).isDisjoint(with: event.drugs) } }
        if !unplaced.isEmpty {
            cursorY += 6
            var x = 16.0
            text("Other resistance findings:", x: x, y: cursorY + 13, size: 12, fill: Self.muted)
            x += Markup.textWidth("Other resistance findings:", fontSize: 12) + 8
            var y = cursorY + 9
            for event in unplaced {
                let chip = resistanceChip(event)
                if x + chip.width > width - 16 {
                    x = 16
                    y += Self.subRow
                }
                drawChip(chip, x: x, centerY: y)
                x += chip.width + 6
            }
            cursorY = y + Chip.height / 2 + 4
        }
        let gridLines = ticks.map { tick in
            let x = xPosition(tick.value)
            return "<line x1=\"\(n(x))\" y1=\"\(n(axisY))\" x2=\"\(n(x))\" y2=\"\(n(gridBottom))\" stroke=\"#e4e8ec\" stroke-width=\"1\"/>"
        }
        body[gridIndex] = gridLines.joined(separator: "\n")
        cursorY += 4
    }

    mutating func drawProcedureLane() {
        struct Item {
            var chip: Chip
            var left: Double
            var iconX: Double
        }
        let rightLimit = width - 8
        var rows: [[ClosedRange<Double>]] = []
        var items: [(Item, Int)] = []
        let ordered = plan.procedures.sorted { ($0.position, $0.index) < ($1.position, $1.index) }
        for placement in ordered {
            let procedure = record.procedures[placement.index]
            var label = Markup.truncate(procedureLabel(procedure), to: 24)
            if placement.estimated { label = "~" + label }
            var tooltip = procedureLabel(procedure)
            if let time = procedure.time { tooltip += " (\(Markup.squash(time.text)))" }
            if placement.estimated { tooltip += "; time estimated from the order of the text" }
            let chip = Chip(style: .procedure(estimated: placement.estimated), label: label, tooltip: tooltip)
            let iconX = xPosition(placement.position)
            var left = iconX - 13
            if left + chip.width > rightLimit { left = iconX + 13 - chip.width }
            let row = Self.place((left - 3)...(left + chip.width + 3), in: &rows)
            items.append((Item(chip: chip, left: left, iconX: iconX), row))
        }
        let top = cursorY + 4
        let laneHeight = Double(max(rows.count, 1)) * Self.subRow + 8
        body.append(
            "<rect x=\"8\" y=\"\(n(top))\" width=\"\(n(width - 16))\" height=\"\(n(laneHeight))\" fill=\"#00695c\" fill-opacity=\"0.07\"/>"
        )
        text("Procedures", x: 16, y: top + 16, size: 12, weight: "bold", fill: "#00524a")
        for (item, row) in items {
            let centerY = top + 4 + Self.subRow / 2 + Double(row) * Self.subRow
            drawChip(item.chip, x: item.left, centerY: centerY, iconCenter: item.iconX)
        }
        cursorY = top + laneHeight + 2
    }

    mutating func drawLine(_ line: TherapyLine, placement: LinePlacement, index: Int, isLast: Bool) {
        let top = cursorY + 2
        let barY = top + 6
        let barHeight = 14.0
        let centerY = barY + barHeight / 2
        let startX = xPosition(placement.start)
        let endX = max(xPosition(placement.end), startX + 4)
        let died = isLast && record.outcome?.died == true
        let openEnd = placement.openEnd && !died

        // Each chip is anchored on this line's band: at its event's time when the text gives
        // one, else the response and resistance at the bar's end and adverse events at its
        // start (they happened during the line).
        var chips: [(chip: Chip, anchor: Double, afterBar: Bool)] = []
        let barEnd = endX + (openEnd ? 14 : 6)
        if died, let outcome = record.outcome {
            var tooltip = deathLabel(outcome)
            if let survival = outcome.survival { tooltip += " (\(Markup.squash(survival)))" }
            chips.append((Chip(style: .death, label: Markup.truncate(deathLabel(outcome), to: 30), tooltip: tooltip), barEnd, true))
        }
        if let response = line.response {
            var tooltip = "Best response: \(response.rawValue)"
            if let written = line.responseText { tooltip += " (\u{201C}\(Markup.squash(written))\u{201D})" }
            let chip = Chip(style: .response(response), label: response.abbreviation, tooltip: tooltip)
            if let x = eventX(.response, line: line, start: placement.start) {
                chips.append((chip, x, false))
            } else {
                chips.append((chip, barEnd, true))
            }
        }
        for event in line.adverseEvents {
            let label = adverseLabel(event)
            let chip = Chip(style: .adverseEvent, label: Markup.truncate(label, to: 30), tooltip: "Adverse event: " + label)
            chips.append((chip, eventX(.adverseEvent, line: line, start: placement.start) ?? startX, false))
        }
        for event in resistanceEvents(for: line) {
            chips.append((resistanceChip(event), barEnd, true))
        }

        // Stack the chips in sub-rows: a chip takes the first row where it overlaps no other
        // chip; the bar blocks its own stretch of the first row.
        let rightLimit = width - 8
        var rows: [[ClosedRange<Double>]] = [[(startX - 3)...(barEnd - 3.5)]]
        var placed: [(Chip, Double, Double)] = []
        for entry in chips {
            let chip = entry.chip
            var left = entry.afterBar ? entry.anchor : entry.anchor - 13
            left = max(plotLeft, min(left, rightLimit - chip.width))
            let row = Self.place((left - 3)...(left + chip.width + 3), in: &rows)
            placed.append((chip, left, centerY + Double(row) * Self.subRow))
        }
        let rowCount = rows.count
        let headingLines = wrap("L\(line.line) \(drugLabel(line))", width: labelColumn, fontSize: 13).count
        let rowHeight = max(40 + Double(headingLines - 1) * 15, 6 + Double(rowCount) * Self.subRow + 6)

        // The line's band: every chip of the line lies inside it.
        body.append(
            "<rect class=\"band\" data-line=\"\(line.line)\" x=\"8\" y=\"\(n(top - 2))\" width=\"\(n(width - 16))\" height=\"\(n(rowHeight))\" fill=\"#57606a\" fill-opacity=\"\(index % 2 == 1 ? "0.07" : "0")\"/>"
        )
        // Label column.
        var lineTooltip = "Line \(line.line): \(drugLabel(line))"
        if let dose = line.dose { lineTooltip += "; dose \(Markup.squash(dose))" }
        if let start = line.start { lineTooltip += "; start \(Markup.squash(start.text))" }
        if placement.estimatedStart { lineTooltip += " (start estimated)" }
        if let end = line.end { lineTooltip += "; end \(Markup.squash(end.text))" }
        if let reason = line.stopReason { lineTooltip += "; stopped: \(Markup.squash(reason))" }
        let heading = wrap("L\(line.line) \(drugLabel(line))", width: labelColumn, fontSize: 13)
        body.append("<g><title>\(Markup.escape(lineTooltip))</title>")
        for (offset, headingLine) in heading.enumerated() {
            text(headingLine, x: 16, y: top + 16 + Double(offset) * 15, size: 13, weight: "bold")
        }
        let detailsY = top + 31 + Double(heading.count - 1) * 15
        var details: [String] = []
        if let dose = line.dose.map(Markup.squash), !dose.isEmpty { details.append(Markup.truncate(dose, to: 22)) }
        if let start = line.start { details.append((placement.estimatedStart ? "\u{2248} " : "") + Markup.squash(start.text)) }
        if let setting = line.setting { details.append(Markup.squash(setting)) }
        // A line the text gives no time for is drawn in its place in the order, marked "undated".
        let undated = line.start == nil || plan.axis == .narrative
        var detailsX = 16.0
        if undated {
            body.append(
                "<text class=\"undated\" data-line=\"\(line.line)\" x=\"16\" y=\"\(n(detailsY))\" font-size=\"11\" font-style=\"italic\" fill=\"#8c1d18\">undated</text>"
            )
            detailsX += Markup.textWidth("undated", fontSize: 11) + 6
        }
        if !details.isEmpty {
            text(
                Markup.fit(details.joined(separator: " \u{00B7} "), width: labelColumn - (detailsX - 16), fontSize: 11),
                x: detailsX,
                y: detailsY,
                size: 11,
                fill: Self.muted
            )
        }
        // The bar.
        let dash = placement.estimatedStart ? " stroke-dasharray=\"4 2\" fill-opacity=\"0.55\"" : ""
        body.append(
            "<rect class=\"bar\" data-line=\"\(line.line)\" x=\"\(n(startX))\" y=\"\(n(barY))\" width=\"\(n(endX - startX))\" height=\"\(n(barHeight))\" rx=\"2\" fill=\"#4f74ad\" stroke=\"#2b4c7e\" stroke-width=\"1\"\(dash)/>"
        )
        if openEnd {
            body.append(
                "<polygon class=\"open-end\" points=\"\(n(endX)),\(n(barY - 3)) \(n(endX + 11)),\(n(centerY)) \(n(endX)),\(n(barY + barHeight + 3))\" fill=\"#2b4c7e\"/>"
            )
        } else if died {
            body.append(
                "<line x1=\"\(n(endX))\" y1=\"\(n(barY - 3))\" x2=\"\(n(endX))\" y2=\"\(n(barY + barHeight + 3))\" stroke=\"#202124\" stroke-width=\"3\"/>"
            )
        }
        body.append("</g>")
        for (chip, chipX, chipY) in placed {
            drawChip(chip, x: chipX, centerY: chipY, line: line.line)
        }
        cursorY = top - 2 + rowHeight
    }

    // MARK: Markers

    /// The x of the line's `kind` event when the text times it, else nil.
    func eventX(_ kind: TimelineEvent.Kind, line: TherapyLine, start: Double) -> Double? {
        for event in record.timeline where event.kind == kind && event.line == line.line {
            if let point = event.time, let position = plan.position(of: point, after: start) { return xPosition(position) }
        }
        return nil
    }

    func resistanceChip(_ event: ResistanceEvent) -> Chip {
        let label = "\(event.gene) \(event.variant)"
        var tooltip = "Resistance: \(label) against \(event.drugs.joined(separator: ", "))"
        if !event.basis.isEmpty { tooltip += " (\(event.basis))" }
        return Chip(style: .resistance, label: Markup.truncate(Markup.squash(label), to: 30), tooltip: tooltip)
    }

    mutating func drawChip(_ chip: Chip, x: Double, centerY: Double, iconCenter: Double? = nil, legend: Bool = false, line: Int? = nil) {
        let top = centerY - Chip.height / 2
        let background: String
        let border: String
        let textColor: String
        var dash = ""
        switch chip.style {
        case .response(.complete): (background, border, textColor) = ("#e6f4ea", "#1a7f37", "#0f5323")
        case .response(.partial): (background, border, textColor) = ("#e3eefa", "#0b62a4", "#084a7d")
        case .response(.stable):
            (background, border, textColor) = ("#f3f4f6", "#5f6368", "#3c4043")
            dash = " stroke-dasharray=\"3 2\""
        case .response(.progressive): (background, border, textColor) = ("#fde8e7", "#b3261e", "#8c1d18")
        case .adverseEvent: (background, border, textColor) = ("#fff4e5", "#b35c00", "#6d3a00")
        case .resistance: (background, border, textColor) = ("#f3ecfa", "#6a3d9a", "#4a2870")
        case .procedure(let estimated):
            (background, border, textColor) = ("#ffffff", "#00695c", "#004d40")
            if estimated { dash = " stroke-dasharray=\"3 2\"" }
        case .death: (background, border, textColor) = ("#eeeeee", "#202124", "#202124")
        }
        let iconX = iconCenter ?? (x + 6 + 7)
        let iconOnRight = iconX > x + chip.width / 2
        let textX = iconOnRight ? x + 6 : x + 6 + 14 + 4
        let lineAttribute = line.map { " data-line=\"\($0)\"" } ?? ""
        var parts = [
            "<g class=\"\(legend ? "legend legend" : "marker marker")-\(chip.kind)\"\(lineAttribute)><title>\(Markup.escape(chip.tooltip))</title>"
        ]
        parts.append(
            "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(chip.width))\" height=\"\(n(Chip.height))\" rx=\"\(chip.isPill ? "9" : "3")\" fill=\"\(background)\" stroke=\"\(border)\" stroke-width=\"1\"\(dash)/>"
        )
        parts.append(icon(chip.style, x: iconX, y: centerY, color: border))
        parts.append(
            "<text x=\"\(n(textX))\" y=\"\(n(centerY + 4))\" font-size=\"\(n(Chip.fontSize))\" fill=\"\(textColor)\">\(Markup.escape(chip.label))</text></g>"
        )
        body.append(parts.joined())
    }

    func icon(_ style: Chip.Style, x: Double, y: Double, color: String) -> String {
        switch style {
        case .response(.complete):
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5.5\" fill=\"\(color)\"/>"
        case .response(.partial):
            return "<rect x=\"\(n(x - 5))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
        case .response(.stable):
            return
                "<polygon points=\"\(n(x)),\(n(y - 6)) \(n(x + 6)),\(n(y)) \(n(x)),\(n(y + 6)) \(n(x - 6)),\(n(y))\" fill=\"#ffffff\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
        case .response(.progressive):
            return "<polygon points=\"\(n(x - 6)),\(n(y - 5)) \(n(x + 6)),\(n(y - 5)) \(n(x)),\(n(y + 6))\" fill=\"\(color)\"/>"
        case .adverseEvent:
            return "<polygon points=\"\(n(x)),\(n(y - 6)) \(n(x + 6.5)),\(n(y + 5.5)) \(n(x - 6.5)),\(n(y + 5.5))\" fill=\"\(color)\"/>"
                + "<rect x=\"\(n(x - 0.75))\" y=\"\(n(y - 2.5))\" width=\"1.5\" height=\"4.5\" fill=\"#ffffff\"/>"
                + "<rect x=\"\(n(x - 0.75))\" y=\"\(n(y + 2.8))\" width=\"1.5\" height=\"1.5\" fill=\"#ffffff\"/>"
        case .resistance:
            var points: [String] = []
            for (dx, dy) in [(-3.5, -6.0), (3.5, -6.0), (7.0, 0.0), (3.5, 6.0), (-3.5, 6.0), (-7.0, 0.0)] {
                points.append("\(n(x + dx)),\(n(y + dy))")
            }
            return "<polygon points=\"\(points.joined(separator: " "))\" fill=\"\(color)\"/>"
                + "<text x=\"\(n(x))\" y=\"\(n(y + 3.5))\" font-size=\"9\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">R</text>"
        case .procedure(let estimated):
            let fill = estimated ? "#ffffff" : color
            return
                "<polygon points=\"\(n(x)),\(n(y - 6.5)) \(n(x + 6.5)),\(n(y)) \(n(x)),\(n(y + 6.5)) \(n(x - 6.5)),\(n(y))\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
        case .death:
            return "<path d=\"M\(n(x - 1.5)) \(n(y - 7))h3v3.5h4v3h-4v7.5h-3v-7.5h-4v-3h4z\" fill=\"\(color)\"/>"
        }
    }

    // MARK: Axis ticks

    func axisTicks() -> [(value: Double, label: String)] {
        let plotWidth = plotRight - plotLeft
        switch plan.axis {
        case .narrative:
            return plan.therapies.indices.map { (Double($0), "L\(plan.therapies[$0].line)") }
        case .calendar:
            let first = CivilDate(dayNumber: Int(plan.lower.rounded(.down)))
            let last = CivilDate(dayNumber: Int(plan.upper.rounded(.up)))
            let years = (plan.upper - plan.lower) / 365.25
            if years >= 2.5 {
                let maxTicks = max(2, plotWidth / 56)
                let step = [1, 2, 5, 10, 20, 50, 100].first { years / Double($0) <= maxTicks } ?? 100
                return stride(from: first.year + 1, through: last.year, by: 1).filter { $0 % step == 0 }.map {
                    (Double(CivilDate(year: $0, month: 1, day: 1).dayNumber), "\($0)")
                }
            }
            let months = years * 12
            let maxTicks = max(2, plotWidth / 72)
            let step = [1, 2, 3, 6, 12].first { months / Double($0) <= maxTicks } ?? 12
            var ticks: [(Double, String)] = []
            var year = first.year
            var month = first.month
            while true {
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
                let date = CivilDate(year: year, month: month, day: 1)
                let value = Double(date.dayNumber)
                if value > plan.upper { break }
                if (month - 1) % step == 0 { ticks.append((value, date.monthLabel)) }
            }
            return ticks
        case .relative:
            let monthLength = 30.44
            let months = (plan.upper - plan.lower) / monthLength
            let maxTicks = max(2, plotWidth / 56)
            let step = [1, 2, 3, 6, 12, 24, 60, 120].first { months / Double($0) <= maxTicks } ?? 120
            let firstIndex = Int((plan.lower / monthLength / Double(step)).rounded(.up))
            let lastIndex = Int((plan.upper / monthLength / Double(step)).rounded(.down))
            guard firstIndex <= lastIndex else { return [] }
            return (firstIndex...lastIndex).map { index in
                let value = index * step
                return (Double(value) * monthLength, value == 0 ? "0" : "\(value) mo")
            }
        }
    }

    // MARK: Labels

    func drugLabel(_ line: TherapyLine) -> String {
        var label = line.drugs.joined(separator: " + ")
        if label.isEmpty { label = line.regimen ?? "unnamed therapy" } else if let regimen = line.regimen { label += " (\(regimen))" }
        return Markup.squash(label)
    }

    func adverseLabel(_ event: AdverseEvent) -> String {
        let term = Markup.squash(event.term)
        return event.grade.map { "G\($0) \(term)" } ?? term
    }

    func procedureLabel(_ procedure: Procedure) -> String {
        let name: String =
            switch procedure.kind {
            case .transplant: "transplant"
            case .donorLymphocyteInfusion: "DLI"
            case .radiotherapy: "radiotherapy"
            case .stereotacticRadiotherapy: "SBRT"
            case .surgery: "surgery"
            case .embolization: "embolization"
            case .ablation: "ablation"
            }
        guard let detail = procedure.detail.map(Markup.squash), !detail.isEmpty else { return name }
        return "\(name) (\(detail))"
    }

    func deathLabel(_ outcome: Outcome) -> String {
        guard let cause = outcome.cause.map(Markup.squash), !cause.isEmpty else { return "Died" }
        return "Died: \(cause)"
    }

    /// Resistance findings against any of the line's drugs.
    func resistanceEvents(for line: TherapyLine) -> [ResistanceEvent] {
        record.resistance.filter { !Set($0.drugs).isDisjoint(with: line.drugs) }
    }

    /// `text` in at most `maxLines` lines of `width` pixels, breaking at spaces; the last line
    /// is truncated if the text is still too long. Bold text is estimated 8% wider.
    func wrap(_ text: String, width: Double, fontSize: Double, maxLines: Int = 2, bold: Bool = true) -> [String] {
        let measure = { (candidate: String) in Markup.textWidth(candidate, fontSize: fontSize) * (bold ? 1.08 : 1) }
        guard measure(text) > width else { return [text] }
        var lines: [String] = []
        var words = text.split(separator: " ").map(String.init)[...]
        while !words.isEmpty {
            if lines.count == maxLines - 1 {
                let rest = words.joined(separator: " ")
                lines.append(Markup.fit(rest, width: width / (bold ? 1.08 : 1), fontSize: fontSize))
                break
            }
            var line = ""
            while let word = words.first {
                let candidate = line.isEmpty ? word : line + " " + word
                if !line.isEmpty, measure(candidate) > width { break }
                line = candidate
                words.removeFirst()
            }
            lines.append(Markup.fit(line, width: width / (bold ? 1.08 : 1), fontSize: fontSize))
        }
        return lines
    }

    // MARK: Output helpers

    func n(_ value: Double) -> String { Markup.number(value) }

    mutating func text(
        _ content: String,
        x: Double,
        y: Double,
        size: Double,
        weight: String? = nil,
        fill: String = Canvas.ink,
        title: String? = nil
    ) {
        var element = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\""
        if let weight { element += " font-weight=\"\(weight)\"" }
        element += ">"
        if let title, title != content { element += "<title>\(Markup.escape(title))</title>" }
        element += Markup.escape(content) + "</text>"
        body.append(element)
    }
}

extension Chip {
    /// The marker's class suffix: `response`, `adverse-event`, `resistance`, `procedure`, `death`.
    fileprivate var kind: String {
        switch style {
        case .response: "response"
        case .adverseEvent: "adverse-event"
        case .resistance: "resistance"
        case .procedure: "procedure"
        case .death: "death"
        }
    }

    fileprivate var isPill: Bool {
        if case .response(.complete) = style { return true }
        return false
    }
}
