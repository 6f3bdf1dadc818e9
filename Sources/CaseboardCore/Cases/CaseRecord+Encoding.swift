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
