import CaseboardCore
import CaseboardDocuments
import Testing

@Suite(.enabled(if: SharedData.isAvailable, "../shared not found: shared-data tests skipped"))
struct SharedDataTests {
    @Test func pubmedSampleOf50() throws {
        var reader = try PubMedReader.open(path: SharedData.path("data/pubmed/pubmed21n1298_sample50.xml"))
        var items: [PubMedItem] = []
        while let item = try reader.next() { items.append(item) }
        let docs = documents(items)
        #expect(docs.count == 50)
        #expect(docs.first?.metadata.pmid == "33245275")
        #expect(docs.last?.metadata.pmid == "17920331")
        let expected = [
            "33245275", "33390149", "33580597", "34094772", "34094904", "34094914", "34095423", "34095468", "8454279", "31175115",
            "32910605", "33000479", "33082036", "33249256", "33395573", "33665854", "33675548", "33706306", "33782976", "33819706",
            "33839335", "33896019", "34000491", "34020558", "34023548", "34051445", "34088482", "34090755", "34090764", "34091457",
            "31175110", "31175111", "31175112", "31175113", "31175114", "31177198", "31177200", "32413337", "32649158", "32656688",
            "10704411", "15320745", "12486199", "16213219", "16384580", "15550987", "16919692", "17018286", "17727691", "17920331",
        ]
        #expect(docs.map { $0.metadata.pmid ?? "" } == expected)
        #expect(docs.map(\.id) == expected.map { "pmid:\($0)" })
        let first = try #require(docs.first)
        #expect(first.metadata.isCaseReport)
        #expect(first.sections.first?.kind == .title)
        #expect(docs.allSatisfy { $0.title?.isEmpty == false && $0.warnings.isEmpty })
        let deletions = items.compactMap { if case .deleted(let pmids) = $0 { pmids } else { nil } }
        #expect(deletions.count == 1)
        #expect(deletions.first?.count == 20)
        #expect(deletions.first?.first == "31688362")
        #expect(deletions.first?.last == "34096142")
    }

    @Test func pubmedSingleRecord() throws {
        var reader = try PubMedReader.open(path: SharedData.path("data/pubmed/pubmed-29768149.xml"))
        var items: [PubMedItem] = []
        while let item = try reader.next() { items.append(item) }
        let document = try #require(documents(items).first)
        #expect(items.count == 1)
        #expect(document.id == "pmid:29768149")
        #expect(document.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.")
        #expect(document.metadata.doi == "10.1056/NEJMoa1715274")
        #expect(document.metadata.journal == "The New England journal of medicine")
        #expect(document.metadata.publicationDate == "2018-05-17")
        #expect(document.sections.map(\.heading) == [nil, "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"])
        #expect(document.sections.map(\.kind) == [.title, .abstract, .abstract, .abstract, .discussion])
        #expect(document.text.contains("a fast-acting β 2-agonist may be"))
    }

    func bodyHeadings(_ file: String) throws -> (Document, [String]) {
        let document = try JATSReader().read(path: SharedData.path("data/pmc_jats/\(file)"))
        let abstractEnd = document.sections.lastIndex { $0.kind == .abstract || $0.kind == .title } ?? -1
        let headings = document.sections[(abstractEnd + 1)...].compactMap(\.heading)
        // A section continued after a nested one repeats its heading; keep the first.
        var seen: [String] = []
        for heading in headings where seen.last != heading { seen.append(heading) }
        return (document, seen)
    }

    @Test func jatsBMCMicrobiology() throws {
        let (document, headings) = try bodyHeadings("1471-2180-11-174.nxml")
        #expect(document.title == "Factors influencing lysis time stochasticity in bacteriophage λ")
        #expect(document.metadata.pmcid == "PMC3166277")
        #expect(
            Array(headings.prefix(4)) == [
                "Background", "Results", "Effect of allelic variation in holin sequence", "Effect of late promoter pR' activity",
            ]
        )
        #expect(headings.contains("Discussion") && headings.contains("Methods"))
    }

    @Test func jatsEnvironmentalHealth() throws {
        let (document, headings) = try bodyHeadings("ehp-116-1694.nxml")
        #expect(document.title?.hasPrefix("Dietary Exposure to 2,2′,4,4′-Tetrabromodiphenyl Ether (PBDE-47) Alters Thyroid Status") == true)
        #expect(Array(headings.prefix(3)) == ["Materials and Methods", "Animals and housing", "Bioencapsulation of PBDE-47 in Artemia shrimp"])
        #expect(headings.contains("T4 and T3 radioimmunoassays"))
        #expect(document.metadata.keywords.first == "basic transcription element-binding protein")
    }

    @Test func jatsNeglectedTropicalDiseases() throws {
        let (document, headings) = try bodyHeadings("pntd.0002065.nxml")
        #expect(document.title == "Serological Evidence of Rift Valley Fever Virus Circulation in Sheep and Goats in Zambézia Province, Mozambique")
        #expect(Array(headings.prefix(3)) == ["Introduction", "Materials and Methods", "Site description"])
        #expect(document.sections.contains { $0.heading == "Discussion" && $0.kind == .discussion })
    }

    @Test func jatsPLoSOne() throws {
        let (document, headings) = try bodyHeadings("pone.0046493.nxml")
        #expect(document.title?.hasPrefix("MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic Enzymes") == true)
        #expect(document.metadata.pmid == "23029536")
        #expect(document.metadata.doi == "10.1371/journal.pone.0046493")
        #expect(document.metadata.journal == "PLoS ONE")
        #expect(document.metadata.publicationTypes == ["research-article"])
        #expect(Array(headings.prefix(4)) == ["Introduction", "Materials and Methods", "Chemicals", "Bacterial strains and growth conditions"])
        #expect(headings.contains("Enzymatic activity assays on p-nitrophenyl (pNP) esters"))
    }
}
