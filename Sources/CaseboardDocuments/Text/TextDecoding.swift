import CaseboardCore

/// The first step of every reader: raw input bytes to valid UTF-8 text with a source map.
enum TextDecoding {
    /// How to turn input bytes into text.
    enum Encoding: Sendable, Equatable {
        /// UTF-8, repairing mojibake and replacing invalid bytes (``TextBuilder/appendDecoding(_:sourceOffset:)``).
        case utf8
        /// Windows-1252 (which HTML uses for ISO-8859-1 and ASCII as well), one character per byte.
        case windows1252
    }

    /// Decodes `input`, skipping a UTF-8 byte order mark and turning CRLF and lone CR into LF.
    ///
    /// Line breaks are normalised because heading detection and section ranges work on lines;
    /// each LF that replaces a CR maps back to the one or two bytes it stands for.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, encoding: Encoding = .utf8, into builder: inout TextBuilder) {
        var start = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
        var index = start
        var runStart = start
        let count = input.count
        while index < count {
            guard input[index] == 0x0D else {
                index += 1
                continue
            }
            append(input, runStart..<index, encoding: encoding, into: &builder)
            let length = index + 1 < count && input[index + 1] == 0x0A ? 2 : 1
            builder.appendSubstituted("\n", sourceRange: index..<(index + length))
            index += length
            runStart = index
        }
        append(input, runStart..<count, encoding: encoding, into: &builder)
    }

    private static func append(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, encoding: Encoding, into builder: inout TextBuilder) {
        guard !range.isEmpty else { return }
        let slice = UnsafeBufferPointer(rebasing: input[range])
        switch encoding {
        case .utf8:
            builder.appendDecoding(slice, sourceOffset: range.lowerBound)
        case .windows1252:
            Windows1252.transcode(slice, sourceOffset: range.lowerBound, into: &builder)
        }
    }

    /// Whether `input` is entirely valid UTF-8.
    static func isValidUTF8(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = input.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// Windows-1252, the encoding browsers use for pages labelled ISO-8859-1, Latin-1 or ASCII.
enum Windows1252 {
    /// Bytes 0x80–0x9F; the five bytes Windows-1252 leaves undefined decode to the C1 control of
    /// the same value, as the WHATWG Encoding Standard says.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character a byte stands for.
    @inline(__always)
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    /// Appends `input` decoded as Windows-1252. ASCII runs are copied verbatim; every other byte
    /// becomes one character mapped to that byte.
    static func transcode(_ input: UnsafeBufferPointer<UInt8>, sourceOffset: Int, into builder: inout TextBuilder) {
        var runStart = 0
        var encoded: [UInt8] = []
        encoded.reserveCapacity(4)
        for index in 0..<input.count where input[index] >= 0x80 {
            if runStart < index {
                builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[runStart..<index]), sourceOffset: sourceOffset + runStart)
            }
            encoded.removeAll(keepingCapacity: true)
            UTF8.encode(scalar(input[index])) { encoded.append($0) }
            encoded.withUnsafeBufferPointer {
                builder.appendSubstituted($0, sourceRange: (sourceOffset + index)..<(sourceOffset + index + 1))
            }
            runStart = index + 1
        }
        if runStart < input.count {
            builder.appendVerbatim(UnsafeBufferPointer(rebasing: input[runStart...]), sourceOffset: sourceOffset + runStart)
        }
    }

    /// `bytes` decoded as Windows-1252, for attribute values that need no source map.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: bytes.map(scalar))
        return result
    }
}
