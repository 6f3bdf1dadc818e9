import CaseboardCore
import CaseboardMatching
import CaseboardPresentation
import Foundation
import Hummingbird

extension MatchResult: ResponseEncodable {}

/// `POST /api/match` (one profile), `POST /api/match/batch` (JSON lines in, JSON lines out)
/// and `POST /api/report` (a printable tumour-board report).
struct MatchController<Context: RequestContext> {
    let services: ServerServices
    let configuration: ServerConfiguration

    func addRoutes(to router: Router<Context>) {
        router.post("/api/match", use: match)
        router.post("/api/match/batch", use: batch)
        router.post("/api/report", use: report)
    }

    private func profile(_ request: Request) async throws -> PatientProfile {
        let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let profile = try ProfileJSON.decode(body)
        if profile.alterations.isEmpty && profile.disease == nil {
            throw APIError(.badRequest, "empty_profile", "give a disease and at least one alteration", field: "alterations")
        }
        return profile
    }

    @Sendable func match(_ request: Request, context: Context) async throws -> MatchResult {
        let input = try await profile(request)
        return try await services.matcher().match(input)
    }

    @Sendable func batch(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let matcher = try await services.matcher()
        var output = JSONBytes()
        // A `\r` before `\n` is whitespace: CRLF files from Windows load.
        for (index, (number, line)) in JSONLines.lines(String(buffer: body)).enumerated() {
            // Bounded work and output per request; past the deadline, stop.
            try Task.checkCancellation()
            guard index < configuration.maxBatchProfiles else {
                throw APIError(
                    .contentTooLarge,
                    "too_many_profiles",
                    "a batch holds at most \(configuration.maxBatchProfiles) profiles; split it into smaller batches",
                    field: "line \(number)"
                )
            }
            do {
                let profile = try JSONDecoder().decode(PatientProfile.self, from: Data(line.utf8))
                try ProfileJSON.checkLimits(profile)
                try matcher.match(profile).writeJSON(to: &output)
            } catch let error as APIError {
                output.beginObject()
                output.key("error")
                output.beginObject()
                output.field("code", error.code)
                output.field("message", error.message)
                output.field("field", "line \(number): \(error.field ?? "")")
                output.endObject()
                output.endObject()
            } catch let error as DecodingError {
                // One bad line is reported in place; the batch goes on.
                output.beginObject()
                output.key("error")
                output.beginObject()
                output.field("code", "invalid_json")
                output.field("message", error.readableDescription)
                output.field("field", "line \(number)")
                output.endObject()
                output.endObject()
            }
            output.newline()
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: .init(byteBuffer: output.byteBuffer))
    }

    @Sendable func report(_ request: Request, context: Context) async throws -> Response {
        let input = try await profile(request)
        let result = try await services.matcher().match(input)
        let generated = ISO8601DateFormatter().string(from: Date())
        let html = TumorBoardReport.html(profile: input, result: result, generated: generated)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentDisposition: "attachment; filename=\"tumor-board-report.html\"",
                // A standalone document with its own inline print styles and no script at all.
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
