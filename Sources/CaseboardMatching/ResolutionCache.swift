import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Remembers how a matcher read its inputs: alteration texts, disease texts and the relation
/// between two OncoTree codes. All three depend only on the vocabularies, never on the
/// knowledge index, so one cache serves every matcher built over the same vocabularies, and a
/// server keeps it while its index changes underneath. Tumour boards send the same few
/// spellings ("FLT3-ITD", "AML") again and again.
///
/// Each table holds at most `capacity` entries and, when full, drops the one used least
/// recently, so arbitrary input cannot grow it without bound while the spellings in steady use
/// stay cached through a flood of one-off ones.
public final class ResolutionCache: @unchecked Sendable {
    struct CodePair: Hashable {
        let patient: String
        let evidence: String
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var alterations: LRUTable<String, Result<PatientAlterationReading, AlterationParseError>>
    private var diseases: LRUTable<String, DiseaseReading>
    private var relations: LRUTable<CodePair, DiseaseRelation>
    public let capacity: Int

    /// - Parameter capacity: Entries per table; beyond it the least recently used is dropped.
    public init(capacity: Int = 4_096) {
        let bounded = max(capacity, 1)
        self.capacity = bounded
        alterations = LRUTable(capacity: bounded)
        diseases = LRUTable(capacity: bounded)
        relations = LRUTable(capacity: bounded)
    }

    /// The entries held, over all tables; never more than three times `capacity`.
    public var count: Int {
        lock.withLock { alterations.count + diseases.count + relations.count }
    }

    func alteration(
        _ text: String,
        parse: () -> Result<PatientAlterationReading, AlterationParseError>
    ) -> Result<PatientAlterationReading, AlterationParseError> {
        if let known = lock.withLock({ alterations.value(for: text) }) { return known }
        let parsed = parse()
        lock.withLock { alterations.store(parsed, for: text) }
        return parsed
    }

    func disease(_ text: String, read: () -> DiseaseReading) -> DiseaseReading {
        if let known = lock.withLock({ diseases.value(for: text) }) { return known }
        let reading = read()
        lock.withLock { diseases.store(reading, for: text) }
        return reading
    }

    func relation(patient: String, evidence: String, compute: () -> DiseaseRelation) -> DiseaseRelation {
        let key = CodePair(patient: patient, evidence: evidence)
        if let known = lock.withLock({ relations.value(for: key) }) { return known }
        let relation = compute()
        lock.withLock { relations.store(relation, for: key) }
        return relation
    }
}

/// A table of at most `capacity` entries that drops the least recently used one when full.
/// Entries sit in slot arrays linked in use order, so a lookup, an insert and an eviction each
/// take constant time and no memory is allocated once the table is full.
struct LRUTable<Key: Hashable, Value> {
    private struct Slot {
        var key: Key
        var value: Value
        var newer: Int?
        var older: Int?
    }

    let capacity: Int
    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    /// The most and the least recently used slots.
    private var newest: Int?
    private var oldest: Int?

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    var count: Int { index.count }

    /// The value for `key`, which becomes the most recently used.
    mutating func value(for key: Key) -> Value? {
        guard let slot = index[key] else { return nil }
        moveToFront(slot)
        return slots[slot].value
    }

    mutating func store(_ value: Value, for key: Key) {
        if let slot = index[key] {
            slots[slot].value = value
            moveToFront(slot)
            return
        }
        let slot: Int
        if slots.count < capacity {
            slot = slots.count
            slots.append(Slot(key: key, value: value))
        } else {
            // Reuse the least recently used slot.
            guard let evicted = oldest else { return }
            unlink(evicted)
            index[slots[evicted].key] = nil
            slots[evicted] = Slot(key: key, value: value)
            slot = evicted
        }
        index[key] = slot
        linkAtFront(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (slots[slot].newer, slots[slot].older)
        if let newer { slots[newer].older = older } else { newest = older }
        if let older { slots[older].newer = newer } else { oldest = newer }
        slots[slot].newer = nil
        slots[slot].older = nil
    }

    private mutating func linkAtFront(_ slot: Int) {
        slots[slot].older = newest
        slots[slot].newer = nil
        if let newest { slots[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}
