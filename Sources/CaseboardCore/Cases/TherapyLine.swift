/// A line of therapy: drugs given together, in time order, with what happened on them.
public struct TherapyLine: Sendable, Codable, Hashable {
    /// 1-based, in time order.
    public var line: Int
    /// Lowercase INNs.
    public var drugs: [String]
    /// The regimen abbreviation the text used, such as `7+3` or `VA`.
    public var regimen: String?
    /// Dose, route and schedule as written ("400 mg bid").
    public var dose: String?
    public var start: TimePoint?
    public var end: TimePoint?
    /// Best response: complete response, partial response, stable disease or progressive disease.
    public var response: ResponseKind?
    /// The response as written ("complete cytogenetic response").
    public var responseText: String?
    public var adverseEvents: [AdverseEvent]
    public var doseChanges: [String]
    public var stopReason: String?
    /// The therapy is part of a transplant, surgery or other procedure context.
    public var setting: String?
    public var spans: [Evidence]
    public var responseSpans: [Evidence]

    enum CodingKeys: String, CodingKey {
        case line, drugs, regimen, dose, start, end, response, setting, spans
        case responseText = "response_text"
        case adverseEvents = "adverse_events"
        case doseChanges = "dose_changes"
        case stopReason = "stop_reason"
        case responseSpans = "response_spans"
    }

    public init(
        line: Int,
        drugs: [String],
        regimen: String? = nil,
        dose: String? = nil,
        start: TimePoint? = nil,
        end: TimePoint? = nil,
        response: ResponseKind? = nil,
        responseText: String? = nil,
        adverseEvents: [AdverseEvent] = [],
        doseChanges: [String] = [],
        stopReason: String? = nil,
        setting: String? = nil,
        spans: [Evidence] = [],
        responseSpans: [Evidence] = []
    ) {
        self.line = line
        self.drugs = drugs
        self.regimen = regimen
        self.dose = dose
        self.start = start
        self.end = end
        self.response = response
        self.responseText = responseText
        self.adverseEvents = adverseEvents
        self.doseChanges = doseChanges
        self.stopReason = stopReason
        self.setting = setting
        self.spans = spans
        self.responseSpans = responseSpans
    }
}

/// RECIST-style best response classes.
public enum ResponseKind: String, Sendable, Codable, Hashable, CaseIterable {
    case complete = "complete response"
    case partial = "partial response"
    case stable = "stable disease"
    case progressive = "progressive disease"

    /// CR, PR, SD or PD.
    public var abbreviation: String {
        switch self {
        case .complete: "CR"
        case .partial: "PR"
        case .stable: "SD"
        case .progressive: "PD"
        }
    }

    /// Better responses rank higher: CR > PR > SD > PD.
    public var rank: Int {
        switch self {
        case .complete: 3
        case .partial: 2
        case .stable: 1
        case .progressive: 0
        }
    }
}

public struct AdverseEvent: Sendable, Codable, Hashable {
    /// Lowercase CTCAE term where known, else the text's term.
    public var term: String
    /// CTCAE grade 1–5, when given.
    public var grade: Int?
    /// Drugs (INNs) it is attributed to.
    public var drugs: [String]
    public var spans: [Evidence]

    public init(term: String, grade: Int? = nil, drugs: [String] = [], spans: [Evidence] = []) {
        self.term = term
        self.grade = grade
        self.drugs = drugs
        self.spans = spans
    }
}

/// An alteration the text ties to the failure of drugs for this patient.
public struct ResistanceEvent: Sendable, Codable, Hashable {
    public var gene: String
    public var variant: String
    /// INNs of the drugs it resists.
    public var drugs: [String]
    /// `acquired` when detected at progression, `stated` when the text says it confers resistance,
    /// `attributed` when the text lays a failure on it, `explained` when it explains the failure before.
    public var basis: String
    public var spans: [Evidence]

    public init(gene: String, variant: String, drugs: [String], basis: String, spans: [Evidence] = []) {
        self.gene = gene
        self.variant = variant
        self.drugs = drugs
        self.basis = basis
        self.spans = spans
    }
}

/// A non-drug treatment: transplant, donor lymphocyte infusion, radiotherapy, surgery...
public struct Procedure: Sendable, Codable, Hashable {
    public var kind: ProcedureKind
    /// Details as written: "54 Gy in 25 fractions", "R1".
    public var detail: String?
    public var time: TimePoint?
    public var spans: [Evidence]

    public init(kind: ProcedureKind, detail: String? = nil, time: TimePoint? = nil, spans: [Evidence] = []) {
        self.kind = kind
        self.detail = detail
        self.time = time
        self.spans = spans
    }
}

public enum ProcedureKind: String, Sendable, Codable, Hashable, CaseIterable {
    case transplant
    case donorLymphocyteInfusion = "dli"
    case radiotherapy
    case stereotacticRadiotherapy = "sbrt"
    case surgery
    case embolization
    case ablation
}

public struct Outcome: Sendable, Codable, Hashable {
    public var died: Bool
    public var cause: String?
    /// Survival as written ("230 days").
    public var survival: String?
    public var spans: [Evidence]

    public init(died: Bool, cause: String? = nil, survival: String? = nil, spans: [Evidence] = []) {
        self.died = died
        self.cause = cause
        self.survival = survival
        self.spans = spans
    }
}

/// A point in the patient's history: an absolute date where the text gives one, else an
/// offset in days from an anchor such as diagnosis.
public struct TimePoint: Sendable, Codable, Hashable {
    /// `2012`, `2012-02` or `2012-02-15`.
    public var date: String?
    /// Days from the anchor; months count as 30.44 days.
    public var days: Int?
    /// What `days` counts from: `diagnosis`, `transplant`, the start of a drug...
    public var anchor: String?
    /// The phrase as written.
    public var text: String
    /// The cycle of the current therapy the phrase names ("in the third cycle" is 3, "after four
    /// cycles" is 4), when it counts in cycles.
    public var cycle: Int?
    /// The point normalized to months from the diagnosis of the patient's cancer, when the text
    /// dates the diagnosis and ties this point to it through dates or relative times ("two years
    /// later", "ten months after transplant"). Months count as 30.44 days; one decimal.
    public var monthsFromDiagnosis: Double?

    enum CodingKeys: String, CodingKey {
        case date, days, anchor, text, cycle
        case monthsFromDiagnosis = "months_from_diagnosis"
    }

    public init(date: String? = nil, days: Int? = nil, anchor: String? = nil, text: String, cycle: Int? = nil, monthsFromDiagnosis: Double? = nil) {
        self.date = date
        self.days = days
        self.anchor = anchor
        self.text = text
        self.cycle = cycle
        self.monthsFromDiagnosis = monthsFromDiagnosis
    }
}

/// One event of the case in time order.
public struct TimelineEvent: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case diagnosis
        case therapyStart = "therapy_start"
        case therapyEnd = "therapy_end"
        case response
        case adverseEvent = "adverse_event"
        case resistance, procedure, progression, relapse, death
    }

    public var kind: Kind
    public var label: String
    public var time: TimePoint?
    /// The therapy line the event belongs to, if any.
    public var line: Int?
    public var spans: [Evidence]

    public init(kind: Kind, label: String, time: TimePoint? = nil, line: Int? = nil, spans: [Evidence] = []) {
        self.kind = kind
        self.label = label
        self.time = time
        self.line = line
        self.spans = spans
    }
}
