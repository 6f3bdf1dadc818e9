import CaseboardCore

/// One alteration read from a genomic file, in the words the matcher parses.
public struct GenomicAlteration: Sendable, Hashable, Codable {
    /// The sample (tumour barcode) it was found in.
    public var sample: String
    /// "KRAS G12D", "EML4::ALK fusion", "ERBB2 amplification": `Alteration.label` of the parsed input.
    public var alteration: String
    /// The HGNC gene it is filed under (for a fusion, the gene the vocabulary files fusions under).
    public var gene: String
    /// The 1-based line of the input it came from.
    public var line: Int
    /// Variant allele fraction, when the file gives it.
    public var alleleFraction: Double?
    /// Read depth at the site, when the file gives it.
    public var depth: Int?

    enum CodingKeys: String, CodingKey {
        case sample, alteration, gene, line, depth
        case alleleFraction = "allele_fraction"
    }

    public init(sample: String, alteration: String, gene: String, line: Int, alleleFraction: Double? = nil, depth: Int? = nil) {
        self.sample = sample
        self.alteration = alteration
        self.gene = gene
        self.line = line
        self.alleleFraction = alleleFraction
        self.depth = depth
    }
}

/// Why a well-formed record gave no alteration. Every record read is either annotated or counted here.
public enum NotAnnotatableReason: String, Error, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Variant_Classification or consequence says no protein change (Silent, Intron, UTR, flank...).
    case nonProteinChange = "non_protein_change"
    /// A coding class but no protein or cDNA change column with a value.
    case noProteinChange = "no_protein_change"
    /// A splice-site variant with no cDNA change to name it by.
    case spliceWithoutHGVSc = "splice_site_without_hgvsc"
    /// A VCF record whose FILTER is not PASS (read with `includeAllFilters` to keep it).
    case filtered
    /// A raw VCF record at no bundled hotspot: it needs VEP or SnpEff to be annotated.
    case notAnnotatableWithoutVEP = "not_annotatable_without_vep"
    /// A VCF sample whose genotype carries no alternate allele.
    case notCalledInSample = "not_called_in_sample"
    /// A copy-number call that is neither a deep deletion nor an amplification (−1, 0, 1).
    case noCopyNumberChange = "no_copy_number_change"
    /// An amplified or deleted segment that covers no gene of the bundled gene-position table
    /// (``GenePositionTable``: known-variant spans of some genes, not whole-gene coordinates), so
    /// Caseboard has no gene coordinates to call it by.
    case noGeneCoordinates = "no_gene_coordinates"
    /// The gene symbol is not a known HGNC gene.
    case unknownGene = "unknown_gene"
    /// The gene is known but the change is not one Caseboard reads.
    case unreadableVariant = "unreadable_variant"
    /// A fusion text that names no two genes.
    case unreadableFusion = "unreadable_fusion"
    /// A clinical row whose ONCOTREE_CODE is not an OncoTree code.
    case unknownOncoTreeCode = "unknown_oncotree_code"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a read did with its input: every record is read, then annotated, not annotatable (by reason), or malformed.
public struct ReadSummary: Sendable, Hashable, Codable {
    public var file: String
    /// Records (data rows, VCF record × sample, or matrix cells) read.
    public var read = 0
    public var annotated = 0
    public var notAnnotatable: [NotAnnotatableReason: Int] = [:]
    /// Malformed rows, each also a warning.
    public var malformed = 0
    /// The first warnings (at most ``maximumWarnings``), located by file and line; `malformed` counts them all.
    public var warnings: [Diagnostic] = []
    /// Every sample the file names, in first-seen order, with or without alterations.
    public var samples: [String] = []
    /// What the counts alone do not say, such as how segments were turned into gene calls; ends ``line``.
    public var notes: [String] = []
    var sampleSet: Set<String> = []
    /// Row-level output only: the reasons and warning of the line being read.
    var tracksRows = false
    var rowReasons: [NotAnnotatableReason] = []
    var rowWarning: String?

    /// Warnings kept in memory; beyond this only the count grows, so memory stays flat.
    public static let maximumWarnings = 200

    enum CodingKeys: String, CodingKey {
        case file, read, annotated, malformed, warnings, samples, notes
        case notAnnotatable = "not_annotatable"
    }

    public init(file: String) {
        self.file = file
    }

    /// Records that gave no alteration for a known reason.
    public var notAnnotatableTotal: Int { notAnnotatable.values.reduce(0, +) }

    mutating func skip(_ reason: NotAnnotatableReason) {
        notAnnotatable[reason, default: 0] += 1
        if tracksRows { rowReasons.append(reason) }
    }

    mutating func warn(line: Int, _ message: String) {
        malformed += 1
        if tracksRows { rowWarning = message }
        if warnings.count < Self.maximumWarnings {
            warnings.append(.warning(message, file: file, position: SourcePosition(offset: 0, line: line, column: 1)))
        }
    }

    /// "read 10, annotated 7, not annotatable 2 (non_protein_change 2), malformed 1".
    public var line: String {
        var text = "\(file): read \(read), annotated \(annotated), not annotatable \(notAnnotatableTotal)"
        if !notAnnotatable.isEmpty {
            text += " (" + notAnnotatable.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + ")"
        }
        text += ", malformed \(malformed)"
        return notes.isEmpty ? text : text + "; " + notes.joined(separator: "; ")
    }
}

extension ReadSummary {
    /// Records a sample seen in the file, in first-seen order.
    mutating func note(sample: String) {
        if sampleSet.insert(sample).inserted { samples.append(sample) }
    }
}

/// One input line and what became of it: the unit of row-level output, which keeps the input columns
/// untouched and in order and appends the annotation.
public struct GenomicRow: Sendable, Hashable {
    /// What the line is to its file.
    public enum Kind: Sendable, Hashable {
        /// A comment, a blank line or a VCF meta line before the header.
        case preamble
        /// The column header (`#CHROM` for a VCF).
        case header
        /// A record (or a comment between records).
        case data
    }

    public var kind: Kind
    /// The 1-based line number.
    public var line: Int
    /// The line as read, without its end-of-line.
    public var text: String
    /// The alterations the line gave (several for a multi-sample VCF record or a copy-number matrix row).
    public var alterations: [GenomicAlteration] = []
    /// Why parts of the line gave no alteration.
    public var reasons: [NotAnnotatableReason] = []
    /// The warning when the line was malformed.
    public var warning: String?

    public init(kind: Kind, line: Int, text: String) {
        self.kind = kind
        self.line = line
        self.text = text
    }
}
