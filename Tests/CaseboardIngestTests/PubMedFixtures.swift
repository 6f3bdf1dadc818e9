import Foundation

/// Invented PubMed records for ingest tests. The patients and sentences are made up for the
/// tests; they are not clinical claims and come from no real article.
enum PubMedFixtures {
    struct Record {
        var pmid: String
        var caseReport: Bool
        /// Added to the title, to tell two revisions of one PMID apart.
        var revision: String = ""
    }

    private static let profiles: [(gene: String, variant: String, drug: String, disease: String)] = [
        ("EGFR", "L858R", "osimertinib", "lung adenocarcinoma"),
        ("BRAF", "V600E", "vemurafenib", "melanoma"),
        ("KIT", "D816V", "avapritinib", "systemic mastocytosis"),
        ("FLT3", "D835Y", "gilteritinib", "acute myeloid leukemia"),
        ("KRAS", "G12C", "sotorasib", "lung adenocarcinoma"),
    ]

    /// The XML of one file: records in order, then a `DeleteCitation` block when `deletions` is not empty.
    static func file(_ records: [Record], deletions: [String] = []) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PubmedArticleSet>\n"
        for record in records { xml += article(record) }
        if !deletions.isEmpty {
            xml += "<DeleteCitation>\n" + deletions.map { "<PMID Version=\"1\">\($0)</PMID>\n" }.joined() + "</DeleteCitation>\n"
        }
        return xml + "</PubmedArticleSet>\n"
    }

    static func article(_ record: Record) -> String {
        let number = Int(record.pmid) ?? 0
        let profile = profiles[number % profiles.count]
        let age = 31 + number % 47
        let type = record.caseReport ? "Case Reports" : "Journal Article"
        let title =
            record.caseReport
            ? "Response to \(profile.drug) in \(profile.disease) with \(profile.gene) \(profile.variant): a case report \(number)\(record.revision)"
            : "A registry review of \(profile.disease) number \(number)"
        let abstract =
            record.caseReport
            ? "A \(age)-year-old woman presented with \(profile.disease). Sequencing showed \(profile.gene) \(profile.variant). "
                + "She was started on \(profile.drug) and had a partial response after three months."
            : "We reviewed \(number % 90 + 10) patients with \(profile.disease) seen at our invented clinic."
        return """
            <PubmedArticle>
            <MedlineCitation Status="MEDLINE" Owner="NLM">
            <PMID Version="1">\(record.pmid)</PMID>
            <Article PubModel="Print">
            <Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue><Title>Invented Journal of Tests</Title></Journal>
            <ArticleTitle>\(title)</ArticleTitle>
            <Abstract><AbstractText>\(abstract)</AbstractText></Abstract>
            <PublicationTypeList><PublicationType UI="D002363">\(type)</PublicationType></PublicationTypeList>
            </Article>
            </MedlineCitation>
            </PubmedArticle>

            """
    }

    /// `files` files of `perFile` records each, every third record not a case report, with
    /// PMIDs from `firstPMID` upward; written to a new folder, whose URL is returned.
    static func folder(files: Int, perFile: Int, firstPMID: Int = 9_100_000) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseboard-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for fileIndex in 0..<files {
            let records = (0..<perFile).map { index in
                let number = firstPMID + fileIndex * perFile + index
                return Record(pmid: String(number), caseReport: number % 3 != 0)
            }
            let name = String(format: "testbase%04d.xml", fileIndex + 1)
            try Data(file(records).utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }
}
