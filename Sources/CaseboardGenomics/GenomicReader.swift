import CaseboardCore
import CaseboardDocuments
import CaseboardVocabularies
import Foundation

/// The genomic file layouts Caseboard reads.
public enum GenomicFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A mutation annotation format table (TCGA, cBioPortal, oncokb-annotator).
    case maf
    /// A VCF, plain or gzip, annotated by VEP (CSQ) or SnpEff (ANN), or raw.
    case vcf
    /// A sample table with a fusion column (`A-B`, `A--B`, `A::B`).
    case fusions
    /// A GISTIC-style discrete gene × sample matrix (−2…2).
    case copyNumberMatrix = "cna_matrix"
    /// An individual copy-number list: sample, gene, AMPLIFICATION/DELETION (or 2/−2).
    case copyNumberList = "cna_list"
    /// Copy-number segments: a SEG file (ID chrom loc.start loc.end num.mark seg.mean) or allele-specific
    /// segments (Chromosome Start End nMajor nMinor), called per gene through the bundled ``GenePositionTable``.
    case segments = "seg"
    /// A clinical file: sample → OncoTree code (read with ``ClinicalFile``).
    case clinical

    /// Recognizes a layout from the first lines of content (comment lines skipped).
    public static func detect(prefix: [UInt8]) -> GenomicFormat? {
        let text = String(decoding: prefix, as: UTF8.self)
        if text.hasPrefix("##fileformat=VCF") { return .vcf }
        // Split on any newline: "\r\n" is one Character, so splitting on "\n" alone misses Windows line ends.
        guard let header = text.split(whereSeparator: \.isNewline).first(where: { !$0.hasPrefix("#") || $0.hasPrefix("#FusionName") }) else {
            return nil
        }
        let columns = Set(tabFields(String(header)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() })
        if columns.contains("variant_classification") { return .maf }
        if !columns.isDisjoint(with: ["seg.mean", "segment_mean"]) || columns.isSuperset(of: ["nmajor", "nminor"]) { return .segments }
        if !columns.isDisjoint(with: fusionColumns.map { $0.lowercased() }) { return .fusions }
        if !columns.isDisjoint(with: copyNumberCallColumns.map { $0.lowercased() }) { return .copyNumberList }
        if columns.contains("oncotree_code") { return .clinical }
        if !columns.isDisjoint(with: geneColumns.map { $0.lowercased() }) { return .copyNumberMatrix }
        return nil
    }

    static let sampleColumns = ["Tumor_Sample_Barcode", "SAMPLE_ID", "Sample", "sample_id", "Tumor_Sample"]
    static let geneColumns = ["Hugo_Symbol", "Gene Symbol", "Gene_Symbol", "gene", "symbol"]
    static let fusionColumns = ["Fusion", "FusionGene", "#FusionName", "FusionName", "fusion_name", "fusion_gene"]
    static let copyNumberCallColumns = ["Copy_Number_Alteration", "CNA", "copy_number_alteration", "cna_call"]
}

/// Options for reading genomic files.
public struct GenomicReadOptions: Sendable, Hashable {
    /// Keep VCF records whose FILTER is not PASS.
    public var includeAllFilters: Bool
    /// The genome build of raw VCFs; nil detects it from the header.
    public var assembly: GenomeAssembly?
    /// The sample name for files that carry none (a single-sample fusion list, a sample-less VCF); nil uses the file name.
    public var defaultSample: String?
    /// When a copy-number segment is an amplification or a deep deletion.
    public var segmentThresholds: SegmentThresholds

    public init(
        includeAllFilters: Bool = false,
        assembly: GenomeAssembly? = nil,
        defaultSample: String? = nil,
        segmentThresholds: SegmentThresholds = SegmentThresholds()
    ) {
        self.includeAllFilters = includeAllFilters
        self.assembly = assembly
        self.defaultSample = defaultSample
        self.segmentThresholds = segmentThresholds
    }
}

/// Streams alterations out of genomic files: bytes in, one alteration at a time out, memory flat in the rows.
public struct GenomicReader {
    public let vocabularies: Vocabularies
    public var options: GenomicReadOptions
    var namer: AlterationNamer
    /// Receives each input line with what became of it, during a ``read(path:format:rows:emit:)`` that asked for rows.
    var rowSink: ((GenomicRow) -> Void)?
    var pendingRow: GenomicRow?

    public init(vocabularies: Vocabularies, options: GenomicReadOptions = GenomicReadOptions()) {
        self.vocabularies = vocabularies
        self.options = options
        namer = AlterationNamer(vocabularies: vocabularies)
    }

    /// Reads a file (gzip detected from its content), calling `emit` for each alteration.
    ///
    /// - Throws: a ``Diagnostic`` for an unreadable file, an unknown layout, or a missing required column.
    public mutating func read(
        path: String,
        format: GenomicFormat? = nil,
        emit: (GenomicAlteration) throws -> Void
    ) throws -> ReadSummary {
        let input = try ByteSources.openInput(path: path)
        return try read(input, name: path, format: format, emit: emit)
    }

    /// Reads a file as ``read(path:format:emit:)`` does, and also hands every input line to `rows`
    /// (preamble, header and data alike) with the alterations and reasons it gave, in input order.
    public mutating func read(
        path: String,
        format: GenomicFormat? = nil,
        rows: @escaping (GenomicRow) -> Void,
        emit: (GenomicAlteration) throws -> Void
    ) throws -> ReadSummary {
        let input = try ByteSources.openInput(path: path)
        return try withRows(rows) { try $0.read(input, name: path, format: format, emit: emit) }
    }

    /// Reads bytes in memory with every input line handed to `rows`, as ``read(path:format:rows:emit:)``.
    public mutating func read(
        bytes: [UInt8],
        name: String,
        format: GenomicFormat? = nil,
        rows: @escaping (GenomicRow) -> Void,
        emit: (GenomicAlteration) throws -> Void
    ) throws -> ReadSummary {
        let input = try ByteSources.openInput(bytes: bytes, name: name)
        return try withRows(rows) { try $0.read(input, name: name, format: format, emit: emit) }
    }

    private mutating func withRows(
        _ rows: @escaping (GenomicRow) -> Void,
        _ body: (inout GenomicReader) throws -> ReadSummary
    ) rethrows -> ReadSummary {
        rowSink = rows
        pendingRow = nil
        defer {
            rowSink = nil
            pendingRow = nil
        }
        var summary = try body(&self)
        flushRow(&summary)
        return summary
    }

    /// Starts the row for a line just read (when rows were asked for), handing on the one before.
    mutating func beginRow(_ text: String, line: Int, kind: GenomicRow.Kind, _ summary: inout ReadSummary) {
        guard rowSink != nil else { return }
        flushRow(&summary)
        summary.tracksRows = true
        pendingRow = GenomicRow(kind: kind, line: line, text: text)
    }

    mutating func flushRow(_ summary: inout ReadSummary) {
        guard let sink = rowSink, var row = pendingRow else { return }
        row.reasons = summary.rowReasons
        row.warning = summary.rowWarning
        summary.rowReasons.removeAll(keepingCapacity: true)
        summary.rowWarning = nil
        pendingRow = nil
        sink(row)
    }

    /// Reads bytes already in memory, such as an upload.
    public mutating func read(
        bytes: [UInt8],
        name: String,
        format: GenomicFormat? = nil,
        emit: (GenomicAlteration) throws -> Void
    ) throws -> ReadSummary {
        try read(try ByteSources.openInput(bytes: bytes, name: name), name: name, format: format, emit: emit)
    }

    mutating func read(_ input: OpenedInput, name: String, format: GenomicFormat?, emit: (GenomicAlteration) throws -> Void) throws -> ReadSummary {
        guard let format = format ?? GenomicFormat.detect(prefix: input.prefix) else {
            throw Diagnostic.error("not a MAF, VCF, fusion, copy-number, segment or clinical table (no known header columns)", file: name)
        }
        var lines = LineReader(source: input.source, name: name)
        var summary = ReadSummary(file: name)
        summary.tracksRows = rowSink != nil
        switch format {
        case .maf: try readMAF(&lines, &summary, emit)
        case .vcf: try readVCF(&lines, &summary, emit)
        case .fusions: try readFusions(&lines, &summary, emit)
        case .copyNumberMatrix: try readCopyNumberMatrix(&lines, &summary, emit)
        case .copyNumberList: try readCopyNumberList(&lines, &summary, emit)
        case .segments: try readSegments(&lines, &summary, emit)
        case .clinical:
            throw Diagnostic.error("a clinical file: give it with --clinical (it maps samples to tumour types)", file: name)
        }
        return summary
    }

    func fallbackSample(_ summary: ReadSummary) -> String {
        options.defaultSample ?? URL(fileURLWithPath: summary.file).lastPathComponent.components(separatedBy: ".").first ?? summary.file
    }

    /// The next data line after the header, with its row begun; empty and `#` lines pass as preamble.
    mutating func nextDataLine(_ lines: inout LineReader, _ summary: inout ReadSummary) throws -> String? {
        while let line = try lines.next() {
            let preamble = line.isEmpty || line.hasPrefix("#")
            beginRow(line, line: lines.lineNumber, kind: preamble ? .preamble : .data, &summary)
            if !preamble { return line }
        }
        return nil
    }

    /// The row's sample: the value in `column`, or the file's fallback sample when the file has no sample column.
    /// A row with an empty sample cell is warned about (`what` names the row's kind) and gives nil.
    func sampleCell(
        _ fields: [Substring],
        column: Int?,
        fallback: String,
        names: [String],
        what: String,
        line: Int,
        _ summary: inout ReadSummary
    ) -> String? {
        guard let column else { return fallback }
        guard column < fields.count, let value = fields[column].value else {
            summary.warn(line: line, "malformed \(what): no sample in column '\(names[column])'")
            return nil
        }
        return value
    }

    /// The header: the first line not starting with "#" (or starting "#FusionName"), and its number.
    mutating func header(_ lines: inout LineReader, _ summary: inout ReadSummary) throws -> ColumnIndex {
        while let line = try lines.next() {
            if line.hasPrefix("#") && !line.hasPrefix("#FusionName") || line.trimmingCharacters(in: .whitespaces).isEmpty {
                beginRow(line, line: lines.lineNumber, kind: .preamble, &summary)
                continue
            }
            beginRow(line, line: lines.lineNumber, kind: .header, &summary)
            return ColumnIndex(header: tabFields(line))
        }
        throw Diagnostic.error("no header line", file: summary.file)
    }

    mutating func record(
        _ named: Result<AlterationNamer.Named, NotAnnotatableReason>,
        sample: String,
        line: Int,
        alleleFraction: Double? = nil,
        depth: Int? = nil,
        _ summary: inout ReadSummary,
        _ emit: (GenomicAlteration) throws -> Void
    ) rethrows {
        switch named {
        case .success(let name):
            summary.annotated += 1
            let alteration = GenomicAlteration(
                sample: sample,
                alteration: name.label,
                gene: name.gene,
                line: line,
                alleleFraction: alleleFraction,
                depth: depth
            )
            if pendingRow != nil { pendingRow?.alterations.append(alteration) }
            try emit(alteration)
        case .failure(let reason):
            summary.skip(reason)
        }
    }

    // MARK: MAF

    /// Variant classes that change no protein.
    static let nonProteinClasses: Set<String> = [
        "silent", "intron", "3'utr", "5'utr", "3'flank", "5'flank", "igr", "rna", "lincrna", "targeted_region",
    ]
    static let spliceClasses: Set<String> = ["splice_site", "splice_region"]

    mutating func readMAF(_ lines: inout LineReader, _ summary: inout ReadSummary, _ emit: (GenomicAlteration) throws -> Void) throws {
        let columns = try header(&lines, &summary)
        let headerLine = lines.lineNumber
        let gene = try columns.require(["Hugo_Symbol"], file: summary.file, line: headerLine)
        let sample = try columns.require(["Tumor_Sample_Barcode"], file: summary.file, line: headerLine)
        let changes = ["HGVSp_Short", "HGVSp", "Protein_Change", "HGVSc"].compactMap { columns.first([$0]) }
        guard !changes.isEmpty else {
            _ = try columns.require(["HGVSp_Short", "HGVSp", "Protein_Change", "HGVSc"], file: summary.file, line: headerLine)
            return
        }
        let hgvsc = columns.first(["HGVSc"])
        let classification = columns.first(["Variant_Classification"])
        let vaf = columns.first(["t_vaf", "i_TumorVAF_WU", "tumor_vaf"])
        let altCount = columns.first(["t_alt_count"])
        let refCount = columns.first(["t_ref_count"])
        let depthColumn = columns.first(["t_depth"])
        let needed = max(gene, sample)
        while let line = try nextDataLine(&lines, &summary) {
            summary.read += 1
            let fields = tabFields(line)
            guard fields.count > needed, let symbol = fields[gene].value, let barcode = fields[sample].value else {
                summary.warn(line: lines.lineNumber, "malformed MAF row: \(fields.count) fields, missing Hugo_Symbol or Tumor_Sample_Barcode")
                continue
            }
            summary.note(sample: barcode)
            let variantClass = classification.flatMap { $0 < fields.count ? fields[$0].value?.lowercased() : nil } ?? ""
            if Self.nonProteinClasses.contains(variantClass) {
                summary.skip(.nonProteinChange)
                continue
            }
            var texts: [String] = []
            let isSplice = Self.spliceClasses.contains(variantClass)
            for column in changes where column < fields.count {
                guard let change = fields[column].value else { continue }
                // "p.X125_splice" names no protein change: the cDNA change says which splice variant it is.
                if change.contains("splice") || change.hasSuffix("=") { continue }
                texts += AlterationNamer.changeTexts(gene: symbol, change: change)
            }
            if isSplice, let hgvsc, hgvsc < fields.count, let change = fields[hgvsc].value {
                texts.insert(contentsOf: AlterationNamer.changeTexts(gene: symbol, change: change), at: 0)
            }
            if texts.isEmpty {
                summary.skip(isSplice ? .spliceWithoutHGVSc : .noProteinChange)
                continue
            }
            var fraction = vaf.flatMap { $0 < fields.count ? fields[$0].value.flatMap(Double.init) : nil }
            if let value = fraction, value > 1 { fraction = value / 100 }
            var depth = depthColumn.flatMap { $0 < fields.count ? fields[$0].value.flatMap { Int($0) } : nil }
            if let altCount, let refCount, altCount < fields.count, refCount < fields.count,
                let alt = fields[altCount].value.flatMap({ Int($0) }), let ref = fields[refCount].value.flatMap({ Int($0) }), alt + ref > 0
            {
                fraction = fraction ?? Double(alt) / Double(alt + ref)
                depth = depth ?? alt + ref
            }
            try record(namer.name(texts), sample: barcode, line: lines.lineNumber, alleleFraction: fraction, depth: depth, &summary, emit)
        }
    }

    // MARK: Fusions

    mutating func readFusions(_ lines: inout LineReader, _ summary: inout ReadSummary, _ emit: (GenomicAlteration) throws -> Void) throws {
        let columns = try header(&lines, &summary)
        let fusion = try columns.require(GenomicFormat.fusionColumns, file: summary.file, line: lines.lineNumber)
        let sample = columns.first(GenomicFormat.sampleColumns)
        let fallback = fallbackSample(summary)
        while let line = try nextDataLine(&lines, &summary) {
            summary.read += 1
            let fields = tabFields(line)
            guard fusion < fields.count, let text = fields[fusion].value else {
                summary.warn(line: lines.lineNumber, "malformed fusion row: no fusion in column '\(columns.names[fusion])'")
                continue
            }
            guard
                let barcode = sampleCell(
                    fields,
                    column: sample,
                    fallback: fallback,
                    names: columns.names,
                    what: "fusion row",
                    line: lines.lineNumber,
                    &summary
                )
            else { continue }
            summary.note(sample: barcode)
            guard let fusionText = namer.fusionText(text) else {
                summary.skip(.unreadableFusion)
                continue
            }
            try record(namer.name(fusionText), sample: barcode, line: lines.lineNumber, &summary, emit)
        }
    }

    // MARK: Copy number

    /// −2 → deletion, 2 → amplification; anything between is no actionable copy-number change.
    mutating func copyNumber(gene: String, call: String) -> Result<AlterationNamer.Named, NotAnnotatableReason>? {
        switch call.uppercased() {
        case "2", "2.0", "AMPLIFICATION", "AMP", "AMPLIFIED", "HIGH_LEVEL_GAIN":
            return namer.name("\(gene) amplification")
        case "-2", "-2.0", "DELETION", "DEL", "HOMDEL", "DEEP_DELETION", "DEEP DELETION", "HOMOZYGOUS_DELETION":
            return namer.name("\(gene) deletion")
        case "-1", "-1.0", "0", "0.0", "1", "1.0", "GAIN", "LOSS", "NEUTRAL", "SHALLOW_DELETION", "HETLOSS":
            return .failure(.noCopyNumberChange)
        default:
            return nil
        }
    }

    mutating func readCopyNumberMatrix(_ lines: inout LineReader, _ summary: inout ReadSummary, _ emit: (GenomicAlteration) throws -> Void) throws {
        let columns = try header(&lines, &summary)
        let gene = try columns.require(GenomicFormat.geneColumns, file: summary.file, line: lines.lineNumber)
        let annotationColumns: Set<String> = ["entrez_gene_id", "locus id", "locus_id", "cytoband", "gene id", "gene_id"]
        let samples = columns.names.indices.filter { $0 != gene && !annotationColumns.contains(columns.names[$0].lowercased()) }
        guard !samples.isEmpty else {
            throw Diagnostic.error("missing sample columns (a GISTIC matrix has one column per sample)", file: summary.file)
        }
        for index in samples { summary.note(sample: columns.names[index]) }
        while let line = try nextDataLine(&lines, &summary) {
            let fields = tabFields(line)
            guard fields.count == columns.names.count, let symbol = fields[gene].value else {
                summary.read += 1
                summary.warn(line: lines.lineNumber, "malformed copy-number row: \(fields.count) fields, the header has \(columns.names.count)")
                continue
            }
            for index in samples {
                summary.read += 1
                guard let call = fields[index].value else {
                    summary.skip(.noCopyNumberChange)
                    continue
                }
                guard let named = copyNumber(gene: symbol, call: call) else {
                    summary.warn(line: lines.lineNumber, "malformed copy-number value '\(call)' for \(symbol) in \(columns.names[index])")
                    continue
                }
                try record(named, sample: columns.names[index], line: lines.lineNumber, &summary, emit)
            }
        }
    }

    mutating func readCopyNumberList(_ lines: inout LineReader, _ summary: inout ReadSummary, _ emit: (GenomicAlteration) throws -> Void) throws {
        let columns = try header(&lines, &summary)
        let headerLine = lines.lineNumber
        let sample = try columns.require(GenomicFormat.sampleColumns, file: summary.file, line: headerLine)
        let gene = try columns.require(GenomicFormat.geneColumns, file: summary.file, line: headerLine)
        let call = try columns.require(GenomicFormat.copyNumberCallColumns, file: summary.file, line: headerLine)
        let needed = max(sample, gene, call)
        while let line = try nextDataLine(&lines, &summary) {
            summary.read += 1
            let fields = tabFields(line)
            guard fields.count > needed, let barcode = fields[sample].value, let symbol = fields[gene].value, let value = fields[call].value,
                let named = copyNumber(gene: symbol, call: value)
            else {
                summary.warn(line: lines.lineNumber, "malformed copy-number row: need a sample, a gene and AMPLIFICATION/DELETION (or 2/-2)")
                continue
            }
            summary.note(sample: barcode)
            try record(named, sample: barcode, line: lines.lineNumber, &summary, emit)
        }
    }
}
