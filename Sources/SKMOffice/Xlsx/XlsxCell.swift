/// One cell of a sheet: a value and a style.
public struct XlsxCell: Sendable {
    /// What the cell holds.
    public var value: XlsxValue
    /// How it is shown.
    public var style: XlsxStyle

    /// A cell with `value` shown in `style`.
    public init(_ value: XlsxValue, style: XlsxStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// An empty cell (nothing is written for it).
    public static let empty = XlsxCell(.empty)

    /// Text, always stored as text (an inline string): `=1+1` stays the four characters, never a formula.
    public static func text(_ text: String, style: XlsxStyle = .plain) -> XlsxCell { XlsxCell(.text(text), style: style) }

    /// Text, or an empty cell for nil.
    public static func text(_ text: String?, style: XlsxStyle = .plain) -> XlsxCell {
        text.map { XlsxCell(.text($0), style: style) } ?? XlsxCell(.empty, style: style)
    }

    /// A whole number.
    public static func integer(_ value: Int, style: XlsxStyle = .plain) -> XlsxCell { XlsxCell(.integer(value), style: style) }

    /// A number; NaN and infinities are written as an empty cell.
    public static func number(_ value: Double, style: XlsxStyle = .decimal2) -> XlsxCell {
        XlsxCell(.number(value), style: style)
    }

    /// A number, or an empty cell for nil.
    public static func number(_ value: Double?, style: XlsxStyle = .decimal2) -> XlsxCell {
        value.map { XlsxCell(.number($0), style: style) } ?? XlsxCell(.empty, style: style)
    }

    /// A formula (without the leading `=`) with the value it evaluates to, stored as its cached result.
    public static func formula(_ formula: String, cached: XlsxCachedValue, style: XlsxStyle = .plain) -> XlsxCell {
        XlsxCell(.formula(formula, cached: cached), style: style)
    }
}

/// The value of a cell.
public enum XlsxValue: Sendable {
    /// Nothing: the cell is not written (a style alone is not kept).
    case empty
    /// Text, stored as an inline string: never read as a formula.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number (dates are numbers too: days since 1899-12-30, see `XlsxDate`).
    case number(Double)
    /// A formula, written without its leading `=`, and its cached result.
    case formula(String, cached: XlsxCachedValue)
}

/// The result a formula cell carries until a spreadsheet recalculates it.
public enum XlsxCachedValue: Sendable, Equatable {
    /// No cached result (the reader must calculate).
    case none
    /// A number.
    case number(Double)
    /// Text.
    case text(String)
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// A number, or `error` when there is none (a division by zero a spreadsheet would show).
    public static func number(_ value: Double?, orError error: String) -> XlsxCachedValue {
        guard let value, value.isFinite else { return .error(error) }
        return .number(value)
    }
}

/// The cell formats every workbook skm writes has (its styles part lists exactly these).
public enum XlsxStyle: Int, Sendable, CaseIterable {
    /// General format.
    case plain = 0
    /// Bold text (headers).
    case bold = 1
    /// A number with two decimals (`0.00`).
    case decimal2 = 2
    /// A date, day first (`dd/mm/yyyy`).
    case date = 3
    /// Bold, two decimals.
    case boldDecimal2 = 4
    /// A number with four decimals (`0.0000`): NRR, weights.
    case decimal4 = 5
    /// Text wrapped in its cell (instructions).
    case wrapped = 6
    /// A bold title (larger font).
    case title = 7
}

/// Excel's date serial numbers (the 1900 system, as every workbook skm writes uses).
public enum XlsxDate {
    /// The serial number of a calendar date: days since 1899-12-30 (so 1900-03-01 is 61, as in Excel).
    public static func serial(year: Int, month: Int, day: Int) -> Int {
        daysFromCivil(year, month, day) - daysFromCivil(1899, 12, 30)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
