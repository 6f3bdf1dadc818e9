/// Small helpers shared by the SVG and HTML writers: escaping, number formatting and a
/// conservative text-width estimate (no font metrics are available on the server).
enum Markup {
    /// Replaces `&`, `<`, `>`, `"` and `'` with entity references, and drops characters that
    /// XML 1.0 does not allow (C0 controls other than tab, newline and carriage return).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Collapses runs of whitespace (including newlines) into single spaces and trims the ends.
    static func squash(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A number with at most one decimal, without a trailing `.0`: `12`, `12.5`, `-3.2`.
    /// Deterministic and locale-independent.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// An estimate of the rendered width of `text` in a sans-serif font of `fontSize` pixels.
    /// It errs on the wide side, so that laid-out labels do not touch.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            if character == " " {
                ems += 0.32
            } else if "iljtf.,:;'|!()[]".contains(character) {
                ems += 0.36
            } else if "mwMW@%".contains(character) {
                ems += 0.92
            } else if character.isUppercase {
                ems += 0.72
            } else if character.isNumber {
                ems += 0.62
            } else {
                ems += 0.6
            }
        }
        return ems * fontSize
    }

    /// `text` cut to at most `limit` characters, ending with an ellipsis when cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)).trimmingTrailingSpaces() + "\u{2026}"
    }

    /// `text` cut so that its estimated width stays within `width` pixels.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        var count = text.count
        while count > 1 {
            count -= 1
            let candidate = truncate(text, to: count)
            if textWidth(candidate, fontSize: fontSize) <= width { return candidate }
        }
        return "\u{2026}"
    }

    /// A short, stable hexadecimal digest (FNV-1a, 32 bits), for element ids.
    static func digest(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}
