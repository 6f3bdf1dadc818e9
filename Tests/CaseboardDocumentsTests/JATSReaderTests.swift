import CaseboardCore
import CaseboardDocuments
import Testing

struct JATSReaderTests {
    func fixture() throws -> (Document, [UInt8]) {
        let bytes = try Fixture.bytes("jats-small.nxml")
        return (try JATSReader().read(MemoryByteSource(bytes), name: "fixtures/jats-small.nxml"), bytes)
    }

    @Test func titleAbstractAndSections() throws {
        let (document, _) = try fixture()
        #expect(document.id == "jats-small.nxml")
        #expect(document.format == .jats)
        #expect(document.title == "Response of ALK-rearranged lung cancer to alectinib")
        #expect(document.sections.map(\.kind) == [.title, .abstract, .abstract, .other, .case, .case, .case, .discussion])
        #expect(
            document.sections.map(\.heading) == [
                nil, "Background", "Case Presentation", nil, "Case presentation", "Laboratory findings", "Case presentation",
                "Discussion",
            ]
        )
        let texts = document.sections.map { String(document.text(of: $0)) }
        #expect(
            texts == [
                "Response of ALK-rearranged lung cancer to alectinib",
                "ALK fusions occur in 5% of cases.",
                "A 40-year-old man had EML4-ALK fusion.",
                "Lung cancer is common [1].",
                "The patient presented with cough.",
                "CEA was 12 ng/mL.\n\nTable 1\n\nLaboratory values at diagnosis.",
                "He started alectinib.",
                "Alectinib works.\n\nFigure 1\n\nCT scan.\n\nShrinking tumour.",
            ]
        )
    }

    @Test func headingsAppearOnTheirOwnLine() throws {
        let (document, _) = try fixture()
        #expect(document.text.contains("\n\nCase presentation\nThe patient presented with cough.\n\nLaboratory findings\nCEA was"))
        #expect(!document.text.contains("We thank"))
        #expect(!document.text.contains("Reference one"))
        #expect(!document.text.contains("1."))
    }

    @Test func metadata() throws {
        let (document, _) = try fixture()
        let metadata = document.metadata
        #expect(metadata.pmid == "30000001")
        #expect(metadata.pmcid == "PMC6000001")
        #expect(metadata.doi == "10.1159/000000001")
        #expect(metadata.journal == "Case Reports in Oncology")
        #expect(metadata.publicationDate == "2019-03-12")
        #expect(metadata.publicationTypes == ["case-report"])
        #expect(metadata.isCaseReport)
        #expect(metadata.authors == ["Tanaka Y", "Müller AL"])
        #expect(metadata.keywords == ["ALK", "Alectinib"])
    }

    @Test func sectionTextMapsBackToTheInput() throws {
        let (document, bytes) = try fixture()
        for section in document.sections {
            let text = document.text(of: section)
            guard let word = text.split(separator: " ").first(where: { $0.utf8.count > 3 && $0.allSatisfy(\.isLetter) }) else { continue }
            let start = section.range.lowerBound + text.utf8.distance(from: text.utf8.startIndex, to: word.utf8.startIndex)
            let source = document.sourceMap.sourceRange(ofText: start..<(start + word.utf8.count))
            #expect(Array(bytes[source]) == Array(word.utf8))
        }
    }

    @Test func notAnArticle() {
        let error = diagnostic { _ = try JATSReader().read(MemoryByteSource(Array("<html/>".utf8)), name: "x.nxml") }
        #expect(error?.message == "not a JATS article: the root element is <html>, expected <article>")
    }
}
