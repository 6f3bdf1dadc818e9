import CaseboardCore
import CaseboardExtraction
import CaseboardVocabularies
import Testing

/// A fusion read from a case report and the same fusion typed into a profile are filed under
/// one gene, whichever order and notation either used (issue 11, item 10).
struct FusionFilingTests {
    @Test(arguments: [
        ("ETV6-RUNX1", "RUNX1::ETV6", "RUNX1"), ("RUNX1-ETV6", "ETV6::RUNX1", "RUNX1"), ("EML4-ALK", "ALK::EML4", "ALK"),
        ("ALK-EML4", "EML4/ALK", "ALK"), ("PML-RARA", "RARA::PML", "RARA"), ("RUNX1-RUNX1T1", "RUNX1T1/RUNX1", "RUNX1T1"),
        ("KMT2A-AFF1", "AFF1::KMT2A", "KMT2A"), ("BCR-ABL1", "ABL1::BCR", "ABL1"), ("ETV6-NTRK3", "NTRK3-ETV6", "NTRK3"),
    ])
    func caseAndProfileFileAFusionAlike(caseForm: String, profileForm: String, gene: String) throws {
        let (record, _) = try extract("A 9-year-old boy was found to carry an \(caseForm) fusion at diagnosis.")
        let stored = record.alterations.filter { $0.kind == .fusion }
        #expect(stored.map(\.gene) == [gene])
        let typed = try Shared.extractor.get().vocabularies.parseAlteration(profileForm).get()
        #expect(typed.gene == gene)
        #expect(Set([typed.gene, typed.partner]) == Set([stored.first?.gene, stored.first?.partner]))
    }

    @Test func translocationsAreFiledByTheSameRule() throws {
        let (record, _) = try extract("The patient's karyotype showed t(12;21)(p13;q22) at diagnosis.")
        let typed = try Shared.extractor.get().vocabularies.parseAlteration("ETV6::RUNX1").get()
        #expect(record.alterations.filter { $0.kind == .fusion }.map(\.gene) == [typed.gene])
    }
}
