import CaseboardCore
import Testing

/// Relative times normalized to months from diagnosis, and lines put in time order; each shown
/// by an invented case.
struct TimeNormalizationTests {
    @Test func datesAndRelativeTimesCountFromADatedDiagnosis() throws {
        let (record, _) = try extract(
            """
            Case presentation
            In March 2015, a 54-year-old woman was diagnosed with chronic myeloid leukemia and imatinib was started. \
            After 18 months of imatinib, she lost her response and dasatinib was started. Two years later she progressed \
            and ponatinib was given. In January 2021 she received bosutinib.
            """
        )
        let starts = Dictionary(uniqueKeysWithValues: record.therapies.map { ($0.drugs[0], $0.start?.monthsFromDiagnosis) })
        #expect(starts["imatinib"] == 0)
        #expect(starts["dasatinib"] == 18)
        #expect(starts["ponatinib"] == 42)
        #expect(starts["bosutinib"] == 70)
    }

    /// Found by the fuzzer (CI, session 15): a number too large for any time span, followed by a
    /// unit, overflowed the conversion to days and trapped.
    @Test func aNumberNoTimeSpanReachesIsNotATime() throws {
        let (record, _) = try extract(
            """
            Case presentation
            A 61-year-old man was diagnosed with lung adenocarcinoma and started erlotinib. \
            After 90000000000000000000000 months he received osimertinib.
            """
        )
        let osimertinib = record.therapies.first { $0.drugs == ["osimertinib"] }
        #expect(osimertinib != nil)
        #expect(osimertinib?.start?.monthsFromDiagnosis == nil)
    }

    @Test func anUndatedDiagnosisStillAnchorsRelativeTimes() throws {
        let (record, _) = try extract(
            """
            Case presentation
            A 61-year-old man was diagnosed with lung adenocarcinoma and started erlotinib. \
            Ten months after diagnosis, osimertinib replaced it. Six months later he received carboplatin.
            """
        )
        let starts = Dictionary(uniqueKeysWithValues: record.therapies.map { ($0.drugs[0], $0.start?.monthsFromDiagnosis) })
        #expect(starts["osimertinib"] == 10)
        #expect(starts["carboplatin"] == 16)
    }

    @Test func timesAfterAProcedureCountFromTheProcedure() throws {
        let (record, _) = try extract(
            """
            Case presentation
            A 33-year-old woman was diagnosed with acute myeloid leukemia. One year later she underwent allogeneic stem cell transplantation. \
            Ten months after transplant, gilteritinib was started.
            """
        )
        #expect(record.therapies.first { $0.drugs == ["gilteritinib"] }?.start?.monthsFromDiagnosis == 22)
    }

    @Test func cyclesCountFromTheDrugStartWhenTheCycleLengthIsGiven() throws {
        let (record, _) = try extract(
            """
            Case presentation
            A 68-year-old man was diagnosed with acute myeloid leukemia. Two months later, azacitidine was started in 28-day cycles. \
            In the third cycle venetoclax was added.
            """
        )
        let line = try #require(record.therapies.first { $0.drugs.contains("venetoclax") })
        #expect(line.start?.cycle == 3)
        // Start of cycle 3 = two full 28-day cycles after the start at month 2.
        #expect(line.start?.monthsFromDiagnosis == 3.8)
    }

    @Test func aDurationWithoutAnchorStaysUnresolved() throws {
        let (record, _) = try extract(
            "Case presentation\nA 50-year-old man with melanoma, whose diagnosis date was not given, took vemurafenib for 18 months."
        )
        #expect(record.therapies.first?.start?.monthsFromDiagnosis == nil)
    }

    @Test func linesAreInTimeOrderNotOrderOfMention() throws {
        let (record, _) = try extract(
            """
            Case presentation
            In June 2016, a 47-year-old woman was diagnosed with gastrointestinal stromal tumor. In May 2019 she started sunitinib. \
            Imatinib had been started in August 2016.
            """
        )
        #expect(record.therapies.map(\.drugs) == [["imatinib"], ["sunitinib"]])
        #expect(record.therapies.map(\.line) == [1, 2])
    }

    @Test func aDrugNamedAsGivenBeforeComesFirst() throws {
        let (record, _) = try extract(
            """
            Case presentation
            A 59-year-old man with chronic myeloid leukemia was switched to nilotinib. He had previously received imatinib.
            """
        )
        #expect(record.therapies.map(\.drugs) == [["imatinib"], ["nilotinib"]])
    }
}
