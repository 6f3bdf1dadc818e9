import CaseboardCore
import Testing

/// Patterns the first set of real abstracts (`Benchmarks/reading-holdout/p1`, session 32) showed misread. The sentences
/// are our own.
struct ReadingRealAbstractTests {
    /// A second change of the gene a targeted drug was given for, found after that drug failed, is its resistance though
    /// no word says so. Only the latest failed drug is paired (gefitinib, not the earlier erlotinib line of another
    /// report), and the drug begun after the finding is not.
    @Test func aSecondChangeFoundAfterFailureIsTheDrugsResistance() throws {
        let (record, _) = try extract(
            "A 58-year-old woman had lung adenocarcinoma with an EGFR L858R mutation. She was given gefitinib and had "
                + "nine months of progression-free survival before new liver lesions appeared. A repeat biopsy showed EGFR "
                + "T790M, and osimertinib was started with a partial response.\n"
        )
        let pairs = Set(record.resistance.flatMap { event in event.drugs.map { "\(event.gene)/\(event.variant)/\($0)" } })
        #expect(pairs == ["EGFR/T790M/gefitinib"], "\(record.resistance)")
    }

    /// The same change reported at diagnosis, beside the driver, is no resistance; nor is one with no sign of failure.
    @Test func aChangeAtDiagnosisOrWithoutFailureIsNoResistance() throws {
        let (baseline, _) = try extract(
            "A 61-year-old man had lung adenocarcinoma with EGFR exon 19 deletion. He received afatinib with a partial "
                + "response lasting a year. At diagnosis the biopsy had also shown EGFR T790M at a low fraction.\n"
        )
        #expect(baseline.resistance.isEmpty, "\(baseline.resistance)")
        let (noFailure, _) = try extract(
            "A 64-year-old woman had lung adenocarcinoma with EGFR L858R. She received erlotinib with a partial response. "
                + "Plasma testing six months later showed EGFR T790M at 0.2%, and erlotinib was continued.\n"
        )
        #expect(noFailure.resistance.isEmpty, "\(noFailure.resistance)")
    }
}

extension ReadingRealAbstractTests {
    /// A hormone the body makes or a list of tests is not a therapy: "insulin resistance", "estradiol synthesis", and
    /// "TSH, thyroglobulin, calcitonin and a neck ultrasound were performed".
    @Test func hormonesAndListedTestsAreNotTherapies() throws {
        let (record, _) = try extract(
            "A 34-year-old man with a prolactin-secreting macroadenoma had insulin resistance and low testosterone, as "
                + "prolactin impairs estradiol synthesis. TSH, free thyroxine, thyroglobulin, calcitonin and a neck ultrasound "
                + "were performed. He was treated with cabergoline, and the adenoma shrank.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["cabergoline"], "\(record.therapies.map(\.drugs))")
    }
}
