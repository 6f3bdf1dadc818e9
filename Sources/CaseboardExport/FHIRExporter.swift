import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Turns a ``CaseRecord`` into an HL7 FHIR R4 `Bundle` (type `collection`) following mCODE STU 4.
///
/// Resources mCODE profiles carry its canonical profile URL. mCODE has no profile for
/// AdverseEvent, DocumentReference or Provenance; those carry the base FHIR R4 profile.
public struct FHIRExporter: Sendable {
    public let vocabularies: Vocabularies
    /// The `Provenance.recorded` instant; passed in so that exports are reproducible.
    public let created: Date

    public init(vocabularies: Vocabularies, created: Date) {
        self.vocabularies = vocabularies
        self.created = created
    }

    static let mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
    static let ncitSystem = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
    static let snomed = "http://snomed.info/sct"
    static let loinc = "http://loinc.org"
    /// FDA Substance Registration System UNII (HL7 terminology's system URI).
    static let unii = "http://fdasis.nlm.nih.gov"
    static let drugbank = "https://go.drugbank.com/drugs"

    /// The mCODE (or base R4) profile of each resource kind the bundle holds.
    public enum Profile: String, Sendable, CaseIterable {
        case cancerPatient = "mcode-cancer-patient"
        case primaryCancerCondition = "mcode-primary-cancer-condition"
        case secondaryCancerCondition = "mcode-secondary-cancer-condition"
        case genomicVariant = "mcode-genomic-variant"
        case genomicRegionStudied = "mcode-genomic-region-studied"
        case medicationAdministration = "mcode-cancer-related-medication-administration"
        case medicationRequest = "mcode-cancer-related-medication-request"
        case cancerDiseaseStatus = "mcode-cancer-disease-status"
        case adverseEvent = "AdverseEvent"
        case documentReference = "DocumentReference"
        case provenance = "Provenance"

        /// The canonical URL.
        public var url: String {
            rawValue.hasPrefix("mcode-") ? FHIRExporter.mcode + rawValue : "http://hl7.org/fhir/StructureDefinition/\(rawValue)"
        }
    }

    private struct Builder {
        let caseID: String
        var entries: [JSONValue] = []
        /// Spans behind each resource, for Provenance.
        var sources: [(reference: String, spans: [Evidence])] = []

        func reference(_ type: String, _ local: String) -> String {
            "urn:uuid:" + ExportCodes.uuid("\(caseID)/\(type)/\(local)")
        }

        mutating func add(_ type: String, _ local: String, _ profile: Profile?, _ members: [String: JSONValue?], spans: [Evidence] = []) -> String {
            let url = reference(type, local)
            var body = members
            body["resourceType"] = .string(type)
            body["id"] = .string(String(url.dropFirst("urn:uuid:".count)))
            body["meta"] = profile.map { .obj(["profile": [.string($0.url)]]) }
            entries.append(.obj(["fullUrl": .string(url), "resource": .obj(body)]))
            if !spans.isEmpty { sources.append((url, spans)) }
            return url
        }
    }

    /// The bundle for one case.
    public func bundle(_ record: CaseRecord) -> JSONValue {
        let caseID = ExportCodes.slug(record.metadata.pmid.map { "pmid-\($0)" } ?? record.document)
        var builder = Builder(caseID: caseID)
        let patient = builder.add(
            "Patient",
            "patient",
            .cancerPatient,
            [
                "identifier": [.obj(["system": "urn:caseboard:case", "value": .string(caseID)])],
                "gender": .string(record.patient.sex?.rawValue ?? "unknown"),
                "deceasedBoolean": record.outcome.map { .bool($0.died) },
            ],
            spans: record.patient.spans
        )
        let subject = JSONValue.obj(["reference": .string(patient)])
        let document = documentReference(record, &builder, subject: subject)

        var primary: String?
        for (index, diagnosis) in record.diagnoses.enumerated() {
            let isCancer = diagnosis.oncotree != nil
            let isPrimary = isCancer && primary == nil
            let name = vocabularies.disease(code: diagnosis.code)?.name ?? diagnosis.canonicalName
            var codings: [JSONValue] = []
            if let ncit = ExportCodes.ncit(diagnosis, vocabularies) {
                codings.append(.obj(["system": .string(Self.ncitSystem), "code": .string(String(ncit.dropFirst(5))), "display": .string(name)]))
            }
            let profile: Profile = isPrimary || !isCancer ? .primaryCancerCondition : .secondaryCancerCondition
            // Non-cancer conditions are not mCODE cancer conditions: plain Conditions, no profile claim.
            let reference = builder.add(
                "Condition",
                "condition-\(index)",
                isCancer ? profile : nil,
                [
                    "clinicalStatus": codeable("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", nil),
                    "verificationStatus": codeable("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", nil),
                    "category": [codeable("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", nil)],
                    "code": .obj(["coding": .array(codings), "text": .string(name)]),
                    "subject": subject,
                    "onsetAge": isPrimary ? record.patient.age.map { ageQuantity($0) } : nil,
                ],
                spans: diagnosis.spans
            )
            if isPrimary { primary = reference }
        }
        let focus: JSONValue? = primary.map { [.obj(["reference": .string($0)])] }

        let variants = ExportCodes.allVariants(of: record)
        for (index, item) in variants.enumerated() {
            addVariant(&builder, item.alteration, index: index, subject: subject)
        }
        addRegionStudied(&builder, genes: variants.map(\.alteration.gene), subject: subject)

        for line in record.therapies {
            var medications: [String: String] = [:]
            for drug in line.drugs {
                medications[drug] = addMedication(&builder, drug, line: line, subject: subject, reason: primary)
            }
            if let response = line.response {
                let trend = ExportCodes.snomedTrend(response)
                _ = builder.add(
                    "Observation",
                    "status-line-\(line.line)",
                    .cancerDiseaseStatus,
                    [
                        "status": "final",
                        "code": codeable(Self.loinc, "88040-1", "Response to cancer treatment"),
                        "subject": subject,
                        "focus": focus,
                        "effectiveDateTime": line.end?.date.json,
                        "valueCodeableConcept": .obj([
                            "coding": [.obj(["system": .string(Self.snomed), "code": .string(trend.code), "display": .string(trend.display)])],
                            "text": .string(line.responseText ?? response.rawValue),
                        ]),
                        "note": [.obj(["text": .string("Best response to line \(line.line) (\(line.drugs.joined(separator: " + "))).")])],
                    ],
                    spans: line.responseSpans
                )
            }
            for (index, event) in ExportCodes.adverseEvents(of: line, in: record).enumerated() {
                let suspects = event.drugs.isEmpty ? line.drugs : event.drugs.filter(line.drugs.contains)
                _ = builder.add(
                    "AdverseEvent",
                    "ae-line-\(line.line)-\(index)",
                    .adverseEvent,
                    [
                        "actuality": "actual",
                        "subject": subject,
                        "event": .obj(["text": .string(event.term)]),
                        // R4 has no grade element: the CTCAE grade maps onto mild/moderate/severe and is kept in the text.
                        "severity": event.grade.map { severity($0) },
                        "outcome": event.grade == 5 ? codeable("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "fatal", "Fatal") : nil,
                        "suspectEntity": .array(suspects.compactMap { medications[$0] }.map { .obj(["instance": .obj(["reference": .string($0)])]) }),
                        "referenceDocument": [.obj(["reference": .string(document)])],
                        "text": event.grade.map { narrative("\(event.term), CTCAE v5 grade \($0)") },
                    ],
                    spans: event.spans
                )
            }
        }

        for (index, source) in builder.sources.enumerated() {
            _ = builder.add(
                "Provenance",
                "provenance-\(index)",
                .provenance,
                [
                    "target": [.obj(["reference": .string(source.reference)])],
                    "recorded": .string(PhenopacketExporter.rfc3339(created)),
                    "agent": [.obj(["who": .obj(["display": "Caseboard"])])],
                    "entity": .array(
                        source.spans.map { span in
                            .obj([
                                "role": "source",
                                "what": .obj([
                                    "reference": .string(document),
                                    "display": .string(ExportCodes.describe([span]) ?? ""),
                                ]),
                            ])
                        }
                    ),
                ]
            )
        }
        return .obj(["resourceType": "Bundle", "type": "collection", "entry": .array(builder.entries)])
    }

    private func addVariant(_ builder: inout Builder, _ alteration: Alteration, index: Int, subject: JSONValue) {
        var gene: [String: JSONValue?] = ["system": "http://www.genenames.org/geneId", "display": .string(alteration.gene)]
        gene["code"] = ExportCodes.hgnc(alteration.gene, vocabularies).json
        var components: [JSONValue] = [
            .obj([
                "code": codeable(Self.loinc, "48018-6", "Gene studied [ID]"),
                "valueCodeableConcept": .obj(["coding": gene["code"] == nil ? [] : [.obj(gene)], "text": .string(alteration.gene)]),
            ])
        ]
        if alteration.kind == .proteinChange, let hgvs = ExportCodes.hgvsProtein(alteration.variant) {
            components.append(
                .obj([
                    "code": codeable(Self.loinc, "48005-3", "Amino acid change (pHGVS)"),
                    "valueCodeableConcept": codeable("http://varnomen.hgvs.org", hgvs, nil),
                ])
            )
        }
        if alteration.kind == .dnaChange, alteration.variant.hasPrefix("c.") {
            components.append(
                .obj([
                    "code": codeable(Self.loinc, "48004-6", "DNA change (c.HGVS)"),
                    "valueCodeableConcept": codeable("http://varnomen.hgvs.org", alteration.variant, nil),
                ])
            )
        }
        if let fraction = alteration.alleleFraction {
            components.append(
                .obj([
                    "code": codeable(Self.loinc, "81258-6", "Sample variant allelic frequency [NFr]"),
                    "valueQuantity": .obj(["value": .number(fraction), "system": "http://unitsofmeasure.org", "code": "1"]),
                ])
            )
        }
        _ = builder.add(
            "Observation",
            "variant-\(index)",
            .genomicVariant,
            [
                "status": "final",
                "category": geneticsCategories,
                "code": codeable(Self.loinc, "69548-6", "Genetic variant assessment"),
                "subject": subject,
                "valueCodeableConcept": codeable(Self.loinc, "LA9633-4", "Present"),
                // Fusions and copy-number events have no allele: the label says what was found.
                "note": [.obj(["text": .string(alteration.label)])],
                "component": .array(components),
            ],
            spans: alteration.spans
        )
    }

    /// The genes the report says were tested, as one GenomicRegionStudied: the genes of its variants, since a
    /// case report names what was found rather than the panel. Nothing is written when no variant is reported.
    private func addRegionStudied(_ builder: inout Builder, genes: [String], subject: JSONValue) {
        var seen = Set<String>()
        let unique = genes.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return }
        let components: [JSONValue] = unique.map { gene in
            var coding: [String: JSONValue?] = ["system": "http://www.genenames.org/geneId", "display": .string(gene)]
            coding["code"] = ExportCodes.hgnc(gene, vocabularies).json
            return .obj([
                "code": codeable(Self.loinc, "48018-6", "Gene studied [ID]"),
                "valueCodeableConcept": .obj(["coding": coding["code"] == nil ? [] : [.obj(coding)], "text": .string(gene)]),
            ])
        }
        _ = builder.add(
            "Observation",
            "region-studied",
            .genomicRegionStudied,
            [
                "status": "final",
                "category": geneticsCategories,
                "code": codeable(Self.loinc, "53041-0", "DNA region of interest panel"),
                "subject": subject,
                "note": [.obj(["text": "The genes of the variants the case report names; the tested panel is not reported."])],
                "component": .array(components),
            ]
        )
    }

    private func addMedication(_ builder: inout Builder, _ drug: String, line: TherapyLine, subject: JSONValue, reason: String?) -> String {
        let medication = JSONValue.obj(["coding": .array(medicationCodings(drug)), "text": .string(drug)])
        let reasons: JSONValue? = reason.map { [.obj(["reference": .string($0)])] }
        let statusReason: JSONValue? = line.stopReason.map { stop in
            let code = ExportCodes.snomedTermination(stop)
            return .obj([
                "coding": code.map { [.obj(["system": .string(Self.snomed), "code": .string($0.code), "display": .string($0.display)])] },
                "text": .string(stop),
            ])
        }
        let note: JSONValue = [
            .obj(["text": .string("Line \(line.line) of therapy\(line.regimen.map { " (\($0))" } ?? "")\(line.dose.map { "; \($0)" } ?? "").")])
        ]
        // An administration needs when it happened; without a start date it is recorded as a request.
        if let start = line.start?.date {
            let status = line.stopReason != nil ? "stopped" : line.end != nil ? "completed" : "in-progress"
            return builder.add(
                "MedicationAdministration",
                "medication-line-\(line.line)-\(drug)",
                .medicationAdministration,
                [
                    "status": .string(status),
                    "statusReason": statusReason.map { [$0] },
                    "medicationCodeableConcept": medication,
                    "subject": subject,
                    "effectivePeriod": .obj(["start": .string(start), "end": line.end?.date.json]),
                    "reasonReference": reasons,
                    "note": note,
                ],
                spans: line.spans
            )
        }
        let status = line.stopReason != nil ? "stopped" : line.end != nil || line.response != nil ? "completed" : "unknown"
        return builder.add(
            "MedicationRequest",
            "medication-line-\(line.line)-\(drug)",
            .medicationRequest,
            [
                "status": .string(status),
                "statusReason": statusReason,
                "intent": "order",
                "medicationCodeableConcept": medication,
                "subject": subject,
                "reasonReference": reasons,
                "note": note,
            ],
            spans: line.spans
        )
    }

    private func documentReference(_ record: CaseRecord, _ builder: inout Builder, subject: JSONValue) -> String {
        var identifiers: [JSONValue] = []
        var url: String?
        if let pmid = record.metadata.pmid {
            identifiers.append(.obj(["system": "https://pubmed.ncbi.nlm.nih.gov", "value": .string(pmid)]))
            url = "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/"
        }
        if let doi = record.metadata.doi {
            identifiers.append(.obj(["system": "urn:ietf:rfc:3986", "value": .string("urn:doi:\(doi)")]))
            url = url ?? "https://doi.org/\(doi)"
        }
        return builder.add(
            "DocumentReference",
            "document",
            .documentReference,
            [
                "status": "current",
                "identifier": .array(identifiers),
                "subject": subject,
                "description": .string(record.title ?? record.document),
                "content": [
                    .obj([
                        "attachment": .obj([
                            "url": url.json, "title": .string(record.title ?? record.document),
                            "contentType": url == nil ? "text/plain" : nil,
                        ])
                    ])
                ],
            ]
        )
    }

    /// DrugBank and UNII codings of a drug, from the DrugBank open vocabulary (CC0); none for a drug without an entry.
    func medicationCodings(_ drug: String) -> [JSONValue] {
        let codes = ExportCodes.drugCodes(drug, vocabularies)
        var codings: [JSONValue] = []
        if let unii = codes.unii { codings.append(.obj(["system": .string(Self.unii), "code": .string(unii), "display": .string(drug)])) }
        if let drugbank = codes.drugbank {
            codings.append(.obj(["system": .string(Self.drugbank), "code": .string(drugbank), "display": .string(drug)]))
        }
        return codings
    }

    /// The categories of every genomics Observation (mCODE's genomics profiles): laboratory, and genetics (v2-0074 GE).
    private var geneticsCategories: JSONValue {
        [
            codeable("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", nil),
            codeable("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics"),
        ]
    }

    private func codeable(_ system: String, _ code: String, _ display: String?) -> JSONValue {
        .obj(["coding": [.obj(["system": .string(system), "code": .string(code), "display": display.json])]])
    }

    private func ageQuantity(_ years: Int) -> JSONValue {
        .obj(["value": .integer(years), "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"])
    }

    private func severity(_ grade: Int) -> JSONValue {
        let code = grade <= 1 ? "mild" : grade == 2 ? "moderate" : "severe"
        return .obj([
            "coding": [.obj(["system": "http://terminology.hl7.org/CodeSystem/adverse-event-severity", "code": .string(code)])],
            "text": .string("CTCAE grade \(grade)"),
        ])
    }

    private func narrative(_ text: String) -> JSONValue {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">",
            with: "&gt;"
        )
        return .obj(["status": "generated", "div": .string("<div xmlns=\"http://www.w3.org/1999/xhtml\">\(escaped)</div>")])
    }
}
