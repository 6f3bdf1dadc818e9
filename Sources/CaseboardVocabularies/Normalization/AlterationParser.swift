import CaseboardCore
import Foundation

/// Why a clinician's alteration text could not be read.
public enum AlterationParseError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    /// No gene was recognized; `suggestions` are close HGNC symbols.
    case unknownGene(String, suggestions: [String])
    /// A gene was found but the rest of the text is not a variant Caseboard understands.
    case unparseableVariant(gene: String, text: String)
    /// The text is a receptor or tumour status ("HR-positive", "triple negative", "HER2 IHC 0")
    /// with no gene alteration to match on; ``Vocabularies/parsePatientAlteration(_:)`` reads it.
    case statusOnly(text: String, statuses: [String])
    /// Empty or longer than ``InputLimits/maximumBytes``.
    case rejected(InputProblem)
    /// The text names a family of genes ("BRCA1/2", "gBRCAm", "IDH1/2"); each gene is a
    /// separate alteration.
    case severalGenes(text: String, genes: [String])

    public var description: String {
        switch self {
        case .empty:
            return "empty alteration"
        case .unknownGene(let text, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            return "no known gene in '\(text)'\(hint)"
        case .unparseableVariant(let gene, let text):
            return "'\(text)' names \(gene) but not a variant Caseboard understands (try 'D835H', 'p.Asp835His', 'ITD', "
                + "'fusion', 'amplification', 'exon 19 deletion' or 'mutation')"
        case .statusOnly(let text, let statuses):
            return "'\(text)' is a biomarker status (\(statuses.joined(separator: ", "))), not a gene alteration; "
                + "send it as a biomarker status"
        case .rejected(let problem):
            return problem.description
        case .severalGenes(let text, let genes):
            return "'\(text)' names \(genes.joined(separator: " or ")); enter each altered gene as its own alteration"
        }
    }
}

extension Vocabularies {
    /// "bcr3", "e14a2", "variant 3": a fusion's isoform.
    private static let fusionIsoform = CompiledPattern(#"^(bcr[1-3]|[eb]\d{1,2}a\d|p1[0-9]0|p2[0-9]0|variant \d+[a-z]?|v\d+[a-z]?|type [a-z])$"#)

    /// Reads an alteration as a clinician writes it: `FLT3-ITD`, `FLT3 p.Asp835His`,
    /// `EML4::ALK`, `ALK rearrangement`, `NTRK1 fusion`, `BCR-ABL1 T315I`,
    /// `ERBB2 amplification`, `EGFR exon 19 deletion`, `KIT exon 11`, `NRAS mutation`, and the
    /// forms ``parsePatientAlteration(_:)`` reads (`egfr l858r`, `gBRCA2`, `HER2 IHC 3+`,
    /// `H3 K27M`), without their qualifiers.
    public func parseAlteration(_ text: String) -> Result<Alteration, AlterationParseError> {
        parsePatientAlteration(text).flatMap { reading in
            if let alteration = reading.alteration { return .success(alteration) }
            return .failure(.statusOnly(text: reading.input, statuses: reading.statuses.map(\.label)))
        }
    }

    private static let notPhiladelphia = [
        "philadelphia-like", "philadelphia like", "philadelphia chromosome-like", "philadelphia-negative", "philadelphia negative",
        "philadelphia chromosome-negative", "philadelphia chromosome negative",
    ]

    /// The parser for one alteration with its qualifiers already taken off.
    func parseCoreAlteration(_ trimmed: String, suggest: Bool = true) -> Result<Alteration, AlterationParseError> {
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let lowered = trimmed.lowercased()
        if let biomarker = Self.biomarker(lowered) ?? Self.immunoglobulinStatus(lowered) { return .success(biomarker) }
        // "Philadelphia-like" (BCR::ABL1-like) and "Philadelphia-negative" name no fusion.
        let notPhiladelphia = Self.notPhiladelphia.contains { lowered.containsBytes(of: $0) }
        let philadelphia = lowered.containsBytes(of: "philadelphia") || lowered.hasPrefix("ph+") || lowered == "ph positive"
        if !notPhiladelphia, philadelphia || lowered.containsBytes(of: "t(9;22)") {
            return .success(Alteration(gene: "ABL1", variant: "fusion", kind: .fusion, partner: "BCR"))
        }
        // Genes in the phrase, in order, read leniently: user input is not prose.
        let genes = geneMentions(in: trimmed)
        guard let first = genes.first else {
            let word = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).first.map(String.init) ?? trimmed
            return .failure(.unknownGene(trimmed, suggestions: suggest ? suggestGenes(for: word) : []))
        }
        // "MUM1 and BCL6 positive": a name before the first gene joined to it is another result, not ignorable text.
        let beforeGenes = String(trimmed.utf8Slice(0..<first.range.lowerBound)).lowercased().trimming { " \t".unicodeScalars.contains($0) }
        if beforeGenes.hasSuffix(" and") || beforeGenes.hasSuffix(",") || beforeGenes.hasSuffix(" or") {
            return .failure(.unparseableVariant(gene: first.symbol, text: trimmed))
        }
        let afterGenes = String(trimmed.utf8Slice(genes.last!.range.upperBound..<trimmed.utf8.count))
        let rest = afterGenes.trimming { " -:/\t".unicodeScalars.contains($0) }
        let restLowered = rest.lowercased()

        // Fusions: two genes joined, or one gene with a fusion word.
        if genes.count >= 2 {
            // "CD30 and CD15 positive", "loss of MLH1 and PMS2": two genes joined by a conjunction are two
            // results, never a fusion of them; the list readers take each on its own.
            let between = String(trimmed.utf8Slice(genes[0].range.upperBound..<genes[1].range.lowerBound)).lowercased()
                .trimming { " \t".unicodeScalars.contains($0) }
            let joiners = between.split(whereSeparator: { $0 == " " }).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            if ["and", ",", "or", "&", "and/or", ", and", "as well as"].contains(between) || joiners.contains("and") || between.hasSuffix(",") {
                return .failure(.severalGenes(text: trimmed, genes: [genes[0].symbol, genes[1].symbol]))
            }
            let filing = FusionDrivers.file(genes[0].symbol, genes[1].symbol)
            let (gene, partner) = (filing.gene, filing.partner)
            if let variant = VariantScanner.parse(rest), variant.kind == .proteinChange || variant.kind == .dnaChange {
                // "BCR-ABL1 T315I": a point mutation in the fusion's kinase.
                return .success(
                    Alteration(
                        gene: gene,
                        variant: variant.normalized,
                        kind: variant.kind == .proteinChange ? .proteinChange : .dnaChange,
                        partner: partner
                    )
                )
            }
            let fusionWords = ["fusion", "fusions", "rearrangement", "rearranged", "translocation", "positive", "+", "transcript"]
            // "PML::RARA bcr3", "BCR::ABL1 e14a2", "EML4::ALK variant 3": the isoform is detail of the fusion.
            let isoform = Self.fusionIsoform.matches(restLowered)
            guard rest.isEmpty || isoform || fusionWords.contains(where: { restLowered.hasPrefix($0) }) else {
                // Never read "LMNA-NTRK1 G595R and G667C" as a bare fusion: that would drop the mutations.
                return .failure(.unparseableVariant(gene: gene, text: trimmed))
            }
            return .success(Alteration(gene: gene, variant: "fusion", kind: .fusion, partner: partner))
        }
        let gene = first.symbol
        if rest.isEmpty || ["mutation", "mutations", "mutated", "mutant", "variant", "alteration", "positive", "+", "mut"].contains(restLowered) {
            if restLowered == "positive" || restLowered == "+", FusionDrivers.isDriver(gene) {
                return .success(Alteration(gene: gene, variant: "fusion", kind: .fusion))
            }
            return .success(Alteration(gene: gene, variant: "mutation", kind: .mutation))
        }
        // "CD274 negative": a protein marker not expressed, a key labels restricted to expressers meet.
        if restLowered == "negative", Self.expressionMarkers.contains(gene) {
            return .success(Alteration(gene: gene, variant: "negative", kind: .expression))
        }
        // "CD274 CPS 10 or more": PD-L1 at the combined positive score cut-off of labels that need more than
        // CPS 1 (triple-negative breast cancer, FDA label: Keytruda (pembrolizumab), 2020, KEYNOTE-355).
        if gene == "CD274", restLowered == Alteration.pdl1CombinedScoreTen.lowercased() {
            return .success(Alteration(gene: gene, variant: Alteration.pdl1CombinedScoreTen, kind: .expression))
        }
        // "CD274 TPS 50% or more": the cut-off of the first-line monotherapy labels in lung cancer.
        if gene == "CD274", restLowered == Alteration.pdl1ProportionScoreFifty.lowercased() {
            return .success(Alteration(gene: gene, variant: Alteration.pdl1ProportionScoreFifty, kind: .expression))
        }
        // "KRAS wild-type": the gene tested and unaltered, a key some labels are written for.
        if ["wild-type", "wild type", "wildtype", "wt"].contains(restLowered) {
            return .success(Alteration(gene: gene, variant: "wild-type", kind: .expression))
        }
        // "KMT2A-PTD": a partial tandem duplication of exons inside the gene, not a translocation, so
        // never a fusion (the revumenib label is for KMT2A translocations; FDA label: Revuforj
        // (revumenib), 2024). Filed as a region event of the gene.
        if ["ptd", "partial tandem duplication", "partial-tandem duplication"].contains(restLowered) {
            return .success(Alteration(gene: gene, variant: "partial tandem duplication", kind: .exon))
        }
        // "EGFR vIII", "EGFR exon 2-7 deletion": the in-frame deletion of exons 2-7 (EGFRvIII) of glioblastoma,
        // a variant of its own, not a kinase-domain mutation (WHO CNS5 2021).
        if gene == "EGFR",
            ["viii", "viii positive", "viii+", "viii mutation", "viii expression", "exon 2-7 deletion", "exons 2-7 deletion", "de2-7", "δ2-7"]
                .contains(restLowered)
        {
            return .success(Alteration(gene: gene, variant: "vIII", kind: .exon))
        }
        // "AR-V7", "AR V7 expression": the androgen receptor's splice variant 7, which lacks the ligand-binding domain;
        // found in circulating tumour cells it predicts resistance to abiraterone and enzalutamide (Antonarakis et al.,
        // N Engl J Med 2014, PMID:25184630). A transcript of its own, read by expression, not a point mutation.
        if gene == "AR", ["v7", "v7 positive", "v7+", "v7 expression", "v7 detected", "v7 expressed"].contains(restLowered.drop { $0 == "-" }) {
            return .success(Alteration(gene: gene, variant: "V7", kind: .expression))
        }
        // "KMT2A-r": the clinicians' shorthand for rearranged.
        if restLowered == "r" { return .success(Alteration(gene: gene, variant: "fusion", kind: .fusion)) }
        if let (word, kind) = AlterationKindWords.kind(startingWith: restLowered) {
            // Fusion and amplification words may carry detail after them ("amplification (12
            // copies)"); the others must be the whole rest, so "deletion exon 19" stays a variant.
            if kind == .fusion || kind == .amplification || word == restLowered {
                return .success(Alteration(gene: gene, variant: AlterationKindWords.genericVariant(kind), kind: kind))
            }
        }
        // "TKD mutation", "exon 11 mutations": the event word after a region adds nothing.
        let withoutMutation =
            restLowered.hasSuffix(" mutations") ? String(rest.dropLast(10)) : restLowered.hasSuffix(" mutation") ? String(rest.dropLast(9)) : nil
        if let variant = VariantScanner.parse(rest) ?? VariantScanner.parse(rest.replacingOccurrences(of: " ", with: ""))
            ?? withoutMutation.flatMap(VariantScanner.parse)
        {
            switch variant.kind {
            case .proteinChange: return .success(Alteration(gene: gene, variant: variant.normalized, kind: .proteinChange))
            case .dnaChange, .snpID: return .success(Alteration(gene: gene, variant: variant.normalized, kind: .dnaChange))
            case .internalTandemDuplication: return .success(Alteration(gene: gene, variant: "ITD", kind: .internalTandemDuplication))
            case .tyrosineKinaseDomain: return .success(Alteration(gene: gene, variant: "TKD", kind: .exon))
            case .exon: return .success(Alteration(gene: gene, variant: variant.normalized, kind: .exon))
            case .translocation: return .success(Alteration(gene: gene, variant: "fusion", kind: .fusion))
            }
        }
        return .failure(.unparseableVariant(gene: gene, text: trimmed))
    }

    /// Tumour-wide biomarkers that are not single-gene alterations, filed under pseudo-genes
    /// `MSI`, `TMB`, `MMR` and `HRD` so evidence and profiles can name them alike.
    static func biomarker(_ lowered: String) -> Alteration? {
        var compact = ""
        for character in lowered where character != " " { compact.append(character == "_" ? "-" : character) }
        switch compact {
        case "msi-h", "msi-high", "msih", "microsatelliteinstability-high", "microsatelliteinstability", "msimsi-h", "msihigh":
            return Alteration(gene: "MSI", variant: "MSI-H", kind: .expression)
        case "dmmr", "mmr-deficient", "mismatchrepairdeficient", "mismatchrepairdeficiency", "mmrdmmr":
            return Alteration(gene: "MMR", variant: "dMMR", kind: .expression)
        case "tmb-h", "tmb-high", "tmbh", "hightmb", "tmbtmb-h", "tmbhigh":
            return Alteration(gene: "TMB", variant: "TMB-H", kind: .expression)
        case "hrd", "hrdpositive", "hrd-positive", "hrdhrdpositive":
            return Alteration(gene: "HRD", variant: "HRD positive", kind: .expression)
        // Microsatellite-stable and MMR-proficient are keys of their own: some labels are written for
        // them (pembrolizumab + lenvatinib for endometrial carcinoma that is not MSI-H or dMMR, FDA
        // label: Keytruda (pembrolizumab), 2021). MSI-L is read as MSS (NCCN Colon Cancer 2025).
        case "mss", "msi-stable", "microsatellitestable", "microsatellite-stable", "msi-l", "msi-low", "msil":
            return Alteration(gene: "MSI", variant: "MSS", kind: .expression)
        case "pmmr", "mmr-proficient", "mismatchrepairproficient", "mismatchrepair-proficient", "mmrproficient", "mmr-p", "proficientmmr":
            return Alteration(gene: "MMR", variant: "pMMR", kind: .expression)
        default:
            return nil
        }
    }

    /// "IGHV unmutated", "unmutated IGHV", "U-CLL": immunoglobulin heavy-chain variable genes
    /// without somatic hypermutation (98% or more identity to germline), the CLL status that steers
    /// first-line therapy away from chemoimmunotherapy (NCCN Chronic Lymphocytic Leukemia/Small
    /// Lymphocytic Lymphoma v.1.2026). Read as a signature; "IGHV" is not a single gene.
    static func immunoglobulinStatus(_ lowered: String) -> Alteration? {
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
        let unmutated: Set<String> = [
            "ighv unmutated", "unmutated ighv", "ighv unmutated status", "ighv non mutated", "ighv nonmutated", "u cll", "ighv unmut",
        ]
        return unmutated.contains(words) ? Alteration(gene: "IGHV", variant: "IGHV unmutated", kind: .expression) : nil
    }

    /// Gene mentions in a short phrase, accepting every symbol, alias and name regardless of
    /// context rules (an alteration field is about genes by definition).
    func geneMentions(in text: String) -> [(symbol: String, range: Range<Int>)] {
        scan(text).compactMap { match in
            if case .gene(let index) = match.concept { return (genes[index].symbol, match.range) }
            return nil
        }
    }

    /// The approved symbols of the genes a short phrase names, by symbol, alias or name ("HER2 IHC 0" names ERBB2).
    public func genesNamed(in text: String) -> Set<String> { Set(geneMentions(in: text).map(\.symbol)) }

    /// Up to three approved symbols closest to `word` by edit distance.
    public func suggestGenes(for word: String) -> [String] {
        let target = Array(word.uppercased().utf8)
        guard !target.isEmpty, target.count <= 20 else { return [] }
        // Among equally close symbols, a reordering of the same letters ("FTL3" for FLT3) and a
        // gene some drug targets are the likelier intent.
        let targets = drugTargets
        let sortedTarget = target.sorted()
        var scored: [(distance: Int, anagram: Int, target: Int, symbol: String)] = []
        // Only symbols within two letters of the word's length: a bounded slice of the table.
        for length in max(1, target.count - 2)...min(symbolsByLength.count - 1, target.count + 2) {
            for index in symbolsByLength[length] {
                let gene = genes[index]
                let symbol = Array(gene.symbol.utf8)
                let distance = editDistance(symbol, target, limit: 2)
                if distance <= 2 {
                    scored.append((distance, symbol.sorted() == sortedTarget ? 0 : 1, targets.contains(gene.symbol) ? 0 : 1, gene.symbol))
                }
            }
        }
        return scored.sorted { ($0.distance, $0.anagram, $0.target, $0.symbol) < ($1.distance, $1.anagram, $1.target, $1.symbol) }.prefix(3).map(
            \.symbol
        )
    }
}

/// Edit distance counting an adjacent transposition as one edit ("FTL3" is one edit from
/// "FLT3"), giving up early past `limit`.
func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    if abs(a.count - b.count) > limit { return limit + 1 }
    // Three rolling rows (the transposition looks two rows back) instead of a whole table.
    let width = b.count + 1
    var previous2 = [Int](repeating: 0, count: width)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
            rowMinimum = min(rowMinimum, value)
        }
        if rowMinimum > limit { return limit + 1 }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}

extension Alteration {
    /// The variant of the PD-L1 (CD274) key for a combined positive score of 10 or more, which a
    /// patient's "PD-L1 CPS 12" gives besides overexpression.
    public static let pdl1CombinedScoreTen = "CPS 10 or more"
    /// The variant of the PD-L1 (CD274) key for a combined positive score of 1 to 9: expression for
    /// labels at CPS 1, below the cut-off of those at CPS 10.
    public static let pdl1CombinedScoreOneToNine = "CPS 1 to 9"
    /// The variant of the PD-L1 (CD274) key for a tumour proportion score of 50% or more, the cut-off of the
    /// first-line monotherapy labels in non-small cell lung cancer (FDA labels: Keytruda (pembrolizumab), 2016;
    /// Libtayo (cemiplimab), 2021; Tecentriq (atezolizumab), 2020, at TC 50% or more).
    public static let pdl1ProportionScoreFifty = "TPS 50% or more"
    /// The variant of the PD-L1 (CD274) key for a tumour proportion score of 1 to 49%: expression for labels at
    /// TPS 1%, below the cut-off of those at 50%.
    public static let pdl1ProportionScoreOneToFortyNine = "TPS 1 to 49%"
}
