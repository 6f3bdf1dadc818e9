import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// Ranking options in the tiers of docs/ranking.md, and taking resistant, progressed-on,
/// label-excluded and contraindicated drug sets out of them.
extension Matcher {
    struct Ranking {
        var options: [TherapyOption]
        var notRecommended: [NotRecommendedOption]
        /// Other-disease, gene-level options set apart as `other-disease-lead` signals, and
        /// `drug-class` signals.
        var leads: [MatchSignal] = []
    }

    /// Whether an option rests only on evidence from another disease about any mutation of the
    /// gene (scope `mutation`, not an allele, codon, region, fusion or copy change) or met only by
    /// inference, and no better than off-label: a lead for a curator, not a ranked option beside
    /// the patient's own disease's evidence (CIViC's "EGFR mutation" with cytoreductive surgery
    /// and HIPEC in peritoneal mesothelioma, for EGFR-mutant lung cancer).
    ///
    /// So is an option resting only on another disease's expression cut-off that its own trials set
    /// and that does not carry over: PD-L1 (TPS and CPS levels were set per disease: FDA label:
    /// Keytruda (pembrolizumab)), claudin 18.2 (gastric and GEJ only: FDA label: Vyloy
    /// (zolbetuximab), 2024), folate receptor alpha (ovarian only: FDA label: Elahere (mirvetuximab
    /// soravtansine), 2022) and HER2-low (breast only: FDA label: Enhertu (trastuzumab deruxtecan),
    /// 2022; its tumour-agnostic indication needs IHC 3+, 2024).
    static func isOtherDiseaseLead(_ usable: [Hit], tier: RankingTier) -> Bool {
        tier >= .offLabel
            && usable.allSatisfy {
                $0.relation == .other
                    && ($0.inferred || $0.box.scopes.allSatisfy { $0 == .mutation } || restsOnDiseaseBoundExpression($0.item.profile.components))
            }
    }

    /// Genes whose expression cut-offs belong to the disease whose trials set them (see
    /// ``isOtherDiseaseLead(_:tier:)``).
    static let diseaseBoundExpressionGenes: Set<String> = ["CD274", "CLDN18", "FOLR1"]

    /// Whether a row's profile names an expression level that does not carry over to another disease.
    static func restsOnDiseaseBoundExpression(_ components: [AlterationPattern]) -> Bool {
        components.contains { component in
            component.kind == .expression
                && (diseaseBoundExpressionGenes.contains(component.gene) || (component.gene == "ERBB2" && component.variant == "low expression"))
        }
    }

    /// The tier of one sensitivity hit (docs/ranking.md).
    static func tier(_ hit: Hit) -> RankingTier {
        let level = hit.item.level
        guard level <= .b else { return .preclinical }
        guard hit.isOwnDisease else { return .offLabel }
        let approved = level == .a && (hit.covers || hit.narrower || hit.relation == .tumorAgnostic)
        return approved && !hit.inferred && hit.item.approval?.withdrawn != true ? .approved : .clinical
    }

    /// The drugs an option's own rows are for use after (`after:` and `after:A&B` settings).
    static func anticipated(_ usable: [Hit]) -> Set<String> {
        var drugs: Set<String> = []
        for hit in usable {
            for setting in hit.item.settings {
                switch setting {
                case .after(let listed), .afterAll(let listed), .afterSeveral(_, let listed): drugs.formUnion(listed)
                default: break
                }
            }
        }
        return drugs
    }

    /// The CML phases each drug's labels cover, for the drugs not labelled in every phase:
    /// asciminib in chronic phase only (FDA label: Scemblix (asciminib), 2021 and 2024), nilotinib
    /// in chronic and accelerated phase (FDA label: Tasigna (nilotinib), 2010). Imatinib, dasatinib,
    /// bosutinib and ponatinib carry accelerated and blast phase indications.
    static let cmlPhasesLabelled: [String: Set<LeukaemiaPhase>] = ["asciminib": [.chronic], "nilotinib": [.chronic, .accelerated]]

    /// The family and generation a drug class names ("ALK inhibitor, 2nd generation" → ALK
    /// inhibitor, 2), or nil for a class without generations.
    static func generation(of drugClass: String) -> (family: String, rank: Int)? {
        let parts = drugClass.split(separator: ",").map { $0.trimmingWhitespace }
        for (position, part) in parts.enumerated() where position > 0 {
            for (word, rank) in [("1st generation", 1), ("2nd generation", 2), ("3rd generation", 3)] where part.hasPrefix(word) {
                return (parts[..<position].joined(separator: ", "), rank)
            }
        }
        return nil
    }

    /// Whether a row's guideline category can order options for the patient: for a patient with
    /// advanced disease, not when the row is for the adjuvant or neoadjuvant setting only (NCCN
    /// categories are given per setting; imatinib's adjuvant preference in GIST says nothing about
    /// metastatic lines); for a patient treated with curative intent, only a row for that setting.
    static func preferenceApplies(_ item: EvidenceItem, patient: PatientContext) -> Bool {
        if let curative = patient.curative { return item.settings.contains(curative.setting) }
        return item.settings.isEmpty || item.settings.contains { !$0.isCurative }
    }

    /// Whether every drug of a regimen is a targeted, antibody or immune agent (no cytotoxic or
    /// hormonal partner), so its "first line" means the first line of that treatment, not of any treatment.
    static func isTargeted(_ drugs: [String], _ vocabularies: Vocabularies) -> Bool {
        !drugs.isEmpty
            && drugs.allSatisfy {
                vocabularies.drug(inn: $0).map { ["targeted", "immunotherapy", "antibody", "antibody-drug conjugate"].contains($0.category) } == true
            }
    }

    /// The drug classes of a regimen when each drug has one that names a single mechanism (no
    /// multikinase inhibitor, whose members differ in what they cover, and no class with
    /// generations), else nil.
    static func mechanismClasses(_ drugs: some Collection<String>, _ vocabularies: Vocabularies) -> Set<String>? {
        var classes: Set<String> = []
        for drug in drugs {
            // Generational families are left out: their members switch within a generation for
            // resistance (nilotinib or bosutinib after dasatinib, NCCN Chronic Myeloid Leukemia v.2.2025).
            guard let drugClass = vocabularies.drug(inn: drug)?.drugClass, !drugClass.isEmpty, !drugClass.contains("multikinase"),
                generation(of: drugClass) == nil
            else { return nil }
            classes.insert(drugClass)
        }
        return classes.isEmpty ? nil : classes
    }

    /// Where an option stands before guideline preference and fit are weighed (``Slot`` gives the
    /// order). Options directed at the patient's alteration that fit the line come first; the best
    /// standard option for the disease (a label that names no biomarker) that fits comes next, before
    /// alteration-directed options for another line (sotorasib is for KRAS G12C lung cancer after
    /// platinum, FDA label: Lumakras (sotorasib), 2021; first-line chemo-immunotherapy comes first,
    /// NCCN Non-Small Cell Lung Cancer 2025); the other standard options follow every same-disease
    /// directed option, and standard options for another line come after off-label ones.
    ///
    /// `specific` marks level B evidence in the patient's own disease for the patient's very allele
    /// or codon (pirtobrutinib for BTK C481S after a covalent BTK inhibitor, NCCN Chronic Lymphocytic
    /// Leukemia/Small Lymphocytic Lymphoma 2025): it fits the patient more closely than a standard
    /// option, and ranks with the directed options that fit.
    ///
    /// Clinical evidence that no curator has read (CIViC level B only) never outranks a standard
    /// option that fits the line: it follows them. `laterLine` marks a directed option two or more
    /// lines beyond the patient's (see ``isForALaterLine(_:patient:)``): it follows the standard
    /// options of the patient's own line.
    static func slot(
        tier: RankingTier,
        diseaseLevel: Bool,
        fit: SettingFit,
        specific: Bool,
        curated: Bool = true,
        laterLine: Bool = false,
        curative: Bool = false
    ) -> Int {
        // With curative intent an option for another setting (a metastatic line) follows every
        // option for the patient's own, directed or not.
        if curative, fit == .poor { return Slot.standardForAnotherLine }
        switch tier {
        case .approved:
            if diseaseLevel { return fit == .poor ? Slot.standardForAnotherLine : Slot.standard }
            if fit == .poor { return laterLine ? Slot.directedForLaterLine : Slot.directedForAnotherLine }
            return Slot.directed
        case .clinical:
            if diseaseLevel { return Slot.standardForAnotherLine }
            if !curated { return Slot.uncuratedClinical }
            return specific && fit != .poor ? Slot.specificClinical : Slot.clinical
        case .offLabel: return Slot.offLabel
        case .preclinical: return Slot.preclinical
        }
    }

    /// The slot of a set of hits of one regimen: their best tier, its fit and specificity.
    func placementSlot(_ hits: [Hit], patient: PatientContext) -> Int {
        let tier = hits.map(Self.tier).min() ?? .preclinical
        let inferred = !hits.contains { !$0.inferred && Self.tier($0) == tier }
        var fit = SettingFit.poor
        var specific = false
        var laterLine = true
        let curatedLines = Self.curatedLinesSpeak(hits.filter { $0.inferred == inferred && Self.tier($0) == tier })
        for hit in hits where hit.inferred == inferred && Self.tier(hit) == tier {
            let hitFit = settingFit(hit.item, patient: patient)
            if hitFit.rank < fit.rank, !curatedLines || hit.item.source == .curated { fit = hitFit }
            // Only specific evidence that itself fits the line (sorafenib's maintenance row does not place it at diagnosis).
            specific = specific || (Self.isSpecific(hit) && hitFit != .poor)
            laterLine = laterLine && isForALaterLine(hit.item, patient: patient)
        }
        return Self.slot(
            tier: tier,
            diseaseLevel: hits.allSatisfy(\.item.isDiseaseLevel),
            fit: fit,
            specific: specific,
            laterLine: laterLine,
            curative: patient.curative != nil
        )
    }

    /// Whether curated rows of the patient's own disease say which line a regimen is for: then they
    /// alone say how it fits, as they alone are counted. A CIViC item restating a label names no line,
    /// so it does not make olaparib, labelled for BRCA-mutated castration-resistant prostate cancer
    /// after enzalutamide or abiraterone (FDA label: Lynparza (olaparib), 2020), fit before them.
    static func curatedLinesSpeak(_ hits: [Hit]) -> Bool {
        hits.contains { $0.item.source == .curated && $0.isOwnDisease && !$0.item.settings.isEmpty }
    }

    /// Whether a row is for a line at least two beyond the patient's: its sequence needs two or more
    /// drugs the patient has not had. Regorafenib after imatinib and sunitinib (FDA label: Stivarga
    /// (regorafenib), 2013) for an untreated GIST, or the KRAS G12C doublets after fluoropyrimidine,
    /// oxaliplatin and irinotecan (FDA labels: Krazati (adagrasib), 2024; Lumakras (sotorasib), 2025)
    /// for untreated colorectal cancer, come after that line's own standard options; a row for the
    /// next line (sotorasib after platinum in lung cancer) does not.
    func isForALaterLine(_ item: EvidenceItem, patient: PatientContext) -> Bool {
        // A patient known to be untreated: a row only for relapsed, refractory or maintenance use comes
        // after the first line's own options (crizotinib's ALK-positive ALCL label is for relapsed or
        // refractory disease, FDA label: Xalkori (crizotinib), 2021; first line is brentuximab vedotin
        // with CHP, FDA label: Adcetris (brentuximab vedotin), 2018).
        if patient.naive || patient.noEarlierTreatment, !item.settings.isEmpty, item.settings.allSatisfy(\.isAfterFirstLine) {
            return true
        }
        var later = false
        for setting in item.settings {
            switch setting {
            case .afterAll(let drugs):
                // A sequence not yet completed is for a later line: its missing drug comes first (datopotamab
                // deruxtecan for EGFR-mutant lung cancer after an EGFR inhibitor and platinum, FDA label: Datroway,
                // 2025, follows platinum-pemetrexed after osimertinib).
                guard drugs.contains(where: { !hadInSequence($0, of: drugs, patient: patient) }) else { return false }
                later = true
            case .afterSeveral(let count, let drugs):
                guard count - drugs.filter({ hadInSequence($0, of: [], patient: patient) }).count >= 2 else { return false }
                later = true
            case .afterLines(let count):
                guard count - Self.linesGiven(patient) >= 2 else { return false }
                later = true
            case .firstLine, .secondLine, .after, .maintenance, .consolidation:
                return false
            case .adjuvant, .neoadjuvant, .chemoradiation:
                continue
            }
        }
        return later
    }

    /// Why a regimen is for another setting than the patient's, or nil. With curative intent, none of
    /// its rows in the patient's own disease is for that setting (a metastatic line after resection);
    /// another disease's adjuvant row (dabrafenib + trametinib after resected melanoma, FDA label:
    /// Tafinlar (dabrafenib), 2018) does not make it one after a thyroidectomy, where radioiodine is
    /// (NCCN Thyroid Carcinoma 2025). For advanced disease, every row is for curative treatment of
    /// localised disease (adjuvant radioiodine for a radioiodine-refractory metastatic cancer).
    func otherSettingReason(_ group: [Hit], patient: PatientContext) -> String? {
        // Known to be untreated: a standard regimen (a disease-level or antigen label) whose every row is
        // for relapsed or refractory disease is not an option for this line (nelarabine is labelled for
        // T-ALL or T-LBL after two regimens, FDA label: Arranon (nelarabine), 2005; untreated T-LBL gets
        // ALL-type induction, NCCN Acute Lymphoblastic Leukemia 2025). A drug aimed at the patient's own
        // driver stays listed after the first line's options, as the plan for the next line (pemigatinib
        // for FGFR2-fused cholangiocarcinoma after chemo-immunotherapy, FDA label: Pemazyre, 2020), so
        // off-label evidence does not take its place. Maintenance rows stay: they follow this line's response.
        if patient.naive, patient.curative == nil,
            group.allSatisfy({ hit in
                hit.excluded
                    || (!hit.item.settings.isEmpty && hit.item.settings.allSatisfy(\.isForRelapse)
                        && (hit.item.isDiseaseLevel || Self.isAntigenPresence(hit)))
            })
        {
            return "its evidence is for relapsed or refractory disease or a later line; the disease as written is untreated"
        }
        // Every curated row is for the opposite state of the disease: darolutamide's labels are for
        // non-metastatic castration-resistant and for metastatic castration-sensitive prostate cancer,
        // not for metastatic castration-resistant disease (FDA label: Nubeqa (darolutamide), 2019, 2022,
        // 2025). CIViC rows restating a label say no state, and other diseases' rows say nothing of this
        // one's states, so neither brings it back.
        let stated = group.filter { !$0.excluded && $0.isOwnDisease && $0.item.source == .curated }
        if !stated.isEmpty, let first = stated.first.flatMap({ contradictedState(of: $0.item, patient: patient) }),
            stated.allSatisfy({ contradictedState(of: $0.item, patient: patient) != nil })
        {
            return "its evidence is for \(first.description); the patient's is \(first.opposite.description)"
        }
        if let curative = patient.curative {
            let fits = group.contains { !$0.excluded && $0.isOwnDisease && settingFit($0.item, patient: patient) != .poor }
            return fits ? nil : "its evidence is for another setting; this patient is in \(curative.name)"
        }
        guard patient.advanced, group.allSatisfy({ $0.excluded || (!$0.item.settings.isEmpty && $0.item.settings.allSatisfy(\.isCurative)) })
        else { return nil }
        return "its evidence is for curative treatment of localised disease; the disease as written is advanced"
    }

    /// The first drug of a regimen whose youngest labelled age is above the patient's, with its limit.
    func youngerThanLabel(_ drugs: [String], age: Double) -> (String, DrugAgeLimit)? {
        for drug in drugs {
            if let limit = vocabularies.ageLimit(of: drug), age < limit.years { return (drug, limit) }
        }
        return nil
    }

    /// "18", "6 months", "4 months": an age as a clinician says it.
    static func ageText(_ years: Double) -> String {
        if years < 1 { return "\(Int((years * 12).rounded())) months" }
        return years == years.rounded() ? "\(Int(years))" : "\((years * 10).rounded() / 10)"
    }

    /// The first state a row is curated for whose opposite the patient's disease is in, or nil.
    func contradictedState(of item: EvidenceItem, patient: PatientContext) -> DiseaseState? {
        guard !patient.states.isEmpty else { return nil }
        return item.diseaseStates.first { patient.states.contains($0.opposite) }
    }

    /// The first drug of a regimen the patient cannot have, with the term that rules it out: the drug
    /// itself, a word of its vocabulary class ("anthracycline"), or "chemotherapy" for a cytotoxic drug.
    func avoided(_ drugs: [String], patient: PatientContext) -> (String, String)? {
        guard !patient.avoided.isEmpty else { return nil }
        for drug in drugs {
            let entry = vocabularies.drug(inn: drug)
            for term in patient.avoided {
                if term == drug { return (drug, term) }
                guard let entry else { continue }
                if term == "chemotherapy", entry.category == "chemotherapy" { return (drug, term) }
                if term == "immunotherapy", Self.checkpointClasses.contains(entry.drugClass) { return (drug, term) }
                if term.count >= 5, entry.drugClass.lowercased().contains(term) { return (drug, term) }
            }
        }
        return nil
    }

    /// Whether the patient had a drug of a sequence: itself, or a drug of its class that is not
    /// itself in the sequence (capecitabine for fluorouracil; imatinib does not stand in for sunitinib).
    func hadInSequence(_ drug: String, of sequence: [String], patient: PatientContext) -> Bool {
        patient.priorDrugs.contains(drug)
            || vocabularies.drug(inn: drug).map { wanted in
                !wanted.drugClass.isEmpty
                    && patient.priorDrugs.contains { !sequence.contains($0) && vocabularies.drug(inn: $0)?.drugClass == wanted.drugClass }
            } == true
    }

    /// Lines the patient has had: those the profile lists, or those before the line it says is starting.
    static func linesGiven(_ patient: PatientContext) -> Int {
        max(patient.priors.count, (patient.lineOfTherapy ?? 1) - 1)
    }

    /// Curated (guideline) evidence in the patient's own disease, or one containing it, for the
    /// patient's allele or codon, met directly. CIViC's level B trial rows are not enough: a trial of
    /// dabrafenib + trametinib in BRAF V600E colorectal cancer does not make it a choice there.
    static func isSpecific(_ hit: Hit) -> Bool {
        hit.item.source == .curated && !hit.inferred && !hit.item.isDiseaseLevel && hit.specificity <= .codon && diseaseRank(hit) == 0
    }

    /// A regimen labelled for newly diagnosed AML in patients who cannot have intensive induction: a
    /// hypomethylating agent or low-dose cytarabine with venetoclax, ivosidenib or glasdegib, ivosidenib
    /// alone, or gemtuzumab ozogamicin alone (FDA labels Venclexta 2020, Tibsovo 2019/2022, Daurismo
    /// 2018, Mylotarg 2017). Nothing with an anthracycline.
    static func isForUnfitPatients(_ drugs: Set<String>) -> Bool {
        if drugs == ["gemtuzumab ozogamicin"] || drugs == ["ivosidenib"] { return true }
        let backbone: Set<String> = ["azacitidine", "decitabine", "decitabine and cedazuridine", "cytarabine"]
        let partners: Set<String> = ["venetoclax", "ivosidenib", "glasdegib"]
        return !drugs.isDisjoint(with: backbone) && !drugs.isDisjoint(with: partners) && drugs.isSubset(of: backbone.union(partners))
    }

    /// Cytarabine with an anthracycline (7+3, FLAG-Ida), liposomal daunorubicin-cytarabine, or a drug
    /// labelled only with them.
    static func isIntensiveInduction(_ drugs: Set<String>) -> Bool {
        if drugs.contains("daunorubicin and cytarabine liposome") { return true }
        if drugs.contains("cytarabine"), !drugs.isDisjoint(with: ["daunorubicin", "idarubicin", "mitoxantrone"]) { return true }
        return !drugs.isEmpty && drugs.isSubset(of: ["midostaurin", "quizartinib"])
    }

    /// Lineage antigens whose antibodies are backbones given again after a relapse (CD20, CD38, SLAMF7).
    static let lineageAntigens: Set<String> = ["MS4A1", "CD38", "SLAMF7"]

    /// Drug categories whose class shares the resistance after progression on one of its drugs:
    /// targeted drugs, and cell therapies (a second anti-CD19 CAR T-cell product after relapse on
    /// the first is not a standard option, NCCN B-Cell Lymphomas 2025).
    static let classDemotionCategories: Set<String> = ["targeted", "cell therapy"]

    /// Drug classes that act on one axis, so that after progression on one another of them is no new line:
    /// - PD-1 and PD-L1 inhibitors block the same checkpoint (NCCN Non-Small Cell Lung Cancer 2025: no PD-1/PD-L1
    ///   inhibitor monotherapy after progression on one);
    /// - abiraterone and the second-generation AR inhibitors share cross-resistance, and the switch is inferior to a
    ///   taxane (CARD, de Wit R et al., N Engl J Med 2019, PMID:31566937);
    /// - anti-CD38 antibodies: isatuximab after daratumumab-refractory myeloma (Mikhael J et al., Blood Cancer J
    ///   2021, NCT02514668; NCCN Multiple Myeloma 2025 turns to other classes after an anti-CD38 antibody).
    static let sharedAxes: [(classes: Set<String>, acts: String)] = [
        (["PD-1 inhibitor", "PD-L1 inhibitor"], "blocks the PD-1 checkpoint"),
        (["androgen receptor inhibitor, 2nd generation", "androgen biosynthesis inhibitor (CYP17)"], "blocks androgen signalling"),
        (["anti-CD38 monoclonal antibody"], "targets CD38"),
        // After progression on a covalent BTK inhibitor another covalent one is not a new line; the non-covalent
        // pirtobrutinib or CAR T-cell therapy is (NCCN B-Cell Lymphomas 2025, mantle cell lymphoma; NCCN CLL/SLL 2026;
        // FDA label: Jaypirca (pirtobrutinib), 2023, after a BTK inhibitor).
        (["BTK inhibitor, covalent, 1st generation", "BTK inhibitor, covalent, 2nd generation"], "binds BTK at C481"),
    ]

    /// Whether a hit is about an antigen the tumour carries (CD20, CD19, PD-L1 expression), not a
    /// driver: such a label is read like one for the disease, so a label for another line (CD20
    /// bispecifics after two lines in DLBCL, FDA labels Epkinly 2023, Columvi 2023) never leads
    /// a line it is not for. HER2 overexpression is a driver and stays alteration-directed.
    static func isAntigenPresence(_ hit: Hit) -> Bool {
        !hit.item.profile.components.isEmpty
            && hit.item.profile.components.allSatisfy { component in
                // Not a driver (HER2) or a tumour-wide signature (MSI, TMB, MMR, HRD), which are keys of their own.
                component.kind == .expression && !["ERBB2", "MSI", "TMB", "MMR", "HRD"].contains(component.gene)
                    && !["negative", "wild-type", "loss", "low expression", "ultralow expression"].contains(component.variant.lowercased())
            }
    }

    /// The order of ``slot(tier:diseaseLevel:fit:specific:)``. Only the best standard option takes
    /// `leadingStandard`; the others follow every alteration-directed option of the disease, so a
    /// list of near-identical chemotherapy regimens never hides the targeted options.
    enum Slot {
        static let directed = 0
        static let specificClinical = 1
        static let leadingStandard = 2
        static let directedForAnotherLine = 3
        static let clinical = 4
        static let standard = 5
        static let directedForLaterLine = 6
        static let uncuratedClinical = 7
        static let offLabel = 8
        static let standardForAnotherLine = 9
        static let preclinical = 10
    }

    /// The patient's disease or one containing it first, then tumour-agnostic, related, other.
    static func diseaseRank(_ hit: Hit) -> Int {
        hit.covers || hit.narrower ? 0 : hit.relation.rank
    }

    /// How a hit's line of therapy fits the patient: with no prior therapy first-line rows fit and
    /// rows for later lines do not; after prior therapy, rows "after" one of the patient's drugs
    /// (or a drug of the same class), rows "after all of" drugs the patient has all had, and
    /// second-line rows fit; first-line-only rows and sequences the patient has not completed do not.
    func settingFit(_ item: EvidenceItem, patient: PatientContext) -> SettingFit {
        // A row for the opposite state of the disease (metastatic castration-sensitive prostate cancer
        // for castration-resistant disease) is not for this patient, whatever its line.
        if contradictedState(of: item, patient: patient) != nil { return .poor }
        // Androgen deprivation goes on through every line of prostate cancer: the first line of
        // castration-resistant disease comes after it alone (PARP inhibitor combinations for
        // first-line mCRPC: FDA labels Talzenna (talazoparib) 2023, Lynparza (olaparib) 2023, Akeega
        // (niraparib) 2023; NCCN Prostate Cancer 2025).
        if item.settings.contains(.firstLine), item.diseaseStates.contains(.castrationResistant),
            patient.states.contains(.castrationResistant), !patient.priorDrugs.isEmpty,
            patient.priorDrugs.allSatisfy({ vocabularies.drug(inn: $0)?.drugClass.hasPrefix("GnRH") == true })
        {
            return .fits
        }
        // Curative intent: a row for that setting fits, any other (metastatic lines, or a row naming
        // no setting, as most labels for advanced disease) does not.
        if let curative = patient.curative {
            // A perioperative regimen starts before surgery: after it, only an adjuvant row fits
            // (durvalumab with gemcitabine-cisplatin, NIAGARA, is not for residual disease after
            // cystectomy; nivolumab is: FDA labels Imfinzi 2025, Opdivo 2021).
            if curative == .adjuvant, item.settings.contains(.neoadjuvant) { return .poor }
            return item.settings.contains(curative.setting) ? .fits : .poor
        }
        guard !item.settings.isEmpty else { return .neutral }
        if patient.advanced, item.settings.allSatisfy(\.isCurative) { return .poor }
        if patient.firstLineAfterCurative {
            if item.settings.contains(.firstLine) { return .fits }
            return item.settings.allSatisfy(\.isAfterFirstLine) ? .poor : .neutral
        }
        // In remission with its induction not listed ("in first complete remission, MRD 0.2%"): consolidation and
        // maintenance are the lines at hand, not induction again (blinatumomab for MRD-positive B-ALL in remission,
        // FDA label: Blincyto (blinatumomab), 2018 and 2024).
        if patient.priorDrugs.isEmpty, patient.inRemission {
            return item.settings.contains(where: { $0 == .maintenance || $0 == .consolidation }) ? .fits : .poor
        }
        if patient.priorDrugs.isEmpty, let line = patient.lineOfTherapy, line > 1 {
            // A later line whose earlier drugs were not named: second-line rows fit, first-line-only
            // rows do not, and "after X" cannot be judged.
            if item.settings.contains(.secondLine) { return .fits }
            let firstOnly = item.settings.allSatisfy { $0 == .firstLine }
            return firstOnly ? .poor : .neutral
        }
        if patient.priorDrugs.isEmpty {
            if item.settings.contains(.firstLine) { return .fits }
            if patient.hadPerioperativeChemotherapy, item.settings.contains(.secondLine) { return .neutral }
            // Maintenance follows a response to a first line the patient has not had yet: oral
            // azacitidine in first remission (FDA label: Onureg (azacitidine tablets), 2020) is not
            // induction for newly diagnosed AML.
            let laterOnly = item.settings.allSatisfy(\.isAfterFirstLine)
            return laterOnly ? .poor : .neutral
        }
        // Every prior stopped for intolerance, none for the tumour: the patient is still in the first line and
        // switches drugs within it (another TKI after intolerance: NCCN Chronic Myeloid Leukemia 2025; another
        // EGFR or ALK inhibitor after a toxicity: NCCN Non-Small Cell Lung Cancer 2025).
        if !patient.priors.isEmpty, patient.priors.allSatisfy(\.intolerant), item.settings.contains(.firstLine) { return .fits }
        // A first-line targeted row after prior therapy aimed at other targets only (BRAF/MEK after
        // ipilimumab + nivolumab in melanoma, NCCN Melanoma: Cutaneous v.2.2025): the patient has not
        // had this line yet, so the row is not out of sequence.
        if item.settings.contains(.firstLine), Self.isTargeted(item.drugs, vocabularies),
            !patient.priorDrugs.contains(where: { prior in
                let given = Set(vocabularies.drug(inn: prior)?.targets ?? [])
                return item.drugs.contains { !given.isDisjoint(with: vocabularies.drug(inn: $0)?.targets ?? []) }
            })
        {
            return .neutral
        }
        // In remission or response after every line, nothing has progressed: a row for use after a drug
        // (or a second line) waits for progression; maintenance and consolidation are the lines at hand
        // (olaparib maintenance, not gemcitabine + nab-paclitaxel, after a response to FOLFIRINOX in
        // BRCA-mutated pancreatic cancer; FDA label: Lynparza (olaparib), 2019).
        if patient.inRemission, !item.settings.contains(where: { $0 == .maintenance || $0 == .consolidation }) { return .poor }
        var laterLine = false
        for setting in item.settings {
            switch setting {
            case .after(let drugs):
                let fits = drugs.contains { drug in
                    patient.priorDrugs.contains(drug) || vocabularies.drug(inn: drug).map { patient.priorClasses.contains($0.drugClass) } == true
                }
                if fits { return .fits }
            case .afterAll(let drugs):
                // Every drug of the sequence was given.
                if drugs.allSatisfy({ hadInSequence($0, of: drugs, patient: patient) }) { return .fits }
            case .afterSeveral(let count, let drugs):
                // Distinct drugs the patient had that are listed, or of a listed drug's class.
                let classes = Set(drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass }.filter { !$0.isEmpty })
                let had = patient.priorDrugs.filter { drug in
                    drugs.contains(drug) || vocabularies.drug(inn: drug).map { classes.contains($0.drugClass) } == true
                }
                if had.count >= count { return .fits }
            case .afterLines(let count):
                // Lines the profile lists, or the line it says is starting.
                if Self.linesGiven(patient) >= count { return .fits }
            case .secondLine:
                return .fits
            case .maintenance:
                // In remission after the lines given, maintenance is the line the patient is at; after
                // progression on the last line there is no response to maintain.
                // Bevacizumab maintenance continues bevacizumab given with the induction (GOG-218, ICON7;
                // olaparib with bevacizumab, PAOLA-1: NCCN Ovarian Cancer 2025): without it in the last
                // line, the row does not fit.
                if item.drugs.contains("bevacizumab"), patient.priors.last.map({ !$0.drugs.contains("bevacizumab") }) ?? true { break }
                if patient.inRemission { return .fits }
                if patient.priors.last?.response != .progressive { laterLine = true }
            case .consolidation:
                // Unsaid chemoradiation: a response in a disease not called advanced may be its consolidation.
                if patient.inRemission, !patient.advanced { return .fits }
            case .firstLine, .adjuvant, .neoadjuvant, .chemoradiation:
                break
            }
        }
        return laterLine ? .neutral : .poor
    }

    func rankOptions(hits: [Hit], assessment: ResistanceAssessment, support: SensitivitySupport, patient: PatientContext) -> Ranking {
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
        let progressed = patient.priors.filter { $0.response == .progressive }
        // Asked once: most patients have no targeted regimen they progressed on, and then no option needs its classes.
        let progressedTargeted = progressed.contains { Self.isTargeted(Array($0.drugs), vocabularies) }
        // A BRAF inhibitor with a MEK inhibitor labelled or guideline-given for this disease and allele (curated, level A);
        // asked only when a BRAF inhibitor alone is an option, which few profiles have.
        var brafMEKCurated: Bool?
        let hasBRAFMEKStandard = {
            if let known = brafMEKCurated { return known }
            let found = groups.contains { group in
                group.contains { hit in
                    hit.item.source == .curated && hit.item.level == .a && hit.isOwnDisease && !hit.excluded && self.isBRAFWithMEK(hit.item.drugs)
                }
            }
            brafMEKCurated = found
            return found
        }
        let failedGenerations = progressed.flatMap { prior in
            prior.drugs.compactMap { drug in vocabularies.drug(inn: drug).flatMap { Self.generation(of: $0.drugClass) }.map { (drug, $0) } }
        }
        var otherDiseaseFusionLabels: Set<String> = []
        var progressedClasses: [String: Set<String>] = [:]
        for drug in progressed.flatMap(\.drugs) {
            guard let entry = vocabularies.drug(inn: drug), Self.classDemotionCategories.contains(entry.category), !entry.drugClass.isEmpty else {
                continue
            }
            progressedClasses[entry.drugClass, default: []].insert(drug)
        }
        let absentTargets = Set(
            patient.alterations.lazy.filter { ($0.pattern.kind == .expression && $0.pattern.variant == "negative") || $0.pattern.kind == .deletion }
                .map(\.pattern.gene)
                .filter { Self.targetsNeededOnTheTumour.contains($0) }
        )
        var options: [(key: [Int], name: String, option: TherapyOption)] = []
        var notRecommended: [NotRecommendedOption] = []
        var leads: [(key: [Int], name: String, signal: MatchSignal)] = []
        var classSignals: [MatchSignal] = []
        var ownDisease = false
        var hormonalLeads: Set<String> = []
        var unlabelledCircumstances: Set<String> = []
        // Options placed only by PD-L1 expression at a guideline category below preferred, met only by inference, or
        // known only from CIViC. (A label for an antigen a drug is aimed at, such as GPRC5D for talquetamab, is that
        // drug's own key and keeps its place.)
        var pdl1BelowPreferred: Set<String> = []
        for group in groups {
            let box = group[0].box
            let drugSet = box.drugSet
            // A class of drugs or a procedure is not a regimen a board can give: CIViC's "Platinum
            // Compound" for BRCA1-mutant ovarian cancer (EID1529) says platinum is favoured, and the
            // platinum regimens are ranked from their own rows. It is shown as a signal.
            if let name = box.item.drugs.first(where: { vocabularies.nonDrugKind(of: $0) != nil }) {
                let labels = Array(Set(group.lazy.flatMap { $0.alterations.lazy.map(\.label) })).sorted()
                let kind = vocabularies.nonDrugKind(of: name) == .procedure ? "a procedure" : "a class of drugs"
                classSignals.append(
                    MatchSignal(
                        kind: .drugClass,
                        drugs: box.item.drugs,
                        alteration: labels.isEmpty ? "no biomarker required" : labels.joined(separator: " + "),
                        count: group.count,
                        evidence: group.prefix(10).map(Self.reference),
                        why: "\(name) names \(kind), not a regimen one can give: its level \(group.map(\.item.level).min() ?? box.item.level) "
                            + "evidence is shown beside the options, not ranked"
                    )
                )
                continue
            }
            if let removal = removal(of: group, assessment: assessment, support: support, progressed: progressed, absentTargets: absentTargets) {
                notRecommended.append(removal)
                continue
            }
            if let (reason, why) = contraindication(of: box.item.drugs, patient: patient) {
                notRecommended.append(
                    NotRecommendedOption(drugs: box.item.drugs, reason: reason, why: why, evidence: group.prefix(10).map(Self.reference))
                )
                continue
            }
            if let why = otherSettingReason(group, patient: patient) {
                notRecommended.append(
                    NotRecommendedOption(drugs: box.item.drugs, reason: .otherSetting, why: why, evidence: group.prefix(10).map(Self.reference))
                )
                continue
            }
            var usable = group.contains(where: \.excluded) ? group.filter { !$0.excluded } : group
            // A regimen with both alteration-directed and disease-level rows (belzutifan for VHL-mutant
            // clear cell RCC, and for any RCC after PD-1 and VEGF inhibitors) is placed by whichever
            // reading puts it higher for this patient, and shows that reading's evidence.
            if usable.contains(where: \.item.isDiseaseLevel), usable.contains(where: { !$0.item.isDiseaseLevel }) {
                let directed = usable.filter { !$0.item.isDiseaseLevel }
                let standard = usable.filter(\.item.isDiseaseLevel)
                let standardSlot = placementSlot(standard, patient: patient)
                let directedSlot = placementSlot(directed, patient: patient)
                // A label for this line (venetoclax + rituximab after a BTK inhibitor, FDA label Venclexta
                // 2018) is read as the label, not as the weaker clinical evidence keyed to a gene, unless that
                // evidence is for the patient's very allele.
                let labelFits = standard.contains { Self.tier($0) == .approved && settingFit($0.item, patient: patient) == .fits }
                let directedIsClinical = !directed.contains { Self.tier($0) == .approved } && directedSlot != Slot.specificClinical
                usable = standardSlot < directedSlot || (labelFits && directedIsClinical) ? standard : directed
            }
            // The best tier, then direct before inferred within it.
            var bestTier = RankingTier.preclinical
            for hit in usable { bestTier = min(bestTier, Self.tier(hit)) }
            let inferred = !usable.contains { !$0.inferred && Self.tier($0) == bestTier }
            // Twice a guideline category's rank (preferred 0, recommended 2, certain circumstances 4), 6 for none.
            var preferenceRank = 6
            var preference: GuidelinePreference?
            var fit = SettingFit.poor
            var laterLine = true
            // The hits that place the option: its best tier, met as directly as it can be.
            let placing = usable.filter { $0.inferred == inferred && Self.tier($0) == bestTier }
            let curatedLines = Self.curatedLinesSpeak(placing)
            for hit in placing {
                laterLine = laterLine && isForALaterLine(hit.item, patient: patient)
                // A guideline category speaks for its own setting: an adjuvant preference, or one for
                // a line the patient is not at, does not order options for this patient.
                // A current label with no guideline category in the table comes after "recommended" and before "useful in
                // certain circumstances": lifileucel after anti-PD-1 (FDA label: Amtagvi (lifileucel), 2024) before
                // talimogene laherparepvec, which NCCN Melanoma: Cutaneous 2025 keeps for injectable lesions.
                let labelled = hit.item.source == .curated && hit.item.approval.map { !$0.withdrawn } == true
                if let rank = hit.item.preference.map({ $0.rank * 2 }) ?? (labelled ? 3 : nil), rank < preferenceRank,
                    Self.preferenceApplies(hit.item, patient: patient), settingFit(hit.item, patient: patient) != .poor
                {
                    preferenceRank = rank
                    preference = hit.item.preference
                }
                let hitFit = settingFit(hit.item, patient: patient)
                if hitFit.rank < fit.rank, !curatedLines || hit.item.source == .curated { fit = hitFit }
            }
            let sorted = usable.sorted { a, b in
                (Self.tier(a).rawValue, a.inferred ? 1 : 0, a.item.level.rank, Self.diseaseRank(a), a.specificity.rank, a.item.id) < (
                    Self.tier(b).rawValue, b.inferred ? 1 : 0, b.item.level.rank, Self.diseaseRank(b), b.specificity.rank, b.item.id
                )
            }
            let best = sorted[0]
            let newest = usable.lazy.compactMap { $0.item.approval }.filter { !$0.withdrawn }.map(\.sortKey).max() ?? 0
            // Independent items for this patient: level A/B rows in the patient's disease that do
            // not misfit the setting. Rows for other lines or other diseases say nothing more about
            // this patient (dasatinib's after-imatinib row does not outweigh asciminib in newly
            // diagnosed CML); a trial row for the patient's own allele does (sunitinib for KIT T670I).
            // Curated rows (labels and guidelines, read by a person) are counted when the option
            // has any: CIViC items that restate the trials behind a label measure how much was
            // published, which favours older drugs (imatinib over first-line asciminib in CML).
            let counted = usable.filter {
                $0.inferred == inferred && $0.isOwnDisease && $0.item.level <= .b && self.settingFit($0.item, patient: patient) != .poor
            }
            let curated = counted.contains { $0.item.source == .curated }
            let forPatient = curated ? counted.lazy.filter { $0.item.source == .curated }.count : counted.count
            let drugs = best.item.drugs
            var demoted: String?
            var demotionRank = 1
            // Small cell carcinoma transformed from an EGFR- or ALK-driven adenocarcinoma is treated as small cell lung
            // cancer with platinum-etoposide (NCCN Non-Small Cell Lung Cancer 2025): the adenocarcinoma's targeted rows
            // and checkpoint inhibitors, which added little there (Marcoux et al., J Clin Oncol 2019), follow.
            if patient.smallCellFromDriver {
                if !usable.contains(where: { $0.relation == .same }) {
                    demoted = "its evidence is for the adenocarcinoma the tumour was before its small cell transformation"
                } else if let blocker = drugs.first(where: {
                    ["PD-1 inhibitor", "PD-L1 inhibitor"].contains(vocabularies.drug(inn: $0)?.drugClass ?? "")
                }) {
                    demoted =
                        "\(blocker): checkpoint inhibitors added little in small cell carcinoma transformed from an EGFR- or ALK-driven "
                        + "adenocarcinoma (Marcoux et al., J Clin Oncol 2019)"
                }
            }
            var priorResponse: String?
            if let prior = patient.priors.first(where: { !$0.drugs.isDisjoint(with: drugSet) }) {
                priorResponse = "\(prior.text): \(prior.response?.rawValue ?? "response not given")"
            }
            // Shares a drug with a regimen the patient progressed on, without being that regimen,
            // unless its own row is for use after that drug (trastuzumab continues with tucatinib
            // after trastuzumab-based lines, FDA label: Tukysa (tucatinib), 2020).
            // A glucocorticoid partner (dexamethasone in nearly every myeloma regimen) is a backbone,
            // not the drug the disease escaped: it alone does not demote (NCCN Multiple Myeloma v.2.2026
            // pairs each later-line agent with dexamethasone again). Nor does a supportive drug: leucovorin
            // only modulates fluorouracil, and FOLFIRI follows FOLFOX (NCCN Colon Cancer 2025).
            // In colorectal cancer an anti-VEGF antibody goes on beyond progression with the next chemotherapy (ML18147,
            // Bennouna et al., Lancet Oncol 2013; trifluridine and tipiracil with bevacizumab after it, FDA label:
            // Lonsurf, 2023), so it is a backbone there too.
            let angiogenesisBackbone = patient.disease?.tissue == "Bowel"
            let shared = { (prior: Prior) in
                prior.drugs.intersection(drugSet).filter { drug in
                    let entry = self.vocabularies.drug(inn: drug)
                    if angiogenesisBackbone, entry?.category == "antibody", !Set(entry?.targets ?? []).isDisjoint(with: ["VEGFA", "KDR"]) {
                        return false
                    }
                    return !["steroid", "supportive"].contains(entry?.category ?? "")
                }
            }
            // After a relapse that followed a response (not refractory disease), an antibody against a lineage
            // antigen shared with that regimen is given again: venetoclax + rituximab after FCR or BR (MURANO,
            // Seymour et al., N Engl J Med 2018; NCCN Chronic Lymphocytic Leukemia 2025).
            let reusable = { (prior: Prior) in
                prior.relapsedAfterResponse
                    && shared(prior).allSatisfy { drug in
                        drug.hasSuffix("mab") && !Set(self.vocabularies.drug(inn: drug)?.targets ?? []).isDisjoint(with: Self.lineageAntigens)
                    }
            }
            if let prior = progressed.first(where: { !shared($0).isEmpty && !shared($0).isSubset(of: Self.anticipated(usable)) && !reusable($0) }) {
                demoted = "contains \(shared(prior).sorted().joined(separator: ", ")), part of \(prior.text) the patient progressed on"
            }
            // A drug the patient stopped because it could not be tolerated: the next step is another drug
            // of the class, not the same one again (NCCN Chronic Myeloid Leukemia v.2.2025: intolerance
            // to a first TKI calls for a switch, with nilotinib, bosutinib or asciminib after dasatinib).
            // The endocrine backbone of a combination is not what was stopped: alpelisib with fulvestrant stopped
            // for hyperglycaemia leaves capivasertib with fulvestrant (NCCN Breast Cancer 2025).
            let notTolerated = { (prior: Prior) in
                let hormonal = { (drug: String) in self.vocabularies.drug(inn: drug)?.category == "hormonal" }
                return prior.drugs.allSatisfy(hormonal) ? shared(prior) : shared(prior).filter { !hormonal($0) }
            }
            if demoted == nil, let prior = patient.priors.first(where: { $0.intolerant && !notTolerated($0).isEmpty }) {
                demoted = "contains \(notTolerated(prior).sorted().joined(separator: ", ")), stopped for intolerance (\(prior.text))"
            }
            // A drug or class the disease as written says the patient cannot have ("not a candidate for
            // anthracyclines or bleomycin" in an older patient with Hodgkin lymphoma, where NCCN Hodgkin
            // Lymphoma 2025 turns to brentuximab vedotin-based therapy).
            if demoted == nil, let (drug, term) = avoided(drugs, patient: patient) {
                demoted = "contains \(drug); the disease as written says the patient cannot have \(term)"
            }
            // A patient who wants treatment by mouth only: a regimen with a drug never given orally follows the oral ones
            // (routes from each drug's label, `drug_routes.tsv`). A drug of unknown route decides nothing.
            if demoted == nil, patient.oralOnly,
                let (drug, routes) = drugs.lazy.compactMap({ drug in vocabularies.routes(of: drug).map { (drug, $0) } })
                    .first(where: { !$0.1.routes.contains(.oral) })
            {
                let given = routes.routes.map(\.rawValue).sorted().joined(separator: " or ")
                demoted = "contains \(drug), given \(given) (\(routes.source)); the patient wants treatment by mouth only"
            }
            // A BRAF inhibitor alone where BRAF with MEK inhibition is the curated standard for the disease and allele, and
            // no curated row gives the drug alone here: the doublet improved survival over the single agent (COMBI-v,
            // Robert et al., N Engl J Med 2015), and the guidelines keep monotherapy for when the doublet cannot be given
            // (NCCN Melanoma: Cutaneous 2025; NCCN Thyroid Carcinoma 2025 gives dabrafenib with trametinib for BRAF V600E
            // anaplastic thyroid cancer). Hairy cell leukaemia and Erdheim-Chester disease keep vemurafenib: it is labelled
            // or guideline-given there on its own.
            if demoted == nil, drugs.count == 1, vocabularies.drug(inn: drugs[0])?.drugClass == "BRAF inhibitor", hasBRAFMEKStandard(),
                !usable.contains(where: { $0.item.source == .curated && $0.item.level == .a && $0.isOwnDisease && !$0.excluded }),
                !patient.priors.contains(where: { prior in prior.drugs.contains { self.vocabularies.drug(inn: $0)?.drugClass == "MEK inhibitor" } })
            {
                demoted = "\(drugs[0]) alone, where a BRAF inhibitor with a MEK inhibitor is the standard for this disease and alteration"
            }
            // An earlier generation of a kinase-inhibitor class than one the patient progressed on:
            // the later generation was built to cover what the earlier one misses (crizotinib after
            // alectinib, imatinib after dasatinib, gefitinib after osimertinib; NCCN Non-Small Cell Lung
            // Cancer v.3.2025 and Chronic Myeloid Leukemia v.2.2025 list only later agents there).
            if demoted == nil, !failedGenerations.isEmpty {
                for drug in drugs {
                    guard let own = vocabularies.drug(inn: drug).flatMap({ Self.generation(of: $0.drugClass) }),
                        let failed = failedGenerations.first(where: { $0.1.family == own.family && $0.1.rank > own.rank })
                    else { continue }
                    demoted = "\(drug) is an earlier generation of \(own.family) than \(failed.0), on which the patient progressed"
                    // Below a drug of the failed generation itself (crizotinib after alectinib ranks under brigatinib).
                    demotionRank = 2
                    break
                }
            }
            // Only mechanisms of a targeted regimen the patient progressed on, with other drugs (vemurafenib
            // or encorafenib + binimetinib after dabrafenib + trametinib, NCCN Melanoma: Cutaneous v.2.2025;
            // nivolumab after pembrolizumab), unless its own row is written for use after that regimen.
            // A regimen with a cytotoxic backbone is left out: gilteritinib after 7+3 + midostaurin is the
            // relapse standard (FDA label: Xospata (gilteritinib), 2018).
            if demoted == nil, progressedTargeted, let own = Self.mechanismClasses(drugSet, vocabularies),
                let prior = progressed.first(where: { prior in
                    Self.isTargeted(Array(prior.drugs), vocabularies) && prior.drugs.isDisjoint(with: drugSet)
                        && prior.drugs.isDisjoint(with: Self.anticipated(usable))
                        && own.isSubset(of: Set(prior.drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass }))
                })
            {
                demoted = "works as \(prior.text) does, on which the patient progressed"
            }
            // A targeted drug of the very class of one the patient progressed on (acalabrutinib after
            // zanubrutinib, midostaurin after gilteritinib, niraparib after olaparib), unless its own
            // row is for use after that drug: the shared mechanism shares the resistance (NCCN Chronic
            // Lymphocytic Leukemia/Small Lymphocytic Lymphoma v.1.2026: no switch between covalent BTK
            // inhibitors on progression; NCCN Acute Myeloid Leukemia v.2.2025).
            if demoted == nil, !progressedClasses.isEmpty {
                let anticipated = Self.anticipated(usable)
                // A row of its own for a later line that fits the patient keeps it: gilteritinib after
                // midostaurin (FDA label: Xospata (gilteritinib), 2018), nilotinib for F317L after dasatinib.
                // A row for use after drugs of other classes does not: CDK4/6 inhibitors with fulvestrant
                // after endocrine therapy were tested without prior CDK4/6 inhibition (FDA labels Ibrance
                // 2016, Verzenio 2017; NCCN Breast Cancer 2025 gives no CDK4/6 switch after progression on one).
                let failedClasses = Set(progressedClasses.keys)
                let laterLine = usable.contains { hit in
                    hit.item.settings.contains {
                        switch $0 {
                        case .secondLine, .afterLines: true
                        case .after(let listed), .afterAll(let listed), .afterSeveral(_, let listed):
                            listed.contains { failedClasses.contains(self.vocabularies.drug(inn: $0)?.drugClass ?? "") }
                        default: false
                        }
                    } && settingFit(hit.item, patient: patient) == .fits
                }
                for drug in drugs {
                    // A cell therapy's row for a later line is not for use after another product of its class:
                    // a second anti-CD19 CAR T-cell product after relapse on the first is not a standard option.
                    guard let own = vocabularies.drug(inn: drug), Self.classDemotionCategories.contains(own.category), !own.drugClass.isEmpty,
                        !laterLine || own.category == "cell therapy",
                        let failed = progressedClasses[own.drugClass], !failed.contains(drug), anticipated.isDisjoint(with: failed)
                    else { continue }
                    demoted =
                        "\(drug) is of the class of \(failed.sorted().joined(separator: ", ")) (\(own.drugClass)), on which the patient progressed"
                    break
                }
            }
            // Another drug on the very axis of one the patient progressed on, unless its own row is written for
            // use after that drug: the switch is not a new line (Self.sharedAxes).
            if demoted == nil {
                let anticipated = Self.anticipated(usable)
                for axis in Self.sharedAxes {
                    let failed = Set(progressed.flatMap(\.drugs).filter { axis.classes.contains(vocabularies.drug(inn: $0)?.drugClass ?? "") })
                    guard !failed.isEmpty, anticipated.isDisjoint(with: failed),
                        let drug = drugs.first(where: { !failed.contains($0) && axis.classes.contains(vocabularies.drug(inn: $0)?.drugClass ?? "") })
                    else { continue }
                    demoted = "\(drug) \(axis.acts) as \(failed.sorted().joined(separator: ", ")) did, on which the patient progressed"
                    break
                }
            }
            // A CML drug whose labels do not cover the phase the patient's CML is in: asciminib is
            // labelled for chronic phase only, nilotinib for chronic and accelerated phase.
            if demoted == nil, patient.disease?.code == "CML", let phase = patient.phase, phase != .chronic,
                let drug = drugs.first(where: { Self.cmlPhasesLabelled[$0].map { !$0.contains(phase) } ?? false })
            {
                demoted =
                    "\(drug) is labelled for CML in \(Self.cmlPhasesLabelled[drug, default: []].map(\.rawValue).sorted().joined(separator: " and ")) "
                    + "phase only; the patient's CML is in \(phase.rawValue) phase"
            }
            // Intensive induction for a patient the disease text calls unfit for it: venetoclax with a
            // hypomethylating agent is the label for them (FDA label: Venclexta (venetoclax), 2020, age 75
            // or more or comorbidities precluding intensive induction); midostaurin and quizartinib are
            // labelled only with intensive induction (FDA labels Rydapt 2017, Vanflyta 2023).
            if demoted == nil, patient.unfitForIntensive, Self.isIntensiveInduction(drugSet) {
                demoted = "intensive induction; the disease as written says the patient is unfit for it"
            }
            // Newly diagnosed AML in a patient the disease text calls fit: the regimens labelled for patients
            // 75 or older or unfit for intensive induction (venetoclax or ivosidenib with a hypomethylating
            // agent, gemtuzumab ozogamicin alone; FDA labels Venclexta 2020, Tibsovo 2022, Mylotarg 2017) follow
            // intensive induction (NCCN Acute Myeloid Leukemia 2025).
            if demoted == nil, patient.fitForIntensive, patient.priors.isEmpty, patient.lineOfTherapy ?? 1 == 1,
                let code = patient.disease?.code, code == "AML" || vocabularies.ancestors(of: code).contains("AML"),
                Self.isForUnfitPatients(drugSet)
            {
                demoted = "labelled for patients unfit for intensive induction; the disease as written says the patient is fit"
            }
            // A hypomethylating agent as the first line of a lower-risk MDS: there the anaemia is treated first
            // (erythropoiesis-stimulating agents, luspatercept), and hypomethylating agents follow them or serve
            // higher-risk disease (NCCN Myelodysplastic Syndromes 2025).
            if demoted == nil, patient.lowerRiskMDS, patient.priors.isEmpty,
                drugs.allSatisfy({ vocabularies.drug(inn: $0)?.category == "hypomethylating" })
            {
                demoted = "a hypomethylating agent as the first line of a lower-risk MDS, where the anaemia is treated first"
            }
            // A child or adolescent: a drug labelled only from an older age follows those labelled for
            // the patient's age (ponatinib and asciminib are labelled for adults; dasatinib and imatinib
            // from 1 year for Ph+ ALL and CML: FDA labels Iclusig 2012, Scemblix 2021, Sprycel 2018,
            // Gleevec). Outside the label, not excluded: paediatric protocols use some of them.
            if demoted == nil, let age = patient.age, let (drug, limit) = youngerThanLabel(drugs, age: age) {
                demoted = "\(drug) is labelled from age \(Self.ageText(limit.years)) (\(limit.source)); the patient is \(Self.ageText(age))"
            }
            // In remission after every line: an option whose rows are all for relapsed or refractory
            // disease (second line, after a drug) is for a disease the patient does not have now;
            // menin inhibitors are labelled for relapsed or refractory AML (FDA label: Revuforj
            // (revumenib), 2024/2025), first remission calls for consolidation or maintenance (FDA
            // label: Onureg (azacitidine tablets), 2020).
            if demoted == nil, patient.inRemission,
                usable.filter({ Self.tier($0) == bestTier }).allSatisfy({ hit in
                    !hit.item.settings.isEmpty
                        && hit.item.settings.allSatisfy {
                            switch $0 {
                            case .secondLine, .after, .afterAll, .afterSeveral, .afterLines: true
                            default: false
                            }
                        }
                })
            {
                demoted =
                    "for relapsed or refractory disease; the patient is in remission or responding after \(patient.priors.map(\.text).joined(separator: "; "))"
            }
            let partner = best.alterations.compactMap { $0.pattern.kind == .fusion ? $0.pattern.partner : nil }.first
            let matchedLabels = Array(Set(group.lazy.flatMap { $0.alterations.lazy.map(\.label) })).sorted()
            let option = TherapyOption(
                rank: 0,
                drugs: drugs,
                level: best.item.level,
                diseaseMatch: best.relation,
                alterations: matchedLabels,
                matchSpecificity: best.specificity,
                partner: best.item.profile.components.contains { $0.kind == .fusion && $0.partner == nil } ? partner : nil,
                evidence: sorted.prefix(10).map(Self.reference),
                why: why(best, count: usable.count, tier: bestTier, demoted: demoted),
                priorResponse: priorResponse,
                demoted: demoted,
                tier: bestTier,
                inferred: inferred,
                preference: preference,
                settingFit: fit
            )
            // docs/ranking.md: demotion, tier (with disease-level options placed within it), direct
            // before inferred, guideline preference, fit to the setting, then evidence strength;
            // names break exact ties only.
            let diseaseLevel = usable.allSatisfy { $0.item.isDiseaseLevel || (fit == .poor && Self.isAntigenPresence($0)) }
            let specific = usable.contains {
                $0.inferred == inferred && Self.tier($0) == bestTier && Self.isSpecific($0) && settingFit($0.item, patient: patient) != .poor
            }
            let key = [
                demoted != nil ? demotionRank : 0,
                Self.slot(
                    tier: bestTier,
                    diseaseLevel: diseaseLevel,
                    fit: fit,
                    specific: specific,
                    curated: usable.contains { $0.item.source == .curated && Self.tier($0) == bestTier },
                    laterLine: laterLine,
                    curative: patient.curative != nil
                ),
                inferred ? 1 : 0, preferenceRank,
                // A label written for the patient's blood counts before one that is not: pacritinib for
                // platelets below 50 × 10⁹/L, momelotinib for anaemia (NCCN Myeloproliferative Neoplasms 2025).
                usable.contains { hit in
                    hit.isOwnDisease && hit.item.diseaseStates.contains { $0.isLimitingBloodCount && patient.states.contains($0) }
                } ? 0 : 1,
                // A driver-directed option before one aimed at an antigen most such tumours carry (a
                // PARP inhibitor for BRCA2-altered prostate cancer before PSMA radioligand therapy).
                // Read on the hits that place the option: a CIViC level D row for the patient's ESR1
                // allele does not make fulvestrant, keyed by ER expression, outrank elacestrant.
                fit.rank,
                usable.allSatisfy { ($0.inferred != inferred || Self.tier($0) != bestTier) || $0.item.isDiseaseLevel || Self.isAntigenPresence($0) }
                    ? 1 : 0,
                best.item.level.rank,
                Self.diseaseRank(best),
                best.specificity.rank, curated ? 0 : 1, -forPatient, -newest,
            ]
            ownDisease = ownDisease || usable.contains(where: \.isOwnDisease)
            if usable.allSatisfy({
                $0.relation == .other && $0.item.source == .curated && $0.item.level == .a
                    && $0.box.scopes.allSatisfy { $0 == .fusion || $0 == .fusionPartner }
            }) {
                otherDiseaseFusionLabels.insert(box.optionKey)
            }
            // A regimen with a hormonal partner (fulvestrant, letrozole, enzalutamide), known only from
            // another disease, rests on that disease's receptor (ER in HR-positive breast cancer): a lead,
            // never a ranked option, even when nothing else is known (PIK3CA + fulvestrant regimens in
            // colorectal cancer; FDA label: Piqray (alpelisib), 2019, HR-positive breast cancer).
            if bestTier >= .offLabel, usable.allSatisfy({ $0.relation == .other }),
                drugs.contains(where: { vocabularies.drug(inn: $0)?.category == "hormonal" })
            {
                hormonalLeads.insert(box.optionKey)
            }
            // Known only from another haematologic disease of the same family (avapritinib's
            // mastocytosis label for a KIT D816V in core-binding-factor AML; FL and DLBCL labels for
            // marginal zone lymphoma): a lead beside the patient's own disease's options, since each
            // of these diseases has its own labels and guideline (WHO-HAEM5 2022).
            let siblingLead =
                bestTier >= .offLabel && usable.allSatisfy { isHaematologicSibling($0.item.disease, of: patient.disease) }
            if Self.isOtherDiseaseLead(usable, tier: bestTier) || hormonalLeads.contains(box.optionKey) || siblingLead {
                let diseases = unique(usable.map(\.item.disease.name)).joined(separator: ", ")
                let signal = MatchSignal(
                    kind: .otherDiseaseLead,
                    drugs: drugs,
                    alteration: matchedLabels.joined(separator: " + "),
                    count: usable.count,
                    evidence: option.evidence,
                    why: hormonalLeads.contains(box.optionKey)
                        ? "\(box.optionKey) is known only from \(diseases), another disease, and its hormonal partner acts on that "
                            + "disease's receptor; set apart from the ranked options"
                        : siblingLead
                            ? "\(box.optionKey) is known only from \(diseases), another haematologic disease with its own labels; set apart "
                                + "from the ranked options, which hold evidence in the patient's own disease"
                            : "\(box.optionKey) has only level \(best.item.level) evidence from \(diseases), another disease, that meets "
                                + "\(matchedLabels.joined(separator: " + ")) at gene level; set apart from the ranked options, which hold "
                                + "evidence in the patient's own disease"
                )
                leads.append((key, box.optionKey, signal))
            }
            // Only NCCN's "useful in certain circumstances", with no label behind it (below).
            if placing.allSatisfy({
                $0.item.source == .curated && $0.item.preference == .certainCircumstances && $0.item.approval == nil
            }) {
                unlabelledCircumstances.insert(box.optionKey)
            }
            if [.recommended, .certainCircumstances].contains(option.preference) || inferred
                || !placing.contains(where: { $0.item.source == .curated }),
                placing.allSatisfy({
                    !$0.item.isDiseaseLevel && Self.isAntigenPresence($0) && $0.item.profile.components.allSatisfy { $0.gene == "CD274" }
                })
            {
                pdl1BelowPreferred.insert(box.optionKey)
            }
            options.append((key, box.optionKey, option))
        }
        // Off-label options that repeat an approved option of the patient's own disease for the same
        // alterations (the same drug, or a drug with the same target) are leads too: a glioma-only
        // IDH inhibitor (vorasidenib) beside ivosidenib in AML, or lung-cancer KRAS G12C monotherapy
        // beside adagrasib + cetuximab in colorectal cancer, does not fill the top 3.
        if options.contains(where: { $0.option.tier == .offLabel }), options.contains(where: { $0.option.tier == .approved }) {
            func reach(_ drugs: [String]) -> Set<String> {
                Set(drugs + drugs.flatMap { vocabularies.drug(inn: $0)?.targets.map { "target:\($0)" } ?? [] })
            }
            let approved = options.filter { $0.option.tier == .approved && !$0.option.inferred }.map {
                (labels: Set($0.option.alterations), reach: reach($0.option.drugs))
            }
            let approvedLabels = approved.reduce(into: Set<String>()) { $0.formUnion($1.labels) }
            for entry in options where entry.option.tier == .offLabel && !entry.option.alterations.isEmpty {
                let labels = Set(entry.option.alterations)
                guard labels.isSubset(of: approvedLabels), !leads.contains(where: { $0.name == entry.name }) else { continue }
                let own = reach(entry.option.drugs)
                // The same drug or target; or any drug, when the option rests only on another disease's
                // curated labels keyed to the translocation that defines that disease (MCL's t(11;14)
                // labels for a myeloma with t(11;14); FDA label: Tecartus (brexucabtagene autoleucel), 2020, MCL).
                let definingLesion = otherDiseaseFusionLabels.contains(entry.name)
                guard approved.contains(where: { !labels.isDisjoint(with: $0.labels) && (definingLesion || !own.isDisjoint(with: $0.reach)) })
                else { continue }
                let alteration = entry.option.alterations.joined(separator: " + ")
                let signal = MatchSignal(
                    kind: .otherDiseaseLead,
                    drugs: entry.option.drugs,
                    alteration: alteration,
                    count: entry.option.evidence.count,
                    evidence: entry.option.evidence,
                    why: "\(entry.name) has evidence for \(alteration) only in other diseases, and the patient's own disease has approved "
                        + "options for it; set apart from the ranked options"
                )
                leads.append((entry.key, entry.name, signal))
            }
        }
        // Leads leave the options only when the patient has options in their own disease (or
        // tumour-agnostic ones); otherwise they are all there is, and stay ranked in tier 3 or 4.
        if ownDisease, !leads.isEmpty {
            let names = Set(leads.map(\.name))
            options.removeAll { names.contains($0.name) }
        } else {
            leads.removeAll { !hormonalLeads.contains($0.name) }
            options.removeAll { hormonalLeads.contains($0.name) }
        }
        // A directed option whose guideline category is only "useful in certain circumstances", beside a
        // preferred or recommended directed option for the same alteration that fits the line, is for
        // particular patients (vemurafenib alone for BRAF V600E lung cancer beside the BRAF-MEK pairs, NCCN
        // Non-Small Cell Lung Cancer 2025): the leading standard comes before it.
        let mainstream = options.filter {
            $0.key[0] == 0 && $0.key[1] == Slot.directed && [.preferred, .recommended].contains($0.option.preference)
        }
        // So is one with no label behind it at all when a standard of the disease fits the line: venetoclax with
        // dexamethasone for t(11;14) myeloma follows the anti-CD38 triplets at first relapse (NCCN Multiple
        // Myeloma 2025).
        // Such an option with no label is weighed among the standards by its category, after the labelled ones: after
        // five lines of myeloma the BCMA-directed labels come before it (BELLINI, Kumar et al., Lancet Oncol 2020).
        let standardFits = options.contains { $0.key[0] == 0 && $0.key[1] == Slot.standard && $0.option.settingFit == .fits }
        var amongStandards: Set<String> = []
        // At the first line, an option resting only on PD-L1 expression is weighed among the standards by its guideline
        // category when a preferred standard fits the line, unless it is preferred itself, labelled and met directly:
        // at PD-L1 TPS 1-49% NCCN Non-Small Cell Lung Cancer 2025 prefers pembrolizumab with platinum-pemetrexed, and
        // lists nivolumab + ipilimumab as other recommended and pembrolizumab alone as useful in certain circumstances.
        let preferredStandardFits =
            patient.priors.isEmpty && (patient.lineOfTherapy ?? 1) == 1
            && options.contains {
                $0.key[0] == 0 && $0.key[1] == Slot.standard && $0.option.settingFit == .fits && $0.option.preference == .preferred
            }
        for index in options.indices
        where preferredStandardFits && [Slot.directed, Slot.specificClinical, Slot.clinical].contains(options[index].key[1])
            && pdl1BelowPreferred.contains(options[index].name)
        {
            options[index].key[1] = Slot.standard
            amongStandards.insert(options[index].name)
        }
        // BRAF V600 cutaneous melanoma at the first line: checkpoint immunotherapy first, BRAF-MEK inhibition when a
        // rapid response is needed (symptomatic or bulky disease, raised LDH). Starting with ipilimumab + nivolumab gave
        // longer survival than starting with dabrafenib + trametinib (DREAMseq: Atkins et al., J Clin Oncol 2023;
        // SECOMBIT: Ascierto et al., J Clin Oncol 2023); NCCN Melanoma: Cutaneous 2025. An active autoimmune disease
        // keeps BRAF-MEK first.
        if preferredStandardFits, !patient.needsRapidResponse, !patient.activeAutoimmuneDisease, let code = patient.disease?.code,
            code == "MEL" || vocabularies.ancestors(of: code).contains("MEL"),
            options.contains(where: {
                $0.key[1] == Slot.standard && $0.option.settingFit == .fits && $0.option.preference == .preferred
                    && $0.option.drugs.contains { Self.checkpointClasses.contains(vocabularies.drug(inn: $0)?.drugClass ?? "") }
            })
        {
            for index in options.indices
            where options[index].key[1] == Slot.directed
                && options[index].option.drugs.contains(where: {
                    ["BRAF inhibitor", "MEK inhibitor"].contains(vocabularies.drug(inn: $0)?.drugClass)
                })
            {
                options[index].key[1] = Slot.standard
                amongStandards.insert(options[index].name)
            }
        }
        for index in options.indices
        where options[index].key[1] == Slot.directed && options[index].option.preference == .certainCircumstances {
            if standardFits && unlabelledCircumstances.contains(options[index].name) {
                options[index].key[1] = Slot.standard
                amongStandards.insert(options[index].name)
            } else if mainstream.contains(where: { !Set($0.option.alterations).isDisjoint(with: options[index].option.alterations) }) {
                options[index].key[1] = Slot.directedForAnotherLine
            }
        }
        // A first-line row of a targeted drug let in after other targets (neutral), beside a row of the same drug written
        // for the patient's line: the latter is the choice. After a BTK inhibitor, venetoclax with rituximab, not the
        // first-line venetoclax with obinutuzumab (MURANO; NCCN CLL/SLL 2025).
        let fittingDrugs = Set(options.filter { $0.option.settingFit == .fits }.flatMap(\.option.drugs))
        for index in options.indices
        where options[index].key[1] == Slot.directed && options[index].option.settingFit == .neutral && !patient.priors.isEmpty
            && options[index].option.drugs.contains(where: { fittingDrugs.contains($0) && vocabularies.drug(inn: $0)?.category == "targeted" })
        {
            options[index].key[1] = Slot.directedForAnotherLine
        }
        // The best standard option fitting the patient's line leads the other standards, right after
        // the alteration-directed options that fit.
        // Only a standard of the disease leads, not a directed option weighed among them.
        if let lead = options.indices.filter({ options[$0].key[1] == Slot.standard && !amongStandards.contains(options[$0].name) }).min(by: { a, b in
            options[a].key.lexicographicallyPrecedes(options[b].key) || (options[a].key == options[b].key && options[a].name < options[b].name)
        }) {
            options[lead].key[1] = Slot.leadingStandard
        }
        if patient.qtProlonged { demoteQTWarnedDrugs(&options) }
        options.sort { a, b in a.key.lexicographicallyPrecedes(b.key) || (a.key == b.key && a.name < b.name) }
        options = Self.distinctChoicesFirst(
            options,
            signature: { self.choiceSignature($0.option.drugs) },
            fits: { $0.option.settingFit == .fits },
            preference: { $0.key[3] }
        )
        leads.sort { a, b in a.key.lexicographicallyPrecedes(b.key) || (a.key == b.key && a.name < b.name) }
        // A drug aimed at something the tumour lacks is named too, with the reason, when its rows no longer match.
        // Only curated rows of the patient's disease or one containing it, and only a drug that targets the gene.
        // - An antigen it has lost: brentuximab vedotin for a CD30-negative relapse after BV-CHP (the label is for
        //   CD30-expressing lymphoma; FDA label: Adcetris (brentuximab vedotin)).
        // - A gene tested wild-type, when the rows all need a mutation of it: vemurafenib for a BRAF wild-type
        //   histiocytic neoplasm (FDA label: Zelboraf (vemurafenib), 2017, Erdheim-Chester disease with BRAF V600;
        //   NCCN Histiocytic Neoplasms 2025 gives cobimetinib whatever the mutation). A MEK inhibitor keyed to
        //   BRAF V600E is not named: it does not target BRAF.
        let wildTypeGenes = Set(
            patient.alterations.lazy.filter { $0.pattern.kind == .expression && $0.pattern.variant == "wild-type" }.map(\.pattern.gene)
        )
        let absences = absentTargets.sorted().map { (gene: $0, wildType: false) } + wildTypeGenes.sorted().map { (gene: $0, wildType: true) }
        for absence in absences {
            for position in index.evidenceByGene[absence.gene] ?? [] {
                guard let box = index.evidence[position], box.item.source == .curated, box.item.significance == .sensitivity,
                    [.same, .related].contains(relation(of: box.item.disease, to: patient.disease))
                        || Self.isNamedVariant(patient.disease, of: box.item.disease.oncotree.flatMap { vocabularies.disease(code: $0) }),
                    !absence.wildType || box.item.profile.components.allSatisfy({ $0.gene == absence.gene && Self.mutationKinds.contains($0.kind) }),
                    !notRecommended.contains(where: { $0.drugs == box.item.drugs }),
                    !options.contains(where: { $0.option.drugs == box.item.drugs }),
                    let drug = box.item.drugs.first(where: { vocabularies.drug(inn: $0)?.targets.contains(absence.gene) == true })
                else { continue }
                let why =
                    absence.wildType
                    ? "\(drug) is directed at mutant \(absence.gene) (\(box.item.profile.name) in \(box.item.disease.name)); the patient's "
                        + "tumour is \(absence.gene) wild-type"
                    : "\(drug) is directed at \(absence.gene), which the patient's tumour does not express"
                notRecommended.append(NotRecommendedOption(drugs: box.item.drugs, reason: .targetNotExpressed, why: why, evidence: []))
            }
        }
        // A regimen labelled only for tumours wild-type for a gene the patient's tumour has mutated: FOLFOX with
        // panitumumab or FOLFIRI with cetuximab for a KRAS- or NRAS-mutant colorectal cancer (FDA labels: Vectibix
        // (panitumumab), Erbitux (cetuximab): RAS wild-type only; NCCN Colon Cancer 2025). A KRAS wild-type row
        // needs NRAS wild-type too: the labels say RAS.
        var mutatedGenes: [String: String] = [:]
        for alteration in patient.alterations where Self.mutationKinds.contains(alteration.pattern.kind) {
            mutatedGenes[alteration.pattern.gene] = mutatedGenes[alteration.pattern.gene] ?? alteration.label
        }
        for (gene, family) in Self.wildTypeFamilies {
            guard let label = family.lazy.compactMap({ mutatedGenes[$0] }).first else { continue }
            for position in index.evidenceByGene[gene] ?? [] {
                guard let box = index.evidence[position], box.item.source == .curated, box.item.significance == .sensitivity,
                    [.same, .related].contains(relation(of: box.item.disease, to: patient.disease)),
                    box.item.profile.components.allSatisfy({ $0.gene == gene && $0.kind == .expression && $0.variant == "wild-type" }),
                    !notRecommended.contains(where: { $0.drugs == box.item.drugs })
                else { continue }
                options.removeAll { $0.option.drugs == box.item.drugs }
                let why = "labelled for \(gene) wild-type tumours (\(box.item.citation.label ?? box.item.id)); the patient's tumour has \(label)"
                notRecommended.append(NotRecommendedOption(drugs: box.item.drugs, reason: .labelExcluded, why: why, evidence: []))
            }
        }
        return Ranking(
            options: options.enumerated().map { position, entry in
                var option = entry.option
                option.rank = position + 1
                return option
            },
            notRecommended: notRecommended,
            leads: leads.map(\.signal) + classSignals
        )
    }

    /// A board weighs distinct choices: regimens that differ only by which PD-1 or PD-L1 antibody joins the same
    /// backbone, or by which fluoropyrimidine carries it (CAPOX or FOLFOX), or by the member of another class of
    /// alternatives (``choiceSignature(_:)``), are one choice, listed as alternatives of one
    /// category (NCCN Gastric Cancer 2025; NCCN Esophageal and Esophagogastric Junction Cancers 2025). Only the first
    /// of them keeps its place among the first three; the others follow the next distinct option, when that option fits
    /// the patient's line (an option for a later line is not pulled up by it) and the guideline prefers it as much (the
    /// "other recommended" chemotherapy alone does not pass the preferred chemo-immunotherapy variants of dMMR endometrial
    /// cancer, NCCN Uterine Neoplasms 2025). `preference` ranks an entry's guideline preference, lower first.
    static func distinctChoicesFirst<Entry>(
        _ entries: [Entry],
        signature: (Entry) -> String?,
        fits: (Entry) -> Bool,
        preference: (Entry) -> Int = { _ in 0 }
    ) -> [Entry] {
        var first: [Entry] = []
        var deferred: [Entry] = []
        var seen: Set<String> = []
        var position = 0
        while position < entries.count, first.count < 3 {
            let entry = entries[position]
            // A variant set aside comes back before an option that does not fit the line.
            if !deferred.isEmpty, !fits(entry) {
                first.append(deferred.removeFirst())
                continue
            }
            position += 1
            if let key = signature(entry) {
                // Only a repeated choice looks ahead for the next distinct one.
                if seen.contains(key), let next = entries[position...].first(where: { signature($0).map { !seen.contains($0) } ?? true }),
                    fits(next), preference(next) <= preference(entry)
                {
                    deferred.append(entry)
                    continue
                }
                seen.insert(key)
            }
            first.append(entry)
        }
        return first + deferred + entries[position...]
    }

    /// The choice a regimen stands for when it is one of several alternatives of one category: its drugs with the
    /// PD-1/PD-L1 antibody, the aromatase inhibitor, the PARP inhibitor, the androgen-signalling inhibitor and the
    /// fluoropyrimidine named by class (leucovorin only modulates fluorouracil, prednisone only accompanies
    /// abiraterone). NCCN lists these as interchangeable members of one option: anti-PD-1 or anti-PD-L1 monotherapy
    /// (NCCN Non-Small Cell Lung Cancer 2025), a CDK4/6 inhibitor with any aromatase inhibitor (NCCN Breast Cancer 2025),
    /// a PARP inhibitor with an androgen-receptor pathway inhibitor and an ARPI alone (NCCN Prostate Cancer 2025). Nil
    /// for a regimen with none of these classes.
    func choiceSignature(_ drugs: [String]) -> String? {
        var found = false
        let parts = drugs.compactMap { drug -> String? in
            let drugClass = vocabularies.drug(inn: drug)?.drugClass ?? ""
            if let name = Self.interchangeableClasses.first(where: { drugClass.hasPrefix($0.prefix) })?.name {
                found = true
                return name
            }
            if drug == "leucovorin" || drug == "prednisone" || drug == "prednisolone" { return nil }
            if drug == "fluorouracil" || drug == "capecitabine" { return "fluoropyrimidine" }
            return drug
        }
        return found ? parts.sorted().joined(separator: "+") : nil
    }

    /// Vocabulary classes whose members are alternatives within one choice, by class prefix.
    static let interchangeableClasses: [(prefix: String, name: String)] = [
        ("PD-1 inhibitor", "checkpoint antibody"), ("PD-L1 inhibitor", "checkpoint antibody"),
        ("aromatase inhibitor", "aromatase inhibitor"), ("PARP inhibitor", "PARP inhibitor"),
        ("androgen receptor inhibitor, 2nd generation", "androgen signalling inhibitor"),
        ("androgen biosynthesis inhibitor", "androgen signalling inhibitor"),
    ]

    /// Alteration kinds that are mutations of a gene, as opposed to its expression, copy number or a fusion.
    static let mutationKinds: Set<AlterationKind> = [.proteinChange, .dnaChange, .internalTandemDuplication, .exon, .mutation]

    /// A disease named as a variant of another ("Hairy Cell Leukemia-Variant" of "Hairy Cell Leukemia"), which OncoTree
    /// files elsewhere (WHO 2022 renamed it splenic B-cell lymphoma/leukaemia with prominent nucleoli). A board weighs the
    /// drugs of the disease it is named for, so a drug aimed at a target the variant lacks is named with its reason
    /// (BRAF V600E is absent from HCL variant; Tiacci et al., N Engl J Med 2011; NCCN Hairy Cell Leukemia 2025).
    static func isNamedVariant(_ disease: Disease?, of other: Disease?) -> Bool {
        guard let name = disease?.name, let base = other?.name, name.count > base.count else { return false }
        return name.lowercased().hasPrefix(base.lowercased() + "-variant") || name.lowercased().hasPrefix(base.lowercased() + " variant")
    }

    /// A prolonged QTc: a regimen with a drug whose label warns of QT prolongation follows an option aimed at the same
    /// target without such a warning (`drug_qt_warnings.tsv`, each with its label): larotrectinib before entrectinib for
    /// an NTRK fusion, olutasidenib before ivosidenib for IDH1-mutant AML. With no such option the drug keeps its place
    /// under the monitoring its label asks for (selpercatinib for RET-mutant medullary thyroid cancer, where pralsetinib's
    /// indication was withdrawn; FDA label: Retevmo (selpercatinib), 2020). `key[0]` is the demotion slot.
    func demoteQTWarnedDrugs(_ options: inout [(key: [Int], name: String, option: TherapyOption)]) {
        let target = { (drug: String) in self.vocabularies.drug(inn: drug)?.targets.first }
        let qtFreeTargets = Set(
            options.lazy.filter { $0.key[0] == 0 && $0.option.drugs.allSatisfy { self.qtWarning(of: $0) == nil } }
                .flatMap { $0.option.drugs.compactMap(target) }
        )
        for index in options.indices where options[index].key[0] == 0 {
            guard
                let (drug, warning) = options[index].option.drugs.lazy.compactMap({ drug in self.qtWarning(of: drug).map { (drug, $0) } })
                    .first(where: { entry in target(entry.0).map { qtFreeTargets.contains($0) } ?? false })
            else { continue }
            let demoted = "contains \(drug), whose label warns of QT prolongation (\(warning.source)); the patient's QTc is prolonged"
            options[index].key[0] = 1
            options[index].option.demoted = demoted
            options[index].option.why += "; ranked down: " + demoted
        }
    }

    /// The QT-prolongation warning of a drug's label, leaving androgen deprivation aside: the warning is the class's, and
    /// every prostate regimen carries it.
    func qtWarning(of drug: String) -> QTWarning? {
        vocabularies.drug(inn: drug)?.category == "hormonal" ? nil : vocabularies.qtWarning(of: drug)
    }

    /// A BRAF inhibitor with a MEK inhibitor in one regimen (dabrafenib + trametinib, encorafenib + binimetinib).
    func isBRAFWithMEK(_ drugs: [String]) -> Bool {
        let classes = Set(drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass })
        return classes.contains("BRAF inhibitor") && classes.contains("MEK inhibitor")
    }

    /// A gene whose wild-type a label asks for, and the genes whose mutation breaks it: the anti-EGFR antibody labels
    /// ask for RAS wild-type, KRAS and NRAS alike (FDA labels: Vectibix (panitumumab), 2014; Erbitux (cetuximab), 2021).
    static let wildTypeFamilies: [(gene: String, family: [String])] = [("KRAS", ["KRAS", "NRAS"]), ("NRAS", ["NRAS", "KRAS"])]

    /// Antigens an antibody, antibody-drug conjugate, T-cell engager or CAR T-cell therapy must
    /// find on the tumour: labels that require the antigen (FDA labels: Vyloy (zolbetuximab), 2024,
    /// CLDN18.2; Elahere (mirvetuximab soravtansine), 2022, FRα; Pluvicto, 2022, PSMA; Lutathera,
    /// 2018, SSTR; Tecelra (afamitresgene autoleucel), 2024, MAGE-A4), and B-cell, plasma-cell and
    /// myeloid antigens whose loss is how disease escapes the therapy directed at them (CD19-negative
    /// relapse after CD19 CAR T cells or blinatumomab, Orlando et al., Nat Med 2018; BCMA loss after
    /// anti-BCMA therapy, Samur et al., Nat Commun 2021). PD-L1 is not here: PD-L1 blockade is
    /// labelled for PD-L1-negative tumours too, and PD-L1 rows say where it is not.
    static let targetsNeededOnTheTumour: Set<String> = [
        "CD19", "CD22", "CD33", "MS4A1", "TNFRSF8", "TNFRSF17", "GPRC5D", "CD38", "CCR4", "IL3RA", "CLDN18", "FOLR1", "FOLH1", "SSTR2", "MAGEA4",
    ]

    /// Why a drug set leaves the options, if it does: a drug aimed at an antigen the tumour lacks,
    /// harm, resistance evidence for its regimen or a class rule (unless the set has its own strong
    /// evidence for the resisting alteration), progression on it, or a label that excludes the
    /// patient's disease.
    private func removal(
        of group: [Hit],
        assessment: ResistanceAssessment,
        support: SensitivitySupport,
        progressed: [Prior],
        absentTargets: Set<String>
    ) -> NotRecommendedOption? {
        let box = group[0].box
        let drugSet = box.drugSet
        let drugs = box.item.drugs
        // A drug aimed at an antigen the tumour was found not to express has nothing to bind.
        for drug in drugs where !absentTargets.isEmpty {
            guard let entry = vocabularies.drug(inn: drug),
                ["antibody", "antibody-drug conjugate", "cell therapy", "immunotherapy", "radiopharmaceutical"].contains(entry.category),
                let target = entry.targets.first(where: { absentTargets.contains($0) })
            else { continue }
            return NotRecommendedOption(
                drugs: drugs,
                reason: .targetNotExpressed,
                why: "\(drug) is directed at \(target), which the patient's tumour does not express",
                evidence: []
            )
        }
        let listed = drugs.joined(separator: " + ")
        for harm in assessment.contraindications where harm.drugSet.isSubset(of: drugSet) {
            return NotRecommendedOption(
                drugs: drugs,
                reason: .contraindicated,
                why: "\(harm.labels.joined(separator: " + ")): \(harm.drugs.joined(separator: " + ")) is contraindicated "
                    + "(\(citationText(harm.hits[0].item)))",
                evidence: harm.hits.prefix(10).map(Self.reference)
            )
        }
        // Resistance to a regimen reaches the regimens that contain it, except one with its own
        // level A/B evidence for the resisting alteration (encorafenib + cetuximab for BRAF V600E
        // colorectal cancer against anti-EGFR monotherapy resistance).
        for resistance in assessment.regimens where resistance.drugSet.isSubset(of: drugSet) {
            if resistance.drugSet != drugSet, support.supports(box.optionKey, anyOf: resistance.labels, atLeast: .b) { continue }
            // Uncurated resistance of one drug never sets aside a regimen containing it that a label or guideline
            // makes standard for this patient, when the resistance is preclinical (CIViC level D or E: in-vitro
            // daunorubicin resistance of FLT3-ITD cells, EID130, PMID:15626738) or is a cytotoxic's poorer outcome
            // with a marker (RUNX1-mutant AML does worse on cytarabine, Gaidzik 2011, CIViC EID411, PMID:21343560). Such markers
            // are prognostic: ELN 2022 counts RUNX1 as adverse risk and still gives 7+3-based induction (NCCN Acute
            // Myeloid Leukemia 2025). Nor does uncurated resistance below level A set aside a regimen a label or guideline
            // makes standard (level A) for this patient: BRAF V600E "resistance to bevacizumab" (CIViC level B, Souglakos
            // et al., Br J Cancer 2009, a poorer outcome) against FOLFOXIRI with bevacizumab, which NCCN Colon Cancer 2025
            // gives for BRAF V600E disease. The alert itself is still shown, with its level.
            if resistance.drugSet != drugSet, resistance.hits.allSatisfy({ $0.item.source != .curated }) {
                let preclinical = resistance.hits.allSatisfy { $0.item.level >= .d }
                let cytotoxic = resistance.drugs.allSatisfy { vocabularies.drug(inn: $0)?.category == "chemotherapy" }
                let belowA = resistance.hits.allSatisfy { $0.item.level >= .b }
                if preclinical && support.supportsAny(box.optionKey, atLeast: .b, curatedOnly: true)
                    || (cytotoxic || belowA) && support.supportsAny(box.optionKey, atLeast: .a, curatedOnly: true)
                {
                    continue
                }
            }
            // A negative finding that puts one regimen outside its label (PD-L1 below 1 % for pembrolizumab
            // alone, FDA label: Keytruda (pembrolizumab), 2019) says nothing of the combinations labelled
            // whatever PD-L1 is (with carboplatin and a taxane in squamous lung cancer, KEYNOTE-407).
            if resistance.drugSet != drugSet, resistance.hits.allSatisfy({ $0.alterations.allSatisfy { Self.isNegativeFinding($0.pattern) } }) {
                continue
            }
            let best = resistance.hits.min { $0.item.level < $1.item.level }!
            return NotRecommendedOption(
                drugs: drugs,
                reason: .resistance,
                why: "\(resistance.labels.joined(separator: " + ")) confers resistance to \(resistance.drugs.joined(separator: " + ")) "
                    + "(level \(best.item.level), \(citationText(best.item)))",
                evidence: resistance.hits.prefix(10).map(Self.reference)
            )
        }
        // Class rules act per drug, and never sink a regimen with its own level A evidence for
        // the alteration behind the rule.
        for drug in drugs {
            guard let rule = assessment.classDrugs[drug] else { continue }
            if drugs.count > 1, support.supports(box.optionKey, anyOf: rule.labels, atLeast: .a) { continue }
            return NotRecommendedOption(
                drugs: drugs,
                reason: .resistance,
                why: "class rule against \(drug): \(rule.note)",
                evidence: []
            )
        }
        for prior in progressed {
            // The same regimen, a regimen containing it, or one of its drugs alone. A regimen containing it
            // whose own row is written for use after it stays: FLAG-IDA is the salvage for AML relapsing
            // after cytarabine consolidation (NCCN Acute Myeloid Leukemia 2025).
            let salvage = prior.drugs != drugSet && prior.drugs.isSubset(of: Self.anticipated(group))
            if !salvage, prior.drugs == drugSet || prior.drugs.isSubset(of: drugSet) || (drugSet.count == 1 && prior.drugs.isSuperset(of: drugSet)) {
                return NotRecommendedOption(
                    drugs: drugs,
                    reason: .progressedOn,
                    why: "the patient progressed on \(prior.text)",
                    evidence: []
                )
            }
            // One of its mechanisms alone, by another drug of the same class, after a targeted regimen:
            // vemurafenib after dabrafenib + trametinib (NCCN Melanoma: Cutaneous v.2.2025), gefitinib
            // after erlotinib, niraparib after olaparib. Not after a cytotoxic backbone (gilteritinib
            // after 7+3 + midostaurin, FDA label: Xospata (gilteritinib), 2018).
            if drugSet.count == 1, let own = Self.mechanismClasses(drugSet, vocabularies), Self.isTargeted(Array(prior.drugs), vocabularies),
                own.isSubset(of: Set(prior.drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass })),
                prior.drugs.isDisjoint(with: Self.anticipated(group))
            {
                return NotRecommendedOption(
                    drugs: drugs,
                    reason: .progressedOn,
                    why: "the patient progressed on \(prior.text), which works the same way (\(own.sorted().joined(separator: ", ")))",
                    evidence: []
                )
            }
        }
        // A withdrawn approval no longer stands: without other level A/B evidence in the
        // patient's disease (an active label, a guideline, a trial), the regimen is not offered.
        if let withdrawn = group.first(where: { $0.item.approval?.withdrawn == true && !$0.excluded }) {
            // Only curated rows, which track approval status, keep it standing: CIViC and case
            // reports describe the trials the withdrawn approval rested on (infigratinib's phase 2
            // series in FGFR2-fused cholangiocarcinoma, PMID:29182496).
            let standing = group.contains {
                $0.item.source == .curated && $0.item.approval?.withdrawn != true && !$0.excluded && !$0.inferred && $0.item.level <= .b
                    && $0.isOwnDisease
            }
            if !standing {
                let date = withdrawn.item.approval?.withdrawnDate.map { " on \($0)" } ?? ""
                return NotRecommendedOption(
                    drugs: drugs,
                    reason: .withdrawn,
                    why: "\(listed): the approval behind it (\(citationText(withdrawn.item))) was withdrawn\(date)",
                    evidence: group.filter { $0.item.approval?.withdrawn == true }.prefix(10).map(Self.reference)
                )
            }
        }
        let excluded = group.filter(\.excluded)
        if !excluded.isEmpty {
            // The label excludes this disease, and no level A/B evidence in the disease says otherwise. Evidence
            // from elsewhere in the lineage speaks against the label only when curated: a CIViC row for systemic
            // mastocytosis as a whole kept midostaurin, labelled for advanced SM only (FDA label: Rydapt
            // (midostaurin), 2017), among the options for indolent SM.
            let ownStrong = group.contains {
                !$0.excluded && !$0.inferred && $0.item.level <= .b
                    && ($0.relation == .same || ($0.relation == .related && $0.item.source == .curated))
            }
            if !ownStrong {
                let label = excluded.min { $0.item.level < $1.item.level }!
                return NotRecommendedOption(
                    drugs: drugs,
                    reason: .labelExcluded,
                    why: "\(listed): the \(citationText(label.item)) indication excludes \(label.item.excludedDiseases.joined(separator: ", ")), "
                        + "which covers the patient's disease",
                    evidence: excluded.prefix(10).map(Self.reference)
                )
            }
        }
        return nil
    }

    private func why(_ hit: Hit, count: Int, tier: RankingTier, demoted: String?) -> String {
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
        if item.isDiseaseLevel {
            // No alteration met: the row is for the disease itself.
            text += "; a standard option for the disease, whatever its alterations"
            if !item.ruledOutBy.isEmpty { text += " (none of the patient's rules it out)" }
        } else {
            text += "; patient's "
            text += hit.alterations.count == 1 ? hit.alterations[0].label : unique(hit.alterations.map(\.label)).joined(separator: " + ")
        }
        if item.isDiseaseLevel {
        } else if hit.inferred {
            text += " (inferred: less specific than the evidence)"
        } else {
            switch hit.specificity {
            case .exact: text += " (exact match)"
            case .codon: text += " (same codon)"
            case .region: text += " (same region)"
            case .gene: text += " (gene-level match)"
            case .disease: break
            }
        }
        text += "; tier \(tier.rawValue)"
        if count > 1 { text += "; \(count - 1) more evidence item(s)" }
        let reports = index.caseReports(claimingLike: hit.box)
        if reports > KnowledgeIndex.caseReportsPerClaim { text += "; \(reports) case reports make this claim" }
        if let demoted {
            text += "; ranked down: "
            text += demoted
        }
        return text
    }
}
