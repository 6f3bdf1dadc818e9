import CaseboardCore
import CaseboardVocabularies
import Testing

/// The routes each drug is given by (`drug_routes.tsv`, from the labels), which a patient's wish for tablets only reads.
struct DrugRouteTests {
    @Test func bundledRoutesFollowTheLabels() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.routes(of: "osimertinib")?.routes == [.oral])
        let pembrolizumab = try #require(vocabularies.routes(of: "pembrolizumab"))
        #expect(pembrolizumab.routes.contains(.intravenous) && !pembrolizumab.routes.contains(.oral))
        #expect(vocabularies.routes(of: "bortezomib")?.routes == [.intravenous, .subcutaneous])
        // The tablets of cladribine are for multiple sclerosis; for hairy cell leukaemia it is infused or injected.
        #expect(vocabularies.routes(of: "cladribine")?.routes.contains(.oral) == false)
    }

    @Test func anUnknownRouteDecidesNothing() throws {
        let table = try DrugRoutes.table("drug\troutes\tsource\nfirstdrug\toral\tFDA label: A (firstdrug), tablets\nseconddrug\tunknown\tno label\n")
        #expect(table["firstdrug"]?.routes == [.oral])
        #expect(table["seconddrug"] == nil)
    }

    @Test func aRouteOutsideTheListIsAnErrorNamingTheLine() throws {
        let text = "drug\troutes\tsource\nfirstdrug\toral\tlabel\nseconddrug\tintravenous|by mouth\tlabel\n"
        #expect {
            try DrugRoutes.table(text, file: "routes.tsv")
        } throws: { error in
            let message = "\(error)"
            return message.contains("routes.tsv") && message.contains("3") && message.contains("by mouth")
        }
    }
}
