import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Builds the case record from an annotated document: which facts are the patient's, how they
/// group into therapy lines, and what each response, adverse event and resistance belongs to.
struct CaseAssembler {
    let annotated: AnnotatedDocument
    let vocabularies: Vocabularies
    /// Loops over them end early when the task is cancelled.
    let views: SentenceViews
    /// The document text as bytes, for the few local look-arounds assembly needs.
    let bytes: [UInt8]
    /// The report describes several patients, so it has no single age or sex.
    let caseSeries: Bool
    /// The document's time phrases normalized to months from diagnosis.
    private(set) var clock = TimeClock()
    /// Each sentence's time phrases, found on first use.
    let timeCache: TimeCache
    /// Adverse-event vocabulary indices of conditions the text lays on the cancer itself.
    private(set) var cancerCausedConditions: Set<Int> = []
    /// Where the report first gives the patient an anticancer drug or chemotherapy: infections
    /// after it are toxicities, not diagnoses.
    private(set) var treatmentStart = Int.max
    /// The text names no cancer at all (a drug reaction in psoriasis, a thyroid storm): its drugs
    /// treat the condition the report is about, and an infection is that condition, not a toxicity.
    private(set) var namesNoCancer = false

    init(annotated: AnnotatedDocument, vocabularies: Vocabularies) {
        self.annotated = annotated
        self.vocabularies = vocabularies
        caseSeries = annotated.reportsCaseSeries()
        views = SentenceViews(annotated.sentenceViews(caseSeries: caseSeries))
        bytes = Array(annotated.document.text.utf8)
        timeCache = TimeCache(sentences: views.count)
        clock = resolveTimes()
        cancerCausedConditions = findCancerCausedConditions()
        treatmentStart = findTreatmentStart()
        namesNoCancer = findNoCancer()
    }

    /// True when no cancer is named, leaving out relatives' cancers ("his parents had lung cancer").
    private func findNoCancer() -> Bool {
        !views.contains { view in
            view.terms(.disease).contains { term in
                guard case .disease(let index) = term.concept, vocabularies.diseases[index].isCancer else { return false }
                return !isRelativesDisease(term.range, in: view)
            }
        }
    }

    /// The first anticancer drug (not a supportive drug or a substance) or "chemotherapy" in a
    /// sentence about the patient.
    private func findTreatmentStart() -> Int {
        for view in views where view.isPatient {
            let drug = view.terms(.drug).first { term in
                guard case .drug(let index) = term.concept else { return false }
                return !["substance", "supportive", "other"].contains(vocabularies.drugs[index].category)
            }
            if let drug { return drug.range.lowerBound }
            if text(view.range, containsAnyOf: Self.chemotherapyWord, ignoringCase: true) { return view.range.lowerBound }
        }
        return Int.max
    }

    private static let chemotherapyWord = [Array("chemotherapy".utf8)]

    /// Words of an infection's name: "Pneumocystis pneumonia", "invasive aspergillosis",
    /// "cytomegalovirus infection". Chronic viral infections (HIV, hepatitis B or C) are left
    /// out: they are the patient's conditions whenever they are named.
    private static let infectionWords = [
        "infection", "pneumonia", "tuberculosis", "aspergillosis", "mucormycosis", "candidiasis", "sepsis", "meningitis", "zoster",
        "herpes", "abscess", "cryptococcosis", "histoplasmosis", "nocardiosis", "listeriosis", "toxoplasmosis", "reactivation",
        "bacteremia", "fungemia",
    ]

    /// An infection named after the patient's treatment began: a toxicity of that treatment,
    /// not a diagnosis (infections during therapy are adverse events). Not one given as history
    /// or as what a drug was for ("levofloxacin for pneumonia").
    func isInfectionDuringTreatment(_ range: Range<Int>, disease: Disease, in view: SentenceView) -> Bool {
        guard !disease.isCancer, !namesNoCancer, range.lowerBound > treatmentStart else { return false }
        let name = disease.name.lowercased()
        // The infection is the name's head: "candidiasis" inside a syndrome's name (APECED) is no infection.
        let head = name.split(separator: " ").last ?? ""
        guard Self.infectionWords.contains(where: { head.contains($0) }), !name.contains("hiv"), !name.contains("hepatitis") else { return false }
        let before = lowered(max(view.range.lowerBound, range.lowerBound - 40)..<range.lowerBound)
        return !["history of", " for ", "prophylaxis", "prevent", "risk of", "latent"].contains { before.contains($0) }
    }

    /// Conditions the text names as the cancer's own doing: "hypercalcemia of malignancy",
    /// "paraneoplastic hypercalcemia", "sarcoma-associated hypercalcemia". Once the text says so,
    /// every mention of that condition is part of the disease, not a toxicity of a drug.
    private func findCancerCausedConditions() -> Set<Int> {
        var found: Set<Int> = []
        for view in views where view.sentence.section != .references {
            for term in view.terms(.adverseEvent) {
                guard case .adverseEvent(let index) = term.concept, Self.historyDiseases.contains(vocabularies.adverseEvents[index].term)
                else { continue }
                let surface = lowered(term.range)
                let after = lowered(term.range.upperBound..<min(view.range.upperBound, term.range.upperBound + 16))
                let before = lowered(max(view.range.lowerBound, term.range.lowerBound - 32)..<term.range.lowerBound)
                if surface.contains(" of malignan") || after.hasPrefix(" of malignan") || before.hasSuffix("paraneoplastic ") {
                    found.insert(index)
                    continue
                }
                // "<cancer word>-associated": the hyphenated word before must name a cancer.
                for link in ["-associated ", "-induced ", "-related "] where before.hasSuffix(link) {
                    let cause = before.dropLast(link.count).split(whereSeparator: { !$0.isLetter }).last ?? ""
                    if Self.cancerWordEndings.contains(where: { cause.hasSuffix($0) }) { found.insert(index) }
                    // Or a cancer the vocabulary knows, abbreviations too: "CML-associated hypercalcemia".
                    let causeEnd = term.range.lowerBound - link.utf8.count
                    if view.terms(.disease).contains(where: { disease in
                        guard case .disease(let diseaseIndex) = disease.concept else { return false }
                        return disease.range.upperBound == causeEnd && vocabularies.diseases[diseaseIndex].isCancer
                    }) {
                        found.insert(index)
                    }
                }
            }
        }
        return found
    }

    private static let cancerWordEndings = [
        "malignancy", "cancer", "carcinoma", "sarcoma", "tumor", "tumour", "neoplasm", "neoplasia", "lymphoma", "leukemia", "leukaemia", "myeloma",
        "melanoma", "blastoma",
    ]

    func assemble() -> CaseRecord {
        let document = annotated.document
        var alterations = assembleAlterations()
        var therapy = TherapyAssembly(assembler: self)
        therapy.run()
        therapy.addTreatmentEffects(treatmentEffectEvents())
        let resistance = assembleResistance(lines: therapy.lines, alterations: &alterations)
        let timeline = assembleTimeline(therapy: therapy, resistance: resistance)
        var diagnoses = assembleDiagnoses()
        let background = backgroundConditions(diagnoses, lines: therapy.lines, events: therapy.adverseEvents.map(\.term))
        let comorbidities = diagnoses.filter { background.contains($0.code) }
        diagnoses.removeAll { background.contains($0.code) }
        var patient = assemblePatient()
        if patient.sex == nil, !caseSeries { patient.sex = sexOfOrgans(diagnoses) ?? sexOfBodyParts() }
        return CaseRecord(
            document: document.id,
            title: document.title,
            metadata: document.metadata,
            patient: patient,
            diagnoses: diagnoses,
            comorbidities: comorbidities,
            alterations: alterations,
            therapies: therapy.lines,
            adverseEvents: therapy.adverseEvents,
            resistance: resistance,
            procedures: therapy.procedures,
            outcome: assembleOutcome(),
            timeline: timeline,
            warnings: document.warnings.map(\.description) + runOnTextWarning()
        )
    }

    /// A report that never says the patient's sex still tells it by a cancer of a sex-specific
    /// organ: prostate, testis or penis, ovary, uterus, cervix, vulva or vagina (OncoTree tissue).
    private func sexOfOrgans(_ diagnoses: [Diagnosis]) -> Sex? {
        let tissues = Set(diagnoses.compactMap { $0.oncotree.flatMap { vocabularies.disease(code: $0)?.tissue } })
        let male = !tissues.isDisjoint(with: ["Prostate", "Testis", "Penis"])
        let female = !tissues.isDisjoint(with: ["Ovary/Fallopian Tube", "Uterus", "Cervix", "Vulva/Vagina"])
        return male == female ? nil : male ? .male : .female
    }

    /// Failing a diagnosis, a lesion on a sex-specific part that the patient's sentences name
    /// tells the sex: "lesions on the penis", "a mass in the left testis", "pelvic spread to the uterus".
    /// Both kinds named, or none, tell nothing.
    private func sexOfBodyParts() -> Sex? {
        var male = false
        var female = false
        for view in views where view.isPatient && view.sentence.section != .title {
            // Bytes first: the patterns cost far more than the scan, and most sentences name no such part.
            guard sentence(view, containsAnyOf: Self.bodyPartKeys, ignoringCase: true) else { continue }
            let text = lowered(view.range)
            if text.firstMatch(of: Self.maleParts) != nil { male = true }
            if text.firstMatch(of: Self.femaleParts) != nil { female = true }
        }
        return male == female ? nil : male ? .male : .female
    }

    /// Every word of ``maleParts`` and ``femaleParts`` holds one of these (lower case).
    private static let bodyPartKeys = [
        "penis", "penile", "scrot", "testi", "testes", "prostat", "ovar", "uter", "cervix", "endometri", "vulv", "vagin", "pregnan",
    ].map { Array($0.utf8) }

    nonisolated(unsafe) private static let maleParts = /\b(?:penis|penile|scrotum|scrotal|testis|testes|testicle|testicular|prostate|prostatic)\b/
    nonisolated(unsafe) private static let femaleParts =
        /\b(?:ovary|ovaries|ovarian|uterus|uterine|cervix|endometri(?:um|al)|vulva|vulvar|vagina|vaginal|pregnancy|pregnant)\b/

    /// Text that ran on without sentence stops was read in bounded pieces; say so, since facts
    /// across a cut are linked less surely.
    private func runOnTextWarning() -> [String] {
        let cuts = annotated.sentences.count(where: \.cut)
        guard cuts > 0 else { return [] }
        return [
            "\(cuts) run(s) of text without sentence stops were read in pieces of at most \(SentenceSplitter.maxSentenceBytes) bytes"
        ]
    }

    // MARK: Text helpers

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    func lowered(_ range: Range<Int>) -> String {
        text(range).lowercased()
    }

    func evidence(_ range: Range<Int>) -> Evidence {
        annotated.evidence(range)
    }

    /// The words between two offsets, lowercased, for "is this only a joiner?" checks.
    func gap(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        // ASCII white space is cut as bytes; Foundation trims only when a non-ASCII byte (maybe a
        // no-break space) is left at an end.
        let range = (from..<to).clamped(to: 0..<bytes.count)
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        if lower < upper, bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80 {
            return lowered(from..<to).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return lowered(lower..<upper)
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return: the ASCII members of
    /// `CharacterSet.whitespacesAndNewlines`.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }

    /// True when a negation cue governs the text just before `offset` in the same sentence,
    /// such as "no", "without" or "negative for", within `window` bytes.
    func isNegated(_ range: Range<Int>, in view: SentenceView, window: Int = 30) -> Bool {
        for cue in view.cues where cue.cue == .negation {
            if cue.range.upperBound <= range.lowerBound, range.lowerBound - cue.range.upperBound <= window {
                // Words that deny what comes before them ("a stroke could not be excluded,
                // mannitol was given") do not deny what follows.
                if Self.postposedNegations.contains(lowered(cue.range)) { continue }
                // A clause break between the cue and the mention ends its scope.
                let between = text(cue.range.upperBound..<range.lowerBound)
                if between.contains(";") || between.contains(". ") || between.contains(" but ") { continue }
                // A bare "negative" is said of what precedes it ("PET-CT was negative (Deauville 2)"); it does not
                // reach past a bracket, comma or colon to deny what follows.
                if lowered(cue.range) == "negative", between.contains("(") || between.contains(",") || between.contains(":"),
                    view.cues.contains(where: { $0.range == range && Self.responseCues.contains($0.cue) })
                {
                    continue
                }
                return true
            }
            // Postfix negation: "TdT negative", "CD20-", "wild-type".
            if cue.range.lowerBound >= range.upperBound, cue.range.lowerBound - range.upperBound <= 3 {
                let word = lowered(cue.range)
                if word == "negative" || word == "wild-type" || word == "wild type" || word == "wildtype" || word == "not detected" { return true }
            }
        }
        if range.upperBound < bytes.count, bytes[range.upperBound] == 0x2D {
            let next = range.upperBound + 1
            if next >= bytes.count || !(bytes[next] | 0x20 &- 0x61 < 26 || bytes[next] &- 0x30 < 10) { return true }  // "CD20-"
        }
        return false
    }

    static let responseCues: Set<Cue> = [.complete, .partial, .stable, .progression]

    /// Negation words that follow what they deny.
    static let postposedNegations: Set<String> = ["excluded", "ruled out", "unremarkable", "inconclusive", "not detected", "undetectable"]

    /// True when `range` sits inside a parenthetical that cites other evidence:
    /// "(which was studied in NSCLC with ALK rearrangement)".
    func isInBackgroundAside(_ range: Range<Int>, in view: SentenceView) -> Bool {
        var open = range.lowerBound - 1
        while open >= view.range.lowerBound, bytes[open] != 0x28, bytes[open] != 0x29 { open -= 1 }
        guard open >= view.range.lowerBound, bytes[open] == 0x28 else { return false }
        var close = range.upperBound
        while close < view.range.upperBound, bytes[close] != 0x29 { close += 1 }
        let aside = open..<min(close, view.range.upperBound)
        return view.cues.contains { $0.cue == .background && aside.contains($0.range.lowerBound) }
    }

    // MARK: Patient

    func assemblePatient() -> Patient {
        var patient = Patient()
        // A series reports several patients: no single age or sex.
        guard !caseSeries else { return patient }
        var found: (years: Int, range: Range<Int>, view: SentenceView)?
        search: for view in views where view.isPatient || view.sentence.section == .other {
            for number in view.numbers {
                guard let age = age(after: number, in: view) else { continue }
                // "originally presented at age 9" is the age at presentation, whatever age
                // the report first gives ("a now 12-year-old").
                if age.presentation {
                    found = (age.years, number.range.lowerBound..<age.end, view)
                    break search
                }
                if found == nil { found = (age.years, number.range.lowerBound..<age.end, view) }
            }
        }
        if let found {
            patient.age = found.years
            patient.spans.append(evidence(found.range))
            if let sex = sexWord(near: found.range.upperBound, in: found.view) {
                patient.sex = sex.sex
                patient.spans.append(evidence(sex.range))
            }
        }
        if patient.sex == nil {
            patient.sex = sexFromWordsAndPronouns()
        }
        return patient
    }

    /// "53-year-old", "53 years old", "53‐year‐old", "aged 53", "age of 53", "6-month-old" (0),
    /// and whether the phrase dates the presentation ("presented at age 9").
    private func age(after number: NumberMention, in view: SentenceView) -> (years: Int, end: Int, presentation: Bool)? {
        guard number.value == number.value.rounded(), number.value < 120 else { return nil }
        let phrase = bytes.withUnsafeBufferPointer { PatientAge.phrase($0, after: number, limit: view.range.upperBound) }
        let before = lowered(max(view.range.lowerBound, number.range.lowerBound - 24)..<number.range.lowerBound)
        let presentation =
            before.hasSuffix("presented at age ") || before.hasSuffix("presented at the age of ") || before.hasSuffix("presenting at age ")
            || before.hasSuffix("presented at age of ")
        if let phrase { return (phrase.years, phrase.end, presentation) }
        // "age 9" but not "stage 4" or "dosage 2": the cue must be a word of its own.
        // The last two words decide; in ASCII text they are read back as bytes rather than by
        // splitting the window into `Character`s for every number of the text.
        let words = Self.lastASCIIWords(before, count: 2) ?? before.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.last == "aged" || words.last == "age" || words.suffix(2).elementsEqual(["age", "of"]) {
            return (Int(number.value), number.range.upperBound, presentation)
        }
        return nil
    }

    /// Up to `count` last words of ASCII `text` (runs of letters), in text order; nil when the
    /// text is not ASCII.
    static func lastASCIIWords(_ text: String, count: Int) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var end = bytes.count
        while words.count < count {
            while end > 0, bytes[end - 1] | 0x20 &- 0x61 >= 26 { end -= 1 }
            guard end > 0 else { break }
            var start = end
            while start > 0, bytes[start - 1] | 0x20 &- 0x61 < 26 { start -= 1 }
            words.insert(String(decoding: bytes[start..<end], as: UTF8.self), at: 0)
            end = start
        }
        return words
    }

    private func sexWord(near offset: Int, in view: SentenceView) -> (sex: Sex, range: Range<Int>)? {
        for cue in view.cues where cue.range.lowerBound >= offset && cue.range.lowerBound - offset < 40 {
            if cue.cue == .male { return (.male, cue.range) }
            if cue.cue == .female { return (.female, cue.range) }
        }
        return nil
    }

    /// Sex from "man"/"woman" words in patient sentences, else from a clear majority of
    /// pronouns in the case narrative.
    private func sexFromWordsAndPronouns() -> Sex? {
        var male = 0
        var female = 0
        for view in views where view.isPatient {
            for cue in view.cues {
                switch cue.cue {
                case .male: male += 3
                case .female: female += 3
                case .malePronoun: male += 1
                case .femalePronoun: female += 1
                default: break
                }
            }
        }
        // One pronoun suffices when nothing points the other way ("She now walks unaided").
        if male >= 1 && female == 0 || male >= 2 && male >= 3 * female { return .male }
        if female >= 1 && male == 0 || female >= 2 && female >= 3 * male { return .female }
        return nil
    }

    // MARK: Diagnoses

    private static let familyHistory = [Array("family history".utf8)]
    private static let riskWord = [Array("risk".utf8)]

    /// Conditions that are complications of treatment rather than the patient's diseases.
    static let complicationCodes: Set<String> = ["COND:GVHD", "COND:AGVHD", "COND:CGVHD"]

    /// "prophylaxis against GVHD", "to prevent graft-versus-host disease", "GVHD prophylaxis".
    private func isProphylaxisTarget(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let before = lowered(max(view.range.lowerBound, range.lowerBound - 64)..<range.lowerBound)
        let after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 24))
        return ["prophyla", "prevent", "prevention"].contains { before.contains($0) } || after.contains("prophyla")
    }

    /// Risk factors that reports list in a history but that are not diagnoses.
    static let riskFactorCodes: Set<String> = ["COND:OBES"]

    /// Nouns that make a disease mention a class: "high grade gliomas", "thyroid cancers".
    static let pluralClassHeads: Set<String> = [
        "tumors", "tumours", "cancers", "neoplasms", "malignancies", "carcinomas", "sarcomas", "gliomas", "lymphomas", "leukemias",
        "leukaemias", "diseases", "melanomas", "adenocarcinomas", "neoplasias",
    ]

    func assembleDiagnoses() -> [Diagnosis] {
        var found = diagnoses(in: views.filter(\.isPatient), strict: true)
        // Every report is about some cancer: when no sentence about the patient names one, the
        // cancer the report names most is the patient's ("lung adenocarcinoma patients").
        if !found.contains(where: { $0.oncotree != nil }) {
            let fallback = diagnoses(in: views.filter { $0.sentence.section != .references && !$0.isBackground }, strict: true)
                .filter { $0.oncotree != nil }
            let ranked = fallback.sorted { first, second in
                let plural = (isPluralClass(first), isPluralClass(second))
                if plural.0 != plural.1 { return !plural.0 }
                return first.spans.count > second.spans.count
            }
            if let best = ranked.first {
                found.insert(best, at: 0)
            } else if givesAnticancerDrug() {
                // A haematologist may never name the disease in the case ("BCR::ABL1 4.2% IS at 3 months on
                // nilotinib"): with an anticancer drug given, the cancer the background names most is the one treated.
                let background = diagnoses(in: views.filter { $0.sentence.section != .references && $0.isBackground }, strict: true)
                    .filter { $0.oncotree != nil && !isPluralClass($0) }
                if let best = background.max(by: { $0.spans.count < $1.spans.count }) { found.insert(best, at: 0) }
            }
        }
        // One name the vocabulary files under several sites ("choriocarcinoma") is one diagnosis.
        var names: Set<String> = []
        return refine(found).filter { names.insert($0.name).inserted }
    }

    /// Whether a sentence about the patient names a drug that treats cancer (not supportive care, steroids or others).
    private func givesAnticancerDrug() -> Bool {
        let anticancer: Set<String> = [
            "antibody", "antibody-drug conjugate", "cell therapy", "chemotherapy", "hormonal", "hypomethylating", "immunotherapy",
            "radiopharmaceutical", "targeted",
        ]
        return views.contains { view in
            view.isPatient && view.terms(.drug).contains { vocabularies.drug(of: $0).map { anticancer.contains($0.category) } ?? false }
        }
    }

    private func diagnoses(in selected: [SentenceView], strict: Bool) -> [Diagnosis] {
        var byCode: [String: (diagnosis: Diagnosis, best: String)] = [:]
        var order: [String] = []
        var complications: Set<String> = []
        var revised: Set<String> = []
        var setAsideRanges: [Range<Int>] = []
        for view in selected {
            for term in view.terms(.disease) {
                guard case .disease(let index) = term.concept else { continue }
                if isDiseaseNegated(term.range, in: view) || isInBackgroundAside(term.range, in: view) { continue }
                let preceding = max(view.range.lowerBound, term.range.lowerBound - 20)..<term.range.lowerBound
                if text(preceding, containsAnyOf: Self.familyHistory, ignoringCase: true) || isSetAside(term.range, in: view) { continue }
                // "risk factors for coronary artery disease": a disease the patient may get, and the
                // same for the list it heads ("risk factors for X and prior history of Y") and the
                // abbreviation in brackets after it ("coronary artery disease (CAD)").
                if setAsideRanges.contains(where: { $0.upperBound < term.range.lowerBound && gap($0.upperBound, term.range.lowerBound) == "(" }) {
                    continue
                }
                let leadRange = max(view.range.lowerBound, term.range.lowerBound - 90)..<term.range.lowerBound
                if text(leadRange, containsAnyOf: Self.riskWord, ignoringCase: true) {
                    let lead = lowered(leadRange)
                    if lead.hasSuffix("risk of ") {
                        setAsideRanges.append(term.range)
                        continue
                    }
                    if let risk = lead.range(of: "risk factors for", options: .backwards) ?? lead.range(of: "risk factor for", options: .backwards) {
                        let between = lead[risk.upperBound...]
                        let words = between.split(whereSeparator: { !$0.isLetter })
                        if !between.contains(";"), !between.contains(". "), !words.contains(where: { Self.listBreakWords.contains(String($0)) }) {
                            setAsideRanges.append(term.range)
                            continue
                        }
                    }
                }
                let disease = vocabularies.diseases[index]
                if Self.riskFactorCodes.contains(disease.code) { continue }
                // Transplant complications (GVHD) are the treatment's course in a cancer report. In a
                // report naming no cancer (a transplant for marrow failure) the GVHD the patient
                // developed is a treated disease of the report, unless named as what prophylaxis prevents.
                if Self.complicationCodes.contains(disease.code), !namesNoCancer || isProphylaxisTarget(term.range, in: view) { continue }
                if isClassMention(term.range, in: view) || isAppositive(term.range, in: view) { continue }
                if !disease.isCancer, isCuredCondition(term.range, in: view) { continue }
                // "confirmed as PVOD instead of IPAH": a revised diagnosis is no diagnosis, wherever else it is named.
                if isRevisedAway(term.range) {
                    revised.insert(disease.code)
                    continue
                }
                if namesAMarkerOrPattern(term.range, in: view) || isRelativesDisease(term.range, in: view) { continue }
                if isListedMarker(term.range, in: view) { continue }
                if !disease.isCancer, isTreatmentEffect(term.range, in: view) || isInfectionDuringTreatment(term.range, disease: disease, in: view) {
                    complications.insert(disease.code)
                }
                let surface = lowered(term.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if let best = byCode[disease.code]?.best {
                    // In place: a copy taken out and put back copies every span per mention,
                    // quadratic in a text that names one disease many times.
                    byCode[disease.code]!.diagnosis.spans.append(evidence(term.range))
                    if preferredName(surface, over: best) { byCode[disease.code]!.best = surface }
                } else {
                    order.append(disease.code)
                    byCode[disease.code] = (
                        Diagnosis(
                            name: surface,
                            oncotree: disease.isCancer ? disease.code : nil,
                            code: disease.code,
                            canonicalName: disease.name,
                            spans: [evidence(term.range)]
                        ), surface
                    )
                }
            }
        }
        // A condition the adverse-event vocabulary owns ("hypertension", "pulmonary embolism",
        // "hypercalcemia") is a diagnosis where the text gives it as the patient's history.
        for view in selected {
            for term in view.terms(.adverseEvent) {
                guard case .adverseEvent(let index) = term.concept,
                    cancerCausedConditions.contains(index) || isHistoryCondition(term.range, in: view)
                else { continue }
                let name = vocabularies.adverseEvents[index].term
                let code = "COND:CTCAE:" + name
                let surface = lowered(term.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if byCode[code] != nil {
                    byCode[code]!.diagnosis.spans.append(evidence(term.range))
                } else {
                    order.append(code)
                    byCode[code] = (Diagnosis(name: surface, oncotree: nil, code: code, canonicalName: name, spans: [evidence(term.range)]), surface)
                }
            }
        }
        return order.compactMap { code in
            guard var entry = byCode[code], !complications.contains(code), !revised.contains(code) else { return nil }
            // An abbreviation alone ("CML") is named by its vocabulary name.
            entry.diagnosis.name = isAbbreviation(entry.best) ? entry.diagnosis.canonicalName.lowercased() : entry.best
            return entry.diagnosis
        }
    }

    /// Drops class-level and less specific diagnoses when a more specific one is present:
    /// "gliomas" and "glioma" beside "low-grade glioma", "NSCLC" beside lung adenocarcinoma.
    private func refine(_ found: [Diagnosis]) -> [Diagnosis] {
        let hasSingular = found.contains { !isPluralClass($0) }
        // Broad nodes give way first ("Lung", "NSCLC", "Soft Tissue"); AML beside myeloid
        // sarcoma, or ET before post-ET myelofibrosis, are both diagnoses.
        let specific = found.filter { diagnosis in
            if hasSingular, isPluralClass(diagnosis) { return false }
            guard let level = vocabularies.disease(code: diagnosis.code)?.level, level <= 2 else { return true }
            if found.contains(where: { $0.code != diagnosis.code && isAncestor(diagnosis.code, of: $0.code) }) { return false }
            // "NSCLC" beside "adenocarcinoma" (a histology, NOS): the histology is this site's
            // kind of it (lung adenocarcinoma), so the broad node says nothing more.
            return !found.contains { other in
                guard other.code != diagnosis.code, other.canonicalName.hasSuffix(", NOS") else { return false }
                let base = Self.baseName(other.canonicalName)
                return vocabularies.diseases.contains { $0.name.lowercased().hasSuffix(" " + base) && isAncestor(diagnosis.code, of: $0.code) }
            }
        }
        // One cancer named at two depths ("acute myeloid leukaemia" in the title, "AML without maturation" in the
        // case; "intrahepatic cholangiocarcinoma" and "cholangiocarcinoma"): the first named stays, with the
        // other's mentions. Only a subtype whose name extends its parent's: myeloid sarcoma, a child of AML in
        // OncoTree, is a diagnosis of its own.
        func isSubtype(_ narrow: Diagnosis, of broad: Diagnosis) -> Bool {
            guard isAncestor(broad.code, of: narrow.code) else { return false }
            let expanded = { (name: String) in name.hasPrefix("aml ") ? "acute myeloid leukemia " + name.dropFirst(4) : name }
            return expanded(narrow.canonicalName.lowercased()).contains(Self.baseName(broad.canonicalName))
        }
        var merged: [Diagnosis] = []
        for diagnosis in specific {
            if diagnosis.oncotree != nil,
                let first = merged.firstIndex(where: { $0.oncotree != nil && (isSubtype(diagnosis, of: $0) || isSubtype($0, of: diagnosis)) })
            {
                merged[first].spans += diagnosis.spans
                continue
            }
            merged.append(diagnosis)
        }
        return merged.filter { diagnosis in
            // "diabetes" beside "type 2 diabetes", "heart failure" beside "chronic heart failure": one condition, named
            // at two depths (r15, session 25).
            guard diagnosis.oncotree != nil else {
                let name = diagnosis.name.lowercased()
                return !merged.contains { other in
                    let longer = other.name.lowercased()
                    return other.oncotree == nil && longer.count > name.count && longer.hasSuffix(" " + name)
                }
            }
            let base = Self.baseName(diagnosis.canonicalName)
            for other in merged where other.code != diagnosis.code && other.oncotree != nil {
                if isAncestor(other.code, of: diagnosis.code) { continue }
                // "sarcoma" inside "histiocytic sarcoma", "adenocarcinoma" inside "lung adenocarcinoma",
                // "Neuroendocrine Carcinoma, NOS" inside "Prostate Neuroendocrine Carcinoma".
                if other.name.count > diagnosis.name.count, other.name.hasSuffix(" " + diagnosis.name) || other.name.hasSuffix("-" + diagnosis.name) {
                    return false
                }
                // "malignant lymphoma" or "primary lymphoma" beside "diffuse large b-cell lymphoma":
                // the qualifier names no other kind.
                if let bare = Self.withoutGenericQualifier(diagnosis.name), other.name.count > bare.count, other.name.hasSuffix(" " + bare) {
                    return false
                }
                // A broader node whose name lies inside the specific one's, even with a qualifier
                // after it: "t-cell lymphoma" inside "peripheral t-cell lymphoma, not otherwise specified".
                if other.name.count > diagnosis.name.count, isAncestor(diagnosis.code, of: other.code),
                    other.name.contains(" " + diagnosis.name + ",") || other.name.contains(" " + diagnosis.name + " (")
                {
                    return false
                }
                if diagnosis.canonicalName.hasSuffix(", NOS"), Self.baseName(other.canonicalName).contains(base),
                    base != Self.baseName(other.canonicalName)
                {
                    return false
                }
            }
            return true
        }
    }

    /// The name without a leading qualifier that names no kind ("malignant", "primary"), or nil.
    private static func withoutGenericQualifier(_ name: String) -> String? {
        for qualifier in ["malignant ", "primary ", "primary malignant "] where name.hasPrefix(qualifier) {
            return String(name.dropFirst(qualifier.count))
        }
        return nil
    }

    /// A node name without its ", NOS", lowercased.
    private static func baseName(_ name: String) -> String {
        (name.hasSuffix(", NOS") ? String(name.dropLast(5)) : name).lowercased()
    }

    private func isAncestor(_ code: String, of other: String) -> Bool {
        var current = vocabularies.disease(code: other)?.parent
        var steps = 0
        while let parent = current, steps < 12 {
            if parent == code { return true }
            current = vocabularies.disease(code: parent)?.parent
            steps += 1
        }
        return false
    }

    /// A broad node named in the plural ("gliomas", "thyroid cancers"): a class, not the
    /// patient's disease. Specific nodes stay ("multiple myeloid sarcomas").
    private func isPluralClass(_ diagnosis: Diagnosis) -> Bool {
        guard let last = diagnosis.name.split(whereSeparator: { $0 == " " || $0 == "-" }).last,
            Self.pluralClassHeads.contains(String(last))
        else { return false }
        return (vocabularies.disease(code: diagnosis.code)?.level ?? 0) <= 3
    }

    private func isAbbreviation(_ surface: String) -> Bool {
        !surface.contains(" ") && surface.count <= 6
    }

    /// A disease named as a kind of therapy or in a list of examples: "melanoma therapy",
    /// "in many cancers, including colon and lung adenocarcinoma".
    private func isClassMention(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 12))
        if after.hasPrefix(" therapy") || after.hasPrefix(" therapies") { return true }
        // The list runs on from its marker: look back a list's length, not a whole run-on sentence.
        let window = max(view.range.lowerBound, range.lowerBound - 120)..<range.lowerBound
        // A byte test first: Foundation's backward search per marker cost more than all the rest.
        guard text(window, containsAnyOf: Self.listMarkers, ignoringCase: true) else { return false }
        let before = lowered(window)
        for marker in ["including ", "such as ", "e.g. ", "e.g., "] {
            guard let found = before.range(of: marker, options: .backwards) else { continue }
            let lead = before[..<found.lowerBound].suffix(40)
            let words = lead.split(whereSeparator: { !$0.isLetter })
            if words.contains(where: { Self.pluralClassHeads.contains(String($0)) }) { return true }
        }
        return false
    }

    private static let listMarkers = ["including ", "such as ", "e.g. ", "e.g., "].map { Array($0.utf8) }

    /// The class an appositive puts a disease in: "essential thrombocythemia (ET), a
    /// BCR-ABL1-negative myeloproliferative neoplasm" names one disease, not two.
    private func isAppositive(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 60)..<range.lowerBound
        guard text(window, containsAnyOf: Self.appositiveMarkers, ignoringCase: true) else { return false }
        let before = lowered(window)
        guard let comma = before.range(of: ", a ", options: .backwards) ?? before.range(of: ", an ", options: .backwards) else { return false }
        // At most three modifier words between the article and the disease.
        let modifiers = before[comma.upperBound...].split(separator: " ")
        guard modifiers.count <= 3 else { return false }
        let commaOffset = range.lowerBound - before.utf8.distance(from: comma.lowerBound, to: before.utf8.endIndex)
        // A disease (or its abbreviation in brackets) ends just before the comma.
        return view.terms(.disease).contains { term in
            term.range.upperBound <= commaOffset && commaOffset - term.range.upperBound <= 8
        }
    }

    private static let appositiveMarkers = [", a ", ", an "].map { Array($0.utf8) }

    /// A disease name inside a marker's or a pattern's name: "B-cell lymphoma (Bcl)-2", "multiple
    /// myeloma oncogene 1", "a hemangiopericytoma-like vascular pattern".
    private func namesAMarkerOrPattern(_ range: Range<Int>, in view: SentenceView) -> Bool {
        var after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 24))
        if after.hasPrefix("-like") || after.hasPrefix(" like ") { return true }
        for head in [" oncogene", " protein", " antigen", " gene ", " gene,", " gene.", " scale", " rating scale", " score", " questionnaire"]
        where after.hasPrefix(head) {
            // A whole word: "scored" is no "score".
            if let next = after.dropFirst(head.count).first, next.isLetter { continue }
            return true
        }
        // "(Bcl)-2": a bracketed short name, then the member number; or the short name itself,
        // which the text defines as the disease ("Bcl" in "B-cell lymphoma (Bcl)-2").
        if after.hasPrefix(" ("), let close = after.firstIndex(of: ")"), after.distance(from: after.startIndex, to: close) <= 10 {
            after = String(after[after.index(after: close)...])
        } else if after.hasPrefix(")"), range.lowerBound > 0, bytes[range.lowerBound - 1] == UInt8(ascii: "(") {
            after.removeFirst()
        }
        return after.firstMatch(of: Self.memberNumber) != nil
    }

    /// A disease name listed among tumour markers is the marker (the squamous cell carcinoma
    /// antigen): "serum tumor markers such as CEA, squamous cell carcinoma and CA 19-9 were normal".
    /// Only a list may stand between "markers" and the name, no verb or new clause.
    private func isListedMarker(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 160)..<range.lowerBound
        guard text(window, containsAnyOf: Self.markerKeys, ignoringCase: true) else { return false }
        let before = lowered(window)
        guard let marker = before.range(of: "markers", options: .backwards) ?? before.range(of: "marker", options: .backwards) else { return false }
        let between = before[marker.upperBound...]
        if between.contains(";") || between.contains(". ") { return false }
        let words = between.split(whereSeparator: { !$0.isLetter })
        return !words.contains { Self.markerListBreaks.contains(String($0)) }
    }

    /// Words that end a list headed by a lead ("risk factors for"): a verb or a new clause.
    private static let listBreakWords: Set<String> = [
        "was", "were", "is", "are", "had", "has", "have", "showed", "revealed", "confirmed", "diagnosed", "developed", "but", "which", "while",
        "whereas", "presented", "underwent", "received",
    ]

    private static let markerKeys = [Array("marker".utf8)]
    private static let markerListBreaks: Set<String> = [
        "was", "were", "is", "are", "showed", "revealed", "confirmed", "diagnosed", "consistent", "demonstrated", "biopsy", "but", "which",
        "while", "whereas", "suggested", "suggesting", "indicated", "indicating",
    ]

    nonisolated(unsafe) private static let memberNumber = /^(?:-|\s)\d{1,2}\b(?!\s*(?:%|mm|cm|years?|months?|weeks?|days?|cycles?))/

    /// Relatives' diseases: "his parents and one brother had lung cancer".
    private func isRelativesDisease(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let lead = max(view.range.lowerBound, range.lowerBound - 100)..<range.lowerBound
        guard text(lead, containsAnyOf: Self.relativeKeys, ignoringCase: true) else { return false }
        let words = lowered(lead).split(whereSeparator: { !$0.isLetter })
        return words.contains { Self.relatives.contains(String($0)) }
    }

    private static let relatives: Set<String> = [
        "mother", "father", "parents", "parent", "brother", "brothers", "sister", "sisters", "sibling", "siblings", "son", "sons", "daughter",
        "daughters", "aunt", "uncle", "grandmother", "grandfather", "grandparents", "cousin", "cousins", "relatives", "relative", "twin",
    ]
    private static let relativeKeys = [
        "mother", "father", "parent", "brother", "sister", "sibling", "son", "daughter", "aunt", "uncle", "cousin", "relative", "twin",
    ].map { Array($0.utf8) }

    /// A condition the text presents as an effect of a drug: "GPA shortly after starting
    /// dabrafenib", "neuronopathy associated with ruxolitinib".
    private func isTreatmentEffect(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard view.terms(.drug).contains(where: { $0.range.lowerBound > range.upperBound }) else { return false }
        let after = lowered(range.upperBound..<view.range.upperBound).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for cue in [
            "after starting", "after initiat", "induced by", "associated with", "in a patient treated with", "during treatment with", "secondary to",
            "related to", "after treatment with", "after commencement of", "after the start of", "that developed after", "which developed after",
        ] {
            if let found = after.range(of: cue), after.distance(from: after.startIndex, to: found.lowerBound) < 60 { return true }
        }
        // "AML occurred in a woman with ovarian carcinoma who was treated with thiotepa": the
        // condition arose in a patient the clause says was given the drug.
        if after.firstMatch(of: Self.aroseInTreatedPatient) != nil { return true }
        let before = lowered(max(view.range.lowerBound, range.lowerBound - 20)..<range.lowerBound)
        return before.hasSuffix("-induced ") || before.hasSuffix("-associated ")
    }

    nonisolated(unsafe) private static let aroseInTreatedPatient =
        /^(?:\s*\([^)]{1,12}\))?\s*(?:occurred|arose|developed|appeared)\s+in\s+an?\s+[^.;]{0,100}?\bwho\s+(?:was|had\s+been)\s+(?:treated\s+with|given)\b/

    /// Conditions the text presents as caused by a drug, as adverse events of that drug: "GPA
    /// shortly after starting dabrafenib", "a secondary leukaemia that developed after
    /// ruxolitinib". A cancer counts only when the text says it developed after the drug (a
    /// second neoplasm); it stays a diagnosis too.
    func treatmentEffectEvents() -> [AdverseEvent] {
        var events: [AdverseEvent] = []
        for view in views where view.isPatient {
            for term in view.terms(.disease) {
                guard case .disease(let index) = term.concept else { continue }
                let disease = vocabularies.diseases[index]
                if Self.complicationCodes.contains(disease.code) || isDiseaseNegated(term.range, in: view) { continue }
                if isInfectionDuringTreatment(term.range, disease: disease, in: view) {
                    // The event vocabulary's own term, where it has one, is filed by the therapy lines.
                    if view.terms(.adverseEvent).contains(where: { $0.range.overlaps(term.range) }) { continue }
                    guard let drug = latestTreatment(before: term.range.lowerBound) else { continue }
                    let event = AdverseEvent(term: disease.name.lowercased(), drugs: [drug], spans: [evidence(term.range)])
                    if let existing = events.firstIndex(where: { $0.term == event.term }) {
                        events[existing].spans += event.spans
                    } else {
                        events.append(event)
                    }
                    continue
                }
                guard isTreatmentEffect(term.range, in: view) else { continue }
                if disease.isCancer {
                    let before = lowered(max(view.range.lowerBound, term.range.lowerBound - 24)..<term.range.lowerBound)
                    let after = lowered(term.range.upperBound..<min(view.range.upperBound, term.range.upperBound + 80))
                    let developed =
                        before.hasSuffix("developed ") || before.hasSuffix("secondary ") || before.hasSuffix("therapy-related ")
                        || lowered(term.range.upperBound..<view.range.upperBound).firstMatch(of: Self.aroseInTreatedPatient) != nil
                        || before.hasSuffix("treatment-related ") || after.contains("that developed after") || after.contains("which developed after")
                    guard developed else { continue }
                }
                guard
                    let drug = view.terms(.drug).first(where: { $0.range.lowerBound >= term.range.upperBound }),
                    case .drug(let drugIndex) = drug.concept
                else { continue }
                let term = AdverseEvent(
                    term: disease.isCancer ? disease.name.lowercased() : lowered(term.range),
                    drugs: [vocabularies.drugs[drugIndex].name],
                    spans: [evidence(term.range)]
                )
                if let existing = events.firstIndex(where: { $0.term == term.term && $0.drugs == term.drugs }) {
                    events[existing].spans += term.spans
                } else {
                    events.append(term)
                }
            }
        }
        return events
    }

    /// The anticancer drug named last before an offset, in sentences about the patient.
    private func latestTreatment(before offset: Int) -> String? {
        var found: (start: Int, name: String)?
        for view in views where view.isPatient && view.range.lowerBound < offset {
            for term in view.terms(.drug) where term.range.lowerBound < offset {
                guard case .drug(let index) = term.concept else { continue }
                let drug = vocabularies.drugs[index]
                if ["substance", "supportive", "other"].contains(drug.category) { continue }
                if found == nil || term.range.lowerBound > found!.start { found = (term.range.lowerBound, drug.name) }
            }
        }
        return found?.name
    }

    /// Negation that applies to a disease: "no evidence of lymphoma", "ruled out", but not the
    /// "wild-type" or "negative" of a marker before it ("KRAS-wild-type pancreatic cancer",
    /// "HER2-negative breast cancer").
    private func isDiseaseNegated(_ range: Range<Int>, in view: SentenceView) -> Bool {
        if isNegativeTest(range, in: view) { return true }
        for cue in view.cues where cue.cue == .negation {
            let word = lowered(cue.range)
            // "HIV negative", "syphilis negative": a test result after the name.
            if cue.range.lowerBound >= range.upperBound, cue.range.lowerBound - range.upperBound <= 1, word == "negative" { return true }
            if ["wild-type", "wild type", "wildtype", "negative", "not detected", "undetectable", "absent", "inconclusive"].contains(word) {
                continue
            }
            if cue.range.upperBound <= range.lowerBound, range.lowerBound - cue.range.upperBound <= 30 {
                let between = text(cue.range.upperBound..<range.lowerBound)
                if between.contains(";") || between.contains(". ") || between.contains(" but ") || between.contains(",") {
                    if isLastOfNegatedList(range, after: cue.range) { return true }
                    continue
                }
                return true
            }
            // "no evidence of EBV, CMV, or HIV infection": the negation covers an 'or' list to its last item.
            if cue.range.upperBound <= range.lowerBound, isLastOfNegatedList(range, after: cue.range) { return true }
            if cue.range.lowerBound >= range.upperBound, cue.range.lowerBound - range.upperBound <= 12,
                ["ruled out", "excluded"].contains(word)
            {
                return true
            }

        }
        return false
    }

    /// The last item of a list that a negation heads: "no A, B, or C", "did not have A, B or C".
    /// Only an 'or' list: "no fever, and later a rash" leaves the rash.
    private func isLastOfNegatedList(_ range: Range<Int>, after negation: Range<Int>) -> Bool {
        guard range.lowerBound - negation.upperBound <= 120 else { return false }
        let between = lowered(negation.upperBound..<range.lowerBound)
        guard between.hasSuffix(" or ") || between.hasSuffix(", or ") else { return false }
        if between.contains(";") || between.contains(". ") || between.contains(" but ") || between.contains(" and ") { return false }
        // Nothing but list items between: no verb of a new clause.
        // "did not have A, B, or C": the verb the negation heads opens the list.
        let words = between.split(whereSeparator: { !$0.isLetter }).drop { $0 == "have" || $0 == "had" }
        return !words.contains { Self.listBreakWords.contains(String($0)) }
    }

    /// A disease named as a test that came back negative: "anti-HIV (-)", "HIV and HHV-8
    /// serology, as well as a lymph node stain, were negative". Not when a positive result lies
    /// between ("HIV serology was positive; HCV tests were negative").
    private func isNegativeTest(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 140)
        guard text(window, containsAnyOf: Self.negativeTestKeys, ignoringCase: true) else { return false }
        let after = lowered(window)
        if after.hasPrefix(" (-)") || after.hasPrefix("(-)") || after.hasPrefix(" (−)") || after.hasPrefix("(−)") { return true }
        guard let result = after.firstMatch(of: Self.negativeTestResult) else { return false }
        let between = after[..<result.range.lowerBound]
        return !between.contains("positive") && !between.contains(" but ")
    }

    private static let negativeTestKeys = ["(-)", "(−)", "negative"].map { Array($0.utf8) }
    nonisolated(unsafe) private static let negativeTestResult =
        /^[^;.]{0,60}?\b(?:serolog(?:y|ies)|tests?|testing|screening|antibod(?:y|ies)|pcr|antigens?)\b[^;.]{0,70}?\b(?:were|was|came\s+back|returned|proved|all)\s+(?:all\s+|both\s+)?negative\b/

    /// A disease the report names only to set it aside: a look-alike or a first diagnosis that
    /// was revised ("a tumour resembling X", "misdiagnosed as X", "the preliminary diagnosis was X").
    private func isSetAside(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 64)..<range.lowerBound
        // The pattern needs one of these stems: a byte test first, far cheaper than the pattern.
        guard text(window, containsAnyOf: Self.setAsideKeys, ignoringCase: true) else { return false }
        let before = lowered(window)
        if isHedgedAlternative(range, before: before, in: view) { return true }
        guard let match = before.firstMatch(of: Self.setAsideWords) else { return false }
        // The look-alike word governs the mention unless a clause ends between them.
        let between = before[match.range.upperBound...]
        return !between.contains(";") && !between.contains(". ") && !between.contains(" but ") && !between.contains(" which ")
    }

    /// "a history of tuberculosis that had been treated and cured": a past illness that is over,
    /// not one of the patient's diagnoses (cancers are kept: a cured cancer is still their history).
    private func isCuredCondition(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 48)
        guard text(window, containsAnyOf: Self.curedKey, ignoringCase: true) else { return false }
        return lowered(window).firstMatch(of: Self.curedClause) != nil
    }

    private static let curedKey = [Array("cured".utf8)]

    /// "instead of IPAH", "rather than sarcoidosis", "revised from X": the diagnosis given up.
    private func isRevisedAway(_ range: Range<Int>) -> Bool {
        let window = max(0, range.lowerBound - 16)..<range.lowerBound
        guard text(window, containsAnyOf: Self.revisedKeys, ignoringCase: true) else { return false }
        let before = lowered(window)
        return ["instead of ", "rather than ", "revised from "].contains { lead in
            before.hasSuffix(lead) || before.hasSuffix(lead + "a ") || before.hasSuffix(lead + "an ") || before.hasSuffix(lead + "the ")
        }
    }

    private static let revisedKeys = ["instead", "rather", "revised"].map { Array($0.utf8) }
    nonisolated(unsafe) private static let curedClause = /^,?\s*(?:that|which)\s+(?:had\s+been|has\s+been|was|were)\s+(?:\w+\s+and\s+)?cured\b/

    /// "It was considered to be melanoma or meningioma": either name of a hedged pair is only
    /// a candidate (the one confirmed elsewhere is kept by its other mentions).
    private func isHedgedAlternative(_ range: Range<Int>, before: String, in view: SentenceView) -> Bool {
        guard let hedge = before.firstMatch(of: Self.hedgeLead) else { return false }
        let between = before[hedge.range.upperBound...]
        if between.contains(";") || between.contains(". ") || between.contains(" but ") { return false }
        if between.hasSuffix(" or ") || between.hasSuffix(" or a ") || between.hasSuffix(" or an ") { return true }
        let after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 5))
        return after.hasPrefix(" or ")
    }

    nonisolated(unsafe) private static let hedgeLead =
        /\b(?:considered|thought|believed|suspected)\s+(?:to\s+be\s+|as\s+)?(?:either\s+)?(?:an?\s+)?/

    /// Every form of ``setAsideWords`` holds one of these (lower case). A new form adds its word here.
    private static let setAsideKeys = [
        "consider", "thought", "believed", "suspected", "resembl", "mimic", "simulat", "misdiagnos", "mistaken", "preliminary", "differential",
        "impression",
        "initially thought", "possibility",
        "preoperatively diagnosed", "suggestive of", "suspicious for", "suspicious of", "to exclude", "to rule out", "concerning for",
        "worrisome for",
    ].map { Array($0.utf8) }

    nonisolated(unsafe) private static let setAsideWords =
        /\b(?:resembl(?:ing|es|ed)|mimick?(?:ing|ed|s)?|simulat(?:ing|ed|es)|misdiagnos(?:ed|is)|mistaken\s+for|preliminary\s+diagnosis|initial\s+misdiagnosis|differential\s+diagnos[ie]s|(?:initial|first)\s+impression|initially\s+thought|(?:the\s+)?possibility\s+of|preoperatively\s+diagnosed|suggestive\s+of|suspicious\s+(?:for|of)|(?:concerning|worrisome)\s+for|to\s+(?:exclude|rule\s+out))\b/

    /// Verb phrases that deny a list before them: "rash, fever and hypertension were not observed".
    private static let postposedDenials = [
        "were not observed", "was not observed", "were not seen", "was not seen", "were not noted", "was not noted", "were not reported",
        "was not reported", "were not detected", "was not detected", "were absent", "was absent", "did not occur", "were not present",
        "was not present", "never occurred",
    ]

    private static let denialKeys = ["not", "absent", "never"].map { Array($0.utf8) }

    /// True when the clause after a mention denies it: "hypertension, proteinuria and hand-foot
    /// syndrome were not observed", with no verb or clause word between.
    func isDeniedAfter(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 160)
        // Every denial holds one of these words: a byte test before lowering the window.
        guard text(window, containsAnyOf: Self.denialKeys, ignoringCase: true) else { return false }
        let after = lowered(window)
        guard let denial = Self.postposedDenials.compactMap({ after.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return false
        }
        let between = after[..<denial.lowerBound]
        if between.contains(";") || between.contains(". ") || between.contains(" but ") { return false }
        // Everything between is the list: no verb or clause word parts the mention from the denial.
        let clauseWords: Set<Substring> = [
            "was", "were", "is", "are", "had", "has", "have", "developed", "after", "during", "which", "that", "who", "while",
        ]
        return !between.split(whereSeparator: { $0 == " " || $0 == "," }).contains { clauseWords.contains($0) }
    }

    /// Adverse-event terms that are diseases a history can hold. Symptoms ("dyspnea", "leukopenia")
    /// are not, and cardiovascular risk factors ("hypertension", "dyslipidemia") are left out of
    /// diagnoses as ``riskFactorCodes`` leaves out obesity.
    static let historyDiseases: Set<String> = [
        "acute coronary syndrome", "atrial fibrillation", "heart failure", "myocardial infarction", "cardiomyopathy", "hyperthyroidism",
        "hypothyroidism", "cataract", "glaucoma", "gastric ulcer", "hepatic failure", "portal vein thrombosis", "sepsis", "hypercalcemia",
        "osteoporosis", "ischemia cerebrovascular", "stroke", "transient ischemic attacks", "depression", "acute kidney injury",
        "chronic kidney disease", "pneumonitis", "thromboembolic event",
    ]

    /// Words that give a condition as the patient's history: "a history of hypertension",
    /// "she suffered from X", "past history included X".
    private static let historyCues = [
        "history of", "history included", "history includes", "histories of", "suffered", "suffering from", "suffers from",
        "history also included", "history also includes", "history was notable for", "history notable for", "history was significant for",
        "history significant for", "history was remarkable for", "history remarkable for", "comorbidities included",
        "comorbidities including", "comorbidities of", "comorbidities were",
    ]

    /// Words that give a condition as a diagnosis made, counted only before any drug in the report
    /// (after one, "was diagnosed with pneumonitis" is usually its toxicity).
    private static let historyKeys = ["histor", "suffer", "diagnos", "consistent with", "comorbid"].map { Array($0.utf8) }

    private static let diagnosisCues = ["diagnosed with", "diagnosis of", "consistent with"]

    /// True when an adverse-event term names a condition the patient has rather than a toxicity:
    /// "with a history of hypertension", "was diagnosed with STEMI" before any treatment. Not
    /// "family history", not a negated history, not one the words between tie to a cause
    /// ("a history of ICI-induced colitis").
    func isHistoryCondition(_ range: Range<Int>, in view: SentenceView) -> Bool {
        guard let term = view.terms.first(where: { $0.range == range }), case .adverseEvent(let index) = term.concept,
            Self.historyDiseases.contains(vocabularies.adverseEvents[index].term)
        else { return false }
        if isIntroducedCondition(range, in: view) { return true }
        let beforeRange = max(view.range.lowerBound, range.lowerBound - 60)..<range.lowerBound
        // Every history and diagnosis cue holds one of these words: a byte test before lowering.
        guard text(beforeRange, containsAnyOf: Self.historyKeys, ignoringCase: true) else { return false }
        let before = lowered(beforeRange)
        var cueEnd: String.Index?
        var weak = false
        for cue in Self.historyCues {
            if let found = before.range(of: cue, options: .backwards), cueEnd.map({ found.upperBound > $0 }) ?? true { cueEnd = found.upperBound }
        }
        if cueEnd == nil {
            for cue in Self.diagnosisCues {
                if let found = before.range(of: cue, options: .backwards), cueEnd.map({ found.upperBound > $0 }) ?? true { cueEnd = found.upperBound }
            }
            weak = true
        }
        guard let cueEnd else { return false }
        let between = before[cueEnd...]
        if before.contains("family history") || isNegated(range, in: view, window: 40) { return false }
        for word in [";", ". ", " after ", " following ", "induced", "related", "due to", " during ", " on ", " but "] where between.contains(word) {
            return false
        }
        let after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 12))
        if after.hasPrefix("-induced") || after.hasPrefix("-related") || after.hasPrefix(" induced") || after.hasPrefix(" related") { return false }
        guard weak else { return true }
        // A weak cue: no drug before the term in this sentence or any earlier sentence about the patient.
        if view.terms(.drug).contains(where: { $0.range.lowerBound < range.lowerBound }) { return false }
        return !views.contains { $0.isPatient && $0.range.upperBound <= view.range.lowerBound && !$0.terms(.drug).isEmpty }
    }

    /// The patient introduced with conditions: "a 66-year-old man with cirrhosis, HCC and PVT
    /// treated with sorafenib". Not one the words after tie to a drug ("with hypertension after
    /// sorafenib"), nor one after a verb in the list ("a 60-year-old man with HCC who developed PVT").
    private func isIntroducedCondition(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = max(view.range.lowerBound, range.lowerBound - 120)..<range.lowerBound
        guard text(window, containsAnyOf: Self.ageKey, ignoringCase: true) else { return false }
        let before = lowered(window)
        guard let age = before.range(of: "-year-old", options: .backwards),
            let with = before.range(of: " with ", range: age.upperBound..<before.endIndex),
            before.distance(from: age.upperBound, to: with.lowerBound) <= 24
        else { return false }
        let between = before[with.upperBound...]
        for word in [
            ";", ". ", " after ", " following ", "induced", "related", "due to", " during ", " on ", " but ", " who ", " which ", " that ",
            " treated ", " received ", " developed ", " presented ", " was ", " had ",
        ] where between.contains(word) {
            return false
        }
        let after = lowered(range.upperBound..<min(view.range.upperBound, range.upperBound + 12))
        if [" after ", " following ", " during ", " on ", " while ", "-induced", " induced", "-related"].contains(where: { after.hasPrefix($0) }) {
            return false
        }
        return !isNegated(range, in: view, window: 40)
    }

    private static let ageKey = [Array("year-old".utf8)]

    /// The codes of non-cancer conditions that only the patient's history names ("a history of
    /// gout and asthma", "past medical history included X") and the reported course never returns
    /// to: not named outside a history, no drug line given for them, no treatment of theirs named
    /// in another sentence, and (diabetes) no hyperglycaemia. Past cancers stay diagnoses.
    func backgroundConditions(_ diagnoses: [Diagnosis], lines: [TherapyLine], events: [String]) -> Set<String> {
        var background: Set<String> = []
        // In a cancer report the conditions the patient is introduced with are their history; in a report about a
        // non-cancer disease they may be its subject.
        let cancerReport = diagnoses.contains { $0.oncotree != nil }
        for diagnosis in diagnoses where diagnosis.oncotree == nil {
            var historySentences: Set<Int> = []
            var returns = false
            for view in views where view.isPatient {
                for term in view.terms where names(term.concept, diagnosis.code) {
                    if isHistoryMention(term.range, in: view, introduction: cancerReport) {
                        historySentences.insert(view.index)
                    } else {
                        returns = true
                    }
                }
            }
            if returns || historySentences.isEmpty { continue }
            let canonical = diagnosis.canonicalName.lowercased()
            let named = [canonical, diagnosis.name]
            if lines.contains(where: { line in line.setting.map { setting in named.contains { setting.contains($0) } } ?? false }) { continue }
            if canonical.contains("diabetes"), events.contains("hyperglycemia") { continue }
            let words = Self.conditionTreatments.first { canonical.contains($0.condition) }?.words ?? []
            let treated = views.contains { view in
                view.isPatient && !historySentences.contains(view.index) && words.contains { lowered(view.range).contains($0) }
            }
            if !treated { background.insert(diagnosis.code) }
        }
        return background
    }

    private func names(_ concept: ConceptReference, _ code: String) -> Bool {
        switch concept {
        case .disease(let index): vocabularies.diseases[index].code == code
        case .adverseEvent(let index): "COND:CTCAE:" + vocabularies.adverseEvents[index].term == code
        default: false
        }
    }

    /// A mention a history cue before it in its sentence gives as past history.
    private func isHistoryMention(_ range: Range<Int>, in view: SentenceView, introduction: Bool) -> Bool {
        let before = lowered(view.range.lowerBound..<range.lowerBound)
        guard !before.contains("family history") else { return false }
        if Self.historyListCues.contains(where: { before.contains($0) }) { return true }
        let after = lowered(range.upperBound..<view.range.upperBound)
        // The patient introduced with standing conditions before what brought them: "A 74-year-old man with type 2
        // diabetes (on metformin) and gout presented with…". What they presented with is not history, nor is a
        // condition in a sentence that goes on to the treatment ("…with prediabetes and colon cancer received X").
        if introduction, before.contains(Self.introductionWith), !Self.presentingWords.contains(where: { before.contains($0) }),
            Self.presentingWords.contains(where: { after.contains($0) })
        {
            return true
        }
        // "He had asthma since childhood", "psoriasis for twenty years".
        return Self.standingAfter.contains { after.hasPrefix($0) }
    }

    /// "N-year-old <person> with", the opening of a patient's introduction.
    nonisolated(unsafe) private static let introductionWith = /\b\d{1,3}[- ‐]?(?:years?|yrs?)[- ‐]?old\b[^.;]{0,60}?\bwith\b/

    /// Words after which a condition is what the patient came with, not what they had.
    private static let presentingWords = [
        "presented", "presenting", "was admitted", "was referred", "complain", "noticed", "came to", "was diagnosed", "was found to",
    ]

    /// What after a condition says it has long been there.
    private static let standingAfter = [" since childhood", " since adolescence", " since youth", " for many years", " for years", " for decades"]

    private static let historyListCues = [
        "history of", "medical history", "past history", "history included", "history includes", "history was", "history is",
        "comorbidit", "co-morbidit", "underlying", "well apart from", "history apart from",
    ]

    /// What treats a condition, named in the course: the course has returned to it. Lower case.
    private static let conditionTreatments: [(condition: String, words: [String])] = [
        ("heart failure", ["diuretic", "furosemide", "torsemide", "bumetanide", "spironolactone", "sacubitril", "volume overload"]),
        ("obstructive pulmonary", ["bronchodilator", "inhaler", "salbutamol", "albuterol", "tiotropium", "exacerbation"]),
        ("asthma", ["bronchodilator", "inhaler", "salbutamol", "albuterol", "exacerbation"]),
        ("diabetes", ["insulin", "metformin", "hyperglyc", "antidiabetic", "gliptin", "gliflozin"]),
        ("hypothyroidism", ["levothyroxine", "thyroxine"]),
        ("gout", ["allopurinol", "febuxostat", "colchicine"]),
        ("atrial fibrillation", ["anticoagula", "apixaban", "rivaroxaban", "warfarin", "edoxaban", "dabigatran"]),
        ("hepatitis b", ["entecavir", "tenofovir", "lamivudine", "reactivation", "hbv dna"]),
        ("kidney disease", ["dialysis"]),
    ]

    /// Full names beat abbreviations; longer names beat shorter ones.
    private func preferredName(_ candidate: String, over current: String) -> Bool {
        let candidateIsAbbreviation = !candidate.contains(" ") && candidate.count <= 6
        let currentIsAbbreviation = !current.contains(" ") && current.count <= 6
        if candidateIsAbbreviation != currentIsAbbreviation { return currentIsAbbreviation }
        return candidate.count > current.count
    }
}

/// Age phrases after a number: "53-year-old", "53 years old", "53‐year‐old" (Unicode hyphens),
/// "53 years of age", "6-month-old" (0 years), "29-month-old" (2 years).
enum PatientAge {
    /// The age in whole years and the end of the phrase, or nil when the number starts none.
    static func phrase(_ bytes: UnsafeBufferPointer<UInt8>, after number: NumberMention, limit: Int) -> (years: Int, end: Int)? {
        guard number.value == number.value.rounded(), number.value < 120 else { return nil }
        var words: [(word: String, end: Int)] = []
        var index = number.range.upperBound
        var separators = 0
        while words.count < 3, index < limit {
            let byte = bytes[index]
            if byte | 0x20 &- 0x61 < 26 {
                let start = index
                while index < limit, bytes[index] | 0x20 &- 0x61 < 26 { index += 1 }
                words.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased(), index))
                separators = 0
                continue
            }
            // Space, hyphen, no-break space, and the Unicode hyphens and dashes (U+2010 to U+2013).
            var width = 0
            if byte == 0x20 || byte == 0x2D || byte == 0x0A {
                width = 1
            } else if byte == 0xC2, index + 1 < limit, bytes[index + 1] == 0xA0 {
                width = 2
            } else if byte == 0xE2, index + 2 < limit, bytes[index + 1] == 0x80, bytes[index + 2] &- 0x90 < 4 {
                width = 3
            }
            guard width > 0, separators < 2 else { break }
            separators += 1
            index += width
        }
        guard let first = words.first, words.count >= 2 else { return nil }
        let second = words[1].word
        if ["year", "years", "yr", "yrs", "y"].contains(first.word) {
            if second == "old" { return (Int(number.value), words[1].end) }
            if second == "of", words.count == 3, words[2].word == "age" { return (Int(number.value), words[2].end) }
        }
        // Whole years, as an age is counted: a 29-month-old child is 2.
        if ["month", "months"].contains(first.word), second == "old" { return (Int(number.value) / 12, words[1].end) }
        if ["week", "weeks", "day", "days"].contains(first.word), second == "old" { return (0, words[1].end) }
        return nil
    }
}
