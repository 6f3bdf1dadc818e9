import CaseboardCore
import Testing

/// General classes of reading errors on unseen reports (issue 12), each shown by an invented sentence.
struct GeneralReadingPatternTests {
    private func allEventTerms(_ record: CaseRecord) -> [String] {
        record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) }
    }

    @Test func aRegimenSpelledOutInTheBracketsAfterItIsOneLine() throws {
        let (record, _) = try extract(
            "A 58-year-old woman with peripheral T-cell lymphoma received four cycles of CHOP chemotherapy (cyclophosphamide 750 mg/m2 "
                + "on day 1; doxorubicin 50 mg/m2 on day 1; vincristine 1.4 mg/m2 on day 1; prednisone 100 mg on days 1 to 5). "
                + "Restaging showed a partial response."
        )
        let line = try #require(record.therapies.first { $0.drugs.contains("doxorubicin") })
        #expect(Set(line.drugs) == ["cyclophosphamide", "doxorubicin", "vincristine", "prednisone"], "\(record.therapies.map(\.drugs))")
        #expect(line.response == .partial)
    }

    @Test func anAimSentenceInTheIntroductionSpeaksOfTheReportedPatients() throws {
        let (record, _) = try extract(
            "INTRODUCTION\nPI3K inhibitors are used in follicular lymphoma. In this report we describe two patients with follicular lymphoma "
                + "who developed pneumonitis during treatment with a PI3K inhibitor.\nCASE REPORT\nPatient 1, a 66-year-old man, "
                + "started idelalisib in 2019. Patient 2, a 71-year-old woman, started idelalisib in 2020."
        )
        #expect(allEventTerms(record).contains("pneumonitis"), "\(allEventTerms(record))")
    }

    @Test func aTextThatCallsItselfACaseReportReportsAPatient() throws {
        let (record, _) = try extract(
            "Lenvatinib-associated proteinuria and hypertension: a case report.\n\n"
                + "Lenvatinib is a multikinase inhibitor approved for thyroid cancer. Proteinuria is a known effect of VEGF receptor inhibitors."
        )
        #expect(record.therapies.flatMap(\.drugs).contains("lenvatinib"), "\(record.therapies.map(\.drugs))")
        #expect(allEventTerms(record).contains("proteinuria"), "\(allEventTerms(record))")
    }

    @Test func eventsAfterAnUnnamedChemotherapyAreItsToxicities() throws {
        let (record, _) = try extract(
            "A 12-year-old boy was diagnosed with medulloblastoma. After two cycles of adjuvant chemotherapy, he developed seizures and dysarthria."
        )
        let terms = allEventTerms(record)
        #expect(terms.contains("seizure"), "\(terms)")
        #expect(terms.contains("dysarthria"), "\(terms)")
    }

    @Test func chemotherapyInducedEncephalitisIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "Chemotherapy-induced immune-mediated encephalitis in a boy with medulloblastoma.\n\nA 9-year-old boy had medulloblastoma."
        )
        #expect(allEventTerms(record).contains("autoimmune encephalitis"), "\(allEventTerms(record))")
    }

    @Test func aDiseaseThatTurnsIntoAWorseOneOnTreatmentFailedIt() throws {
        let (named, _) = try extract(
            "A 74-year-old woman with chronic myelomonocytic leukemia progressed to acute myeloid leukemia after six cycles of decitabine."
        )
        #expect(named.therapies.first { $0.drugs == ["decitabine"] }?.response == .progressive)
        let (before, _) = try extract(
            "A 68-year-old man with myelodysplastic syndrome was given azacitidine, but his disease evolved into AML within a year."
        )
        #expect(before.therapies.first { $0.drugs == ["azacitidine"] }?.response == .progressive)
    }

    @Test func aDrugsFailureIsProgression() throws {
        let (record, _) = try extract("A 52-year-old man with CML in chronic phase was switched to nilotinib because of imatinib failure.")
        #expect(record.therapies.first { $0.drugs == ["imatinib"] }?.response == .progressive)
        #expect(record.therapies.first { $0.drugs == ["nilotinib"] }?.response == nil)
    }

    @Test func growthUnderTreatmentIsProgression() throws {
        let (record, _) = try extract(
            "A 61-year-old woman with melanoma was given pembrolizumab. The largest nodule continued to grow on the next scan."
        )
        #expect(record.therapies.first?.response == .progressive)
    }

    @Test func aResponseNamedByWhereItWasSeenIsAResponse() throws {
        let (record, _) = try extract("A 57-year-old man with lung adenocarcinoma started lorlatinib and had a durable intracranial response.")
        #expect(record.therapies.first?.response == .partial)
    }

    @Test func aDeclineInEjectionFractionIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 63-year-old woman with breast cancer on trastuzumab had a decline in ejection fraction to 40%, and trastuzumab was held."
        )
        #expect(allEventTerms(record).contains("ejection fraction decreased"), "\(allEventTerms(record))")
    }

    @Test func pegylatedInterferonIsNotPlainInterferon() throws {
        let (record, _) = try extract("A 49-year-old man with Erdheim-Chester disease was given pegylated interferon alpha, without benefit.")
        #expect(record.therapies.map(\.drugs) == [["peginterferon alfa"]])
        #expect(record.therapies.first?.response == .progressive)
    }

    @Test func shrinkageShortOfCompleteIsAPartialResponse() throws {
        let (nodal, _) = try extract("A 75-year-old man with CLL was started on zanubrutinib and showed a nodal response at three months.")
        #expect(nodal.therapies.first?.response == .partial)
        let (nearly, _) = try extract(
            "A 42-year-old woman with melanoma received encorafenib and binimetinib, with near-total disappearance of her lung nodules."
        )
        #expect(nearly.therapies.first?.response == .partial)
    }

    @Test func aNegatedOrExplosiveResponseIsProgression() throws {
        let (none, _) = try extract("A 66-year-old man with colorectal cancer was treated with trifluridine/tipiracil with no objective response.")
        #expect(none.therapies.first?.response == .progressive)
        let (rapid, _) = try extract("A 59-year-old woman with bladder cancer was given atezolizumab and suffered hyperprogression within weeks.")
        #expect(rapid.therapies.first?.response == .progressive)
    }

    @Test func bleedingAtAnUnnamedSiteIsAnAdverseEvent() throws {
        let (record, _) = try extract("A 77-year-old man with mantle cell lymphoma received zanubrutinib and developed bleeding after a fall.")
        #expect(allEventTerms(record).contains("hemorrhage"), "\(allEventTerms(record))")
    }

    @Test func whatADrugCanDoIsNotWhatThePatientHad() throws {
        let (record, _) = try extract(
            "A 69-year-old man with renal cell carcinoma received ipilimumab and nivolumab. Colitis is a frequent adverse event of checkpoint blockade."
        )
        #expect(allEventTerms(record).isEmpty, "\(allEventTerms(record))")
    }

    @Test func eventsOfAPatientOnADrugAreItsToxicities() throws {
        let (record, _) = try extract("A 57-year-old woman with CML on nilotinib presented with pruritus and headache.")
        let terms = allEventTerms(record)
        #expect(terms.contains("pruritus"), "\(terms)")
        #expect(terms.contains("headache"), "\(terms)")
    }

    @Test func lungToxicityNamedByTheOrganIsAnAdverseEvent() throws {
        let (record, _) = try extract(
            "A 33-year-old man with a testicular germ cell tumor received bleomycin, etoposide and cisplatin and developed pulmonary toxicity."
        )
        #expect(allEventTerms(record).contains("pulmonary toxicity"), "\(allEventTerms(record))")
    }

    @Test func aPancreaticNeuroendocrineNeoplasmIsAPancreaticNET() throws {
        let (record, _) = try extract("A 51-year-old woman was found to have a pancreatic neuroendocrine neoplasm with liver metastases.")
        #expect(record.diagnoses.map(\.oncotree).contains("PANET"), "\(record.diagnoses.map(\.name))")
    }

    @Test func aCaseReportAndLiteratureReviewTitleNamesTheCase() throws {
        let (record, _) = try extract(
            "Regorafenib-induced hand-foot skin reaction: a case report and review of the literature.\n\n"
                + "Regorafenib is a multikinase inhibitor used in colorectal cancer."
        )
        #expect(record.therapies.flatMap(\.drugs).contains("regorafenib"))
        #expect(allEventTerms(record).contains("palmar-plantar erythrodysesthesia syndrome"), "\(allEventTerms(record))")
    }

    @Test func anInfectionDuringTreatmentIsAnAdverseEventNotADiagnosis() throws {
        let (record, _) = try extract(
            "A 72-year-old man with CLL started ibrutinib. Four months later he developed Pneumocystis jirovecii pneumonia and was given co-trimoxazole."
        )
        let names = record.diagnoses.map(\.name)
        #expect(!names.contains { $0.contains("pneumocystis") }, "\(names)")
        #expect(allEventTerms(record).contains { $0.contains("pneumocystis") }, "\(allEventTerms(record))")
        let (history, _) = try extract(
            "A 64-year-old woman with a history of tuberculosis was diagnosed with lung adenocarcinoma and received osimertinib."
        )
        #expect(history.comorbidities.map(\.name).contains("tuberculosis"), "\(history.comorbidities.map(\.name))")
    }
}
