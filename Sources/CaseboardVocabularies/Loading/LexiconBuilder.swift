import CaseboardCore

/// Turns the bundled tables into concepts and lexicon entries, applying the matching policy
/// of each kind of surface form.
struct LexiconBuilder {
    var genes: [Gene] = []
    var drugs: [Drug] = []
    var regimens: [Regimen] = []
    /// Gene symbol → coding change → protein change ("BRAF" → "c.1799T>A" → "V600E").
    var codingChanges: [String: [String: String]] = [:]
    /// Drug INN → the youngest age any FDA-labelled indication is for, with its source.
    var ageLimits: [String: DrugAgeLimit] = [:]
    var routes: [String: DrugRoutes] = [:]
    var qtWarnings: [String: QTWarning] = [:]
    var drugClasses: [String: NonDrugTherapyKind] = [:]
    var diseases: [Disease] = []
    var adverseEvents: [AdverseEventTerm] = []
    var entries: [LexiconEntry] = []
    var keys: [(key: [UInt8], value: Int32)] = []
    /// Keys of the general disease lexicon, kept apart so they never shadow a curated form.
    var mentionKeys: [(key: [UInt8], value: Int32)] = []
    /// Where the general disease lexicon starts in `diseases`.
    var lexiconStart: Int?
    /// A disease with no surface form, for diseases a text defines but no table names.
    var unnamedDisease: Int?

    mutating func add(
        _ surface: String,
        _ concept: ConceptReference,
        _ kind: SurfaceKind,
        _ policy: MatchPolicy,
        plural: Bool = false,
        trailingE: Bool = false,
        mentionOnly: Bool = false
    ) {
        let key = LexiconKey.make(surface)
        guard !key.isEmpty else { return }
        let exact = LexiconKey.make(surface, foldCase: false)
        entries.append(
            LexiconEntry(concept: concept, surfaceKind: kind, policy: policy, exactKey: exact, allowsPlural: plural, allowsTrailingE: trailingE)
        )
        if mentionOnly {
            mentionKeys.append((key, Int32(entries.count - 1)))
        } else {
            keys.append((key, Int32(entries.count - 1)))
        }
    }

    /// "6-MP" → "6MP", "VP-16" → "VP16": a short code of capitals and digits around one hyphen,
    /// with both a digit and a letter; nil for anything else.
    static func unhyphenatedCode(_ form: String) -> String? {
        let parts = form.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, form.utf8.count <= 9, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        let joined = parts.joined()
        guard joined.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }), joined.contains(where: \.isNumber),
            joined.contains(where: \.isLetter)
        else { return nil }
        return joined
    }

    /// Chemical prefixes that authors split off with a hyphen or space: "methyl-prednisolone",
    /// "hydroxy-chloroquine", "5-fluoro-uracil".
    private static let chemicalPrefixes = ["methyl", "hydroxy", "fluoro", "chloro", "deoxy"]

    /// A one-word drug name with its chemical prefix split off ("methyl prednisolone"), or nil.
    /// The rest must be a word of its own length (six letters or more), so "methylene blue" stays whole.
    static func prefixSplit(_ name: String) -> String? {
        guard !name.contains(" "), !name.contains("-") else { return nil }
        for prefix in chemicalPrefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count >= 6, rest.allSatisfy(\.isLetter) else { return nil }
            return prefix + " " + rest
        }
        return nil
    }

    /// An abbreviation: letters in capitals (with digits or symbols), no lowercase letters.
    static func isAbbreviation(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase } && text.count <= 8 && !text.contains(" ")
    }

    /// Abbreviations (capitals, as the generator writes them) match in exact case only; words
    /// match in any case.
    static func policy(forSynonym text: String) -> MatchPolicy {
        isAbbreviation(text) ? .exactCase : .anyCase
    }

    mutating func addGenes(_ table: TSV) throws {
        let symbol = try table.column("symbol")
        let hgnc = try table.column("hgnc")
        let entrez = try table.column("entrez")
        let group = try table.column("locus_group")
        let name = try table.column("name")
        let symbolPolicy = try table.column("symbol_policy")
        let aliases = try table.column("aliases")
        let names = try table.column("names")
        genes.reserveCapacity(table.rows.count)
        for row in table.rows {
            let index = genes.count
            let concept = ConceptReference.gene(index)
            let approved = String(row[symbol])
            let approvedName = String(row[name])
            var aliasList: [String] = []
            var otherNames: [String] = []
            switch row[symbolPolicy] {
            case "e": add(approved, concept, .symbol, .exactCase)
            case "c": add(approved, concept, .symbol, .exactCaseInContext)
            default: break
            }
            for item in row[aliases].listItems {
                var form = Substring(item)
                let needsContext = form.hasPrefix("~")
                if needsContext { form = form.dropFirst() }
                let previous = form.hasPrefix("<")
                if previous { form = form.dropFirst() }
                aliasList.append(String(form))
                add(String(form), concept, previous ? .previousSymbol : .alias, needsContext ? .exactCaseInContext : .exactCase)
            }
            for item in row[names].listItems {
                if item == "=" {
                    add(approvedName, concept, .name, .anyCase, plural: true)
                } else if item.hasPrefix("!") {
                    otherNames.append(String(item.dropFirst()))
                    add(String(item.dropFirst()), concept, .name, .exactCase)
                } else {
                    otherNames.append(item)
                    add(item, concept, .name, .anyCase, plural: true)
                }
            }
            genes.append(
                Gene(
                    symbol: approved,
                    hgncID: String(row[hgnc]),
                    entrezID: row[entrez].isEmpty ? nil : String(row[entrez]),
                    locusGroup: String(row[group]),
                    name: approvedName,
                    aliases: aliasList,
                    otherNames: otherNames
                )
            )
        }
    }

    mutating func addDrugs(_ table: TSV) throws {
        let columns = try ["name", "brands", "codes", "salts", "synonyms", "targets", "class", "category"].map { try table.column($0) }
        for row in table.rows {
            let concept = ConceptReference.drug(drugs.count)
            let drug = Drug(
                name: String(row[columns[0]]),
                brands: row[columns[1]].listItems,
                codes: row[columns[2]].listItems,
                salts: row[columns[3]].listItems,
                synonyms: row[columns[4]].listItems,
                targets: row[columns[5]].listItems,
                drugClass: String(row[columns[6]]),
                category: String(row[columns[7]])
            )
            add(drug.name, concept, .name, .anyCase, trailingE: true)
            if let split = Self.prefixSplit(drug.name) { add(split, concept, .synonym, .anyCase) }
            // Brands match in any case: reports write "endoxan" as often as "Endoxan"; the curated
            // table holds no brand that is an English word.
            for brand in drug.brands { add(brand, concept, .brand, .anyCase) }
            for code in drug.codes { add(code, concept, .code, Self.isAbbreviation(code) ? .exactCase : .anyCase) }
            for salt in drug.salts { add(salt, concept, .salt, .anyCase) }
            for synonym in drug.synonyms {
                let policy = Self.policy(forSynonym: synonym)
                add(synonym, concept, .synonym, policy, trailingE: policy == .anyCase)
            }
            // Short codes are written with or without their hyphen: "6-MP" and "6MP", "VP-16" and "VP16".
            let forms = Set((drug.codes + drug.synonyms).map { LexiconKey.make($0) })
            for form in drug.codes + drug.synonyms {
                guard let joined = Self.unhyphenatedCode(form), !forms.contains(LexiconKey.make(joined)) else { continue }
                add(joined, concept, .synonym, .exactCase)
            }
            drugs.append(drug)
        }
    }

    /// The DrugBank layer (`drugbank_drugs.tsv`, CC0): lower priority than the curated table.
    /// A row marked `curated` adds spellings to the curated drug of that name; any other row is
    /// a new drug with no class or targets; a `substance` row is a chemical that reports name but
    /// never give as treatment (an analyte, an element, a drug class), with category `substance`,
    /// so that extraction never makes a therapy of it. A form the lexicon already holds for any concept is
    /// skipped, so a curated drug, disease, adverse event or gene keeps its surface forms.
    /// The generator has already dropped English words, analytes, organisms, chemical names and
    /// short abbreviations; codes with digits and no lowercase match in exact case.
    mutating func addDrugBank(_ table: TSV) throws {
        let name = try table.column("name")
        let curated = try table.column("curated")
        let synonyms = try table.column("synonyms")
        let drugbank = try table.column("drugbank")
        let unii = try table.column("unii")
        var owned = Set(keys.map(\.key))
        var byName = Dictionary(drugs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        for row in table.rows {
            let drugName = String(row[name])
            let index: Int
            if row[curated] == "yes" {
                guard let existing = byName[drugName] else { continue }
                index = existing
            } else if let existing = byName[drugName] {
                index = existing
            } else {
                index = drugs.count
                let category = row[curated] == "substance" ? "substance" : "other"
                drugs.append(
                    Drug(name: drugName, brands: [], codes: [], salts: [], synonyms: [], targets: [], drugClass: "", category: category)
                )
                byName[drugName] = index
                if owned.insert(LexiconKey.make(drugName)).inserted {
                    add(drugName, .drug(index), .name, .anyCase)
                }
                if let split = Self.prefixSplit(drugName), owned.insert(LexiconKey.make(split)).inserted {
                    add(split, .drug(index), .synonym, .anyCase)
                }
            }
            // The first row naming a drug gives its ids: its own DrugBank entry, which comes before salts and synonyms in DrugBank order.
            if drugs[index].drugbankID == nil, !row[drugbank].isEmpty {
                drugs[index].drugbankID = String(row[drugbank])
                drugs[index].unii = row[unii].isEmpty ? nil : String(row[unii])
            }
            for form in row[synonyms].listItems {
                guard owned.insert(LexiconKey.make(form)).inserted else { continue }
                let hasLowercase = form.unicodeScalars.contains { $0.properties.isLowercase }
                add(form, .drug(index), .synonym, hasLowercase ? .anyCase : .exactCase)
                drugs[index].synonyms.append(form)
            }
        }
    }

    /// Coding changes whose protein change is known (`coding_changes.tsv`: gene, coding, protein).
    mutating func addCodingChanges(_ table: TSV) throws {
        let gene = try table.column("gene")
        let coding = try table.column("coding")
        let protein = try table.column("protein")
        for row in table.rows { codingChanges[String(row[gene]), default: [:]][String(row[coding])] = String(row[protein]) }
    }

    /// The youngest labelled age per drug (`drug_age_limits.tsv`: drug, minimum_age as years or `6m`, source).
    mutating func addAgeLimits(_ table: TSV) throws {
        let drug = try table.column("drug")
        let age = try table.column("minimum_age")
        let source = try table.column("source")
        for (index, row) in table.rows.enumerated() {
            let written = String(row[age])
            let years = written.hasSuffix("m") ? Double(written.dropLast()).map { $0 / 12 } : Double(written)
            guard let years else { throw table.failure("minimum_age '\(written)' is neither years nor months (6m)", row: index) }
            ageLimits[String(row[drug])] = DrugAgeLimit(years: years, source: String(row[source]))
        }
    }

    /// The routes each drug is given by (`drug_routes.tsv`).
    mutating func addRoutes(_ table: TSV) throws {
        routes = try DrugRoutes.table(table)
    }

    /// The QT-prolongation warnings of the labels (`drug_qt_warnings.tsv`).
    mutating func addQTWarnings(_ table: TSV) throws {
        qtWarnings = try QTWarning.table(table)
    }

    /// Names of drug classes and procedures (`drug_classes.tsv`: name, kind `class` or `procedure`).
    mutating func addDrugClasses(_ table: TSV) throws {
        let name = try table.column("name")
        let kind = try table.column("kind")
        for (index, row) in table.rows.enumerated() {
            guard let parsed = NonDrugTherapyKind(rawValue: String(row[kind])) else {
                throw table.failure("kind '\(row[kind])' is neither class nor procedure", row: index)
            }
            drugClasses[String(row[name])] = parsed
        }
    }

    mutating func addRegimens(_ table: TSV) throws {
        let abbreviation = try table.column("abbreviation")
        let drugColumn = try table.column("drugs")
        let description = try table.column("description")
        let ambiguous = try table.column("ambiguous")
        for row in table.rows {
            let regimen = Regimen(
                abbreviation: String(row[abbreviation]),
                drugs: row[drugColumn].listItems,
                description: String(row[description]),
                isAmbiguous: row[ambiguous] == "yes"
            )
            add(regimen.abbreviation, .regimen(regimens.count), .abbreviation, regimen.isAmbiguous ? .definitionRequired : .exactCase)
            regimens.append(regimen)
        }
    }

    mutating func addOncoTree(_ table: TSV, synonyms: TSV) throws {
        let columns = try ["code", "parent", "name", "main_type", "tissue", "level", "umls", "nci"].map { try table.column($0) }
        var byCode: [String: Int] = [:]
        for row in table.rows {
            let code = String(row[columns[0]])
            byCode[code] = diseases.count
            diseases.append(
                Disease(
                    code: code,
                    name: String(row[columns[2]]),
                    parent: row[columns[1]].isEmpty ? nil : String(row[columns[1]]),
                    mainType: row[columns[3]].isEmpty ? nil : String(row[columns[3]]),
                    tissue: row[columns[4]].isEmpty ? nil : String(row[columns[4]]),
                    level: Int(row[columns[5]]) ?? 0,
                    umls: row[columns[6]].listItems,
                    nci: row[columns[7]].listItems,
                    doid: nil,
                    synonyms: [],
                    isCancer: code != "TISSUE"
                )
            )
        }
        let code = try synonyms.column("oncotree")
        let forms = try synonyms.column("synonyms")
        for row in synonyms.rows {
            guard let index = byCode[String(row[code])] else { continue }
            diseases[index].synonyms.append(contentsOf: row[forms].listItems)
        }
        for (index, disease) in diseases.enumerated() where disease.level > 0 {
            // Level-1 names are tissues ("Lung", "Skin"), not diseases; only their curated
            // synonyms ("lung cancer") are matched.
            if disease.level > 1, !Self.genericOncoTreeNames.contains(disease.name), !disease.name.hasSuffix(", Other") {
                add(disease.name, .disease(index), .name, .anyCase, plural: true)
            }
            for synonym in disease.synonyms {
                addDiseaseSynonym(synonym, index)
            }
        }
        // "Glioma, NOS" is written "glioma", unless that form already names another node or is
        // an abbreviation ("AML, NOS" must not take "AML").
        let taken = Set(diseases.flatMap { [$0.name] + $0.synonyms }.map { LexiconKey.make($0) })
        for (index, disease) in diseases.enumerated() where disease.level > 1 && disease.name.hasSuffix(", NOS") {
            let plain = String(disease.name.dropLast(5))
            if !taken.contains(LexiconKey.make(plain)), !Self.isAbbreviation(plain) {
                add(plain, .disease(index), .name, .anyCase, plural: true)
            }
        }
        // Authors write "cancer" and "carcinoma" for one another: "invasive lobular breast
        // carcinoma" is the curated "invasive lobular breast cancer". A variant no other node owns
        // is added as a synonym.
        var variants = taken
        for (index, disease) in diseases.enumerated() where disease.level > 1 {
            for form in [disease.name] + disease.synonyms where !Self.isAbbreviation(form) {
                guard let variant = Self.cancerCarcinomaVariant(form) else { continue }
                let key = LexiconKey.make(variant)
                guard !variants.contains(key) else { continue }
                variants.insert(key)
                add(variant, .disease(index), .synonym, .anyCase, plural: true)
            }
        }
    }

    /// "X cancer" for "X carcinoma" and back, for names of at least two words; nil otherwise.
    static func cancerCarcinomaVariant(_ form: String) -> String? {
        let lower = form.lowercased()
        guard lower.contains(" ") else { return nil }
        if lower.hasSuffix(" cancer") { return String(lower.dropLast(6)) + "carcinoma" }
        if lower.hasSuffix(" carcinoma"), !lower.hasSuffix("cell carcinoma") || lower.split(separator: " ").count > 3 {
            return String(lower.dropLast(9)) + "cancer"
        }
        return nil
    }

    /// OncoTree names too generic to stand for their node in text: "Malignant Tumor" is a brain
    /// tumour node, "IgG" an immunoglobulin class.
    static let genericOncoTreeNames: Set<String> = ["Malignant Tumor", "Lymphoid Atypical", "Lymphoid Benign", "IgA", "IgG", "IgM", "Other"]

    private mutating func addDiseaseSynonym(_ synonym: String, _ index: Int) {
        let policy = Self.policy(forSynonym: synonym)
        add(
            synonym,
            .disease(index),
            Self.isAbbreviation(synonym) ? .abbreviation : .synonym,
            ambiguousAbbreviations.contains(synonym) ? .definitionRequired : policy,
            plural: policy == .anyCase
        )
    }

    /// Disease abbreviations that also mean something else in clinical text: `MS` is myeloid
    /// sarcoma or multiple sclerosis, `ALL` a leukemia or a word in capitals, `CR`/`PR`/`SD`/`PD`
    /// are responses. They count only where the text defines them. The bundled
    /// `ambiguous_abbreviations.txt` adds the curators' list.
    var ambiguousAbbreviations: Set<String> = ["MS", "ALL", "CR", "PR", "SD", "PD", "ET", "PV", "MF", "AS", "CA", "MM", "HD"]

    mutating func addConditions(_ table: TSV) throws {
        let code = try table.column("code")
        let name = try table.column("name")
        let doid = try table.column("doid")
        let synonymColumn = try table.column("synonyms")
        for row in table.rows {
            let index = diseases.count
            let condition = Disease(
                code: String(row[code]),
                name: String(row[name]),
                parent: nil,
                mainType: nil,
                tissue: nil,
                level: 0,
                umls: [],
                nci: [],
                doid: row[doid].isEmpty ? nil : String(row[doid]),
                synonyms: row[synonymColumn].listItems,
                isCancer: false
            )
            add(condition.name, .disease(index), .name, .anyCase, plural: true)
            for synonym in condition.synonyms {
                addDiseaseSynonym(synonym, index)
            }
            diseases.append(condition)
        }
    }

    mutating func addAdverseEvents(_ table: TSV) throws {
        let term = try table.column("term")
        let soc = try table.column("soc")
        let synonymColumn = try table.column("synonyms")
        for row in table.rows {
            let index = adverseEvents.count
            let event = AdverseEventTerm(term: String(row[term]), systemOrganClass: String(row[soc]), synonyms: row[synonymColumn].listItems)
            add(event.term, .adverseEvent(index), .name, .anyCase, plural: true)
            for synonym in event.synonyms {
                let policy = Self.policy(forSynonym: synonym)
                add(synonym, .adverseEvent(index), .synonym, policy, plural: policy == .anyCase)
            }
            adverseEvents.append(event)
        }
        // CTCAE's "… increased"/"… decreased" as authors also write them, as a noun ("grade 3 neutrophil count
        // decrease", "ALT increase"), where no other term has that form.
        var forms = Set(adverseEvents.flatMap { [$0.term.lowercased()] + $0.synonyms.map { $0.lowercased() } })
        for (index, event) in adverseEvents.enumerated() {
            for form in [event.term] + event.synonyms {
                let lowered = form.lowercased()
                guard lowered.hasSuffix(" increased") || lowered.hasSuffix(" decreased") else { continue }
                let nominal = String(lowered.dropLast())
                guard forms.insert(nominal).inserted else { continue }
                add(nominal, .adverseEvent(index), .synonym, .anyCase, plural: true)
            }
        }
    }

    /// The general disease lexicon (`disease_lexicon.tsv`): names recognized as disease mentions
    /// in their own automaton, after every curated table, and never a case's diagnosis.
    /// Abbreviations match in exact case; other forms in any case, with plurals.
    mutating func addDiseaseLexicon(_ table: TSV) throws {
        let code = try table.column("code")
        let name = try table.column("name")
        let synonymColumn = try table.column("synonyms")
        lexiconStart = diseases.count
        for row in table.rows {
            let index = diseases.count
            let disease = Disease(
                code: String(row[code]),
                name: String(row[name]),
                parent: nil,
                mainType: nil,
                tissue: nil,
                level: 0,
                umls: [],
                nci: [],
                doid: nil,
                synonyms: row[synonymColumn].listItems,
                isCancer: false
            )
            for form in [disease.name] + disease.synonyms {
                let abbreviation = !form.unicodeScalars.contains { $0.properties.isLowercase }
                add(
                    form,
                    .disease(index),
                    abbreviation ? .abbreviation : .synonym,
                    abbreviation ? .exactCase : .anyCase,
                    plural: !abbreviation,
                    mentionOnly: true
                )
            }
            diseases.append(disease)
        }
        unnamedDisease = diseases.count
        diseases.append(
            Disease(
                code: "MENTION:UNNAMED",
                name: "unnamed disease",
                parent: nil,
                mainType: nil,
                tissue: nil,
                level: 0,
                umls: [],
                nci: [],
                doid: nil,
                synonyms: [],
                isCancer: false
            )
        )
    }
}
