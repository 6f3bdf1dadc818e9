import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 28 (from hold-out 20's and 21's failures), on profiles of our own. Each test failed
/// before its fix.
struct Session28ClassTests: HoldoutMatching {
    /// PD-L1 by tumour proportion score: the first-line monotherapy labels in lung cancer need TPS 50% or more
    /// (FDA labels: Keytruda (pembrolizumab), 2016; Libtayo (cemiplimab), 2021); at TPS 1-49% NCCN Non-Small Cell
    /// Lung Cancer 2025 prefers chemotherapy with immunotherapy and lists pembrolizumab alone only as useful in
    /// certain circumstances. A TPS of 20% had met the 50% rows as "expression" and put pembrolizumab alone first.
    @Test func aProportionScoreBelowFiftyDoesNotMeetTheFiftyPercentLabels() throws {
        let low = try match("lung adenocarcinoma, stage IV, first line", ["KRAS G12D", "PD-L1 TPS 20%"])
        let first = try #require(top(low, 1).first)
        #expect(first.contains("pembrolizumab") && first.count == 3, "\(top(low, 5))")
        let alone = low.options.first { $0.drugs == ["pembrolizumab"] }
        #expect(alone?.evidence.contains { $0.id == "curated:CB-0090" || $0.id == "curated:CB-0364" } != true)
        #expect(!low.options.contains { $0.drugs == ["cemiplimab"] }, "\(top(low, 8))")

        let high = try match("lung adenocarcinoma, stage IV, first line", ["KRAS G12D", "PD-L1 TPS 80%"])
        let labelled = high.options.first { $0.drugs == ["pembrolizumab"] }
        #expect(labelled?.evidence.contains { $0.id == "curated:CB-0090" } == true, "\(top(high, 5))")
        #expect(labelled?.inferred == false)
        #expect(top(high, 3).contains(["pembrolizumab"]), "\(top(high, 5))")

        // "PD-L1 high" is how a lung report writes 50% or more; "PD-L1 positive" meets the 50% rows only by inference.
        let written = try match("NSCLC, 1L", ["PD-L1 high"])
        #expect(written.options.first { $0.drugs == ["cemiplimab"] }?.evidence.contains { $0.id == "curated:CB-0364" } == true)
        let unscored = try match("NSCLC, 1L", ["PD-L1 positive"])
        #expect(unscored.options.first { $0.drugs == ["cemiplimab"] }?.inferred == true, "\(top(unscored, 8))")
    }
}
