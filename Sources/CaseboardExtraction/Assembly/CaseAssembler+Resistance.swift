import CaseboardCore
import CaseboardVocabularies
import Foundation

extension CaseAssembler {
    /// Alterations the text ties to the failure of drugs for this patient:
    /// - stated: "NRAS mutations conferring resistance to venetoclax", "a sorafenib-resistant
    ///   mutation" (the gene is then the patient's altered gene that the drug targets);
    /// - explained: "X and Y did not show efficacy. This could be explained by a mutation of Z";
    /// - acquired: "new NRAS mutations after VA treatment", a mutation found "this time" at
    ///   progression on the current line.
    func assembleResistance(lines: [TherapyLine], alterations: inout [Alteration]) -> [ResistanceEvent] {
        var altered = Set(alterations.map(\.gene))
        // "G1269A, known to confer resistance to crizotinib": one of the patient's protein changes, written
        // without its gene, stands for that gene (only a change no other gene of the case carries).
        var owners: [String: Set<String>] = [:]
        for alteration in alterations where alteration.kind == .proteinChange { owners[alteration.variant, default: []].insert(alteration.gene) }
        let variantGenes = owners.compactMapValues { $0.count == 1 ? $0.first : nil }
        var events: [ResistanceEvent] = []
        // A tumour resists what it was given: "zanubrutinib and acalabrutinib, which bind the same cysteine, were not
        // offered" names drugs the change would defeat, not drugs it defeated.
        let given = Set(lines.flatMap(\.drugs))
        func record(_ gene: String, _ named: [String], basis: String, span: Range<Int>, variant: String? = nil) {
            // "cytarabine and daunorubicin with midostaurin": when a drug of the line targets the
            // gene, the failure is that drug's, not its chemotherapy partners'.
            let targeting = named.filter { vocabularies.drug(inn: $0)?.targets.contains(gene) ?? false }
            // A tumour resists its treatment, not the antiemetic or antibiotic given beside it
            // ("ondansetron for nausea" in the sentence that found the mutation): supportive drugs
            // and DrugBank-only entries the curated table does not know as anticancer are left out.
            let drugs = (targeting.isEmpty ? named : targeting).filter { inn in
                guard given.isEmpty || given.contains(inn) else { return false }
                guard let drug = vocabularies.drug(inn: inn) else { return true }
                return drug.category != "supportive" && !(drug.category == "other" && drug.drugClass.isEmpty && drug.targets.isEmpty)
            }
            guard !drugs.isEmpty else { return }
            let variant = variant ?? bestVariant(for: gene, in: alterations, namedIn: span)
            if let index = events.firstIndex(where: { $0.gene == gene && $0.variant == variant }) {
                for drug in drugs where !events[index].drugs.contains(drug) { events[index].drugs.append(drug) }
                events[index].spans.append(evidence(span))
            } else {
                events.append(ResistanceEvent(gene: gene, variant: variant, drugs: drugs, basis: basis, spans: [evidence(span)]))
            }
        }
        for (position, view) in views.enumerated() {
            let genes = alteredGenes(in: view, altered: altered, skippingDescriptors: true, variantGenes: variantGenes)
            // "a pemigatinib-resistant clone … and subsequent response to futibatinib": the drug that worked next did
            // not fail.
            let rescued = drugsThatWorkedNext(in: view)
            let drugs = drugNames(in: view).filter { !rescued.contains($0) }
            // "the team recorded acquired resistance to first-generation EGFR TKIs": in a sentence of the course that
            // names no drug, a class with its generation or target stands for the patient's drugs of it.
            var stated = drugs
            if drugs.isEmpty, position > 0, view.sentence.section != .title, view.isPatient, view.has(.resistance) {
                for reference in classReferences(in: view, lineDrugs: lines.map(\.drugs)) where Self.namesGenerationOrTarget(text(reference.range)) {
                    stated += reference.drugs.filter { !stated.contains($0) && !rescued.contains($0) }
                }
            }
            if view.isPatient, view.has(.resistance), !stated.isEmpty, statesMechanism(view) {
                if !genes.isEmpty {
                    // "… while BRAF V600E persisted; the acquired KRAS G12D made the tumour resistant": a driver said to
                    // persist is not the cause.
                    for gene in genes where !isSaidToPersist(gene, in: view) {
                        // A class's drugs fail for a second change of the gene they target, not for the one change they
                        // were given for ("BRAF V600K … resistance to BRAF and MEK inhibitors" names no mechanism).
                        let soleChange = alterations.filter { $0.gene == gene }.count < 2
                        let change = bestVariant(for: gene, in: alterations, namedIn: view.range)
                        // The change named is the driver: a fusion or amplification, or the gene's first change in the text.
                        let ofGene = alterations.filter { $0.gene == gene }
                        let earliest = ofGene.min { firstMention(of: $0) < firstMention(of: $1) }
                        let driverNamed =
                            earliest?.variant == change || ofGene.contains { $0.variant == change && [.fusion, .amplification].contains($0.kind) }
                        let named = soleChange || driverNamed ? stated.filter(drugs.contains) : stated
                        record(gene, named.filter { !isDriver(gene, of: $0, in: alterations) }, basis: "stated", span: view.range)
                    }
                } else if alteredGenes(in: view, altered: altered).isEmpty {
                    // "sorafenib-resistant mutation": the patient's altered genes the drug targets.
                    for drug in stated {
                        let targets = Set(vocabularies.drug(inn: drug)?.targets ?? [])
                        for gene in alterations.map(\.gene) where targets.contains(gene) { record(gene, [drug], basis: "stated", span: view.range) }
                    }
                }
            }
            if view.has(.explanation), !view.isBackground, drugs.isEmpty, position > 0 {
                let previous = views[position - 1]
                let failed = drugNames(in: previous)
                // The explaining sentence names the patient's alteration: "This could be
                // explained by a specific mutation of PTPN1".
                let explained = genesWithAlterationContext(in: view)
                if previous.isPatient, previous.has(.progression), !failed.isEmpty, !explained.isEmpty {
                    for gene in explained {
                        if !altered.contains(gene.symbol) {
                            alterations.append(
                                Alteration(gene: gene.symbol, variant: gene.kind.genericLabel, kind: gene.kind, spans: [evidence(gene.range)])
                            )
                            altered.insert(gene.symbol)
                        }
                        record(gene.symbol, failed, basis: "explained", span: view.range)
                    }
                }
            }
            if view.isPatient {
                for clause in clauses(of: view) {
                    // Bytes first: most clauses name no cause, and the word search on the lowered text costs more.
                    guard text(clause, containsAnyOf: Self.causeKeys, ignoringCase: true) else { continue }
                    let clauseText = lowered(clause)
                    guard attributesFailure(clauseText) else { continue }
                    recordAttribution(
                        in: clause,
                        reading: clauseText,
                        of: view,
                        at: position,
                        lines: lines,
                        altered: altered,
                        alterations: alterations,
                        variantGenes: variantGenes,
                        record: { record($0, $1, basis: $2, span: $3) }
                    )
                }
            }
            if view.isPatient, view.has(.acquired), !view.has(.resistance) {
                // Only the alteration the cue qualifies: "an acquired MET amplification", "the new
                // NRAS mutations"; not every gene the sentence names.
                let acquired = acquiredGenes(in: view, altered: altered)
                if !acquired.isEmpty {
                    // A drug named after the finding was given for it ("a MET amplification was
                    // found, and capmatinib was added"): the failed drugs come before it.
                    let firstCue = view.cues(.acquired).map(\.range.lowerBound).min() ?? view.range.upperBound
                    let before = drugNames(in: view, before: firstCue)
                    // The sentence's own relapse counts: "he relapsed, and a new FLT3 D835Y was found".
                    let lineDrugs = !before.isEmpty ? before : recentDrugs(before: position, progressed: !view.has(.progression))
                    // "ABL1 T315I together with a new ASXL1 frameshift" at blast crisis on nilotinib: when a change of a gene
                    // the failed drug targets was found, the drug's failure is that change's, not the others' it came with.
                    let targets = { (gene: String) in lineDrugs.contains { self.vocabularies.drug(inn: $0)?.targets.contains(gene) ?? false } }
                    let targetedFound = genes.contains(where: targets)
                    for gene in acquired where !targetedFound || targets(gene) {
                        // "… and acquired MET amplification on sotorasib": the drug the finding is said to be on, not
                        // the drugs named before it for their toxicities.
                        let on = drugsNamedAsOn(after: gene, in: view)
                        record(gene, on.isEmpty ? lineDrugs : on, basis: "acquired", span: view.range)
                    }
                }
            }
        }
        // Only where no sentence tied the gene to a failure: what the text says outranks the order of its findings.
        for found in changesFoundAfterFailure(alterations: alterations, variantGenes: variantGenes, given: given)
        where !events.contains(where: { $0.gene == found.gene }) {
            record(found.gene, found.drugs, basis: "acquired", span: found.span, variant: found.variant)
        }
        return events
    }

    /// "… revealed an EGFR exon 19 deletion. Erlotinib gave 6 months of PFS before the symptoms came back. EGFR T790M
    /// was positive in the CSF": a second change of a gene that a targeted drug was given for, first named after that
    /// drug and after a sign of its failure, is the drug's resistance though no word says so. Only the latest failed
    /// drug that targets the gene is paired (earlier ones failed before the change was found), a change said to be
    /// there at diagnosis is not new, and a Discussion looking back at the case is left to what it states.
    private func changesFoundAfterFailure(
        alterations: [Alteration],
        variantGenes: [String: String],
        given: Set<String>
    ) -> [(gene: String, variant: String, drugs: [String], span: Range<Int>)] {
        // A gene needs two specific changes: the one the drug was given for and the new one.
        let specific = Dictionary(grouping: alterations.filter { $0.kind != .mutation && $0.kind != .expression }, by: \.gene)
        let candidates = Set(specific.filter { Set($0.value.map(\.variant)).count > 1 }.keys)
        guard !candidates.isEmpty else { return [] }
        var found: [(gene: String, variant: String, drugs: [String], span: Range<Int>)] = []
        var named: Set<String> = []
        var seenChanges: Set<String> = []
        // Targeted drugs given for a candidate gene, the sentence that first named each, and whether a failure has been
        // told since. A drug named in the finding's own sentence came after it ("T790M was found and osimertinib begun").
        var targeted: [(drug: String, gene: String, since: Int, failed: Bool)] = []
        // One telling of the story: an abstract before a case section summarizes it, failure and all, ahead of the
        // findings the case then reports in order.
        let narrative: SectionKind = views.contains { $0.sentence.section == .case } ? .case : .abstract
        for view in views where view.isPatient && !view.isBackground && [narrative, .other].contains(view.sentence.section) {
            let genes = alteredGenes(in: view, altered: candidates)
            for drug in drugNames(in: view) where given.contains(drug) {
                let targets = vocabularies.drug(inn: drug)?.targets ?? []
                for gene in named.union(genes) where targets.contains(gene) && !targeted.contains(where: { $0.drug == drug && $0.gene == gene }) {
                    targeted.append((drug, gene, view.index, false))
                }
            }
            if view.has(.progression) || view.has(.resistance) || text(view.range, containsAnyOf: Self.failureSigns, ignoringCase: true) {
                for index in targeted.indices { targeted[index].failed = true }
            }
            let atDiagnosis = text(view.range, containsAnyOf: Self.baselineWords, ignoringCase: true) && !saysAbsentAtBaseline(view)
            for variant in view.variants where variant.kind == .proteinChange {
                guard let gene = variantGenes[variant.normalized], candidates.contains(gene) else { continue }
                guard seenChanges.insert(gene + " " + variant.normalized).inserted, !atDiagnosis, named.contains(gene) else { continue }
                // "an EGFR exon 19 deletion (p.Glu746_Ala750del)": a change written beside another of its sentence is
                // an alias or a co-mutation, not a finding that came later.
                if view.variants.contains(where: { $0.normalized != variant.normalized && variantGenes[$0.normalized].map { $0 == gene } ?? true }) {
                    continue
                }
                let failed = targeted.filter { $0.gene == gene && $0.failed && $0.since < view.index }
                guard let latest = failed.map(\.since).max() else { continue }
                found.append((gene, variant.normalized, failed.filter { $0.since == latest }.map(\.drug), view.range))
            }
            named.formUnion(genes)
        }
        return found
    }

    /// "first-generation EGFR TKIs", "FLT3 inhibitors": a class phrase that says which drugs, unlike a bare "TKIs".
    private static func namesGenerationOrTarget(_ phrase: String) -> Bool {
        phrase.lowercased().contains("generation")
            || phrase.split(separator: " ").contains { word in
                word.count >= 2 && !word.hasPrefix("TKI") && word.allSatisfy { $0.isUppercase || $0.isNumber }
            }
    }

    /// "F691L, not present at diagnosis", "absent in the pretreatment sample": a baseline named to say the change was
    /// not there then, so it is new.
    private func saysAbsentAtBaseline(_ view: SentenceView) -> Bool {
        let sentence = lowered(view.range)
        return Self.absentAtBaseline.contains { sentence.contains($0) }
    }

    private static let absentAtBaseline = ["not present", "absent", "not detected", "undetectable", "not found", "negative"].flatMap { negative in
        ["at diagnosis", "at baseline", "in the baseline", "in the pretreatment", "in the pre-treatment", "in the initial biopsy"].map {
            "\(negative) \($0)"
        }
    }

    /// Words that tell a treatment's failure without a progression cue: a progression-free survival ends in progression.
    private static let failureSigns = ["progression-free", "pfs", "appeared again", "reappeared"].map { Array($0.utf8) }
    /// A change said to be there from the start.
    private static let baselineWords = ["at diagnosis", "baseline", "pretreatment", "pre-treatment", "initial biopsy"].map {
        Array($0.utf8)
    }

    /// A failure laid on an alteration in one clause: "the tumour board attributed progression on the
    /// third-generation TKI to the MET amplification", "the relapse on venetoclax was attributed to
    /// this BCL2 mutation", "we interpreted the new mutation as the mechanism by which the tumour
    /// escaped the BRAF and MEK inhibitors". The drug may be named by its class, and the alteration
    /// by "this mutation" or "it" after the sentence that found it.
    private func recordAttribution(
        in clause: Range<Int>,
        reading clauseText: String,
        of view: SentenceView,
        at position: Int,
        lines: [TherapyLine],
        altered: Set<String>,
        alterations: [Alteration],
        variantGenes: [String: String],
        record: (String, [String], String, Range<Int>) -> Void
    ) {
        var failed = drugNames(in: view, within: clause)
        if failed.isEmpty {
            // Only a definite class ("the covalent BTK inhibitor", "these TKIs") points at the
            // patient's drug; "FLT3 inhibitor-based therapy" in a title speaks of the class.
            failed = classReferences(in: view, lineDrugs: lines.map(\.drugs)).filter { reference in
                clause.contains(reference.range.lowerBound)
                    && ["the ", "these ", "this ", "those "].contains { lowered(reference.range).hasPrefix($0) }
            }.flatMap(\.drugs)
        }
        guard !failed.isEmpty else { return }
        func causes(_ genes: [String]) -> [(String, [String])] {
            genes.compactMap { gene in
                let drugs = failed.filter { !isDriver(gene, of: $0, in: alterations) }
                return drugs.isEmpty ? nil : (gene, drugs)
            }
        }
        var found = causes(alteredGenes(in: view, altered: altered, skippingDescriptors: true, within: clause, variantGenes: variantGenes))
        // "this solvent-front mutation": the alteration the sentence before found (or an earlier clause of this one).
        if found.isEmpty, clauseText.firstMatch(of: Self.anaphora) != nil {
            found = causes(alteredGenes(in: view, altered: altered, skippingDescriptors: true, variantGenes: variantGenes))
            if found.isEmpty, position > 0, views[position - 1].isPatient {
                found = causes(alteredGenes(in: views[position - 1], altered: altered, skippingDescriptors: true, variantGenes: variantGenes))
            }
        }
        for (gene, drugs) in found { record(gene, drugs, "attributed", view.range) }
    }

    /// Whether the sentence says the gene's alteration persisted ("BRAF V600E persisted", "the EGFR mutation was
    /// retained"), as a driver does at progression.
    private func isSaidToPersist(_ gene: String, in view: SentenceView) -> Bool {
        view.terms.contains { term in
            guard case .gene(let index) = term.concept, vocabularies.genes[index].symbol == gene else { return false }
            let after = lowered(term.range.upperBound..<min(term.range.upperBound + 40, view.range.upperBound))
            return ["persist", "retained", "remained", "still present", "was unchanged", "not itself"].contains { after.contains($0) }
        }
    }

    /// Words standing for an alteration the sentence before found: "this mutation", "the new variant", "this
    /// solvent-front mutation", "these two mutations", "this isoform switch", "it was". Not the driver the
    /// disease was treated for ("the driver mutation", "the original fusion").
    nonisolated(unsafe) private static let anaphora =
        /\b(?:(?:this|these|the)\s+(?!(?:driver|original|baseline|founding|truncal|primary|sensitizing|sensitising|activating)\b)(?:[\w-]+\s+){0,2}(?:mutations?|variants?|alterations?|amplification|change|switch|clone|lesion|defect|substitution|frameshift)|it\s+(?:was|is)|both\s+(?:were|was)|they\s+were)\b/

    /// The sentence cut at semicolons: one finding per clause ("…the cause of progression on the
    /// aromatase inhibitor; the PIK3CA mutation … was considered unrelated").
    private func clauses(of view: SentenceView) -> [Range<Int>] {
        let bytes = Array(text(view.range).utf8)
        var clauses: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: ";") {
            clauses.append(view.range.lowerBound + start..<view.range.lowerBound + offset)
            start = offset + 1
        }
        clauses.append(view.range.lowerBound + start..<view.range.upperBound)
        return clauses
    }

    /// A clause that lays a failure on a cause ("attributed the relapse to", "the mechanism by which
    /// the tumour escaped", "the cause of progression"), not one that denies it ("unrelated to
    /// resistance", "the driver, not a resistance mutation").
    private func attributesFailure(_ clause: String) -> Bool {
        let causes = Self.causes
        let failures = [
            "progression", "progressed", "relapse", "failure", "loss of response", "lost response", "resistance", "escape", "refractor",
            // Failure told plainly: "the reason venetoclax had stopped working", "no longer controlled the disease".
            "stopped working", "no longer work", "no longer controlled", "no longer respond", "ceased to work", "stopped responding",
        ]
        let denials = [
            "not attribut", "not the cause", "not a cause", "not a resistance", "not responsible", "not explain", "not linked", "unrelated",
            "rather than", "not considered", "other patients", "in the literature", "without an identified", "no identified",
            // "could not identify a mechanism for the failure of venetoclax".
            "could not identify", "could not be identified", "not identify", "no mechanism",
        ]
        guard !denials.contains(where: { clause.contains($0) }) else { return false }
        return Self.selfAttributing.contains { clause.contains($0) }
            || causes.contains { clause.contains($0) } && failures.contains { clause.contains($0) }
    }

    private static let causes = [
        "attribut", "linked", "cause of", "caused", "explain", "explanation", "mechanism", "responsible for", "underl", "account for",
        "accounted for", "reason", "tied",
    ]
    /// Words that tie a change to a drug's failure on their own: "the T315I clone had escaped nilotinib", "a compound
    /// mutation that resists ponatinib", "the likely escape route from adagrasib".
    private static let selfAttributing = ["escaped", "escape route", "escape from", "resists", "resisted", "resisting"]
    private static let causeKeys = (causes + selfAttributing).map { Array($0.utf8) }

    /// A resistance sentence ties an alteration to the failure only when it names how: "led to
    /// gefitinib resistance", "conferring resistance", "a resistance mechanism", "acquired", "an
    /// imatinib-resistant mutation". "Tumours with X that were resistant to Y" and "drugs
    /// developed to overcome resistance" do not.
    private func statesMechanism(_ view: SentenceView) -> Bool {
        let sentence = lowered(view.range)
        if ["overcom", "circumvent", "to prevent resistance", "avoid resistance"].contains(where: { sentence.contains($0) }) { return false }
        // "a consequence of poor CNS penetration rather than acquired resistance": resistance denied.
        if ["rather than acquired resistance", "rather than resistance", "rather than a resistance", "rather than true resistance"]
            .contains(where: { sentence.contains($0) })
        {
            return false
        }
        let markers = [
            "mechanism", "led to", "lead to", "leads to", "leading to", "confer", "mediat", "caus", "due to", "because of", "acquired",
            "acquisition", "emerg", "developed", "resistance mutation", "resistant mutation", "-resistant", "explain", "responsible",
            "driv", "underl", "attribut", "result",
        ]
        // "castration-resistant prostate cancer", "platinum-resistant ovarian cancer" name a disease state.
        let stated = sentence.replacingOccurrences(of: "castration-resistant", with: "").replacingOccurrences(of: "platinum-resistant", with: "")
        return markers.contains { stated.contains($0) }
    }

    /// Genes in the sentence that the case lists as altered. With `skippingDescriptors`, a gene
    /// that only qualifies a drug class ("the ALK and ROS1 inhibitor") or the disease ("ALK
    /// F1174L-mutated neuroblastoma", "an EML4-ALK rearranged tumour": the driver) is left out.
    private func alteredGenes(
        in view: SentenceView,
        altered: Set<String>,
        skippingDescriptors: Bool = false,
        within clause: Range<Int>? = nil,
        variantGenes: [String: String] = [:]
    ) -> [String] {
        var genes: [String] = []
        for term in view.terms where clause?.contains(term.range.lowerBound) ?? true {
            guard case .gene(let index) = term.concept else { continue }
            let symbol = vocabularies.genes[index].symbol
            // The set first: the descriptor pattern costs far more, and most genes are not altered.
            guard altered.contains(symbol), !genes.contains(symbol) else { continue }
            if skippingDescriptors, isDescriptor(term.range, in: view) { continue }
            genes.append(symbol)
        }
        for variant in view.variants where variant.kind == .proteinChange && (clause?.contains(variant.range.lowerBound) ?? true) {
            guard let gene = variantGenes[variant.normalized], !genes.contains(gene) else { continue }
            // "relapsed ALK F1174L-mutated neuroblastoma": the change names the disease, as a gene would.
            if skippingDescriptors, isDescriptor(variant.range, in: view) { continue }
            genes.append(gene)
        }
        return genes
    }

    private func isDescriptor(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let window = range.upperBound..<min(view.range.upperBound, range.upperBound + 40)
        guard text(window, containsAnyOf: Self.descriptorKeys, ignoringCase: false) else { return false }
        return text(window).firstMatch(of: Self.descriptorPattern) != nil
    }

    /// Every form of ``descriptorPattern`` holds one of these: a byte test before the pattern.
    private static let descriptorKeys = ["mutated", "mutant", "positive", "rearranged", "driven", "inhibitor", "TKI", "altered", "deficient"].map {
        Array($0.utf8)
    }

    nonisolated(unsafe) private static let descriptorPattern =
        /^(?:\s+and\s+[A-Z][A-Z0-9]+)?(?:\s+[A-Z]\d+[A-Z])?[-‐ ](?:mutated|mutant|positive|rearranged|driven|altered|deficient|inhibitors?|TKIs?|kinase inhibitors?)\b/

    /// Altered genes named within a few words after an "acquired"/"new"/"emergence of" cue.
    private func acquiredGenes(in view: SentenceView, altered: Set<String>) -> [String] {
        var genes: [String] = []
        for cue in view.cues(.acquired) {
            let window = cue.range.upperBound..<min(view.range.upperBound, cue.range.upperBound + 60)
            for term in view.terms where window.contains(term.range.lowerBound) {
                guard case .gene(let index) = term.concept else { continue }
                let symbol = vocabularies.genes[index].symbol
                if altered.contains(symbol), !genes.contains(symbol) { genes.append(symbol) }
            }
        }
        return genes
    }

    /// Drugs the sentence names as what came next and worked: "subsequent response to futibatinib", "followed by a
    /// complete response to elranatamab", "then responded to lorlatinib".
    private func drugsThatWorkedNext(in view: SentenceView) -> Set<String> {
        var found: Set<String> = []
        for term in view.terms {
            guard case .drug(let index) = term.concept else { continue }
            let lead = lowered(max(view.range.lowerBound, term.range.lowerBound - 60)..<term.range.lowerBound)
            if lead.firstMatch(of: Self.workedNext) != nil { found.insert(vocabularies.drugs[index].name) }
        }
        return found
    }

    nonisolated(unsafe) private static let workedNext =
        /\b(?:subsequent|followed\s+by|then)\s+(?:[\w-]+\s+){0,3}?respon(?:se|ses|ded|ding)\s+to\s+(?:[\w-]+\s+){0,2}$|\bthen\s+respon(?:ded|ding)\s+(?:\w+\s+)?to\s+$/

    /// Drugs the sentence says an alteration of `gene` arose on: "MET amplification on sotorasib", "a FLT3 F691L
    /// mutation under gilteritinib", within a few words after the gene.
    private func drugsNamedAsOn(after gene: String, in view: SentenceView) -> [String] {
        guard
            let term = view.terms.first(where: { term in
                if case .gene(let index) = term.concept { return vocabularies.genes[index].symbol == gene }
                return false
            })
        else { return [] }
        var found: [String] = []
        for drug in view.terms where drug.range.lowerBound > term.range.upperBound && drug.range.lowerBound - term.range.upperBound <= 48 {
            guard case .drug(let index) = drug.concept else { continue }
            let gap = lowered(term.range.upperBound..<drug.range.lowerBound)
            guard gap.firstMatch(of: Self.arisenOn) != nil else { continue }
            found.append(vocabularies.drugs[index].name)
        }
        return found
    }

    nonisolated(unsafe) private static let arisenOn = /^[^.;,]*\s(?:on|under|during|after)\s+(?:(?:treatment|therapy)\s+with\s+)?$/

    /// The fusion or amplification a drug was given for is its driver ("under dual HER2 blockade",
    /// "crizotinib for the ROS1 fusion"), not the cause of its failure.
    private func isDriver(_ gene: String, of drug: String, in alterations: [Alteration]) -> Bool {
        let kinds = alterations.filter { $0.gene == gene }.map(\.kind)
        guard !kinds.isEmpty, kinds.allSatisfy({ $0 == .fusion || $0 == .amplification }) else { return false }
        return vocabularies.drug(inn: drug)?.targets.contains(gene) ?? false
    }

    /// Drug INNs named in the sentence (ending before `limit`, or starting within `range`, when
    /// given), regimens expanded.
    func drugNames(in view: SentenceView, before limit: Int? = nil, within range: Range<Int>? = nil) -> [String] {
        var names: [String] = []
        for term in view.terms
        where (limit.map { term.range.upperBound <= $0 } ?? true) && (range.map { $0.contains(term.range.lowerBound) } ?? true) {
            switch term.concept {
            case .drug(let index) where vocabularies.drugs[index].category != "substance": names.append(vocabularies.drugs[index].name)
            case .regimen(let index): names += vocabularies.regimens[index].drugs
            default: continue
            }
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// The drugs of the therapy in focus before sentence `position`, if the patient progressed
    /// on it within the last few sentences.
    private func recentDrugs(before position: Int, progressed: Bool) -> [String] {
        var sawProgression = false
        for view in views[..<position].reversed().prefix(6) where view.isPatient {
            if view.has(.progression) { sawProgression = true }
            let drugs = drugNames(in: view)
            if !drugs.isEmpty { return !progressed || sawProgression ? drugs : [] }
        }
        return []
    }

    private func bestVariant(for gene: String, in alterations: [Alteration], namedIn span: Range<Int>? = nil) -> String {
        let all = alterations.filter { $0.gene == gene }
        // The changes the sentence itself names, when it names any.
        let named = span.map { span in all.filter { $0.spans.contains { span.contains($0.start) } } } ?? []
        let specific: Set<AlterationKind> = [.proteinChange, .dnaChange, .internalTandemDuplication, .exon]
        let candidates = named.contains { specific.contains($0.kind) } ? named : all
        let order: [AlterationKind] = [
            .proteinChange, .dnaChange, .internalTandemDuplication, .exon, .fusion, .amplification, .deletion, .mutation, .expression,
        ]
        guard let kind = candidates.min(by: { (order.firstIndex(of: $0.kind) ?? 99) < (order.firstIndex(of: $1.kind) ?? 99) })?.kind else {
            return "mutation"
        }
        // "EGFR T790M together with L858R": of two changes the sentence names, the one the text first mentions later is
        // the new one; the other is the driver.
        let ofKind = candidates.filter { $0.kind == kind }
        return (ofKind.count > 1 && candidates.count == named.count ? ofKind.max { firstMention(of: $0) < firstMention(of: $1) } : ofKind.first)?
            .variant ?? "mutation"
    }

    /// Where the text first mentions an alteration outside the title, which often names the new change before the driver;
    /// `Int.max` when only the title does.
    private func firstMention(of alteration: Alteration) -> Int {
        alteration.spans.map(\.start).filter { start in views.first { $0.range.contains(start) }?.sentence.section != .title }.min() ?? Int.max
    }

    // MARK: Outcome

    func assembleOutcome() -> Outcome? {
        for view in views where view.isPatient {
            for cue in view.cues(.death) {
                let before = lowered(max(view.range.lowerBound, cue.range.lowerBound - 5)..<cue.range.lowerBound)
                if before.hasSuffix("cell ") || isNegated(cue.range, in: view, window: 12) { continue }
                var outcome = Outcome(died: true, spans: [evidence(cue.range)])
                let after = text(cue.range.upperBound..<view.range.upperBound)
                for marker in ["because of ", "due to ", "from ", "of ", "owing to ", "secondary to "] {
                    if let found = after.range(of: marker) {
                        let cause = after[found.upperBound...].split(whereSeparator: { ".;,(".contains($0) }).first.map(String.init)
                        outcome.cause = cause?.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
                        break
                    }
                }
                if let survival = times(in: view).first(where: { $0.point.days != nil }) {
                    outcome.survival = survival.point.text
                }
                return outcome
            }
        }
        return nil
    }

    // MARK: Timeline

    func assembleTimeline(therapy: TherapyAssembly, resistance: [ResistanceEvent]) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        let diagnoses = assembleDiagnoses()
        if let first = diagnoses.first, let span = first.spans.first {
            events.append(TimelineEvent(kind: .diagnosis, label: first.canonicalName, spans: [span]))
        }
        for line in therapy.lines {
            let caseSpan = line.spans.first { $0.section == .case } ?? line.spans.first
            events.append(
                TimelineEvent(
                    kind: .therapyStart,
                    label: "line \(line.line): \(line.drugs.joined(separator: " + "))" + (line.dose.map { " (\($0))" } ?? ""),
                    time: line.start,
                    line: line.line,
                    spans: caseSpan.map { [$0] } ?? []
                )
            )
            if let response = line.response, let span = line.responseSpans.first {
                events.append(
                    TimelineEvent(
                        kind: .response,
                        label: "\(response.abbreviation) on \(line.drugs.joined(separator: " + "))",
                        line: line.line,
                        spans: [span]
                    )
                )
            }
            for event in line.adverseEvents {
                let grade = event.grade.map { "grade \($0) " } ?? ""
                events.append(TimelineEvent(kind: .adverseEvent, label: grade + event.term, line: line.line, spans: Array(event.spans.prefix(1))))
            }
            if let reason = line.stopReason, let span = line.spans.last {
                events.append(
                    TimelineEvent(
                        kind: .therapyEnd,
                        label: "stopped \(line.drugs.joined(separator: " + ")): \(reason)",
                        line: line.line,
                        spans: [span]
                    )
                )
            }
        }
        for procedure in therapy.procedures {
            let detail = procedure.detail.map { " (\($0))" } ?? ""
            events.append(
                TimelineEvent(
                    kind: .procedure,
                    label: procedure.kind.rawValue + detail,
                    time: procedure.time,
                    spans: Array(procedure.spans.prefix(1))
                )
            )
        }
        for event in resistance {
            events.append(
                TimelineEvent(
                    kind: .resistance,
                    label: "\(event.gene) \(event.variant) against \(event.drugs.joined(separator: ", "))",
                    spans: Array(event.spans.prefix(1))
                )
            )
        }
        if let outcome = assembleOutcome() {
            events.append(TimelineEvent(kind: .death, label: "death" + (outcome.cause.map { ": \($0)" } ?? ""), spans: outcome.spans))
        }
        // Narrative order of the supporting text is the best available proxy for time.
        return events.sorted { ($0.spans.first?.start ?? Int.max) < ($1.spans.first?.start ?? Int.max) }
    }
}
