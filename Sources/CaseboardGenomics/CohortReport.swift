import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Foundation

/// A cohort's annotation as one self-contained HTML page: counts by level and by drug, an oncoprint-like
/// grid of samples × actionable genes coloured by best level, and each sample's ranked options.
///
/// One inline stylesheet and no script, image or external resource at all, so it opens offline and under
/// `Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'`. Every text is HTML-escaped.
public enum CohortReport {
    /// The Content-Security-Policy the page is written for, as a response header.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

    /// The policy the page carries in its own `<meta>` element: the header's without
    /// `frame-ancestors`, which browsers ignore in a meta element (and log an error for).
    static let metaContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'"

    /// The page for a cohort. `generated` is shown as given (an ISO 8601 time, for instance).
    public static func html(_ cohort: CohortAnnotation, generated: String) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(escape(metaContentSecurityPolicy))">
            <title>Caseboard cohort report</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>Caseboard cohort report</h1>
            <p class="meta">\(cohort.samples.count) samples · generated \(escape(generated))\(snapshotText(cohort))</p>
            <p class="note">Decision support for clinicians and curators, not a treatment recommendation. Levels: A approved or guideline,
            B clinical trial, C case report, D preclinical, E inferential.</p></header>
            <main>

            """
        page += "<div class=\"counts\"><div>" + levelCounts(cohort) + "</div><div>" + drugCounts(cohort) + "</div></div>\n"
        page += grid(cohort)
        page += sampleSections(cohort)
        page += fileSummaries(cohort)
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    static let style = """
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 24px; max-width: 1200px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: 15px; margin: 18px 0 4px; }
        .meta, .note { color: #57606a; margin: 2px 0; } .note { font-size: 12px; }
        table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #d0d7de; padding: 3px 7px; text-align: left; }
        th { background: #f6f8fa; font-weight: 600; }
        .counts { display: flex; gap: 40px; flex-wrap: wrap; align-items: flex-start; }
        .bar { display: inline-block; height: 10px; background: #57606a; vertical-align: middle; margin-left: 6px; }
        .grid td, .grid th { width: 28px; height: 22px; text-align: center; padding: 1px; font-size: 12px; }
        .grid th.gene { writing-mode: vertical-rl; transform: rotate(180deg); height: 70px; font-weight: 600; }
        .grid th.sample { text-align: right; white-space: nowrap; font-weight: normal; width: auto; padding-right: 6px; }
        .lvA { background: #1a7f37; color: #fff; } .lvB { background: #4ac26b; color: #0b2e13; } .lvC { background: #d4a72c; color: #2b1d00; }
        .lvD { background: #bf8700; color: #fff; } .lvE { background: #afb8c1; color: #1f2328; } .alt { background: #eaeef2; color: #57606a; }
        .res { box-shadow: inset 0 0 0 2px #cf222e; }
        .legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 3px; font-size: 12px; }
        .problem { color: #cf222e; } .none { color: #57606a; font-style: italic; }
        a { color: #0969da; }
        """

    static func snapshotText(_ cohort: CohortAnnotation) -> String {
        guard let snapshot = cohort.samples.first?.snapshot, !snapshot.isEmpty else { return "" }
        return " · knowledge snapshot <code>\(escape(String(snapshot.prefix(12))))</code>"
    }

    static func levelCounts(_ cohort: CohortAnnotation) -> String {
        var bestBySample: [EvidenceLevel: Int] = [:]
        var options: [EvidenceLevel: Int] = [:]
        var none = 0
        for sample in cohort.samples {
            if let best = sample.bestLevel { bestBySample[best, default: 0] += 1 } else { none += 1 }
            for option in sample.options { options[option.level, default: 0] += 1 }
        }
        let widest = max(1, bestBySample.values.max() ?? 1)
        var html = "<h2>Counts by level</h2>\n<table><tr><th>Best level</th><th>Samples</th><th>Options</th></tr>\n"
        for level in EvidenceLevel.allCases {
            let count = bestBySample[level, default: 0]
            let width = count * 160 / widest
            html +=
                "<tr><td><span class=\"lv\(level.rawValue)\">&nbsp;\(level.rawValue)&nbsp;</span></td><td>\(count)<span class=\"bar\" style=\"width:\(width)px\"></span></td><td>\(options[level, default: 0])</td></tr>\n"
        }
        html += "<tr><td>none</td><td>\(none)</td><td></td></tr>\n</table>\n"
        return html
    }

    /// Drugs listed in the counts table; the rest are in each sample's options.
    static let drugRows = 12

    static func drugCounts(_ cohort: CohortAnnotation) -> String {
        var samples: [String: Set<String>] = [:]
        var best: [String: EvidenceLevel] = [:]
        for sample in cohort.samples {
            for option in sample.options {
                let drugs = option.drugs.joined(separator: " + ")
                samples[drugs, default: []].insert(sample.sample)
                best[drugs] = min(best[drugs] ?? option.level, option.level)
            }
        }
        guard !samples.isEmpty else { return "<h2>Counts by drug</h2>\n<p class=\"none\">No sample has a matched option.</p>\n" }
        let ordered = samples.keys.sorted {
            (best[$0]!.rank, -samples[$0]!.count, $0) < (best[$1]!.rank, -samples[$1]!.count, $1)
        }
        var html = "<h2>Counts by drug</h2>\n<table><tr><th>Drugs</th><th>Best level</th><th>Samples</th></tr>\n"
        for drugs in ordered.prefix(Self.drugRows) {
            let level = best[drugs]!.rawValue
            html += "<tr><td>\(escape(drugs))</td><td class=\"lv\(level)\">\(level)</td><td>\(samples[drugs]!.count)</td></tr>\n"
        }
        if ordered.count > Self.drugRows {
            html += "<tr><td colspan=\"3\" class=\"none\">\(ordered.count - Self.drugRows) more, in each sample's options below</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Samples × actionable genes: a cell's colour is the best level of the options that involve the gene;
    /// a grey cell is an alteration with no option; a red outline marks a resistance alert.
    static func grid(_ cohort: CohortAnnotation) -> String {
        var geneBest: [String: EvidenceLevel] = [:]
        var cells: [String: [String: (level: EvidenceLevel?, alterations: [String], resistance: Bool)]] = [:]
        for sample in cohort.samples {
            var row: [String: (level: EvidenceLevel?, alterations: [String], resistance: Bool)] = [:]
            for alteration in sample.alterations {
                let gene = sample.gene(of: alteration)
                row[gene, default: (nil, [], false)].alterations.append(alteration)
            }
            for option in sample.options {
                for alteration in option.alterations {
                    let gene = sample.gene(of: alteration)
                    var cell = row[gene, default: (nil, [alteration], false)]
                    cell.level = min(cell.level ?? option.level, option.level)
                    row[gene] = cell
                    geneBest[gene] = min(geneBest[gene] ?? option.level, option.level)
                }
            }
            // A prior progression is about a drug, not a gene: it is listed with the sample, not in the grid.
            for alert in sample.resistance where alert.basis != .priorProgression {
                let gene = sample.gene(of: alert.alteration)
                row[gene, default: (nil, [alert.alteration], false)].resistance = true
                if geneBest[gene] == nil { geneBest[gene] = .e }
            }
            cells[sample.sample] = row
        }
        let genes = geneBest.keys.sorted { (geneBest[$0]!.rank, $0) < (geneBest[$1]!.rank, $1) }
        var html = "<h2>Actionability by sample</h2>\n"
        guard !genes.isEmpty else { return html + "<p class=\"none\">No actionable gene in this cohort.</p>\n" }
        html += "<p class=\"legend\">"
        for level in EvidenceLevel.allCases { html += "<span class=\"lv\(level.rawValue)\">\(level.rawValue)</span>" }
        html += "<span class=\"alt\">altered, no option</span><span class=\"res\">resistance alert</span></p>\n"
        html += "<table class=\"grid\"><tr><th scope=\"col\">Sample</th>"
        for gene in genes { html += "<th class=\"gene\" scope=\"col\">\(escape(gene))</th>" }
        html += "</tr>\n"
        for sample in cohort.samples {
            html += "<tr><th class=\"sample\" scope=\"row\"><a href=\"#\(anchor(sample.sample))\">\(escape(sample.sample))</a></th>"
            for gene in genes {
                guard let cell = cells[sample.sample]?[gene] else {
                    html += "<td></td>"
                    continue
                }
                var classes = [cell.level.map { "lv\($0.rawValue)" } ?? "alt"]
                if cell.resistance { classes.append("res") }
                let title = escape(cell.alterations.joined(separator: ", "))
                html += "<td class=\"\(classes.joined(separator: " "))\" title=\"\(title)\">\(cell.level?.rawValue ?? "")</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    static func sampleSections(_ cohort: CohortAnnotation) -> String {
        var html = "<h2>Samples</h2>\n"
        for sample in cohort.samples {
            html += "<section id=\"\(anchor(sample.sample))\"><h3>\(escape(sample.sample))</h3>\n"
            let disease = sample.resolvedDisease.map { "\($0.name) (\($0.code))" } ?? sample.disease ?? "no tumour type"
            html +=
                "<p class=\"meta\">\(escape(disease)) · \(escape(sample.alterations.isEmpty ? "no alterations" : sample.alterations.joined(separator: ", ")))"
            if !sample.priorTherapies.isEmpty { html += " · prior: \(escape(sample.priorTherapies.joined(separator: "; ")))" }
            html += "</p>\n"
            for problem in sample.problems { html += "<p class=\"problem\">\(escape(problem))</p>\n" }
            if sample.options.isEmpty {
                html += "<p class=\"none\">No matched option.</p>\n"
            } else {
                html += "<table><tr><th>#</th><th>Drugs</th><th>Level</th><th>Disease</th><th>Match</th><th>Alterations</th><th>Evidence</th></tr>\n"
                for option in sample.options {
                    html += "<tr><td>\(option.rank)</td><td>\(escape(option.drugs.joined(separator: " + ")))</td>"
                    html += "<td class=\"lv\(option.level.rawValue)\">\(option.level.rawValue)</td><td>\(option.diseaseMatch.rawValue)</td>"
                    html += "<td>\(option.matchSpecificity.rawValue)</td><td>\(escape(option.alterations.joined(separator: ", ")))</td>"
                    html += "<td>\(links(option.evidence))</td></tr>\n"
                }
                html += "</table>\n"
            }
            for alert in sample.resistance {
                html +=
                    "<p class=\"problem\">Resistance: \(escape(alert.drugs.joined(separator: " + "))) with \(escape(alert.alteration)) (\(escape(alert.basis.rawValue))) \(links(alert.evidence))</p>\n"
            }
            html += "</section>\n"
        }
        return html
    }

    static func fileSummaries(_ cohort: CohortAnnotation) -> String {
        var html = "<h2>Files</h2>\n<ul>\n"
        for summary in cohort.summaries + (cohort.clinical.map { [$0] } ?? []) { html += "<li>\(escape(summary.line))</li>\n" }
        for error in cohort.errors { html += "<li class=\"problem\">\(escape(error.description))</li>\n" }
        return html + "</ul>\n"
    }

    /// Evidence as links: PubMed for a PMID, else the evidence id as text.
    static func links(_ references: [EvidenceReference]) -> String {
        var seen = Set<String>()
        var parts: [String] = []
        for reference in references where seen.insert(reference.pmid ?? reference.citation ?? reference.id).inserted {
            if let pmid = reference.pmid, pmid.allSatisfy(\.isNumber) {
                parts.append("<a href=\"https://pubmed.ncbi.nlm.nih.gov/\(pmid)/\">PMID \(pmid)</a>")
            } else {
                parts.append(escape(reference.citation ?? reference.id))
            }
        }
        return parts.prefix(6).joined(separator: ", ") + (parts.count > 6 ? " (+\(parts.count - 6))" : "")
    }

    /// An id attribute value, unique per sample id and the same on every run: ASCII letters, digits and `-` as they
    /// are, every other byte of the UTF-8 as `_` and two hex digits. Mapping punctuation to one character made
    /// `TCGA-AB-1234`, `TCGA.AB.1234` and `TCGA_AB_1234` share an anchor, so their grid links went to the first.
    static func anchor(_ sample: String) -> String {
        var id = "s-"
        for byte in sample.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"):
                id.append(Character(Unicode.Scalar(byte)))
            default:
                id += "_" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return id
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
