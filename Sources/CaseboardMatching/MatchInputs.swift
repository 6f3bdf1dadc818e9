import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// Reading a profile's free text: disease, alterations and prior therapies.
extension Matcher {
    /// A prior therapy after normalization.
    struct Prior {
        var drugs: Set<String>
        var response: ResponseKind?
        var text: String
        /// Stopped because the patient could not tolerate it ("intolerance"), not for the tumour's response.
        var intolerant = false
        /// The disease came back after a response ("relapse", "recurrence"), as against refractory
        /// disease or progression on treatment.
        var relapsedAfterResponse = false
    }

    /// A patient alteration with its pattern.
    struct PatientAlteration {
        var label: String
        var pattern: AlterationPattern
        /// Inherited or acquired, as written ("germline BRCA2"); unspecified when not said.
        var origin: AlterationOrigin = .unspecified
    }

    /// What ranking and resistance need to know about the patient besides the evidence.
    struct PatientContext {
        var disease: Disease?
        var alterations: [PatientAlteration]
        var priors: [Prior]
        /// Every drug the patient received.
        var priorDrugs: Set<String>
        /// The drug-vocabulary classes of those drugs, for "after a drug of X's class".
        var priorClasses: Set<String>
        /// The line about to start, when the profile says.
        var lineOfTherapy: Int?
        /// Small cell carcinoma transformed from an EGFR- or ALK-driven lung adenocarcinoma: immunotherapy added
        /// little there (Marcoux et al., J Clin Oncol 2019), so platinum-etoposide leads (NCCN Non-Small Cell Lung
        /// Cancer 2025).
        var smallCellFromDriver = false
        /// The phase of a chronic myeloid leukaemia, when the disease as written names it.
        var phase: LeukaemiaPhase? = nil
        /// The states of the disease the profile says or implies (castration-resistant, metastatic,
        /// platinum-resistant): a row curated for the opposite state does not fit.
        var states: Set<DiseaseState> = []
        /// Age in years, given or read from the disease as written.
        var age: Double? = nil
        /// Every prior line ended in complete or partial response and the disease is not called
        /// relapsed or refractory: the patient is in remission or responding, where maintenance or
        /// consolidation is the line at hand, not a line for progression (durvalumab, not tarlatamab,
        /// after limited-stage SCLC chemoradiation: FDA labels Imfinzi 2024, Imdelltra 2024).
        var inRemission = false
        /// The disease as written says the patient cannot have intensive induction ("unfit", "not
        /// eligible for intensive chemotherapy").
        var unfitForIntensive = false
        /// The disease as written says the patient is fit for intensive induction ("fit", "intensive
        /// induction planned") and nothing says unfit.
        var fitForIntensive = false
        /// The disease as written is a lower-risk myelodysplastic syndrome ("lower-risk MDS", "IPSS-R low").
        var lowerRiskMDS = false
        /// Treatment with curative intent around surgery (or after chemoradiation), when the disease
        /// as written says so and the patient's own disease has evidence for that setting.
        var curative: CurativeSetting? = nil
        /// The disease as written is unresectable, metastatic or has come back: a row for the
        /// adjuvant or neoadjuvant setting alone is not for it.
        var advanced = false
        /// No prior therapy is listed and the disease as written says none was given ("treatment-naive",
        /// "newly diagnosed"): the first line is the question, known rather than assumed.
        var naive = false
        /// A haematological neoplasm with no prior therapy listed, no line given and nothing in the
        /// disease as written about earlier treatment ("relapsed", "after", "second line"): most likely
        /// untreated, so a row only for relapsed or refractory disease follows the first line's own
        /// options. Labels there are line-bound and the first line is induction (menin inhibitors are for
        /// relapsed or refractory NPM1-mutated AML, after intensive induction: FDA label: Revuforj
        /// (revumenib), 2025; NCCN Acute Myeloid Leukemia 2025). In a solid tumour the next line's
        /// targeted option keeps its place after one standard option (sotorasib after chemo-immunotherapy:
        /// NCCN Non-Small Cell Lung Cancer 2025), since it is planned from diagnosis.
        var noEarlierTreatment = false
        /// The disease as written is localised ("cT3N1M0", "locally advanced", "limited-stage") and
        /// names neither surgery nor a curative setting: the patient's own disease's evidence says
        /// which curative setting applies, definitive chemoradiation or treatment before surgery.
        var localised = false
        /// Drugs or drug classes the disease as written says the patient cannot have ("not a candidate
        /// for anthracyclines or bleomycin", "cisplatin contraindicated"): lowercase INNs, class words
        /// ("anthracycline", "purine analogue") or "chemotherapy".
        var avoided: [String] = []
        /// Conditions written in the profile that rule drugs out ("QTcF 486 ms", "LVEF 30%"; ``Matcher/cautions(in:)``).
        var cautions: [Caution] = []
        /// Drugs (or checkpoint classes) a toxicity ended for good: "stopped for grade 4 myocarditis".
        var permanentStops: [PermanentStop] = []
        /// Every prior ended in complete response (curative treatment, such as chemoradiation) and the disease
        /// as written, now advanced, names the first line ("recurrent cervical cancer, 1L systemic, after
        /// chemoradiation"): the first line for recurrent disease is at hand, and rows for use after a drug
        /// given only with curative intent do not fit (pembrolizumab with chemotherapy, not pembrolizumab
        /// alone after chemotherapy, KEYNOTE-826: FDA label Keytruda (pembrolizumab), 2021).
        var firstLineAfterCurative = false
        /// Advanced disease, no prior listed, and the text names chemotherapy given around surgery ("relapse 3 years
        /// after neoadjuvant anthracycline-taxane"): labels for patients "previously treated with chemotherapy in the
        /// neoadjuvant, adjuvant or metastatic setting" (FDA labels: Lynparza (olaparib), 2018; Talzenna (talazoparib),
        /// 2018, germline BRCA breast cancer) are not for a later line only.
        var hadPerioperativeChemotherapy = false
        /// The text asks for a quick response: symptomatic, bulky or rapidly progressing disease, a raised LDH.
        var needsRapidResponse = false
        /// An active autoimmune disease, flaring or on immunosuppression ("Crohn's disease on infliximab"): checkpoint
        /// inhibitors risk a severe flare, and their trials left such patients out (NCCN Management of
        /// Immunotherapy-Related Toxicities 2025).
        var activeAutoimmuneDisease = false
        /// The patient wants or can only take treatment by mouth ("wants tablets only", "no IV infusions").
        var oralOnly = false
        /// The QTc is prolonged (QTcF above 450 ms, "long QT"): drugs whose label warns of QT prolongation follow others.
        var qtProlonged = false
    }

    /// Drugs a toxicity ended for good, and why.
    struct PermanentStop: Sendable {
        var drugs: Set<String>
        var classes: Set<String>
        var why: String
    }

    /// Where curative-intent treatment of a solid tumour stands (NCCN guidelines give their
    /// categories per setting: a neoadjuvant or adjuvant preference is not one for metastatic disease).
    enum CurativeSetting: Sendable {
        /// Resectable and not yet operated: neoadjuvant or perioperative treatment is the question.
        case neoadjuvant
        /// Operated: adjuvant treatment is the question.
        case adjuvant
        /// After definitive chemoradiation without progression: consolidation (durvalumab after
        /// PACIFIC, FDA label: Imfinzi (durvalumab), 2018), not adjuvant therapy after resection.
        case consolidation
        /// Localised disease to be treated with definitive radiotherapy: what is given with it
        /// (cisplatin in head and neck cancer, NCCN Head and Neck Cancers 2025; fluorouracil and
        /// mitomycin in anal cancer, NCCN Anal Carcinoma 2025), not a metastatic line.
        case chemoradiation

        /// How the setting reads in an explanation.
        var name: String {
            switch self {
            case .neoadjuvant: "neoadjuvant or perioperative treatment before surgery"
            case .adjuvant: "adjuvant treatment after surgery"
            case .consolidation: "consolidation after chemoradiation"
            case .chemoradiation: "treatment with definitive radiotherapy"
            }
        }

        var setting: TherapySetting {
            switch self {
            case .neoadjuvant: .neoadjuvant
            case .adjuvant: .adjuvant
            case .consolidation: .consolidation
            case .chemoradiation: .chemoradiation
            }
        }
    }

    /// Phrases that say the disease is not advanced although they hold an advanced word.
    private static let notAdvancedPhrases = [
        "non-metastatic", "nonmetastatic", "no metastases", "no metastasis", "no distant metastases", "without metastases",
        "no evidence of metastases", "risk of recurrence", "risk of relapse", "locally advanced", "no progression",
        "without progression", "no disease progression", "not progressing", "no recurrence", "no evidence of recurrence",
        "without recurrence", "no evidence of disease",
        // Regional spread is staged, not metastatic disease (a resected nodal metastasis is adjuvant territory).
        "nodal metastasis", "nodal metastases", "node metastasis", "node metastases",
    ]

    /// Whether the disease as written is unresectable, metastatic or has come back ("metastatic
    /// colorectal cancer", "unresectable stage IIIB", "recurrent after surgery").
    static func saysAdvanced(_ text: String?) -> Bool {
        guard var lowered = text?.lowercased() else { return false }
        for phrase in notAdvancedPhrases where lowered.containsBytes(of: phrase) { lowered = lowered.replacingOccurrences(of: phrase, with: " ") }
        let phrases = [
            "unresectable", "non-resectable", "nonresectable", "inoperable", "metastatic", "metastases", "metastasis", "advanced",
            "stage iv", "stage 4", "recurrent", "recurrence", "relapsed", "relapse", "progressing", "progression", "progressive",
            "refractory", "metastasised", "metastasized", "disseminated", "relapsing", "recurring", "recurred", "spread to",
        ]
        if phrases.contains(where: { lowered.containsBytes(of: $0) }) { return true }
        // Board shorthand, as whole words: "liver mets", "M1b".
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        return !words.isDisjoint(with: ["mets", "m1", "m1a", "m1b", "m1c"]) || lowered.contains(metToAnOrgan)
    }

    /// "ccRCC met lung/bone", "met to liver": "met" before an organ is metastatic (alone it may be the MET gene).
    nonisolated(unsafe) private static let metToAnOrgan =
        /\bmet\s+(?:to\s+)?(?:the\s+)?(?:lung|liver|bone|brain|nodes?|lymph|peritone|adrenal|pleura|skin|spine)/

    /// The curative setting the disease as written names: after chemoradiation without progression;
    /// after surgery ("completely resected", "residual invasive disease after neoadjuvant …",
    /// "adjuvant"); before it ("resectable", "operable", "neoadjuvant", "perioperative"). Nil for
    /// advanced disease and when nothing is said.
    /// `advanced` is ``saysAdvanced(_:)`` of the same text, read once by the caller.
    static func curativeSetting(of text: String?, advanced: Bool) -> CurativeSetting? {
        guard let lowered = text?.lowercased() else { return nil }
        var unnegated = lowered
        for phrase in ["no progression", "without progression", "no disease progression", "not progressing"] where unnegated.containsBytes(of: phrase)
        {
            unnegated = unnegated.replacingOccurrences(of: phrase, with: " ")
        }
        let progressing = ["progressing", "progression", "progressive", "relapsed", "recurrent", "metastatic"].contains {
            unnegated.containsBytes(of: $0)
        }
        if !progressing, saysAfterChemoradiation(lowered) { return .consolidation }
        // Each operation named, read once: done, or still to come.
        let operations = operationMentions(lowered)
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
        // Definitive radiotherapy, also of unresectable but not metastatic disease (stage III lung
        // cancer); chemoradiation before or after surgery is that setting's, read below.
        let aroundSurgery = ["resected", "adjuvant", "neoadjuvant", "preoperative", "pre-operative", "postoperative", "post-operative"]
        if !progressing, saysDefinitiveRadiotherapy(lowered), words.isDisjoint(with: aroundSurgery), !operations.contains(true),
            !["stage iv", "stage 4", "metastases", "metastasis", "palliative"].contains(where: { lowered.containsBytes(of: $0) })
        {
            return .chemoradiation
        }
        guard !advanced else { return nil }
        // Pathology after neoadjuvant therapy (ypT, ypN) or residual tumour is read at surgery.
        let operated = ["resected", "postoperative", "post-operative", "adjuvant", "operated", "residual"]
        if !words.isDisjoint(with: operated) || words.contains(where: { $0.hasPrefix("ypt") || $0.hasPrefix("ypn") })
            || operations.contains(true)
        {
            return .adjuvant
        }
        if !words.isDisjoint(with: ["neoadjuvant", "perioperative", "peri-operative", "preoperative", "pre-operative"]) { return .neoadjuvant }
        if !words.isDisjoint(with: ["resectable", "operable"]) || operations.contains(false) { return .neoadjuvant }
        return nil
    }

    /// Whether the text says the disease is to be treated with definitive radiotherapy
    /// ("definitive chemoradiation planned", "radical radiotherapy", "for concurrent chemoradiotherapy").
    static func saysDefinitiveRadiotherapy(_ lowered: String) -> Bool {
        let phrases = [
            "definitive radiotherapy", "definitive radiation", "definitive chemoradi", "definitive chemo-radi", "radical radiotherapy",
            "definitive rt", "concurrent chemoradi", "radiotherapy planned", "radiation planned", "chemoradiation planned",
            "chemoradiotherapy planned", "candidate for chemoradi", "for chemoradi", "plan for chemoradi", "planned chemoradi",
            "planned radiotherapy", "planned definitive",
        ]
        return phrases.contains { lowered.containsBytes(of: $0) }
    }

    /// Whether the disease as written is localised without saying how it will be treated: a clinical
    /// stage with M0 ("cT3N1aM0"), "localised", "locally advanced" or "limited-stage", no operation
    /// named and nothing advanced.
    static func saysLocalised(_ text: String?, advanced: Bool) -> Bool {
        guard !advanced, let lowered = text?.lowercased(), operationMentions(lowered).isEmpty else { return false }
        let tokens = lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let staged = tokens.contains { $0.hasPrefix("ct") && $0.hasSuffix("m0") && $0.count >= 6 }
        return staged || ["localised", "localized", "locally advanced", "limited-stage", "limited stage"].contains { lowered.containsBytes(of: $0) }
    }

    /// Operations a report names by the organ ("after radical cystectomy", "fit for lobectomy").
    private static let operations = [
        "resection", "surgery", "excision", "cystectomy", "nephrectomy", "prostatectomy", "mastectomy", "lumpectomy", "lobectomy",
        "pneumonectomy", "gastrectomy", "colectomy", "esophagectomy", "oesophagectomy", "hysterectomy", "pancreatoduodenectomy",
        "pancreaticoduodenectomy", "orchiectomy", "thyroidectomy",
    ]
    /// Words before an operation that say it has not happened ("fit for", "declines", "planned").
    private static let notYetBefore = [
        "fit for", "eligible for", "candidate for", "before", "planned", "awaiting", "declines", "declined", "refused", "not yet",
        "unfit for", "ineligible for", "no ", "prior to", "pending",
    ]
    private static let notYetAfter = [" planned", " not yet", " is planned", " pending", " scheduled"]

    /// For each operation the text names ("after radical cystectomy", "fit for lobectomy"), whether it
    /// is done: the words around it do not say it is still to come.
    private static func operationMentions(_ lowered: String) -> [Bool] {
        var mentions: [Bool] = []
        for operation in operations {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.firstByteRange(of: operation, from: searchRange.lowerBound) {
                searchRange = found.upperBound..<lowered.endIndex
                let start = lowered.index(found.lowerBound, offsetBy: -30, limitedBy: lowered.startIndex) ?? lowered.startIndex
                let end = lowered.index(found.upperBound, offsetBy: 15, limitedBy: lowered.endIndex) ?? lowered.endIndex
                let before = lowered[start..<found.lowerBound]
                let after = lowered[found.upperBound..<end]
                let pending = notYetBefore.contains { before.contains($0) } || notYetAfter.contains { after.hasPrefix($0) }
                mentions.append(!pending)
            }
        }
        return mentions
    }

    /// Whether the text says chemoradiation is over ("stable after concurrent cisplatin-etoposide
    /// chemoradiation"), not planned or under way ("definitive chemoradiotherapy planned").
    static func saysAfterChemoradiation(_ lowered: String) -> Bool {
        for stem in ["chemoradi", "chemo-radi"] {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.firstByteRange(of: stem, from: searchRange.lowerBound) {
                let start = lowered.index(found.lowerBound, offsetBy: -60, limitedBy: lowered.startIndex) ?? lowered.startIndex
                let before = lowered[start..<found.lowerBound]
                if ["after", "following", "completed", "post-"].contains(where: { before.contains($0) }) { return true }
                searchRange = found.upperBound..<lowered.endIndex
            }
        }
        return false
    }

    /// The text lowercased, without "RAI-refractory" and its spellings: thyroid cancer refractory to
    /// radioactive iodine is where systemic therapy starts (FDA labels: Lenvima (lenvatinib), 2015; Nexavar
    /// (sorafenib), 2013), not a relapse after a systemic line.
    static func withoutRadioiodineRefractoriness(_ text: String) -> String {
        var lowered = text.lowercased()
        for phrase in [
            "radioactive iodine-refractory", "radioactive iodine refractory", "radioiodine-refractory", "radioiodine refractory",
            "rai-refractory", "rai refractory",
        ] where lowered.containsBytes(of: phrase) {
            lowered = lowered.replacingOccurrences(of: phrase, with: " ")
        }
        return lowered
    }

    /// Whether the disease as written says no treatment was given yet ("treatment-naive", "previously
    /// untreated", "newly diagnosed"), and not that it came back.
    static func saysTreatmentNaive(_ text: String?) -> Bool {
        // Said of systemic therapy outright: untreated whatever else the course says ("progressive,
        // systemic-naive" after surgery or radioiodine).
        let systemicNaive = [
            "systemic-naive", "systemic naive", "systemic therapy-naive", "systemic therapy naive", "systemic treatment-naive",
            "naive to systemic", "no prior systemic", "no systemic therapy",
        ]
        if let lowered = text?.lowercased(), systemicNaive.contains(where: { lowered.containsBytes(of: $0) }) { return true }
        guard let lowered = text?.lowercased(), !saysRelapsed(text) else { return false }
        let phrases = [
            "treatment-naive", "treatment naive", "treatment-naïve", "treatment naïve", "therapy-naive", "therapy naive",
            "previously untreated", "newly diagnosed", "new diagnosis", "no prior therapy", "no prior treatment",
            "no previous therapy", "no previous treatment", "untreated at diagnosis", "no prior systemic therapy", "no systemic therapy",
            "no prior endocrine therapy", "no therapy for metastatic disease", "no treatment for metastatic disease",
            "no prior therapy for metastatic", "de novo metastatic",
        ]
        if phrases.contains(where: { lowered.containsBytes(of: $0) }) { return true }
        // The line typed as the setting ("NSCLC stage IV, 1L", "first-line mCRC"): untreated, unless the
        // rest speaks of treatment given ("PD on Tagrisso 1L", "after first-line FOLFOX").
        let (marked, rest) = withoutFirstLineMarkers(lowered)
        return marked && !speaksOfEarlierTreatment(rest)
    }

    /// The lowered text with its first-line markers ("1L", "first-line") taken out, and whether it had one.
    static func withoutFirstLineMarkers(_ lowered: String) -> (marked: Bool, rest: String) {
        var rest = lowered
        var marked = false
        for marker in firstLineMarkers {
            while let found = rest.range(of: marker) {
                let endsWord = found.upperBound == rest.endIndex || !(rest[found.upperBound].isLetter || rest[found.upperBound].isNumber)
                let startsWord = found.lowerBound == rest.startIndex || !rest[rest.index(before: found.lowerBound)].isLetter
                guard startsWord, endsWord else { break }
                rest.replaceSubrange(found, with: " ")
                marked = true
            }
        }
        return (marked, rest)
    }

    /// How a clinician types the first line as the patient's setting.
    private static let firstLineMarkers = [
        "first-line", "first line", "1st-line", "1st line", "frontline", "front-line", "front line", "upfront", "up-front", "1l",
    ]

    /// Words that say the patient cannot have what follows them.
    private static let avoidanceCues = [
        "not a candidate for", "not candidates for", "not a candidate to receive", "unfit for", "ineligible for", "not eligible for",
        "unsuitable for", "not suitable for", "contraindication to", "contraindications to", "cannot receive", "cannot tolerate",
        "unable to receive", "unable to tolerate",
    ]

    /// Words that say the patient does not want what follows them.
    private static let declineCues = ["declined ", "declines ", "refused ", "refuses ", "did not want ", "does not want ", "unwilling to have "]

    /// "not a CAR-T candidate", "CAR-T ineligible", "not CAR-T eligible": the therapy is the one to three words before.
    nonisolated(unsafe) private static let candidateAfterTherapy =
        /\bnot (?:an? )?((?:[a-z0-9-]+ ){0,2}[a-z0-9-]+)[ -](?:candidate|eligible)\b|\b((?:[a-z0-9-]+ ){0,2}[a-z0-9-]+)[ -]ineligible\b/

    /// The drugs and drug classes the disease as written rules out for the patient: "not a candidate
    /// for anthracyclines or bleomycin" gives anthracycline and bleomycin, "cisplatin contraindicated"
    /// gives cisplatin. Intensive therapy and transplant are read elsewhere (``saysUnfitForIntensive(_:)``).
    func avoidedTherapies(_ text: String?) -> [String] {
        guard let lowered = text?.lowercased() else { return [] }
        var phrases: [Substring] = []
        for cue in Self.avoidanceCues {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.firstByteRange(of: cue, from: searchRange.lowerBound) {
                searchRange = found.upperBound..<lowered.endIndex
                let rest = lowered[found.upperBound...]
                let end = rest.firstIndex(where: { ",;.()".contains($0) }) ?? rest.endIndex
                phrases.append(rest[..<end])
            }
        }
        // "not a CAR-T candidate", "CAR-T ineligible", "not transplant eligible": the therapy written before the word.
        for match in lowered.matches(of: Self.candidateAfterTherapy) {
            if let phrase = match.output.1 ?? match.output.2 { phrases.append(phrase) }
        }
        var searchRange = lowered.startIndex..<lowered.endIndex
        while let found = lowered.firstByteRange(of: " contraindicated", from: searchRange.lowerBound) {
            searchRange = found.upperBound..<lowered.endIndex
            // The word before "contraindicated", past a linking "is" or "are" ("anthracyclines are contraindicated").
            var words = lowered[..<found.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "-" })
            if let last = words.last, last == "is" || last == "are" { words.removeLast() }
            if let word = words.last { phrases.append(word) }
        }
        // "declined immunotherapy", "refuses chemotherapy": a therapy the patient does not want is set aside as one
        // they cannot have. Only a drug, a drug class or a therapy word counts ("PSA declined to 4" is no therapy).
        for cue in Self.declineCues {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.firstByteRange(of: cue, from: searchRange.lowerBound) {
                searchRange = found.upperBound..<lowered.endIndex
                guard found.lowerBound == lowered.startIndex || !lowered[lowered.index(before: found.lowerBound)].isLetter else { continue }
                let rest = lowered[found.upperBound...]
                let end = rest.firstIndex(where: { ",;.()".contains($0) }) ?? rest.endIndex
                let phrase = rest[..<end]
                let first = phrase.split(separator: " ").first.map(String.init) ?? ""
                if !["to", "by", "from", "after", "with", "in", "over", "on", "at", "since"].contains(first) { phrases.append(phrase) }
            }
        }
        var terms: [String] = []
        for phrase in phrases where !phrase.contains("intensive") && !phrase.contains("transplant") {
            let items = phrase.replacingOccurrences(of: " or ", with: ",").replacingOccurrences(of: " and ", with: ",")
                .replacingOccurrences(of: "/", with: ",").split(separator: ",")
            for item in items {
                var words = item.split(separator: " ").map(String.init)
                while let first = words.first, ["further", "any", "the", "an", "a", "more"].contains(first) { words.removeFirst() }
                var term = words.joined(separator: " ")
                // "CAR-T", "CAR T", "CART" is CAR T-cell therapy, as the vocabulary's classes write it.
                // "Cellular therapy" in a board's words is CAR T-cell therapy (transplant is read apart, above).
                if ["car-t", "car t", "cart", "car-t cell", "car t cell", "car-t cells", "cellular therapy", "cellular therapies", "cell therapy"]
                    .contains(term)
                {
                    term = "car t-cell"
                }
                // Checkpoint immunotherapy however written ("IO", "ICI", "checkpoint inhibitors").
                if ["io", "ici", "icis", "immunotherapy", "checkpoint inhibitor", "checkpoint inhibitors", "immune checkpoint inhibitors"].contains(
                    term
                ) {
                    terms.append("immunotherapy")
                    continue
                }
                guard term.count >= 4 else { continue }
                let names = vocabularies.resolveDrug(term).drugNames
                if !names.isEmpty {
                    terms += names
                } else {
                    // A class in the plural ("anthracyclines", "purine analogues") or "chemotherapy".
                    terms.append(term.hasSuffix("s") ? String(term.dropLast()) : term)
                }
            }
        }
        return terms
    }

    /// Whether the disease as written names a lower-risk group of a myelodysplastic syndrome (IPSS-R very
    /// low, low or intermediate-1; NCCN Myelodysplastic Syndromes 2025), and no higher one.
    static func saysLowerRisk(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        let higher = [
            "higher-risk", "higher risk", "high-risk", "high risk", "hr-mds", "ipss-r high", "ipss-r very high", "intermediate-2", "int-2",
        ]
        if higher.contains(where: { lowered.containsBytes(of: $0) }) { return false }
        let lower = [
            "lower-risk", "lower risk", "low-risk", "low risk", "lr-mds", "ipss-r low", "ipss-r very low", "ipss low", "intermediate-1", "int-1",
        ]
        return lower.contains { lowered.containsBytes(of: $0) }
    }

    /// Whether the disease as written says the patient is unfit for intensive therapy.
    static func saysUnfitForIntensive(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        if ["not fit for intensive", "ineligible for intensive", "not eligible for intensive", "not a candidate for intensive"].contains(where: {
            lowered.containsBytes(of: $0)
        }) {
            return true
        }
        // "unfit", but not "unfit for transplant": transplant fitness says nothing about induction.
        return lowered.containsBytes(of: "unfit") && !lowered.containsBytes(of: "transplant") && !lowered.containsBytes(of: "asct")
            && !lowered.containsBytes(of: "hsct")
    }

    /// Whether the disease as written says the patient is fit for intensive therapy ("fit, ECOG 0",
    /// "intensive induction planned", "eligible for intensive chemotherapy").
    static func saysFitForIntensive(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased(), !saysUnfitForIntensive(text) else { return false }
        let phrases = [
            "fit for intensive", "eligible for intensive", "candidate for intensive", "intensive induction planned", "intensive chemotherapy planned",
        ]
        if phrases.contains(where: { lowered.containsBytes(of: $0) }) { return true }
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return words.contains("fit") && !lowered.containsBytes(of: "not fit") && !lowered.containsBytes(of: "not considered fit")
    }

    /// The phase a chronic myeloid leukaemia is said to be in (NCCN Chronic Myeloid Leukemia
    /// v.2.2025: chronic, accelerated, blast phase; "blast crisis" is the older name).
    enum LeukaemiaPhase: String, Sendable {
        case chronic, accelerated, blast
    }

    /// The phase named in the disease as written ("CML blast phase", "in myeloid blast crisis",
    /// "accelerated phase CML"), or nil.
    static func phase(of text: String?) -> LeukaemiaPhase? {
        guard let lowered = text?.lowercased() else { return nil }
        if ["blast phase", "blast crisis", "blast-phase", "blastic phase"].contains(where: { lowered.containsBytes(of: $0) }) { return .blast }
        if ["accelerated phase", "accelerated-phase"].contains(where: { lowered.containsBytes(of: $0) }) { return .accelerated }
        if ["chronic phase", "chronic-phase"].contains(where: { lowered.containsBytes(of: $0) }) { return .chronic }
        return nil
    }

    /// Whether the disease as written says it came back or did not respond ("relapsed AML").
    /// Whether the disease as written is in remission after treatment not listed: "in first complete remission after
    /// induction and consolidation", "B-ALL in CR1 with MRD 0.2%". The induction is behind the patient.
    static func saysInRemission(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        return lowered.firstMatch(of: inRemissionWords) != nil && !lowered.containsBytes(of: "not in ")
    }

    nonisolated(unsafe) private static let inRemissionWords =
        /\bin\s+(?:(?:a|her|his)\s+)?(?:(?:first|second|third)\s+)?(?:complete\s+)?remission\b|\bin\s+cr[123]\b/

    static func saysRelapsed(_ text: String?) -> Bool {
        guard let lowered = text.map(withoutRadioiodineRefractoriness) else { return false }
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && $0 != "/" }).map(String.init))
        return !words.isDisjoint(with: [
            "relapsed", "relapse", "refractory", "recurrent", "recurred", "r/r", "progressive", "progressing", "resistant",
        ])
    }

    /// Whether the disease as written speaks of treatment already given or of a course that needs it
    /// (relapse, progression, resistance, a later line, a drug "after" or "on" which something happened).
    static func speaksOfEarlierTreatment(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        if saysRelapsed(lowered) { return true }
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "/" }).map(String.init))
        let cues: Set<String> = [
            "after", "post", "progressed", "progression", "relapsing", "recurrence", "failed", "failure", "pretreated",
            "previously", "prior", "despite", "on", "intolerant", "intolerance", "persistent", "residual", "second", "third",
            "fourth", "later", "line", "2l", "3l", "2nd", "3rd", "salvage", "maintenance", "remission", "cr1", "cr2", "cri",
            "following", "treated", "received", "completed", "cycles", "courses",
        ]
        return !words.isDisjoint(with: cues)
    }

    /// Whether the disease as written came back after, or did not answer, treatment ("relapsed",
    /// "refractory"). "Progressive" and "recurrent" are left out: progressive medullary thyroid
    /// cancer or recurrent head and neck cancer may not have had systemic therapy.
    static func saysRelapsedAfterTreatment(_ text: String?) -> Bool {
        guard let lowered = text.map(withoutRadioiodineRefractoriness) else { return false }
        let words = Set(lowered.split(whereSeparator: { !$0.isLetter && $0 != "/" }).map(String.init))
        return !words.isDisjoint(with: ["relapsed", "relapse", "refractory", "r/r"])
    }

    /// The number of earlier lines a clinician typed: "5 prior lines", "three previous regimens", "4 lines of therapy".
    static func statedPriorLines(_ text: String?) -> Int? {
        guard let text, let match = text.firstMatch(of: priorLineCount) else { return nil }
        let word = String(match.output.1).lowercased()
        let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8]
        guard let count = Int(word) ?? words[word], (1...15).contains(count) else { return nil }
        return count
    }

    nonisolated(unsafe) private static let priorLineCount =
        /(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight)\s+(?:(?:prior|previous|earlier)\s+(?:lines?|regimens?)(?:\s+of\s+(?:therapy|treatment))?|lines?\s+of\s+(?:prior\s+)?(?:therapy|treatment))\b/

    func context(
        disease: Disease?,
        alterations: [PatientAlteration],
        priors: [Prior],
        lineOfTherapy: Int? = nil,
        age: Double? = nil,
        diseaseText: String? = nil,
        otherTexts: [String] = []
    ) -> PatientContext {
        let priors = Self.markingStopsForIntolerance(priors, diseaseText: diseaseText)
        let states = diseaseStates(diseaseText: diseaseText, disease: disease, priors: priors)
        var drugs = Set(priors.flatMap(\.drugs))
        // Castration resistance is progression on androgen deprivation (NCCN Prostate Cancer 2025), so a
        // castration-resistant patient has had it whether or not the profile lists it: the rows "after" a GnRH
        // agent (enzalutamide, docetaxel for mCRPC) are for this patient.
        if states.contains(.castrationResistant), !drugs.contains(where: { vocabularies.drug(inn: $0)?.drugClass.hasPrefix("GnRH") == true }) {
            drugs.insert("leuprorelin")
        }
        let classes = Set(drugs.compactMap { vocabularies.drug(inn: $0)?.drugClass }.filter { !$0.isEmpty })
        let advanced = Self.saysAdvanced(diseaseText)
        let cautions = Self.cautions(in: ([diseaseText ?? ""] + otherTexts).joined(separator: "; "))
        return PatientContext(
            disease: disease,
            alterations: alterations,
            priors: priors,
            priorDrugs: drugs,
            priorClasses: classes,
            // Relapsed or refractory disease with its earlier lines not listed is at a later line, whose
            // drugs are not named ("relapsed ALCL": the relapse labels fit, first-line-only rows do not).
            // "First line" written beside the relapse (a relapse after adjuvant therapy) keeps the first line.
            // "RRMM, 5 prior lines incl D-VRd…": the count typed stands even where fewer lines are listed.
            lineOfTherapy: lineOfTherapy ?? Self.statedPriorLines(diseaseText).map { $0 + 1 }
                ?? (priors.isEmpty && Self.saysRelapsedAfterTreatment(diseaseText)
                    && !Self.withoutFirstLineMarkers(diseaseText?.lowercased() ?? "").marked ? 2 : nil),
            phase: Self.phase(of: diseaseText),
            states: states,
            age: age,
            // A response ended by intolerance needs the next drug now: it is no remission to maintain.
            inRemission: (!priors.isEmpty && priors.allSatisfy { ($0.response == .complete || $0.response == .partial) && !$0.intolerant }
                || priors.isEmpty && Self.saysInRemission(diseaseText))
                && !Self.saysRelapsed(diseaseText),
            unfitForIntensive: Self.saysUnfitForIntensive(diseaseText),
            fitForIntensive: Self.saysFitForIntensive(diseaseText),
            lowerRiskMDS: disease.map { $0.code == "MDS" || vocabularies.ancestors(of: $0.code).contains("MDS") } == true
                && Self.saysLowerRisk(diseaseText),
            curative: Self.curativeSetting(of: diseaseText, advanced: advanced),
            advanced: advanced,
            naive: priors.isEmpty && (lineOfTherapy ?? 1) == 1 && Self.saysTreatmentNaive(diseaseText),
            noEarlierTreatment: priors.isEmpty && lineOfTherapy == nil && !Self.speaksOfEarlierTreatment(diseaseText)
                && disease.map { patient in Self.haematologicalTissues.contains { vocabularies.isDisease(patient.code, within: $0) } } == true,
            localised: priors.isEmpty && Self.saysLocalised(diseaseText, advanced: advanced),
            avoided: avoidedTherapies(diseaseText),
            cautions: cautions,
            permanentStops: permanentStops(priors, diseaseText: diseaseText),
            firstLineAfterCurative: advanced && !priors.isEmpty && priors.allSatisfy { $0.response == .complete }
                && Self.withoutFirstLineMarkers(diseaseText?.lowercased() ?? "").marked,
            hadPerioperativeChemotherapy: advanced && priors.isEmpty && Self.saysPerioperativeChemotherapy(diseaseText),
            needsRapidResponse: Self.saysRapidResponseNeeded(diseaseText),
            activeAutoimmuneDisease: Self.saysActiveAutoimmuneDisease(diseaseText),
            oralOnly: Self.saysOralOnly(diseaseText),
            qtProlonged: cautions.contains { $0.isQTProlongation }
        )
    }

    /// "wants tablets only", "oral therapy only", "no IV infusions", "declines intravenous treatment".
    static func saysOralOnly(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        return lowered.firstMatch(of: oralOnlyWords) != nil
    }

    nonisolated(unsafe) private static let oralOnlyWords =
        /\b(?:(?:tablets?|pills?|oral(?:\s+(?:therapy|treatment|drugs?|agents?|medications?))?)\s+only|only\s+(?:tablets|pills|oral)|no\s+(?:iv|intravenous)\b|no\s+(?:iv\s+)?infusions?|(?:declines?|refuses?|declined|refused)\s+(?:all\s+)?(?:iv|intravenous|infusions?|infused))/

    /// An autoimmune disease named with activity or its immunosuppression: "active Crohn's disease on infliximab",
    /// "lupus flare", "ulcerative colitis on vedolizumab".
    static func saysActiveAutoimmuneDisease(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased() else { return false }
        let diseases = [
            "crohn", "ulcerative colitis", "inflammatory bowel", "lupus", "rheumatoid arthritis", "autoimmune hepatitis", "multiple sclerosis",
            "psoriatic arthritis", "vasculitis", "autoimmune disease",
        ]
        guard diseases.contains(where: { lowered.containsBytes(of: $0) }) else { return false }
        return [
            "active", "flare", "infliximab", "adalimumab", "vedolizumab", "ustekinumab", "tocilizumab", "mycophenolate", "azathioprine",
            "tacrolimus", "immunosuppress",
        ].contains { lowered.containsBytes(of: $0) }
    }

    /// "symptomatic", "rapidly progressing", "bulky", "LDH 2x ULN", "high tumour burden", "visceral crisis"; not
    /// "asymptomatic" or a normal LDH.
    static func saysRapidResponseNeeded(_ text: String?) -> Bool {
        guard var lowered = text?.lowercased() else { return false }
        for phrase in ["asymptomatic", "not symptomatic", "no symptoms", "ldh normal", "normal ldh", "ldh within normal"]
        where lowered.containsBytes(of: phrase) {
            lowered = lowered.replacingOccurrences(of: phrase, with: " ")
        }
        return [
            "symptomatic", "rapidly progressing", "rapid progression", "rapidly progressive", "bulky", "high tumour burden",
            "high tumor burden", "high disease burden", "visceral crisis", "elevated ldh", "raised ldh", "high ldh", "ldh elevated",
            "ldh raised", "ldh high", "ldh 2", "ldh >", "rapid response",
        ].contains { lowered.containsBytes(of: $0) }
    }

    /// "after neoadjuvant anthracycline-taxane", "adjuvant FOLFOX in 2021": chemotherapy given around surgery, not
    /// denied ("no adjuvant chemotherapy", "declined adjuvant chemotherapy").
    static func saysPerioperativeChemotherapy(_ text: String?) -> Bool {
        guard let lowered = text?.lowercased(), lowered.containsBytes(of: "adjuvant") || lowered.containsBytes(of: "perioperative") else {
            return false
        }
        for match in lowered.matches(of: perioperativeChemotherapy) {
            let before = lowered[..<match.range.lowerBound].suffix(24)
            if ["no ", "without ", "declined ", "refused ", "not given ", "not receive", "omitted "].contains(where: { before.contains($0) }) {
                continue
            }
            return true
        }
        return false
    }

    nonisolated(unsafe) private static let perioperativeChemotherapy =
        /\b(?:neo-?adjuvant|adjuvant|perioperative)\s+(?:[\w-]+\s+){0,3}?(?:chemo\w*|anthracycline\w*|taxane\w*|a?c-?t\b|ec-?t\b|folfox\w*|capox|xelox|flot|docetaxel|paclitaxel|epirubicin|doxorubicin|carboplatin|cisplatin|oxaliplatin|capecitabine)/

    /// Priors the disease text says were stopped for intolerance while the tumour still responded ("drug stopped
    /// for intolerance with disease in partial response", "stopped for G3 diarrhoea (intolerance)") are marked
    /// intolerant: the next drug replaces them within the same line, and a drug of the same class stays an option
    /// (another ALK or BTK inhibitor after a toxicity, NCCN Non-Small Cell Lung Cancer 2025 and NCCN Chronic
    /// Lymphocytic Leukemia/Small Lymphocytic Lymphoma 2025; another CDK4/6 inhibitor after one not tolerated,
    /// NCCN Breast Cancer 2025). With several responding priors, only one the text names is marked.
    static func markingStopsForIntolerance(_ priors: [Prior], diseaseText: String?) -> [Prior] {
        guard let lowered = diseaseText?.lowercased(), saysStoppedForIntolerance(lowered) else { return priors }
        let responding = priors.indices.filter { !priors[$0].intolerant && [.complete, .partial, .stable].contains(priors[$0].response) }
        let named = responding.filter { index in
            priors[index].drugs.contains { lowered.containsBytes(of: $0) } || lowered.containsBytes(of: priors[index].text.lowercased())
        }
        let marked = responding.count == 1 ? responding : named
        var result = priors
        for index in marked { result[index].intolerant = true }
        return result
    }

    /// Whether the text says a drug was stopped because the patient could not tolerate it, not for the tumour.
    static func saysStoppedForIntolerance(_ lowered: String) -> Bool {
        if ["intolerance", "intolerant", "not tolerated", "could not tolerate", "unable to tolerate"].contains(where: {
            lowered.containsBytes(of: $0)
        }) {
            return !["no intolerance", "without intolerance"].contains { lowered.containsBytes(of: $0) }
        }
        let stopped = ["stopped for", "stopped because of", "stopped due to", "discontinued for", "discontinued because of", "discontinued due to"]
        let toxicity = ["toxicity", "side effect", "adverse event", "grade 3", "grade 4", "g3 ", "g4 "]
        return stopped.contains { lowered.containsBytes(of: $0) } && toxicity.contains { lowered.containsBytes(of: $0) }
    }

    /// Drugs of priors stopped for intolerance that the toxicity the disease text names ends for good:
    /// immune-related myocarditis ends every checkpoint inhibitor; pneumonitis or interstitial lung
    /// disease ends trastuzumab deruxtecan, bleomycin or the checkpoint inhibitor that caused it; a
    /// severe skin reaction ends the drugs given.
    func permanentStops(_ priors: [Prior], diseaseText: String?) -> [PermanentStop] {
        guard let text = diseaseText, let (toxicity, wholeClass) = Self.permanentToxicity(in: text) else { return [] }
        var stops: [PermanentStop] = []
        let lowered = text.lowercased()
        for prior in priors where prior.intolerant || Self.saysStopped(prior.drugs, for: toxicity, in: lowered) {
            let checkpoint = prior.drugs.filter { Self.checkpointClasses.contains(vocabularies.drug(inn: $0)?.drugClass ?? "") }
            var drugs: Set<String> = []
            var classes: Set<String> = []
            switch toxicity {
            case "myocarditis":
                drugs = checkpoint
                if wholeClass, !checkpoint.isEmpty { classes = Set(Self.checkpointClasses) }
            case "pneumonitis", "interstitial lung disease", "pulmonary fibrosis":
                drugs = prior.drugs.intersection(["trastuzumab deruxtecan", "bleomycin"]).union(checkpoint)
            default:
                // A severe skin reaction ends every drug given; a graded toxicity only a drug given alone.
                drugs = toxicity.hasPrefix("a grade") && prior.drugs.count > 1 ? [] : prior.drugs
            }
            guard !drugs.isEmpty else { continue }
            stops.append(
                PermanentStop(
                    drugs: drugs,
                    classes: classes,
                    why: toxicity.hasPrefix("a grade")
                        ? "stopped for \(toxicity) (\(prior.text)); not offered again before the alternatives"
                        : toxicity.contains("ulcer")
                            ? "stopped for \(toxicity) (\(prior.text)); the Hydrea (hydroxyurea) label says to discontinue it"
                            : "stopped for \(toxicity) (\(prior.text)); the label or NCCN Management of Immunotherapy-Related Toxicities 2025 says not to give it again"
                )
            )
        }
        return stops
    }

    /// The text says one of these drugs was stopped for the toxicity, whatever response the prior records: "then
    /// trastuzumab deruxtecan, stopped after 8 months because of grade 2 pneumonitis". The toxicity must follow the drug
    /// within its clause, with a word of stopping between.
    static func saysStopped(_ drugs: Set<String>, for toxicity: String, in lowered: String) -> Bool {
        let word = toxicity.hasPrefix("a grade") ? String(toxicity.dropFirst(2).prefix(7)) : toxicity
        for drug in drugs {
            var search = lowered.startIndex
            while let found = lowered.firstByteRange(of: drug, from: search) {
                search = found.upperBound
                let clause = lowered[found.upperBound...].prefix(140).prefix { $0 != ";" && $0 != "." }
                guard let stop = stopWords.compactMap({ clause.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
                if clause[stop.upperBound...].contains(word) { return true }
            }
        }
        return false
    }

    private static let stopWords = ["stopped", "discontinued", "ceased", "halted", "withdrawn", "interrupted permanently"]

    /// The fusion a disease is defined by (WHO-HAEM5 2022: chronic myeloid leukaemia is BCR::ABL1-positive
    /// by definition): a CML patient listed with only a kinase-domain change ("ABL1 A337V") still has the
    /// fusion the CML labels are keyed to. Added unless the profile names the fusion or its absence.
    static let definingFusions: [String: String] = ["CML": "BCR::ABL1 fusion", "CMLBCRABL1": "BCR::ABL1 fusion"]

    func definingAlterations(of disease: Disease?, besides present: [PatientAlteration]) -> [PatientAlteration] {
        guard let disease, let text = Self.definingFusions[disease.code], case .success(let alteration) = vocabularies.parseAlteration(text)
        else { return [] }
        let pattern = AlterationPattern(alteration)
        guard !present.contains(where: { $0.pattern.gene == pattern.gene && ($0.pattern.kind == .fusion || Self.isNegativeFinding($0.pattern)) })
        else { return [] }
        return [PatientAlteration(label: "\(disease.name) (defined by \(text))", pattern: pattern)]
    }

    /// Reads the disease field through the vocabularies' clinician-input reader. A biomarker
    /// written into it ("HER2-positive gastric cancer") joins the alterations; a name that fits
    /// several diseases, or none, is a problem with ranked candidates, never a guess.
    ///
    /// An abbreviation with two meanings ("MM": myeloma or melanoma) is settled by the patient's
    /// own alterations when curated evidence for them names exactly one of the candidates (GPRC5D
    /// expression is a myeloma marker), and the answer says why in `via`; otherwise it stays a problem.
    func resolveDisease(
        _ text: String?,
        alterations: [PatientAlteration] = [],
        priorDrugs: Set<String> = [],
        problems: inout [MatchProblem],
        via: inout String?
    ) -> (disease: Disease?, biomarkers: [PatientAlteration]) {
        guard let text, !text.trimmingWhitespace.isEmpty else { return (nil, []) }
        let reading = cache.disease(text) { vocabularies.readDisease(text) }
        let biomarkers = reading.biomarkers.flatMap { patientAlterations(label: text, reading: $0) }
        switch reading.resolution {
        case .found(let disease, _):
            return (disease, biomarkers)
        case .tumorAgnostic:
            return (nil, biomarkers)
        case .ambiguous(let candidates) where candidates.count <= 3:
            if let (chosen, gene) = settledByAlterations(candidates.map(\.disease), alterations) {
                via =
                    "'\(text)' names \(candidates.map(\.disease.name).joined(separator: " or ")); read as \(chosen.name), "
                    + "the only one with curated evidence for the patient's \(gene)"
                return (chosen, biomarkers)
            }
            if let (chosen, drug) = settledByPriorDrugs(candidates.map(\.disease), priorDrugs) {
                via =
                    "'\(text)' names \(candidates.map(\.disease.name).joined(separator: " or ")); read as \(chosen.name), "
                    + "the only one with curated evidence for the patient's prior \(drug)"
                return (chosen, biomarkers)
            }
            fallthrough
        case .ambiguous(let candidates):
            problems.append(
                MatchProblem(
                    field: "disease",
                    input: text,
                    message: "ambiguous disease; did you mean "
                        + candidates.prefix(5).map { "\($0.label): \($0.reason)" }.joined(separator: "; ") + "?"
                )
            )
        case .unknown(let suggestions):
            problems.append(
                MatchProblem(
                    field: "disease",
                    input: text,
                    message: "unknown disease"
                        + (suggestions.isEmpty
                            ? "; use a name or an OncoTree code" : "; did you mean \(suggestions.prefix(3).map(\.label).joined(separator: ", "))?")
                )
            )
        case .rejected(let problem):
            problems.append(MatchProblem(field: "disease", input: String(text.prefix(64)), message: problem.description))
        }
        return (nil, biomarkers)
    }

    /// The candidate disease that the patient's markers belong to, with the marker: a gene whose
    /// curated rows all lie inside one candidate (GPRC5D, a myeloma target) decides; a gene with
    /// rows in many diseases (BRAF) decides nothing. Nil unless the deciding genes agree on one.
    /// Reads only those genes' postings.
    func settledByAlterations(_ candidates: [Disease], _ alterations: [PatientAlteration]) -> (Disease, String)? {
        var chosen: (Disease, String)?
        for gene in Set(alterations.map(\.pattern.gene)).sorted() {
            var inside: Set<String> = []
            var elsewhere = false
            for position in index.evidenceByGene[gene] ?? [] {
                guard let box = index.evidence[position], box.item.source == .curated, !box.item.disease.tumorAgnostic,
                    let code = box.item.disease.oncotree
                else { continue }
                let line = [code] + vocabularies.ancestors(of: code)
                let owners = candidates.filter { line.contains($0.code) }.map(\.code)
                if owners.isEmpty { elsewhere = true } else { inside.formUnion(owners) }
            }
            guard !elsewhere, inside.count == 1, let disease = candidates.first(where: { inside.contains($0.code) }) else { continue }
            if let earlier = chosen, earlier.0.code != disease.code { return nil }
            chosen = chosen ?? (disease, gene)
        }
        return chosen
    }

    /// The candidate disease the patient's prior drugs were given for: a prior drug with curated
    /// rows inside exactly one candidate (lenalidomide: myeloma, not melanoma) decides, when the
    /// deciding drugs agree. Reads only those drugs' entries in the index.
    func settledByPriorDrugs(_ candidates: [Disease], _ drugs: Set<String>) -> (Disease, String)? {
        var chosen: (Disease, String)?
        for drug in drugs.sorted() {
            let owners = Set(
                (index.curatedDiseasesByDrug[drug] ?? []).flatMap { code in
                    let line = [code] + vocabularies.ancestors(of: code)
                    return candidates.filter { line.contains($0.code) }.map(\.code)
                }
            )
            guard owners.count == 1, let disease = candidates.first(where: { owners.contains($0.code) }) else { continue }
            if let earlier = chosen, earlier.0.code != disease.code { return nil }
            chosen = chosen ?? (disease, drug)
        }
        return chosen
    }

    /// The patterns one reading stands for: the alteration, its equivalents (HER2 IHC 3+ also
    /// meets ERBB2 amplification rows), and for "BCR-ABL1 T315I" the fusion itself.
    func patientAlterations(label: String, reading: PatientAlterationReading) -> [PatientAlteration] {
        var result: [PatientAlteration] = []
        for alteration in [reading.alteration].compactMap({ $0 }) + reading.equivalents {
            let pattern = AlterationPattern(alteration)
            if !result.contains(where: { $0.pattern == pattern }) {
                result.append(PatientAlteration(label: label, pattern: pattern, origin: reading.origin))
            }
            if let partner = alteration.partner, alteration.kind != .fusion {
                let fusion = AlterationPattern(gene: alteration.gene, kind: .fusion, variant: "fusion", partner: partner)
                if !result.contains(where: { $0.pattern == fusion }) {
                    result.append(PatientAlteration(label: label, pattern: fusion, origin: reading.origin))
                }
            }
        }
        return result
    }

    func resolveAlterations(
        _ texts: [String],
        field: String,
        problems: inout [MatchProblem],
        findings: inout [ReadFinding],
        transformations: Set<Int> = []
    ) -> [PatientAlteration] {
        var result: [PatientAlteration] = []
        let superseded = supersededResults(texts)
        for (position, text) in texts.enumerated() {
            func read(_ note: String) {
                findings.append(ReadFinding(field: "\(field)[\(position)]", input: String(text.prefix(64)), note: note))
            }
            if transformations.contains(position) {
                read("a histologic transformation: the disease is read as the one it became")
                continue
            }
            if let later = superseded[position] {
                read("an earlier result, replaced by the later '\(later.prefix(64))'; nothing is matched on it")
                continue
            }
            switch cache.alteration(text, parse: { vocabularies.parsePatientAlteration(text) }) {
            case .success(let reading):
                let patterns = patientAlterations(label: text, reading: reading)
                if patterns.isEmpty {
                    // A status with no evidence key of its own ("ER-negative") or a clinical finding ("monosomy 7",
                    // "PSA 240 ng/mL"): read, nothing to match, and said so.
                    read(reading.notes.last ?? "read as \(reading.statuses.map(\.label).joined(separator: ", ")); nothing is matched on it")
                    continue
                }
                result += patterns
            case .failure(let error):
                // "high-volume metastatic disease" written among the alterations describes the disease; it is read
                // with the disease (``diseaseDescriptions(in:)``), not reported as an unknown gene.
                if Self.describesTheDisease(text) {
                    read("a description of the disease, read with it")
                    continue
                }
                problems.append(MatchProblem(field: "\(field)[\(position)]", input: String(text.prefix(64)), message: error.description))
            }
        }
        return result
    }

    /// Words that describe the disease's extent or hormone status, not a molecular finding.
    private static let diseaseDescriptionWords = [
        "metastatic disease", "metastases", "high-volume", "low-volume", "high volume", "low volume", "visceral", "castration",
        "castrate", "hormone-sensitive", "hormone sensitive", "oligometastatic", "de novo", "bone-only", "bone only", "brain mets",
        "liver mets", "bone mets",
    ]

    /// Whether an entry of the alterations that names no gene describes the disease ("high-volume metastatic
    /// disease", "visceral metastases").
    static func describesTheDisease(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return diseaseDescriptionWords.contains { lowered.containsBytes(of: $0) }
    }

    /// The alteration entries that describe the disease rather than a finding, to be read with the disease text.
    func diseaseDescriptions(in alterations: [String]) -> [String] {
        alterations.filter { text in
            guard Self.describesTheDisease(text) else { return false }
            if case .failure = cache.alteration(text, parse: { vocabularies.parsePatientAlteration(text) }) { return true }
            return false
        }
    }

    /// Results for a gene taken earlier ("HER2 IHC 3+ at diagnosis") that a later result for the same gene
    /// replaces ("HER2 IHC 0 on the progression biopsy"), by position, with the later text. A marker can be
    /// lost under treatment, and the latest specimen decides: NCCN Gastric Cancer 2025 and NCCN Breast Cancer
    /// 2025 ask for re-testing at progression; Pietrantonio F et al., Int J Cancer 2016 (HER2 lost in about a
    /// third of gastric cancers after trastuzumab).
    func supersededResults(_ texts: [String]) -> [Int: String] {
        func says(_ text: String, _ words: [String]) -> Bool {
            let lowered = text.lowercased()
            return words.contains { lowered.containsBytes(of: $0) }
        }
        let earlier = [
            "at diagnosis", "(primary)", "on the primary", "archival", "initially", "previously", "at baseline",
            "before treatment", "original biopsy", "initial biopsy",
        ]
        let later = [
            "progression", "relapse", "rebiops", "re-biops", "recurrence", "current biopsy", "most recent", "latest",
            "on treatment",
        ]
        var result: [Int: String] = [:]
        for (position, text) in texts.enumerated() where says(text, earlier) && !says(text, later) {
            let genes = vocabularies.genesNamed(in: text)
            guard !genes.isEmpty,
                let replacement = texts.first(where: { $0 != text && says($0, later) && !vocabularies.genesNamed(in: $0).isDisjoint(with: genes) })
            else { continue }
            result[position] = replacement
        }
        return result
    }

    func resolvePriors(_ therapies: [PriorTherapy], problems: inout [MatchProblem]) -> [Prior] {
        therapies.enumerated().compactMap { position, therapy in
            var drugs: Set<String> = []
            for (drugPosition, name) in therapy.drugs.enumerated() {
                let resolution = vocabularies.resolveDrug(name)
                let names = resolution.drugNames
                if !names.isEmpty {
                    drugs.formUnion(names)
                } else {
                    var message = "unknown drug; use a generic name, brand or code"
                    if case .unknown(let suggestions) = resolution, suggestions.count == 1 {
                        // One drug within two letters: read as it, and said. A prior drug left out would
                        // bring back the drug the patient progressed on; a wrong one can only demote.
                        drugs.insert(suggestions[0])
                        message += "; read as \(suggestions[0]), the one drug spelt like it"
                    } else if case .unknown(let suggestions) = resolution, !suggestions.isEmpty {
                        message += "; did you mean \(suggestions.joined(separator: ", "))?"
                    } else if case .rejected(let problem) = resolution {
                        message = problem.description
                    }
                    problems.append(
                        MatchProblem(
                            field: "prior_therapies[\(position)].drugs[\(drugPosition)]",
                            input: String(name.prefix(64)),
                            message: message
                        )
                    )
                }
            }
            drugs = vocabularies.mergingFixedCombinations(drugs)
            let response = therapy.response.flatMap(Self.response)
            if let text = therapy.response, response == nil, !Self.stoppedWithoutResponse(text) {
                problems.append(
                    MatchProblem(
                        field: "prior_therapies[\(position)].response",
                        input: text,
                        message: "unknown response; use complete response, partial response, stable disease or progressive disease"
                    )
                )
            }
            let intolerant = response == nil && therapy.response.map(Self.stoppedWithoutResponse) == true
            let relapsed = therapy.response.map(ResponseVocabulary.saysRelapseAfterResponse) ?? false
            return drugs.isEmpty
                ? nil
                : Prior(
                    drugs: drugs,
                    response: response,
                    text: therapy.drugs.joined(separator: " + "),
                    intolerant: intolerant,
                    relapsedAfterResponse: relapsed
                )
        }
    }

    /// A prior therapy's response, read with the shared ``ResponseVocabulary`` (the words
    /// extraction reads in case reports), so "MMR" or "loss of major molecular response" mean the
    /// same in a profile as in a report. A response field is one phrase, so abbreviations are
    /// also read whatever their case ("pd", "cr"); a longer phrase is read by the longest
    /// vocabulary phrase it contains as whole words ("progressed after 8 months").
    static func response(_ text: String) -> ResponseKind? {
        let trimmed = text.trimmingWhitespace
        if let kind = ResponseVocabulary.kind(ofAnswer: trimmed) { return kind }
        // Label wording for a drug that did not control the disease (ruxolitinib in polycythaemia
        // vera after hydroxyurea, FDA label: Jakafi (ruxolitinib), 2014) is a failure, as "refractory" is.
        if Self.inadequateResponse.contains(trimmed.lowercased()) { return .progressive }
        let folded = trimmed.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "." }).joined(separator: " ")
        if let entry = ResponseVocabulary.entries.first(where: { $0.exactCase && $0.phrase.lowercased() == folded }) { return entry.kind }
        let padded = " \(folded) "
        var best: ResponseVocabulary.Entry?
        for entry in ResponseVocabulary.entries where !entry.exactCase && entry.phrase.count > (best?.phrase.count ?? 0) {
            if padded.contains(" \(entry.phrase) ") { best = entry }
        }
        return best?.kind
    }

    /// Answers that say a drug failed to control the disease, in label wording.
    static let inadequateResponse: Set<String> = ["inadequate response", "insufficient response", "loss of response", "no response"]

    /// Answers that say a drug was stopped for another reason than the tumour's response (the
    /// asciminib label counts a TKI stopped for intolerance among the prior lines, FDA label:
    /// Scemblix (asciminib), 2021): read with no response, so the drug counts as given for the
    /// line of therapy and nothing is inferred about resistance.
    static func stoppedWithoutResponse(_ text: String) -> Bool {
        let folded = text.trimmingWhitespace.lowercased()
        return ["intolerance", "intolerant", "toxicity", "stopped for toxicity", "adverse events", "adverse event", "not tolerated"].contains(folded)
    }
}
