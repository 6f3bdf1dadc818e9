import Foundation
import Testing

/// A test with no expectation passes whatever the code does. This scans every test source
/// file for `@Test` functions whose body neither expects (`#expect`, `#require`,
/// `Issue.record`, `withKnownIssue`) nor calls a helper known to.
struct EveryTestExpectsTests {
    /// Helpers that check with `#expect` themselves, so a test may rest on a call to one.
    static let expectingHelpers: Set<String> = [
        "expectReadable",  // CLIHardeningTests
        "checkInvariants",  // ReaderInvariantTests
        "expectFieldRefused",  // SecurityTests: posts a profile and expects the field of the 400
        "sameJSON", "sameDirectJSON",  // StreamingJSONEncoderTests
        "validate",  // ReferenceValidatorTests: runs the validator and expects exit 0
        "expectPasses",  // ClinicalScenarioSuite: expects the profile to pass, or records its known gap
        "expectWellFormed", "printSummary",  // ScenarioFile: expects ids, sources and drugs; expects profiles to print
    ]

    static let expectations = ["#expect", "#require", "Issue.record", "withKnownIssue"]

    static var testsDirectory: URL {
        // Tests/CaseboardCoreTests/EveryTestExpectsTests.swift → Tests
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func everyTestFunctionHasAnExpectation() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.testsDirectory, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 20, "found the test sources under \(Self.testsDirectory.path)")
        var tests = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for test in TestScanner.tests(in: source) {
                tests += 1
                #expect(Self.expects(test.body), "\(file.lastPathComponent): @Test \(test.name) has no expectation")
            }
        }
        #expect(tests > 100)
    }

    static func expects(_ body: String) -> Bool {
        if expectations.contains(where: body.contains) { return true }
        return expectingHelpers.contains { body.contains("\($0)(") }
    }

    /// The scanner finds what it should, so the scan above can fail.
    @Test func theScannerFindsTestsWithoutExpectations() {
        let source = """
            // @Test func commentedOut() {}
            @Test func checks() {
                let text = "}{ not code"
                #expect(text.count == 11)
            }

            @Test(arguments: [1, 2])
            func onlyRuns(value: Int) async throws {
                let json = #"{"a": "\\(value)"}"#
                _ = "\\(value > 1 ? "}" : "{")"
                print(json)
            }
            @Test func usesAHelper() { expectReadable(1) }
            """
        let tests = TestScanner.tests(in: source)
        #expect(tests.map(\.name) == ["checks", "onlyRuns", "usesAHelper"])
        #expect(tests.map { Self.expects($0.body) } == [true, false, true])
    }
}

/// Finds `@Test` functions and their bodies in Swift source, skipping comments and string
/// literals (raw, multi-line and interpolated), so braces inside them do not count.
enum TestScanner {
    struct Test {
        var name: String
        var body: String
    }

    static func tests(in source: String) -> [Test] {
        let bytes = Array(source.utf8)
        var tests: [Test] = []
        var index = 0
        var lineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
                index = skipComment(bytes, at: index)
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") && isRawStringStart(bytes, at: index) {
                index = skipString(bytes, at: index)
                lineStart = false
                continue
            }
            if byte == 0x0A {
                lineStart = true
            } else if byte == UInt8(ascii: "@"), lineStart, matches(bytes, at: index, "@Test"),
                !isIdentifier(index + 5 < bytes.count ? bytes[index + 5] : 0x20)
            {
                if let test = function(bytes, after: index + 5) {
                    tests.append(test.test)
                    index = test.end
                    continue
                }
            } else if byte != 0x20 && byte != 0x09 {
                lineStart = false
            }
            index += 1
        }
        return tests
    }

    /// The function declared after an `@Test` attribute ending at `start`, and where it ends.
    private static func function(_ bytes: [UInt8], after start: Int) -> (test: Test, end: Int)? {
        var index = start
        var name: String?
        while index < bytes.count {
            let byte = bytes[index]
            if let next = skipStringOrComment(bytes, at: index) {
                index = next
                continue
            }
            if name == nil, matches(bytes, at: index, "func"), index + 4 < bytes.count, !isIdentifier(bytes[index + 4]),
                index == 0 || !isIdentifier(bytes[index - 1])
            {
                var cursor = index + 4
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                let nameStart = cursor
                while cursor < bytes.count, isIdentifier(bytes[cursor]) { cursor += 1 }
                name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
                index = cursor
                continue
            }
            if byte == UInt8(ascii: "{"), let name {
                let end = skipBlock(bytes, at: index)
                return (Test(name: name, body: String(decoding: bytes[index..<end], as: UTF8.self)), end)
            }
            index += 1
        }
        return nil
    }

    /// Just past the string or comment that starts at `index`, or nil when none starts there.
    private static func skipStringOrComment(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") && isRawStringStart(bytes, at: index) {
            return skipString(bytes, at: index)
        }
        if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
            return skipComment(bytes, at: index)
        }
        return nil
    }

    /// From an opening brace to just past its closing one.
    private static func skipBlock(_ bytes: [UInt8], at start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let next = skipStringOrComment(bytes, at: index) {
                index = next
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return bytes.count
    }

    private static func skipComment(_ bytes: [UInt8], at start: Int) -> Int {
        var index = start + 2
        if bytes[start + 1] == UInt8(ascii: "/") {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return index
        }
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
        return min(index + 2, bytes.count)
    }

    private static func isRawStringStart(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
    }

    /// From a string literal's opening (with any `#`s) to just past its closing; an
    /// interpolation inside is skipped as code.
    private static func skipString(_ bytes: [UInt8], at start: Int) -> Int {
        var index = start
        var hashes = 0
        while bytes[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        let multiline = matches(bytes, at: index, "\"\"\"")
        let quote = multiline ? 3 : 1
        index += quote
        let closing = Array(repeating: UInt8(ascii: "\""), count: quote) + Array(repeating: UInt8(ascii: "#"), count: hashes)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), matches(bytes, at: index + 1, String(repeating: "#", count: hashes)) {
                let after = index + 1 + hashes
                if after < bytes.count, bytes[after] == UInt8(ascii: "(") {
                    index = skipBlock(bytes, at: after)
                } else {
                    index = after + 1
                }
                continue
            }
            if bytes[index...].starts(with: closing) { return index + closing.count }
            index += 1
        }
        return bytes.count
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ text: String) -> Bool {
        index <= bytes.count && bytes[index...].starts(with: text.utf8)
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }
}
