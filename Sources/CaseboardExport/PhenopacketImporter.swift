import CaseboardCore
import CaseboardVocabularies
import Foundation

/// A patient as the matcher takes it, read from a phenopacket.
///
/// It mirrors the matcher's profile (disease, alterations, prior therapies) without depending
/// on CaseboardMatching.
public struct ImportedProfile: Sendable, Hashable, Codable {
    public struct Therapy: Sendable, Hashable, Codable {
        /// Lowercase agent labels.
        public var drugs: [String]
        /// `complete response`, `partial response`, `stable disease`, `progressive disease`, or the label as given.
        public var response: String?

        public init(drugs: [String], response: String? = nil) {
            self.drugs = drugs
            self.response = response
        }
    }

    /// The phenopacket's id.
    public var id: String?
    /// An OncoTree code where the disease's NCIt id maps to one, else the disease label.
    public var disease: String?
    /// The disease's ontology id as given (`NCIT:C3171`).
    public var diseaseCode: String?
    /// Alterations as clinicians write them: `FLT3 D835H`, `EML4::ALK fusion`.
    public var alterations: [String]
    public var priorTherapies: [Therapy]

    // The matcher's profile JSON keys, so an imported profile can go straight to `match --profiles`.
    enum CodingKeys: String, CodingKey {
        case id, disease, alterations
        case diseaseCode = "disease_code"
        case priorTherapies = "prior_therapies"
    }

    public init(id: String? = nil, disease: String? = nil, diseaseCode: String? = nil, alterations: [String] = [], priorTherapies: [Therapy] = []) {
        self.id = id
        self.disease = disease
        self.diseaseCode = diseaseCode
        self.alterations = alterations
        self.priorTherapies = priorTherapies
    }
}

/// Why a phenopacket could not be read; each names the JSON field at fault.
public enum PhenopacketImportError: Error, Hashable, CustomStringConvertible {
    case notJSON(String)
    case wrongType(field: String, expected: String)
    case missing(field: String)

    public var description: String {
        switch self {
        case .notJSON(let reason): "the phenopacket is not JSON: \(reason)"
        case .wrongType(let field, let expected): "phenopacket field `\(field)` must be \(expected)"
        case .missing(let field): "phenopacket field `\(field)` is missing"
        }
    }
}

/// Reads a GA4GH Phenopacket v2 (protobuf JSON mapping) into an ``ImportedProfile``.
public struct PhenopacketImporter: Sendable {
    public let vocabularies: Vocabularies

    public init(vocabularies: Vocabularies) {
        self.vocabularies = vocabularies
    }

    /// Parses phenopacket JSON bytes.
    public func profile(from data: Data) throws(PhenopacketImportError) -> ImportedProfile {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .notJSON(String(describing: error))
        }
        return try profile(from: value)
    }

    /// Reads a decoded phenopacket.
    public func profile(from packet: JSONValue) throws(PhenopacketImportError) -> ImportedProfile {
        guard packet.objectValue != nil else { throw .wrongType(field: "(root)", expected: "an object") }
        var result = ImportedProfile(id: try string(packet, "id", at: ""))

        let diseases = try array(packet, "diseases", at: "")
        for (index, disease) in diseases.enumerated() {
            let path = "diseases[\(index)]"
            if disease["excluded"] == .bool(true) { continue }
            guard let term = disease["term"] else { throw .missing(field: "\(path).term") }
            let id = try string(term, "id", at: "\(path).term")
            let label = try string(term, "label", at: "\(path).term")
            guard id != nil || label != nil else { throw .missing(field: "\(path).term.label") }
            result.disease = id.flatMap(oncotree(forNCIt:)) ?? label.flatMap(oncotree(named:)) ?? label ?? id
            result.diseaseCode = id
            break
        }
        if result.disease == nil, let interpretations = packet["interpretations"]?.arrayValue {
            for (index, interpretation) in interpretations.enumerated() {
                if let term = interpretation["diagnosis"]?["disease"] {
                    let id = try string(term, "id", at: "interpretations[\(index)].diagnosis.disease")
                    result.disease = id.flatMap(oncotree(forNCIt:)) ?? term["label"]?.stringValue ?? id
                    result.diseaseCode = id
                    break
                }
            }
        }

        for (index, interpretation) in try array(packet, "interpretations", at: "").enumerated() {
            let path = "interpretations[\(index)]"
            guard let diagnosis = interpretation["diagnosis"] else { continue }
            for (gIndex, genomic) in try array(diagnosis, "genomicInterpretations", at: "\(path).diagnosis").enumerated() {
                let gPath = "\(path).diagnosis.genomicInterpretations[\(gIndex)]"
                if genomic["interpretationStatus"]?.stringValue == "REJECTED" { continue }
                if let descriptor = genomic["variantInterpretation"]?["variationDescriptor"] {
                    if let alteration = try alteration(descriptor, at: "\(gPath).variantInterpretation.variationDescriptor") {
                        if !result.alterations.contains(alteration) { result.alterations.append(alteration) }
                    }
                } else if let gene = genomic["gene"] {
                    guard let symbol = try string(gene, "symbol", at: "\(gPath).gene") else { throw .missing(field: "\(gPath).gene.symbol") }
                    result.alterations.append("\(symbol) mutation")
                }
            }
        }

        // Treatments listed before a therapeutic regimen are that regimen's agents (Caseboard writes a
        // line's treatments, then its regimen); treatments with no regimen after them stand alone.
        var pending: [ImportedProfile.Therapy] = []
        for (index, action) in try array(packet, "medicalActions", at: "").enumerated() {
            let path = "medicalActions[\(index)]"
            let response = try responseText(action, at: path)
            if let treatment = action["treatment"] {
                guard let agent = treatment["agent"] else { throw .missing(field: "\(path).treatment.agent") }
                let label = try string(agent, "label", at: "\(path).treatment.agent")
                let id = try string(agent, "id", at: "\(path).treatment.agent")
                guard let name = label ?? id else { throw .missing(field: "\(path).treatment.agent.label") }
                pending.append(.init(drugs: [name.lowercased()], response: response))
            } else if let regimen = action["therapeuticRegimen"] {
                if !pending.isEmpty {
                    let drugs = pending.flatMap(\.drugs)
                    result.priorTherapies.append(.init(drugs: drugs, response: response ?? pending.compactMap(\.response).first))
                    pending = []
                } else if let label = regimen["ontologyClass"]?["label"]?.stringValue {
                    result.priorTherapies.append(.init(drugs: [label.lowercased()], response: response))
                }
            }
        }
        result.priorTherapies += pending
        return result
    }

    func alteration(_ descriptor: JSONValue, at path: String) throws(PhenopacketImportError) -> String? {
        let symbol =
            try descriptor["geneContext"].map { context throws(PhenopacketImportError) in try string(context, "symbol", at: "\(path).geneContext") }
            ?? nil
        let label = try string(descriptor, "label", at: path)
        for (index, expression) in try array(descriptor, "expressions", at: path).enumerated() {
            let ePath = "\(path).expressions[\(index)]"
            guard let syntax = try string(expression, "syntax", at: ePath) else { throw .missing(field: "\(ePath).syntax") }
            guard let value = try string(expression, "value", at: ePath) else { throw .missing(field: "\(ePath).value") }
            guard let symbol else { break }
            if syntax == "hgvs.p", let change = ExportCodes.oneLetterProtein(value) { return "\(symbol) \(change)" }
            if syntax == "hgvs.c", let colon = value.lastIndex(of: ":") { return "\(symbol) \(value[value.index(after: colon)...])" }
            if syntax == "hgvs.c", value.hasPrefix("c.") { return "\(symbol) \(value)" }
        }
        if let label { return label }
        if let symbol { return "\(symbol) mutation" }
        throw .missing(field: "\(path).label")
    }

    func responseText(_ action: JSONValue, at path: String) throws(PhenopacketImportError) -> String? {
        guard let term = action["responseToTreatment"] else { return nil }
        let id = try string(term, "id", at: "\(path).responseToTreatment")
        if let id, let kind = ExportCodes.response(ncit: id) { return kind.rawValue }
        return try string(term, "label", at: "\(path).responseToTreatment")?.lowercased()
    }

    /// An OncoTree code for a disease label, for terms that carry no NCIt id.
    func oncotree(named label: String) -> String? {
        vocabularies.disease(named: label).flatMap { $0.isCancer ? $0.code : nil }
    }

    func oncotree(forNCIt id: String) -> String? {
        guard id.uppercased().hasPrefix("NCIT:") else { return nil }
        let code = String(id.dropFirst(5))
        let matches = vocabularies.diseases.filter { $0.isCancer && $0.nci.contains(code) }
        // Several OncoTree nodes can share an NCIt concept; the shallowest is the one meant.
        return matches.min { $0.level < $1.level }?.code
    }

    func string(_ object: JSONValue, _ key: String, at path: String) throws(PhenopacketImportError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw .wrongType(field: path.isEmpty ? key : "\(path).\(key)", expected: "a string") }
        return text
    }

    func array(_ object: JSONValue, _ key: String, at path: String) throws(PhenopacketImportError) -> [JSONValue] {
        guard let value = object[key], value != .null else { return [] }
        guard let items = value.arrayValue else { throw .wrongType(field: path.isEmpty ? key : "\(path).\(key)", expected: "an array") }
        return items
    }
}
