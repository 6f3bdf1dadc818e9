import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Hummingbird

/// Health, version, autocomplete and validation helpers for the UI, and the OpenAPI document.
struct MetaController<Context: RequestContext> {
    let services: ServerServices
    let version: String

    struct Health: ResponseEncodable { let status: String }

    struct Version: ResponseEncodable {
        let version: String
        let snapshot: String
        /// Item counts by source, and the case count under "cases".
        let sources: [String: Int]
        /// The curated table's as-of date.
        let knowledgeAsOf: String?
        /// Each source's count and the version or release the store holds, by source.
        let releases: [String: SourceRelease]
        let vocabularies: [String: String]

        enum CodingKeys: String, CodingKey {
            case version, snapshot, sources, releases, vocabularies
            case knowledgeAsOf = "knowledge_as_of"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(snapshot, forKey: .snapshot)
            try container.encode(sources, forKey: .sources)
            // null rather than absent: the field is always there for clients to show.
            try container.encode(knowledgeAsOf, forKey: .knowledgeAsOf)
            try container.encode(releases, forKey: .releases)
            try container.encode(vocabularies, forKey: .vocabularies)
        }
    }

    struct DiseaseOption: ResponseEncodable {
        let code: String
        let name: String
    }

    struct Validation: ResponseEncodable {
        let ok: Bool
        let label: String?
        let message: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ok, forKey: .ok)
            try container.encode(label, forKey: .label)
            try container.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case ok, label, message }
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/health") { _, _ in Health(status: "ok") }
        router.get("/api/version", use: versionInfo)
        router.get("/api/diseases", use: diseases)
        router.get("/api/alterations/validate", use: validate)
        router.get("/openapi.json", use: openAPI)
    }

    @Sendable func versionInfo(_ request: Request, context: Context) async throws -> Version {
        let stats = try await services.store.stats()
        var sources = stats.evidenceBySource
        sources["cases"] = stats.cases
        let releases = try await KnowledgeSeeding.releases(of: services.store, stats: stats)
        // A match after this answer must not be older than the snapshot it names (an index
        // not built yet will be read after it).
        if services.indexedSnapshot != nil { _ = try await services.indexCaughtUp(to: stats.snapshotID) }
        return Version(
            version: version,
            snapshot: stats.snapshotID,
            sources: sources,
            knowledgeAsOf: releases.asOf,
            releases: Dictionary(releases.sources.map { ($0.source.rawValue, $0) }, uniquingKeysWith: { first, _ in first }),
            vocabularies: services.vocabularies.sources
        )
    }

    @Sendable func diseases(_ request: Request, context: Context) async throws -> [DiseaseOption] {
        let query = (request.uri.queryParameters.get("q") ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        var found: [DiseaseOption] = []
        if let exact = services.vocabularies.disease(named: query), exact.isCancer {
            found.append(DiseaseOption(code: exact.code, name: exact.name))
        }
        for disease in services.vocabularies.diseases where disease.isCancer && disease.level >= 2 && found.count < 12 {
            let matches =
                disease.code.lowercased().hasPrefix(query) || disease.name.lowercased().contains(query)
                || disease.synonyms.contains { $0.lowercased().hasPrefix(query) }
            if matches, !found.contains(where: { $0.code == disease.code }) {
                found.append(DiseaseOption(code: disease.code, name: disease.name))
            }
        }
        return found
    }

    @Sendable func validate(_ request: Request, context: Context) async throws -> Validation {
        let text = request.uri.queryParameters.get("text") ?? ""
        switch services.vocabularies.parseAlteration(text) {
        case .success(let alteration): return Validation(ok: true, label: alteration.label, message: nil)
        case .failure(let error): return Validation(ok: false, label: nil, message: error.description)
        }
    }

    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        guard
            let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "API")
                ?? Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources/API")
        else { throw APIError(.internalServerError, "missing_resource", "the OpenAPI document is missing") }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url)))
        )
    }
}
