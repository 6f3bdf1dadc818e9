import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Testing

/// Adding, replacing and removing cases one batch at a time must answer exactly as an index
/// built from scratch over the same live cases, in the same order.
struct IncrementalIndexEquivalenceTests {
    /// A small deterministic generator, so a failure replays.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let alterations: [Alteration] = [
        Alteration(gene: "FLT3", variant: "ITD", kind: .internalTandemDuplication),
        Alteration(gene: "FLT3", variant: "D835H", kind: .proteinChange),
        Alteration(gene: "NTRK1", variant: "fusion", kind: .fusion),
        Alteration(gene: "ALK", variant: "fusion", kind: .fusion, partner: "EML4"),
    ]
    static let drugs = ["gilteritinib", "sorafenib", "crizotinib", "larotrectinib", "alectinib"]
    static let diseases = [
        Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia"),
        Diagnosis(name: "sarcoma", oncotree: "SARCNOS", code: "SARCNOS", canonicalName: "Sarcoma, NOS"),
        Diagnosis(name: "imt", oncotree: "IMT", code: "IMT", canonicalName: "Inflammatory Myofibroblastic Tumor"),
    ]

    static func record(_ number: Int, _ random: inout SplitMix) -> CaseRecord {
        CaseRecord(
            document: "case-\(number).txt",
            title: "Invented case \(number)",
            diagnoses: [diseases[random.next(diseases.count)]],
            alterations: [alterations[random.next(alterations.count)]],
            therapies: [
                TherapyLine(line: 1, drugs: [drugs[random.next(drugs.count)]], response: [.complete, .partial, .progressive][random.next(3)])
            ]
        )
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomEditsAnswerLikeARebuild(seed: UInt64) throws {
        let vocabularies = try Fixture.vocabularies.get()
        let curated = try CuratedEvidence.load(vocabularies: vocabularies).items
        var random = SplitMix(state: seed)
        var index = KnowledgeIndex(evidence: curated, cases: [], classRules: [], snapshot: "0-a")
        // Live cases in the order they were last saved, as a store's rowids would give them.
        var live: [(id: String, summary: CaseSummary, evidence: [EvidenceItem])] = []
        let profiles = [
            PatientProfile(disease: "AML", alterations: ["FLT3-ITD"], priorTherapies: [PriorTherapy(drugs: ["sorafenib"], response: "PD")]),
            PatientProfile(disease: "AML", alterations: ["FLT3 D835H"]),
            PatientProfile(disease: "sarcoma", alterations: ["NTRK1 fusion"]),
            PatientProfile(disease: "IMT", alterations: ["EML4::ALK"], priorTherapies: [PriorTherapy(drugs: ["crizotinib"], response: "PR")]),
        ]
        for step in 1...120 {
            var batch: [KnowledgeIndex.CaseAddition] = []
            for _ in 0..<(1 + random.next(3)) {
                // Case numbers repeat, so some saves replace an earlier version.
                let record = Self.record(random.next(40), &random)
                let id = CaseIdentity.id(for: record)
                let addition = KnowledgeIndex.CaseAddition(
                    summary: CaseSummary(id: id, record: record),
                    evidence: CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies)
                )
                batch.append(addition)
                live.removeAll { $0.id == id }
                live.append((id, addition.summary, addition.evidence))
            }
            index = index.adding(batch, snapshot: "\(step)-a")
            if random.next(4) == 0, !live.isEmpty {
                let gone = live.remove(at: random.next(live.count))
                index = index.removing(caseID: gone.id, snapshot: "\(step)-b")
            }
            if step % 20 == 0 {
                let rebuilt = KnowledgeIndex(
                    evidence: curated + live.flatMap(\.evidence),
                    cases: live.map(\.summary),
                    classRules: [],
                    snapshot: index.snapshot
                )
                for profile in profiles {
                    let incremental = Matcher(vocabularies: vocabularies, index: index).match(profile)
                    let expected = Matcher(vocabularies: vocabularies, index: rebuilt).match(profile)
                    #expect(incremental == expected, "seed \(seed), step \(step), profile \(profile.alterations)")
                }
            }
        }
    }

    @Test func manyReplacementsCompactAndStillAnswerLikeARebuild() throws {
        let vocabularies = try Fixture.vocabularies.get()
        var random = SplitMix(state: 42)
        var index = KnowledgeIndex(evidence: [], cases: [], classRules: [], snapshot: "0-a")
        var live: [String: (order: Int, summary: CaseSummary, evidence: [EvidenceItem])] = [:]
        // 2,000 saves of 12 cases: far more tombstones than live entries, so the index compacts.
        for step in 1...2_000 {
            let record = Self.record(random.next(12), &random)
            let id = CaseIdentity.id(for: record)
            let evidence = CaseEvidence.derive(from: record, caseID: id, vocabularies: vocabularies)
            index = index.adding(CaseSummary(id: id, record: record), evidence: evidence, snapshot: "\(step)-a")
            live[id] = (step, CaseSummary(id: id, record: record), evidence)
        }
        let ordered = live.values.sorted { $0.order < $1.order }
        let rebuilt = KnowledgeIndex(evidence: ordered.flatMap(\.evidence), cases: ordered.map(\.summary), classRules: [], snapshot: index.snapshot)
        for alteration in ["FLT3-ITD", "FLT3 D835H", "NTRK1 fusion", "EML4::ALK"] {
            let profile = PatientProfile(disease: "AML", alterations: [alteration])
            #expect(
                Matcher(vocabularies: vocabularies, index: index).match(profile) == Matcher(vocabularies: vocabularies, index: rebuilt).match(profile)
            )
        }
    }

    @Test func removingTheIndexedReportOfAClaimPromotesTheNext() throws {
        let vocabularies = try Fixture.vocabularies.get()
        let built = Fixture.sarcomaIndex(count: 3, firstPMID: 70_000_000, vocabularies: vocabularies)
        var index = built.index
        let ids = built.ids
        let profile = PatientProfile(disease: "sarcoma", alterations: ["NTRK1 fusion"])
        func crizotinib(_ index: KnowledgeIndex) -> TherapyOption? {
            Matcher(vocabularies: vocabularies, index: index).match(profile).options.first { $0.drugs == ["crizotinib"] }
        }
        #expect(crizotinib(index)?.why.contains("3 case reports make this claim") == true)
        index = index.removing(caseID: ids[0], snapshot: "4-x")
        let promoted = try #require(crizotinib(index))
        #expect(promoted.why.contains("2 case reports make this claim"))
        #expect(promoted.evidence.count == 1)
        index = index.removing(caseID: ids[1], snapshot: "5-x")
        #expect(crizotinib(index) != nil)
        index = index.removing(caseID: ids[2], snapshot: "6-x")
        #expect(crizotinib(index) == nil)
        #expect(Matcher(vocabularies: vocabularies, index: index).match(profile).similarCases.isEmpty)
    }
}
