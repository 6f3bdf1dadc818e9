/// Limits and buffering shared by the XML readers.
///
/// The defaults suit PubMed and PMC files; tests lower them to exercise the limits.
public struct XMLReadOptions: Sendable, Hashable {
    /// Initial size of the sliding input buffer, and how much is read at a time.
    public var bufferSize: Int
    /// The longest single construct accepted (a tag, a text run, a comment, a CDATA section, the DOCTYPE).
    public var maxTokenBytes: Int
    /// The deepest element nesting accepted.
    public var maxNestingDepth: Int
    /// How deeply entity references may nest inside entity values.
    public var maxEntityExpansionDepth: Int
    /// How many bytes entity expansion may produce in one document (readers reset the count per record).
    public var maxEntityExpansionBytes: Int

    public init(
        bufferSize: Int = 256 * 1024,
        maxTokenBytes: Int = 64 << 20,
        maxNestingDepth: Int = 512,
        maxEntityExpansionDepth: Int = 10,
        maxEntityExpansionBytes: Int = 1 << 20
    ) {
        self.bufferSize = max(1, bufferSize)
        self.maxTokenBytes = max(self.bufferSize, maxTokenBytes)
        self.maxNestingDepth = max(1, maxNestingDepth)
        self.maxEntityExpansionDepth = max(1, maxEntityExpansionDepth)
        self.maxEntityExpansionBytes = max(0, maxEntityExpansionBytes)
    }
}
