import CaseboardCore
import Testing

/// Wordings the r16 blind reading set (session 26) showed unread. The sentences are our own.
struct ReadingHoldoutR16Tests {
    private func events(in text: String) throws -> [AdverseEvent] {
        try extract(text).0.adverseEvents
    }

    /// A grade after the event past commas or words that describe it ("…, a grade 3 increase", "…, graded 2",
    /// "…, CTCAE grade 3"), or in a clause that points back at it ("; this was a grade 1 increase"). A grade that
    /// leads an event of its own keeps to that event.
    @Test func aGradeLaterInTheSentenceGradesTheEventBeforeIt() throws {
        let text =
            "A 61-year-old man with lung adenocarcinoma received osimertinib.\n"
            + "His ALT rose to six times the upper limit of normal in week four, a grade 3 increase, and osimertinib was held.\n"
            + "Paronychia of the left thumb developed in June, graded 2.\n"
            + "In August, colitis was diagnosed on biopsy, CTCAE grade 3.\n"
            + "His lipase rose to twice the upper limit of normal; this was a grade 2 increase.\n"
            + "Nausea was present in the first week, and grade 3 diarrhoea followed.\n"
        let found = try events(in: text)
        func grade(_ term: String) -> Int?? { found.first { $0.term == term }.map(\.grade) }
        #expect(grade("alanine aminotransferase increased") == 3, "\(found.map { ($0.term, $0.grade) })")
        #expect(grade("paronychia") == 2)
        #expect(grade("colitis") == 3)
        #expect(grade("lipase increased") == 2)
        #expect(grade("diarrhea") == 3)
        // Nausea's sentence goes on to another event's grade.
        #expect(grade("nausea") == .some(nil))
    }
}

extension ReadingHoldoutR16Tests {
    /// An event the report states without a grade ("was not graded", "no grade was recorded", "without a grade")
    /// or with a mild or moderate severity opening its sentence is still the drug's event. Before, each was
    /// dropped for want of a context word.
    @Test func anEventStatedWithoutAGradeIsKept() throws {
        let text =
            "A 66-year-old man with lung adenocarcinoma started lorlatinib in March 2023.\n"
            + "Constipation was intermittent and was not graded.\n"
            + "Mild arthralgia persisted through the summer.\n"
            + "Hypophosphataemia was managed with oral phosphate; no grade was recorded.\n"
            + "Nail changes were noted without a grade.\n"
        let found = try events(in: text)
        for term in ["constipation", "arthralgia", "hypophosphatemia", "nail changes"] {
            let event = found.first { $0.term == term }
            #expect(event != nil, "\(term): \(found.map(\.term))")
            #expect(event?.grade == nil)
            #expect(event?.drugs == ["lorlatinib"])
        }
    }
}

extension ReadingHoldoutR16Tests {
    /// A condition with the drug that treats it, before any anticancer drug ("hypothyroidism on levothyroxine"),
    /// is history; after one, "hypertension controlled with amlodipine" stays the anticancer drug's event. Before,
    /// the history line's conditions became events of its own drugs.
    @Test func aConditionOnItsOwnDrugBeforeTreatmentIsHistory() throws {
        let text =
            "Breast cancer treated with letrozole and palbociclib\n\n"
            + "Case presentation\n"
            + "A 64-year-old woman with metastatic breast cancer was referred in March 2022.\n"
            + "She had gout controlled with allopurinol and hypothyroidism on levothyroxine.\n"
            + "She started letrozole and palbociclib in April 2022.\n"
            + "In June she developed grade 3 neutropenia and hypertension controlled with amlodipine.\n"
        let found = try events(in: text)
        #expect(!found.contains { $0.term == "hypothyroidism" }, "\(found.map { ($0.term, $0.drugs) })")
        #expect(found.contains { $0.term == "hypertension" && $0.drugs == ["letrozole", "palbociclib"] })
    }
}

extension ReadingHoldoutR16Tests {
    /// A rising laboratory value whose name DrugBank also lists as a chemical ("creatinine", "creatine"), written with
    /// a capital at the start of the sentence, or doubling: each is the value's event. Before, the chemical name
    /// blocked the event and the capital or "doubled" was not read.
    @Test func aRisingValueNamedLikeAChemicalIsAnEvent() throws {
        let text =
            "A 57-year-old woman with urothelial carcinoma received cisplatin and gemcitabine.\n"
            + "By the fourth cycle her creatinine had doubled from baseline, grade 2.\n"
            + "Creatine kinase rose to three times the upper limit of normal, grade 1.\n"
        let found = try events(in: text)
        #expect(found.contains { $0.term == "creatinine increased" && $0.grade == 2 }, "\(found.map { ($0.term, $0.grade) })")
        #expect(found.contains { $0.term == "cpk increased" && $0.grade == 1 }, "\(found.map { ($0.term, $0.grade) })")
    }
}

extension ReadingHoldoutR16Tests {
    /// Drugs given for a toxicity ("requiring hydrocortisone replacement", "responding to fluids and tocilizumab") or as
    /// lymphodepletion before a cell therapy take none of the tumour's response. Before, each took the next outcome.
    @Test func drugsForAToxicityOrLymphodepletionTakeNoResponse() throws {
        let text =
            "A 52-year-old man with diffuse large B-cell lymphoma relapsed after R-CHOP.\n"
            + "Lisocabtagene maraleucel was infused in May 2023 after lymphodepletion with fludarabine and cyclophosphamide.\n"
            + "Cytokine release syndrome reached grade 2 with fever and hypotension responding to fluids and tocilizumab.\n"
            + "The day-30 PET showed a complete metabolic response.\n"
            + "He also had a grade 2 adrenal insufficiency, requiring hydrocortisone replacement.\n"
            + "The day-90 PET confirmed a complete response.\n"
        let (record, _) = try extract(text)
        func response(_ drug: String) -> ResponseKind?? { record.therapies.first { $0.drugs.contains(drug) }.map(\.response) }
        #expect(response("lisocabtagene maraleucel") == .complete, "\(record.therapies.map { ($0.drugs, $0.response) })")
        for drug in ["tocilizumab", "hydrocortisone", "fludarabine"] {
            #expect(response(drug) == .some(nil), "\(drug): \(record.therapies.map { ($0.drugs, $0.response) })")
        }
    }
}
