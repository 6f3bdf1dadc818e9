import CaseboardCore
import CaseboardVocabularies

/// Words and phrases that carry meaning for assembly: responses, negation, refusal,
/// background, resistance, time, procedures, dose changes, death.
enum Cue: Int, CaseIterable, Sendable {
    case complete, partial, stable, progression
    /// Responses that name no class ("responded"), which still focus a therapy.
    case negation, refusal, background, patientReference
    case resistance, acquired, explanation
    case adverseEventContext
    case doseChange, stop
    case death
    case male, female, malePronoun, femalePronoun
    case transplant, dli, radiotherapy, sbrt, surgery, embolization, ablation
    case month1, month2, month3, month4, month5, month6, month7, month8, month9, month10, month11, month12
    case day, week, month, year
    case after, before, later
    case start

    var response: ResponseKind? {
        switch self {
        case .complete: .complete
        case .partial: .partial
        case .stable: .stable
        case .progression: .progressive
        default: nil
        }
    }

    var procedure: ProcedureKind? {
        switch self {
        case .transplant: .transplant
        case .dli: .donorLymphocyteInfusion
        case .radiotherapy: .radiotherapy
        case .sbrt: .stereotacticRadiotherapy
        case .surgery: .surgery
        case .embolization: .embolization
        case .ablation: .ablation
        default: nil
        }
    }

    var month: Int? {
        rawValue >= Cue.month1.rawValue && rawValue <= Cue.month12.rawValue ? rawValue - Cue.month1.rawValue + 1 : nil
    }

    /// Days per unit, for relative times.
    var days: Double? {
        switch self {
        case .day: 1
        case .week: 7
        case .month: 30.44
        case .year: 365.25
        default: nil
        }
    }
}

/// The phrase lists behind ``Cue``. Exact-case entries are abbreviations.
enum CueLexicon {
    static let phrases: [PhraseMatcher.Phrase] = {
        var list: [PhraseMatcher.Phrase] = []
        func add(_ cue: Cue, _ phrases: [String], exactCase: Bool = false) {
            list += phrases.map { PhraseMatcher.Phrase($0, cue.rawValue, exactCase: exactCase) }
        }
        // Response words come from the one table that extraction and matching share.
        for entry in ResponseVocabulary.entries {
            let cue: Cue =
                switch entry.kind {
                case .complete: .complete
                case .partial: .partial
                case .stable: .stable
                case .progressive: .progression
                }
            list.append(PhraseMatcher.Phrase(entry.phrase, cue.rawValue, exactCase: entry.exactCase))
        }
        add(
            .negation,
            [
                "no", "not", "without", "negative", "negative for", "absence of", "absent", "wild-type", "wild type", "wildtype", "ruled out",
                "excluded", "unremarkable", "inconclusive", "not detected", "undetectable", "neither", "nor", "free of", "lack of",
                // A milestone that was missed is not a response: "failed to achieve MMR".
                "failed to achieve", "did not achieve", "not achieve", "never achieved", "without achieving", "failed to reach",
                // "no evidence of progression": the event named after it did not happen.
                "no evidence of", "without evidence of", "no sign of", "no signs of", "never had", "never developed",
                // What a treatment kept from happening did not happen: "prevented relapse", "to prevent rejection".
                "prevented", "prevent", "prevents", "preventing", "prevention of",
            ]
        )
        add(
            .refusal,
            [
                "refused", "declined", "not treated with", "was not treated", "not given", "did not receive", "not receive", "was not administered",
                "unavailable", "not available", "financial reasons", "financial constraints", "request was made", "requested",
                "was denied", "contraindicated", "was planned", "were planned", "was proposed", "was considered", "consideration of",
                "could not be", "instead of", "rather than", "not approved", "were discussed", "was discussed", "candidate for", "eligible for",
                // A treatment the patient's state ruled out: "it was difficult to administer chemotherapy with X, so Y was given".
                "difficult to administer", "difficult to perform", "difficult to give", "impossible to administer", "not possible to administer",
                "unable to receive", "too unwell to receive", "never received", "was never given", "were never given", "was not used",
                "were not used",
                // Drugs named as options, not given: "alternatives such as X or Y were considered".
                "were considered", "alternatives such as", "alternatives include", "alternatives included", "alternative options",
                "options such as", "options include", "options included", "options including", "other options",
                // An option named and set aside: "X was an alternative", "Y would have been a reasonable choice".
                "was an alternative", "were alternatives", "another option", "would have been", "are under study", "is under study",
                "was not considered", "were not considered", "was not chosen", "were not chosen",
                // Offered and turned down: "X was also offered but the family refused".
                "was offered but", "were offered but", "was also offered but", "were also offered but",
                // Options kept for later or weighed and set aside (r26): "X and Y remain options for our patient", "he is
                // now planned for X", "alternatives that we considered were X", "we did not use X".
                "remain options", "remains an option", "remain an option", "next options", "likely next option", "planned for", "we plan",
                "alternatives that we considered", "alternatives we considered", "considered as an alternative", "did not use",
                "would not have been",
            ]
        )
        add(
            .background,
            [
                "et al", "trial", "trials", "study", "studies", "reported", "has been reported", "have been reported", "literature", "review",
                "guideline", "guidelines", "approved", "approval", "median", "in most cases", "is a rare", "are rare", "has been described",
                "have been described", "previous reports", "previously reported", "it is known", "is known", "are known", "has become",
                "standard of care", "in general", "typically", "incidence", "prevalence", "cohort", "meta-analysis", "series",
                "patients", "studied", "were described", "was described", "has shown", "have shown", "demonstrated efficacy",
                // Another patient's case: "a previously described patient responded to X", "in the index case of Lee and
                // colleagues".
                "previously described patient", "previously reported patient", "another reported patient", "a published patient",
                "in the index case of", "and colleagues", "a similar patient",
                // "… is the main cause of relapse in other reports; in our patient …" (r21).
                "other reports", "published reports", "in other cases",
                // A general statement in the present tense: "toxic arrhythmias are often refractory to antiarrhythmics",
                // "possible adverse reactions of X include A, B and C".
                "are often", "is often", "are commonly", "is commonly", "are frequently", "is frequently", "are usually",
                "possible adverse", "potential adverse", "known adverse", "common adverse", "adverse reactions include",
                "adverse effects include", "side effects include",
            ]
        )
        add(
            .patientReference,
            [
                "our patient", "this patient", "the patient", "in our case", "in this case", "this case", "our case", "the present case",
                "present patient", "the patient's", "patient's", "we report", "we describe", "we present", "we described", "here we report",
                "patient", "index patient", "the case of", "the case described", "the case reported here", "the case presented here",
                // Older abstracts name their patient only as the case: "In the case presented, the mass…".
                "the case presented", "the present report",
            ]
        )
        add(
            .resistance,
            [
                "resistance", "resistant", "confer resistance", "conferring resistance", "confers resistance", "conferred resistance",
                "mediating resistance", "mediate resistance", "drug resistance", "acquired resistance", "resistance mutation",
                "resistance mutations",
            ]
        )
        add(
            .acquired,
            [
                "acquired", "acquisition of", "acquisition", "emerged", "emergence", "newly detected", "new", "appearance of", "obtained the new",
                "this time",
            ]
        )
        add(
            .explanation,
            [
                "explained by", "could be explained by", "due to", "because of", "attributed to", "caused by", "owing to", "as a result of",
                "mediated by", "driven by", "secondary to",
            ]
        )
        add(
            .adverseEventContext,
            [
                "adverse event", "adverse events", "side effect", "side effects", "toxicity", "toxicities", "adverse reaction",
                "adverse reactions", "induced", "related to", "treatment-related", "drug-related", "tolerated", "tolerability", "experienced",
                "developed", "complicated by", "dose-limiting", "toxic effects", "toxic effect",
                "intolerant", "intolerance", "intolerable", "associated", "caused", "suffered", "occurred",
                "onset of", "re-initiation", "reinitiation", "rechallenge", "re-challenge", "after starting", "while on",
            ]
        )
        add(
            .doseChange,
            [
                "dose reduction", "dose was reduced", "reduced to", "dose adjustment", "dose was adjusted", "was adjusted", "adjusted to",
                "restored to", "increased to", "escalated to", "escalating doses", "dose escalation", "dosage was reduced", "was reduced",
                "dose interruption", "interrupted", "held",
            ]
        )
        add(
            .stop,
            ["discontinued", "stopped", "withdrawn", "ceased", "discontinuation", "was stopped", "was discontinued", "switched to", "switched"]
        )
        add(.death, ["died", "death", "passed away", "succumbed", "deceased", "fatal outcome", "expired"])
        add(.male, ["man", "male", "boy", "gentleman", "men", "son"])
        add(.female, ["woman", "female", "girl", "lady", "women", "daughter", "mother", "pregnant"])
        add(.malePronoun, ["he", "his", "him"])
        add(.femalePronoun, ["she", "her", "hers"])
        add(
            .transplant,
            [
                "stem cell transplant", "stem cell transplantation", "allogeneic stem cell transplant", "allogeneic stem cell transplantation",
                "hematopoietic stem cell transplant", "haematopoietic stem cell transplant", "hemopoietic allogeneic stem cell transplant",
                "hematopoietic allogeneic stem cell transplant", "bone marrow transplant", "bone marrow transplantation", "allogeneic transplant",
                "allogeneic transplantation", "autologous transplant", "autologous stem cell transplant", "cord blood transplant", "transplant",
                "transplantation",
            ]
        )
        add(.transplant, ["HSCT", "allo-SCT", "allo-HSCT", "auto-SCT", "ASCT", "SCT", "BMT", "allo-BMT"], exactCase: true)
        add(.dli, ["donor lymphocyte infusion", "donor lymphocyte infusions", "DLI infusion"])
        add(.dli, ["DLI", "DLIs"], exactCase: true)
        add(
            .radiotherapy,
            [
                "radiotherapy", "radiation therapy", "radiation", "irradiation", "hemostatic radiotherapy", "palliative radiotherapy",
                "whole brain radiotherapy", "whole-brain radiotherapy", "chemoradiotherapy", "proton therapy",
            ]
        )
        add(.radiotherapy, ["RT", "WBRT", "IMRT"], exactCase: true)
        add(
            .sbrt,
            [
                "stereotactic body radiation therapy", "stereotactic body radiotherapy", "stereotactic radiosurgery", "stereotactic radiotherapy",
                "radiosurgery", "gamma knife",
            ]
        )
        add(.sbrt, ["SBRT", "SRS", "SABR"], exactCase: true)
        add(
            .surgery,
            [
                "surgery", "surgeries", "surgical resection", "resection", "resected", "excision", "excised", "excisional surgery",
                "disarticulation", "amputation", "mastectomy", "lobectomy", "pneumonectomy", "nephrectomy", "gastrectomy", "colectomy",
                "hepatectomy", "craniotomy", "laparotomy", "debulking", "removal of", "R0 resection", "R1 resection", "R2 resection",
                "R1 surgery", "R0 surgery", "R2 surgery", "metastasectomy", "adrenalectomy",
            ]
        )
        add(.embolization, ["embolization", "embolisation", "chemoembolization", "TACE"])
        add(.ablation, ["cryotherapy", "cryoablation", "radiofrequency ablation", "ablation", "microwave ablation"])
        let months: [[String]] = [
            ["January", "Jan", "Janvier", "Enero"], ["February", "Feb", "Février", "Fevrier", "Febrero"], ["March", "Mar", "Mars", "Marzo"],
            ["April", "Apr", "Avril", "Abril"], ["May", "Mai", "Mayo"], ["June", "Jun", "Juin", "Junio"], ["July", "Jul", "Juillet", "Julio"],
            ["August", "Aug", "Août", "Aout", "Agosto"], ["September", "Sep", "Sept", "Septembre", "Septiembre"],
            ["October", "Oct", "Octobre", "Octubre"],
            ["November", "Nov", "Novembre", "Noviembre"], ["December", "Dec", "Décembre", "Decembre", "Diciembre"],
        ]
        for (index, names) in months.enumerated() {
            // Month names are capitalized in dates; "may" and "mar" in lower case are words.
            list += names.map { PhraseMatcher.Phrase($0, Cue.month1.rawValue + index, exactCase: true) }
        }
        add(.day, ["day", "days", "day's", "days'"])
        add(.week, ["week", "weeks", "wk", "wks"])
        add(.month, ["month", "months", "mo"])
        add(.year, ["year", "years", "yr", "yrs"])
        add(.after, ["after", "from", "since", "following", "post"])
        add(.before, ["before", "prior to", "earlier"])
        add(.later, ["later", "afterwards", "thereafter", "subsequently"])
        add(
            .start,
            [
                "started", "was started", "initiated", "was initiated", "began", "commenced", "received", "was treated with", "treated with",
                "administered", "was administrated", "was given", "switched to", "therapy with", "treatment with", "start of", "start",
            ]
        )
        return list
    }()
}

/// A cue found in the text.
struct CueMention: Sendable, Hashable {
    var range: Range<Int>
    var cue: Cue
}
