import CaseboardCore

/// The sentence views of a document, in order, as assembly walks them.
///
/// A `for` loop over them (and `filter`, `contains`, `enumerated`) ends early once the current
/// task is cancelled, as when a server request passes its deadline: every per-sentence stage of
/// assembly then stops within a few sentences instead of keeping a core busy, and
/// ``CaseExtractor`` marks the record as cancelled. Subscripts and slices are not cut short.
struct SentenceViews: RandomAccessCollection, Sendable {
    let elements: [SentenceView]

    init(_ elements: [SentenceView]) {
        self.elements = elements
    }

    var startIndex: Int { elements.startIndex }
    var endIndex: Int { elements.endIndex }
    subscript(position: Int) -> SentenceView { elements[position] }

    func makeIterator() -> Iterator {
        Iterator(elements: elements)
    }

    struct Iterator: IteratorProtocol {
        let elements: [SentenceView]
        var position = 0

        /// How many sentences pass between two looks at the task's cancellation flag.
        static let checkInterval = 16

        mutating func next() -> SentenceView? {
            guard position < elements.count else { return nil }
            if position % Self.checkInterval == 0, Task.isCancelled { return nil }
            defer { position += 1 }
            return elements[position]
        }
    }
}

extension CaseAssembler {
    /// Whether the sentence holds one of `words` (ASCII, given in lower case when `ignoringCase`).
    /// A byte test that gates the regular expressions run per sentence, which cost far more:
    /// a pattern runs only where a word it needs appears.
    func sentence(_ view: SentenceView, containsAnyOf words: [[UInt8]], ignoringCase: Bool) -> Bool {
        text(view.range, containsAnyOf: words, ignoringCase: ignoringCase)
    }

    /// Whether the text of `range` holds one of `words` (ASCII, given in lower case when
    /// `ignoringCase`), searched in place: no copy of the text, no `String`.
    func text(_ range: Range<Int>, containsAnyOf words: [[UInt8]], ignoringCase: Bool) -> Bool {
        let range = range.clamped(to: 0..<bytes.count)
        return bytes.withUnsafeBufferPointer { buffer in
            words.contains { ByteSearch.occurs($0, in: buffer, range, ignoringCase: ignoringCase) }
        }
    }
}
