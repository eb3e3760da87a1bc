/// Escaping for every format the report is written in. Office names, service names, RTL text and
/// respondents' comments are user text: they reach HTML, SVG and Markdown only through these.
public enum Escape {
    /// Text for HTML and SVG/XML content and attribute values: `& < > " '` become entities, and
    /// characters XML forbids (C0 controls other than tab and line breaks, U+FFFE/U+FFFF) become
    /// U+FFFD, so a hostile comment can neither open a tag nor break the file.
    public static func html(_ text: String) -> String {
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
                let v = scalar.value
                if v < 0x20 || v == 0x7F || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Markdown punctuation that could start emphasis, a link, an image, code, raw HTML, a table
    /// cell or an entity is backslash-escaped (CommonMark renders `\<` as `<`, never as a tag).
    static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "{", "}"]

    /// Text for Markdown paragraphs and table cells: specials escaped, line breaks turned into
    /// spaces (a break would end the table row), controls removed.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for c in text {
            if c == "\n" || c == "\r" || c == "\r\n" || c == "\t" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = c == " "
            if c.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) { continue }
            if markdownSpecials.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A file-name-safe slug: lower-case ASCII letters, digits and hyphens.
    public static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                out.unicodeScalars.append(c)
            } else if !out.hasSuffix("-") && !out.isEmpty {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// A label cut to `limit` characters with an ellipsis (the full text goes in a tooltip).
func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
}
