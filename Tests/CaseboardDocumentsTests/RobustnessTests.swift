import CaseboardCore
import CaseboardDocuments
import Testing

/// Malformed input must end in a located `Diagnostic`, never a trap or a hang.
struct RobustnessTests {
    @Test func everyTruncationIsAnError() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        // The last bytes are the root's end tag and a line feed; cutting the line feed is harmless.
        for cut in stride(from: 0, to: bytes.count - 1, by: 13) {
            let error = diagnostic { _ = try readAll(MemoryByteSource(Array(bytes[0..<cut]))) }
            #expect(error?.position != nil, "cut at \(cut)")
            #expect(error?.file == "pubmed-small.xml", "cut at \(cut)")
        }
    }

    @Test func mutatedInputNeverTraps() throws {
        let fixtures = [try Fixture.bytes("pubmed-small.xml"), try Fixture.bytes("jats-small.nxml")]
        let replacements = Array("<>&;\"'/!?=[]-# x\u{0}".utf8) + [0xFF, 0xC3]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            // xorshift: deterministic, so a failure can be replayed.
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var errors = 0
        for round in 0..<600 {
            var bytes = fixtures[round % 2]
            for _ in 0..<(1 + random(3)) {
                bytes[random(bytes.count)] = replacements[random(replacements.count)]
            }
            do {
                if round % 2 == 0 {
                    _ = try readAll(MemoryByteSource(bytes))
                } else {
                    _ = try JATSReader().read(TrickleByteSource(bytes), name: "jats-small.nxml")
                }
            } catch let error as Diagnostic {
                #expect(error.position != nil || error.message.contains("PMID"), "\(error)")
                errors += 1
            }
        }
        #expect(errors > 100)
    }

    @Test func repeatedSmallEntitiesHitTheBudget() {
        let xml = #"<!DOCTYPE t [<!ENTITY ten "0123456789">]><t>"# + String(repeating: "&ten;", count: 20) + "</t>"
        let options = XMLReadOptions(maxEntityExpansionBytes: 100)
        let error = diagnostic { _ = try trace(parser(xml, options: options)) }
        #expect(error?.message.hasPrefix("entity expansion limit exceeded: more than 100 bytes") == true)
        #expect(error?.position?.column == 44 + 10 * 5 + 1)
    }
}

struct PipelinedByteSourceTests {
    @Test func deliversEveryByteInOrder() throws {
        let bytes = try Fixture.bytes("jats-small.nxml")
        for (chunkSize, depth) in [(1, 1), (5, 2), (4096, 4)] {
            var source = PipelinedByteSource(upstream: TrickleByteSource(bytes), chunkSize: chunkSize, depth: depth)
            #expect(try source.readAll(name: "jats-small.nxml") == bytes)
        }
    }

    @Test func abandoningTheReaderEarlyStopsCleanly() throws {
        let bytes = try Fixture.bytes("pubmed-small.xml")
        var reader = PubMedReader(source: PipelinedByteSource(upstream: MemoryByteSource(bytes), chunkSize: 64, depth: 2), name: "p.xml")
        #expect(try reader.next() != nil)
    }
}
