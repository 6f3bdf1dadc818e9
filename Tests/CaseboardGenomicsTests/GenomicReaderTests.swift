import CaseboardCore
import CaseboardGenomics
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

enum Fixture {
    static let vocabularies = Result { try Vocabularies.loadBundled() }

    static func path(_ name: String) throws -> String {
        let parts = name.split(separator: ".", maxSplits: 1)
        guard let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url.path
    }

    /// Reads a fixture, returning the alterations and the summary.
    static func read(_ name: String, options: GenomicReadOptions = GenomicReadOptions()) throws -> ([GenomicAlteration], ReadSummary) {
        var reader = GenomicReader(vocabularies: try vocabularies.get(), options: options)
        var found: [GenomicAlteration] = []
        let summary = try reader.read(path: try path(name)) { found.append($0) }
        return (found, summary)
    }

    static func labels(_ alterations: [GenomicAlteration]) -> [String] {
        alterations.map { "\($0.sample) \($0.alteration)" }
    }
}

@Suite struct MAFTests {
    @Test func readsProteinChangesAndCountsTheRest() throws {
        let (found, summary) = try Fixture.read("mutations.maf")
        #expect(Fixture.labels(found) == ["CASE-01 KRAS G12D", "CASE-02 EGFR L858R", "CASE-02 BRAF V600E", "CASE-03 MET c.3028+1G>T"])
        #expect(summary.read == 8)
        #expect(summary.annotated == 4)
        #expect(summary.notAnnotatable == [.nonProteinChange: 2, .unknownGene: 1])
        #expect(summary.malformed == 1)
        #expect(summary.warnings.map(\.position?.line) == [9])
        #expect(summary.samples == ["CASE-01", "CASE-02", "CASE-03", "CASE-04"])
    }

    @Test func carriesAlleleFractionAndDepth() throws {
        let (found, _) = try Fixture.read("mutations.maf")
        #expect(found[0].alleleFraction == 0.4)
        #expect(found[0].depth == 100)
        #expect(found[0].line == 3)
    }

    @Test func missingColumnNamesTheColumnAndTheFile() throws {
        let error = #expect(throws: Diagnostic.self) { try Fixture.read("missing_sample.maf") }
        #expect(error?.message.contains("Tumor_Sample_Barcode") == true)
        #expect(error?.file?.hasSuffix("missing_sample.maf") == true)
    }
}

@Suite struct VCFTests {
    @Test func vepPicksTheCanonicalTranscriptAndHonoursFilter() throws {
        let (found, summary) = try Fixture.read("annotated_vep.vcf")
        #expect(Fixture.labels(found) == ["TUMOUR KRAS G12D"])
        #expect(found.first?.alleleFraction == 0.4)
        #expect(found.first?.depth == 100)
        #expect(summary.notAnnotatable == [.filtered: 1, .nonProteinChange: 1])
        #expect(summary.malformed == 1)
        #expect(summary.warnings.first?.position?.line == 11)
    }

    @Test func allFiltersKeepsFilteredRecords() throws {
        let (found, _) = try Fixture.read("annotated_vep.vcf", options: GenomicReadOptions(includeAllFilters: true))
        #expect(Fixture.labels(found) == ["TUMOUR KRAS G12D", "TUMOUR BRAF V600E"])
    }

    @Test func snpEffAnnotationAndInfoFraction() throws {
        let (found, summary) = try Fixture.read("annotated_snpeff.vcf")
        #expect(found.map(\.alteration) == ["BRAF V600E"])
        #expect(found.first?.sample == "annotated_snpeff")
        #expect(found.first?.alleleFraction == 0.31)
        #expect(found.first?.depth == 88)
        #expect(summary.annotated == 1)
    }

    @Test(arguments: ["raw.vcf", "raw.vcf.gz"])
    func rawRecordsThroughHotspots(name: String) throws {
        let (found, summary) = try Fixture.read(name)
        // The normal's genotype is 0/0: only the tumour carries it.
        #expect(Fixture.labels(found) == ["TUMOUR BRAF V600E"])
        #expect(found.first?.alleleFraction == 0.25)
        #expect(found.first?.depth == 120)
        #expect(summary.read == 3)
        #expect(summary.notAnnotatable == [.notAnnotatableWithoutVEP: 1, .filtered: 1])
        #expect(summary.samples == ["TUMOUR", "NORMAL"])
    }

    @Test func bundledHotspotTablesAreComplete() throws {
        #expect(try HotspotTable.bundled(.grch37).count > 3000)
        #expect(try HotspotTable.bundled(.grch38).count > 3000)
    }
}

@Suite struct FusionAndCopyNumberTests {
    @Test func fusionsAreFiledLikeTypedFusions() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let (found, summary) = try Fixture.read("fusions.txt")
        let typed = try vocabularies.parseAlteration("EML4::ALK fusion").get().label
        #expect(found.map(\.alteration) == [typed, typed, try vocabularies.parseAlteration("CCDC6::RET").get().label])
        #expect(found.map(\.gene) == ["ALK", "ALK", "RET"])
        #expect(summary.notAnnotatable == [.unreadableFusion: 1])
        #expect(summary.malformed == 1)
        #expect(summary.warnings.first?.position?.line == 6)
    }

    @Test func gisticMatrix() throws {
        let (found, summary) = try Fixture.read("cna_matrix.txt")
        #expect(Fixture.labels(found) == ["CASE-02 ERBB2 amplification", "CASE-01 CDKN2A deletion"])
        #expect(summary.notAnnotatable == [.noCopyNumberChange: 2])
        #expect(summary.malformed == 1)
        #expect(summary.warnings.first?.position?.line == 4)
    }

    @Test func individualList() throws {
        let (found, summary) = try Fixture.read("cna_list.txt")
        #expect(Fixture.labels(found) == ["CASE-01 MET amplification", "CASE-02 CDKN2A deletion"])
        #expect(summary.malformed == 1)
        #expect(summary.warnings.first?.position?.line == 4)
    }

    @Test func windowsLineEndsAreDetectedAndRead() throws {
        let (found, summary) = try Fixture.read("cna_list_crlf.txt")
        #expect(Fixture.labels(found) == ["CASE-01 MET amplification", "CASE-02 CDKN2A deletion"])
        #expect(summary.malformed == 0)
    }

    @Test func detectsLayoutsFromHeaders() throws {
        let cases: [(String, GenomicFormat)] = [
            ("mutations.maf", .maf), ("annotated_vep.vcf", .vcf), ("fusions.txt", .fusions), ("cna_matrix.txt", .copyNumberMatrix),
            ("cna_list.txt", .copyNumberList), ("clinical.txt", .clinical),
        ]
        for (name, format) in cases {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try Fixture.path(name))))
            #expect(GenomicFormat.detect(prefix: bytes) == format, "\(name)")
        }
    }
}

@Suite struct SampleProfileTests {
    static func profiles() throws -> [SampleProfile] {
        let vocabularies = try Fixture.vocabularies.get()
        var reader = GenomicReader(vocabularies: vocabularies)
        var builder = SampleProfileBuilder()
        for name in ["mutations.maf", "fusions.txt", "cna_list.txt"] {
            let summary = try reader.read(path: try Fixture.path(name)) { builder.add($0) }
            builder.add(samples: summary.samples)
        }
        let clinical = try ClinicalFile.read(path: try Fixture.path("clinical.txt"), vocabularies: vocabularies)
        return builder.profiles(clinical: clinical, disease: nil)
    }

    @Test func groupsAlterationsBySampleWithTheirTumourType() throws {
        let profiles = try Self.profiles()
        // CASE-05's only row is malformed: a warning, not a sample.
        #expect(profiles.map(\.sample) == ["CASE-01", "CASE-02", "CASE-03", "CASE-04"])
        #expect(profiles[0].alterations == ["KRAS G12D", "EML4::ALK fusion", "MET amplification"])
        #expect(profiles[0].disease == "LUAD")
        #expect(profiles[1].priorTherapies == ["erlotinib:PD"])
    }

    @Test func invalidOncoTreeCodeIsAProblemNotATumourType() throws {
        let clinical = try ClinicalFile.read(path: try Fixture.path("clinical.txt"), vocabularies: try Fixture.vocabularies.get())
        #expect(clinical.summary.notAnnotatable == [.unknownOncoTreeCode: 1])
        let profiles = try Self.profiles()
        #expect(profiles[2].disease == nil)
        #expect(profiles[2].problems.first?.contains("NOTACODE") == true)
        #expect(profiles[3].problems == ["no tumour type: not in the clinical file and no --disease given"])
    }

    @Test func aSamplesMAFRowsMatchLikeTheSameAlterationsTyped() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let index = KnowledgeIndex(
            evidence: try CuratedEvidence.load(vocabularies: vocabularies).items,
            cases: [],
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: "genomics"
        )
        let matcher = Matcher(vocabularies: vocabularies, index: index)
        var reader = GenomicReader(vocabularies: vocabularies)
        var builder = SampleProfileBuilder()
        _ = try reader.read(path: try Fixture.path("mutations.maf")) { builder.add($0) }
        let profile = try #require(builder.profiles(disease: "LUAD").first { $0.sample == "CASE-02" })
        let fromFile = matcher.match(PatientProfile(disease: profile.disease, alterations: profile.alterations))
        let typed = matcher.match(PatientProfile(disease: "LUAD", alterations: ["EGFR L858R", "BRAF V600E"]))
        #expect(!typed.options.isEmpty)
        #expect(fromFile.options == typed.options)
        #expect(fromFile.resistance == typed.resistance)
    }
}

@Suite struct SharedCohortTests {
    /// `$CASEBOARD_SHARED`, else ../shared beside the package root, else ../../shared (a folder of worktrees),
    /// as the other tests that read the shared folder find it.
    static let lamlPath: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let relative = "data/genomic/maftools/tcga_laml.maf.gz"
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["CASEBOARD_SHARED"] {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent(relative))
        }
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared/" + relative))
        candidates.append(root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/" + relative))
        return (candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[candidates.count - 1]).path
    }()

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: lamlPath),
            "tcga_laml.maf.gz not found under $CASEBOARD_SHARED/data, ../shared/data or ../../shared/data: skipped"
        )
    )
    func tcgaLAMLAccountsForEverySample() throws {
        var reader = GenomicReader(vocabularies: try Fixture.vocabularies.get())
        var builder = SampleProfileBuilder()
        let summary = try reader.read(path: Self.lamlPath) { builder.add($0) }
        builder.add(samples: summary.samples)
        #expect(summary.samples.count == 193)
        #expect(builder.profiles(disease: "AML").count == 193)
        #expect(summary.read == summary.annotated + summary.notAnnotatableTotal + summary.malformed)
        #expect(summary.annotated > 0)
        #expect(summary.malformed == 0)
        // Every alteration is named so that the matcher reads it back.
        let vocabularies = try Fixture.vocabularies.get()
        let unreadable = builder.profiles(disease: "AML").flatMap(\.alterations).filter {
            (try? vocabularies.parseAlteration($0).get()) == nil
        }
        #expect(unreadable.isEmpty, "\(unreadable.prefix(5))")
    }
}
