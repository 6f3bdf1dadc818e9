import CaseboardMatching
import Foundation
import NIOCore
import Testing

@testable import CaseboardServer

struct ProfileJSONTests {
    /// Inputs on both sides of the fast path's edge: each must decode exactly as `JSONDecoder`
    /// decodes it, or fail where it fails.
    static let inputs: [String] = [
        #"{"disease":"AML","alterations":["FLT3-ITD","FLT3 D835H"]}"#,
        #"{"id":"p1","disease":"myeloid sarcoma","alterations":["FLT3-ITD"],"prior_therapies":[{"drugs":["sorafenib"],"response":"PD"}]}"#,
        " \n{ \"disease\" : \"CML\" ,\t\"alterations\" : [ \"BCR-ABL1 T315I\" ] }\r\n ",
        #"{"disease":null,"alterations":null,"prior_therapies":null,"id":null}"#,
        #"{"alterations":[],"prior_therapies":[]}"#,
        #"{}"#,
        #"{"prior_therapies":[{"drugs":["venetoclax","azacitidine"]},{"drugs":[],"response":null}]}"#,
        // Outside the fast path: the decoder reads these.
        #"{"disease":"AML","alterations":["FLT3 \u0049TD"]}"#,
        #"{"disease":"myélome","alterations":["KRAS G12C"]}"#,
        #"{"disease":"AML","alterations":["FLT3-ITD"],"note":"extra keys are ignored"}"#,
        #"{"disease":"AML","disease":"CML","alterations":["ABL1 T315I"]}"#,
        #"{"prior_therapies":[{"drugs":["imatinib"],"response":"PD","line":2}]}"#,
        // Errors, which must be the decoder's.
        #"{"disease":5,"alterations":[]}"#,
        #"{"alterations":"FLT3-ITD"}"#,
        #"{"prior_therapies":[{"response":"PD"}]}"#,
        #"{"prior_therapies":[{"drugs":null}]}"#,
        #"{"disease":"AML","alterations":["FLT3-ITD"]"#,
        #"{"disease":"AML"} trailing"#,
        #"{"disease":"AML",}"#,
        #"["FLT3-ITD"]"#,
        "",
        #"{"disease":"tab\there"}"#,
        #"{"disease":nul}"#,
    ]

    @Test(arguments: inputs)
    func decodesExactlyAsJSONDecoder(input: String) {
        let expected = Result { try JSONDecoder().decode(PatientProfile.self, from: Data(input.utf8)) }
        let actual = Result { try ProfileJSON.decode(ByteBuffer(string: input)) }
        switch (expected, actual) {
        case (.success(let expected), .success(let actual)):
            #expect(actual == expected)
        case (.failure(let expected), .failure(let actual)):
            #expect(String(describing: actual) == String(describing: expected))
        default:
            Issue.record("decoder: \(expected), fast path: \(actual)")
        }
    }

    /// The fast path itself reads the common shapes (so the speed-up is real), and declines
    /// what it does not fully understand.
    @Test func theFastPathTakesOnlyWhatItUnderstands() {
        func fast(_ text: String) -> PatientProfile? {
            ByteBuffer(string: text).withUnsafeReadableBytes { bytes in
                var scanner = ProfileJSON.Scanner(bytes: bytes)
                return scanner.profile()
            }
        }
        #expect(fast(Self.inputs[0])?.alterations == ["FLT3-ITD", "FLT3 D835H"])
        #expect(fast(Self.inputs[1])?.priorTherapies == [PriorTherapy(drugs: ["sorafenib"], response: "PD")])
        #expect(fast(Self.inputs[3]) == PatientProfile(disease: nil, alterations: []))
        for declined in Self.inputs[7...] { #expect(fast(declined) == nil, "\(declined)") }
    }
}
