import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// The classes of error behind the scenario suite's former known gaps, each tested through the
/// public matching API with rows written here (sources in the comments).
struct GapClassTests {
    static let header = RuleFixture.header

    static func matcher(_ rows: [String], rules: [ClassRule] = []) throws -> Matcher {
        let vocabularies = try Fixture.vocabularies.get()
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        let (items, report) = try CuratedEvidence.parse(text, vocabularies: vocabularies, name: "gaps.tsv")
        #expect(report.skipped.isEmpty, "skipped: \(report.examples)")
        return Matcher(vocabularies: vocabularies, index: KnowledgeIndex(evidence: items, cases: [], classRules: rules, snapshot: "gaps"))
    }

    static func rule(_ alteration: String, _ classes: [String], diseases: [String] = []) throws -> ClassRule {
        let vocabularies = try Fixture.vocabularies.get()
        return ClassRule(
            pattern: AlterationPattern(try vocabularies.parseAlteration(alteration).get()),
            classes: classes,
            source: "test",
            note: "test rule",
            diseases: diseases,
            vocabularies: vocabularies
        )
    }

    // MARK: Class rules have a disease scope

    @Test func aColorectalClassRuleDoesNotAlertInLungCancer() throws {
        // NCCN Colon Cancer 2025: RAS mutations defeat anti-EGFR antibodies in colorectal cancer.
        let rows = [
            "G-01\tKRAS\tKRAS G12C\tallele\tNSCLC\t\tsotorasib\tsensitivity\tA\t\t\t2021-05-28\tFDA label\tFDA label: Lumakras (sotorasib), 2021\t"
        ]
        let matcher = try Self.matcher(rows, rules: [try Self.rule("KRAS mutation", ["anti-EGFR monoclonal antibody"], diseases: ["COADREAD"])])
        let lung = matcher.match(PatientProfile(disease: "lung adenocarcinoma", alterations: ["KRAS G12C"]))
        #expect(!lung.resistance.contains { $0.drugs.contains("cetuximab") })
        let colon = matcher.match(PatientProfile(disease: "colon adenocarcinoma", alterations: ["KRAS G12C"]))
        #expect(colon.resistance.contains { $0.drugs == ["cetuximab"] && $0.basis == .classRule })
        // Without a disease the patient cannot be told apart from the rule's disease.
        let unknown = matcher.match(PatientProfile(disease: nil, alterations: ["KRAS G12C"]))
        #expect(unknown.resistance.contains { $0.drugs == ["cetuximab"] })
    }

    @Test func theBundledRasRuleHoldsInColorectalCancerOnly() throws {
        let rules = try ClassRule.loadBundled(vocabularies: try Fixture.vocabularies.get())
        let ras = try #require(rules.first { $0.pattern.gene == "KRAS" && $0.classes.contains("anti-EGFR monoclonal antibody") })
        #expect(ras.diseases == ["COADREAD"])
        let mek = try #require(rules.first { $0.pattern.gene == "MAP2K1" })
        #expect(mek.diseases == ["MEL"])
    }

    @Test func aMelanomaMEKRuleLeavesHistiocyticNeoplasmsAlone() throws {
        // FDA label: Cotellic (cobimetinib), 2022: histiocytic neoplasms; PMID:21383288: MEK1 changes resist in melanoma.
        let rows = [
            "G-02\tMAP2K1\tMAP2K1 mutation\tmutation\tHDCN\t\tcobimetinib\tsensitivity\tA\t\tpreferred\t2022-11\tFDA label\tFDA label: Cotellic (cobimetinib), 2022\t"
        ]
        let matcher = try Self.matcher(rows, rules: [try Self.rule("MAP2K1 mutation", ["MEK inhibitor"], diseases: ["MEL"])])
        let ecd = matcher.match(PatientProfile(disease: "Erdheim-Chester disease", alterations: ["MAP2K1 Q56P"]))
        #expect(ecd.options.first?.drugs == ["cobimetinib"])
        #expect(ecd.resistance.isEmpty)
        let melanoma = matcher.match(PatientProfile(disease: "cutaneous melanoma", alterations: ["MAP2K1 Q56P"]))
        #expect(melanoma.resistance.contains { $0.drugs == ["trametinib"] })
    }

    // MARK: Reversions and HLA alleles

    @Test func aReversionResistsEveryPARPInhibitorAndNeverCountsAsTheMutation() throws {
        // FDA label: Lynparza (olaparib), 2018; reversions: Lin KK et al., Cancer Discov 2019;9:210.
        let rows = [
            "G-03\tBRCA1\tBRCA1 mutation\tmutation\tBRCA\t\tolaparib\tsensitivity\tA\t\tpreferred\t2018-01-12\tFDA label\tFDA label: Lynparza (olaparib), 2018\t"
        ]
        let matcher = try Self.matcher(rows, rules: [try Self.rule("BRCA1 reversion", ["PARP inhibitor"])])
        let reverted = matcher.match(PatientProfile(disease: "breast cancer", alterations: ["BRCA1 mutation", "BRCA1 reversion mutation"]))
        #expect(reverted.problems.isEmpty)
        #expect(reverted.alterations.contains { $0.gene == "BRCA1" && $0.variant == "reversion" })
        #expect(!reverted.options.contains { $0.drugs == ["olaparib"] })
        #expect(reverted.notRecommended.contains { $0.drugs == ["olaparib"] && $0.reason == .resistance })
        // A reversion alone is not a BRCA1 mutation for a sensitivity row.
        let alone = matcher.match(PatientProfile(disease: "breast cancer", alterations: ["BRCA1 reversion"]))
        #expect(alone.options.isEmpty)
        // And the mutation alone meets no reversion rule.
        let mutated = matcher.match(PatientProfile(disease: "breast cancer", alterations: ["BRCA1 mutation"]))
        #expect(mutated.options.first?.drugs == ["olaparib"] && mutated.resistance.isEmpty)
    }

    @Test func hlaAllelesMeetByField() throws {
        // FDA label: Kimmtrak (tebentafusp), 2022: HLA-A*02:01-positive uveal melanoma.
        let rows = [
            "G-04\tHLA-A\tHLA-A*02:01\tallele\tUM\t\ttebentafusp\tsensitivity\tA\tfirst-line\tpreferred\t2022-01-25\tFDA label\tFDA label: Kimmtrak (tebentafusp), 2022\t"
        ]
        let matcher = try Self.matcher(rows)
        for typed in ["HLA-A*02:01 positive", "HLA-A*02:01:01", "hla-a*02:01"] {
            let result = matcher.match(PatientProfile(disease: "uveal melanoma", alterations: [typed]))
            #expect(result.problems.isEmpty, "\(typed): \(result.problems)")
            #expect(result.options.first?.drugs == ["tebentafusp"], "\(typed)")
            #expect(result.options.first?.inferred == false, "\(typed)")
        }
        let other = matcher.match(PatientProfile(disease: "uveal melanoma", alterations: ["HLA-A*24:02"]))
        #expect(other.problems.isEmpty && other.options.isEmpty)
        // Typed only to the allele group: a match by inference, labelled so.
        let group = matcher.match(PatientProfile(disease: "uveal melanoma", alterations: ["HLA-A*02"]))
        #expect(group.options.first?.inferred == true)
    }

    // MARK: Withdrawn approvals

    @Test func aWithdrawnApprovalIsNotOffered() throws {
        // FDA label: Truseltiq (infigratinib), 2021, withdrawn 2024; FDA label: Pemazyre (pemigatinib), 2020.
        let rows = [
            "G-05\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tinfigratinib\tsensitivity\tA\tsecond-line\t\twithdrawn:2024-05-16\tFDA label\tFDA label: Truseltiq (infigratinib), 2021\t",
            "G-06\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tpemigatinib\tsensitivity\tA\tsecond-line\tpreferred\t2020-04-17\tFDA label\tFDA label: Pemazyre (pemigatinib), 2020\t",
            // A guideline row keeps a regimen whose label was withdrawn (placeholder drug).
            "G-07\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tfutibatinib\tsensitivity\tA\tsecond-line\t\twithdrawn:2024-05-16\tFDA label\tplaceholder\t",
            "G-08\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tfutibatinib\tsensitivity\tA\tsecond-line\tpreferred\t\tNCCN\tplaceholder\t",
        ]
        let result = try Self.matcher(rows).match(PatientProfile(disease: "cholangiocarcinoma", alterations: ["FGFR2 fusion"]))
        #expect(result.options.map(\.drugs).sorted { $0[0] < $1[0] } == [["futibatinib"], ["pemigatinib"]])
        let withdrawn = try #require(result.notRecommended.first { $0.drugs == ["infigratinib"] })
        #expect(withdrawn.reason == .withdrawn)
        #expect(withdrawn.why.contains("2024-05-16"))
    }

    // MARK: Response words come from the shared vocabulary

    @Test func priorResponsesAreReadWithTheSharedResponseVocabulary() throws {
        // NCCN Chronic Myeloid Leukemia 2025: imatinib first line.
        let rows = [
            "G-09\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\timatinib\tsensitivity\tA\tfirst-line\tpreferred\t2002-12-20\tFDA label\tFDA label: Gleevec (imatinib), 2001\t"
        ]
        let matcher = try Self.matcher(rows)
        func read(_ response: String) -> MatchResult {
            matcher.match(
                PatientProfile(disease: "CML", alterations: ["BCR::ABL1"], priorTherapies: [PriorTherapy(drugs: ["imatinib"], response: response)])
            )
        }
        // Words the matcher's own list did not know, which the shared vocabulary reads.
        for (phrase, kind) in [("MR4.5", ResponseKind.complete), ("minor response", .stable), ("loss of major molecular response", .progressive)] {
            let result = read(phrase)
            #expect(result.problems.isEmpty, "\(phrase): \(result.problems)")
            #expect(ResponseVocabulary.kind(of: phrase) == kind)
            let progressed = result.notRecommended.contains { $0.drugs == ["imatinib"] && $0.reason == .progressedOn }
            #expect(progressed == (kind == .progressive), "\(phrase)")
        }
        // Abbreviations in any case, and a phrase inside a longer answer.
        #expect(read("pd").notRecommended.contains { $0.reason == .progressedOn })
        #expect(read("progressed after 8 months").notRecommended.contains { $0.reason == .progressedOn })
        #expect(read("MMR").options.first?.priorResponse?.contains("partial") == true)
        #expect(!read("very pleased").problems.isEmpty)
        // One-word answers a form takes, which report prose never reads as a response.
        for word in ["resistant", "failure", "Refractory"] {
            let result = read(word)
            #expect(result.problems.isEmpty, "\(word): \(result.problems)")
            #expect(result.notRecommended.contains { $0.drugs == ["imatinib"] && $0.reason == .progressedOn }, "\(word)")
        }
        #expect(read("stable").problems.isEmpty)
        #expect(ResponseVocabulary.kind(of: "stable") == nil)
    }
}
