import Foundation
import Testing

/// Static checks of the web UI assets in `Sources/CaseboardServer/Resources/Public`, read from
/// the source tree: no HTML injection sinks, no external addresses beyond the evidence link
/// templates, labelled form controls, the element ids the browser tests rely on, and ES modules
/// whose imports all resolve.
@Suite struct StaticAssetTests {
    static let publicDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CaseboardPresentationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/CaseboardServer/Resources/Public")

    static func asset(_ name: String) throws -> String {
        try String(contentsOf: publicDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The entry module and every module under `js/`, as paths relative to `Public`.
    static var scriptNames: [String] {
        let directory = publicDirectory.appendingPathComponent("js")
        let modules = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".js") }
            .map { "js/" + $0 }
        return ["app.js"] + modules.sorted()
    }

    static var assetNames: [String] { ["index.html", "style.css"] + scriptNames }

    /// Every match of `pattern` in `text`, as the text of capture group `group` (0: the whole match).
    static func matches(_ pattern: String, in text: String, group: Int = 0) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    @Test func assetsExist() throws {
        for name in Self.assetNames {
            #expect(try !Self.asset(name).isEmpty, "\(name) is empty")
        }
    }

    @Test func noHTMLInjectionSinks() throws {
        for name in Self.scriptNames + ["index.html"] {
            let text = try Self.asset(name)
            // innerHTML may only be cleared.
            let assignments = try Self.matches(#"\.innerHTML\s*\+?=\s*([^;\n]*)"#, in: text, group: 1)
            for value in assignments {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                #expect(trimmed == "\"\"" || trimmed == "''", "\(name): innerHTML assigned \(trimmed)")
            }
            #expect(try Self.matches(#"\.innerHTML\s*\+="#, in: text).isEmpty, "\(name): innerHTML +=")
            for sink in ["outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
                #expect(!text.contains(sink), "\(name) uses \(sink)")
            }
        }
    }

    @Test func noExternalAddressesButEvidenceLinks() throws {
        // The SVG namespace names no resource: createElementNS needs it for the inline charts.
        let allowed = ["https://pubmed.ncbi.nlm.nih.gov/", "https://civicdb.org/evidence/", "http://www.w3.org/2000/svg"]
        for name in Self.assetNames {
            let text = try Self.asset(name)
            let addresses = try Self.matches(#"https?://[^\s"'`)<>]*"#, in: text)
            for address in addresses {
                #expect(allowed.contains { address.hasPrefix($0) }, "\(name) refers to \(address)")
            }
            #expect(!text.contains("@import"), "\(name) imports a stylesheet")
        }
        let html = try Self.asset("index.html")
        let sources = try Self.matches(#"<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*"([^"]*)""#, in: html, group: 1)
        #expect(Set(sources) == ["app.js", "style.css"])
    }

    @Test func everyControlHasALabel() throws {
        let html = try Self.asset("index.html")
        let labelled = Set(try Self.matches(#"<label\b[^>]*\bfor\s*=\s*"([^"]+)""#, in: html, group: 1))
        let controls = try Self.matches(#"<(?:input|textarea|select)\b[^>]*>"#, in: html)
        #expect(controls.count >= 15)
        for control in controls {
            let id = try Self.matches(#"\bid\s*=\s*"([^"]+)""#, in: control, group: 1).first
            #expect(id != nil, "control without id: \(control)")
            if let id { #expect(labelled.contains(id), "no <label for=\"\(id)\">") }
        }
    }

    @Test func requiredElementIdsExist() throws {
        let html = try Self.asset("index.html")
        let ids = Set(try Self.matches(#"\bid\s*=\s*"([^"]+)""#, in: html, group: 1))
        let required = [
            "nav-read", "nav-match", "nav-evidence", "nav-cases", "start-panel", "example-list", "match-this-patient", "section-case",
            "section-evidence-item", "overview-charts", "case-text", "extract-button", "document-view", "timeline", "match-disease",
            "match-alterations", "match-prior", "match-button", "alerts", "options-table", "similar-cases", "status",
        ]
        for id in required {
            #expect(ids.contains(id), "missing #\(id)")
        }
        #expect(html.contains("id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\""))
        #expect(try Self.matches(#"<textarea\b[^>]*id="match-alterations""#, in: html).count == 1)
        #expect(try Self.matches(#"<table\b[^>]*id="options-table"[^>]*>.*?<tbody>"#, in: html).count == 1)
        // Resistance and not-recommended drugs are their own labelled block.
        #expect(try Self.matches(#"id="alerts"[^>]*aria-labelledby="alerts-heading""#, in: html).count == 1)
        // Ids are unique.
        let all = try Self.matches(#"\bid\s*=\s*"([^"]+)""#, in: html, group: 1)
        #expect(all.count == ids.count)
    }

    @Test func highlightsUseMarkElementsAndByteOffsets() throws {
        let script = try Self.asset("js/highlight.js")
        #expect(script.contains("h(\"mark\""))
        #expect(script.contains("\"mention mention-\" + kind"))
        #expect(script.contains("new TextEncoder()"))
        #expect(try Self.asset("js/svg.js").contains("\"image/svg+xml\""))
    }

    /// One module per view, plus the router and the API client.
    @Test func scriptsAreModulesByView() throws {
        let names = Set(Self.scriptNames)
        for view in ["reader", "case", "match", "evidence", "cases", "report"] {
            #expect(names.contains("js/views/\(view).js"), "no module for the \(view) view")
        }
        #expect(names.contains("js/router.js") && names.contains("js/api.js"))
        let html = try Self.asset("index.html")
        #expect(html.contains("<script src=\"app.js\" type=\"module\"></script>"))
        // No inline script and no inline handlers: the content security policy forbids both.
        #expect(try Self.matches(#"<script\b(?![^>]*\bsrc=)[^>]*>"#, in: html).isEmpty)
        #expect(try Self.matches(#"\son[a-z]+\s*="#, in: html).isEmpty)
    }

    /// Every relative import names a module that exists, so the page loads without a build step.
    @Test func everyImportResolves() throws {
        for name in Self.scriptNames {
            let text = try Self.asset(name)
            let base = URL(fileURLWithPath: name, relativeTo: Self.publicDirectory).deletingLastPathComponent()
            let imports = try Self.matches(#"\bfrom\s+"([^"]+)""#, in: text, group: 1)
            for path in imports {
                #expect(path.hasPrefix("./") || path.hasPrefix("../"), "\(name) imports a bare specifier \(path)")
                let target = base.appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(name) imports missing \(path)")
            }
        }
    }

    /// "Try an example" serves bundled copies of the repository's `Examples/` reports: they
    /// must stay the same as the originals.
    @Test func bundledExamplesMatchTheRepositoryExamples() throws {
        let examples = Self.publicDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let reports = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".md") }
        #expect(!reports.isEmpty)
        for name in reports {
            let original = try Data(contentsOf: examples.appendingPathComponent(name))
            let bundled = try Data(contentsOf: Self.publicDirectory.appendingPathComponent("examples").appendingPathComponent(name))
            #expect(bundled == original, "examples/\(name) differs from Examples/\(name)")
        }
        // The example patient is Examples/patient.json's profile.
        let patient = try JSONSerialization.jsonObject(with: Data(contentsOf: examples.appendingPathComponent("patient.json"))) as? [String: Any]
        let bundled =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.publicDirectory.appendingPathComponent("examples/egfr-lung-case.patient.json"))
            ) as? [String: Any]
        #expect(bundled?["disease"] as? String == patient?["disease"] as? String)
        #expect(bundled?["alterations"] as? [String] == patient?["alterations"] as? [String])
    }
}
