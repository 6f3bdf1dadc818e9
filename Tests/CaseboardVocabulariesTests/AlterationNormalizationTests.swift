import CaseboardCore
import CaseboardVocabularies
import Testing

struct VariantScannerTests {
    @Test(arguments: [
        ("D835H", "D835H"), ("p.D835H", "D835H"), ("p.(Asp835His)", "D835H"), ("Asp835His", "D835H"), ("T315I", "T315I"),
        ("p.Glu746_Ala750del", "E746_A750del"), ("G1202R", "G1202R"), ("R132H", "R132H"), ("p.Arg248fs*12", "R248fs*12"),
        ("V600E", "V600E"), ("c.1088+1G>A", "c.1088+1G>A"), ("c.2573T>G", "c.2573T>G"), ("c.737delC", "c.737delC"), ("ITD", "ITD"),
        ("internal tandem duplication", "ITD"), ("exon 19 deletion", "exon 19 deletion"), ("exon 20 insertion", "exon 20 insertion"),
        ("exon 14 skipping", "exon 14 skipping"), ("ex19del", "exon 19 deletion"), ("exon 19-deleted", "exon 19 deletion"),
        ("exon 11", "exon 11 mutation"),
        ("t(9;22)(q34;q11)", "t(9;22)"), ("rs121913529", "rs121913529"), ("p.W288fs", "W288fs"),
    ])
    func readsEveryNotation(text: String, normalized: String) throws {
        #expect(VariantScanner.parse(text)?.normalized == normalized)
    }

    @Test func ignoresStagesSchedulesAndMarkers() {
        #expect(VariantScanner.scan("pT2N0M0, q3w, CD20, R1 resection, G2 rash, 5 mg").isEmpty)
    }

    @Test func findsVariantsInProse() {
        let text = "an acquired FLT3 D835H (p.Asp835His) mutation and c.1088+1G>A in PTPN1"
        #expect(VariantScanner.scan(text).map(\.normalized) == ["D835H", "D835H", "c.1088+1G>A"])
    }
}

struct AlterationParserTests {
    @Test(arguments: [
        ("FLT3-ITD", "FLT3", "ITD", nil), ("FLT3 ITD", "FLT3", "ITD", nil), ("FLT3 p.Asp835His", "FLT3", "D835H", nil),
        ("EML4::ALK", "ALK", "fusion", "EML4"), ("EML4-ALK fusion", "ALK", "fusion", "EML4"), ("ALK rearrangement", "ALK", "fusion", nil),
        ("NTRK1 fusion", "NTRK1", "fusion", nil), ("BCR-ABL1 T315I", "ABL1", "T315I", "BCR"), ("ERBB2 amplification", "ERBB2", "amplification", nil),
        ("HER2 amplification", "ERBB2", "amplification", nil), ("EGFR exon 19 deletion", "EGFR", "exon 19 deletion", nil),
        ("KIT exon 11", "KIT", "exon 11 mutation", nil), ("NRAS mutation", "NRAS", "mutation", nil), ("IDH1 R132H", "IDH1", "R132H", nil),
        ("ALK-positive", "ALK", "fusion", nil), ("Philadelphia chromosome", "ABL1", "fusion", "BCR"),
        ("MET exon 14 skipping", "MET", "exon 14 skipping", nil),
        ("FGFR3-TACC3", "FGFR3", "fusion", "TACC3"), ("PTPN1 c.1088+1G>A", "PTPN1", "c.1088+1G>A", nil),
    ])
    func readsClinicianText(text: String, gene: String, variant: String, partner: String?) throws {
        let alteration = try Bundled.vocabularies().parseAlteration(text).get()
        #expect(alteration.gene == gene)
        #expect(alteration.variant == variant)
        #expect(alteration.partner == partner)
    }

    @Test func explainsUnknownGenesWithSuggestions() throws {
        let result = try Bundled.vocabularies().parseAlteration("FTL3 D835H")
        guard case .failure(.unknownGene(_, let suggestions)) = result else {
            Issue.record("expected an unknown-gene error, got \(result)")
            return
        }
        #expect(suggestions.contains("FLT3"))
    }

    @Test func explainsUnreadableVariants() throws {
        let result = try Bundled.vocabularies().parseAlteration("FLT3 wobbly")
        #expect(result == .failure(.unparseableVariant(gene: "FLT3", text: "FLT3 wobbly")))
        #expect(try Bundled.vocabularies().parseAlteration("  ") == .failure(.empty))
    }
}

struct LegacyVariantNotationTests {
    @Test(arguments: [
        ("3190C>T", "3190C>T"), ("-616C/G", "-616C/G"), ("IVS3 + 18C > T", "IVS3+18C>T"), ("c.263 G>C", "c.263G>C"),
        ("p.E169stop", "E169*"), ("ΔF508", "F508del"), ("delta F508", "F508del"), ("Glu169Stop", "E169*"),
    ])
    func readsLegacyNotations(text: String, normalized: String) {
        #expect(VariantScanner.parse(text)?.normalized == normalized)
    }

    @Test func doesNotReadNumbersAsVariants() {
        #expect(VariantScanner.scan("in 2012 a 3 cm mass; 10 C; 25 cycles; grade 3/4; 120/80 mmHg").isEmpty)
    }
}

/// A presence word after a complete alteration only says it was found.
struct PresenceWordTests {
    @Test(arguments: ["FLT3-ITD positive", "KRAS G12C detected", "EGFR L858R present", "NPM1 mutation positive"])
    func aTrailingPresenceWordIsRead(text: String) throws {
        let vocabularies = try Vocabularies.loadBundled()
        let reading = try vocabularies.parsePatientAlteration(text).get()
        #expect(reading.alteration != nil, "\(text)")
    }

    @Test func aStatusKeepsItsMeaning() throws {
        let vocabularies = try Vocabularies.loadBundled()
        let reading = try vocabularies.parsePatientAlteration("HER2-positive").get()
        #expect(reading.alteration?.gene == "ERBB2")
        #expect(reading.alteration?.kind != .fusion)
    }
}
