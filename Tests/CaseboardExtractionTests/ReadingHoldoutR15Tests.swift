import CaseboardCore
import Testing

/// Grade wordings the r15 blind reading set (session 25) showed unread: the grade as a verb ("graded 3"),
/// a grade linked to its event by a verb after words that qualify the event, a bracketed scale, and two
/// events sharing one grade. The sentences are our own.
struct ReadingHoldoutR15Tests {
    private func grade(of term: String, in text: String) throws -> Int? {
        let (record, _) = try extract(text)
        let event = try #require(record.adverseEvents.first { $0.term == term }, "\(record.adverseEvents.map(\.term))")
        return event.grade
    }

    @Test func aGradeGivenAsAVerbGradesItsEvent() throws {
        let text =
            "A 58-year-old woman with mantle cell lymphoma received bendamustine and rituximab.\n"
            + "Lymphopenia was graded 4 and attributed to bendamustine.\n"
            + "In the third cycle she developed depression, graded 2, which responded to sertraline.\n"
        #expect(try grade(of: "lymphocyte count decreased", in: text) == 4)
        #expect(try grade(of: "depression", in: text) == 2)
    }

    @Test func aVerbAfterQualifyingWordsLinksTheGrade() throws {
        let text =
            "A 49-year-old man with myeloma received lenalidomide and dexamethasone.\n"
            + "Hyperglycaemia from dexamethasone reached grade 3 in the second month.\n"
            + "Peripheral sensory neuropathy in both feet was recorded as grade 1.\n"
            + "The alanine aminotransferase rose to seven times the upper limit (CTCAE grade III) and lenalidomide was held.\n"
        #expect(try grade(of: "hyperglycemia", in: text) == 3)
        #expect(try grade(of: "peripheral sensory neuropathy", in: text) == 1)
        #expect(try grade(of: "alanine aminotransferase increased", in: text) == 3)
    }

    @Test func twoEventsJoinedByAndShareTheirGrade() throws {
        let text =
            "A 33-year-old man with B-lymphoblastic leukemia received vincristine in induction.\n"
            + "Constipation and peripheral sensory neuropathy from vincristine were grade 2.\n"
        #expect(try grade(of: "constipation", in: text) == 2)
        #expect(try grade(of: "peripheral sensory neuropathy", in: text) == 2)
    }

    /// A grade bound to the event after it is not taken by the one before: each event keeps its own.
    @Test func eachEventKeepsItsOwnGrade() throws {
        let text =
            "A 61-year-old woman with lung adenocarcinoma received lorlatinib.\n"
            + "Hypertriglyceridaemia rose to grade 3 and peripheral oedema to grade 1.\n"
        #expect(try grade(of: "hypertriglyceridemia", in: text) == 3)
        #expect(try grade(of: "edema limbs", in: text) == 1)
    }
}
