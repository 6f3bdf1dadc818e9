import CaseboardCore
import Testing

/// Wordings the r18 blind reading set (session 28: specialty journals, authors writing in a second language) showed
/// misread. The sentences are our own.
struct ReadingHoldoutR18Tests {
    /// "There was no more evidence of disease", "the disease was considered stable", "the response was judged partial"
    /// and a gerund "regressing by 40%" (RECIST 1.1, 30% or more) are responses. Before, each line had none.
    @Test func responsesAsSecondLanguageAuthorsWriteThemAreRead() throws {
        let leukaemia = try lineResponses(
            "A 58-year-old man with acute myeloid leukaemia was put on gilteritinib in March 2022.\n"
                + "After two cycles there was no more evidence of disease in the marrow.\n"
        )
        #expect(response(of: "gilteritinib", in: leukaemia) == .complete, "\(leukaemia)")
        let stable = try lineResponses(
            "A 49-year-old woman with gastrointestinal stromal tumour was started with imatinib in 2021.\n"
                + "At the CT after six months the disease was considered stable.\n"
        )
        #expect(response(of: "imatinib", in: stable) == .stable, "\(stable)")
        let partial = try lineResponses(
            "A 61-year-old man with Erdheim-Chester disease was administered cobimetinib from May 2020.\n"
                + "The PET showed lower activity in the long bones. The response was judged partial.\n"
        )
        #expect(response(of: "cobimetinib", in: partial) == .partial, "\(partial)")
        let gerund = try lineResponses(
            "A 66-year-old man with urothelial carcinoma received gemcitabine and cisplatin for four cycles, with the lesions "
                + "regressing by 45%.\n"
        )
        #expect(response(of: "gemcitabine", in: gerund) == .partial, "\(gerund)")
    }

    /// "Intrathecal methotrexate as CNS prophylaxis" makes methotrexate prophylaxis, not the dasatinib and prednisone
    /// named before it; "with prophylaxis for tumour lysis" does not make venetoclax supportive. Before, the anticancer
    /// line took the prophylaxis setting and lost its response.
    @Test func prophylaxisIsTheDrugNextToTheWord() throws {
        let (record, _) = try extract(
            "A 44-year-old woman with Philadelphia-positive acute lymphoblastic leukaemia was put on dasatinib 140 mg daily "
                + "plus prednisone, with intrathecal methotrexate as CNS prophylaxis.\n"
                + "By day 28 she was in complete remission.\n"
        )
        let dasatinib = record.therapies.first { $0.drugs.contains("dasatinib") }
        #expect(dasatinib?.setting != "prophylaxis", "\(record.therapies.map { ($0.drugs, $0.setting, $0.response) })")
        #expect(dasatinib?.response == .complete, "\(record.therapies.map { ($0.drugs, $0.setting, $0.response) })")
        let supportive = try extract(
            "A 70-year-old man with multiple myeloma was started with venetoclax 400 mg daily with dose adjustment for renal "
                + "function and prophylaxis for tumour lysis.\n"
                + "After three cycles he reached a partial response.\n"
        ).0
        #expect(supportive.therapies.first { $0.drugs.contains("venetoclax") }?.response == .partial, "\(supportive.therapies)")
        let antiviral = try extract(
            "A 52-year-old man with mantle cell lymphoma received ibrutinib, and aciclovir was given as prophylaxis.\n"
        ).0
        #expect(antiviral.therapies.first { $0.drugs.contains("aciclovir") }?.setting == "prophylaxis", "\(antiviral.therapies)")
    }

    /// "Grade 1 dry mouth was reported", "sequencing of the specimen reported VHL …": the report's own findings.
    /// "It was reported in 20% of patients" stays background. Before, "reported" made the sentence background.
    @Test func reportedTellsTheReportsOwnFinding() throws {
        let (record, _) = try extract(
            "A 63-year-old woman with medullary thyroid carcinoma was put on selpercatinib in 2022.\n"
                + "Dry mouth of grade 1 was reported after two months.\n"
                + "Sequencing of the resected node reported RET p.Met918Thr.\n"
        )
        #expect(record.adverseEvents.contains { $0.term == "dry mouth" && $0.grade == 1 }, "\(record.adverseEvents.map(\.term))")
        #expect(record.alterations.contains { $0.gene == "RET" }, "\(record.alterations.map(\.gene))")
        let literature = try extract(
            "A 63-year-old woman with medullary thyroid carcinoma was put on selpercatinib in 2022.\n"
                + "Chylous ascites was reported in 7% of patients in the registration study.\n"
        ).0
        #expect(!literature.adverseEvents.contains { $0.term.contains("ascites") }, "\(literature.adverseEvents.map(\.term))")
    }

    /// A drug named as an option and refused by the next clause through a pronoun ("…, but it was not given to our
    /// patient"; "neither was used in our patient") was not given. Before, the drug became a line.
    @Test func anOptionRefusedByTheNextClauseWasNotGiven() throws {
        let (record, _) = try extract(
            "A 71-year-old man with chronic myeloid leukaemia was put on imatinib in 2019, with a major molecular response.\n"
                + "Ponatinib is an option after two inhibitors, but it was not given to our patient.\n"
                + "Asciminib and bosutinib are alternatives; neither was used in our patient.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["imatinib"], "\(drugs)")
    }
}
