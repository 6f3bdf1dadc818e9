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
        (.platinumResistant, ["platinum-resistant", "platinum resistant", "platinum-refractory", "platinum refractory"]),
        (.platinumSensitive, ["platinum-sensitive", "platinum sensitive"]),
    ]

    /// Words that say the disease has spread, once the phrases denying it are taken out.
    private static let metastaticWords: Set<String> = [
        "metastatic", "metastases", "metastasis", "mets", "m1", "m1a", "m1b", "m1c", "oligometastatic",
    ]

    /// The states the disease as written names, and castration resistance that the lines given imply:
    /// in prostate cancer, androgen deprivation continues through every later line, so disease that
    /// progressed or came back on systemic therapy is castration-resistant (NCCN Prostate Cancer
    /// 2025). A state and its opposite both named cancel out.
    func diseaseStates(diseaseText: String?, disease: Disease?, priors: [Prior]) -> Set<DiseaseState> {
        var states: Set<DiseaseState> = []
        var lowered = diseaseText?.lowercased() ?? ""
        for (state, phrases) in Self.statePhrases {
            for phrase in phrases where lowered.contains(phrase) {
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
        if lowered.contains("stage iv") || lowered.contains("stage 4") { states.insert(.metastatic) }
        let prostate = disease.map { vocabularies.isDisease($0.code, within: "PROSTATE") } == true
        if prostate, !states.contains(.castrationSensitive),
            priors.contains(where: { $0.response == .progressive || $0.relapsedAfterResponse })
        {
            states.insert(.castrationResistant)
        }
        return states.filter { !states.contains($0.opposite) }
    }
}
