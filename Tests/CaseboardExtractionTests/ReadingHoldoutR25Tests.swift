import CaseboardCore
import Testing

/// Patterns the r25 hold-out (session 35: authors writing in a second language, and the surgeon's, radiologist's and
/// pathologist's side of a case) showed misread. The sentences are our own.
struct ReadingHoldoutR25Tests {
    /// "…revealed X, which confers resistance to Y" is the patient's finding with a clause about it, not a general
    /// statement: the change is kept, its resistance to the drug given is read, and a drug the clause only names as
    /// defeated is not a therapy.
    @Test func aResistanceClauseOnThePatientsFindingKeepsTheFinding() throws {
        let (record, _) = try extract(
            "A 47-year-old woman with ALK-rearranged lung adenocarcinoma took brigatinib from 2019 with a partial response. "
                + "In 2021 CT showed new liver lesions. Liver biopsy revealed ALK G1202R, known to confer resistance to brigatinib "
                + "and to ceritinib. Lorlatinib was begun.\n"
        )
        #expect(record.alterations.contains { $0.gene == "ALK" && $0.variant == "G1202R" }, "\(record.alterations.map(\.variant))")
        #expect(record.resistance.contains { $0.gene == "ALK" && $0.drugs == ["brigatinib"] }, "\(record.resistance)")
        #expect(!record.therapies.contains { $0.drugs.contains("ceritinib") }, "\(record.therapies.map(\.drugs))")
    }

    /// "not present at diagnosis" dates a change (it is new), it does not deny it: the change is the patient's, and,
    /// found at relapse on the drug its gene was treated with, that drug's resistance.
    @Test func absentAtDiagnosisMeansNewNotAbsent() throws {
        let (record, _) = try extract(
            "A 63-year-old man with FLT3-ITD acute myeloid leukemia received gilteritinib and reached complete remission. "
                + "Eleven months later the marrow showed relapse. Sequencing detected FLT3 N701K, not present at diagnosis. "
                + "He was then treated with azacitidine and venetoclax.\n"
        )
        #expect(record.alterations.contains { $0.gene == "FLT3" && $0.variant == "N701K" }, "\(record.alterations.map(\.variant))")
        #expect(
            record.resistance.contains { $0.gene == "FLT3" && $0.variant == "N701K" && $0.drugs.contains("gilteritinib") },
            "\(record.resistance)"
        )
    }

    /// Resistance stated for a class with its generation ("first-generation EGFR TKIs") reaches the patient's drug of
    /// that class, and is laid on the new change the sentence names, not on the driver it names beside it.
    @Test func resistanceStatedForAGenerationReachesTheDrugAndTheNewChange() throws {
        let (record, _) = try extract(
            "A 70-year-old man with EGFR exon 19 deletion lung adenocarcinoma took erlotinib 150 mg daily with a partial "
                + "response. After 13 months a new adrenal mass appeared. Plasma sequencing found EGFR C797S beside the exon 19 "
                + "deletion, and the board recorded acquired resistance to first-generation EGFR TKIs.\n"
        )
        #expect(record.resistance.contains { $0.gene == "EGFR" && $0.variant == "C797S" && $0.drugs == ["erlotinib"] }, "\(record.resistance)")
    }
}
