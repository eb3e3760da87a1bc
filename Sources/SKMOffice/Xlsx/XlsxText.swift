/// Text as SpreadsheetML stores it in a cell or formula: XML-escaped, and with OOXML's own
/// `_xHHHH_` escape for what XML cannot carry.
///
/// Control characters other than tab and line feed are written as `_xHHHH_`, a carriage return
/// as `&#13;` (a raw one would be read back as a line feed), and a literal `_xHHHH_` in the text
/// gets its `_` written as `_x005F_`, so Excel and LibreOffice, which decode these escapes, read
/// back exactly the text written. (WordprocessingML has no such escape: `XMLEscape` is for it.)
public enum XlsxText {
    /// `text` escaped for a cell's `<t>` or `<v>`, or a formula's `<f>`.
    public static func escaped(_ text: String) -> String {
        var buffer: [UInt8] = []
        append(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the escaped text to a sheet's byte buffer (the common case, nothing to escape, is a plain copy).
    public static func append(_ text: String, to buffer: inout [UInt8]) {
        if !text.utf8.contains(where: needsWork) {
            buffer.append(contentsOf: text.utf8)
            return
        }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for (i, s) in scalars.enumerated() {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "_" where isEscape(scalars, at: i): out += "_x005F_"
            default:
                if (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A) || s.value == 0xFFFE || s.value == 0xFFFF {
                    out += "_x" + hex4(s.value) + "_"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        buffer.append(contentsOf: out.utf8)
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x5F || byte == 0xEF
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
    }

    /// True when `_xHHHH_` starts at `i` (a reader would decode it).
    private static func isEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
