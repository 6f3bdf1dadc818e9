import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardVocabularies

// libFuzzer entry: the first byte picks the reader (or format detection), the rest is the
// document. Every document read is then extracted, mentions included. A crash, a trap or a
// hang (libFuzzer's -timeout) is a finding; a thrown reading error is an answer.

/// Built once: loading the vocabularies and automata costs far more than one input.
let extractor: CaseExtractor = {
    guard let vocabularies = try? Vocabularies.loadBundled() else { fatalError("the bundled vocabularies did not load") }
    return CaseExtractor(vocabularies: vocabularies)
}()

/// nil (detect), then each reader.
let formats: [DocumentFormat?] = [nil] + DocumentFormat.allCases.map { $0 }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let selector = bytes.first else { return 0 }
    let format = formats[Int(selector) % formats.count]
    let loader = DocumentLoader(options: .init(format: format))
    guard let documents = try? loader.documents(bytes: Array(bytes.dropFirst()), name: "fuzz-input") else { return 0 }
    for document in documents.prefix(4) {
        let record = extractor.extract(document)
        let mentions = extractor.mentions(document)
        // Every mention must point inside the text it was found in.
        let length = document.text.utf8.count
        for mention in mentions where mention.start < 0 || mention.end > length || mention.start > mention.end {
            fatalError("mention \(mention.identifier) at \(mention.start)..<\(mention.end) outside a text of \(length) bytes")
        }
        _ = record.therapies.count
    }
    return 0
}

// SwiftPM links an executable's entry as `<Module>_main` and aliases `main` to it; with
// `-parse-as-library` there is none, so provide it and hand over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzReaders_main")
public func fuzzReadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
