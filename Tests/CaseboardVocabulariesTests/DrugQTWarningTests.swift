import CaseboardCore
import CaseboardVocabularies
import Testing

/// The QT-prolongation warnings of the US labels (`drug_qt_warnings.tsv`), which a prolonged QTc reads.
struct DrugQTWarningTests {
    @Test func bundledWarningsFollowTheLabels() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.qtWarning(of: "vandetanib")?.level == .boxed)
        #expect(vocabularies.qtWarning(of: "ivosidenib")?.level == .warning)
        #expect(vocabularies.qtWarning(of: "ivosidenib")?.source.contains("Tibsovo") == true)
        // Drugs whose labels carry no such warning.
        #expect(vocabularies.qtWarning(of: "larotrectinib") == nil)
        #expect(vocabularies.qtWarning(of: "olutasidenib") == nil)
    }

    @Test func aLevelOutsideTheListIsAnErrorNamingTheLine() throws {
        let text = "drug\tlevel\tsource\nfirstdrug\tboxed\tlabel\nseconddrug\tsevere\tlabel\n"
        #expect {
            try QTWarning.table(text, file: "qt.tsv")
        } throws: { error in
            let message = "\(error)"
            return message.contains("qt.tsv") && message.contains("3") && message.contains("severe")
        }
    }
}
