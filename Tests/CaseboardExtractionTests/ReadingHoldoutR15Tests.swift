import CaseboardCore
import Testing

/// Grade wordings the r15 blind reading set (session 25) showed unread: the grade as a verb ("graded 3"),
/// a grade linked to its event by a verb after words that qualify the event, a bracketed scale, and two
/// events sharing one grade. The sentences are our own.
struct ReadingHoldoutR15Tests {
    private func grade(of term: String, in text: String) throws -> Int? {
        let (record, _) = try extract(text)
        let event = try #require(record.adverseEvents.first { $0.term == term }, "\(record.adverseEvents.map(\.term))")
        return event.grade
    }

    @Test func aGradeGivenAsAVerbGradesItsEvent() throws {
        let text =
            "A 58-year-old woman with mantle cell lymphoma received bendamustine and rituximab.\n"
            + "Lymphopenia was graded 4 and attributed to bendamustine.\n"
            + "In the third cycle she developed depression, graded 2, which responded to sertraline.\n"
        #expect(try grade(of: "lymphocyte count decreased", in: text) == 4)
        #expect(try grade(of: "depression", in: text) == 2)
    }

    @Test func aVerbAfterQualifyingWordsLinksTheGrade() throws {
        let text =
            "A 49-year-old man with myeloma received lenalidomide and dexamethasone.\n"
            + "Hyperglycaemia from dexamethasone reached grade 3 in the second month.\n"
            + "Peripheral sensory neuropathy in both feet was recorded as grade 1.\n"
            + "The alanine aminotransferase rose to seven times the upper limit (CTCAE grade III) and lenalidomide was held.\n"
        #expect(try grade(of: "hyperglycemia", in: text) == 3)
        #expect(try grade(of: "peripheral sensory neuropathy", in: text) == 1)
        #expect(try grade(of: "alanine aminotransferase increased", in: text) == 3)
    }

    @Test func twoEventsJoinedByAndShareTheirGrade() throws {
        let text =
            "A 33-year-old man with B-lymphoblastic leukemia received vincristine in induction.\n"
            + "Constipation and peripheral sensory neuropathy from vincristine were grade 2.\n"
        #expect(try grade(of: "constipation", in: text) == 2)
        #expect(try grade(of: "peripheral sensory neuropathy", in: text) == 2)
    }

    /// A grade bound to the event after it is not taken by the one before: each event keeps its own.
    @Test func eachEventKeepsItsOwnGrade() throws {
        let text =
            "A 61-year-old woman with lung adenocarcinoma received lorlatinib.\n"
            + "Hypertriglyceridaemia rose to grade 3 and peripheral oedema to grade 1.\n"
        #expect(try grade(of: "hypertriglyceridemia", in: text) == 3)
        #expect(try grade(of: "edema limbs", in: text) == 1)
    }

    private func response(of drug: String, in record: CaseRecord) -> ResponseKind? {
        record.therapies.first { $0.drugs.contains(drug) }?.response
    }

    /// "drug (PR)" gives the line its response; it is no abbreviation of the drug (r14, session 25). Before, every
    /// response moved to the neighbouring line and each later "PR" named the drug.
    @Test func aResponseInBracketsAfterADrugIsItsResponse() throws {
        let (record, _) = try extract(
            "A 52-year-old woman with metastatic breast cancer was treated in sequence.\n"
                + "Lines of therapy: letrozole with palbociclib (PR); fulvestrant (SD); capecitabine (PD).\n"
        )
        #expect(response(of: "palbociclib", in: record) == .partial, "\(record.therapies)")
        #expect(response(of: "fulvestrant", in: record) == .stable, "\(record.therapies)")
        #expect(response(of: "capecitabine", in: record) == .progressive, "\(record.therapies)")
    }

    /// Slight shrinkage short of a partial response is stable disease (RECIST 1.1).
    @Test func minorShrinkageIsStableDisease() throws {
        let (record, _) = try extract(
            "A 66-year-old man with renal cell carcinoma started cabozantinib.\n"
                + "Restaging showed minor shrinkage of the lung nodules over nine months.\n"
        )
        #expect(response(of: "cabozantinib", in: record) == .stable, "\(record.therapies)")
    }

    /// A drug given for a toxicity ("it responded to tocilizumab", "treated with levothyroxine") takes no
    /// response of the tumour.
    @Test func aDrugForAToxicityTakesNoTumourResponse() throws {
        let (record, _) = try extract(
            "A 70-year-old man with diffuse large B-cell lymphoma received glofitamab.\n"
                + "Cytokine release syndrome developed after the first dose, and it responded to tocilizumab.\n"
                + "Hypothyroidism was attributed to the antibody and treated with levothyroxine.\n"
                + "He remains in complete response at one year.\n"
        )
        #expect(response(of: "tocilizumab", in: record) == nil, "\(record.therapies)")
        #expect(response(of: "levothyroxine", in: record) == nil, "\(record.therapies)")
    }

    /// A marker's response by its threshold: PSA decline of 50% or more (PCWG3), spleen volume reduction of 35%
    /// or more (IWG-MRT); below it, stable.
    @Test func markerResponsesAreReadByTheirThresholds() throws {
        let (prostate, _) = try extract(
            "A 71-year-old man with castration-resistant prostate cancer received enzalutamide.\n"
                + "Enzalutamide gave a PSA decline of 82% over six months.\n"
        )
        #expect(response(of: "enzalutamide", in: prostate) == .partial, "\(prostate.therapies)")
        let (fibrosis, _) = try extract(
            "A 63-year-old woman with primary myelofibrosis was treated with fedratinib.\n"
                + "On fedratinib the spleen volume reduction was 22% at week 24.\n"
        )
        #expect(response(of: "fedratinib", in: fibrosis) == .stable, "\(fibrosis.therapies)")
    }

    /// "In another reported patient, …": a patient of another report, even in a case series.
    @Test func anotherReportedPatientIsNotThisPatient() throws {
        let (record, _) = try extract(
            "A 58-year-old man with acute myeloid leukemia and an IDH2 mutation received enasidenib and reached complete remission.\n"
                + "In another reported patient, an acquired FLT3 mutation caused progression on gilteritinib.\n"
        )
        #expect(!record.therapies.contains { $0.drugs.contains("gilteritinib") }, "\(record.therapies)")
        #expect(record.resistance.isEmpty, "\(record.resistance)")
    }

    private func resistance(_ record: CaseRecord) -> Set<String> {
        Set(record.resistance.flatMap { event in event.drugs.map { "\(event.gene)/\($0)" } })
    }

    /// A protein change written without its gene stands for the patient's gene that carries it.
    @Test func aChangeWithoutItsGeneStandsForTheGene() throws {
        let (record, _) = try extract(
            "A 44-year-old woman with ALK-rearranged lung adenocarcinoma received crizotinib.\n"
                + "At progression, rebiopsy showed an ALK L1196M mutation.\n"
                + "The tumour board judged L1196M responsible for the progression on crizotinib.\n"
        )
        #expect(resistance(record) == ["ALK/crizotinib"], "\(record.resistance)")
    }

    /// "this solvent-front mutation", "this gatekeeper change": a qualified anaphor stands for the alteration found.
    @Test func aQualifiedAnaphorStandsForTheAlterationFound() throws {
        let (record, _) = try extract(
            "A 61-year-old man with ROS1-rearranged lung adenocarcinoma received crizotinib for two years.\n"
                + "Plasma sequencing at progression detected a ROS1 G2032R mutation.\n"
                + "The tumour board attributed the progression on crizotinib to this solvent-front mutation.\n"
        )
        #expect(resistance(record) == ["ROS1/crizotinib"], "\(record.resistance)")
    }

    /// "castration-resistant" names the disease's state, and "BRCA2-altered" the disease: neither states a
    /// mechanism of resistance.
    @Test func aDiseaseStateIsNoResistanceMechanism() throws {
        let (record, _) = try extract(
            "A 69-year-old man had prostate cancer with a somatic BRCA2 mutation.\n"
                + "He received olaparib for BRCA2-altered castration-resistant prostate cancer after enzalutamide.\n"
        )
        #expect(record.resistance.isEmpty, "\(record.resistance)")
    }

    /// One condition named at two depths ("type 2 diabetes", later "diabetes") is one diagnosis.
    @Test func aConditionNamedAtTwoDepthsIsOneDiagnosis() throws {
        let (record, _) = try extract(
            "A 67-year-old woman with type 2 diabetes and hypertension was diagnosed with multiple myeloma.\n"
                + "Her diabetes was controlled with metformin while she received daratumumab.\n"
        )
        let conditions = record.diagnoses.filter { $0.oncotree == nil }.map { $0.name.lowercased() }
        #expect(!conditions.contains("diabetes"), "\(conditions)")
        #expect(conditions.contains { $0.hasSuffix("diabetes") }, "\(conditions)")
    }

    /// "PD-L1" is a marker: its "PD" is no progressive disease.
    @Test func aResponseAbbreviationGluedToAMarkerIsNoOutcome() throws {
        let (record, _) = try extract(
            "A 70-year-old man with non-muscle-invasive bladder cancer received intravesical BCG in 2019.\n"
                + "In 2022 his thoracic oncologist reviewed the lung nodule, which had PD-L1 of 60% on biopsy.\n"
        )
        #expect(record.therapies.allSatisfy { $0.response != .progressive }, "\(record.therapies)")
    }

    /// "… and an acquired MET amplification on sotorasib": the drug the finding arose on, not the drugs named
    /// before it for their toxicities.
    @Test func anAcquiredAlterationBelongsToTheDrugItAroseOn() throws {
        let (record, _) = try extract(
            "A 59-year-old man with KRAS G12C-mutant colorectal cancer was treated with FOLFOX, then sotorasib.\n"
                + "Oxaliplatin neuropathy, capecitabine hand-foot syndrome and an acquired MET amplification on sotorasib shaped his course.\n"
        )
        #expect(resistance(record) == ["MET/sotorasib"], "\(record.resistance)")
    }

    /// "… a pemigatinib-resistant clone and a subsequent response to futibatinib": the drug that worked next did
    /// not fail.
    @Test func theDrugThatWorkedNextDidNotFail() throws {
        let (record, _) = try extract(
            "A 52-year-old woman with FGFR2-fused intrahepatic cholangiocarcinoma received pemigatinib, then futibatinib.\n"
                + "Biopsy showed a pemigatinib-resistant clone with an acquired FGFR2 V565F mutation and a subsequent partial response to futibatinib.\n"
        )
        #expect(resistance(record) == ["FGFR2/pemigatinib"], "\(record.resistance)")
    }
}
