/// Decides which HTML elements are page furniture rather than article text.
///
/// Class and id values are split into words ("cookie-banner", "shareBar", "site_nav" give
/// cookie/banner, share/bar, site/nav) and matched as whole words, so "article-body navigable"
/// or "shared-decision" are kept while "nav-links" and "social-share" go.
enum HTMLBoilerplate {
    /// Elements that never hold article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "button", "select", "textarea",
        "iframe", "object", "embed", "canvas", "video", "audio", "map", "dialog", "datalist", "noembed", "noframes", "menu",
    ]

    /// Landmark roles of navigation, page header and footer, sidebars and pop-ups.
    private static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search",
        "toolbar",
    ]

    /// Words in class, id and aria-label values that mark furniture.
    private static let droppedWords: Set<String> = [
        "cookie", "cookies", "cookiebar", "cookiebanner", "consent", "gdpr", "banner", "nav", "navbar", "navigation", "sidenav",
        "topnav", "subnav", "menu", "menubar", "megamenu", "breadcrumb", "breadcrumbs", "sidebar", "share", "sharing",
        "sharebar", "social", "socialbar", "advert", "adverts", "advertisement", "advertising", "ads", "ad", "adslot",
        "adsbygoogle", "sponsored", "promo", "promotion", "promoted", "related", "recommended", "recommendations",
        "newsletter", "subscribe", "paywall", "modal", "popup", "popover", "toolbar", "masthead", "skiplink", "comments",
        "disqus", "trending",
    ]

    /// Whole class names that hide content from sighted readers.
    private static let hiddenClasses: Set<String> = [
        "hidden", "hide", "is-hidden", "u-hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "offscreen",
    ]

    /// Elements whose own class or role never drops them, so a cookie-flagged `<body>` or an
    /// `<article class="related">` wrapper around the only article does not empty the page.
    private static let protectedElements: Set<String> = ["html", "body", "main", "article"]

    /// Whether the element and everything inside it should be left out.
    /// - Parameter value: decodes an attribute's value.
    static func shouldDrop(_ token: HTMLToken, insideArticle: Bool, value: (HTMLToken.Attribute) -> String) -> Bool {
        if droppedElements.contains(token.name) { return true }
        if (token.name == "header" || token.name == "footer") && !insideArticle { return true }
        let protected = protectedElements.contains(token.name)
        for attribute in token.attributes {
            switch attribute.name {
            case "hidden":
                if !protected { return true }
            case "aria-hidden":
                if value(attribute).lowercased() == "true" { return true }
            case "style":
                let style = value(attribute).lowercased().filter { !$0.isWhitespace }
                if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            case "role":
                if !protected, droppedRoles.contains(value(attribute).lowercased().trimmingCharacters(in: " ")) { return true }
            case "class":
                guard !protected else { continue }
                let text = value(attribute)
                if text.split(separator: " ").contains(where: { hiddenClasses.contains($0.lowercased()) }) { return true }
                if words(text).contains(where: droppedWords.contains) { return true }
            case "id", "aria-label":
                if !protected, words(value(attribute)).contains(where: droppedWords.contains) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Lowercased words of an identifier list, split at punctuation and camelCase humps.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in text {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousWasLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
