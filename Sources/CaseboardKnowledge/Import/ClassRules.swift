import CaseboardCore
import CaseboardVocabularies
import Foundation

/// A rule that extends resistance from one drug to its whole mechanism class, such as FLT3
/// TKD mutations against every type II FLT3 inhibitor but not type I ones.
///
/// A rule may be scoped to diseases: RAS mutations defeat anti-EGFR antibodies in colorectal
/// cancer, where the evidence is, and say nothing about lung cancer; MAP2K1 mutations resist MEK
/// inhibitors in BRAF-mutant melanoma, while MAP2K1-mutant histiocytic neoplasms respond to them.
public struct ClassRule: Sendable, Hashable {
    public var pattern: AlterationPattern
    /// OncoTree codes the rule holds in (each with its descendants); empty means every disease.
    public var diseases: [String]
    /// Drug-class prefixes as the drug vocabulary writes them ("ALK inhibitor, 2nd generation").
    public var classes: [String]
    public var source: String
    public var note: String
    /// The vocabulary's drugs in those classes, resolved once at load so a match does not walk
    /// the whole drug list for every rule.
    public var drugs: [ClassDrug]

    /// A drug a rule covers, with the class that put it there.
    public struct ClassDrug: Sendable, Hashable {
        public var name: String
        public var drugClass: String

        public init(name: String, drugClass: String) {
            self.name = name
            self.drugClass = drugClass
        }
    }

    public init(pattern: AlterationPattern, classes: [String], source: String, note: String, drugs: [ClassDrug], diseases: [String] = []) {
        self.pattern = pattern
        self.diseases = diseases
        self.classes = classes
        self.source = source
        self.note = note
        self.drugs = drugs
    }

    /// A rule with its drugs resolved from `vocabularies`.
    public init(
        pattern: AlterationPattern,
        classes: [String],
        source: String,
        note: String,
        diseases: [String] = [],
        vocabularies: Vocabularies
    ) {
        self.init(
            pattern: pattern,
            classes: classes,
            source: source,
            note: note,
            drugs: vocabularies.drugs.filter { drug in classes.contains { drug.drugClass.hasPrefix($0) } }.map {
                ClassDrug(name: $0.name, drugClass: $0.drugClass)
            },
            diseases: diseases
        )
    }

    /// The bundled rules.
    public static func loadBundled(vocabularies: Vocabularies) throws -> [ClassRule] {
        guard
            let url = Bundle.module.url(forResource: "class_rules", withExtension: "tsv")
                ?? Bundle.module.url(forResource: "class_rules", withExtension: "tsv", subdirectory: "Resources")
        else {
            throw KnowledgeStoreError("the class-rule table is missing from the CaseboardKnowledge resources")
        }
        let table = try DelimitedTable(String(decoding: try Data(contentsOf: url), as: UTF8.self), name: "class_rules.tsv")
        return try table.rows.map { row in
            guard case .success(let alteration) = vocabularies.parseAlteration(row["alteration"]) else {
                throw KnowledgeStoreError("class_rules.tsv line \(row.line): cannot read '\(row["alteration"])'")
            }
            // `disease`: OncoTree codes, `|`-separated; empty or `tumor-agnostic` for every disease.
            let diseases = row["disease"].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && $0.lowercased() != "tumor-agnostic"
            }
            for code in diseases where vocabularies.disease(code: code) == nil {
                throw KnowledgeStoreError("class_rules.tsv line \(row.line): unknown OncoTree code '\(code)'")
            }
            return ClassRule(
                pattern: AlterationPattern(alteration),
                classes: row["classes"].split(separator: "|").map(String.init),
                source: row["source"],
                note: row["notes"],
                diseases: diseases,
                vocabularies: vocabularies
            )
        }
    }
}
