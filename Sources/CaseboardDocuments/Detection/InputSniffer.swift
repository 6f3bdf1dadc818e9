import CaseboardCore

/// Looks at the first bytes of an input to tell text from binary data.
public enum InputSniffer {
    /// How many leading bytes readers pass to ``binaryEvidence(_:)``.
    public static let prefixLength = 8192

    /// Why `prefix` looks like binary data rather than text, or `nil` when it looks like text.
    ///
    /// The evidence is a NUL byte, a known binary signature (PDF, ZIP, gzip, images), or a large
    /// share of control bytes. The returned phrase completes "binary file, not text (…)".
    ///
    /// - Parameter prefix: the first bytes of the input, normally ``prefixLength`` of them.
    public static func binaryEvidence(_ prefix: UnsafeBufferPointer<UInt8>) -> String? {
        evidence(prefix)?.message
    }

    /// The evidence and the offset it points at, if any.
    static func evidence(_ prefix: UnsafeBufferPointer<UInt8>) -> (message: String, offset: Int?)? {
        if let signature = signature(prefix) { return (signature, 0) }
        var controls = 0
        for (offset, byte) in prefix.enumerated() {
            if byte == 0 {
                var evidence = "found NUL byte at offset \(offset)"
                if prefix.count >= 2, (prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF) {
                    evidence += "; it looks like UTF-16 text, convert it to UTF-8"
                }
                return (evidence, offset)
            }
            // Tab, line feed, form feed, carriage return and escape occur in real text files.
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
                controls += 1
            } else if byte == 0x7F {
                controls += 1
            }
        }
        // A tenth of control bytes is far beyond any text, even one with stray form feeds.
        if controls > 0, controls * 10 >= prefix.count, controls >= 2 || prefix.count < 16 {
            return ("\(controls) of the first \(prefix.count) bytes are control characters", nil)
        }
        return nil
    }

    private static let signatures: [(bytes: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF file; extract its text first"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/XLSX document)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document"),
        (Array("SQLite format 3".utf8), "an SQLite database"),
    ]

    private static func signature(_ prefix: UnsafeBufferPointer<UInt8>) -> String? {
        for (bytes, name) in signatures where prefix.count >= bytes.count {
            if zip(bytes, prefix).allSatisfy({ $0 == $1 }) { return "\(name), signature at offset 0" }
        }
        return nil
    }
}

/// Checks every reader makes before decoding: the input is not empty and is text.
enum InputPreflight {
    static func check(_ bytes: [UInt8], file: String) throws {
        guard !bytes.isEmpty else { throw Diagnostic.error("file is empty", file: file) }
        let evidence = bytes.withUnsafeBufferPointer { buffer in
            InputSniffer.evidence(UnsafeBufferPointer(rebasing: buffer.prefix(InputSniffer.prefixLength)))
        }
        if let evidence {
            throw Diagnostic.error(
                "binary file, not text (\(evidence.message))",
                file: file,
                position: evidence.offset.map { SourcePosition.locate($0, in: bytes) }
            )
        }
    }
}
