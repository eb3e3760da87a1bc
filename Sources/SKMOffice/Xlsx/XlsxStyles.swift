/// Which cell styles of a workbook format numbers as dates or times (from `xl/styles.xml`).
struct XlsxStyles {
    /// By style index (a cell's `s` attribute): true for a date or time format.
    var isDate: [Bool] = []

    /// Excel's built-in date and time formats (ids 14–22, 27–36, 45–47, 50–58).
    static func builtInIsDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// True for a custom format code that shows a date or time: d, m, y, h or s outside quoted
    /// text, escapes and `[...]` sections (colours, locales; `[h]` elapsed hours count as time).
    static func codeIsDate(_ code: String) -> Bool {
        var inQuotes = false
        var inBracket = false
        var escaped = false
        var bracket = ""
        for c in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if inQuotes {
                if c == "\"" { inQuotes = false }
                continue
            }
            if inBracket {
                if c == "]" {
                    inBracket = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { return true }
                } else {
                    bracket.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[":
                inBracket = true
                bracket = ""
            case "d", "m", "y", "h", "s", "e": return true
            default: continue
            }
        }
        return false
    }

    /// Reads the number formats and the cell styles (`cellXfs`).
    init(parser: XMLPullParser) throws(OfficeError) {
        var custom: [Int: Bool] = [:]
        var inCellXfs = false
        var xfDepth = 0
        while true {
            switch try parser.next() {
            case .endOfDocument: return
            case .start:
                if parser.isNamed("numFmt"), let id = try parser.attribute("numFmtId").flatMap(Self.int),
                    let code = try parser.attribute("formatCode")
                {
                    custom[id] = Self.codeIsDate(String(decoding: code, as: UTF8.self))
                } else if parser.isNamed("cellXfs") {
                    inCellXfs = true
                    xfDepth = parser.depth
                } else if inCellXfs && parser.isNamed("xf") && parser.depth == xfDepth + 1 {
                    guard isDate.count < 65_536 else {
                        throw .xmlInvalid(part: "xl/styles.xml", reason: "terlalu banyak gaya sel")
                    }
                    let id = try parser.attribute("numFmtId").flatMap(Self.int) ?? 0
                    isDate.append(custom[id] ?? Self.builtInIsDate(id))
                }
            case .end:
                if parser.isNamed("cellXfs") { inCellXfs = false }
            case .text: continue
            }
        }
    }

    init() {}

    static func int(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
