import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies
import Foundation

/// Reading the states a disease is in (castration sensitivity, spread, platinum sensitivity) from
/// the disease as written and the lines given, for rows curated for one state only.
extension Matcher {
    /// Abbreviations that name prostate cancer's state in one word ("mCRPC", "nmCRPC", "mHSPC").
    private static let prostateStateWords: [String: [DiseaseState]] = [
        "crpc": [.castrationResistant], "mcrpc": [.castrationResistant, .metastatic],
        "nmcrpc": [.castrationResistant, .nonMetastatic], "hspc": [.castrationSensitive], "cspc": [.castrationSensitive],
        "mhspc": [.castrationSensitive, .metastatic], "mcspc": [.castrationSensitive, .metastatic],
        "nmhspc": [.castrationSensitive, .nonMetastatic], "nmcspc": [.castrationSensitive, .nonMetastatic],
    ]

    private static let statePhrases: [(DiseaseState, [String])] = [
        (
            .castrationResistant,
            [
                "castration-resistant", "castration resistant", "castrate-resistant", "castrate resistant", "castration-refractory",
                "hormone-refractory", "hormone refractory", "hormone-resistant", "hormone resistant", "androgen-independent",
            ]
        ),
        (
            .castrationSensitive,
            [
                "castration-sensitive", "castration sensitive", "castrate-sensitive", "castration-naive", "castration-naïve",
                "hormone-sensitive", "hormone sensitive", "hormone-naive", "hormone-naïve", "hormone naive", "androgen-dependent",
            ]
        ),
        (
            .nonMetastatic,
            [
                "non-metastatic", "nonmetastatic", "no metastases", "no metastasis", "no distant metastases", "without metastases",
                "no evidence of metastases", "no evidence of metastatic",
            ]
        ),
        // "plat-resistant", "Pt-sensitive": how a tumour board writes it.
        (
            .platinumResistant,
            [
                "platinum-resistant", "platinum resistant", "platinum-refractory", "platinum refractory", "plat-resistant", "plat resistant",
                "pt-resistant", "plat-refractory", "pt-refractory",
            ]
        ),
        (.platinumSensitive, ["platinum-sensitive", "platinum sensitive", "plat-sensitive", "plat sensitive", "pt-sensitive"]),
        // Denials first: "no anaemia" must not read as anaemia.
        (
            .noAnaemia,
            [
                "no anaemia", "no anemia", "non-anaemic", "non-anemic", "not anaemic", "not anemic", "without anaemia", "without anemia",
                "transfusion-independent", "transfusion independent",
            ]
        ),
        (.anaemia, ["transfusion-dependent", "transfusion dependent", "anaemic", "anemic", "anaemia", "anemia"]),
        (.plateletsBelow50, ["severe thrombocytopenia"]),
    ]

    /// Eligibility for autologous transplant as a board writes it; denials first, and "TE"/"TI"/"NTE" only
    /// as whole words ("not tested" is not "not TE").
    nonisolated(unsafe) private static let transplantIneligible =
        /\b(?:(?:transplant|asct|sct)[- ](?:in|non[- ]?)eligible|non[- ]?transplant[- ]eligible|not\s+(?:a\s+)?(?:transplant|asct)[- ](?:eligible|candidate)|(?:not|in)\s*eligible\s+for\s+(?:an?\s+)?(?:autologous\s+)?(?:stem[- ]cell\s+)?(?:transplant|asct|sct)|not\s+te|nte|ti)\b/
    nonisolated(unsafe) private static let transplantEligible =
        /\b(?:(?:transplant|asct|sct)[- ]eligible|eligible\s+for\s+(?:an?\s+)?(?:autologous\s+)?(?:stem[- ]cell\s+)?(?:transplant|asct|sct)|(?:transplant|asct)\s+candidate|te)\b/

    nonisolated(unsafe) private static let nodeNegative =
        /\b(?:(?:y?p|c)?n0(?:\(i[+-]\)|\(mol[+-]\))?|node[- ]negative|lymph[- ]node[- ]negative|no\s+(?:nodal|lymph[- ]node)\s+(?:involvement|metastas[ie]s)|0\s*\/\s*\d+\s+(?:lymph\s+)?nodes)\b/
    nonisolated(unsafe) private static let nodePositive =
        /\b(?:(?:y?p|c)?n[1-3][a-c]?(?:mi)?|node[- ]positive|lymph[- ]node[- ]positive|[1-9]\d?\s*\/\s*\d+\s+(?:lymph\s+)?nodes(?:\s+(?:positive|involved))?|(?:[1-9]\d?|one|two|three|four|five|six|seven|eight|nine|ten)\s+positive\s+(?:lymph\s+)?nodes)\b/

    /// "plt 38k", "platelets 38 x10^9/L", "platelet count <50", "platelets 38,000/µL": a platelet count, read in
    /// 10⁹/L (38,000/µL is 38; "1,200 x10^9/L" in essential thrombocythaemia stays 1,200).
    nonisolated(unsafe) private static let plateletCount =
        /\b(?:plts?|platelets?|platelet\s+count)\s*(?:count\s*)?(?:of|:|=|was|is|at)?\s*(<|≤|below|under|less\s+than)?\s*(\d+(?:[.,]\d+)?)\s*(k\b|\/\s*(?:µl|μl|ul|mcl|mm3|mm³))?/

    /// "Hb 7.9", "haemoglobin 79 g/L", "Hb <10 g/dL": a haemoglobin in g/dL.
    nonisolated(unsafe) private static let haemoglobin =
        /\b(?:hb|hgb|haemoglobin|hemoglobin)\s*(?:of|:|=|was|is|at)?\s*(<|≤|below|under|less\s+than)?\s*(\d+(?:\.\d+)?)\s*(g\/l\b)?/

    /// The blood counts written in the disease text: platelets below 50 × 10⁹/L or not (the cut-off of
    /// FDA label: Vonjo (pacritinib), 2022, and of the starting doses of FDA labels: Jakafi (ruxolitinib) and
    /// Inrebic (fedratinib)), and anaemia as a haemoglobin below 10 g/dL (the entry criterion of MOMENTUM,
    /// Verstovsek et al., Lancet 2023, behind FDA label: Ojjaara (momelotinib), 2023).
    static func bloodCountStates(_ lowered: String) -> Set<DiseaseState> {
        var states: Set<DiseaseState> = []
        for match in lowered.matches(of: plateletCount) {
            guard var value = Double(match.output.2.replacingOccurrences(of: ",", with: "")) else { continue }
            // Per microlitre, written or plain from its size (no count of 10,000 × 10⁹/L exists).
            let unit = match.output.3.map(String.init) ?? ""
            if unit.hasPrefix("/") || unit.isEmpty && value >= 10000 { value /= 1000 }
            states.insert(value < 50 || match.output.1 != nil && value <= 50 ? .plateletsBelow50 : .plateletsAtLeast50)
        }
        for match in lowered.matches(of: haemoglobin) {
            guard var value = Double(match.output.2) else { continue }
            if match.output.3 != nil || value > 25 { value /= 10 }
            if value < 10 || match.output.1 != nil && value <= 10 { states.insert(.anaemia) }
        }
        return states
    }

    /// Words that say the disease has spread, once the phrases denying it are taken out.
    private static let metastaticWords: Set<String> = [
        "metastatic", "metastases", "metastasis", "mets", "m1", "m1a", "m1b", "m1c", "oligometastatic",
    ]

    /// The states the disease as written names, and castration resistance that the lines given imply:
    /// in prostate cancer, androgen deprivation continues through every later line, so disease that
    /// progressed or came back on systemic therapy is castration-resistant (NCCN Prostate Cancer
    /// 2025). A state and its opposite both named cancel out, except castration resistance, which supersedes sensitivity.
    func diseaseStates(diseaseText: String?, disease: Disease?, priors: [Prior]) -> Set<DiseaseState> {
        var states: Set<DiseaseState> = []
        var lowered = diseaseText?.lowercased() ?? ""
        states.formUnion(Self.bloodCountStates(lowered))
        if disease.map({ $0.code == "PCM" || vocabularies.isDisease($0.code, within: "PCM") }) == true {
            if lowered.contains(Self.transplantIneligible) {
                states.insert(.transplantIneligible)
            } else if lowered.contains(Self.transplantEligible) {
                states.insert(.transplantEligible)
            }
        }
        for (state, phrases) in Self.statePhrases {
            for phrase in phrases where lowered.containsBytes(of: phrase) {
                states.insert(state)
                lowered = lowered.replacingOccurrences(of: phrase, with: " ")
            }
        }
        let words = lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for word in words {
            if let named = Self.prostateStateWords[word] { states.formUnion(named) }
            if Self.metastaticWords.contains(word) { states.insert(.metastatic) }
            if word == "m0" { states.insert(.nonMetastatic) }
        }
        if lowered.containsBytes(of: "stage iv") || lowered.containsBytes(of: "stage 4") { states.insert(.metastatic) }
        // Regional nodes, as the pathology report writes them ("pT2 pN0", "node-negative", "3/14 nodes positive"):
        // adjuvant abemaciclib is for node-positive disease (FDA label: Verzenio (abemaciclib), 2021, monarchE).
        if lowered.contains(Self.nodeNegative) {
            states.insert(.nodeNegative)
        } else if lowered.contains(Self.nodePositive) {
            states.insert(.nodePositive)
        }
        let prostate = disease.map { vocabularies.isDisease($0.code, within: "PROSTATE") } == true
        if prostate, !states.contains(.castrationSensitive),
            priors.contains(where: { $0.response == .progressive || $0.relapsedAfterResponse })
        {
            states.insert(.castrationResistant)
        }
        // Castration resistance follows castration sensitivity and never goes back: "mCRPC after abiraterone started for
        // mHSPC" is castration-resistant disease with its history (NCCN Prostate Cancer 2025).
        if states.contains(.castrationResistant) { states.remove(.castrationSensitive) }
        return states.filter { !states.contains($0.opposite) }
    }
}
