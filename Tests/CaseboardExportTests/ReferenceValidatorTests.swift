import CaseboardCore
import CaseboardExport
import Foundation
import Testing

/// Parses every export with the reference libraries from PyPI (`phenopackets`, `fhir.resources`).
/// `scripts/test` installs them; without them these tests skip, saying so.
@Suite struct ReferenceValidatorTests {
    static func pythonHas(_ module: String) -> Bool {
        (try? python(["-c", "import \(module)"]).status) == 0
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The invented fixtures, and the five seed cases as extracted when ../shared/seeds is there.
    static func cases() throws -> [CaseRecord] {
        let seeds = try SharedSeeds.records()
        if SharedSeeds.isAvailable {
            #expect(seeds.count == 5, "expected the five seed cases")
        } else {
            print("note: ../shared/seeds not found: the reference parsers check the invented fixtures only")
        }
        return Fixtures.all + seeds
    }

    static func validate(_ script: String, _ documents: [JSONValue]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let url = directory.appendingPathComponent("\(index).json")
            try document.encoded().write(to: url)
            paths.append(url.path)
        }
        let result = try python(["-c", script] + paths)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "phenopackets parses each export into a v2 Phenopacket, rejecting unknown fields",
        .enabled(if: pythonHas("phenopackets"), "python package `phenopackets` is not installed (scripts/test installs it)")
    )
    func phenopackets() throws {
        let exporter = PhenopacketExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)
        let script = """
            import sys
            from google.protobuf.json_format import Parse
            from phenopackets.schema.v2 import Phenopacket
            for path in sys.argv[1:]:
                with open(path) as handle:
                    Parse(handle.read(), Phenopacket(), ignore_unknown_fields=False)
            """
        try Self.validate(script, try Self.cases().map(exporter.phenopacket))
    }

    @Test(
        "fhir.resources parses each bundle with its R4B models",
        .enabled(if: pythonHas("fhir.resources.R4B"), "python package `fhir.resources` is not installed (scripts/test installs it)")
    )
    func fhirBundles() throws {
        let exporter = FHIRExporter(vocabularies: Fixtures.vocabularies, created: Fixtures.created)
        let script = """
            import sys
            from fhir.resources.R4B.bundle import Bundle
            for path in sys.argv[1:]:
                with open(path) as handle:
                    bundle = Bundle.model_validate_json(handle.read())
                for entry in bundle.entry:
                    resource = entry.resource
                    assert resource is not None, entry.fullUrl
                    # Every resource claims its mCODE profile, except a non-cancer condition (no
                    # OncoTree, so no NCIt code), which is a plain Condition.
                    if resource.meta is None:
                        codes = [coding.system or "" for coding in (resource.code.coding or [])] if resource.code else []
                        assert resource.get_resource_type() == "Condition" and not any("ncicb" in c for c in codes), entry.fullUrl
            """
        try Self.validate(script, try Self.cases().map(exporter.bundle))
    }
}
