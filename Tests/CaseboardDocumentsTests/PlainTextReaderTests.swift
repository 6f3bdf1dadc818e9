import CaseboardCore
import CaseboardDocuments
import Testing

struct PlainTextReaderTests {
    let reader = PlainTextReader()

    @Test func keepsTextVerbatimAndFindsHeadings() throws {
        let input = try Fixture.bytes("egfr-case.txt")
        let document = try reader.read(input, source: "fixtures/egfr-case.txt")
        #expect(document.id == "egfr-case.txt")
        #expect(document.format == .text)
        #expect(document.text == String(decoding: input, as: UTF8.self))
        #expect(document.sourceMap.isIdentity)
        #expect(document.warnings.isEmpty)
        #expect(document.title == "Osimertinib Rechallenge After Pneumonitis in EGFR L858R Lung Adenocarcinoma")
        #expect(
            document.outline == [
                "title:-", "abstract:Abstract", "other:1. Introduction", "case:2. Case presentation", "case:MOLECULAR FOLLOW-UP",
                "discussion:3. Discussion", "discussion:Conclusions", "references:References",
            ]
        )
        let caseText = try #require(document.firstText(of: .case))
        #expect(caseText.hasPrefix("A 58-year-old never-smoking woman presented"))
        #expect(caseText.hasSuffix("Osimertinib 80 mg daily was started in May 2019."))
        let references = try #require(document.firstText(of: .references))
        #expect(references.hasPrefix("1. Doe A") && references.hasSuffix("2020;2:10-19."))
    }

    @Test func readsPubMedExport() throws {
        let input = try Fixture.bytes("pubmed-export.txt")
        let document = try reader.read(input, source: "pubmed-export.txt")
        #expect(document.title == "Durable response to osimertinib in a patient with EGFR exon 19 deletion lung adenocarcinoma and brain metastases")
        #expect(
            document.outline == [
                "other:-", "title:-", "other:-", "other:Author information", "abstract:-", "other:-", "other:-",
            ]
        )
        let abstract = try #require(document.firstText(of: .abstract))
        #expect(abstract.hasPrefix("A 47-year-old man"))
        #expect(abstract.hasSuffix("at every visit."))
        let metadata = document.metadata
        #expect(metadata.journal == "J Invent Oncol")
        #expect(metadata.publicationDate == "2021-03-04")
        #expect(metadata.doi == "10.9999/jio.2021.0042")
        #expect(metadata.pmid == "90000001")
        #expect(metadata.pmcid == "PMC9000001")
        #expect(metadata.authors == ["Marlow Q", "Ferreira-Tan L", "Okonkwo D"])
        let affiliations = try #require(document.sections.first { $0.heading == "Author information" })
        #expect(document.text(of: affiliations).hasPrefix("(1)Department of Thoracic Oncology"))
    }

    @Test func structuredAbstractLabelsStayInTheAbstract() throws {
        let input = Array(
            """
            Abstract
            Background
            ROS1 fusions are rare.
            Case presentation
            A 39-year-old woman responded to crizotinib.
            Conclusions
            Testing matters.

            Background
            ROS1 was first described long ago.

            Case presentation
            The patient, a 39-year-old woman, had a cough.

            Discussion
            Crizotinib remains an option.

            """.utf8
        )
        let document = try reader.read(input, source: "bmc.txt")
        #expect(
            document.outline == [
                "abstract:Abstract", "abstract:Background", "abstract:Case presentation", "abstract:Conclusions", "other:Background",
                "case:Case presentation", "discussion:Discussion",
            ]
        )
        #expect(document.firstText(of: .case) == "The patient, a 39-year-old woman, had a cough.")
    }

    @Test func documentWithoutHeadingsIsOneCase() throws {
        let input = Array("A 70-year-old man with BRAF V600E melanoma responded to dabrafenib and trametinib.\n".utf8)
        let document = try reader.read(input, source: "note.txt")
        #expect(document.title == nil)
        #expect(document.outline == ["case:-"])
        #expect(document.sections[0].range == 0..<(input.count - 1))
    }

    @Test func backMatterHeadingAloneLeavesTheBodyACase() throws {
        let input = Array(
            """
            Rare Case of Sarcoma With an Invented NTRK3 Fusion

            A 41-year-old man had a scalp mass with an NTRK3 fusion and responded to larotrectinib.

              \u{2022} Case Report

            Disclosure
            None.

            """.utf8
        )
        let document = try reader.read(input, source: "news.txt")
        #expect(document.title == "Rare Case of Sarcoma With an Invented NTRK3 Fusion")
        #expect(document.outline == ["title:-", "case:-", "other:Disclosure"])
    }

    @Test func runInHeadingsAndCRLF() throws {
        let input = Array("Case presentation: A 64-year-old woman had KRAS G12C.\r\n\r\nDiscussion: Sotorasib worked.\r\n".utf8)
        let document = try reader.read(input, source: "crlf.txt")
        #expect(document.text == "Case presentation: A 64-year-old woman had KRAS G12C.\n\nDiscussion: Sotorasib worked.\n")
        #expect(document.outline == ["case:Case presentation", "discussion:Discussion"])
        #expect(document.firstText(of: .case) == "A 64-year-old woman had KRAS G12C.")
        // Each LF maps to the CRLF it replaced; words keep their own bytes.
        let newline = try #require(document.textRange(of: "\n"))
        #expect(document.sourceMap.sourceRange(ofText: newline) == 53..<55)
        #expect(document.sourceText(of: "Sotorasib", in: input) == "Sotorasib")
    }

    @Test func repairsMojibakeWithWarning() throws {
        // "230â€‰days": a UTF-8 thin space that went through Windows-1252 and back.
        let input = Array("Survival was 230\u{00E2}\u{20AC}\u{2030}days.\n".utf8)
        let document = try reader.read(input, source: "mojibake.txt")
        #expect(document.text == "Survival was 230\u{2009}days.\n")
        let thinSpace = try #require(document.textRange(of: "\u{2009}"))
        #expect(thinSpace.count == 3)
        #expect(document.sourceMap.sourceRange(ofText: thinSpace) == 16..<24)
        #expect(document.sourceText(of: "days", in: input) == "days")
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.severity == .warning)
        #expect(document.warnings.first?.message.contains("mojibake") == true)
        #expect(document.warnings.first?.position == SourcePosition(offset: 16, line: 1, column: 17))
    }

    @Test func replacesInvalidBytesWithWarning() throws {
        let input: [UInt8] = Array("Line one\nbad ".utf8) + [0xFF, 0xFE] + Array(" here\n".utf8)
        let document = try reader.read(input, source: "invalid.txt")
        #expect(document.text == "Line one\nbad \u{FFFD} here\n")
        let warning = try #require(document.warnings.first)
        #expect(warning.file == "invalid.txt")
        #expect(warning.position == SourcePosition(offset: 13, line: 2, column: 5))
        #expect(warning.message.hasPrefix("replaced 2 byte(s)"))
        let replacement = try #require(document.textRange(of: "\u{FFFD}"))
        #expect(document.sourceMap.sourceRange(ofText: replacement) == 13..<15)
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: Diagnostic.error("file is empty", file: "empty.txt")) {
            try reader.read([], source: "empty.txt")
        }
    }

    @Test func binaryFileIsAnError() throws {
        let input: [UInt8] = Array("abc".utf8) + [0x00, 0x01, 0x02] + Array("def".utf8)
        let error = try #require(throws: Diagnostic.self) { try reader.read(input, source: "blob.bin") }
        #expect(error.message == "binary file, not text (found NUL byte at offset 3)")
        #expect(error.position == SourcePosition(offset: 3, line: 1, column: 4))
        #expect(error.severity == .error)
    }

    @Test func sniffer() {
        func evidence(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { InputSniffer.binaryEvidence($0) } }
        #expect(evidence(Array("Plain text\twith tabs\r\n".utf8)) == nil)
        #expect(evidence(Array("%PDF-1.7\n".utf8)) == "a PDF file; extract its text first, signature at offset 0")
        #expect(evidence([0xFF, 0xFE, 0x41, 0x00]) == "found NUL byte at offset 3; it looks like UTF-16 text, convert it to UTF-8")
        #expect(evidence(Array(repeating: 0x01, count: 20) + Array("text".utf8)) == "20 of the first 24 bytes are control characters")
    }

    @Test func readsHugeSingleLineInLinearTime() throws {
        var input = Array("Case report\n".utf8)
        let sentence = Array("The patient received osimertinib 80 mg daily with a partial response. ".utf8)
        input.reserveCapacity(5_000_100)
        while input.count < 5_000_000 { input += sentence }
        let document = try reader.read(input, source: "big.txt")
        #expect(document.text.utf8.count == input.count)
        #expect(document.outline == ["case:Case report"])
        #expect(document.sections[0].range.upperBound == input.count - 1)
    }
}
