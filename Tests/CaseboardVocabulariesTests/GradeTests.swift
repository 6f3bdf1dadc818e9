import CaseboardCore
import CaseboardVocabularies
import Testing

struct GradeTests {
    @Test(arguments: [
        ("grade IV neutropenia", 4), ("Grade 3 diarrhea", 3), ("grade three fatigue", 3), ("grade II hepatic cytolysis", 2),
        ("G2 rash", 2), ("grade 3/4 toxicity", 4), ("grade III–IV", 4), ("CTCAE grade 1", 1), ("grade ≥3 events", 3),
        ("grade 2 to 3", 3), ("grade V", 5), ("graded 3", 3), ("graded as 2", 2), ("graded G3", 3), ("graded 2-3", 3),
    ])
    func readsGradesInEveryNotation(text: String, grade: Int) throws {
        let mention = try #require(AdverseEventGrade.find(in: text).first)
        #expect(mention.grade == grade)
    }

    @Test func ignoresWordsThatAreNotGrades() {
        #expect(AdverseEventGrade.find(in: "a gradient of 7 and G6PD deficiency; grade 9").isEmpty)
        #expect(AdverseEventGrade.find(in: "upgrade to IV fluids").isEmpty)
        #expect(AdverseEventGrade.find(in: "a graded dose escalation over 12 days").isEmpty)
    }

    @Test func reportsThePhraseRange() throws {
        let text = "had grade IV neutropenia"
        let mention = try #require(AdverseEventGrade.find(in: text).first)
        #expect(text.utf8Slice(mention.range) == "grade IV")
    }
}
