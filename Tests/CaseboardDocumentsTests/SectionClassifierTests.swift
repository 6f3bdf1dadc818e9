import CaseboardCore
import CaseboardDocuments
import Testing

struct SectionClassifierTests {
    @Test(
        arguments: [
            ("2. Case presentation", SectionKind.case),
            ("CASE REPORT", .case),
            ("Case description", .case),
            ("Case history:", .case),
            ("Clinical case", .case),
            ("Patients and methods", .case),
            ("Case 1", .case),
            ("Case no. 2", .case),
            ("Report of a case", .case),
            ("II. CASE SUMMARY", .case),
            ("## 2 Case report", .case),
            ("Case presentation: a 63-year-old woman", .case),
            ("Discussion", .discussion),
            ("3 Discussion", .discussion),
            ("Conclusion", .discussion),
            ("Conclusions:", .discussion),
            ("Discussion and conclusions", .discussion),
            ("Comment", .discussion),
            ("Review of the literature", .discussion),
            ("References", .references),
            ("REFERENCES", .references),
            ("Bibliography", .references),
            ("Literature cited", .references),
            ("Abstract", .abstract),
            ("Summary", .abstract),
            ("Background", .other),
            ("1. Introduction", .other),
            ("Methods", .other),
            ("Results", .other),
            ("Acknowledgements", .other),
            ("Acknowledgments", .other),
            ("Funding", .other),
            ("Conflict of interest", .other),
            ("Conflicts of Interest", .other),
            ("Author contributions", .other),
            ("Authors' contributions", .other),
            ("Ethics statement", .other),
            ("Ethical approval and consent to participate", .other),
            ("Consent", .other),
            ("Abbreviations", .other),
            ("Figure legends", .other),
            ("Supplementary material", .other),
            ("Keywords", .other),
            ("Genomic profiling", .other),
            ("A case of EGFR-mutant lung cancer treated with osimertinib", .other),
        ]
    )
    func classifiesHeading(heading: String, expected: SectionKind) {
        #expect(SectionClassifier.kind(forHeading: heading) == expected)
    }

    @Test func distinguishesRecognisedOtherFromUnknown() {
        #expect(SectionClassifier.recognizedKind(forHeading: "Funding") == .other)
        #expect(SectionClassifier.recognizedKind(forHeading: "Genomic profiling") == nil)
        #expect(SectionClassifier.recognizedKind(forHeading: "1. Biomark Res. 2020 Nov 25;8(1):65. doi: 10.1/x.") == nil)
    }

    @Test(
        arguments: [
            ("Case Report", true),
            (" Introduction", true),
            ("Discussion ", true),
            ("# Title of a Markdown file", true),
            ("MOLECULAR FOLLOW-UP", true),
            ("3. Discussion", true),
            ("Author information:", true),
            ("EGFR", false),
            ("The patient was treated with osimertinib.", false),
            ("References to earlier work are given below in full detail for readers.", false),
            ("Discussion.", false),
            ("", false),
            ("1. Doe A, Roe B. An invented reference. J Imag Oncol. 2019;1:1-9.", false),
        ]
    )
    func recognisesHeadingLines(line: String, expected: Bool) {
        #expect(SectionClassifier.isLikelyHeading(line: Substring(line)) == expected)
    }
}
