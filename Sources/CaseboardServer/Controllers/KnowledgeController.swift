import CaseboardCore
import CaseboardExport
import CaseboardKnowledge
import CaseboardPresentation
import CaseboardVocabularies
import Foundation
import Hummingbird

extension StoredCase: ResponseEncodable {}

/// Evidence browsing and the stored cases.
struct KnowledgeController<Context: RequestContext> {
    let services: ServerServices
    let configuration: ServerConfiguration

    struct CaseListing: ResponseEncodable {
        struct Item: Encodable {
            let id: String
            let title: String?
            let document: String
            let importedAt: String

            enum CodingKeys: String, CodingKey {
                case id, title, document
                case importedAt = "imported_at"
            }
        }
        let items: [Item]
        let total: Int
    }

    struct Created: ResponseEncodable {
        let id: String
        let evidence: Int
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/evidence", use: evidence)
        router.get("/api/cases", use: listCases)
        router.get("/api/cases/:id", use: getCase)
        router.get("/api/cases/:id/timeline.svg", use: timeline)
        router.get("/api/cases/:id/phenopacket.json", use: phenopacket)
        router.get("/api/cases/:id/fhir.json", use: fhirBundle)
        // The token guards the write routes themselves, whatever the path's spelling.
        router.group()
            .add(middleware: WriteTokenMiddleware<Context>(token: configuration.token))
            .post("/api/cases", use: createCase)
            .delete("/api/cases/:id", use: deleteCase)
    }

    private func limits(_ request: Request) throws -> (limit: Int, offset: Int) {
        let parameters = request.uri.queryParameters
        let limit = try parameters.get("limit").map { value -> Int in
            guard let number = Int(value), (1...500).contains(number) else {
                throw APIError(.badRequest, "bad_parameter", "limit must be a number from 1 to 500", field: "limit")
            }
            return number
        }
        let offset = try parameters.get("offset").map { value -> Int in
            guard let number = Int(value), number >= 0 else {
                throw APIError(.badRequest, "bad_parameter", "offset must be a number of at least 0", field: "offset")
            }
            return number
        }
        return (limit ?? 50, offset ?? 0)
    }

    @Sendable func evidence(_ request: Request, context: Context) async throws -> Response {
        let parameters = request.uri.queryParameters
        let (limit, offset) = try limits(request)
        var level: EvidenceLevel?
        if let text = parameters.get("level"), !text.isEmpty {
            guard let parsed = EvidenceLevel(rawValue: text.uppercased()) else {
                throw APIError(.badRequest, "bad_parameter", "level must be A, B, C, D or E", field: "level")
            }
            level = parsed
        }
        func value(_ key: String) -> String? { parameters.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        let filter = EvidenceFilter(
            gene: value("gene").map { services.vocabularies.gene(named: $0)?.symbol ?? $0.uppercased() },
            alteration: value("alteration"),
            disease: value("disease").map { services.vocabularies.disease(named: $0)?.code ?? $0 },
            drug: value("drug").map { services.vocabularies.drug(named: $0)?.name ?? $0.lowercased() },
            level: level,
            query: value("q"),
            limit: limit,
            offset: offset
        )
        // Items go out as stored, without a decode and re-encode per item.
        // From memory when the change feed vouches for it (PostgreSQL), else the store's query.
        let page: EvidenceJSONPage
        if let fromMemory = await services.evidencePage(filter) {
            page = fromMemory
        } else {
            page = try await services.store.evidenceJSON(matching: filter)
        }
        var body = ByteBuffer()
        body.writeString("{\"items\":[")
        for (position, item) in page.items.enumerated() {
            if position > 0 { body.writeString(",") }
            body.writeString(item)
        }
        body.writeString("],\"total\":\(page.total)}")
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
            body: .init(byteBuffer: body)
        )
    }

    @Sendable func listCases(_ request: Request, context: Context) async throws -> CaseListing {
        let (limit, offset) = try limits(request)
        let query = request.uri.queryParameters.get("q").flatMap { $0.isEmpty ? nil : $0 }
        let cases = try await services.store.cases(query: query, limit: limit, offset: offset)
        let total = query == nil ? try await services.store.stats().cases : offset + cases.count
        return CaseListing(
            items: cases.map { .init(id: $0.id, title: $0.record.title, document: $0.record.document, importedAt: $0.importedAt) },
            total: total
        )
    }

    /// The `id` path parameter, percent-decoded.
    private func caseID(_ context: Context) throws -> String {
        let raw = try context.parameters.require("id")
        return raw.removingPercentEncoding ?? raw
    }

    private func storedCase(_ context: Context) async throws -> StoredCase {
        let id = try caseID(context)
        guard let stored = try await services.store.storedCase(id: id) else {
            throw APIError(.notFound, "not_found", "no case with id '\(id)'", field: "id")
        }
        return stored
    }

    @Sendable func getCase(_ request: Request, context: Context) async throws -> StoredCase {
        try await storedCase(context)
    }

    @Sendable func timeline(_ request: Request, context: Context) async throws -> Response {
        let stored = try await storedCase(context)
        return Response(
            status: .ok,
            headers: [.contentType: "image/svg+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: TimelineSVG.render(stored.record)))
        )
    }

    /// The case as a GA4GH Phenopacket v2.
    @Sendable func phenopacket(_ request: Request, context: Context) async throws -> Response {
        let stored = try await storedCase(context)
        return json(PhenopacketExporter(vocabularies: services.vocabularies, created: Date()).phenopacket(stored.record))
    }

    /// The case as an HL7 FHIR R4 bundle following mCODE.
    @Sendable func fhirBundle(_ request: Request, context: Context) async throws -> Response {
        let stored = try await storedCase(context)
        return json(FHIRExporter(vocabularies: services.vocabularies, created: Date()).bundle(stored.record), type: "application/fhir+json")
    }

    private func json(_ value: JSONValue, type: String = "application/json") -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "\(type); charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.encoded()))
        )
    }

    @Sendable func createCase(_ request: Request, context: Context) async throws -> EditedResponse<Created> {
        let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let data = Data(body.readableBytesView)
        let record = try JSONDecoder().decode(CaseRecord.self, from: data)
        guard !record.document.isEmpty else { throw APIError(.badRequest, "missing_field", "the case needs a document name", field: "document") }
        // The document text beside the record (as `POST /api/extract` returns it), kept so the
        // stored case reopens whole.
        let documentText = try JSONDecoder().decode(DocumentTextField.self, from: data).documentText
        let id = CaseIdentity.id(for: record)
        let evidence = CaseEvidence.derive(from: record, caseID: id, vocabularies: services.vocabularies)
        let stored = try await services.saveCase(CaseSubmission(record: record, evidence: evidence, documentText: documentText))
        return EditedResponse(
            status: .created,
            headers: [.location: "/api/cases/\(stored.id)"],
            response: Created(id: stored.id, evidence: evidence.count)
        )
    }

    @Sendable func deleteCase(_ request: Request, context: Context) async throws -> HTTPResponse.Status {
        let id = try caseID(context)
        guard try await services.deleteCase(id: id) else {
            throw APIError(.notFound, "not_found", "no case with id '\(id)'", field: "id")
        }
        return .noContent
    }
}

/// The optional `document_text` member of a case sent to `POST /api/cases`.
struct DocumentTextField: Decodable {
    let documentText: String?

    enum CodingKeys: String, CodingKey {
        case documentText = "document_text"
    }
}
