import CaseboardCore
import Foundation

/// A disease a typed name might mean, and why.
public struct DiseaseCandidate: Sendable, Hashable {
    public var disease: Disease
    /// In words, for the clinician: "has every word you typed", "spelling close to 'astrocytoma'".
    public var reason: String

    public init(disease: Disease, reason: String) {
        self.disease = disease
        self.reason = reason
    }

    /// "Astrocytoma, IDH-Mutant (ASTR)".
    public var label: String { "\(disease.name) (\(disease.code))" }
}

/// What a typed disease name resolves to.
public enum DiseaseResolution: Sendable, Hashable {
    /// One disease; `via` says how it was found ("synonym 'NSCLC'", "every word of the name").
    case found(Disease, via: String)
    /// "any solid tumor", "solid tumours", "pan-cancer": evidence for any disease applies as
    /// tumour-agnostic evidence does.
    case tumorAgnostic
    /// Several diseases fit equally; never guessed between. Best first.
    case ambiguous([DiseaseCandidate])
    /// Nothing fits; the closest names, best first (possibly none).
    case unknown(suggestions: [DiseaseCandidate])
    /// Empty, or longer than ``InputLimits/maximumDiseaseBytes``.
    case rejected(InputProblem)

    /// The disease, when exactly one was found.
    public var disease: Disease? {
        if case .found(let disease, _) = self { return disease }
        return nil
    }
}

/// A typed disease field, read: the resolution plus what the text said besides the disease.
public struct DiseaseReading: Sendable, Hashable {
    public var input: String
    public var resolution: DiseaseResolution
    /// Biomarkers written into the disease ("HER2-positive gastric cancer", "EGFR-mutant NSCLC"):
    /// add them to the profile's alterations and statuses.
    public var biomarkers: [PatientAlterationReading]
    /// Clinical modifiers set aside to find the disease: "metastatic", "relapsed/refractory".
    public var modifiers: [String]

    public init(input: String, resolution: DiseaseResolution, biomarkers: [PatientAlterationReading] = [], modifiers: [String] = []) {
        self.input = input
        self.resolution = resolution
        self.biomarkers = biomarkers
        self.modifiers = modifiers
    }
}

extension Vocabularies {
    /// Resolves a disease as a clinician types it. See ``readDisease(_:)``.
    public func resolveDisease(_ text: String) -> DiseaseResolution {
        readDisease(text).resolution
    }

    /// Reads a typed disease field: common names, synonyms and abbreviations (NSCLC, CRC, B-ALL,
    /// ccRCC), OncoTree codes, "X cancer" and "carcinoma of the X", singular or plural, British
    /// or American spelling, with clinical modifiers ("metastatic", "relapsed") and biomarker
    /// prefixes ("HER2-positive") set aside; "any solid tumor" is tumour-agnostic.
    ///
    /// An input that only partly matches several diseases is ``DiseaseResolution/ambiguous(_:)``,
    /// never resolved to one of them. A disease named inside a longer text counts only when it
    /// covers the text's head phrase ("AML with skin involvement" is AML; "myeloid/lymphoid
    /// neoplasm" is not "Lymphoid Neoplasm").
    ///
    /// Cost is bounded: at most ``InputLimits/maximumDiseaseBytes`` are read; candidates come from the
    /// term trie and a word index, never from a scan of every disease.
    public func readDisease(_ text: String) -> DiseaseReading {
        var reading = readDisease(text, describing: true)
        if case .unknown = reading.resolution, let later = laterClauseDisease(text) { reading = later }
        // "BPDCN 68M skin plaques", "PEComa uterus malignant": a tissue named after the disease is where it is, and
        // "PD on FOLFIRINOX" is progressive disease, not Paget disease of the nipple. When the text reaches only a
        // tissue, or a response abbreviation written as a word, the leading words name the disease if they can.
        if case .found(let whole, _) = reading.resolution, whole.level <= 1 || Self.isResponseAbbreviation(whole, in: text),
            let leading = leadingDisease(Self.expandingClinicShorthand(Self.expandingStatusShorthand(text)), specificOnly: true),
            case .found(let named, _) = leading.resolution, named.code != whole.code
        {
            let biomarkers = reading.biomarkers
            reading = leading
            reading.input = text
            if reading.biomarkers.isEmpty { reading.biomarkers = biomarkers }
        }
        // "iCCA …, PD after 11 mo pemigatinib", "MM 3 prior lines: (1) KRd …, PD": a disease reached only through a
        // response abbreviation is no reading. Leading words that fit several diseases are that ambiguity, for the
        // caller to settle or to report; otherwise the text names no disease.
        var unread = false
        switch reading.resolution {
        case .unknown: unread = true
        case .found(let whole, _): unread = Self.isResponseAbbreviation(whole, in: text) && text.contains(" ")
        default: break
        }
        if unread {
            let expanded = Self.expandingClinicShorthand(Self.expandingStatusShorthand(text))
            if var fitting = leadingDisease(expanded, ambiguous: true) {
                fitting.input = text
                reading = fitting
            } else if case .found = reading.resolution {
                reading.resolution = .unknown(suggestions: [])
            }
        }
        // "MBC, ER+ 95% PR+ 40%, de novo stage IV": receptor results in a later clause are the tumour's, as they are
        // before the name ("ER+ breast cancer").
        if case .found = reading.resolution {
            for clause in text.split(separator: ",").dropFirst().map({ $0.trimmingCharacters(in: .whitespaces) })
            where clause.firstMatch(of: Self.receptorClause) != nil {
                guard case .success(var result) = parsePatientAlteration(clause, suggest: false), result.alteration != nil || !result.statuses.isEmpty
                else { continue }
                let genes = Set(([result.alteration].compactMap { $0 } + result.equivalents).map(\.gene))
                if reading.biomarkers.contains(where: { known in
                    !genes.isDisjoint(with: ([known.alteration].compactMap { $0 } + known.equivalents).map(\.gene))
                }) {
                    continue
                }
                result.input = clause
                reading.biomarkers.append(result)
            }
        }
        // "mTNBC PD on pembro + carbo/gem": the abbreviation says the three receptor results, as the written-out
        // synonym does ("triple-negative breast cancer"), so the triple-negative rows can meet them.
        if Self.tnbcWord.matches(text), !reading.biomarkers.contains(where: { $0.statuses.contains { $0.marker == .estrogenReceptor } }),
            case .success(var triple) = parsePatientAlteration("triple negative", suggest: false)
        {
            triple.input = text
            reading.biomarkers.append(triple)
        }
        // "biochemical recurrence after radical prostatectomy (Gleason 4+4)": a text naming no cancer (at most
        // a finding such as a raised PSA) but its Gleason grade names prostate adenocarcinoma, the cancer the
        // Gleason system grades (Chen and Zhou 2016, PMID:27041927; ISUP 2014 grade groups).
        let namesNoCancer: Bool
        switch reading.resolution {
        case .unknown: namesNoCancer = true
        case .found(let disease, _): namesNoCancer = !disease.isCancer
        default: namesNoCancer = false
        }
        if namesNoCancer, Self.gleasonWord.matches(text),
            let prostate = disease(code: "PRAD")
        {
            reading.resolution = .found(prostate, via: "a Gleason grade, which grades prostate adenocarcinoma")
        }
        return reading
    }

    /// `describing`: whether a clinical description may be read (``describedDisease(_:)``). Its own
    /// readings of shorter texts pass false, so each text is described at most once and the cost
    /// stays polynomial in the number of words (dropping words recursively was exponential).
    private func readDisease(_ text: String, describing: Bool) -> DiseaseReading {
        let typed: String
        switch InputLimits.check(text, limit: InputLimits.maximumDiseaseBytes) {
        case .success(let value): typed = value
        case .failure(let problem):
            return DiseaseReading(input: text.utf8.count > 64 ? "" : text, resolution: .rejected(problem), biomarkers: [], modifiers: [])
        }
        // "B-ALL Ph-neg", "KMT2A-r B-ALL": result shorthand read as its words; the input is kept as typed.
        let trimmed = Self.settingMetastaticSitesAside(Self.expandingClinicShorthand(Self.expandingStatusShorthand(typed)))
        var reading = DiseaseReading(input: typed, resolution: .unknown(suggestions: []), biomarkers: [], modifiers: [])
        // The whole text first: "triple-negative breast cancer" is a synonym, not a status.
        if let whole = wholeForm(trimmed) {
            reading.resolution = whole
            // "HER2-positive breast cancer" is a synonym, and still says HER2-positive.
            _ = stripBiomarkers(trimmed, into: &reading.biomarkers)
            return reading
        }
        var remaining = stripModifiers(Self.expandingCa(expandingClinicPrefix(trimmed)), into: &reading.modifiers)
        remaining = stripBiomarkers(remaining, into: &reading.biomarkers)
        reading.resolution = resolveCleaned(remaining)
        // Results after the disease ("breast cancer ER+"), taken off only when the text does not name a
        // disease with them ("B-ALL KMT2A-rearranged" is its own entity).
        var foundWhole = false
        if case .found = reading.resolution { foundWhole = true }
        if !foundWhole {
            var trailing: [PatientAlterationReading] = []
            let stripped = stripTrailingBiomarkers(remaining, into: &trailing)
            let resolution = stripped != remaining ? resolveCleaned(stripped) : reading.resolution
            if case .found = resolution, stripped != remaining {
                remaining = stripped
                reading.biomarkers += trailing
                reading.resolution = resolution
            }
        }
        // "squamous cell carcinoma of the anal canal, cT3N1aM0, age 60": the words of the whole text
        // may only reach a not-otherwise-specified node, where the first clause alone names the site's
        // disease (Anal Squamous Cell Carcinoma); or only an ancestor of the first clause's disease.
        if case .found(let whole, _) = reading.resolution, let comma = trimmed.firstIndex(of: ","), comma > trimmed.startIndex {
            let head = readDisease(String(trimmed[..<comma]), describing: describing)
            if case .found(let specific, _) = head.resolution, specific.code != whole.code,
                whole.name.hasSuffix(", NOS") || ancestors(of: specific.code).contains(whole.code)
            {
                var chosen = head
                chosen.input = typed
                // Biomarkers written after the comma ("…, HER2-positive") were read from the whole text.
                chosen.biomarkers = reading.biomarkers
                chosen.modifiers = reading.modifiers
                chosen.modifiers.append(String(trimmed[trimmed.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
                return chosen
            }
        }
        // "cutaneous T-cell lymphoma, Sezary syndrome (B2 blood)": a later clause names a kind of the disease the
        // whole text reaches (Sezary syndrome under mature T- and NK-cell neoplasms); the kind is the disease.
        if case .found(let whole, _) = reading.resolution, trimmed.contains(",") {
            for clause in trimmed.split(separator: ",").dropFirst() {
                // "PD after 20 months of …" is progressive disease, not the OncoTree code for Paget disease.
                let words = clause.split(separator: " ")
                if let first = words.first, ResponseVocabulary.kind(of: String(first)) != nil { continue }
                let part = readDisease(String(clause).trimmingCharacters(in: .whitespaces), describing: false)
                guard case .found(let specific, _) = part.resolution, ancestors(of: specific.code).contains(whole.code) else { continue }
                var chosen = part
                chosen.input = typed
                chosen.biomarkers = reading.biomarkers
                chosen.modifiers = reading.modifiers
                return chosen
            }
        }
        // "follicular lymphoma grade 2, third relapse", "multisystem LCH, adult": what follows the first
        // comma qualifies the disease before it.
        // "follicular lymphoma grade 1-2": a histological grade the disease's OncoTree node does not
        // split by is read as a qualifier, only when the text without it names one disease.
        if case .found = reading.resolution {
        } else if let range = Self.histologicalGrade.firstRange(in: trimmed) {
            var rest = trimmed
            rest.removeSubrange(range)
            var head = readDisease(rest, describing: describing)
            if case .found(let disease, _) = head.resolution {
                // A node split by grade ("Astrocytoma, IDH-Mutant, Grade 2") takes the graded child.
                let grade = trimmed[range].split(separator: " ").last.map { String($0).uppercased() } ?? ""
                if let graded = diseases.first(where: { $0.name.caseInsensitiveCompare("\(disease.name), Grade \(grade)") == .orderedSame }) {
                    head.resolution = .found(graded, via: "'\(trimmed)' names \(graded.name)")
                }
                head.input = typed
                head.modifiers.append(String(trimmed[range]).trimmingCharacters(in: CharacterSet(charactersIn: " ,")))
                return head
            }
        }
        // "primary CNS lymphoma (DLBCL of the CNS)": words in brackets after the disease restate or qualify it.
        if case .found = reading.resolution {
        } else if trimmed.hasSuffix(")"), let open = trimmed.range(of: " (", options: .backwards), open.lowerBound > trimmed.startIndex {
            var head = readDisease(String(trimmed[..<open.lowerBound]), describing: describing)
            if case .found = head.resolution {
                head.input = typed
                head.modifiers.append(String(trimmed[open.upperBound...].dropLast()))
                return head
            }
        }
        // "DLBCL relapsing 5 months after second-line axi-cel", "AML progressing on gilteritinib": a clause
        // about the course follows the disease; the text before it names the disease.
        if case .found = reading.resolution {
        } else if let clause = Self.courseClause.firstRange(in: trimmed), clause.lowerBound > trimmed.startIndex {
            var head = readDisease(String(trimmed[..<clause.lowerBound]), describing: describing)
            if case .found = head.resolution {
                head.input = typed
                head.modifiers.append(String(trimmed[clause.lowerBound...]).trimmingCharacters(in: .whitespaces))
                return head
            }
        }
        if case .found = reading.resolution {
        } else if let comma = trimmed.firstIndex(of: ","), comma > trimmed.startIndex {
            var head = readDisease(String(trimmed[..<comma]), describing: describing)
            if case .found = head.resolution {
                head.input = typed
                head.modifiers.append(String(trimmed[trimmed.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
                return head
            }
        }
        if case .found = reading.resolution {
        } else if describing, let described = describedDisease(trimmed) {
            return described
        }
        // "melanoma of the trunk, untreated", "sarcoma of the forearm": when nothing else read the text,
        // a body region after the disease names where it is, not another disease, if the words before
        // it name one.
        if case .unknown = reading.resolution, describing, let of = trimmed.range(of: " of "), of.lowerBound > trimmed.startIndex {
            var head = readDisease(String(trimmed[..<of.lowerBound]), describing: true)
            if case .found = head.resolution {
                head.input = typed
                head.modifiers.append(String(trimmed[of.upperBound...]).trimmingCharacters(in: .whitespaces))
                return head
            }
        }
        // "AML FLT3-ITD pos (allelic ratio 0.8)", "HCL classic, BRAF V600E", "NDMM 77F": board shorthand puts results,
        // age and sex or a variant word straight after the disease. The longest run of leading words that names a
        // disease is the disease, when the words after it name no other cancer.
        if case .unknown = reading.resolution, describing, let leading = leadingDisease(trimmed) {
            var head = leading
            head.input = typed
            return head
        }
        return reading
    }

    /// A clause that opens with a receptor result: "ER+ 95% PR+ 40%", "HER2 IHC 1+", "HR-positive".
    nonisolated(unsafe) private static let receptorClause = /^(?:ER|PR|PgR|HR|HER2|ERBB2)(?:\s|[+-]|$)/

    /// Whether the disease was reached through a word that is also a response abbreviation ("PD" for Paget disease of
    /// the nipple), written in the text as that abbreviation.
    private static func isResponseAbbreviation(_ disease: Disease, in text: String) -> Bool {
        ResponseVocabulary.kind(of: disease.code) != nil && text.split(whereSeparator: { " ,;:()".contains($0) }).contains { $0 == disease.code }
    }

    /// The longest run of leading words of the first clause that names a disease, the rest kept as modifiers;
    /// nil when the rest names an unrelated cancer (two diseases cannot be told apart from one).
    /// `specificOnly`: a prefix that reaches only a tissue or a response abbreviation does not count.
    /// `ambiguous`: leading words that fit several diseases ("MM": myeloma or melanoma) are read as that ambiguity,
    /// for the caller to settle or to report.
    private func leadingDisease(_ text: String, specificOnly: Bool = false, ambiguous: Bool = false) -> DiseaseReading? {
        let clauseEnd = text.firstIndex { ",;:".contains($0) } ?? text.endIndex
        let words = text[..<clauseEnd].split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 1 else { return nil }
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let prefix = words.prefix(count).joined(separator: " ")
            // Described once per prefix ("ND AML" drops its state word), never recursively.
            var head = readDisease(prefix, describing: false)
            if case .found = head.resolution {
            } else if ambiguous, case .ambiguous = head.resolution {
            } else if let described = describedDisease(prefix) {
                head = described
            }
            let candidates: [Disease]
            switch head.resolution {
            case .found(let disease, _) where !ambiguous:
                if specificOnly, disease.level <= 1 || Self.isResponseAbbreviation(disease, in: prefix) { continue }
                candidates = [disease]
            case .ambiguous(let fitting) where ambiguous: candidates = fitting.map(\.disease)
            default: continue
            }
            let rest = words.dropFirst(count).joined(separator: " ")
            let namesAnother = scan(rest).contains { match in
                guard case .disease(let index) = match.concept else { return false }
                let named = diseases[index]
                if Self.isResponseAbbreviation(named, in: rest) { return false }
                return named.isCancer
                    && candidates.allSatisfy { disease in
                        named.code != disease.code && !ancestors(of: named.code).contains(disease.code)
                            && !ancestors(of: disease.code).contains(named.code)
                    }
            }
            // "myeloid sarcomma": a word one typo from a disease word is a misspelt name, not a result after it.
            // A gene symbol one edit from another ("FGFR2" beside "FGFR1" of a disease name) is the gene.
            let misspelt = DiseaseInputIndex.words(rest).contains { word in
                guard diseaseInputs.postings[word] == nil, gene(symbol: word.uppercased()) == nil, let close = closestWord(word) else { return false }
                return editDistance(Array(close.utf8), Array(word.utf8), limit: 1) <= 1
            }
            guard !namesAnother, !misspelt else { return nil }
            head.modifiers.append((rest + text[clauseEnd...]).trimmingCharacters(in: .whitespaces))
            return head
        }
        return nil
    }

    /// A disease written as a clinician describes a patient: "unresectable stage IIIB lung
    /// adenocarcinoma, no progression after chemoradiation", "AML progressing on azacitidine-venetoclax;
    /// FLT3 negative", "completely resected gastric GIST (high risk)". The disease is the first clause,
    /// with its brackets, stage, TNM, grade, age and setting words set aside; failing that, the
    /// name left after one or two leading descriptive words ("epithelioid glioblastoma").
    /// Everything set aside is kept in ``DiseaseReading/modifiers`` so it can be shown.
    private func describedDisease(_ text: String) -> DiseaseReading? {
        var head = text
        var setAside: [String] = []
        func remove(_ pattern: CompiledPattern) {
            while let range = pattern.firstRange(in: head) {
                setAside.append(head[range].trimmingCharacters(in: CharacterSet(charactersIn: " ,;()")))
                head.replaceSubrange(range, with: " ")
            }
        }
        // "man aged 63, resected … breast cancer", "62-year-old woman with …": who the patient is comes first,
        // and the disease after it.
        remove(Self.leadingPatient)
        remove(Self.bracketed)
        // The first clause: what follows tells of the course, not of which disease it is.
        let lowered = head.lowercased()
        var end = lowered.endIndex
        for marker in Self.clauseMarkers {
            if let range = lowered.range(of: marker), range.lowerBound > lowered.startIndex, range.lowerBound < end { end = range.lowerBound }
        }
        if end < lowered.endIndex {
            let offset = lowered.distance(from: lowered.startIndex, to: end)
            let cut = head.index(head.startIndex, offsetBy: offset)
            setAside.append(head[cut...].trimmingCharacters(in: CharacterSet(charactersIn: " ,;")))
            head = String(head[..<cut])
        }
        for pattern in Self.descriptionPatterns { remove(pattern) }
        // "transformation of follicular lymphoma to DLBCL", "follicular lymphoma transformed to DLBCL": the disease
        // now is the one it became; the one before is history.
        if let range = Self.transformation.firstRange(in: head),
            range.upperBound < head.endIndex
        {
            setAside.append(head[range].trimmingCharacters(in: .whitespaces))
            head = String(head[range.upperBound...])
        }
        head = head.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard !head.isEmpty else { return nil }
        if head != text {
            var inner = readDisease(head, describing: false)
            if case .found = inner.resolution {
                inner.input = text
                inner.modifiers += setAside.filter { !$0.isEmpty }
                return inner
            }
            // "MM first relapse: …": an abbreviation with two meanings heads the description; its
            // candidates (for the matcher to settle, or to ask) say more than "unknown".
            if case .ambiguous = inner.resolution, !head.contains(" ") {
                inner.input = text
                inner.modifiers += setAside.filter { !$0.isEmpty }
                return inner
            }
        }
        // One or two leading descriptive words the vocabulary does not join to the name; a disease
        // state ("smouldering myeloma") is never dropped, since it changes the treatment.
        let words = head.split(separator: " ").map(String.init)
        // A disease named from the first word on ("acute promyelocytic leukaemia variant") keeps its words: dropping
        // "acute promyelocytic" left "leukaemia variant", read as hairy-cell leukaemia variant.
        let namedFromStart =
            scan(head).compactMap { match -> Int? in
                guard case .disease = match.concept, match.range.lowerBound == 0 else { return nil }
                return match.range.upperBound
            }.max() ?? 0
        for count in 1...2 where words.count > count {
            let dropped = words.prefix(count).map { $0.lowercased() }
            // Quotes around a state word ("referred as 'smouldering myeloma'") do not hide it.
            guard !dropped.contains(where: { Self.diseaseStateWords.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"‘’“”"))) })
            else { return nil }
            guard words.prefix(count).joined(separator: " ").utf8.count >= namedFromStart else { return nil }
            let rest = words.dropFirst(count).joined(separator: " ")
            var inner = readDisease(rest, describing: false)
            guard case .found(let disease, let via) = inner.resolution else { continue }
            inner.resolution = .found(disease, via: "\(via), after '\(dropped.joined(separator: " "))'")
            inner.input = text
            inner.modifiers += setAside.filter { !$0.isEmpty } + [dropped.joined(separator: " ")]
            return inner
        }
        return nil
    }

    /// A disease the first clause does not name, read after what leads it: the course ("second relapse of
    /// T-ALL", "first relapse of AML 10 months after 7+3"), the patient in clinic shorthand ("24yo M, …"), or a
    /// first clause naming something else ("NF1, symptomatic plexiform neurofibroma"). The first later clause
    /// that names a cancer, or failing that any disease, is the disease; nil when none does.
    private func laterClauseDisease(_ text: String) -> DiseaseReading? {
        var rest = text
        for pattern in [Self.leadingCourse, Self.leadingPatientShorthand] {
            if let range = pattern.firstRange(in: rest), range.upperBound < rest.endIndex { rest = String(rest[range.upperBound...]) }
        }
        var candidates: [String] = []
        if rest != text { candidates.append(rest) }
        let clauses = rest.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        if clauses.count > 1 {
            candidates += clauses.indices.dropFirst().map { clauses[$0...].joined(separator: ", ") }
        }
        var fallback: DiseaseReading?
        for candidate in candidates where !candidate.isEmpty {
            var reading = readDisease(candidate, describing: true)
            // "…, PD; (2) DPd -> PD 14 mo" is progressive disease, not Paget disease of the nipple.
            guard case .found(let disease, _) = reading.resolution, !Self.isResponseAbbreviation(disease, in: candidate) else { continue }
            reading.input = text
            if disease.isCancer { return reading }
            // A condition named in a later clause (a comorbidity) is not the disease asked about.
            if !disease.code.hasPrefix("COND") { fallback = fallback ?? reading }
        }
        return fallback
    }

    /// The course before the disease it is of: "second relapse of", "early progression of".
    private static let leadingCourse = CompiledPattern(
        #"^\s*(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|early|late|multiply|molecular|isolated\s+\w+)\s+)?(?:relapse|recurrence|progression)\s+(?:of|in)\s+(?:(?:his|her|their|the)\s+)?"#,
        caseInsensitive: true
    )
    /// The patient in clinic shorthand before the disease: "24yo M,", "58 y/o female:".
    private static let leadingPatientShorthand = CompiledPattern(
        #"^\s*\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs?|y|-year-old)\s*(?:m|f|male|female|man|woman)?\b\s*[,;:]?\s*"#,
        caseInsensitive: true
    )

    /// Who the patient is, at the start of a described disease ("man aged 63,", "a 54-year-old woman with").
    /// Also the age alone, as paediatric notes write it ("7-year-old with", "a 5-month-old with").
    private static let leadingPatient = CompiledPattern(
        #"^\s*(?:an?\s+)?(?:(?:\d{1,3}[- ]year[- ]old\s+)?(?:man|woman|male|female|boy|girl|patient|child|adolescent|infant)(?:,?\s+aged\s+\d{1,3}(?:\s+years)?)?|\d{1,3}[- ](?:year|month|week|day)s?[- ]old)(?:\s*,\s*|\s+with\s+|\s+who\s+has\s+)"#,
        caseInsensitive: true
    )

    // The readers' patterns, compiled once.
    private static let bracketed = CompiledPattern(#"\s*\([^()]*\)"#, caseInsensitive: true)
    private static let transformation = CompiledPattern(
        #"^.*?\b(?:transformation|transformed|transforming)\b.*?\b(?:to|into)\s+"#,
        caseInsensitive: true
    )
    private static let gleasonWord = CompiledPattern(#"\bgleason\b"#, caseInsensitive: true)
    /// "TNBC", "mTNBC", "la/mTNBC": triple-negative breast cancer by its abbreviation.
    private static let tnbcWord = CompiledPattern(#"(?:\b|\bm|/m)TNBC\b"#, caseInsensitive: false)
    private static let histologicalGrade = CompiledPattern(#"\s*,?\s*\bgrade\s+(1-2|1/2|[1-3][ab]?|i{1,3}[ab]?)\b"#, caseInsensitive: true)
    private static let courseClause = CompiledPattern(
        #"\s+(relapsing|relapsed|relapse(?!\s+of\b)|progressing|progressed|failing|recurring|refractory to|resistant to|after|following)\s"#,
        caseInsensitive: true
    )
    private static let lowercaseMAbbreviation = CompiledPattern(#"^m[A-Z]{2,}"#)

    /// Where the first clause of a described disease ends.
    private static let clauseMarkers = [
        " at diagnosis", " at presentation",
        ";", ",", " progressing", " progressed", " progression", " relapsing", " relapsed after", " after ", " following ", " on ",
        " treated ", " not responding", " refractory to ", " resistant to ", " intolerant", " with ", " without ", " w/ ", " w/o ", " who ",
        " since ",
        // The course and how the disease was found: "AML during quizartinib maintenance", "CML losing major
        // molecular response", "mantle cell lymphoma found on a routine blood count".
        " during ", " losing ", " lost ", " found ", " discovered ", " detected ", " incidentally ", " presenting ", " achieving ",
        " in remission", " in complete remission", " in first remission",
        // Where the disease came from: "anaplastic thyroid carcinoma arising in papillary carcinoma" is the
        // anaplastic carcinoma; the precursor is history.
        " arising in ", " arising from ", " arising on ", " evolving from ", " evolved from ",
        // "aggressive NK-cell leukaemia: fever, …", "… diagnosed on skin biopsy": the findings after a colon, and how
        // it was diagnosed, are the presentation ("newly diagnosed" before the name stays).
        ":", " diagnosed on ", " diagnosed by ",
        // Clinic shorthand for the course: "DLBCL relapse 10 mo after R-CHOP", "CLL/SLL needing tx", "MBC, PD on
        // anastrozole".
        " first relapse", " second relapse", " needing ", " requiring ", " pd ", " pd,",
        // An ordinal of the course in figures: "RRMM 2nd relapse: …", "APL 1st relapse (molecular)", "CLL 3rd line".
        " 1st ", " 2nd ", " 3rd ", " 4th ", " 5th ", " third relapse", " fourth relapse",
    ]

    /// Stage, TNM, grade, age, durations and setting words inside a described disease.
    private static let descriptionPatterns = [
        // Non-invasive T categories in their own case ("Ta papillary", "Tis"), and the staging systems of
        // lymphoma, CLL, myeloma and gynaecological cancers: a stage of the disease, not another disease. Before
        // the plain stage, which would leave the system's name behind ("Ann Arbor stage III").
        #"(?-i:\b(?:y?p|c)?T(?:a|is)(?:\s*N[0-3x][a-c]?)?(?:\s*M[01][a-c]?)?\b)"#, #"\bRai\s+(?:stage\s+)?(?:0|i{1,3}|iv|[1-4])\b"#,
        #"\bBinet\s+(?:stage\s+)?[abc]\b"#, #"\b(?:r2?-)?ISS\s+(?:stage\s+)?(?:i{1,3}|[1-3])\b"#,
        #"\b(?:Ann\s+Arbor|Lugano)(?:\s+(?:stage\s+)?(?:i{1,3}|iv|[1-4])[abesx]*)?\b"#,
        #"\bFIGO(?:\s+(?:stage\s+)?(?:i{1,3}|iv|[1-4])[a-c]?[1-3]?)?\b"#,
        #"\bstage\s+(?:0|[ivx]+|[1-4])[a-c]?[0-9]?\b"#, #"\b(?:y?p|c)?T[0-4x](?:is|[a-d])?(?:\s*N[0-3x][a-c]?)?(?:\s*M[01][a-c]?)?\b"#,
        #"\bG[1-4]\b"#, #"\bage[sd]?\s+\d{1,3}\b"#,
        // The line in clinic shorthand ("1L", "2L+") and the Siewert type of a junction tumour: a setting and a site.
        #"(?-i:\b[1-5]L\+?(?=[\s,;]|$))"#, #"\bSiewert\s+(?:type\s+)?(?:i{1,3}|[1-3])\b"#, #"\b\d+(?:\.\d+)?\s*(?:years?|months?|weeks?|days?)\b"#,
        #"\b(?:completely\s+|incompletely\s+)?resected\b"#, #"\bde\s+novo\b"#, #"\bwell[- ]differentiated\b"#,
        #"\b(?:a)?symptomatic\b"#, #"\b(?:hormone|castration)[- ](?:sensitive|naive|naïve)\b"#, #"\bbcg[- ]unresponsive\b"#,
        #"\b(?:high|low)[- ]volume\b"#, #"\bbulky\b"#, #"\bunresectable\b"#, #"\bmetastatic\b"#, #"\blocally\s+advanced\b"#,
        #"\bnewly\s+diagnosed\b"#, #"\btreatment[- ]na[iï]ve\b"#, #"\brecurrent\b"#, #"^\s*(?:an?|the)\s+"#, #"\bprogressive\s+(?!disease\b)"#,
        // Node and metastasis categories written apart from T ("pT3 pN1a"), resection margins ("R0") and the side
        // of the colon: stage and site detail, in their own case.
        #"(?-i:\b(?:y?p|c)?N[0-3x][a-c]?(?:\(\w+\))?(?=[\s,;]|$))"#, #"(?-i:\b(?:y?p|c)?M[01][a-c]?(?=[\s,;]|$))"#,
        #"(?-i:\bR[012]\b)"#, #"\b(?:left|right)[- ]sided\b"#, #"\bbiopsy[- ]proven\b"#,
        // A vertebral level before "vertebra" ("of the T9 vertebra") says where, not what.
        #"\b[CTLS]\d{1,2}(?=\s+vertebra)"#,
    ].map { CompiledPattern($0, caseInsensitive: true) }

    /// Words naming a state of a disease that is treated apart from it.
    private static let diseaseStateWords: Set<String> = ["smouldering", "smoldering", "premalignant", "precursor"]

    // MARK: Steps

    private func resolveCleaned(_ text: String) -> DiseaseResolution {
        guard !text.isEmpty else { return .unknown(suggestions: []) }
        if Self.isTumorAgnostic(text) { return .tumorAgnostic }
        if let whole = wholeForm(text) { return whole }
        if let disease = disease(code: text), disease.isCancer, !text.contains(" ") { return .found(disease, via: "OncoTree code \(disease.code)") }
        var words = DiseaseInputIndex.words(Self.reordered(text))
        guard !words.isEmpty else { return .unknown(suggestions: []) }
        if words.count > 24 { words = Array(words.prefix(24)) }
        // Every word of one name, in any order, singular or plural.
        if let ids = diseaseInputs.exact[DiseaseInputIndex.key(words)] {
            let found = distinctDiseases(ids.map { diseaseInputs.forms[Int($0)] })
            if found.count == 1 { return .found(diseases[found[0]], via: "every word of '\(diseaseInputs.forms[Int(ids[0])].surface)'") }
            // "spindle cell sarcoma NOS": the writer's "not otherwise specified" picks the one NOS node among the fits.
            let unspecified = found.filter { diseases[$0].name.hasSuffix(", NOS") }
            if unspecified.count == 1, text.split(whereSeparator: { !$0.isLetter }).contains(where: { $0.uppercased() == "NOS" }) {
                return .found(diseases[unspecified[0]], via: "every word you typed, and 'NOS' names \(diseases[unspecified[0]].name)")
            }
            return .ambiguous(found.map { DiseaseCandidate(disease: diseases[$0], reason: "has every word you typed") })
        }
        // On the reordered text, so "adenocarcinoma of the pancreas" is not plain "adenocarcinoma".
        if let inside = insideMatch(Self.reordered(text)) { return inside }
        return candidates(words, text: text)
    }

    /// A disease (or several) named by the whole text through the lexicon.
    private func wholeForm(_ text: String) -> DiseaseResolution? {
        var found: [Int] = []
        for concept in concepts(named: text) {
            if case .disease(let index) = concept, !found.contains(index) { found.append(index) }
        }
        if found.isEmpty {
            // Abbreviations are stored in capitals: "nsclc", "b-all", "ccrcc" typed in lowercase.
            for concept in concepts(named: text.uppercased()) where text.utf8.count <= 10 {
                if case .disease(let index) = concept, !found.contains(index) { found.append(index) }
            }
        }
        guard !found.isEmpty else { return nil }
        if found.count == 1 { return .found(diseases[found[0]], via: "name or synonym '\(text)'") }
        // An OncoTree code written as one ("MS", as a phenopacket or an extracted case gives it) names that
        // cancer, as the profile's contract promises, although the letters also abbreviate another condition.
        if let coded = disease(code: text), coded.code == text, coded.isCancer, found.contains(where: { diseases[$0].code == coded.code }) {
            return .found(coded, via: "OncoTree code \(coded.code)")
        }
        return .ambiguous(found.map { DiseaseCandidate(disease: diseases[$0], reason: "'\(text)' is a name or abbreviation of each") })
    }

    /// The longest disease named inside the text, when it covers the text's head phrase.
    private func insideMatch(_ text: String) -> DiseaseResolution? {
        let matches = scan(text).compactMap { match -> (Range<Int>, Int)? in
            if case .disease(let index) = match.concept { return (match.range, index) }
            return nil
        }
        guard !matches.isEmpty else { return nil }
        let head = Self.headPhraseRange(text)
        let covering = matches.filter { $0.0.lowerBound <= head.lowerBound && $0.0.upperBound >= head.upperBound }
        let distinct = covering.reduce(into: [Int]()) { if !$0.contains($1.1) { $0.append($1.1) } }
        if distinct.count == 1 {
            let range = covering[0].0
            let surface = String(text.utf8Slice(range))
            return .found(diseases[distinct[0]], via: "'\(surface)' in the text")
        }
        if distinct.count > 1 {
            return .ambiguous(distinct.map { DiseaseCandidate(disease: diseases[$0], reason: "named in the text") })
        }
        return nil
    }

    /// Ranked candidates from the word index; resolves only when exactly one disease (or one
    /// disease above all the others that fit) has every typed word including the head noun.
    private func candidates(_ typed: [String], text: String) -> DiseaseResolution {
        var words = typed
        var corrections: [String: String] = [:]
        for (position, word) in words.enumerated() where diseaseInputs.postings[word] == nil {
            if let corrected = closestWord(word) {
                corrections[corrected] = word
                words[position] = corrected
            }
        }
        let inputHeads = Set(DiseaseInputIndex.headNouns(Self.reordered(text)))
        struct Score {
            var covered: Set<String> = []
        }
        var scores: [Int32: Score] = [:]
        for word in Set(words) {
            // "cancer" is what clinicians call a carcinoma: "esophageal cancer" fits "Esophageal
            // Adenocarcinoma" and "Esophageal Squamous Cell Carcinoma" alike.
            for form in word == "cancer" ? ["cancer", "carcinoma", "adenocarcinoma"] : [word] {
                // A word in hundreds of names ("carcinoma") still costs one pass over its postings.
                for id in diseaseInputs.postings[form] ?? [] { scores[id, default: Score()].covered.insert(word) }
            }
        }
        // Rare words say more than common ones: "esophageal" more than "cancer".
        func weight(_ word: String) -> Int {
            let count = diseaseInputs.postings[word]?.count ?? 1
            return max(2, 12 - (Int.bitWidth - count.leadingZeroBitCount))
        }
        let wordSet = Set(words)
        struct Ranked {
            var disease: Int
            var full: Bool
            var coversAll: Bool
            var rank: Int
            var reason: String
        }
        var ranked: [Int: Ranked] = [:]
        for (id, score) in scores {
            // A lone letter ("x" after a variant) is no evidence of a name ("histiocytosis X").
            guard score.covered.contains(where: { $0.count > 1 }) else { continue }
            let form = diseaseInputs.forms[Int(id)]
            let met = form.groups.filter { group in
                group.contains { wordSet.contains($0) || wordSet.contains("cancer") && ($0 == "carcinoma" || $0 == "adenocarcinoma") }
            }.count
            let extra = form.groups.count - met
            let coversAll = score.covered.count == wordSet.count
            let formHeads = Set(form.heads.map { $0 == "carcinoma" || $0 == "adenocarcinoma" ? "cancer" : $0 } + form.heads)
            let headMet = !formHeads.isDisjoint(with: wordSet) && (inputHeads.isEmpty || !formHeads.isDisjoint(with: inputHeads))
            let rank = score.covered.map(weight).reduce(0, +) * 2 - extra * 2 + (headMet ? 4 : 0) + (coversAll ? 40 : 0)
            var reason = coversAll ? "has every word you typed" : "shares '\(score.covered.sorted().joined(separator: "', '"))'"
            let fixed = score.covered.compactMap { word in corrections[word].map { typo in "'\(typo)' read as '\(word)'" } }
            if !fixed.isEmpty { reason += "; " + fixed.sorted().joined(separator: ", ") }
            let candidate = Ranked(
                disease: form.disease,
                full: coversAll && extra == 0 && headMet,
                coversAll: coversAll && headMet,
                rank: rank,
                reason: reason
            )
            if let existing = ranked[form.disease], existing.rank >= rank { continue }
            ranked[form.disease] = candidate
        }
        let ordered = ranked.values.sorted {
            ($0.rank, -diseases[$0.disease].level, diseases[$1.disease].code) > ($1.rank, -diseases[$1.disease].level, diseases[$0.disease].code)
        }
        let list = ordered.prefix(6).map { DiseaseCandidate(disease: diseases[$0.disease], reason: $0.reason) }
        guard corrections.isEmpty else { return .unknown(suggestions: Array(list.prefix(3))) }
        let complete = ordered.filter(\.coversAll)
        if complete.count == 1 {
            return .found(diseases[complete[0].disease], via: "the only disease whose name has every word you typed")
        }
        if complete.count > 1 {
            // One of them holding all the others: "myeloid/lymphoid neoplasm" is the parent of
            // its FGFR1, PDGFRA, PDGFRB and PCM1-JAK2 subtypes.
            let codes = complete.map { diseases[$0.disease].code }
            if let parent = complete.first(where: { candidate in
                codes.allSatisfy { isDisease($0, within: diseases[candidate.disease].code) }
            }) {
                return .found(
                    diseases[parent.disease],
                    via: "every word you typed; the \(codes.count - 1) narrower diseases that also fit lie below it"
                )
            }
            return .ambiguous(complete.prefix(6).map { DiseaseCandidate(disease: diseases[$0.disease], reason: $0.reason) })
        }
        return .unknown(suggestions: Array(list.prefix(3)))
    }

    private func distinctDiseases(_ forms: [DiseaseInputIndex.Form]) -> [Int] {
        forms.reduce(into: [Int]()) { if !$0.contains($1.disease) { $0.append($1.disease) } }
    }

    /// The index word closest in spelling to a word the index does not hold, if one is close.
    private func closestWord(_ word: String) -> String? {
        let count = word.count
        guard count >= 5, count <= 40 else { return nil }
        let limit = count >= 8 ? 2 : 1
        let target = Array(word.utf8)
        var best: (distance: Int, word: String)?
        for length in max(4, count - limit)...min(40, count + limit) {
            for candidate in diseaseInputs.wordsByLength[length] {
                let distance = editDistance(Array(candidate.utf8), target, limit: limit)
                if distance <= limit, best == nil || distance < best!.distance { best = (distance, candidate) }
            }
        }
        return best?.word
    }

    // MARK: Text shaping

    /// Words clinicians put around a disease that do not change which disease it is.
    static let modifiers: [String] = [
        // CML phase with its connective first, before the bare phase below takes it ("Ph+ CML in
        // chronic phase"); blast phase (blast crisis) and MDS risk groups name a stage of the same
        // disease (NCCN Chronic Myeloid Leukemia v.2.2025; NCCN Myelodysplastic Syndromes v.2.2025).
        "in chronic phase", "in accelerated phase", "in myeloid blast crisis", "in lymphoid blast crisis", "in blast crisis",
        "in myeloid blast phase", "in lymphoid blast phase", "in blast phase", "myeloid blast crisis", "lymphoid blast crisis",
        "myeloid blast phase", "lymphoid blast phase", "blast crisis", "blast phase", "blast-phase", "lower-risk", "lower risk",
        "higher-risk", "higher risk", "very low-risk", "very high-risk",
        "relapsed/refractory", "relapsed or refractory", "r/r", "recurrent/metastatic", "recurrent or metastatic", "r/m", "locally advanced",
        "newly diagnosed", "newly-diagnosed", "newly dx", "new dx", "previously treated", "treatment-naive", "de novo",
        // Grade groups of one disease (follicular lymphoma grade 1-2 and 3A are managed alike: NCCN B-Cell
        // Lymphomas 2025).
        "grades 1-2", "grade 1-2", "grade 1–2", "gr 1-2", "gr 1–2", "grade 3a", "gr 3a",
        "treatment naive", "metastatic", "advanced", "relapsed", "refractory", "recurrent", "unresectable", "inoperable", "progressive",
        "stage iv", "stage iii", "stage ii", "stage i", "stage 4", "stage 3", "stage 2", "stage 1", "late-stage", "early-stage",
        "high-risk", "low-risk", "adult", "pediatric", "paediatric", "childhood", "primary",
        // Extent of a histiocytosis (Histiocyte Society classification): not another disease.
        "multisystem", "multi-system", "single-system", "unifocal", "multifocal",
        // Histology, phase and platinum-response qualifiers name a setting, not another disease:
        // "non-squamous NSCLC" is NSCLC, "chronic phase CML" is CML.
        "non-squamous", "nonsquamous", "chronic phase", "chronic-phase", "accelerated phase", "accelerated-phase",
        "platinum-resistant", "platinum resistant", "platinum-sensitive", "platinum sensitive", "platinum-refractory",
        // Side, sub-site and radioiodine status choose a treatment, not a disease (NCCN Colon Cancer and
        // Thyroid Carcinoma 2025): "left-sided colon cancer" is colon cancer, "sigmoid colon" is colon.
        "left-sided", "right-sided", "left sided", "right sided", "l-sided", "r-sided", "left", "right", "bilateral", "sigmoid", "ascending",
        "descending", "transverse",
        "cecal", "caecal",
        "rai-refractory", "rai refractory", "radioiodine-refractory", "radioiodine refractory", "radioactive iodine-refractory",
        // The absence of BCR::ABL1 leaves the disease itself: "B-ALL Ph-negative", "Ph-negative ALL" (a Ph-positive
        // disease is a node of its own, read before this).
        "philadelphia chromosome-negative", "philadelphia-negative", "ph-negative", "ph negative",
    ]

    /// "mTNBC", "la/mUC", "r/mHNSCC": the setting glued to an abbreviation, written out so the
    /// modifiers and the abbreviation are read apart. "mUC", a name of its own, stays.
    func expandingClinicPrefix(_ text: String) -> String {
        var text = text
        for (prefix, words) in [("la/", "locally advanced "), ("r/", "recurrent ")]
        where text.hasPrefix(prefix) && text.dropFirst(prefix.count).hasPrefix("m") {
            text = words + text.dropFirst(prefix.count)
            break
        }
        let start = text.index(text.startIndex, offsetBy: text.hasPrefix("locally advanced ") ? 17 : text.hasPrefix("recurrent ") ? 10 : 0)
        let rest = text[start...]
        guard Self.lowercaseMAbbreviation.matches(String(rest)) else { return text }
        let abbreviation = String(rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ":" })
        if wholeForm(abbreviation) != nil { return text }
        return text[..<start] + "metastatic " + rest.dropFirst()
    }

    /// Clinic shorthand for a disease. "met melanoma", "met CRC": "met" in lower case before a word that is
    /// not a finding of the gene ("met amp", "met exon 14") is "metastatic". "MBC" is OncoTree's code for
    /// metaplastic breast carcinoma, and shorthand for metastatic breast cancer: beside a receptor status
    /// ("MBC HR+/HER2-", "HER2+ MBC") it is the latter, as at a tumour board.
    ///
    /// Tumour-board shorthand is spelled out too: "uHCC" (unresectable), "PROC"/"PSOC" (platinum-resistant or
    /// -sensitive ovarian cancer), "MDS-5q", "endometrioid EC". Staging and risk scores that choose a treatment
    /// and not a disease (BCLC stage, Child-Pugh class, IPSS-R and CPSS risk, a lettered stage such as IVB)
    /// are set aside, so "HCC BCLC-C, Child-Pugh A5" reads as HCC.
    static func expandingClinicShorthand(_ text: String) -> String {
        var text = lowercaseMetastatic.replacingMatches(in: text, with: "metastatic ")
        if let found = metastaticBreastShorthand.firstRange(in: text), receptorStatus.matches(text) {
            text.replaceSubrange(found, with: "metastatic breast cancer")
        }
        for (pattern, replacement) in boardShorthand {
            text = pattern.replacingMatches(in: text, with: replacement)
        }
        // "stage IVB" is read as "stage IV", a modifier the reader knows.
        text = letteredStage.replacingMatches(in: text, with: "$1")
        return stagingScores.replacingMatches(in: text, with: " ")
    }

    /// "squamous cell carcinoma of the larynx with lung metastases", "melanoma, lung and liver metastases", "lung
    /// adenocarcinoma with new liver lesions": the sites a cancer has spread to are not its tissue. They are read as
    /// "metastatic", so the lung or the liver never becomes the disease.
    static func settingMetastaticSitesAside(_ text: String) -> String {
        settingParaproteinAside(metastaticSites.replacingMatches(in: text, with: " metastatic"))
    }

    /// "NDMM IgG kappa": the paraprotein's isotype is detail of a myeloma, never the IgG node OncoTree files under
    /// MGUS. Kept when it is all the text says.
    static func settingParaproteinAside(_ text: String) -> String {
        let rest = paraprotein.replacingMatches(in: text, with: " ").trimmingCharacters(in: .whitespaces)
        // "IgA kappa paraprotein" names the protein alone: kept whole, as before.
        let words = rest.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
        let onlyProtein = words.allSatisfy { ["paraprotein", "m-protein", "m", "protein", "monoclonal", "type", "isotype"].contains($0) }
        return onlyProtein ? text : rest
    }

    private static let paraprotein = CompiledPattern(#"\bIg[GAMDE][- ]?(?:kappa|lambda|κ|λ)\b"#, caseInsensitive: true)

    private static let metastaticSites = CompiledPattern(
        #"(?:\s+with)?\s+(?:(?:multiple|multifocal|bilateral|new|small|large)\s+)?(?:(?:lung|liver|hepatic|bone|osseous|brain|cerebral|nodal|lymph[- ]node|peritoneal|adrenal|pleural|pulmonary|skin|soft[- ]tissue|leptomeningeal|CNS|visceral|distant|spinal|skeletal)(?:\s*(?:,|and|\+|/)\s*|\s+))+(?:metasta(?:ses|sis)|lesions?|deposits?|nodules?)\b"#,
        caseInsensitive: true
    )

    private static let letteredStage = CompiledPattern(#"\b(stage\s+(?:IV|III|II|I))[A-C]\d?\b"#, caseInsensitive: true)

    private static let boardShorthand: [(CompiledPattern, String)] = [
        (CompiledPattern(#"(?<![A-Za-z0-9-])u(?=(?:HCC|BTC|CCA|PDAC)\b)"#), "unresectable "),
        (CompiledPattern(#"(?<![A-Za-z0-9-])PROC(?![A-Za-z0-9])"#), "platinum-resistant ovarian cancer"),
        (CompiledPattern(#"(?<![A-Za-z0-9-])PSOC(?![A-Za-z0-9])"#), "platinum-sensitive ovarian cancer"),
        (CompiledPattern(#"(?<![A-Za-z0-9-])MDS[- ]5q-?(?![A-Za-z0-9])"#), "MDS with del(5q)"),
        (CompiledPattern(#"\b(endometrioid|serous|clear cell|mucinous)\s+EC\b"#), "$1 endometrial carcinoma"),
        // "laBCC", "laCSCC": locally advanced, glued to the abbreviation as "m" is for metastatic.
        (CompiledPattern(#"(?<![A-Za-z0-9-])la(?=[A-Z]{2,6}\b)"#), "locally advanced "),
        // "st IV cut melanoma, lung + liver mets": the stage, the skin and the sites written short.
        (CompiledPattern(#"\bst\.?\s+(?=(?:IV|III|II|I)\b)"#), "stage "),
        (CompiledPattern(#"\bcut\.?\s+(?=melanoma|SCC\b|squamous)"#), "cutaneous "),
        (CompiledPattern(#"(?<![A-Za-z0-9-])mets\b"#), "metastases"),
        // "sq cell NSCLC", "sq NSCLC", "non-sq": squamous written short (pemetrexed is not for squamous histology).
        (CompiledPattern(#"(?<![A-Za-z0-9])(?:sq\.?|squamous)(?:\s+cell)?(?=\s+NSCLC\b)"#, caseInsensitive: true), "squamous"),
        (CompiledPattern(#"(?<![A-Za-z0-9])sq\.?(?:\s+cell)?(?=\s+(?:lung|carcinoma|ca\b|non-small))"#, caseInsensitive: true), "squamous cell"),
        (CompiledPattern(#"(?<![A-Za-z0-9])non-sq\.?(?![A-Za-z])"#, caseInsensitive: true), "non-squamous"),
        // "adenocarcinoma of the left lower lobe", "RUL adenocarcinoma": only the lung has upper, middle and lower lobes.
        (
            CompiledPattern(#"\b(?:(?:left|right)\s+)?(?:upper|lower|middle)(?:\s+|-)lobe\b(?:\s+of\s+the\s+lungs?\b)?"#, caseInsensitive: true),
            "lung"
        ),
        (CompiledPattern(#"\b(?:RUL|RLL|RML|LUL|LLL)\b"#), "lung"),
        // "sigmoid adenocarcinoma": the sigmoid is a part of the colon; "submandibular gland" a salivary gland.
        (CompiledPattern(#"(?<![A-Za-z-])sigmoid\b(?!\s+colon)"#, caseInsensitive: true), "sigmoid colon"),
        (CompiledPattern(#"\b(?:submandibular|sublingual)(?:\s+salivary)?(?:\s+gland)?\b"#, caseInsensitive: true), "salivary gland"),
        // "sq NSCLC", "non-sq NSCLC" (non-squamous): squamous written short before the lung cancer it qualifies.
        (CompiledPattern(#"(?<![A-Za-z0-9])sq\.?\s+(?=NSCLC\b|non-small|lung|cell\s+carcinoma)"#, caseInsensitive: true), "squamous "),
        (CompiledPattern(#"(?<=[a-z]) \+ (?=[a-z])"#), " and "),
    ]

    private static let stagingScores = CompiledPattern(
        #"\bBCLC[- ]?(?:0|A|B|C|D)\b|\bChild[- ]Pugh(?:\s+class)?[- ]?[ABC]\d{0,2}\b|\bIPSS-?[RM]?\s+(?:very\s+)?(?:low|int(?:ermediate)?(?:-?[12])?|high)(?:[- ]risk)?\b|\bCPSS(?:-mol)?\s+(?:low|int(?:ermediate)?(?:-?[12])?|high)\b"#,
        caseInsensitive: true
    )

    private static let lowercaseMetastatic = CompiledPattern(
        #"(?<![A-Za-z0-9-])met\s+(?=[A-Za-z])(?!amp|exon|ex\s?14|mut|fusion|over|high|pos|neg|skip|alter|gene|copy|cn\b)"#
    )

    private static let metastaticBreastShorthand = CompiledPattern(#"(?<![A-Za-z0-9-])MBC(?![A-Za-z0-9])"#)
    private static let receptorStatus = CompiledPattern(
        #"\b(?:HR|ER|PR|PgR|HER2|ERBB2)\s*(?:[+-]|-?(?:pos|neg|positive|negative|low|ultralow)\b|\s+(?:IHC|[0-3]\+))|\bTNBC\b|triple[- ]negative|hormone[- ]receptor|\bluminal\b"#,
        caseInsensitive: true
    )

    /// "Ph-neg", "HER2-pos", "KMT2A-r": a result after a marker written short, as in the alteration
    /// readers (``expandingResultShorthand(_:notes:)``). "-r" after a gene symbol is "rearranged"
    /// (KMT2A-r, MLL-r); "r/r" (relapsed/refractory) has no hyphen and is left alone.
    static func expandingStatusShorthand(_ text: String) -> String {
        var text = expandingWildType(text)
        for (short, long) in [("-neg", "-negative"), ("-pos", "-positive"), ("-r", "-rearranged")] {
            var from = text.startIndex
            while let range = text.range(of: short, options: .caseInsensitive, range: from..<text.endIndex) {
                let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                let endsWord = after == " " || after == "," || after == ";" || after == ")"
                // A gene symbol or "Ph" before the hyphen: a letter or digit, and for "-r" a capital or digit.
                let marker = short == "-r" ? (before.isUppercase || before.isNumber) : (before.isLetter || before.isNumber)
                if marker, endsWord {
                    text.replaceSubrange(range, with: long)
                    from = text.index(range.lowerBound, offsetBy: long.count)
                } else {
                    from = range.upperBound
                }
            }
        }
        return text
    }

    /// "BRAF wt", "RAS/BRAF WT", "KRAS/NRAS wt": wild-type, not the OncoTree code for Wilms' tumour. A lowercase "wt"
    /// is always wild-type; "WT" only after a gene written in capitals (or a list of them), where Wilms' tumour
    /// cannot be meant.
    static func expandingWildType(_ text: String) -> String {
        guard text.range(of: "wt", options: .caseInsensitive) != nil else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            let word = words[index]
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.)("))
            guard core == "wt" || core == "WT" else { continue }
            if core == "WT" {
                guard index > 0 else { continue }
                let previous = words[index - 1]
                let geneLike = previous.count >= 2 && previous.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" || $0 == "-" }
                guard geneLike, previous.contains(where: \.isLetter) else { continue }
            }
            words[index] = word.replacingOccurrences(of: core, with: "wild-type")
        }
        return words.joined(separator: " ")
    }

    /// "breast ca", "Ca prostate": the clinical shorthand for cancer, as a last word or a first one.
    static func expandingCa(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { return text }
        // "oropharyngeal SCC", "cervical SCC": SCC after a site is squamous cell carcinoma of it.
        if words.count >= 2, words.last == "SCC" || words.last == "SCC," {
            words[words.count - 1] = "squamous cell carcinoma"
            return words.joined(separator: " ")
        }
        // "NSCLC adenoca", "adenoca of the lung", "gastric adeno", "GEJ adeno": adenocarcinoma. "Adeno" alone had been
        // read through "lung adeno" as lung adenocarcinoma, whatever the site before it.
        if let index = words.firstIndex(where: { ["adenoca", "adenoca.", "adeno", "adeno,", "adeno."].contains($0.lowercased()) }) {
            words[index] = "adenocarcinoma" + (words[index].hasSuffix(",") ? "," : "")
            return words.joined(separator: " ")
        }
        for index in [words.count - 1, 0] where ["ca", "ca."].contains(words[index].lowercased()) {
            if index == 0 {
                words.removeFirst()
                words.append("cancer")
            } else {
                words[index] = "cancer"
            }
            return words.joined(separator: " ")
        }
        return text
    }

    private func stripModifiers(_ text: String, into found: inout [String]) -> String {
        var result = " " + text.lowercased() + " "
        var original = " " + text + " "
        for modifier in Self.modifiers {
            while let range = result.range(of: " \(modifier) ") ?? result.range(of: " \(modifier), ") {
                found.append(modifier)
                let offset = result.distance(from: result.startIndex, to: range.lowerBound)
                let length = result.distance(from: range.lowerBound, to: range.upperBound)
                result.replaceSubrange(range, with: " ")
                let start = original.index(original.startIndex, offsetBy: offset)
                original.replaceSubrange(start..<original.index(start, offsetBy: length), with: " ")
            }
        }
        return original.trimming { " ,;:".unicodeScalars.contains($0) }
    }

    /// Takes leading biomarker words off: "HER2-positive gastric cancer", "EGFR-mutant NSCLC",
    /// "BRAF V600E-mutant melanoma", "FLT3-ITD AML".
    private func stripBiomarkers(_ text: String, into found: inout [PatientAlterationReading]) -> String {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return text }
        let statusEndings = [
            "-positive", "+", "-negative", "-mutant", "-mutated", "-amplified", "-rearranged", "-altered", "-low", "-high", "-driven",
            "-associated", "-related",
            "positive", "negative", "mutant", "mutated", "amplified", "rearranged", "-",
        ]
        // Every way to read leading words as a biomarker, longest first ("BRAF V600E-mutant melanoma").
        var readings: [(length: Int, reading: PatientAlterationReading)] = []
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            let prefix = words[0..<length].joined(separator: " ")
            let lowered = prefix.lowercased()
            let ending = statusEndings.first { lowered.hasSuffix($0) }
            var attempts = [prefix]
            for suffix in ["-mutant", "-mutated", " mutant", " mutated", "-driven", "-associated", "-related"] where lowered.hasSuffix(suffix) {
                attempts.append(String(prefix.dropLast(suffix.count)))
            }
            for attempt in attempts {
                guard case .success(let reading) = parsePatientAlteration(attempt, suggest: false) else { continue }
                let specific = reading.alteration.map { [.proteinChange, .internalTandemDuplication, .fusion, .exon].contains($0.kind) } ?? false
                guard ending != nil || specific || !reading.statuses.isEmpty else { continue }
                // "Ewing sarcoma" must not lose "Ewing": a gene has to be written as one. A status
                // ("triple negative") needs no capitals.
                guard !reading.statuses.isEmpty || prefix.contains(where: { $0.isUppercase || $0.isNumber }) else { continue }
                readings.append((length, reading))
                break
            }
        }
        // The longest reading, unless it took a word the disease needs: "ROS1-rearranged lung
        // adenocarcinoma" also parses with "lung" as trailing detail, which left "adenocarcinoma"
        // (Adenocarcinoma, NOS). A shorter reading whose rest names a disease, where the longer's rest
        // names none or a broader one, wins.
        guard let longest = readings.first else { return text }
        var chosen = longest
        if readings.count > 1 {
            let rest = { (length: Int) in words[length...].joined(separator: " ") }
            // Each rest is read as a whole disease text, with its trailing detail ("... after 26 months of alectinib"),
            // and the most specific disease a rest names wins: "ALK-rearranged lung adenocarcinoma after 26 months"
            // also parses with "lung adenocarcinoma after" as the fusion's detail.
            var chosenDisease: Disease?
            if case .found(let disease, _) = readDisease(rest(longest.length), describing: false).resolution { chosenDisease = disease }
            for candidate in readings.dropFirst() {
                guard case .found(let shorter, _) = readDisease(rest(candidate.length), describing: false).resolution else { continue }
                if let current = chosenDisease {
                    let narrower =
                        current.code != shorter.code
                        && (ancestors(of: shorter.code).contains(current.code) || current.name.hasSuffix(", NOS") && !shorter.name.hasSuffix(", NOS"))
                    guard narrower else { continue }
                }
                chosen = candidate
                chosenDisease = shorter
            }
        }
        found.append(chosen.reading)
        return words[chosen.length...].joined(separator: " ")
    }

    /// Receptor or marker results written after the disease without a comma: "breast cancer HR+/HER2-",
    /// "metastatic breast cancer ER+", "gastric adenocarcinoma HER2 positive", "melanoma BRAF V600E". Each
    /// trailing word (or a gene and its change) that reads as a status or a specific change, with a capital
    /// or digit in it, is a biomarker; the disease keeps at least one word.
    private func stripTrailingBiomarkers(_ text: String, into found: inout [PatientAlterationReading]) -> String {
        var words = text.split(separator: " ").map(String.init)
        var readings: [PatientAlterationReading] = []
        while words.count >= 2 {
            var taken = 0
            for length in [2, 1] where words.count > length {
                let tail = words[(words.count - length)...].joined(separator: " ")
                guard tail.contains(where: { $0.isUppercase || $0.isNumber }),
                    case .success(let parsed) = parsePatientAlteration(tail, suggest: false),
                    !parsed.statuses.isEmpty
                        || parsed.alteration.map({ [.proteinChange, .internalTandemDuplication, .fusion, .exon].contains($0.kind) }) == true
                else { continue }
                readings.insert(parsed, at: 0)
                taken = length
                break
            }
            guard taken > 0 else { break }
            words.removeLast(taken)
        }
        found += readings
        return words.joined(separator: " ")
    }

    /// "carcinoma of the lung" → "lung carcinoma"; "cancer of the pancreas" → "pancreas cancer".
    /// Case is kept: abbreviations inside ("AML with ...") match in their own case only.
    static func reordered(_ text: String) -> String {
        let lowered = text.lowercased()
        for head in ["carcinoma", "cancer", "adenocarcinoma", "tumor", "tumour", "sarcoma", "melanoma", "neoplasm"] {
            for joiner in [" of the ", " of "] where lowered.hasPrefix(head + joiner) {
                return String(text.dropFirst(head.count + joiner.count)) + " " + text.prefix(head.count)
            }
        }
        return text
    }

    /// The UTF-8 range of the head phrase: the text before "with", "of", "in" or a comma.
    static func headPhraseRange(_ text: String) -> Range<Int> {
        let lowered = text.lowercased()
        var end = lowered.utf8.count
        for marker in [" with ", " without ", " of ", " in ", ",", " (", " after ", " and ", " harboring ", " harbouring "] {
            if let range = lowered.range(of: marker) {
                end = min(end, lowered.utf8.distance(from: lowered.startIndex, to: range.lowerBound))
            }
        }
        return 0..<end
    }

    /// "any solid tumor", "solid tumours", "pan-cancer", "tumor-agnostic".
    static func isTumorAgnostic(_ text: String) -> Bool {
        let words = DiseaseInputIndex.words(text).filter { !["any", "all", "advanced", "metastatic", "unresectable"].contains($0) }
        if words == ["tumor"] || words == ["cancer"] || words == ["malignancy"] { return text.lowercased().hasPrefix("any ") }
        let phrases: Set<[String]> = [
            ["solid", "tumor"], ["solid", "malignancy"], ["solid", "cancer"], ["pan", "cancer"], ["pancancer"], ["tumor", "agnostic"],
            ["tissue", "agnostic"], ["histology", "agnostic"], ["site", "agnostic"], ["solid", "neoplasm"],
        ]
        return phrases.contains(words)
    }
}
