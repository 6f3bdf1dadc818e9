/// Where a fact was found: byte offsets into the original input and the exact text there.
public struct Evidence: Sendable, Codable, Hashable {
    /// Byte offsets into the original input (after gzip decompression).
    public var start: Int
    public var end: Int
    /// The input text at `start..<end`, quoted exactly.
    public var text: String
    public var section: SectionKind

    public init(start: Int, end: Int, text: String, section: SectionKind) {
        self.start = start
        self.end = end
        self.text = text
        self.section = section
    }
}

/// A case report read into structured, time-ordered facts about one patient.
///
/// Its JSON form keeps the extraction contract: `document`, `patient`, `diagnoses`,
/// `alterations`, `therapies`, `adverse_events`, `resistance`, plus spans, procedures, outcome
/// and a timeline.
public struct CaseRecord: Sendable, Codable, Hashable {
    /// The input's file name (or `pmid:N` for a PubMed record).
    public var document: String
    public var title: String?
    public var metadata: DocumentMetadata
    public var patient: Patient
    public var diagnoses: [Diagnosis]
    /// Non-cancer conditions named only in the patient's past history that the reported course
    /// never returns to ("a history of gout and asthma"): kept, with spans, apart from `diagnoses`.
    public var comorbidities: [Diagnosis]
    public var alterations: [Alteration]
    public var therapies: [TherapyLine]
    public var adverseEvents: [AdverseEvent]
    public var resistance: [ResistanceEvent]
    public var procedures: [Procedure]
    public var outcome: Outcome?
    public var timeline: [TimelineEvent]
    public var warnings: [String]
    /// Every entity mention in the document, when asked for (`--all-mentions`).
    public var mentions: [EntityMention]?

    enum CodingKeys: String, CodingKey {
        case document, title, metadata, patient, diagnoses, comorbidities, alterations, therapies, resistance, procedures, outcome, timeline,
            warnings, mentions
        case adverseEvents = "adverse_events"
    }

    public init(
        document: String,
        title: String? = nil,
        metadata: DocumentMetadata = DocumentMetadata(),
        patient: Patient = Patient(),
        diagnoses: [Diagnosis] = [],
        comorbidities: [Diagnosis] = [],
        alterations: [Alteration] = [],
        therapies: [TherapyLine] = [],
        adverseEvents: [AdverseEvent] = [],
        resistance: [ResistanceEvent] = [],
        procedures: [Procedure] = [],
        outcome: Outcome? = nil,
        timeline: [TimelineEvent] = [],
        warnings: [String] = []
    ) {
        self.document = document
        self.title = title
        self.metadata = metadata
        self.patient = patient
        self.diagnoses = diagnoses
        self.comorbidities = comorbidities
        self.alterations = alterations
        self.therapies = therapies
        self.adverseEvents = adverseEvents
        self.resistance = resistance
        self.procedures = procedures
        self.outcome = outcome
        self.timeline = timeline
        self.warnings = warnings
    }
}

public struct Patient: Sendable, Codable, Hashable {
    /// Whole years at presentation; 0 for infants.
    public var age: Int?
    public var sex: Sex?
    public var spans: [Evidence]

    public init(age: Int? = nil, sex: Sex? = nil, spans: [Evidence] = []) {
        self.age = age
        self.sex = sex
        self.spans = spans
    }
}

public enum Sex: String, Sendable, Codable, Hashable {
    case male
    case female
}

public struct Diagnosis: Sendable, Codable, Hashable {
    /// The name as the text gives it, lowercased.
    public var name: String
    /// The OncoTree code; nil for non-cancer conditions.
    public var oncotree: String?
    /// The vocabulary code: the OncoTree code or a `COND:` code.
    public var code: String
    public var canonicalName: String
    public var spans: [Evidence]

    enum CodingKeys: String, CodingKey {
        case name, oncotree, code, spans
        case canonicalName = "canonical_name"
    }

    public init(name: String, oncotree: String?, code: String, canonicalName: String, spans: [Evidence] = []) {
        self.name = name
        self.oncotree = oncotree
        self.code = code
        self.canonicalName = canonicalName
        self.spans = spans
    }
}

/// A molecular finding that is present in the patient's tumour.
public struct Alteration: Sendable, Codable, Hashable {
    /// HGNC symbol; for a fusion, the 3' kinase partner (ALK, ROS1, NTRK1, ABL1...).
    public var gene: String
    /// `D835H`, `ITD`, `c.1088+1G>A`, `fusion`, `amplification`, `exon 19 deletion`, or `mutation`.
    public var variant: String
    public var kind: AlterationKind
    /// The other gene of a fusion, when named.
    public var partner: String?
    /// Variant allele frequency or allelic ratio, as a fraction, when given.
    public var alleleFraction: Double?
    public var spans: [Evidence]

    enum CodingKeys: String, CodingKey {
        case gene, variant, kind, partner, spans
        case alleleFraction = "allele_fraction"
    }

    public init(gene: String, variant: String, kind: AlterationKind, partner: String? = nil, alleleFraction: Double? = nil, spans: [Evidence] = []) {
        self.gene = gene
        self.variant = variant
        self.kind = kind
        self.partner = partner
        self.alleleFraction = alleleFraction
        self.spans = spans
    }

    /// "FLT3 D835H", "EML4::ALK fusion", "ERBB2 amplification".
    public var label: String {
        switch kind {
        case .fusion: partner.map { "\($0)::\(gene) fusion" } ?? "\(gene) fusion"
        default: "\(gene) \(variant)"
        }
    }
}

/// The kinds of alteration Caseboard distinguishes; matching uses them for its hierarchy.
public enum AlterationKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A protein change such as D835H.
    case proteinChange = "protein_change"
    /// A cDNA or splice change such as c.1088+1G>A.
    case dnaChange = "dna_change"
    case internalTandemDuplication = "itd"
    /// An exon-level event: "exon 19 deletion", "exon 14 skipping", "exon 11 mutation".
    case exon
    case fusion
    case amplification
    case deletion
    case expression
    /// A mutation the text does not specify.
    case mutation
}
