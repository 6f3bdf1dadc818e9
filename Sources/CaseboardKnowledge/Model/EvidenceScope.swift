import CaseboardCore
import Foundation

/// What an evidence row's alteration covers. A patient's alteration meets a row directly only
/// inside this scope; a patient alteration less specific than the row meets it by inference.
public enum AlterationScope: String, Sendable, Codable, Hashable, CaseIterable {
    /// Only this exact allele: allele-selective drugs (KRAS G12C inhibitors) never meet a sibling
    /// allele at the same codon.
    case allele
    /// Any change at the codon (BRAF V600).
    case codon
    /// A named region or exon (FLT3 TKD, EGFR exon 19 deletion, KIT exon 11).
    case region
    /// Oncogenic or activating mutations of the gene.
    case mutation
    /// A fusion with any partner.
    case fusion
    /// A fusion with the named partner only.
    case fusionPartner = "fusion-partner"
    case amplification
    case deletion
    /// Protein expression (IHC 3+, overexpression).
    case expression
    /// A genomic signature (MSI-H, TMB-H, HRD).
    case signature
    /// No alteration: a standard option for the disease itself (a label or guideline that names
    /// no biomarker), for every patient with the disease unless an alteration in
    /// ``EvidenceItem/ruledOutBy`` is present.
    case disease

    /// Genes the alteration parser uses for genomic signatures (IGHV: its mutation status in CLL).
    static let signatureGenes: Set<String> = ["MSI", "TMB", "MMR", "HRD", "IGHV"]

    /// The scope a pattern implies when its source states none: a protein change with a new
    /// residue is an allele, one without is a codon, an exon or region event is a region.
    public init(deriving pattern: AlterationPattern) {
        if Self.signatureGenes.contains(pattern.gene) {
            self = .signature
            return
        }
        switch pattern.kind {
        case .proteinChange: self = pattern.alternate == nil ? .codon : .allele
        case .dnaChange: self = .allele
        case .internalTandemDuplication, .exon: self = .region
        case .mutation: self = .mutation
        case .fusion: self = pattern.partner == nil ? .fusion : .fusionPartner
        case .amplification: self = .amplification
        case .deletion: self = .deletion
        case .expression: self = .expression
        }
    }
}

/// A state of a disease that labels and guidelines are written for apart from the line of therapy:
/// prostate cancer's castration sensitivity and spread (darolutamide is labelled for non-metastatic
/// castration-resistant and for metastatic castration-sensitive disease, not for metastatic
/// castration-resistant disease: FDA label: Nubeqa (darolutamide), 2019, 2022, 2025), and ovarian
/// cancer's platinum sensitivity (FDA label: Elahere (mirvetuximab soravtansine), 2022, for
/// platinum-resistant disease). Blood counts that labels are written for count too: pacritinib is for
/// myelofibrosis with platelets below 50 × 10⁹/L (FDA label: Vonjo (pacritinib), 2022), momelotinib for
/// myelofibrosis with anaemia (FDA label: Ojjaara (momelotinib), 2023). Eligibility for autologous
/// transplant splits newly diagnosed myeloma: daratumumab with VRd is labelled for transplant-eligible
/// patients (FDA label: Darzalex Faspro (daratumumab), 2024, PERSEUS), daratumumab with Rd and isatuximab
/// with VRd for patients not eligible (FDA labels: Darzalex (daratumumab), 2019, MAIA; Sarclisa
/// (isatuximab), 2024, IMROZ). Curated as `state:NAME` in a row's setting column.
public enum DiseaseState: String, Sendable, Codable, Hashable, CaseIterable {
    case castrationSensitive = "castration-sensitive"
    case castrationResistant = "castration-resistant"
    case metastatic
    case nonMetastatic = "non-metastatic"
    case platinumSensitive = "platinum-sensitive"
    case platinumResistant = "platinum-resistant"
    case plateletsBelow50 = "platelets-below-50"
    case plateletsAtLeast50 = "platelets-50-or-more"
    case anaemia
    case noAnaemia = "no-anaemia"
    case transplantEligible = "transplant-eligible"
    case transplantIneligible = "transplant-ineligible"
    case nodePositive = "node-positive"
    case nodeNegative = "node-negative"

    /// A blood count that sets a group of patients apart (platelets below 50 × 10⁹/L, anaemia): a row
    /// written for it is preferred for a patient in it, since the label was written for exactly them.
    public var isLimitingBloodCount: Bool {
        switch self {
        case .plateletsBelow50, .anaemia: true
        default: false
        }
    }

    /// The state in words: "castration-resistant disease", "platelets below 50 × 10⁹/L".
    public var description: String {
        switch self {
        case .plateletsBelow50: "platelets below 50 × 10⁹/L"
        case .plateletsAtLeast50: "platelets of 50 × 10⁹/L or more"
        case .anaemia: "anaemia"
        case .noAnaemia: "no anaemia"
        case .transplantEligible: "eligible for autologous transplant"
        case .transplantIneligible: "not eligible for autologous transplant"
        case .nodePositive: "node-positive disease"
        case .nodeNegative: "node-negative disease"
        default: "\(rawValue) disease"
        }
    }

    /// The state that rules this one out: a disease is castration-sensitive or -resistant, metastatic
    /// or not, platinum-sensitive or -resistant.
    public var opposite: DiseaseState {
        switch self {
        case .castrationSensitive: .castrationResistant
        case .castrationResistant: .castrationSensitive
        case .metastatic: .nonMetastatic
        case .nonMetastatic: .metastatic
        case .platinumSensitive: .platinumResistant
        case .platinumResistant: .platinumSensitive
        case .plateletsBelow50: .plateletsAtLeast50
        case .plateletsAtLeast50: .plateletsBelow50
        case .anaemia: .noAnaemia
        case .noAnaemia: .anaemia
        case .transplantEligible: .transplantIneligible
        case .transplantIneligible: .transplantEligible
        case .nodePositive: .nodeNegative
        case .nodeNegative: .nodePositive
        }
    }
}

/// A line or setting of therapy that evidence is about.
public enum TherapySetting: Sendable, Hashable {
    case firstLine
    case secondLine
    /// After progression on one of these drugs (lowercase INNs).
    case after([String])
    /// After every one of these drugs (lowercase INNs): a label that names a sequence, such as
    /// regorafenib for GIST previously treated with imatinib and sunitinib (FDA label: Stivarga
    /// (regorafenib), 2013).
    case afterAll([String])
    /// After at least this many distinct drugs of the list (or of their classes): a label for
    /// patients who had two or more prior kinase inhibitors, such as ponatinib in chronic-phase CML
    /// (FDA label: Iclusig (ponatinib), 2020; PMID:35641211).
    case afterSeveral(Int, [String])
    /// After at least this many prior lines of systemic therapy, whatever they were: a label for
    /// disease relapsed or refractory after two or more lines, such as epcoritamab and glofitamab in
    /// DLBCL (FDA labels: Epkinly (epcoritamab), 2023; Columvi (glofitamab), 2023).
    case afterLines(Int)
    case maintenance
    /// After definitive chemoradiation of unresectable disease, without progression: PACIFIC's
    /// durvalumab (FDA label: Imfinzi (durvalumab), 2018). Not adjuvant therapy after resection.
    case consolidation
    /// Given with definitive radiotherapy of localised disease: concurrent chemoradiation (cisplatin in
    /// head and neck cancer, NCCN Head and Neck Cancers 2025) or hormone therapy with radiotherapy
    /// (abiraterone with ADT, STAMPEDE, PMID:34953525). Neither a metastatic line nor adjuvant therapy.
    case chemoradiation
    case adjuvant
    case neoadjuvant

    /// Reads the curated spelling: `first-line`, `second-line`, `after:DRUG|DRUG` (after one of
    /// them), `after:DRUG&DRUG` (after all of them), `after:2 of DRUG|DRUG|DRUG` (after at least two
    /// of them), `maintenance`, `consolidation`, `chemoradiation`, `adjuvant`, `neoadjuvant`.
    /// `any` is not a setting (an empty list means any); a list mixing `|` and `&` is not read.
    public init?(parsing text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lowered {
        case "first-line": self = .firstLine
        case "second-line": self = .secondLine
        case "maintenance": self = .maintenance
        case "consolidation": self = .consolidation
        case "chemoradiation": self = .chemoradiation
        case "adjuvant": self = .adjuvant
        case "neoadjuvant": self = .neoadjuvant
        default:
            guard lowered.hasPrefix("after:") else { return nil }
            var list = lowered.dropFirst(6)
            // "after:2 lines": a count of prior lines, no drug named.
            if list.hasSuffix(" lines"), let number = Int(list.dropLast(6)), number >= 1 {
                self = .afterLines(number)
                return
            }
            var count: Int?
            if let space = list.firstIndex(of: " "), let number = Int(list[..<space]), number > 1, list[space...].hasPrefix(" of ") {
                count = number
                list = list[list.index(space, offsetBy: 4)...]
            }
            let all = list.contains("&")
            guard !(all && list.contains("|")) else { return nil }
            let drugs = list.split(separator: all ? "&" : "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !drugs.isEmpty else { return nil }
            if let count {
                guard !all, drugs.count >= count else { return nil }
                self = .afterSeveral(count, drugs)
                return
            }
            self = all && drugs.count > 1 ? .afterAll(drugs) : .after(drugs)
        }
    }

    /// Treatment of localised disease with curative intent: around surgery or with definitive radiotherapy.
    public var isCurative: Bool {
        self == .adjuvant || self == .neoadjuvant || self == .chemoradiation
    }

    /// Treatment of disease that came back or did not respond: a second line, or after named drugs or lines.
    public var isForRelapse: Bool {
        switch self {
        case .secondLine, .after, .afterAll, .afterSeveral, .afterLines: true
        default: false
        }
    }

    /// For a line after the first: relapse, or maintenance and consolidation of a first line's response.
    public var isAfterFirstLine: Bool {
        isForRelapse || self == .maintenance || self == .consolidation
    }

    /// The curated spelling.
    public var text: String {
        switch self {
        case .firstLine: "first-line"
        case .secondLine: "second-line"
        case .after(let drugs): "after:" + drugs.joined(separator: "|")
        case .afterAll(let drugs): "after:" + drugs.joined(separator: "&")
        case .afterSeveral(let count, let drugs): "after:\(count) of " + drugs.joined(separator: "|")
        case .afterLines(let count): "after:\(count) lines"
        case .maintenance: "maintenance"
        case .consolidation: "consolidation"
        case .chemoradiation: "chemoradiation"
        case .adjuvant: "adjuvant"
        case .neoadjuvant: "neoadjuvant"
        }
    }
}

extension TherapySetting: Codable {
    /// Stored as its curated spelling, one string per setting.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let setting = TherapySetting(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown therapy setting '\(text)'")
        }
        self = setting
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A guideline's category for a regimen (NCCN: preferred, other recommended, useful in certain
/// circumstances).
public enum GuidelinePreference: String, Sendable, Codable, Hashable, CaseIterable {
    case preferred
    case recommended
    case certainCircumstances = "circumstances"

    /// 0 for preferred through 2; ranking puts rows without a category after all three.
    public var rank: Int {
        switch self {
        case .preferred: 0
        case .recommended: 1
        case .certainCircumstances: 2
        }
    }
}

/// An FDA approval of an indication: its date and whether it was withdrawn.
public struct Approval: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD` or `YYYY-MM`.
    public var date: String
    public var withdrawn: Bool
    /// The withdrawal date, when withdrawn.
    public var withdrawnDate: String?

    public init(date: String, withdrawn: Bool = false, withdrawnDate: String? = nil) {
        self.date = date
        self.withdrawn = withdrawn
        self.withdrawnDate = withdrawnDate
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `withdrawn:YYYY-MM-DD`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("withdrawn:") {
            let date = String(trimmed.dropFirst(10))
            guard Self.dateKey(date) != nil else { return nil }
            self.init(date: date, withdrawn: true, withdrawnDate: date)
        } else {
            guard Self.dateKey(trimmed) != nil else { return nil }
            self.init(date: trimmed)
        }
    }

    /// YYYYMMDD as a number (day 0 when only the month is known), for "newer first" ordering.
    public var sortKey: Int { Self.dateKey(date) ?? 0 }

    static func dateKey(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return nil }
        let day = parts.count == 3 ? Int(parts[2]) : 0
        guard let day, (0...31).contains(day) else { return nil }
        return year * 10_000 + month * 100 + day
    }
}

/// A store that keeps curators' review marks on evidence items, so they survive re-seeding and
/// re-importing (`caseboard kb review`).
public protocol EvidenceReviewing: Sendable {
    /// Marks or unmarks an item as reviewed; false when no item has the id.
    func setReviewed(_ evidenceID: String, _ reviewed: Bool) async throws -> Bool
}
