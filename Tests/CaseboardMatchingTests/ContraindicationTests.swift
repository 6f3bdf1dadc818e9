import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Testing

/// Conditions written beside the disease that a label or guideline says rule a drug out, and
/// toxicities that ended a drug for good. Hold-out 12's blind run (session 19) put quizartinib first
/// for a patient with QTcF 486 ms, avapritinib first with platelets 38 x10^9/L and pembrolizumab back
/// after grade 4 myocarditis. Each test failed before the change; the profiles are our own.
struct ContraindicationTests {
    private func match(_ profile: PatientProfile) throws -> MatchResult {
        try HoldoutScenarios.defaultMatcher.get().match(profile)
    }

    private func setAside(_ result: MatchResult, containing drug: String) -> NotRecommendedOption? {
        result.notRecommended.first { $0.drugs.contains(drug) && $0.reason == .contraindicated }
    }

    /// QTcF above 450 ms: quizartinib is not started (FDA label: Vanflyta (quizartinib), 2023);
    /// midostaurin with 7+3 leads for FLT3-ITD AML (FDA label: Rydapt (midostaurin), 2017).
    @Test func aLongQTcRulesOutQuizartinib() throws {
        let profile = { (disease: String) in
            PatientProfile(disease: disease, alterations: ["FLT3-ITD", "NPM1 W288fs"])
        }
        let long = try match(profile("newly diagnosed AML, fit, baseline QTcF 492 ms"))
        #expect(!long.options.contains { $0.drugs.contains("quizartinib") }, "\(long.options.prefix(3).map(\.drugs))")
        #expect(setAside(long, containing: "quizartinib")?.why.contains("Vanflyta") == true)
        #expect(long.options.first?.drugs.contains("midostaurin") == true)
        // A normal QTc rules out nothing.
        let normal = try match(profile("newly diagnosed AML, fit, QTcF 420 ms"))
        #expect(normal.options.contains { $0.drugs.contains("quizartinib") })
    }

    /// Platelets below 50 x10^9/L: avapritinib is not recommended in advanced systemic mastocytosis
    /// (FDA label: Ayvakit (avapritinib), 2021); above it, avapritinib stays.
    @Test func lowPlateletsRuleOutAvapritinib() throws {
        let low = try match(PatientProfile(disease: "aggressive systemic mastocytosis, platelets 35 x10^9/L", alterations: ["KIT D816V"]))
        #expect(setAside(low, containing: "avapritinib") != nil, "\(low.options.prefix(3).map(\.drugs))")
        let normal = try match(PatientProfile(disease: "aggressive systemic mastocytosis, platelets 160 x10^9/L", alterations: ["KIT D816V"]))
        #expect(normal.options.contains { $0.drugs == ["avapritinib"] })
    }

    /// A poor ejection fraction rules out anthracyclines (doxorubicin label; NCCN B-Cell Lymphomas 2025);
    /// a preserved one does not, nor a seizure history or "no neuropathy" anything else.
    @Test func poorEjectionFractionRulesOutAnthracyclinesOnly() throws {
        let poor = try match(PatientProfile(disease: "DLBCL, stage III, treatment-naive, LVEF 32%", alterations: ["CD20 positive"]))
        #expect(!poor.options.prefix(5).contains { $0.drugs.contains("doxorubicin") }, "\(poor.options.prefix(5).map(\.drugs))")
        #expect(setAside(poor, containing: "doxorubicin") != nil)
        let fine = try match(PatientProfile(disease: "DLBCL, stage III, treatment-naive, LVEF 60%, no neuropathy", alterations: ["CD20 positive"]))
        #expect(fine.options.prefix(3).contains { $0.drugs.contains("doxorubicin") })
        #expect(fine.notRecommended.allSatisfy { $0.reason != .contraindicated })
    }

    /// A seizure history rules out enzalutamide and apalutamide (Xtandi and Erleada labels), not
    /// darolutamide (NCCN Prostate Cancer 2025).
    @Test func seizuresRuleOutEnzalutamideAndApalutamide() throws {
        let result = try match(
            PatientProfile(disease: "metastatic castration-resistant prostate adenocarcinoma, epilepsy with a seizure last year", alterations: [])
        )
        #expect(setAside(result, containing: "enzalutamide") != nil)
        #expect(!result.options.contains { $0.drugs.contains("apalutamide") })
    }

    /// Stopped for immune-related myocarditis, no checkpoint inhibitor is given again (NCCN Management of
    /// Immunotherapy-Related Toxicities 2025); stopped for intolerance with no such toxicity named, the
    /// drug is only demoted, as before.
    @Test func myocarditisEndsEveryCheckpointInhibitor() throws {
        let stopped = [PriorTherapy(drugs: ["pembrolizumab"], response: "intolerance")]
        let result = try match(
            PatientProfile(
                disease: "metastatic melanoma, pembrolizumab stopped for grade 4 myocarditis",
                alterations: ["BRAF V600E"],
                priorTherapies: stopped
            )
        )
        let checkpoint: Set<String> = ["pembrolizumab", "nivolumab", "ipilimumab", "relatlimab"]
        #expect(!result.options.contains { !Set($0.drugs).isDisjoint(with: checkpoint) }, "\(result.options.prefix(4).map(\.drugs))")
        // Set aside for the toxicity, which is not a claim of resistance.
        #expect(result.notRecommended.contains { $0.drugs.contains("pembrolizumab") && $0.reason == .stoppedForToxicity })
        #expect(!result.resistance.contains { $0.drugs.contains("pembrolizumab") })
        #expect(result.options.first.map { Set($0.drugs).isDisjoint(with: checkpoint) } == true)
        let mild = try match(
            PatientProfile(disease: "metastatic melanoma", alterations: ["BRAF V600E"], priorTherapies: stopped)
        )
        #expect(mild.options.contains { $0.drugs == ["nivolumab"] })
    }
}

/// Acquired resistance by mechanism that hold-out 12's blind run (session 19) found missing: each
/// regimen is flagged from the alteration alone. The profiles are our own.
struct AcquiredResistanceRowTests {
    private func flagged(_ profile: PatientProfile) throws -> [Set<String>] {
        let result = try HoldoutScenarios.defaultMatcher.get().match(profile)
        return result.resistance.map { Set($0.drugs) } + result.notRecommended.map { Set($0.drugs) }
    }

    /// ROS1 L2086F blocks the type I ROS1 inhibitors (Lin JJ et al., Clin Cancer Res 2021;27:2899).
    @Test func rosL2086FFlagsTheTypeIInhibitors() throws {
        let flags = try flagged(
            PatientProfile(
                disease: "metastatic lung adenocarcinoma",
                alterations: ["EZR::ROS1", "ROS1 L2086F"],
                priorTherapies: [PriorTherapy(drugs: ["lorlatinib"], response: "progressive disease")]
            )
        )
        for drug in ["entrectinib", "repotrectinib", "taletrectinib"] { #expect(flags.contains([drug]), "\(drug)") }
    }

    /// MET amplification after anti-EGFR antibodies in colorectal cancer (PMID:23729478); a BRAF fusion
    /// in melanoma against V600-selective BRAF inhibitors (FDA label: Tafinlar (dabrafenib), 2013); an
    /// acquired NRAS Q61 mutation against BRAF and MEK inhibition in melanoma (PMID:21107323).
    @Test func bypassAndNonV600ChangesFlagTheirRegimens() throws {
        let colorectal = try flagged(
            PatientProfile(disease: "metastatic colorectal adenocarcinoma", alterations: ["KRAS wild-type", "MET amplification"])
        )
        #expect(colorectal.contains(["panitumumab"]) && colorectal.contains(["cetuximab"]))
        let fusion = try flagged(PatientProfile(disease: "metastatic melanoma", alterations: ["SKAP2::BRAF fusion"]))
        #expect(fusion.contains(["dabrafenib"]) && fusion.contains(["encorafenib"]))
        let nras = try flagged(
            PatientProfile(
                disease: "metastatic melanoma",
                alterations: ["BRAF V600E", "NRAS Q61R"],
                priorTherapies: [PriorTherapy(drugs: ["dabrafenib", "trametinib"], response: "progressive disease")]
            )
        )
        #expect(nras.contains(["encorafenib", "binimetinib"]))
    }
}

/// Cisplatin ineligibility (Galsky MD et al., J Clin Oncol 2011;29:2432) and a drug given alone that
/// was stopped for a grade 3 toxicity, from hold-out 12's blind run (session 19). Our own profiles.
struct IneligibilityTests {
    private func match(_ profile: PatientProfile) throws -> MatchResult {
        try HoldoutScenarios.defaultMatcher.get().match(profile)
    }

    /// Creatinine clearance below 60 mL/min or grade 2 neuropathy: carboplatin, not cisplatin
    /// (NCCN Bladder Cancer 2025). At 75 mL/min cisplatin stays.
    @Test func cisplatinIneligibilityLeavesCarboplatin() throws {
        for disease in ["metastatic urothelial carcinoma, treatment-naive, CrCl 48 mL/min", "metastatic urothelial carcinoma, grade 2 neuropathy"] {
            let result = try match(PatientProfile(disease: disease, alterations: []))
            #expect(!result.options.prefix(5).contains { $0.drugs.contains("cisplatin") }, "\(disease): \(result.options.prefix(5).map(\.drugs))")
            #expect(result.notRecommended.contains { $0.drugs.contains("cisplatin") && $0.reason == .contraindicated })
        }
        let eligible = try match(PatientProfile(disease: "metastatic urothelial carcinoma, creatinine clearance 75 mL/min", alterations: []))
        #expect(eligible.options.contains { $0.drugs.contains("cisplatin") })
    }

    /// A drug given alone and stopped for a grade 3 toxicity is set aside; a regimen stopped for one is
    /// not, since the text does not say which of its drugs caused it.
    @Test func aDrugStoppedAloneForAGrade3ToxicityIsSetAside() throws {
        let alone = try match(
            PatientProfile(
                disease: "locally advanced basal cell carcinoma, vismodegib stopped for grade 3 muscle cramps",
                alterations: ["PTCH1 loss"],
                priorTherapies: [PriorTherapy(drugs: ["vismodegib"], response: "intolerance")]
            )
        )
        #expect(!alone.options.contains { $0.drugs == ["vismodegib"] }, "\(alone.options.prefix(3).map(\.drugs))")
        #expect(alone.notRecommended.contains { $0.drugs == ["vismodegib"] && $0.reason == .stoppedForToxicity })
    }
}
