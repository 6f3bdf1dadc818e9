import CaseboardCore
import CaseboardVocabularies

/// Everything recognized inside one sentence, and whether the sentence is about this patient.
struct SentenceView {
    let index: Int
    let sentence: Sentence
    let terms: [TermMatch]
    let variants: [VariantMention]
    let grades: [GradeMention]
    let cues: [CueMention]
    let numbers: [NumberMention]
    /// The sentence speaks of this patient (not of other patients, trials or the literature).
    var isPatient: Bool
    /// The sentence cites the literature or other patients.
    var isBackground: Bool
    /// The sentence names the reported patient specifically ("our patient", "a 61-year-old man").
    var namesPatient: Bool = false

    var range: Range<Int> { sentence.range }

    func has(_ cue: Cue) -> Bool { cues.contains { $0.cue == cue } }

    func cues(_ cue: Cue) -> [CueMention] { cues.filter { $0.cue == cue } }

    func terms(_ kind: ConceptKind) -> [TermMatch] { terms.filter { $0.concept.kind == kind } }
}

/// How strongly a background cue marks its sentence: always (``AnnotatedDocument/strongBackground``), unless the
/// sentence names the patient (``AnnotatedDocument/studyBackground``), or unless it refers to a patient at all.
enum BackgroundStrength { case strong, study, weak }

extension AnnotatedDocument {
    /// Cues that mark a sentence as about the literature however it is phrased.
    static let strongBackground: Set<String> = [
        "et al", "literature", "review", "meta-analysis", "guideline", "guidelines", "trials", "studies",
    ]

    /// Cues that mark a sentence as background unless it names this patient: "the trial
    /// showed…" is background, "the patient was enrolled through the X study" is not.
    static let studyBackground: Set<String> = [
        "trial", "study", "cohort", "approved", "approval", "series",
    ]

    /// Tests named "study" in a patient's work-up: "FISH study", "molecular study".
    static let laboratoryWords: Set<String> = [
        "fish", "molecular", "cytogenetic", "genetic", "genomic", "mutational", "mutation", "immunohistochemical", "histological",
        "histologic", "pathological", "pathologic", "imaging", "sequencing", "ngs", "karyotype", "flow", "cytometric", "marrow",
        "conduction", "sleep", "echocardiographic", "radiological", "radiologic", "follow",
        // The patient's own work-up: "the subsequent study established the diagnosis".
        "subsequent", "diagnostic", "serological", "serologic", "immunological", "laboratory",
    ]

    /// Patient references specific enough to keep a sentence with study words the patient's.
    static let specificPatientReferences: Set<String> = [
        "our patient", "this patient", "the patient", "in our case", "in this case", "this case", "our case", "the present case",
        "present patient", "the patient's", "index patient", "we report", "we describe", "we present", "here we report",
        "the case of",
    ]

    /// References that can only mean the report's own patient, even beside an account of another.
    static let ownPatientReferences: Set<String> = [
        "our patient", "this patient", "in our case", "in this case", "this case", "our case", "the present case", "present patient",
        "index patient", "we report", "we describe", "we present", "here we report",
    ]

    /// Phrases that define a disease or state its frequency: "X is a rare sarcoma", "found in
    /// 10% of cases". Such sentences speak of the disease, not of the patient.
    static let definitionPhrases: [String] = [
        " is a rare ", " are a rare ", " is an uncommon ", " are uncommon ", " defined by ", " is the most common ", " are the most common ",
        " is a type of ", " is a subtype of ",
        " is a form of ", "% of patients", "% of cases", "% of all ", "% of tumo", " is found in ", " are found in ",
        " occur in approximately ", " occurs in approximately ", " account for ", " accounts for ", " mutually exclusive",
        " have been identified in ", " has been identified in ", " are resistant to ", " are sensitive to ", " confers resistance",
        " confer resistance", " are associated with ",
    ]

    /// Words before "review" that make it a second look at the patient's own material.
    static let reReadingWords: Set<String> = [
        "further", "on", "upon", "pathology", "pathologic", "pathological", "histologic", "histological", "histopathologic",
        "histopathological", "central", "expert", "slide", "radiology", "radiological",
    ]

    func sentenceViews(caseSeries: Bool = false) -> [SentenceView] {
        let hasCaseSection = document.sections.contains { $0.kind == .case || $0.kind == .abstract }
        var text = document.text
        // The last sentence's section and whether it was the patient's, for narratives that go on
        // without naming the patient again.
        var previous = (section: -1, isPatient: false)
        // The reported patient's age when first introduced, and the section of a running account of another patient
        // introduced with a different age ("A 58-year-old man treated with adagrasib acquired Y96D. He then…").
        var patientAge: Int?
        var otherAccount: Int?
        return text.withUTF8 { bytes in
            let reply = answersAPublishedReport(bytes)
            return sentences.enumerated().map { index, sentence in
                let range = sentence.range
                let cues = self.cues.within(range, \.range)
                let numbers = Array(self.numbers.within(range, \.range))
                var patientReference = cues.contains {
                    $0.cue == .patientReference || $0.cue == .malePronoun || $0.cue == .femalePronoun
                }
                var specificReference = false
                var ownReference = false
                var strong = false
                var study = false
                var weak = false
                // Where the background cues stand, for a sentence that sets the literature beside
                // this patient clause by clause.
                var backgroundCues: [(at: Int, strength: BackgroundStrength)] = []
                for cue in cues where cue.cue == .background || cue.cue == .patientReference {
                    let phrase = String(decoding: UnsafeBufferPointer(rebasing: bytes[cue.range]), as: UTF8.self).lowercased()
                    if phrase == "reported", Self.reportsOwnFinding(bytes, cue.range, in: range) { continue }
                    // "On further review" and "pathology review" re-read this patient's tissue;
                    // a review of the literature is background.
                    if phrase == "review",
                        let word = Self.lowercasedWordsBefore(bytes, cue.range.lowerBound, limit: range.lowerBound, count: 1).first,
                        Self.reReadingWords.contains(word)
                    {
                        continue
                    }
                    // "…: a case report and literature review" names the report's own form.
                    if phrase == "review" || phrase == "literature",
                        ByteSearch.occurs(Self.caseReportBytes, in: bytes, range, ignoringCase: true)
                    {
                        continue
                    }
                    if cue.cue == .patientReference {
                        if Self.specificPatientReferences.contains(phrase) { specificReference = true }
                        if Self.ownPatientReferences.contains(phrase) { ownReference = true }
                    } else if Self.strongBackground.contains(phrase) {
                        strong = true
                        backgroundCues.append((cue.range.lowerBound, .strong))
                    } else if Self.studyBackground.contains(phrase) {
                        // "A case series" names the report's own form; "FISH study" a test.
                        if phrase == "series", caseSeries || precededByCase(bytes, cue.range.lowerBound) { continue }
                        if phrase == "study",
                            let word = Self.lowercasedWordsBefore(bytes, cue.range.lowerBound, limit: range.lowerBound, count: 1).first,
                            Self.laboratoryWords.contains(word)
                        {
                            continue
                        }
                        study = true
                        backgroundCues.append((cue.range.lowerBound, .study))
                    } else if phrase == "patients", caseSeries {
                        // In a case series the plural speaks of the reported patients, except
                        // in the background that opens the report.
                        if !isBackgroundSection(sentence) { patientReference = true }
                        continue
                    } else {
                        weak = true
                        backgroundCues.append((cue.range.lowerBound, .weak))
                    }
                }
                // "A 39-year-old female" introduces a patient even without the word "patient".
                if !patientReference, introducesPatient(bytes, numbers, range) {
                    patientReference = true
                    specificReference = true
                }
                // "X causes relapse in other reports; in our patient no mutation was found": the
                // clauses about the literature keep their facts from the patient's, and their cues
                // do not make the rest background.
                // An age phrase names the patient for this split even beside a pronoun ("A 52-year-old man …; he …").
                let namesThePatient = specificReference || (patientReference && introducesPatient(bytes, numbers, range))
                let othersClauses =
                    namesThePatient && !caseSeries
                    ? Self.literatureClauses(bytes, range, cues: Array(cues), backgroundCues: backgroundCues.map(\.at)) : []
                if !othersClauses.isEmpty {
                    let rest = backgroundCues.filter { cue in !othersClauses.contains { $0.contains(cue.at) } }
                    strong = rest.contains { $0.strength == .strong }
                    study = rest.contains { $0.strength == .study }
                    weak = rest.contains { $0.strength == .weak }
                }
                // "…the cause of the loss of response to enasidenib, as described in series of patients": a trailing aside
                // that points to the literature does not make the patient's own finding background.
                if !backgroundCues.isEmpty, let aside = Self.literatureAside(bytes, range), aside > range.lowerBound + 40 {
                    let rest = backgroundCues.filter { $0.at < aside }
                    if rest.count < backgroundCues.count {
                        strong = rest.contains { $0.strength == .strong }
                        study = rest.contains { $0.strength == .study }
                        weak = rest.contains { $0.strength == .weak }
                    }
                }
                // A letter that answers another report tells that report's patient first ("We read with interest the
                // report of a 51-year-old woman…") and goes on of "the authors": neither is the letter's own patient.
                if reply, Self.speaksOfTheAnsweredReport(bytes, range) { strong = true }
                // Bracketed citations such as "[3-5]" mark background too.
                if hasCitation(bytes, range) { weak = true }
                switch kind(of: bytes, range) {
                case .definition: weak = true
                case .aim:
                    // "We aimed to present a case of…": the report's own patient.
                    patientReference = true
                    specificReference = true
                case nil: break
                }
                // "A previously reported patient achieved a complete response": another patient's
                // outcome, unless the sentence also names this one.
                let otherPatient =
                    patientReference && !specificReference
                    && (Self.otherPatientPhrases(caseSeries: caseSeries).contains { phrase in
                        ByteSearch.occurs(phrase, in: bytes, range, ignoringCase: true)
                    } || Self.opensWithARelative(bytes, range))
                // "A 61-year-old man with G1202R responded to lorlatinib" after the reported patient was introduced at
                // another age: another patient, and so are the sentences that go on about them in the same section
                // until the report's own patient is named again. A case series pools its patients.
                let introduced = numbers.filter { PatientAge.phrase(bytes, after: $0, limit: range.upperBound) != nil }
                let newcomer =
                    !caseSeries && !ownReference && sentence.section != .title
                    && introduced.contains { number in
                        patientAge != nil && Int(number.value) != patientAge
                            && ["a", "an"].contains(
                                Self.lowercasedWordsBefore(bytes, number.range.lowerBound, limit: range.lowerBound, count: 1).first
                            )
                    }
                if newcomer {
                    otherAccount = sentence.sectionIndex
                } else if ownReference || otherAccount != sentence.sectionIndex || !introduced.isEmpty {
                    otherAccount = nil
                }
                let othersAccount = newcomer || otherAccount != nil
                // A sentence split from its literature clauses names the patient in what is left.
                let named = specificReference || !othersClauses.isEmpty
                let background = strong || (study && !named) || (weak && !patientReference) || otherPatient || othersAccount
                let isPatient: Bool
                switch sentence.section {
                // A case report's title names its case, even "…: a case report and review of the literature".
                case .title: isPatient = true
                case .abstract, .case: isPatient = !background
                // In an unlabelled part, a sentence that follows one about the patient goes on
                // about them: "Patient 2, a 43-year-old woman. A fusion was found and X started."
                case .other:
                    let continues = previous.isPatient && previous.section == sentence.sectionIndex
                    isPatient = !background && (patientReference || !hasCaseSection || continues)
                case .discussion: isPatient = !background && patientReference
                case .references: isPatient = false
                }
                previous = (sentence.sectionIndex, isPatient)
                if isPatient, patientAge == nil, let first = introduced.first { patientAge = Int(first.value) }
                // "Unlike the man with G1202R in the earlier report, our patient…": the comparison names another's facts.
                let unlike = ownReference ? Self.unlikeClause(bytes, range, cues: cues) : nil
                func kept(_ mention: Range<Int>) -> Bool {
                    !isPatient || !(othersClauses.contains { $0.contains(mention.lowerBound) } || unlike?.contains(mention.lowerBound) == true)
                }
                return SentenceView(
                    index: index,
                    sentence: sentence,
                    terms: terms.within(range, \.range).filter { kept($0.range) },
                    variants: variants.within(range, \.range).filter { kept($0.range) },
                    grades: grades.within(range, \.range).filter { kept($0.range) },
                    cues: Array(cues),
                    numbers: numbers,
                    isPatient: isPatient,
                    isBackground: background,
                    namesPatient: specificReference
                )
            }
        }
    }

    /// "Unlike the man with Y96D, our patient kept the G12C allele": from the opening "Unlike" to the last comma before
    /// the report's own patient is named.
    static func unlikeClause(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, cues: some Collection<CueMention>) -> Range<Int>? {
        guard lowercasedWords(bytes, from: range.lowerBound, limit: range.upperBound, count: 1).first == "unlike",
            let own = cues.first(where: { cue in
                cue.cue == .patientReference
                    && ownPatientReferences.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[cue.range]), as: UTF8.self).lowercased())
            })
        else { return nil }
        var comma = own.range.lowerBound
        while comma > range.lowerBound, bytes[comma] != 0x2C { comma -= 1 }
        return comma > range.lowerBound ? range.lowerBound..<comma : nil
    }

    /// Whether the document is a letter answering a published report: one of its first sentences opens "We read" or
    /// "We have read", or it is addressed "To the Editor".
    private func answersAPublishedReport(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        sentences.prefix(6).contains { sentence in
            let words = Self.lowercasedWords(bytes, from: sentence.range.lowerBound, limit: sentence.range.upperBound, count: 3)
            return words.starts(with: ["we", "read"]) || words.starts(with: ["we", "have", "read"]) || words == ["to", "the", "editor"]
        }
    }

    /// In a letter answering a report, a sentence whose subject is that report or its authors: "We read with interest
    /// the recent letter describing…", "The authors suggested…", "In their report…".
    static func speaksOfTheAnsweredReport(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let words = lowercasedWords(bytes, from: range.lowerBound, limit: range.upperBound, count: 3)
        return words.starts(with: ["we", "read"]) || words.starts(with: ["we", "have", "read"]) || words.starts(with: ["the", "authors"])
            || (words.first == "in" && words.dropFirst().first == "their")
    }

    /// Where a trailing ", as described in …" or ", as reported in …" aside begins, if the sentence has one.
    static func literatureAside(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        for phrase in literatureAsides {
            if let start = phrase.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: $0, in: bytes, range, ignoringCase: true) }) {
                return start
            }
        }
        return nil
    }

    private static let literatureAsides = [
        ", as described in", ", as reported in", ", as previously described", ", as previously reported", ", as seen in other",
        ", as in other",
    ].map { Array($0.utf8) }

    /// The clauses of a sentence about this patient that speak only of the literature or of other
    /// patients: "The T315I mutation causes relapse in other reports; in our patient none was found."
    /// A clause, split at a semicolon or at ", whereas", counts when it holds a background cue and no
    /// reference to a patient at all, and another clause of the sentence names this one.
    static func literatureClauses(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        cues: [CueMention],
        backgroundCues: [Int]
    ) -> [Range<Int>] {
        var cuts: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x3B {
                cuts.append(index)
            } else if bytes[index] == 0x2C, lowercasedWords(bytes, from: index + 1, limit: range.upperBound, count: 1).first == "whereas" {
                cuts.append(index)
            }
            index += 1
        }
        guard !cuts.isEmpty, !backgroundCues.isEmpty else { return [] }
        let bounds = [range.lowerBound] + cuts + [range.upperBound]
        let clauses = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        func refersToAPatient(_ clause: Range<Int>) -> Bool {
            cues.contains { cue in
                clause.contains(cue.range.lowerBound)
                    && (cue.cue == .patientReference || cue.cue == .malePronoun || cue.cue == .femalePronoun)
            }
        }
        let literature = clauses.filter { clause in
            !refersToAPatient(clause) && backgroundCues.contains { clause.contains($0) }
        }
        return literature.count < clauses.count ? literature : []
    }

    /// Whether the document reports several patients: "we report three patients", "All 4
    /// patients", "Patient 2", "Patients #2 and #3". A series has no single age or sex.
    func reportsCaseSeries() -> Bool {
        var text = document.text
        return text.withUTF8 { bytes in
            for sentence in sentences where sentence.section != .references && sentence.section != .discussion {
                let range = sentence.range
                for number in numbers.within(range, \.range) {
                    let after = Self.lowercasedWords(bytes, from: number.range.upperBound, limit: range.upperBound, count: 2)
                    let before = Self.lowercasedWordsBefore(bytes, number.range.lowerBound, limit: range.lowerBound, count: 10)
                    // "Patient 2", "Case 3", "Patients #2 and #3", "patient B" is handled below.
                    if number.value >= 2, number.value < 10, !number.isWord, let previous = before.first,
                        ["patient", "patients", "case", "cases"].contains(previous),
                        bytes[number.range.lowerBound - 1] == 0x20 || bytes[number.range.lowerBound - 1] == 0x23,
                        Self.isCapitalized(bytes, range, word: previous, before: number.range.lowerBound)
                    {
                        return true
                    }
                    guard number.value >= 2, number.value == number.value.rounded(), let noun = after.first else { continue }
                    let plural = ["patients", "cases", "children", "adults", "men", "women", "consecutive", "pediatric", "adult"]
                    guard plural.contains(noun) else { continue }
                    // The report's own patients: "we report / describe / treated", "All 4 patients",
                    // "was administered to two patients".
                    let verbs: Set<String> = [
                        "report", "reports", "describe", "describes", "present", "presents", "treated", "experience", "administered",
                    ]
                    if before.first == "all" || before.contains(where: verbs.contains) { return true }
                    // "Three patients, in whom ..., are described": the verb after the subject.
                    let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[number.range.upperBound..<range.upperBound]), as: UTF8.self)
                    if rest.firstMatch(of: Self.describedAfter) != nil { return true }
                    // "Two patients with ovarian carcinoma developed ...": a sentence that opens with
                    // the count and tells what the patients went through (not "of 100 patients, 30 ...").
                    if before.isEmpty, rest.firstMatch(of: Self.openingSeriesVerb) != nil { return true }
                }
            }
            // "(II) A 45-year-old man ...": the second of an enumerated set of patients; and an
            // abstract section labelled "Case Series:".
            let whole = document.text
            if whole.contains("Case Series:") || whole.firstMatch(of: Self.enumeratedPatient) != nil { return true }
            // "Patient B", "Case II": lettered cases.
            for marker in ["Patient B", "Patient II", "Case B", "Case II"] {
                let needle = Array(marker.utf8)
                var offset = 0
                while offset + needle.count <= bytes.count {
                    var same = true
                    for (position, byte) in needle.enumerated() where bytes[offset + position] != byte {
                        same = false
                        break
                    }
                    if same, offset + needle.count == bytes.count || !NumberScanner.isAlnum(bytes[offset + needle.count]) { return true }
                    offset += 1
                }
            }
            return false
        }
    }

    nonisolated(unsafe) private static let describedAfter = /\b(?:are|were)\s+(?:here\s+)?(?:described|presented|reported)\b/
        .ignoresCase()

    nonisolated(unsafe) private static let openingSeriesVerb =
        /^[^.;:]{0,80}?\b(?:developed|experienced|received|underwent|presented)\b/.ignoresCase()

    nonisolated(unsafe) private static let enumeratedPatient = /\((?:II|ii|2|B|b)\)\s+(?:An?|an?)\s+\d{1,3}[- ](?:year|month)s?[- ]old\b/

    /// The word before `offset` starts with a capital ("Patient 2" begins a case, "patient 2" may
    /// be a count).
    private static func isCapitalized(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, word: String, before offset: Int) -> Bool {
        var index = offset - 1
        while index > range.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x23 { index -= 1 }
        let start = index + 1 - word.utf8.count
        return start >= range.lowerBound && bytes[start] &- 0x41 < 26
    }

    /// "Dry mouth of grade 1 was reported.", "sequencing of the specimen reported VHL c.473T>C": "reported" telling the
    /// report's own finding, not the literature's. "was reported in 20% of patients", "it was reported that …" and
    /// "Lee et al. reported" stay background (the words after, or cues of their own).
    static func reportsOwnFinding(_ bytes: UnsafeBufferPointer<UInt8>, _ cue: Range<Int>, in range: Range<Int>) -> Bool {
        let before = lowercasedWordsBefore(bytes, cue.lowerBound, limit: range.lowerBound, count: 1).first
        var index = cue.upperBound
        while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
        var end = index
        while end < range.upperBound, bytes[end] != 0x20, bytes[end] != 0x2C, bytes[end] != 0x2E { end += 1 }
        let next = Array(bytes[index..<end])
        // A test as the subject: "the tumour panel reported a TMPRSS2::ERG fusion", "NGS reported the same variant".
        if let before, reportingTests.contains(before) { return true }
        // An object that is a gene symbol: capitals and digits ("KRAS", "VHL", "PBRM1").
        if next.count >= 2, next.allSatisfy({ $0 &- 0x41 < 26 || $0 &- 0x30 < 10 }), next.first.map({ $0 &- 0x41 < 26 }) == true {
            return true
        }
        guard before == "was" || before == "were" else { return false }
        let after = String(decoding: next, as: UTF8.self).lowercased()
        // "Tinnitus of grade 1 was reported with cisplatin", unless a share of patients says it is a trial's.
        if after == "with" { return !bytes[range].contains(0x25) }
        return !["in", "that", "to", "by", "as", "among", "for", "from", "previously", "elsewhere"].contains(after)
    }

    /// Tests and reports whose "reported" tells the patient's own result.
    static let reportingTests: Set<String> = [
        "panel", "sequencing", "ngs", "assay", "laboratory", "lab", "analysis", "test", "testing", "fish", "pcr", "karyotype",
        "cytogenetics", "mlpa", "ctdna", "biopsy", "pathology", "pathologist", "report", "rna-seq", "dna",
    ]

    static func lowercasedWords(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, limit: Int, count: Int) -> [String] {
        var words: [String] = []
        var index = offset
        while words.count < count, index < limit {
            if bytes[index] | 0x20 &- 0x61 < 26 {
                let start = index
                while index < limit, bytes[index] | 0x20 &- 0x61 < 26 || bytes[index] == 0x2D { index += 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased())
            } else if bytes[index] == 0x20 || bytes[index] == 0x2D || bytes[index] == 0x0A {
                index += 1
            } else {
                break
            }
        }
        return words
    }

    static func lowercasedWordsBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, limit: Int, count: Int) -> [String] {
        var words: [String] = []
        var index = offset
        while words.count < count, index > limit {
            let byte = bytes[index - 1]
            if byte | 0x20 &- 0x61 < 26 {
                let end = index
                while index > limit, bytes[index - 1] | 0x20 &- 0x61 < 26 { index -= 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).lowercased())
            } else if byte == 0x20 || byte == 0x23 || byte == 0x0A || byte == 0x2C || byte == 0x2D {
                index -= 1
            } else {
                break
            }
        }
        return words
    }

    /// A section headed "Background" or "Introduction".
    private func isBackgroundSection(_ sentence: Sentence) -> Bool {
        guard sentence.sectionIndex < document.sections.count, let heading = document.sections[sentence.sectionIndex].heading?.lowercased() else {
            return false
        }
        return heading.hasSuffix("background") || heading.hasSuffix("introduction")
    }

    /// "case series": the report's own form, not other series.
    private func precededByCase(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        Self.lowercasedWordsBefore(bytes, offset, limit: max(0, offset - 12), count: 1).first == "case"
    }

    /// "A 39-year-old female", "a 10-year-old girl": an age phrase names the reported patient.
    private func introducesPatient(_ bytes: UnsafeBufferPointer<UInt8>, _ numbers: [NumberMention], _ range: Range<Int>) -> Bool {
        numbers.contains { number in
            PatientAge.phrase(bytes, after: number, limit: range.upperBound) != nil
        }
    }

    private enum SentenceKind { case definition, aim }

    /// Sentences that state what the report is about: its own patients, even in an
    /// introduction ("In this article, we describe two patients with CLL who developed...").
    static let aimPhrases =
        ["aimed to present", "aimed to describe", "aimed to report", "this report aimed", "aim of this report"]
        + ["we describe ", "we report ", "we present "].flatMap { verb in
            [
                "a case", "the case", "a patient", "an unusual case", "a rare case", "the first case", "two patients", "three patients", "two cases",
                "three cases",
            ]
            .map { verb + $0 }
        }

    private func kind(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SentenceKind? {
        // One pass over the sentence's bytes, case folded in place (the phrases are ASCII, lower
        // case), trying at each byte only the phrases that start with it. `String.contains` per
        // phrase took 95% of the time of extracting ordinary prose, and a byte search per phrase
        // over a lowered copy still a tenth of a PubMed file's.
        var definition = false
        // Whether every definition phrase found was "confer(s) resistance".
        var onlyResistanceClause = true
        var index = range.lowerBound
        while index < range.upperBound {
            for phrase in Self.sentencePhrases[Int(Self.fold(bytes[index]))] where index + phrase.bytes.count <= range.upperBound {
                if definition && !phrase.isAim && !onlyResistanceClause { continue }
                var matched = 1
                while matched < phrase.bytes.count, Self.fold(bytes[index + matched]) == phrase.bytes[matched] { matched += 1 }
                guard matched == phrase.bytes.count else { continue }
                if phrase.isAim { return .aim }
                definition = true
                if !Self.resistanceClauseBytes.contains(phrase.bytes) { onlyResistanceClause = false }
            }
            index += 1
        }
        // "Rebiopsy revealed ALK L1196M, which confers resistance to alectinib": a clause on the patient's own
        // finding, not a statement about the mutation in general.
        if definition, onlyResistanceClause, Self.findingVerbBytes.contains(where: { ByteSearch.occurs($0, in: bytes, range, ignoringCase: true) }) {
            return nil
        }
        return definition ? .definition : nil
    }

    private static let resistanceClauseBytes = [" confers resistance", " confer resistance"].map { Array($0.utf8) }
    private static let findingVerbBytes = [
        " revealed ", " showed ", " found ", " detected ", " identified ", " disclosed ", " demonstrated ", " harboured ", " harbored ",
    ].map { Array($0.utf8) }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// ``aimPhrases`` and ``definitionPhrases`` by their first byte.
    private static let sentencePhrases: [[(bytes: [UInt8], isAim: Bool)]] = {
        var table = [[(bytes: [UInt8], isAim: Bool)]](repeating: [], count: 256)
        for (phrases, isAim) in [(aimPhraseBytes, true), (definitionPhraseBytes, false)] {
            for phrase in phrases where !phrase.isEmpty { table[Int(phrase[0])].append((phrase, isAim)) }
        }
        return table
    }()

    static let aimPhraseBytes = aimPhrases.map { Array($0.utf8) }
    static let caseReportBytes = Array("case report".utf8)

    /// Patients other than the reported one: "a previously reported patient", "a similar case".
    /// In a case series "another patient" is one of the reported patients.
    static func otherPatientPhrases(caseSeries: Bool) -> [[UInt8]] {
        caseSeries ? otherPatientBytes : otherPatientBytes + anotherPatientBytes
    }

    private static let otherPatientBytes = [
        "previously reported patient", "previously described patient", "previously reported case", "previously described case",
        "previously published case", "a similar patient", "a similar case", "in a previous report", "a patient reported by",
        "a case reported by", "a patient described by", "patients in the literature", "published cases",
        // Reported elsewhere, even in a case series (r15, session 25).
        "another reported patient", "another reported case", "another published case", "another published patient",
        "other reported patients", "other reported cases", "other published cases",
        // One patient from the literature or a colleague's practice (r19, session 29).
        "one published patient", "one reported patient", "one published case", "one reported case", "a published patient",
        "a colleague's patient", "a colleague’s patient", "a patient in the literature", "one patient in the literature",
        // The case a letter answers (r26, session 36).
        "the published patient", "the published case", "the previous report", "the reported patient", "their patient",
        "the authors' patient", "the authors’ patient", "the original report",
    ].map { Array($0.utf8) }

    /// "His brother, who had the same disease, achieved…", "Her elder brother was diagnosed with CML and takes
    /// imatinib", "A paternal aunt had ovarian cancer": a sentence whose subject is a relative tells of the relative.
    static func opensWithARelative(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let words = lowercasedWords(bytes, from: range.lowerBound, limit: range.upperBound, count: 4)
        guard let first = words.first, ["his", "her", "their", "a", "one", "two"].contains(first) else { return false }
        for word in words.dropFirst() {
            if relatives.contains(word) { return true }
            guard relativeModifiers.contains(word) else { return false }
        }
        return false
    }

    private static let relatives: Set<String> = [
        "brother", "sister", "father", "mother", "son", "daughter", "twin", "sibling", "cousin", "uncle", "aunt", "grandfather",
        "grandmother", "nephew", "niece", "brothers", "sisters", "sons", "daughters", "siblings", "cousins", "half-brother",
        "half-sister",
    ]
    /// Words between the possessive and the relative: "her elder brother", "a paternal aunt", "his two sisters".
    /// Not "her parents", who in a child's report tell of the child.
    private static let relativeModifiers: Set<String> = [
        "elder", "older", "younger", "eldest", "oldest", "youngest", "maternal", "paternal", "identical", "only", "late", "other",
        "two", "three", "first-degree",
    ]

    private static let anotherPatientBytes = [
        "another patient", "another case", "other patient", "within one patient", "in one patient",
        // The others beside an index patient (r26, session 36).
        "the second patient", "the third patient", "the fourth patient", "our second patient", "our third patient",
    ].map {
        Array($0.utf8)
    }
    static let definitionPhraseBytes = definitionPhrases.map { Array($0.utf8) }

    /// A byte of a citation's brackets: a digit, comma, semicolon, space, hyphen or en dash.
    private static func isCitationByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte &- 0x30 < 10 || byte == 0x2C || byte == 0x3B || byte == 0x20 || byte == 0x2D { return true }
        // U+2013 en dash, in its three bytes.
        return byte == 0xE2 || byte == 0x80 || byte == 0x93
    }

    private func hasCitation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x5B, index + 1 < range.upperBound, bytes[index + 1] &- 0x30 < 10 {
                // Numbers, commas and ranges only: "[3-5]", "[2, 7]"; "[50 mg, daily]" is a dose.
                var end = index + 1
                while end < range.upperBound, bytes[end] != 0x5D, Self.isCitationByte(bytes, end) { end += 1 }
                if end >= range.upperBound || bytes[end] == 0x5D { return true }
            }
            index += 1
        }
        return false
    }
}
