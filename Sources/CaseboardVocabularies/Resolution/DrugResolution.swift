import CaseboardCore
import Foundation

/// What a typed drug field resolves to.
public enum DrugResolution: Sendable, Hashable {
    /// One drug; `via` says which form matched ("generic name", "brand 'Tagrisso'", "code").
    case drug(Drug, via: String)
    /// A named regimen ("FOLFOX", "7+3").
    case regimen(Regimen)
    /// Drugs joined by "+", "and", "plus", "/" or a comma ("dabrafenib + trametinib").
    case combination([Drug])
    /// Nothing matched; up to three INNs close in spelling, best first.
    case unknown(suggestions: [String])
    /// Empty, or longer than ``InputLimits/maximumBytes``.
    case rejected(InputProblem)

    /// The INNs the resolution stands for; empty when unresolved.
    public var drugNames: [String] {
        switch self {
        case .drug(let drug, _): [drug.name]
        case .regimen(let regimen): regimen.drugs
        case .combination(let drugs): drugs.map(\.name)
        case .unknown, .rejected: []
        }
    }
}

/// Drug names, brands and synonyms by length, for bounded spelling suggestions.
struct DrugSpellingIndex: Sendable {
    /// Per length, (lowercase form, drug index).
    private(set) var byLength: [[(form: [UInt8], drug: Int)]] = Array(repeating: [], count: 41)

    /// Generic names in order, for "pembro" → pembrolizumab.
    private(set) var sortedNames: [(name: String, drug: Int)] = []

    init(drugs: [Drug]) {
        sortedNames = drugs.enumerated().map { ($1.name, $0) }.sorted { $0.name < $1.name }
        for (index, drug) in drugs.enumerated() {
            for form in [drug.name] + drug.brands + drug.synonyms {
                let bytes = Array(form.lowercased().utf8)
                guard bytes.count >= 3, bytes.count <= 40 else { continue }
                byLength[bytes.count].append((bytes, index))
            }
        }
    }
}

extension Vocabularies {
    /// A regimen's drug names with the parts of a fixed-dose product folded into it: typed "bevacizumab +
    /// trifluridine + tipiracil" is bevacizumab with "trifluridine and tipiracil" (Lonsurf), the regimen its label
    /// and the knowledge base name, not three drugs; a part named beside its product is the product's.
    public func mergingFixedCombinations(_ names: Set<String>) -> Set<String> {
        var merged = names
        for (product, parts) in fixedCombinations where merged.contains(product) || parts.allSatisfy(merged.contains) {
            merged.subtract(parts)
            merged.insert(product)
        }
        return merged
    }

    /// Resolves a typed drug: generic name, brand, code, salt or synonym in any case; a regimen
    /// abbreviation; or a combination of those. A typo gets spelling suggestions.
    public func resolveDrug(_ text: String) -> DrugResolution {
        let trimmed: String
        switch InputLimits.check(text) {
        case .success(let value): trimmed = value
        case .failure(let problem): return .rejected(problem)
        }
        if let single = singleDrug(trimmed) { return single }
        // "dabrafenib + trametinib", "FOLFOX and bevacizumab"
        var parts = [trimmed]
        for separator in [" + ", "+", " plus ", " and ", " with ", ", ", ",", " / ", "/", " & "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        parts = parts.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        if parts.count > 1 {
            var drugs: [Drug] = []
            for part in parts {
                switch singleDrug(part) {
                case .drug(let drug, _)?: if !drugs.contains(drug) { drugs.append(drug) }
                case .regimen(let regimen)?:
                    for name in regimen.drugs { if let drug = drug(inn: name), !drugs.contains(drug) { drugs.append(drug) } }
                default:
                    return .unknown(suggestions: suggestDrugs(part))
                }
            }
            return .combination(drugs)
        }
        return .unknown(suggestions: suggestDrugs(trimmed))
    }

    private func singleDrug(_ text: String) -> DrugResolution? {
        if let drug = drug(named: text) {
            let lowered = text.lowercased()
            let via =
                drug.name == lowered
                ? "generic name"
                : drug.brands.contains(where: { $0.lowercased() == lowered })
                    ? "brand '\(text)'"
                    : drug.codes.contains(where: { $0.lowercased() == lowered }) ? "code '\(text)'" : "synonym '\(text)'"
            return .drug(drug, via: via)
        }
        if let regimen = regimen(named: text) ?? regimen(named: text.uppercased()) { return .regimen(regimen) }
        // Codes are stored in capitals: "azd9291" typed in lowercase.
        if text.utf8.count <= 12, let drug = drug(named: text.uppercased()) { return .drug(drug, via: "code '\(text)'") }
        return nil
    }

    /// Up to three drugs (INNs) whose name, brand or synonym is closest in spelling to `word`:
    /// "osimertinb" → osimertinib, "Tagriso" → osimertinib. Looks only at forms within two
    /// letters of the word's length, so the cost does not grow with the whole table.
    public func suggestDrugs(_ word: String) -> [String] {
        guard word.utf8.count <= InputLimits.maximumBytes else { return [] }
        let lowered = word.lowercased().trimmingWhitespace
        let target = Array(lowered.utf8)
        guard target.count >= 3, target.count <= 40 else { return [] }
        // A clinician's short form: the generic names it begins ("pembro", "carbo").
        if target.count >= 4 {
            let names = drugSpelling.sortedNames
            var low = 0
            var high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid].name < lowered { low = mid + 1 } else { high = mid }
            }
            let prefixed = names[low...].prefix { $0.name.hasPrefix(lowered) }.prefix(4).map(\.name)
            if !prefixed.isEmpty, prefixed.count <= 3 { return prefixed }
        }
        let limit = target.count <= 4 ? 1 : 2
        var best: [Int: (distance: Int, generic: Int)] = [:]
        for length in max(3, target.count - limit)...min(40, target.count + limit) {
            for entry in drugSpelling.byLength[length] {
                let distance = editDistance(entry.form, target, limit: limit)
                guard distance <= limit else { continue }
                let generic = entry.form == Array(drugs[entry.drug].name.utf8) ? 0 : 1
                if let known = best[entry.drug], (known.distance, known.generic) <= (distance, generic) { continue }
                best[entry.drug] = (distance, generic)
            }
        }
        return best.sorted { ($0.value.distance, $0.value.generic, drugs[$0.key].name) < ($1.value.distance, $1.value.generic, drugs[$1.key].name) }
            .prefix(3).map { drugs[$0.key].name }
    }
}
