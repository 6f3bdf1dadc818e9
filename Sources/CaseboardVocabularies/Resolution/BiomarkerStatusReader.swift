import CaseboardCore
import Foundation

/// What a status field says: the statuses, and the alteration evidence is keyed by, if any.
struct StatusReading {
    var statuses: [BiomarkerStatus] = []
    var alteration: Alteration?
    var equivalents: [Alteration] = []
    var notes: [String] = []
}

extension Vocabularies {
    /// Reads receptor and tumour-wide statuses ("HER2 IHC 2+/ISH+", "ER+/PR-/HER2-", "triple
    /// negative", "PD-L1 TPS 50%", "MSI-H", "MSS"); nil when the text is not one, such as
    /// "HER2 amplification" or "ERBB2 exon 20 insertion", which the alteration parser reads.
    static func statusReading(_ text: String) -> StatusReading? {
        var lowered = text.lowercased()
        for (from, to) in [
            ("\u{2212}", "-"), ("\u{2013}", "-"), ("\u{2265}", ">="), ("her2/neu", "her2"), ("her-2", "her2"), ("her2neu", "her2"),
            ("erbb2", "her2"), ("pd-l1", "pdl1"), ("pd l1", "pdl1"), ("hormone receptor", "hr"), ("hormone-receptor", "hr"),
            ("estrogen receptor", "er"), ("oestrogen receptor", "er"), ("progesterone receptor", "pr"), ("triple-negative", "triple negative"),
        ] {
            lowered = lowered.replacingOccurrences(of: from, with: to)
        }
        // The PD-L1 antibody clone names the assay, not the result: "PD-L1 TPS 85% (22C3)", "PD-L1 SP263 60%".
        lowered = lowered.replacing(pdl1Clone, with: "").trimmingCharacters(in: .whitespaces)
        if lowered == "triple negative" || lowered == "triple negative status" {
            return StatusReading(
                statuses: [
                    .init(marker: .estrogenReceptor, call: .negative), .init(marker: .progesteroneReceptor, call: .negative),
                    .init(marker: .her2, call: .negative),
                ],
                alteration: Alteration(gene: "ESR1", variant: "negative", kind: .expression),
                equivalents: [
                    Alteration(gene: "PGR", variant: "negative", kind: .expression),
                    Alteration(gene: "ERBB2", variant: "negative", kind: .expression),
                ]
            )
        }
        if let tumourWide = tumourWideStatus(lowered) { return tumourWide }
        // Split at each marker word; a marker with no result takes the next one's ("ER/PR+").
        let markers: [(String, BiomarkerStatus.Marker)] = [
            ("her2", .her2), ("pdl1", .pdl1), ("er", .estrogenReceptor), ("pr", .progesteroneReceptor), ("hr", .hormoneReceptor),
        ]
        var segments: [(BiomarkerStatus.Marker, String)] = []
        var index = lowered.startIndex
        var current: (BiomarkerStatus.Marker, String)?
        while index < lowered.endIndex {
            let atBoundary = index == lowered.startIndex || !lowered[lowered.index(before: index)].isLetter
            if atBoundary, let (word, marker) = markers.first(where: { lowered[index...].hasPrefix($0.0) }) {
                let end = lowered.index(index, offsetBy: word.count)
                if end == lowered.endIndex || !lowered[end].isLetter {
                    if let current { segments.append(current) }
                    current = (marker, "")
                    index = end
                    continue
                }
            }
            guard current != nil else { return nil }
            current?.1.append(lowered[index])
            index = lowered.index(after: index)
        }
        if let current { segments.append(current) }
        guard !segments.isEmpty else { return nil }
        var reading = StatusReading()
        var pending: [BiomarkerStatus.Marker] = []
        for (marker, raw) in segments {
            // Keep "+" and "-": they are the result ("ER+", "PR-").
            let result = raw.trimming { " :/,;".unicodeScalars.contains($0) }
            if result.isEmpty || result == "and" {
                pending.append(marker)
                continue
            }
            guard let status = status(marker, result, into: &reading) else { return nil }
            for earlier in pending {
                reading.statuses.append(BiomarkerStatus(marker: earlier, call: status.call))
            }
            pending = []
            reading.statuses.append(status)
        }
        guard pending.isEmpty else { return nil }
        return reading
    }

    /// One marker's result. HER2 results also set the alteration evidence is keyed by.
    private static func status(_ marker: BiomarkerStatus.Marker, _ result: String, into reading: inout StatusReading) -> BiomarkerStatus? {
        let compact = result.filter { $0 != " " }
        let positiveWords: Set<String> = ["+", "positive", "pos", "-positive", "+ve", "overexpressing", "overexpressed", "overexpression", "(+)"]
        let negativeWords: Set<String> = ["-", "negative", "neg", "-negative", "-ve", "(-)", "0"]
        switch marker {
        case .her2:
            return her2Status(compact, positiveWords: positiveWords, negativeWords: negativeWords, into: &reading)
        case .pdl1:
            return pdl1Status(compact, positiveWords: positiveWords, negativeWords: negativeWords, into: &reading)
        default:
            var found: BiomarkerStatus?
            if positiveWords.contains(compact) { found = BiomarkerStatus(marker: marker, call: .positive) }
            if negativeWords.contains(compact) { found = BiomarkerStatus(marker: marker, call: .negative) }
            // "ER-low positive": the ER-low category of ASCO/CAP 2020, reported as low positive.
            if ["low", "-low", "-lowpositive", "lowpositive", "-low+", "low+"].contains(compact) {
                found = BiomarkerStatus(marker: marker, call: .low)
            }
            // "ER 90%", "PR <1%": the share of stained nuclei. ASCO/CAP ER/PgR guideline 2020 (Allison et al.,
            // J Clin Oncol 2020;38:1346): below 1 % negative, 1-10 % ER-low, above 10 % positive.
            if found == nil, let share = percentShare(compact) {
                let call: BiomarkerStatus.Call =
                    share.value < 1 || (share.below && share.value <= 1) ? .negative : share.value <= 10 ? .low : .positive
                found = BiomarkerStatus(marker: marker, call: call, assay: "\(compact)", value: share.value)
            }
            if let found { keyReceptor(found, into: &reading) }
            return found
        }
    }

    /// The evidence keys of a hormone-receptor result. Positive ER (or HR, "ER and/or PR") is keyed
    /// `ESR1 overexpression`, as the HR-positive labels are (CDK4/6 inhibitors with endocrine therapy:
    /// FDA labels Ibrance 2017, Kisqali 2017, Verzenio 2018); a negative result is a key of its own for
    /// the triple-negative rows. ER-low (1-10 %) is neither: NCCN Breast Cancer 2025 leaves its
    /// endocrine benefit uncertain, so it is read and not matched.
    private static func keyReceptor(_ status: BiomarkerStatus, into reading: inout StatusReading) {
        let genes: [String]
        switch status.marker {
        case .estrogenReceptor: genes = ["ESR1"]
        case .progesteroneReceptor: genes = ["PGR"]
        case .hormoneReceptor: genes = ["ESR1", "PGR"]
        default: return
        }
        let variant: String
        switch status.call {
        case .positive: variant = "overexpression"
        case .negative: variant = "negative"
        default: return
        }
        for gene in genes {
            let key = Alteration(gene: gene, variant: variant, kind: .expression)
            if reading.alteration == nil {
                reading.alteration = key
            } else if reading.alteration != key, !reading.equivalents.contains(key) {
                reading.equivalents.append(key)
            }
        }
    }

    /// "90%", "<1%", ">=50%": a percentage, and whether it was written as an upper bound.
    private static func percentShare(_ compact: String) -> (value: Double, below: Bool)? {
        guard compact.hasSuffix("%") else { return nil }
        let body = compact.dropLast()
        let number = body.drop { "<>=≤".contains($0) }
        guard let value = Double(number), value >= 0, value <= 100 else { return nil }
        return (value, body.hasPrefix("<") || body.hasPrefix("≤"))
    }

    private static func her2Status(
        _ compact: String,
        positiveWords: Set<String>,
        negativeWords: Set<String>,
        into reading: inout StatusReading
    ) -> BiomarkerStatus? {
        let overexpression = Alteration(gene: "ERBB2", variant: "overexpression", kind: .expression)
        let amplification = Alteration(gene: "ERBB2", variant: "amplification", kind: .amplification)
        // A result read after another marker's ("ER+/PR+/HER2-") keeps its key beside the first.
        func set(_ alteration: Alteration?, _ equivalents: [Alteration] = []) {
            if let alteration, let first = reading.alteration, first != alteration {
                reading.equivalents.append(alteration)
            } else {
                reading.alteration = reading.alteration ?? alteration
            }
            reading.equivalents += equivalents
        }
        // "IHC 0 with faint incomplete membrane staining in <=10% of cells": the ASCO/CAP 2023 wording of
        // HER2-ultralow (DESTINY-Breast06, Bardia et al., N Engl J Med 2024), as a pathologist reports it.
        let faintZero =
            (compact.hasPrefix("ihc0") || compact.hasPrefix("0"))
            && (compact.contains("faint") || compact.contains("barelyperceptible")) && !compact.contains("nostaining")
        if compact.hasSuffix("ultralow") || faintZero {
            set(Alteration(gene: "ERBB2", variant: "ultralow expression", kind: .expression))
            return BiomarkerStatus(marker: .her2, call: .ultralow)
        }
        if compact.hasSuffix("low") {
            set(Alteration(gene: "ERBB2", variant: "low expression", kind: .expression))
            return BiomarkerStatus(marker: .her2, call: .low)
        }
        if positiveWords.contains(compact) {
            set(overexpression, [amplification])
            return BiomarkerStatus(marker: .her2, call: .positive)
        }
        // HER2-negative is a key of its own: HR-positive HER2-negative and triple-negative labels name it.
        let negative = Alteration(gene: "ERBB2", variant: "negative", kind: .expression)
        if negativeWords.contains(compact) {
            set(negative)
            return BiomarkerStatus(marker: .her2, call: .negative)
        }
        // "ihc3+", "3+", "ihc2+/ish+", "ihc2+fish-", "ish+", "fishpositive", "ihc0"
        var rest = Substring(compact)
        if rest.hasPrefix("ihc") { rest = rest.dropFirst(3) }
        var score: Int?
        if let digit = rest.first, let value = digit.wholeNumberValue, value <= 3 {
            score = value
            rest = rest.dropFirst()
            if rest.hasPrefix("+") { rest = rest.dropFirst() }
        }
        rest = rest.drop { $0 == "/" || $0 == "," }
        if rest.hasPrefix("and") { rest = rest.dropFirst(3) }
        var ish: Bool?
        if !rest.isEmpty {
            if rest.hasPrefix("fish") {
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("ish") {
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
            // "ISH-negative", "FISH-positive": the hyphen joins the word, it is not the result.
            if rest.hasPrefix("-"), rest.dropFirst().first?.isLetter == true { rest = rest.dropFirst() }
            switch String(rest) {
            case "+", "positive", "pos", "amplified", "(+)": ish = true
            case "-", "negative", "neg", "non-amplified", "notamplified", "nonamplified", "(-)": ish = false
            default: return nil
            }
        }
        guard score != nil || ish != nil else { return nil }
        let scoreText = score.map { "IHC \($0)+" }.map { $0 == "IHC 0+" ? "IHC 0" : $0 }
        let ishText = ish.map { $0 ? "ISH+" : "ISH-" }
        let assay = [scoreText, ishText].compactMap { $0 }.joined(separator: "/")
        let value = score.map(Double.init)
        switch (score, ish) {
        case (3, _), (_, true):
            if score == 3 { set(overexpression, [amplification]) } else { set(amplification, [overexpression]) }
            return BiomarkerStatus(marker: .her2, call: .positive, assay: assay, value: value)
        case (2, false?), (1, _):
            set(Alteration(gene: "ERBB2", variant: "low expression", kind: .expression))
            return BiomarkerStatus(marker: .her2, call: .low, assay: assay, value: value)
        case (2, nil):
            reading.notes.append("HER2 IHC 2+ is equivocal; ISH decides (ASCO/CAP HER2 testing guideline 2018)")
            return BiomarkerStatus(marker: .her2, call: .equivocal, assay: assay, value: value)
        case (0, _), (nil, false?):
            set(negative)
            return BiomarkerStatus(marker: .her2, call: .negative, assay: assay, value: value)
        default:
            return nil
        }
    }

    nonisolated(unsafe) private static let pdl1Clone =
        /\(?\b(?:22c3|sp263|sp142|28-8|73-10|e1l3n)\b(?:\s+(?:assay|antibody|pharmdx|clone))?\)?/

    private static func pdl1Status(
        _ compact: String,
        positiveWords: Set<String>,
        negativeWords: Set<String>,
        into reading: inout StatusReading
    ) -> BiomarkerStatus? {
        let expression = Alteration(gene: "CD274", variant: "overexpression", kind: .expression)
        if positiveWords.contains(compact) || compact == "high" || compact == "expression" {
            reading.alteration = expression
            // "PD-L1 high" is how a lung report says TPS 50% or more.
            if compact == "high" {
                reading.equivalents.append(Alteration(gene: "CD274", variant: Alteration.pdl1ProportionScoreFifty, kind: .expression))
            }
            return BiomarkerStatus(marker: .pdl1, call: compact == "high" ? .high : .positive)
        }
        // A negative result is a key of its own: some labels are restricted to PD-L1 expressers
        // (pembrolizumab + trastuzumab for gastric cancer, CPS 1 or more since 2023).
        let negative = Alteration(gene: "CD274", variant: "negative", kind: .expression)
        if negativeWords.contains(compact) {
            reading.alteration = negative
            return BiomarkerStatus(marker: .pdl1, call: .negative)
        }
        // "tps50%", "tps>=50%", "cps10", "50%", "tps<1%"
        var rest = Substring(compact)
        var score = "TPS"
        // The scores written out ("tumour proportion score 60%") are their abbreviations.
        let names = [
            ("tumorproportionscore", "TPS"), ("tumourproportionscore", "TPS"), ("combinedpositivescore", "CPS"), ("tps", "TPS"),
            ("cps", "CPS"), ("tc", "TC"), ("ic", "IC"),
        ]
        for (name, abbreviation) in names where rest.hasPrefix(name) {
            score = abbreviation
            rest = rest.dropFirst(name.count)
            break
        }
        var comparison = ""
        for sign in [">=", "<=", ">", "<", "="] where rest.hasPrefix(sign) {
            comparison = sign == "=" ? "" : sign
            rest = rest.dropFirst(sign.count)
            break
        }
        let number = rest.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number) else { return nil }
        let unit = rest.dropFirst(number.count)
        guard unit.isEmpty || unit == "%" else { return nil }
        let assay = "\(score) \(comparison)\(number)\(score == "CPS" ? "" : "%")"
        let below = comparison.hasPrefix("<")
        // Cut-offs of the pembrolizumab label (FDA 2016-2024): TPS >= 1 % positive, >= 50 % high.
        let call: BiomarkerStatus.Call = below && value <= 1 || value < 1 ? .negative : score == "TPS" && value >= 50 && !below ? .high : .positive
        reading.alteration = call == .negative ? negative : expression
        // CPS 10 or more is a key of its own: the triple-negative breast cancer label needs it, CPS 1 does not
        // reach it (FDA label: Keytruda (pembrolizumab), 2020).
        if score == "CPS", call != .negative {
            if value >= 10, !below {
                reading.equivalents.append(Alteration(gene: "CD274", variant: Alteration.pdl1CombinedScoreTen, kind: .expression))
            } else if value < 10 || below {
                reading.alteration = Alteration(gene: "CD274", variant: Alteration.pdl1CombinedScoreOneToNine, kind: .expression)
            }
        }
        // So is TPS 50% or more (tumour cells, TC, on the SP142 assay): below it the lung monotherapy labels of 2016-2021
        // do not reach, and NCCN Non-Small Cell Lung Cancer 2025 prefers chemotherapy with immunotherapy at TPS 1-49%.
        if score == "TPS" || score == "TC", call != .negative {
            if value >= 50, !below {
                reading.equivalents.append(Alteration(gene: "CD274", variant: Alteration.pdl1ProportionScoreFifty, kind: .expression))
            } else {
                reading.alteration = Alteration(gene: "CD274", variant: Alteration.pdl1ProportionScoreOneToFortyNine, kind: .expression)
            }
        }
        return BiomarkerStatus(marker: .pdl1, call: call, assay: assay, value: value)
    }

    /// "TMB 12 mut/Mb", "TMB: 4", "TMB >= 10": high at 10 mutations per megabase or more, the
    /// cut-off of the pembrolizumab tumour-agnostic TMB-H label (FDA 2020).
    private static func tumourMutationalBurden(_ text: Substring) -> StatusReading? {
        var rest = text.drop { $0 == ":" || $0 == "=" || $0 == "-" }
        var atLeast = false
        if rest.hasPrefix(">=") || rest.hasPrefix(">") {
            atLeast = true
            rest = rest.drop { $0 == ">" || $0 == "=" }
        }
        let number = rest.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number) else { return nil }
        let unit = rest.dropFirst(number.count)
        guard ["", "mut/mb", "muts/mb", "mutations/mb", "mutations/megabase", "/mb"].contains(String(unit)) else { return nil }
        let assay = "\(atLeast ? ">=" : "")\(number) mut/Mb"
        if value >= 10 {
            return StatusReading(
                statuses: [BiomarkerStatus(marker: .tumorMutationalBurden, call: .high, assay: assay, value: value)],
                alteration: Alteration(gene: "TMB", variant: "TMB-H", kind: .expression)
            )
        }
        return StatusReading(statuses: [BiomarkerStatus(marker: .tumorMutationalBurden, call: .low, assay: assay, value: value)])
    }

    /// MSI, MMR, TMB and HRD, high or low.
    /// Mismatch-repair protein loss on immunohistochemistry, the way dMMR is reported: "MLH1/PMS2
    /// loss", "loss of MSH2 and MSH6", "MLH1 loss on IHC" (NCCN Colon Cancer 2025: loss of one or more
    /// MMR proteins is dMMR).
    static func saysMismatchRepairProteinLoss(_ lowered: String) -> Bool {
        let words = lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let proteins = words.filter { ["mlh1", "msh2", "msh6", "pms2"].contains($0) }
        let rest = Set(words).subtracting(proteins).subtracting([
            "and", "of", "on", "by", "ihc", "protein", "proteins", "expression", "immunohistochemistry",
            // "MMR IHC: loss of MLH1 and PMS2": the panel's name before its result.
            "mmr",
        ])
        guard !proteins.isEmpty, !rest.isEmpty, rest.isSubset(of: ["loss", "lost", "absent", "absence", "deficient"]) else { return false }
        // One protein named alone must say it was seen by IHC: "MLH1 loss" could be a gene deletion.
        return proteins.count >= 2 || words.contains("ihc") || words.contains("protein") || words.contains("immunohistochemistry")
    }

    private static func tumourWideStatus(_ lowered: String) -> StatusReading? {
        // "MMR deficient", "MMR-d", "deficient MMR": the spellings of dMMR reports use.
        let mismatchRepairDeficient: Set<String> = [
            "mmrdeficient", "mmr-d", "mmrd", "deficientmmr", "mmrdeficiency", "mismatchrepair-deficient", "mismatch-repairdeficient",
            "mmr-deficiency", "mmrloss", "lossofmmr",
            // Written out in either order: "deficient mismatch repair", "mismatch repair deficiency".
            "deficientmismatchrepair", "mismatchrepairdeficient", "mismatchrepairdeficiency", "mismatch-repairdeficiency",
        ]
        var lowered = mismatchRepairDeficient.contains(lowered.filter { $0 != " " }) ? "dmmr" : lowered
        if Self.saysMismatchRepairProteinLoss(lowered) { lowered = "dmmr" }
        // "MSI-H/dMMR", "dMMR / MSI-high": two names of one finding; both are read, the first keys evidence.
        if lowered.contains("/") {
            let parts = lowered.split(separator: "/").map { String($0).trimming { " ".unicodeScalars.contains($0) } }
            let readings = parts.compactMap { $0.contains("/") ? nil : tumourWideStatus($0) }
            if parts.count >= 2, readings.count == parts.count, let first = readings.first?.alteration {
                let others = readings.dropFirst().compactMap(\.alteration).filter { $0 != first }
                return StatusReading(
                    statuses: readings.flatMap(\.statuses),
                    alteration: first,
                    equivalents: others,
                    notes: ["read '\(lowered)' as one finding"]
                )
            }
        }
        if let alteration = biomarker(lowered), alteration.variant != "MSS", alteration.variant != "pMMR" {
            let marker: BiomarkerStatus.Marker
            let call: BiomarkerStatus.Call
            switch alteration.gene {
            case "MSI": (marker, call) = (.microsatellite, .high)
            case "MMR": (marker, call) = (.mismatchRepair, .negative)
            case "TMB": (marker, call) = (.tumorMutationalBurden, .high)
            default: (marker, call) = (.homologousRecombination, .positive)
            }
            let assay = alteration.gene == "MMR" ? "dMMR" : nil
            return StatusReading(statuses: [BiomarkerStatus(marker: marker, call: call, assay: assay)], alteration: alteration)
        }
        let compact = lowered.filter { $0 != " " && $0 != "_" }
        if compact.hasPrefix("tmb"), let burden = tumourMutationalBurden(compact.dropFirst(3)) { return burden }
        switch compact {
        case "mss", "msi-stable", "microsatellitestable", "microsatellite-stable", "msi-l", "msi-low", "msil":
            // Keyed as MSS, and as pMMR too: the two tests name one finding (NCCN Uterine Neoplasms 2025).
            return StatusReading(
                statuses: [
                    BiomarkerStatus(
                        marker: .microsatellite,
                        call: .negative,
                        assay: compact.hasPrefix("msi-l") || compact == "msil" ? "MSI-L" : "MSS"
                    )
                ],
                alteration: Alteration(gene: "MSI", variant: "MSS", kind: .expression),
                equivalents: [Alteration(gene: "MMR", variant: "pMMR", kind: .expression)]
            )
        case "pmmr", "mmr-proficient", "mismatchrepairproficient", "mismatchrepair-proficient", "mmrproficient", "mmr-p", "proficientmmr",
            "proficientmismatchrepair", "mismatch-repairproficient", "mmrintact", "intactmmr":
            return StatusReading(
                statuses: [BiomarkerStatus(marker: .mismatchRepair, call: .positive, assay: "pMMR")],
                alteration: Alteration(gene: "MMR", variant: "pMMR", kind: .expression),
                equivalents: [Alteration(gene: "MSI", variant: "MSS", kind: .expression)]
            )
        case "tmb-l", "tmb-low", "tmbl", "lowtmb":
            return StatusReading(statuses: [BiomarkerStatus(marker: .tumorMutationalBurden, call: .low)])
        case "hrd-negative", "hrdnegative", "hrp", "hr-proficient":
            return StatusReading(statuses: [BiomarkerStatus(marker: .homologousRecombination, call: .negative)])
        default:
            return nil
        }
    }
}
