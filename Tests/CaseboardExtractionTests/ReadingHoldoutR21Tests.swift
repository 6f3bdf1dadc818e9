import CaseboardCore
import Testing

/// Patterns the r21 blind reading set (session 30: supportive, prophylactic and comorbidity drugs in the same
/// sentences as the antitumour drugs) showed misread. The sentences are our own.
struct ReadingHoldoutR21Tests {
    /// CTCAE's "… decreased"/"… increased" written as a noun ("grade 3 neutrophil count decrease", "grade 2 ALT
    /// increase") is the CTCAE term, with its grade.
    @Test func theNounFormOfACTCAELaboratoryTermIsRead() throws {
        let (record, _) = try extract(
            "A 61-year-old woman with metastatic breast cancer started palbociclib with letrozole. After the first cycle she "
                + "had a grade 3 neutrophil count decrease, and in the third cycle a grade 2 ALT increase.\n"
        )
        let events = Dictionary(record.adverseEvents.map { ($0.term, $0.grade) }, uniquingKeysWith: { first, _ in first })
        #expect(events["neutrophil count decreased"] == 3, "\(events)")
        #expect(events["alanine aminotransferase increased"] == 2, "\(events)")
    }

    /// A supportive drug written with the tumour's treatment ("R-CHOP with pegfilgrastim", "sunitinib with
    /// levothyroxine and loperamide") is not part of its regimen, so it takes none of its responses.
    @Test func aSupportiveDrugGivenBesideTheRegimenTakesNoResponse() throws {
        let (record, _) = try extract(
            "A 58-year-old man with gastrointestinal stromal tumour was treated with sunitinib with levothyroxine and "
                + "loperamide. A CT scan after four months showed a partial response.\n"
        )
        let responded = Set(record.therapies.filter { $0.response != nil }.flatMap(\.drugs))
        #expect(responded == ["sunitinib"], "\(record.therapies.map { ($0.drugs, $0.response) })")
    }
}

extension ReadingHoldoutR21Tests {
    /// A drug the text sets aside by its verb is not given: "X was avoided", "X and Y are alternatives", "X is planned".
    @Test func aDrugSetAsideByItsVerbIsNotGiven() throws {
        let (record, _) = try extract(
            "A 66-year-old man with chronic lymphocytic leukaemia received venetoclax with obinutuzumab. Bendamustine was "
                + "avoided because of his age. Acalabrutinib and pirtobrutinib are alternatives for a later relapse. "
                + "Zanubrutinib is planned if the disease returns.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["venetoclax", "obinutuzumab"], "\(drugs)")
    }
}
