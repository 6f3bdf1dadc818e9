import CaseboardCore
import Testing

/// Patterns the r22 blind reading set (session 31: the tumour's genetics as reports write them) showed misread. The
/// sentences are our own.
struct ReadingHoldoutR22Tests {
    /// A test or panel that "reported" a finding reports the patient's result: the sentence is not the literature's
    /// ("The tumour panel reported a KIT exon 17 change", like "the panel reported KIT ...").
    @Test func aPanelThatReportedAFindingReportsThePatients() throws {
        let (record, _) = try extract(
            "A 59-year-old man with metastatic colorectal adenocarcinoma was started on FOLFOX. The tumour panel reported a "
                + "BRAF p.V600E variant at 31% and a TP53 p.R248W variant at 40%.\n"
        )
        let genes = Set(record.alterations.map(\.gene))
        #expect(genes.isSuperset(of: ["BRAF", "TP53"]), "\(record.alterations)")
    }

    /// A change is resistance to the drugs the patient was given: drugs named as set aside because the change would
    /// defeat them too are not paired with it.
    @Test func resistanceIsPairedOnlyWithDrugsGiven() throws {
        let (record, _) = try extract(
            "A 71-year-old woman with chronic lymphocytic leukaemia progressed after three years of ibrutinib. Sequencing "
                + "found BTK C481S, which was judged the cause of resistance to ibrutinib, and acalabrutinib and "
                + "zanubrutinib, which bind the same cysteine, were not offered. She started venetoclax with obinutuzumab.\n"
        )
        let pairs = Set(record.resistance.flatMap { event in event.drugs.map { "\(event.gene)/\($0)" } })
        #expect(pairs == ["BTK/ibrutinib"], "\(record.resistance)")
    }
}
