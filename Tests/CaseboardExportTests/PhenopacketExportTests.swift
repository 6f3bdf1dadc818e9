import CaseboardCore
import CaseboardExport
import Foundation
import Testing

@Suite struct PhenopacketExportTests {
    let exporter = PhenopacketExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)

    @Test func subjectDiseaseAndMetadata() throws {
        let packet = exporter.phenopacket(Fixtures.leukemia)
        #expect(packet["id"] == "pmid-99999001")
        #expect(packet["subject"]?["sex"] == "FEMALE")
        #expect(packet["subject"]?["timeAtLastEncounter"]?["age"]?["iso8601duration"] == "P61Y")
        let disease = try #require(packet["diseases"]?.arrayValue?.first)
        #expect(disease["term"]?["id"] == "NCIT:C3171")
        #expect(disease["term"]?["label"] == "Acute Myeloid Leukemia")
        let meta = try #require(packet["metaData"])
        #expect(meta["createdBy"] == "Caseboard")
        #expect(meta["phenopacketSchemaVersion"] == "2.0")
        #expect(meta["created"] == "2026-05-28T20:26:40Z")
        let prefixes = meta["resources"]?.arrayValue?.compactMap { $0["namespacePrefix"]?.stringValue } ?? []
        #expect(Set(prefixes) == ["NCIT", "HGNC", "DrugBank"])
        #expect(meta["resources"]?.arrayValue?.allSatisfy { ($0["version"]?.stringValue ?? "").isEmpty == false } == true)
        #expect(meta["externalReferences"]?.arrayValue?.first?["id"] == "PMID:99999001")
    }

    @Test func unknownSexIsExplicit() {
        var record = Fixtures.lung
        record.patient.sex = nil
        #expect(exporter.phenopacket(record)["subject"]?["sex"] == "UNKNOWN_SEX")
    }

    @Test func pointMutationHasHGVSAndHGNC() throws {
        let packet = exporter.phenopacket(Fixtures.leukemia)
        let descriptors = descriptors(packet)
        let flt3 = try #require(descriptors.first { $0["label"] == "FLT3 D835H" })
        #expect(flt3["geneContext"]?["valueId"] == "HGNC:3765")
        #expect(flt3["expressions"] == [.obj(["syntax": "hgvs.p", "value": "p.Asp835His"])])
        #expect(flt3["moleculeContext"] == "protein")
        #expect(flt3["extensions"]?.arrayValue?.first?["value"] == "0.31")
        #expect(flt3["description"]?.stringValue?.contains("bytes 80-90") == true)
        // The acquired resistance variant is exported too, said to be reported on the drug.
        let resistance = try #require(descriptors.first { $0["label"] == "FLT3 F691L" })
        #expect(resistance["description"]?.stringValue?.contains("gilteritinib") == true)
    }

    @Test func fusionAndAmplificationAreNotForcedIntoAlleles() throws {
        let descriptors = descriptors(exporter.phenopacket(Fixtures.lung))
        let fusion = try #require(descriptors.first { $0["label"] == "EML4::ALK fusion" })
        #expect(fusion["expressions"] == nil)
        #expect(fusion["structuralType"]?["label"] == "gene fusion")
        #expect(fusion["description"]?.stringValue?.contains("EML4 (5')") == true)
        let amplification = try #require(descriptors.first { $0["label"] == "ERBB2 amplification" })
        #expect(amplification["structuralType"]?["label"] == "copy number gain")
        #expect(amplification["geneContext"]?["valueId"] == "HGNC:3430")
    }

    @Test func medicalActionsPerAgentAndRegimen() throws {
        let actions = try #require(exporter.phenopacket(Fixtures.leukemia)["medicalActions"]?.arrayValue)
        let agents = actions.compactMap { $0["treatment"]?["agent"]?["label"]?.stringValue }
        #expect(agents == ["cytarabine", "daunorubicin", "gilteritinib"])
        let regimens = actions.compactMap { $0["therapeuticRegimen"] }
        #expect(regimens.count == 2)
        let first = try #require(regimens.first)
        #expect(first["externalReference"]?["id"] == "PMID:99999001#line-1")
        #expect(first["externalReference"]?["description"]?.stringValue?.contains("line 1 of therapy") == true)
        #expect(first["externalReference"]?["description"]?.stringValue?.contains("febrile neutropenia grade 3") == true)
        #expect(first["startTime"]?["timestamp"] == "2024-03-04T00:00:00Z")
        #expect(first["regimenStatus"] == "COMPLETED")
        // Days from diagnosis become an age: 61 years plus 240 days.
        #expect(regimens[1]["startTime"]?["age"]?["iso8601duration"] == "P61Y240D")
        #expect(regimens[1]["regimenStatus"] == "DISCONTINUED")
        let cytarabine = try #require(actions.first { $0["treatment"]?["agent"]?["label"] == "cytarabine" })
        #expect(cytarabine["responseToTreatment"]?["id"] == "NCIT:C4870")
        #expect(cytarabine["adverseEvents"]?.arrayValue?.first?["label"] == "febrile neutropenia")
        let gilteritinib = try #require(actions.first { $0["treatment"]?["agent"]?["label"] == "gilteritinib" })
        #expect(gilteritinib["responseToTreatment"]?["id"] == "NCIT:C35571")
        #expect(gilteritinib["treatmentTerminationReason"]?["label"] == "disease progression")
    }

    @Test func sameCaseSameBytes() {
        #expect(exporter.phenopacket(Fixtures.leukemia).encoded() == exporter.phenopacket(Fixtures.leukemia).encoded())
    }

    func descriptors(_ packet: JSONValue) -> [JSONValue] {
        (packet["interpretations"]?.arrayValue ?? []).flatMap { interpretation in
            (interpretation["diagnosis"]?["genomicInterpretations"]?.arrayValue ?? []).compactMap {
                $0["variantInterpretation"]?["variationDescriptor"]
            }
        }
    }
}
