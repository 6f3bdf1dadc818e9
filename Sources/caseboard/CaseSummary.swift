import CaseboardCore

/// A readable summary of a case for a person: patient, diagnoses, alterations, numbered
/// therapy lines with responses and adverse events, resistance and outcome.
enum CaseSummary {
    static func render(_ record: CaseRecord) -> String {
        var lines: [String] = ["== \(record.document) =="]
        if let title = record.title { lines.append(title) }
        var patient: [String] = []
        if let age = record.patient.age { patient.append("\(age) years") }
        if let sex = record.patient.sex { patient.append(sex.rawValue) }
        lines.append("Patient: " + (patient.isEmpty ? "not stated" : patient.joined(separator: ", ")))
        if !record.diagnoses.isEmpty {
            lines.append("Diagnoses: " + record.diagnoses.map { "\($0.name) [\($0.oncotree ?? $0.code)]" }.joined(separator: "; "))
        }
        if !record.alterations.isEmpty {
            lines.append("Alterations: " + record.alterations.map(\.label).joined(separator: "; "))
        }
        if !record.therapies.isEmpty {
            lines.append("Therapy lines:")
            for line in record.therapies {
                var text = "  \(line.line). \(line.drugs.joined(separator: " + "))"
                if let regimen = line.regimen { text += " (\(regimen))" }
                if let dose = line.dose { text += ", \(dose)" }
                if let start = line.start { text += ", from \(start.date ?? start.text)" }
                if let response = line.response { text += " -> \(response.rawValue)" }
                lines.append(text)
                for event in line.adverseEvents {
                    lines.append("       adverse event: \(event.term)" + (event.grade.map { ", grade \($0)" } ?? ""))
                }
                if let reason = line.stopReason { lines.append("       stopped: \(reason)") }
            }
        }
        for procedure in record.procedures {
            lines.append("Procedure: \(procedure.kind.rawValue)" + (procedure.detail.map { " (\($0))" } ?? ""))
        }
        for event in record.resistance {
            lines.append("Resistance: \(event.gene) \(event.variant) against \(event.drugs.joined(separator: ", ")) (\(event.basis))")
        }
        if let outcome = record.outcome, outcome.died {
            lines.append("Outcome: died" + (outcome.cause.map { " of \($0)" } ?? "") + (outcome.survival.map { " after \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
