import CaseboardCore
import CaseboardMatching
import Testing

/// Classes found in session 26, on profiles of our own. Each test failed before its fix.
struct Session26ClassTests: HoldoutMatching {
    /// Preclinical resistance of one drug (CIViC level D: FLT3-ITD cell lines less sensitive to daunorubicin,
    /// EID130, PMID:15626738) set aside 7+3 itself for every FLT3-ITD AML, although 7+3 is the induction
    /// backbone (NCCN Acute Myeloid Leukemia 2025). The alert stays visible with its level; the regimen stays.
    @Test func preclinicalResistanceOfOneDrugLeavesTheStandardRegimen() throws {
        let result = try match("acute myeloid leukemia", ["FLT3-ITD"])
        let sevenPlusThree: Set<String> = ["cytarabine", "daunorubicin"]
        #expect(!result.notRecommended.contains { Set($0.drugs) == sevenPlusThree }, "\(result.notRecommended.map(\.drugs))")
        #expect(result.options.contains { Set($0.drugs) == sevenPlusThree })
        #expect(result.resistance.contains { $0.drugs == ["daunorubicin"] })
        // The FLT3 inhibitor regimens still lead.
        #expect(top(result).allSatisfy { $0.contains("quizartinib") || $0.contains("midostaurin") }, "\(top(result))")
    }
}
