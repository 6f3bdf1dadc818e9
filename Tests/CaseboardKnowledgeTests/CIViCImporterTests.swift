import CaseboardCore
import CaseboardDocuments
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Testing

enum Shared {
    static let vocabularies = Result { try Vocabularies.loadBundled() }

    static let sharedRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedRoot.appendingPathComponent("data/civic").path) }
}

struct CIViCImporterTests {
    // Invented rows in CIViC's v1 layout (a subset of its columns; the importer reads by name).
    static let v1 = """
        gene\tentrez_id\tvariant\tdisease\tdoid\tdrugs\tdrug_interaction_type\tevidence_type\tevidence_direction\tevidence_level\tclinical_significance\tevidence_statement\tcitation_id\tsource_type\tcitation\trating\tevidence_status\tevidence_id\tevidence_civic_url
        FLT3\t2322\tITD\tAcute Myeloid Leukemia\t9119\tGilteritinib\t\tPredictive\tSupports\tA\tSensitivity/Response\tA made-up statement.\t31665578\tPubMed\tExample et al., 2019\t5\taccepted\t9001\thttps://civicdb.org/links/evidence/9001
        FLT3\t2322\tD835\tAcute Myeloid Leukemia\t9119\tSorafenib\t\tPredictive\tSupports\tB\tResistance\tAnother statement.\t22504184\tPubMed\tExample, 2012\t4\taccepted\t9002\t
        ABL1\t25\tBCR-ABL T315I\tChronic Myeloid Leukemia\t8552\tImatinib,Dasatinib\tSubstitutes\tPredictive\tSupports\tA\tResistance\t\t11423618\tPubMed\tExample, 2001\t5\taccepted\t9003\t
        ALK\t238\tEML4-ALK\tLung Non-small Cell Carcinoma\t3908\tCrizotinib\t\tPredictive\tSupports\tA\tSensitivity/Response\t\t1\tPubMed\tx\t3\taccepted\t9004\t
        KRAS\t3845\tG12/G13\tColorectal Cancer\t9256\tCetuximab\t\tPredictive\tSupports\tB\tResistance\t\t2\tPubMed\tx\t3\taccepted\t9005\t
        TP53\t7157\tMUTATION\tCancer\t162\t\t\tPrognostic\tSupports\tB\tPoor Outcome\t\t3\tPubMed\tx\t3\taccepted\t9006\t
        BRAF\t673\tV600E\tMelanoma\t1909\tVemurafenib\t\tPredictive\tSupports\tA\tSensitivity/Response\t\t4\tPubMed\tx\t5\tsubmitted\t9007\t
        XYZ\t0\tfrobbed\tMelanoma\t1909\tVemurafenib\t\tPredictive\tSupports\tA\tSensitivity/Response\t\t5\tPubMed\tx\t5\taccepted\t9008\t
        """

    // Invented rows in CIViC's v2 (molecular profile) layout.
    static let v2 = """
        molecular_profile\tmolecular_profile_id\tdisease\tdoid\ttherapies\ttherapy_interaction_type\tevidence_type\tevidence_direction\tevidence_level\tsignificance\tevidence_statement\tcitation_id\tsource_type\tcitation\trating\tevidence_status\tevidence_id\tevidence_civic_url
        EGFR L858R AND EGFR T790M\t100\tLung Non-small Cell Carcinoma\t3908\tOsimertinib\t\tPredictive\tSupports\tA\tSensitivity/Response\tx\t6\tPubMed\tx\t5\taccepted\t9101\t
        BCR::ABL1 Fusion\t1\tChronic Myeloid Leukemia\t8552\tImatinib\t\tPredictive\tSupports\tA\tSensitivity/Response\tx\t7\tPubMed\tx\t5\taccepted\t9102\t
        NTRK1 Fusion\t2\tCancer\t162\tLarotrectinib\t\tPredictive\tSupports\tA\tSensitivity/Response\tx\t8\tPubMed\tx\t5\taccepted\t9103\t
        """

    @Test func readsTheV1Layout() throws {
        let (items, report) = try CIViCImporter.parse(Self.v1, vocabularies: Shared.vocabularies.get())
        #expect(items.map(\.id) == ["civic:EID9001", "civic:EID9002", "civic:EID9003", "civic:EID9004", "civic:EID9005", "civic:EID9006"])
        #expect(report.skipped == ["evidence status is not accepted": 1, "unparseable variant or molecular profile": 1])
        let itd = items[0]
        #expect(itd.profile.components.map(\.label) == ["FLT3 ITD"])
        #expect(itd.disease.oncotree == "AML")
        #expect(itd.drugs == ["gilteritinib"])
        #expect(itd.citation.pmid == "31665578")
        #expect(itd.level == .a && itd.significance == .sensitivity)
        #expect(items[1].profile.components.first?.position == 835)
        #expect(items[1].profile.components.first?.alternate == nil)
        // "BCR-ABL T315I": the fusion and the point mutation, both required.
        #expect(items[2].profile.components.map(\.label) == ["BCR::ABL1 fusion", "ABL1 T315I"])
        #expect(items[2].drugs == ["imatinib", "dasatinib"])
        #expect(items[2].interaction == .substitutes)
        #expect(items[3].profile.components.first?.partner == "EML4")
        #expect(items[3].disease.oncotree == "NSCLC")
        #expect(items[4].profile.combination == .any)
        #expect(items[4].profile.components.map(\.variant) == ["G12", "G13"])
        #expect(items[5].evidenceType == .prognostic && items[5].disease.tumorAgnostic)
    }

    @Test func readsTheV2Layout() throws {
        let (items, report) = try CIViCImporter.parse(Self.v2, vocabularies: Shared.vocabularies.get())
        #expect(report.skippedTotal == 0)
        #expect(items[0].profile.combination == .all)
        #expect(items[0].profile.components.map(\.label) == ["EGFR L858R", "EGFR T790M"])
        #expect(items[1].profile.components.map(\.label) == ["BCR::ABL1 fusion"])
        #expect(items[2].disease.tumorAgnostic)
    }

    @Test func rejectsFilesThatAreNotCIViC() throws {
        #expect(throws: KnowledgeStoreError.self) { try CIViCImporter.parse("a\tb\n1\t2\n", vocabularies: Shared.vocabularies.get()) }
    }

    @Test func caseEvidenceIsLevelCWithSpans() throws {
        let span = Evidence(start: 10, end: 20, text: "complete response", section: .case)
        let record = CaseRecord(
            document: "x.txt",
            diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
            alterations: [
                Alteration(gene: "FLT3", variant: "ITD", kind: .internalTandemDuplication),
                Alteration(gene: "DNMT3A", variant: "mutation", kind: .mutation),
            ],
            therapies: [TherapyLine(line: 1, drugs: ["sorafenib"], response: .complete, responseSpans: [span])],
            resistance: [ResistanceEvent(gene: "FLT3", variant: "D835H", drugs: ["sorafenib"], basis: "acquired")]
        )
        let id = CaseIdentity.id(for: record)
        #expect(id == CaseIdentity.id(for: record))
        let items = CaseEvidence.derive(from: record, caseID: id, vocabularies: try Shared.vocabularies.get())
        #expect(items.map(\.significance) == [.sensitivity, .resistance])
        #expect(items[0].profile.components.map(\.label) == ["FLT3 ITD"])  // sorafenib targets FLT3, not DNMT3A
        #expect(items[0].spans.first == span)
        #expect(items.allSatisfy { $0.level == .c && $0.caseID == id })
        #expect(items[1].profile.components.first?.position == 835)
    }
}

@Suite(.enabled(if: Shared.hasSharedData, "../shared/data/civic not found: CIViC import test skipped"))
struct SharedCIViCTests {
    @Test func importsThe2021EvidenceSummaries() throws {
        let url = Shared.sharedRoot.appendingPathComponent("data/civic/01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz")
        // The same gzip path the CLI import uses.
        var source = try ByteSources.open(path: url.path)
        let bytes = try source.readAll(name: url.path)
        let (items, report) = try CIViCImporter.parse(String(decoding: bytes, as: UTF8.self), vocabularies: Shared.vocabularies.get())
        #expect(items.count + report.skippedTotal == 3_650)
        #expect(items.count > 3_000, "skipped: \(report.skipped)")
        let itd = items.filter { $0.profile.components.contains { $0.gene == "FLT3" && $0.variant == "ITD" } }
        #expect(itd.count >= 25)
    }
}
