import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Codes and conversions shared by the Phenopacket and FHIR exports.
///
/// A code is written only where it was checked against its source; otherwise the export
/// carries the label alone.
enum ExportCodes {
    /// NCIt concepts for the best-response classes (NCI Thesaurus: C4870 Complete Response,
    /// C18058 Partial Response, C18213 Stable Disease, C35571 Progressive Disease).
    static func ncitResponse(_ response: ResponseKind) -> (id: String, label: String) {
        switch response {
        case .complete: ("NCIT:C4870", "Complete Response")
        case .partial: ("NCIT:C18058", "Partial Response")
        case .stable: ("NCIT:C18213", "Stable Disease")
        case .progressive: ("NCIT:C35571", "Progressive Disease")
        }
    }

    /// The response class for an NCIt response id, for the import.
    static func response(ncit id: String) -> ResponseKind? {
        ResponseKind.allCases.first { ncitResponse($0).id.caseInsensitiveCompare(id) == .orderedSame }
    }

    /// mCODE ConditionStatusTrendVS (SNOMED CT), per the mCODE IG value set definition.
    static func snomedTrend(_ response: ResponseKind) -> (code: String, display: String) {
        switch response {
        case .complete: ("281900007", "No abnormality detected (finding)")
        case .partial: ("268910001", "Patient's condition improved (finding)")
        case .stable: ("359746009", "Patient's condition stable (finding)")
        case .progressive: ("271299001", "Patient's condition worsened (finding)")
        }
    }

    /// mCODE TreatmentTerminationReasonVS (SNOMED CT) for the stop reasons Caseboard can tell apart.
    static func snomedTermination(_ reason: String) -> (code: String, display: String)? {
        let text = reason.lowercased()
        if ["progress", "resist", "refractor", "relapse", "no response"].contains(where: text.contains) {
            return ("266721009", "No response to treatment (situation)")
        }
        if ["toxicit", "intoleran", "not tolerated", "adverse", "side effect"].contains(where: text.contains) {
            return ("407563006", "Treatment not tolerated (situation)")
        }
        if text.contains("complet") { return ("182992009", "Treatment completed (situation)") }
        return nil
    }

    static let oneToThree: [Character: String] = [
        "A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu", "G": "Gly",
        "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe", "P": "Pro", "S": "Ser",
        "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "Ter",
    ]

    /// `D835H` → `p.Asp835His`; nil for anything but a simple substitution or stop gain.
    static func hgvsProtein(_ variant: String) -> String? {
        let characters = Array(variant.hasPrefix("p.") ? String(variant.dropFirst(2)) : variant)
        guard characters.count >= 3, let first = characters.first, let last = characters.last,
            let from = oneToThree[first], let to = oneToThree[last]
        else { return nil }
        let digits = characters.dropFirst().dropLast()
        guard digits.allSatisfy(\.isNumber) else { return nil }
        return "p.\(from)\(String(digits))\(to)"
    }

    /// `p.Asp835His` or `p.D835H` → `D835H`; nil when the expression is not a simple substitution.
    static func oneLetterProtein(_ hgvs: String) -> String? {
        var body = Substring(hgvs)
        if let colon = body.lastIndex(of: ":") { body = body[body.index(after: colon)...] }
        guard body.hasPrefix("p.") else { return nil }
        body = body.dropFirst(2)
        if body.hasPrefix("("), body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        let threeToOne = Dictionary(uniqueKeysWithValues: oneToThree.map { ($1, $0) })
        if body.count >= 7, let from = threeToOne[String(body.prefix(3))], let to = threeToOne[String(body.suffix(3))] {
            let digits = body.dropFirst(3).dropLast(3)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return "\(from)\(digits)\(to)" }
        }
        if hgvsProtein(String(body)) != nil { return String(body) }
        return nil
    }

    /// A full calendar date as an RFC 3339 timestamp; partial dates have no exact instant.
    static func timestamp(_ date: String?) -> String? {
        guard let date, date.count == 10, date.split(separator: "-").count == 3 else { return nil }
        return "\(date)T00:00:00Z"
    }

    /// Identifier-safe text: letters, digits, `.`, `-`; anything else becomes `-`.
    static func slug(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "." || scalar == "-" ? Character(scalar) : "-"
        }
        let value = String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return value.isEmpty ? "case" : value
    }

    /// `bytes 120-161 (case): "…"`, for a span carried in a description.
    static func describe(_ spans: [Evidence]) -> String? {
        guard !spans.isEmpty else { return nil }
        return spans.map { "bytes \($0.start)-\($0.end) (\($0.section.rawValue)): \"\($0.text)\"" }.joined(separator: "; ")
    }

    /// A stable UUID from a name (two FNV-1a hashes), so the same case exports to the same bundle.
    static func uuid(_ name: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash: UInt64 = seed
            for byte in name.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let high = fnv(0xcbf2_9ce4_8422_2325)
        let low = fnv(0x8422_2325_cbf2_9ce4)
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        bytes[6] = (bytes[6] & 0x0f) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3f) | 0x80  // RFC 4122 variant
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    /// The adverse events of a line: its own and the case-level ones attributed to its drugs.
    static func adverseEvents(of line: TherapyLine, in record: CaseRecord) -> [AdverseEvent] {
        var seen = Set<String>()
        var events: [AdverseEvent] = []
        let attributed = record.adverseEvents.filter { !Set($0.drugs).isDisjoint(with: line.drugs) }
        for event in line.adverseEvents + attributed where seen.insert("\(event.term)|\(event.grade ?? 0)").inserted {
            events.append(event)
        }
        return events
    }

    /// The primary cancer: the first diagnosis with an OncoTree code.
    static func primaryDiagnosis(of record: CaseRecord) -> Diagnosis? {
        record.diagnoses.first { $0.oncotree != nil }
    }

    /// NCIt ids (`NCIT:C3171`) for a diagnosis, from the OncoTree row.
    static func ncit(_ diagnosis: Diagnosis, _ vocabularies: Vocabularies) -> String? {
        guard let code = vocabularies.disease(code: diagnosis.oncotree ?? diagnosis.code)?.nci.first, !code.isEmpty else { return nil }
        return "NCIT:\(code)"
    }

    /// The DrugBank accession and UNII of a drug (an INN or any name the vocabulary knows), from the
    /// DrugBank open vocabulary (CC0) bundled with the vocabularies; nil where the drug has no entry.
    static func drugCodes(_ drug: String, _ vocabularies: Vocabularies) -> (drugbank: String?, unii: String?) {
        guard let concept = vocabularies.drug(inn: drug) ?? vocabularies.drug(named: drug) else { return (nil, nil) }
        return (concept.drugbankID, concept.unii)
    }

    /// The `HGNC:NNNN` id of a gene symbol.
    static func hgnc(_ symbol: String, _ vocabularies: Vocabularies) -> String? {
        vocabularies.gene(symbol: symbol).map { "HGNC:\($0.hgncID)" }
    }

    /// The alterations of a case plus resistance variants that are not already among them.
    static func allVariants(of record: CaseRecord) -> [(alteration: Alteration, acquiredOn: [String]?)] {
        var result: [(Alteration, [String]?)] = record.alterations.map { ($0, nil) }
        let known = Set(record.alterations.map { "\($0.gene) \($0.variant)".lowercased() })
        for event in record.resistance where !known.contains("\(event.gene) \(event.variant)".lowercased()) {
            let kind: AlterationKind = hgvsProtein(event.variant) != nil ? .proteinChange : .mutation
            result.append((Alteration(gene: event.gene, variant: event.variant, kind: kind, spans: event.spans), event.drugs))
        }
        return result
    }
}
