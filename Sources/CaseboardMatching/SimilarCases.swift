import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// Published cases that resemble the patient.
extension Matcher {

    /// Similar stored cases, scored through the inverted indexes: an exact shared alteration
    /// counts 1, another alteration of the same gene 0.25 (raised to the real specificity for the
    /// cases that make the shortlist), the same disease 0.5 and the same lineage 0.25, and each
    /// shared prior drug 0.25 (at most 0.5). Scores are shares of the best possible score.
    func similarCases(alterations: [PatientAlteration], disease: Disease?, priors: [Prior], relations: inout RelationMemo) -> [SimilarCase] {
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
