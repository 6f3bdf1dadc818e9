import Foundation

/// The one rule for which gene a fusion is filed under, shared by extraction, the knowledge
/// importers and patient profiles, so that "ETV6-RUNX1" in a case report, "RUNX1::ETV6" in a
/// profile and "t(12;21)" in a karyotype all land on the same gene.
///
/// The rule, in order, is the same whichever order or notation (`A-B`, `A::B`, `A/B`,
/// `A–B`) the genes are written in:
/// 1. A kinase or growth-factor driver (``kinaseDrivers``) is filed: the drug targets it
///    (`EML4::ALK` → ALK, `BCR::ABL1` → ABL1, `ETV6::NTRK3` → NTRK3). When both genes are
///    kinases, the one earlier in ``kinaseDrivers`` is filed.
/// 2. A promiscuous 5' driver that defines its disease whatever the partner (``promiscuousDrivers``:
///    `KMT2A`, `NUP98`) is filed: `KMT2A::AFF1` → KMT2A, as menin-inhibitor labels name it.
/// 3. A recurrent non-kinase fusion with a canonical name (``canonicalFusions``) is filed under
///    the 3' gene of that name: `PML::RARA` → RARA, `RUNX1::RUNX1T1` → RUNX1T1,
///    `ETV6::RUNX1` → RUNX1, `EWSR1::FLI1` → FLI1. Immunoglobulin loci are never filed.
/// 4. Otherwise a gene in ``otherDrivers`` is filed (the earlier one if both are).
/// 5. Otherwise, with neither gene known, the symbol that sorts first is filed: arbitrary,
///    but the same for both orders.
///
/// Canonical names follow the HGNC gene-fusion recommendations (Bruford et al., Leukemia
/// 2021;35:3040, doi:10.1038/s41375-021-01436-6) and the fusions WHO-HAEM5 names (Khoury et
/// al., Leukemia 2022;36:1703).
public enum FusionDrivers {
    /// Kinases and growth-factor genes whose fusions drugs target, strongest claim first.
    /// Sources: FDA labels for imatinib (BCR::ABL1, PDGFRA/B), crizotinib and lorlatinib (ALK,
    /// ROS1), larotrectinib 2018 and entrectinib 2019 (NTRK1-3), selpercatinib 2020 (RET),
    /// pemigatinib 2020 and futibatinib 2022 (FGFR2), erdafitinib 2019 (FGFR3), pemigatinib
    /// 2022 (FGFR1 myeloid/lymphoid neoplasms), zenocutuzumab 2024 (NRG1), tovorafenib 2024
    /// (BRAF fusions), repotrectinib 2023 (ROS1, NTRK).
    public static let kinaseDrivers: [String] = [
        "ABL1", "ABL2", "ALK", "ROS1", "RET", "NTRK1", "NTRK2", "NTRK3", "FGFR1", "FGFR2", "FGFR3", "PDGFRA", "PDGFRB", "JAK2",
        "NRG1", "BRAF", "RAF1", "MET", "EGFR", "ERBB2", "ERBB4", "FLT3", "CSF1R", "LTK", "PIK3CA", "MAP3K8", "SYK", "TYK2",
    ]

    /// 5' genes that drive their disease with any of many partners; filed whatever the partner.
    /// Source: FDA revumenib label 2024 (KMT2A translocation, any partner); WHO-HAEM5 2022
    /// (AML with KMT2A and with NUP98 rearrangement, any partner).
    public static let promiscuousDrivers: [String] = ["KMT2A", "NUP98"]

    /// Recurrent non-kinase fusions by canonical 5'::3' name; the 3' gene is filed.
    /// Source: WHO-HAEM5 2022 (haematological fusions); WHO Classification of Soft Tissue and
    /// Bone Tumours, 5th ed., 2020 (sarcoma fusions).
    public static let canonicalFusions: [(five: String, three: String)] = [
        ("PML", "RARA"), ("RUNX1", "RUNX1T1"), ("ETV6", "RUNX1"), ("CBFB", "MYH11"), ("TCF3", "PBX1"), ("DEK", "NUP214"),
        ("SET", "NUP214"), ("RBM15", "MRTFA"), ("EWSR1", "FLI1"), ("EWSR1", "ERG"), ("EWSR1", "WT1"), ("EWSR1", "ATF1"),
        ("SS18", "SSX1"), ("SS18", "SSX2"), ("PAX3", "FOXO1"), ("PAX7", "FOXO1"), ("TMPRSS2", "ERG"), ("BRD4", "NUTM1"),
        ("ASPSCR1", "TFE3"), ("COL1A1", "PDGFB"), ("NAB2", "STAT6"), ("FUS", "DDIT3"), ("MYB", "NFIB"), ("CIC", "DUX4"),
        ("BCOR", "CCNB3"), ("YAP1", "TFE3"), ("WWTR1", "CAMTA1"), ("NPM1", "MLF1"), ("PICALM", "MLLT10"),
    ]

    /// Other genes that carry a fusion's meaning, filed when the partner is none of the above.
    /// Genes that are usually the 3' half of a recurrent fusion come first.
    public static let otherDrivers: [String] = [
        "RARA", "RUNX1T1", "MYH11", "PBX1", "NUP214", "FLI1", "ERG", "SSX1", "SSX2", "FOXO1", "NUTM1", "TFE3", "TFEB", "STAT6",
        "DDIT3", "NFIB", "PDGFB", "BCL2", "BCL6", "MYC", "CCND1", "RUNX1", "ETV6", "EWSR1", "FUS", "CRLF2", "P2RY8",
        // CSF1 rearrangements (COL6A3::CSF1) drive tenosynovial giant cell tumour, the target of
        // CSF1R inhibitors (FDA label: Turalio (pexidartinib), 2019).
        "CSF1",
    ]

    /// Loci that deregulate a partner rather than fuse with it; never the filed gene.
    public static let immunoglobulinLoci: Set<String> = ["IGH", "IGK", "IGL"]

    /// Recurrent translocations and the fusion each makes, filed by the same rule.
    /// Source: WHO-HAEM5 2022; WHO Soft Tissue and Bone Tumours 2020.
    public static let translocations: [String: (String, String)] = [
        "t(9;22)": ("BCR", "ABL1"), "t(15;17)": ("PML", "RARA"), "t(8;21)": ("RUNX1", "RUNX1T1"), "t(12;21)": ("ETV6", "RUNX1"),
        "t(11;22)": ("EWSR1", "FLI1"), "t(X;18)": ("SS18", "SSX1"), "t(2;5)": ("NPM1", "ALK"), "t(12;15)": ("ETV6", "NTRK3"),
        "t(4;11)": ("KMT2A", "AFF1"), "t(9;11)": ("KMT2A", "MLLT3"), "t(1;19)": ("TCF3", "PBX1"), "t(14;18)": ("IGH", "BCL2"),
        "t(11;14)": ("IGH", "CCND1"), "t(8;14)": ("IGH", "MYC"), "inv(16)": ("CBFB", "MYH11"), "t(16;16)": ("CBFB", "MYH11"),
        "t(6;9)": ("DEK", "NUP214"), "t(2;13)": ("PAX3", "FOXO1"), "t(12;16)": ("FUS", "DDIT3"), "inv(2)": ("EML4", "ALK"),
        // Myeloid/lymphoid neoplasms with eosinophilia (WHO-HAEM5 2022; NCCN MLN-Eo v.2.2025), DFSP
        // and alveolar soft part sarcoma (WHO Soft Tissue and Bone Tumours 2020).
        "t(5;12)": ("ETV6", "PDGFRB"), "t(8;13)": ("ZMYM2", "FGFR1"), "t(8;22)": ("BCR", "FGFR1"), "t(8;9)": ("PCM1", "JAK2"),
        "t(17;22)": ("COL1A1", "PDGFB"),
        "t(X;17)": ("ASPSCR1", "TFE3"),
        // T-cell prolymphocytic leukaemia: inv(14)(q11q32) or t(14;14) puts TCL1A under the T-cell
        // receptor alpha locus (WHO-HAEM5 2022).
        "inv(14)": ("TRA", "TCL1A"), "t(14;14)": ("TRA", "TCL1A"),
        // Further KMT2A partners (WHO-HAEM5 2022: KMT2A-rearranged AML) and the myeloma IGH translocation
        // t(4;14), which puts NSD2 (and FGFR3) under the IGH enhancer (IMWG risk stratification).
        "t(6;11)": ("KMT2A", "AFDN"), "t(10;11)": ("KMT2A", "MLLT10"), "t(11;19)": ("KMT2A", "MLLT1"), "t(4;14)": ("IGH", "NSD2"),
    ]

    /// How a fusion was filed, and by which step of the rule.
    public struct Filing: Sendable, Hashable {
        /// The gene the fusion is filed under; evidence and cases are keyed by it.
        public var gene: String
        /// The other gene, if any.
        public var partner: String?
        public var rule: Rule
    }

    /// The step of the rule that decided a filing.
    public enum Rule: String, Sendable, Hashable, Codable {
        case kinase
        case promiscuousDriver = "promiscuous_driver"
        case canonicalName = "canonical_name"
        case otherDriver = "other_driver"
        case alphabetical
        case singleGene = "single_gene"
    }

    private static let kinaseRank = Dictionary(uniqueKeysWithValues: kinaseDrivers.enumerated().map { ($1, $0) })
    private static let otherRank = Dictionary(uniqueKeysWithValues: otherDrivers.enumerated().map { ($1, $0) })
    private static let canonical: [Pair: String] = Dictionary(
        canonicalFusions.map { (Pair($0.five, $0.three), $0.three) },
        uniquingKeysWith: { first, _ in first }
    )

    private struct Pair: Hashable {
        let low: String
        let high: String
        init(_ a: String, _ b: String) { (low, high) = a < b ? (a, b) : (b, a) }
    }

    /// Files the fusion of two genes, given in either order.
    public static func file(_ first: String, _ second: String) -> Filing {
        func filing(_ gene: String, _ rule: Rule) -> Filing {
            Filing(gene: gene, partner: gene == first ? second : first, rule: rule)
        }
        if first == second { return Filing(gene: first, partner: nil, rule: .singleGene) }
        switch (kinaseRank[first], kinaseRank[second]) {
        case (let a?, let b?): return filing(a <= b ? first : second, .kinase)
        case (.some, nil): return filing(first, .kinase)
        case (nil, .some): return filing(second, .kinase)
        case (nil, nil): break
        }
        if let driver = promiscuousDrivers.first(where: { $0 == first || $0 == second }) { return filing(driver, .promiscuousDriver) }
        if let three = canonical[Pair(first, second)] { return filing(three, .canonicalName) }
        if immunoglobulinLoci.contains(first) != immunoglobulinLoci.contains(second) {
            return filing(immunoglobulinLoci.contains(first) ? second : first, .otherDriver)
        }
        switch (otherRank[first], otherRank[second]) {
        case (let a?, let b?): return filing(a <= b ? first : second, .otherDriver)
        case (.some, nil): return filing(first, .otherDriver)
        case (nil, .some): return filing(second, .otherDriver)
        case (nil, nil): return filing(min(first, second), .alphabetical)
        }
    }

    /// True when a gene named alone with a fusion word ("ALK rearrangement", "KMT2A-r",
    /// "RET-positive") is itself the filed gene of its fusions.
    public static func isDriver(_ symbol: String) -> Bool {
        kinaseRank[symbol] != nil || promiscuousDrivers.contains(symbol) || otherRank[symbol] != nil
    }

    /// True when the gene is a kinase filed as the driver of its fusions (ALK, ROS1, FGFR3, ...).
    public static func isKinaseDriver(_ symbol: String) -> Bool { kinaseRank[symbol] != nil }

    /// True for a kinase moved next to an immunoglobulin locus (t(4;14) IGH::FGFR3 in myeloma): the enhancer
    /// drives the whole, unfused kinase, so evidence for its chimeric kinase fusions (FGFR3::TACC3 and
    /// erdafitinib) does not carry over (Chesi et al., Nat Genet 1997; WHO-HAEM5 2022).
    public static func isImmunoglobulinJuxtaposition(gene: String, partner: String?) -> Bool {
        guard let partner else { return false }
        return immunoglobulinLoci.contains(partner) && isKinaseDriver(gene)
    }

    /// The fusion a translocation makes, filed by the same rule ("t(9;22)" → ABL1 with BCR).
    /// `notation` is the short form the variant scanner writes, without band detail.
    public static func translocation(_ notation: String) -> Filing? {
        translocations[notation].map { file($0.0, $0.1) }
    }
}
