import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Remembers how a matcher read its inputs: alteration texts, disease texts and the relation
/// between two OncoTree codes. All three depend only on the vocabularies, never on the
/// knowledge index, so one cache serves every matcher built over the same vocabularies, and a
/// server keeps it while its index changes underneath. Tumour boards send the same few
/// spellings ("FLT3-ITD", "AML") again and again.
///
/// Each table holds at most `capacity` entries and starts afresh when full, so arbitrary input
/// cannot grow it without bound.
public final class ResolutionCache: @unchecked Sendable {
    struct CodePair: Hashable {
        let patient: String
        let evidence: String
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var alterations: [String: Result<PatientAlterationReading, AlterationParseError>] = [:]
    private var diseases: [String: DiseaseReading] = [:]
    private var relations: [CodePair: DiseaseRelation] = [:]
    public let capacity: Int

    /// - Parameter capacity: Entries per table before it is cleared.
    public init(capacity: Int = 4_096) {
        self.capacity = max(capacity, 1)
    }

    func alteration(
        _ text: String,
        parse: () -> Result<PatientAlterationReading, AlterationParseError>
    ) -> Result<PatientAlterationReading, AlterationParseError> {
        if let known = lock.withLock({ alterations[text] }) { return known }
        let parsed = parse()
        lock.withLock { Self.store(parsed, for: text, in: &alterations, capacity: capacity) }
        return parsed
    }

    func disease(_ text: String, read: () -> DiseaseReading) -> DiseaseReading {
        if let known = lock.withLock({ diseases[text] }) { return known }
        let reading = read()
        lock.withLock { Self.store(reading, for: text, in: &diseases, capacity: capacity) }
        return reading
    }

    func relation(patient: String, evidence: String, compute: () -> DiseaseRelation) -> DiseaseRelation {
        let key = CodePair(patient: patient, evidence: evidence)
        if let known = lock.withLock({ relations[key] }) { return known }
        let relation = compute()
        lock.withLock { Self.store(relation, for: key, in: &relations, capacity: capacity) }
        return relation
    }

    private static func store<Key: Hashable, Value>(_ value: Value, for key: Key, in table: inout [Key: Value], capacity: Int) {
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = value
    }
}
