import Foundation
import Testing

/// Static checks of the web UI assets in `Sources/CaseboardServer/Resources/Public`, read from
/// the source tree: no HTML injection sinks, no external addresses beyond the evidence link
/// templates, labelled form controls, and the element ids the browser tests rely on.
@Suite struct StaticAssetTests {
    static let publicDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CaseboardPresentationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/CaseboardServer/Resources/Public")

    static func asset(_ name: String) throws -> String {
        try String(contentsOf: publicDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    static let assetNames = ["index.html", "app.js", "style.css"]

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
        for name in ["app.js", "index.html"] {
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
        let allowed = ["https://pubmed.ncbi.nlm.nih.gov/", "https://civicdb.org/evidence/"]
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
            "nav-read", "nav-match", "nav-browse", "case-text", "extract-button", "document-view", "timeline", "match-disease",
            "match-alterations", "match-prior", "match-button", "alerts", "options-table", "similar-cases", "status",
        ]
        for id in required {
            #expect(ids.contains(id), "missing #\(id)")
        }
        #expect(html.contains("id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\""))
        #expect(try Self.matches(#"<textarea\b[^>]*id="match-alterations""#, in: html).count == 1)
        #expect(try Self.matches(#"<table\b[^>]*id="options-table"[^>]*>.*?<tbody>"#, in: html).count == 1)
        #expect(try Self.matches(#"id="alerts"[^>]*role="alert""#, in: html).count == 1)
        // Ids are unique.
        let all = try Self.matches(#"\bid\s*=\s*"([^"]+)""#, in: html, group: 1)
        #expect(all.count == ids.count)
    }

    @Test func highlightsUseMarkElementsAndByteOffsets() throws {
        let script = try Self.asset("app.js")
        #expect(script.contains("h(\"mark\""))
        #expect(script.contains("\"mention mention-\" + kind"))
        #expect(script.contains("new TextEncoder().encode"))
        #expect(script.contains("\"image/svg+xml\""))
    }
}
