import CaseboardCore
import Foundation

/// Why a typed input was not read at all.
public enum InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// Longer than ``InputLimits/maximumBytes`` (a disease: ``InputLimits/maximumDiseaseBytes``);
    /// resolution never reads past the cap, so a pasted report costs no more than a short phrase.
    case tooLong(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: "empty input"
        case .tooLong(let bytes, let limit): "input is \(bytes) bytes; disease, alteration and drug fields take at most \(limit)"
        }
    }
}

/// Bounds on what the resolvers accept from a person typing into a field.
public enum InputLimits {
    /// The longest field the resolvers read, in UTF-8 bytes. The longest OncoTree name is under
    /// 120 bytes; 256 leaves room for modifiers ("relapsed", "HER2-positive") and nothing more.
    public static let maximumBytes = 256

    /// The longest disease field read, in UTF-8 bytes. Clinicians write the presentation with the
    /// disease (stage, pT/pN, size, receptors, sites, prior lines, ECOG, age: hold-out 11 has a
    /// 263-byte early breast cancer); the matcher reads setting and contraindications from it too.
    public static let maximumDiseaseBytes = 512

    /// The trimmed text, or the problem that stops it being read.
    static func check(_ text: String, limit: Int = maximumBytes) -> Result<String, InputProblem> {
        // Check the raw length first: trimming a 36 KB paste is already work the cap should spare.
        let bytes = text.utf8.count
        guard bytes <= limit else { return .failure(.tooLong(bytes: bytes, limit: limit)) }
        let trimmed = text.trimmingWhitespace
        return trimmed.isEmpty ? .failure(.empty) : .success(trimmed)
    }
}
