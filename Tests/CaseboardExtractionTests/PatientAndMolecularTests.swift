import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Testing

/// Patient, diagnosis and molecular facts in the forms real case reports write them. Every
/// sentence here is invented for the test.
struct PatientAndMolecularTests {
    private func alterations(_ record: CaseRecord) -> Set<String> {
        Set(record.alterations.map { "\($0.gene) \($0.variant)" })
    }

    // MARK: Patient

    @Test func aCaseSeriesHasNoSingleAgeOrSex() throws {
        let (record, _) = try extract(
            """
            We report three patients with melanoma treated with a BRAF inhibitor. Patient 1, a 45-year-old woman, \
            responded. Patient 2, a 60-year-old man, progressed.
            """
        )
        #expect(record.patient.age == nil)
        #expect(record.patient.sex == nil)
    }

    @Test func theAgeAtPresentationWinsAndUnicodeHyphensCount() throws {
        let (record, _) = try extract(
            "We describe a now 15 year old boy who first presented at age 11 with a glioma. He was treated with surgery."
        )
        #expect(record.patient.age == 11)
        #expect(record.patient.sex == .male)
        let (hyphenated, _) = try extract("A 36\u{2010}year\u{2010}old woman presented with a lung adenocarcinoma.")
        #expect(hyphenated.patient.age == 36)
        #expect(hyphenated.patient.sex == .female)
    }

    @Test func oneUnopposedPronounGivesTheSex() throws {
        let (record, _) = try extract("The patient had a lung adenocarcinoma. She received osimertinib and improved.")
        #expect(record.patient.sex == .female)
    }

    // MARK: Sentences

    @Test func aCitationNumeralAfterAFullStopKeepsTheNextSentenceThePatients() throws {
        let (record, _) = try extract(
            "Such fusions were described in several studies.2 The patient carried a KIF5B-RET fusion and had a lung adenocarcinoma."
        )
        #expect(alterations(record).contains("RET fusion"))
    }

    @Test func aStopRunIntoTheNextSentenceSplitsIt() throws {
        let (record, _) = try extract(
            "The drug is approved in several countries.Here, we report a 52-year-old man with a colorectal cancer."
        )
        #expect(record.patient.age == 52)
    }

    // MARK: Diagnoses

    @Test func theMostSpecificDiagnosisStaysAndAbbreviationsGetTheirName() throws {
        let (record, _) = try extract(
            """
            A 58-year-old man with NSCLC was seen. Biopsy showed lung adenocarcinoma. His prostate-specific antigen (PSA) \
            was normal. He had a history of heart failure with preserved ejection fraction.
            """
        )
        let codes = record.diagnoses.map(\.code)
        #expect(codes.contains("LUAD"))
        #expect(!codes.contains("NSCLC"))
        #expect(!codes.contains("COND:PSA"))
        // Named only in the history: a comorbidity (hold-out 11 convention).
        #expect(record.comorbidities.map(\.code).contains("COND:HFPEF"))
        let (abbreviated, _) = try extract("A 61-year-old man with CML in chronic phase received imatinib.")
        #expect(abbreviated.diagnoses.first?.name == "chronic myelogenous leukemia")
    }

    @Test func transplantComplicationsAndClassListsAreNotDiagnoses() throws {
        let (record, _) = try extract(
            """
            A 40-year-old woman with acute myeloid leukemia underwent transplantation and developed chronic GVHD. \
            The mutation occurs in many cancers, including melanoma and thyroid cancer.
            """
        )
        #expect(record.diagnoses.map(\.code) == ["AML"])
    }

    // MARK: Alterations

    @Test func aGeneGluedToItsChangeIsRead() throws {
        let (record, _) = try extract("A 50-year-old man had a JAK2V617F-mutated polycythemia vera.")
        #expect(alterations(record).contains("JAK2 V617F"))
        #expect(VariantScanner.scan("BRAFV600E").map(\.normalized) == ["V600E"])
        #expect(VariantScanner.scan("CD34 and NCT01234567").isEmpty)
    }

    @Test func aHotspotWithoutAGeneNamesItsGene() throws {
        let (record, _) = try extract(
            "A 44-year-old man with chronic myeloid leukemia relapsed on nilotinib, and the T315I mutation was detected."
        )
        #expect(alterations(record).contains("ABL1 T315I"))
    }

    @Test func testedNegativeFindingsAreExcluded() throws {
        let (record, _) = try extract(
            """
            A 70-year-old woman had a myeloproliferative neoplasm, lacking mutations in JAK2. At relapse an E255K mutation \
            of ABL1 was found, although T315I mutation was negative.
            """
        )
        let found = alterations(record)
        #expect(found.contains("ABL1 E255K"))
        #expect(!found.contains("ABL1 T315I"))
        #expect(!record.alterations.contains { $0.gene == "JAK2" })
    }

    @Test func positiveMeansAMutationOrAFusionByGeneAndMarkersAreNotAlterations() throws {
        let (record, _) = try extract(
            "A 39-year-old man had BRAF-positive histiocytosis and an ALK-positive tumor. Blasts were MPO+ and CD117+."
        )
        let found = alterations(record)
        #expect(!found.contains("BRAF fusion"))
        #expect(found.contains("BRAF positive") || found.contains("BRAF mutation"))
        #expect(found.contains("ALK fusion"))
        #expect(!record.alterations.contains { $0.gene == "MPO" })
    }

    @Test func deletionsTranscriptsAndExonLabelledFusions() throws {
        let (record, _) = try extract(
            """
            A 66-year-old man with chronic lymphocytic leukemia had del(17p) by FISH. \
            A second clone carried an e13a2 transcript. The sarcoma harboured a TPM3 (exon 7)-NTRK1 (exon 10) fusion.
            """
        )
        let found = alterations(record)
        #expect(found.contains("TP53 deletion"))
        #expect(found.contains("ABL1 fusion"))
        #expect(found.contains("NTRK1 fusion"))
        #expect(!record.alterations.contains { $0.variant.hasPrefix("exon") })
    }

    @Test func targetListsAndClassStatementsAreNotFusions() throws {
        let (record, _) = try extract(
            """
            A 12-year-old girl with neuroblastoma received an ALK/ROS1 inhibitor. FGFR2 fusions are common in other tumours. \
            Her tumour carried an ALK F1174L mutation.
            """
        )
        let found = alterations(record)
        #expect(found == ["ALK F1174L"])
    }

    @Test func spansStillQuoteTheInput() throws {
        let (record, bytes) = try extract("A 36\u{2010}year\u{2010}old man had a BRAFV600E melanoma and del(17p).")
        var spans = record.patient.spans + record.diagnoses.flatMap(\.spans) + record.alterations.flatMap(\.spans)
        spans += record.therapies.flatMap(\.spans)
        for span in spans {
            #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == span.text)
        }
    }
}
