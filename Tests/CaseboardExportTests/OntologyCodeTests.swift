import CaseboardCore
import CaseboardExport
import Foundation
import Testing

/// Drug codes from the DrugBank open vocabulary (CC0) and the GenomicRegionStudied observation.
@Suite struct OntologyCodeTests {
    let phenopackets = PhenopacketExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)
    let fhir = FHIRExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)

    @Test func treatmentAgentsCarryTheirDrugBankIds() throws {
        let packet = phenopackets.phenopacket(Fixtures.leukemia)
        let actions = try #require(packet["medicalActions"]?.arrayValue)
        let agents = actions.compactMap { $0["treatment"]?["agent"] }
        let ids = Dictionary(uniqueKeysWithValues: agents.compactMap { agent in agent["label"]?.stringValue.map { ($0, agent["id"]?.stringValue) } })
        #expect(ids["gilteritinib"] == "DrugBank:DB12141")
        #expect(ids["cytarabine"] == "DrugBank:DB00987")
        let resources = try #require(packet["metaData"]?["resources"]?.arrayValue)
        #expect(resources.contains { $0["id"] == "drugbank" && $0["namespacePrefix"] == "DrugBank" })
    }

    @Test func medicationsAreCodedWithUNIIAndDrugBank() throws {
        let entries = try #require(fhir.bundle(Fixtures.leukemia)["entry"]?.arrayValue)
        let medications = entries.compactMap { $0["resource"] }.filter {
            $0["resourceType"] == "MedicationRequest" || $0["resourceType"] == "MedicationAdministration"
        }
        let gilteritinib = try #require(medications.first { $0["medicationCodeableConcept"]?["text"] == "gilteritinib" })
        let codings = try #require(gilteritinib["medicationCodeableConcept"]?["coding"]?.arrayValue)
        #expect(codings.contains { $0["system"] == "http://fdasis.nlm.nih.gov" && $0["code"] == "66D92MGC8M" })
        #expect(codings.contains { $0["system"] == "https://go.drugbank.com/drugs" && $0["code"] == "DB12141" })
    }

    @Test func aDrugWithoutAnEntryIsLeftUncoded() throws {
        var record = Fixtures.lung
        record.therapies[0].drugs = ["an invented compound"]
        let entries = try #require(fhir.bundle(record)["entry"]?.arrayValue)
        let medication = try #require(entries.compactMap { $0["resource"] }.first { $0["medicationCodeableConcept"] != nil })
        #expect(medication["medicationCodeableConcept"]?["coding"]?.arrayValue?.isEmpty != false)
        let actions = try #require(phenopackets.phenopacket(record)["medicalActions"]?.arrayValue)
        let agentIDs: [String] = actions.compactMap { action in action["treatment"]?["agent"]?["id"]?.stringValue }
        #expect(agentIDs.isEmpty)
    }

    @Test func genomicRegionStudiedListsTheGenesOnce() throws {
        let entries = try #require(fhir.bundle(Fixtures.leukemia)["entry"]?.arrayValue)
        let regions = entries.compactMap { $0["resource"] }.filter {
            $0["meta"]?["profile"]?.arrayValue?.first == "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-genomic-region-studied"
        }
        #expect(regions.count == 1)
        let region = try #require(regions.first)
        #expect(region["status"] == "final")
        #expect(region["code"]?["coding"]?.arrayValue?.first?["code"] == "53041-0")
        let genes = (region["component"]?.arrayValue ?? []).compactMap { $0["valueCodeableConcept"]?["text"]?.stringValue }
        #expect(Set(genes).count == genes.count)
        #expect(genes.contains("FLT3"))
    }
}
