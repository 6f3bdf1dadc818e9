import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Hummingbird

extension EvidenceItem: ResponseEncodable {}

/// Read-only routes the web UI browses with: the bundled example reports, one evidence item by
/// id, and an overview of the knowledge base's evidence.
struct BrowseController<Context: RequestContext> {
    let services: ServerServices
    /// The bundled `examples/` folder of the web UI's resources.
    let examplesDirectory: URL

    /// One example report: its text, and the patient profile that goes with it, when there is one.
    struct Example: ResponseEncodable {
        let id: String
        let title: String
        let format: String
        let text: String?
        let patient: Profile?
    }

    /// A match profile: what the match form is filled with.
    struct Profile: Codable, Sendable {
        struct Prior: Codable, Sendable {
            let drugs: [String]
            let response: String?
        }
        let disease: String?
        let alterations: [String]
        let priorTherapies: [Prior]?

        enum CodingKeys: String, CodingKey {
            case disease, alterations
            case priorTherapies = "prior_therapies"
        }
    }

    struct ExampleList: ResponseEncodable {
        let items: [Example]
    }

    struct Count: Encodable {
        let name: String
        let count: Int
        /// The OncoTree code a disease count is grouped by; absent elsewhere.
        var code: String? = nil
    }

    /// Evidence counts by level, source and disease, and the knowledge base's as-of date.
    struct Overview: ResponseEncodable {
        let total: Int
        let cases: Int
        let snapshot: String
        let knowledgeAsOf: String?
        let byLevel: [Count]
        let bySource: [Count]
        let byDisease: [Count]

        enum CodingKeys: String, CodingKey {
            case total, cases, snapshot
            case knowledgeAsOf = "knowledge_as_of"
            case byLevel = "by_level"
            case bySource = "by_source"
            case byDisease = "by_disease"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(total, forKey: .total)
            try container.encode(cases, forKey: .cases)
            try container.encode(snapshot, forKey: .snapshot)
            // null rather than absent, like /api/version.
            try container.encode(knowledgeAsOf, forKey: .knowledgeAsOf)
            try container.encode(byLevel, forKey: .byLevel)
            try container.encode(bySource, forKey: .bySource)
            try container.encode(byDisease, forKey: .byDisease)
        }
    }

    /// Diseases shown by name in the overview; the rest are summed as "other".
    static var diseasesShown: Int { 12 }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/examples", use: listExamples)
        router.get("/api/examples/:id", use: example)
        router.get("/api/evidence/:id", use: evidenceItem)
        router.get("/api/evidence-overview", use: overview)
    }

    /// Report files (`.md`, `.txt`) in the examples folder, by id (the file name without extension).
    private func reportFiles() -> [String: URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? []
        var files: [String: URL] = [:]
        for name in names where name.hasSuffix(".md") || name.hasSuffix(".txt") {
            let url = examplesDirectory.appendingPathComponent(name)
            files[url.deletingPathExtension().lastPathComponent] = url
        }
        return files
    }

    private func load(_ id: String, url: URL, withText: Bool) throws -> Example {
        let text = try String(contentsOf: url, encoding: .utf8)
        let heading = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        let patientURL = examplesDirectory.appendingPathComponent(id + ".patient.json")
        let patient = (try? Data(contentsOf: patientURL)).flatMap { try? JSONDecoder().decode(Profile.self, from: $0) }
        return Example(
            id: id,
            title: heading?.trimmingCharacters(in: .whitespaces) ?? id,
            format: url.pathExtension == "md" ? "markdown" : "text",
            text: withText ? text : nil,
            patient: patient
        )
    }

    @Sendable func listExamples(_ request: Request, context: Context) async throws -> ExampleList {
        let files = reportFiles()
        return ExampleList(items: try files.keys.sorted().map { try load($0, url: files[$0]!, withText: false) })
    }

    @Sendable func example(_ request: Request, context: Context) async throws -> Example {
        let id = try context.parameters.require("id")
        // Only the bundled files, by exact id: no path ever comes from the request.
        guard let url = reportFiles()[id] else {
            throw APIError(.notFound, "not_found", "no example with id '\(id)'", field: "id")
        }
        return try load(id, url: url, withText: true)
    }

    /// One evidence item. Case evidence (`case:<case id>:<n>`) comes from its stored case;
    /// other items from the whole evidence table.
    @Sendable func evidenceItem(_ request: Request, context: Context) async throws -> EvidenceItem {
        let raw = try context.parameters.require("id")
        let id = raw.removingPercentEncoding ?? raw
        var found: EvidenceItem?
        if id.hasPrefix("case:"), let separator = id.lastIndex(of: ":"), separator > id.index(id.startIndex, offsetBy: 4) {
            let caseID = String(id[id.index(id.startIndex, offsetBy: 5)..<separator])
            // The items a case gives are derived from it, as when it was stored.
            if let stored = try await services.store.storedCase(id: caseID) {
                found = CaseEvidence.derive(from: stored.record, caseID: stored.id, vocabularies: services.vocabularies).first { $0.id == id }
            }
        } else {
            found = try await services.store.allEvidence().first { $0.id == id }
        }
        guard let item = found else {
            throw APIError(.notFound, "not_found", "no evidence item with id '\(id)'", field: "id")
        }
        return item
    }

    @Sendable func overview(_ request: Request, context: Context) async throws -> Overview {
        let stats = try await services.store.stats()
        let items = try await services.store.allEvidence()
        let releases = try await KnowledgeSeeding.releases(of: services.store, stats: stats)
        func counts(_ key: (EvidenceItem) -> String) -> [Count] {
            var tally: [String: Int] = [:]
            for item in items { tally[key(item), default: 0] += 1 }
            return tally.map { Count(name: $0.key, count: $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        }
        var diseases = diseaseCounts(items)
        if diseases.count > Self.diseasesShown {
            let other = diseases[Self.diseasesShown...].reduce(0) { $0 + $1.count }
            diseases = Array(diseases.prefix(Self.diseasesShown)) + [Count(name: "other", count: other)]
        }
        return Overview(
            total: items.count,
            cases: stats.cases,
            snapshot: stats.snapshotID,
            knowledgeAsOf: releases.asOf,
            byLevel: counts { $0.level.rawValue }.sorted { $0.name < $1.name },
            bySource: counts { $0.source.rawValue },
            byDisease: diseases
        )
    }

    /// Items by the OncoTree code of their disease, named by OncoTree: sources spell one disease
    /// in many ways ("NSCLC", "Lung Non-small Cell Carcinoma"), the code is one. Items without a
    /// code are counted as tumour-agnostic or as having no OncoTree code.
    func diseaseCounts(_ items: [EvidenceItem]) -> [Count] {
        var tally: [String: Int] = [:]
        var names: [String: String] = [:]
        var uncoded: [String: Int] = [:]
        for item in items {
            if let code = item.disease.oncotree, !code.isEmpty {
                tally[code, default: 0] += 1
                if names[code] == nil { names[code] = services.vocabularies.disease(code: code)?.name ?? item.disease.name }
            } else {
                uncoded[item.disease.tumorAgnostic ? "tumour-agnostic" : "no OncoTree code", default: 0] += 1
            }
        }
        let coded = tally.map { Count(name: names[$0.key] ?? $0.key, count: $0.value, code: $0.key) }
        let rest = uncoded.map { Count(name: $0.key, count: $0.value) }
        return (coded + rest).sorted { ($0.count, $1.code ?? $1.name) > ($1.count, $0.code ?? $0.name) }
    }
}
