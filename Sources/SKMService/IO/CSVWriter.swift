import SKMCore
import SKMJSON

/// Writes CSV that Excel opens correctly and safely: UTF-8 with a byte-order mark, CRLF line
/// ends, `,` or `;` separators, and text cells that could run as a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return at the start) prefixed with an apostrophe. Number cells carry a decimal
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
            let needsQuotes = safe.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || safe.first == " " || safe.last == " "
            return needsQuotes ? "\"" + safe.replacingQuotes() + "\"" : safe
        }
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The text with an apostrophe in front when a spreadsheet would read it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// Undoes `neutralised` on import, so export → import round-trips.
    public static func unneutralised(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "'"), let second = text.dropFirst().first, formulaStarts.contains(second)
        else { return text }
        return String(text.dropFirst())
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
