import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Testing

/// Inputs hold-out 12 left unresolved or misread (session 19), fixed as classes: each test failed before
/// its fix. A driver read as nothing let a checkpoint inhibitor lead in driver-positive lung cancer. The
/// wordings are our own.
struct Holdout12InputTests {
    private func reading(_ text: String) throws -> PatientAlterationReading {
        try Fixture.vocabularies.get().parsePatientAlteration(text).get()
    }

    /// A positive VENTANA ALK (D5F3) CDx stain is ALK-positive by its FDA approval (companion diagnostic for
    /// ALK inhibitors, 2015 and 2017); kinase stains without such a label stay findings.
    @Test func alkCompanionStainIsTheRearrangement() throws {
        for text in ["ALK D5F3 IHC positive (Ventana), diffuse strong staining", "ALK (D5F3) positive"] {
            let read = try reading(text)
            #expect(read.alteration?.gene == "ALK" && read.alteration?.kind == .fusion, "\(text): \(String(describing: read.alteration))")
        }
        for text in ["ALK (D5F3) IHC negative", "pan-TRK IHC positive", "ROS1 IHC positive (D4D6)"] {
            let read = try? Fixture.vocabularies.get().parsePatientAlteration(text).get()
            #expect(read?.alteration?.kind != .fusion, "\(text): \(String(describing: read))")
        }
        let result = try HoldoutScenarios.defaultMatcher.get().match(
            PatientProfile(disease: "lung adenocarcinoma", alterations: ["ALK (D5F3) IHC positive, Ventana", "PD-L1 TPS 90%"])
        )
        #expect(result.alterations.contains { $0.label == "ALK fusion" }, "\(result.alterations.map(\.label))")
    }

    /// A rearrangement whose partner was not identified is a fusion with any partner; the break-apart
    /// method in brackets is detail.
    @Test func aRearrangementWithUnknownPartnerIsAFusion() throws {
        for text in ["ROS1 rearranged by FISH (break-apart, 40% of cells split), partner unknown", "RET rearrangement, partner not identified"] {
            let read = try reading(text)
            #expect(read.alteration?.kind == .fusion, "\(text): \(String(describing: read.alteration))")
            #expect(read.alteration?.gene == (text.hasPrefix("ROS1") ? "ROS1" : "RET"), "\(text): \(String(describing: read.alteration))")
        }
    }

    /// HER2 IHC 2+ with ISH numbers: the ASCO/CAP 2018 groups decide (ratio ≥ 2.0 with ≥ 4.0 copies positive).
    @Test func her2ISHNumbersDecideTheCall() throws {
        let positive = try reading("HER2 IHC 2+, ISH: HER2/CEP17 ratio 3.1, average HER2 copy number 7.4")
        #expect(positive.statuses.contains { $0.marker == .her2 && $0.call == .positive }, "\(positive)")
        #expect(positive.alteration?.gene == "ERBB2", "\(positive)")
        let negative = try reading("HER2 IHC 2+; ISH HER2/CEP17 ratio 1.3, mean HER2 copy number 2.6")
        #expect(negative.statuses.contains { $0.marker == .her2 && $0.call == .low }, "\(negative)")
        #expect(negative.alteration?.variant != "amplification", "\(negative)")
    }

    /// A fusion written with the translocation that makes it: the karyotype is detail.
    @Test func aFusionWithItsTranslocationIsTheFusion() throws {
        for (text, label) in [
            ("ETV6-NTRK3 t(12;15)(p13;q25) on RNA sequencing", "ETV6::NTRK3 fusion"), ("EWSR1-FLI1 t(11;22)", "EWSR1::FLI1 fusion"),
        ] {
            let read = try reading(text)
            #expect(read.alteration?.label == label, "\(text): \(String(describing: read.alteration))")
        }
    }

    /// Words of the course of a finding ("persisting", "newly acquired") and the method with the VAF in one
    /// bracket are detail; the allele is kept.
    @Test func courseWordsAndAssayDetailKeepTheAllele() throws {
        for (text, label) in [
            ("FLT3 D835Y persisting", "FLT3 D835Y"), ("NRAS G12D newly acquired (VAF 7%)", "NRAS G12D"),
            ("JAK2 V617F (ddPCR, VAF 41%)", "JAK2 V617F"), ("ABL1 E255K still present", "ABL1 E255K"),
        ] {
            let read = try reading(text)
            #expect(read.alteration?.label == label, "\(text): \(String(describing: read.alteration))")
        }
    }

    /// A bare gene and a gene with its change sharing "mutated": both genes are kept.
    @Test func aGeneAndAnAlleleSharingMutatedAreBothKept() throws {
        let read = try reading("DNMT3A and IDH1 R132C mutated")
        let labels = Set(([read.alteration].compactMap { $0 } + read.equivalents).map(\.label))
        #expect(labels.contains("IDH1 R132C"), "\(labels)")
        #expect(labels.contains { $0.hasPrefix("DNMT3A") }, "\(labels)")
    }

    /// A leading "no" before a list of genes or changes is a negative for each, matched on nothing; a mistyped
    /// gene in the list stays an error.
    @Test func aNegativeListStaysNegative() throws {
        for text in ["no C797S, L718Q or MET amplification at progression", "sequencing: no KRAS, NRAS, BRAF or HER2 alteration"] {
            let read = try reading(text)
            #expect(read.alteration == nil, "\(text): \(String(describing: read.alteration))")
            #expect(read.notes.contains { $0.contains("negative") }, "\(text): \(read.notes)")
        }
        guard case .failure = try Fixture.vocabularies.get().parsePatientAlteration("no KRSA, NRAS or BRAF alteration") else {
            Issue.record("a mistyped gene in a negative list stays an error")
            return
        }
    }

    /// Risk scores, marrow fibrosis grades, ECG measures and arm-level losses are read and matched on nothing.
    @Test func scoresGradesAndArmLossesAreFindings() throws {
        for text in ["IPS 3", "DIPSS 2", "reticulin fibrosis grade 2", "QTcF 470 ms", "11q loss", "loss of 11q"] {
            let read = try reading(text)
            #expect(read.alteration == nil, "\(text): \(String(describing: read.alteration))")
        }
    }

    /// IGHV status by its identity to germline (iwCLL 2018: 98 % or more is unmutated).
    @Test func ighvIdentityDecidesItsStatus() throws {
        #expect(try reading("IGHV 99.1% identity to germline").alteration?.variant.contains("unmutated") == true)
        // Mutated IGHV is read (a lower-risk finding) and keyed to nothing; never read as unmutated.
        let mutated = try reading("IGHV 92% homology to germline (mutated)")
        #expect(mutated.alteration?.variant.contains("unmutated") != true, "\(mutated)")
        #expect(mutated.notes.contains { $0.contains("IGHV mutated") }, "\(mutated.notes)")
    }

    /// An ER share with words after it is read by the share: 1-10 % is ER-low, with no HR-positive key.
    @Test func erLowIsReadAndNotKeyedPositive() throws {
        for text in ["ER 8% weak (ER-low positive)", "ER-low positive"] {
            let read = try reading(text)
            #expect(read.statuses.contains { $0.marker == .estrogenReceptor && $0.call == .low }, "\(text): \(read)")
            #expect(read.alteration?.variant != "overexpression", "\(text): \(read)")
        }
    }

    /// Stains: a strong stain is the antigen present; langerin is a stain.
    @Test func strongStainsAndLangerinAreStains() throws {
        #expect(try reading("CD20 strong").alteration?.label == "MS4A1 overexpression")
        #expect(try reading("CD1a and langerin positive").alteration?.kind != .mutation)
    }

    /// Disease texts with the precursor they arose in, a transformation, or node categories written apart.
    @Test func describedDiseasesWithOriginAndNodes() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let cases: [(String, String)] = [
            ("anaplastic thyroid cancer arising from a papillary carcinoma, stage IVB", "THAP"),
            ("follicular lymphoma transformed to DLBCL after R-CHOP, age 70", "DLBCLNOS"),
            ("resected colon adenocarcinoma pT4a pN2b, stage IIIC, R0, right-sided", "COADREAD"),
        ]
        for (text, code) in cases {
            var found: String?
            if case .found(let disease, _) = vocabularies.readDisease(text).resolution { found = disease.code }
            let line = found.map { [$0] + vocabularies.ancestors(of: $0) } ?? []
            #expect(line.contains(code), "\(text): \(String(describing: found))")
        }
    }

    /// A disease followed by a colon and its presentation, or by how it was diagnosed: the name before it.
    @Test func aDiseaseBeforeItsPresentationIsRead() throws {
        let vocabularies = try Fixture.vocabularies.get()
        for (text, code) in [
            ("aggressive NK-cell leukemia: fevers, cytopenias, age 40", "ANKL"),
            ("intravascular large B-cell lymphoma diagnosed on a skin biopsy, age 70", "IVBCL"),
        ] {
            var found: String?
            if case .found(let disease, _) = vocabularies.readDisease(text).resolution { found = disease.code }
            #expect(found == code, "\(text): \(String(describing: found))")
        }
    }
}
