import CaseboardCore
import Testing

/// Patterns the r26 hold-out (session 36: reports that talk about other patients, in a literature review, beside an
/// index patient, or in a letter answering another report) showed misread. The sentences are our own.
struct ReadingHoldoutR26Tests {
    /// A letter tells the patient of the report it answers first; that patient's age, sex and drugs are not the
    /// letter's own patient's, and neither is what "the authors" or "the published patient" did.
    @Test func aLetterKeepsItsOwnPatientApartFromTheOneItAnswers() throws {
        let (record, _) = try extract(
            "To the Editor,\n\nWe read with interest the report of a 66-year-old woman with ROS1-rearranged lung cancer who "
                + "responded to crizotinib for two years. The authors suggested that brain relapse is rare. We wish to add our "
                + "own patient. A 39-year-old man with CD74::ROS1 lung adenocarcinoma started entrectinib in May 2022 and had a "
                + "partial response. Grade 2 weight gain followed. The published patient later received lorlatinib with a "
                + "complete response.\n"
        )
        #expect(record.patient.age == 39, "\(String(describing: record.patient.age))")
        #expect(record.patient.sex == .male, "\(String(describing: record.patient.sex))")
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs.contains("entrectinib"), "\(drugs)")
        #expect(!drugs.contains("crizotinib") && !drugs.contains("lorlatinib"), "\(drugs)")
    }

    /// A patient introduced at another age after the reported one ("A 58-year-old man treated with X acquired Y"), and
    /// the sentences that go on about them, are another patient's, as are "the second patient" and the clause of an
    /// "Unlike the man with Y, our patient…" comparison.
    @Test func anotherPatientIntroducedWithAnotherAgeIsNotThePatient() throws {
        let (record, _) = try extract(
            "Case presentation\nA 52-year-old woman with KRAS G12C colorectal cancer received sotorasib with panitumumab "
                + "and had a partial response.\n\nDiscussion\nA 71-year-old man treated with adagrasib acquired KRAS R68S. He "
                + "then received regorafenib with stable disease. Unlike the man with R68S, our patient kept her response. The "
                + "second patient's NRAS Q61L was found in plasma only.\n"
        )
        let variants = record.alterations.map { "\($0.gene) \($0.variant)" }
        #expect(variants.contains("KRAS G12C"), "\(variants)")
        #expect(!variants.contains("KRAS R68S") && !variants.contains("NRAS Q61L"), "\(variants)")
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(!drugs.contains("adagrasib") && !drugs.contains("regorafenib"), "\(drugs)")
        #expect(record.patient.age == 52)
    }

    /// A DNA change in brackets, away from the protein change it encodes ("IDH1 R132H … confirmed by sequencing
    /// (c.395G>A)"), is that change, not a second alteration; and drugs kept as options ("remain options for our
    /// patient", "alternatives that we considered were…") were not given.
    @Test func aBracketedDnaChangeAndOptionsKeptForLaterAddNothing() throws {
        let (record, _) = try extract(
            "A 34-year-old man had an astrocytoma with IDH1 R132H shown by immunohistochemistry and confirmed by sequencing "
                + "(c.395G>A). He started vorasidenib in 2024 with stable disease. Alternatives that we considered were "
                + "temozolomide and lomustine. Ivosidenib and bevacizumab remain options for our patient at progression.\n"
        )
        #expect(record.alterations.filter { $0.gene == "IDH1" }.map(\.variant) == ["R132H"], "\(record.alterations.map(\.variant))")
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["vorasidenib"], "\(drugs)")
    }
}
