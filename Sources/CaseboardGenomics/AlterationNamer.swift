import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Turns a gene and a change into the alteration the matcher will read, through the same parser
/// (`Vocabularies.parseAlteration`), so a file's "EML4-ALK" is filed exactly where a typed "EML4::ALK" is.
struct AlterationNamer {
    struct Named: Hashable {
        var label: String
        var gene: String
    }

    let vocabularies: Vocabularies
    private var cache: [String: Result<Named, NotAnnotatableReason>] = [:]
    /// Distinct alterations remembered; the cache is emptied past this so memory stays bounded.
    private static let cacheLimit = 50_000

    init(vocabularies: Vocabularies) {
        self.vocabularies = vocabularies
    }

    /// Reads the first of `texts` that parses; the reason of the last failure otherwise.
    mutating func name(_ texts: [String]) -> Result<Named, NotAnnotatableReason> {
        var last: Result<Named, NotAnnotatableReason> = .failure(.unreadableVariant)
        for text in texts {
            last = name(text)
            if case .success = last { return last }
        }
        return last
    }

    mutating func name(_ text: String) -> Result<Named, NotAnnotatableReason> {
        if let known = cache[text] { return known }
        let result: Result<Named, NotAnnotatableReason>
        switch vocabularies.parseAlteration(text) {
        case .success(let alteration):
            // The label is what the matcher will read back; keep the input when the label does not read back the same
            // ("ANG p.V7I" parses, "ANG V7I" does not).
            let readsBack = (try? vocabularies.parseAlteration(alteration.label).get()).map {
                $0.gene == alteration.gene && $0.variant == alteration.variant && $0.kind == alteration.kind
            }
            result = .success(Named(label: readsBack == true ? alteration.label : text, gene: alteration.gene))
        case .failure(.unknownGene): result = .failure(.unknownGene)
        case .failure: result = .failure(.unreadableVariant)
        }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[text] = result
        return result
    }

    /// Candidate texts for a protein or cDNA change: "p.G12D" is tried as "G12D" first; "ENSP…:p.X" loses its prefix.
    static func changeTexts(gene: String, change: String) -> [String] {
        var change = change
        if let colon = change.firstIndex(of: ":"),
            change[change.index(after: colon)...].hasPrefix("p.") || change[change.index(after: colon)...].hasPrefix("c.")
        {
            change = String(change[change.index(after: colon)...])
        }
        change = change.replacingOccurrences(of: "%3D", with: "=")
        if change.hasPrefix("p.") { return ["\(gene) \(change.dropFirst(2))", "\(gene) \(change)"] }
        return ["\(gene) \(change)"]
    }

    /// A two-gene fusion written `A-B`, `A--B`, `A::B` or `A/B` as "A::B fusion", or nil when it names no two genes.
    func fusionText(_ raw: String) -> String? {
        var text = raw.trimmingWhitespace
        for suffix in [" fusion", " Fusion", " FUSION"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        for separator in ["::", "--", "/"] where text.contains(separator) {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2, isGene(parts[0]), isGene(parts[1]) else { return nil }
            return "\(parts[0])::\(parts[1]) fusion"
        }
        // A single hyphen may be inside a symbol (HLA-A): take the split where both sides are genes.
        let characters = Array(text)
        for index in characters.indices where characters[index] == "-" {
            let left = String(characters[..<index])
            let right = String(characters[(index + 1)...])
            if isGene(left), isGene(right) { return "\(left)::\(right) fusion" }
        }
        return nil
    }

    private func isGene(_ symbol: String) -> Bool {
        let trimmed = symbol.trimmingWhitespace
        return !trimmed.isEmpty && vocabularies.gene(symbol: trimmed) != nil
    }
}
