/// A problem found while reading or processing input, with where it happened.
///
/// Readers throw a diagnostic of severity ``Severity/error`` when they cannot go on, and attach
/// warnings to the ``Document`` when they can.
public struct Diagnostic: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    public var message: String
    /// The file (or `-` for standard input) the problem is in.
    public var file: String?
    /// Where in the file, if known.
    public var position: SourcePosition?

    public init(_ severity: Severity, _ message: String, file: String? = nil, position: SourcePosition? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.position = position
    }

    public static func error(_ message: String, file: String? = nil, position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(.error, message, file: file, position: position)
    }

    public static func warning(_ message: String, file: String? = nil, position: SourcePosition? = nil) -> Diagnostic {
        Diagnostic(.warning, message, file: file, position: position)
    }

    /// The same diagnostic located in `file`, for readers that learn the file name late.
    public func located(in file: String) -> Diagnostic {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// `file:line:column: severity: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var location = file ?? "<input>"
        if let position {
            location += ":\(position.line):\(position.column)"
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// A position in an input: a byte offset plus the 1-based line and column it falls on.
public struct SourcePosition: Sendable, Codable, Hashable {
    public var offset: Int
    public var line: Int
    /// 1-based, counted in bytes from the start of the line.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Locates `offset` in `bytes` by counting line feeds before it.
    public static func locate(_ offset: Int, in bytes: some Collection<UInt8>) -> SourcePosition {
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return SourcePosition(offset: offset, line: line, column: offset - lineStart + 1)
    }
}
