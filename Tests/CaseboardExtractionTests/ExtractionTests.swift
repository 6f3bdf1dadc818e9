import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies
import Testing

/// The bundled vocabularies and one extractor, built once for the test process.
enum Shared {
    static let extractor = Result { CaseExtractor(vocabularies: try Vocabularies.loadBundled()) }
}

/// Each line's drugs and response, in order, for a report written as `text`.
func lineResponses(_ text: String) throws -> [(drugs: [String], response: ResponseKind?)] {
    try extract(text).0.therapies.map { ($0.drugs, $0.response) }
}

/// The response of the first line holding `drug`: nil when no line holds it, `.some(nil)` when its line has none.
func response(of drug: String, in found: [(drugs: [String], response: ResponseKind?)]) -> ResponseKind?? {
    found.first { $0.drugs.contains(drug) }.map(\.response)
}

/// Reads text with the plain-text reader and extracts its case.
func extract(_ text: String, name: String = "case.txt", format: DocumentFormat = .text) throws -> (CaseRecord, [UInt8]) {
    let bytes = Array(text.utf8)
    let document = try PlainTextReader().read(bytes, source: name, format: format)
    return (try Shared.extractor.get().extract(document), bytes)
}

struct ExtractionTests {
    static let lungCase = """
        # Durable response to osimertinib in EGFR exon 19-deleted lung adenocarcinoma

        ## Abstract

        A woman with EGFR exon 19-deleted lung adenocarcinoma responded to osimertinib before progressing with an acquired MET amplification.

        ## Case presentation

        A 61-year-old woman presented in March 2021 with cough. Biopsy confirmed lung adenocarcinoma. Sequencing \
        found an EGFR exon 19 deletion (p.Glu746_Ala750del); there was no ALK, ROS1 or KRAS alteration and TP53 was wild-type.

        She declined amivantamab for financial reasons. She started osimertinib 80 mg once daily. After three months the \
        lesions had shrunk markedly (partial response). She developed grade 2 diarrhea and grade I rash.

        Twenty-six months after starting osimertinib the disease progressed in the liver. A liver biopsy showed an acquired \
        MET amplification. She was treated with osimertinib plus savolitinib and achieved stable disease.

        ## Discussion

        Trials of lazertinib in patients with EGFR-mutant NSCLC report high response rates (Smith et al.). Glioblastoma \
        was not considered.
        """

    @Test func readsPatientDiagnosisAndAlterations() throws {
        let (record, _) = try extract(Self.lungCase, format: .markdown)
        #expect(record.patient.age == 61)
        #expect(record.patient.sex == .female)
        #expect(record.diagnoses.map(\.oncotree) == ["LUAD"])
        let alterations = record.alterations.map { "\($0.gene) \($0.variant)" }
        #expect(alterations.contains("EGFR exon 19 deletion") || alterations.contains("EGFR E746_A750del"))
        #expect(alterations.contains("MET amplification"))
        // Tested negative or wild-type: not findings.
        #expect(!record.alterations.contains { ["ALK", "ROS1", "KRAS", "TP53"].contains($0.gene) })
    }

    @Test func groupsTherapiesIntoLinesWithResponsesAndAdverseEvents() throws {
        let (record, _) = try extract(Self.lungCase, format: .markdown)
        // Refused and literature drugs are not therapies.
        #expect(record.therapies.map(\.drugs) == [["osimertinib"], ["osimertinib", "savolitinib"]])
        #expect(record.therapies.map(\.response) == [.partial, .stable])
        #expect(record.therapies.first?.dose == "80 mg once daily")
        let events = record.therapies.first?.adverseEvents.map { "\($0.term)/\($0.grade ?? 0)" } ?? []
        #expect(events.contains("diarrhea/2"))
        #expect(events.contains { $0.hasSuffix("/1") })
        #expect(record.adverseEvents.allSatisfy { $0.drugs == ["osimertinib"] })
    }

    @Test func tiesAcquiredAlterationsToTheDrugTheyResist() throws {
        let (record, _) = try extract(Self.lungCase, format: .markdown)
        // Only the alteration "acquired" qualifies, not the EGFR deletion named beside it.
        #expect(record.resistance.map(\.gene) == ["MET"])
        #expect(record.resistance.first?.drugs == ["osimertinib"])
        // "exon 19-deleted" is the deletion, not an unspecified exon 19 mutation.
        #expect(!record.alterations.contains { $0.variant == "exon 19 mutation" })
    }

    @Test func everySpanQuotesTheInputExactly() throws {
        let (record, bytes) = try extract(Self.lungCase, format: .markdown)
        var spans: [Evidence] = record.patient.spans + record.diagnoses.flatMap(\.spans) + record.alterations.flatMap(\.spans)
        spans += record.therapies.flatMap { $0.spans + $0.responseSpans } + record.adverseEvents.flatMap(\.spans)
        spans += record.resistance.flatMap(\.spans) + record.procedures.flatMap(\.spans)
        #expect(!spans.isEmpty)
        for span in spans {
            #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == span.text)
        }
    }

    @Test func discussionAndReferencesAreBackground() throws {
        let (record, _) = try extract(Self.lungCase, format: .markdown)
        #expect(!record.diagnoses.contains { $0.oncotree == "GB" || $0.oncotree == "NSCLC" })
        #expect(!record.therapies.contains { $0.drugs.contains("lazertinib") })
    }
}

struct TherapyAssemblyTests {
    @Test func combinationsStayTogetherAndRegimensExpand() throws {
        let text = """
            Case report
            A 45-year-old man with acute myeloid leukemia received 7+3 induction and achieved complete remission. \
            At relapse he was given venetoclax plus 5-azacytidine (VA). After two cycles of VA the marrow showed progressive disease.
            """
        let (record, _) = try extract(text)
        #expect(record.therapies.map(\.drugs) == [["cytarabine", "daunorubicin"], ["venetoclax", "azacitidine"]])
        #expect(record.therapies.first?.regimen == "7+3")
        #expect(record.therapies.first?.response == .complete)
        #expect(record.therapies.last?.response == .progressive)
    }

    @Test func slashAndBrandNamesNormalizeToINNs() throws {
        let text = """
            Case report
            The 12-year-old girl received endoxan/vincristine/actinomycin-D and later Xalkori 250 mg twice daily with stable disease.
            """
        let (record, _) = try extract(text)
        #expect(record.therapies.map(\.drugs) == [["cyclophosphamide", "vincristine", "dactinomycin"], ["crizotinib"]])
        #expect(record.therapies.last?.dose == "250 mg twice daily")
        #expect(record.therapies.last?.response == .stable)
    }

    @Test func responsesBeforeANewDrugCloseThePreviousLine() throws {
        let text = """
            Case report
            A 50-year-old man started imatinib. Eight months later, progression led to a switch to dasatinib, which achieved \
            a complete cytogenetic response.
            """
        let (record, _) = try extract(text)
        #expect(record.therapies.map(\.drugs) == [["imatinib"], ["dasatinib"]])
        #expect(record.therapies.map(\.response) == [.progressive, .complete])
    }

    @Test func gradesInEveryNotationAttachToTheirEvents() throws {
        let text = """
            Case report
            A 70-year-old woman on sorafenib experienced grade IV neutropenia, grade three fatigue and hand-foot syndrome.
            """
        let (record, _) = try extract(text)
        let grades = Dictionary(uniqueKeysWithValues: record.adverseEvents.map { ($0.term, $0.grade) })
        #expect(grades["neutrophil count decreased"] == 4)
        #expect(grades["fatigue"] == 3)
        #expect(grades["palmar-plantar erythrodysesthesia syndrome"] == .some(nil))
    }

    @Test func symptomsWithoutTreatmentContextAreNotAdverseEvents() throws {
        let text = """
            Case report
            A 64-year-old man presented with fatigue and leukocytosis. He was diagnosed with CML.
            """
        let (record, _) = try extract(text)
        #expect(record.adverseEvents.isEmpty)
    }

    @Test func statedResistanceNamesGenesAndDrugs() throws {
        let text = """
            # Leukemia cutis with IDH1 and NRAS mutations conferring resistance to venetoclax plus azacitidine in AML

            ## Case report
            The 58-year-old patient received venetoclax plus azacitidine.
            """
        let (record, _) = try extract(text, format: .markdown)
        #expect(record.therapies.first?.start == nil)
        let pairs = Set(record.resistance.flatMap { event in event.drugs.map { "\(event.gene):\($0)" } })
        #expect(pairs == ["IDH1:venetoclax", "IDH1:azacitidine", "NRAS:venetoclax", "NRAS:azacitidine"])
    }

    @Test func aLineStartsOnTheDateOfTheSentenceBefore() throws {
        let text = """
            Case report
            A 20-year-old woman had an ALK-rearranged tumour. In February 2012, the disease progressed in the liver. \
            Crizotinib was started and the lesions shrank (partial response).
            """
        let (record, _) = try extract(text)
        #expect(record.therapies.first?.start?.date == "2012-02")
    }

    @Test func deathCauseAndProcedures() throws {
        let text = """
            Case report
            A 40-year-old man underwent allogeneic stem cell transplantation in May 2019 and radiotherapy (30 Gy) to the spine. \
            He died of sepsis in 2020.
            """
        let (record, _) = try extract(text)
        #expect(record.procedures.map(\.kind) == [.transplant, .radiotherapy])
        #expect(record.procedures.first?.detail == "allogeneic")
        #expect(record.procedures.first?.time?.date == "2019-05")
        #expect(record.procedures.last?.detail == "30 Gy")
        #expect(record.outcome?.died == true)
        #expect(record.outcome?.cause == "sepsis in 2020")
    }
}
