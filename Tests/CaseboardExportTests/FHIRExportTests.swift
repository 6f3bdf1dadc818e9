import CaseboardCore
import CaseboardExport
import Foundation
import Testing

@Suite struct FHIRExportTests {
    let exporter = FHIRExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)

    func resources(_ record: CaseRecord) -> [JSONValue] {
        (exporter.bundle(record)["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    func profile(_ resource: JSONValue) -> String? {
        resource["meta"]?["profile"]?.arrayValue?.first?.stringValue
    }

    @Test func bundleIsACollectionWithProfiles() {
        for record in Fixtures.all {
            let bundle = exporter.bundle(record)
            #expect(bundle["resourceType"] == "Bundle")
            #expect(bundle["type"] == "collection")
            for resource in resources(record) {
                #expect(profile(resource) != nil, "no profile on \(resource["resourceType"]?.stringValue ?? "?")")
            }
        }
    }

    /// mCODE's required elements, checked here since no offline mCODE validator exists.
    @Test func mcodeRequiredElements() throws {
        let all = resources(Fixtures.leukemia)
        let urls = Set((exporter.bundle(Fixtures.leukemia)["entry"]?.arrayValue ?? []).compactMap { $0["fullUrl"]?.stringValue })
        func references(in value: JSONValue) -> [String] {
            switch value {
            case .object(let members):
                return (members["reference"]?.stringValue.map { [$0] } ?? []) + members.values.flatMap(references(in:))
            case .array(let items): return items.flatMap(references(in:))
            default: return []
            }
        }
        for resource in all {
            for reference in references(in: resource) { #expect(urls.contains(reference), "dangling \(reference)") }
        }
        let patient = try #require(all.first { $0["resourceType"] == "Patient" })
        #expect(profile(patient) == "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient")
        #expect(patient["gender"] == "female")

        let condition = try #require(all.first { profile($0)?.hasSuffix("mcode-primary-cancer-condition") == true })
        #expect(condition["subject"] != nil)
        let coding = try #require(condition["code"]?["coding"]?.arrayValue?.first)
        #expect(coding["system"] == "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl")
        #expect(coding["code"] == "C3171")
        #expect(condition["onsetAge"]?["value"] == 61)

        let variants = all.filter { profile($0)?.hasSuffix("mcode-genomic-variant") == true }
        #expect(variants.count == 3)
        for variant in variants {
            #expect(variant["status"] == "final")
            #expect(variant["code"]?["coding"]?.arrayValue?.first?["code"] == "69548-6")
            #expect(variant["component"]?.arrayValue?.contains { $0["code"]?["coding"]?.arrayValue?.first?["code"] == "48018-6" } == true)
        }
        let flt3 = try #require(variants.first { $0["note"]?.arrayValue?.first?["text"] == "FLT3 D835H" })
        let aminoAcid = flt3["component"]?.arrayValue?.first { $0["code"]?["coding"]?.arrayValue?.first?["code"] == "48005-3" }
        #expect(aminoAcid?["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"] == "p.Asp835His")

        // Line 1 has dates: administrations. Line 2 has none: a request, stopped, with the reason coded.
        let administrations = all.filter { $0["resourceType"] == "MedicationAdministration" }
        #expect(administrations.count == 2)
        #expect(administrations.allSatisfy { $0["effectivePeriod"]?["start"] == "2024-03-04" && $0["status"] == "completed" })
        let request = try #require(all.first { $0["resourceType"] == "MedicationRequest" })
        #expect(request["intent"] == "order")
        #expect(request["status"] == "stopped")
        #expect(request["statusReason"]?["coding"]?.arrayValue?.first?["code"] == "266721009")
        #expect(request["medicationCodeableConcept"]?["text"] == "gilteritinib")

        let statuses = all.filter { profile($0)?.hasSuffix("mcode-cancer-disease-status") == true }
        #expect(statuses.count == 2)
        let codes = statuses.compactMap { $0["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue }
        #expect(codes == ["281900007", "271299001"])
        #expect(statuses.allSatisfy { $0["code"]?["coding"]?.arrayValue?.first?["code"] == "88040-1" && $0["focus"] != nil })

        let event = try #require(all.first { $0["resourceType"] == "AdverseEvent" })
        #expect(event["actuality"] == "actual")
        #expect(event["severity"]?["text"] == "CTCAE grade 3")
        #expect(event["suspectEntity"]?.arrayValue?.count == 2)

        let document = try #require(all.first { $0["resourceType"] == "DocumentReference" })
        #expect(document["identifier"]?.arrayValue?.first?["value"] == "99999001")
        #expect(document["content"]?.arrayValue?.first?["attachment"]?["url"] == "https://pubmed.ncbi.nlm.nih.gov/99999001/")

        let provenances = all.filter { $0["resourceType"] == "Provenance" }
        #expect(!provenances.isEmpty)
        let displays = provenances.flatMap { $0["entity"]?.arrayValue ?? [] }.compactMap { $0["what"]?["display"]?.stringValue }
        #expect(displays.contains("bytes 80-90 (case): \"FLT3 D835H\""))
    }

    @Test func idsAreStableAcrossExports() {
        #expect(exporter.bundle(Fixtures.lung).encoded() == exporter.bundle(Fixtures.lung).encoded())
        #expect(exporter.bundle(Fixtures.lung) != exporter.bundle(Fixtures.leukemia))
    }
}
