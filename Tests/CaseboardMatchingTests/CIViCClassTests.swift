import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Testing

/// Classes of error that appear only with CIViC in the knowledge base, and the "after A and B"
/// setting, each tested through the public matching API with rows written here (sources in the
/// comments).
struct CIViCClassTests {
    // MARK: A setting that names a sequence

    @Test func aSequenceSettingFitsOnlyWhenEveryDrugWasGiven() throws {
        // FDA label: Sutent (sunitinib), 2006: GIST after imatinib; FDA label: Stivarga
        // (regorafenib), 2013: GIST previously treated with imatinib and sunitinib.
        let rows = [
            "S-01\tKIT\tKIT mutation\tmutation\tGIST\t\tsunitinib\tsensitivity\tA\tafter:imatinib\tpreferred\t2006-01-26\tFDA label\tFDA label: Sutent (sunitinib), 2006\t",
            "S-02\tKIT\tKIT mutation\tmutation\tGIST\t\tregorafenib\tsensitivity\tA\tafter:imatinib&sunitinib\tpreferred\t2013-02-25\tFDA label\tFDA label: Stivarga (regorafenib), 2013\t",
        ]
        let matcher = try GapClassTests.matcher(rows)
        let text = ([GapClassTests.header] + rows).joined(separator: "\n") + "\n"
        let items = try CuratedEvidence.parse(text, vocabularies: matcher.vocabularies, name: "sequence.tsv").items
        let regorafenib = try #require(items.first { $0.id == "curated:S-02" })
        #expect(regorafenib.settings == [.afterAll(["imatinib", "sunitinib"])])
        #expect(TherapySetting(parsing: "after:imatinib&sunitinib")?.text == "after:imatinib&sunitinib")
        #expect(TherapySetting(parsing: "after:imatinib&sunitinib|dasatinib") == nil)

        let second = matcher.match(
            PatientProfile(
                disease: "GIST",
                alterations: ["KIT exon 11 mutation"],
                priorTherapies: [PriorTherapy(drugs: ["imatinib"], response: "PD")]
            )
        )
        #expect(second.options.first?.drugs == ["sunitinib"], "\(second.options.map(\.drugs))")
        #expect(second.options.first { $0.drugs == ["regorafenib"] }?.settingFit == .poor)

        let third = matcher.match(
            PatientProfile(
                disease: "GIST",
                alterations: ["KIT exon 11 mutation"],
                priorTherapies: [PriorTherapy(drugs: ["imatinib"], response: "PD"), PriorTherapy(drugs: ["sunitinib"], response: "PD")]
            )
        )
        #expect(third.options.first?.drugs == ["regorafenib"], "\(third.options.map(\.drugs))")
        #expect(third.options.first?.settingFit == .fits)
    }
}

/// CIViC rows as the bundled release writes them (the v1 columns `CIViCImporter` reads), for
/// tests of how CIViC evidence sits beside the curated table.
enum CIViCFixture {
    static let header =
        "evidence_id\tgene\tvariant\tdisease\tdoid\tdrugs\tdrug_interaction_type\tevidence_type\tevidence_direction\tevidence_level\tclinical_significance\tcitation_id\tsource_type\tcitation\trating"

    /// One predictive CIViC row: `id`, gene, variant, disease, drugs (comma-separated), level, significance.
    static func row(
        _ id: Int,
        _ gene: String,
        _ variant: String,
        _ disease: String,
        _ drugs: String,
        _ level: String,
        _ significance: String
    ) -> String {
        "\(id)\t\(gene)\t\(variant)\t\(disease)\t\t\(drugs)\t\tPredictive\tSupports\t\(level)\t\(significance)\t\t\tinvented row\t3"
    }

    static func items(_ rows: [String]) throws -> [EvidenceItem] {
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        let (items, report) = try CIViCImporter.parse(text, vocabularies: try Fixture.vocabularies.get(), name: "civic-test.tsv")
        #expect(report.skipped.isEmpty, "skipped: \(report.examples)")
        return items
    }

    static func matcher(curated rows: [String], civic: [String]) throws -> Matcher {
        let vocabularies = try Fixture.vocabularies.get()
        let text = ([RuleFixture.header] + rows).joined(separator: "\n") + "\n"
        let curated = try CuratedEvidence.parse(text, vocabularies: vocabularies, name: "curated-test.tsv").items
        let index = KnowledgeIndex(evidence: curated + (try items(civic)), cases: [], classRules: [], snapshot: "civic-classes")
        return Matcher(vocabularies: vocabularies, index: index)
    }
}

extension CIViCClassTests {
    // MARK: CIViC items restate labels; they do not outvote them

    @Test func civicItemsDoNotOutvoteANewerLabelAtTheSameLevel() throws {
        // FDA label: Gleevec (imatinib), 2001 and FDA label: Scemblix (asciminib), 2024: both
        // first-line, NCCN CML 2025 preferred. CIViC's several imatinib trial items restate the label.
        let curated = [
            "C-01\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\timatinib\tsensitivity\tA\tfirst-line\tpreferred\t2002-12-20\tFDA label\tFDA label: Gleevec (imatinib), 2002\t",
            "C-02\tABL1\tBCR::ABL1\tfusion-partner\tCML\t\tasciminib\tsensitivity\tA\tfirst-line\tpreferred\t2024-10-29\tFDA label\tFDA label: Scemblix (asciminib), 2024\t",
        ]
        let civic = [
            CIViCFixture.row(90001, "ABL1", "BCR-ABL", "Chronic Myeloid Leukemia", "Imatinib", "A", "Sensitivity/Response"),
            CIViCFixture.row(90002, "ABL1", "BCR-ABL", "Chronic Myeloid Leukemia", "Imatinib", "A", "Sensitivity/Response"),
        ]
        let result = try CIViCFixture.matcher(curated: curated, civic: civic).match(PatientProfile(disease: "CML", alterations: ["BCR::ABL1"]))
        #expect(result.options.prefix(2).map(\.drugs) == [["asciminib"], ["imatinib"]], "\(result.options.map(\.drugs))")
    }

    // MARK: A withdrawal is the newer fact

    @Test func civicTrialItemsDoNotKeepAWithdrawnApprovalStanding() throws {
        // FDA label: Truseltiq (infigratinib), 2021, withdrawn 2024; CIViC holds the phase 2
        // series the approval rested on (PMID:29182496).
        let curated = [
            "W-01\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tinfigratinib\tsensitivity\tA\tsecond-line\t\twithdrawn:2024-05-31\tFDA label\tFDA label: Truseltiq (infigratinib), 2021\t",
            "W-02\tFGFR2\tFGFR2 fusion\tfusion\tCHOL\t\tpemigatinib\tsensitivity\tA\tsecond-line\tpreferred\t2020-04-17\tFDA label\tFDA label: Pemazyre (pemigatinib), 2020\t",
        ]
        let civic = [CIViCFixture.row(90003, "FGFR2", "FGFR2 fusions", "Cholangiocarcinoma", "Infigratinib", "B", "Sensitivity/Response")]
        let result = try CIViCFixture.matcher(curated: curated, civic: civic).match(
            PatientProfile(disease: "cholangiocarcinoma", alterations: ["FGFR2 fusion"])
        )
        #expect(!result.options.contains { $0.drugs == ["infigratinib"] }, "\(result.options.map(\.drugs))")
        #expect(result.notRecommended.contains { $0.drugs == ["infigratinib"] && $0.reason == .withdrawn })
    }

    // MARK: The curated table is the reviewed layer

    @Test func civicResistanceBelowLevelADoesNotOverrideACuratedLabel() throws {
        // FDA label: Sutent (sunitinib), 2006: GIST after imatinib. CIViC's level B "exon 11 does
        // worse on sunitinib than exon 9" (PMID:18955458) is relative, not a reason to withhold it.
        let curated = [
            "R-01\tKIT\tKIT mutation\tmutation\tGIST\t\tsunitinib\tsensitivity\tA\tafter:imatinib\tpreferred\t2006-01-26\tFDA label\tFDA label: Sutent (sunitinib), 2006\t"
        ]
        let civic = [
            CIViCFixture.row(90004, "KIT", "EXON 11 MUTATION", "Gastrointestinal Stromal Tumor", "Sunitinib", "B", "Resistance"),
            CIViCFixture.row(90005, "KIT", "EXON 11 MUTATION", "Gastrointestinal Stromal Tumor", "Pazopanib", "B", "Resistance"),
            CIViCFixture.row(90006, "KIT", "EXON 11 MUTATION", "Gastrointestinal Stromal Tumor", "Pazopanib", "B", "Sensitivity/Response"),
        ]
        let result = try CIViCFixture.matcher(curated: curated, civic: civic).match(
            PatientProfile(
                disease: "GIST",
                alterations: ["KIT exon 11 mutation"],
                priorTherapies: [PriorTherapy(drugs: ["imatinib"], response: "PD")]
            )
        )
        #expect(result.options.first?.drugs == ["sunitinib"], "\(result.options.map(\.drugs))")
        #expect(!result.resistance.contains { $0.drugs == ["sunitinib"] })
        #expect(result.signals.contains { $0.kind == .outweighed && $0.drugs == ["sunitinib"] })
        // Without a curated label to outweigh it, CIViC level B resistance still acts.
        #expect(result.notRecommended.contains { $0.drugs == ["pazopanib"] && $0.reason == .resistance })
    }

    // MARK: Other-disease gene-level leads

    @Test func otherDiseaseGeneLevelEvidenceIsSetApartWhenTheDiseaseHasOptions() throws {
        // FDA label: Tagrisso (osimertinib), 2018 for EGFR L858R NSCLC. The mitomycin rows are
        // invented: a gene-level "EGFR mutation" series in another disease, and an allele-level one.
        let curated = [
            "L-01\tEGFR\tEGFR L858R\tallele\tNSCLC\t\tosimertinib\tsensitivity\tA\tfirst-line\tpreferred\t2018-04-18\tFDA label\tFDA label: Tagrisso (osimertinib), 2018\t"
        ]
        let civic = [
            CIViCFixture.row(90007, "EGFR", "MUTATION", "Peritoneal Mesothelioma", "Mitomycin", "B", "Sensitivity/Response"),
            CIViCFixture.row(90008, "EGFR", "L858R", "Glioblastoma", "Cisplatin", "C", "Sensitivity/Response"),
        ]
        let matcher = try CIViCFixture.matcher(curated: curated, civic: civic)
        let lung = matcher.match(PatientProfile(disease: "lung adenocarcinoma", alterations: ["EGFR L858R"]))
        #expect(!lung.options.contains { $0.drugs == ["mitomycin"] }, "\(lung.options.map(\.drugs))")
        #expect(lung.signals.contains { $0.kind == .otherDiseaseLead && $0.drugs == ["mitomycin"] })
        // Allele-level evidence from another disease stays ranked (tier 4).
        #expect(lung.options.contains { $0.drugs == ["cisplatin"] })
        #expect(lung.options.first?.drugs == ["osimertinib"])
        // With nothing in the patient's own disease, the lead is all there is and stays ranked.
        let other = matcher.match(PatientProfile(disease: "breast cancer", alterations: ["EGFR L858R"]))
        #expect(other.options.contains { $0.drugs == ["mitomycin"] }, "\(other.options.map(\.drugs))")
        #expect(!other.signals.contains { $0.kind == .otherDiseaseLead })
    }
}
