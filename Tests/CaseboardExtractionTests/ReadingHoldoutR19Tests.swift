import CaseboardCore
import Testing

/// Patterns the r19 blind reading set (session 29: full-text reports as extracted from PDFs and journal pages, with
/// long discussions about other patients) showed misread. The sentences are our own.
struct ReadingHoldoutR19Tests {
    /// A bracketed citation after the full stop (".[7] These", ".(4) Our") ends the sentence. The two sentences had
    /// been read as one, so a trial's drugs and responses were taken for the patient's because the next sentence said
    /// "our patient".
    @Test func aBracketedCitationAfterTheStopEndsTheSentence() throws {
        let (record, _) = try extract(
            "A 52-year-old woman with metastatic melanoma received nivolumab from January 2021 and reached a partial response.\n\n"
                + "Discussion\n"
                + "In a phase III trial most patients treated with vemurafenib responded, although most relapsed within a year.[7] "
                + "These drugs were not an option in our patient, whose tumour was BRAF wild-type.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["nivolumab"], "\(drugs)")
        let parenthesised = try extract(
            "A 61-year-old man with chronic myeloid leukaemia was treated with imatinib 400 mg daily from 2019.\n\n"
                + "Discussion\n"
                + "Ponatinib produced major molecular responses in most patients of a pivotal trial.(4) Our patient never needed it.\n"
        ).0
        #expect(Set(parenthesised.therapies.flatMap(\.drugs)) == ["imatinib"], "\(parenthesised.therapies.map(\.drugs))")
    }

    /// "A colleague's patient", "one published patient" and "one reported patient" are other patients: their drugs,
    /// variants and responses are not this patient's.
    @Test func oneReportedOrAColleaguesPatientIsAnotherPatient() throws {
        let (record, _) = try extract(
            "A 47-year-old man with chronic myeloid leukaemia in chronic phase was started on dasatinib in 2020 and reached a "
                + "major molecular response.\n\n"
                + "Discussion\n"
                + "A colleague's patient with a T315I mutation achieved a deep response with asciminib after failure of ponatinib.\n"
                + "One published patient with the same disease responded to bosutinib for two years.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["dasatinib"], "\(drugs)")
        #expect(!record.alterations.contains { $0.variant == "T315I" }, "\(record.alterations.map(\.label))")
    }

    /// A drug refused by its own name in the next clause ("…, but lazertinib was not available to our patient") or
    /// "not chosen" was not given.
    @Test func aDrugRefusedByNameInTheNextClauseWasNotGiven() throws {
        let (record, _) = try extract(
            "A 58-year-old woman with EGFR-mutant lung adenocarcinoma received osimertinib from May 2022.\n\n"
                + "Discussion\n"
                + "Amivantamab with lazertinib prolonged survival over osimertinib in a trial, but lazertinib was not available "
                + "to our patient.\n"
                + "Pembrolizumab was not chosen for our patient because of the EGFR mutation.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(!drugs.contains("lazertinib") && !drugs.contains("pembrolizumab"), "\(drugs)")
        #expect(drugs.contains("osimertinib"), "\(drugs)")
    }

    /// A drug outside oncology given for a condition its sentence names ("type 2 diabetes treated with metformin") does
    /// not take the tumour's course told next. Before, metformin took the progression.
    @Test func aDrugForAComorbidityTakesNoTumourResponse() throws {
        let found = try lineResponses(
            "A 63-year-old woman with metastatic colorectal adenocarcinoma started FOLFOX with bevacizumab in March 2021.\n"
                + "She had type 2 diabetes treated with metformin.\n"
                + "After six cycles, CT showed progression in the liver.\n"
        )
        #expect(response(of: "metformin", in: found) == .some(nil), "\(found)")
    }
}
