/// Writes CSV that Excel opens correctly and safely: UTF-8 with a byte-order mark, CRLF line
/// ends, `,` or `;` separators, and text cells that could run as a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return at the start) prefixed with an apostrophe.
public struct CSVWriter: Sendable {
    public let separator: Character

    public init(separator: Character = ",") {
        self.separator = separator
    }

    public var byteOrderMark: String { "\u{FEFF}" }

    /// One line, CRLF-terminated. `text` cells are neutralised; `number` cells are written as is.
    public func line(_ cells: [CSVCell]) -> String {
        cells.map(encode).joined(separator: String(separator)) + "\r\n"
    }

    func encode(_ cell: CSVCell) -> String {
        switch cell {
        case .number(let text): return text
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

    public static func optionalText(_ s: String?) -> CSVCell { .text(s ?? "") }
    public static func int(_ v: Int?) -> CSVCell { .number(v.map(String.init) ?? "") }
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
