// The extraction contract writes absent facts as explicit nulls ("age": null, "oncotree": null,
// "response": null, "grade": null) so consumers see the field; the synthesized encoders would
// leave such keys out.

extension Patient {
    enum CodingKeys: String, CodingKey {
        case age, sex, spans
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(age, forKey: .age)
        try container.encode(sex, forKey: .sex)
        try container.encode(spans, forKey: .spans)
    }
}

extension Diagnosis {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(oncotree, forKey: .oncotree)
        try container.encode(code, forKey: .code)
        try container.encode(canonicalName, forKey: .canonicalName)
        try container.encode(spans, forKey: .spans)
    }
}

extension TherapyLine {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(drugs, forKey: .drugs)
        try container.encodeIfPresent(regimen, forKey: .regimen)
        try container.encodeIfPresent(dose, forKey: .dose)
        try container.encodeIfPresent(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encode(response, forKey: .response)
        try container.encodeIfPresent(responseText, forKey: .responseText)
        try container.encode(adverseEvents, forKey: .adverseEvents)
        try container.encode(doseChanges, forKey: .doseChanges)
        try container.encodeIfPresent(stopReason, forKey: .stopReason)
        try container.encodeIfPresent(setting, forKey: .setting)
        try container.encode(spans, forKey: .spans)
        try container.encode(responseSpans, forKey: .responseSpans)
    }
}

extension AdverseEvent {
    enum CodingKeys: String, CodingKey {
        case term, grade, drugs, spans
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(term, forKey: .term)
        try container.encode(grade, forKey: .grade)
        try container.encode(drugs, forKey: .drugs)
        try container.encode(spans, forKey: .spans)
    }
}

// Decoding is lenient where a client may reasonably leave things out (a curator's corrected
// case sent back to the server): absent lists are empty, absent metadata is empty.

extension CaseRecord {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            document: try container.decode(String.self, forKey: .document),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            metadata: try container.decodeIfPresent(DocumentMetadata.self, forKey: .metadata) ?? DocumentMetadata(),
            patient: try container.decodeIfPresent(Patient.self, forKey: .patient) ?? Patient(),
            diagnoses: try container.decodeIfPresent([Diagnosis].self, forKey: .diagnoses) ?? [],
            comorbidities: try container.decodeIfPresent([Diagnosis].self, forKey: .comorbidities) ?? [],
            alterations: try container.decodeIfPresent([Alteration].self, forKey: .alterations) ?? [],
            therapies: try container.decodeIfPresent([TherapyLine].self, forKey: .therapies) ?? [],
            adverseEvents: try container.decodeIfPresent([AdverseEvent].self, forKey: .adverseEvents) ?? [],
            resistance: try container.decodeIfPresent([ResistanceEvent].self, forKey: .resistance) ?? [],
            procedures: try container.decodeIfPresent([Procedure].self, forKey: .procedures) ?? [],
            outcome: try container.decodeIfPresent(Outcome.self, forKey: .outcome),
            timeline: try container.decodeIfPresent([TimelineEvent].self, forKey: .timeline) ?? [],
            warnings: try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        )
        mentions = try container.decodeIfPresent([EntityMention].self, forKey: .mentions)
    }
}

extension DocumentMetadata {
    enum CodingKeys: String, CodingKey {
        case pmid, pmcid, doi, journal, publicationDate, publicationTypes, authors, keywords
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            pmid: try container.decodeIfPresent(String.self, forKey: .pmid),
            pmcid: try container.decodeIfPresent(String.self, forKey: .pmcid),
            doi: try container.decodeIfPresent(String.self, forKey: .doi),
            journal: try container.decodeIfPresent(String.self, forKey: .journal),
            publicationDate: try container.decodeIfPresent(String.self, forKey: .publicationDate),
            publicationTypes: try container.decodeIfPresent([String].self, forKey: .publicationTypes) ?? [],
            authors: try container.decodeIfPresent([String].self, forKey: .authors) ?? [],
            keywords: try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        )
    }
}

extension Patient {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            age: try container.decodeIfPresent(Int.self, forKey: .age),
            sex: try container.decodeIfPresent(Sex.self, forKey: .sex),
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        )
    }
}

extension Diagnosis {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let oncotree = try container.decodeIfPresent(String.self, forKey: .oncotree)
        self.init(
            name: name,
            oncotree: oncotree,
            code: try container.decodeIfPresent(String.self, forKey: .code) ?? oncotree ?? "",
            canonicalName: try container.decodeIfPresent(String.self, forKey: .canonicalName) ?? name,
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        )
    }
}

extension Alteration {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            gene: try container.decode(String.self, forKey: .gene),
            variant: try container.decode(String.self, forKey: .variant),
            kind: try container.decodeIfPresent(AlterationKind.self, forKey: .kind) ?? .mutation,
            partner: try container.decodeIfPresent(String.self, forKey: .partner),
            alleleFraction: try container.decodeIfPresent(Double.self, forKey: .alleleFraction),
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        )
    }
}

extension TherapyLine {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decodeIfPresent(Int.self, forKey: .line) ?? 0,
            drugs: try container.decode([String].self, forKey: .drugs),
            regimen: try container.decodeIfPresent(String.self, forKey: .regimen),
            dose: try container.decodeIfPresent(String.self, forKey: .dose),
            start: try container.decodeIfPresent(TimePoint.self, forKey: .start),
            end: try container.decodeIfPresent(TimePoint.self, forKey: .end),
            response: try container.decodeIfPresent(ResponseKind.self, forKey: .response),
            responseText: try container.decodeIfPresent(String.self, forKey: .responseText),
            adverseEvents: try container.decodeIfPresent([AdverseEvent].self, forKey: .adverseEvents) ?? [],
            doseChanges: try container.decodeIfPresent([String].self, forKey: .doseChanges) ?? [],
            stopReason: try container.decodeIfPresent(String.self, forKey: .stopReason),
            setting: try container.decodeIfPresent(String.self, forKey: .setting),
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? [],
            responseSpans: try container.decodeIfPresent([Evidence].self, forKey: .responseSpans) ?? []
        )
    }
}

extension AdverseEvent {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            term: try container.decode(String.self, forKey: .term),
            grade: try container.decodeIfPresent(Int.self, forKey: .grade),
            drugs: try container.decodeIfPresent([String].self, forKey: .drugs) ?? [],
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        )
    }
}

extension ResistanceEvent {
    enum CodingKeys: String, CodingKey {
        case gene, variant, drugs, basis, spans
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            gene: try container.decode(String.self, forKey: .gene),
            variant: try container.decodeIfPresent(String.self, forKey: .variant) ?? "mutation",
            drugs: try container.decodeIfPresent([String].self, forKey: .drugs) ?? [],
            basis: try container.decodeIfPresent(String.self, forKey: .basis) ?? "stated",
            spans: try container.decodeIfPresent([Evidence].self, forKey: .spans) ?? []
        )
    }
}
