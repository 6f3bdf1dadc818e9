import CaseboardCore
import Foundation

/// Caseboard's bundled vocabularies: HGNC genes, drugs and regimens, OncoTree diseases plus
/// non-cancer conditions, and CTCAE adverse events, with one automaton over all their surface
/// forms.
///
/// Build it once (``loadBundled()``) and share it: it is an immutable value.
///
/// ```swift
/// let vocabularies = try Vocabularies.loadBundled()
/// vocabularies.drug(named: "Nexavar")?.name          // "sorafenib"
/// vocabularies.recognize("FLT3-ITD AML on sorafenib") // FLT3, AML, sorafenib
/// ```
public struct Vocabularies: Sendable {
    public let genes: [Gene]
    public let drugs: [Drug]
    public let regimens: [Regimen]
    public let diseases: [Disease]
    public let adverseEvents: [AdverseEventTerm]
    /// Release facts of the bundled sources.
    public let sources: [String: String]

    let entries: [LexiconEntry]
    let trie: TermTrie
    /// The general disease lexicon's automaton, scanned apart from `trie`.
    let mentionTrie: TermTrie
    /// The concept of a disease the text defines but no vocabulary names.
    let unnamedDisease: Int?
    private let geneIndex: [String: Int]
    private let drugIndex: [String: Int]
    private let diseaseIndex: [String: Int]
    private let adverseEventIndex: [String: Int]
    private let childrenIndex: [String: [String]]
    /// Word index over disease names, for ``readDisease(_:)``.
    let diseaseInputs: DiseaseInputIndex
    /// Drug forms by length, for ``suggestDrugs(_:)``.
    let drugSpelling: DrugSpellingIndex
    /// Gene indexes by symbol length, for ``suggestGenes(for:)``.
    let symbolsByLength: [[Int]]
    /// Every gene some drug targets.
    let drugTargets: Set<String>
    /// Gene symbol → coding change → protein change, from CIViC (`coding_changes.tsv`).
    let codingChanges: [String: [String: String]]
    /// Drug INN → youngest labelled age (`drug_age_limits.tsv`).
    let ageLimits: [String: DrugAgeLimit]
    /// Drug INN → the routes it is given by (`drug_routes.tsv`).
    let routes: [String: DrugRoutes]
    /// Drug INN → its label's QT-prolongation warning (`drug_qt_warnings.tsv`).
    let qtWarnings: [String: QTWarning]
    /// Lowercase names of drug classes and procedures (`drug_classes.tsv`).
    let drugClasses: [String: NonDrugTherapyKind]
    /// Fixed-dose products named for their parts ("trifluridine and tipiracil"), each part a drug of its own.
    let fixedCombinations: [(product: String, parts: [String])]

    /// Loads the vocabularies shipped in this module's resources.
    public static func loadBundled() throws -> Vocabularies {
        guard let root = Bundle.module.resourceURL else {
            throw Diagnostic.error("the CaseboardVocabularies resource bundle is missing")
        }
        // Foundation on Linux reports the bundle's "Resources" folder as its resource URL; on
        // Apple platforms it is the bundle root. Look in both.
        let nested = root.appendingPathComponent("Resources")
        let directory = FileManager.default.fileExists(atPath: nested.appendingPathComponent("genes.tsv").path) ? nested : root
        return try load(from: directory)
    }

    /// Loads vocabularies from a directory holding the generated TSV files.
    public static func load(from directory: URL) throws -> Vocabularies {
        func table(_ name: String) throws -> TSV {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Diagnostic.error("vocabulary resource not found", file: url.path)
            }
            return try TSV(String(decoding: data, as: UTF8.self), name: url.path)
        }
        var builder = LexiconBuilder()
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent("ambiguous_abbreviations.txt").path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            builder.ambiguousAbbreviations.formUnion(lines.filter { !$0.hasPrefix("#") }.map(String.init))
        }
        try builder.addGenes(table("genes.tsv"))
        try builder.addDrugs(table("drugs.tsv"))
        try builder.addRegimens(table("regimens.tsv"))
        // Optional, so a folder of test fixtures without it still loads.
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("coding_changes.tsv").path) {
            try builder.addCodingChanges(table("coding_changes.tsv"))
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("drug_age_limits.tsv").path) {
            try builder.addAgeLimits(table("drug_age_limits.tsv"))
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("drug_routes.tsv").path) {
            try builder.addRoutes(table("drug_routes.tsv"))
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("drug_qt_warnings.tsv").path) {
            try builder.addQTWarnings(table("drug_qt_warnings.tsv"))
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("drug_classes.tsv").path) {
            try builder.addDrugClasses(table("drug_classes.tsv"))
        }
        try builder.addOncoTree(table("oncotree.tsv"), synonyms: table("disease_synonyms.tsv"))
        try builder.addConditions(table("conditions.tsv"))
        try builder.addAdverseEvents(table("adverse_events.tsv"))
        // The rest of the CTCAE v5.0 terms, under the curated ones.
        try builder.addAdverseEvents(table("ctcae_terms.tsv"))
        // Last, so every curated, disease and adverse-event form is already owned.
        try builder.addDrugBank(table("drugbank_drugs.tsv"))
        try builder.addDiseaseLexicon(table("disease_lexicon.tsv"))
        return Vocabularies(builder)
    }

    init(_ builder: LexiconBuilder) {
        genes = builder.genes
        drugs = builder.drugs
        regimens = builder.regimens
        diseases = builder.diseases
        adverseEvents = builder.adverseEvents
        entries = builder.entries
        trie = TermTrie(entries: builder.keys)
        mentionTrie = TermTrie(entries: builder.mentionKeys)
        unnamedDisease = builder.unnamedDisease
        sources = [
            "genes": "HGNC complete set 2026-06-20 (CC0)",
            "diseases": "OncoTree oncotree_2025_10_03 (CC BY 4.0, Memorial Sloan Kettering)",
            "drugs": "Caseboard curated drug table over the DrugBank open vocabulary (CC0)",
            "adverseEvents": "CTCAE v5.0 terms with curated synonyms",
        ]
        geneIndex = Dictionary(genes.enumerated().map { ($1.symbol, $0) }, uniquingKeysWith: { first, _ in first })
        drugIndex = Dictionary(drugs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        diseaseIndex = Dictionary(diseases.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        adverseEventIndex = Dictionary(adverseEvents.enumerated().map { ($1.term, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [String]] = [:]
        for disease in diseases {
            if let parent = disease.parent { children[parent, default: []].append(disease.code) }
        }
        childrenIndex = children
        // Typed disease input resolves to curated diseases only, not to the mention lexicon.
        diseaseInputs = DiseaseInputIndex(diseases: Array(diseases[..<(builder.lexiconStart ?? diseases.count)]))
        drugSpelling = DrugSpellingIndex(drugs: drugs)
        var byLength = [[Int]](repeating: [], count: 33)
        for (index, gene) in genes.enumerated() where gene.symbol.utf8.count < byLength.count {
            byLength[gene.symbol.utf8.count].append(index)
        }
        symbolsByLength = byLength
        drugTargets = Set(drugs.flatMap(\.targets))
        codingChanges = builder.codingChanges
        ageLimits = builder.ageLimits
        routes = builder.routes
        qtWarnings = builder.qtWarnings
        drugClasses = builder.drugClasses
        let named = drugIndex
        fixedCombinations = drugs.compactMap { drug in
            let parts = drug.name.components(separatedBy: " and ")
            guard parts.count >= 2, parts.allSatisfy({ named[$0] != nil }) else { return nil }
            return (drug.name, parts)
        }
    }

    // MARK: Lookup by identifier

    /// The gene with this approved symbol.
    public func gene(symbol: String) -> Gene? {
        geneIndex[symbol].map { genes[$0] }
    }

    /// The drug with this lowercase INN.
    public func drug(inn: String) -> Drug? {
        drugIndex[inn].map { drugs[$0] }
    }

    /// The drug a recognized term names, or nil when the term names something else.
    public func drug(of term: TermMatch) -> Drug? {
        guard case .drug(let index) = term.concept else { return nil }
        return drugs[index]
    }

    /// Whether a therapy name stands for a class of drugs or a procedure rather than a drug one can
    /// give: CIViC's "Platinum Compound", "MEK Inhibitor" or "Radiation Therapy". Nil for a drug,
    /// and for a name no table knows.
    public func nonDrugKind(of name: String) -> NonDrugTherapyKind? {
        if drugIndex[name] != nil { return nil }
        return drugClasses[name] ?? drugClasses[name.lowercased()]
    }

    /// The disease with this OncoTree code (or `COND:` code).
    public func disease(code: String) -> Disease? {
        diseaseIndex[code].map { diseases[$0] } ?? diseaseIndex[code.uppercased()].map { diseases[$0] }
    }

    /// The adverse-event term with this CTCAE name.
    public func adverseEvent(term: String) -> AdverseEventTerm? {
        adverseEventIndex[term.lowercased()].map { adverseEvents[$0] }
    }

    // MARK: Normalization of any surface form

    /// Every concept that a whole surface form names, ignoring context rules; exact-case forms
    /// that match in case come first.
    public func concepts(named surface: String) -> [ConceptReference] {
        let key = LexiconKey.make(surface)
        guard let node = trie.node(forKey: key) else { return [] }
        let exact = LexiconKey.make(surface, foldCase: false)
        var inCase: [ConceptReference] = []
        var other: [ConceptReference] = []
        for value in trie.values(at: node) {
            let entry = entries[Int(value)]
            if entry.policy == .anyCase || entry.exactKey == exact {
                if !inCase.contains(entry.concept) { inCase.append(entry.concept) }
            } else if !other.contains(entry.concept) {
                other.append(entry.concept)
            }
        }
        return inCase + other.filter { !inCase.contains($0) }
    }

    /// The gene that a symbol, alias, previous symbol or name refers to ("HER2" → ERBB2).
    public func gene(named surface: String) -> Gene? {
        if let gene = gene(symbol: surface) { return gene }
        for concept in concepts(named: surface) {
            if case .gene(let index) = concept { return genes[index] }
        }
        return gene(symbol: surface.uppercased())
    }

    /// The gene an unrecognized token names once common OCR confusions in PDF text are undone
    /// ("PTPNI" → PTPN1, "TP5З" aside): letters read for digits (I, l → 1; O → 0; S → 5;
    /// Z → 2; B → 8). Returns a gene only when exactly one reading is an approved symbol.
    public func gene(correctingOCR token: String) -> Gene? {
        if let gene = gene(symbol: token) { return gene }
        let confusions: [Character: Character] = ["I": "1", "l": "1", "O": "0", "S": "5", "Z": "2", "B": "8"]
        let characters = Array(token)
        guard characters.count >= 3, characters.count <= 10 else { return nil }
        var readings: Set<String> = []
        for (position, character) in characters.enumerated() where position > 0 {
            guard let digit = confusions[character] else { continue }
            var candidate = characters
            candidate[position] = digit
            let symbol = String(candidate)
            if gene(symbol: symbol) != nil { readings.insert(symbol) }
        }
        guard readings.count == 1, let symbol = readings.first else { return nil }
        return gene(symbol: symbol)
    }

    /// The drug that a generic name, brand, code, salt or synonym refers to ("Nexavar" → sorafenib).
    /// A salt or hydrate the tables do not list is the drug itself: "ponatinib hydrochloride",
    /// "ruxolitinib phosphate", "dasatinib monohydrate" (the INN names the active moiety).
    public func drug(named surface: String) -> Drug? {
        for concept in concepts(named: surface) {
            if case .drug(let index) = concept { return drugs[index] }
        }
        let words = surface.split(separator: " ")
        var kept = words.count
        while kept > 1, Self.saltWords.contains(words[kept - 1].lowercased()) { kept -= 1 }
        guard kept < words.count else { return nil }
        for concept in concepts(named: words.prefix(kept).joined(separator: " ")) {
            if case .drug(let index) = concept { return drugs[index] }
        }
        return nil
    }

    /// Salt, ester and hydrate words written after a drug's name.
    static let saltWords: Set<String> = [
        "mesylate", "mesilate", "dimesylate", "hydrochloride", "dihydrochloride", "hcl", "sulfate", "sulphate", "phosphate", "sodium",
        "disodium", "potassium", "calcium", "magnesium", "malate", "s-malate", "tosylate", "ditosylate", "besylate", "besilate",
        "camsylate", "fumarate", "maleate", "dimaleate", "succinate", "tartrate", "bitartrate", "citrate", "acetate", "lactate",
        "bromide", "chloride", "hydrobromide", "monohydrate", "dihydrate", "trihydrate", "hemihydrate", "anhydrous", "tromethamine",
        "meglumine", "dimethyl", "sulfoxide", "mofetil", "trifluoroacetate", "hyclate", "napsylate", "edisylate", "esylate",
    ]

    /// The regimen an abbreviation names ("FOLFOX").
    public func regimen(named surface: String) -> Regimen? {
        for concept in concepts(named: surface) {
            if case .regimen(let index) = concept { return regimens[index] }
        }
        return nil
    }

    /// The disease a name, synonym, abbreviation or OncoTree code refers to.
    public func disease(named surface: String) -> Disease? {
        for concept in concepts(named: surface) {
            if case .disease(let index) = concept { return diseases[index] }
        }
        return disease(code: surface.trimmingWhitespace)
    }

    /// The CTCAE term a term or synonym refers to ("hand-foot syndrome" → palmar-plantar
    /// erythrodysesthesia syndrome).
    public func adverseEvent(named surface: String) -> AdverseEventTerm? {
        for concept in concepts(named: surface) {
            if case .adverseEvent(let index) = concept { return adverseEvents[index] }
        }
        return nil
    }

    /// The canonical name of a concept: gene symbol, drug INN, regimen abbreviation, OncoTree
    /// code or CTCAE term.
    public func canonicalName(_ concept: ConceptReference) -> String {
        switch concept {
        case .gene(let index): genes[index].symbol
        case .drug(let index): drugs[index].name
        case .regimen(let index): regimens[index].abbreviation
        case .disease(let index): diseases[index].code
        case .adverseEvent(let index): adverseEvents[index].term
        }
    }

    // MARK: OncoTree hierarchy

    /// The OncoTree codes from `code`'s parent up to the root, nearest first.
    public func ancestors(of code: String) -> [String] {
        var result: [String] = []
        var current = disease(code: code)?.parent
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = disease(code: parent)?.parent
        }
        return result
    }

    /// The OncoTree codes directly under `code`.
    public func children(of code: String) -> [String] {
        childrenIndex[code] ?? []
    }

    /// True when `code` is `ancestor` or lies below it.
    public func isDisease(_ code: String, within ancestor: String) -> Bool {
        code == ancestor || ancestors(of: code).contains(ancestor)
    }
}

extension Vocabularies {
    /// The protein change a coding change of a gene makes, when CIViC gives it: "V600E" for BRAF
    /// `c.1799T>A`. Nil for a change it does not list.
    public func proteinChange(gene: String, coding: String) -> String? {
        codingChanges[gene]?[coding]
    }
}

/// What a therapy name that is not a drug stands for.
public enum NonDrugTherapyKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A class of drugs ("Platinum Compound", "Anthracycline", "MEK Inhibitor").
    case drugClass = "class"
    /// A procedure ("Radiation Therapy", "Cytoreductive Surgery").
    case procedure
}

/// The youngest age any FDA-labelled indication of a drug is for.
public struct DrugAgeLimit: Sendable, Hashable {
    /// Years; months are twelfths (six months is 0.5), 0 when the label sets no lower age.
    public var years: Double
    /// "FDA label: Brand (inn), YYYY".
    public var source: String
}

extension Vocabularies {
    /// The youngest labelled age of a drug, when the table lists it.
    public func ageLimit(of inn: String) -> DrugAgeLimit? {
        ageLimits[inn]
    }

    /// The routes a drug is given by for cancer, when the table lists them (nil when it does not, or says `unknown`).
    public func routes(of inn: String) -> DrugRoutes? {
        routes[inn]
    }

    /// The QT-prolongation warning of a drug's US label, when it has one (boxed, or under Warnings and Precautions).
    public func qtWarning(of inn: String) -> QTWarning? {
        qtWarnings[inn]
    }
}

/// A US label's warning of QT interval prolongation (`drug_qt_warnings.tsv`, each row with its label section).
public struct QTWarning: Sendable, Hashable {
    /// Where the label puts it.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        /// A boxed warning (quizartinib, vandetanib, nilotinib).
        case boxed
        /// Warnings and Precautions (entrectinib, ivosidenib, osimertinib).
        case warning
    }

    public var level: Level
    /// "FDA label: Tibsovo (ivosidenib), Warnings and Precautions 5.2 QTc interval prolongation (2018) (checked)".
    public var source: String

    /// Reads the table (columns drug, level `boxed` or `warning`, source); another level is an error naming the line.
    public static func table(_ text: String, file: String = "drug_qt_warnings.tsv") throws -> [String: QTWarning] {
        try table(TSV(text, name: file))
    }

    static func table(_ table: TSV) throws -> [String: QTWarning] {
        let drug = try table.column("drug")
        let level = try table.column("level")
        let source = try table.column("source")
        var warnings: [String: QTWarning] = [:]
        for (index, row) in table.rows.enumerated() {
            let parsed = try table.closedWord(row[level], as: Level.self, named: "QT warning level", of: row[drug], row: index)
            warnings[String(row[drug])] = QTWarning(level: parsed, source: String(row[source]))
        }
        return warnings
    }
}

/// How a drug is given to a patient.
public enum AdministrationRoute: String, Sendable, Hashable, Codable, CaseIterable {
    case oral, intravenous, subcutaneous, intramuscular, intravesical, intrathecal, intralesional, topical, inhaled, intravitreal
    case intraperitoneal
    case intraArterial = "intra-arterial"
    case transdermal, nasal, rectal, implant
}

/// The routes a drug is given by, from its labels (`drug_routes.tsv`).
public struct DrugRoutes: Sendable, Hashable {
    public var routes: Set<AdministrationRoute>
    /// "FDA label: Tagrisso (osimertinib), tablets".
    public var source: String

    /// Reads a routes table (columns drug, routes `|`-separated or `unknown`, source). A drug whose route is unknown is
    /// left out, so nothing is decided on it; a word outside ``AdministrationRoute`` is an error naming the line.
    public static func table(_ text: String, file: String = "drug_routes.tsv") throws -> [String: DrugRoutes] {
        try table(TSV(text, name: file))
    }

    static func table(_ table: TSV) throws -> [String: DrugRoutes] {
        let drug = try table.column("drug")
        let column = try table.column("routes")
        let source = try table.column("source")
        var routes: [String: DrugRoutes] = [:]
        for (index, row) in table.rows.enumerated() where row[column] != "unknown" {
            var parsed: Set<AdministrationRoute> = []
            for word in row[column].split(separator: "|") {
                parsed.insert(
                    try table.closedWord(word, as: AdministrationRoute.self, named: "route", of: row[drug], row: index, otherwise: " or unknown")
                )
            }
            routes[String(row[drug])] = DrugRoutes(routes: parsed, source: String(row[source]))
        }
        return routes
    }
}
