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

    /// Classic Hodgkin lymphoma (FDA labels: Adcetris (brentuximab vedotin), 2018 with AVD, first
    /// line, and 2011 as a single agent; NCCN Hodgkin Lymphoma 2025: ABVD first line, and brentuximab
    /// vedotin-based therapy for older patients who cannot have anthracyclines or bleomycin).
    static let hodgkinRows = [
        "H-1\tTNFRSF8\tTNFRSF8 expression\texpression\tCHL\t\tbrentuximab vedotin + doxorubicin + vinblastine + dacarbazine\tsensitivity\tA\tfirst-line\tpreferred\t2018-03-20\tFDA label\tFDA label: Adcetris (brentuximab vedotin), 2018\t",
        "H-2\t-\t\tdisease\tCHL\t\tdoxorubicin + bleomycin + vinblastine + dacarbazine\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Hodgkin Lymphoma 2025\t",
        "H-3\tTNFRSF8\tTNFRSF8 expression\texpression\tCHL\t\tbrentuximab vedotin\tsensitivity\tA\tsecond-line\trecommended\t2011-08-19\tFDA label\tFDA label: Adcetris (brentuximab vedotin), 2011\t",
        "H-4\t-\t\tdisease\tNSCLC\t\tcisplatin + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t",
        "H-5\t-\t\tdisease\tNSCLC\t\tcarboplatin + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t",
    ]

    /// A drug or a class the disease as written rules out ("not a candidate for anthracyclines or
    /// bleomycin", "cisplatin contraindicated") demotes every regimen with it, with the reason; the
    /// same patient without those words keeps the anthracycline regimens first.
    @Test func aDrugTheDiseaseTextRulesOutIsDemoted() throws {
        let matcher = try RuleFixture.matcher(rows: Self.hodgkinRows, name: "hodgkin.tsv")
        let unfit = matcher.match(
            PatientProfile(
                disease: "classic Hodgkin lymphoma stage IIIB, age 82, not a candidate for anthracyclines or bleomycin",
                alterations: ["CD30 positive"]
            )
        )
        #expect(unfit.options.first?.drugs == ["brentuximab vedotin"], "\(unfit.options.map(\.drugs))")
        let abvd = unfit.options.first { $0.drugs.contains("bleomycin") }
        #expect(abvd?.demoted?.contains("cannot have") == true, "\(abvd?.demoted ?? "not demoted")")
        let fit = matcher.match(PatientProfile(disease: "classic Hodgkin lymphoma stage IIIB, age 35", alterations: ["CD30 positive"]))
        #expect(fit.options.first?.drugs.contains("doxorubicin") == true, "\(fit.options.map(\.drugs))")
        let lung = matcher.match(PatientProfile(disease: "metastatic lung adenocarcinoma, cisplatin contraindicated (hearing loss)", alterations: []))
        #expect(lung.options.first?.drugs.sorted() == ["carboplatin", "pemetrexed"], "\(lung.options.map(\.drugs))")
        #expect(lung.options.first { $0.drugs.contains("cisplatin") }?.demoted != nil)
        let linked = matcher.match(PatientProfile(disease: "metastatic lung adenocarcinoma; cisplatin is contraindicated", alterations: []))
        #expect(linked.options.first { $0.drugs.contains("cisplatin") }?.demoted != nil)
    }

    /// Newly diagnosed AML (FDA labels: Tibsovo (ivosidenib), 2022, with azacitidine for patients 75 or
    /// older or unfit for intensive induction; Venclexta (venetoclax), 2020, likewise; NCCN Acute Myeloid
    /// Leukemia 2025: 7+3 for fit patients).
    static let amlRows = [
        "M-1\tIDH1\tIDH1 R132\tcodon\tAML\t\tivosidenib + azacitidine\tsensitivity\tA\tfirst-line\tpreferred\t2022-05-25\tFDA label\tFDA label: Tibsovo (ivosidenib), 2022\t",
        "M-2\t-\t\tdisease\tAML\t\tvenetoclax + azacitidine\tsensitivity\tA\tfirst-line\tpreferred\t2020-10-16\tFDA label\tFDA label: Venclexta (venetoclax), 2020\t",
        "M-3\t-\t\tdisease\tAML\t\tcytarabine + daunorubicin\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Acute Myeloid Leukemia 2025\t",
    ]

    /// Said to be fit, a newly diagnosed patient gets intensive induction before the regimens labelled
    /// for unfit patients; said unfit, the order turns; said neither, the directed label leads.
    @Test func aFitPatientWithNewAMLGetsIntensiveInductionFirst() throws {
        let matcher = try RuleFixture.matcher(rows: Self.amlRows, name: "aml.tsv")
        let top = { (disease: String) in matcher.match(PatientProfile(disease: disease, alterations: ["IDH1 R132H"])).options.first?.drugs.sorted() }
        #expect(top("newly diagnosed AML, age 50, fit, intensive induction planned") == ["cytarabine", "daunorubicin"])
        let fit = matcher.match(PatientProfile(disease: "newly diagnosed AML, fit", alterations: ["IDH1 R132H"]))
        #expect(fit.options.first { $0.drugs.contains("venetoclax") }?.demoted?.contains("unfit") == true)
        #expect(top("newly diagnosed AML, age 81, unfit for intensive chemotherapy") == ["azacitidine", "ivosidenib"])
        #expect(top("newly diagnosed AML, age 60") == ["azacitidine", "ivosidenib"])
    }

    /// In response after FOLFIRINOX (FDA label: Lynparza (olaparib), 2019, maintenance for germline
    /// BRCA-mutated pancreatic cancer not progressing on first-line platinum), the second line after it
    /// (NCCN Pancreatic Adenocarcinoma 2025: gemcitabine + nab-paclitaxel) waits for progression.
    @Test func aRowForUseAfterADrugWaitsForProgression() throws {
        let rows = [
            "P-1\tBRCA2\tBRCA2 mutation\tmutation\tPAAD\t\tolaparib\tsensitivity\tA\tmaintenance\t\t2019-12-27\tFDA label\tFDA label: Lynparza (olaparib), 2019\t",
            "P-2\t-\t\tdisease\tPAAD\t\tgemcitabine + paclitaxel protein-bound\tsensitivity\tA\tafter:fluorouracil|oxaliplatin|irinotecan\t\t\tNCCN\tNCCN Pancreatic Adenocarcinoma 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "pancreas.tsv")
        let folfirinox = ["fluorouracil", "irinotecan", "leucovorin", "oxaliplatin"]
        let responding = matcher.match(
            PatientProfile(
                disease: "metastatic pancreatic adenocarcinoma",
                alterations: ["germline BRCA2 mutation"],
                priorTherapies: [PriorTherapy(drugs: folfirinox, response: "partial response")]
            )
        )
        #expect(responding.options.first?.drugs == ["olaparib"])
        #expect(responding.options.first { $0.drugs.contains("gemcitabine") }?.settingFit == .poor)
        let progressing = matcher.match(
            PatientProfile(
                disease: "metastatic pancreatic adenocarcinoma",
                alterations: ["germline BRCA2 mutation"],
                priorTherapies: [PriorTherapy(drugs: folfirinox, response: "progressive disease")]
            )
        )
        #expect(progressing.options.first { $0.drugs.contains("gemcitabine") }?.settingFit == .fits)
    }
}
