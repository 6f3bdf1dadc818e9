import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// Which evidence rows apply to the patient: alteration within each row's scope, and the
/// row's disease relative to the patient's, with the row's exclusions.
extension Matcher {
    /// One evidence item matched to the patient.
    struct Hit {
        let box: EvidenceBox
        /// Borrowed, not copied: matching reads a few fields of many items.
        var item: EvidenceItem {
            _read { yield box.item }
        }
        var relation: DiseaseRelation
        /// The row's disease is the patient's or a broader disease that contains it (a colorectal
        /// label covers colon adenocarcinoma): same-disease evidence for ranking.
        var covers: Bool
        var specificity: MatchSpecificity
        /// The patient's alteration is less specific than the row's scope (sensitivity only).
        var inferred: Bool
        /// The row excludes the patient's disease (a label "except colorectal").
        var excluded: Bool
        /// The patient's disease was given only at the tissue level ("breast cancer") and the row's
        /// disease is a cancer of that tissue (invasive breast carcinoma): the row speaks about the
        /// patient as directly as the words allow, so it counts as same-disease for the tiers.
        var narrower = false
        var alterations: [PatientAlteration]

        /// Same disease, related lineage or tumour-agnostic: the row speaks about this patient's disease.
        var isOwnDisease: Bool { relation != .other }
    }

    func matchEvidence(_ alterations: [PatientAlteration], relations: inout RelationMemo) -> [Hit] {
        // Postings of every gene, merged in position order without hashing.
        var candidates: [Int] = []
        for gene in Set(alterations.map(\.pattern.gene)) {
            candidates += index.evidenceByGene[gene] ?? []
        }
        candidates.sort()
        var hits: [Hit] = []
        // Regimens whose curated row for the patient's disease this patient's alterations rule out, with the genes
        // that row met.
        var ruledOut: [(drugs: Set<String>, genes: Set<String>)] = []
        for (offset, position) in candidates.enumerated() where offset == 0 || candidates[offset - 1] != position {
            // A cancelled task (a request past its deadline) stops here; its caller discards the result.
            if offset % 256 == 0, Task.isCancelled { break }
            // Nil marks the evidence of a removed or replaced case.
            guard let box = index.evidence[position] else { continue }
            // Only sensitivity may be inferred: resistance and harm must meet the patient directly.
            let allowInferred = box.item.significance == .sensitivity
            var matched: [PatientAlteration] = []
            var weakest = MatchSpecificity.exact
            var inferred = false
            let all = box.item.profile.combination == .all
            var satisfied = all
            for (slot, component) in box.item.profile.components.enumerated() {
                // The best patient alteration for this component: direct before inferred, then
                // the most specific; the first on ties.
                var best: (PatientAlteration, ScopedMatch)?
                for patient in alterations {
                    // A row for an inherited variant meets only a variant written as germline: a VHL
                    // variant of unstated origin in a clear cell renal cancer is almost always somatic.
                    if box.item.germlineOnly, patient.origin != .germline { continue }
                    guard
                        let found = AlterationMatching.scoped(
                            patient: patient.pattern,
                            component: component,
                            scope: box.scopes[slot],
                            allowInferred: allowInferred
                        )
                    else { continue }
                    if let current = best?.1, (current.inferred ? 1 : 0, current.specificity.rank) <= (found.inferred ? 1 : 0, found.specificity.rank)
                    {
                        continue
                    }
                    best = (patient, found)
                }
                if let best {
                    matched.append(best.0)
                    weakest = max(weakest, best.1.specificity)
                    inferred = inferred || best.1.inferred
                    if !all { satisfied = true }
                } else if all {
                    satisfied = false
                    break
                }
            }
            guard satisfied, !matched.isEmpty else { continue }
            if !box.item.ruledOutBy.isEmpty, isRuledOut(box.item, alterations) {
                if box.item.source == .curated, box.item.significance == .sensitivity,
                    relations.relation(of: box.item.disease, by: self) != .other
                {
                    ruledOut.append((Set(box.item.drugs), Set(matched.map(\.pattern.gene))))
                }
                continue
            }
            let relation = relations.relation(of: box.item.disease, by: self)
            // A negative finding (KRAS wild-type, MSS, PD-L1 negative) speaks only through the labels of
            // the patient's own disease: RAS wild-type colorectal labels say nothing for a lung cancer.
            if relation == .other, matched.allSatisfy({ Self.isNegativeFinding($0.pattern) }) { continue }
            let excluded = !box.item.excludedDiseases.isEmpty && relations.excludes(box.item.excludedDiseases)
            let covers =
                relation == .same || (relation == .related && relations.covers(box.item.disease, by: self, curated: box.item.source == .curated))
            var hit = Hit(
                box: box,
                relation: relation,
                covers: covers,
                specificity: weakest,
                inferred: inferred,
                excluded: excluded,
                alterations: matched
            )
            hit.narrower = relation == .related && !covers && relations.isTissueLevelAncestor(of: box.item.disease, by: self)
            hits.append(hit)
        }
        // The curated row's own exclusion holds for the uncurated rows of its regimen and gene: CIViC's alpelisib with
        // fulvestrant for PIK3CA-mutant breast cancer (SOLAR-1) names no HER2 status, but the label's population is
        // HR-positive HER2-negative (FDA label: Piqray (alpelisib), 2019), which the curated row's "unless ERBB2
        // amplification" writes.
        if !ruledOut.isEmpty {
            hits.removeAll { hit in
                hit.box.item.source != .curated && hit.box.item.significance == .sensitivity
                    && ruledOut.contains { $0.drugs == Set(hit.box.item.drugs) && !$0.genes.isDisjoint(with: hit.alterations.map(\.pattern.gene)) }
            }
        }
        return hits + matchDiseaseLevel(alterations, relations: &relations)
    }

    /// Disease-level rows (standard options a label or guideline gives for the disease, naming no
    /// biomarker) of the patient's disease or a disease containing it, unless one of the patient's
    /// alterations rules the row out. A row never reaches a narrower, related or other disease:
    /// a standard for non-small cell lung cancer says nothing about "lung cancer" unspecified, and
    /// nothing about another cancer.
    func matchDiseaseLevel(_ alterations: [PatientAlteration], relations: inout RelationMemo) -> [Hit] {
        guard !index.evidenceByDisease.isEmpty else { return [] }
        var hits: [Hit] = []
        for code in relations.lineage.sorted() {
            for position in index.evidenceByDisease[code] ?? [] {
                guard let box = index.evidence[position] else { continue }
                let relation = relations.relation(of: box.item.disease, by: self)
                guard relation == .same || (relation == .related && relations.covers(box.item.disease, by: self, curated: true)) else { continue }
                if isRuledOut(box.item, alterations) { continue }
                hits.append(
                    Hit(
                        box: box,
                        relation: relation,
                        covers: true,
                        specificity: .disease,
                        inferred: false,
                        excluded: !box.item.excludedDiseases.isEmpty && relations.excludes(box.item.excludedDiseases),
                        alterations: []
                    )
                )
            }
        }
        return hits
    }

    /// Whether one of the patient's alterations rules the row out (its `unless` list). A negative
    /// finding (EGFR wild-type) rules out only a row that names that negative finding.
    func isRuledOut(_ item: EvidenceItem, _ alterations: [PatientAlteration]) -> Bool {
        item.ruledOutBy.contains { rule in
            let negativeRule = Self.isNegativeFinding(rule)
            return alterations.contains {
                Self.isNegativeFinding($0.pattern) == negativeRule
                    && AlterationMatching.scoped(patient: $0.pattern, component: rule, scope: AlterationScope(deriving: rule), allowInferred: false)
                        != nil
            }
        }
    }

    /// Relations of evidence diseases to one patient's disease, each disease worked out once per
    /// match: the ancestry walks allocate.
    struct RelationMemo {
        let patient: Disease?
        /// The patient's code and its ancestors, for row exclusions (which cover descendants).
        let lineage: Set<String>
        private var known: [String: DiseaseRelation] = [:]

        init(patient: Disease?, vocabularies: Vocabularies) {
            self.patient = patient
            var lineage = patient.map { Set([$0.code] + vocabularies.ancestors(of: $0.code)) } ?? []
            if let code = patient?.code, let treated = Matcher.treatedAs[code] { lineage.formUnion([treated] + vocabularies.ancestors(of: treated)) }
            self.lineage = lineage
        }

        mutating func relation(of evidence: DiseaseReference, by matcher: Matcher) -> DiseaseRelation {
            // A label for solid tumours only relates to a leukaemia differently from one for any tumour: one
            // key for both let whichever row came first decide for the other (the store's order made solid-tumour
            // NTRK labels tumour-agnostic for an AML, the bundled tables' order did not).
            let key = evidence.tumorAgnostic ? (evidence.isSolidTumoursOnly ? "*solid" : "*") : evidence.oncotree ?? ""
            if let known = known[key] { return known }
            let relation = matcher.relation(of: evidence, to: patient)
            known[key] = relation
            return relation
        }

        /// Whether the evidence's disease contains the patient's: an ancestor below the tissue level,
        /// or for a curated row any ancestor. A curator writes a tissue node only where the label
        /// covers all of that tissue's cancers (zanidatamab for HER2-positive biliary tract cancer,
        /// FDA label: Ziihera (zanidatamab), 2024); an imported "lung cancer" row may mean either kind.
        func covers(_ evidence: DiseaseReference, by matcher: Matcher, curated: Bool = false) -> Bool {
            guard let code = evidence.oncotree, lineage.contains(code) else { return false }
            return curated || (matcher.vocabularies.disease(code: code)?.level ?? 0) >= 2
        }

        /// Whether the patient's disease is a tissue-level node (OncoTree level 1, what "breast
        /// cancer" or "lung cancer" resolves to) and the evidence's disease lies below it.
        func isTissueLevelAncestor(of evidence: DiseaseReference, by matcher: Matcher) -> Bool {
            guard let patient, patient.level <= 1, let code = evidence.oncotree else { return false }
            return matcher.vocabularies.ancestors(of: code).contains(patient.code)
        }

        /// Whether the patient's disease is one of `codes` or lies below one of them.
        func excludes(_ codes: [String]) -> Bool {
            codes.contains { lineage.contains($0) }
        }
    }

    /// Diseases managed as another one, whose evidence they take as their own: myeloid sarcoma is
    /// treated as acute myeloid leukaemia, with AML induction and AML-targeted drugs (NCCN Acute
    /// Myeloid Leukemia v.2.2025); post-ET and post-PV myelofibrosis as myelofibrosis (FDA label:
    /// Jakafi (ruxolitinib), 2011, primary, post-PV and post-ET myelofibrosis); the large B-cell
    /// lymphomas that follow DLBCL's regimens (T-cell/histiocyte-rich, EBV-positive, intravascular,
    /// with IRF4 rearrangement, primary cutaneous leg type and DLBCL with chronic inflammation: NCCN
    /// B-Cell Lymphomas 2025) as DLBCL. A tissue typed as "breast cancer", "prostate cancer", "pancreatic cancer",
    /// "bladder cancer", "ovarian cancer" or "kidney cancer" is the carcinoma that makes up nearly all of that
    /// tissue's cancers (invasive breast carcinoma; prostate adenocarcinoma; pancreatic ductal adenocarcinoma;
    /// urothelial carcinoma; epithelial ovarian cancer; renal cell carcinoma: WHO Classification of Tumours, 5th
    /// edition), so that the standard options keyed to it reach the patient. Lung, liver and thyroid are left as
    /// tissues: their cancers are treated apart (small cell or not, hepatocellular or biliary, differentiated,
    /// medullary or anaplastic).
    static let treatedAs: [String: String] = [
        "MS": "AML", "ETMF": "PMF", "PVMF": "PMF",
        "THRLBCL": "DLBCLNOS", "EBVDLBCLNOS": "DLBCLNOS", "IVBCL": "DLBCLNOS", "LBLIRF4": "DLBCLNOS", "PCLBCLLT": "DLBCLNOS",
        "DLBCLCI": "DLBCLNOS",
        "BREAST": "BRCA", "PROSTATE": "PRAD", "PANCREAS": "PAAD", "BLADDER": "BLCA", "OVARY": "OVT", "KIDNEY": "RCC",
    ]

    /// The OncoTree tissues of haematological neoplasms (histiocytic neoplasms lie under `MYELOID`).
    static let haematologicalTissues = ["MYELOID", "LYMPH"]

    func relation(of evidence: DiseaseReference, to patient: Disease?) -> DiseaseRelation {
        if evidence.tumorAgnostic {
            // A label for "solid tumors" does not cover a leukaemia, lymphoma or histiocytic
            // neoplasm: there it is evidence from other diseases, an off-label option at best.
            if evidence.isSolidTumoursOnly, let patient,
                Self.haematologicalTissues.contains(where: { vocabularies.isDisease(patient.code, within: $0) })
            {
                return .other
            }
            return .tumorAgnostic
        }
        guard let patient, let code = evidence.oncotree else { return .other }
        if code == patient.code { return .same }
        if let treated = Self.treatedAs[patient.code] {
            if code == treated { return .same }
            let own = cache.relation(patient: patient.code, evidence: code) { lineageRelation(patient: patient.code, evidence: code) }
            if own != .other { return own }
            return cache.relation(patient: treated, evidence: code) { lineageRelation(patient: treated, evidence: code) }
        }
        return cache.relation(patient: patient.code, evidence: code) { lineageRelation(patient: patient.code, evidence: code) }
    }

    /// A key that says something was looked for and not found: a gene wild-type, a protein not
    /// expressed, microsatellite stability or proficient mismatch repair.
    static func isNegativeFinding(_ pattern: AlterationPattern) -> Bool {
        // "L265P negative": a named allele looked for and not found (Vocabularies.wildTypeReading).
        pattern.kind == .expression && (["wild-type", "negative", "MSS", "pMMR"].contains(pattern.variant) || pattern.variant.hasSuffix(" negative"))
    }

    /// Diseases managed apart from the disease that contains them, whose evidence they do not take:
    /// acute promyelocytic leukaemia is treated with tretinoin and arsenic, and the AML trials of
    /// FLT3, IDH and menin inhibitors left it out (NCCN Acute Myeloid Leukemia 2025).
    static let managedApart: Set<String> = ["APLPMLRARA"]

    private func lineageRelation(patient: String, evidence code: String) -> DiseaseRelation {
        let patientLine = [patient] + vocabularies.ancestors(of: patient)
        let evidenceLine = [code] + vocabularies.ancestors(of: code)
        if Self.managedApart.contains(patient), code != patient { return .other }
        if patientLine.contains(code) || evidenceLine.contains(patient) { return .related }
        // A shared ancestor below the tissue level is the same lineage, unless it is one of the
        // haematologic family nodes that group distinct diseases.
        if let shared = patientLine.first(where: { evidenceLine.contains($0) }), (vocabularies.disease(code: shared)?.level ?? 0) >= 2,
            !Self.haematologicFamilies.contains(shared)
        {
            return .related
        }
        return .other
    }

    /// OncoTree nodes that group haematologic diseases each with its own labels and guideline
    /// (WHO-HAEM5 2022): AML and systemic mastocytosis are both myeloid neoplasms, B-ALL and
    /// DLBCL both lymphoid, CLL and myeloma both mature B-cell neoplasms, but a label for one is
    /// off-label in the other (FDA label: Ayvakit (avapritinib), 2021, systemic mastocytosis;
    /// FDA label: Monjuvi (tafasitamab), 2020, DLBCL). Evidence written for the family node itself
    /// still reaches its members.
    static let haematologicFamilies: Set<String> = ["MNM", "LNM", "NHL", "MBN", "MTNN", "MPN"]

    /// Whether a row's disease is another haematologic disease that meets the patient's first at
    /// one of the family nodes above (mastocytosis for an AML, follicular lymphoma for a marginal
    /// zone lymphoma).
    func isHaematologicSibling(_ evidence: DiseaseReference, of patient: Disease?) -> Bool {
        guard let patient, let code = evidence.oncotree, !evidence.tumorAgnostic, relation(of: evidence, to: patient) == .other else { return false }
        let patientLine = [Self.treatedAs[patient.code] ?? patient.code] + vocabularies.ancestors(of: Self.treatedAs[patient.code] ?? patient.code)
        let evidenceLine = [code] + vocabularies.ancestors(of: code)
        guard let shared = patientLine.first(where: { evidenceLine.contains($0) }) else { return false }
        return Self.haematologicFamilies.contains(shared)
    }
}

/// Where strong sensitivity evidence stands for each drug set: level A/B, direct, not excluded,
/// in the patient's disease, its lineage or tumour-agnostic. A regimen's own such evidence for an
/// alteration shields it from resistance evidence about another regimen keyed on that alteration.
/// A short list searched in place: it is asked only about the few regimens resistance touches.
struct SensitivitySupport {
    private let strong: [Matcher.Hit]

    init(_ hits: [Matcher.Hit]) {
        strong = hits.filter {
            $0.item.significance == .sensitivity && !$0.inferred && !$0.excluded && $0.isOwnDisease && $0.item.level <= .b
        }
    }

    /// Whether the drug set (an option key) has its own evidence at `level` or better for any of the
    /// patient's alterations; with `curatedOnly`, curated evidence only.
    func supportsAny(_ optionKey: String, atLeast level: EvidenceLevel, curatedOnly: Bool = false) -> Bool {
        strong.contains { $0.item.level <= level && $0.box.optionKey == optionKey && (!curatedOnly || $0.item.source == .curated) }
    }

    /// Whether the drug set (an option key) has its own evidence at `level` or better for one of
    /// the patient's alterations `labels`; with `curatedOnly`, curated evidence only.
    func supports(_ optionKey: String, anyOf labels: some Sequence<String>, atLeast level: EvidenceLevel, curatedOnly: Bool = false) -> Bool {
        for hit in strong where hit.item.level <= level && hit.box.optionKey == optionKey && (!curatedOnly || hit.item.source == .curated) {
            for label in labels where hit.alterations.contains(where: { $0.label == label }) { return true }
        }
        return false
    }
}
