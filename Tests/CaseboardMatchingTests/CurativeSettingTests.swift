import CaseboardCore
import CaseboardKnowledge
import CaseboardMatching
import Testing

/// Curative-intent treatment around surgery and after chemoradiation, read from the disease as
/// written: rows for that setting are the options, and a regimen known only for another setting
/// (a metastatic line) is listed as not recommended, with its evidence. Hold-out 9's blind run (session 17) ranked metastatic options first for resected and
/// resectable tumours (the engine knew each row's setting but not the patient's). Each test failed
/// before the change; the profiles are our own.
struct CurativeSettingTests {
    /// NSCLC rows in three settings (FDA labels: Alecensa (alectinib), 2024, adjuvant after
    /// resection, ALINA; Lorbrena (lorlatinib), 2021, metastatic; Opdivo (nivolumab), 2022,
    /// neoadjuvant with platinum chemotherapy, CheckMate 816; Keytruda (pembrolizumab), 2023,
    /// adjuvant after resection, KEYNOTE-091; Imfinzi (durvalumab), 2018, consolidation after
    /// chemoradiation, PACIFIC).
    static let lungRows = [
        "L-1\tALK\tALK fusion\tfusion\tNSCLC\t\talectinib\tsensitivity\tA\tadjuvant\tpreferred\t2024-04-18\tFDA label\tFDA label: Alecensa (alectinib), 2024\t",
        "L-2\tALK\tALK fusion\tfusion\tNSCLC\t\tlorlatinib\tsensitivity\tA\tfirst-line\tpreferred\t2021-03-03\tFDA label\tFDA label: Lorbrena (lorlatinib), 2021\t",
        "L-3\tALK\tALK fusion\tfusion\tNSCLC\t\tbrigatinib\tsensitivity\tA\tfirst-line\tpreferred\t2020-05-22\tFDA label\tFDA label: Alunbrig (brigatinib), 2020\t",
        "L-4\t-\t\tdisease\tNSCLC\t\tnivolumab + carboplatin + paclitaxel\tsensitivity\tA\tneoadjuvant\tpreferred\t2022-03-04\tFDA label\tFDA label: Opdivo (nivolumab), 2022\t",
        "L-5\t-\t\tdisease\tNSCLC\t\tpembrolizumab\tsensitivity\tA\tadjuvant\t\t2023-01-26\tFDA label\tFDA label: Keytruda (pembrolizumab), 2023\t",
        "L-6\t-\t\tdisease\tNSCLC\t\tdurvalumab\tsensitivity\tA\tconsolidation\tpreferred\t2018-02-16\tFDA label\tFDA label: Imfinzi (durvalumab), 2018\t",
        "L-7\t-\t\tdisease\tNSCLC\t\tcarboplatin + pemetrexed\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Non-Small Cell Lung Cancer 2025\t",
    ]

    /// After complete resection the adjuvant row leads and the metastatic ALK inhibitors follow
    /// every option for the adjuvant setting; for metastatic disease the adjuvant row does not lead.
    @Test func aResectedTumourGetsItsAdjuvantOptionsFirst() throws {
        let matcher = try RuleFixture.matcher(rows: Self.lungRows, name: "lung.tsv")
        let resected = matcher.match(PatientProfile(disease: "completely resected stage IIIA lung adenocarcinoma", alterations: ["EML4::ALK"]))
        #expect(resected.options.first?.drugs == ["alectinib"])
        #expect(resected.options.first?.settingFit == .fits)
        #expect(resected.options.map(\.drugs).contains(["pembrolizumab"]))
        // The metastatic ALK inhibitors are not options after resection: they are listed as for another setting.
        for drug in ["lorlatinib", "brigatinib"] {
            #expect(!resected.options.contains { $0.drugs == [drug] })
            #expect(resected.notRecommended.first { $0.drugs == [drug] }?.reason == .otherSetting, "\(drug)")
        }
        // "No evidence of recurrence" does not make the disease recurrent.
        let followed = matcher.match(
            PatientProfile(disease: "resected stage IIB lung adenocarcinoma, no evidence of recurrence on CT", alterations: ["EML4::ALK"])
        )
        #expect(followed.options.first?.drugs == ["alectinib"])
        let metastatic = matcher.match(PatientProfile(disease: "metastatic lung adenocarcinoma", alterations: ["EML4::ALK"]))
        #expect(metastatic.options.first?.drugs != ["alectinib"], "\(metastatic.options.prefix(3).map(\.drugs))")
        #expect(metastatic.options.prefix(2).map(\.drugs).contains(["lorlatinib"]))
    }

    /// A resectable tumour not yet operated gets the neoadjuvant regimen first; "unresectable" is
    /// not "resectable".
    @Test func aResectableTumourGetsItsNeoadjuvantOptionFirst() throws {
        let matcher = try RuleFixture.matcher(rows: Self.lungRows, name: "lung.tsv")
        let resectable = matcher.match(PatientProfile(disease: "resectable stage IIIA squamous NSCLC, surgery planned", alterations: []))
        #expect(resectable.options.first?.drugs.sorted() == ["carboplatin", "nivolumab", "paclitaxel"])
        let unresectable = matcher.match(PatientProfile(disease: "unresectable stage IIIB lung squamous cell carcinoma", alterations: []))
        #expect(unresectable.options.first?.drugs.sorted() == ["carboplatin", "pemetrexed"])
    }

    /// Consolidation after chemoradiation is neither adjuvant therapy after resection nor a
    /// metastatic line; chemoradiation still planned is not over, and progression after it is not
    /// a response to consolidate.
    @Test func consolidationFollowsChemoradiationThatIsOver() throws {
        let matcher = try RuleFixture.matcher(rows: Self.lungRows, name: "lung.tsv")
        let after = matcher.match(
            PatientProfile(
                disease: "unresectable stage IIIA NSCLC, no progression after concurrent cisplatin-etoposide chemoradiation",
                alterations: [],
                priorTherapies: [PriorTherapy(drugs: ["cisplatin", "etoposide"], response: "partial response")]
            )
        )
        #expect(after.options.first?.drugs == ["durvalumab"])
        // Adjuvant therapy after resection is another setting.
        #expect(after.notRecommended.first { $0.drugs == ["pembrolizumab"] }?.reason == .otherSetting)
        let progressed = matcher.match(PatientProfile(disease: "NSCLC progressing after concurrent chemoradiation", alterations: []))
        #expect(progressed.options.first?.drugs != ["durvalumab"])
        let planned = matcher.match(PatientProfile(disease: "stage IIIB NSCLC, definitive chemoradiation planned", alterations: []))
        #expect(planned.options.first?.drugs != ["durvalumab"])
    }

    /// After neoadjuvant chemotherapy and cystectomy a perioperative regimen (which starts before
    /// surgery: FDA label Imfinzi (durvalumab), 2025, NIAGARA) is past; the adjuvant row fits
    /// (FDA label: Opdivo (nivolumab), 2021, CheckMate 274).
    @Test func aPerioperativeRegimenIsPastAfterSurgery() throws {
        let rows = [
            "B-1\t-\t\tdisease\tBLCA\t\tdurvalumab + gemcitabine + cisplatin\tsensitivity\tA\tneoadjuvant;adjuvant\t\t2025-03-28\tFDA label\tFDA label: Imfinzi (durvalumab), 2025\t",
            "B-2\t-\t\tdisease\tBLCA\t\tnivolumab\tsensitivity\tA\tadjuvant\trecommended\t2021-08-19\tFDA label\tFDA label: Opdivo (nivolumab), 2021\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "bladder.tsv")
        let residual = matcher.match(
            PatientProfile(
                disease: "muscle-invasive bladder cancer after neoadjuvant gemcitabine-cisplatin and radical cystectomy, residual ypT3N1",
                alterations: [],
                priorTherapies: [PriorTherapy(drugs: ["gemcitabine", "cisplatin"], response: "partial response")]
            )
        )
        #expect(residual.options.first?.drugs == ["nivolumab"])
        // With only a perioperative row, an operated patient keeps the ordinary ranking rather than no option.
        let onlyPerioperative = try RuleFixture.matcher(rows: [rows[0]], name: "perioperative.tsv")
        let operated = onlyPerioperative.match(
            PatientProfile(disease: "urothelial carcinoma of the bladder after radical cystectomy", alterations: [])
        )
        #expect(!operated.options.isEmpty, "\(operated.notRecommended.map(\.reason))")
        let untreated = matcher.match(
            PatientProfile(disease: "cisplatin-eligible muscle-invasive bladder cancer, fit for cystectomy", alterations: [])
        )
        #expect(untreated.options.first?.drugs.sorted() == ["cisplatin", "durvalumab", "gemcitabine"])
    }

    /// A disease with no evidence for the setting keeps its ordinary ranking: glioblastoma after
    /// resection keeps first-line temozolomide first (NCCN Central Nervous System Cancers 2025).
    @Test func noEvidenceForTheSettingLeavesTheRankingAlone() throws {
        let rows = [
            "G-1\t-\t\tdisease\tGB\t\ttemozolomide\tsensitivity\tA\tfirst-line\tpreferred\t\tNCCN\tNCCN Central Nervous System Cancers 2025\t",
            "G-2\t-\t\tdisease\tGB\t\tlomustine\tsensitivity\tA\tsecond-line\t\t\tNCCN\tNCCN Central Nervous System Cancers 2025\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "gb.tsv")
        let result = matcher.match(PatientProfile(disease: "glioblastoma, IDH-wildtype, resected, postoperative", alterations: []))
        #expect(result.options.first?.drugs == ["temozolomide"])
    }

    /// Head and neck and anal cancer rows (NCCN Head and Neck Cancers 2025: high-dose cisplatin
    /// with definitive radiotherapy; NCCN Anal Carcinoma 2025: fluorouracil and mitomycin with
    /// radiotherapy; FDA labels: Keytruda (pembrolizumab), 2019, first line for recurrent or
    /// metastatic HNSCC; Zynyz (retifanlimab), 2025, metastatic anal cancer).
    static let radiotherapyRows = [
        "R-1\t-\t\tdisease\tHNSC\t\tcisplatin\tsensitivity\tA\tchemoradiation\tpreferred\t\tNCCN\tNCCN Head and Neck Cancers 2025\t",
        "R-2\tCD274\tCD274 expression\texpression\tHNSC\t\tpembrolizumab\tsensitivity\tA\tfirst-line\tpreferred\t2019-06-10\tFDA label\tFDA label: Keytruda (pembrolizumab), 2019\t",
        "R-3\t-\t\tdisease\tANSC\t\tfluorouracil + mitomycin\tsensitivity\tA\tchemoradiation\tpreferred\t\tNCCN\tNCCN Anal Carcinoma 2025\t",
        "R-4\t-\t\tdisease\tANSC\t\tcarboplatin + paclitaxel + retifanlimab\tsensitivity\tA\tfirst-line\tpreferred\t2025-05-15\tFDA label\tFDA label: Zynyz (retifanlimab), 2025\t",
    ]

    /// Definitive radiotherapy planned, or a localised stage with nothing said about surgery in a
    /// disease whose own evidence is chemoradiation: what is given with radiotherapy leads, and the
    /// metastatic first line is another setting. Metastatic disease keeps its first line.
    @Test func localisedDiseaseForRadiotherapyGetsWhatIsGivenWithIt() throws {
        let matcher = try RuleFixture.matcher(rows: Self.radiotherapyRows, name: "radiotherapy.tsv")
        let planned = matcher.match(
            PatientProfile(
                disease: "p16-positive tonsillar squamous cell carcinoma, stage II, definitive radiotherapy planned",
                alterations: ["PD-L1 CPS 30"]
            )
        )
        #expect(planned.options.first?.drugs == ["cisplatin"], "\(planned.options.map(\.drugs))")
        #expect(planned.notRecommended.first { $0.drugs == ["pembrolizumab"] }?.reason == .otherSetting)
        // Stage alone: cT2N0M0 and nothing about surgery, in a disease whose own curative evidence is chemoradiation.
        let staged = matcher.match(PatientProfile(disease: "anal canal squamous cell carcinoma, cT2N0M0, age 70", alterations: []))
        #expect(staged.options.first?.drugs.sorted() == ["fluorouracil", "mitomycin"], "\(staged.options.map(\.drugs))")
        #expect(!staged.options.contains { $0.drugs.contains("retifanlimab") })
        let metastatic = matcher.match(PatientProfile(disease: "metastatic anal squamous cell carcinoma, liver metastases", alterations: []))
        #expect(metastatic.options.first?.drugs.contains("retifanlimab") == true, "\(metastatic.options.map(\.drugs))")
        // Palliative radiotherapy of metastatic disease is not definitive.
        let palliative = matcher.match(
            PatientProfile(
                disease: "head and neck squamous cell carcinoma with lung metastases, palliative radiotherapy planned",
                alterations: ["PD-L1 CPS 30"]
            )
        )
        #expect(palliative.options.first?.drugs == ["pembrolizumab"])
    }

    /// After thyroidectomy only the thyroid cancer's own adjuvant evidence counts: an adjuvant label
    /// in melanoma (FDA label: Tafinlar (dabrafenib), 2018, COMBI-AD) does not make dabrafenib +
    /// trametinib an adjuvant option for thyroid cancer (NCCN Thyroid Carcinoma 2025: radioiodine).
    /// For metastatic disease, the adjuvant-only regimen is for another setting.
    @Test func anotherDiseasesAdjuvantRowDoesNotMakeAnAdjuvantOption() throws {
        let rows = [
            "T-1\t-\t\tdisease\tWDTC\t\tsodium iodide i 131\tsensitivity\tA\tadjuvant\t\t\tNCCN\tNCCN Thyroid Carcinoma 2025\t",
            "T-2\tBRAF\tBRAF V600E\tallele\tTHPA\t\tdabrafenib + trametinib\tsensitivity\tA\t\t\t2022-06-22\tFDA label\tFDA label: Tafinlar (dabrafenib), 2022\t",
            "T-3\tBRAF\tBRAF V600E\tallele\tMEL\t\tdabrafenib + trametinib\tsensitivity\tA\tadjuvant\tpreferred\t2018-04-30\tFDA label\tFDA label: Tafinlar (dabrafenib), 2018\t",
        ]
        let matcher = try RuleFixture.matcher(rows: rows, name: "thyroid.tsv")
        let result = matcher.match(
            PatientProfile(disease: "papillary thyroid carcinoma after total thyroidectomy, pT2N1a", alterations: ["BRAF V600E"])
        )
        #expect(result.options.map(\.drugs) == [["sodium iodide i 131"]], "\(result.options.map(\.drugs))")
        #expect(result.notRecommended.first { $0.drugs.sorted() == ["dabrafenib", "trametinib"] }?.reason == .otherSetting)
        // Metastatic radioiodine-refractory disease: the adjuvant-only regimen is another setting, not a last option.
        let metastatic = matcher.match(
            PatientProfile(disease: "metastatic radioiodine-refractory papillary thyroid carcinoma, lung metastases", alterations: ["BRAF V600E"])
        )
        #expect(!metastatic.options.contains { $0.drugs == ["sodium iodide i 131"] }, "\(metastatic.options.map(\.drugs))")
        #expect(metastatic.notRecommended.first { $0.drugs == ["sodium iodide i 131"] }?.reason == .otherSetting)
    }
}
