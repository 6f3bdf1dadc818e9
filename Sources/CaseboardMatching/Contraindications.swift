import CaseboardVocabularies
import Foundation

/// Conditions the clinician writes beside the disease ("QTcF 486 ms", "platelets 38 x10^9/L", "LVEF
/// 30%", "grade 2 painful neuropathy", "a seizure 4 months ago") that a drug's label or the guideline
/// says rule it out, and toxicities that ended a drug for good ("stopped for grade 4 myocarditis").
/// A regimen with such a drug leaves the options for `not_recommended` (`contraindicated`), with
/// the condition and the source in its reason.
extension Matcher {
    /// One condition and the drugs it rules out.
    struct Caution: Sendable, Equatable {
        /// The condition as the reason names it ("QTcF above 450 ms").
        var condition: String
        /// Drugs (lowercase INNs) it rules out.
        var drugs: Set<String>
        /// Drug-vocabulary classes it rules out (matched as a substring of the class: "anthracycline").
        var classes: [String] = []
        var source: String
    }

    /// The cautions a text names. Numbers decide where the label gives a threshold; a word preceded by
    /// a negation ("no neuropathy", "without seizures") does not count.
    static func cautions(in text: String) -> [Caution] {
        let lowered = text.lowercased()
        var found: [Caution] = []
        // QTc prolongation. Vanflyta (quizartinib) label 2023: do not start if QTcF > 450 ms; Caprelsa
        // (vandetanib) label: do not use with QTcF > 450 ms; Kisqali (ribociclib) label: start only if QTcF < 450 ms.
        if (number(after: qtcNumber, in: lowered).map { $0 > 450 } ?? false)
            || says(["long qt", "long-qt", "qt prolongation", "prolonged qt"], in: lowered)
        {
            found.append(
                Caution(
                    condition: "QTc prolongation (QTcF above 450 ms)",
                    drugs: ["quizartinib", "vandetanib", "ribociclib"],
                    source: "FDA labels: Vanflyta (quizartinib), 2023; Caprelsa (vandetanib), 2011; Kisqali (ribociclib), 2017"
                )
            )
        }
        // Thrombocytopenia. Ayvakit (avapritinib) label 2021: not recommended in advanced systemic
        // mastocytosis with platelets below 50 x 10^9/L (intracranial haemorrhage).
        let platelets = number(after: plateletNumber, in: lowered)
        // Vonjo (pacritinib) label 2022: myelofibrosis with a platelet count below 50 x 10^9/L; at 50 or
        // more, ruxolitinib, fedratinib or momelotinib are the JAK inhibitors (NCCN Myeloproliferative
        // Neoplasms 2025).
        if let platelets, platelets >= 50 {
            found.append(
                Caution(
                    condition: "platelets 50 x10^9/L or more (pacritinib is labelled for counts below 50)",
                    drugs: ["pacritinib"],
                    source: "FDA label: Vonjo (pacritinib), 2022"
                )
            )
        }
        if let platelets, platelets < 50 {
            found.append(
                Caution(
                    condition: "platelets below 50 x10^9/L",
                    drugs: ["avapritinib"],
                    source: "FDA label: Ayvakit (avapritinib), 2021"
                )
            )
            // Inrebic (fedratinib) label 2019: the dosage is for a baseline platelet count of 50 x 10^9/L or more;
            // pacritinib is the JAK inhibitor labelled below it (FDA label: Vonjo (pacritinib), 2022).
            found.append(
                Caution(
                    condition: "platelets below 50 x10^9/L",
                    drugs: ["fedratinib"],
                    source: "FDA label: Inrebic (fedratinib), 2019"
                )
            )
        }
        // Poor left-ventricular function. Doxorubicin label (cardiomyopathy); NCCN B-Cell Lymphomas 2025
        // gives non-anthracycline regimens (R-CEOP, R-GCVP) for patients who cannot have doxorubicin.
        if let ejection = number(after: ejectionNumber, in: lowered), ejection < 45 {
            found.append(
                Caution(
                    condition: "left-ventricular ejection fraction below 45%",
                    drugs: [],
                    classes: ["anthracycline"],
                    source: "FDA label: doxorubicin (cardiomyopathy); NCCN B-Cell Lymphomas 2025"
                )
            )
        }
        // Peripheral neuropathy of grade 2 or more, or painful. Velcade (bortezomib) label; NCCN Multiple
        // Myeloma 2025 (carfilzomib-based induction where neuropathy precludes bortezomib); Padcev
        // (enfortumab vedotin) label 2023 (EV-302 left out grade 2 or worse neuropathy).
        if lowered.contains("neuropath"), !says(["no neuropathy", "without neuropathy", "no peripheral neuropathy"], in: lowered),
            ["grade 2", "grade 3", "grade 4", "grade ii", "grade iii", "painful", "severe"].contains(where: { lowered.contains($0) })
        {
            found.append(
                Caution(
                    condition: "peripheral neuropathy of grade 2 or more",
                    drugs: ["bortezomib", "thalidomide", "enfortumab vedotin", "cisplatin"],
                    source:
                        "FDA labels: Velcade (bortezomib); Padcev (enfortumab vedotin), 2023; NCCN Multiple Myeloma 2025; Galsky MD et al., J Clin Oncol 2011;29:2432 (cisplatin-ineligible)"
                )
            )
        }
        // Cisplatin-ineligible by renal function or hearing: creatinine clearance below 60 mL/min or hearing
        // loss of grade 2 or more (Galsky MD et al., J Clin Oncol 2011;29:2432; NCCN Bladder Cancer 2025).
        if (number(after: clearanceNumber, in: lowered).map { $0 < 60 } ?? false)
            || says(["grade 2 hearing loss", "grade 3 hearing loss", "hearing loss grade 2", "hearing loss grade 3"], in: lowered)
        {
            found.append(
                Caution(
                    condition: "cisplatin ineligibility (creatinine clearance below 60 mL/min or hearing loss)",
                    drugs: ["cisplatin"],
                    source: "Galsky MD et al., J Clin Oncol 2011;29:2432; NCCN Bladder Cancer 2025"
                )
            )
        }
        // Uncontrolled diabetes. Piqray (alpelisib), Itovebi (inavolisib) and Truqap (capivasertib) labels
        // (hyperglycaemia; their trials left out poorly controlled diabetes); Padcev label (hyperglycaemia;
        // EV-302 left out HbA1c of 8% or more).
        if (number(after: hba1cNumber, in: lowered).map { $0 >= 8 } ?? false)
            || says(
                ["uncontrolled diabetes", "poorly controlled diabetes", "uncontrolled type 2 diabetes", "uncontrolled type 1 diabetes"],
                in: lowered
            )
        {
            found.append(
                Caution(
                    condition: "uncontrolled diabetes (HbA1c 8% or more)",
                    drugs: ["alpelisib", "inavolisib", "capivasertib", "enfortumab vedotin"],
                    source:
                        "FDA labels: Piqray (alpelisib), 2019; Itovebi (inavolisib), 2024; Truqap (capivasertib), 2023; Padcev (enfortumab vedotin), 2023"
                )
            )
        }
        // Seizures. Xtandi (enzalutamide) and Erleada (apalutamide) labels warn of seizures and their
        // trials left out a seizure history; darolutamide is the androgen-receptor inhibitor NCCN
        // Prostate Cancer 2025 turns to.
        if says(["seizure", "epilepsy", "epileptic"], in: lowered) {
            found.append(
                Caution(
                    condition: "a history of seizures",
                    drugs: ["enzalutamide", "apalutamide"],
                    source: "FDA labels: Xtandi (enzalutamide); Erleada (apalutamide); NCCN Prostate Cancer 2025"
                )
            )
        }
        // Bleeding varices. Avastin (bevacizumab) and Cyramza (ramucirumab) labels (haemorrhage);
        // IMbrave150 required untreated varices to be treated first (Tecentriq label, 2020).
        if says(
            [
                "variceal bleed", "variceal haemorrhage", "variceal hemorrhage", "untreated varices", "untreated oesophageal varices",
                "untreated esophageal varices", "active bleeding",
            ],
            in: lowered
        ) {
            found.append(
                Caution(
                    condition: "bleeding or untreated varices",
                    drugs: ["bevacizumab", "ramucirumab"],
                    source: "FDA labels: Avastin (bevacizumab); Cyramza (ramucirumab); Tecentriq (atezolizumab), 2020 (IMbrave150)"
                )
            )
        }
        // Pregnancy. Hydroxyurea and anagrelide labels (embryo-fetal toxicity); interferon is the
        // cytoreductive choice in pregnancy (NCCN Myeloproliferative Neoplasms 2025).
        if says(["pregnant", "pregnancy", "weeks' gestation", "weeks of gestation"], in: lowered),
            !says(["not pregnant", "no pregnancy", "pregnancy test negative", "negative pregnancy"], in: lowered)
        {
            found.append(
                Caution(
                    condition: "pregnancy",
                    drugs: ["hydroxycarbamide", "anagrelide"],
                    source: "FDA labels: Hydrea (hydroxyurea); Agrylin (anagrelide); NCCN Myeloproliferative Neoplasms 2025"
                )
            )
        }
        return found
    }

    /// A toxicity that ended a drug for good, named in the text beside a prior therapy stopped for
    /// intolerance, with what it rules out: the drug itself, or its checkpoint class for an
    /// immune-related myocarditis (NCCN Management of Immunotherapy-Related Toxicities 2025:
    /// permanently discontinue immune checkpoint inhibitors after severe myocarditis; Enhertu label:
    /// permanently discontinue for grade 2 or worse interstitial lung disease; bleomycin label:
    /// pulmonary fibrosis).
    static func permanentToxicity(in text: String) -> (toxicity: String, wholeClass: Bool)? {
        let lowered = text.lowercased()
        if lowered.contains("myocarditis") { return ("myocarditis", true) }
        for word in ["pneumonitis", "interstitial lung disease", "pulmonary fibrosis", "stevens-johnson", "toxic epidermal necrolysis"]
        where lowered.contains(word) {
            return (word, false)
        }
        if ildWord.matches(lowered) { return ("interstitial lung disease", false) }
        // A grade 3 or 4 toxicity that stopped a drug: not offered again first (a single-drug prior only,
        // since the text does not say which drug of a regimen caused it).
        for word in ["grade 3", "grade 4", "grade iii", "grade iv"] where lowered.contains(word) {
            return ("a \(word) toxicity", false)
        }
        return nil
    }

    /// The checkpoint classes an immune-related toxicity rules out together.
    static let checkpointClasses = ["PD-1 inhibitor", "PD-L1 inhibitor", "CTLA-4 inhibitor", "LAG-3 inhibitor"]

    /// Whether a phrase appears with no negation just before it.
    private static func says(_ phrases: [String], in lowered: String) -> Bool {
        for phrase in phrases {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.range(of: phrase, range: searchRange) {
                searchRange = found.upperBound..<lowered.endIndex
                let start = lowered.index(found.lowerBound, offsetBy: -12, limitedBy: lowered.startIndex) ?? lowered.startIndex
                let before = lowered[start..<found.lowerBound]
                if ["no ", "without ", "denies ", "free of "].contains(where: { before.hasSuffix($0) || before.contains(" \($0)") }) { continue }
                return true
            }
        }
        return false
    }

    /// Each word and the number a few characters after it, compiled once.
    private static func numberPatterns(after words: [String]) -> [CompiledPattern] {
        words.map { word in
            CompiledPattern(
                "\\b" + NSRegularExpression.escapedPattern(for: word) + #"\b[^0-9a-z]{0,3}(?:of |is |was |at )?[<>≤≥=~ ]{0,2}([0-9]+(?:\.[0-9]+)?)"#
            )
        }
    }
    private static let ildWord = CompiledPattern(#"\bild\b"#)
    private static let qtcNumber = numberPatterns(after: ["qtcf", "qtc"])
    private static let plateletNumber = numberPatterns(after: ["platelets", "platelet count", "plt"])
    private static let ejectionNumber = numberPatterns(after: ["lvef", "ejection fraction", "ef"])
    private static let clearanceNumber = numberPatterns(after: ["crcl", "creatinine clearance", "gfr"])
    private static let hba1cNumber = numberPatterns(after: ["hba1c", "hemoglobin a1c", "haemoglobin a1c"])

    /// The first number within a few characters after one of the words ("QTcF 486 ms", "platelets of
    /// 38 x10^9/L", "LVEF 30%", "HbA1c 10.2%"), or nil.
    private static func number(after patterns: [CompiledPattern], in lowered: String) -> Double? {
        for pattern in patterns {
            if let value = pattern.firstRange(ofGroup: 1, in: lowered) {
                return Double(lowered[value])
            }
        }
        return nil
    }

    /// The caution or permanent toxicity that rules a regimen out for this patient, as a reason, or nil.
    func contraindication(of drugs: [String], patient: PatientContext) -> String? {
        for caution in patient.cautions {
            for drug in drugs {
                let drugClass = vocabularies.drug(inn: drug)?.drugClass.lowercased() ?? ""
                if caution.drugs.contains(drug) || caution.classes.contains(where: { drugClass.contains($0) }) {
                    return "contains \(drug); the profile names \(caution.condition) (\(caution.source))"
                }
            }
        }
        for stop in patient.permanentStops {
            for drug in drugs {
                let drugClass = vocabularies.drug(inn: drug)?.drugClass ?? ""
                if stop.drugs.contains(drug) || stop.classes.contains(drugClass) {
                    return "contains \(drug); \(stop.why)"
                }
            }
        }
        return nil
    }
}
