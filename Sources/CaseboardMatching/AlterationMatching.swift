import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// Codon ranges of the exons and named regions that evidence rows refer to. Boundaries are
/// those of the canonical transcripts; a change inside a range meets a region-level row.
enum GeneRegions {
    static let ranges: [String: [String: ClosedRange<Int>]] = [
        "FLT3": ["TKD": 835...842],
        "EGFR": ["exon 18": 688...728, "exon 19": 729...761, "exon 20": 762...823, "exon 21": 824...875],
        "KIT": ["exon 9": 449...514, "exon 11": 550...591, "exon 13": 627...664, "exon 17": 788...828],
        "PDGFRA": ["exon 12": 552...596, "exon 18": 814...854],
        "BRAF": ["exon 15": 581...620],
        "KRAS": ["exon 2": 10...37, "exon 3": 38...97],
        "NRAS": ["exon 2": 10...37, "exon 3": 38...97],
        "ERBB2": ["exon 20": 770...831],
    ]

    /// The codon range of an exon-level or named-region pattern, if known.
    static func range(of pattern: AlterationPattern) -> ClosedRange<Int>? {
        let table = ranges[pattern.gene]
        if pattern.variant == "TKD" { return table?["TKD"] }
        guard let exon = pattern.exon else { return nil }
        return table?["exon \(exon)"]
    }
}

enum AlterationMatching {
    /// How specifically the patient's alteration meets an evidence pattern, or nil if it does not.
    /// `allowUnspecified` lets a patient's unspecified "mutation" meet a specific row at gene
    /// level; used for sensitivity, never for resistance.
    static func specificity(patient: AlterationPattern, evidence: AlterationPattern, allowUnspecified: Bool) -> MatchSpecificity? {
        guard patient.gene == evidence.gene else { return nil }
        if let special = special(patient: patient, component: evidence, allowInferred: allowUnspecified) { return special.match?.specificity }
        switch evidence.kind {
        case .fusion:
            guard patient.kind == .fusion else { return nil }
            // An immunoglobulin enhancer next to an unfused kinase meets only rows that name that locus.
            if FusionDrivers.isImmunoglobulinJuxtaposition(gene: patient.gene, partner: patient.partner), evidence.partner != patient.partner {
                return nil
            }
            if let partner = evidence.partner {
                if patient.partner == partner { return .exact }
                return patient.partner == nil ? .gene : nil
            }
            return patient.partner == nil ? .exact : .gene
        case .amplification, .deletion:
            return patient.kind == evidence.kind ? .exact : nil
        case .expression:
            return patient.kind == .expression && patient.variant.lowercased() == evidence.variant.lowercased() ? .exact : nil
        case .mutation:
            switch patient.kind {
            case .proteinChange, .dnaChange, .internalTandemDuplication, .exon, .mutation: break
            default: return nil
            }
            return patient.kind == .mutation ? .exact : .gene
        case .internalTandemDuplication:
            if patient.kind == .internalTandemDuplication { return .exact }
            return patient.kind == .mutation && allowUnspecified ? .gene : nil
        case .dnaChange:
            if patient.kind == .dnaChange && patient.variant == evidence.variant { return .exact }
            return patient.kind == .mutation && allowUnspecified ? .gene : nil
        case .proteinChange:
            if patient.kind == .mutation { return allowUnspecified ? .gene : nil }
            guard patient.kind == .proteinChange, let position = evidence.position, patient.position == position else { return nil }
            if evidence.alternate == nil { return patient.alternate == nil ? .exact : .codon }
            return patient.alternate == evidence.alternate ? .exact : .codon
        case .exon:
            if patient.kind == .exon && patient.variant == evidence.variant { return .exact }
            if patient.kind == .mutation { return allowUnspecified ? .gene : nil }
            let anyEvent = evidence.variant.hasSuffix("mutation") || evidence.variant == "TKD"
            if patient.kind == .exon, patient.exon != nil, patient.exon == evidence.exon, anyEvent { return .region }
            guard patient.kind == .proteinChange, let position = patient.position, let range = GeneRegions.range(of: evidence),
                range.contains(position)
            else { return nil }
            let alternate = patient.alternate ?? ""
            if evidence.variant.hasSuffix("deletion") {
                return alternate.contains("del") && !alternate.contains("ins") || alternate.contains("delins") ? .region : nil
            }
            if evidence.variant.hasSuffix("insertion") { return alternate.contains("ins") || alternate.contains("dup") ? .region : nil }
            return anyEvent ? .region : nil
        }
    }
}

/// How a patient's alteration met an evidence component within the row's scope.
struct ScopedMatch {
    var specificity: MatchSpecificity
    /// The patient's alteration is less specific than the row ("KRAS mutation" against a G12C
    /// row): a match by inference.
    var inferred: Bool
}

extension AlterationMatching {
    /// Whether the patient's alteration lies within the component's scope (direct), or is less
    /// specific than it (inferred; only when `allowInferred`). An `allele` scope never meets a
    /// sibling allele.
    static func scoped(
        patient: AlterationPattern,
        component: AlterationPattern,
        scope: AlterationScope,
        allowInferred: Bool
    ) -> ScopedMatch? {
        guard patient.gene == component.gene else { return nil }
        if let special = special(patient: patient, component: component, allowInferred: allowInferred) { return special.match }
        let unspecified = patient.kind == .mutation && component.kind != .mutation
        switch scope {
        case .allele:
            switch component.kind {
            case .proteinChange:
                if patient.kind == .proteinChange, patient.position == component.position {
                    if patient.alternate == component.alternate { return ScopedMatch(specificity: .exact, inferred: false) }
                    // "KRAS G12" is less specific than G12C; "G12D" is a sibling and never matches,
                    // whether the scope was stated or derived (CIViC's G12C rows are allele-selective too).
                    guard allowInferred, patient.alternate == nil else { return nil }
                    return ScopedMatch(specificity: .codon, inferred: true)
                }
                return unspecified && allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil
            case .dnaChange:
                if patient.kind == .dnaChange, patient.variant == component.variant { return ScopedMatch(specificity: .exact, inferred: false) }
                return unspecified && allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil
            default:
                break
            }
        case .codon:
            if component.kind == .proteinChange, let position = component.position {
                if patient.kind == .proteinChange, patient.position == position {
                    return ScopedMatch(specificity: patient.alternate == component.alternate ? .exact : .codon, inferred: false)
                }
                return unspecified && allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil
            }
        case .mutation:
            switch patient.kind {
            case .proteinChange, .dnaChange, .internalTandemDuplication, .exon:
                return ScopedMatch(specificity: component.kind == .mutation ? .gene : .codon, inferred: false)
            case .mutation:
                return ScopedMatch(specificity: .exact, inferred: false)
            default:
                return nil
            }
        case .fusion:
            guard patient.kind == .fusion else { return nil }
            if FusionDrivers.isImmunoglobulinJuxtaposition(gene: patient.gene, partner: patient.partner), component.partner != patient.partner {
                return nil
            }
            return ScopedMatch(specificity: patient.partner == nil || patient.partner == component.partner ? .exact : .gene, inferred: false)
        case .fusionPartner:
            guard patient.kind == .fusion else { return nil }
            if patient.partner == component.partner { return ScopedMatch(specificity: .exact, inferred: false) }
            return patient.partner == nil && allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil
        case .region, .amplification, .deletion, .expression, .signature:
            break
        case .disease:
            // A disease-level row has no alteration to meet.
            return nil
        }
        // The pattern itself says what it covers (regions, copy number, expression, signatures).
        guard let specificity = specificity(patient: patient, evidence: component, allowUnspecified: allowInferred) else { return nil }
        if unspecified { return allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil }
        return ScopedMatch(specificity: specificity, inferred: false)
    }
}

extension AlterationMatching {
    /// The answer for alterations whose meaning the ordinary kinds do not carry, or nil when
    /// neither side is one: `match` is then the whole answer (nil: no match).
    struct Special {
        var match: ScopedMatch?
    }

    /// PD-L1 by combined positive score: CPS 1 to 9 meets rows for PD-L1 expression (CPS 1 or more,
    /// the gastric and cervical labels) but not rows at CPS 10 or more (triple-negative breast cancer,
    /// FDA label: Keytruda (pembrolizumab), 2020); expression written without its score meets a CPS 10
    /// row only by inference, ranked below direct matches. The tumour proportion score works the same way at 50%
    /// (the lung monotherapy labels; FDA label: Keytruda (pembrolizumab), 2016): TPS 1 to 49% meets expression rows,
    /// not TPS 50% rows; a score unwritten meets them by inference. Nil for every other pair.
    static func pdl1Score(patient: AlterationPattern, component: AlterationPattern, allowInferred: Bool) -> Special? {
        guard patient.gene == "CD274", patient.kind == .expression, component.kind == .expression else { return nil }
        switch (patient.variant, component.variant) {
        case (Alteration.pdl1CombinedScoreOneToNine, "overexpression"):
            return Special(match: ScopedMatch(specificity: .exact, inferred: false))
        case (Alteration.pdl1CombinedScoreOneToNine, Alteration.pdl1CombinedScoreTen):
            return Special(match: nil)
        case ("overexpression", Alteration.pdl1CombinedScoreTen), ("overexpression", Alteration.pdl1ProportionScoreFifty),
            (Alteration.pdl1ProportionScoreOneToFortyNine, Alteration.pdl1CombinedScoreTen):
            return Special(match: allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil)
        case (Alteration.pdl1ProportionScoreOneToFortyNine, "overexpression"):
            return Special(match: ScopedMatch(specificity: .exact, inferred: false))
        case (Alteration.pdl1ProportionScoreOneToFortyNine, Alteration.pdl1ProportionScoreFifty),
            (Alteration.pdl1CombinedScoreOneToNine, Alteration.pdl1ProportionScoreFifty):
            return Special(match: nil)
        default:
            return nil
        }
    }

    /// Reversions meet only reversions: a BRCA reversion restores the gene, so it never counts as
    /// the loss-of-function mutation a PARP inhibitor row is about, and a reversion row never
    /// meets the original mutation (Edwards et al., Nature 2008;451:1111).
    ///
    /// HLA alleles meet by field: a row for the allele group (`*02`) covers every allele of it
    /// (`*02:01`, `*02:06`); a row for one allele (`*02:01`) covers that allele written at higher
    /// resolution (`*02:01:01`); a patient typed at lower resolution than the row (`*02` against
    /// `*02:01`) meets it only by inference (HLA nomenclature, Marsh et al., Tissue Antigens 2010;75:291).
    static func special(patient: AlterationPattern, component: AlterationPattern, allowInferred: Bool) -> Special? {
        if patient.isReversion || component.isReversion {
            return Special(match: patient.isReversion && component.isReversion ? ScopedMatch(specificity: .exact, inferred: false) : nil)
        }
        if let scored = pdl1Score(patient: patient, component: component, allowInferred: allowInferred) { return scored }
        guard let row = component.hlaFields else {
            return patient.isHLAAllele ? Special(match: nil) : nil
        }
        guard let typed = patient.hlaFields else { return Special(match: nil) }
        let shared = min(row.count, typed.count)
        guard Array(row.prefix(shared)) == Array(typed.prefix(shared)) else { return Special(match: nil) }
        if typed.count >= row.count {
            return Special(match: ScopedMatch(specificity: typed.count == row.count ? .exact : .codon, inferred: false))
        }
        return Special(match: allowInferred ? ScopedMatch(specificity: .gene, inferred: true) : nil)
    }
}
