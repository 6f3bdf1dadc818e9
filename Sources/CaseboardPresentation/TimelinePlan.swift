import CaseboardCore

/// The time axis a timeline is drawn on.
enum TimelineAxis: Sendable, Hashable {
    /// Day numbers since 1970-01-01, from `start.date`.
    case calendar
    /// Days from the first relative anchor the text names (`start.days`).
    case relative(anchor: String)
    /// No times: line `i` occupies the slot `i..<i+1`.
    case narrative
}

/// Where one therapy line's bar goes, in axis units.
struct LinePlacement: Sendable, Hashable {
    var start: Double
    var end: Double
    /// The text gives no usable start time; the start was interpolated.
    var estimatedStart: Bool
    /// No end is known and no later line closes the bar.
    var openEnd: Bool
}

/// Where one procedure goes, in axis units.
struct ProcedurePlacement: Sendable, Hashable {
    /// Index into `CaseRecord.procedures`.
    var index: Int
    var position: Double
    /// Placed from narrative order, not from a time in the text.
    var estimated: Bool
}

/// The placement of every bar and procedure of a case on one axis. Pure and deterministic.
struct TimelinePlan: Sendable, Hashable {
    var axis: TimelineAxis
    /// The therapy lines in line order.
    var therapies: [TherapyLine]
    var lines: [LinePlacement]
    var procedures: [ProcedurePlacement]
    var lower: Double
    var upper: Double
    /// The diagnosis date's day number, for times counted from the diagnosis.
    var diagnosisDay: Double?

    init(record: CaseRecord) {
        let therapies = record.therapies.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        self.therapies = therapies
        let axis = Self.chooseAxis(therapies)
        self.axis = axis
        diagnosisDay = Self.diagnosisDay(record)
        let context = Context(axis: axis, diagnosisDay: diagnosisDay)
        let (starts, estimated) = Self.starts(therapies, context: context)
        let step = Self.defaultStep(starts, axis: axis)
        var lines: [LinePlacement] = []
        for index in therapies.indices {
            let start = starts[index]
            var end: Double?
            if let point = therapies[index].end {
                end = context.resolve(point, previous: start)
            }
            if let known = end, known > start {
                lines.append(LinePlacement(start: start, end: known, estimatedStart: estimated[index], openEnd: false))
            } else if index + 1 < therapies.count {
                lines.append(LinePlacement(start: start, end: max(start, starts[index + 1]), estimatedStart: estimated[index], openEnd: false))
            } else {
                let span = (starts.max() ?? 0) - (starts.min() ?? 0)
                let length: Double =
                    axis == .narrative ? 0.85 : max(step * 0.5, span * 0.05, 30)
                lines.append(LinePlacement(start: start, end: start + length, estimatedStart: estimated[index], openEnd: true))
            }
        }
        self.lines = lines
        procedures = Self.placeProcedures(record, therapies: therapies, starts: starts, context: context, step: step)
        let positions = lines.flatMap { [$0.start, $0.end] } + procedures.map(\.position)
        var lower = positions.min() ?? 0
        var upper = positions.max() ?? 1
        if upper - lower < 1 {
            upper = lower + (axis == .narrative ? 1 : 30)
        }
        if axis != .narrative {
            let pad = (upper - lower) * 0.02
            lower -= pad
            upper += pad
        }
        self.lower = lower
        self.upper = upper
    }

    /// Where `point` falls on this axis; chained offsets count from `start` (the line's start).
    func position(of point: TimePoint, after start: Double) -> Double? {
        Context(axis: axis, diagnosisDay: diagnosisDay).resolve(point, previous: start)
    }

    /// Calendar when any line has a parseable date, relative when any has days, else narrative.
    static func chooseAxis(_ therapies: [TherapyLine]) -> TimelineAxis {
        if therapies.contains(where: { $0.start?.date.flatMap(CivilDate.init(parsing:)) != nil }) {
            return .calendar
        }
        if let first = therapies.first(where: { $0.start?.days != nil }) {
            return .relative(anchor: first.start?.anchor ?? "the first event")
        }
        return .narrative
    }

    private static func diagnosisDay(_ record: CaseRecord) -> Double? {
        for event in record.timeline where event.kind == .diagnosis {
            if let date = event.time?.date.flatMap(CivilDate.init(parsing:)) { return Double(date.dayNumber) }
        }
        return nil
    }

    /// Resolves time points on the chosen axis.
    struct Context {
        var axis: TimelineAxis
        var diagnosisDay: Double?

        /// Whether a relative anchor means "the previous event" rather than a named event.
        static func isChained(_ anchor: String?) -> Bool {
            guard let anchor = anchor?.lowercased() else { return true }
            return ["previous", "prior", "last", "start of", "initiation", "then", "later"].contains { anchor.contains($0) }
        }

        static func isDiagnosis(_ anchor: String?) -> Bool {
            anchor?.lowercased().contains("diagnos") == true
        }

        /// The position of `point`, or nil when it cannot be placed on this axis.
        /// - Parameter previous: the position of the previous event, for chained offsets.
        func resolve(_ point: TimePoint, previous: Double?) -> Double? {
            switch axis {
            case .narrative:
                return nil
            case .calendar:
                if let date = point.date.flatMap(CivilDate.init(parsing:)) { return Double(date.dayNumber) }
                guard let days = point.days else { return nil }
                if Self.isDiagnosis(point.anchor), let diagnosisDay { return diagnosisDay + Double(days) }
                if Self.isChained(point.anchor), let previous { return previous + Double(days) }
                return nil
            case .relative:
                guard let days = point.days else { return nil }
                if Self.isChained(point.anchor) { return previous.map { $0 + Double(days) } }
                return Double(days)
            }
        }
    }

    /// Line start positions, in line order and never decreasing, with the ones that had to be
    /// estimated (interpolated between neighbours, or a default step beyond the last known).
    static func starts(_ therapies: [TherapyLine], context: Context) -> ([Double], [Bool]) {
        let count = therapies.count
        if context.axis == .narrative {
            return (therapies.indices.map(Double.init), Array(repeating: false, count: count))
        }
        // Absolute positions first, then chained offsets and gaps in one forward pass.
        var known: [Double?] = therapies.map { line in
            guard let point = line.start, !(Context.isChained(point.anchor) && point.date == nil) else { return nil }
            return context.resolve(point, previous: nil)
        }
        if case .relative = context.axis, known.first ?? nil == nil, let days = therapies.first?.start?.days {
            known[0] = Double(days)
        }
        let step = defaultStep(known.compactMap { $0 }, axis: context.axis)
        var positions: [Double] = []
        var estimated: [Bool] = []
        for index in 0..<count {
            let nextKnown = (index + 1..<count).first { known[$0] != nil }
            let previous = positions.last
            if let value = known[index] {
                positions.append(max(value, previous ?? value))
                estimated.append(false)
                continue
            }
            if let point = therapies[index].start, let previous, let value = context.resolve(point, previous: previous) {
                let ceiling = nextKnown.flatMap { known[$0] } ?? value
                positions.append(max(previous, min(value, ceiling)))
                estimated.append(false)
                continue
            }
            estimated.append(true)
            switch (previous, nextKnown) {
            case (let before?, let after?):
                let target = known[after] ?? before
                positions.append(before + max(0, target - before) / Double(after - index + 1))
            case (let before?, nil):
                positions.append(before + step)
            case (nil, let after?):
                positions.append((known[after] ?? 0) - step * Double(after - index))
            case (nil, nil):
                positions.append(step * Double(index))
            }
        }
        return (positions, estimated)
    }

    /// The typical gap between known starts, for estimates; 180 days when there is none.
    static func defaultStep(_ positions: [Double], axis: TimelineAxis) -> Double {
        if axis == .narrative { return 1 }
        let sorted = positions.sorted()
        let gaps = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.sorted()
        guard !gaps.isEmpty else { return 180 }
        return min(max(gaps[gaps.count / 2], 60), 730)
    }

    /// Words in a relative anchor that name each kind of procedure.
    private static func anchorNames(_ kind: ProcedureKind) -> [String] {
        switch kind {
        case .transplant: ["transplant", "hsct", "sct", "bmt"]
        case .donorLymphocyteInfusion: ["dli", "lymphocyte infusion"]
        case .radiotherapy: ["radiotherapy", "radiation", "irradiation"]
        case .stereotacticRadiotherapy: ["sbrt", "stereotactic"]
        case .surgery: ["surgery", "resection"]
        case .embolization: ["emboli"]
        case .ablation: ["ablation"]
        }
    }

    static func placeProcedures(
        _ record: CaseRecord,
        therapies: [TherapyLine],
        starts: [Double],
        context: Context,
        step: Double
    ) -> [ProcedurePlacement] {
        let procedures = record.procedures
        guard !procedures.isEmpty else { return [] }
        var resolved: [Double?] = procedures.map { procedure in
            procedure.time.flatMap { context.resolve($0, previous: nil) }
        }
        // A line timed "10 months after allogeneic HSCT" also times the transplant.
        for index in procedures.indices where resolved[index] == nil {
            let names = anchorNames(procedures[index].kind)
            for (lineIndex, line) in therapies.enumerated() {
                guard let point = line.start, let days = point.days, let anchor = point.anchor?.lowercased(),
                    !Context.isChained(anchor), names.contains(where: { anchor.contains($0) })
                else { continue }
                resolved[index] = starts[lineIndex] - Double(days)
                break
            }
        }
        var placements = procedures.indices.map { index in
            ProcedurePlacement(index: index, position: resolved[index] ?? 0, estimated: resolved[index] == nil)
        }
        guard resolved.contains(where: { $0 == nil }) else { return placements }

        // Narrative order: the timeline lists procedures in text order among the line starts.
        let lineIndexByNumber = Dictionary(therapies.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { first, _ in first })
        let procedureEvents = record.timeline.filter { $0.kind == .procedure }
        var sequence: [(procedure: Int?, position: Double?)] = []
        if procedureEvents.count == procedures.count {
            var nextProcedure = 0
            for event in record.timeline {
                switch event.kind {
                case .therapyStart:
                    if let number = event.line, let lineIndex = lineIndexByNumber[number] {
                        sequence.append((nil, starts[lineIndex]))
                    }
                case .procedure:
                    sequence.append((nextProcedure, resolved[nextProcedure]))
                    nextProcedure += 1
                default:
                    break
                }
            }
        } else {
            sequence = procedures.indices.map { ($0, resolved[$0]) }
        }
        var cursor = 0
        while cursor < sequence.count {
            guard sequence[cursor].position == nil else {
                cursor += 1
                continue
            }
            var runEnd = cursor
            while runEnd < sequence.count, sequence[runEnd].position == nil { runEnd += 1 }
            let before = sequence[..<cursor].last(where: { $0.position != nil })?.position ?? nil
            let after = runEnd < sequence.count ? sequence[runEnd].position : nil
            let low = before ?? ((after ?? starts.first ?? 0) - step)
            var high = after ?? (low + step)
            if high <= low { high = low + step * 0.5 }
            let count = runEnd - cursor
            for offset in 0..<count {
                let position = low + (high - low) * Double(offset + 1) / Double(count + 1)
                sequence[cursor + offset].position = position
                if let procedure = sequence[cursor + offset].procedure {
                    placements[procedure].position = position
                }
            }
            cursor = runEnd
        }
        return placements
    }
}
