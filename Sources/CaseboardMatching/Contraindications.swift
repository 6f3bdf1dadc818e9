import CaseboardCore
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
        /// Drugs that rule a regimen out only together (the FOLFIRINOX triplet), not one by one.
        var together: Set<String> = []

        /// The QTc caution, which also orders the other drugs whose labels warn of QT prolongation after the rest.
        var isQTProlongation: Bool { condition.hasPrefix(Self.qtCondition) }

        static let qtCondition = "QTc prolongation"
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
                    condition: Caution.qtCondition + " (QTcF above 450 ms)",
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
        // The same poor function and the anti-HER2 drugs: Perjeta (pertuzumab) label withholds it below 45%;
        // Kadcyla (trastuzumab emtansine) and Enhertu (trastuzumab deruxtecan) labels withhold it at 40-45% with
        // a fall and stop it below 40%; Herceptin (trastuzumab) and Tykerb (lapatinib) labels (cardiomyopathy,
        // LVEF checked before starting). Kyprolis (carfilzomib) label: cardiac failure; its trials left out
        // NYHA class III-IV heart failure.
        if let ejection = number(after: ejectionNumber, in: lowered), ejection < 45 {
            found.append(
                Caution(
                    condition: "left-ventricular ejection fraction below 45%",
                    drugs: [
                        "trastuzumab", "pertuzumab", "trastuzumab emtansine", "trastuzumab deruxtecan", "margetuximab", "lapatinib", "carfilzomib",
                        "zanidatamab",
                    ],
                    source:
                        "FDA labels: Perjeta (pertuzumab); Kadcyla (trastuzumab emtansine); Enhertu (trastuzumab deruxtecan); Herceptin (trastuzumab); Tykerb (lapatinib); Kyprolis (carfilzomib); Ziihera (zanidatamab), 2024 (left-ventricular dysfunction)"
                )
            )
        }
        // Interstitial lung disease already present. Enhertu (trastuzumab deruxtecan) label: boxed warning for
        // ILD/pneumonitis, its trials left out a history of ILD needing steroids; Datroway (datopotamab
        // deruxtecan) label, 2025: ILD/pneumonitis. A past pneumonitis (after radiotherapy or a checkpoint inhibitor)
        // counts: the trials left out any history of non-infectious pneumonitis needing steroids (DESTINY-Breast03,
        // Cortés et al., N Engl J Med 2022).
        if says(
            ["interstitial lung disease", "pulmonary fibrosis", "ra-ild", "fibrotic lung disease", "pneumonitis", "radiation fibrosis"],
            in: lowered
        )
            || (ildWord.matches(lowered) && !says(["no ild"], in: lowered))
        {
            found.append(
                Caution(
                    condition: "interstitial lung disease",
                    drugs: ["trastuzumab deruxtecan", "datopotamab deruxtecan"],
                    source: "FDA labels: Enhertu (trastuzumab deruxtecan), 2019 (boxed warning); Datroway (datopotamab deruxtecan), 2025"
                )
            )
        }
        // Impaired lung function before bleomycin. Bleomycin label: pulmonary fibrosis is its most severe toxicity, more
        // frequent with pre-existing lung disease; NCCN Hodgkin Lymphoma 2025 leaves bleomycin out (A+AVD, N-AVD) where
        // lung function is poor; DLCO below 60% of predicted.
        if (number(after: dlcoNumber, in: lowered).map { $0 < 60 } ?? false)
            || says(
                ["emphysema", "copd", "chronic obstructive", "interstitial lung disease", "pulmonary fibrosis", "reduced dlco", "low dlco"],
                in: lowered
            )
        {
            found.append(
                Caution(
                    condition: "impaired lung function (bleomycin lung toxicity)",
                    drugs: ["bleomycin"],
                    source: "FDA label: bleomycin (pulmonary fibrosis); NCCN Hodgkin Lymphoma 2025"
                )
            )
        }
        // Conditions a phrase names (`phraseCautions`): one loop, one row each.
        for row in phraseCautions where says(row.phrases, in: lowered) {
            found.append(Caution(condition: row.condition, drugs: Set(row.drugs), classes: row.classes, source: row.source))
        }
        // Peripheral neuropathy of grade 2 or more, or painful. Velcade (bortezomib) label; NCCN Multiple
        // Myeloma 2025 (carfilzomib-based induction where neuropathy precludes bortezomib); Padcev
        // (enfortumab vedotin) label 2023 (EV-302 left out grade 2 or worse neuropathy).
        if lowered.containsBytes(of: "neuropath"), !says(["no neuropathy", "without neuropathy", "no peripheral neuropathy"], in: lowered),
            ["grade 2", "grade 3", "grade 4", "grade ii", "grade iii", "painful", "severe"].contains(where: { lowered.containsBytes(of: $0) })
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
        // Neuropathy of grade 3 or more that persists: the other neurotoxic drugs too. Their labels reduce or stop the
        // dose at grade 3 sensory neuropathy (Taxol (paclitaxel), Abraxane, Taxotere (docetaxel), Eloxatin (oxaliplatin),
        // vincristine, Adcetris (brentuximab vedotin), Polivy (polatuzumab vedotin), Halaven (eribulin)); ASCO guideline
        // on chemotherapy-induced peripheral neuropathy (Loprinzi et al., J Clin Oncol 2020).
        if lowered.containsBytes(of: "neuropath"),
            !says(["no neuropathy", "without neuropathy", "no peripheral neuropathy", "resolved"], in: lowered),
            ["grade 3", "grade 4", "grade iii", "grade iv", "severe"].contains(where: { lowered.containsBytes(of: $0) })
        {
            found.append(
                Caution(
                    condition: "peripheral neuropathy of grade 3 or more",
                    drugs: [
                        "paclitaxel", "paclitaxel protein-bound", "docetaxel", "cabazitaxel", "oxaliplatin", "vincristine", "vinblastine",
                        "vinorelbine",
                        "brentuximab vedotin", "polatuzumab vedotin", "eribulin", "ixabepilone",
                    ],
                    source:
                        "FDA labels: Taxol (paclitaxel); Abraxane; Taxotere (docetaxel); Eloxatin (oxaliplatin); Adcetris (brentuximab vedotin); Polivy (polatuzumab vedotin); Halaven (eribulin); Loprinzi et al., J Clin Oncol 2020 (ASCO CIPN guideline)"
                )
            )
        }
        // A recent arterial thromboembolic event (within 6 months): the Avastin (bevacizumab), Cyramza (ramucirumab) and
        // Zaltrap (ziv-aflibercept) labels warn of arterial thromboembolism, and their trials left out a stroke or
        // myocardial infarction in the prior 6 months. An older event is a caution, not a reason to leave them out.
        if says(["recent stroke", "recent ischaemic stroke", "recent ischemic stroke", "recent myocardial infarction", "recent tia"], in: lowered)
            || lowered.matches(of: recentArterialEvent).contains(where: { match in
                guard let value = Double(match.output.1) else { return false }
                let unit = match.output.2
                return unit.hasPrefix("d") || unit.hasPrefix("w") && value <= 26 || unit.hasPrefix("mo") && value <= 6
            })
        {
            found.append(
                Caution(
                    condition: "an arterial thromboembolic event in the last 6 months",
                    drugs: ["bevacizumab", "ramucirumab", "aflibercept"],
                    source: "FDA labels: Avastin (bevacizumab); Cyramza (ramucirumab); Zaltrap (ziv-aflibercept) (arterial thromboembolic events)"
                )
            )
        }
        // Performance status 2 or worse: the fluorouracil, irinotecan and oxaliplatin triplet was tested at ECOG 0-1
        // only (Conroy et al., N Engl J Med 2011; NCCN Pancreatic Adenocarcinoma 2025 and NCCN Colon Cancer 2025 keep
        // FOLFIRINOX and FOLFOXIRI for good performance status).
        if lowered.matches(of: performanceStatus).contains(where: { Int($0.output.1).map { $0 >= 2 } ?? false }) {
            found.append(
                Caution(
                    condition: "ECOG performance status 2 or worse",
                    drugs: [],
                    source: "Conroy et al., N Engl J Med 2011 (PRODIGE 4, ECOG 0-1); NCCN Pancreatic Adenocarcinoma 2025; NCCN Colon Cancer 2025",
                    together: ["fluorouracil", "irinotecan", "oxaliplatin"]
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
        // Pemetrexed is not recommended with a creatinine clearance below 45 mL/min (FDA label: Alimta (pemetrexed),
        // Dosage and Administration, renal impairment; myelosuppression and renal failure rise as clearance falls).
        if number(after: clearanceNumber, in: lowered).map({ $0 < 45 }) ?? false {
            found.append(
                Caution(
                    condition: "creatinine clearance below 45 mL/min",
                    drugs: ["pemetrexed"],
                    source: "FDA label: Alimta (pemetrexed) (not recommended with creatinine clearance below 45 mL/min)"
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
        // Pregnancy. Hydroxyurea and anagrelide labels (embryo-fetal toxicity); interferon is the
        // cytoreductive choice in pregnancy (NCCN Myeloproliferative Neoplasms 2025).
        if says(["pregnant", "pregnancy", "weeks' gestation", "weeks of gestation"], in: lowered),
            !says(["not pregnant", "no pregnancy", "pregnancy test negative", "negative pregnancy"], in: lowered)
        {
            found.append(
                Caution(
                    condition: "pregnancy",
                    drugs: ["hydroxyurea", "anagrelide"],
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
        if lowered.containsBytes(of: "myocarditis") { return ("myocarditis", true) }
        // Leg ulcers on hydroxyurea end it (Hydrea label: discontinue for cutaneous vasculitic ulcers; ELN
        // criteria of hydroxyurea intolerance, Barosi et al., Br J Haematol 2010).
        for word in ["leg ulcer", "cutaneous ulcer", "vasculitic ulcer", "skin ulcer"] where lowered.containsBytes(of: word) {
            return (word == "leg ulcer" ? "leg ulcers" : word + "s", false)
        }
        for word in ["pneumonitis", "interstitial lung disease", "pulmonary fibrosis", "stevens-johnson", "toxic epidermal necrolysis"]
        where lowered.containsBytes(of: word) {
            return (word, false)
        }
        if ildWord.matches(lowered) { return ("interstitial lung disease", false) }
        // A grade 3 or 4 toxicity that stopped a drug: not offered again first (a single-drug prior only,
        // since the text does not say which drug of a regimen caused it).
        for word in ["grade 3", "grade 4", "grade iii", "grade iv"] where lowered.containsBytes(of: word) {
            return ("a \(word) toxicity", false)
        }
        return nil
    }

    /// A condition named by a phrase (unless negated in its clause), the drugs or classes it rules out, and why.
    struct PhraseCaution {
        var phrases: [String]
        var condition: String
        var drugs: [String] = []
        var classes: [String] = []
        var source: String
        /// Drugs that rule a regimen out only together (the FOLFIRINOX triplet), not one by one.
        var together: Set<String> = []
    }

    /// The cautions a phrase alone triggers. Threshold cautions (QTc, platelets, LVEF, creatinine clearance,
    /// HbA1c) and those with exceptions (interstitial lung disease, neuropathy grade, pregnancy) are read above.
    static let phraseCautions: [PhraseCaution] = [
        // Keytruda (pembrolizumab) and Opdivo (nivolumab) labels: solid organ transplant rejection.
        PhraseCaution(
            phrases: [
                "kidney transplant", "renal transplant", "liver transplant", "heart transplant", "cardiac transplant", "lung transplant",
                "solid organ transplant", "solid-organ transplant", "renal allograft", "kidney allograft", "liver allograft",
            ],
            condition: "a solid-organ transplant (rejection)",
            classes: checkpointClasses.map { $0.lowercased() },
            source: "FDA labels: Keytruda (pembrolizumab); Opdivo (nivolumab); NCCN Management of Immunotherapy-Related Toxicities 2025"
        ),
        // Sprycel (dasatinib) label: pleural effusion; NCCN Chronic Myeloid Leukemia 2025 chooses another TKI for patients
        // at risk of effusions.
        PhraseCaution(
            phrases: ["pleural effusion", "serositis"],
            condition: "pleural effusions",
            drugs: ["dasatinib"],
            source: "FDA label: Sprycel (dasatinib); NCCN Chronic Myeloid Leukemia 2025"
        ),
        // Sprycel (dasatinib) label: pulmonary arterial hypertension, evaluate for cardiopulmonary disease before starting
        // and stop it for good if PAH is confirmed; NCCN Chronic Myeloid Leukemia 2025 chooses another TKI.
        PhraseCaution(
            phrases: ["pulmonary arterial hypertension", "pulmonary hypertension", "idiopathic pah", "(pah)", "pah on ", "pah,"],
            condition: "pulmonary arterial hypertension",
            drugs: ["dasatinib"],
            source: "FDA label: Sprycel (dasatinib) (pulmonary arterial hypertension); NCCN Chronic Myeloid Leukemia 2025"
        ),
        // Tasigna (nilotinib) label: ischaemic heart disease, ischaemic cerebrovascular events and peripheral arterial
        // occlusive disease; Iclusig (ponatinib) label: boxed warning, arterial occlusive events.
        PhraseCaution(
            phrases: [
                "coronary artery disease", "coronary heart disease", "coronary stent", "myocardial infarction", "ischaemic stroke",
                "ischemic stroke", "prior stroke", "history of stroke", "cerebrovascular", "peripheral arterial", "peripheral artery",
                "arterial occlusive", "paod", "cabg", "angina",
            ],
            condition: "arterial vascular disease",
            drugs: ["nilotinib", "ponatinib"],
            source: "FDA labels: Tasigna (nilotinib); Iclusig (ponatinib) (boxed warning); NCCN Chronic Myeloid Leukemia 2025"
        ),
        // Tasigna (nilotinib) label: pancreatitis and raised lipase, caution with a history of it.
        PhraseCaution(
            phrases: ["pancreatitis"],
            condition: "a history of pancreatitis",
            drugs: ["nilotinib"],
            source: "FDA label: Tasigna (nilotinib)"
        ),
        // Imbruvica (ibrutinib) label: haemorrhage, its trials left out warfarin; a major bleed, as on a BTK inhibitor:
        // the same labels warn of fatal haemorrhage, and NCCN CLL/SLL 2025 turns to venetoclax-based therapy.
        PhraseCaution(
            phrases: [
                "warfarin", "vitamin k antagonist", "phenprocoumon", "acenocoumarol", "subdural haematoma", "subdural hematoma",
                "intracranial haemorrhage", "intracranial hemorrhage", "intracerebral haemorrhage", "intracerebral hemorrhage", "major bleed",
            ],
            condition: "warfarin anticoagulation or a major bleed",
            classes: ["btk inhibitor"],
            source:
                "FDA labels: Imbruvica (ibrutinib); Calquence (acalabrutinib); Brukinsa (zanubrutinib) (haemorrhage); NCCN Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma 2025"
        ),
        // Xtandi (enzalutamide) and Erleada (apalutamide) labels warn of seizures and their trials left out a seizure
        // history; darolutamide is the androgen-receptor inhibitor NCCN Prostate Cancer 2025 turns to.
        PhraseCaution(
            phrases: ["seizure", "epilepsy", "epileptic"],
            condition: "a history of seizures",
            drugs: ["enzalutamide", "apalutamide"],
            source: "FDA labels: Xtandi (enzalutamide); Erleada (apalutamide); NCCN Prostate Cancer 2025"
        ),
        // Avastin (bevacizumab) and Cyramza (ramucirumab) labels (haemorrhage); IMbrave150 required untreated varices to be
        // treated first (Tecentriq label, 2020).
        PhraseCaution(
            phrases: [
                "variceal bleed", "variceal haemorrhage", "variceal hemorrhage", "untreated varices", "untreated oesophageal varices",
                "untreated esophageal varices", "active bleeding", "bleeding varices", "bleeding oesophageal varices",
                "bleeding esophageal varices", "bleeding from varices", "bleeding from oesophageal varices", "bleeding from esophageal varices",
                "bleeding from large oesophageal varices", "bleeding from large esophageal varices", "large varices",
                "large oesophageal varices", "large esophageal varices", "grade 3 varices", "high-risk varices",
            ],
            condition: "bleeding or untreated varices",
            drugs: ["bevacizumab", "ramucirumab"],
            source: "FDA labels: Avastin (bevacizumab); Cyramza (ramucirumab); Tecentriq (atezolizumab), 2020 (IMbrave150)"
        ),
        // Myasthenia gravis: checkpoint inhibitors can cause fatal myasthenic crises; ESMO Clinical Practice Guideline on
        // toxicities from immunotherapy (Haanen et al., Ann Oncol 2022) and NCCN Management of Immunotherapy-Related
        // Toxicities 2025 advise against them in active myasthenia.
        PhraseCaution(
            phrases: ["myasthenia gravis", "myasthenic"],
            condition: "myasthenia gravis",
            classes: checkpointClasses.map { $0.lowercased() },
            source: "Haanen et al., Ann Oncol 2022 (ESMO immunotherapy toxicity guideline); NCCN Management of Immunotherapy-Related Toxicities 2025"
        ),
        // Complete DPD deficiency (two non-functional DPYD alleles): fluoropyrimidines are contraindicated (CPIC guideline,
        // Amstutz et al., Clin Pharmacol Ther 2018; FDA labels: fluorouracil and Xeloda (capecitabine), 2024 warning).
        PhraseCaution(
            phrases: [
                "dpyd*2a homozygous", "homozygous dpyd", "dpyd c.1905+1g>a homozygous", "no dpd activity", "complete dpd deficiency",
                "dpd deficiency (complete)", "absent dpd activity",
            ],
            condition: "complete dihydropyrimidine dehydrogenase (DPD) deficiency",
            drugs: ["fluorouracil", "capecitabine", "tegafur", "trifluridine and tipiracil"],
            source: "Amstutz et al., Clin Pharmacol Ther 2018 (CPIC DPYD guideline); FDA labels: fluorouracil; Xeloda (capecitabine), 2024"
        ),
        // Imbruvica (ibrutinib) label: atrial fibrillation and other arrhythmias; the second-generation BTK inhibitors had
        // less of it head to head (Tam et al., Blood 2020, ASPEN; Byrd et al., J Clin Oncol 2021, ELEVATE-RR), and NCCN
        // CLL/SLL and Waldenström 2025 prefer them where the heart is a concern.
        PhraseCaution(
            phrases: ["atrial fibrillation", "atrial flutter", "paroxysmal af", "persistent af", "permanent af"],
            condition: "atrial fibrillation",
            drugs: ["ibrutinib"],
            source: "FDA label: Imbruvica (ibrutinib); Tam et al., Blood 2020 (ASPEN); Byrd et al., J Clin Oncol 2021 (ELEVATE-RR)"
        ),
        // Turalio (pexidartinib) label, 2019: boxed warning for hepatotoxicity (REMS); avoid it with raised transaminases or
        // bilirubin, or active liver or biliary tract disease. Vimseltinib (Romvimza, 2025) has no such warning.
        PhraseCaution(
            phrases: [
                "liver disease", "fatty liver", "steatohepatitis", "nafld", "masld", "nash", "mash", "cirrhosis", "chronic hepatitis",
                "hepatic impairment", "raised transaminases", "elevated transaminases", "elevated alt", "raised alt",
                "alt twice", "biliary disease",
            ],
            condition: "liver disease or raised transaminases",
            drugs: ["pexidartinib"],
            source: "FDA label: Turalio (pexidartinib), 2019 (boxed warning, hepatotoxicity)"
        ),
        // A frail older man (geriatric screening, G8 score 14 or less, with impairments that do not reverse): SIOG
        // advises against docetaxel and cabazitaxel and for androgen-receptor pathway inhibitors alone (Boyle HJ et al.,
        // Eur J Cancer 2019, SIOG recommendations on prostate cancer in older patients).
        PhraseCaution(
            phrases: ["frail"],
            condition: "frailty",
            drugs: ["docetaxel", "cabazitaxel"],
            source: "Boyle HJ et al., Eur J Cancer 2019 (SIOG prostate cancer in older patients)"
        ),
    ]

    /// The checkpoint classes an immune-related toxicity rules out together.
    static let checkpointClasses = ["PD-1 inhibitor", "PD-L1 inhibitor", "CTLA-4 inhibitor", "LAG-3 inhibitor"]

    /// Whether a phrase appears with no negation just before it.
    private static func says(_ phrases: [String], in lowered: String) -> Bool {
        for phrase in phrases {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let found = lowered.firstByteRange(of: phrase, from: searchRange.lowerBound) {
                searchRange = found.upperBound..<lowered.endIndex
                let start = lowered.index(found.lowerBound, offsetBy: -12, limitedBy: lowered.startIndex) ?? lowered.startIndex
                // A negation speaks for its own clause only: "no driver; kidney transplant recipient".
                var before = lowered[start..<found.lowerBound]
                if let boundary = before.lastIndex(where: { ";,.:(".contains($0) }) { before = before[before.index(after: boundary)...] }
                if ["no ", "not ", "without ", "denies ", "free of "].contains(where: { before.hasSuffix($0) || before.containsBytes(of: " \($0)") })
                {
                    continue
                }
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
    /// "ECOG 2", "ECOG PS 3", "PS 2", "performance status of 2", "WHO PS 2".
    nonisolated(unsafe) private static let performanceStatus =
        /\b(?:ecog(?:\s+ps)?|who\s+ps|ps|performance\s+status)(?:\s+(?:of|was|is))?\s*[:=]?\s*([0-4])\b(?!\s*[-–]\s*[0-4])/
    /// "ischaemic stroke 6 weeks ago", "myocardial infarction 3 months ago".
    nonisolated(unsafe) private static let recentArterialEvent =
        /(?:stroke|myocardial infarction|\bmi\b|\btia\b|arterial thrombo\w*)[^;.]{0,24}?\b(\d{1,3})\s*(days?|weeks?|wks?|months?|mo)\b\s*ago/
    private static let qtcNumber = numberPatterns(after: ["qtcf", "qtc"])
    private static let plateletNumber = numberPatterns(after: ["platelets", "platelet count", "plt"])
    private static let ejectionNumber = numberPatterns(after: ["lvef", "ejection fraction", "ef"])
    private static let clearanceNumber = numberPatterns(after: ["crcl", "creatinine clearance", "gfr"])
    private static let dlcoNumber = numberPatterns(after: ["dlco", "diffusing capacity"])
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
    func contraindication(of drugs: [String], patient: PatientContext) -> (reason: NotRecommendedReason, why: String)? {
        // The patient's own toxicity first: a drug stopped for interstitial lung disease is set aside for that,
        // not for the lung disease the text also names.
        for stop in patient.permanentStops {
            for drug in drugs {
                let drugClass = vocabularies.drug(inn: drug)?.drugClass ?? ""
                if stop.drugs.contains(drug) || stop.classes.contains(drugClass) {
                    return (.stoppedForToxicity, "contains \(drug); \(stop.why)")
                }
            }
        }
        for caution in patient.cautions {
            if !caution.together.isEmpty, caution.together.isSubset(of: drugs) {
                return (
                    .contraindicated,
                    "contains \(caution.together.sorted().joined(separator: " + ")); the profile names \(caution.condition) (\(caution.source))"
                )
            }
            for drug in drugs {
                let drugClass = vocabularies.drug(inn: drug)?.drugClass.lowercased() ?? ""
                if caution.drugs.contains(drug) || caution.classes.contains(where: { drugClass.contains($0) }) {
                    return (.contraindicated, "contains \(drug); the profile names \(caution.condition) (\(caution.source))")
                }
            }
        }
        return nil
    }
}
