import CaseboardCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

struct ExportRouteTests {
    @Test func storedCaseExportsAsPhenopacketAndFHIR() async throws {
        try await Harness.app().test(.router) { client in
            let record = CaseRecord(
                document: "export-route.txt",
                metadata: DocumentMetadata(pmid: "99999003"),
                patient: Patient(age: 70, sex: .male),
                diagnoses: [Diagnosis(name: "aml", oncotree: "AML", code: "AML", canonicalName: "Acute Myeloid Leukemia")],
                alterations: [Alteration(gene: "IDH1", variant: "R132H", kind: .proteinChange)],
                therapies: [TherapyLine(line: 1, drugs: ["ivosidenib"], response: .complete)]
            )
            var id = ""
            try await client.execute(
                uri: "/api/cases",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(Harness.token)"],
                body: ByteBuffer(bytes: try JSONEncoder().encode(record))
            ) { response in
                #expect(response.status == .created)
                id = try #require(try Harness.json(response.body)["id"] as? String)
            }
            let path = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))) ?? id
            try await client.execute(uri: "/api/cases/\(path)/phenopacket.json", method: .get) { response in
                #expect(response.status == .ok)
                let packet = try Harness.json(response.body)
                #expect(packet["id"] as? String == "pmid-99999003")
                #expect(String(buffer: response.body).contains("p.Arg132His"))
            }
            try await client.execute(uri: "/api/cases/\(path)/fhir.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
                try #expect(Harness.json(response.body)["resourceType"] as? String == "Bundle")
            }
            try await client.execute(uri: "/api/cases/pmid:1/fhir.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
