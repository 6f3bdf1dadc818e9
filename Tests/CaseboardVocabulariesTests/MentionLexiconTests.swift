import CaseboardCore
import CaseboardVocabularies
import Testing

/// The general disease lexicon, text-defined disease abbreviations, legacy variant forms and
/// the CTCAE v5.0 term layer. Every sentence here is invented for the test.
struct MentionLexiconTests {
    /// The disease mentions of `text`: the curated recognizer's diseases plus the lexicon's.
    private func diseaseMentions(_ text: String, _ vocabularies: Vocabularies) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            let terms = vocabularies.recognize(bytes)
            let curated = terms.filter { $0.concept.kind == .disease }
            let all = (curated + vocabularies.diseaseMentions(bytes, besides: terms)).sorted { $0.range.lowerBound < $1.range.lowerBound }
            return all.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self) }
        }
    }

    @Test func namesHereditaryDiseasesBeyondOncology() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "Her brother had Duchenne muscular dystrophy and her aunt G6PD deficiency."
        #expect(diseaseMentions(text, vocabularies) == ["Duchenne muscular dystrophy", "G6PD deficiency"])
    }

    @Test func lexiconDiseasesAreNeverRecognizedAsDiagnoses() throws {
        let vocabularies = try Bundled.vocabularies()
        // The curated recognizer, which assembly reads, does not see the mention lexicon.
        #expect(vocabularies.names(.disease, in: "Her brother had Duchenne muscular dystrophy.").isEmpty)
        #expect(vocabularies.disease(named: "Duchenne muscular dystrophy") == nil)
    }

    @Test func aDefinedAbbreviationNamesItsDiseaseAfterTheDefinition() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "Boys with Duchenne muscular dystrophy (DMD) lose walking early; DMD also weakens the heart."
        #expect(diseaseMentions(text, vocabularies) == ["Duchenne muscular dystrophy", "DMD", "DMD"])
        // Without a definition the same letters are not a disease (here they are a gene symbol).
        #expect(diseaseMentions("The DMD gene is large.", vocabularies).isEmpty)
    }

    @Test func aDiseaseNoTableNamesIsFoundByItsDefinition() throws {
        let vocabularies = try Bundled.vocabularies()
        // An invented syndrome: the long form spells the abbreviation and ends on a head noun.
        let text = "Two sisters had the Kessler-Moran syndrome (KMS); in KMS the joints stiffen early."
        #expect(diseaseMentions(text, vocabularies) == ["Kessler-Moran syndrome", "KMS", "KMS"])
        // Not a disease head noun: no mention.
        #expect(diseaseMentions("We used the Kessler-Moran scale (KMS) and KMS scores.", vocabularies).isEmpty)
    }

    @Test func aDefinedDiseaseAbbreviationYieldsToItsGeneUse() throws {
        let vocabularies = try Bundled.vocabularies()
        let text = "Adenomatous polyposis coli (APC) runs in families; APC patients and the APC gene were studied."
        // The definition and the use as a disease count; "the APC gene" is the gene.
        #expect(diseaseMentions(text, vocabularies).filter { $0 == "APC" }.count == 2)
    }

    @Test func shortAbbreviationsOfTheLexiconNeedExactCase() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(diseaseMentions("The dose was as planned and at noon it was given.", vocabularies).isEmpty)
    }

    @Test func curatedDiseaseFormsKeepTheirConcept() throws {
        let vocabularies = try Bundled.vocabularies()
        // A longer lexicon form never hides a curated cancer inside it.
        #expect(diseaseMentions("a family history of hereditary breast cancer", vocabularies) == ["breast cancer"])
    }

    @Test func everyCTCAETermHasItsSystemOrganClass() throws {
        let vocabularies = try Bundled.vocabularies()
        #expect(vocabularies.adverseEvent(named: "oral thrush")?.term == "thrush")
        #expect(vocabularies.adverseEvent(term: "wound dehiscence")?.systemOrganClass == "Injury, poisoning and procedural complications")
        #expect(vocabularies.adverseEvents.count >= 790)
        #expect(vocabularies.adverseEvents.allSatisfy { !$0.systemOrganClass.isEmpty })
        // A response, not an adverse event.
        #expect(vocabularies.adverseEvent(named: "disease progression") == nil)
    }

    @Test(arguments: [
        ("carriers of 3020insC", "3020insC"), ("a 217_218insC change", "217_218insC"), ("the 835del18 allele", "835del18"),
        ("a del642T allele", "del642T"), ("the TNFA-863C>A variant", "-863C>A"), ("alleles +142C/G", "+142C/G"),
        ("at 6573 + 1G > C", "6573+1G>C"), ("a 1091 C > T change", "1091C>T"), ("IVSII-1 (G > A)", "IVSII-1(G>A)"),
        ("EX6-96A>G", "EX6-96A>G"), ("G-308A", "G-308A"), ("A 1166C", "A1166C"), ("T/C-344", "T/C-344"),
        ("GAT-->GAG", "GAT-->GAG"), ("a T>C change", "T>C"), ("CCR5Delta32 carriers", "del32"), ("c.399_402del AGAG", "c.399_402delAGAG"),
        ("c.1044_1049delTTCTGGinsACACT", "c.1044_1049delTTCTGGinsACACT"), ("r.2521_2634del", "r.2521_2634del"),
        ("G1915T/A", "G1915T/A"), ("6bINS", "6bINS"),
    ])
    func legacyDNAForms(text: String, normalized: String) {
        #expect(VariantScanner.scan(text).map(\.normalized) == [normalized])
    }

    @Test func spacedThreeLetterProteinChanges() {
        #expect(VariantScanner.scan("the Arg158 Pro change").map(\.normalized) == ["R158P"])
        #expect(VariantScanner.scan("a Glu29 to Lys substitution").map(\.normalized) == ["E29K"])
    }

    @Test func legacyFormsLeaveNumbersAndExonEventsAlone() {
        #expect(VariantScanner.scan("19del and 620-621del, IL-6 levels, at 1091 C, 25 G/A ratio").map(\.normalized) == ["exon 19 deletion"])
        #expect(VariantScanner.scan("The GATA2 and CAT genes, a T cell, A/B testing").isEmpty)
    }
}
