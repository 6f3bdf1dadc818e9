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

    /// Copy-number and exon wording: a qualifier before the kind word ("CDKN2A homozygous deletion"), exons that locate
    /// a deletion named before the gene ("deletion of IKZF1 exons 4 to 7").
    @Test func qualifiedAndExonLevelDeletionsAreRead() throws {
        let (record, _) = try extract(
            "A 16-year-old boy with B-lymphoblastic leukaemia started induction with vincristine, prednisone and "
                + "asparaginase. MLPA showed a deletion of IKZF1 exons 2 to 7, and the tumour had a CDKN2A homozygous "
                + "deletion.\n"
        )
        let genes = Set(record.alterations.filter { $0.kind == .deletion }.map(\.gene))
        #expect(genes.isSuperset(of: ["IKZF1", "CDKN2A"]), "\(record.alterations)")
    }

    /// Lost staining is lost expression, not a gene deletion: "loss of MSH2 and MSH6 on immunohistochemistry", and
    /// "HER2 loss" at progression.
    @Test func lostStainingIsNotADeletion() throws {
        let (record, _) = try extract(
            "A 48-year-old woman with endometrial carcinoma was treated with carboplatin and paclitaxel. "
                + "Immunohistochemistry showed loss of MSH2 and MSH6 with retained MLH1 and PMS2. At progression on "
                + "trastuzumab a second biopsy showed HER2 loss.\n"
        )
        #expect(!record.alterations.contains { $0.kind == .deletion }, "\(record.alterations)")
    }

    /// A change written again without its gene keeps the gene the case gave it ("a new FGFR2 V565L ... A second biopsy
    /// confirmed V565L"), not the last gene named; a translocation said to be absent is no fusion.
    @Test func aChangeWrittenAgainKeepsItsGene() throws {
        let (record, _) = try extract(
            "A 55-year-old man with FGFR2-fused cholangiocarcinoma progressed on pemigatinib. Plasma ctDNA showed a new "
                + "FGFR2 p.V565L at 2%, along with a known ARID1A variant. A second biopsy confirmed V565L. Karyotype "
                + "showed no t(4;14), and del(17p) was not present.\n"
        )
        #expect(record.alterations.contains { $0.gene == "FGFR2" && $0.variant == "V565L" }, "\(record.alterations)")
        #expect(!record.alterations.contains { $0.gene == "ARID1A" && $0.variant == "V565L" }, "\(record.alterations)")
        #expect(!record.alterations.contains { $0.gene == "NSD2" || ($0.gene == "TP53" && $0.kind == .deletion) }, "\(record.alterations)")
    }

    /// A drug of the combination named alone in the text ("trastuzumab was held") belongs to the combination, not to
    /// the lone line the title made of it; the outcome that follows is the combination's.
    @Test func aDrugNamedAloneAfterTheTitleStaysInItsCombination() throws {
        let (record, _) = try extract(
            "HER2 loss in gastric adenocarcinoma treated with trastuzumab, chemotherapy and pembrolizumab\n\nCase presentation\nA 60-year-old "
                + "man with HER2-positive gastric adenocarcinoma received trastuzumab with capecitabine, oxaliplatin and "
                + "pembrolizumab. A grade 2 ejection fraction decrease was attributed to trastuzumab, which was held for "
                + "four weeks. Grade 2 hypothyroidism from pembrolizumab followed. CT at 12 weeks showed a partial "
                + "response.\n"
        )
        let responded = record.therapies.filter { $0.response != nil }.map { Set($0.drugs) }
        #expect(
            responded == [["trastuzumab", "capecitabine", "oxaliplatin", "pembrolizumab"]],
            "\(record.therapies.map { ($0.drugs, $0.response) })"
        )
    }

    /// "No KIT D816V, N822K or D820G was present": a sentence that opens with "No" denies every change of its list, and a
    /// statement about "one patient" in the Discussion is not this patient's.
    @Test func aNegatedListAndAnotherPatientGiveNoChanges() throws {
        let (record, _) = try extract(
            "Case presentation\nA 50-year-old woman with a gastric GIST carrying KIT exon 11 W557_K558del received "
                + "imatinib and progressed after two years. No KIT D816V, D816H, N822K, Y823D or D820G was present in the new lesion.\n\nDiscussion\n"
                + "Secondary KIT changes may be heterogeneous, for example V654A and T670I within one patient.\n"
        )
        let variants = Set(record.alterations.map(\.variant))
        for absent in ["D816V", "D816H", "N822K", "Y823D", "D820G", "V654A", "T670I"] {
            #expect(!variants.contains(absent), "\(absent): \(record.alterations)")
        }
    }
}
