import CaseboardCore

/// An alteration in the structured form matching compares: gene, kind, and where known the
/// codon and new residue, the exon or named region, and a fusion partner.
///
/// Patient alterations and evidence rows both become patterns, so "FLT3 D835H" can meet
/// "FLT3 D835Y" (same codon), "FLT3 TKD" (region) and "FLT3 mutation" (gene).
public struct AlterationPattern: Sendable, Codable, Hashable {
    public var gene: String
    public var kind: AlterationKind
    /// The normalized label: `D835H`, `D835` (any change at codon 835), `ITD`, `TKD`,
    /// `exon 19 deletion`, `fusion`, `amplification`, `mutation`.
    public var variant: String
    public var partner: String?
    /// The codon of a protein change.
    public var position: Int?
    /// The new residue(s) of a protein change; nil when the pattern means any change at the codon.
    public var alternate: String?
    /// The exon of an exon-level event.
    public var exon: Int?

    public init(
        gene: String,
        kind: AlterationKind,
        variant: String,
        partner: String? = nil,
        position: Int? = nil,
        alternate: String? = nil,
        exon: Int? = nil
    ) {
        self.gene = gene
        self.kind = kind
        self.variant = variant
        self.partner = partner
        self.position = position
        self.alternate = alternate
        self.exon = exon
    }

    /// The pattern of an extracted or parsed alteration.
    public init(_ alteration: Alteration) {
        self.init(gene: alteration.gene, kind: alteration.kind, variant: alteration.variant, partner: alteration.partner)
        switch alteration.kind {
        case .proteinChange:
            // "D835H" → 835, "H"; "D835" → 835, any; "E746_A750del" → 746, "_A750del".
            let scalars = Array(alteration.variant.unicodeScalars)
            var index = 1
            var digits = ""
            while index < scalars.count, scalars[index].properties.numericType != nil {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            position = Int(digits)
            let rest = String(String.UnicodeScalarView(scalars[min(index, scalars.count)...]))
            alternate = rest.isEmpty ? nil : rest
        case .exon:
            let words = alteration.variant.split(separator: " ")
            if words.count >= 2, words[0] == "exon" { exon = Int(words[1]) }
        default:
            break
        }
    }

    /// "FLT3 D835H", "EML4::ALK fusion", "ERBB2 amplification".
    public var label: String {
        switch kind {
        case .fusion: partner.map { "\($0)::\(gene) fusion" } ?? "\(gene) fusion"
        default: "\(gene) \(variant)"
        }
    }

    /// A reversion ("BRCA1 reversion"): a secondary change that restores the gene's function. It
    /// meets only evidence about reversions, and such evidence meets only a reversion.
    public var isReversion: Bool { kind == .mutation && variant == "reversion" }

    /// An HLA allele ("HLA-A *02:01"), a germline type that T-cell receptor drugs require.
    public var isHLAAllele: Bool { gene.hasPrefix("HLA-") && variant.hasPrefix("*") }

    /// The fields of an HLA allele ("*02:01" → ["02", "01"]), or nil.
    public var hlaFields: [Substring]? {
        isHLAAllele ? variant.dropFirst().split(separator: ":") : nil
    }

    /// True for a mutation class such as "FLT3 mutation" that any sequence change of the gene
    /// satisfies.
    public var isGeneLevel: Bool {
        (kind == .mutation && !isReversion) || (kind == .fusion && partner == nil) || kind == .amplification || kind == .deletion
            || kind == .expression
    }
}

/// How specifically a patient's alteration met an evidence pattern, most specific first.
public enum MatchSpecificity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// The same variant ("D835H" = "D835H"; "EML4::ALK" = "EML4::ALK").
    case exact
    /// The same codon with another or any change ("D835H" ~ "D835Y", "D835").
    case codon
    /// The named region or exon that holds the change ("D835H" in "FLT3 TKD").
    case region
    /// The gene-level class ("FLT3 mutation", "ALK fusion" for any partner).
    case gene
    /// No alteration: a disease-level row, met through the patient's disease alone.
    case disease

    public var rank: Int {
        switch self {
        case .exact: 0
        case .codon: 1
        case .region: 2
        case .gene: 3
        case .disease: 4
        }
    }

    public static func < (lhs: MatchSpecificity, rhs: MatchSpecificity) -> Bool { lhs.rank < rhs.rank }
}
