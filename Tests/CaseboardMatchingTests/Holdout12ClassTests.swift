import CaseboardCore
import CaseboardMatching
import Testing

/// Classes from hold-out 12's blind run (session 19, `Scenarios/HOLDOUT12.md`) outside the contraindication
/// and resistance tables. Each test failed before its fix; the wordings are our own.
struct Holdout12ClassTests {
    /// A biomarker written before the histology keeps the site word with the disease: "ROS1-rearranged
    /// lung adenocarcinoma" had been read as the biomarker "ROS1-rearranged lung" and the disease
    /// "adenocarcinoma" (Adenocarcinoma, NOS), so no lung cancer evidence reached the patient.
    @Test func aLeadingBiomarkerLeavesTheSiteWithTheDisease() throws {
        let matcher = try HoldoutScenarios.defaultMatcher.get()
        for text in ["metastatic ROS1-rearranged lung adenocarcinoma", "CD74::ROS1 lung adenocarcinoma, stage IV"] {
            let result = matcher.match(PatientProfile(disease: text, alterations: []))
            #expect(result.disease?.code == "LUAD", "\(text): \(String(describing: result.disease))")
            #expect(result.alterations.contains { $0.gene == "ROS1" }, "\(text)")
        }
        // Longer biomarker phrases still come off whole.
        let braf = matcher.match(PatientProfile(disease: "BRAF V600E-mutant melanoma", alterations: []))
        #expect(braf.disease?.code == "MEL")
        #expect(braf.alterations.map(\.label) == ["BRAF V600E"])
    }
}
