import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Turns a ``CaseRecord`` into a GA4GH Phenopacket v2, in the schema's protobuf JSON mapping.
///
/// Only schema fields are written. What the schema has no place for (the line of therapy, the
/// spans of text each fact came from, a grade) rides in `description` or `externalReferences`.
public struct PhenopacketExporter: Sendable {
    public let vocabularies: Vocabularies
    /// The `metaData.created` instant; passed in so that exports are reproducible.
    public let created: Date

    public init(vocabularies: Vocabularies, created: Date) {
        self.vocabularies = vocabularies
        self.created = created
    }

    /// The phenopacket for one case.
    public func phenopacket(_ record: CaseRecord) -> JSONValue {
        let caseID = ExportCodes.slug(record.metadata.pmid.map { "pmid-\($0)" } ?? record.document)
        let subjectID = "\(caseID)-patient"
        var usesNCIt = false
        let disease = ExportCodes.primaryDiagnosis(of: record).map { diagnosis -> JSONValue in
            let id = ExportCodes.ncit(diagnosis, vocabularies)
            if id != nil { usesNCIt = true }
            return term(id: id, label: vocabularies.disease(code: diagnosis.code)?.name ?? diagnosis.canonicalName)
        }
        let diseases: [JSONValue] = record.diagnoses.map { diagnosis in
            let id = ExportCodes.ncit(diagnosis, vocabularies)
            if id != nil { usesNCIt = true }
            let label = vocabularies.disease(code: diagnosis.code)?.name ?? diagnosis.canonicalName
            return .obj([
                "term": term(id: id, label: label),
                // Age at presentation: case reports give it at diagnosis.
                "onset": diagnosis.oncotree != nil ? record.patient.age.map { age(years: $0) } : nil,
            ])
        }
        let variants = ExportCodes.allVariants(of: record)
        var usesHGNC = false
        let genomic: [JSONValue] = variants.enumerated().map { index, item in
            let descriptor = variationDescriptor(item.alteration, acquiredOn: item.acquiredOn, id: "\(caseID)-variant-\(index + 1)")
            if ExportCodes.hgnc(item.alteration.gene, vocabularies) != nil { usesHGNC = true }
            return .obj([
                "subjectOrBiosampleId": .string(subjectID),
                // Caseboard records what the report found, not a pathogenicity call.
                "interpretationStatus": "UNKNOWN_STATUS",
                "variantInterpretation": .obj(["variationDescriptor": descriptor]),
            ])
        }
        var interpretations: [JSONValue] = []
        if !genomic.isEmpty || disease != nil {
            interpretations.append(
                .obj([
                    "id": .string("\(caseID)-interpretation"),
                    "progressStatus": "COMPLETED",
                    "diagnosis": .obj([
                        "disease": disease ?? term(id: nil, label: "unspecified"),
                        "genomicInterpretations": .array(genomic),
                    ]),
                    "summary": .string("Molecular findings reported in \(documentReference(record).id)."),
                ])
            )
        }
        var usesResponseCodes = false
        var actions: [JSONValue] = []
        for line in record.therapies {
            if line.response != nil { usesResponseCodes = true }
            actions += medicalActions(for: line, in: record)
        }
        var resources: [JSONValue] = []
        if record.therapies.contains(where: { $0.drugs.contains { ExportCodes.drugCodes($0, vocabularies).drugbank != nil } }) {
            resources.append(
                .obj([
                    "id": "drugbank",
                    "name": "DrugBank",
                    "url": "https://go.drugbank.com",
                    "version": .string(vocabularies.sources["drugs"] ?? "DrugBank open vocabulary"),
                    "namespacePrefix": "DrugBank",
                    "iriPrefix": "https://go.drugbank.com/drugs/",
                ])
            )
        }
        if usesNCIt || usesResponseCodes {
            resources.append(
                .obj([
                    "id": "ncit",
                    "name": "NCI Thesaurus",
                    "url": "http://purl.obolibrary.org/obo/ncit.owl",
                    // Disease codes come from OncoTree's NCIt mapping; its release stands for the version.
                    "version": .string(vocabularies.sources["diseases"] ?? "OncoTree NCIt mapping"),
                    "namespacePrefix": "NCIT",
                    "iriPrefix": "http://purl.obolibrary.org/obo/NCIT_",
                ])
            )
        }
        if usesHGNC {
            resources.append(
                .obj([
                    "id": "hgnc",
                    "name": "HUGO Gene Nomenclature Committee",
                    "url": "https://www.genenames.org",
                    "version": .string(vocabularies.sources["genes"] ?? "HGNC"),
                    "namespacePrefix": "HGNC",
                    "iriPrefix": "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/",
                ])
            )
        }
        let reference = documentReference(record)
        return .obj([
            "id": .string(caseID),
            "subject": .obj([
                "id": .string(subjectID),
                // The age the report gives at presentation, the last one Caseboard knows.
                "timeAtLastEncounter": record.patient.age.map { age(years: $0) },
                "sex": .string(record.patient.sex.map { $0 == .male ? "MALE" : "FEMALE" } ?? "UNKNOWN_SEX"),
                "vitalStatus": record.outcome.map { outcome in
                    .obj([
                        "status": outcome.died ? "DECEASED" : "ALIVE",
                        "causeOfDeath": outcome.died ? outcome.cause.map { term(id: nil, label: $0) } : nil,
                    ])
                },
            ]),
            "diseases": .array(diseases),
            "interpretations": .array(interpretations),
            "medicalActions": .array(actions),
            "metaData": .obj([
                "created": .string(Self.rfc3339(created)),
                "createdBy": "Caseboard",
                "phenopacketSchemaVersion": "2.0",
                "resources": .array(resources),
                "externalReferences": [
                    .obj(["id": .string(reference.id), "reference": reference.url.json, "description": record.title.json])
                ],
            ]),
        ])
    }

    func term(id: String?, label: String) -> JSONValue {
        .obj(["id": id.json, "label": .string(label)])
    }

    func age(years: Int) -> JSONValue {
        .obj(["age": .obj(["iso8601duration": .string("P\(years)Y")])])
    }

    /// A point in time as a TimeElement: a full date, or an offset from diagnosis added to the
    /// age at presentation. Partial dates and other anchors have no TimeElement form.
    func timeElement(_ point: TimePoint?, age years: Int?) -> JSONValue? {
        guard let point else { return nil }
        if let stamp = ExportCodes.timestamp(point.date) { return .obj(["timestamp": .string(stamp)]) }
        if let days = point.days, days >= 0, point.anchor == "diagnosis", let years {
            return .obj(["age": .obj(["iso8601duration": .string("P\(years)Y\(days)D")])])
        }
        return nil
    }

    func variationDescriptor(_ alteration: Alteration, acquiredOn: [String]?, id: String) -> JSONValue {
        var expressions: [JSONValue] = []
        var moleculeContext: String?
        var structuralType: JSONValue?
        switch alteration.kind {
        case .proteinChange:
            if let hgvs = ExportCodes.hgvsProtein(alteration.variant) {
                expressions.append(.obj(["syntax": "hgvs.p", "value": .string(hgvs)]))
                moleculeContext = "protein"
            }
        case .dnaChange:
            if alteration.variant.hasPrefix("c.") {
                expressions.append(.obj(["syntax": "hgvs.c", "value": .string(alteration.variant)]))
                moleculeContext = "transcript"
            }
        // Events without an allele are typed by label only; no sequence coordinates are known.
        case .fusion: structuralType = term(id: nil, label: "gene fusion")
        case .amplification: structuralType = term(id: nil, label: "copy number gain")
        case .deletion: structuralType = term(id: nil, label: "copy number loss")
        case .internalTandemDuplication: structuralType = term(id: nil, label: "internal tandem duplication")
        case .exon, .expression, .mutation: break
        }
        var description = [String]()
        if alteration.kind == .fusion, let partner = alteration.partner {
            description.append("fusion of \(partner) (5') with \(alteration.gene) (3'); breakpoints not reported")
        }
        if let acquiredOn { description.append("resistance alteration reported on \(acquiredOn.joined(separator: ", "))") }
        if let spans = ExportCodes.describe(alteration.spans) { description.append("source text: \(spans)") }
        var geneContext: [String: JSONValue?] = ["symbol": .string(alteration.gene)]
        geneContext["valueId"] = ExportCodes.hgnc(alteration.gene, vocabularies).json
        var extensions: [JSONValue] = []
        if let fraction = alteration.alleleFraction {
            extensions.append(.obj(["name": "allele_fraction", "value": .string(String(fraction))]))
        }
        return .obj([
            "id": .string(id),
            "label": .string(alteration.label),
            "description": description.isEmpty ? nil : .string(description.joined(separator: ". ")),
            "geneContext": geneContext["valueId"] == nil ? nil : .obj(geneContext),
            "expressions": .array(expressions),
            "moleculeContext": moleculeContext.json,
            "structuralType": structuralType,
            "extensions": .array(extensions),
        ])
    }

    /// One treatment per agent, plus a therapeutic regimen carrying the line: its number, its
    /// regimen name, its text, its start and end.
    func medicalActions(for line: TherapyLine, in record: CaseRecord) -> [JSONValue] {
        let response = line.response.map { response -> JSONValue in
            let code = ExportCodes.ncitResponse(response)
            return term(id: code.id, label: code.label)
        }
        let termination = line.stopReason.map { term(id: nil, label: $0) }
        let events = ExportCodes.adverseEvents(of: line, in: record)
        var actions: [JSONValue] = line.drugs.map { drug in
            let attributed = events.filter { $0.drugs.isEmpty || $0.drugs.contains(drug) }
            return .obj([
                "treatment": .obj(["agent": term(id: ExportCodes.drugCodes(drug, vocabularies).drugbank.map { "DrugBank:\($0)" }, label: drug)]),
                "responseToTreatment": response,
                "adverseEvents": .array(attributed.map { term(id: nil, label: $0.term) }),
                "treatmentTerminationReason": termination,
            ])
        }
        var parts = ["line \(line.line) of therapy: \(line.drugs.joined(separator: " + "))"]
        if let regimen = line.regimen { parts.append("regimen \(regimen)") }
        if let dose = line.dose { parts.append("dose \(dose)") }
        if let text = line.responseText { parts.append("response as written: \(text)") }
        let grades = events.compactMap { event in event.grade.map { "\(event.term) grade \($0)" } }
        if !grades.isEmpty { parts.append("CTCAE grades: \(grades.joined(separator: ", "))") }
        if let spans = ExportCodes.describe(line.spans) { parts.append("source text: \(spans)") }
        let reference = documentReference(record)
        let status: String? =
            if line.stopReason != nil { "DISCONTINUED" } else if line.end != nil { "COMPLETED" } else if line.start != nil { "STARTED" } else { nil }
        actions.append(
            .obj([
                "therapeuticRegimen": .obj([
                    "externalReference": .obj([
                        "id": .string("\(reference.id)#line-\(line.line)"),
                        "reference": reference.url.json,
                        "description": .string(parts.joined(separator: "; ")),
                    ]),
                    "startTime": timeElement(line.start, age: record.patient.age),
                    "endTime": timeElement(line.end, age: record.patient.age),
                    "regimenStatus": status.json,
                ]),
                "responseToTreatment": response,
                "adverseEvents": .array(events.map { term(id: nil, label: $0.term) }),
                "treatmentTerminationReason": termination,
            ])
        )
        return actions
    }

    func documentReference(_ record: CaseRecord) -> (id: String, url: String?) {
        if let pmid = record.metadata.pmid { return ("PMID:\(pmid)", "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/") }
        if let doi = record.metadata.doi { return ("DOI:\(doi)", "https://doi.org/\(doi)") }
        return ("caseboard:\(ExportCodes.slug(record.document))", nil)
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
