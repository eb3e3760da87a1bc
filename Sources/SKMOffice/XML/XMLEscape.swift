/// Escaping for the XML parts of Office files (text content and attribute values).
///
/// Characters XML 1.0 does not allow at all (C0 controls other than tab, line feed and carriage
/// return, lone surrogates cannot occur in a Swift string, U+FFFE/U+FFFF) are dropped, so any
/// user text gives a well-formed part.
public enum XMLEscape {
    /// `s` as element text: `&`, `<` and `>` escaped.
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// `s` as a double-quoted attribute value: also `"` and `'`, and line breaks kept as
    /// character references so an attribute's value survives attribute normalisation.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    static func escape(_ s: String, quotes: Bool) -> String {
        guard s.unicodeScalars.contains(where: { needsWork($0, quotes: quotes) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\n" where quotes: out += "&#10;"
            case "\r" where quotes: out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default:
                if allowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func needsWork(_ scalar: Unicode.Scalar, quotes: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">": return true
        case "\"", "'", "\n", "\r", "\t": return quotes
        default: return !allowed(scalar)
        }
    }

    /// XML 1.0's Char production.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }
}
