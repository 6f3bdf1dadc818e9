import CaseboardVocabularies

/// Vocabularies load once per test process; they are immutable.
enum Bundled {
    static let result = Result { try Vocabularies.loadBundled() }

    static func vocabularies() throws -> Vocabularies {
        try result.get()
    }
}

extension Vocabularies {
    /// The canonical names of recognized terms of one kind, in text order.
    func names(_ kind: ConceptKind, in text: String) -> [String] {
        recognize(text).filter { $0.concept.kind == kind }.map { canonicalName($0.concept) }
    }
}
