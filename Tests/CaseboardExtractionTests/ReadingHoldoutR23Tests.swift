import CaseboardCore
import Testing

/// Patterns the r23 hold-out (session 33: how authors tell the course and the outcome of targeted therapy) showed
/// misread. The sentences are our own.
struct ReadingHoldoutR23Tests {
    private func pairs(_ record: CaseRecord) -> Set<String> {
        Set(record.resistance.flatMap { event in event.drugs.map { "\(event.gene)/\($0)" } })
    }

    private func alterations(_ record: CaseRecord) -> Set<String> {
        Set(record.alterations.map { "\($0.gene) \($0.variant)" })
    }

    /// A protein change written after the gene's own DNA change is that gene's, though the change alone would name
    /// another gene's hotspot; and "p.(" does not end the sentence.
    @Test func aProteinChangeAfterTheGenesDNAChangeIsThatGenes() throws {
        let (record, _) = try extract(
            "A 66-year-old woman with AML and IDH2 R140Q received enasidenib. At relapse, sequencing found NRAS "
                + "c.38G>A p.(Gly13Asp) at 12%, and the team held the NRAS clone responsible for the loss of response to "
                + "enasidenib.\n"
        )
        #expect(alterations(record).contains("NRAS G13D"), "\(alterations(record))")
        #expect(!record.alterations.contains { $0.gene == "KRAS" }, "\(alterations(record))")
        #expect(pairs(record).contains("NRAS/enasidenib"), "\(pairs(record))")
    }

    /// Words that tie a change to a drug's failure on their own: a clone that escaped the drug, a mutation that resists
    /// it, the escape route from it.
    @Test func escapeAndResistWordsTieAChangeToTheFailure() throws {
        let (escaped, _) = try extract(
            "A 41-year-old man with chronic myeloid leukaemia received dasatinib. After 14 months he entered blast phase; "
                + "ABL1 T315I was found, and the authors concluded that the T315I clone had escaped dasatinib.\n"
        )
        #expect(pairs(escaped).contains("ABL1/dasatinib"), "\(pairs(escaped))")
        let (route, _) = try extract(
            "A 59-year-old woman with KRAS G12C lung adenocarcinoma received sotorasib with a partial response. A new "
                + "adrenal lesion grew after 7 months; biopsy showed MET amplification, which the board saw as the escape "
                + "route from sotorasib.\n"
        )
        #expect(pairs(route).contains("MET/sotorasib"), "\(pairs(route))")
    }

    /// Denials: a driver retained at progression, a failure with no mechanism found, and a failure put down to
    /// something other than resistance are not resistance.
    @Test func deniedOrRetainedChangesAreNoResistance() throws {
        let (retained, _) = try extract(
            "A 63-year-old man with EGFR L858R lung adenocarcinoma progressed on osimertinib. The team concluded that a new "
                + "MET amplification was the mechanism of acquired resistance to osimertinib; the EGFR mutation, retained, was "
                + "not itself a resistance finding.\n"
        )
        #expect(pairs(retained) == ["MET/osimertinib"], "\(pairs(retained))")
        let (unknown, _) = try extract(
            "A 70-year-old woman with myeloma and KRAS Q61R received venetoclax and progressed. The authors could not "
                + "identify a mechanism for the failure of venetoclax, and the KRAS variant had been present since diagnosis.\n"
        )
        #expect(pairs(unknown).isEmpty, "\(pairs(unknown))")
        let (other, _) = try extract(
            "A 45-year-old woman with a CD74::ROS1 fusion and an earlier ROS1 G2032R finding progressed in the brain on "
                + "crizotinib. The team considered the failure a consequence of poor central nervous system penetration rather "
                + "than acquired resistance.\n"
        )
        #expect(!pairs(other).contains("ROS1/crizotinib"), "\(pairs(other))")
    }

    /// A change of the targeted gene found at failure is the failed drug's resistance; a new change of another gene
    /// found with it (clonal evolution) is not.
    @Test func theTargetedGenesChangeExplainsTheFailureNotItsCompanion() throws {
        let (record, _) = try extract(
            "A 39-year-old man with chronic myeloid leukaemia received nilotinib with a complete cytogenetic response. At "
                + "18 months his white count rose with 40% blasts: myeloid blast crisis on nilotinib. Kinase-domain sequencing "
                + "found ABL1 c.944C>T p.(Thr315Ile) in most transcripts, together with a new RUNX1 frameshift, p.R204Qfs*8.\n"
        )
        #expect(!pairs(record).contains("RUNX1/nilotinib"), "\(pairs(record))")
    }

    /// A variant the report gives to clonal haematopoiesis or to the blood is not the tumour's; the tumour's own changes
    /// in the same sentence stay.
    @Test func clonalHaematopoiesisVariantsAreNotTheTumours() throws {
        let (record, _) = try extract(
            "A 71-year-old man had metastatic colorectal cancer. A plasma panel found KRAS G12D at 9% and a DNMT3A variant "
                + "at 1.5% that was also present in white blood cells and was considered clonal haematopoiesis.\n"
        )
        #expect(record.alterations.contains { $0.gene == "KRAS" }, "\(alterations(record))")
        #expect(!record.alterations.contains { $0.gene == "DNMT3A" }, "\(alterations(record))")
    }

    /// In CML a complete haematological response with only a partial cytogenetic response is a partial response; and a
    /// near-complete regression is partial, not complete.
    @Test func theDeeperResponseLevelAndNearCompleteRegressionArePartial() throws {
        let (cml, _) = try extract(
            "A 50-year-old woman with chronic myeloid leukaemia in accelerated phase received ponatinib. After three months "
                + "she had a complete haematological response and a partial cytogenetic response.\n"
        )
        #expect(cml.therapies.first { $0.drugs == ["ponatinib"] }?.response == .partial, "\(cml.therapies.map(\.response))")
        let (lung, _) = try extract(
            "A 62-year-old man with EGFR exon 19 deletion lung adenocarcinoma received osimertinib. By 6 months the lesions "
                + "had shrunk by 80%, a near-complete regression.\n"
        )
        #expect(lung.therapies.first { $0.drugs == ["osimertinib"] }?.response == .partial, "\(lung.therapies.map(\.response))")
    }
}

extension ReadingHoldoutR23Tests {
    /// A trailing aside that points to the literature ("as described in series of patients") does not make the
    /// patient's own finding background.
    @Test func aLiteratureAsideLeavesThePatientsFinding() throws {
        let (record, _) = try extract(
            "A 66-year-old woman with AML and IDH2 R140Q received enasidenib. At relapse, sequencing found FLT3 "
                + "D835Y at 15%. The treating team considered the FLT3 clone to be the cause of the loss of response to enasidenib, "
                + "as described in series of patients.\n"
        )
        #expect(pairs(record).contains("FLT3/enasidenib"), "\(pairs(record))")
    }
}
