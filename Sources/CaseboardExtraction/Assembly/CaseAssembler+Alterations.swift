import CaseboardCore
import CaseboardVocabularies
import Foundation

/// Chromosome-arm deletions filed under the gene they remove: del(17p) loses TP53, del(11q)
/// loses ATM (iwCLL 2018 guideline, Hallek et al., Blood 2018; PMID 29540348).
let knownDeletions: [String: String] = ["del(17p)": "TP53", "del(11q)": "ATM"]

/// Recurrent hotspot changes that name their gene on their own, so that "the T315I mutation"
/// with no gene in its sentence is filed under ABL1. Only changes that are a hotspot of one
/// gene are listed (COSMIC Cancer Mutation Census hotspots, and CIViC variant records).
let hotspotGenes: [String: String] = {
    var table: [String: String] = [:]
    let groups: [(String, [String])] = [
        ("ABL1", ["T315I", "E255K", "E255V", "Y253H", "Y253F", "G250E", "F317L", "F359V", "F359C", "M351T", "H396R", "Q252H", "V299L", "E459K"]),
        ("BRAF", ["V600E", "V600K", "V600D", "V600R", "K601E", "G469A"]),
        ("EGFR", ["T790M", "L858R", "C797S", "L861Q", "G719S", "G719A", "G719C", "S768I", "E746_A750del", "L747P"]),
        ("KIT", ["D816V", "D816H", "D816Y", "N822K", "K642E"]),
        ("PDGFRA", ["D842V"]), ("JAK2", ["V617F"]), ("MPL", ["W515L", "W515K"]), ("FLT3", ["D835Y", "D835H", "D835V", "F691L"]),
        ("IDH1", ["R132H", "R132C"]), ("IDH2", ["R140Q", "R172K"]),
        ("ALK", ["F1174L", "F1174C", "R1275Q", "G1202R", "L1196M", "I1171N", "F1245C"]), ("ROS1", ["G2032R", "D2033N"]),
        ("RET", ["M918T", "G810R", "V804M"]), ("MET", ["D1228N", "Y1230C"]), ("PIK3CA", ["E545K", "E542K", "H1047R", "H1047L"]),
        ("SF3B1", ["K700E"]), ("DNMT3A", ["R882H", "R882C"]), ("BTK", ["C481S"]), ("PLCG2", ["R665W"]), ("BCL2", ["G101V"]),
        ("MYD88", ["L265P"]), ("ESR1", ["Y537S", "D538G"]), ("FGFR3", ["S249C"]), ("AKT1", ["E17K"]),
        ("KRAS", ["G12C", "G12D", "G12V", "G12R", "G13D"]), ("TP53", ["R175H", "R248Q", "R248W", "R273H", "R273C", "R282W", "Y220C"]),
    ]
    for (gene, changes) in groups { for change in changes { table[change] = gene } }
    return table
}()

/// Genes whose "positive" means a fusion ("ALK-positive", "ROS1+", "NRG1+"); for other
/// genes "BRAF-positive" or "FLT3+" means a mutation and "HER2+" amplification.
let fusionByPositivity: Set<String> = ["ALK", "ROS1", "RET", "NTRK1", "NTRK2", "NTRK3", "NRG1", "ABL1", "FGFR2", "RARA", "KMT2A"]

/// Genes whose "positive" means a mutation ("BRAF-positive", "FLT3+AML"). Others written
/// "MPO+" or "CD117-positive" are immunophenotype markers, not alterations.
let mutationByPositivity: Set<String> = [
    "BRAF", "FLT3", "EGFR", "KRAS", "NRAS", "HRAS", "IDH1", "IDH2", "NPM1", "JAK2", "CALR", "MPL", "PIK3CA", "BRCA1", "BRCA2", "MAP2K1",
    "CEBPA", "DNMT3A", "TP53",
]

/// Words after a kind word that make the pair a list of targets, not a fusion: "ALK/ROS1 inhibitor".
let targetWords: Set<String> = [
    "inhibitor", "inhibitors", "inhibition", "tki", "tkis", "pathway", "pathways", "signaling", "signalling", "axis", "blockade",
]

extension CaseAssembler {
    /// Words after a gene that say what is altered.
    static let followingKinds: [(String, AlterationKind)] = [
        ("mutations", .mutation), ("mutation", .mutation), ("mutated", .mutation), ("mutant", .mutation), ("mutants", .mutation),
        ("variants", .mutation), ("variant", .mutation), ("alterations", .mutation), ("alteration", .mutation), ("mut", .mutation),
        ("amplifications", .amplification), ("amplification", .amplification), ("amplified", .amplification), ("amp", .amplification),
        ("copy number gain", .amplification), ("gain", .amplification), ("fusions", .fusion), ("fusion", .fusion),
        ("rearrangements", .fusion), ("rearrangement", .fusion), ("rearranged", .fusion), ("translocations", .fusion),
        ("translocation", .fusion), ("translocated", .fusion), ("positive", .fusion), ("+", .fusion), ("deletions", .deletion),
        ("deletion", .deletion), ("deleted", .deletion), ("loss", .deletion),
    ]

    /// Phrases before a gene (or a list of genes) that say what is altered.
    static let precedingKinds: [(String, AlterationKind)] = [
        ("mutations of", .mutation), ("mutation of", .mutation), ("mutations in", .mutation), ("mutation in", .mutation),
        ("mutated", .mutation), ("mutant", .mutation), ("positive for", .mutation), ("positivity for", .mutation),
        ("amplification of", .amplification), ("amplified", .amplification), ("rearrangements of", .fusion), ("rearrangement of", .fusion),
        ("rearranged", .fusion), ("fusion of", .fusion), ("translocation of", .fusion), ("deletion of", .deletion), ("loss of", .deletion),
        ("variants of", .mutation), ("variant of", .mutation), ("alterations of", .mutation), ("alteration of", .mutation),
        ("mutation of the", .mutation),
    ]

    private static let fillers: Set<String> = [
        "gene", "genes", "the", "a", "an", "specific", "somatic", "germline", "activating", "point", "oncogenic",
    ]

    func assembleAlterations() -> [Alteration] {
        var found: [Alteration] = []
        var lastGene: (symbol: String, range: Range<Int>)?
        for view in views where view.isPatient {
            let genes = view.terms(.gene).compactMap { term -> (symbol: String, range: Range<Int>)? in
                guard case .gene(let index) = term.concept else { return nil }
                return (vocabularies.genes[index].symbol, term.range)
            }
            var usedVariants: Set<Range<Int>> = []
            var fusionMembers: Set<Int> = []
            // Fusions: two genes joined by "-", "::", "/" or a dash, one of them a driver.
            for (position, pair) in zip(genes, genes.dropFirst()).enumerated() {
                var joiner = Self.fusionJoiner(text(pair.0.range.upperBound..<pair.1.range.lowerBound))
                // A gene defined in brackets joins after its bracket: "protein-like 4 (EML4)-ALK".
                if joiner.hasPrefix(")"), pair.0.range.lowerBound > 0, bytes[pair.0.range.lowerBound - 1] == 0x28 { joiner.removeFirst() }
                guard ["-", "::", "/", "–", "—", " - "].contains(joiner), pair.0.symbol != pair.1.symbol else { continue }
                let firstDrives = fusionDriverGene(pair.0.symbol)
                let secondDrives = fusionDriverGene(pair.1.symbol)
                // "::" is fusion notation whatever the genes ("RUNX1::RUNX1T1").
                guard firstDrives || secondDrives || joiner == "::" else { continue }
                if isNegated(pair.0.range, in: view) || precededByNegation(pair.0.range, in: view) { continue }
                // "ALK/ROS1 inhibitor", "BRAF/MEK inhibition" name targets, not a fusion.
                let next = following(pair.1.range, in: view, genes: genes).words
                if let word = next.first, targetWords.contains(word) { continue }
                if joiner == "/", firstDrives, secondDrives,
                    !["fusion", "fusions", "rearrangement", "transcript", "translocation"].contains(next.first ?? "")
                {
                    continue
                }
                let filing = FusionDrivers.file(pair.0.symbol, pair.1.symbol)
                let (gene, partner) = (filing.gene, filing.partner)
                found.append(
                    Alteration(
                        gene: gene,
                        variant: "fusion",
                        kind: .fusion,
                        partner: partner,
                        spans: [evidence(pair.0.range.lowerBound..<pair.1.range.upperBound)]
                    )
                )
                fusionMembers.insert(position)
                fusionMembers.insert(position + 1)
            }
            for group in coordinatedGroups(genes) {
                let members = group.map { genes[$0] }
                guard let first = members.first, let last = members.last else { continue }
                if isNegated(first.range, in: view) || precededByNegation(first.range, in: view) || isNegatedAfter(last.range, in: view) {
                    continue
                }
                let after = following(last.range, in: view, genes: genes)
                let before = preceding(first.range, in: view)
                // A variant right after a single gene: "FLT3 D835H", "FLT3-ITD", "KIT (D816V)".
                if members.count == 1,
                    let variant = view.variants.first(where: { after.range.contains($0.range.lowerBound) && !usedVariants.contains($0.range) }),
                    !isNegatedAfter(variant.range, in: view),
                    gap(last.range.upperBound, variant.range.lowerBound).split(separator: " ").filter({
                        !Self.fillers.contains(String($0)) && $0 != "(" && $0 != "-"
                    }).count <= 1
                {
                    usedVariants.insert(variant.range)
                    if isWeakExon(variant, in: view) {
                        // "deletion of IKZF1 exons 4 to 7": the exons locate the change named before the gene.
                        if Self.kind(before: before) == nil { continue }
                    } else {
                        if let alteration = alteration(last.symbol, variant, span: first.range.lowerBound..<variant.range.upperBound, in: view) {
                            found.append(alteration)
                        }
                        continue
                    }
                }
                let kind = Self.kind(in: after.words) ?? Self.kind(before: before)
                guard let kind else { continue }
                // "FGFR2 fusions", "mutations in BRAF": one gene with a plural names a class of
                // alterations, unless the report is a series or the sentence names the patient.
                let lead = before.split(whereSeparator: { !$0.isLetter }).suffix(3).filter { !Self.fillers.contains(String($0)) }
                let pluralBefore =
                    lead.count >= 2 && ["in", "of"].contains(lead.last ?? "") && Self.pluralKindWords.contains(String(lead[lead.count - 2]))
                if members.count == 1, !caseSeries, !view.namesPatient, Self.pluralKindWords.contains(after.words.first ?? "") || pluralBefore {
                    continue
                }
                let byPositivity = after.words.first == "positive" || after.words.first == "+"
                // "positive for CK7, TTF-1 and p63": staining, unless the gene is one whose
                // positivity reports an alteration ("positive for BRAF", "positive for ALK").
                let stainedFor =
                    Self.kind(in: after.words) == nil
                    && (before.trimmingCharacters(in: .whitespaces).hasSuffix("positive for")
                        || before.trimmingCharacters(in: .whitespaces).hasSuffix("positivity for"))
                // "loss of MSH2 and MSH6" on immunohistochemistry, "HER2 loss" at progression: lost expression, not a deletion.
                let saysLoss = kind == .deletion && (after.words.first == "loss" || Self.trimmingSpaces(before).hasSuffix("loss of"))
                let lostStaining = saysLoss && Self.speaksOfStaining(lowered(view.range))
                for (offset, member) in members.enumerated() {
                    if lostStaining || saysLoss && member.symbol == "ERBB2" {
                        continue
                    }
                    if stainedFor, member.symbol != "ERBB2", !mutationByPositivity.contains(member.symbol),
                        !fusionByPositivity.contains(member.symbol)
                    {
                        continue
                    }
                    var kind = kind
                    var label = kind.genericLabel
                    // "GENE+" and "GENE-positive" mean a fusion only for fusion-driven genes.
                    if kind == .fusion, byPositivity, !fusionByPositivity.contains(member.symbol) {
                        guard member.symbol == "ERBB2" || mutationByPositivity.contains(member.symbol) else { continue }
                        kind = member.symbol == "ERBB2" ? .amplification : .mutation
                        label = kind == .amplification ? "amplification" : "positive"
                    }
                    if kind == .fusion && !fusionDriverGene(member.symbol) && after.words.first != "fusion" { continue }
                    if let index = group.dropFirst(offset).first, fusionMembers.contains(index), kind == .fusion || members.count > 1 { continue }
                    // "MET alterations" is a summary that a named fusion or change replaces.
                    if kind == .mutation, after.words.first?.hasPrefix("alteration") == true { label = "alteration" }
                    var alteration = Alteration(gene: member.symbol, variant: label, kind: kind, spans: [evidence(member.range)])
                    if members.count == 1 { alteration.alleleFraction = alleleFraction(after: last.range.upperBound, in: view) }
                    found.append(alteration)
                }
            }
            // Variants with no gene beside them belong to the nearest gene named before them.
            for variant in view.variants where !usedVariants.contains(variant.range) {
                if variant.kind == .translocation {
                    if isNegated(variant.range, in: view) || isNegatedAfter(variant.range, in: view) { continue }
                    if let fusion = FusionDrivers.translocation(variant.normalized) {
                        found.append(
                            Alteration(gene: fusion.gene, variant: "fusion", kind: .fusion, partner: fusion.partner, spans: [evidence(variant.range)])
                        )
                    } else if let gene = knownDeletions[variant.normalized] {
                        found.append(Alteration(gene: gene, variant: "deletion", kind: .deletion, spans: [evidence(variant.range)]))
                    } else if variant.normalized.hasPrefix("BCR::ABL1 ") {
                        // A transcript type ("e13a2") implies the fusion.
                        found.append(Alteration(gene: "ABL1", variant: "fusion", kind: .fusion, partner: "BCR", spans: [evidence(variant.range)]))
                    }
                    continue
                }
                guard variant.kind != .snpID, !isWeakExon(variant, in: view) else { continue }
                // The token right before the variant may be a gene the vocabulary did not
                // recognize, such as "PTPNI" for PTPN1 in PDF text; an unknown one owns it.
                if let token = tokenBefore(variant.range, in: view), !genes.contains(where: { $0.range.upperBound == token.range.upperBound }) {
                    if let gene = vocabularies.gene(correctingOCR: token.text), !isNegated(variant.range, in: view),
                        let alteration = alteration(gene.symbol, variant, span: token.range.lowerBound..<variant.range.upperBound, in: view)
                    {
                        found.append(alteration)
                    }
                    continue
                }
                guard !isNegated(variant.range, in: view), !isNegatedAfter(variant.range, in: view), !opensANegatedList(variant.range, in: view)
                else { continue }
                // A hotspot names its gene ("the T315I mutation" is ABL1), whatever gene-like
                // token came last; other changes belong to the nearest gene named before them.
                // "c.5946delT in BRCA2": a gene the sentence names for the variant right after it.
                // A serum marker ("CA-125", MUC16's alias) owns no variant.
                let named = genes.first { gene in
                    gene.range.lowerBound >= variant.range.upperBound
                        && Self.variantToGene.contains(gap(variant.range.upperBound, gene.range.lowerBound))
                        // Not the first word of a longer name: "of FMS-like tyrosine kinase 3".
                        && (gene.range.upperBound >= bytes.count || bytes[gene.range.upperBound] != 0x2D)
                }
                // "A liver biopsy confirmed V564F": a change the case already gave a gene keeps it.
                let carrier = found.last { $0.kind == .proteinChange && $0.variant == variant.normalized }?.gene
                // "NRAS c.35G>A p.(Gly12Asp)": the protein change after the gene's own DNA change is that gene's, though
                // G12D alone would name KRAS.
                let adjacent = genes.last { $0.range.upperBound <= variant.range.lowerBound }.flatMap { gene in
                    Self.onlyDNAChangesBetween(gap(gene.range.upperBound, variant.range.lowerBound)) ? gene.symbol : nil
                }
                let owner =
                    adjacent ?? hotspotGenes[variant.normalized] ?? named?.symbol ?? carrier
                    ?? (genes.last { $0.range.upperBound <= variant.range.lowerBound && !isSerumMarker($0.range) }
                    ?? nearestGene(before: view, lastPatientGene: lastGene))?
                    .symbol
                guard let owner else { continue }
                if let alteration = alteration(owner, variant, span: variant.range, in: view) { found.append(alteration) }
            }
            if lowered(view.range).contains("philadelphia chromosome-positive") || text(view.range).contains("Ph+") {
                found.append(Alteration(gene: "ABL1", variant: "fusion", kind: .fusion, partner: "BCR", spans: [evidence(view.range)]))
            }
            // A serum marker ("the CA-125 rose") is never the gene a later gene-less change carries over from.
            if let last = genes.last(where: { !isSerumMarker($0.range) }) { lastGene = last }
        }
        return merge(found)
    }

    /// Words between a variant and the gene the sentence names for it.
    private static let variantToGene: Set<String> = ["in", "in the", "of", "of the", "within", "within the", "in the gene"]

    /// "CA-125", "CA 19-9", "CEA": serum markers written as gene aliases.
    private func isSerumMarker(_ range: Range<Int>) -> Bool {
        let surface = text(range).uppercased().filter { $0.isLetter || $0.isNumber }
        return surface.hasPrefix("CA1") || ["CEA", "PSA", "AFP", "LDH", "CA199", "CA153", "CA125"].contains(surface)
    }

    /// The gene named last before a sentence: the patient's last gene, or one named later in the
    /// sentence just before, even a background one ("X syndrome is caused by SDHB mutations. Our
    /// patient carries c.600G>T").
    /// Genes whose variant the report gives to clonal haematopoiesis or the blood, not the tumour: "a TET2 variant at 2%
    /// that was also present in white blood cells and was considered clonal haematopoiesis", "the ATM variant in plasma
    /// was not a tumour alteration". In a myeloid neoplasm the same genes are the disease's own, so nothing is set aside.
    func genesFromTheBlood() -> Set<String> {
        guard text(0..<bytes.count, containsAnyOf: Self.bloodOriginKeys, ignoringCase: true) else { return [] }
        if text(0..<bytes.count, containsAnyOf: Self.myeloidKeys, ignoringCase: true) { return [] }
        var genes: Set<String> = []
        for view in views where view.isPatient && text(view.range, containsAnyOf: Self.bloodOriginKeys, ignoringCase: true) {
            let sentence = lowered(view.range)
            // The gene named last before each such phrase, within the clause it closes.
            for key in Self.bloodOriginPhrases {
                var from = sentence.startIndex
                while let found = sentence.range(of: key, range: from..<sentence.endIndex) {
                    from = found.upperBound
                    // Clonal haematopoiesis said of a variant ("was considered clonal haematopoiesis", "reported as clonal
                    // haematopoiesis"), not named as a topic ("with clonal haematopoiesis variants filtered out").
                    if key.hasPrefix("clonal") {
                        let lead = sentence[..<found.lowerBound].suffix(24)
                        guard Self.clonalPredicates.contains(where: { lead.hasSuffix($0) }) else { continue }
                    }
                    let at = view.range.lowerBound + sentence.utf8.distance(from: sentence.startIndex, to: found.lowerBound)
                    guard
                        let term = view.terms(.gene).last(where: { $0.range.upperBound <= at && at - $0.range.upperBound <= 150 }),
                        case .gene(let index) = term.concept, !text(term.range.upperBound..<at).contains(";")
                    else { continue }
                    genes.insert(vocabularies.genes[index].symbol)
                }
            }
        }
        return genes
    }

    private static let bloodOriginPhrases = [
        "clonal haematopoiesis", "clonal hematopoiesis", "not part of the tumour", "not part of the tumor", "not a tumour alteration",
        "not a tumor alteration", "came from blood cells",
    ]
    private static let bloodOriginKeys = bloodOriginPhrases.map { Array($0.utf8) }
    private static let clonalPredicates = [
        "as ", "considered ", "consistent with ", "representing ", "reflecting ", "attributed to ", "from ", "be ", "was ", "were ",
        "is ", "are ", "in keeping with ", "due to ",
    ]

    private static let myeloidKeys = ["myeloid", "myelodysplastic", "myeloproliferative", "leukaemia", "leukemia"].map { Array($0.utf8) }

    /// True when the words between a gene and a protein change are only DNA changes and their punctuation
    /// ("c.35G>A", "(c.2573T>G)"), so the protein change is the gene's own.
    static func onlyDNAChangesBetween(_ gap: String) -> Bool {
        let words = gap.split(whereSeparator: { " ()[],;:".contains($0) })
        return !words.isEmpty && words.allSatisfy { $0.hasPrefix("c.") || $0.hasPrefix("g.") }
    }

    private func nearestGene(
        before view: SentenceView,
        lastPatientGene: (symbol: String, range: Range<Int>)?
    ) -> (
        symbol: String, range: Range<Int>
    )? {
        guard let previous = views[..<view.index].last(where: { $0.sentence.section != .references }), !previous.isPatient else {
            return lastPatientGene
        }
        let last = previous.terms(.gene).last(where: { !isSerumMarker($0.range) }).flatMap { term -> (symbol: String, range: Range<Int>)? in
            guard case .gene(let index) = term.concept else { return nil }
            return (vocabularies.genes[index].symbol, term.range)
        }
        guard let last, last.range.lowerBound > (lastPatientGene?.range.lowerBound ?? -1) else { return lastPatientGene }
        return last
    }

    /// The joiner between two genes with exon labels dropped: "TPM4 (exon 7)-NTRK1" joins by "-".
    static func fusionJoiner(_ raw: String) -> String {
        guard raw.count > 3, raw.contains("(") else { return raw }
        var result = ""
        var depth = 0
        var label = ""
        for character in raw {
            if character == "(" {
                depth += 1
                label = ""
            } else if character == ")" {
                depth -= 1
                // Only exon or intron labels may be dropped.
                let words = label.lowercased().split(separator: " ")
                guard words.count == 2, ["exon", "intron", "ex"].contains(String(words[0])), words[1].allSatisfy(\.isNumber) else { return raw }
            } else if depth > 0 {
                label.append(character)
            } else if character != " " {
                result.append(character)
            }
        }
        return result.isEmpty ? raw : result
    }

    /// A gene-like token (capitals and digits) just before `range`, skipping spaces and
    /// Markdown emphasis.
    private func tokenBefore(_ range: Range<Int>, in view: SentenceView) -> (text: String, range: Range<Int>)? {
        var end = range.lowerBound
        while end > view.range.lowerBound, [0x20, 0x2A, 0x5F, 0x28].contains(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > view.range.lowerBound, NumberScanner.isAlnum(bytes[start - 1]) || bytes[start - 1] == 0x2D { start -= 1 }
        let token = text(start..<end)
        guard token.count >= 3, token.count <= 10, token.first?.isUppercase == true,
            token.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "-" }) || token.contains(where: \.isNumber)
        else { return nil }
        return (token, start..<end)
    }

    /// Genes in a sentence named with an alteration word: "a specific mutation of PTPN1".
    func genesWithAlterationContext(in view: SentenceView) -> [(symbol: String, kind: AlterationKind, range: Range<Int>)] {
        let genes = view.terms(.gene).compactMap { term -> (symbol: String, range: Range<Int>)? in
            guard case .gene(let index) = term.concept else { return nil }
            return (vocabularies.genes[index].symbol, term.range)
        }
        return genes.compactMap { gene in
            if isNegated(gene.range, in: view) { return nil }
            let before = preceding(gene.range, in: view)
            let kind =
                Self.kind(before: before.utf8.contains(0x2A) ? before.replacingOccurrences(of: "*", with: "") : before)
                ?? Self.kind(in: following(gene.range, in: view, genes: genes).words)
            return kind.map { (gene.symbol, $0, gene.range) }
        }
    }

    private func fusionDriverGene(_ symbol: String) -> Bool {
        FusionDrivers.isDriver(symbol)
    }

    private func alteration(_ gene: String, _ variant: VariantMention, span: Range<Int>, in view: SentenceView) -> Alteration? {
        let kind: AlterationKind
        switch variant.kind {
        case .proteinChange: kind = .proteinChange
        case .dnaChange: kind = .dnaChange
        case .internalTandemDuplication: kind = .internalTandemDuplication
        case .tyrosineKinaseDomain, .exon: kind = .exon
        case .snpID, .translocation: return nil
        }
        var alteration = Alteration(gene: gene, variant: variant.normalized, kind: kind, spans: [evidence(span)])
        alteration.alleleFraction = alleleFraction(after: variant.range.upperBound, in: view)
        return alteration
    }

    /// Runs of genes joined by commas, "and", "or" or "/" (but not fusion joiners).
    private func coordinatedGroups(_ genes: [(symbol: String, range: Range<Int>)]) -> [[Int]] {
        var groups: [[Int]] = []
        for index in genes.indices {
            if let previous = groups.last?.last {
                let joiner = gap(genes[previous].range.upperBound, genes[index].range.lowerBound)
                if Self.geneJoiners.contains(joiner) || genes[previous].symbol == genes[index].symbol && joiner.count <= 2 {
                    // "anaplastic lymphoma kinase (ALK)": the same gene twice is one mention.
                    if genes[previous].symbol != genes[index].symbol { groups[groups.count - 1].append(index) }
                    continue
                }
            }
            groups.append([index])
        }
        return groups
    }

    /// Words that join genes into one group; a set built once, not per gene.
    private static let geneJoiners: Set<String> = [",", "and", ", and", "or", ", or", "/", "as well as", "and/or", "(", ")", ") (", "&"]

    /// Up to four words after a gene, up to the next gene or clause break.
    private func following(
        _ range: Range<Int>,
        in view: SentenceView,
        genes: [(symbol: String, range: Range<Int>)]
    ) -> (words: [String], range: Range<Int>) {
        var end = min(view.range.upperBound, range.upperBound + 48)
        if let next = genes.first(where: { $0.range.lowerBound >= range.upperBound && $0.symbol != genes.first { $0.range == range }?.symbol }) {
            end = min(end, next.range.lowerBound)
        }
        var index = range.upperBound
        while index < end, bytes[index] != 0x2E, bytes[index] != 0x3B, bytes[index] != 0x2C || index == range.upperBound { index += 1 }
        let region = range.upperBound..<max(range.upperBound, index)
        var words: [String] = []
        if region.lowerBound < bytes.count, bytes[region.lowerBound] == 0x2B { words.append("+") }
        for word in lowered(region).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where words.count < 4 {
            let word = String(word)
            if Self.fillers.contains(word) { continue }
            words.append(word)
        }
        return (words, region)
    }

    private func preceding(_ range: Range<Int>, in view: SentenceView) -> String {
        let start = max(view.range.lowerBound, range.lowerBound - 40)
        let before = lowered(start..<range.lowerBound)
        // Foundation's replacement only where there is a line break: most windows have none.
        return before.utf8.contains(0x0A) ? before.replacingOccurrences(of: "\n", with: " ") : before
    }

    private func precededByNegation(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let before = preceding(range, in: view)
        if ["no ", "negative for ", "without ", "absence of ", "not ", "wild-type ", "wild type "].contains(where: { before.hasSuffix($0) })
            || before.hasSuffix("no evidence of ")
        {
            return true
        }
        // "lacking mutations in", "no detectable rearrangement of the", "negative for any mutation in".
        // Only the last words can decide: in ASCII text they are read back from the end as bytes,
        // not by splitting the whole window into `Character`s.
        if before.utf8.allSatisfy({ $0 < 0x80 }) { return Self.endsInNegatedPhrase(before) }
        let words = before.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (position, word) in words.enumerated().reversed() {
            if Self.negators.contains(word) { return position < words.count - 1 || word == "lacking" }
            guard Self.negatedPhraseWords.contains(word) else { return false }
        }
        return false
    }

    /// The word loop of ``precededByNegation(_:in:)`` for ASCII text, from the last word back:
    /// letters and digits make words, anything else parts them.
    private static func endsInNegatedPhrase(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isWordByte(_ byte: UInt8) -> Bool { byte | 0x20 &- 0x61 < 26 || byte &- 0x30 < 10 }
        var end = bytes.count
        var fromEnd = 0
        while true {
            while end > 0, !isWordByte(bytes[end - 1]) { end -= 1 }
            guard end > 0 else { return false }
            var start = end
            while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
            let word = String(decoding: bytes[start..<end], as: UTF8.self)
            if negators.contains(word) { return fromEnd > 0 || word == "lacking" }
            guard negatedPhraseWords.contains(word) else { return false }
            fromEnd += 1
            end = start
        }
    }

    private static let negators: Set<String> = ["lacking", "lacked", "lack", "no", "without", "absence", "negative", "excluded", "free"]

    private static let negatedPhraseWords: Set<String> = [
        "mutation", "mutations", "alteration", "alterations", "rearrangement", "rearrangements", "amplification", "amplifications",
        "fusion", "fusions", "in", "of", "for", "the", "a", "an", "any", "gene", "genes", "detectable", "pathogenic", "activating",
        "known", "other", "somatic", "germline", "point",
    ]

    /// "T315I mutation was negative", "EGFR mutation was not detected", and the same after a list
    /// the change opens: "EGFR, KRAS, BRAF and ALK alterations were absent", "FGFR2 rearrangement,
    /// BRAF V600E and ERBB2 amplification were not detected".
    func isNegatedAfter(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let original = text(range.upperBound..<min(view.range.upperBound, range.upperBound + 160))
        var rest = Substring(original)
        // Skip the rest of a coordinated list: gene and change tokens (a capital or a digit), kind
        // words and connectives. A lowercase word of any other kind ends the list.
        while true {
            rest = rest.drop { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }
            let word = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != "(" && $0 != ")" }
            guard !word.isEmpty, !word.hasSuffix(".") || word.count > 2 && word.dropLast().contains(where: \.isNumber) else { break }
            let lower = word.lowercased()
            guard Self.isListMaterial(word), !["was", "were", "is", "are"].contains(lower) else { break }
            rest = rest.dropFirst(word.count)
        }
        var tail = Substring(rest.lowercased())
        for word in ["was ", "were ", "is ", "are ", "remained ", "also ", "found ", "to be ", "tested "] where tail.hasPrefix(word) {
            tail = tail.dropFirst(word.count)
        }
        tail = tail.drop(while: { $0 == " " })
        // "MET amplification was looked for and was absent", "… were searched for and not found": a search that found nothing.
        for search in ["looked for and ", "searched for and ", "sought and ", "tested for and "] where tail.hasPrefix(search) {
            tail = tail.dropFirst(search.count)
            for word in ["was ", "were ", "is ", "are "] where tail.hasPrefix(word) { tail = tail.dropFirst(word.count) }
        }
        guard let negative = Self.negativeResults.first(where: { tail.hasPrefix($0) }) else { return false }
        // "F691L, not present at diagnosis", "absent in the sample of 2021": absent before, found now (acquired).
        let after = tail.dropFirst(negative.count).drop(while: { $0 == " " })
        return !Self.earlierSamples.contains { after.hasPrefix($0) }
    }

    private static let negativeResults = [
        "negative", "not detected", "absent", "wild-type", "wild type", "not found", "undetectable", "not present", "not identified",
    ]
    private static let earlierSamples = [
        "at diagnosis", "at initial diagnosis", "at the time of diagnosis", "at baseline", "at presentation", "before treatment",
        "before therapy", "in the diagnostic", "in the initial", "in the baseline", "in the pretreatment", "in the pre-treatment",
        "in the sample of", "in the earlier", "in the original", "in the first biopsy", "in the previous", "previously",
    ]

    /// Words a coordinated list of alterations may hold besides gene and change tokens.
    /// "No EGFR T790M, exon 19 deletion or L858R was present": a sentence that opens with "No" and runs a list of
    /// genes and changes up to the mention denies each of them, however far the mention is from the "No".
    func opensANegatedList(_ range: Range<Int>, in view: SentenceView) -> Bool {
        let head = text(view.range.lowerBound..<range.lowerBound)
        let trimmed = head.drop { $0 == " " || $0 == "\n" }
        guard trimmed.hasPrefix("No ") || trimmed.hasPrefix("Neither ") else { return false }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).dropFirst()
        return words.allSatisfy(Self.isListMaterial)
    }

    /// A word of a coordinated list of genes and changes: a gene or change token (a capital or a digit), a kind word
    /// or a connective.
    static func isListMaterial(_ word: Substring) -> Bool {
        negatedListWords.contains(word.lowercased()) || word.contains(where: { $0.isUppercase || $0.isNumber })
    }

    private static let negatedListWords: Set<String> = [
        "and", "or", "nor", "the", "mutation", "mutations", "alteration", "alterations", "rearrangement", "rearrangements", "fusion",
        "fusions", "amplification", "amplifications", "deletion", "deletions", "variant", "variants", "gene", "genes", "mutated",
        "rearranged", "amplified", "exon", "codon", "codons", "insertion", "insertions", "skipping", "internal", "tandem", "duplication",
    ]

    /// "exon 15" with no event word only locates a change ("V600E mutation in exon 15",
    /// "within MYC exon 1"); it is a finding only when "mutation" follows it.
    private func isWeakExon(_ variant: VariantMention, in view: SentenceView) -> Bool {
        guard variant.kind == .exon, variant.normalized.hasSuffix(" mutation") else { return false }
        guard let last = text(variant.range).last, last.isNumber else { return false }
        let after = lowered(variant.range.upperBound..<min(view.range.upperBound, variant.range.upperBound + 12))
        return !(after.hasPrefix(" mutation") || after.hasPrefix(" mutated") || after.hasPrefix("-mutat"))
    }

    /// Whether a sentence speaks of staining: immunohistochemistry, IHC, staining, expression.
    static func speaksOfStaining(_ lowered: String) -> Bool {
        ["immunohistochem", "ihc", "staining", "stained", "expression", "retained"].contains { lowered.contains($0) }
    }

    /// Words that qualify a kind word without changing it.
    static let kindQualifiers: Set<String> = [
        "homozygous", "heterozygous", "hemizygous", "biallelic", "bi-allelic", "monoallelic", "focal", "deep", "high-level",
        "low-level", "somatic", "germline", "acquired", "clonal", "subclonal",
    ]

    /// Kind words in the plural, which speak of a class of alterations.
    static let pluralKindWords: Set<String> = [
        "mutations", "fusions", "rearrangements", "amplifications", "alterations", "variants", "translocations", "deletions",
    ]

    /// The alteration kind named by the first meaningful words after a gene.
    static func kind(in words: [String]) -> AlterationKind? {
        // "CDKN2A homozygous deletion", "ERBB2 focal amplification": a qualifier before the kind word.
        if let first = words.first, kindQualifiers.contains(first) { return kind(in: Array(words.dropFirst())) }
        guard let first = words.first else { return nil }
        let two = words.prefix(3).joined(separator: " ")
        for (phrase, kind) in multiWordFollowingKinds where two.hasPrefix(phrase) { return kind }
        if let match = followingKinds.first(where: { $0.0 == first }) { return match.1 }
        // "FLT3-ITD mutated": the variant was consumed; "gene" fillers were dropped already.
        if words.count > 1, let match = followingKinds.first(where: { $0.0 == words[1] }), first.count <= 4 { return match.1 }
        return nil
    }

    /// The phrases of ``followingKinds`` with more than one word, picked once, in order.
    private static let multiWordFollowingKinds = followingKinds.filter { $0.0.contains(" ") }

    static func kind(before text: String) -> AlterationKind? {
        let trimmed = trimmingSpaces(text)
        // Only phrases ending in the text's last byte can match: most genes try none or a few
        // instead of all eighty-eight.
        guard let last = trimmed.utf8.last else { return nil }
        let candidates = last < 0x80 ? precedingSuffixesByLastByte[Int(last)] : precedingSuffixes
        for (suffix, kind) in candidates where trimmed.hasSuffix(suffix) { return kind }
        return nil
    }

    /// ``precedingSuffixes`` by their last byte, each list in the same order.
    private static let precedingSuffixesByLastByte: [[(String, AlterationKind)]] = {
        var table = [[(String, AlterationKind)]](repeating: [], count: 256)
        for (suffix, kind) in precedingSuffixes { table[Int(suffix.utf8.last!)].append((suffix, kind)) }
        return table
    }()

    /// ``precedingKinds`` longest first, each followed by the fillers it may take, in the order
    /// ``kind(before:)`` tries them: sorted and joined once, not at every gene.
    private static let precedingSuffixes: [(String, AlterationKind)] = precedingKinds.sorted(by: { $0.0.count > $1.0.count }).flatMap {
        phrase,
        kind in ["", " the", " a", " an"].map { (phrase + $0, kind) }
    }

    /// `text.trimmingCharacters(in: .whitespaces)`: spaces and tabs cut as bytes, Foundation only
    /// when a non-ASCII character (which may be a no-break space) ends the text.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 { end = utf8.index(before: end) }
        if start < end, utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 { return text.trimmingCharacters(in: .whitespaces) }
        if start == utf8.startIndex, end == utf8.endIndex { return text }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// "allelic ratio of 0.5", "VAF 42%", "(VAF: 12.5%)", "variant allele frequency of 30%".
    private func alleleFraction(after offset: Int, in view: SentenceView) -> Double? {
        let window = offset..<min(view.range.upperBound, offset + 60)
        // A byte search in place: Foundation's `contains` per phrase cost a tenth of a gene-dense text.
        guard text(window, containsAnyOf: Self.alleleFractionWords, ignoringCase: true) else { return nil }
        guard let number = view.numbers.first(where: { window.contains($0.range.lowerBound) }) else { return nil }
        let percent = number.range.upperBound < bytes.count && bytes[number.range.upperBound] == 0x25
        return percent ? number.value / 100 : number.value
    }

    private static let alleleFractionWords = ["vaf", "allele frequency", "allelic ratio", "allelic burden"].map { Array($0.utf8) }

    /// One entry per gene and variant; a generic "mutation" gives way to a named change.
    private func merge(_ alterations: [Alteration]) -> [Alteration] {
        var merged: [Alteration] = []
        for alteration in alterations {
            if let index = merged.firstIndex(where: { $0.gene == alteration.gene && $0.variant == alteration.variant }) {
                merged[index].spans += alteration.spans
                if merged[index].partner == nil { merged[index].partner = alteration.partner }
                if merged[index].alleleFraction == nil { merged[index].alleleFraction = alteration.alleleFraction }
            } else {
                merged.append(alteration)
            }
        }
        let specific = Set(merged.filter { [.proteinChange, .dnaChange, .internalTandemDuplication].contains($0.kind) }.map(\.gene))
        let pointChange = Set(merged.filter { $0.kind == .proteinChange }.map(\.gene))
        let counts = Dictionary(merged.map { ($0.gene, 1) }, uniquingKeysWith: +)
        // "c.2466T>A (p.Asn822Lys)", "c.600G>T; p.Trp200Cys": the DNA change and the protein
        // change it makes are one alteration, named by the protein change.
        let proteinEnds = merged.filter { $0.kind == .proteinChange }.map { ($0.gene, $0.spans.map(\.end)) }
        // "BRAF V600E … confirmed by sequencing (c.1799T>A)", "a splice site mutation, c.3028+1G>T, causing exon 14
        // skipping": a DNA change in sentences that each name one protein change or skipped exon of its gene, and no
        // other, is that change written at the DNA level.
        let named = merged.filter { [.proteinChange, .exon].contains($0.kind) }
        func soleNamedChange(of gene: String, in sentence: Range<Int>) -> Bool {
            named.filter { $0.gene == gene && $0.spans.contains { sentence.contains($0.start) } }.count == 1
        }
        func pairedWithProtein(_ alteration: Alteration) -> Bool {
            guard alteration.kind == .dnaChange else { return false }
            let nearby = proteinEnds.contains { gene, ends in
                gene == alteration.gene && ends.contains { end in alteration.spans.contains { abs($0.end - end) <= 22 } }
            }
            return nearby
                || alteration.spans.allSatisfy { span in
                    views.first { $0.range.contains(span.start) }.map { soleNamedChange(of: alteration.gene, in: $0.range) } ?? false
                }
        }
        let fromBlood = genesFromTheBlood()
        return merged.filter { alteration in
            if fromBlood.contains(alteration.gene) { return false }
            if pairedWithProtein(alteration) { return false }
            if alteration.kind == .mutation && specific.contains(alteration.gene) { return false }
            if alteration.variant == "alteration", counts[alteration.gene, default: 0] > 1 { return false }
            if alteration.variant == "TKD" && pointChange.contains(alteration.gene) { return false }
            return true
        }
    }
}

extension AlterationKind {
    var genericLabel: String {
        switch self {
        case .fusion: "fusion"
        case .amplification: "amplification"
        case .deletion: "deletion"
        case .expression: "overexpression"
        default: "mutation"
        }
    }
}
