import CaseboardCore
import CaseboardExport
import Foundation
import Testing

@Suite struct PhenopacketImportTests {
    let importer = PhenopacketImporter(vocabularies: Fixtures.vocabularies)
    let exporter = PhenopacketExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)

    @Test func roundTripGivesTheMatcherProfile() throws {
        let profile = try importer.profile(from: exporter.phenopacket(Fixtures.leukemia).encoded())
        #expect(profile.id == "pmid-99999001")
        #expect(profile.disease == "AML")
        #expect(profile.diseaseCode == "NCIT:C3171")
        #expect(profile.alterations == ["FLT3 D835H", "NPM1 mutation", "FLT3 F691L"])
        #expect(
            profile.priorTherapies == [
                .init(drugs: ["cytarabine", "daunorubicin"], response: "complete response"),
                .init(drugs: ["gilteritinib"], response: "progressive disease"),
            ]
        )
    }

    @Test func fusionsAndAmplificationsComeBackAsWritten() throws {
        let profile = try importer.profile(from: exporter.phenopacket(Fixtures.lung).encoded())
        #expect(profile.disease == "LUAD")
        #expect(profile.alterations == ["EML4::ALK fusion", "ERBB2 amplification"])
        #expect(profile.priorTherapies == [.init(drugs: ["alectinib"], response: "partial response")])
    }

    @Test func foreignPhenopacketWithThreeLetterHGVSAndUnknownDisease() throws {
        let json = """
            {"id": "x1", "diseases": [{"term": {"id": "MONDO:0000001", "label": "some cancer"}}],
             "interpretations": [{"id": "i", "diagnosis": {"disease": {"id": "MONDO:0000001"}, "genomicInterpretations": [
               {"variantInterpretation": {"variationDescriptor": {"id": "v", "geneContext": {"valueId": "HGNC:3236", "symbol": "EGFR"},
                 "expressions": [{"syntax": "hgvs.p", "value": "NP_005219.2:p.(Thr790Met)"}]}}}]}}],
             "medicalActions": [{"treatment": {"agent": {"id": "DrugBank:DB09330", "label": "Osimertinib"}},
               "responseToTreatment": {"label": "Partial response"}}]}
            """
        let profile = try importer.profile(from: Data(json.utf8))
        #expect(profile.disease == "some cancer")
        #expect(profile.alterations == ["EGFR T790M"])
        #expect(profile.priorTherapies == [.init(drugs: ["osimertinib"], response: "partial response")])
    }

    /// Some OncoTree rows carry no NCIt code; their label alone must still find the node.
    @Test func diseaseLabelWithoutAnIDFindsItsOncoTreeCode() throws {
        let profile = try importer.profile(from: Data(#"{"diseases": [{"term": {"label": "Sarcoma, NOS"}}]}"#.utf8))
        #expect(profile.disease == "SARCNOS")
        #expect(profile.diseaseCode == nil)
    }

    @Test func errorsNameTheField() {
        #expect(throws: PhenopacketImportError.wrongType(field: "diseases", expected: "an array")) {
            try importer.profile(from: Data(#"{"diseases": {"term": {}}}"#.utf8))
        }
        #expect(throws: PhenopacketImportError.missing(field: "diseases[0].term")) {
            try importer.profile(from: Data(#"{"diseases": [{"onset": {}}]}"#.utf8))
        }
        #expect(throws: PhenopacketImportError.missing(field: "medicalActions[0].treatment.agent")) {
            try importer.profile(from: Data(#"{"medicalActions": [{"treatment": {}}]}"#.utf8))
        }
        let expression =
            #"{"interpretations": [{"diagnosis": {"genomicInterpretations": [{"variantInterpretation": {"variationDescriptor": {"expressions": [{"value": "p.V600E"}]}}}]}}]}"#
        #expect(
            throws: PhenopacketImportError.missing(
                field: "interpretations[0].diagnosis.genomicInterpretations[0].variantInterpretation.variationDescriptor.expressions[0].syntax"
            )
        ) {
            try importer.profile(from: Data(expression.utf8))
        }
        #expect(throws: PhenopacketImportError.self) { try importer.profile(from: Data("not json".utf8)) }
    }
}
