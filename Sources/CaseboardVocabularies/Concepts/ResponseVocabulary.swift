import CaseboardCore

/// The words and phrases case reports use for a treatment outcome, each mapped to a
/// ``ResponseKind``: RECIST-style wording, haematological and cytogenetic remissions, molecular
/// milestones in CML and Ph+ ALL, and the looser wording authors use ("shrinkage", "excellent
/// response", "ineffective").
///
/// One table serves extraction (the response cues) and matching (a profile's prior response
/// written as a phrase).
///
/// Mappings that are judgement calls, with their source:
/// - MMR (major molecular response, BCR::ABL1 ≤ 0.1% IS) is a partial molecular response, and
///   MR4, MR4.5, MR5 and CMR (deep or complete molecular response) are complete (ELN 2020
///   recommendations for CML, Hochhaus et al., Leukemia 2020, PMID 32127639).
/// - MRD negativity is complete (NCCN Acute Lymphoblastic Leukemia guideline, 2024).
/// - A bare "remission" is complete: in leukaemia a remission without qualifier is a complete
///   remission; a partial one is always written so.
/// - "Disease control" is not stable disease (it pools CR, PR and SD), so it is not listed.
///
/// ```swift
/// ResponseVocabulary.kind(of: "MMR")                       // .partial
/// ResponseVocabulary.kind(of: "complete molecular response") // .complete
/// ```
public enum ResponseVocabulary {
    /// One surface form of a response.
    public struct Entry: Sendable, Hashable {
        public var phrase: String
        public var kind: ResponseKind
        /// Abbreviations ("CR", "MMR") match only in the case written.
        public var exactCase: Bool
    }

    /// The response a whole phrase names, or nil: "MMR" → partial, "MR4.5" → complete,
    /// "stable disease" → stable. Case is ignored except for abbreviations.
    public static func kind(of phrase: String) -> ResponseKind? {
        let trimmed = phrase.trimmingWhitespace
        let folded = trimmed.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for entry in entries {
            if entry.exactCase ? entry.phrase == trimmed : entry.phrase == folded { return entry.kind }
        }
        return nil
    }

    /// Every phrase, lowercase unless it is an abbreviation.
    public static let entries: [Entry] = {
        var list: [Entry] = []
        func add(_ kind: ResponseKind, _ phrases: [String], exactCase: Bool = false) {
            list += phrases.map { Entry(phrase: $0, kind: kind, exactCase: exactCase) }
        }
        add(
            .complete,
            [
                "complete response", "complete responses", "complete remission", "complete remissions", "complete metabolic response",
                "complete metabolic remission", "complete molecular response", "complete cytogenetic response", "complete cytogenetic remission",
                "complete hematological response", "complete haematological response", "complete hematologic response",
                "complete haematologic response", "complete molecular remission", "complete hematological remission",
                "complete haematological remission", "complete hematologic remission", "complete haematologic remission",
                "complete hematologic and cytogenetic remission", "complete hematological and molecular remission",
                "complete hematologic and molecular remission", "complete radiological response", "complete radiologic response",
                "complete radiographic response", "complete radiographic remission", "complete clinical response",
                "complete pathological response", "complete pathologic response", "complete pathological remission",
                "complete and durable response", "complete intracranial response", "complete sustained response", "complete and sustained response",
                "complete functional remission", "complete regression", "complete tumor regression", "complete tumour regression",
                "complete resolution", "fully disappear", "disappeared completely", "complete disappearance", "no evidence of disease",
                "rapid and complete response", "molecular remission", "deep molecular response", "deep molecular responses",
                "undetectable minimal residual disease", "undetectable measurable residual disease", "mrd negativity", "mrd-negative",
                "mrd negative", "negative mrd", "remission", "remissions", "in remission",
                // Outside oncology the outcome is the symptoms: "with symptom resolution".
                "completely disappeared", "completely resolved", "resolved completely", "symptom resolution", "resolution of symptoms",
                "resolution of all symptoms", "complete symptom resolution",
                // Complete responses told by what is left: nothing to measure, nothing at surgery, a negative
                // end-of-treatment PET (Deauville 1-2 is a complete metabolic response: Lugano classification,
                // Cheson et al., J Clin Oncol 2014), a negative immunofixation (IMWG 2016), an undetectable
                // fusion transcript (ELN 2020 deep molecular response).
                "no evaluable disease", "no residual disease", "no residual invasive disease", "no residual tumor", "no residual tumour",
                "no viable tumor", "no viable tumour", "pet-ct was negative", "pet/ct was negative", "pet was negative",
                "pet scan was negative", "negative pet-ct", "negative pet/ct", "negative pet scan", "deauville 1", "deauville 2", "deauville score 1",
                "deauville score 2",
                "deauville score of 1", "deauville score of 2", "deauville 1-2", "deauville 1–2", "negative immunofixation",
                "immunofixation was negative", "immunofixation negative", "transcript was no longer detectable",
                "transcript no longer detectable", "transcript became undetectable", "transcripts became undetectable",
                "undetectable transcript", "undetectable transcripts",
                // As authors writing in a second language put it: "there was no more evidence of disease".
                "no more evidence of disease", "no further evidence of disease", "no longer evidence of disease",
                "no longer any evidence of disease", "m-protein was not more detectable", "m-protein was no longer detectable",
                // Blood counts back to normal on a leukaemia drug is a complete haematological response (ELN 2020).
                "blood counts normalized", "blood counts normalised", "counts normalized", "counts normalised",
                "normalization of blood counts", "normalisation of blood counts", "normalization of the blood counts",
                "normalisation of the blood counts", "counts were back to baseline", "back to baseline counts",
                "counts returned to normal", "blood counts returned to normal",
            ]
        )
        add(
            .complete,
            ["CR", "CR1", "CR2", "CRi", "CRh", "NED", "CCyR", "CMR", "pCR", "DMR", "MR4", "MR4.0", "MR4.5", "MR5", "MR5.0", "CHR", "CMolR"],
            exactCase: true
        )
        add(
            .partial,
            [
                "partial response", "partial remission", "partial responses", "very good partial response", "partial radiologic response",
                "partial radiological response", "partial metabolic response", "partial cytogenetic response",
                "significant partial radiologic response", "major response", "marked regression", "shrank markedly", "significant regression",
                "tumor regression", "tumour regression", "tumoral regression", "partial regression", "good partial response",
                "regression", "shrinkage", "tumor shrinkage", "tumour shrinkage", "significant shrinkage", "marked shrinkage",
                "major molecular response", "major cytogenetic response", "near-complete response", "near complete response",
                "near-complete regression", "near complete regression", "near-complete remission", "near complete remission",
                "good response", "excellent response", "dramatic response", "remarkable response", "marked response",
                "significant response", "impressive response", "rapid response", "durable response", "sustained response",
                "favorable response", "favourable response", "clinical response", "radiological response", "radiologic response",
                "radiographic response", "objective response", "ct response", "imaging response", "clinical and radiological response",
                "some response", "satisfactory response", "satisfactory clinical response", "responsive to",
                "responded well", "responded", "successfully treated", "successful treatment", "effectively treated",
                "tumor response", "tumour response", "initial tumor response", "size reduction", "tumor size reduction",
                "reduction in size", "reduction in tumor size", "decrease in size", "decreased in size", "reduced in size",
                "improved with", "improved on", "improved after",
                // Imaging that improves is a shrinking tumour; a response that lasts was a response.
                "radiological improvement", "radiologic improvement", "radiographic improvement", "clinical and radiological improvement",
                "clinical and radiologic improvement", "response was maintained", "response was sustained", "maintained response",
                // A response named by where or how it was seen.
                "metabolic response", "intracranial response", "durable intracranial response", "extracranial response",
                "systemic response", "cns response", "biochemical response",
                "nodal response", "near-total disappearance", "near-complete disappearance", "almost complete disappearance",
                "near-complete resolution", "exceptional response", "outstanding response", "striking response", "spectacular response",
                "symptomatic improvement", "symptom improvement", "improvement of symptoms", "improvement in symptoms", "clinical improvement",
                // Shrinkage told without a response word (a measured one is read by percentage in extraction).
                "markedly smaller", "considerably smaller", "substantially smaller", "much smaller", "significantly smaller",
                "melted away", "response was judged partial", "response was considered partial", "response was deemed partial",
                "judged a partial response",
            ]
        )
        add(.partial, ["PR", "VGPR", "PCyR", "MMR", "MCyR", "MMolR"], exactCase: true)
        add(
            .stable,
            [
                "stable disease", "disease stabilization", "disease stabilisation", "tumor stabilization", "tumour stabilization",
                "tumor stabilisation", "stabilization", "stabilisation", "remained stable", "minor response", "minimal response",
                "mixed response",
                // Slight shrinkage short of a partial response (RECIST 1.1: less than 30%) is stable disease.
                "minor shrinkage", "slight shrinkage", "minimal shrinkage", "modest shrinkage", "minor regression", "slight regression",
                "minimal regression", "slight decrease in size", "minor decrease in size", "slight reduction in size",
                "disease was considered stable", "were considered stable", "considered stable disease", "disease was judged stable",
                "disease was stable", "disease stayed stable", "disease had stabilized", "disease had stabilised",
                "disease was stabilized", "disease was stabilised",
            ]
        )
        add(.stable, ["SD"], exactCase: true)
        add(
            .progressive,
            [
                "progressive disease", "progression", "progressed", "progressing", "disease progression", "radiological progression",
                "radiographic progression", "local progression", "relapse", "relapsed", "relapses", "recurrence", "recurrences", "recurred",
                "did not respond", "no response", "not respond", "failed to respond", "ineffective", "was ineffective", "been ineffective",
                "not effective", "did not demonstrate any efficacy", "did not show efficacy", "did not show any efficacy",
                "not show efficacy", "no efficacy", "lack of efficacy", "without efficacy", "refractory to", "refractory",
                "treatment failure", "primary resistance", "oligoprogression", "new lesions", "new lesion", "new metastases",
                "new metastasis", "growing lesion", "rapidly growing lesion", "unresponsive", "no clinical benefit",
                "without clinical benefit", "without any clinical benefit", "without benefit", "without any benefit", "no sustained benefit",
                "without sustained benefit",
                "was not successful", "were not successful", "was unsuccessful", "were unsuccessful",
                "no lasting benefit", "without lasting benefit", "inactivity", "blast crisis", "blastic crisis",
                "blast phase", "response was poor", "poor response", "minimal effect", "loss of response", "lost response",
                "lost their molecular response", "lost its molecular response", "loss of molecular response", "loss of mmr",
                "loss of major molecular response", "without disease response", "without response", "without any response",
                "without a response",
                // Growth under treatment.
                "continued to grow", "continued growing", "kept growing", "increased in size", "increase in size", "grew in size",
                "tumor growth", "tumour growth", "regrowth", "further enlargement",
                // A response word under "no" is failure ("no objective response"), as "no response" is.
                "no objective response", "without objective response", "no clinical response", "no radiological response",
                "no radiologic response", "no significant response", "hyperprogression", "hyperprogressive disease",
                // A symptom that treatment did not relieve: "the cough did not improve".
                "did not improve", "failed to improve", "not relieved", "did not relieve", "no relief", "without relief",
            ]
        )
        add(.progressive, ["PD"], exactCase: true)
        return list
    }()

    /// Single words a profile's response field takes as an answer but report prose does not:
    /// alone in a sentence "stable" or "failure" says nothing about a tumour, while as the answer
    /// to "response to imatinib?" each is clear. Extraction never reads these.
    public static let answerWords: [String: ResponseKind] = [
        "stable": .stable, "resistant": .progressive, "resistance": .progressive, "failure": .progressive,
        "failed": .progressive, "progressed": .progressive, "refractory": .progressive, "none": .progressive,
    ]

    /// Progression words that say the disease came back after a response, as against refractory
    /// disease: a regimen relapsed after may be given again in part (NCCN Chronic Lymphocytic Leukemia 2025).
    public static let relapseWords: [String] = ["relapse", "recurrence", "recurred"]

    /// Whether a response answer says relapse after a response ("relapse", "late relapse") and not refractoriness.
    public static func saysRelapseAfterResponse(_ answer: String) -> Bool {
        let lowered = answer.lowercased()
        return !lowered.contains("refractory") && relapseWords.contains { lowered.contains($0) }
    }

    /// The response a profile's answer names: a vocabulary phrase, or one of ``answerWords``.
    public static func kind(ofAnswer answer: String) -> ResponseKind? {
        if let kind = kind(of: answer) { return kind }
        return answerWords[answer.trimmingWhitespace.lowercased()]
    }
}
