import CaseboardCore
import Testing

/// Classes from the blind reading set r27 (patients with more than one cancer, germline syndromes and family
/// histories), in sentences of our own. Each test failed before its fix.
struct ReadingHoldoutR27Tests {
    /// A sentence whose subject is a relative, with words between the possessive and the relative ("Her elder
    /// brother", "His younger sister", "A paternal aunt"), tells of the relative: their disease and drugs are not
    /// the patient's. The patient's own course around it is kept.
    @Test func aRelativeNamedWithAnAdjectiveIsNotThePatient() throws {
        let (record, _) = try extract(
            "Case presentation\nA 61-year-old woman was diagnosed with chronic lymphocytic leukaemia and started "
                + "acalabrutinib, with a partial response. Her elder brother was diagnosed with chronic myeloid leukaemia "
                + "at 55 and takes nilotinib. His younger sister received tamoxifen for breast cancer.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs.contains("acalabrutinib"), "\(drugs)")
        #expect(!drugs.contains("nilotinib") && !drugs.contains("tamoxifen"), "\(drugs)")
    }
}
