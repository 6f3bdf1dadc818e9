import Foundation
import Testing

/// `$CASEBOARD_SHARED/seeds`, or `../shared/seeds` beside the package root or one folder up.
enum CLISeeds {
    static let directory: URL? = {
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["CASEBOARD_SHARED"] {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("seeds"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        candidates.append(root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()
}

/// Issue 17's round trip through the binary: each of the five seed reports is extracted,
/// exported as a phenopacket and matched with `match --phenopacket`; the options must be those
/// of `match --profile` with the profile taken straight from the extracted case.
@Suite(.enabled(if: CLISeeds.directory != nil, "../shared/seeds not found: the CLI seed round trip skipped"))
struct SeedPhenopacketCLITests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The patient profile `match --profile` reads, from an extracted case: its first coded
    /// diagnosis, its alterations as labels, its therapy lines with their responses.
    static func profile(of record: [String: Any]) -> [String: Any] {
        var profile: [String: Any] = [:]
        let diagnoses = record["diagnoses"] as? [[String: Any]] ?? []
        if let code = diagnoses.compactMap({ $0["oncotree"] as? String }).first { profile["disease"] = code }
        profile["alterations"] = (record["alterations"] as? [[String: Any]] ?? []).map { alteration -> String in
            let gene = alteration["gene"] as? String ?? ""
            guard alteration["kind"] as? String == "fusion" else { return "\(gene) \(alteration["variant"] as? String ?? "")" }
            return (alteration["partner"] as? String).map { "\($0)::\(gene) fusion" } ?? "\(gene) fusion"
        }
        profile["prior_therapies"] = (record["therapies"] as? [[String: Any]] ?? []).map { line -> [String: Any] in
            var prior: [String: Any] = ["drugs": line["drugs"] as? [String] ?? []]
            if let response = line["response"] as? String { prior["response"] = response }
            return prior
        }
        return profile
    }

    /// Each option as `drugs [level]`, in rank order.
    static func options(_ output: String) throws -> [String] {
        let options = try #require(try object(output)["options"] as? [[String: Any]])
        return options.map { "\(($0["drugs"] as? [String] ?? []).joined(separator: "+")) [\($0["level"] as? String ?? "?")]" }
    }

    @Test func eachSeedMatchesTheSameThroughItsPhenopacket() async throws {
        let seeds = try #require(CLISeeds.directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-seed-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // One store for every run: the first seeds it.
        let db = work.appendingPathComponent("kb.sqlite").path
        for name in names {
            let extracted = try await CLI.run(["extract", seeds.appendingPathComponent(name).path])
            #expect(extracted.status == 0, "\(name): \(extracted.stderr)")
            let record = try Self.object(extracted.stdout)
            let casePath = work.appendingPathComponent("\(name).case.json")
            try Data(extracted.stdout.utf8).write(to: casePath)
            let exported = try await CLI.run(["export", "--format", "phenopacket", casePath.path])
            #expect(exported.status == 0, "\(name): \(exported.stderr)")
            let packet = work.appendingPathComponent("\(name).phenopacket.json")
            try Data(exported.stdout.utf8).write(to: packet)
            let profile = work.appendingPathComponent("\(name).profile.json")
            try JSONSerialization.data(withJSONObject: Self.profile(of: record)).write(to: profile)

            let viaPacket = try await CLI.run(["match", "--phenopacket", packet.path, "--format", "json", "--db", db])
            let direct = try await CLI.run(["match", "--profile", profile.path, "--format", "json", "--db", db])
            // Both ways give the same options; an OncoTree code that also abbreviates another condition
            // ("MS") is read as the code, so no seed is refused.
            #expect(viaPacket.status == 0, "\(name): phenopacket \(viaPacket.stderr)")
            #expect(direct.status == 0, "\(name): profile \(direct.stderr)")
            guard direct.status == 0, viaPacket.status == 0 else { continue }
            let expected = try Self.options(direct.stdout)
            #expect(try Self.options(viaPacket.stdout) == expected, "\(name): the phenopacket matched otherwise than the extracted profile")
            print("\(name): \(expected.count) options the same through the phenopacket")
        }
    }
}
