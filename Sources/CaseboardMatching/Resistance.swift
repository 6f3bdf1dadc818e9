import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// Weighing evidence against drugs: by regimen (a row names the regimen it is about), by disease
/// (another disease's rows never alert), and by provenance (case reports alert only when three
/// independent cases agree or a curator reviewed them, and never override level A/B evidence).
extension Matcher {
    /// Independent case reports that must agree before unreviewed case-report resistance acts.
    public static let caseReportAgreement = 3

    /// Resistance or harm that changes the ranking: one regimen and the evidence behind it.
    struct ActingEvidence {
        var drugs: [String]
        var drugSet: Set<String>
        var hits: [Hit] = []
        /// The patient's alterations the evidence matched.
        var labels: [String] = []
    }

    /// A class rule's resistance against one drug.
    struct ClassResistance {
        var labels: [String]
        var note: String
    }

    struct ResistanceAssessment {
        var alerts: [ResistanceAlert]
        var signals: [MatchSignal]
        /// Resistance evidence that acts, per regimen.
        var regimens: [ActingEvidence]
        /// Drugs a class rule makes resistant.
        var classDrugs: [String: ClassResistance]
        var contraindications: [ActingEvidence]
    }

    /// Evidence grouped under a key, in first-seen order.
    private struct Groups {
        var entries: [ActingEvidence] = []
        private var slots: [String: Int] = [:]

        mutating func add(_ hit: Hit, key: String) {
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                slot = entries.count
                slots[key] = slot
                let drugs = hit.item.drugs.sorted()
                entries.append(ActingEvidence(drugs: drugs, drugSet: Set(drugs)))
            }
            entries[slot].hits.append(hit)
            for patient in hit.alterations where !entries[slot].labels.contains(patient.label) { entries[slot].labels.append(patient.label) }
        }
    }

    func assessResistance(hits: [Hit], patient: PatientContext, support: SensitivitySupport) -> ResistanceAssessment {
        let diseaseKnown = patient.disease != nil
        var acting = Groups()
        var contraindications = Groups()
        var caseReports = Groups()
        var otherDisease = Groups()
        var outweighed = Groups()
        var notPredictive: [(hit: Hit, row: Hit)] = []
        // Curated "not predictive" rows of the patient's disease: an association the guidelines do not use.
        let unused = hits.filter { $0.item.source == .curated && $0.item.significance == .notPredictive && $0.isOwnDisease && !$0.excluded }
        func setAsideBy(_ hit: Hit) -> Hit? {
            guard hit.item.source != .curated, !unused.isEmpty else { return nil }
            let labels = Set(hit.alterations.map(\.label))
            return unused.first { row in
                Set(row.item.drugs).isSubset(of: hit.item.drugs) && row.alterations.contains { labels.contains($0.label) }
            }
        }
        func act(_ hit: Hit) {
            // Weak resistance (case reports, preclinical) never overrides the same regimen's own
            // level A/B sensitivity evidence for the same alteration.
            // CIViC resistance below level A never overrides a curated level A sensitivity row (a
            // label or guideline) for the same regimen and alteration in the patient's disease: the
            // curated table is the reviewed layer and writes the resistance it accepts (CIViC's
            // relative "exon 11 does worse on sunitinib than exon 9" in GIST, PMID:18955458, does not
            // take sunitinib from a patient after imatinib).
            // Preclinical resistance (level D or E) from CIViC or case reports never overrides the
            // regimen's own curated level A/B evidence for this patient, whichever alteration that
            // evidence is for: a cell-line report against regorafenib for KIT N822K does not take
            // regorafenib from a GIST after imatinib and sunitinib (FDA label: Stivarga (regorafenib), 2013).
            let labels = hit.alterations.lazy.map(\.label)
            if hit.item.level >= .c && support.supports(hit.box.optionKey, anyOf: labels, atLeast: .b)
                || hit.item.source == .civic && hit.item.level > .a
                    && support.supports(hit.box.optionKey, anyOf: labels, atLeast: .a, curatedOnly: true)
                || hit.item.source != .curated && hit.item.level >= .d && support.supportsAny(hit.box.optionKey, atLeast: .b, curatedOnly: true)
            {
                outweighed.add(hit, key: hit.box.alertKey)
            } else {
                acting.add(hit, key: hit.box.alertKey)
            }
        }
        for hit in hits where hit.item.significance.isAgainst || hit.item.significance == .contraindicated {
            // A patient without a disease cannot be told apart from the row's disease.
            let applies = (!diseaseKnown || hit.isOwnDisease) && !hit.excluded
            if hit.item.source == .caseReport {
                // Case-derived resistance from an unrelated disease never alerts.
                guard applies else { continue }
                if hit.item.reviewed {
                    act(hit)
                } else {
                    caseReports.add(hit, key: hit.box.alertKey + "#" + hit.alterations.map(\.label).joined(separator: "+"))
                }
                continue
            }
            guard applies else {
                otherDisease.add(hit, key: hit.box.alertKey)
                continue
            }
            if hit.item.significance != .contraindicated, let row = setAsideBy(hit) {
                notPredictive.append((hit, row))
                continue
            }
            if hit.item.significance == .contraindicated {
                contraindications.add(hit, key: hit.box.alertKey)
            } else {
                act(hit)
            }
        }
        var signals: [MatchSignal] = []
        for group in caseReports.entries {
            var cases: Set<String> = []
            for hit in group.hits where cases.count < Self.caseReportAgreement {
                cases.formUnion(index.caseIDs(claimingLike: hit.box, limit: Self.caseReportAgreement))
            }
            if cases.count >= Self.caseReportAgreement {
                for hit in group.hits { act(hit) }
                continue
            }
            let alteration = group.labels.joined(separator: " + ")
            let drugs = group.drugs.joined(separator: " + ")
            signals.append(
                MatchSignal(
                    kind: .caseReport,
                    drugs: group.drugs,
                    alteration: alteration,
                    count: cases.count,
                    cases: cases.sorted(),
                    spans: Array(group.hits.lazy.flatMap { $0.item.spans }.prefix(4)),
                    evidence: group.hits.prefix(10).map(Self.reference),
                    why: "\(cases.count) case report(s) tie \(alteration) to resistance to \(drugs); fewer than "
                        + "\(Self.caseReportAgreement) independent reports agree and none is reviewed, so the ranking is unchanged"
                )
            )
        }
        for group in otherDisease.entries {
            let diseases = unique(group.hits.map(\.item.disease.name)).joined(separator: ", ")
            signals.append(
                MatchSignal(
                    kind: .otherDisease,
                    drugs: group.drugs,
                    alteration: group.labels.joined(separator: " + "),
                    count: group.hits.count,
                    evidence: group.hits.prefix(10).map(Self.reference),
                    why: "resistance of \(group.labels.joined(separator: " + ")) to \(group.drugs.joined(separator: " + ")) is reported in "
                        + "\(diseases), a disease unrelated to the patient's; shown, not acted on"
                )
            )
        }
        for group in outweighed.entries {
            signals.append(
                MatchSignal(
                    kind: .outweighed,
                    drugs: group.drugs,
                    alteration: group.labels.joined(separator: " + "),
                    count: group.hits.count,
                    cases: unique(group.hits.compactMap(\.item.caseID)),
                    spans: Array(group.hits.lazy.flatMap { $0.item.spans }.prefix(4)),
                    evidence: group.hits.prefix(10).map(Self.reference),
                    why: "level \(group.hits.map(\.item.level).min() ?? .c) resistance of \(group.labels.joined(separator: " + ")) to "
                        + "\(group.drugs.joined(separator: " + ")) is outweighed by level A/B sensitivity evidence for the same drugs "
                        + "and alteration in this disease"
                )
            )
        }
        // Grouped by the curated row, so one signal says why all the CIViC rows it covers are set aside.
        var byRow: [String: [Hit]] = [:]
        var rows: [Hit] = []
        for (hit, row) in notPredictive {
            if byRow[row.item.id] == nil { rows.append(row) }
            byRow[row.item.id, default: []].append(hit)
        }
        for row in rows {
            let covered = byRow[row.item.id] ?? []
            let labels = unique(covered.flatMap { $0.alterations.map(\.label) }).joined(separator: " + ")
            let drugs = row.item.drugs.sorted()
            signals.append(
                MatchSignal(
                    kind: .outweighed,
                    drugs: drugs,
                    alteration: labels,
                    count: covered.count,
                    evidence: ([row] + covered.prefix(9)).map(Self.reference),
                    why: "\(covered.count) uncurated report(s) tie \(labels) to resistance to \(drugs.joined(separator: " + ")); the curated "
                        + "row \(row.item.id) (\(row.item.citation.label)) records that guidelines do not use this association "
                        + "in this disease, so the ranking is unchanged"
                )
            )
        }
        let classDrugs = classResistance(patient.alterations, disease: patient.disease)
        return ResistanceAssessment(
            alerts: alerts(acting: acting.entries, classDrugs: classDrugs, priors: patient.priors),
            signals: signals,
            regimens: acting.entries,
            classDrugs: classDrugs,
            contraindications: contraindications.entries
        )
    }

    /// Class rules carry resistance to every drug of the same mechanism, and only there; a rule
    /// applies when a patient alteration lies directly within its pattern and the patient's
    /// disease lies within the rule's diseases (a patient without a disease cannot be told apart).
    private func classResistance(_ alterations: [PatientAlteration], disease: Disease?) -> [String: ClassResistance] {
        var result: [String: ClassResistance] = [:]
        let lineage = disease.map { Set([$0.code] + vocabularies.ancestors(of: $0.code)) }
        for rule in index.classRules {
            if let lineage, !rule.diseases.isEmpty, !rule.diseases.contains(where: lineage.contains) { continue }
            let scope = AlterationScope(deriving: rule.pattern)
            let within = { (patient: PatientAlteration) in
                AlterationMatching.scoped(patient: patient.pattern, component: rule.pattern, scope: scope, allowInferred: false) != nil
            }
            guard alterations.contains(where: within) else { continue }
            let matched = alterations.filter(within)
            let first = matched[0]
            for drug in rule.drugs {
                var entry = result[drug.name] ?? ClassResistance(labels: [], note: "\(first.label): \(rule.note) (\(drug.drugClass); \(rule.source))")
                for patient in matched where !entry.labels.contains(patient.label) { entry.labels.append(patient.label) }
                result[drug.name] = entry
            }
        }
        return result
    }

    /// One alert per drug set, with every piece of evidence behind it, best level first.
    private func alerts(acting: [ActingEvidence], classDrugs: [String: ClassResistance], priors: [Prior]) -> [ResistanceAlert] {
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
        func slot(_ drugs: [String]) -> Int {
            let key = drugs.joined(separator: "+")
            if let known = slots[key] { return known }
            slots[key] = pending.count
            pending.append(Pending(drugs: drugs))
            return pending.count - 1
        }
        for group in acting {
            let entry = slot(group.drugs)
            pending[entry].hits += group.hits
            for label in group.labels where !pending[entry].labels.contains(label) { pending[entry].labels.append(label) }
        }
        for drug in classDrugs.keys.sorted() {
            let rule = classDrugs[drug]!
            let entry = slot([drug])
            if pending[entry].classRule == nil { pending[entry].classRule = rule.note }
            for label in rule.labels where !pending[entry].labels.contains(label) { pending[entry].labels.append(label) }
        }
        for prior in priors where prior.response == .progressive {
            let entry = slot(prior.drugs.sorted())
            pending[entry].prior = "the patient progressed on \(prior.text)"
        }
        var alerts: [(rank: Int, order: String, alert: ResistanceAlert)] = []
        for value in pending {
            let sorted = value.hits.sorted { ($0.item.level.rank, $0.relation.rank, $0.item.id) < ($1.item.level.rank, $1.relation.rank, $1.item.id) }
            var reasons: [String] = []
            let basis: ResistanceBasis
            let rank: Int
            if let best = sorted.first {
                let verb = best.item.significance == .resistance ? "confers resistance to" : "reduces sensitivity to"
                reasons.append(
                    "\(unique(best.alterations.map(\.label)).joined(separator: " + ")) \(verb) \(best.item.drugs.joined(separator: " + ")) "
                        + "(level \(best.item.level.rawValue), \(citationText(best.item)))"
                        + (sorted.count > 1 ? "; \(sorted.count - 1) more evidence item(s)" : "")
                )
                basis = .evidence
                rank = best.item.level.rank
            } else if value.classRule != nil {
                basis = .classRule
                rank = 5
            } else {
                basis = .priorProgression
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
}
