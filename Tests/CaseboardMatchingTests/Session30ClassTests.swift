import CaseboardCore
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Classes found in session 30 (hold-out 23's leftovers and hold-out 24's failures), on profiles of our own.
/// Each test failed before its fix.
struct Session30ClassTests: HoldoutMatching {
    /// A therapy the patient declined is set aside like one they cannot have: after sorafenib in hepatocellular
    /// carcinoma, a patient who refused immunotherapy gets the kinase inhibitors first (NCCN Hepatocellular
    /// Carcinoma 2025: cabozantinib, regorafenib, ramucirumab for AFP ≥ 400 ng/mL). "PSA declined to 2" names no
    /// therapy and sets nothing aside.
    @Test func aTherapyThePatientDeclinedIsSetAside() throws {
        let sorafenib = [PriorTherapy(drugs: ["sorafenib"], response: "progressive disease")]
        let declined = try match(
            "hepatocellular carcinoma, Child-Pugh A, progression on sorafenib; she declined immunotherapy",
            [],
            priors: sorafenib
        )
        let first = try #require(top(declined, 1).first)
        #expect(
            first.isDisjoint(with: ["durvalumab", "tremelimumab", "atezolizumab", "nivolumab", "ipilimumab", "pembrolizumab"]),
            "\(top(declined, 5))"
        )
        #expect(declined.options.contains { $0.drugs.contains("atezolizumab") && $0.demoted?.contains("immunotherapy") == true })

        let refusedChemo = try match("metastatic pancreatic adenocarcinoma, first line, ECOG 0; refuses chemotherapy", [], priors: [])
        // Every option is chemotherapy here: each stays listed, marked with the reason.
        #expect(refusedChemo.options.contains { $0.drugs.contains("gemcitabine") })
        #expect(refusedChemo.options.filter { $0.drugs.contains("gemcitabine") }.allSatisfy { $0.demoted?.contains("chemotherapy") == true })

        let numbers = try match("metastatic castration-resistant prostate cancer; PSA declined to 2 ng/mL on enzalutamide, then rose", [], priors: [])
        #expect(numbers.options.allSatisfy { $0.demoted?.contains("cannot have") != true }, "\(numbers.options.compactMap(\.demoted))")
    }
}
