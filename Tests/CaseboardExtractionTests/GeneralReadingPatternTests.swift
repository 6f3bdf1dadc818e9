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
}
