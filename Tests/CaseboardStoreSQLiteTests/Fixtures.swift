import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Logging

/// Invented evidence and cases, built in code. No row here is real CIViC or guideline content.
enum Fixtures {
    static let logger = Logger(label: "caseboard.store.tests")

    static func pattern(_ gene: String, _ variant: String, _ kind: AlterationKind, partner: String? = nil) -> AlterationPattern {
        AlterationPattern(gene: gene, kind: kind, variant: variant, partner: partner)
    }

    /// Seven items across sources, levels, genes, diseases and drugs.
    static let evidence: [EvidenceItem] = [
        EvidenceItem(
            id: "civic:EID1",
            source: .civic,
            profile: MolecularProfile(name: "FLT3 D835Y", components: [pattern("FLT3", "D835Y", .proteinChange)]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML", doid: "DOID:9119"),
            drugs: ["gilteritinib"],
            level: .a,
            significance: .sensitivity,
            citation: Citation(pmid: "10000001", label: "Invented et al., 2019"),
            rating: 4,
            statement: "Gilteritinib produced durable remissions in relapsed leukemia."
        ),
        EvidenceItem(
            id: "civic:EID2",
            source: .civic,
            profile: MolecularProfile(name: "FLT3 ITD", components: [pattern("FLT3", "ITD", .internalTandemDuplication)]),
            disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
            drugs: ["sorafenib"],
            level: .b,
            significance: .resistance,
            citation: Citation(pmid: "10000002"),
            statement: "Blasts acquired resistance to sorafenib after six months."
        ),
        EvidenceItem(
            id: "civic:EID3",
            source: .civic,
            profile: MolecularProfile(name: "BRAF V600E", components: [pattern("BRAF", "V600E", .proteinChange)]),
            disease: DiseaseReference(name: "Colorectal Adenocarcinoma", oncotree: "COADREAD"),
            drugs: ["vemurafenib"],
            level: .b,
            significance: .resistance,
            statement: "Colorectal tumours were resistant to vemurafenib monotherapy."
        ),
        EvidenceItem(
            id: "civic:EID4",
            source: .civic,
            profile: MolecularProfile(name: "EGFR T790M", components: [pattern("EGFR", "T790M", .proteinChange)]),
            disease: DiseaseReference(name: "Lung Adenocarcinoma", oncotree: "LUAD"),
            drugs: ["osimertinib"],
            evidenceType: .prognostic,
            level: .c,
            significance: .other,
            statement: "Patients with the mutation lived longer on osimertinib."
        ),
        EvidenceItem(
            id: "curated:CB-1",
            source: .curated,
            profile: MolecularProfile(
                name: "EML4::ALK fusion",
                components: [pattern("ALK", "fusion", .fusion, partner: "EML4")]
            ),
            disease: DiseaseReference(name: "Non-Small Cell Lung Cancer", oncotree: "NSCLC"),
            drugs: ["alectinib", "crizotinib"],
            interaction: .substitutes,
            level: .a,
            significance: .sensitivity,
            citation: Citation(url: "https://example.org/label", label: "FDA label: Alecensa (alectinib)", kind: "FDA label")
        ),
        EvidenceItem(
            id: "curated:CB-2",
            source: .curated,
            profile: MolecularProfile(name: "BRAF V600E", components: [pattern("BRAF", "V600E", .proteinChange)]),
            disease: DiseaseReference(name: "Melanoma", oncotree: "MEL"),
            drugs: ["dabrafenib", "trametinib"],
            interaction: .combination,
            level: .a,
            significance: .sensitivity
        ),
        EvidenceItem(
            id: "curated:CB-3",
            source: .curated,
            profile: MolecularProfile(name: "NTRK1 fusion", components: [pattern("NTRK1", "fusion", .fusion)]),
            disease: DiseaseReference(name: "Solid Tumor", tumorAgnostic: true),
            drugs: ["larotrectinib"],
            evidenceType: .predictive,
            level: .a,
            significance: .sensitivity,
            statement: "Tumour-agnostic approval."
        ),
    ]

    /// An AML case with a PMID and an acquired resistance mutation.
    static let amlCase = CaseRecord(
        document: "aml-case.xml",
        title: "Gilteritinib in relapsed FLT3-mutated leukemia",
        metadata: DocumentMetadata(pmid: "20000001"),
        diagnoses: [Diagnosis(name: "acute myeloid leukemia", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
        alterations: [Alteration(gene: "FLT3", variant: "D835Y", kind: .proteinChange)],
        therapies: [TherapyLine(line: 1, drugs: ["gilteritinib"], response: .complete)],
        resistance: [ResistanceEvent(gene: "FLT3", variant: "F691L", drugs: ["gilteritinib"], basis: "acquired")]
    )

    /// A lung case without a PMID, so its id comes from the document name and title.
    static let lungCase = CaseRecord(
        document: "lung-case.txt",
        title: "Alectinib after crizotinib",
        diagnoses: [
            Diagnosis(name: "lung adenocarcinoma", oncotree: "LUAD", code: "LUAD", canonicalName: "Lung Adenocarcinoma")
        ],
        alterations: [Alteration(gene: "ALK", variant: "fusion", kind: .fusion, partner: "EML4")],
        therapies: [
            TherapyLine(line: 1, drugs: ["crizotinib"], response: .partial),
            TherapyLine(line: 2, drugs: ["alectinib"], response: .complete),
        ]
    )

    /// Evidence derived from a case, with ids under `case:`.
    static func caseEvidence(_ caseID: String, count: Int, statement: String) -> [EvidenceItem] {
        (1...count).map { index in
            EvidenceItem(
                id: "case:\(caseID):\(index)",
                source: .caseReport,
                profile: MolecularProfile(name: "FLT3 D835Y", components: [pattern("FLT3", "D835Y", .proteinChange)]),
                disease: DiseaseReference(name: "Acute Myeloid Leukemia", oncotree: "AML"),
                drugs: ["gilteritinib"],
                level: .c,
                significance: .sensitivity,
                citation: Citation(kind: "case report"),
                statement: statement
            )
        }
    }

    /// `count` simple items `bulk:<prefix>:<n>` for volume and concurrency tests.
    static func bulkEvidence(prefix: String, count: Int) -> [EvidenceItem] {
        (0..<count).map { index in
            EvidenceItem(
                id: "bulk:\(prefix):\(index)",
                source: .civic,
                profile: MolecularProfile(
                    name: "KIT D\(816 + index % 7)V",
                    components: [pattern("KIT", "D\(816 + index % 7)V", .proteinChange)]
                ),
                disease: DiseaseReference(name: "Systemic Mastocytosis", oncotree: "SM"),
                drugs: ["avapritinib", "midostaurin"],
                level: EvidenceLevel.allCases[index % 5],
                significance: .sensitivity,
                citation: Citation(pmid: "\(30_000_000 + index)", label: "Bulk \(index)"),
                statement: "Invented statement number \(index) about mastocytosis responses."
            )
        }
    }

    static func ids(_ page: EvidencePage) -> [String] { page.items.map(\.id) }
}

/// A fresh directory under the system temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
