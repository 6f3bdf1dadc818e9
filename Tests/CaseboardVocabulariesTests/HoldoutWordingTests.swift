import CaseboardCore
import CaseboardVocabularies
import Testing

/// Wording the blind hold-out audit of issue 11 found unresolved or mis-resolved
/// (`Tests/CaseboardMatchingTests/Scenarios/HOLDOUT.md`), one test per class.
struct HoldoutWordingTests {
    /// Histology, phase and platinum-response qualifiers, and "X-associated" prefixes.
    @Test(arguments: [
        ("non-squamous NSCLC", "NSCLC"), ("nonsquamous NSCLC", "NSCLC"), ("chronic phase CML", "CML"), ("accelerated phase CML", "CML"),
        ("platinum-resistant ovarian cancer", "OVARY"), ("NF1-associated plexiform neurofibroma", "NFIB"),
        ("gastric or GEJ adenocarcinoma", "EGC"), ("gastric/GEJ adenocarcinoma", "EGC"),
    ])
    func resolvesQualifiedDiseases(text: String, code: String) throws {
        let vocabularies = try Bundled.vocabularies()
        let resolution = vocabularies.resolveDisease(text)
        let resolved = try #require(resolution.disease?.code, "\(text) → \(resolution)")
        #expect(resolved == code || vocabularies.isDisease(resolved, within: code), "\(text) → \(resolved)")
    }

    private func alteration(_ text: String) throws -> Alteration? {
        try Bundled.vocabularies().parsePatientAlteration(text).get().alteration
    }

    /// Exon shorthand glued to the gene, and "gene" between gene and kind.
    @Test func readsExonAndGeneShorthand() throws {
        for text in ["METex14", "MET ex14", "MET exon14"] {
            let reading = try #require(try alteration(text), "\(text)")
            #expect(reading == (try alteration("MET exon 14 skipping")), "\(text) → \(reading)")
        }
        #expect(try alteration("NRG1 gene fusion") == (try alteration("NRG1 fusion")))
        #expect(try alteration("ALK gene rearrangement") == (try alteration("ALK rearrangement")))
    }

    /// del(17p) is a TP53 loss, which CLL evidence is keyed to.
    @Test(arguments: ["17p deletion", "del(17p)", "del 17p", "17p-"])
    func readsCytogenetic17p(text: String) throws {
        #expect(try alteration(text) == (try alteration("TP53 deletion")), "\(text)")
    }

    /// HER2-low written with the ISH result spelled out.
    @Test(arguments: ["HER2 IHC 2+/ISH-negative", "HER2 IHC 2+/FISH-negative", "HER2 2+/ISH negative"])
    func readsHer2LowWithISHWord(text: String) throws {
        let reading = try Bundled.vocabularies().parsePatientAlteration(text).get()
        #expect(reading.statuses.map(\.call) == [.low], "\(text) → \(reading)")
        #expect(reading.alteration?.variant == "low expression")
    }

    /// MMR-deficient spellings are dMMR.
    @Test(arguments: ["MMR deficient", "MMR-deficient", "MMR-d", "deficient MMR"])
    func readsMismatchRepairDeficiency(text: String) throws {
        #expect(try alteration(text) == (try alteration("dMMR")), "\(text)")
    }

    /// A gene found wild-type is a key of its own (labels are written for RAS wild-type colorectal
    /// cancer), never a mutation of that gene, and raises no problem.
    @Test(arguments: [
        ("KRAS wild-type", "KRAS"), ("KRAS WT", "KRAS"), ("EGFR negative", "EGFR"), ("BRAF wild type", "BRAF"), ("ALK not detected", "ALK"),
        ("nras-wt", "NRAS"),
    ])
    func readsWildTypeAsAKeyOfItsOwn(text: String, gene: String) throws {
        let reading = try Bundled.vocabularies().parsePatientAlteration(text).get()
        #expect(reading.alteration == Alteration(gene: gene, variant: "wild-type", kind: .expression), "\(text)")
        #expect(!reading.notes.isEmpty)
    }

    /// "RAS wild-type" is KRAS and NRAS wild-type; an HLA type absent is read and matched on nothing
    /// ("HLA-A*02:01 negative" was unreadable). One allele not found is an explicit negative key of its
    /// own ("KIT D816V negative"), met only by rows that name it, never the gene's wild-type.
    @Test func readsRASFamilyAndAlleleLevelNegatives() throws {
        let vocabularies = try Bundled.vocabularies()
        let ras = try vocabularies.parsePatientAlteration("RAS wild-type").get()
        #expect(ras.alteration?.gene == "KRAS" && ras.equivalents.map(\.gene) == ["NRAS"])
        let hla = try vocabularies.parsePatientAlteration("HLA-A*02:01 negative").get()
        #expect(hla.alteration == nil && !hla.notes.isEmpty, "\(String(describing: hla.alteration))")
        for (text, key) in [("KIT D816V negative", "KIT D816V negative"), ("EGFR T790M not detected", "EGFR T790M negative")] {
            let reading = try vocabularies.parsePatientAlteration(text).get()
            #expect(reading.alteration?.label == key, "\(text) → \(String(describing: reading.alteration))")
            #expect(reading.alteration?.variant != "wild-type" && !reading.notes.isEmpty, "\(text)")
        }
    }

    /// MSS and pMMR are keys labels are written for, each standing for the other; MSI-L is MSS.
    @Test(arguments: ["MSS", "pMMR", "MMR proficient", "MSI-L", "microsatellite stable"])
    func readsMicrosatelliteStableAsAKey(text: String) throws {
        let reading = try Bundled.vocabularies().parsePatientAlteration(text).get()
        let keys = Set(([reading.alteration] + reading.equivalents.map { $0 }).compactMap { $0?.variant })
        #expect(keys == ["MSS", "pMMR"], "\(text) → \(keys)")
        #expect(reading.statuses.allSatisfy { $0.call != .high }, "\(text)")
    }

    /// KMT2A partial tandem duplication is read, and is not a fusion.
    @Test func readsPartialTandemDuplication() throws {
        let vocabularies = try Bundled.vocabularies()
        for text in ["KMT2A partial tandem duplication", "KMT2A-PTD"] {
            let reading = try vocabularies.parsePatientAlteration(text).get()
            #expect(reading.alteration?.gene == "KMT2A" && reading.alteration?.kind != .fusion, "\(text)")
        }
    }

    /// An IHC marker's "positive" is expression, never a mutation ("FRα-positive" was FOLR1 mutation).
    @Test(arguments: [
        ("FRα-positive", "FOLR1"), ("FOLR1 positive", "FOLR1"), ("CLDN18.2 positive", "CLDN18"), ("CLDN18.2-positive", "CLDN18"),
    ])
    func readsImmunohistochemistryMarkersAsExpression(text: String, gene: String) throws {
        let reading = try #require(try alteration(text), "\(text)")
        #expect(reading.gene == gene)
        #expect(reading.kind == .expression, "\(text) → \(reading)")
    }
}
