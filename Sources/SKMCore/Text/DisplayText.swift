/// Text a person typed, shown back in a message: control characters (ESC, NUL, line breaks…) and
/// bidirectional overrides are written as `\u{1B}`-style escapes, so echoing input can neither
/// drive the terminal nor reorder the message around it.
public enum DisplayText {
    /// True for what must not reach a terminal raw: C0 and C1 controls, DEL, and the Unicode
    /// bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM) and line/paragraph separators.
    /// With `keepingLineBreaks`, line feed and tab pass (messages are several lines long).
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The text with every unsafe scalar escaped (`\n`, `\t`, `\r`, else `\u{…}` in hex).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar, keepingLineBreaks: keepingLineBreaks) else {
                out.append(scalar)
                continue
            }
            let escape: String
            switch scalar.value {
            case 0x0A: escape = "\\n"
            case 0x09: escape = "\\t"
            case 0x0D: escape = "\\r"
            default: escape = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}

extension String {
    /// The text as it may appear inside a message (see `DisplayText`).
    public var escapedForDisplay: String { DisplayText.escaped(self) }

    /// At most `limit` characters, with an ellipsis when cut, escaped for display: the one way
    /// input is echoed in messages.
    public func clipped(_ limit: Int) -> String {
        (count <= limit ? self : String(prefix(limit)) + "…").escapedForDisplay
    }
}
