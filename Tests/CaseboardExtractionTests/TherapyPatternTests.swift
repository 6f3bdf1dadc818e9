import CaseboardCore
import Testing

/// Therapy-side patterns from real reports, each shown by an invented sentence.
struct TherapyPatternTests {
    @Test func milestoneInBracketsBindsToTheDrugThatFollows() throws {
        let (record, _) = try extract(
            "A 50-year-old man with chronic myeloid leukemia was treated. He reached a major molecular response (MMR) with 400 mg imatinib."
        )
        #expect(record.therapies.first { $0.drugs == ["imatinib"] }?.response == .partial)
    }

    @Test func bareRemissionIsComplete() throws {
        let (record, _) = try extract("A 70-year-old woman with acute myeloid leukemia received azacitidine and was in remission after four cycles.")
        #expect(record.therapies.first?.response == .complete)
    }

    @Test func shrinkageIsAPartialResponse() throws {
        let (record, _) = try extract("A 45-year-old man with melanoma started dabrafenib; imaging showed marked shrinkage of the liver lesions.")
        #expect(record.therapies.first { $0.drugs.contains("dabrafenib") }?.response == .partial)
    }

    @Test func diseaseControlIsNotStableDisease() throws {
        let (record, _) = try extract("A 60-year-old woman with lung adenocarcinoma received osimertinib with disease control for a year.")
        #expect(record.therapies.first?.response != .stable)
    }

    @Test func missedMilestoneIsNotAResponse() throws {
        let (record, _) = try extract("A 39-year-old man with chronic myeloid leukemia took nilotinib but failed to achieve MMR at twelve months.")
        #expect(record.therapies.first?.response != .partial)
    }

    @Test func drugResistanceWithoutResponseWordIsProgression() throws {
        let (record, _) = try extract("A 58-year-old man with chronic myeloid leukemia developed dasatinib resistance after two years.")
        #expect(record.therapies.first { $0.drugs == ["dasatinib"] }?.response == .progressive)
    }

    @Test func listedInhibitorsOfOneTargetAreSequentialLines() throws {
        let (record, _) = try extract("A 47-year-old woman with chronic myeloid leukemia had received imatinib, dasatinib and nilotinib.")
        #expect(record.therapies.map(\.drugs) == [["imatinib"], ["dasatinib"], ["nilotinib"]])
    }

    @Test func classOutcomeReachesThePatientsDrugOfThatClass() throws {
        let (record, _) = try extract(
            "A 66-year-old man with acute myeloid leukemia received sorafenib, then azacitidine. The FLT3 inhibitor had produced a complete remission."
        )
        #expect(record.therapies.first { $0.drugs == ["sorafenib"] }?.response == .complete)
        #expect(record.therapies.first { $0.drugs == ["azacitidine"] }?.response == nil)
    }

    @Test func presentingSymptomsAreNotAdverseEvents() throws {
        let (record, _) = try extract(
            "A 52-year-old woman developed fatigue and nausea. Biopsy showed lung adenocarcinoma. She started alectinib and developed grade 2 myalgia."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("myalgia"))
        #expect(!terms.contains("fatigue"))
        #expect(!terms.contains("nausea"))
    }

    @Test func abbreviationDefinedInTheTextIsTheSameEvent() throws {
        let (record, _) = try extract(
            "A 61-year-old man with acute myeloid leukemia started enasidenib. On day 20 he developed differentiation syndrome (DS). The DS was severe and enasidenib was interrupted."
        )
        let spans = record.adverseEvents.filter { $0.term == "differentiation syndrome" }.flatMap(\.spans)
        #expect(spans.count >= 2)
    }

    @Test func cardiotoxicityAndIntoleranceAreAdverseEvents() throws {
        let (record, _) = try extract(
            "A 57-year-old woman with melanoma received dabrafenib and trametinib. She became intolerant due to cardiomyopathy, and chylothorax followed."
        )
        let terms = Set(record.adverseEvents.map(\.term))
        #expect(terms.contains("cardiomyopathy"))
    }
}

/// Drug abbreviations the report itself defines.
struct DefinedAbbreviationTests {
    @Test func abbreviationAfterItsDefinitionIsTheDrug() throws {
        let (record, _) = try extract(
            "A 44-year-old man with a kidney transplant took sirolimus (SRL). Later SRL was replaced by everolimus, and he developed grade 2 stomatitis."
        )
        #expect(record.therapies.contains { $0.drugs == ["sirolimus"] && $0.spans.count >= 2 })
    }
}

/// Chemicals that are measured, not given.
struct SubstanceTests {
    @Test func analyteIsNotATherapy() throws {
        let (record, _) = try extract("A 71-year-old man with myelofibrosis took ruxolitinib; his serum creatinine and magnesium were normal.")
        #expect(record.therapies.map(\.drugs) == [["ruxolitinib"]])
    }

    @Test func symptomThatProgressesIsNotDiseaseProgression() throws {
        let (record, _) = try extract("A 64-year-old woman with myelofibrosis received anagrelide, but her anemia gradually progressed.")
        #expect(record.therapies.first?.response == nil)
    }
}
