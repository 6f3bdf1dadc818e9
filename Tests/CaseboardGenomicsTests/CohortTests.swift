import CaseboardCore
import CaseboardGenomics
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

@Suite struct SegmentTests {
    @Test func segFileGivesGeneCallsThroughTheBundledPositions() throws {
        let (found, summary) = try Fixture.read("segments.seg")
        #expect(Fixture.labels(found) == ["SEG-1 ERBB2 amplification", "SEG-1 CDKN2A deletion"])
        #expect(summary.read == 6)
        #expect(summary.notAnnotatable == [.noCopyNumberChange: 2, .noGeneCoordinates: 1])
        // The amplified segment on chromosome 1 covers no gene of the table: counted, with its reason named.
        #expect(summary.line.contains("no_gene_coordinates 1"))
        // ... and the summary line says why: the bundled table is not a full gene-coordinate table.
        #expect(summary.line.contains("1 amplified or deleted segments overlap no gene of the bundled GRCh37 position table"))
        #expect(summary.line.contains("not a full gene-coordinate table"))
        #expect(summary.malformed == 1)
        #expect(summary.warnings.map(\.position?.line) == [7])
        #expect(summary.samples == ["SEG-1", "SEG-2"])
    }

    /// A focal segment over the start of ERBB2's transcript, away from its known variant positions, got no call
    /// when the table held only known-variant spans; CIViC's gene-level variant coordinates (GRCh37) cover it.
    @Test func aFocalSegmentOverAGeneAwayFromItsHotspotsIsCalled() throws {
        let seg = "ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean\nF1\t17\t37856400\t37860000\t12\t1.8\n"
        var reader = GenomicReader(vocabularies: try Fixture.vocabularies.get())
        var found: [GenomicAlteration] = []
        let summary = try reader.read(bytes: Array(seg.utf8), name: "focal.seg", rows: { _ in }, emit: { found.append($0) })
        #expect(Fixture.labels(found) == ["F1 ERBB2 amplification"])
        #expect(summary.notAnnotatable.isEmpty)
        #expect(summary.notes.isEmpty)
    }

    @Test func alleleSpecificSegmentsAreCalledOnTotalCopies() throws {
        let (found, summary) = try Fixture.read("allele_specific.cna.tsv", options: GenomicReadOptions(defaultSample: "T1"))
        #expect(Fixture.labels(found) == ["T1 CDKN2A deletion", "T1 ERBB2 amplification"])
        #expect(summary.notAnnotatable == [.noCopyNumberChange: 1])
    }

    @Test func thresholdsAreOptions() throws {
        let strict = GenomicReadOptions(segmentThresholds: SegmentThresholds(amplificationLog2: 2.0, deletionLog2: -3.0))
        let (found, _) = try Fixture.read("segments.seg", options: strict)
        #expect(found.isEmpty)
    }

    @Test func segmentsAreDetectedFromTheirHeader() throws {
        #expect(GenomicFormat.detect(prefix: Array("ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean\n".utf8)) == .segments)
        #expect(GenomicFormat.detect(prefix: Array("Chromosome\tStart\tEnd\tnMajor\tnMinor\n".utf8)) == .segments)
    }

    @Test func bundledPositionTablesHoldCommonCopyNumberGenes() throws {
        let grch37 = try GenePositionTable.bundled(.grch37)
        #expect(grch37.count > 2000)
        #expect(grch37.genes(chromosome: "chr17", start: 37_800_000, end: 37_900_000).contains("ERBB2"))
        #expect(try GenePositionTable.bundled(.grch38).count > 200)
    }
}

@Suite struct RowTests {
    /// Every line of the input comes back once, in order, as preamble, header or record.
    @Test func everyLineIsHandedOnInOrder() throws {
        let vocabularies = try Fixture.vocabularies.get()
        var reader = GenomicReader(vocabularies: vocabularies)
        let path = try Fixture.path("mutations.maf")
        let rows = RowCollector()
        _ = try reader.read(path: path, rows: { rows.rows.append($0) }, emit: { _ in })
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedCount = lines.last == "" ? lines.count - 1 : lines.count
        #expect(rows.rows.map(\.line) == Array(1...expectedCount))
        #expect(rows.rows.map(\.text) == lines.prefix(expectedCount).map(String.init))
        #expect(rows.rows[0].kind == .preamble)
        #expect(rows.rows[1].kind == .header)
        #expect(rows.rows[2].alterations.map(\.alteration) == ["KRAS G12D"])
        #expect(rows.rows[3].reasons == [.nonProteinChange])
        #expect(rows.rows.contains { $0.warning != nil })
    }

    @Test func readingWithRowsCountsTheSameAsWithout() throws {
        let vocabularies = try Fixture.vocabularies.get()
        var reader = GenomicReader(vocabularies: vocabularies)
        let path = try Fixture.path("raw.vcf")
        let plain = try reader.read(path: path) { _ in }
        let withRows = try reader.read(path: path, rows: { _ in }, emit: { _ in })
        #expect(plain.line == withRows.line)
        #expect(plain.read > 0)
    }
}

/// Collects rows in a test; the closure is escaping, so the rows live in a reference.
final class RowCollector: @unchecked Sendable {
    var rows: [GenomicRow] = []
}

@Suite struct CohortTests {
    static func annotator() throws -> CohortAnnotator {
        let vocabularies = try Fixture.vocabularies.get()
        let index = KnowledgeIndex(
            evidence: try CuratedEvidence.load(vocabularies: vocabularies).items,
            cases: [],
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: "cohort"
        )
        return CohortAnnotator(vocabularies: vocabularies, matcher: Matcher(vocabularies: vocabularies, index: index))
    }

    @Test func aCohortFromBytesMatchesEachSampleAsAWhole() throws {
        let maf = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\nEGFR\tMissense_Mutation\tP1\tp.L858R\n"
        let fusions = "Tumor_Sample_Barcode\tFusion\nP2\tEML4::ALK\n"
        let cohort = try Self.annotator().annotate(
            [.bytes(Array(maf.utf8), name: "a.maf"), .bytes(Array(fusions.utf8), name: "f.txt"), .bytes(Array("nothing\n".utf8), name: "x.txt")],
            disease: "LUAD"
        )
        #expect(cohort.samples.map(\.sample) == ["P1", "P2"])
        #expect(cohort.samples.allSatisfy { $0.bestLevel == .a })
        #expect(cohort.errors.count == 1)
        #expect(cohort.refused)
    }

    @Test func theRowAnnotationNamesTheLevelAndTheHotspot() throws {
        let maf = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\nEGFR\tMissense_Mutation\tP1\tp.L858R\n"
        let cohort = try Self.annotator().annotate([.bytes(Array(maf.utf8), name: "a.maf")], disease: "LUAD")
        let annotator = RowAnnotator(samples: cohort.samples, hotspots: try HotspotTable.bundledProteinChanges())
        var reader = GenomicReader(vocabularies: try Fixture.vocabularies.get())
        let rows = RowCollector()
        _ = try reader.read(bytes: Array(maf.utf8), name: "a.maf", rows: { rows.rows.append($0) }, emit: { _ in })
        let header = annotator.line(for: rows.rows[0]).dropLast().components(separatedBy: "\t")
        let record = annotator.line(for: rows.rows[1]).dropLast().components(separatedBy: "\t")
        #expect(header.count == record.count)
        let fields = Dictionary(uniqueKeysWithValues: zip(header, record))
        #expect(fields["CASEBOARD_ALTERATION"] == "EGFR L858R")
        #expect(fields["HOTSPOT"] == "yes")
        #expect(fields["HIGHEST_SENSITIVE_LEVEL"] == "A")
        #expect(fields["Hugo_Symbol"] == "EGFR")
    }

    @Test func theReportEscapesTextAndCarriesNoScript() throws {
        let maf = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\nEGFR\tMissense_Mutation\t<b>P1</b>\tp.L858R\n"
        let cohort = try Self.annotator().annotate([.bytes(Array(maf.utf8), name: "a.maf")], disease: "LUAD")
        let html = CohortReport.html(cohort, generated: "2026-01-01T00:00:00Z")
        #expect(html.contains("&lt;b&gt;P1&lt;/b&gt;"))
        #expect(!html.contains("<b>P1"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("<td class=\"lvA\""))
    }

    /// Sample ids that differ only in punctuation shared one anchor, so every grid link went to the first
    /// sample's section.
    @Test func sampleAnchorsAreUniqueWhenIdsDifferOnlyInPunctuation() throws {
        let ids = ["TCGA-AB-1234", "TCGA.AB.1234", "TCGA_AB_1234", "TCGA AB 1234", "TCGA-AB-1234é"]
        var maf = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\n"
        for id in ids { maf += "EGFR\tMissense_Mutation\t\(id)\tp.L858R\n" }
        let cohort = try Self.annotator().annotate([.bytes(Array(maf.utf8), name: "a.maf")], disease: "LUAD")
        #expect(cohort.samples.map(\.sample) == ids)
        func anchors(_ html: String, after marker: String) -> [String] {
            html.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        let html = CohortReport.html(cohort, generated: "2026-01-01T00:00:00Z")
        let sections = anchors(html, after: "<section id=\"")
        let links = anchors(html, after: "<th class=\"sample\" scope=\"row\"><a href=\"#")
        #expect(sections.count == ids.count)
        #expect(Set(sections).count == ids.count, "\(sections)")
        #expect(links == sections)
        // Only characters an id and a URL fragment take as they are.
        #expect(sections.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } })
        // Stable: the same cohort gives the same anchors, whatever else the report holds.
        let again = try Self.annotator().annotate([.bytes(Array(maf.utf8), name: "b.maf")], disease: "NSCLC")
        #expect(anchors(CohortReport.html(again, generated: "2027-01-01T00:00:00Z"), after: "<section id=\"") == sections)
        #expect(sections.first == "s-TCGA-AB-1234")
    }

    /// What the browser test's axe-core run and console found on the page: a policy directive
    /// browsers ignore in a meta element (and log an error for), no main landmark, an empty header.
    @Test func theReportIsCleanInABrowser() throws {
        let maf = "Hugo_Symbol\tVariant_Classification\tTumor_Sample_Barcode\tHGVSp_Short\nEGFR\tMissense_Mutation\tP1\tp.L858R\n"
        let cohort = try Self.annotator().annotate([.bytes(Array(maf.utf8), name: "a.maf")], disease: "LUAD")
        let html = CohortReport.html(cohort, generated: "2026-01-01T00:00:00Z")
        let meta = try #require(html.split(separator: "\n").first { $0.contains("http-equiv=\"Content-Security-Policy\"") })
        #expect(meta.contains("default-src &#39;none&#39;"))
        #expect(!meta.contains("frame-ancestors"))
        #expect(html.components(separatedBy: "<main>").count == 2 && html.contains("</main>"))
        #expect(!html.contains("<th></th>"))
        #expect(html.contains("<th class=\"sample\" scope=\"row\">"))
    }
}
