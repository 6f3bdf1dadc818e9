import CaseboardCore
import Testing

/// Patterns the r24 hold-out (session 34: children and young adults, and haematology as haematologists write it)
/// showed misread. The sentences are our own.
struct ReadingHoldoutR24Tests {
    /// A route before the last drug of an induction list does not make it a line of its own: the remission is the
    /// whole induction's.
    @Test func anIntrathecalDrugInAnInductionListJoinsTheRegimen() throws {
        let (record, _) = try extract(
            "A 9-year-old girl was diagnosed with B-cell acute lymphoblastic leukemia. Induction consisted of dexamethasone, "
                + "vincristine, pegaspargase and intrathecal cytarabine. On day 29 the marrow was in complete remission.\n"
        )
        let induction = record.therapies.first { $0.drugs.contains("vincristine") }
        #expect(induction?.drugs.contains("cytarabine") == true, "\(record.therapies.map(\.drugs))")
        #expect(induction?.response == .complete, "\(record.therapies.map { ($0.drugs, $0.response) })")
    }

    /// A case that never names its disease, with an anticancer drug given, takes the cancer its background names.
    @Test func aCaseThatNeverNamesItsDiseaseTakesTheBackgroundsCancer() throws {
        let (record, _) = try extract(
            "Introduction\nMost patients with chronic myeloid leukemia who stop imatinib in deep molecular response stay off "
                + "treatment.\n\nCase presentation\nA 51-year-old man had a karyotype of 46,XY,t(9;22)(q34;q11)[20]. He "
                + "started imatinib 400 mg daily, and BCR::ABL1 fell to 0.08% IS at 12 months.\n"
        )
        #expect(record.diagnoses.contains { $0.oncotree == "CML" || $0.oncotree == "CMLBCRABL1" }, "\(record.diagnoses.map(\.name))")
    }
}
