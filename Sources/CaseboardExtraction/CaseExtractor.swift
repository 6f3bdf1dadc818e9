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

    /// Extracts a batch of documents on all cores and returns `transform`'s results in input
    /// order. `transform` runs in the same task as the extraction, so rendering (JSON, text)
    /// is spread over the cores too.
    public func extract<Output: Sendable>(
        _ documents: [Document],
        transform: @escaping @Sendable (Document, CaseExtractor) -> Output
    ) async -> [Output] {
        await withTaskGroup(of: (Int, Output).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, transform(document, self)) }
            }
            var results: [Output?] = Array(repeating: nil, count: documents.count)
            for await (index, output) in group { results[index] = output }
            return results.compactMap { $0 }
        }
    }

    /// Every gene, variant, drug, disease and adverse-event mention in the document, in text
    /// order, with the matching policies applied but no judgement of whose facts they are.
    ///
    /// When the current task is cancelled (a server request past its deadline), the work stops
    /// early and the result is incomplete; a caller that cancels discards it.
    public func mentions(_ document: Document) -> [EntityMention] {
        guard !Task.isCancelled else { return [] }
        let annotated = AnnotatedDocument(document: document, vocabularies: vocabularies, cues: cues)
        guard !Task.isCancelled else { return [] }
        var mentions: [EntityMention] = []
        for term in annotated.terms + annotated.diseaseMentions {
            let (kind, subtype): (EntityMention.Kind, String?) =
                switch term.concept {
                case .gene: (.gene, nil)
                case .drug: (.drug, nil)
                case .regimen: (.drug, "regimen")
                case .disease(let index): (.disease, vocabularies.diseases[index].isCancer ? "cancer" : "condition")
                case .adverseEvent: (.adverseEvent, nil)
                }
            mentions.append(
                EntityMention(
                    kind: kind,
                    subtype: subtype,
                    identifier: vocabularies.canonicalName(term.concept),
                    start: term.range.lowerBound,
                    end: term.range.upperBound,
                    evidence: annotated.evidence(term.range)
                )
            )
        }
        for variant in annotated.variants {
            let subtype =
                switch variant.kind {
                case .proteinChange: "ProteinMutation"
                case .dnaChange: "DNAMutation"
                case .snpID: "SNP"
                default: "Event"
                }
            mentions.append(
                EntityMention(
                    kind: .variant,
                    subtype: subtype,
                    identifier: variant.normalized,
                    start: variant.range.lowerBound,
                    end: variant.range.upperBound,
                    evidence: annotated.evidence(variant.range)
                )
            )
        }
        return mentions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The case a document reports.
    ///
    /// When the current task is cancelled (a server request past its deadline), the work stops
    /// within a few sentences and the record is incomplete, with a warning that says so. Use
    /// ``extractUnlessCancelled(_:)`` to get a `CancellationError` instead.
    public func extract(_ document: Document) -> CaseRecord {
        let cancelled = CaseRecord(document: document.id, title: document.title, warnings: [Self.cancelledWarning])
        guard !Task.isCancelled else { return cancelled }
        let annotated = AnnotatedDocument(document: document, vocabularies: vocabularies, cues: cues)
        guard !Task.isCancelled else { return cancelled }
        var record = CaseAssembler(annotated: annotated, vocabularies: vocabularies).assemble()
        // Assembly's sentence loops end early once the task is cancelled: what they built is partial.
        guard !Task.isCancelled else {
            record.warnings.append(Self.cancelledWarning)
            return record
        }
        logger.debug(
            "extracted",
            metadata: [
                "document": "\(document.id)", "therapies": "\(record.therapies.count)", "alterations": "\(record.alterations.count)",
            ]
        )
        return record
    }

    /// The case a document reports, or a `CancellationError` when the current task is cancelled
    /// before the extraction finishes; the work then stops within a few sentences.
    public func extractUnlessCancelled(_ document: Document) throws(CancellationError) -> CaseRecord {
        let record = extract(document)
        if Task.isCancelled { throw CancellationError() }
        return record
    }

    /// The warning of a record cut short by cancellation.
    public static let cancelledWarning = "extraction cancelled before it finished"
}
