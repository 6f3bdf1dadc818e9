import CaseboardCore
import Testing

/// A sentence that sets the literature beside this patient, clause by clause: the clause about other patients
/// or other reports gives none of its genes, alterations, drugs or resistance to the patient (r21, session 31).
/// The sentences are our own.
struct LiteratureClauseTests {
    @Test func aClauseAboutOtherReportsGivesTheFactsOfNoOne() throws {
        let (record, _) = try extract(
            "A 47-year-old man with chronic myeloid leukaemia in chronic phase was treated with dasatinib and reached a "
                + "major molecular response. At loss of response, the E255K mutation explains most relapses on dasatinib "
                + "in other reports, and nilotinib is then avoided; in our patient no kinase-domain mutation was found.\n"
        )
        #expect(record.resistance.isEmpty, "\(record.resistance)")
        #expect(!record.alterations.contains { $0.variant.contains("E255K") }, "\(record.alterations)")
        #expect(!record.therapies.flatMap(\.drugs).contains("nilotinib"), "\(record.therapies.map(\.drugs))")
    }

    @Test func aClauseAboutAPublishedSeriesGivesNoGenes() throws {
        let (record, _) = try extract(
            "A 70-year-old woman with acute myeloid leukaemia and an NPM1 mutation received azacitidine with venetoclax. "
                + "In a published series, patients with TP53 or ASXL1 mutations relapsed early on this regimen; our "
                + "patient had neither.\n"
        )
        #expect(!genes(record).contains("TP53"), "\(record.alterations)")
        #expect(!genes(record).contains("ASXL1"), "\(record.alterations)")
        #expect(genes(record).contains("NPM1"), "\(record.alterations)")
    }

    /// A clause that names the patient keeps its facts even beside a study word.
    @Test func theClauseAboutThePatientKeepsItsFacts() throws {
        let (record, _) = try extract(
            "A 52-year-old man with lung adenocarcinoma was found to have an EGFR L858R mutation; he started osimertinib, "
                + "approved for this setting in 2018, whereas trials of erlotinib had shown shorter benefit.\n"
        )
        #expect(record.therapies.flatMap(\.drugs).contains("osimertinib"), "\(record.therapies.map(\.drugs))")
        #expect(genes(record).contains("EGFR"), "\(record.alterations)")
    }
}

private func genes(_ record: CaseRecord) -> Set<String> { Set(record.alterations.map(\.gene)) }
