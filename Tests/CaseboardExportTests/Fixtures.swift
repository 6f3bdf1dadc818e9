import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Invented cases, written for these tests.
enum Fixtures {
    static let vocabularies: Vocabularies = {
        do { return try Vocabularies.loadBundled() } catch { fatalError("bundled vocabularies: \(error)") }
    }()

    static let created = Date(timeIntervalSince1970: 1_780_000_000)

    static func span(_ start: Int, _ text: String) -> Evidence {
        Evidence(start: start, end: start + text.utf8.count, text: text, section: .case)
    }

    /// A leukaemia case with a point mutation, two lines (one a combination) and graded toxicity.
    static let leukemia = CaseRecord(
        document: "invented-aml.txt",
        title: "An invented relapse on a kinase inhibitor",
        metadata: DocumentMetadata(pmid: "99999001"),
        patient: Patient(age: 61, sex: .female, spans: [span(10, "a 61-year-old woman")]),
        diagnoses: [
            Diagnosis(
                name: "acute myeloid leukemia",
                oncotree: "AML",
                code: "AML",
                canonicalName: "Acute Myeloid Leukemia",
                spans: [span(40, "acute myeloid leukemia")]
            )
        ],
        alterations: [
            Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange, alleleFraction: 0.31, spans: [span(80, "FLT3 D835H")]),
            Alteration(gene: "NPM1", variant: "mutation", kind: .mutation),
        ],
        therapies: [
            TherapyLine(
                line: 1,
                drugs: ["cytarabine", "daunorubicin"],
                regimen: "7+3",
                start: TimePoint(date: "2024-03-04", text: "on 4 March 2024"),
                end: TimePoint(date: "2024-03-11", text: "a week later"),
                response: .complete,
                responseText: "complete remission",
                adverseEvents: [AdverseEvent(term: "febrile neutropenia", grade: 3, drugs: [], spans: [span(200, "grade 3 febrile neutropenia")])],
                spans: [span(150, "induction with 7+3")],
                responseSpans: [span(230, "complete remission")]
            ),
            TherapyLine(
                line: 2,
                drugs: ["gilteritinib"],
                start: TimePoint(days: 240, anchor: "diagnosis", text: "eight months later"),
                response: .progressive,
                stopReason: "disease progression",
                spans: [span(300, "gilteritinib")]
            ),
        ],
        resistance: [ResistanceEvent(gene: "FLT3", variant: "F691L", drugs: ["gilteritinib"], basis: "acquired", spans: [span(350, "FLT3 F691L")])],
        outcome: Outcome(died: false)
    )

    /// A lung case with a fusion and an amplification, no dates, no PMID.
    static let lung = CaseRecord(
        document: "invented lung.txt",
        patient: Patient(age: 47, sex: .male),
        diagnoses: [Diagnosis(name: "lung adenocarcinoma", oncotree: "LUAD", code: "LUAD", canonicalName: "Lung Adenocarcinoma")],
        alterations: [
            Alteration(gene: "ALK", variant: "fusion", kind: .fusion, partner: "EML4"),
            Alteration(gene: "ERBB2", variant: "amplification", kind: .amplification),
        ],
        therapies: [TherapyLine(line: 1, drugs: ["alectinib"], response: .partial)]
    )

    static let all = [leukemia, lung]
}
