import CaseboardCore
import CaseboardMatching
import Foundation
import Testing

/// Classes hold-out 16 found (session 23): a child offered an adult-only drug first, a coding change
/// written alone, and clinic shorthand the parser refused. Each test failed before its fix; the
/// profiles are our own.
struct Holdout16ClassTests: HoldoutMatching {
    /// Ponatinib and asciminib are labelled for adults only; dasatinib, imatinib, nilotinib and
    /// bosutinib from 1 year (FDA labels: Iclusig 2012, Scemblix 2021, Sprycel 2018, Bosulif 2023;
    /// NCCN Pediatric Acute Lymphoblastic Leukemia 2025). For a child they follow the drugs labelled
    /// for the child's age, with the reason; for an adult nothing changes.
    @Test func adultOnlyDrugsFollowThoseLabelledForAChild() throws {
        let child = try match("Ph-positive B-ALL, newly diagnosed, 9-year-old girl", ["BCR::ABL1 p190"])
        #expect(!top(child).contains(["ponatinib"]), "\(top(child, 6))")
        let ponatinib = try #require(child.options.first { $0.drugs == ["ponatinib"] })
        #expect(ponatinib.demoted?.contains("labelled from age 18") == true, "\(String(describing: ponatinib.demoted))")
        #expect(ponatinib.demoted?.contains("the patient is 9") == true)
        let teenager = try match("chronic-phase CML at diagnosis, 14 y/o F", ["BCR::ABL1 p210"])
        #expect(top(teenager, 1) != [["asciminib"]], "\(top(teenager, 6))")
        // The age may be given on its own, in years; six months is 0.5.
        let given = try match("chronic-phase CML at diagnosis", ["BCR::ABL1 p210"], age: 11)
        #expect(top(given, 1) != [["asciminib"]], "\(top(given, 6))")
        let adult = try match("chronic-phase CML at diagnosis, 47M", ["BCR::ABL1 p210"])
        #expect(adult.options.first { $0.drugs == ["asciminib"] }?.demoted == nil, "\(top(adult, 6))")
    }

    /// "1L" or "first-line" typed as the setting means untreated: the KRAS G12C inhibitors, labelled
    /// after prior systemic therapy (FDA labels: Lumakras (sotorasib), 2021; Krazati (adagrasib), 2022),
    /// follow the first-line chemo-immunotherapy (NCCN Non-Small Cell Lung Cancer 2025). "PD on X 1L"
    /// is a course, not the setting.
    @Test func theFirstLineTypedAsTheSettingIsUntreated() throws {
        for disease in ["NSCLC adeno, stage IV, 1L, 70M", "first-line metastatic lung adenocarcinoma"] {
            let result = try match(disease, ["KRAS p.G12C"])
            #expect(!top(result).contains(["sotorasib"]) && !top(result).contains(["adagrasib"]), "\(disease): \(top(result))")
        }
        let progressed = try match("NSCLC, PD on carboplatin-pemetrexed-pembrolizumab 1L", ["KRAS p.G12C"])
        #expect(top(progressed).contains(["sotorasib"]) || top(progressed).contains(["adagrasib"]), "\(top(progressed))")
    }

    /// An infant's age in months: revumenib is labelled from 1 year (FDA label: Revuforj (revumenib), 2024).
    @Test func anInfantsAgeInMonthsIsRead() throws {
        let infant = try match("KMT2A-rearranged B-ALL, 5 mo F, relapsed", ["KMT2A::AFF1"])
        let revumenib = try #require(infant.options.first { $0.drugs == ["revumenib"] }, "\(top(infant, 8))")
        #expect(revumenib.demoted?.contains("the patient is 5 months") == true, "\(String(describing: revumenib.demoted))")
    }

    /// A duration in the disease text is not an age: "PD at 3 yrs" in a 66-year-old.
    @Test func aDurationIsNotAnAge() throws {
        let result = try match("CLL, PD on zanubrutinib first line at 3 yrs, 66F", ["BTK C481S"])
        #expect(!result.options.contains { $0.demoted?.contains("the patient is 3") == true }, "\(result.options.compactMap(\.demoted))")
    }

    /// An age outside 0 to 130 years is refused, naming the field.
    @Test func anImpossibleAgeIsAnError() throws {
        let json = Data(#"{"disease": "CML", "alterations": ["BCR::ABL1"], "age": 200}"#.utf8)
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(PatientProfile.self, from: json) }
        #expect("\(String(describing: error))".contains("age"))
    }

    /// A coding change written alone is also the protein change it makes (CIViC variant summaries):
    /// BRAF c.1799T>A is V600E, for which dabrafenib with trametinib is labelled in anaplastic
    /// thyroid cancer (FDA label: Tafinlar (dabrafenib), 2018). Before, only gene-level rows reached it.
    @Test func aCodingChangeAloneIsItsProteinChange() throws {
        let result = try match("anaplastic thyroid carcinoma, unresectable", ["BRAF c.1799T>A"])
        #expect(result.alterations.contains { $0.gene == "BRAF" && $0.variant == "V600E" }, "\(result.alterations)")
        #expect(top(result, 1) == [["dabrafenib", "trametinib"]], "\(top(result, 6))")
    }

    /// Clinic and report forms the parser refused: a three-letter nonsense change with an asterisk,
    /// the kinase domain before a p. change, a sister gene by its last letter, the extent of a loss,
    /// the NPM1 insertion type, and "rearr".
    @Test func clinicFormsOfCommonFindingsAreRead() throws {
        let forms: [(String, String, String)] = [
            ("NF1 c.3721C>T p.(Arg1241*)", "NF1", "R1241*"), ("FLT3-TKD p.D835Y", "FLT3", "D835Y"),
            ("CDKN2A/B homozygous deletion", "CDKN2B", "deletion"), ("NF1 whole-gene deletion", "NF1", "deletion"),
            ("NPM1 mutation type A", "NPM1", "mutation"),
        ]
        for (input, gene, variant) in forms {
            let result = try match("acute myeloid leukaemia", [input])
            #expect(result.problems.isEmpty, "\(input): \(result.problems)")
            #expect(result.alterations.contains { $0.gene == gene && $0.variant == variant }, "\(input): \(result.alterations)")
        }
        let negative = try match("B-lymphoblastic leukaemia", ["KMT2A not rearr"])
        #expect(negative.problems.isEmpty, "\(negative.problems)")
        #expect(negative.findings.contains { $0.input == "KMT2A not rearr" }, "\(negative.findings)")
    }

    /// Alpelisib, inavolisib, capivasertib and the oral SERDs are labelled for HR-positive,
    /// HER2-negative advanced breast cancer (FDA labels: Piqray 2019, Itovebi 2024, Truqap 2023,
    /// Orserdu 2023, Inluriyo 2025): a HER2-positive tumour with a PIK3CA or ESR1 mutation gets
    /// HER2-directed options first. HER2-low disease is HER2-negative and keeps them.
    @Test func herTwoNegativeBreastLabelsStepAsideForHerTwoPositive() throws {
        let labelled: Set<String> = ["alpelisib", "inavolisib", "capivasertib", "elacestrant", "imlunestrant"]
        let positive = try match(
            "metastatic breast cancer, HR-negative",
            ["ERBB2 amplification", "PIK3CA H1047R"],
            priors: [PriorTherapy(drugs: ["docetaxel", "pertuzumab", "trastuzumab"], response: "progressive disease")]
        )
        #expect(!top(positive).contains { !$0.isDisjoint(with: labelled) }, "\(top(positive, 6))")
        let low = try match(
            "metastatic breast cancer, HR-positive",
            ["HER2 IHC 2+, ISH not amplified", "PIK3CA H1047R"],
            priors: [PriorTherapy(drugs: ["letrozole", "palbociclib"], response: "progressive disease")]
        )
        #expect(top(low).contains { !$0.isDisjoint(with: labelled) }, "\(top(low, 6))")
    }
}
