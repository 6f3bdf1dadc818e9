import CaseboardCore
import Foundation
import Testing

@testable import CaseboardDocuments

/// Reads every item of a PubMed source.
func readAll(_ source: any ByteSource, name: String = "pubmed-small.xml", options: XMLReadOptions = XMLReadOptions()) throws -> [PubMedItem] {
    var reader = PubMedReader(source: source, name: name, options: options)
    var items: [PubMedItem] = []
    while let item = try reader.next() { items.append(item) }
    return items
}

func documents(_ items: [PubMedItem]) -> [Document] {
    items.compactMap { if case .article(let document) = $0 { document } else { nil } }
}

struct PubMedReaderTests {
    @Test func readsArticlesAndDeletions() throws {
        let items = try readAll(MemoryByteSource(try Fixture.bytes("pubmed-small.xml")))
        let docs = documents(items)
        #expect(docs.map(\.id) == ["pmid:11111111", "pmid:22222222", "pmid:33333333"])
        #expect(items.count == 4)
        guard case .deleted(let pmids) = items[3] else {
            Issue.record("last item is not a deletion")
            return
        }
        #expect(pmids == ["44444444", "55555555"])
    }

    @Test func labelledAbstractBecomesClassifiedSections() throws {
        let document = try #require(documents(try readAll(MemoryByteSource(try Fixture.bytes("pubmed-small.xml")))).first)
        #expect(document.format == .pubmed)
        #expect(document.source == "pubmed-small.xml")
        #expect(document.title == "Durable response to osimertinib in EGFR-mutant lung cancer & brain metastases.")
        #expect(document.sections.map(\.kind) == [.title, .abstract, .case, .discussion])
        #expect(document.sections.map(\.heading) == [nil, "BACKGROUND", "CASE PRESENTATION", "CONCLUSIONS"])
        #expect(
            document.text(of: document.sections[1]) == "Targeted therapy changed the outlook of EGFR-mutant disease."
        )
        #expect(
            document.text(of: document.sections[2])
                == "A 54-year-old woman with the L858R mutation received osimertinib 80\u{A0}mg daily (β version)."
        )
        let expectedText = """
            Durable response to osimertinib in EGFR-mutant lung cancer & brain metastases.

            BACKGROUND: Targeted therapy changed the outlook of EGFR-mutant disease.

            CASE PRESENTATION: A 54-year-old woman with the L858R mutation received osimertinib 80\u{A0}mg daily (β version).

            CONCLUSIONS: Osimertinib can control brain disease.
            """
        #expect(document.text == expectedText)
        #expect(document.warnings.isEmpty)
    }

    @Test func metadata() throws {
        let docs = documents(try readAll(MemoryByteSource(try Fixture.bytes("pubmed-small.xml"))))
        let first = docs[0].metadata
        #expect(first.pmid == "11111111")
        #expect(first.doi == "10.1000/jrt.2020.001")
        #expect(first.pmcid == "PMC7654321")
        #expect(first.journal == "Journal of Rare Tumours")
        #expect(first.publicationDate == "2020-03-05")
        #expect(first.publicationTypes == ["Case Reports", "Journal Article"])
        #expect(first.isCaseReport)
        #expect(first.authors == ["Curie MS", "Dupont JL", "Rare Tumour Consortium"])
        #expect(first.keywords == ["EGFR", "osimertinib"])

        let second = docs[1]
        #expect(second.metadata.pmid == "22222222")
        #expect(second.metadata.doi == "10.1000/ae.1998.77")
        #expect(second.metadata.pmcid == nil)
        #expect(second.metadata.publicationDate == "1998-12")
        #expect(!second.metadata.isCaseReport)
        #expect(second.title == "Survey of 18F imaging.")
        #expect(second.sections.map(\.kind) == [.title, .abstract])
        #expect(second.sections.map(\.heading) == [nil, nil])

        let book = docs[2]
        #expect(book.title == "Li-Fraumeni Syndrome")
        #expect(book.metadata.journal == nil)
        #expect(book.metadata.publicationDate == "2019-11")
        #expect(book.metadata.publicationTypes == ["Review"])
        #expect(book.metadata.authors == ["Schneider K"])
        #expect(book.sections.map(\.kind) == [.title, .discussion])
    }

    @Test func everyWordMapsBackToItsBytes() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        let docs = documents(try readAll(MemoryByteSource(bytes)))
        var checked = 0
        for document in docs {
            for section in document.sections {
                let sectionText = document.text(of: section)
                // Every plain ASCII word in the section maps back to exactly the same bytes of the input.
                var offset = section.range.lowerBound
                for word in sectionText.split(separator: " ", omittingEmptySubsequences: false) {
                    let length = word.utf8.count
                    defer { offset += length + 1 }
                    // "18F" is "18</sup>F" in the input: its range rightly spans the tag.
                    guard length > 2, word != "18F", word.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "&") }) else { continue }
                    let source = document.sourceMap.sourceRange(ofText: offset..<(offset + length))
                    #expect(Array(bytes[source]) == Array(word.utf8), "\(document.id) \(word)")
                    checked += 1
                }
            }
        }
        #expect(checked == 40)
    }

    @Test func substitutedPiecesMapToTheirSource() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        let document = try #require(documents(try readAll(MemoryByteSource(bytes))).first)
        func source(of text: String) -> String {
            let range = document.text.utf8.ranges(of: text.utf8)
            let start = document.text.utf8.distance(from: document.text.utf8.startIndex, to: range[0].lowerBound)
            let mapped = document.sourceMap.sourceRange(ofText: start..<(start + text.utf8.count))
            return String(decoding: bytes[mapped], as: UTF8.self)
        }
        #expect(source(of: "β") == "&#x3b2;")
        #expect(source(of: "& brain") == "&amp; brain")
        #expect(source(of: "CASE PRESENTATION: ") == "CASE PRESENTATION")
        #expect(source(of: "outlook of EGFR") == "outlook of\n            EGFR")
    }

    @Test func gzipReadsIdentically() throws {
        let plain = try readAll(MemoryByteSource(try Fixture.bytes("pubmed-small.xml")))
        let gzip = try GzipByteSource(upstream: MemoryByteSource(try Fixture.bytes("pubmed-small.xml.gz")), name: "pubmed-small.xml.gz")
        #expect(try readAll(gzip) == plain)
        let opened = try ByteSources.open(path: try Fixture.url("pubmed-small.xml.gz").path, pipelined: true)
        #expect(try readAll(opened) == plain)
    }

    @Test func truncatedGzipIsAClearError() throws {
        let path = try Fixture.url("pubmed-truncated.xml.gz").path
        for pipelined in [false, true] {
            let error = diagnostic {
                var reader = try PubMedReader.open(path: path, pipelined: pipelined)
                while try reader.next() != nil {}
            }
            #expect(error?.message.hasPrefix("gzip data is truncated") == true)
            #expect(error?.file == path)
        }
    }

    @Test func tinyReadsGiveTheSameDocuments() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        let expected = try readAll(MemoryByteSource(bytes))
        #expect(try readAll(TrickleByteSource(bytes), options: XMLReadOptions(bufferSize: 7)) == expected)
        #expect(try readAll(TrickleByteSource(bytes)) == expected)
    }

    @Test func truncatedXMLNamesTheRecord() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        let cut = Array(bytes[0..<1500])
        let error = diagnostic { _ = try readAll(MemoryByteSource(cut)) }
        #expect(error?.message == "unexpected end of input inside <AbstractText> opened at line 27, column 11")
        #expect(error?.file == "pubmed-small.xml")
        #expect(error?.position?.line == 27)
        #expect(error?.position?.column == 103)
    }

    @Test func invalidBytesAreRepairedWithALocatedWarning() throws {
        var bytes = Array("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>\n<ArticleTitle>Bad ".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" byte.</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>".utf8)
        let document = try #require(documents(try readAll(MemoryByteSource(bytes), name: "bad.xml")).first)
        #expect(document.title == "Bad \u{FFFD} byte.")
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.position?.line == 2)
        #expect(document.warnings.first?.position?.column == 19)
    }

    @Test func wrongRootIsRefused() {
        let error = diagnostic { _ = try readAll(MemoryByteSource(Array("<html><body/></html>".utf8))) }
        #expect(error?.message == "not PubMed XML: the root element is <html>, expected <PubmedArticleSet>")
    }

    @Test func labelClassification() {
        #expect(PubMedReader.kind(forLabel: "Case report", category: nil) == .case)
        #expect(PubMedReader.kind(forLabel: "CASE DESCRIPTION", category: nil) == .case)
        #expect(PubMedReader.kind(forLabel: "CASE", category: nil) == .case)
        #expect(PubMedReader.kind(forLabel: "DISCUSSION AND CONCLUSIONS", category: nil) == .discussion)
        #expect(PubMedReader.kind(forLabel: "CONCLUSION", category: nil) == .discussion)
        #expect(PubMedReader.kind(forLabel: "METHODS", category: nil) == .abstract)
        #expect(PubMedReader.kind(forLabel: "SUMMARY", category: "CONCLUSIONS") == .discussion)
        #expect(PubMedReader.kind(forLabel: "CASE-CONTROL STUDY", category: nil) == .abstract)
    }
}
