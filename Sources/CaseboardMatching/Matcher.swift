import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// Answers the tumour board's question: for this tumour, these alterations and these drugs
/// already tried, which therapies have evidence, which will not work, and which published
/// cases resemble the patient.
///
/// Options rank by evidence level, then disease relation, then how specifically the
/// alteration matched; an option with resistance evidence, or that the patient progressed on,
/// never ranks above one without.
public struct Matcher: Sendable {
    public let vocabularies: Vocabularies
    public let index: KnowledgeIndex
    public var maximumSimilarCases = 5
    /// How inputs were read before; shared by the matchers of one server.
    public let cache: ResolutionCache

    /// - Parameter cache: Pass the same cache to every matcher built over these vocabularies
    ///   (a server builds one per index change) so that inputs read once stay read.
    public init(vocabularies: Vocabularies, index: KnowledgeIndex, cache: ResolutionCache = ResolutionCache()) {
        self.vocabularies = vocabularies
        self.index = index
        self.cache = cache
    }

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

    /// One evidence item matched to the patient.
    struct Hit {
        let box: EvidenceBox
        /// Borrowed, not copied: matching reads a few fields of many items.
        var item: EvidenceItem {
            _read { yield box.item }
        }
        var relation: DiseaseRelation
        var specificity: MatchSpecificity
        var alterations: [PatientAlteration]
    }

    public func match(_ profile: PatientProfile) -> MatchResult {
        var problems: [MatchProblem] = []
        let disease = resolveDisease(profile.disease, problems: &problems)
        let alterations = resolveAlterations(profile.alterations, problems: &problems)
        let priors = resolvePriors(profile.priorTherapies, problems: &problems)
        var relations = RelationMemo(patient: disease)
        let hits = matchEvidence(alterations, relations: &relations)
        let alerts = resistanceAlerts(hits: hits, alterations: alterations, priors: priors)
        let options = rankOptions(hits: hits, alerts: alerts, priors: priors)
        return MatchResult(
            id: profile.id,
            disease: disease.map { ResolvedDisease(input: profile.disease ?? "", code: $0.code, name: $0.name) },
            alterations: alterations.map {
                ResolvedAlteration(input: $0.label, label: $0.pattern.label, gene: $0.pattern.gene, variant: $0.pattern.variant)
            },
            problems: problems,
            options: options,
            resistance: alerts,
            similarCases: similarCases(alterations: alterations, disease: disease, priors: priors, relations: &relations),
            snapshot: index.snapshot
        )
    }

    // MARK: Inputs

    private func resolveDisease(_ text: String?, problems: inout [MatchProblem]) -> Disease? {
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

    private func resolveAlterations(_ texts: [String], problems: inout [MatchProblem]) -> [PatientAlteration] {
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

    private func resolvePriors(_ therapies: [PriorTherapy], problems: inout [MatchProblem]) -> [Prior] {
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

    // MARK: Evidence

    private func matchEvidence(_ alterations: [PatientAlteration], relations: inout RelationMemo) -> [Hit] {
        // Postings of every gene, merged in position order without hashing.
        var candidates: [Int] = []
        for gene in Set(alterations.map(\.pattern.gene)) {
            candidates += index.evidenceByGene[gene] ?? []
        }
        candidates.sort()
        var hits: [Hit] = []
        for (offset, position) in candidates.enumerated() where offset == 0 || candidates[offset - 1] != position {
            // Nil marks the evidence of a removed or replaced case.
            guard let box = index.evidence[position] else { continue }
            let allowUnspecified = box.item.significance == .sensitivity
            var matched: [PatientAlteration] = []
            var weakest = MatchSpecificity.exact
            var satisfied = box.item.profile.combination == .all
            for component in box.item.profile.components {
                // The most specific patient alteration for this component; the first on ties.
                var best: (PatientAlteration, MatchSpecificity)?
                for patient in alterations {
                    guard
                        let specificity = AlterationMatching.specificity(
                            patient: patient.pattern,
                            evidence: component,
                            allowUnspecified: allowUnspecified
                        )
                    else { continue }
                    if best == nil || specificity < best!.1 { best = (patient, specificity) }
                }
                if let best {
                    matched.append(best.0)
                    weakest = max(weakest, best.1)
                    if box.item.profile.combination == .any { satisfied = true }
                } else if box.item.profile.combination == .all {
                    satisfied = false
                    break
                }
            }
            guard satisfied, !matched.isEmpty else { continue }
            let diseaseRelation = relations.relation(of: box.item.disease, by: self)
            hits.append(Hit(box: box, relation: diseaseRelation, specificity: weakest, alterations: matched))
        }
        return hits
    }

    /// Relations of evidence diseases to one patient's disease, each disease worked out once per
    /// match: the ancestry walks allocate.
    struct RelationMemo {
        let patient: Disease?
        private var known: [String: DiseaseRelation] = [:]

        init(patient: Disease?) {
            self.patient = patient
        }

        mutating func relation(of evidence: DiseaseReference, by matcher: Matcher) -> DiseaseRelation {
            let key = evidence.tumorAgnostic ? "*" : evidence.oncotree ?? ""
            if let known = known[key] { return known }
            let relation = matcher.relation(of: evidence, to: patient)
            known[key] = relation
            return relation
        }
    }

    func relation(of evidence: DiseaseReference, to patient: Disease?) -> DiseaseRelation {
        if evidence.tumorAgnostic { return .tumorAgnostic }
        guard let patient, let code = evidence.oncotree else { return .other }
        if code == patient.code { return .same }
        return cache.relation(patient: patient.code, evidence: code) { lineageRelation(patient: patient.code, evidence: code) }
    }

    private func lineageRelation(patient: String, evidence code: String) -> DiseaseRelation {
        let patientLine = [patient] + vocabularies.ancestors(of: patient)
        let evidenceLine = [code] + vocabularies.ancestors(of: code)
        if patientLine.contains(code) || evidenceLine.contains(patient) { return .related }
        // A shared ancestor below the tissue level is the same lineage.
        if let shared = patientLine.first(where: { evidenceLine.contains($0) }), (vocabularies.disease(code: shared)?.level ?? 0) >= 2 {
            return .related
        }
        return .other
    }

    // MARK: Resistance

    /// One alert per drug set, with every piece of evidence behind it, best level first.
    private func resistanceAlerts(hits: [Hit], alterations: [PatientAlteration], priors: [Prior]) -> [ResistanceAlert] {
        struct Pending {
            var drugs: [String]
            var labels: [String] = []
            var hits: [Hit] = []
            var classRule: String?
            var prior: String?
        }
        // Alerts in first-seen order behind a key → slot table: one hash per lookup.
        var pending: [Pending] = []
        var slots: [String: Int] = [:]
        func slot(_ key: String, _ drugs: @autoclosure () -> [String]) -> Int {
            if let known = slots[key] { return known }
            slots[key] = pending.count
            pending.append(Pending(drugs: drugs()))
            return pending.count - 1
        }
        for hit in hits where hit.item.significance.isAgainst {
            let entry = slot(hit.box.alertKey, hit.item.drugs)
            pending[entry].hits.append(hit)
            for patient in hit.alterations where !pending[entry].labels.contains(patient.label) { pending[entry].labels.append(patient.label) }
        }
        // Class rules carry resistance to every drug of the same mechanism, and only there.
        for rule in index.classRules {
            guard
                let patient = alterations.first(where: {
                    AlterationMatching.specificity(patient: $0.pattern, evidence: rule.pattern, allowUnspecified: false) != nil
                })
            else {
                continue
            }
            for drug in rule.drugs {
                let entry = slot(drug.name, [drug.name])
                if pending[entry].classRule == nil { pending[entry].classRule = "\(patient.label): \(rule.note) (\(drug.drugClass); \(rule.source))" }
                if !pending[entry].labels.contains(patient.label) { pending[entry].labels.append(patient.label) }
            }
        }
        for prior in priors where prior.response == .progressive {
            let drugs = prior.drugs.sorted()
            let entry = slot(drugs.joined(separator: "+"), drugs)
            pending[entry].prior = "the patient progressed on \(prior.text)"
        }
        var alerts: [(rank: Int, order: String, alert: ResistanceAlert)] = []
        for value in pending {
            let sorted = value.hits.sorted { ($0.item.level.rank, $0.relation.rank, $0.item.id) < ($1.item.level.rank, $1.relation.rank, $1.item.id) }
            var reasons: [String] = []
            var basis: String
            var rank: Int
            if let best = sorted.first {
                let verb = best.item.significance == .resistance ? "confers resistance to" : "reduces sensitivity to"
                reasons.append(
                    "\(unique(best.alterations.map(\.label)).joined(separator: " + ")) \(verb) \(best.item.drugs.joined(separator: " + ")) "
                        + "(level \(best.item.level.rawValue), \(citationText(best.item)))"
                        + (sorted.count > 1 ? "; \(sorted.count - 1) more evidence item(s)" : "")
                )
                basis = "evidence"
                rank = best.item.level.rank
            } else if value.classRule != nil {
                basis = "class rule"
                rank = 5
            } else {
                basis = "prior progression"
                rank = 6
            }
            if let rule = value.classRule { reasons.append("class rule: \(rule)") }
            if let prior = value.prior { reasons.append(prior) }
            alerts.append(
                (
                    rank,
                    value.drugs.joined(separator: "+"),
                    ResistanceAlert(
                        drugs: value.drugs,
                        alteration: value.labels.isEmpty ? "prior therapy" : value.labels.joined(separator: "; "),
                        evidence: sorted.prefix(10).map(Self.reference),
                        why: reasons.joined(separator: "; "),
                        basis: basis
                    )
                )
            )
        }
        return alerts.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.alert)
    }

    // MARK: Options

    private func rankOptions(hits: [Hit], alerts: [ResistanceAlert], priors: [Prior]) -> [TherapyOption] {
        // Groups in first-seen order behind a key → slot table.
        var groups: [[Hit]] = []
        var slots: [String: Int] = [:]
        for hit in hits where hit.item.significance == .sensitivity {
            if let slot = slots[hit.box.optionKey] {
                groups[slot].append(hit)
            } else {
                slots[hit.box.optionKey] = groups.count
                groups.append([hit])
            }
        }
        // Drugs with resistance evidence or a class rule against them (not just a past failure).
        let alertedDrugs = Set(alerts.filter { !$0.evidence.isEmpty || $0.why.containsBytes(of: "class rule:") }.flatMap(\.drugs))
        var options: [(key: [Int], option: TherapyOption)] = []
        for group in groups {
            let sorted = group.sorted { a, b in
                (a.item.level.rank, a.relation.rank, a.specificity.rank, a.item.id) < (
                    b.item.level.rank, b.relation.rank, b.specificity.rank, b.item.id
                )
            }
            let best = sorted[0]
            let drugs = best.item.drugs
            var demoted: String?
            var priorResponse: String?
            if let prior = priors.first(where: { !$0.drugs.isDisjoint(with: drugs) }) {
                priorResponse = "\(prior.text): \(prior.response?.rawValue ?? "response not given")"
                if prior.response == .progressive {
                    demoted = "the patient progressed on \(prior.text)"
                }
            }
            let resisted = drugs.filter(alertedDrugs.contains)
            if !resisted.isEmpty {
                demoted = (demoted.map { $0 + "; " } ?? "") + "resistance evidence against \(resisted.joined(separator: ", "))"
            }
            let partner = best.alterations.compactMap { $0.pattern.kind == .fusion ? $0.pattern.partner : nil }.first
            let matchedLabels = Array(Set(group.lazy.flatMap { $0.alterations.lazy.map(\.label) })).sorted()
            let option = TherapyOption(
                rank: 0,
                drugs: drugs,
                level: best.item.level.rawValue,
                diseaseMatch: best.relation,
                alterations: matchedLabels,
                matchSpecificity: best.specificity,
                partner: best.item.profile.components.contains { $0.kind == .fusion && $0.partner == nil } ? partner : nil,
                evidence: sorted.prefix(10).map(Self.reference),
                why: why(best, count: group.count, demoted: demoted),
                priorResponse: priorResponse,
                demoted: demoted
            )
            let key = [
                !resisted.isEmpty ? 1 : 0, demoted != nil ? 1 : 0, best.item.level.rank, best.relation.rank, best.specificity.rank,
                -group.count,
            ]
            options.append((key, option))
        }
        options.sort { a, b in a.key.lexicographicallyPrecedes(b.key) || (a.key == b.key && a.option.drugs.joined() < b.option.drugs.joined()) }
        return options.enumerated().map { position, entry in
            var option = entry.option
            option.rank = position + 1
            return option
        }
    }

    private func unique(_ labels: [String]) -> [String] {
        var seen: Set<String> = []
        return labels.filter { seen.insert($0).inserted }
    }

    private func why(_ hit: Hit, count: Int, demoted: String?) -> String {
        // Built by appending into one buffer: every option of every match gets one.
        let item = hit.box.item
        var text = ""
        text.reserveCapacity(256)
        text += item.drugs.count == 1 ? item.drugs[0] : item.drugs.joined(separator: " + ")
        text += " for "
        text += item.profile.name
        switch hit.relation {
        case .same:
            text += " in "
            text += item.disease.name
        case .related:
            text += " in "
            text += item.disease.name
            text += ", the patient's disease lineage"
        case .tumorAgnostic: text += " tumour-agnostic"
        case .other:
            text += " in "
            text += item.disease.name
            text += ", off-label for this disease"
        }
        text += ": level "
        text += item.level.rawValue
        text += ", "
        text += citationText(item)
        text += "; patient's "
        text += hit.alterations.count == 1 ? hit.alterations[0].label : unique(hit.alterations.map(\.label)).joined(separator: " + ")
        switch hit.specificity {
        case .exact: text += " (exact match)"
        case .codon: text += " (same codon)"
        case .region: text += " (same region)"
        case .gene: text += " (gene-level match)"
        }
        if count > 1 { text += "; \(count - 1) more evidence item(s)" }
        let reports = index.caseReports(claimingLike: hit.box)
        if reports > KnowledgeIndex.caseReportsPerClaim { text += "; \(reports) case reports make this claim" }
        if let demoted {
            text += "; ranked down: "
            text += demoted
        }
        return text
    }

    private func citationText(_ item: EvidenceItem) -> String {
        if let label = item.citation.label, !label.isEmpty { return label }
        if let pmid = item.citation.pmid { return "PMID \(pmid)" }
        return item.id
    }

    private static func reference(_ hit: Hit) -> EvidenceReference {
        EvidenceReference(
            id: hit.item.id,
            source: hit.item.source.rawValue,
            level: hit.item.level.rawValue,
            significance: hit.item.significance.rawValue,
            pmid: hit.item.citation.pmid,
            url: hit.item.citation.url,
            citation: hit.item.citation.label,
            disease: hit.item.disease.name,
            profile: hit.item.profile.name,
            diseaseMatch: hit.relation,
            matchSpecificity: hit.specificity
        )
    }

    // MARK: Similar cases

    /// Similar stored cases, scored through the inverted indexes: an exact shared alteration
    /// counts 1, another alteration of the same gene 0.25 (raised to the real specificity for the
    /// cases that make the shortlist), the same disease 0.5 and the same lineage 0.25, and each
    /// shared prior drug 0.25 (at most 0.5). Scores are shares of the best possible score.
    private func similarCases(alterations: [PatientAlteration], disease: Disease?, priors: [Prior], relations: inout RelationMemo) -> [SimilarCase] {
        guard !alterations.isEmpty, !index.cases.isEmpty else { return [] }
        // A flat score per case and the list of cases touched: no hashing in the hot loop, and no
        // bounds checks (every posting is a position below `cases.count`).
        var scores = [Float](repeating: 0, count: index.cases.count)
        let priorDrugs = Set(priors.flatMap(\.drugs))
        let capacity = maximumSimilarCases * 4
        var best: [(score: Float, position: Int)] = []
        best.reserveCapacity(capacity + 1)
        // Each gene's postings are walked once, weighted by how many patient alterations name
        // the gene (two FLT3 alterations: one walk at 0.5, not two at 0.25).
        var geneWeights: [(gene: String, weight: Float)] = []
        for alteration in alterations {
            if let slot = geneWeights.firstIndex(where: { $0.gene == alteration.pattern.gene }) {
                geneWeights[slot].weight += 0.25
            } else {
                geneWeights.append((alteration.pattern.gene, 0.25))
            }
        }
        let genePostings = geneWeights.compactMap { entry in index.casesByGene[entry.gene].map { (postings: $0, weight: entry.weight) } }
        // Cases in the order first touched: at most one slot per posting of the patient's genes.
        let touched = UnsafeMutableBufferPointer<Int>.allocate(capacity: genePostings.reduce(0) { $0 + $1.postings.count })
        defer { touched.deallocate() }
        var touchedCount = 0
        scores.withUnsafeMutableBufferPointer { scores in
            for (postings, weight) in genePostings {
                postings.withUnsafeBufferPointer { postings in
                    for position in postings {
                        if scores[position] == 0 {
                            touched[touchedCount] = position
                            touchedCount += 1
                        }
                        scores[position] += weight
                    }
                }
            }
            for alteration in alterations {
                index.casesByAlteration[KnowledgeIndex.key(alteration.pattern)]?.withUnsafeBufferPointer { postings in
                    for position in postings { scores[position] += 0.75 }
                }
            }
            guard touchedCount > 0 else { return }
            func boost(_ postings: [Int]?, by amount: Float) {
                postings?.withUnsafeBufferPointer { postings in
                    for position in postings where scores[position] > 0 { scores[position] += amount }
                }
            }
            if let disease {
                boost(index.casesByDisease[disease.code], by: 0.5)
                let lineage = [disease.parent].compactMap { $0 } + vocabularies.children(of: disease.code)
                for code in lineage where (vocabularies.disease(code: code)?.level ?? 0) >= 2 {
                    boost(index.casesByDisease[code], by: 0.25)
                }
            }
            for drug in priorDrugs.sorted().prefix(2) { boost(index.casesByDrug[drug], by: 0.25) }
            // The best few by the quick score, kept in a small sorted buffer. Removed or replaced
            // cases keep their postings until the index compacts.
            let checkLive = index.hasRemovedCases
            for position in touched[..<touchedCount] {
                let score = scores[position]
                if best.count == capacity, let last = best.last, score <= last.score { continue }
                if checkLive, !index.isLiveCase(at: position) { continue }
                let slot = best.firstIndex { $0.score < score } ?? best.count
                best.insert((score, position), at: slot)
                if best.count > capacity { best.removeLast() }
            }
        }
        let shortlist = best.map { ($0.position, $0.score) }
        let maximum = Double(alterations.count) + (disease == nil ? 0 : 0.5) + (priorDrugs.isEmpty ? 0 : 0.5)
        var scored: [(score: Double, summary: CaseSummary, shared: [String])] = []
        for (position, _) in shortlist {
            guard let summary = index.cases[position]?.summary else { continue }
            var score = 0.0
            var shared: [String] = []
            for alteration in alterations {
                let specificities = summary.alterations.compactMap {
                    AlterationMatching.specificity(patient: $0, evidence: alteration.pattern, allowUnspecified: true)
                        ?? AlterationMatching.specificity(patient: alteration.pattern, evidence: $0, allowUnspecified: true)
                }
                if let best = specificities.min() {
                    score += best == .exact ? 1 : best == .gene ? 0.5 : 0.75
                    shared.append(best == .exact ? alteration.pattern.label : "\(alteration.pattern.label) (\(best.rawValue))")
                } else if summary.alterations.contains(where: { $0.gene == alteration.pattern.gene }) {
                    score += 0.25
                    shared.append("\(alteration.pattern.gene) (other alteration)")
                }
            }
            if let disease {
                let caseRelations = summary.diseases.map { relations.relation(of: DiseaseReference(name: $0, oncotree: $0), by: self) }
                if caseRelations.contains(.same) {
                    score += 0.5
                    shared.append("disease \(disease.code)")
                } else if caseRelations.contains(.related) {
                    score += 0.25
                    shared.append("disease lineage \(disease.code)")
                }
            }
            let drugs = priorDrugs.intersection(summary.drugs)
            if !drugs.isEmpty {
                score += min(0.5, 0.25 * Double(drugs.count))
                shared += drugs.sorted()
            }
            scored.append((score, summary, shared))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.summary.id < $1.summary.id }
        return scored.prefix(maximumSimilarCases).map { entry in
            SimilarCase(
                case: entry.summary.id,
                title: entry.summary.title,
                pmid: entry.summary.pmid,
                score: maximum > 0 ? (entry.score / maximum * 1000).rounded() / 1000 : 0,
                shared: entry.shared
            )
        }
    }
}
