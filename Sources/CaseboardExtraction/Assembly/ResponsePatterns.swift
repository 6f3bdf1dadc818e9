import CaseboardCore

/// Outcome wording that the response cues do not cover because it spans a phrase with a
/// variable middle: "liver metastases appeared", "resistant to X and Y", "remains
/// recurrence-free at 40 months", "a remarkable progression-free survival".
struct ResponsePattern {
    var range: Range<Int>
    var kind: ResponseKind
    /// The outcome binds only to drugs it names right after it ("resistant to temozolomide"),
    /// never to the drug in focus.
    var explicitOnly: Bool
}

enum ResponsePatterns {
    /// Every pattern below needs one of these words (lower case); a sentence without any is not
    /// searched, since the patterns cost far more per sentence than a byte test. A new pattern
    /// adds its word here.
    static let keys = [
        "metasta", "resist", "refractor", "died", "remain", "progress", "hematolog", "new", "pfs", "transform", "evol", "unseen", "improvement",
        "successful", "benefit", "palliation", "lost", "psa", "spleen", "%", "half",
    ].map { Array($0.utf8) }

    /// Regular expressions over the sentence (case ignored), each with its response and binding.
    nonisolated(unsafe) private static let patternList: [(Regex<Substring>, ResponseKind, Bool)] = [
        // New disease: "liver metastasis appeared", "metastases developed".
        (/\bmetasta(?:sis|ses|tic lesions?)\s+(?:had\s+)?(?:newly\s+)?(?:appeared|developed|emerged)\b/, .progressive, false),
        // Found on restaging: "multiple liver metastases were seen", "a new, right-sided hilar mass", "new bone lesions".
        (
            /\bmetasta(?:sis|ses|tic lesions?)\s+(?:were|was|had\s+been|have\s+been)\s+(?:seen|found|detected|noted|observed|identified|revealed)\b/,
            .progressive, false
        ),
        (/\bnew,?\s+(?:[a-z-]+,?\s+){0,3}?(?:metastas[ie]s|metastatic\s+lesions?|lesions?|masse?s?|nodules?|foci)\b/, .progressive, false),
        // Failure named by resistance: "acquired resistance to ceritinib", "resistant to radiation and temozolomide".
        (/\b(?:resistant|resistance(?: mechanism)?|refractoriness)\s+to\b/, .progressive, true),
        // "died despite X".
        (/\bdied\s+despite\b/, .progressive, true),
        // A response measured by its marker: a PSA decline of 50% or more is a PSA response (PCWG3, Scher HI et al.,
        // J Clin Oncol 2016), a smaller one is not; a spleen volume reduction of 35% or more is a spleen response in
        // myelofibrosis (IWG-MRT/ELN, Tefferi A et al., Blood 2013), a smaller one is not.
        (
            /\bpsa\s+(?:level\s+)?(?:decline|declined|fall|fell|decrease|decreased|reduction|drop|dropped|response)\s+(?:(?:was|of|by|reached)\s+)?(?:[5-9]\d|100)(?:\.\d+)?\s?%/,
            .partial, false
        ),
        (
            /\bpsa\s+(?:level\s+)?(?:decline|declined|fall|fell|decrease|decreased|reduction|drop|dropped|response)\s+(?:(?:was|of|by|reached)\s+)?(?:[1-4]?\d)(?:\.\d+)?\s?%/,
            .stable, false
        ),
        (
            /\bspleen(?:\s+volume)?\s+(?:reduction|decrease|decreased|fell|response)\s+(?:(?:was|of|by|reached)\s+)?(?:3[5-9]|[4-9]\d|100)(?:\.\d+)?\s?%/,
            .partial, false
        ),
        (
            /\bspleen(?:\s+volume)?\s+(?:reduction|decrease|decreased|fell|response)\s+(?:(?:was|of|by|reached)\s+)?(?:[12]?\d|3[0-4])(?:\.\d+)?\s?%/,
            .stable, false
        ),
        // Shrinkage measured but not named: a decrease of 30% or more in the tumour is a partial response, a smaller
        // one stable disease (RECIST 1.1, Eisenhauer et al., Eur J Cancer 2009): "36% smaller", "a 38% reduction in
        // the sum of diameters", "had shrunk by 42%", "a reduction of 78%", "reduced by more than half".
        (/\b(?:[3-9]\d|100)(?:\.\d+)?\s?%\s+smaller\b/, .partial, false),
        (/\b(?:[12]?\d)(?:\.\d+)?\s?%\s+smaller\b/, .stable, false),
        (
            /\b(?:[3-9]\d|100)(?:\.\d+)?\s?%\s+(?:reduction|decrease|shrinkage|regression)\s+(?:in|of)\s+(?:the\s+)?(?:sum|size|diameters?|tumou?rs?|target|lesions?|mass|masses|nodes?|nodules?|primary|metasta\w*|disease|volume)\b/,
            .partial, false
        ),
        (
            /\b(?:shrunk|shrank|shrunken|regressed|reduced|decreased|shrinking|regressing|decreasing)\s+(?:in\s+size\s+)?by\s+(?:about\s+|approximately\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:(?:[3-9]\d|100)(?:\.\d+)?\s?%|half)/,
            .partial, false
        ),
        (
            /\b(?:shrinkage|regression|reduction|decrease)\s+of\s+(?:about\s+|approximately\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:[3-9]\d|100)(?:\.\d+)?\s?%/,
            .partial, false
        ),
        // A serum paraprotein that falls by half or more is a partial response (IMWG 2016, Kumar et al., Lancet Oncol
        // 2016; IgM in Waldenström macroglobulinaemia: IWWM-6 criteria, Owen et al., Br J Haematol 2013).
        (
            /\b(?:igm|igg|iga|paraprotein|m-?protein|m-?spike|monoclonal\s+protein|light[- ]chains?)\b[^.;]{0,40}?\b(?:fell|fallen|decreased|dropped|declined|reduced|reduction|drop|fall|decline|decrease)\b[^.;]{0,30}?(?:[5-9]\d|100)(?:\.\d+)?\s?%/,
            .partial, false
        ),
        (
            /\b(?:drop|fall|decline|reduction|decrease)\s+in\s+(?:the\s+)?(?:serum\s+)?(?:igm|igg|iga|paraprotein|m-?protein|m-?spike|monoclonal\s+protein|light[- ]chains?)\s+(?:level\s+)?of\s+(?:about\s+|approximately\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:[5-9]\d|100)(?:\.\d+)?\s?%/,
            .partial, false
        ),
        // Lasting benefit without a stated response is at least stable disease.
        (/\bremain(?:s|ed|ing)?,?\s+(?:[a-z]+,?\s+){0,3}?(?:progression|relapse|recurrence|disease)[- ]free\b/, .stable, false),
        (/\b(?:long|longer|prolonged|remarkable|durable|long-term|sustained)\s+progression[- ]free\s+survival\b/, .stable, false),
        // A stated progression-free survival of six months or more: "attained 8 months of PFS", "a PFS of 14 months".
        (
            /\b(?:[6-9]|[1-9]\d|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+months?\s+of\s+(?:progression[- ]free\s+survival|pfs)\b/,
            .stable, false
        ),
        (
            /\b(?:progression[- ]free\s+survival|pfs)\s+(?:\(pfs\)\s+)?(?:was\s+|of\s+)(?:more\s+than\s+|over\s+)?(?:[6-9]|[1-9]\d)\s+months\b/,
            .stable, false
        ),
        // A disease that turns into a worse one on treatment failed it: "progressed to AML after
        // four cycles of azacitidine", "transformed to small cell lung cancer", "evolved into
        // blast crisis". The new disease is part of the match, so a drug named after it still binds.
        (
            /\b(?:progress(?:ed|ion)|transform(?:ed|ation)|evolv(?:ed|ing)|evolution)\s+(?:in)?to\s+(?:an?\s+|the\s+)?(?:secondary\s+|overt\s+)?(?:acute\s+(?:myeloid|myelogenous|lymphoblastic)\s+leuka?emia|s?aml|myelofibrosis|blast(?:ic)?\s+(?:crisis|phase)|small[- ]cell\s+(?:lung\s+)?(?:cancer|carcinoma)|sclc|diffuse\s+large\s+b-cell\s+lymphoma|dlbcl|richter(?:'s)?\s+(?:syndrome|transformation))\b/,
            .progressive, false
        ),
        // A lesion not there before: "showed previously unseen a 5 cm mass", "a newly developed
        // hepatic metastasis", "revealed a large metastasis in the frontal lobe".
        (
            /\b(?:previously\s+unseen|newly\s+(?:appeared|developed|onset|detected))\s+(?:[\w.,-]+\s+){0,6}?(?:mass(?:es)?|lesions?|nodules?|metastas[ie]s|tumou?rs?)\b/,
            .progressive, false
        ),
        (
            /\b(?:revealed|showed|demonstrated|detected)\s+(?:an?\s+)?(?:new\s+)?(?:(?:large|small|solitary|single|multiple|several|brain|liver|hepatic|lung|pulmonary|bone|adrenal|cerebral|peritoneal)\s+){0,2}metastas[ie]s\b/,
            .progressive, false
        ),
        // Imaging that shows a lesion improving: "CT showed marked interval improvement of the nodules".
        (
            /\b(?:imaging|ct|scans?|mri|pet|radiograph(?:s|y|ic)?)\b[^.;]{0,40}?\b(?:showed|revealed|demonstrated)\s+(?:(?:marked|significant|interval|dramatic|considerable|substantial)\s+){0,3}improvement\b/,
            .partial, false
        ),
        // "No improvement in the rash despite several courses of X": the drugs named after it failed.
        (
            /\b(?:no|little|without)\s+(?:[a-z]+\s+){0,2}?improvement\b[^.;]{0,60}?\bdespite\s+(?:(?:[\w-]+\s+){1,3}?of\s+)?/,
            .progressive, true
        ),
        // "Successful management of this condition by oral X therapy": the drug named after
        // the condition is the one that worked, even a drug for a non-cancer condition.
        (/\bsuccessful(?:ly)?\s+(?:management|managed|control|controlled)\s+(?:of\s+(?:[\w'()-]+\s+){1,6}?)?(?:by|with)\s+/, .partial, true),
        // A gain that did not last, then death or decline: "after a temporary improvement, the
        // patient died following rapid deterioration". The decline is the outcome.
        (
            /\b(?:temporary|transient|brief|short-lived)\s+(?:clinical\s+)?(?:improvement|benefit)\b[^.;]{0,100}?\b(?:died|deteriorat(?:ed|ion)|worsened)\b/,
            .progressive, false
        ),
        // Relief a treatment gave without a stated shrinkage, the measure of older reports:
        // "palliation was obtained for some months following X". At least stable disease.
        (/\bpalliation\s+(?:was|were)\s+(?:obtained|achieved|attained)\b/, .stable, false),
        // "lost her response to dasatinib", "lost his major molecular response": the drug failed.
        (/\blost\s+(?:his|her|their|the|its)\s+(?:[a-z]+\s+){0,3}?(?:response|remission)\b/, .progressive, false),
        // Haematological improvement (IWG) is a response short of remission.
        (/\bhematolog(?:ic|ical)\s+improvement\b/, .partial, false),
    ]

    /// The patterns with their case option, compiled once: `ignoresCase()` makes a new regex,
    /// compiled again at each use.
    nonisolated(unsafe) private static let patterns = patternList.map { ($0.0.ignoresCase(), $0.1, $0.2) }

    /// For each pattern of ``patternList``, in order, words one of which its every match holds (lower case): a pattern
    /// runs only on a sentence with one of them, since the patterns cost far more than the byte scan.
    private static let patternKeys: [[[UInt8]]] = [
        ["metasta"], ["metasta"], ["new"], ["resistan", "refractori"], ["died"], ["psa"], ["psa"], ["spleen"], ["spleen"],
        ["smaller"], ["smaller"], ["%"], ["shr", "regress", "reduced", "decreas"], ["shrinkage", "regression", "reduction", "decrease"],
        ["%"], ["%"], ["remain"], ["progression"], ["progression", "pfs"], ["progression", "pfs"], ["progress", "transform", "evol"],
        ["unseen", "newly"], ["metasta"], ["improvement"], ["despite"], ["successful"], ["temporary", "transient", "brief", "short-lived"],
        ["palliation"], ["lost"], ["hematolog"],
    ].map { $0.map { Array($0.utf8) } }

    /// The patterns found in a sentence's text, as byte ranges of the document.
    static func matches(in sentence: String, offset: Int) -> [ResponsePattern] {
        assert(patternKeys.count == patterns.count, "one key list per response pattern")
        var result: [ResponsePattern] = []
        let lowered = Array(sentence.lowercased().utf8)
        for (index, (pattern, kind, explicit)) in patterns.enumerated()
        where patternKeys[index].contains(where: { ByteSearch.occurs($0, in: lowered) }) {
            for match in sentence.matches(of: pattern) {
                // "Mutations conferring resistance to X" describe the mutations, not an outcome.
                let before = sentence[..<match.range.lowerBound].suffix(24).lowercased()
                if kind == .progressive, before.contains("confer") || before.contains("mediat") || before.contains("overcome") { continue }
                // "the dose was reduced by 50%" is not a shrinking tumour.
                if kind != .progressive, sentence[match.range].contains("%") || sentence[match.range].hasSuffix("half"),
                    before.contains("dose") || before.contains("dosing")
                {
                    continue
                }
                let start = offset + sentence.utf8.distance(from: sentence.startIndex, to: match.range.lowerBound)
                let end = offset + sentence.utf8.distance(from: sentence.startIndex, to: match.range.upperBound)
                result.append(ResponsePattern(range: start..<end, kind: kind, explicitOnly: explicit))
            }
        }
        return result
    }
}
