import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Testing

/// The line the patient is at, read from what the profile says: a patient known to be untreated gets
/// the first line's options before labels for relapsed disease, and a drug stopped for intolerance
/// is not offered again first. Hold-out 10's blind run (session 17) put crizotinib (a relapsed ALCL
/// label) second for untreated ALCL and dasatinib third after dasatinib was stopped for pleural
/// effusions. Each test failed before the change; the profiles are our own.
struct LineAndToleranceTests {
    /// ALK-positive ALCL (FDA labels: Adcetris (brentuximab vedotin), 2018, with CHP for untreated
    /// systemic ALCL; Xalkori (crizotinib), 2021, relapsed or refractory ALK-positive ALCL; NCCN T-Cell
    /// Lymphomas 2025, CHOP and CHOEP first line).
    static let alclRows = [
        "A-1\tTNFRSF8\tTNFRSF8 expression\texpression\tALCL\t\tbrentuximab vedotin + cyclophosphamide + doxorubicin + prednisone\tsensitivity\tA\tfirst-line\tpreferred\t2018-11-16\tFDA label\tFDA label: Adcetris (brentuximab vedotin), 2018\t",
        "A-2\tALK\tALK fusion\tfusion\tALCL\t\tcrizotinib\tsensitivity\tA\tsecond-line\trecommended\t2021-01-14\tFDA label\tFDA label: Xalkori (crizotinib), 2021\t",
        "A-3\t-\t\tdisease\tALCL\t\tcyclophosphamide + doxorubicin + prednisone + vincristine\tsensitivity\tA\tfirst-line\trecommended\t\tNCCN\tNCCN T-Cell Lymphomas 2025\t",
        "A-4\t-\t\tdisease\tALCL\t\tcyclophosphamide + doxorubicin + etoposide + prednisone + vincristine\tsensitivity\tA\tfirst-line\trecommended\t\tNCCN\tNCCN T-Cell Lymphomas 2025\t",
    ]

    /// Said to be untreated, the relapsed-disease label follows the first line's standards; with
    /// nothing said about earlier treatment it keeps its place (the patient may have had some).
    @Test func anUntreatedPatientGetsTheFirstLineBeforeARelapseLabel() throws {
        let matcher = try RuleFixture.matcher(rows: Self.alclRows, name: "alcl.tsv")
        for disease in ["ALK-positive anaplastic large cell lymphoma, stage III, treatment-naive", "newly diagnosed ALK+ ALCL, stage IV"] {
            let result = matcher.match(PatientProfile(disease: disease, alterations: ["NPM1::ALK", "CD30 positive"]))
            let top3 = result.options.prefix(3).map { $0.drugs.sorted() }
            #expect(!top3.contains(["crizotinib"]), "\(disease): \(top3)")
            #expect(top3.first?.contains("brentuximab vedotin") == true, "\(disease): \(top3)")
            #expect(result.options.contains { $0.drugs == ["crizotinib"] }, "still listed, below")
        }
        // Relapsed disease, said or shown by a prior line: the relapse label leads again.
        let relapsed = matcher.match(
            PatientProfile(
                disease: "relapsed ALK-positive ALCL",
                alterations: ["NPM1::ALK"],
                priorTherapies: [PriorTherapy(drugs: ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone"], response: "PD")]
            )
        )
        #expect(relapsed.options.first?.drugs == ["crizotinib"], "\(relapsed.options.prefix(3).map(\.drugs))")
    }

    /// "Newly diagnosed" in a relapsed disease's text ("relapsed, first diagnosed in 2021") is not
    /// read as untreated; "no prior therapy" is.
    @Test func untreatedIsReadOnlyWhenNothingSaysOtherwise() throws {
        let matcher = try RuleFixture.matcher(rows: Self.alclRows, name: "alcl.tsv")
        let first = { (disease: String) in matcher.match(PatientProfile(disease: disease, alterations: ["NPM1::ALK"])).options.first?.drugs }
        #expect(first("relapsed ALK-positive ALCL, newly diagnosed in 2021") == ["crizotinib"])
        #expect(first("ALK-positive ALCL, no prior therapy") != ["crizotinib"])
        #expect(first("ALK-positive ALCL, previously untreated") != ["crizotinib"])
    }

    /// Chronic-phase CML after dasatinib (FDA labels: Sprycel (dasatinib), 2006; Tasigna (nilotinib),
    /// 2010; Bosulif (bosutinib), 2012; NCCN Chronic Myeloid Leukemia 2025: intolerance to a first
    /// TKI calls for a switch to another).
    static let cmlRows = [
        "C-1\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tdasatinib\tsensitivity\tA\tfirst-line;second-line\tpreferred\t2006-06-28\tFDA label\tFDA label: Sprycel (dasatinib), 2006\t",
        "C-2\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tnilotinib\tsensitivity\tA\tfirst-line;second-line\tpreferred\t2010-06-17\tFDA label\tFDA label: Tasigna (nilotinib), 2010\t",
        "C-3\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tbosutinib\tsensitivity\tA\tfirst-line;second-line\tpreferred\t2012-09-04\tFDA label\tFDA label: Bosulif (bosutinib), 2012\t",
        "C-4\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\timatinib\tsensitivity\tA\tfirst-line\tpreferred\t2001-05-10\tFDA label\tFDA label: Gleevec (imatinib), 2001\t",
    ]

    /// The drug the patient could not tolerate goes below the others, with the reason; a drug the
    /// patient responded to and stopped for another reason is not touched.
    @Test func aDrugStoppedForIntoleranceIsNotOfferedAgainFirst() throws {
        let matcher = try RuleFixture.matcher(rows: Self.cmlRows, name: "cml.tsv")
        for answer in ["intolerance", "not tolerated", "Intolerant"] {
            let result = matcher.match(
                PatientProfile(
                    disease: "chronic myeloid leukaemia, chronic phase",
                    alterations: ["BCR::ABL1"],
                    priorTherapies: [PriorTherapy(drugs: ["dasatinib"], response: answer)]
                )
            )
            let top3 = result.options.prefix(3).map(\.drugs)
            #expect(!top3.contains(["dasatinib"]), "\(answer): \(top3)")
            let dasatinib = result.options.first { $0.drugs == ["dasatinib"] }
            #expect(dasatinib?.demoted?.contains("intolerance") == true, "\(dasatinib?.demoted ?? "not demoted")")
            #expect(result.problems.isEmpty)
        }
        let responding = matcher.match(
            PatientProfile(
                disease: "chronic myeloid leukaemia, chronic phase",
                alterations: ["BCR::ABL1"],
                priorTherapies: [PriorTherapy(drugs: ["dasatinib"], response: "major molecular response")]
            )
        )
        #expect(responding.options.first { $0.drugs == ["dasatinib"] }?.demoted == nil)
    }
}
