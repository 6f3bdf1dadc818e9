import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardPresentation
import Foundation
import Hummingbird

/// `POST /api/extract`: a case report in (JSON, raw text/HTML/XML, or a multipart upload), the
/// extraction contract out, with every mention, the document text the mentions point into,
/// and the timeline SVG.
struct ExtractController<Context: RequestContext> {
    let services: ServerServices
    let configuration: ServerConfiguration

    struct JSONInput: Decodable {
        let text: String
        let format: String?
        let name: String?
    }

    /// The extraction contract plus what the UI needs to highlight and draw.
    struct Output: ResponseEncodable {
        let record: CaseRecord
        let documentText: String
        let timelineSVG: String
        let documents: Int

        enum CodingKeys: String, CodingKey {
            case documents
            case documentText = "document_text"
            case timelineSVG = "timeline_svg"
        }

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(documentText, forKey: .documentText)
            try container.encode(timelineSVG, forKey: .timelineSVG)
            try container.encode(documents, forKey: .documents)
        }
    }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/extract", use: extract)
    }

    @Sendable func extract(_ request: Request, context: Context) async throws -> Output {
        let body = Array(buffer: try await request.body.collect(upTo: configuration.maxBodyBytes))
        let rawContentType = request.headers[.contentType] ?? ""
        let contentType = rawContentType.lowercased()
        var bytes = body
        var name = "upload"
        var format: DocumentFormat?
        if contentType.hasPrefix("application/json") {
            let input = try JSONDecoder().decode(JSONInput.self, from: Data(body))
            bytes = Array(input.text.utf8)
            name = input.name ?? "pasted text"
            format = try Self.format(input.format)
        } else if contentType.hasPrefix("multipart/form-data") {
            // The boundary is case-sensitive: read it from the header as sent.
            guard let boundary = Multipart.boundary(from: rawContentType) else {
                throw APIError(.badRequest, "bad_multipart", "multipart body without a boundary")
            }
            let parts = Multipart.parse(body, boundary: boundary)
            guard let file = parts.first(where: { $0.filename != nil }) ?? parts.first(where: { $0.name == "text" }) else {
                throw APIError(.badRequest, "no_file", "the multipart body has no file part", field: "file")
            }
            bytes = file.body
            name = file.filename ?? "upload"
            if let chosen = parts.first(where: { $0.name == "format" }) {
                format = try Self.format(String(decoding: chosen.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
        } else if contentType.hasPrefix("text/html") {
            format = .html
        } else if contentType.hasPrefix("text/plain") || contentType.isEmpty {
            format = nil
        } else if contentType.contains("xml") {
            format = nil  // PubMed or JATS, told apart by content
        } else {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "send JSON, text/plain, text/html, XML or multipart/form-data")
        }
        guard !bytes.isEmpty else { throw APIError(.badRequest, "empty_input", "the case report is empty", field: "text") }
        let loader = DocumentLoader(options: .init(format: format))
        let documents = try loader.documents(bytes: bytes, name: name)
        guard let document = documents.first else {
            throw APIError(.unprocessableContent, "no_document", "no document found in the input")
        }
        var record = services.extractor.extract(document)
        record.mentions = services.extractor.mentions(document)
        // Past the request's deadline the extractor stops early; its partial result is not an answer.
        try Task.checkCancellation()
        return Output(record: record, documentText: document.text, timelineSVG: TimelineSVG.render(record), documents: documents.count)
    }

    static func format(_ text: String?) throws -> DocumentFormat? {
        guard let text, !text.isEmpty, text != "auto" else { return nil }
        guard let format = DocumentFormat(rawValue: text) else {
            throw APIError(.badRequest, "bad_format", "format must be auto, text, markdown, html, pubmed, jats or pubtator", field: "format")
        }
        return format
    }
}
