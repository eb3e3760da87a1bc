import SKMCore
import SKMJSON

/// Writes CSV that Excel opens correctly and safely: UTF-8 with a byte-order mark, CRLF line
/// ends, `,` or `;` separators, and text cells that could run as a formula (`=`, `+`, `-`, `@`,
/// their full-width forms, tab, carriage return at the start) prefixed with an apostrophe. Number cells carry a decimal
/// point; with `;` (the Indonesian Excel convention) the writer turns it into a decimal comma.
public struct CSVWriter: Sendable {
    /// `,` or `;`; with `;` number cells get a decimal comma. Callers check it with `CSVSeparator` first.
    public let separator: Character

    /// A writer for `separator`, which is not checked here.
    public init(separator: Character = ",") {
        self.separator = separator
    }

    /// The UTF-8 byte-order mark that makes Excel read the file as UTF-8; write it once, first.
    public var byteOrderMark: String { "\u{FEFF}" }

    /// One line, CRLF-terminated. `text` cells are neutralised; `number` cells get the decimal
    /// mark of the separator.
    public func line(_ cells: [CSVCell]) -> String {
        cells.map(encode).joined(separator: String(separator)) + "\r\n"
    }

    func encode(_ cell: CSVCell) -> String {
        switch cell {
        case .number(let text): return separator == ";" ? String(text.map { $0 == "." ? "," : $0 }) : text
        case .text(let raw):
            let safe = Self.neutralised(raw)
            let needsQuotes =
                safe.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || safe.first == " " || safe.last == " "
            return needsQuotes ? "\"" + safe.replacingQuotes() + "\"" : safe
        }
    }

    /// What makes a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@` (and their full-width
    /// forms ＝＋－＠, which some spreadsheets fold to ASCII), tab and carriage return.
    static let formulaStarts: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\t", "\r",
    ]

    /// True for text of the form `'…'F…`: any number of apostrophes, then a formula start.
    static func isFormulaLike(_ scalars: Substring.UnicodeScalarView) -> Bool {
        guard let first = scalars.first(where: { $0 != "'" }) else { return false }
        return formulaStarts.contains(first)
    }

    /// The text with an apostrophe in front when a spreadsheet would read it as a formula. Text
    /// that already starts with apostrophes before a formula start gets one more, so the prefix is
    /// always the one `unneutralised` removes and export → import gives back the same text.
    public static func neutralised(_ text: String) -> String {
        isFormulaLike(Substring(text).unicodeScalars) ? "'" + text : text
    }

    /// Undoes `neutralised` on import, so export → import round-trips.
    public static func unneutralised(_ text: String) -> String {
        let rest = Substring(text).unicodeScalars.dropFirst()
        guard text.unicodeScalars.first == "'", isFormulaLike(rest) else { return text }
        return String(String.UnicodeScalarView(rest))
    }
}

/// A CSV cell: text (neutralised against formula injection) or a number (written verbatim).
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case number(String)

    /// A text cell; nil writes an empty cell.
    public static func optionalText(_ s: String?) -> CSVCell { .text(s ?? "") }
    /// A whole-number cell; nil writes an empty cell.
    public static func int(_ v: Int?) -> CSVCell { .number(v.map(String.init) ?? "") }

    /// A number at full precision (as JSON writes it), or rounded as displayed to `decimals`
    /// places; empty when absent.
    public static func decimal(_ value: Double?, decimals: Int? = nil) -> CSVCell {
        guard let value, value.isFinite else { return .number("") }
        guard let decimals else { return .number(JSONNumber(value).text) }
        return .number(IndonesianNumber.withDecimalPoint(value, decimals: decimals))
    }
}

/// The CSV separator a person chose: `,` (the default) or `;` (Indonesian Excel, decimal comma).
public enum CSVSeparator {
    /// The separator named by `raw` (nil: the default); anything else is a usage error.
    public static func parse(_ raw: String?, field: String = "separator") throws -> Character {
        guard let raw else { return "," }
        guard raw == "," || raw == ";" else {
            throw SKMError(.usage, "Pemisah CSV (\(field)) harus , atau ;, diterima \"\(raw.clipped(10))\".", field: field)
        }
        return raw == ";" ? ";" : ","
    }

    /// Checks a separator given as a character by a program.
    public static func validated(_ separator: Character, field: String = "separator") throws -> Character {
        try parse(String(separator), field: field)
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out
    }
}
