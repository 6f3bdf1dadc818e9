import CaseboardCore
import Foundation

/// Whether a variant was inherited or acquired, as the clinician wrote it.
public enum AlterationOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case unspecified
    /// "germline BRCA2", "gBRCA2", "BRCA1 germline mutation".
    case germline
    /// "somatic BRCA1", "sBRCA1".
    case somatic
}

/// A receptor or tumour-wide status a clinician types beside the alterations: "HER2 IHC 3+",
/// "HR-positive", "triple negative", "PD-L1 TPS 50%", "MSS".
public struct BiomarkerStatus: Sendable, Hashable, Codable {
    /// The markers Caseboard reads.
    public enum Marker: String, Sendable, Hashable, Codable, CaseIterable {
        case her2 = "HER2"
        case estrogenReceptor = "ER"
        case progesteroneReceptor = "PR"
        /// ER and/or PR, written together ("HR-positive", "ER/PR+").
        case hormoneReceptor = "HR"
        case pdl1 = "PD-L1"
        case microsatellite = "MSI"
        case mismatchRepair = "MMR"
        case tumorMutationalBurden = "TMB"
        case homologousRecombination = "HRD"
    }

    /// The reading of the assay.
    public enum Call: String, Sendable, Hashable, Codable, CaseIterable {
        case positive
        case negative
        /// HER2-low (IHC 1+, or 2+ with ISH negative); ER-low (1–10 %).
        case low
        /// HER2-ultralow (IHC 0 with faint staining in at most 10 % of cells).
        case ultralow
        /// HER2 IHC 2+ without ISH: ISH decides.
        case equivocal
        /// MSI-H, TMB-H, PD-L1 TPS at least 50 %.
        case high
    }

    public var marker: Marker
    public var call: Call
    /// The assay as read, normalized: "IHC 3+", "IHC 2+/ISH+", "TPS 50%", "CPS 10".
    public var assay: String?
    /// The number in the assay, when one was given: the IHC score or the percentage.
    public var value: Double?

    public init(marker: Marker, call: Call, assay: String? = nil, value: Double? = nil) {
        self.marker = marker
        self.call = call
        self.assay = assay
        self.value = value
    }

    /// The gene the marker is the product of, where there is one (HER2 → ERBB2).
    public var gene: String? {
        switch marker {
        case .her2: "ERBB2"
        case .estrogenReceptor: "ESR1"
        case .progesteroneReceptor: "PGR"
        case .pdl1: "CD274"
        default: nil
        }
    }

    /// "HER2 positive (IHC 3+)", "ER negative".
    public var label: String {
        "\(marker.rawValue) \(call.rawValue)" + (assay.map { " (\($0))" } ?? "")
    }
}

/// One alteration field as a clinician typed it, read with its qualifiers.
public struct PatientAlterationReading: Sendable, Hashable {
    /// The text as typed, trimmed.
    public var input: String
    /// The alteration to match evidence on; nil when the text is only a status ("HR-positive").
    public var alteration: Alteration?
    /// Other keys the same clinical finding is filed under in evidence. HER2-positive is IHC 3+
    /// or ISH-amplified (ASCO/CAP HER2 testing guideline, Wolff et al., J Clin Oncol 2018;36:2105),
    /// so "HER2 IHC 3+" also meets rows keyed "ERBB2 amplification", and the reverse. A matcher
    /// should treat a match on any of them as direct.
    public var equivalents: [Alteration]
    public var origin: AlterationOrigin
    public var statuses: [BiomarkerStatus]
    /// What the reading changed or assumed, in words for the clinician: "legacy numbering
    /// K27M is p.K28M", "read 'egfr' as EGFR".
    public var notes: [String]

    public init(
        input: String,
        alteration: Alteration?,
        equivalents: [Alteration] = [],
        origin: AlterationOrigin = .unspecified,
        statuses: [BiomarkerStatus] = [],
        notes: [String] = []
    ) {
        self.input = input
        self.alteration = alteration
        self.equivalents = equivalents
        self.origin = origin
        self.statuses = statuses
        self.notes = notes
    }

    /// One reading keyed by each of several alterations (a karyotype list, a negative panel, several
    /// results in one entry): the first is the alteration, the rest its equivalents.
    init(input: String, keyedBy alterations: [Alteration], origin: AlterationOrigin, statuses: [BiomarkerStatus] = [], notes: [String]) {
        self.init(
            input: input,
            alteration: alterations.first,
            equivalents: Array(alterations.dropFirst()),
            origin: origin,
            statuses: statuses,
            notes: notes
        )
    }
}

extension Vocabularies {
    /// Reads one alteration field with everything a clinician adds to it:
    /// - origin: "germline BRCA2", "gBRCA2", "sBRCA1", "BRCA1 germline mutation";
    /// - receptor and tumour status: "HER2 IHC 3+", "HER2-positive", "HER2 IHC 2+/ISH+",
    ///   "HER2-low", "HR-positive", "ER+/PR-", "triple negative", "PD-L1 TPS 50%", "MSI-H", "MSS";
    /// - histone genes in legacy numbering: "H3 K27M", "H3.3 K27M", "H3F3A K27M" → H3-3A p.K28M,
    ///   "HIST1H3B K27M" → H3C2 p.K28M;
    /// - lowercase symbols and changes: "egfr l858r", "kras g12c";
    /// - everything ``parseAlteration(_:)`` reads ("EML4::ALK", "BCR-ABL1 T315I", "FLT3-ITD").
    ///
    /// Input longer than ``InputLimits/maximumBytes`` is refused without being read.
    public func parsePatientAlteration(_ text: String) -> Result<PatientAlterationReading, AlterationParseError> {
        // Said of the whole entry, however the rest of it reads ("ATM p.R3008H in plasma; same variant in matched white
        // blood cells").
        if let note = Self.notTheTumours(text), text.utf8.count <= InputLimits.maximumBytes {
            return .success(PatientAlterationReading(input: text.trimmingCharacters(in: .whitespaces), alteration: nil, notes: [note]))
        }
        // "EGFR/ALK: insufficient tissue", "PIK3CA: not tested", "MMR IHC pending": a part that reports no result is set
        // aside with a note. Read whole, "EGFR/ALK: insufficient tissue" had become an EGFR::ALK fusion.
        if text.utf8.count <= InputLimits.maximumBytes, let unresulted = Self.partsWithoutResult(text) {
            let input = text.trimmingCharacters(in: .whitespaces)
            guard let kept = unresulted.kept else {
                return .success(PatientAlterationReading(input: input, alteration: nil, notes: [unresulted.note]))
            }
            return parsePatientAlteration(kept).map { reading in
                var reading = reading
                reading.input = input
                // First, so the kept part's own note ("HER2 IHC 2+ is equivocal; ISH decides") is the one shown.
                reading.notes.insert(unresulted.note, at: 0)
                return reading
            }
        }
        // "MET copy number gain (CN 4.2)": a gain the laboratory calls below amplification is not amplification.
        let readable = text.utf8.count <= InputLimits.maximumBytes
        if readable, let match = text.wholeMatch(of: Self.lowLevelGain), let copies = Double(match.output.copies), copies < 6 {
            let note =
                "'\(text)' is a low-level copy-number gain (\(match.output.copies) copies, below the 6 usually called amplification); "
                + "nothing is matched on it"
            return .success(PatientAlterationReading(input: text.trimmingCharacters(in: .whitespaces), alteration: nil, notes: [note]))
        }
        // "NPM1 type A insertion": the four-base exon 12 insertions (types A, B, D) are the NPM1 mutation of AML.
        if readable, text.wholeMatch(of: Self.npm1Insertion) != nil,
            case .success(var reading) = parsePatientAlteration("NPM1 mutation", suggest: false)
        {
            reading.input = text.trimmingCharacters(in: .whitespaces)
            reading.notes.append("'\(reading.input)' read as the NPM1 exon 12 insertion, the NPM1 mutation of AML")
            return .success(reading)
        }
        // "KRAS c.35G>A (p.G12D) in exon 2": where the change lies restates it.
        if readable, let range = text.firstRange(of: Self.trailingExon), range.lowerBound > text.startIndex,
            case .success(var reading) = parsePatientAlteration(String(text[..<range.lowerBound]), suggest: false), reading.alteration != nil
        {
            reading.input = text.trimmingCharacters(in: .whitespaces)
            reading.notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' read as detail")
            return .success(reading)
        }
        // "KRAS wild-type; NRAS wild-type": results separated by semicolons are read as a comma list. Before the whole
        // entry is read: whole, "KRAS G12D; TP53 R273H" would be taken for a fusion of the two genes.
        if let commas = Self.semicolonsAsCommas(text),
            case .success(var listed) = parsePatientAlteration(commas, suggest: false),
            listed.alteration != nil, !listed.equivalents.isEmpty
        {
            listed.input = text.trimmingCharacters(in: .whitespaces)
            return .success(listed)
        }
        let result = parsePatientAlteration(text, suggest: true)
        // "ERBB2 overexpression (IHC 3+), ISH amplified", "HER2 IHC 3+ / ISH amp": a keyed result followed by a confirming
        // test. Read whole it became an unkeyed immunohistochemistry finding and the HER2-positive status was lost.
        if case .success(let whole) = result, whole.alteration == nil, whole.statuses.isEmpty, let first = firstKeyedPart(text) {
            return withProteinChange(.success(first))
        }
        guard case .failure = result else { return withProteinChange(result) }
        if let intact = intactReading(text) { return .success(intact) }
        guard let reread = rereadingWithoutContext(text) else { return result }
        return withProteinChange(reread)
    }

    /// `text` with each "; " outside brackets made ", ", or nil when it has none: "KRAS G12D (VAF 30%); TP53 R273H" is
    /// a list, while the semicolon of "KRAS (c.35G>A; p.G12D)" belongs to its bracket.
    static func semicolonsAsCommas(_ text: String) -> String? {
        var depth = 0
        var out = ""
        var changed = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case ";" where depth == 0 && pending == " ":
                out.append(",")
                changed = true
                continue
            default: break
            }
            out.append(character)
        }
        return changed ? out : nil
    }

    /// The reading of the first part of "A, B" or "A / B" when it is a keyed result and the other parts confirm it or
    /// name no other gene ("ISH amplified", "FISH ratio 4.2").
    private func firstKeyedPart(_ text: String) -> PatientAlterationReading? {
        let parts = text.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " / ") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count >= 2, case .success(var first) = parsePatientAlteration(parts[0], suggest: false),
            let alteration = first.alteration,
            parts.dropFirst().allSatisfy({ part in geneMentions(in: part).allSatisfy { $0.symbol == alteration.gene } })
        else { return nil }
        first.input = text
        first.notes.append("'\(parts.dropFirst().joined(separator: ", "))' read as confirming detail of '\(parts[0])'")
        return first
    }

    /// A gene reported whole, alone in its entry: "PTEN intact", "RB1 retained", "CDKN2A preserved" is the gene
    /// wild-type. Beside another result ("KRAS G12V, PTEN intact") it stays context.
    private func intactReading(_ text: String) -> PatientAlterationReading? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        guard let ending = [" intact", " retained", " preserved"].first(where: { lowered.hasSuffix($0) }) else { return nil }
        var head = String(trimmed.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
        guard !head.isEmpty, !head.contains(" "), !head.contains(",") else { return nil }
        func known(_ name: String) -> String? { gene(symbol: name) != nil ? name : gene(symbol: name.uppercased()) != nil ? name.uppercased() : nil }
        // "CDKN2A/B intact": both genes of the locus, the second written by its last letter.
        var second: String?
        if let slash = head.firstIndex(of: "/") {
            let first = String(head[..<slash])
            let rest = String(head[head.index(after: slash)...])
            guard let firstSymbol = known(first) else { return nil }
            second = known(rest) ?? (rest.count <= 2 ? known(String(firstSymbol.dropLast(rest.count)) + rest) : nil)
            guard second != nil else { return nil }
            head = firstSymbol
        }
        guard let symbol = known(head) else { return nil }
        return PatientAlterationReading(
            input: trimmed,
            alteration: Alteration(gene: symbol, variant: "wild-type", kind: .expression),
            equivalents: second.map { [Alteration(gene: $0, variant: "wild-type", kind: .expression)] } ?? [],
            notes: ["'\(trimmed)' read as \(([symbol] + (second.map { [$0] } ?? [])).joined(separator: " and ")) wild-type (reported intact)"]
        )
    }

    /// A coding change written alone ("BRAF c.1799T>A") also stands for the protein change it makes,
    /// so that rows for V600E reach it.
    private func withProteinChange(
        _ result: Result<PatientAlterationReading, AlterationParseError>
    ) -> Result<
        PatientAlterationReading, AlterationParseError
    > {
        guard case .success(var reading) = result, let alteration = reading.alteration, alteration.kind == .dnaChange,
            let protein = proteinChange(gene: alteration.gene, coding: alteration.variant)
        else { return result }
        let change = Alteration(gene: alteration.gene, variant: protein, kind: .proteinChange)
        guard !reading.equivalents.contains(change) else { return result }
        reading.equivalents.append(change)
        reading.notes.append("\(alteration.variant) is \(alteration.gene) \(protein) (CIViC)")
        return .success(reading)
    }

    /// The method after a result: "by RT-PCR and FISH", "on ctDNA", "by NGS".
    static let trailingMethod: CompiledPattern = {
        let method =
            #"(?:rt-?pcr|q?pcr|ddpcr|fish|(?:rna |dna |tissue |plasma )?ngs|rna-seq|flow(?: cytometry)?|(?:sanger )?sequencing|karyotype|cytogenetics|ctdna|liquid biopsy|(?:psma |fdg |dotatate )?pet(?:-ct|/ct)?)"#
        return CompiledPattern(#"\s+(?:by|on|via)\s+"# + method + #"(?:\s*(?:and|/|,|or)\s*"# + method + #")*\s*$"#, caseInsensitive: true)
    }()

    /// A second reading of an entry the parser refused, for the context clinicians add to a result
    /// (hold-out 11, session 18): where the sample came from ("… in tumour", "… in marrow"), the FLT3
    /// allelic ratio after a comma, a panel of several genes sharing one negative result ("EGFR, ALK,
    /// ROS1 and BRAF negative"), and a negative result naming no gene ("germline testing negative").
    func rereadingWithoutContext(_ text: String) -> Result<PatientAlterationReading, AlterationParseError>? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let labelled = rereadingLabelled(trimmed) { return .success(labelled) }
        // "no targetable alteration (FGFR2, IDH1, HER2, BRAF negative)", "no actionable driver": the panel found nothing
        // to act on; nothing is matched on it.
        if trimmed.firstMatch(of: Self.nothingActionable) != nil {
            return .success(
                PatientAlterationReading(input: trimmed, alteration: nil, notes: ["'\(trimmed)' says no actionable alteration was found"])
            )
        }
        // "ABL1 T315I persisting", "IDH1 R132H newly acquired (VAF 18%)": words of the course of a finding are
        // detail; "acquired" alone is an origin, read by the origin reader.
        if let range = Self.courseWords.firstRange(in: trimmed), range.lowerBound > trimmed.startIndex {
            let rest = String(trimmed[..<range.lowerBound]) + String(trimmed[range.upperBound...])
            if case .success(var reading) = parsePatientAlteration(rest, suggest: false), reading.alteration != nil {
                reading.input = trimmed
                if trimmed[range].lowercased().contains("acquired"), reading.origin == .unspecified { reading.origin = .somatic }
                reading.notes.append("'\(trimmed[range].trimmingCharacters(in: .whitespaces))' is the course of the finding: read as detail")
                return .success(reading)
            }
        }
        for pattern in Self.contextDetails {
            if let range = pattern.firstRange(in: trimmed), range.lowerBound > trimmed.startIndex,
                case .success(var reading) = parsePatientAlteration(String(trimmed[..<range.lowerBound]), suggest: true)
            {
                reading.input = trimmed
                reading.notes.append("'\(trimmed[range].trimmingCharacters(in: CharacterSet(charactersIn: " ,")))' read as detail")
                return .success(reading)
            }
        }
        var ignored: [String] = []
        var result = Self.expandingResultShorthand(trimmed, notes: &ignored)
        if let range = Self.trailingMethod.firstRange(in: result), range.lowerBound > result.startIndex {
            result = String(result[..<range.lowerBound])
        }
        let lowered = result.lowercased()
        // "PIK3CA wt, PTEN intact", "BRCA1 wild-type; BRCA2 negative": every part a gene and its own negative.
        let listed = lowered.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let startsWithGene = { (part: String) in
            self.geneMentions(in: part).contains { $0.range.lowerBound == 0 }
                || self.gene(symbol: String(part.prefix { $0 != " " }).uppercased()) != nil
        }
        if listed.count >= 2,
            listed.allSatisfy({ part in (Self.negativeEndings + [" intact", " retained"]).contains { part.hasSuffix($0) } && startsWithGene(part) })
        {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: nil,
                    notes: ["'\(trimmed)' is a list of negative results; nothing is matched on it"]
                )
            )
        }
        // "no BRCA/ATM/HRR alteration", "no EGFR, ALK or ROS1 alterations (NGS)": genes, families or a repair panel,
        // each without an alteration.
        // "no RET/NTRK fusion", "ALK/ROS1 rearrangement negative": fusions and copy changes too.
        let negativePanel =
            lowered.firstMatch(
                of:
                    #/^no\s+(.+?)\s+(?:alterations?|mutations?|variants?|pathogenic variants?|fusions?|rearrangements?|amplifications?)(?:\s*\([^()]*\))?$/#
            )?.1
            ?? lowered.firstMatch(
                of: #/^(.+?)\s+(?:fusions?|rearrangements?|amplifications?)\s+(?:negative|neg|not detected|absent)(?:\s*\([^()]*\))?$/#
            )?.1
        if let panel = negativePanel {
            let names = String(panel).replacingOccurrences(of: " or ", with: ",").replacingOccurrences(of: " and ", with: ",")
                .split(whereSeparator: { $0 == "/" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
            let panels: Set<String> = ["hrr", "ddr", "mmr", "hrd"]
            if names.count >= 2,
                names.allSatisfy({ panels.contains($0) || gene(symbol: $0.uppercased()) != nil || geneFamily($0.uppercased()) != nil })
            {
                return .success(
                    PatientAlterationReading(input: trimmed, alteration: nil, notes: ["'\(trimmed)' is a negative panel; nothing is matched on it"])
                )
            }
        }
        guard let ending = Self.negativeEndings.first(where: { lowered.hasSuffix($0) }) else { return nil }
        let head = String(result.dropLast(ending.count))
        // "EGFR, ALK and ROS1 negative"; "EGFR/ALK/ROS1/BRAF neg" with slashes.
        let items = head.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " or ", with: ",")
            .split(whereSeparator: { $0 == "," || $0 == "/" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let genesNamed = items.filter { item in
            geneMentions(in: item).contains { $0.range.lowerBound == 0 } || gene(symbol: item.uppercased()) != nil || geneFamily(item) != nil
        }
        if items.count >= 3, genesNamed.count == items.count {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: nil,
                    notes: ["'\(trimmed)' is a negative panel of \(items.count) genes; nothing is matched on it"]
                )
            )
        }
        // "T790M neg / C797S neg": changes named without their gene, each absent. Nothing to match, and
        // no gene is guessed for a negative.
        let parts = lowered.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.allSatisfy({ part in
            Self.negativeEndings.contains { part.hasSuffix($0) }
                && Self.leadingBareChange.matches(part)
        }) {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: nil,
                    notes: ["'\(trimmed)' says changes named without their gene are absent; nothing is matched on it"]
                )
            )
        }
        // "germline testing negative", "hereditary cancer panel negative": a test, not a gene (a mistyped gene
        // before "negative" stays an error with suggestions).
        let testWords: Set<String> = [
            "testing", "test", "screen", "screening", "panel", "workup", "work-up", "genetic", "germline", "somatic", "hereditary",
        ]
        let headWords = Set(head.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
        if geneMentions(in: head).isEmpty, !headWords.isDisjoint(with: testWords) {
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, notes: ["'\(trimmed)' is a negative result naming no gene"]))
        }
        return nil
    }

    /// "ABL1 kinase domain: no mutation", "additional chromosomal abnormality: +Ph", "KRAS: G12C": a result written
    /// after a label and a colon. A negative result ("no mutation", "not detected", "wild-type") after a gene or
    /// the region of one tested is a negative for it, never the gene mutated; a label naming no gene ("additional
    /// chromosomal abnormality", "karyotype") is detail of the result after it. Nil when no such reading reads.
    func rereadingLabelled(_ text: String) -> PatientAlterationReading? {
        guard let colon = text.range(of: ": "), colon.lowerBound > text.startIndex else { return nil }
        // "ABL1 kinase domain mutation analysis: none detected": the name of the test is not part of the result.
        var label = String(text[..<colon.lowerBound]).trimmingCharacters(in: .whitespaces)
        if let test = Self.testNameWords.firstRange(in: label), test.lowerBound > label.startIndex { label.removeSubrange(test) }
        let value = String(text[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, !value.contains(":") else { return nil }
        let negatives: Set<String> = [
            "no mutation", "no mutations", "no mutation detected", "no mutations detected", "no mutation found", "no mutations found",
            "no variant detected", "no variants detected", "no pathogenic variant", "no pathogenic variants", "none detected", "none",
            "not detected", "negative", "wild-type", "wild type", "wildtype", "not found", "no alteration", "no alterations",
        ]
        let namesGene = geneMentions(in: label).first.map { $0.range.lowerBound == 0 } == true || regionTested(label) != nil
        var attempts: [String] = []
        let loweredValue = value.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if negatives.contains(loweredValue) || Self.panelFoundNothing.contains(loweredValue) {
            // "plasma NGS: no alterations detected": a test that names no gene and found nothing.
            guard namesGene else {
                return PatientAlterationReading(input: text, alteration: nil, notes: ["'\(text)' says the test found no alteration"])
            }
            attempts = ["\(label) negative"]
        } else if namesGene {
            attempts = ["\(label) \(value)"]
        } else if value.lowercased().hasPrefix("no ") {
            // "RNA fusion panel: no NTRK1/2/3 fusion": what the panel did not find.
            attempts = [value, "\(value.dropFirst(3)) negative"]
        } else {
            attempts = [value]
        }
        for attempt in attempts {
            guard case .success(var reading) = parsePatientAlteration(attempt, suggest: false) else { continue }
            reading.input = text
            reading.notes.append("'\(text)' read as '\(attempt)'")
            return reading
        }
        return nil
    }

    /// `suggest: false` skips gene-spelling suggestions on failure, for callers that only probe
    /// whether a few words are an alteration (the disease reader's biomarker prefixes).
    func parsePatientAlteration(_ text: String, suggest: Bool) -> Result<PatientAlterationReading, AlterationParseError> {
        let trimmed: String
        switch InputLimits.check(text) {
        case .success(let value): trimmed = value
        case .failure(.empty): return .failure(.empty)
        case .failure(let problem): return .failure(.rejected(problem))
        }
        var notes: [String] = []
        let (typed, origin) = Self.origin(of: trimmed, isGene: { gene(symbol: $0) != nil || geneFamily($0) != nil })
        if typed.isEmpty { return .failure(.empty) }
        let body = shorthand(typed, notes: &notes)
        // Histone genes before the general readers, which took "H3-3A p.K27M" as written: legacy numbering
        // even with "p." (residue 27 of H3 in HGVS numbering is R, not K), so the row keyed p.K28M was missed.
        if let histone = Self.histone(body) {
            return .success(PatientAlterationReading(input: trimmed, alteration: histone.alteration, origin: origin, notes: notes + histone.notes))
        }
        if let note = Self.nonTumourStaining(body) ?? Self.notTheTumours(body) {
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        if var assay = assayResultReading(body) {
            assay.input = trimmed
            if assay.origin == .unspecified { assay.origin = origin }
            assay.notes = notes + assay.notes
            return .success(assay)
        }
        if let status = Self.statusReading(body) {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: status.alteration,
                    equivalents: status.equivalents,
                    origin: origin,
                    statuses: status.statuses,
                    notes: status.notes
                )
            )
        }
        // "TdT+ CD1a+ cytoplasmic CD3+ CD7+": an immunophenotype, several markers each with its sign. Read
        // whole it became a fusion of the first and last gene named; it is a finding.
        let signed = body.split(separator: " ").filter { word in
            guard let last = word.last, last == "+" || last == "-", word.count >= 3 else { return false }
            return word.dropLast().allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }
        }
        if signed.count >= 2 {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: nil,
                    origin: origin,
                    notes: notes + ["'\(body)' is an immunophenotype of several markers; nothing is matched on it"]
                )
            )
        }
        // "ALK-", "ALK (-)", "ALK (negative)", "EGFR/ALK/ROS1 -", "ALK neg": a minus sign or a negative word after a
        // name is a negative result, read as "ALK negative"; read whole it was the gene mutated, or a fusion of the
        // first two genes, a driver the patient does not have. Read on the text as typed: with its origin words
        // taken out, "ALK F1174L (somatic; germline negative)" would end in "(negative)".
        if let sign = Self.trailingNegativeSign.firstRange(in: trimmed),
            sign.lowerBound > trimmed.startIndex
        {
            let head = trimmed[..<sign.lowerBound].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty, head.split(separator: " ").count <= 2, head.last.map({ $0.isLetter || $0.isNumber || $0 == ")" }) == true,
                case .success(var reading) = parsePatientAlteration("\(head) negative", suggest: false)
            {
                reading.input = trimmed
                if reading.origin == .unspecified { reading.origin = origin }
                reading.notes = notes + reading.notes + ["'\(trimmed)' read as '\(head) negative'"]
                return .success(reading)
            }
        }
        // "H3-3A (H3F3A) c.83A>T (p.Lys28Met)": the gene's former symbol in brackets after it says nothing more.
        if let unaliased = withoutAliasBracket(body), case .success(var reading) = parsePatientAlteration(unaliased, suggest: false) {
            reading.input = trimmed
            reading.origin = origin
            reading.notes = notes + reading.notes + ["read '\(body)' as '\(unaliased)'"]
            return .success(reading)
        }
        if let imaging = somatostatinReceptorImaging(body) {
            return .success(PatientAlterationReading(input: trimmed, alteration: imaging.alteration, origin: origin, notes: notes + [imaging.note]))
        }
        // "no FGFR2 rearrangement detected", "negative for ALK fusion": a leading negation decides before
        // any positive reading, so the alteration it denies is never matched.
        let loweredBody = body.lowercased()
        if ["no ", "negative for ", "absence of ", "without ", "not "].contains(where: { loweredBody.hasPrefix($0) }) {
            var denied = body
            for ending in [" detected", " found", " identified", " seen", " present"] where loweredBody.hasSuffix(ending) {
                denied = String(body.dropLast(ending.count))
            }
            if let reading = negatedReading(denied, suggest: suggest) {
                return .success(
                    PatientAlterationReading(input: trimmed, alteration: reading.alteration, origin: origin, notes: notes + reading.notes)
                )
            }
            // "no new resistance mechanism on rebiopsy": a negative that names no gene denies nothing matchable.
            if geneMentions(in: denied).isEmpty {
                return .success(
                    PatientAlterationReading(
                        input: trimmed,
                        alteration: nil,
                        origin: origin,
                        notes: notes + ["'\(body)' is a negative result naming no gene"]
                    )
                )
            }
            if let list = negativeList(denied) {
                return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [list]))
            }
            return .failure(.unknownGene(trimmed, suggestions: []))
        }
        if let negative = negativeAfterGene(body) {
            var reading = negative
            reading.input = trimmed
            reading.origin = origin
            reading.notes = notes + reading.notes
            return .success(reading)
        }
        if let finding = Self.nonAlterationFinding(body) {
            let note = "'\(body)' is \(finding), not an alteration; nothing is matched on it"
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        if let immunophenotype = immunophenotypeReading(body) {
            return immunophenotype.map { reading in
                var reading = reading
                reading.input = trimmed
                reading.origin = origin
                reading.notes = notes + reading.notes
                return reading
            }
        }
        // A karyotype list, or a panel negative for several genes: one reading keyed by each alteration.
        if let list = karyotypeList(body) ?? negativePanel(body) {
            return .success(PatientAlterationReading(input: trimmed, keyedBy: list.alterations, origin: origin, notes: notes + list.notes))
        }
        // "CD30 100%", "FRα 75%": a share of stained cells for a marker read by immunohistochemistry.
        if let percent = Self.stainedShare(body), let symbol = body.split(separator: " ").first,
            case .success(let marker) = parseCoreAlteration(String(symbol), suggest: false), Self.expressionMarkers.contains(marker.gene),
            case .success(var expression) = parseCoreAlteration("\(marker.gene) \(percent > 0 ? "overexpression" : "negative")", suggest: false)
        {
            if percent > 0, let cutoff = Self.labelShareCutoffs[marker.gene], percent < cutoff.share {
                expression = Alteration(gene: marker.gene, variant: "low expression", kind: .expression)
            }
            let note =
                if percent <= 0 {
                    "'\(body)' read as \(marker.gene) protein not expressed"
                } else if let cutoff = Self.labelShareCutoffs[marker.gene], percent < cutoff.share {
                    "'\(body)' read as \(marker.gene) expressed below the \(Int(cutoff.share))% of cells its drug's label asks (\(cutoff.source))"
                } else {
                    "'\(body)' read as \(marker.gene) protein expression"
                }
            return .success(PatientAlterationReading(input: trimmed, alteration: expression, origin: origin, notes: notes + [note]))
        }
        // "ERBB2 exon 20 insertion p.Y772_A775dupYVMA": the protein change is the specific reading. Not when the text
        // says it was not found ("EGFR p.C797S not detected"): that was read as the mutation present.
        let saysAbsent = Self.negativeEndings.contains { loweredBody.hasSuffix($0) || loweredBody.hasSuffix($0 + ")") }
        if !loweredBody.contains(" and "), !saysAbsent, let protein = body.split(separator: " ").first(where: { $0.hasPrefix("p.") }),
            let symbol = body.split(separator: " ").first, symbol != protein,
            case .success(let specific) = parseCoreAlteration(
                "\(symbol) \(Self.spelledOutResidues.replacingMatches(in: String(protein), with: ""))",
                suggest: false
            ),
            specific.kind == .proteinChange
        {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: specific,
                    origin: origin,
                    notes: notes + ["read '\(body)' as '\(symbol) \(protein)'"]
                )
            )
        }
        if let marker = Self.cytogeneticMarkers[body.lowercased().filter { $0 != " " }] {
            let note = "'\(body)' is \(marker); no evidence is keyed to it, so nothing is matched on it"
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        // "TSC2 loss of heterozygosity", "NF1 LOH": a second hit on a gene, which no evidence is keyed to (a
        // labelled drug such as nab-sirolimus for PEComa needs none: FDA label: Fyarro (sirolimus protein-bound
        // particles), 2021). Read, matched on nothing.
        if let ending = [" loss of heterozygosity", " loh"].first(where: { loweredBody.hasSuffix($0) }),
            case let symbol = String(body.dropLast(ending.count)).trimmingCharacters(in: .whitespaces),
            let gene = gene(symbol: symbol) ?? gene(symbol: symbol.uppercased())
        {
            let note = "'\(body)' is loss of heterozygosity of \(gene.symbol); no evidence is keyed to it, so nothing is matched on it"
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        if let wildType = wildTypeReading(body) {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: wildType.alteration,
                    equivalents: wildType.equivalents,
                    origin: origin,
                    notes: notes + [wildType.note]
                )
            )
        }
        // "BRCA1/2, ATM wt", "KRAS, NRAS and BRAF wild-type": a list of genes with one negative result after it.
        // Only bare genes or families: "EGFR C797S (ctDNA), T790M not detected" is a finding and a negative.
        // "Wild-type" gives each gene's wild-type (keys such as "KRAS wild-type" for the anti-EGFR labels);
        // "negative" a panel read and matched on nothing, as a family ("BRCA1/2") is.
        if body.contains(","), let ending = Self.negativeEndings.first(where: { body.lowercased().hasSuffix($0) }),
            case let items = String(body.dropLast(ending.count)).replacingOccurrences(of: " and ", with: ",")
                .replacingOccurrences(of: " or ", with: ",").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }),
            items.count >= 2,
            items.allSatisfy({ gene(symbol: $0) != nil || gene(symbol: $0.uppercased()) != nil || geneFamily($0) != nil }),
            let note = negativeList(String(body.dropLast(ending.count)))
        {
            let wildTypeWord = [" wild-type", " wild type", " wildtype", " wt", "-wt"].contains(ending)
            let wildTypes =
                wildTypeWord ? items.compactMap { wildTypeReading($0 + ending) }.flatMap { [$0.alteration].compactMap { $0 } + $0.equivalents } : []
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: wildTypes.first,
                    equivalents: Array(wildTypes.dropFirst()),
                    origin: origin,
                    notes: notes + [note]
                )
            )
        }
        if let family = geneFamily(body) {
            // "BRCA wild-type": a family tested and found unaltered is read, and matched on nothing;
            // detail in brackets after the result ("(germline and tumour)") does not change that.
            let result = body.range(of: " (").map { String(body[..<$0.lowerBound]) } ?? body
            if Self.negativeEndings.contains(where: { result.lowercased().hasSuffix($0) }) {
                return .success(
                    PatientAlterationReading(
                        input: trimmed,
                        alteration: nil,
                        origin: origin,
                        notes: notes + ["'\(body)' is a negative result for \(family.joined(separator: " and ")); nothing is matched on it"]
                    )
                )
            }
            return .failure(.severalGenes(text: trimmed, genes: family))
        }
        // Minimal residual disease is a response measure, not an alteration (the blinatumomab label
        // is for MRD of 0.1 % or more): read, and matched on nothing.
        if body.lowercased().hasPrefix("mrd")
            || Self.residualDisease.matches(body.lowercased())
        {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: nil,
                    origin: origin,
                    notes: notes + ["'\(body)' is minimal residual disease, a response measure; nothing is matched on it"]
                )
            )
        }
        // MLH1 promoter hypermethylation silences MLH1: the tumour is mismatch-repair deficient
        // (NCCN Colon Cancer 2025; NCCN Uterine Neoplasms 2025).
        let squeezed = body.lowercased().filter { $0 != " " && $0 != "-" }
        if ["mlh1promoterhypermethylation", "mlh1promotermethylation", "mlh1hypermethylation", "mlh1methylation", "mlh1methylated"].contains(squeezed)
        {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: Alteration(gene: "MMR", variant: "dMMR", kind: .expression),
                    origin: origin,
                    statuses: [BiomarkerStatus(marker: .mismatchRepair, call: .negative, assay: "dMMR")],
                    notes: notes + ["'\(body)' silences MLH1: read as dMMR"]
                )
            )
        }
        if let allele = Self.hlaAllele(body) {
            return .success(PatientAlterationReading(input: trimmed, alteration: allele, origin: .germline, notes: []))
        }
        if let genotype = Self.hlaGenotype(body), let first = genotype.first {
            let names = genotype.map { $0.gene + $0.variant }.joined(separator: " and ")
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: first,
                    equivalents: Array(genotype.dropFirst()),
                    origin: .germline,
                    notes: ["'\(body)' is an HLA genotype: read as \(names)"]
                )
            )
        }
        if let reversion = reversion(body) {
            return .success(PatientAlterationReading(input: trimmed, alteration: reversion, origin: origin, notes: []))
        }
        if var copyNumber = copyNumberReading(body) {
            copyNumber.input = trimmed
            copyNumber.origin = origin
            copyNumber.notes = notes + copyNumber.notes
            return .success(copyNumber)
        }
        // A result written as a label and its evidence: "dMMR: MLH1/PMS2 loss (IHC)", "MSI-H: 4/5 markers
        // unstable". The label is read when it is itself a result (not a gene, whose result follows the colon:
        // "KRAS: G12D"), and what follows the colon is its detail. A colon inside a name ("HLA-A*02:01") is not one.
        if !body.contains("::"), let colon = body.range(of: ": ")?.lowerBound, colon > body.startIndex, !body[..<colon].contains(" "),
            case .success(var labelled) = parsePatientAlteration(String(body[..<colon]), suggest: false),
            let label = labelled.alteration, label.kind != .mutation, gene(symbol: String(body[..<colon]).uppercased()) == nil
        {
            let detail = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            labelled.input = trimmed
            labelled.origin = origin
            labelled.notes = notes + labelled.notes + (detail.isEmpty ? [] : ["'\(detail)' read as detail of '\(body[..<colon])'"])
            return .success(labelled)
        }
        // Detail in brackets after an alteration ("EGFR exon 20 ins (A767_V769dup)", "TP53 mutated (VAF 12%)",
        // "FRα high (PS2+ in 80% of cells)"): read before the whole text, so words in the brackets never
        // become a fusion partner or a variant. A head that names a change is read as written; a change in
        // brackets that the gene takes is the more specific reading of a vaguer head; otherwise the head
        // is read and the detail noted.
        // Brackets inside the detail are its own ("(karyotype 46,XX,del(5)(q13q33))") when they balance.
        if let open = body.range(of: " (")?.lowerBound, body.hasSuffix(")"), open > body.startIndex,
            Self.balancesBrackets(body[body.index(open, offsetBy: 2)...].dropLast())
        {
            let head = String(body[..<open]).trimmingCharacters(in: " ")
            let inner = String(body[body.index(open, offsetBy: 2)..<body.index(before: body.endIndex)]).trimmingCharacters(in: " ")
            let headReading = try? parsePatientAlteration(head, suggest: false).get()
            // Evidence is keyed by protein change: "KRAS c.34G>T (p.Gly12Cys)" reads the protein change in brackets.
            let headIsSpecific = headReading?.alteration.map { $0.kind == .proteinChange } ?? false
            let headIsDNA = headReading?.alteration.map { $0.kind == .dnaChange } ?? false
            // "(p.Lys28Met; H3 K27M)": the protein change comes first, a legacy name after it.
            let first = inner.split(whereSeparator: { $0 == ";" || $0 == "," }).first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? inner
            let change = first.hasPrefix("p.") ? first : inner
            if !headIsSpecific, let gene = head.split(separator: " ").first,
                case .success(let specific) = parseCoreAlteration("\(gene) \(change)", suggest: false),
                specific.kind == .proteinChange || (specific.kind == .dnaChange && !headIsDNA)
            {
                return .success(
                    PatientAlterationReading(
                        input: trimmed,
                        alteration: specific,
                        origin: origin,
                        notes: notes + ["read '\(body)' as '\(gene) \(change)'"]
                    )
                )
            }
            // "HER2 IHC 0 (ultralow)", "HER2 IHC 0 with faint staining (HER2-ultralow)": a HER2-low or -ultralow
            // category in brackets refines the score before it (ASCO/CAP 2023; the Enhertu label, 2025).
            if ["HER2", "ERBB2"].contains(where: { head.uppercased().hasPrefix($0) }),
                headReading?.alteration == nil || headReading?.alteration?.variant == "negative",
                let refined = [inner, "HER2 \(inner)"].lazy.compactMap({ try? self.parsePatientAlteration($0, suggest: false).get() })
                    .first(where: {
                        $0.alteration.map { ["ultralow expression", "low expression"].contains($0.variant) && $0.gene == "ERBB2" } ?? false
                    })
            {
                var reading = refined
                reading.input = trimmed
                reading.origin = origin
                reading.notes = notes + reading.notes + ["'(\(inner))' read as the HER2 category of '\(head)'"]
                return .success(reading)
            }
            if var reading = headReading {
                reading.input = trimmed
                reading.notes = notes + reading.notes + ["'(\(inner))' read as detail of '\(head)'"]
                return .success(reading)
            }
        }
        // "CD19 retained", "CD30 weak": an antigen read by immunohistochemistry or flow that is still
        // there, or faintly there, is expressed.
        for word in [" retained", " weak", " dim", " weakly positive", " weak positive", " strong", " strongly positive", " bright"]
        where loweredBody.hasSuffix(word) {
            let head = String(body.dropLast(word.count)).trimmingCharacters(in: " ")
            if case .success(let marker) = parseCoreAlteration(head, suggest: false), marker.kind == .mutation, marker.variant == "mutation",
                Self.expressionMarkers.contains(marker.gene),
                case .success(let expression) = parseCoreAlteration("\(marker.gene) overexpression", suggest: false)
            {
                return .success(
                    PatientAlterationReading(
                        input: trimmed,
                        alteration: expression,
                        origin: origin,
                        notes: notes + ["'\(body)' read as \(marker.gene) protein expression"]
                    )
                )
            }
            // "CD117 weak", "PAX5 weak": a faint stain of an immunophenotype marker is still that finding, never a
            // mutation of its gene. Only a finding: a weak receptor stain is no positive call ("HER2 weak" is not
            // HER2-positive, and "ER weak" is ER-low, ASCO/CAP 2020), so those are left to the status readers.
            if !head.isEmpty, case .success(var reading) = parsePatientAlteration("\(head) positive", suggest: false),
                reading.alteration == nil, reading.statuses.isEmpty
            {
                reading.input = trimmed
                reading.origin = origin
                reading.notes = notes + ["'\(word.trimmingCharacters(in: " "))' staining read as present"] + reading.notes
                return .success(reading)
            }
        }
        var result = parseCoreAlteration(body, suggest: false)
        // "FLT3-ITD positive", "KRAS G12C detected": a presence word after a complete alteration
        // says it was found, nothing more.
        if case .failure = result, let bare = Self.withoutPresenceWord(body),
            case .success(let alteration) = parseCoreAlteration(bare, suggest: false)
        {
            result = .success(alteration)
        }
        if case .failure = result {
            let cased = symbolCased(body)
            if cased != body, case .success(let alteration) = parseCoreAlteration(cased, suggest: false) {
                result = .success(alteration)
                notes.append("read '\(body)' as '\(cased)'")
            } else if suggest, case .failure(.unknownGene) = result {
                // Suggestions cost a pass over the symbols of similar length: only for the answer.
                result = parseCoreAlteration(body, suggest: true)
            }
        }
        // "FRα high", "FOLR1 high": a high expression call of a marker read by immunohistochemistry.
        if case .failure = result, Self.saysHigh(body) {
            let head = String(body.dropLast(5)).trimmingCharacters(in: " ")
            if case .success(let marker) = parseCoreAlteration(head, suggest: false), marker.kind == .mutation, marker.variant == "mutation",
                Self.expressionMarkers.contains(marker.gene),
                case .success(let expression) = parseCoreAlteration("\(marker.gene) overexpression", suggest: false)
            {
                result = .success(expression)
                notes.append("'\(body)' read as \(marker.gene) protein expression")
            }
        }
        // "FRα-positive", "CLDN18.2 positive": for a marker read by immunohistochemistry,
        // positive means the protein is expressed, not that the gene is mutated.
        if case .success(let alteration) = result, alteration.kind == .mutation, alteration.variant == "mutation",
            Self.expressionMarkers.contains(alteration.gene), Self.withoutPresenceWord(body) != nil || Self.saysHigh(body),
            case .success(let expression) = parseCoreAlteration("\(alteration.gene) overexpression", suggest: false)
        {
            result = .success(expression)
            notes.append("'\(body)' read as \(alteration.gene) protein expression")
        }
        // "KRAS WT, NRAS WT": each gene's own result, not one negative finding for the whole entry.
        if case .failure = result, body.contains(", "), let listed = listedResults(body, input: trimmed, origin: origin, notes: notes),
            listed.alteration != nil, !listed.equivalents.isEmpty
        {
            return .success(listed)
        }
        if case .failure = result, let reading = negatedReading(body, suggest: suggest) {
            return .success(PatientAlterationReading(input: trimmed, alteration: reading.alteration, origin: origin, notes: notes + reading.notes))
        }
        // "c-Met protein overexpression": the word "protein" says how it was measured.
        if case .failure = result, body.lowercased().contains(" protein "),
            case .success(var reading) = parsePatientAlteration(body.replacingOccurrences(of: " protein ", with: " "), suggest: false)
        {
            reading.input = trimmed
            return .success(reading)
        }
        // "MAGE-A4 positive": an antigen name with a hyphen the approved symbol does not have.
        if case .failure(.unknownGene) = result, body.contains("-") {
            let words = body.split(separator: " ", maxSplits: 1).map(String.init)
            let joined = words[0].replacingOccurrences(of: "-", with: "")
            if gene(symbol: joined.uppercased()) != nil,
                case .success(var reading) = parsePatientAlteration(
                    ([joined.uppercased()] + words.dropFirst()).joined(separator: " "),
                    suggest: false
                )
            {
                reading.input = trimmed
                reading.notes = notes + reading.notes + ["read '\(words[0])' as \(joined.uppercased())"]
                return .success(reading)
            }
        }
        // "BRAF c.1781A>G (p.Asp594Gly), kinase-impaired class 3", "HAVCR2 c.245A>G (p.Tyr82Cys), homozygous": words
        // after a comma that are no result of their own qualify the variant before them (its class, zygosity).
        if case .failure = result, let comma = body.range(of: ", "), comma.lowerBound > body.startIndex {
            let head = String(body[..<comma.lowerBound])
            let tail = String(body[comma.upperBound...])
            // "KRAS G12C, G13D": a second variant of the same gene is a result, never detail to drop.
            let namesVariant = tail.split(separator: " ").contains { word in
                let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "(),;"))
                return Self.isProteinChange(bare) || bare.hasPrefix("c.") || bare.hasPrefix("p.") || VariantScanner.parse(bare) != nil
            }
            if !namesVariant, case .success(var reading) = parsePatientAlteration(head, suggest: false), let variant = reading.alteration,
                variant.kind == .proteinChange || variant.kind == .dnaChange, case .failure = parsePatientAlteration(tail, suggest: false)
            {
                reading.input = trimmed
                if reading.origin == .unspecified { reading.origin = origin }
                reading.notes = notes + reading.notes + ["'\(tail)' read as detail of '\(head)'"]
                return .success(reading)
            }
        }
        // "IL-6 elevated", "VEGF raised", "ferritin increased": a measured level of a protein, a laboratory value.
        // Only when no reading above took the text, so "CD30 high" and "FRα high" stay expression.
        if case .failure = result,
            let ending = [" elevated", " raised", " increased", " decreased", " reduced", " within normal limits", " in the normal range"]
                .first(where: { loweredBody.hasSuffix($0) }),
            !body.dropLast(ending.count).trimmingCharacters(in: .whitespaces).isEmpty
        {
            let note = "'\(body)' is a measured level (a laboratory value), not an alteration; nothing is matched on it"
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        // "ABL1 p.T315I and p.E255V in the same clone (compound)": several alleles of one gene, each kept.
        if case .failure = result, let compound = compoundAlleles(body) {
            return .success(
                PatientAlterationReading(input: trimmed, keyedBy: compound.alterations, origin: origin, notes: notes + [compound.note])
            )
        }
        // Last: a clinical finding in words no reader above takes ("CD22 negative on relapse flow cytometry",
        // "JAK2 break-apart FISH positive", "MGMT promoter methylated", "monosomy 7", "TRG clonal rearrangement").
        if case .failure = result, let listed = listedResults(body, input: trimmed, origin: origin, notes: notes) {
            return .success(listed)
        }
        if case .failure = result, let finding = clinicalFinding(body) {
            return .success(
                PatientAlterationReading(
                    input: trimmed,
                    alteration: finding.alteration,
                    equivalents: finding.equivalents,
                    origin: origin,
                    notes: notes + [finding.note]
                )
            )
        }
        // "high-grade urothelial carcinoma" in an alteration field: a diagnosis, read and matched on nothing.
        // Not when the disease text carries a biomarker ("BRAF V600E melanoma"): that stays an error, not lost.
        if case .failure = result, suggest, geneMentions(in: body).first.map({ $0.range.lowerBound == 0 }) != true,
            case let diagnosis = readDisease(body), diagnosis.biomarkers.isEmpty, case .found(let disease, _) = diagnosis.resolution
        {
            let note = "'\(body)' names a diagnosis (\(disease.name)), not an alteration; enter it as the disease. Nothing is matched on it"
            return .success(PatientAlterationReading(input: trimmed, alteration: nil, origin: origin, notes: notes + [note]))
        }
        return result.map { PatientAlterationReading(input: trimmed, alteration: $0, origin: origin, notes: notes) }
    }

    /// "T790M, C797S or MET amplification on re-biopsy", "EGFR, ALK, ROS1, BRAF or NTRK alteration": what a
    /// leading "no" denies, a list of genes or changes. Each item must read (a gene or family, a gene with a
    /// change or kind, or a bare protein change), so a mistyped gene stays an error. A negative denies what it
    /// names and is matched on nothing; the note says what was read. Nil when the text is not such a list.
    func negativeList(_ denied: String) -> String? {
        var text = denied
        for prefix in ["no ", "negative for ", "absence of ", "without ", "not "] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        if let range = Self.negativeListSetting.firstRange(in: text) {
            text = String(text[..<range.lowerBound])
        }
        var items = text.replacingOccurrences(of: " or ", with: ",").replacingOccurrences(of: " and ", with: ",")
            .replacingOccurrences(of: " nor ", with: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard items.count >= 2 else { return nil }
        // The kind word after the last item is the kind of each ("EGFR, ALK or RET alteration").
        if let last = items.last,
            let range = Self.trailingKindWord.firstRange(in: last), range.lowerBound > last.startIndex
        {
            items[items.count - 1] = String(last[..<range.lowerBound])
        }
        let readable = items.allSatisfy { item in
            if Self.isProteinChange(item) || geneFamily(item) != nil || gene(symbol: item) != nil || gene(symbol: item.uppercased()) != nil {
                return true
            }
            if case .success = parsePatientAlteration(item, suggest: false) { return true }
            return false
        }
        guard readable else { return nil }
        return "'\(denied)' is a negative result for each of \(items.joined(separator: ", ")); nothing is matched on it"
    }

    // MARK: Clinical findings

    /// A gene followed by a result that says nothing was found, in words after it: "CDKN2A/B without
    /// homozygous deletion", "AR copy number normal". The gene alone is read as a negative result and
    /// matched on nothing; an alteration before "without" ("EGFR L858R without T790M") is read and the
    /// rest kept as detail. Nil when the text is not written so.
    func negativeAfterGene(_ body: String) -> PatientAlterationReading? {
        let lowered = body.lowercased()
        func startsWithGene(_ head: String) -> Bool {
            geneFamily(head) != nil || geneMentions(in: head).first.map { $0.range.lowerBound == 0 } == true
        }
        for ending in [" copy number normal", " copy-number normal", " copy number neutral", " normal copy number", " copy number: normal"]
        where lowered.hasSuffix(ending) {
            let head = String(body.dropLast(ending.count)).trimmingCharacters(in: " ")
            guard !head.contains(" "), startsWithGene(head) else { return nil }
            return PatientAlterationReading(
                input: body,
                alteration: nil,
                notes: ["'\(body)' is a normal copy-number result (neither amplified nor deleted); nothing is matched on it"]
            )
        }
        for word in [" without ", " with no "] {
            guard let range = lowered.range(of: word), range.lowerBound > lowered.startIndex else { continue }
            let head = String(body.prefix(lowered.distance(from: lowered.startIndex, to: range.lowerBound)))
            let denied = String(body.suffix(lowered.distance(from: range.upperBound, to: lowered.endIndex)))
            guard startsWithGene(head) else { return nil }
            if !head.contains(" ") {
                return PatientAlterationReading(
                    input: body,
                    alteration: nil,
                    notes: ["'\(body)' is a negative result (\(denied) not found); nothing is matched on it"]
                )
            }
            guard case .success(var reading) = parsePatientAlteration(head, suggest: false), reading.alteration != nil else { return nil }
            reading.notes.append("'\(word.trimmingCharacters(in: " ")) \(denied)' read as a negative detail of '\(head)'")
            return reading
        }
        return nil
    }

    /// The list reading of `text` as one reading keyed by each of its results, or nil when it is no list.
    private func listedResults(_ text: String, input: String, origin: AlterationOrigin, notes: [String]) -> PatientAlterationReading? {
        guard let combined = listReading(text) else { return nil }
        return PatientAlterationReading(
            input: input,
            keyedBy: combined.alterations,
            origin: origin,
            statuses: combined.statuses,
            notes: notes + combined.notes
        )
    }

    /// Several results in one entry: "BCL2 positive, MUM1 positive" (a comma list) or "TP53 and RB1 loss",
    /// "FLT3-ITD and FLT3-TKD negative" (two names sharing one result). Each part is read on its own; nil
    /// unless every part reads.
    func listReading(_ text: String) -> (alterations: [Alteration], statuses: [BiomarkerStatus], notes: [String])? {
        var parts = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        // "CD103, CD25 and CD11c positive": names in a comma list share the result after the last one.
        if parts.count >= 2, let last = parts.last, parts.dropLast().allSatisfy({ !$0.contains(" ") }) {
            let words = last.split(separator: " ").map(String.init)
            if words.count >= 4, words[1].lowercased() == "and" {
                let rest = words[3...].joined(separator: " ")
                parts = parts.dropLast().map { "\($0) \(rest)" } + ["\(words[0]) \(rest)", "\(words[2]) \(rest)"]
            }
        }
        // "TP53/RB1 loss", "MYC/BCL2 rearranged": genes joined by slashes share the change after them.
        if parts.count == 1, let space = text.firstIndex(of: " "), text[..<space].contains("/") {
            let names = text[..<space].split(separator: "/").map(String.init)
            let rest = text[text.index(after: space)...]
            // A name may be a protein's ("PD-L1/PD-L2 amplification").
            func namesGene(_ name: String) -> Bool {
                gene(symbol: name) != nil || gene(symbol: name.uppercased()) != nil
                    || geneMentions(in: name).first.map { $0.range == 0..<name.utf8.count } == true
            }
            if names.count >= 2, !rest.contains("/"), names.allSatisfy(namesGene) {
                parts = names.map { "\($0) \(rest)" }
            }
        }
        // "RB1 loss and aberrant p53", "AR p.T878A and AR p.L702H": two results joined by "and", each whole.
        if parts.count == 1, text.components(separatedBy: " and ").count == 2,
            text.split(separator: " ").dropFirst().first.map({ $0.lowercased() != "and" }) == true
        {
            let halves = text.components(separatedBy: " and ").map { $0.trimmingCharacters(in: " ") }
            if halves.allSatisfy({ $0.contains(" ") && !geneMentions(in: $0).isEmpty }) { parts = halves }
        }
        // "TET2 and IDH2 R172K mutated": a bare gene and a gene with its change share the result word; each
        // gene is kept, the first as mutated and the second as its change.
        if parts.count == 1 {
            let words = text.split(separator: " ").map(String.init)
            if words.count >= 5, words[1].lowercased() == "and", ["mutated", "mutations", "mutant"].contains(words.last!.lowercased()),
                Self.isProteinChange(words[3]) || words[3].hasPrefix("p.") || words[3].hasPrefix("c."),
                geneMentions(in: words[0]).first?.range == 0..<words[0].utf8.count
            {
                parts = ["\(words[0]) mutated", words[2...].dropLast().joined(separator: " ")]
            }
        }
        if parts.count == 1 {
            let words = text.split(separator: " ").map(String.init)
            guard words.count >= 4, words[1].lowercased() == "and" else { return nil }
            let rest = words[3...].joined(separator: " ")
            // "FLT3-ITD and TKD negative": a second name that is no gene is a region of the first one's gene.
            var second = words[2]
            if geneMentions(in: second).isEmpty, let gene = geneMentions(in: words[0]).first, gene.range.lowerBound == 0,
                case .success(let region) = parseCoreAlteration("\(gene.symbol) \(second)", suggest: false), region.kind != .mutation
            {
                second = "\(gene.symbol) \(second)"
            }
            parts = ["\(words[0]) \(rest)", "\(second) \(rest)"]
        }
        guard parts.count >= 2, parts.count <= 6 else { return nil }
        var alterations: [Alteration] = []
        var statuses: [BiomarkerStatus] = []
        var notes: [String] = []
        for part in parts {
            guard case .success(let reading) = parsePatientAlteration(part, suggest: false) else { return nil }
            for alteration in [reading.alteration].compactMap({ $0 }) + reading.equivalents where !alterations.contains(alteration) {
                alterations.append(alteration)
            }
            statuses += reading.statuses
            notes += reading.notes
        }
        return (alterations, statuses, notes + ["'\(text)' read as \(parts.count) results: \(parts.joined(separator: "; "))"])
    }

    /// "H3-3A (H3F3A) c.83A>T" → "H3-3A c.83A>T": a symbol followed by a bracketed symbol of the same gene
    /// (a former symbol or an alias) and more words. Nil when the text is not written so.
    func withoutAliasBracket(_ text: String) -> String? {
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, words[1].hasPrefix("("), words[1].hasSuffix(")"), words[1].count > 2 else { return nil }
        let alias = String(words[1].dropFirst().dropLast())
        guard let first = geneMentions(in: words[0]).first, first.range == 0..<words[0].utf8.count,
            let second = geneMentions(in: alias).first, second.range == 0..<alias.utf8.count, first.symbol == second.symbol
        else { return nil }
        return "\(words[0]) \(words[2])"
    }

    /// Somatostatin-receptor imaging ("Ga-68 DOTATATE PET: uptake above liver", "Octreoscan positive"):
    /// uptake is the receptor on the tumour, the "somatostatin receptor-positive" of the Lutathera label
    /// (FDA label: Lutathera (lutetium Lu 177 dotatate), 2018, NETTER-1 enrolled on somatostatin-receptor
    /// imaging uptake), keyed as SSTR2 expression; no uptake is SSTR2 not expressed. Nil for other text.
    func somatostatinReceptorImaging(_ text: String) -> (alteration: Alteration, note: String)? {
        let lowered = text.lowercased()
        guard
            [
                "dotatate", "dotatoc", "dotanoc", "octreoscan", "sstr pet", "sstr-pet", "somatostatin receptor imaging",
                "somatostatin receptor scintigraphy",
            ]
            .contains(where: { lowered.contains($0) })
        else { return nil }
        let negative = ["no uptake", "negative", "not avid", "non-avid", "without uptake", "below liver", "absent"].contains { lowered.contains($0) }
        let positive = ["uptake", "positive", "avid", "krenning"].contains { lowered.contains($0) }
        guard negative || positive,
            case .success(let alteration) = parseCoreAlteration("SSTR2 \(negative ? "negative" : "overexpression")", suggest: false)
        else { return nil }
        return (alteration, "'\(text)' is somatostatin-receptor imaging: read as SSTR2 \(negative ? "not expressed" : "expression")")
    }

    /// A finding read from the whole text when no alteration reading took it. Some are matchable: a
    /// marker with where or how it was measured ("CD22 negative on relapse flow cytometry" is CD22 not
    /// expressed), a break-apart FISH probe that split (the gene is rearranged: the probe flanks the gene,
    /// so a split signal is a rearrangement whatever the partner), a list of one gene's alterations all
    /// negative ("FLT3-ITD/TKD negative"). The others are echoed as understood and matched on nothing:
    /// karyotype changes, promoter methylation, clonality, nodal status, cytology and histology, imaging,
    /// immunohistochemistry without a call Caseboard keys, and measured values.
    func clinicalFinding(_ text: String) -> (alteration: Alteration?, equivalents: [Alteration], note: String)? {
        let lowered = text.lowercased()
        func finding(_ what: String) -> (Alteration?, [Alteration], String) {
            (nil, [], "'\(text)' is \(what), not an alteration; it is read and nothing is matched on it")
        }
        // Where or how it was measured, after the finding.
        let methodWords = [
            "flow", "cytometry", "ihc", "immunohistochemistry", "biopsy", "rebiopsy", "ngs", "pcr", "fish", "sequencing", "relapse",
            "progression", "diagnosis", "ctdna", "smear", "marrow",
        ]
        for connector in [" on ", " by ", " at ", " in "] {
            guard let range = text.range(of: connector) else { continue }
            let tail = text[range.upperBound...].lowercased()
            guard methodWords.contains(where: { tail.contains($0) }) else { continue }
            let head = String(text[..<range.lowerBound])
            if case .success(let reading) = parsePatientAlteration(head, suggest: false), reading.alteration != nil {
                return (reading.alteration, reading.equivalents, "read '\(text)' as '\(head)'; '\(text[range.upperBound...])' is how it was found")
            }
        }
        // "EML4::ALK variant 1 (E13;A20)": a fusion named by its genes, with its variant and assay after it.
        if let token = text.split(separator: " ").first, token.contains("::"),
            case .success(let fusion) = parseCoreAlteration(String(token), suggest: false), fusion.kind == .fusion
        {
            return (fusion, [], "read '\(text)' as '\(token)'; the rest is detail")
        }
        // "BCR-ABL IS 2.1%", "BCR/ABL1 0.8%": a fusion written with a hyphen or slash, then its transcript
        // level, which says it is present.
        if let token = text.split(separator: " ").first, token.contains("-") || token.contains("/"),
            Self.transcriptLevel.matches(String(text.dropFirst(token.count))),
            case .success(let fusion) = parseCoreAlteration(String(token), suggest: false), fusion.kind == .fusion
        {
            return (fusion, [], "read '\(text)' as '\(token)'; the rest is its transcript level")
        }
        // "MYC/BCL2 FISH negative", "MYC/BCL2/BCL6 FISH positive": rearrangement FISH for each gene of a list.
        if let fish = text.range(of: " FISH ", options: .caseInsensitive), text[..<fish.lowerBound].contains("/") {
            let symbols = text[..<fish.lowerBound].split(separator: "/").map { String($0).uppercased() }
            let result = lowered[lowered.index(lowered.startIndex, offsetBy: text.distance(from: text.startIndex, to: fish.upperBound))...]
            if symbols.count >= 2, symbols.allSatisfy({ gene(symbol: $0) != nil }) {
                if Self.negativeEndings.contains(where: { " \(result)".hasSuffix($0) }) || result == "negative" {
                    return finding("a negative rearrangement FISH result for \(symbols.joined(separator: ", "))")
                }
                if ["positive", "rearranged", "rearrangement", "rearrangements"].contains(String(result)) {
                    let rearrangements = symbols.compactMap { symbol -> Alteration? in
                        guard case .success(let alteration) = parseCoreAlteration("\(symbol) rearrangement", suggest: false) else { return nil }
                        return alteration
                    }
                    if let head = rearrangements.first, rearrangements.count == symbols.count {
                        return (
                            head, Array(rearrangements.dropFirst()), "'\(text)' read as a rearrangement of each of \(symbols.joined(separator: ", "))"
                        )
                    }
                }
            }
        }
        let words = lowered.split(separator: " ").map(String.init)
        if let first = words.first, lowered.contains("break-apart") || lowered.contains("break apart") || lowered.contains("split signal") {
            let symbol = String(text.split(separator: " ")[0])
            let negative = Self.negativeEndings.contains { lowered.hasSuffix($0) } || lowered.contains("no split")
            if !negative, gene(symbol: symbol.uppercased()) != nil || gene(symbol: symbol) != nil,
                case .success(let rearrangement) = parseCoreAlteration("\(symbol.uppercased()) rearrangement", suggest: false)
            {
                return (rearrangement, [], "'\(text)': a split break-apart FISH signal is a \(symbol.uppercased()) rearrangement")
            }
            if negative { return finding("a negative break-apart FISH result for \(first.uppercased())") }
        }
        // "FLT3-ITD/TKD negative": each of one gene's alterations tested and not found.
        if let ending = Self.negativeEndings.first(where: { lowered.hasSuffix($0) }) {
            let list = String(text.dropLast(ending.count)).trimmingCharacters(in: " ")
            let parts = list.split(separator: "/").map(String.init)
            if parts.count >= 2, !list.contains(" "), case .success(let first) = parseCoreAlteration(parts[0], suggest: false) {
                var negatives: [Alteration] = []
                for part in [parts[0]] + parts.dropFirst().map({ "\(first.gene) \($0)" }) {
                    guard case .success(let alteration) = parseCoreAlteration(part, suggest: false), alteration.gene == first.gene else {
                        negatives = []
                        break
                    }
                    negatives.append(Alteration(gene: alteration.gene, variant: "\(alteration.variant) negative", kind: .expression))
                }
                if let head = negatives.first {
                    return (
                        head, Array(negatives.dropFirst()),
                        "'\(text)' read as a negative result for each of \(negatives.map(\.label).joined(separator: ", "))"
                    )
                }
            }
        }
        if lowered.hasSuffix(" not rearranged") || lowered.hasSuffix(" non-rearranged") {
            return finding("a negative rearrangement result")
        }
        let head = (text.range(of: " (").map { String(text[..<$0.lowerBound]) } ?? text).lowercased()
        if Self.wholeChromosomeChange.matches(head) {
            return finding("a whole-chromosome change, a risk marker")
        }
        // "+Ph": an extra Philadelphia chromosome, an additional chromosomal abnormality of the major route
        // (NCCN Chronic Myeloid Leukemia 2025, high-risk additional chromosomal abnormalities); the fusion
        // itself is entered as BCR::ABL1.
        if ["+ph", "extra ph", "double ph", "+der(22)t(9;22)", "+der(22)"].contains(head) {
            return finding("an extra Philadelphia chromosome, an additional chromosomal abnormality (a risk marker)")
        }
        // "del(7q)", "del(20q)", "del(11q23)": an arm-level loss with no gene keyed to it is a risk marker
        // (ELN 2022; IPSS-R); those with a gene reading (del(5q), del(17p)) are read before this.
        if Self.armLoss.matches(head) {
            return finding("an arm-level chromosome loss, a risk marker")
        }
        // "i(12p)", "gain(1q)", "dup(1q)": an arm-level gain or isochromosome with no gene keyed to it, a
        // diagnostic or risk marker (i(12p) of germ cell tumours, WHO Urinary and Male Genital Tumours 2022).
        if Self.armGain.matches(head) {
            return finding("an arm-level chromosome gain or isochromosome, a karyotype marker")
        }
        let table: [(words: [String], what: String)] = [
            (["methylated", "unmethylated", "methylation", "hypermethylated"], "a promoter methylation status"),
            (["clonal", "clonally", "clonality", "monoclonal"], "a clonality finding"),
            (["node", "nodes", "nodal"], "a lymph-node status (stage)"),
            (["cytology", "histology", "morphology", "cis", "in situ", "component"], "a cytology or histology finding"),
            // The course of the disease and the patient's history are not alterations ("progression within 24
            // months of first-line chemoimmunotherapy (POD24)", "seizures controlled on vigabatrin").
            (
                [
                    "pod24", "progression within", "relapse within", "early progression", "early relapse", "months of", "seizures", "seizure",
                    "epilepsy",
                ],
                "the course of the disease or the patient's history"
            ),
            (
                [
                    "syndrome", "hypoglycaemia", "hypoglycemia", "hypercalcaemia", "hypercalcemia", "neuropathy", "paraneoplastic", "mediated",
                ],
                "a clinical feature"
            ),
            (["pet", "pet/ct", "ct", "mri", "scan", "scintigraphy", "mibg", "ultrasound", "imaging"], "an imaging finding"),
            (
                // "T follicular helper phenotype absent", "TFH immunophenotype": a phenotype, read by its stains.
                ["ihc", "immunohistochemistry", "staining", "stain", "aberrant", "retained", "phenotype", "immunophenotype"],
                "an immunohistochemistry finding Caseboard keys nothing to"
            ),
        ]
        let bare = words.map { $0.trimmingCharacters(in: "(),;:") }
        for entry in table where entry.words.contains(where: { word in word.contains(" ") ? lowered.contains(word) : bare.contains(word) }) {
            return finding(entry.what)
        }
        // A serum marker or count with a bare number ("tryptase 88", "PSA 14.2", "CA 19-9 = 1,250", "LDH 2x"):
        // a laboratory value, never the gene a marker is named after (tryptase is TPSAB1, CEA is CEACAM5).
        if Self.serumMarkerValue.matches(lowered) {
            return finding("a laboratory value")
        }
        // A number with a unit of measure: a laboratory value ("HbF 12 g/dL", "plasma EBV DNA 8,400 IU/mL").
        if Self.laboratoryUnit.matches(lowered) {
            return finding("a laboratory value")
        }
        // "HbA1c 8.1%", "haematocrit 52%": a measured share of a name that is no gene (a gene or antigen before a
        // share is a stain, read by the expression readers).
        // Gene symbols are capitals: a capitalised name with no gene ("EGRF 8%") is a mistyped gene, left an error.
        if let first = text.split(separator: " ").first.map(String.init), first.contains(where: \.isLowercase),
            gene(symbol: first) == nil, gene(symbol: first.uppercased()) == nil,
            geneMentions(in: first).isEmpty, !Self.antigenNames.contains(first.uppercased()),
            Self.namedShare.matches(lowered)
        {
            return finding("a laboratory value")
        }
        return nil
    }

    // MARK: Clinician shorthand

    /// Genes whose "positive" result is protein expression by immunohistochemistry, the biomarker
    /// of an antibody or antibody-drug conjugate label (zolbetuximab CLDN18.2, FDA 2024;
    /// mirvetuximab FRα, FDA 2022; telisotuzumab vedotin c-Met, FDA 2025; tarlatamab DLL3, FDA 2024).
    static let expressionMarkers: Set<String> = [
        "CLDN18", "FOLR1", "FOLH1", "SSTR2", "CD274", "CD33", "CD22", "CD19", "MS4A1", "TNFRSF8", "TNFRSF17", "CD38", "TACSTD2",
        "NECTIN4", "DLL3", "MAGEA4", "CEACAM5", "GPRC5D", "CD276", "IL3RA",
        // Targets of antibody labels in lymphoma and myeloma: CCR4 (FDA label: Poteligeo (mogamulizumab),
        // 2018), CD79b (FDA label: Polivy (polatuzumab vedotin), 2019), SLAMF7 (FDA label: Empliciti
        // (elotuzumab), 2015), CD52 (FDA label: Campath (alemtuzumab), 2001).
        "CCR4", "CD79B", "SLAMF7", "CD52",
        // CD25 (IL2RA): the target of denileukin diftitox (FDA label: Lymphir (denileukin diftitox), 2024).
        "IL2RA",
        // Read by immunohistochemistry where written positive or negative: the androgen receptor of salivary duct
        // carcinoma (NCCN Head and Neck Cancers 2025: androgen deprivation for AR-positive disease) and BCL2
        // protein in lymphoma and BPDCN. Their mutations ("AR T878A", "BCL2 G101V") are still mutations.
        "AR", "BCL2",
    ]

    /// Markers written by their antigen names and read by immunohistochemistry or flow cytometry:
    /// "CD5+/CD23+", "CD3+CD8+CD57+", "PD-1/CXCL13 positive", "CD15 positive", "DOG1 positive".
    /// A positive marker is protein on the cells, never a fusion of two genes nor a mutation. A list
    /// is read as the expression of its one targetable antigen (``expressionMarkers``), or as an
    /// immunophenotype matched on nothing; a list with several targetable antigens asks for each on
    /// its own. A single marker that is not targetable is an immunophenotype finding; a single
    /// targetable one is left to the expression readings ("CD30 positive"). Nil when the text is
    /// not written so.
    func immunophenotypeReading(_ text: String) -> Result<PatientAlterationReading, AlterationParseError>? {
        // "surface CD3-", "cytoplasmic CD79a+": where on the cell flow cytometry saw the antigen is detail; a name
        // after it that is no antigen is left to the other readings.
        var body = text
        if let range = Self.antigenPlace.firstRange(in: body) {
            body.removeSubrange(range)
        }
        // "sCD3-, cCD3+", "cyCD79a+": the flow cytometrist's prefix for surface or cytoplasmic antigen.
        body = Self.antigenPlacePrefix.replacingMatches(in: body, with: "")
        var head = body
        var presence: Bool?
        if let bare = Self.withoutPresenceWord(body), !bare.hasSuffix("+") {
            head = bare
            presence = true
        } else {
            for word in [" negative", "-negative"] where body.lowercased().hasSuffix(word) {
                head = String(body.dropLast(word.count))
                presence = false
            }
        }
        // The list is the first word; what follows ("LGL 2.1 x10^9/L", "(IHC, 30% of cells)") is detail.
        guard let first = head.split(separator: " ").first.map(String.init), !first.isEmpty else { return nil }
        if head.split(separator: " ").count > 1, presence != nil { return nil }
        var parts: [(name: String, present: Bool?)] = []
        for slashPart in first.split(separator: "/") {
            // "CD3+CD8+CD57+": a sign after each marker.
            var name = ""
            for character in slashPart {
                if character == "+" || character == "-" && !name.isEmpty && !Self.hyphenatedAntigens.contains(name + "-") {
                    parts.append((name, character == "+"))
                    name = ""
                } else {
                    name.append(character)
                }
            }
            if !name.isEmpty { parts.append((name, nil)) }
        }
        guard !parts.isEmpty, parts.allSatisfy({ !$0.name.isEmpty }) else { return nil }
        func isAntigenName(_ name: String) -> Bool {
            Self.clusterOfDifferentiation.matches(name) || Self.antigenNames.contains(name.uppercased())
        }
        guard parts.contains(where: { isAntigenName($0.name) }) else { return nil }
        // Each marker must name a gene; the sign of a marker without one is the trailing word's.
        var markers: [(name: String, gene: String, present: Bool)] = []
        for part in parts {
            guard let present = part.present ?? presence else { return nil }
            var gene: String?
            // FMC7 is one epitope of CD20 that CLL cells usually lack (a point of the Matutes CLL score, Matutes et
            // al., Leukemia 1994;8:1640) while CD20 stays the rituximab target: never read as the MS4A1 protein.
            for form in [part.name, part.name.uppercased()] where !Self.epitopeNames.contains(part.name.uppercased()) {
                if case .success(let alteration) = parseCoreAlteration(form, suggest: false) {
                    gene = alteration.gene
                    break
                }
            }
            // A CD antigen with no single gene (CD3 is CD3D, CD3E and CD3G) is still a marker.
            guard let gene = gene ?? (isAntigenName(part.name) ? part.name.uppercased() : nil) else { return nil }
            markers.append((part.name, gene, present))
        }
        let targetable = markers.filter { Self.expressionMarkers.contains($0.gene) }
        let listed = markers.map { "\($0.name)\($0.present ? "+" : "-")" }.joined(separator: ", ")
        if markers.count == 1 {
            guard targetable.isEmpty else { return nil }
            let marker = markers[0]
            let note =
                "'\(body)' is an immunophenotype marker (\(marker.name), the \(marker.gene) protein), not an alteration; nothing is matched on it"
            return .success(PatientAlterationReading(input: body, alteration: nil, notes: [note]))
        }
        if targetable.count > 1 {
            return .failure(.severalGenes(text: body, genes: targetable.map { "\($0.name) (\($0.gene))" }))
        }
        guard let antigen = targetable.first else {
            let note = "'\(body)' is an immunophenotype (\(listed)), not an alteration; nothing is matched on it"
            return .success(PatientAlterationReading(input: body, alteration: nil, notes: [note]))
        }
        guard
            case .success(let expression) = parseCoreAlteration("\(antigen.gene) \(antigen.present ? "overexpression" : "negative")", suggest: false)
        else { return nil }
        let note =
            "'\(body)' read as \(antigen.gene) protein \(antigen.present ? "expression" : "not expressed"); the other markers (\(listed)) are an immunophenotype"
        return .success(PatientAlterationReading(input: body, alteration: expression, notes: [note]))
    }

    /// Antigen names (not HGNC symbols) clinicians write for markers read by immunohistochemistry or flow.
    static let antigenNames: Set<String> = [
        "DOG1", "PD-1", "TDT", "MPO", "CYCLIN D1", "EMA",
        // Lineage markers of histology, by their protein names (neuroendocrine, muscle, epithelial, neural).
        "SYNAPTOPHYSIN", "CHROMOGRANIN", "MYOGENIN", "DESMIN", "CYTOKERATIN", "PANCYTOKERATIN", "VIMENTIN", "CALRETININ", "S100", "S-100",
        "CK7", "CK20", "TTF1", "TTF-1", "INHIBIN", "MUM1", "HMB45", "HMB-45", "MELAN-A", "SMA", "CAM5.2", "GRANZYME", "PERFORIN", "TIA-1",
        "TIA1",
        // Lymphoma proteins stained by immunohistochemistry: "BCL2 positive" is the protein on the cells (the
        // double-expressor of WHO-HAEM5 2022), a rearrangement is written as one ("BCL2 rearranged", FISH).
        "BCL2", "BCL6", "MYC", "CCND1", "SOX11",
        // Lineage transcription factors stained by immunohistochemistry (B-cell PAX5, OCT2 and BOB1; intestinal
        // CDX2 and SATB2; melanocytic SOX10): "PAX5 weak" is a stain, not a mutation of the gene.
        "PAX5", "OCT2", "OCT-2", "BOB1", "BOB.1", "CDX2", "SATB2", "SOX10",
        // Langerhans-cell markers (langerin is CD207; WHO-HAEM5 2022 histiocytic neoplasms).
        "LANGERIN",
        // Follicular helper T-cell markers (PD1, CXCL13, ICOS; WHO-HAEM5 2022 nodal TFH cell lymphoma needs two or
        // more besides CD4): lineage stains, never an alteration of the gene.
        "PD1", "CXCL13", "ICOS",
        "FMC7",
    ]

    /// A minus sign (hyphen or U+2212), a bracketed one, or "neg" ending a result: "ALK-", "ALK (-)", "ALK (negative)".
    static let trailingNegativeSign = CompiledPattern(
        #"(?:(?<=\S)-|\s+-|\s*−|\s*\(\s*(?:-|−|neg\.?|negative|not\s+detected|absent|not\s+found)\s*\)|\s+neg\.?)$"#,
        caseInsensitive: true
    )

    /// Antigens named by one epitope of a gene's protein, a marker with no gene of its own.
    static let epitopeNames: Set<String> = ["FMC7"]

    /// Antigen names whose hyphen is part of the name, not a negative sign.
    static let hyphenatedAntigens: Set<String> = ["PD-", "PD-L", "Ki-", "PD-1", "c-", "TTF-", "S-", "HMB-", "MELAN-", "TIA-"]

    /// Laboratory values, proliferation indices, viral and light-chain findings, and panels or statuses
    /// with no evidence key, which clinicians list beside alterations: what each is, or nil.
    static func nonAlterationFinding(_ text: String) -> String? {
        let lowered = text.lowercased()
        // "tumor NGS, somatic", "plasma ctDNA panel": only words that describe the test, no result.
        let words = lowered.split(whereSeparator: { " ,;/()".contains($0) })
        if !words.isEmpty, words.allSatisfy({ testWords.contains(String($0)) }) {
            return "a description of the test"
        }
        let table: [(prefixes: [String], what: String)] = [
            (
                [
                    "platelet", "plt ", "hb ", "hgb ", "haemoglobin", "hemoglobin", "wbc ", "anc ", "ldh ", "albumin ", "creatinine ", "hct ",
                    "hematocrit", "haematocrit", "hbf ", "eosinophils ", "eosinophil count", "aec ", "alc ", "lymphocytes ", "neutrophils ",
                    "monocytes ", "blasts ", "mast cells ", "plasma cells ", "bone marrow plasma", "m-protein", "m protein", "flc ratio",
                    // Hormones, coagulation and organ-function values clinicians list beside the tumour's findings.
                    "testosterone", "normetanephrine", "metanephrine", "plasma normetanephrine", "plasma metanephrine", "catecholamine",
                    "ristocetin", "von willebrand", "vwf", "factor viii", "inhibin", "chromogranin", "thyroglobulin", "nt-probnp", "bnp ",
                    "troponin", "ferritin", "alkaline phosphatase", "alp ", "dflc", "involved free light chain", "esr ", "crp ", "sezary",
                    "sézary", "creatinine clearance", "bilirubin", "cortisol", "gastrin", "5-hiaa", "lvef", "dlco",
                ],
                "a laboratory value"
            ),
            // Autoantibodies and their titres ("acetylcholine receptor antibody 14 nmol/L", "anti-MAG antibody titre"):
            // serology, never the gene the antigen is named after (MAG is a gene; an antibody to it is not an alteration).
            // Gene-expression and clinical risk scores: a multigene assay result is a score, not an alteration of its genes.
            (
                [
                    "oncotype", "recurrence score", "mammaprint", "endopredict", "prosigna", "breast cancer index", "decipher", "prolaris",
                    "flipi", "ipss", "r-iss", "r2-iss", "sokal", "eutos", "elts", "igcccg",
                    // The Hodgkin International Prognostic Score, IPI and its variants, DIPSS and MIPI.
                    "ips ", "ips-3", "ipi ", "nccn-ipi", "cns-ipi", "dipss", "mipi", "cll-ipi",
                ],
                "a risk score"
            ),
            (["ki-67", "ki67", "mib-1", "mib1"], "a proliferation index"),
            // Marrow fibrosis graded by reticulin or collagen stain (European consensus MF-0 to MF-3): histology.
            (
                ["marrow fibrosis", "reticulin fibrosis", "fibrosis grade", "reticulin grade", "mf-0", "mf-1", "mf-2", "mf-3"],
                "a marrow fibrosis grade"
            ),
            // The corrected QT interval: an ECG measure, listed before QT-prolonging drugs.
            (["qtc", "qtcf", "qtcb", "qt interval"], "an ECG measure"),
            // Glycaemic control, often listed before a PI3K/AKT inhibitor (hyperglycaemia is in the alpelisib and
            // inavolisib labels' warnings): a laboratory value, never a gene.
            (["hba1c", "hb a1c", "a1c ", "glycated haemoglobin", "glycated hemoglobin", "fasting glucose", "glucose "], "a laboratory value"),
            // The cell of origin of DLBCL by the Hans algorithm (germinal-centre B-cell or not; WHO-HAEM5 2022): a
            // subtype, not an alteration.
            (
                [
                    "non-gcb", "non gcb", "gcb-type", "gcb type", "gcb subtype", "gcb", "abc-type", "abc type", "abc subtype",
                    "germinal center b", "germinal centre b", "non-germinal", "activated b-cell", "activated b cell", "cell of origin",
                    "cell-of-origin",
                ],
                "a cell-of-origin subtype (Hans algorithm)"
            ),
            (
                ["lambda light chain", "kappa light chain", "light chain", "lambda-restricted", "kappa-restricted", "igg kappa", "igg lambda"],
                "a light-chain finding"
            ),
            (["ebv", "eber", "epstein-barr", "plasma ebv", "hhv-8", "hhv8", "kshv", "cmv "], "a viral finding"),
            (["hrr panel", "hrr gene panel", "hrr genes", "hrr negative"], "a homologous-recombination repair panel result"),
            (["ighv mutated", "mutated ighv", "m-cll", "ighv-mutated"], "a mutated IGHV status (lower risk in CLL)"),
            (["ring sideroblasts", "ring sideroblast"], "a morphological finding (ring sideroblasts)"),
            (
                ["afp ", "serum ", "epo ", "calcitonin", "cea ", "ca 19-9", "ca19-9", "ca-125", "ca 125", "psa ", "ldh ", "beta-2"],
                "a serum marker value"
            ),
            (["hpv", "mcpyv", "merkel cell polyomavirus", "htlv", "hiv", "plasma hhv-8", "hbv ", "hcv "], "a viral finding"),
            // p16 immunohistochemistry is the HPV surrogate in oropharyngeal cancer (NCCN Head and Neck Cancers 2025).
            (["p16 ", "p16-"], "an HPV-surrogate immunohistochemistry finding (p16)"),
            (["pnh clone", "hla-dr", "hla-b27"], "a laboratory finding with no evidence key"),
            (["hcg ", "beta-hcg", "b-hcg", "β-hcg"], "a serum marker value"),
            (
                [
                    "who prognostic score", "figo score", "perineural invasion", "extranodal extension", "lymphovascular invasion",
                    "low grade", "high grade", "positive margin", "close margin",
                    // A risk group as the clinic writes it ("standard risk, R-ISS II"); a Gleason grade or grade group.
                    "standard risk", "standard-risk", "intermediate risk", "intermediate-risk", "gleason", "grade group", "isup grade",
                    // Myeloma stage (ISS, R-ISS, R2-ISS) and the CML risk scores (Sokal, ELTS, EUTOS, Hasford).
                    "iss stage", "r-iss", "r2-iss", "durie-salmon", "sokal", "elts", "eutos", "hasford",
                ],
                "a pathology or risk-score finding"
            ),
            // Additional chromosomal abnormalities beside the Ph chromosome in CML ("+Ph", "an extra Ph"): high-risk
            // markers that change the choice of TKI but key no evidence of their own (ELN 2020: Hochhaus et al., Leukemia 2020).
            (
                ["additional ph", "extra ph", "double ph", "second ph", "+ph", "additional chromosomal abnormalit", "major-route", "major route"],
                "an additional chromosomal abnormality (a CML risk marker)"
            ),
            // Imaging measures ("SUVmax 7", "Deauville 4"): how avid a lesion is, not an alteration.
            (["suvmax", "suv max", "suv ", "deauville", "lugano score"], "an imaging measure"),
            // MYC and BCL2 proteins both high by immunohistochemistry (WHO-HAEM5 2022 "double expressor"), not the
            // rearrangements a double-hit lymphoma has.
            (
                ["myc/bcl2 double expressor", "double expressor", "double-expressor", "dual expressor"],
                "a protein-expression category (double expressor)"
            ),
            (["uv signature", "tobacco signature", "apobec signature"], "a mutational signature with no evidence key"),
            (
                [
                    "tfh phenotype", "transfusion-dependent", "transfusion dependent", "standard-risk fish", "high-risk fish", "hyperdiploid",
                    "normal karyotype",
                    "hypodiploid",
                    // Ploidy groups of B-ALL (WHO-HAEM5 2022): risk categories, not alterations of a gene.
                    "high hyperdiploid", "high-hyperdiploid", "low hypodiploid", "low-hypodiploid", "near-haploid", "near haploid",
                    "hyperdiploidy", "hypodiploidy", "masked hypodiploid",
                ],
                "a clinical or cytogenetic category"
            ),
            // Immunophenotype panels written by a group name, not a gene: "TFH markers negative", "beta F1 positive"
            // (the TCR alpha-beta chain antibody of subcutaneous panniculitis-like T-cell lymphoma, WHO-HAEM5 2022).
            (
                [
                    "tfh marker", "t-follicular helper marker", "annexin a1", "annexin-a1", "beta f1", "betaf1", "βf1", "β f1", "tcr alpha/beta",
                    "tcr gamma/delta",
                ], "an immunophenotype"
            ),
        ]
        for entry in table where entry.prefixes.contains(where: { lowered.hasPrefix($0) }) { return entry.what }
        // Autoantibodies and their titres ("acetylcholine receptor antibody 14 nmol/L", "anti-MAG antibody titre"):
        // serology, never the gene the antigen is named after (MAG is a gene; an antibody to it is not an alteration).
        if lowered.hasPrefix("anti-") || ["antibody", "antibodies", "autoantibod", " titre", " titer"].contains(where: { lowered.contains($0) }) {
            return "an antibody (serology) result"
        }
        // "BCMA not assessed", "GPRC5D not tested": a test not done is neither positive nor negative.
        for ending in [
            " not assessed", " not tested", " not done", " not performed", " not evaluated", " not evaluable", " untested",
            " status unknown", " unknown", " not available", " inconclusive",
        ] where lowered.hasSuffix(ending) {
            return "a test without a result (neither positive nor negative)"
        }
        // "RS 40%": ring sideroblasts as a share; "TP53 sequencing pending": a result not yet given.
        if Self.ringSideroblasts.matches(lowered) {
            return "a morphological finding (ring sideroblasts)"
        }
        if lowered.hasSuffix(" pending") || lowered.hasSuffix(" awaited") { return "a result not yet available" }
        // "loss of chromosomes 1, 2, 6, 10, 13, 17", "gains of chromosomes 7 and 17": whole-chromosome changes
        // written as a list, a karyotype pattern (the losses of chromophobe renal cell carcinoma, WHO Urinary
        // and Male Genital Tumours 2022); a single "monosomy 7" is read by the clinical finding reader.
        if Self.chromosomeChangesFirst.matches(lowered) || Self.chromosomesFirst.matches(lowered) {
            return "a list of whole-chromosome changes, a karyotype pattern"
        }
        return nil
    }

    /// "PD-L1 positive in histiocytes", "CD30 positive in background lymphocytes": a stain of cells around the
    /// tumour. Lymphocytes and T cells count only when called background or reactive: in a T-cell lymphoma they
    /// are the tumour. It says nothing of the tumour cells, so nothing is matched on it (matched as the tumour's PD-L1 it
    /// would have called a PD-L1-negative lymphoma positive). Nil for other text.
    static func nonTumourStaining(_ text: String) -> String? {
        guard
            let range = Self.nonTumourCells.firstRange(in: text), range.lowerBound > text.startIndex
        else { return nil }
        let place = text[range].trimmingCharacters(in: .whitespaces)
        return "'\(text)' is staining \(place), not of the tumour cells; nothing is matched on it"
    }

    /// A variant the report itself says is not the tumour's: clonal haematopoiesis ("same variant in matched white
    /// blood cells", "CHIP"), which makes plasma results misleading (Jensen et al., JAMA Oncol 2021), or a benign
    /// germline polymorphism ("benign", "polymorphism"; TP53 P72R, rs1042522, carried by most people: Whibley et al.,
    /// Nat Rev Cancer 2009), and common variants ClinVar classes benign that panels still report: EGFR R521K
    /// (rs2227983), BRCA2 N372H (rs144848), V2466A (rs169547) and K3326* (rs11571833, a last-exon truncation without
    /// the high-penetrance risk: Meeks et al., J Natl Cancer Inst 2016), KIT M541L (rs3822214). A dbSNP rs number alone
    /// says nothing: pathogenic variants have them too. Matched as the
    /// tumour's, these would offer PARP inhibitors for a blood-cell ATM variant and flag chemoimmunotherapy for a TP53
    /// polymorphism. Nil for other text.
    static func notTheTumours(_ text: String) -> String? {
        if text.firstMatch(of: clonalHaematopoiesis) != nil {
            return "'\(text)' is clonal haematopoiesis, not the tumour's; nothing is matched on it"
        }
        if text.firstMatch(of: benignVariant) != nil {
            return "'\(text)' is a benign germline polymorphism, not a tumour alteration; nothing is matched on it"
        }
        return nil
    }

    /// Parts of an entry that report no result, the others kept, and a note; nil when no part says so. A part is
    /// one result between top-level commas or semicolons; a bracket that reports no result ("HER2 IHC 2+ (ISH
    /// pending)") is dropped from its part, whose own result stays.
    static func partsWithoutResult(_ text: String) -> (kept: String?, note: String)? {
        guard text.firstMatch(of: noResult) != nil else { return nil }
        var kept: [String] = []
        var unresulted: [String] = []
        for part in topLevelParts(text) {
            var outside = ""
            var bracket = ""
            var depth = 0
            for character in part {
                if character == "(" || character == "[" { depth += 1 }
                if depth == 0 { outside.append(character) } else { bracket.append(character) }
                if character == ")" || character == "]" {
                    depth = max(0, depth - 1)
                    if depth == 0 {
                        if bracket.firstMatch(of: noResult) != nil { unresulted.append(bracket) } else { outside += bracket }
                        bracket = ""
                    }
                }
            }
            outside += bracket
            let rest = outside.trimmingCharacters(in: .whitespaces)
            if rest.firstMatch(of: noResult) != nil {
                unresulted.append(rest)
            } else if !rest.isEmpty {
                kept.append(rest)
            }
        }
        let note =
            "'\(unresulted.joined(separator: ", "))' reports no result (not tested, pending, failed or too little tissue); nothing is matched on it"
        return (kept.isEmpty ? nil : kept.joined(separator: ", "), note)
    }

    /// `text` split at the commas and semicolons outside brackets.
    static func topLevelParts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "," where depth == 0, ";" where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    nonisolated(unsafe) private static let noResult =
        /(?i:\binsufficient\s+(?:tissue|sample|material|tumou?r|DNA|RNA)\b|\bQNS\b|\bquantity\s+not\s+sufficient\b|\bnot\s+(?:tested|done|performed|assessed|evaluable|available)\b|\bpending\b|\b(?:test|assay|sequencing)\s+failed\b|\bfailed\s+(?:QC|sequencing|testing)\b|\bno\s+result\b|\bstatus\s+unknown\b|\bindeterminate\b)/
    nonisolated(unsafe) private static let lowLevelGain =
        /(?i)\s*[A-Z][A-Z0-9-]{1,9}\s+(?:(?:low[- ]level\s+)?(?:copy[- ]number\s+)?gain)\s*\((?:CN|copy\s+number|GCN|copies)\s*[:=]?\s*(?<copies>\d{1,2}(?:\.\d+)?)\)\s*/
    nonisolated(unsafe) private static let npm1Insertion =
        /(?i)\s*NPM1\s+(?:type\s+[A-D]\s+)?(?:exon\s+12\s+)?(?:insertion|ins|mutation\s+type\s+[A-D])\s*/
    nonisolated(unsafe) private static let trailingExon = /(?i)\s+in\s+exon\s+\d{1,2}\s*$/
    nonisolated(unsafe) private static let clonalHaematopoiesis =
        /(?i:\bclonal\s+ha?ematopoiesis\b|\bCHIP\b|\bmatched\s+(?:white\s+(?:blood\s+)?cells|WBCs?|leu[ck]ocytes|blood\s+cells)\b)/
    nonisolated(unsafe) private static let benignVariant =
        /(?i:\b(?:likely\s+)?benign\b|\bpolymorphism\b|^TP53\s+(?:p\.)?(?:P72R|Pro72Arg)\b|^EGFR\s+(?:p\.)?(?:R521K|Arg521Lys)\b|^BRCA2\s+(?:p\.)?(?:K3326\*|K3326X|Lys3326Ter|Lys3326\*|V2466A|Val2466Ala|N372H|Asn372His)(?!\w)|^KIT\s+(?:p\.)?(?:M541L|Met541Leu)\b)/

    /// "MET copy number 3 (not amplified)", "ERBB2 copy number 12, amplified", "MET GCN 4": a gene copy number
    /// with the laboratory's call. The call decides: "not amplified" is a negative result, "amplified" the
    /// amplification. A number without a call is read as a finding and matched on nothing, since where
    /// amplification starts depends on the assay's cut-off; it is never guessed to be amplification.
    func copyNumberReading(_ body: String) -> PatientAlterationReading? {
        guard
            let match = try? Self.copyNumberCall?.wholeMatch(in: body),
            let symbolText = match.output[1].substring, let numberText = match.output[2].substring
        else { return nil }
        let typed = String(symbolText)
        guard let symbol = [typed, typed.uppercased()].first(where: { gene(symbol: $0) != nil }) ?? geneMentions(in: typed).first?.symbol else {
            return nil
        }
        let call = match.output[3].substring.map { String($0).lowercased().trimmingCharacters(in: .whitespaces) } ?? ""
        let number = String(numberText).filter { !$0.isWhitespace }
        let negative = [
            "not amplified", "non-amplified", "nonamplified", "unamplified", "no amplification", "without amplification", "normal", "neutral",
            "diploid", "negative",
        ]
        if negative.contains(where: { call.contains($0) }),
            case .success(var reading) = parsePatientAlteration("\(symbol) not amplified", suggest: false)
        {
            reading.input = body
            reading.notes.append("copy number \(number), called not amplified: read as a negative result")
            return reading
        }
        if call.contains("amplified") || call.contains("amplification"),
            case .success(var reading) = parsePatientAlteration("\(symbol) amplification", suggest: false)
        {
            reading.input = body
            reading.notes.append("copy number \(number), called amplified")
            return reading
        }
        guard call.isEmpty || ["gain", "low-level gain", "low level gain", "copy gain"].contains(call) else { return nil }
        return PatientAlterationReading(
            input: body,
            alteration: nil,
            notes: [
                "'\(body)' gives the \(symbol) copy number without the laboratory's call; whether it is amplification depends on the "
                    + "assay's cut-off, so nothing is matched on it (write 'amplified' or 'not amplified' as reported)"
            ]
        )
    }

    /// "ABL1 p.T315I and p.E255V in the same clone (compound)", "ALK G1202R/L1196M compound", "KRAS G12C, G13D":
    /// several protein changes of one gene, each kept as its own alteration (a compound mutation is both
    /// alleles, and resistance to either counts). Nil unless every word after the gene is a change or a joiner.
    func compoundAlleles(_ body: String) -> (alterations: [Alteration], note: String)? {
        var text = body
        var qualifier = ""
        if let range = Self.alleleQualifier.firstRange(in: text), range.lowerBound > text.startIndex {
            qualifier = text[range].trimmingCharacters(in: CharacterSet(charactersIn: " ,;()"))
            text = String(text[..<range.lowerBound])
        }
        if text.lowercased().hasPrefix("compound ") {
            qualifier = qualifier.isEmpty ? "compound" : qualifier
            text = String(text.dropFirst("compound ".count))
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "+" || $0 == ";" }).map(String.init)
        guard words.count >= 3, let symbol = [words[0], words[0].uppercased()].first(where: { gene(symbol: $0) != nil }) else { return nil }
        var alterations: [Alteration] = []
        for word in words.dropFirst() where !["and", "&", "plus", "with"].contains(word.lowercased()) {
            let change = Self.changeCased(word)
            guard Self.isProteinChange(change), case .success(let alteration) = parseCoreAlteration("\(symbol) \(change)", suggest: false),
                alteration.kind == .proteinChange
            else { return nil }
            if !alterations.contains(alteration) { alterations.append(alteration) }
        }
        guard alterations.count >= 2 else { return nil }
        let labels = alterations.map(\.label).joined(separator: " and ")
        return (
            alterations,
            "'\(body)' read as \(alterations.count) alleles of \(symbol), each kept: \(labels)" + (qualifier.isEmpty ? "" : " (\(qualifier))")
        )
    }

    /// "-5/del(5q), -7, -17": a karyotype written as a list of whole-chromosome and arm-level changes. Each
    /// change with a gene-level reading (del(5q) is CSNK1A1 deletion, del(17p) TP53 deletion) is keyed;
    /// monosomies and trisomies are read and keyed to nothing. Nil unless every part is such a change.
    func karyotypeList(_ text: String) -> (alterations: [Alteration], notes: [String])? {
        let head = text.range(of: " (").map { String(text[..<$0.lowerBound]) } ?? text
        // "del(13q) and trisomy 12": "and" joins changes as a comma does.
        let parts = head.replacingOccurrences(of: " and ", with: ",").split(whereSeparator: { $0 == "," || $0 == "/" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2 else { return nil }
        var alterations: [Alteration] = []
        var notes: [String] = []
        for part in parts {
            let lowered = part.lowercased()
            if Self.listedWholeChromosomeChange.matches(lowered) {
                notes.append("'\(part)' is a whole-chromosome change, a risk marker; nothing is matched on it")
                continue
            }
            guard Self.listedArmChange.matches(lowered) else { return nil }
            let reading = Self.cytogeneticLosses[lowered] ?? Self.clinicalShorthand[lowered]?.0
            if let reading, case .success(let alteration) = parseCoreAlteration(reading, suggest: false) {
                alterations.append(alteration)
                notes.append("'\(part)' read as \(reading)")
            } else {
                notes.append("'\(part)' is an arm-level change, a risk marker; nothing is matched on it")
            }
        }
        if head != text { notes.append("'\(text.dropFirst(head.count).trimmingCharacters(in: .whitespaces))' read as detail") }
        return (alterations, notes)
    }

    /// "EGFR/ALK/ROS1/BRAF/MET/RET/NTRK negative (NGS)": one negative result for several genes, read as a
    /// negative for each (a family stem such as NTRK stands for its numbered genes). Nil unless every
    /// part names a gene and the result is negative.
    func negativePanel(_ text: String) -> (alterations: [Alteration], notes: [String])? {
        let head = (text.range(of: " (").map { String(text[..<$0.lowerBound]) } ?? text).trimmingCharacters(in: .whitespaces)
        let lowered = head.lowercased()
        guard let ending = Self.negativeEndings.first(where: { lowered.hasSuffix($0) }) else { return nil }
        let list = String(head.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
        let parts = list.split(separator: "/").map(String.init)
        guard parts.count >= 2, !list.contains(" "), parts.allSatisfy({ $0.contains(where: \.isLetter) }) else { return nil }
        var genes: [String] = []
        for part in parts {
            if gene(symbol: part) != nil {
                genes.append(part)
            } else if gene(symbol: part.uppercased()) != nil {
                genes.append(part.uppercased())
            } else if let family = geneFamily(part) {
                genes += family
            } else {
                return nil
            }
        }
        var alterations: [Alteration] = []
        for symbol in genes {
            guard let reading = wildTypeReading("\(symbol)\(ending)") else { return nil }
            if let alteration = reading.alteration, !alterations.contains(alteration) { alterations.append(alteration) }
        }
        return (alterations, ["'\(text)' read as a negative result for each of \(genes.joined(separator: ", "))"])
    }

    /// A transcript level after a fusion: "IS 2.1%", "(IS) 0.05 %", "0.8%", "e13a2 12%".
    private static let transcriptLevel = CompiledPattern(
        #"^\s*(?:\(?IS\)?\s*[:=]?\s*[<>≤]?\s*[0-9]|[<>≤]?\s*[0-9]+(?:\.[0-9]+)?\s*%\s*(?:IS)?\s*$|(?:e1[34]a2|e1a2|p190|p210)\b)"#
    )

    /// The share of stained cells in "CD30 100%" or "CD30 75% of cells": the number, or nil.
    static func stainedShare(_ text: String) -> Double? {
        // "FRα IHC 80% of cells": the assay's name is not a word of the result.
        let words = text.split(separator: " ").filter { !["ihc", "(ihc)"].contains($0.lowercased()) }
        guard words.count >= 2, let share = words.dropFirst().first(where: { $0.hasSuffix("%") }),
            let value = Double(share.dropLast().trimmingCharacters(in: CharacterSet(charactersIn: "<>≥≤="))),
            words.count <= 4
        else { return nil }
        // "CD30 <1%": below the 1% a laboratory reports as its least staining is no staining (the CD30-negative
        // PTCL of NCCN T-Cell Lymphomas 2025), never expression.
        if share.hasPrefix("<") || share.hasPrefix("≤"), value <= 1 { return 0 }
        return value
    }

    /// Markers whose drug's label asks for a share of stained tumour cells: below it the marker is
    /// expressed, but the label's test is negative, and rows for its expression do not apply.
    static let labelShareCutoffs: [String: (share: Double, source: String)] = [
        "CLDN18": (75, "FDA label: Vyloy (zolbetuximab), 2024: at least 75% of tumour cells with moderate-to-strong membranous staining"),
        "FOLR1": (75, "FDA label: Elahere (mirvetuximab soravtansine), 2022: at least 75% of tumour cells with PS2+ staining"),
    ]

    /// "FRα high", "CLDN18.2 high": a high expression call.
    static func saysHigh(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasSuffix(" high") || lowered.hasSuffix("-high")
    }

    /// Cytogenetic shorthand for a gene-level loss: del(17p) removes TP53 (17p13.1), the marker
    /// of NCCN CLL/SLL 2025 treatment choice, which evidence files as TP53 deletion.
    static let cytogeneticLosses: [String: String] = [
        "del(17p)": "TP53 deletion", "del 17p": "TP53 deletion", "del17p": "TP53 deletion", "17p deletion": "TP53 deletion",
        "17p del": "TP53 deletion", "deletion 17p": "TP53 deletion", "deletion of 17p": "TP53 deletion", "17p-": "TP53 deletion",
        "17p loss": "TP53 deletion", "loss of 17p": "TP53 deletion", "17p13 deletion": "TP53 deletion",
    ]

    /// Cytogenetic findings that define a diagnosis rather than a treatment ("1p/19q codeletion" makes
    /// an IDH-mutant glioma an oligodendroglioma, WHO CNS5 2021), keyed without spaces.
    static let cytogeneticMarkers: [String: String] = {
        var table: [String: String] = [:]
        for form in [
            "1p/19qcodeletion", "1p/19qco-deletion", "1p/19qcodeleted", "1p/19q-codeleted", "1p19qcodeletion", "1p19qcodeleted",
            "codeleted1p/19q", "1p/19qdeletion", "1p/19qloss", "1p/19qcodel", "1p19qcodel",
        ] {
            table[form] = "the 1p/19q codeletion of oligodendroglioma"
        }
        for form in [
            "1p/19qintact", "1p19qintact", "1p/19qnon-codeleted", "1p/19qnoncodeleted", "1p/19qnotcodeleted", "non-codeleted1p/19q",
            "1p/19qretained", "no1p/19qcodeletion", "1p/19qcodeletionnegative", "1p/19qnegative", "1p/19qnocodeletion",
        ] {
            table[form] = "no 1p/19q codeletion (an astrocytoma, not an oligodendroglioma)"
        }
        // Risk markers of myeloma and myeloid neoplasms (IMWG; ELN 2022 AML): read, keyed to no evidence.
        for form in [
            "gain(1q)", "1qgain", "gain1q", "+1q", "amp(1q)", "1q21gain", "1q21+", "1qamplification", "1q21amplification", "amp1q",
            "1qamp", "1q+",
        ] {
            table[form] = "a 1q gain, a myeloma risk marker"
        }
        for form in ["complexkaryotype", "complexcytogenetics", "ck"] { table[form] = "a complex karyotype, an adverse-risk marker" }
        // Further karyotype findings that carry risk, not a target (IMWG; ELN 2022; WHO-HAEM5 2022), read with
        // or without a result word.
        for (forms, what) in [
            (["del(13q)", "del13q", "13qdeletion", "monosomy13", "-13"], "a 13q deletion, a risk marker"),
            // 11q loss is also the adverse 11q aberration of neuroblastoma (COG risk classification).
            (["del(11q)", "del11q", "11qdeletion", "11qloss", "lossof11q", "11qdel", "11qaberration"], "an 11q (ATM) deletion, a risk marker"),
            (["t(14;16)", "t(14;20)"], "an IGH::MAF-type translocation, a myeloma risk marker"),
            (["t(11;18)"], "the BIRC3::MALT1 translocation of MALT lymphoma"),
            (
                ["normalkaryotype", "nk", "46,xy", "46,xx", "karyotype46,xy", "karyotype46,xx", "karyotype:46,xy", "karyotype:46,xx"],
                "a normal karyotype"
            ),
            (["double-hit", "doublehit", "triple-hit", "triplehit"], "a double-hit (MYC with BCL2 or BCL6) status"),
            (["gain1q21", "1q21gain", "gain(1q21)", "amp1q21"], "a 1q gain, a myeloma risk marker"),
        ] {
            for form in forms {
                for result in ["", "positive", "+", "present", "negative", "-", "absent", "notdetected"] {
                    table[form + result] = what
                }
            }
        }
        // Ring sideroblasts define MDS-RS (WHO-HAEM5 2022); the labels that use them (luspatercept) are
        // keyed to SF3B1 or the disease, so the finding itself is read and matched on nothing.
        for form in ["ringsideroblasts", "rs", "ringsideroblasts≥15%", "ringsideroblasts>15%"] {
            for result in ["", "positive", "+", "present", "negative", "-", "absent", "notseen"] {
                table[form + result] = "a morphological finding (ring sideroblasts)"
            }
        }
        return table
    }()

    /// Clinician shorthand for an alteration with no gene in it, or a gene alias only reports use,
    /// each with why it is read so.
    static let clinicalShorthand: [String: (String, String)] = {
        var table: [String: (String, String)] = [:]
        func add(_ forms: [String], _ reading: String, _ why: String) { for form in forms { table[form] = (reading, why) } }
        // Krönke J et al., Nature 2015: lenalidomide acts in del(5q) MDS through CSNK1A1 (5q32) haploinsufficiency.
        add(
            [
                "del(5q)", "del 5q", "del5q", "5q deletion", "5q-", "5q minus", "isolated del(5q)", "del(5q) isolated", "deletion 5q",
                "deletion of 5q",
            ],
            "CSNK1A1 deletion",
            "CSNK1A1 lies at 5q32"
        )
        // Recurrent translocations written alone ("t(11;14)"): the fusion each makes (FusionDrivers.translocations).
        for (name, genes) in FusionDrivers.translocations {
            add([name.lowercased()], "\(genes.0)::\(genes.1) fusion", "the fusion \(name) makes")
        }
        add(["philadelphia chromosome", "ph", "ph chromosome", "ph+", "ph-positive", "ph positive"], "BCR::ABL1 fusion", "the fusion t(9;22) makes")
        add(["npm1c", "npm1c+", "npmc+", "npm1 type a"], "NPM1 mutation", "cytoplasmic NPM1, the exon 12 frameshift")
        // 11q23 is the KMT2A (MLL) locus: "11q23 rearrangement" is the karyotype's name for a KMT2A rearrangement (WHO-HAEM5 2022).
        add(
            ["11q23 rearrangement", "11q23 rearranged", "11q23-rearranged", "11q23 translocation", "11q23 abnormality", "11q23/kmt2a rearrangement"],
            "KMT2A rearrangement",
            "11q23 is the KMT2A locus"
        )
        // 9p24.1 holds CD274 (PD-L1), PDCD1LG2 (PD-L2) and JAK2; its gain or amplification is what
        // PD-1 blockade targets in classic Hodgkin and primary mediastinal B-cell lymphoma (WHO-HAEM5 2022;
        // NCCN B-Cell Lymphomas 2025). Evidence keys it to CD274 (PD-L1) amplification.
        add(
            [
                "9p24.1 amplification", "9p24.1 gain", "9p24.1 copy gain", "9p24 amplification", "9p24 gain", "amplification of 9p24.1",
                "9p24.1 amplified", "9p24.1 alteration",
            ],
            "CD274 amplification",
            "9p24.1 is the CD274 (PD-L1) locus"
        )
        add(
            ["ini1 loss", "loss of ini1", "ini1-deficient", "ini1 deficient", "ini1-deleted", "smarcb1-deficient", "smarcb1 loss"],
            "SMARCB1 deletion",
            "INI1 is SMARCB1"
        )
        return table
    }()

    /// "p190", "(p210)", "e13a2", "b3a2", "e1a2": a BCR::ABL1 transcript named by its protein size or
    /// its BCR exon–ABL1 exon junction.
    static func isBCRABL1Transcript(_ word: String) -> Bool {
        let bare = word.lowercased().trimmingCharacters(in: "()")
        if ["p190", "p210", "p230"].contains(bare) { return true }
        guard let first = bare.first, first == "e" || first == "b", let a = bare.firstIndex(of: "a") else { return false }
        let bcr = bare[bare.index(after: bare.startIndex)..<a]
        let abl = bare[bare.index(after: a)...]
        return !bcr.isEmpty && !abl.isEmpty && bcr.allSatisfy(\.isNumber) && abl.allSatisfy(\.isNumber)
    }

    /// The exon whose frameshifts a gene's mutation "types" name.
    static let typedFrameshiftExon: [String: String] = ["NPM1": "12", "CALR": "9"]

    /// "jak2v617f" → ("JAK2", "V617F"): the symbol before a one-letter protein change at the end.
    static func gluedAllele(_ word: String) -> (String, String)? {
        let characters = Array(word)
        guard characters.count >= 5, let last = characters.last, last.isLetter || last == "*" else { return nil }
        var start = characters.count - 1
        while start > 0, characters[start - 1].isNumber { start -= 1 }
        // start is the first digit of the position; one letter before it is the reference residue.
        guard start < characters.count - 1, start >= 3, characters[start - 1].isLetter else { return nil }
        let symbol = String(characters[..<(start - 1)]).uppercased()
        let change = String(characters[start - 1]).uppercased() + String(characters[start..<(characters.count - 1)]) + String(last).uppercased()
        return isProteinChange(change) ? (symbol, change) : nil
    }

    /// "t(11;14)(q13;q32)" → "t(11;14)": a translocation or inversion with its breakpoints written after it.
    static func withoutBreakpoints(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("t(") || lowered.hasPrefix("inv("), let close = text.firstIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...]
        guard rest.hasPrefix("("), rest.hasSuffix(")"), rest.count > 2 else { return nil }
        return String(text[...close])
    }

    /// "D842V", "p.D842V", "V654A": a one-letter protein change.
    static func isProteinChange(_ word: String) -> Bool {
        let bare = word.hasPrefix("p.") ? Substring(word.dropFirst(2)) : Substring(word)
        guard bare.count >= 3, let first = bare.first, let last = bare.last, first.isUppercase, first.isLetter, last.isLetter else { return false }
        return bare.dropFirst().dropLast().allSatisfy(\.isNumber)
    }

    /// Clinic shorthand for a result and the words it stands for.
    static let resultShorthand: [(String, String)] = [
        ("not amp", "not amplified"), ("neg", "negative"), ("pos", "positive"), ("mut", "mutation"), ("wt", "wild-type"),
        ("amp", "amplification"),
        ("rearr", "rearranged"),
    ]

    /// Each shorthand word where it stands for its result, and the words. Not "mut/Mb", the unit of a tumour
    /// mutational burden.
    private static let resultShorthandPatterns: [(CompiledPattern, String)] = resultShorthand.map { short, long in
        (CompiledPattern(#"(?<=[\s/-])"# + short + #"(?=$|[\s,;)]|/(?!mb\b))"#, caseInsensitive: true), long)
    }

    /// The text with ``resultShorthand`` written out, and a note for each word. Never the first word,
    /// where "MUT" could be a gene symbol.
    static func expandingResultShorthand(_ original: String, notes: inout [String]) -> String {
        var text = original
        for (pattern, long) in resultShorthandPatterns {
            while let range = pattern.firstRange(in: text) {
                notes.append("read '\(text[range])' as '\(long)'")
                text.replaceSubrange(range, with: long)
            }
        }
        return text
    }

    /// Rewrites shorthand reports use into the words the parser reads, noting each change:
    /// "METex14" → "MET exon 14 skipping", "NRG1 gene fusion" → "NRG1 fusion",
    /// "CLDN18.2 positive" → "CLDN18 positive", "del(17p)" → "TP53 deletion".
    /// A RefSeq transcript with its colon before a coding or protein change: "NM_004333.4:", "NM_005228:".
    static let refSeqTranscript = CompiledPattern(#"\bN[MP]_\d+(?:\.\d+)?:(?=[cp]\.)"#, caseInsensitive: false)

    func shorthand(_ original: String, notes: inout [String]) -> String {
        var text = original
        // Clinic shorthand for a result after what was tested ("FLT3 neg", "FLT3-ITD pos", "BRAF V600E mut",
        // "TP53 wt", "MET amp", "HER2-neg"): the words written out.
        text = Self.expandingResultShorthand(text, notes: &notes)
        // "BRAF NM_004333.4:c.1799T>A": the RefSeq transcript a molecular report names before the change (HGVS) is
        // detail; the change is read on the gene's reference transcript.
        if let range = Self.refSeqTranscript.firstRange(in: text) {
            notes.append("transcript '\(text[range].dropLast())' read as detail")
            text.replaceSubrange(range, with: "")
        }
        // "biallelic TNFRSF17 (BCMA) deletion", "homozygous CDKN2A deletion": the zygosity before the gene is
        // detail of the change after it.
        for zygosity in ["biallelic ", "bi-allelic ", "monoallelic ", "homozygous ", "heterozygous ", "hemizygous "]
        where text.lowercased().hasPrefix(zygosity) && text.count > zygosity.count {
            let rest = String(text.dropFirst(zygosity.count))
            if geneMentions(in: rest).contains(where: { $0.range.lowerBound == 0 }) {
                notes.append("'\(zygosity.trimmingCharacters(in: .whitespaces))' read as detail")
                text = rest
            }
            break
        }
        // "CDKN2A/B homozygous deletion": the sister gene written by its last letter, then the zygosity or
        // extent before the change, which is detail of it ("NF1 whole-gene deletion").
        if let range = Self.sisterGeneSuffix.firstRange(in: text) {
            let written = String(text[range])
            let stem = written.prefix { $0 != "/" }
            let sister = stem.dropLast() + written.suffix(1)
            if gene(symbol: String(sister).uppercased()) != nil {
                notes.append("'\(written)' read as \(stem) and \(sister)")
                text.replaceSubrange(range, with: "\(stem)/\(sister)")
            }
        }
        if let range = Self.extentBeforeChange.firstRange(in: text), range.lowerBound > text.startIndex {
            notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' read as detail")
            text.replaceSubrange(range, with: " ")
        }
        // "TET2 x2": two mutations of the gene, which evidence keys as a mutation of it.
        if let range = Self.mutationCount.firstRange(ofGroup: 1, in: text), self.gene(symbol: text[range].uppercased()) != nil {
            let gene = String(text[range])
            notes.append("'\(text)' read as \(gene) mutation (more than one)")
            text = "\(gene) mutation"
        }
        // "PD-L1 9p24.1 amplification": the cytoband of a copy-number change is where the gene lies, detail of it.
        if let range = Self.cytobandBeforeCopyChange.firstRange(in: text) {
            notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' read as detail")
            text.replaceSubrange(range, with: " ")
        }
        // "CLDN18.2: 80% of tumour cells 2+/3+ membranous", "FRα IHC: 85% of tumour cells >= 2+": a marker's
        // staining written as a label and its result is the share of stained cells (read below as expression).
        if let markerRange = Self.labelledStaining.firstRange(ofGroup: 1, in: text),
            let shareRange = Self.labelledStaining.firstRange(ofGroup: 2, in: text)
        {
            let written = String(text[markerRange])
            let marker = written.lowercased().hasPrefix("claudin") ? "CLDN18" : written
            let share = String(text[shareRange])
            notes.append("'\(text)' read as '\(marker) \(share)%'")
            text = "\(marker) \(share)%"
        }
        // "NPM1 mutation type A": the type names the four-base insertion; the mutation is what rows are for.
        if let range = Self.npm1Type.firstRange(in: text) {
            notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' is the NPM1 insertion type: read as detail")
            text.removeSubrange(range)
        }
        // "CD19 negative relapse (flow)", "CD33 positive at relapse": when the result was found is detail.
        if let range = Self.relapseAfterResult.firstRange(in: text) {
            notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' read as detail")
            text.removeSubrange(range)
        }
        // "CD30 partial", "CD20 dim", "CD117 focal": expression in part of the cells, or weak, is a positive result.
        let qualifierWords = text.split(separator: " ")
        if qualifierWords.count == 2, let symbol = qualifierWords.first.map(String.init),
            ["partial", "focal", "dim", "heterogeneous", "patchy"].contains(qualifierWords[1].lowercased()),
            symbol.uppercased().hasPrefix("CD") || Self.expressionMarkers.contains(gene(symbol: symbol.uppercased())?.symbol ?? symbol)
        {
            notes.append("'\(qualifierWords[1])' read as a positive result in part of the cells")
            text = "\(symbol) positive"
        }
        // "BTK C481S + PLCG2 R665W": two findings joined by a plus are a list, as with a comma; read whole, the
        // plus made a PLCG2::BTK fusion and lost the BTK resistance mutation.
        var searchFrom = text.startIndex
        while let plus = text.range(of: " + ", range: searchFrom..<text.endIndex) {
            let rest = String(text[plus.upperBound...])
            if plus.lowerBound > text.startIndex, geneMentions(in: rest).contains(where: { $0.range.lowerBound == 0 }) {
                notes.append("'+' between two findings read as a list")
                text.replaceSubrange(plus, with: ", ")
                searchFrom = text.startIndex
            } else {
                searchFrom = plus.upperBound
            }
        }
        // "FLT3-TKD D835Y", "FLT3 TKD D835Y": the domain named before the change it holds.
        if let range = Self.domainBeforeChange.firstRange(in: text) {
            let gene = String(text[range].prefix { $0.isLetter || $0.isNumber })
            notes.append("'\(text[range])' names the domain of the change: read as \(gene)")
            text.replaceSubrange(range, with: gene)
        }
        // "ERBB2 exon 20 ins A775_G776insYVMA", "EGFR exon 19 del E746_A750del": the exon and kind before the
        // change that names both.
        if let range = Self.exonBeforeChange.firstRange(in: text) {
            notes.append("'\(text[range].trimmingCharacters(in: .whitespaces))' is said again by the change after it")
            text.replaceSubrange(range, with: "")
        }
        // "gBRCA2 c.8878C>T (p.Gln2960Ter), pathogenic", "BRCA1 c.68_69del likely pathogenic": the variant's
        // classification is detail (a benign variant is not typed as a patient's alteration).
        if let range = Self.pathogenicClass.firstRange(in: text),
            range.lowerBound > text.startIndex
        {
            notes.append("'\(text[range].trimmingCharacters(in: CharacterSet(charactersIn: " ,")))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "tp53 c.743G>A p.(Arg248Gln), VAF 41%": the variant allele fraction after a comma is detail.
        // "KIT D816V (ddPCR VAF 12%)": the method before it in the same brackets goes with it.
        if let range = Self.trailingVAF.firstRange(in: text),
            range.lowerBound > text.startIndex
        {
            notes.append("'\(String(text[range]).trimmingCharacters(in: .whitespaces))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "BCR::ABL1 negative by RT-PCR and FISH", "EGFR L858R on ctDNA": the method after the result is
        // detail; left on, it hid the negative word before it and the fusion was read as present. IHC is
        // left to the marker readers ("MLH1 loss on IHC"), and text after a comma to the detail readers.
        if let range = Self.trailingMethod.firstRange(in: text), range.lowerBound > text.startIndex,
            !text[..<range.lowerBound].contains(",")
        {
            notes.append("'\(String(text[range]).trimmingCharacters(in: .whitespaces))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "tp53 c.743G>A": a gene symbol typed in lower case before a cDNA or protein change.
        if let space = text.firstIndex(of: " "), case let head = String(text[..<space]), head == head.lowercased(),
            gene(symbol: head) == nil, gene(symbol: head.uppercased()) != nil
        {
            notes.append("read '\(head)' as \(head.uppercased())")
            text = head.uppercased() + text[space...]
        }
        // "DPYD c.1905+1G>A homozygous", "CHEK2 c.1100delC heterozygous": the zygosity after a variant is detail.
        for ending in [" homozygous", " heterozygous", " hemizygous"]
        where text.lowercased().hasSuffix(ending) && !text.dropLast(ending.count).hasSuffix(",") {
            notes.append("'\(ending.trimmingCharacters(in: .whitespaces))' read as detail (zygosity)")
            text = String(text.dropLast(ending.count))
            break
        }
        // "PBRM1 truncating", "BRCA2 truncating mutation": a truncating change is a mutation of the gene; rows
        // key loss-of-function changes as mutations.
        for ending in [" truncating mutation", " truncating variant", " truncating"] where text.lowercased().hasSuffix(ending) {
            text = String(text.dropLast(ending.count)) + " mutation"
            notes.append("a truncating change read as a mutation of the gene")
            break
        }
        // "ASXL1 frameshift", "TET2, two frameshift mutations", "NF1 nonsense mutation", "ATM splice-site variant":
        // words for the type of a loss-of-function change name no residue; rows key such changes as a
        // mutation of the gene, as they do truncating ones.
        if let match = Self.lossOfFunctionType.firstRange(in: text), match.lowerBound == text.startIndex {
            let head = String(text.prefix { $0 != " " && $0 != "," && $0 != ":" })
            if let symbol = [head, head.uppercased()].first(where: { gene(symbol: $0) != nil }) {
                notes.append("'\(text)' names the type of a loss-of-function change: read as a mutation of \(symbol)")
                text = "\(symbol) mutation"
            }
        }
        // "FRα 80% of cells PS2+": a staining intensity (PS2+, the mirvetuximab label's FOLR1 scoring) is detail,
        // never the gene PS2 (PSEN2) names.
        if let range = Self.stainingIntensity.firstRange(in: text) {
            notes.append("the staining intensity '\(String(text[range]).trimmingCharacters(in: " "))' read as detail")
            text.removeSubrange(range)
        }
        // "PD-L1 (9p24.1) amplification": the cytoband in brackets says where the gene lies.
        // Only between a gene and its change: "gain(1q)" and "del(5q)" name the arm itself.
        if let range = Self.bracketedCytoband.firstRange(in: text) {
            notes.append("the cytoband '\(String(text[range]).trimmingCharacters(in: .whitespaces))' read as detail")
            text.removeSubrange(range)
        }
        // "CD34 diffusely positive", "TFE3 IHC nuclear positive": the staining pattern is detail of a positive result.
        for qualifier in ["diffusely", "strongly", "weakly", "membranous", "nuclear", "cytoplasmic", "partially", "focally", "heterogeneously"] {
            if let range = text.range(of: " \(qualifier) positive", options: .caseInsensitive) {
                text.replaceSubrange(range, with: " positive")
                notes.append("'\(qualifier)' read as detail of a positive result")
            }
        }
        // "CD30 and CD15 positive Reed-Sternberg cells": which cells stain, after the result, is detail.
        // "CD25 positive mast cells 40% of marrow": and how many of them, after the cells.
        if let range = Self.stainedCells.firstRange(in: text) {
            notes.append("'\(String(text[range]).trimmingCharacters(in: " "))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "CD20 positive on LP cells": which cells stain is detail.
        if let range = Self.onCells.firstRange(in: text) {
            notes.append("'\(String(text[range]).trimmingCharacters(in: .whitespaces))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "del(17p) in 45% of plasma cells", "CD30 positive in >75% of cells": the fraction is detail.
        if let range = Self.shareOfCells.firstRange(in: text) {
            notes.append("'\(String(text[range]).trimmingCharacters(in: .whitespaces))' read as detail")
            text = String(text[..<range.lowerBound])
        }
        // "del(11q) by FISH", "CD30 positive by flow": the assay is detail (not IHC, where "loss by IHC" is the result).
        if let range = Self.trailingAssay.firstRange(in: text) {
            text = String(text[..<range.lowerBound])
        }
        // "KIF5B(15)::RET(12)": exon numbers after each partner of a fusion.
        if text.contains("::") || text.contains("-"),
            let cleaned = Optional(
                Self.partnerExon.replacingMatches(in: text, with: "")
            ),
            cleaned != text
        {
            notes.append("exon numbers in '\(text)' read as detail")
            text = cleaned
        }
        // "MET c.3082+1G>T (exon 14 splice donor)": a splice-site change at exon 14 of MET is read by its
        // effect, exon 14 skipping, which is what labels are written for (FDA label: Tabrecta (capmatinib), 2020).
        let metText = text.lowercased()
        // Not when the result is negative ("MET exon 14 skipping not detected"): that was read as present.
        let deniesMET = Self.negativeEndings.contains { metText.hasSuffix($0) } || metText.contains(" not ") || metText.hasSuffix(" not found")
        if metText.hasPrefix("met "), metText.contains("exon 14") || metText.contains("ex14"),
            metText.contains("splice") || metText.contains("skip"), !deniesMET
        {
            notes.append("'\(text)' read as MET exon 14 skipping")
            return "MET exon 14 skipping"
        }
        // "TERT promoter mutation": where in the gene, not a different kind of change.
        if let range = text.range(of: " promoter mutation", options: .caseInsensitive), text.hasSuffix(String(text[range])) {
            text.replaceSubrange(range, with: " mutation")
            notes.append("a promoter mutation read as a mutation of the gene")
        }
        // "TERT promoter C228T", "TERT promoter c.-124C>T": a promoter hotspot is named by its genomic
        // position, not a protein change; it is a mutation of the gene's promoter, read as above.
        let promoterWords = text.split(separator: " ")
        if promoterWords.count == 3, promoterWords[1].lowercased() == "promoter",
            Self.promoterHotspot.matches(String(promoterWords[2]))
        {
            notes.append("'\(text)' is a promoter hotspot, read as a promoter mutation of the gene")
            text = "\(promoterWords[0]) mutation"
        }
        // "ABL1 kinase domain mutation V299L", "BCR-ABL1 KD mutation T315I": the domain words name where the change is.
        for words in [" kinase domain mutation ", " kinase-domain mutation ", " kd mutation ", " kinase domain "] {
            if let range = text.range(of: words, options: .caseInsensitive) {
                text.replaceSubrange(range, with: " ")
            }
        }
        // "TP53 missense mutation", "CEBPA bZIP in-frame mutation", "CEBPA biallelic mutation": words that say what kind
        // of mutation it is, with no change named; read as a mutation of the gene, the kind kept in a note.
        var kinds: [String] = []
        var stripped = true
        while stripped {
            stripped = false
            for kind in Self.mutationKindWords {
                guard let range = text.range(of: " \(kind) mutation", options: .caseInsensitive) else { continue }
                kinds.insert(String(text[range].dropFirst().dropLast(" mutation".count)), at: 0)
                text.replaceSubrange(range, with: " mutation")
                stripped = true
            }
        }
        if !kinds.isEmpty { notes.append("'\(kinds.joined(separator: " "))' read as the kind of a mutation of the gene") }
        // "PD-L1 22C3 CPS 15", "PD-L1 (SP263) TPS 60%": the antibody clone of the assay.
        for clone in ["22C3", "SP263", "SP142", "28-8", "73-10", "(22C3)", "(SP263)", "(SP142)", "(28-8)"] {
            if let range = text.range(of: " " + clone + " ") { text.replaceSubrange(range, with: " ") }
        }
        // Karyotype findings with their clone size or copy count after them ("del(17p) 60%", "gain(1q), 4 copies",
        // "del(13q) as sole abnormality"), or an isochromosome written out ("isochromosome 12p"): the size is
        // detail, and the finding is read as written without it (del(17p) is TP53 loss whatever the clone).
        if let isochromosome = Self.isochromosomeWords.firstRange(in: text) {
            let arm = text[isochromosome].lowercased().filter { $0.isNumber || $0 == "p" || $0 == "q" }
            notes.append("'\(text)' read as i(\(arm))")
            text = "i(\(arm))"
        }
        if Self.cytogeneticFinding.matches(text) {
            for detail in Self.cytogeneticDetails {
                if let range = detail.firstRange(in: text), range.lowerBound > text.startIndex {
                    notes.append("'\(String(text[range]).trimmingCharacters(in: " ,"))' read as detail")
                    text = String(text[..<range.lowerBound])
                }
            }
        }
        if let loss = Self.cytogeneticLosses[text.lowercased()] {
            notes.append("'\(text)' read as \(loss) (TP53 lies at 17p13.1)")
            return loss
        }
        // "9p24.1 (PD-L1/PD-L2) amplification": the genes of a cytoband in brackets after it say what lies there.
        if let range = Self.cytobandWithGenes.firstRange(in: text),
            let open = text[range].firstIndex(of: "(")
        {
            let band = String(text[..<open]).trimmingCharacters(in: " ")
            let unbracketed = "\(band) \(text[range.upperBound...])"
            if Self.clinicalShorthand[unbracketed.lowercased()] != nil {
                notes.append("the genes in brackets after \(band) read as detail")
                text = unbracketed
            }
        }
        if let (reading, why) = Self.clinicalShorthand[text.lowercased()] {
            notes.append("'\(text)' read as \(reading) (\(why))")
            return reading
        }
        // "FGFR3-IGH t(4;14)", "CCND1-IGH fusion, t(11;14)(q13;q32)": a gene written with an immunoglobulin locus
        // and the translocation. The locus drives the gene's expression, and makes no fusion protein of it: the
        // translocation is the finding (t(4;14) deregulates NSD2 and FGFR3 in myeloma, IMWG), read as written alone.
        if let match = Self.genesWithTranslocation.firstRange(in: text), match.lowerBound == text.startIndex,
            let named = Self.translocation.firstRange(in: text)
        {
            let genes = text[..<named.lowerBound].split(whereSeparator: { " -:–,".contains($0) }).map { $0.uppercased() }.filter { $0 != "FUSION" }
            let karyotype = String(text[named]).lowercased()
            if genes.contains(where: { FusionDrivers.immunoglobulinLoci.contains($0) }), let (reading, why) = Self.clinicalShorthand[karyotype] {
                notes.append(
                    "'\(text)' read as \(karyotype): \(reading) (\(why)); an immunoglobulin locus deregulates its partner, it makes no fusion kinase"
                )
                return reading
            }
        }
        // "EGFRvIII", "EGFR vIII", "EGFR variant III": the exon 2-7 deletion of glioblastoma, an EGFR variant of its own.
        if let range = Self.egfrVariantIII.firstRange(in: text) {
            let rest = text[range.upperBound...]
            notes.append("'\(text[range])' read as EGFR vIII (exon 2-7 deletion)")
            text = "EGFR vIII" + rest
        }
        // "t(11;14)(q13;q32)", "inv(16)(p13.1q22)": a recurrent rearrangement with its breakpoints.
        if let karyotype = Self.withoutBreakpoints(text), let (reading, why) = Self.clinicalShorthand[karyotype.lowercased()] {
            notes.append("'\(text)' read as \(reading) (\(why))")
            return reading
        }
        // "claudin 18.2 positive", "claudin-18.2": the protein's name for CLDN18 (isoform 2).
        if text.lowercased().hasPrefix("claudin"), let digit = text.dropFirst(7).first(where: { !" -".contains($0) }), digit.isNumber {
            let rest = text.dropFirst(7).drop { " -".contains($0) }
            notes.append("'claudin' read as CLDN")
            text = "CLDN" + rest
        }
        // "KRAS G12C (c.34G>T)": the cDNA change in brackets repeats the protein change before it.
        if let open = text.firstIndex(of: "("), text.hasSuffix(")"), open > text.startIndex,
            text[text.index(after: open)...].lowercased().hasPrefix("c.")
        {
            let head = String(text[..<open]).trimmingCharacters(in: " ")
            if let last = head.split(separator: " ").last, Self.isProteinChange(String(last)) {
                notes.append("the bracketed '\(text[open...])' repeats \(last); read '\(head)'")
                text = head
            }
        }
        var words = text.split(separator: " ").map(String.init)
        // "PSMA PET positive": the imaging test names how the marker was seen, not what it is.
        if words.count >= 3 {
            let kept = words.enumerated().filter { $0.offset == 0 || !["pet", "pet/ct", "pet-ct", "scan"].contains($0.element.lowercased()) }
            if kept.count < words.count {
                notes.append("'\(text)' read without its imaging test")
                words = kept.map(\.element)
            }
        }
        // "BCR::ABL1 p210", "BCR-ABL1 (p190)", "BCR::ABL1 e13a2": the transcript's protein size or
        // exon junction (e13a2/b2a2, e14a2/b3a2 make p210; e1a2 makes p190), not an ABL1 residue.
        if words.count == 2, words[0].uppercased().contains("ABL1"), Self.isBCRABL1Transcript(words[1]) {
            notes.append("'\(words[1])' read as the BCR::ABL1 transcript, not a protein change")
            words.removeLast()
        }
        // "NPM1 type A mutation", "CALR type 1": the common insertion or deletion types of genes whose
        // driver mutations are all frameshifts of one exon (NPM1 exon 12; CALR exon 9, type 1 the
        // 52-bp deletion, type 2 the 5-bp insertion).
        if words.count >= 3, words[1].lowercased() == "type", words.count == 3 || words[3...].map({ $0.lowercased() }) == ["mutation"],
            let exon = Self.typedFrameshiftExon[words[0].uppercased()], words[2].count <= 2
        {
            let reading = "\(words[0].uppercased()) exon \(exon) mutation"
            notes.append("'\(text)' read as \(reading)")
            return reading
        }
        // "jak2v617f", "BRAFV600E": a gene symbol glued to its protein change.
        if words.count == 1, gene(symbol: text) == nil, gene(symbol: text.uppercased()) == nil, let (symbol, change) = Self.gluedAllele(text),
            gene(symbol: symbol) != nil
        {
            notes.append("read '\(text)' as '\(symbol) \(change)'")
            return "\(symbol) \(change)"
        }
        guard let first = words.first else { return text }
        func isGene(_ word: String) -> Bool { gene(symbol: word) != nil || gene(symbol: word.uppercased()) != nil }
        func symbol(_ word: String) -> String { gene(symbol: word) != nil ? word : word.uppercased() }
        // "NRG1 gene fusion", "ALK gene rearrangement": "gene" adds nothing.
        if words.count >= 3, words[1].lowercased() == "gene", isGene(first) { words.remove(at: 1) }
        // "CLDN18.2", "CLDN18.2-positive": a protein isoform written on the gene symbol.
        let isoform = first.prefix { $0 != "-" }
        if let dot = isoform.lastIndex(of: "."), !isGene(String(isoform)), isoform[isoform.index(after: dot)...].allSatisfy(\.isNumber),
            isGene(String(isoform[..<dot]))
        {
            words[0] = symbol(String(isoform[..<dot])) + first.dropFirst(isoform.count)
            notes.append("'\(isoform)' read as \(symbol(String(isoform[..<dot]))) (isoform \(isoform[isoform.index(after: dot)...]))")
        }
        // "METex14", "MET ex14", "MET exon14": exon shorthand.
        var exon: String?
        let lowered = words[0].lowercased()
        if let range = lowered.range(of: "ex", options: .backwards), range.lowerBound > lowered.startIndex,
            !lowered[range.upperBound...].isEmpty, lowered[range.upperBound...].allSatisfy(\.isNumber),
            isGene(String(words[0][..<range.lowerBound]))
        {
            exon = String(lowered[range.upperBound...])
            words[0] = symbol(String(words[0][..<range.lowerBound]))
            words.insert(contentsOf: ["exon", exon!], at: 1)
        } else if words.count >= 3, isGene(words[0]), ["exon", "ex"].contains(words[1].lowercased()), words[2].allSatisfy(\.isNumber) {
            // "CALR exon 9 frameshift", "PDGFRA exon 18 D842V": the exon written apart.
            exon = words[2]
            words[1] = "exon"
        } else if words.count >= 2, isGene(words[0]) {
            let second = words[1].lowercased()
            for prefix in ["exon", "ex"] where second.hasPrefix(prefix) && second.count > prefix.count {
                let digits = second.dropFirst(prefix.count)
                if digits.allSatisfy(\.isNumber) {
                    exon = String(digits)
                    words.replaceSubrange(1...1, with: ["exon", String(digits)])
                    break
                }
            }
        }
        // "PDGFRA exon 18 D842V (mutation)": the allele says all the exon does.
        if exon != nil, words.count >= 4, Self.isProteinChange(words[3]), words.count == 4 || words[4...].map({ $0.lowercased() }) == ["mutation"] {
            words = [words[0], words[3]]
        }
        // "CALR exon 9 frameshift", "KIT exon 11 indel": a mutation of the exon.
        if exon != nil, words.count == 4, ["frameshift", "indel", "variant", "mutated", "mutant"].contains(words[3].lowercased()) {
            words[3] = "mutation"
        }
        // MET exon 14 alone is always the skipping alteration (capmatinib and tepotinib labels).
        if exon == "14", symbol(words[0]) == "MET", words.count == 3 { words.append("skipping") }
        let rewritten = words.joined(separator: " ")
        if exon != nil { notes.append("read '\(text)' as '\(rewritten)'") }
        return rewritten
    }

    /// A negative finding. A whole gene found wild-type ("KRAS wild-type", "RAS wild-type") is a
    /// key of its own, since labels are written for it (cetuximab and panitumumab for RAS wild-type
    /// colorectal cancer, FDA labels: Erbitux (cetuximab), 2021; Vectibix (panitumumab), 2014); one
    /// allele not found ("KIT D816V negative") is read and matched on nothing.
    func wildTypeReading(_ text: String) -> (alteration: Alteration?, equivalents: [Alteration], note: String)? {
        let lowered = text.lowercased()
        for family in ["ras", "k/nras", "kras/nras", "all ras", "extended ras"] {
            for ending in [" wild-type", " wild type", " wildtype", " wt", "-wt", " negative", " not mutated", " unmutated"]
            where lowered == family + ending {
                return (
                    Alteration(gene: "KRAS", variant: "wild-type", kind: .expression),
                    [Alteration(gene: "NRAS", variant: "wild-type", kind: .expression)],
                    "'\(text)' read as KRAS and NRAS wild-type"
                )
            }
        }
        guard let gene = wildTypeGene(text) else { return nil }
        // The gene alone, before its negative word: not an allele ("KIT D816V") or an HLA type.
        let head = text.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) ?? ""
        // The head may be an antigen or protein name of the gene ("CD20 negative" is MS4A1, "FRalpha" FOLR1).
        let headNamesGene =
            head.uppercased() == gene
            || geneMentions(in: head).contains { $0.symbol == gene && $0.range == 0..<head.utf8.count }
        let wholeGene = headNamesGene && Self.negativeEndings.contains { lowered == head.lowercased() + $0 }
        if wholeGene {
            // A protein marker read by immunohistochemistry is "negative", a gene is "wild-type".
            if Self.expressionMarkers.contains(gene), lowered.hasSuffix("negative") {
                return (Alteration(gene: gene, variant: "negative", kind: .expression), [], "'\(text)' read as \(gene) not expressed")
            }
            return (Alteration(gene: gene, variant: "wild-type", kind: .expression), [], "'\(text)' read as \(gene) wild-type")
        }
        // "MYD88 L265P not detected", "KIT D816V negative": the named allele was looked for and not found. An
        // explicit negative key, met only by rows that name it ("unless MYD88 L265P negative"); it never
        // stands for the gene being wild-type.
        let allele = String(text.dropLast(Self.negativeEndings.first { lowered.hasSuffix($0) }?.count ?? 0)).trimmingCharacters(in: " ")
        let listed = [" and ", ", ", " or "].contains(where: { allele.contains($0) }) && regionTested(allele) != nil
        if !listed, case .success(let named) = parseCoreAlteration(allele, suggest: false), named.gene == gene,
            [.proteinChange, .internalTandemDuplication, .exon, .dnaChange].contains(named.kind)
        {
            let negative = Alteration(gene: gene, variant: "\(named.variant) negative", kind: .expression)
            return (negative, [], "'\(text)' read as \(negative.label): the allele was not found, which is not \(gene) wild-type")
        }
        return (nil, [], "'\(text)' is a negative \(gene) result; nothing is matched on it")
    }

    /// A finding the text says was looked for and not found, in words the other readers do not
    /// take: "no ABL1 kinase domain mutation", "Ph negative", "del(17p) negative", "SDHB loss by IHC"
    /// (protein not expressed: a key, as "PD-L1 negative" is). Nil when the rest is not readable.
    func negatedReading(_ body: String, suggest: Bool) -> (alteration: Alteration?, notes: [String])? {
        let lowered = body.lowercased()
        // "BCMA loss", "CD19 loss": for an antigen read by immunohistochemistry or flow, loss is absence.
        if lowered.hasSuffix(" loss") || lowered.hasSuffix(" antigen loss"), let mention = geneMentions(in: body).first,
            mention.range.lowerBound == 0, Self.expressionMarkers.contains(mention.symbol)
        {
            return (Alteration(gene: mention.symbol, variant: "negative", kind: .expression), ["'\(body)' read as \(mention.symbol) not expressed"])
        }
        for suffix in [" loss by ihc", " loss on ihc", " loss (ihc)", " ihc loss", " protein loss", " loss of expression"]
        where lowered.hasSuffix(suffix) {
            let head = String(body.dropLast(suffix.count)).trimmingCharacters(in: " ")
            guard !head.contains(" "), let mention = geneMentions(in: head).first else { return nil }
            return (
                Alteration(gene: mention.symbol, variant: "negative", kind: .expression),
                ["'\(body)' read as \(mention.symbol) protein not expressed"]
            )
        }
        var head: String?
        for prefix in ["no ", "negative for ", "absence of ", "without "] where lowered.hasPrefix(prefix) {
            head = String(body.dropFirst(prefix.count))
        }
        for ending in Self.negativeEndings where lowered.hasSuffix(ending) { head = String(body.dropLast(ending.count)) }
        guard let head = head?.trimmingCharacters(in: " "), !head.isEmpty, head.utf8.count < body.utf8.count else { return nil }
        // "NRAS: not detected" is a labelled result, which the labelled reader takes (NRAS wild-type).
        if head.hasSuffix(":") { return nil }
        // "EGFR L858R, T790M negative": the negative is the last change's only; the driver before the comma
        // stays (it was dropped with it).
        if Self.lastChangeAfterComma.matches(head) { return nil }
        let readable: Bool
        if case .success = parsePatientAlteration(head, suggest: false) {
            readable = true
        } else {
            // "ABL1 kinase domain mutation": a gene and the words of a mutation class.
            readable = geneMentions(in: head).contains { $0.range.lowerBound == 0 } && head.lowercased().hasSuffix("mutation")
        }
        guard readable else { return nil }
        return (nil, ["'\(body)' is a negative result; nothing is matched on it"])
    }

    /// Words before "mutation" that say its kind, not which change it is.
    static let mutationKindWords = [
        "missense", "in-frame", "inframe", "bzip", "biallelic", "bi-allelic", "double", "monoallelic", "mono-allelic", "point",
    ]

    static let negativeEndings = [
        " wild-type", " wild type", " wildtype", " wt", "-wt", " negative", "-negative", " not detected", " unmutated", " non-mutated",
        " not amplified", " non-amplified", " not mutated", " absent", " not found", " not identified", " not deleted",
        // "p53 wild-type pattern": the immunohistochemical reading of an unmutated TP53.
        " wild-type pattern", " wild type pattern", " wildtype pattern",
    ]

    /// The gene a negative finding names ("KRAS wild-type", "EGFR WT", "ALK negative",
    /// "BRAF not detected"), or nil when the text is not one.
    func wildTypeGene(_ text: String) -> String? {
        let lowered = text.lowercased()
        for ending in Self.negativeEndings where lowered.hasSuffix(ending) {
            let head = String(text.dropLast(ending.count)).trimmingCharacters(in: " ")
            // "KIT D816V negative", "HLA-A*02:01 negative": a named allele tested and not found
            // (the imatinib label for systemic mastocytosis is written for D816V-negative disease).
            if let allele = Self.hlaAllele(head) { return allele.gene }
            // "BCR::ABL1 negative": a fusion not found.
            if head.contains("::") || head.contains("-"), case .success(let fusion) = parseCoreAlteration(head, suggest: false),
                fusion.kind == .fusion
            {
                return fusion.gene
            }
            // "FLT3-ITD negative": a named event of the gene written with a hyphen, not found.
            if !head.contains(" "), head.contains("-"), case .success(let event) = parseCoreAlteration(head, suggest: false),
                [.internalTandemDuplication, .exon, .proteinChange].contains(event.kind)
            {
                return event.gene
            }
            // "KIT exons 11 and 17 wild-type": several regions tested, none altered; read as one negative result.
            if [" and ", ", ", " or "].contains(where: { head.contains($0) }), let gene = regionTested(head) { return gene }
            // "HER2 not amplified": an alias of the gene.
            if !head.contains(" "), gene(symbol: head) == nil, let mention = geneMentions(in: head).first, mention.range == 0..<head.utf8.count {
                return mention.symbol
            }
            if head.contains(" ") {
                if case .success(let alteration) = parseCoreAlteration(head, suggest: false) { return alteration.gene }
                return regionTested(head)
            }
            if gene(symbol: head) != nil { return head }
            if gene(symbol: head.uppercased()) != nil { return head.uppercased() }
            return nil
        }
        return nil
    }

    /// The gene of "TERT promoter", "KIT exons 9, 11, 13 and 17", "EGFR kinase domain": a gene and the
    /// region of it that was tested, before a negative result. Nil unless the first word names a gene
    /// and every other word is a region word or a number.
    func regionTested(_ head: String) -> String? {
        let typed = head.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let words = typed.map { $0.lowercased() }
        guard let first = typed.first, let symbol = [first, first.uppercased()].first(where: { gene(symbol: $0) != nil }) else { return nil }
        let regionWords: Set<String> = [
            "promoter", "exon", "exons", "and", "or", "&", "hotspot", "hotspots", "kinase", "domain", "kinase-domain", "coding", "region",
            "regions", "sequence", "gene", "codon", "codons", "tkd", "itd", "hotspot-region", "full", "entire",
        ]
        let rest = words.dropFirst()
        guard !rest.isEmpty, rest.allSatisfy({ regionWords.contains($0) || $0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "/" } }) else {
            return nil
        }
        return symbol
    }

    /// The text without a trailing presence word ("positive", "detected", "present"), or nil.
    static func withoutPresenceWord(_ text: String) -> String? {
        let lowered = text.lowercased()
        for word in [" positive", "-positive", " detected", " present", " mutation positive", " expressed", "+"] where lowered.hasSuffix(word) {
            let bare = text.dropLast(word.count).trimmingCharacters(in: .whitespaces)
            // "not detected", "not expressed", "non-detected": a negative, never a presence.
            let before = bare.lowercased()
            if before.hasSuffix(" not") || before.hasSuffix(" non") || before.hasSuffix(" un") || before == "not" { return nil }
            return bare.isEmpty ? nil : bare
        }
        return nil
    }

    // MARK: Origin

    /// The text without its origin qualifier, and the origin.
    static func origin(of text: String, isGene: (String) -> Bool) -> (String, AlterationOrigin) {
        let words: [(String, AlterationOrigin)] = [
            ("germline", .germline), ("germ-line", .germline), ("constitutional", .germline), ("inherited", .germline),
            ("hereditary", .germline), ("somatic", .somatic), ("acquired", .somatic), ("tumor-only", .somatic),
        ]
        var tokens = text.split(separator: " ").map(String.init)
        var origin = AlterationOrigin.unspecified
        var found: Set<AlterationOrigin> = []
        var removed = false
        // A removed word leaves its brackets behind ("KRAS Q61H (ctDNA, acquired)" keeps its closing one).
        tokens = tokens.compactMap { token in
            let bare = token.lowercased().trimmingCharacters(in: "()[],;")
            guard let word = words.first(where: { $0.0 == bare }) else { return token }
            origin = word.1
            found.insert(word.1)
            removed = true
            let brackets = token.filter { "()[]".contains($0) }
            return brackets.isEmpty ? nil : brackets
        }
        // "germline and somatic HRR panel negative": both were tested, so neither origin is said; the
        // joiner left between them goes. "TSC2 c.5024C>T (p.Pro1675Leu), germline": the comma before a
        // removed word goes with it.
        if found.count > 1 { origin = .unspecified }
        if removed {
            while let first = tokens.first, ["and", "or", "&", "/", "+"].contains(first.lowercased()) { tokens.removeFirst() }
            if var last = tokens.popLast() {
                while let end = last.last, ",;".contains(end) { last.removeLast() }
                if !last.isEmpty { tokens.append(last) }
            }
        }
        if tokens.contains(where: { $0.allSatisfy { "()[]".contains($0) } }) {
            var joined = tokens.joined(separator: " ")
            for (from, to) in [(", )", ")"), (" )", ")"), ("( ", "("), (",)", ")"), ("(and ", "("), (" and)", ")"), ("()", "")] {
                joined = joined.replacingOccurrences(of: from, with: to)
            }
            tokens = joined.split(separator: " ").map(String.init)
        }
        // "gBRCA2", "sBRCA1", "gBRCA2-mutated": a one-letter prefix on an approved symbol.
        if origin == .unspecified, let first = tokens.first, let head = first.first, head == "g" || head == "s" {
            let symbolPart = first.dropFirst().prefix { $0 != "-" && $0 != ":" }
            if let capital = symbolPart.first, capital.isUppercase, isGene(String(symbolPart)) {
                tokens[0] = String(first.dropFirst())
                origin = head == "g" ? .germline : .somatic
            }
        }
        return (tokens.joined(separator: " "), origin)
    }

    // MARK: Gene families

    /// The genes a family shorthand names: "BRCA1/2", "BRCA", "BRCAm", "IDH1/2", "NTRK1/2/3".
    func geneFamily(_ text: String) -> [String]? {
        let first = text.split(separator: " ").first.map(String.init) ?? text
        var stem = first.uppercased()
        for suffix in ["-MUTATED", "-MUTANT", "M"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 2 {
            let shorter = String(stem.dropLast(suffix.count))
            if gene(symbol: shorter) == nil { stem = shorter }
        }
        // "BRCA1/2", "NTRK1/2/3": a symbol, then other numbers after slashes.
        let parts = stem.split(separator: "/")
        if parts.count > 1, let head = parts.first, gene(symbol: String(head)) != nil, parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            let base = head.prefix { !$0.isNumber }
            let genes: [String] = [String(head)] + parts.dropFirst().map { String(base) + String($0) }
            return genes.allSatisfy { gene(symbol: $0) != nil } ? genes : nil
        }
        // "BRCA", "BRCAm": a stem with numbered genes and no gene of its own.
        guard parts.count == 1, gene(named: stem) == nil, stem.count >= 3, stem.allSatisfy({ $0.isLetter }) else { return nil }
        let numbered = (1...3).map { "\(stem)\($0)" }.filter { gene(symbol: $0) != nil }
        return numbered.count >= 2 ? numbered : nil
    }

    // MARK: Lowercase symbols

    /// The text with a lowercase gene symbol and protein change written in capitals, as HGNC
    /// and HGVS write them: "egfr l858r" → "EGFR L858R", "eml4-alk" → "EML4-ALK". Only the
    /// first word's gene parts and change-shaped words change, so "exon" and "fusion" stay.
    func symbolCased(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return text }
        var first = ""
        var part = ""
        func flush() {
            let upper = part.uppercased()
            first += part != upper && gene(named: upper) != nil ? upper : part
            part = ""
        }
        for character in words[0] {
            if character == "-" || character == ":" || character == "/" {
                flush()
                first.append(character)
            } else {
                part.append(character)
            }
        }
        flush()
        words[0] = first
        for index in words.indices {
            words[index] = Self.changeCased(words[index])
        }
        return words.joined(separator: " ")
    }

    /// "l858r" → "L858R", "p.g12c" → "p.G12C", "itd" → "ITD"; other words unchanged.
    static func changeCased(_ word: String) -> String {
        let lowered = word.lowercased()
        if lowered == "itd" || lowered == "tkd" { return lowered.uppercased() }
        // Also "flt3-itd" after the gene part was upper-cased: "FLT3-itd".
        if let dash = word.lastIndex(of: "-"), ["itd", "tkd"].contains(word[word.index(after: dash)...].lowercased()) {
            return word[...dash] + word[word.index(after: dash)...].uppercased()
        }
        var body = Substring(word)
        var prefix = ""
        if body.lowercased().hasPrefix("p.") {
            prefix = "p."
            body = body.dropFirst(2)
        }
        guard let reference = body.first, reference.isLetter, reference.isASCII else { return word }
        let afterReference = body.dropFirst()
        let digits = afterReference.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return word }
        let suffix = afterReference.dropFirst(digits.count)
        let casedSuffix: String
        if suffix.isEmpty || suffix == "*" {
            casedSuffix = String(suffix)
        } else if suffix.count == 1, let alternate = suffix.first, alternate.isLetter {
            casedSuffix = alternate.uppercased()
        } else if ["fs", "del", "dup", "ins", "delins"].contains(where: { suffix.lowercased().hasPrefix($0) }) {
            casedSuffix = suffix.lowercased()
        } else {
            return word
        }
        return prefix + reference.uppercased() + digits + casedSuffix
    }

    // MARK: Reversions

    /// "BRCA1 reversion mutation", "BRCA2 reversion", "PALB2 reversion variant", "BRCA1 reversion restoring reading
    /// frame": a secondary change that restores the reading frame or function of a gene whose loss a drug exploits (PARP
    /// inhibitors in BRCA-mutant cancers; Edwards et al., Nature 2008;451:1111). Read as the gene with variant
    /// `reversion`, which evidence about reversions alone matches.
    func reversion(_ text: String) -> Alteration? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard words.count >= 2, words[1].lowercased() == "reversion" else { return nil }
        let tail = words.dropFirst(2).map { $0.lowercased() }
        // What kind of change it is and what it restores: "BRCA2 reversion deletion restoring the reading frame".
        let detail: Set<String> = [
            "mutation", "mutations", "variant", "variants", "mutated", "deletion", "insertion", "indel", "secondary", "restoring",
            "restores", "restored", "the", "reading", "frame", "open", "function", "in", "inframe",
        ]
        guard tail.count <= 6, tail.allSatisfy(detail.contains) else { return nil }
        let symbol = gene(symbol: words[0]) != nil ? words[0] : words[0].uppercased()
        guard gene(symbol: symbol) != nil else { return nil }
        return Alteration(gene: symbol, variant: Self.reversionVariant, kind: .mutation)
    }

    /// The variant label of a reversion.
    public static let reversionVariant = "reversion"

    // MARK: HLA alleles

    /// "HLA-A*02:01", "HLA-A*02:01 positive", "HLA-A*02", "HLA-A*02:01P": a germline HLA type, which
    /// T-cell receptor drugs require (tebentafusp, FDA label Kimmtrak 2022; afamitresgene
    /// autoleucel, FDA label Tecelra 2024). Read as the HLA gene with the allele (`*02:01`) as an
    /// expression-kind variant; the P suffix (a group of alleles sharing the peptide-binding
    /// domain) is kept off, since the group is named by its first allele.
    static func hlaAllele(_ text: String) -> Alteration? {
        var body = Substring(text.trimmingWhitespace)
        for word in [" positive", "-positive", " carrier", "+"] where body.lowercased().hasSuffix(word) {
            body = body.dropLast(word.count)
        }
        let upper = body.uppercased()
        guard upper.hasPrefix("HLA-"), let star = upper.firstIndex(of: "*") else { return nil }
        let gene = String(upper[..<star])
        let locus = gene.dropFirst(4)
        guard !locus.isEmpty, locus.count <= 4, locus.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        var fields = upper[upper.index(after: star)...].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard !fields.isEmpty, fields.count <= 4 else { return nil }
        if let last = fields.last, last.hasSuffix("P") || last.hasSuffix("G") { fields[fields.count - 1] = String(last.dropLast()) }
        guard fields.allSatisfy({ (2...3).contains($0.count) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return Alteration(gene: gene, variant: "*" + fields.joined(separator: ":"), kind: .expression)
    }

    /// "HLA-A*02:05 / A*24:02", "HLA-A*02:01, A*03:01 (typed for afami-cel)": both alleles of a locus, the second
    /// written without "HLA-"; a bracketed remark after them is left aside. Nil unless every part is an allele.
    static func hlaGenotype(_ text: String) -> [Alteration]? {
        var body = Substring(text.trimmingWhitespace)
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") { body = body[..<open] }
        let parts = body.split(whereSeparator: { $0 == "/" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, parts.count <= 4, parts[0].uppercased().hasPrefix("HLA-") else { return nil }
        var alleles: [Alteration] = []
        for part in parts {
            let named = part.uppercased().hasPrefix("HLA-") ? part : "HLA-" + part
            guard let allele = hlaAllele(named) else { return nil }
            alleles.append(allele)
        }
        return alleles
    }

    // MARK: Histone genes

    /// Histone H3 genes by the names clinicians write; "H3" alone is H3.3 (H3-3A), the gene
    /// most H3 K27M diffuse midline gliomas carry (WHO CNS5, Louis et al., Neuro Oncol 2021;23:1231).
    static let histoneGenes: [String: String] = [
        "h3": "H3-3A", "h3.3": "H3-3A", "h3.3a": "H3-3A", "h3f3a": "H3-3A", "h3-3a": "H3-3A", "h3.1": "H3C2", "hist1h3b": "H3C2",
        "h3c2": "H3C2", "hist1h3c": "H3C3", "h3c3": "H3C3", "h3.3b": "H3-3B", "h3f3b": "H3-3B", "h3-3b": "H3-3B",
    ]

    /// Residues that legacy histone numbering (which skips the initiator methionine) writes one
    /// lower than HGVS: K27M is p.K28M, G34R is p.G35R, K36M is p.K37M.
    static let legacyHistoneResidues: Set<String> = ["K27", "G34", "K36"]

    static func histone(_ text: String) -> (alteration: Alteration, notes: [String])? {
        let lowered = text.lowercased()
        // Longest gene name first: "h3.3a" before "h3.3" before "h3".
        guard
            let name = histoneGenes.keys.sorted(by: { $0.count > $1.count }).first(where: { lowered.hasPrefix($0) }),
            let gene = histoneGenes[name]
        else { return nil }
        var rest = lowered.dropFirst(name.count).drop { $0 == " " || $0 == "-" || $0 == ":" || $0 == "." }
        // "H3-3A (H3F3A) p.K27M": another name of the gene in brackets.
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        for filler in ["-mutant", " mutant", "-mutated", " mutated", " mutation", "-altered", " altered"] where rest.hasSuffix(filler) {
            rest = rest.dropLast(filler.count)
        }
        // "k27m", "p.k27m"
        if rest.hasPrefix("p.") { rest = rest.dropFirst(2) }
        guard let residue = rest.first, residue.isLetter else { return nil }
        let digits = rest.dropFirst().prefix(while: \.isNumber)
        let alternate = rest.dropFirst(1 + digits.count)
        guard let position = Int(digits), alternate.count == 1, let newResidue = alternate.first, newResidue.isLetter else { return nil }
        let legacy = "\(residue.uppercased())\(position)"
        var notes: [String] = []
        var hgvsPosition = position
        if legacyHistoneResidues.contains(legacy) {
            hgvsPosition = position + 1
            notes.append(
                "\(legacy)\(newResidue.uppercased()) is legacy histone numbering; HGVS p.\(residue.uppercased())\(hgvsPosition)\(newResidue.uppercased())"
            )
        }
        if name == "h3" { notes.append("'H3' read as H3.3 (H3-3A); write H3C2 or H3.1 for the H3.1 gene") }
        let variant = "\(residue.uppercased())\(hgvsPosition)\(newResidue.uppercased())"
        return (Alteration(gene: gene, variant: variant, kind: .proteinChange), notes)
    }
    // MARK: Patterns

    // The readers' patterns, compiled once (CompiledPattern): compiled at each call they were a third of
    // seeding a knowledge base, which reads every CIViC variant name (session 21).
    private static let serumMarkerValue = CompiledPattern(
        #"^(?:serum\s+|plasma\s+|baseline\s+)?(?:tryptase|psa|cea|ca[- ]?125|ca[- ]?19-9|ca[- ]?15-3|afp|b2m|β2m|beta-?2[- ]microglobulin|β2[- ]microglobulin|hcg|β-hcg|beta-hcg|ige|igg|iga|igm|calcium|il-6|ldh|lactate dehydrogenase|m-spike|paraprotein)\s*(?:level\s*)?(?:of\s+)?[:=]?\s*[<>≥≤]?\s*\d[\d,]*(?:\.\d+)?\s*(?:x|×)?(?:\s*\S+)?$"#
    )
    private static let relapseAfterResult = CompiledPattern(#"(?<=positive|negative) (?:at |on )?relapse(?=\s*(?:\(|,|$))"#, caseInsensitive: true)
    private static let courseWords = CompiledPattern(
        #"\s+(?:newly\s+(?:acquired|detected|emerged|emerging|found)|newly|persisting|persistent|still present|emerging|emergent|re-emerged|re-emerging)(?=\s*(?:\([^()]*\))?$)"#,
        caseInsensitive: true
    )
    private static let contextDetails = [
        #"\s+(?:in|on)\s+(?:the\s+)?(?:tumou?r|blood|marrow|bone marrow|plasma|tissue|skin|biopsy|re-?bx|re-?biopsy|repeat biopsy)(?:\s+cells)?$"#,
        #",\s*allelic\s+(?:ratio|burden)\s+[<>]?\s*\d+(?:\.\d+)?$"#,
        // "EGFR C797S (ctDNA), T790M not detected": another change of the same gene, absent, after a comma.
        #",\s*(?:p\.)?[A-Z]\d{1,4}[A-Z*]\s+(?:not\s+detected|negative|neg|absent|not\s+found|wild-type|wt)$"#,
        // "CLDN18.2 positive: 85% of tumour cells with moderate-to-strong staining": the share of cells
        // after a colon is the detail of the result before it (hold-out 15, session 22).
        #"\s*:\s*[<>≥]?\s*\d+(?:\.\d+)?\s*%.*$"#,
    ].map { CompiledPattern($0, caseInsensitive: true) }
    /// What a panel that found nothing reports.
    private static let panelFoundNothing: Set<String> = [
        "no alterations detected", "no alteration detected", "no alterations found", "no variants found", "no pathogenic variants detected",
        "no mutations or fusions detected", "no reportable alterations", "no genomic alterations detected", "nothing detected",
    ]

    /// The name of a test after what it tested: "mutation analysis", "fusion panel", "sequencing".
    private static let testNameWords = CompiledPattern(
        #"\s+(?:analysis|testing|test|sequencing|panel|assay|study|screen)$"#,
        caseInsensitive: true
    )
    private static let leadingBareChange = CompiledPattern(#"^(?:p\.)?[a-z]\d{1,4}[a-z*]\s"#)
    private static let spelledOutResidues = CompiledPattern(#"(?<=dup|del)[A-Z]+$"#)
    private static let residualDisease = CompiledPattern(#"\b(mrd|minimal residual disease|measurable residual disease)\b"#)
    private static let negativeListSetting = CompiledPattern(
        #"\s+(?:on|in|at|by)\s+(?:re-?biopsy|rebiopsy|progression|ctdna|plasma|tissue|(?:rna |dna )?ngs|the tumou?r)$"#,
        caseInsensitive: true
    )
    private static let trailingKindWord = CompiledPattern(
        #"\s+(?:alterations?|mutations?|fusions?|rearrangements?|variants?|changes?|drivers?)$"#,
        caseInsensitive: true
    )
    private static let wholeChromosomeChange = CompiledPattern(#"^([+-]|monosomy |trisomy |tetrasomy )(\d{1,2}|x|y)$"#)
    private static let armLoss = CompiledPattern(#"^del\(\d{1,2}[pq][\d.]*\)$"#)
    private static let armGain = CompiledPattern(#"^(gain|amp|dup|i)\(\d{1,2}[pq][\d.]*\)$"#)
    private static let laboratoryUnit = CompiledPattern(
        #"\d[\d,]*(\.\d+)?\s*(x\s*10\^?\d+/l|g/dl|g/l|mg/dl|mg/l|ng/ml|ng/dl|ng/l|pg/ml|iu/ml|iu/l|miu/ml|u/ml|copies/ml|u/l|mmol/l|nmol/l|pmol/l|µmol/l|umol/l|/µl|/ul|k/ul|btu|x\s*uln|×\s*uln)"#
    )
    private static let namedShare = CompiledPattern(#"^[a-z][a-z0-9.-]*(?:\s+[a-z][a-z0-9.-]*)?\s*[:=]?\s*[<>≥≤]?\s*\d+(?:\.\d+)?\s*%$"#)
    private static let antigenPlace = CompiledPattern(
        #"^(?:surface|cytoplasmic|membranous|membrane|nuclear|intracellular)\s+(?=\S+$|\S+\s+(?:positive|negative)$)"#,
        caseInsensitive: true
    )
    private static let antigenPlacePrefix = CompiledPattern(#"(?<![A-Za-z])(?:cy|c|s)(?=CD\d)"#)
    private static let clusterOfDifferentiation = CompiledPattern(#"^CD\d{1,3}[a-zA-Z]?$"#)
    private static let ringSideroblasts = CompiledPattern(#"^rs\s*[<>≥≤]?\s*\d+(\.\d+)?\s*%$"#)
    private static let chromosomeChangesFirst: CompiledPattern = {
        let chromosome = #"(?:\d{1,2}|x|y)"#
        return CompiledPattern(
            #"^(?:loss(?:es)?|gains?|monosom(?:y|ies)|trisom(?:y|ies))\s+of\s+(?:whole\s+)?chromosomes?\s+"# + chromosome
                + #"(?:\s*(?:,|and|&|/)\s*"#
                + chromosome + #")*$"#
        )
    }()
    private static let chromosomesFirst: CompiledPattern = {
        let chromosome = #"(?:\d{1,2}|x|y)"#
        return CompiledPattern(
            #"^(?:chromosomes?\s+)?"# + chromosome + #"(?:\s*(?:,|and|&|/)\s*"# + chromosome
                + #")+\s+(?:loss(?:es)?|gains?|monosom(?:y|ies)|trisom(?:y|ies))$"#
        )
    }()
    private static let nonTumourCells = CompiledPattern(
        #"\s+(?:in|on)\s+(?:the\s+)?(?:(?:background|reactive|tumou?r[- ]associated|tumou?r[- ]infiltrating|infiltrating)\s+(?:lymphocytes|t[- ]cells|immune cells|cells|histiocytes|macrophages)|histiocytes|macrophages|immune cells|inflammatory cells|stromal cells|stroma|background cells)$"#,
        caseInsensitive: true
    )
    /// A Swift regex, as before (not ICU); immutable once built, as the extraction module's patterns.
    nonisolated(unsafe) private static let copyNumberCall = try? Regex(
        #"^(\S+)\s+(?:gene\s+)?(?:copy[- ]number|cn|gcn)\s*(?:of\s+|=\s*|:\s*)?([<>≥≤]?\s*\d+(?:\.\d+)?)(?:\s*copies)?\s*[,;(]?\s*([^()]*?)\)?$"#
    ).ignoresCase()
    private static let alleleQualifier = CompiledPattern(
        #"(?:[\s,;]*\(?(?:compound(?:\s+(?:mutations?|mutants?|heterozygous))?|in\s+(?:the\s+same|one|a\s+single)\s+(?:clone|allele)|on\s+(?:the\s+same|one)\s+allele|same\s+clone|in\s+cis|in\s+trans|cis|trans)\)?)+$"#,
        caseInsensitive: true
    )
    private static let listedWholeChromosomeChange = CompiledPattern(#"^([+-]|monosomy |trisomy )(\d{1,2}|x|y)$"#)
    private static let listedArmChange = CompiledPattern(#"^(del|add|i)\(\d{1,2}[pq]\)$"#)
    private static let domainBeforeChange = CompiledPattern(#"^([A-Za-z0-9]+)[- ]TKD(?=\s+(?:p\.)?[A-Z]\d+[A-Z])"#, caseInsensitive: true)
    /// "CDKN2A/B", "CDKN2A/2B": a gene and its sister symbol written by the letter that differs.
    private static let sisterGeneSuffix = CompiledPattern(#"^[A-Z][A-Z0-9]*\d[A-Z]/[A-Z](?=\s)"#, caseInsensitive: false)
    /// Zygosity or extent between the gene and its loss: "homozygous deletion", "whole-gene deletion".
    private static let extentBeforeChange = CompiledPattern(
        #"\s(?:homozygous|heterozygous|hemizygous|biallelic|bi-allelic|monoallelic|whole[- ]gene|complete|partial|focal|deep)(?=\s+(?:deletion|loss|del)\b)"#,
        caseInsensitive: true
    )
    /// Whether every bracket in `text` closes after it opens.
    static func balancesBrackets(_ text: Substring) -> Bool {
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// Words that describe how and on what a result was found, never the result.
    private static let testWords: Set<String> = [
        "tumor", "tumour", "tissue", "plasma", "blood", "marrow", "ngs", "panel", "sequencing", "somatic", "germline", "ctdna", "cfdna",
        "dna", "rna", "liquid", "biopsy", "wes", "wgs", "targeted", "testing", "test", "hybrid", "capture", "amplicon", "report",
    ]

    /// "TET2 x2", "TET2 ×2": a gene and a count of its mutations.
    private static let mutationCount = CompiledPattern(#"^([A-Za-z][A-Za-z0-9-]{1,15})\s+[x×]\s?[2-9]$"#)
    /// "9p24.1" between a gene and a copy-number change.
    private static let cytobandBeforeCopyChange = CompiledPattern(
        #"(?<=\S)\s+\d{1,2}[pq]\d{1,2}(?:\.\d{1,2})?(?=\s+(?:amplification|amplified|gain|copy|deletion|deleted|loss)\b)"#,
        caseInsensitive: true
    )
    /// "CLDN18.2: 80% of tumour cells …", "FRα IHC: 85% of tumour cells >= 2+", "CLDN18.2 80% of tumour cells
    /// 2+/3+", "FRalpha (FOLR1) PS2+ staining in 80% of tumour cells", "claudin 18 IHC positive in 40% of tumour
    /// cells": a marker (its symbol, assay, intensity and result words), and a share of cells that stained.
    private static let labelledStaining = CompiledPattern(
        #"^(claudin[- ]?18(?:\.2)?|\S{2,12}?)(?:\s+\([A-Za-z0-9]{2,10}\))?(?:\s+IHC)?(?:\s+PS[0-3]\+?)?(?:\s+(?:positive|staining|expression|membranous))*(?::\s+|\s+)(?:in\s+)?(?:[≥>=]+\s?)?(\d{1,3}(?:\.\d+)?)\s?%\s+(?:of\s+)?(?:the\s+)?(?:tumou?r\s+)?(?:cells|blasts|staining)\b"#,
        caseInsensitive: true
    )
    private static let npm1Type = CompiledPattern(#"(?<=^NPM1 mutation)\s*,?\s*\(?type\s+[A-DHJL]\)?$"#, caseInsensitive: true)
    private static let exonBeforeChange = CompiledPattern(
        #"\s+(?:exon|ex)\s*\d{1,2}\s+(?:ins|insertion|del|deletion|dup|duplication|indel)(?=\s+(?:p\.)?[A-Z]\d+(?:_[A-Z]\d+)?(?:ins|del|dup|delins))"#,
        caseInsensitive: true
    )
    private static let pathogenicClass = CompiledPattern(#",?\s+(?:likely\s+)?pathogenic(?:\s+variant)?$"#, caseInsensitive: true)
    private static let trailingVAF = CompiledPattern(#",?\s*(?:\((?:[^()]*?[\s,;])?)?VAF:?\s*[<>≥≤]?\s*\d+(\.\d+)?\s*%?\)?$"#, caseInsensitive: true)
    nonisolated(unsafe) private static let nothingActionable =
        /^(?i:no\s+(?:other\s+)?(?:targetable|actionable|druggable)\s+(?:genomic\s+)?(?:alterations?|mutations?|variants?|drivers?|targets?|findings?)(?:\s+(?:on|by|in|from)\s+(?:tissue\s+|plasma\s+|tumou?r\s+|broad\s+|comprehensive\s+)?(?:NGS|sequencing|panel|testing|ctDNA|liquid\s+biopsy|genomic\s+profiling)(?:\s+(?:panel|testing))?)?)(?:\s*[(:,;].*)?$/
    private static let lossOfFunctionType = CompiledPattern(
        #"^[A-Za-z0-9-]+[,:]?\s+(?:(?:one|two|three|four|several|multiple|biallelic|compound heterozygous|\d+)\s+)?(?:(?:likely\s+)?(?:pathogenic|deleterious)\s+)?(?:frameshift|frame-shift|nonsense|stop[- ]gain(?:ed|ing)?|stop[- ]codon|splice[- ]site|splicing|splice|loss[- ]of[- ]function|inactivating)(?:\s+(?:mutations?|variants?|alterations?|changes?|deletions?|insertions?))?$"#,
        caseInsensitive: true
    )
    private static let stainingIntensity = CompiledPattern(#"\s+PS[0-3]\+?(?=\s|$)"#)
    private static let bracketedCytoband = CompiledPattern(#"\s+\(\d{1,2}[pq]\d*(\.\d+)?\)(?=\s)"#)
    private static let stainedCells = CompiledPattern(
        #"(?<=positive|negative) [A-Za-z-]+ cells(?:,?\s+[<>≥≤]?\d+(?:\.\d+)?\s*%(?:\s+of\s+[A-Za-z ]+)?)?$"#
    )
    private static let onCells = CompiledPattern(#" on [A-Za-z-]+ cells$"#)
    private static let shareOfCells = CompiledPattern(#" in [<>≥≤]?\d+(\.\d+)? ?% of [a-z ]+$"#)
    private static let trailingAssay = CompiledPattern(
        #"\s+(by|on)\s+(fish|ngs|pcr|flow|flow cytometry|sequencing|karyotype|rebiopsy|re-biopsy|repeat biopsy|biopsy)$"#,
        caseInsensitive: true
    )
    private static let partnerExon = CompiledPattern(#"(?<=[A-Za-z0-9])\(\d{1,2}\)(?=::|-|\s|$)"#)
    private static let promoterHotspot = CompiledPattern(#"^(c\.-?\d+[ACGT]>[ACGT]|[ACGT]\d+[ACGT]|-\d+[ACGT]>[ACGT])$"#)
    private static let isochromosomeWords = CompiledPattern(#"^isochromosome\s*\(?(\d{1,2}[pq])\)?$"#, caseInsensitive: true)
    private static let cytogeneticFinding = CompiledPattern(
        #"^(del|add|dup|gain|amp|i|t|inv|der)\(|^(trisomy|monosomy|tetrasomy)\s|^[+-]\d|^\d{1,2}[pq]"#,
        caseInsensitive: true
    )
    private static let cytogeneticDetails = [
        #",?\s+(in\s+)?[<>≥≤]?\d+(\.\d+)?\s*%(\s+of\s+[a-z ]+)?$"#, #",?\s+\d+\s+(copies|copy)$"#,
        #",?\s+(as\s+(the\s+)?sole\s+abnormality|as\s+an?\s+isolated\s+abnormality|sole\s+abnormality|only\s+abnormality|sole|isolated|alone)$"#,
    ].map { CompiledPattern($0, caseInsensitive: true) }
    private static let cytobandWithGenes = CompiledPattern(#"^\d{1,2}[pq][\d.]*\s+\([^()]*\)\s+"#)
    private static let genesWithTranslocation = CompiledPattern(
        #"^[A-Za-z0-9]+(-|::|–)[A-Za-z0-9]+(\s+fusion)?,?\s+(t\(\d{1,2};\d{1,2}\))(\([^()]*\))?$"#
    )
    private static let translocation = CompiledPattern(#"t\(\d{1,2};\d{1,2}\)"#)
    private static let egfrVariantIII = CompiledPattern(#"^egfr\s*-?\s*(viii|v3|variant iii|variant 3)(?=$|[\s,+(])"#, caseInsensitive: true)
    private static let lastChangeAfterComma = CompiledPattern(#",\s*(?:p\.)?[A-Z]\d{1,4}[A-Z*]$"#)
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        trimming { set.unicodeScalars.contains($0) }
    }
}
