import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// The classes of unresolved input the tenth hold-out's blind run found (`Scenarios/HOLDOUT10.md`): words a
/// clinician types into a profile that the input reading did not understand. Each test failed before its
/// fix. The wordings are our own.
struct Holdout10ClassTests {
    private func reading(_ text: String) throws -> PatientAlterationReading {
        try Fixture.vocabularies.get().parsePatientAlteration(text).get()
    }

    /// A negative result for a region of a gene ("TERT promoter", "KIT exons 11 and 17"), a negative written
    /// after the gene ("without homozygous deletion", "copy number normal") or for a germline and somatic panel
    /// is read and matched on nothing: it never becomes a key of the gene, and never an input error.
    @Test func negativeResultsForARegionOrAPanelAreRead() throws {
        for text in [
            "TERT promoter negative", "KIT exons 11 and 17 wild-type", "PDGFRA exon 18 hotspot not detected", "CDKN2A without homozygous deletion",
            "ERBB2 copy number normal", "somatic and germline HRR gene panel negative",
        ] {
            let read = try? reading(text)
            #expect(read != nil && read?.alteration == nil, "\(text): \(String(describing: read))")
        }
        // Germline and somatic both tested: neither origin is said.
        #expect(try reading("germline and somatic HRR panel negative").origin == .unspecified)
        // Two regions of one gene sharing a result: a negative key for each.
        let flt3 = try reading("FLT3-ITD and TKD not detected")
        let keys = ([flt3.alteration] + flt3.equivalents).compactMap { $0?.variant }
        #expect(keys.contains("ITD negative") && keys.contains("TKD negative"), "\(keys)")
    }

    /// A marker that was not tested is neither positive nor negative: read as a finding, never as the
    /// marker's absence (which would meet "negative" rows) nor its presence.
    @Test func anUntestedMarkerIsNeitherPositiveNorNegative() throws {
        for text in ["CD38 not tested", "TNFRSF17 not assessed", "CLDN18.2 status unknown"] {
            let read = try? reading(text)
            #expect(read != nil && read?.alteration == nil, "\(text): \(String(describing: read))")
        }
    }

    /// Words for the type of a loss-of-function change ("frameshift", "nonsense", "splice-site"), with or
    /// without a count, name no residue: read as a mutation of the gene, as a truncating change is.
    @Test func mutationTypeWordsAreAMutationOfTheGene() throws {
        for (text, gene) in [
            ("NF1 nonsense mutation", "NF1"), ("DNMT3A, two frameshift mutations", "DNMT3A"), ("ATM splice-site variant", "ATM"),
            ("BCOR frameshift", "BCOR"), ("PTCH1 stop-gain", "PTCH1"),
        ] {
            let read = try reading(text)
            #expect(read.alteration?.gene == gene && read.alteration?.variant == "mutation", "\(text): \(String(describing: read.alteration))")
        }
    }

    /// Words after an HGVS variant that are no result of their own (its origin, zygosity, functional class)
    /// qualify it: the variant is read, and the origin kept.
    @Test func qualifiersAfterAnHGVSVariantAreDetail() throws {
        let pten = try reading("PTEN c.388C>T (p.Arg130Ter), germline")
        #expect(pten.alteration?.gene == "PTEN" && pten.alteration?.kind == .proteinChange && pten.origin == .germline, "\(pten)")
        let braf = try reading("BRAF c.1406G>C (p.Gly469Ala), kinase-activating class 2")
        #expect(braf.alteration?.gene == "BRAF" && braf.alteration?.variant == "G469A", "\(String(describing: braf.alteration))")
        let mutyh = try reading("MUTYH c.536A>G (p.Tyr179Cys), germline biallelic")
        #expect(mutyh.alteration?.variant == "Y179C" && mutyh.origin == .germline, "\(mutyh)")
        // A second variant after the comma is a result of its own, never detail to drop.
        let second = try? reading("NRAS c.181C>A (p.Q61K), G12D")
        #expect(second.map { [$0.alteration].compactMap { $0 } + $0.equivalents }?.count != 1, "\(String(describing: second))")
    }

    /// Variant names: EGFRvIII is the exon 2-7 deletion of glioblastoma, an EGFR variant of its own and no
    /// kinase-domain mutation (WHO CNS5 2021); a gene written with an immunoglobulin locus and its
    /// translocation is the translocation (t(4;14) deregulates NSD2 and FGFR3 in myeloma, IMWG; it makes no
    /// FGFR3 fusion kinase); a cytoband with its genes in brackets is the cytoband's reading.
    @Test func namedVariantsAreReadAsTheirKeys() throws {
        for text in ["EGFR vIII positive", "EGFRvIII", "EGFR exon 2-7 deletion"] {
            let read = try reading(text)
            #expect(read.alteration?.gene == "EGFR" && read.alteration?.variant == "vIII", "\(text): \(String(describing: read.alteration))")
        }
        let t414 = try reading("FGFR3::IGH t(4;14)")
        #expect(t414.alteration?.gene != "FGFR3", "\(String(describing: t414.alteration))")
        #expect(t414.alteration?.kind == .fusion && t414.alteration?.partner == "IGH", "\(String(describing: t414.alteration))")
        let band = try reading("9p24.1 (CD274/PDCD1LG2) gain")
        #expect(band.alteration?.gene == "CD274" && band.alteration?.kind == .amplification, "\(String(describing: band.alteration))")
    }

    /// Karyotype findings with their clone size or copy count after them: the size is detail. del(17p) is
    /// TP53 loss whatever the clone (NCCN CLL/SLL 2025); gains, isochromosomes, a sole 13q deletion and ploidy
    /// groups are read and matched on nothing.
    @Test func karyotypeFindingsWithTheirCloneSizeAreRead() throws {
        for text in ["del(17p) 25%", "17p deletion, 30%"] {
            let read = try reading(text)
            #expect(read.alteration?.gene == "TP53" && read.alteration?.kind == .deletion, "\(text): \(String(describing: read.alteration))")
        }
        for text in [
            "gain(1q) 5 copies", "amp(1q), 4 copies", "isochromosome (12p)", "i(17q)", "del(13q) as the sole abnormality",
            "low hypodiploid karyotype", "high-hyperdiploid karyotype (56 chromosomes)",
        ] {
            let read = try? reading(text)
            #expect(read != nil && read?.alteration == nil, "\(text): \(String(describing: read))")
        }
    }

    /// Clinical findings that are no alteration are read and matched on nothing, never input errors and
    /// never a gene: antibody titres (MAG is a gene; an antibody to it is not an alteration), hormone and
    /// coagulation values, histology lineage markers, immunophenotype groups, risk scores, MRD, the course
    /// of the disease and the patient's history. A mistyped gene is still an error with suggestions.
    @Test func clinicalFindingsAreReadNotRejectedNorMatchedAsGenes() throws {
        for text in [
            "anti-MAG IgM titre 1:51,200", "acetylcholine receptor antibodies positive", "plasma metanephrine 5 x ULN", "free testosterone 12 pg/mL",
            "von Willebrand factor activity 22%", "synaptophysin and chromogranin positive", "desmin diffusely positive",
            "CD8 positive, TFH markers negative", "beta F1 negative", "MammaPrint high risk", "Oncotype DX recurrence score 31",
            "MRD after induction 0.02%", "early progression within 12 months of R-CHOP", "seizures on levetiracetam",
            "paraneoplastic hypercalcaemia", "rhabdoid component 20%",
        ] {
            let read = try? reading(text)
            #expect(read != nil && read?.alteration == nil, "\(text): \(String(describing: read))")
        }
        guard case .failure(let error) = try Fixture.vocabularies.get().parsePatientAlteration("tp35 R248Q") else {
            Issue.record("tp35 read as a gene")
            return
        }
        #expect(error.description.contains("TP53"))
    }

    /// Two markers joined by "and" or in a list sharing one result are several results, never a fusion of
    /// the two genes ("CD30 and CD15 positive" had been TNFRSF8::FUT4, "loss of MLH1 and PMS2" PMS2::MLH1);
    /// loss of a mismatch-repair protein by IHC is dMMR (NCCN Colon Cancer 2025); two variants joined by "and"
    /// are both read; a staining intensity (PS2+) is no gene (PSEN2).
    @Test func markersJoinedByAndAreSeveralResultsNotAFusion() throws {
        for text in [
            "CD20 and CD79a positive", "CD5, CD23 and CD200 positive", "ATRX loss and aberrant p53 staining", "SMAD4 loss and aberrant p53 (IHC)",
            "CD30 and CD15 positive Hodgkin cells",
        ] {
            let read = try reading(text)
            let keys = [read.alteration].compactMap { $0 } + read.equivalents
            #expect(!keys.contains { $0.kind == .fusion }, "\(text): \(keys)")
        }
        for text in ["MMR IHC: loss of MSH2 and MSH6", "MMR protein loss of PMS2", "MLH1 and PMS2 absent on IHC"] {
            let read = try reading(text)
            #expect(read.alteration?.gene == "MMR" && read.alteration?.variant == "dMMR", "\(text): \(String(describing: read.alteration))")
        }
        let both = try reading("ESR1 p.Y537S and ESR1 p.D538G in ctDNA")
        let variants = Set(([both.alteration].compactMap { $0 } + both.equivalents).map(\.variant))
        #expect(variants.isSuperset(of: ["Y537S", "D538G"]), "\(variants)")
        // A lymphoma protein stained by IHC is no rearrangement of its gene; a rearrangement said as one still is.
        for text in ["BCL2 positive, BCL6 negative", "MUM1 and BCL6 positive", "MYC positive (IHC, 60%)"] {
            let read = try reading(text)
            let keys = [read.alteration].compactMap { $0 } + read.equivalents
            #expect(!keys.contains { $0.kind == .fusion }, "\(text): \(keys)")
        }
        #expect(try reading("BCL2 rearranged by FISH").alteration?.kind == .fusion)
        // A share below the least a laboratory reports is no staining, never expression.
        let cd30 = try reading("CD30 <1% by IHC")
        #expect(cd30.alteration?.gene == "TNFRSF8" && cd30.alteration?.variant == "negative", "\(String(describing: cd30.alteration))")
        let folr1 = try reading("FRα IHC 90% of cells PS3+")
        #expect(folr1.alteration?.gene == "FOLR1", "\(String(describing: folr1.alteration))")
    }

    /// Disease texts that name the patient first ("woman aged 58, …"), say when the phase was found ("at
    /// diagnosis"), give a vertebral level, or open with "recurrent" and grade words before the disease.
    @Test func describedDiseasesWithPatientSiteOrCourseWordsResolve() throws {
        let vocabularies = try Fixture.vocabularies.get()
        for (text, code) in [
            ("woman aged 58, resected stage IIA (pT2N0) ER-positive breast cancer after lumpectomy", "BRCA"),
            ("CML in chronic phase at diagnosis (basophils 4%), age 40", "CML"),
            ("solitary plasmacytoma of the L2 vertebra, no marrow involvement", "SPB"),
            ("recurrent high-grade papillary (T1) non-muscle-invasive bladder cancer, BCG-naive", "BLCA"),
            // The Hodgkin variant of Richter transformation is classic Hodgkin lymphoma (WHO-HAEM5 2022), not DLBCL.
            ("Richter transformation to Hodgkin lymphoma after 3 years of ibrutinib", "CHL"),
            ("Hodgkin variant Richter transformation (EBV-positive)", "CHL"),
        ] {
            guard case .found(let disease, _) = vocabularies.readDisease(text).resolution else {
                Issue.record("\(text): \(vocabularies.readDisease(text).resolution)")
                continue
            }
            #expect(disease.code == code, "\(text): \(disease.code)")
        }
    }
}
