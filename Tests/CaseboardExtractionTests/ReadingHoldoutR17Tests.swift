import CaseboardCore
import Testing

/// Wordings the r17 blind reading set (session 27) showed unread. The sentences are our own.
struct ReadingHoldoutR17Tests {
    /// Shrinkage measured but not named: 30% or more is a partial response, less is stable disease (RECIST 1.1,
    /// Eisenhauer et al., Eur J Cancer 2009); a serum paraprotein down by half or more is a partial response (IMWG
    /// 2016). A dose cut by half is not a shrinking tumour. Before, each line took only its later progression.
    @Test func shrinkageMeasuredWithoutAResponseWordIsRead() throws {
        let lung = try lineResponses(
            "A 59-year-old woman with lung adenocarcinoma started alectinib in May 2021.\n"
                + "By the second scan the primary tumour was 41% smaller.\n"
                + "In March 2023 new brain lesions appeared, and she switched to lorlatinib.\n"
                + "After eight weeks the brain lesions had shrunk by 55%.\n"
        )
        #expect(response(of: "alectinib", in: lung) == .partial, "\(lung)")
        #expect(response(of: "lorlatinib", in: lung) == .partial)
        let slight = try lineResponses(
            "A 70-year-old man with renal cell carcinoma received cabozantinib from June 2020.\n"
                + "At the first CT the lesions were 12% smaller.\n"
        )
        #expect(response(of: "cabozantinib", in: slight) == .stable, "\(slight)")
        let myeloma = try lineResponses(
            "A 66-year-old woman with multiple myeloma started daratumumab, lenalidomide and dexamethasone.\n"
                + "After four cycles the serum paraprotein had fallen by 85%.\n"
        )
        #expect(response(of: "daratumumab", in: myeloma) == .partial, "\(myeloma)")
        let dose = try lineResponses(
            "A 52-year-old man with gastrointestinal stromal tumour started imatinib in 2019.\n"
                + "The dose was reduced by 50% for oedema.\n"
        )
        #expect(response(of: "imatinib", in: dose) == .some(nil), "\(dose)")
    }

    /// Complete responses told by what is left ("no evaluable disease", "PET-CT was negative (Deauville 2)", blood
    /// counts back to normal on a leukaemia drug, an undetectable transcript) and stable disease told plainly ("the
    /// disease was stable"). A bare "negative" before a bracket no longer denies the Deauville score after it.
    @Test func completeAndStableResponsesWithoutTheTextbookWordsAreRead() throws {
        let lymphoma = try lineResponses(
            "A 33-year-old man with classic Hodgkin lymphoma received brentuximab vedotin with AVD in 2022.\n"
                + "The end-of-treatment PET-CT was negative (Deauville 2).\n"
        )
        #expect(response(of: "brentuximab vedotin", in: lymphoma) == .complete, "\(lymphoma)")
        let leukaemia = try lineResponses(
            "A 45-year-old woman with chronic myeloid leukaemia started nilotinib in January 2020.\n"
                + "By three months her blood counts had normalised, and by 18 months the transcript was no longer detectable.\n"
        )
        #expect(response(of: "nilotinib", in: leukaemia) == .complete, "\(leukaemia)")
        let stable = try lineResponses(
            "A 64-year-old man with colorectal cancer received trifluridine and tipiracil from April 2022.\n"
                + "After four cycles the disease was stable.\n"
        )
        #expect(response(of: "trifluridine and tipiracil", in: stable) == .stable, "\(stable)")
    }

    /// Standing conditions the patient is introduced with ("a 71-year-old man with type 2 diabetes on metformin and
    /// gout presented with…", "asthma since childhood") are comorbidities, not diagnoses. What the patient presented
    /// with, and the tumour, stay diagnoses. Before, each condition was a diagnosis.
    @Test func conditionsThePatientIsIntroducedWithAreComorbidities() throws {
        let record = try extract(
            "A 71-year-old man with type 2 diabetes on metformin and gout presented with weight loss.\n"
                + "He had asthma since childhood.\n"
                + "Biopsy showed gastrointestinal stromal tumour with a KIT exon 11 deletion, and he started imatinib.\n"
        ).0
        let diagnoses = record.diagnoses.map(\.canonicalName).map { $0.lowercased() }
        let comorbidities = record.comorbidities.map(\.canonicalName).map { $0.lowercased() }
        #expect(!diagnoses.contains { $0.contains("diabetes") || $0.contains("gout") || $0.contains("asthma") }, "\(diagnoses)")
        #expect(comorbidities.contains { $0.contains("diabetes") } && comorbidities.contains { $0.contains("asthma") }, "\(comorbidities)")
        #expect(diagnoses.contains { $0.contains("gastrointestinal stromal") }, "\(diagnoses)")
    }

    /// A failure laid on an alteration in plain words ("the reason lorlatinib no longer worked", "the explanation for
    /// the failure", "both were attributed to the failure of X"); a driver said to persist is not the cause. Before, the
    /// first was unread and the persisting driver was paired.
    @Test func failureLaidOnAnAlterationInPlainWordsIsResistance() throws {
        let lung = try extract(
            "A 52-year-old woman with ALK-rearranged lung adenocarcinoma received alectinib from 2019 and lorlatinib from 2022.\n"
                + "In 2024 a biopsy found ALK G1202R and L1196M; the oncologists regarded the compound mutation as the reason "
                + "lorlatinib no longer worked.\n"
        ).0
        let lungPairs = Set(lung.resistance.flatMap { event in event.drugs.map { "\(event.gene)-\($0)" } })
        #expect(lungPairs.contains("ALK-lorlatinib"), "\(lungPairs)")
        let colon = try extract(
            "A 63-year-old man with BRAF V600E colorectal cancer received encorafenib and cetuximab from 2023.\n"
                + "At progression BRAF V600E persisted, and the team judged that an acquired KRAS Q61H had made the tumour "
                + "resistant to encorafenib and cetuximab.\n"
        ).0
        let pairs = Set(colon.resistance.flatMap { event in event.drugs.map { "\(event.gene)-\($0)" } })
        #expect(pairs.contains("KRAS-encorafenib"), "\(pairs)")
        #expect(!pairs.contains("BRAF-encorafenib"), "\(pairs)")
    }

    /// Symptoms the sentence goes on to name as one event ("cough and breathlessness, diagnosed as pneumonitis") are
    /// that event; a symptom with its own grade stays. A comorbidity's standing drug ("type 2 diabetes on metformin")
    /// does not make what the patient presented with its adverse events.
    @Test func symptomsOfANamedEventAndPresentingComplaintsAreNotEvents() throws {
        let record = try extract(
            "A 66-year-old man with type 2 diabetes on metformin presented with fatigue and bruising.\n"
                + "Biopsy showed lung adenocarcinoma with an EGFR exon 19 deletion, and he started osimertinib in May 2022.\n"
                + "In August he had a dry cough and breathlessness, diagnosed as pneumonitis of grade 2, and osimertinib was stopped.\n"
                + "Nausea of grade 1 was attributed to osimertinib, and diarrhoea of grade 2 followed.\n"
        ).0
        let terms = record.adverseEvents.map(\.term)
        #expect(terms.contains("pneumonitis"), "\(terms)")
        #expect(!terms.contains("cough") && !terms.contains("dyspnea"), "\(terms)")
        #expect(terms.contains("nausea") && terms.contains("diarrhea"), "\(terms)")
        #expect(!terms.contains("fatigue") && !terms.contains("bruising"), "\(terms)")
    }

    /// The cells themselves falling to a value with a grade ("Neutrophils fell to 0.7 × 10⁹/L (grade 3)") are the
    /// lineage's low-count event. Before, only "counts" fell.
    @Test func cellsFallingToAValueAreALowCountEvent() throws {
        let record = try extract(
            "A 70-year-old woman with multiple myeloma started pomalidomide and dexamethasone in March 2021.\n"
                + "In the second cycle her neutrophils fell to 0.7 × 10⁹/L (grade 3), and platelets dropped to 60 × 10⁹/L, graded 1.\n"
        ).0
        let found = record.adverseEvents.map { ($0.term, $0.grade) }
        #expect(record.adverseEvents.contains { $0.term == "neutrophil count decreased" && $0.grade == 3 }, "\(found)")
        #expect(record.adverseEvents.contains { $0.term == "platelet count decreased" }, "\(found)")
    }

    /// A mechanism looked for and not found is no alteration ("MET amplification was looked for and was absent"), and
    /// another patient's course ("a previously described patient responded to cabozantinib", "in the index case of Lee
    /// and colleagues") is not this patient's therapy. Before, each was read as the patient's.
    @Test func searchedForAndAbsentAndOtherPatientsAreNotThePatients() throws {
        let record = try extract(
            "A 58-year-old man with EGFR L858R lung adenocarcinoma received osimertinib from January 2022.\n"
                + "At progression in 2023, MET amplification was looked for and was absent, and he started chemotherapy with "
                + "carboplatin and pemetrexed.\n"
                + "In the index case of Lee and colleagues, a man with the same mutation responded to amivantamab with lazertinib.\n"
        ).0
        #expect(!record.alterations.contains { $0.gene == "MET" }, "\(record.alterations.map { ($0.gene, $0.variant) })")
        #expect(!record.therapies.contains { $0.drugs.contains("amivantamab") }, "\(record.therapies.map(\.drugs))")
    }
}
