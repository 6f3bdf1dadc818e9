import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// Reading a profile's free text: disease, alterations and prior therapies.
extension Matcher {
    /// A prior therapy after normalization.
    struct Prior {
        var drugs: Set<String>
        var response: ResponseKind?
        var text: String
    }

    /// A patient alteration with its pattern.
    struct PatientAlteration {
        var label: String
        var pattern: AlterationPattern
    }

    /// What ranking and resistance need to know about the patient besides the evidence.
    struct PatientContext {
        var disease: Disease?
        var alterations: [PatientAlteration]
        var priors: [Prior]
        /// Every drug the patient received.
        var priorDrugs: Set<String>
        /// The drug-vocabulary classes of those drugs, for "after a drug of X's class".
        var priorClasses: Set<String>
    }

    func context(disease: Disease?, alterations: [PatientAlteration], priors: [Prior]) -> PatientContext {
        let drugs = Set(priors.flatMap(\.drugs))
        let classes = Set(drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass }.filter { !$0.isEmpty })
        return PatientContext(disease: disease, alterations: alterations, priors: priors, priorDrugs: drugs, priorClasses: classes)
    }

    func resolveDisease(_ text: String?, problems: inout [MatchProblem]) -> Disease? {
        guard let text, !text.trimmingWhitespace.isEmpty else { return nil }
        switch cache.disease(text, read: { readDisease(text) }) {
        case .found(let disease):
            return disease
        case .unknown(let suggestions):
            problems.append(
                MatchProblem(
                    field: "disease",
                    input: text,
                    message: "unknown disease"
                        + (suggestions.isEmpty ? "; use a name or an OncoTree code" : "; did you mean \(suggestions.joined(separator: ", "))?")
                )
            )
            return nil
        }
    }

    private func readDisease(_ text: String) -> ResolutionCache.DiseaseReading {
        if let disease = vocabularies.disease(named: text) { return .found(disease) }
        // A longer description ("relapsed AML with skin involvement"): the longest disease inside.
        let inside = vocabularies.recognize(text).compactMap { match -> Disease? in
            if case .disease(let index) = match.concept { return vocabularies.diseases[index] }
            return nil
        }
        if let best = inside.max(by: { $0.name.count < $1.name.count }) { return .found(best) }
        return .unknown(suggestions: suggestDiseases(text))
    }

    private func suggestDiseases(_ text: String) -> [String] {
        let lowered = text.lowercased()
        let words = lowered.split(separator: " ").filter { $0.count >= 4 }
        var found: [String] = []
        for disease in vocabularies.diseases where disease.isCancer && disease.level >= 2 {
            let name = disease.name.lowercased()
            if words.contains(where: { name.contains($0) }) || (lowered.count <= 6 && disease.code.lowercased().hasPrefix(lowered.prefix(2))) {
                found.append("\(disease.name) (\(disease.code))")
            }
            if found.count == 3 { break }
        }
        return found
    }

    func resolveAlterations(_ texts: [String], problems: inout [MatchProblem]) -> [PatientAlteration] {
        var result: [PatientAlteration] = []
        for (position, text) in texts.enumerated() {
            switch cache.alteration(text, parse: { vocabularies.parseAlteration(text) }) {
            case .success(let alteration):
                result.append(PatientAlteration(label: text, pattern: AlterationPattern(alteration)))
                // "BCR-ABL1 T315I" is also the fusion itself.
                if let partner = alteration.partner, alteration.kind != .fusion {
                    result.append(
                        PatientAlteration(
                            label: text,
                            pattern: AlterationPattern(gene: alteration.gene, kind: .fusion, variant: "fusion", partner: partner)
                        )
                    )
                }
            case .failure(let error):
                problems.append(MatchProblem(field: "alterations[\(position)]", input: text, message: error.description))
            }
        }
        return result
    }

    func resolvePriors(_ therapies: [PriorTherapy], problems: inout [MatchProblem]) -> [Prior] {
        therapies.enumerated().compactMap { position, therapy in
            var drugs: Set<String> = []
            for (drugPosition, name) in therapy.drugs.enumerated() {
                if let drug = vocabularies.drug(named: name) {
                    drugs.insert(drug.name)
                } else if let regimen = vocabularies.regimen(named: name) {
                    drugs.formUnion(regimen.drugs)
                } else {
                    problems.append(
                        MatchProblem(
                            field: "prior_therapies[\(position)].drugs[\(drugPosition)]",
                            input: name,
                            message: "unknown drug; use a generic name, brand or code"
                        )
                    )
                }
            }
            let response = therapy.response.flatMap(Self.response)
            if let text = therapy.response, response == nil {
                problems.append(
                    MatchProblem(
                        field: "prior_therapies[\(position)].response",
                        input: text,
                        message: "unknown response; use complete response, partial response, stable disease or progressive disease"
                    )
                )
            }
            return drugs.isEmpty ? nil : Prior(drugs: drugs, response: response, text: therapy.drugs.joined(separator: " + "))
        }
    }

    static func response(_ text: String) -> ResponseKind? {
        let lowered = text.lowercased().trimmingWhitespace
        switch lowered {
        case "cr", "complete response", "complete remission", "ccyr", "cmr", "complete cytogenetic response", "complete molecular response":
            return .complete
        case "pr", "partial response", "partial remission", "mmr", "major molecular response", "vgpr":
            return .partial
        case "sd", "stable disease", "stabilization", "stable":
            return .stable
        case "pd", "progressive disease", "progression", "progressed", "relapse", "refractory", "resistant", "no response", "failure":
            return .progressive
        default:
            if lowered.contains("progress") || lowered.contains("refractory") || lowered.contains("resist") { return .progressive }
            if lowered.contains("complete") { return .complete }
            if lowered.contains("partial") { return .partial }
            if lowered.contains("stable") { return .stable }
            return nil
        }
    }

}
