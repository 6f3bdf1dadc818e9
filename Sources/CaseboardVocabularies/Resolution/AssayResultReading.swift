import CaseboardCore
import Foundation

/// Results written the way a report words them: an assay whose result is a drug's companion-diagnostic
/// call, a fusion with its partner left open or its karyotype beside it, a HER2 ISH result by its numbers.
/// Read before the general readers, which took these for findings or refused them (hold-out 12, session 19).
extension Vocabularies {
    private static let shareNumber = CompiledPattern(#"\d+(?:\.\d+)?(?=\s*%)"#)
    private static let mutatedWord = CompiledPattern(#"\bmutated\b"#)
    private static let receptorShare = CompiledPattern(#"^(?:ER|PR|PgR)\s*[:=]?\s*[<>≥≤]?\s*\d+(?:\.\d+)?\s*%(?=\s+\S)"#, caseInsensitive: true)
    private static let negativeWord = CompiledPattern(#"\bnegative\b"#)
    private static let positiveWord = CompiledPattern(#"\bpositive\b"#)
    private static let ratioNumber = numberAfter(#"ratio"#)
    private static let copyNumberNumber = numberAfter(#"copy[ -]number"#)
    private static let copiesNumber = numberAfter(#"copies"#)
    private static let ihcScore = CompiledPattern(#"ihc\s*[0-3]"#)
    private static let positiveOrPlus = CompiledPattern(#"\bpositive\b|\+"#)
    private static let negativeOrEquivocal = CompiledPattern(#"\bnegative\b|\bnot\b|\bno\b|equivocal"#)
    private static let openPartner = CompiledPattern(
        #",?\s*(?:fusion\s+)?(?:partner\s+(?:gene\s+)?"#
            + #"(?:unknown|not identified|not determined|undetermined|unidentified)|(?:unknown|unidentified)\s+partner)\)?$"#,
        caseInsensitive: true
    )
    private static let karyotypeNotation = CompiledPattern(#"\s*\b(?:t|inv|ins)\(\d{1,2}(?:;\d{1,2})?\)(?:\([pq\d.;]+\))?\s*"#, caseInsensitive: true)

    func assayResultReading(_ body: String) -> PatientAlterationReading? {
        her2ISHReading(body) ?? alkCompanionImmunostain(body) ?? fusionWithOpenPartner(body) ?? fusionWithKaryotype(body)
            ?? ighvIdentity(body) ?? receptorShareWithWords(body)
    }

    /// "IGHV 98.7% identity to germline (unmutated)": IGHV is unmutated at 98 % or more identity to the germline
    /// sequence and mutated below it (iwCLL 2018, Hallek et al., Blood 2018;131:2745). The number decides; a
    /// word in brackets that says otherwise leaves the text unread. Nil for other text.
    func ighvIdentity(_ body: String) -> PatientAlterationReading? {
        let lowered = body.lowercased()
        guard lowered.hasPrefix("ighv"), lowered.contains("identity") || lowered.contains("homology") || lowered.contains("identical"),
            let range = Self.shareNumber.firstRange(in: lowered), let identity = Double(lowered[range]),
            identity <= 100
        else { return nil }
        let unmutated = identity >= 98
        let said = lowered.contains("unmutated") ? true : Self.mutatedWord.matches(lowered) ? false : nil
        guard said == nil || said == unmutated,
            case .success(var reading) = parsePatientAlteration("IGHV \(unmutated ? "unmutated" : "mutated")", suggest: false)
        else { return nil }
        reading.input = body
        // Somatic hypermutation of the tumour's own IGHV: "germline" in the text is the reference, not the origin.
        reading.origin = .somatic
        reading.notes.append("'\(body)': \(identity)% identity to germline is IGHV \(unmutated ? "unmutated" : "mutated") (iwCLL 2018 cut-off 98%)")
        return reading
    }

    /// "ER 5% weak (ER-low positive)", "PR 80% strong": a receptor share with the intensity or the call in words
    /// after it; the share decides (ASCO/CAP ER/PgR 2020), the words are detail. Nil for other text.
    func receptorShareWithWords(_ body: String) -> PatientAlterationReading? {
        guard
            let range = Self.receptorShare.firstRange(in: body)
        else { return nil }
        let share = String(body[range]).replacingOccurrences(of: "PgR", with: "PR", options: .caseInsensitive)
        let rest = body[range.upperBound...].lowercased()
        guard let status = Self.statusReading(share), let call = status.statuses.first?.call else { return nil }
        // Words that contradict the share ("ER 5% negative") leave the text to the other readers.
        if call == .low, Self.negativeWord.matches(rest) { return nil }
        if call == .negative, Self.positiveWord.matches(rest), !rest.contains("low") { return nil }
        return PatientAlterationReading(
            input: body,
            alteration: status.alteration,
            equivalents: status.equivalents,
            statuses: status.statuses,
            notes: status.notes + ["'\(body)' read as '\(share)'; the words after it are detail"]
        )
    }

    /// A word and the number after it.
    private static func numberAfter(_ word: String) -> CompiledPattern {
        CompiledPattern(word + #"\s*(?:of\s*)?[:=]?\s*(\d+(?:\.\d+)?)"#, caseInsensitive: true)
    }

    /// The first number after a pattern in text, as a Double.
    private static func number(after pattern: CompiledPattern, in text: String) -> Double? {
        guard let range = pattern.firstRange(in: text)
        else { return nil }
        let digits = text[range].reversed().prefix { $0.isNumber || $0 == "." }
        return Double(String(digits.reversed()))
    }

    /// "HER2 IHC 2+ (equivocal); dual-probe ISH HER2/CEP17 ratio 2.4, mean HER2 copy number 6.1": the ISH call
    /// made from its numbers by the ASCO/CAP 2018 groups (Wolff et al., J Clin Oncol 2018;36:2105): group 1
    /// (ratio ≥ 2.0, copies ≥ 4.0) positive; group 2 (ratio ≥ 2.0, copies < 4.0) and group 4 (ratio < 2.0,
    /// copies 4.0–< 6.0) negative; group 3 (ratio < 2.0, copies ≥ 6.0) positive only with IHC 2+ or 3+; group 5
    /// negative. Then read as "HER2 IHC n+/ISH±". Nil unless both numbers are given.
    func her2ISHReading(_ body: String) -> PatientAlterationReading? {
        let lowered = body.lowercased()
        guard lowered.hasPrefix("her2") || lowered.hasPrefix("erbb2"), lowered.contains("ish"),
            let ratio = Self.number(after: Self.ratioNumber, in: lowered),
            let copies = Self.number(after: Self.copyNumberNumber, in: lowered) ?? Self.number(after: Self.copiesNumber, in: lowered)
        else { return nil }
        var score: Int?
        if let range = Self.ihcScore.firstRange(in: lowered), let digit = lowered[range].last?.wholeNumberValue {
            score = digit
        }
        let positive: Bool
        let group: Int
        switch (ratio >= 2.0, copies) {
        case (true, 4.0...): (group, positive) = (1, true)
        case (true, _): (group, positive) = (2, false)
        case (false, 6.0...): (group, positive) = (3, (score ?? 0) >= 2)
        case (false, 4.0...): (group, positive) = (4, false)
        default: (group, positive) = (5, false)
        }
        let rewritten = "HER2 " + (score.map { "IHC \($0)+/" } ?? "") + (positive ? "ISH+" : "ISH-")
        guard let status = Self.statusReading(rewritten) else { return nil }
        let note =
            "'\(body)': HER2/CEP17 ratio \(ratio) with \(copies) HER2 copies is ASCO/CAP 2018 ISH group \(group), "
            + "ISH \(positive ? "positive" : "negative"); read as '\(rewritten)'"
        return PatientAlterationReading(
            input: body,
            alteration: status.alteration,
            equivalents: status.equivalents,
            statuses: status.statuses,
            notes: status.notes + [note]
        )
    }

    /// "ALK (D5F3) IHC positive, Ventana": the VENTANA ALK (D5F3) CDx Assay is an FDA-approved companion
    /// diagnostic that identifies ALK-positive NSCLC for ALK inhibitors (FDA PMA approval June 2015 for
    /// crizotinib, June 2017 for ceritinib), so its positive result is the ALK rearrangement those labels
    /// name. Other kinase stains (ALK without the clone, ROS1, pan-TRK) are screens whose positive result
    /// needs a molecular test, and stay findings. Nil for other text.
    func alkCompanionImmunostain(_ body: String) -> PatientAlterationReading? {
        let lowered = body.lowercased()
        guard lowered.hasPrefix("alk"), lowered.contains("d5f3"),
            Self.positiveOrPlus.matches(lowered),
            !Self.negativeOrEquivocal.matches(lowered),
            case .success(let fusion) = parseCoreAlteration("ALK fusion", suggest: false)
        else { return nil }
        return PatientAlterationReading(
            input: body,
            alteration: fusion,
            notes: ["'\(body)': a positive VENTANA ALK (D5F3) CDx stain is ALK-positive (rearranged) by its FDA approval; read as ALK fusion"]
        )
    }

    /// "RET rearranged by FISH (break-apart, …), partner unknown": a rearrangement whose partner was not
    /// identified is a fusion with any partner; the clause and the method are detail. Nil for other text.
    func fusionWithOpenPartner(_ body: String) -> PatientAlterationReading? {
        guard
            let range = Self.openPartner.firstRange(in: body), range.lowerBound > body.startIndex
        else { return nil }
        var head = String(body[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
        // A break-apart probe in brackets is how it was found.
        if let open = head.range(of: " (")?.lowerBound, head.hasSuffix(")") { head = String(head[..<open]) }
        guard case .success(var reading) = parsePatientAlteration(head), reading.alteration?.kind == .fusion else { return nil }
        reading.input = body
        reading.notes.append("'\(body[range].trimmingCharacters(in: CharacterSet(charactersIn: " ,)")))': a fusion with any partner")
        return reading
    }

    /// "ETV6-NTRK3 t(12;15)", "t(12;15) ETV6-NTRK3": a fusion written with the translocation that makes it;
    /// the karyotype notation is detail. Nil unless the rest reads as a fusion.
    func fusionWithKaryotype(_ body: String) -> PatientAlterationReading? {
        guard let range = Self.karyotypeNotation.firstRange(in: body) else { return nil }
        let rest = (String(body[..<range.lowerBound]) + " " + String(body[range.upperBound...])).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty, case .success(var reading) = parsePatientAlteration(rest, suggest: false), reading.alteration?.kind == .fusion
        else { return nil }
        reading.input = body
        reading.notes.append("'\(body[range].trimmingCharacters(in: .whitespaces))' is the translocation of '\(rest)': read as detail")
        return reading
    }
}
