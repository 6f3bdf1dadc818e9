import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Input readings that hold-out 11's blind run (session 18, `Scenarios/HOLDOUT11.md`) found reversed: a
/// result the clinician wrote as negative was matched as present, or a list of markers was read as a
/// fusion. Each test failed before its fix; the wordings are our own.
struct Holdout11ClassTests {
    private func reading(_ text: String) throws -> PatientAlterationReading {
        try Fixture.vocabularies.get().parsePatientAlteration(text).get()
    }

    /// The method after a result ("by RT-PCR and FISH", "on ctDNA", "by NGS") is detail: it hid the
    /// negative word before it, so "BCR::ABL1 negative by RT-PCR" put Ph-positive ALL drugs first.
    @Test func theMethodAfterAResultIsDetail() throws {
        for text in ["BCR::ABL1 negative by RT-PCR and FISH", "PML::RARA not detected by FISH", "ALK fusion negative on RNA NGS"] {
            let read = try reading(text)
            #expect(read.alteration == nil, "\(text): \(String(describing: read.alteration))")
        }
        #expect(try reading("EGFR L858R on ctDNA").alteration?.label == "EGFR L858R")
        #expect(try reading("KRAS G12D by NGS").alteration?.label == "KRAS G12D")
        let result = try HoldoutScenarios.defaultMatcher.get().match(
            PatientProfile(disease: "newly diagnosed B-ALL, age 50", alterations: ["BCR::ABL1 negative by RT-PCR and FISH"])
        )
        #expect(!result.alterations.contains { $0.label.contains("BCR::ABL1") }, "\(result.alterations.map(\.label))")
        #expect(!result.options.prefix(3).contains { $0.drugs.contains("ponatinib") || $0.drugs.contains("dasatinib") })
    }

    /// "Not detected", "not found", "negative" after MET exon 14 skipping deny it; they were read as the
    /// skipping itself, which put capmatinib and tepotinib first.
    @Test func aDeniedMETExon14SkippingIsNotPresent() throws {
        for text in ["MET exon 14 skipping not detected", "MET exon 14 skipping negative", "MET exon 14 skipping not found", "METex14 not detected"] {
            let read = try reading(text)
            #expect(read.alteration?.label != "MET exon 14 skipping", "\(text)")
        }
        #expect(try reading("MET c.3082+1G>T (exon 14 splice donor)").alteration?.label == "MET exon 14 skipping")
        #expect(try reading("BRAF V600E not found").alteration?.variant == "V600E negative")
    }

    /// Several markers each with its sign are an immunophenotype, read as a finding: they were read as a
    /// fusion of the first and last genes named (TdT and CD7).
    @Test func severalSignedMarkersAreAnImmunophenotype() throws {
        let read = try reading("TdT+ CD1a+ cytoplasmic CD3+ CD5-")
        #expect(read.alteration == nil, "\(String(describing: read.alteration))")
        #expect(try reading("CD20+").alteration?.gene == "MS4A1")
    }

    /// Context a clinician adds to a result is read as detail or as a finding, never an input error:
    /// the sample ("in tumour", "in marrow"), the FLT3 allelic ratio, a long negative panel with its
    /// method, a negative test that names no gene. A mistyped gene before "negative" stays an error.
    @Test func contextAroundAResultIsRead() throws {
        #expect(try reading("NPM1 c.860_863dup (type A) in tumour").alteration?.gene == "NPM1")
        #expect(try reading("FLT3-ITD, allelic ratio 0.6").alteration?.label == "FLT3 ITD")
        for text in ["EGFR, KRAS, ALK, ROS1, BRAF, RET and NTRK negative on NGS", "germline testing negative", "hereditary cancer panel negative"] {
            let read = try reading(text)
            #expect(read.alteration == nil, "\(text)")
        }
        guard case .failure = try Fixture.vocabularies.get().parsePatientAlteration("EGRF negative") else {
            Issue.record("a mistyped gene before 'negative' must stay an error")
            return
        }
    }
}
