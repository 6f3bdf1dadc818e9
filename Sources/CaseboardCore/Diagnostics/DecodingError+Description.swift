extension DecodingError {
    /// A one-line explanation for a person: what is missing or wrong, and where.
    public var readableDescription: String {
        switch self {
        case .keyNotFound(let key, let context): "missing field '\(Self.path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.debugDescription + (context.codingPath.isEmpty ? "" : " at \(Self.path(context.codingPath))")
        @unknown default: "invalid JSON"
        }
    }

    /// The field path of the problem ("therapies.[0].drugs"), if any.
    public var fieldPath: String? {
        let path: [any CodingKey]
        switch self {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        return path.isEmpty ? nil : Self.path(path)
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
