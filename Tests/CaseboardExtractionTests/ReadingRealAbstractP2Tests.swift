import CaseboardCore
import Testing

/// Patterns the second set of real abstracts (`Benchmarks/reading-holdout/p2`, session 33: drug reactions and other
/// non-cancer reports beside cancer ones) showed misread. The sentences are our own.
struct ReadingRealAbstractP2Tests {
    private func events(_ record: CaseRecord) -> Set<String> {
        Set(record.adverseEvents.map(\.term) + record.therapies.flatMap { $0.adverseEvents.map(\.term) })
    }

    private func responses(_ record: CaseRecord) -> [String: ResponseKind] {
        Dictionary(record.therapies.compactMap { line in line.response.map { (line.drugs.joined(separator: "+"), $0) } }) { a, _ in a }
    }

    /// Getting better after a drug is stopped is its harm ending (a dechallenge), not a response to it.
    @Test func improvementAfterStoppingADrugIsNoResponse() throws {
        let (record, _) = try extract(
            "A 79-year-old woman taking hydrochlorothiazide for hypertension was admitted with jaundice. A liver biopsy "
                + "showed drug-induced hepatitis. Her liver tests improved after discontinuation of the diuretic.\n"
        )
        #expect(record.therapies.flatMap(\.drugs).contains("hydrochlorothiazide"))
        #expect(responses(record)["hydrochlorothiazide"] == nil, "\(responses(record))")
        let (named, _) = try extract(
            "A 66-year-old man on allopurinol developed a generalized rash. The rash resolved after allopurinol was "
                + "withdrawn.\n"
        )
        #expect(responses(named)["allopurinol"] == nil, "\(responses(named))")
    }

    /// A relapse the treatment prevented did not happen; the improvement is the drugs' response, not a progression.
    @Test func aPreventedRelapseIsNoProgression() throws {
        let (record, _) = try extract(
            "A 45-year-old woman had recurrent episodes of depressive stupor. Sertraline and lorazepam improved her "
                + "stupor and prevented relapse over two years.\n"
        )
        #expect(!responses(record).values.contains(.progressive), "\(responses(record))")
    }

    /// A list of a drug's known reactions in a general statement is not what this patient had.
    @Test func aGeneralListOfADrugsReactionsIsNotThePatients() throws {
        let (record, _) = try extract(
            "Visual disturbance after oral tranexamic acid in a boy\n\nTranexamic acid is an antifibrinolytic. Known "
                + "adverse reactions of tranexamic acid include headache, dizziness, fatigue and abdominal pain. A 9-year-old "
                + "boy with haemophilia started oral tranexamic acid before a dental extraction and two days later reported "
                + "that colours looked washed out.\n"
        )
        let found = events(record)
        for term in ["headache", "dizziness", "fatigue", "abdominal pain"] {
            #expect(!found.contains(term), "\(term) in \(found)")
        }
    }

    /// Names that are the body's own proteins, receptors or hormones, or a drug offered and refused, are not therapies.
    @Test func receptorsHormonesAndRefusedOffersAreNotTherapies() throws {
        let (record, _) = try extract(
            "A 30-year-old woman had Cushing disease from an adrenocorticotropic hormone (ACTH)-secreting pituitary "
                + "adenoma and hyponatraemia. She had congenital plasminogen deficiency. Tolvaptan, an antagonist of the "
                + "vasopressin V2 receptor, corrected the sodium. Rituximab was also offered but she refused it.\n"
        )
        let drugs = Set(record.therapies.flatMap(\.drugs))
        #expect(drugs == ["tolvaptan"], "\(record.therapies.map(\.drugs))")
    }

    /// The regression guard for the head words above: "X produced a response" is still a drug and its response.
    @Test func aDrugThatProducedAResponseStaysADrug() throws {
        let (record, _) = try extract(
            "A 52-year-old man had metastatic GIST with a PDGFRA D842V mutation. Avapritinib produced a partial response "
                + "that lasted two years.\n"
        )
        #expect(responses(record)["avapritinib"] == .partial, "\(responses(record))")
    }

    /// An event told as following a drug's giving, or under a drug a title blames, is its doing, even in a report with no
    /// anticancer drug; the infection it was given for is not, nor is the bleeding a drug was given to prevent.
    @Test func anEventFollowingADrugsGivingIsItsOwn() throws {
        let (record, _) = try extract(
            "A 70-year-old man developed pneumonia for which he was started on moxifloxacin. Following its administration, "
                + "he developed hepatic encephalopathy. Moxifloxacin was stopped and lactulose was given.\n"
        )
        let found = events(record)
        #expect(found.contains("encephalopathy"), "\(found)")
        #expect(!found.contains("lung infection"), "\(found)")
        // A title that blames a drug (or its class) makes the report about that toxicity: the event under the drug is its.
        let (blamed, _) = try extract(
            "Fluoroquinolone-associated liver injury in an older man\n\nA 70-year-old man developed pneumonia for which "
                + "he was started on moxifloxacin. Two days later he developed hepatic encephalopathy. Moxifloxacin was "
                + "stopped.\n"
        )
        #expect(events(blamed) == ["encephalopathy"], "\(events(blamed))")
        let (prophylaxis, _) = try extract(
            "Colour vision change after tranexamic acid\n\nA 12-year-old girl with factor VII deficiency started oral "
                + "tranexamic acid for epistaxis prophylaxis, and within a day colours looked altered.\n"
        )
        #expect(!events(prophylaxis).contains("epistaxis"), "\(events(prophylaxis))")
    }

    /// Lithium is a drug given (a mood stabiliser), not only an element measured in the blood.
    @Test func lithiumIsADrug() throws {
        let (record, _) = try extract(
            "A 58-year-old man with bipolar disorder had taken lithium for twenty years. Lithium was stopped when his "
                + "calcium rose.\n"
        )
        #expect(record.therapies.flatMap(\.drugs).contains("lithium"), "\(record.therapies.map(\.drugs))")
    }
}
