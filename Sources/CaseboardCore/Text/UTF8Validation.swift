/// Byte-level UTF-8 checks, strict per RFC 3629 (no overlongs, no surrogates, nothing past U+10FFFF).
enum UTF8Validation {
    /// The length of the valid UTF-8 sequence starting at `index`, or 0 if it is not valid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            index + offset < count && bytes[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0x00...0x7F:
            return 1
        case 0xC2...0xDF:
            return isContinuation(1) ? 2 : 0
        case 0xE0:
            return isContinuation(1) && bytes[index + 1] >= 0xA0 && isContinuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return isContinuation(1) && isContinuation(2) ? 3 : 0
        case 0xED:
            return isContinuation(1) && bytes[index + 1] < 0xA0 && isContinuation(2) ? 3 : 0
        case 0xF0:
            return isContinuation(1) && bytes[index + 1] >= 0x90 && isContinuation(2) && isContinuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return isContinuation(1) && isContinuation(2) && isContinuation(3) ? 4 : 0
        case 0xF4:
            return isContinuation(1) && bytes[index + 1] < 0x90 && isContinuation(2) && isContinuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Decodes the valid sequence of `length` bytes at `index`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3: return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
        }
    }
}

/// Repairs UTF-8 text that was decoded as Windows-1252 and encoded as UTF-8 again, which turns
/// a thin space (E2 80 89) into "â€‰". Each character of such a run maps back to one byte; when
/// those bytes form one valid multi-byte UTF-8 sequence, the run is replaced by that character.
enum Mojibake {
    /// Windows-1252 bytes 0x80–0x9F and the Unicode scalars they decode to.
    private static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The Windows-1252 byte a scalar came from, if it could be one.
    @inline(__always)
    private static func cp1252Byte(_ scalar: UInt32) -> UInt8? {
        if scalar >= 0xA0 && scalar <= 0xFF { return UInt8(scalar) }
        // C1 controls appear when the bad decode was Latin-1 rather than Windows-1252.
        if scalar >= 0x80 && scalar <= 0x9F { return UInt8(scalar) }
        return cp1252High[scalar]
    }

    /// If a mojibake run starts at `index`, the scalar it stands for and the input bytes it spans.
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        // A run starts with a lead byte C2–F4 decoded as Â…ô, which UTF-8 encodes as C3 82…C3 B4.
        guard index + 1 < bytes.count, bytes[index] == 0xC3 || bytes[index] == 0xC2 else { return nil }
        let leadLength = UTF8Validation.sequenceLength(bytes, at: index)
        guard leadLength == 2 else { return nil }
        let lead = UTF8Validation.decode(bytes, at: index, length: 2)
        guard lead >= 0xC2 && lead <= 0xF4 else { return nil }
        let needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
        var recovered: [UInt8] = [UInt8(lead)]
        var position = index + 2
        for _ in 0..<needed {
            guard position < bytes.count else { return nil }
            let length = UTF8Validation.sequenceLength(bytes, at: position)
            guard length >= 2 else { return nil }
            let scalar = UTF8Validation.decode(bytes, at: position, length: length)
            guard let byte = cp1252Byte(scalar), byte & 0xC0 == 0x80 else { return nil }
            recovered.append(byte)
            position += length
        }
        let valid = recovered.withUnsafeBufferPointer { UTF8Validation.sequenceLength($0, at: 0) }
        guard valid == recovered.count else { return nil }
        let value = recovered.withUnsafeBufferPointer { UTF8Validation.decode($0, at: 0, length: valid) }
        // Two-byte runs such as "Ã©" are ambiguous with real Latin-1 text only when followed by
        // letters of the same script; the repaired scalar is still the likelier reading.
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, position - index)
    }
}
