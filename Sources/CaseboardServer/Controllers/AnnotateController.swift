import CaseboardCore
import CaseboardGenomics
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /api/annotate`: a cohort's MAF, VCF, fusion or copy-number files in (a multipart upload, JSON,
/// or one raw file with `?format=`), each sample's whole-profile match out as JSON lines (default), TSV,
/// the input rows with their annotation appended, or the HTML cohort report. The answer is streamed.
struct AnnotateController<Context: RequestContext> {
    let services: ServerServices
    let configuration: ServerConfiguration

    /// The JSON body: files as text, with the same options as the query and form fields.
    struct JSONInput: Decodable {
        struct File: Decodable {
            let name: String?
            let content: String
            let format: String?
        }

        let files: [File]
        let clinical: String?
        let disease: String?
        let output: String?
        let assembly: String?
        let allFilters: Bool?

        enum CodingKeys: String, CodingKey {
            case files, clinical, disease, output, assembly
            case allFilters = "all_filters"
        }
    }

    /// What the answer holds.
    enum Output: String {
        /// One JSON line per sample (the default).
        case jsonl
        /// One TSV row per sample and option.
        case tsv
        /// Each input row with its annotation appended (TSV).
        case rows
        /// The self-contained HTML cohort report.
        case html
    }

    /// A parsed request.
    struct Job {
        var inputs: [GenomicInput] = []
        var clinical: [UInt8]?
        var disease: String?
        var output: Output = .jsonl
        var options = GenomicReadOptions()
    }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/annotate", use: annotate)
    }

    @Sendable func annotate(_ request: Request, context: Context) async throws -> Response {
        let body = Array(buffer: try await request.body.collect(upTo: configuration.maxBodyBytes))
        let job = try Self.job(request: request, body: body)
        let vocabularies = services.vocabularies
        let clinical = try job.clinical.map { bytes in
            do {
                return try ClinicalFile.read(bytes: bytes, name: "clinical", vocabularies: vocabularies)
            } catch let diagnostic as Diagnostic {
                throw APIError(.unprocessableContent, "bad_clinical_file", diagnostic.message, field: "clinical")
            }
        }
        let annotator = CohortAnnotator(vocabularies: vocabularies, matcher: try await services.matcher(), options: job.options)
        let cohort = annotator.annotate(job.inputs, clinical: clinical, disease: job.disease)
        // Nothing could be read: the request itself is at fault.
        if cohort.summaries.isEmpty, let first = cohort.errors.first {
            throw APIError(.unprocessableContent, "unreadable_genomic_file", first.description, field: "file")
        }
        return Self.response(cohort, job: job, vocabularies: annotator.vocabularies)
    }

    static func response(_ cohort: CohortAnnotation, job: Job, vocabularies: Vocabularies) -> Response {
        var headers: HTTPFields = [:]
        // The per-file summaries in a header, so a client of the rows or the report sees what was refused.
        headers[HTTPField.Name("Caseboard-Summary")!] = (cohort.summaries.map(\.line) + cohort.errors.map(\.description))
            .joined(separator: " | ").replacingOccurrences(of: "\n", with: " ")
        switch job.output {
        case .jsonl:
            headers[.contentType] = "application/x-ndjson"
            let samples = cohort.samples
            return Response(
                status: .ok,
                headers: headers,
                body: ResponseBody { writer in
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    var buffer = ByteBuffer()
                    for sample in samples {
                        buffer.writeBytes(try encoder.encode(sample))
                        buffer.writeInteger(UInt8(0x0A))
                        if buffer.readableBytes > 1 << 16 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    try await writer.write(buffer)
                    try await writer.finish(nil)
                }
            )
        case .tsv:
            headers[.contentType] = "text/tab-separated-values; charset=utf-8"
            let chunks = [AnnotatedSample.tsvHeader] + cohort.samples.map(\.tsvRows)
            return Response(status: .ok, headers: headers, body: ResponseBody(contentsOf: chunks.map { ByteBuffer(string: $0) }))
        case .html:
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentSecurityPolicy] = CohortReport.contentSecurityPolicy
            let html = CohortReport.html(cohort, generated: ISO8601DateFormatter().string(from: Date()))
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        case .rows:
            headers[.contentType] = "text/tab-separated-values; charset=utf-8"
            let readable = Set(cohort.summaries.map(\.file))
            let inputs = job.inputs.filter { readable.contains($0.name) }
            let samples = cohort.samples
            let options = job.options
            let multiple = inputs.count > 1
            // The row pass reads synchronously; its lines go to the client through a stream, in chunks.
            let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
            let task = Task.detached {
                let annotator = RowAnnotator(samples: samples, hotspots: (try? HotspotTable.bundledProteinChanges()) ?? [])
                var reader = GenomicReader(vocabularies: vocabularies, options: options)
                let chunk = RowChunker(continuation: continuation)
                for input in inputs {
                    if multiple { chunk.append("#caseboard file: \(input.name)\n") }
                    _ = try? reader.read(
                        bytes: input.bytes ?? [],
                        name: input.name,
                        format: input.format,
                        rows: { chunk.append(annotator.line(for: $0)) },
                        emit: { _ in }
                    )
                }
                chunk.flush()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
            return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: stream))
        }
    }

    static func job(request: Request, body: [UInt8]) throws -> Job {
        let rawContentType = request.headers[.contentType] ?? ""
        let contentType = rawContentType.lowercased()
        let query = request.uri.queryParameters
        var job = Job()
        var assembly = query["assembly"].map(String.init)
        var allFilters = query["all_filters"].map { $0 == "true" || $0 == "1" } ?? false
        var output = query["output"].map(String.init)
        job.disease = query["disease"].map(String.init)
        if contentType.hasPrefix("multipart/form-data") {
            guard let boundary = Multipart.boundary(from: rawContentType) else {
                throw APIError(.badRequest, "bad_multipart", "multipart body without a boundary")
            }
            for part in Multipart.parse(body, boundary: boundary) {
                let text = String(decoding: part.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                switch part.name {
                case "clinical": job.clinical = part.body
                case "disease": job.disease = text.isEmpty ? nil : text
                case "output": output = text
                case "assembly": assembly = text
                case "all_filters": allFilters = text == "true" || text == "1"
                case "format": break
                default:
                    guard part.filename != nil || part.name == "file" || part.name == "files" else { continue }
                    job.inputs.append(.bytes(part.body, name: part.filename ?? "upload \(job.inputs.count + 1)"))
                }
            }
        } else if contentType.hasPrefix("application/json") {
            let input: JSONInput
            do {
                input = try JSONDecoder().decode(JSONInput.self, from: Data(body))
            } catch let error as DecodingError {
                throw APIError(.badRequest, "invalid_json", error.readableDescription, field: error.fieldPath)
            }
            for (index, file) in input.files.enumerated() {
                job.inputs.append(.bytes(Array(file.content.utf8), name: file.name ?? "file \(index + 1)", format: try layout(file.format)))
            }
            job.clinical = input.clinical.map { Array($0.utf8) }
            job.disease = input.disease ?? job.disease
            output = input.output ?? output
            assembly = input.assembly ?? assembly
            allFilters = input.allFilters ?? allFilters
        } else if contentType.isEmpty || contentType.hasPrefix("text/") || contentType.hasPrefix("application/octet-stream")
            || contentType.hasPrefix("application/gzip") || contentType.hasPrefix("application/x-gzip")
        {
            // One raw file; its layout from ?format= or from its header.
            job.inputs = [.bytes(body, name: query["name"].map(String.init) ?? "upload", format: try layout(query["format"].map(String.init)))]
        } else {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "send multipart/form-data, JSON, or one raw file (text/plain, gzip)")
        }
        guard !job.inputs.isEmpty, job.inputs.contains(where: { !($0.bytes ?? []).isEmpty }) else {
            throw APIError(.badRequest, "no_file", "give at least one non-empty genomic file", field: "file")
        }
        if let output, !output.isEmpty {
            guard let chosen = Output(rawValue: output) else {
                throw APIError(.badRequest, "bad_output", "output must be jsonl, tsv, rows or html", field: "output")
            }
            job.output = chosen
        }
        if let assembly, !assembly.isEmpty {
            guard let build = GenomeAssembly(rawValue: assembly) else {
                throw APIError(.badRequest, "bad_assembly", "assembly must be GRCh37 or GRCh38", field: "assembly")
            }
            job.options.assembly = build
        }
        job.options.includeAllFilters = allFilters
        return job
    }

    /// The input layout named by a `format` parameter; nil (detect) for none or `auto`.
    static func layout(_ text: String?) throws -> GenomicFormat? {
        guard let text, !text.isEmpty, text != "auto" else { return nil }
        guard let format = GenomicFormat(rawValue: text), format != .clinical else {
            throw APIError(.badRequest, "bad_format", "format must be auto, maf, vcf, fusions, cna_matrix, cna_list or seg", field: "format")
        }
        return format
    }
}

/// Gathers row lines into chunks of about 64 KB for the response stream.
private final class RowChunker: @unchecked Sendable {
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private var buffer = ByteBuffer()

    init(continuation: AsyncStream<ByteBuffer>.Continuation) {
        self.continuation = continuation
    }

    func append(_ text: String) {
        buffer.writeString(text)
        if buffer.readableBytes >= 1 << 16 { flush() }
    }

    func flush() {
        guard buffer.readableBytes > 0 else { return }
        continuation.yield(buffer)
        buffer = ByteBuffer()
    }
}
