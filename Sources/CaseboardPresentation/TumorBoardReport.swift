import CaseboardKnowledge
import CaseboardMatching

/// A printable tumor-board report for one matched patient: a self-contained HTML page with
/// inline CSS and print styles, no scripts, and no external links except evidence links to
/// PubMed and CIViC.
///
/// Resistance alerts come first, then the patient, any inputs that could not be used, the
/// ranked therapy options and similar stored cases. Every piece of text is HTML-escaped.
///
/// ```swift
/// let page = TumorBoardReport.html(profile: profile, result: result, generated: "2025-01-31 14:05 UTC")
/// ```
public enum TumorBoardReport {
    /// Renders the report.
    /// - Parameters:
    ///   - profile: the patient as entered.
    ///   - result: the match result for `profile`.
    ///   - generated: when the report was made, as it should be printed (the caller formats it,
    ///     so the output stays deterministic).
    /// - Returns: a complete HTML document.
    public static func html(profile: PatientProfile, result: MatchResult, generated: String) -> String {
        var page = Page()
        page.write(profile: profile, result: result, generated: generated)
        return page.out
    }

    /// The PubMed address for a PMID, or nil when `pmid` is not a plain number.
    static func pubMedURL(_ pmid: String) -> String? {
        let digits = pmid.hasPrefix("pmid:") ? String(pmid.dropFirst(5)) : pmid
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "https://pubmed.ncbi.nlm.nih.gov/\(digits)/"
    }

    /// The CIViC address for a `civic:EID<n>` evidence id, or nil for other ids.
    static func civicURL(_ id: String) -> String? {
        guard id.hasPrefix("civic:EID") else { return nil }
        let digits = id.dropFirst("civic:EID".count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "https://civicdb.org/evidence/\(digits)"
    }
}

private struct Page {
    var out = ""

    static let style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
          color: #1f2328; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; }
        .meta { color: #57606a; margin: 0; }
        code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 3px; }
        .alerts { border: 3px solid #b3261e; border-radius: 6px; background: #fff5f5; padding: 4px 16px 12px; margin-top: 20px; }
        .alerts h2 { color: #8c1d18; border-bottom-color: #f0b8b5; margin-top: 10px; }
        .alerts ul { margin: 0; padding-left: 20px; }
        .alerts li { margin: 6px 0; }
        .none { color: #57606a; font-style: italic; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #d0d7de; }
        thead th { background: #f6f8fa; border-bottom: 2px solid #afb8c1; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .level { display: inline-block; min-width: 1.8em; text-align: center; font-weight: 700; border: 1px solid #57606a; border-radius: 3px; }
        .small { font-size: 12px; color: #57606a; }
        .problems { border-left: 4px solid #b35c00; background: #fff8ef; padding: 4px 12px 4px 32px; }
        dd ol { margin: 0; padding-left: 1.4em; }
        a { color: #0b5cad; }
        .citations { margin: 0; padding-left: 1.3em; }
        .citations li { margin: 0 0 4px; }
        cite { font-style: normal; }
        footer { margin-top: 32px; color: #57606a; font-size: 12px; border-top: 1px solid #d0d7de; padding-top: 8px; }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { padding: 0; max-width: none; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          thead { display: table-header-group; }
          tr, li, .alerts { break-inside: avoid; }
          h2 { break-after: avoid; }
          .alerts { background: none; }
        }
        """

    mutating func write(profile: PatientProfile, result: MatchResult, generated: String) {
        let disease = result.disease?.name ?? profile.disease ?? "unspecified disease"
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Tumor board report: \(e(disease))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>Molecular tumor board report</h1>\n"
        out += "<p class=\"meta\">Generated <time>\(e(generated))</time> \u{00B7} knowledge snapshot <code>\(e(result.snapshot))</code>"
        if let id = result.id ?? profile.id { out += " \u{00B7} patient <code>\(e(id))</code>" }
        out += "</p>\n</header>\n<main>\n"
        writeAlerts(result.resistance)
        writePatient(profile: profile, result: result)
        writeProblems(result.problems)
        writeOptions(result.options)
        writeNotRecommended(result.notRecommended)
        writeSimilar(result.similarCases)
        out += "</main>\n<footer>\n<p>Decision support for discussion at a molecular tumor board; not a treatment recommendation. "
        out += "Evidence levels and relations are as recorded in the knowledge snapshot above.</p>\n"
        out += "<p>Snapshot <code>\(e(result.snapshot))</code> \u{00B7} generated \(e(generated))</p>\n</footer>\n</body>\n</html>\n"
    }

    mutating func writeAlerts(_ alerts: [ResistanceAlert]) {
        out += "<section class=\"alerts\" aria-labelledby=\"alerts-heading\">\n"
        out += "<h2 id=\"alerts-heading\">Resistance alerts (\(alerts.count))</h2>\n"
        guard !alerts.isEmpty else {
            out += "<p class=\"none\">No resistance alerts for this profile.</p>\n</section>\n"
            return
        }
        out += "<ul>\n"
        for alert in alerts {
            out += "<li><strong>Avoid or reconsider \(e(drugList(alert.drugs)))</strong>: \(e(alert.alteration)). \(e(alert.why))"
            out += " <span class=\"small\">(basis: \(e(alert.basis.rawValue)))</span>"
            let links = evidenceLinks(alert.evidence)
            if !links.isEmpty { out += "<div class=\"small\">Citations: \(links)</div>" }
            out += "</li>\n"
        }
        out += "</ul>\n</section>\n"
    }

    mutating func writePatient(profile: PatientProfile, result: MatchResult) {
        out += "<section aria-labelledby=\"patient-heading\">\n<h2 id=\"patient-heading\">Patient</h2>\n<dl>\n"
        out += "<dt>Disease</dt><dd>"
        if let resolved = result.disease {
            out += "\(e(resolved.name)) <code>\(e(resolved.code))</code>"
            if resolved.input != resolved.name { out += " <span class=\"small\">(entered as \u{201C}\(e(resolved.input))\u{201D})</span>" }
        } else if let disease = profile.disease, !disease.isEmpty {
            out += "\(e(disease)) <span class=\"small\">(not resolved to OncoTree)</span>"
        } else {
            out += "<span class=\"none\">not given</span>"
        }
        out += "</dd>\n<dt>Alterations</dt><dd>"
        if result.alterations.isEmpty && profile.alterations.isEmpty {
            out += "<span class=\"none\">none given</span>"
        } else if !result.alterations.isEmpty {
            out += result.alterations.map { alteration in
                var item = e(alteration.label)
                if alteration.input != alteration.label { item += " <span class=\"small\">(\u{201C}\(e(alteration.input))\u{201D})</span>" }
                return item
            }.joined(separator: "; ")
        } else {
            out += profile.alterations.map(e).joined(separator: "; ")
        }
        out += "</dd>\n<dt>Prior therapies</dt><dd>"
        if profile.priorTherapies.isEmpty {
            out += "<span class=\"none\">none given</span>"
        } else {
            out += "<ol>"
            for therapy in profile.priorTherapies {
                out += "<li>\(e(drugList(therapy.drugs)))"
                if let response = therapy.response, !response.isEmpty { out += ": \(e(response))" }
                out += "</li>"
            }
            out += "</ol>"
        }
        out += "</dd>\n</dl>\n</section>\n"
    }

    mutating func writeProblems(_ problems: [MatchProblem]) {
        guard !problems.isEmpty else { return }
        out += "<section aria-labelledby=\"problems-heading\">\n<h2 id=\"problems-heading\">Inputs not used (\(problems.count))</h2>\n"
        out += "<ul class=\"problems\">\n"
        for problem in problems {
            out += "<li><code>\(e(problem.field))</code> \u{201C}\(e(problem.input))\u{201D}: \(e(problem.message))</li>\n"
        }
        out += "</ul>\n</section>\n"
    }

    mutating func writeOptions(_ options: [TherapyOption]) {
        out += "<section aria-labelledby=\"options-heading\">\n<h2 id=\"options-heading\">Therapy options (\(options.count))</h2>\n"
        guard !options.isEmpty else {
            out += "<p class=\"none\">No therapy options matched this profile.</p>\n</section>\n"
            return
        }
        out += "<table>\n<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Drugs</th><th scope=\"col\">Level</th>"
        out += "<th scope=\"col\">Disease match</th><th scope=\"col\">Match specificity</th><th scope=\"col\">Why</th>"
        out += "<th scope=\"col\">Citations</th></tr></thead>\n<tbody>\n"
        for option in options.sorted(by: { $0.rank < $1.rank }) {
            out += "<tr><td class=\"num\">\(option.rank)</td><td><strong>\(e(drugList(option.drugs)))</strong>"
            if !option.alterations.isEmpty {
                out += "<br><span class=\"small\">for \(e(option.alterations.joined(separator: ", ")))</span>"
            }
            out += "</td><td><span class=\"level\">\(e(option.level.rawValue))</span></td>"
            out += "<td>\(e(option.diseaseMatch.rawValue))</td><td>\(e(String(describing: option.matchSpecificity)))"
            if let partner = option.partner { out += "<br><span class=\"small\">partner \(e(partner))</span>" }
            if option.inferred { out += "<br><span class=\"small\">inferred match</span>" }
            out += "</td><td>\(e(option.why))"
            if let prior = option.priorResponse { out += "<br><span class=\"small\">Prior: \(e(prior))</span>" }
            if let demoted = option.demoted { out += "<br><span class=\"small\">Ranked lower: \(e(demoted))</span>" }
            out += "</td><td>\(evidenceLinks(option.evidence))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
    }

    /// Drug sets with evidence that were taken out of the options, with the reason.
    mutating func writeNotRecommended(_ entries: [NotRecommendedOption]) {
        guard !entries.isEmpty else { return }
        out += "<section aria-labelledby=\"not-recommended-heading\">\n"
        out += "<h2 id=\"not-recommended-heading\">Not recommended (\(entries.count))</h2>\n<ul>\n"
        for entry in entries {
            out += "<li><strong>\(e(drugList(entry.drugs)))</strong> (\(e(entry.reason.rawValue))): \(e(entry.why))"
            let links = evidenceLinks(entry.evidence)
            if !links.isEmpty { out += "<div class=\"small\">Citations: \(links)</div>" }
            out += "</li>\n"
        }
        out += "</ul>\n</section>\n"
    }

    mutating func writeSimilar(_ cases: [SimilarCase]) {
        out += "<section aria-labelledby=\"similar-heading\">\n<h2 id=\"similar-heading\">Similar cases (\(cases.count))</h2>\n"
        guard !cases.isEmpty else {
            out += "<p class=\"none\">No similar stored cases.</p>\n</section>\n"
            return
        }
        out +=
            "<table>\n<thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Score</th><th scope=\"col\">Shared features</th></tr></thead>\n<tbody>\n"
        for similar in cases {
            out += "<tr><td>\(e(similar.title ?? similar.case))<br><span class=\"small\"><code>\(e(similar.case))</code>"
            if let pmid = similar.pmid {
                if let url = TumorBoardReport.pubMedURL(pmid) {
                    out += " <a href=\"\(e(url))\">PMID \(e(pmid))</a>"
                } else {
                    out += " PMID \(e(pmid))"
                }
            }
            let percent = Int((min(max(similar.score, 0), 1) * 100).rounded())
            out += "</span></td><td class=\"num\">\(percent)%</td><td>\(e(similar.shared.joined(separator: ", ")))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
    }

    /// The citations behind a claim, one per publication: its level, its citation text, the
    /// PubMed link for its PMID (once), and each evidence id (CIViC ids linked).
    func evidenceLinks(_ references: [EvidenceReference]) -> String {
        var order: [String] = []
        var groups: [String: [EvidenceReference]] = [:]
        for reference in references {
            let key = reference.pmid.flatMap { TumorBoardReport.pubMedURL($0) != nil ? "pmid:" + $0 : nil } ?? reference.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(reference)
        }
        guard !order.isEmpty else { return "" }
        var out = "<ol class=\"citations\">"
        for key in order {
            let group = groups[key] ?? []
            guard let first = group.first else { continue }
            let level = group.map(\.level).min() ?? first.level
            out += "<li><span class=\"level\">\(e(level.rawValue))</span> "
            out += "<cite>\(e(group.compactMap(\.citation).first ?? "\(first.source): \(first.profile), \(first.disease)"))</cite>"
            if let pmid = first.pmid, let url = TumorBoardReport.pubMedURL(pmid) {
                out += " <a href=\"\(e(url))\">PMID \(e(pmid))</a>"
            }
            var ids: [String] = []
            for reference in group where !ids.contains(reference.id) { ids.append(reference.id) }
            let idLinks = ids.map { id in
                TumorBoardReport.civicURL(id).map { "<a href=\"\(e($0))\">\(e(String(id.dropFirst("civic:".count))))</a>" } ?? "<code>\(e(id))</code>"
            }
            out += " <span class=\"small\">\(idLinks.joined(separator: " "))</span></li>"
        }
        return out + "</ol>"
    }

    func drugList(_ drugs: [String]) -> String {
        drugs.isEmpty ? "(no drug named)" : drugs.joined(separator: " + ")
    }

    func e(_ text: String) -> String { Markup.escape(text) }
}
