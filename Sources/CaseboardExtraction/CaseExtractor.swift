import CaseboardCore
import CaseboardVocabularies
import Logging

/// Reads a case report into a structured, time-ordered ``CaseRecord`` in which every fact
/// points back to its text.
///
/// Build one extractor and reuse it: it holds the vocabularies' automaton and the cue
/// automaton, both built once. It is a value and safe to share across tasks.
///
/// ```swift
/// let extractor = CaseExtractor(vocabularies: try .loadBundled())
/// let record = extractor.extract(document)
/// record.therapies.first?.drugs  // ["sorafenib"]
/// ```
public struct CaseExtractor: Sendable {
    public let vocabularies: Vocabularies
    private let cues: PhraseMatcher
    private let logger: Logger

    public init(vocabularies: Vocabularies, logger: Logger = Logger(label: "caseboard.extraction")) {
        self.vocabularies = vocabularies
        self.logger = logger
        cues = PhraseMatcher(CueLexicon.phrases)
    }

    /// The case a document reports.
    public func extract(_ document: Document) -> CaseRecord {
        let annotated = AnnotatedDocument(document: document, vocabularies: vocabularies, cues: cues)
        let record = CaseAssembler(annotated: annotated, vocabularies: vocabularies).assemble()
        logger.debug(
            "extracted",
            metadata: [
                "document": "\(document.id)", "therapies": "\(record.therapies.count)", "alterations": "\(record.alterations.count)",
            ]
        )
        return record
    }
}
