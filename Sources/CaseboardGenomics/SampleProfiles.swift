import CaseboardCore
import CaseboardDocuments
import CaseboardVocabularies
import Foundation

/// One sample's row of a clinical file.
public struct ClinicalSample: Sendable, Hashable, Codable {
    public var sample: String
    /// An OncoTree code (checked against the vocabulary) or a disease name.
    public var disease: String?
    /// Prior therapies as `DRUG[+DRUG...][:RESPONSE]`, as `match --prior` takes them.
    public var priorTherapies: [String]
    /// Why the row cannot be used as given (an unknown OncoTree code); never silently accepted.
    public var problem: String?

    enum CodingKeys: String, CodingKey {
        case sample, disease, problem
        case priorTherapies = "prior_therapies"
    }
}

/// A clinical file: SAMPLE_ID → ONCOTREE_CODE (oncokb-annotator layout) or a disease name, with optional prior therapies.
public struct ClinicalFile: Sendable {
    public private(set) var samples: [String: ClinicalSample] = [:]
    public private(set) var summary: ReadSummary

    /// Reads a clinical file from disk.
    public static func read(path: String, vocabularies: Vocabularies) throws -> ClinicalFile {
        try read(ByteSources.openInput(path: path), name: path, vocabularies: vocabularies)
    }

    /// Reads a clinical file already in memory.
    public static func read(bytes: [UInt8], name: String, vocabularies: Vocabularies) throws -> ClinicalFile {
        try read(ByteSources.openInput(bytes: bytes, name: name), name: name, vocabularies: vocabularies)
    }

    static func read(_ input: OpenedInput, name: String, vocabularies: Vocabularies) throws -> ClinicalFile {
        var file = ClinicalFile(summary: ReadSummary(file: name))
        var lines = LineReader(source: input.source, name: name)
        var columns: ColumnIndex?
        while let line = try lines.next() {
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            columns = ColumnIndex(header: tabFields(line))
            break
        }
        guard let columns else { throw Diagnostic.error("no header line", file: name) }
        let headerLine = lines.lineNumber
        let sample = try columns.require(["SAMPLE_ID", "Tumor_Sample_Barcode", "sample"], file: name, line: headerLine)
        let code = columns.first(["ONCOTREE_CODE"])
        let diseaseName = columns.first(["CANCER_TYPE", "disease", "tumor_type", "TUMOR_TYPE"])
        if code == nil && diseaseName == nil {
            _ = try columns.require(["ONCOTREE_CODE", "CANCER_TYPE", "disease"], file: name, line: headerLine)
        }
        let prior = columns.first(["PRIOR_THERAPIES", "prior_therapies", "PRIOR_THERAPY"])
        while let line = try lines.next() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            file.summary.read += 1
            let fields = tabFields(line)
            guard sample < fields.count, let id = fields[sample].value else {
                file.summary.warn(line: lines.lineNumber, "malformed clinical row: no sample id")
                continue
            }
            var entry = ClinicalSample(sample: id, disease: nil, priorTherapies: [], problem: nil)
            if let code, code < fields.count, let value = fields[code].value {
                entry.disease = value
                if vocabularies.disease(code: value) == nil {
                    entry.problem = "unknown OncoTree code '\(value)' (line \(lines.lineNumber) of \(name))"
                }
            } else if let diseaseName, diseaseName < fields.count, let value = fields[diseaseName].value {
                entry.disease = value
            }
            if let prior, prior < fields.count, let value = fields[prior].value {
                entry.priorTherapies = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if entry.problem == nil { file.summary.annotated += 1 } else { file.summary.skip(.unknownOncoTreeCode) }
            file.samples[id] = entry
            file.summary.note(sample: id)
        }
        return file
    }

    /// The row for a sample: its exact id, else the longest id that begins its barcode
    /// ("TCGA-05-4417-01" for "TCGA-05-4417-01A-01D-1265-08").
    public func sample(_ barcode: String) -> ClinicalSample? {
        if let exact = samples[barcode] { return exact }
        return samples.values.filter { barcode.hasPrefix($0.sample) }.max { $0.sample.count < $1.sample.count }
    }
}

/// One sample's alterations, gathered across files, with its tumour type: the profile the matcher matches as a whole.
public struct SampleProfile: Sendable, Hashable, Codable {
    public var sample: String
    /// The OncoTree code or disease name, from the clinical file or the default.
    public var disease: String?
    /// Alterations in the matcher's words, first-seen order, without repeats.
    public var alterations: [String]
    public var priorTherapies: [String]
    /// Why the sample cannot be matched as given (no tumour type, an unknown OncoTree code).
    public var problems: [String]

    enum CodingKeys: String, CodingKey {
        case sample, disease, alterations, problems
        case priorTherapies = "prior_therapies"
    }

    public init(sample: String, disease: String?, alterations: [String], priorTherapies: [String] = [], problems: [String] = []) {
        self.sample = sample
        self.disease = disease
        self.alterations = alterations
        self.priorTherapies = priorTherapies
        self.problems = problems
    }
}

/// Gathers alterations by sample. Memory grows with samples × distinct alterations, not with rows.
public struct SampleProfileBuilder: Sendable {
    private var order: [String] = []
    private var alterations: [String: [String]] = [:]
    private var seen: [String: Set<String>] = [:]

    public init() {}

    /// Notes samples a file names, so a sample without alterations still gets a profile.
    public mutating func add(samples: [String]) {
        for sample in samples where alterations[sample] == nil {
            order.append(sample)
            alterations[sample] = []
            seen[sample] = []
        }
    }

    public mutating func add(_ alteration: GenomicAlteration) {
        add(samples: [alteration.sample])
        if seen[alteration.sample, default: []].insert(alteration.alteration).inserted {
            alterations[alteration.sample, default: []].append(alteration.alteration)
        }
    }

    /// The samples seen so far, in first-seen order.
    public var samples: [String] { order }

    /// One profile per sample; the disease comes from `clinical`, else `disease`.
    public func profiles(clinical: ClinicalFile? = nil, disease: String? = nil) -> [SampleProfile] {
        order.map { sample in
            let row = clinical?.sample(sample)
            var problems: [String] = []
            if let problem = row?.problem { problems.append(problem) }
            let tumour = row?.disease ?? disease
            if tumour == nil { problems.append("no tumour type: not in the clinical file and no --disease given") }
            return SampleProfile(
                sample: sample,
                disease: row?.problem == nil ? tumour : nil,
                alterations: alterations[sample] ?? [],
                priorTherapies: row?.priorTherapies ?? [],
                problems: problems
            )
        }
    }
}
