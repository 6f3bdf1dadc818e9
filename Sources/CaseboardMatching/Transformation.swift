import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Histologic transformation: the disease to treat is the one the tumour became.
///
/// An EGFR-mutant lung adenocarcinoma that comes back as small cell carcinoma after an EGFR TKI is
/// treated as small cell lung cancer, with platinum and etoposide (NCCN Non-Small Cell Lung Cancer
/// 2025; Marcoux et al., J Clin Oncol 2019). A Richter transformation of CLL is treated as the
/// lymphoma it became: R-CHOP for a clonally related DLBCL, ABVD for the Hodgkin type (NCCN CLL/SLL
/// 2025). The lines given for the earlier disease are history: they still raise resistance alerts, but
/// the transformed disease starts at its own first line. A lymphoma transformed after an anthracycline is
/// the exception; it is treated as relapsed (NCCN B-Cell Lymphomas 2025).
extension Matcher {
    /// A transformation the profile states, and the disease it became.
    struct Transformation {
        var disease: Disease
        /// What said so, as written.
        var written: String
        /// The earlier lines belong to the earlier disease.
        var priorsAreHistory: Bool
    }

    /// Alteration entries that state a transformation ("small cell transformation", "Richter transformation
    /// (DLBCL)"): nothing to match as an alteration.
    static func transformationEntries(_ alterations: [String]) -> Set<Int> {
        Set(
            alterations.indices.filter { position in
                let text = alterations[position]
                return Self.transformationEntry.firstRange(in: text) != nil && Self.statedTransformation(text) != nil
            }
        )
    }

    /// The transformation the disease as written or an alteration entry states, applied to the disease the
    /// text resolved to. Nil when nothing says so, when it is negated ("no SCLC transformation on
    /// re-biopsy", "transformation excluded") or when the earlier disease does not fit the transformation.
    func transformation(
        diseaseText: String?,
        alterations: [String],
        resolved: Disease?,
        priors: [Prior]
    ) -> Transformation? {
        let texts = [diseaseText ?? ""] + alterations
        var found: (kind: TransformationKind, written: String)?
        for text in texts {
            if let stated = Self.statedTransformation(text) {
                found = stated
                break
            }
        }
        guard let (kind, written) = found else { return nil }
        let code: String
        switch kind {
        case .smallCell:
            // Small cell transformation is read for a lung primary (or a disease not resolved).
            guard resolved.map({ vocabularies.isDisease($0.code, within: "LUNG") || $0.code == "LUNG" }) ?? true else { return nil }
            code = "SCLC"
        case .richter:
            guard resolved.map({ ["CLLSLL", "DLBCLNOS", "CHL"].contains($0.code) || vocabularies.isDisease($0.code, within: "CLLSLL") }) ?? true
            else { return nil }
            code = resolved?.code == "CHL" ? "CHL" : "DLBCLNOS"
        case .richterHodgkin:
            code = "CHL"
        case .toResolved:
            // "transformation of follicular lymphoma to DLBCL": the disease reader already took the later one.
            guard let resolved, ["DLBCLNOS", "HGBCL", "SCLC", "CHL"].contains(resolved.code) else { return nil }
            code = resolved.code
        }
        guard let disease = vocabularies.disease(code: code) else { return nil }
        let lymphoma = code != "SCLC"
        let anthracyclineGiven = priors.contains { prior in
            prior.drugs.contains { vocabularies.drug(inn: $0)?.drugClass.hasPrefix("anthracycline") == true }
        }
        return Transformation(
            disease: disease,
            written: written,
            priorsAreHistory: !(lymphoma && anthracyclineGiven)
        )
    }

    enum TransformationKind {
        case smallCell, richter, richterHodgkin, toResolved
    }

    /// The transformation one text states, unless negated in its clause.
    static func statedTransformation(_ text: String) -> (kind: TransformationKind, written: String)? {
        let checks: [(CompiledPattern, TransformationKind)] = [
            (Self.richterHodgkinCue, .richterHodgkin),
            (Self.smallCellCue, .smallCell),
            (Self.richterCue, .richter),
            (Self.transformedToCue, .toResolved),
        ]
        for (pattern, kind) in checks {
            var searchFrom = text.startIndex
            while searchFrom < text.endIndex, let range = pattern.firstRange(in: text, range: searchFrom..<text.endIndex) {
                if !Self.isNegated(range, in: text) { return (kind, String(text[range])) }
                searchFrom = range.upperBound
            }
        }
        return nil
    }

    /// "no SCLC transformation", "without Richter", "transformation excluded", "biopsy: no transformation":
    /// a negation in the same clause, before the cue or right after it.
    static func isNegated(_ range: Range<String.Index>, in text: String) -> Bool {
        let clauseStart = text[..<range.lowerBound].lastIndex(where: { ",;.".contains($0) }).map { text.index(after: $0) } ?? text.startIndex
        let before = text[clauseStart..<range.lowerBound].lowercased()
        let clauseEnd = text[range.upperBound...].firstIndex(where: { ",;.".contains($0) }) ?? text.endIndex
        let after = text[range.upperBound..<clauseEnd].lowercased()
        let words = before.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains(where: { ["no", "not", "without", "never", "absent", "negative", "excluded", "excluding"].contains($0) }) {
            return true
        }
        return ["excluded", "ruled out", "not seen", "not found", "absent", "negative"].contains { after.contains($0) }
    }

    private static let smallCellCue = CompiledPattern(
        #"\b(?:small[- ]cell|SCLC|neuroendocrine)\s+(?:histologic(?:al)?\s+|lung\s+cancer\s+)?transformation\b|\btransform(?:ed|ation|ing)\s+(?:in)?to\s+(?:an?\s+)?(?:small[- ]cell|SCLC)\b|\b(?:re-?biopsy|rebx|bx|biopsy)\b[^,;.]{0,24}?(?:=|:|\bshow(?:s|ed|ing)?\b|\brevealed?\b)\s*(?:an?\s+)?(?:small[- ]cell\s+(?:lung\s+)?(?:carcinoma|cancer)|SCLC)\b"#,
        caseInsensitive: true
    )
    private static let richterHodgkinCue = CompiledPattern(
        #"\bHodgkin[- ](?:type|variant)(?:\s+of)?\s+Richter|\bRichter(?:'s)?\s+(?:transformation|syndrome)\s+(?:in)?to\s+(?:classic(?:al)?\s+)?Hodgkin"#,
        caseInsensitive: true
    )
    private static let richterCue = CompiledPattern(#"\bRichter(?:'s)?\b"#, caseInsensitive: true)
    private static let transformedToCue = CompiledPattern(
        #"\btransform(?:ed|ation|ing)\b[^,;]{0,40}?\b(?:in)?to\s+(?:an?\s+)?(?:DLBCL|diffuse large|high[- ]grade|large[- ]cell)"#,
        caseInsensitive: true
    )
    /// An alteration entry that is a transformation, not an alteration.
    private static let transformationEntry = CompiledPattern(
        #"^\s*(?:histologic(?:al)?\s+)?(?:(?:small[- ]cell|SCLC|neuroendocrine)\s+transformation|Richter|Hodgkin[- ](?:type|variant)|transform)"#,
        caseInsensitive: true
    )
}
