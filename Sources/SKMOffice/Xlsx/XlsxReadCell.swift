/// The value of one worksheet cell, as the file stores it (survey-agnostic).
public enum XlsxReadCell: Sendable, Equatable {
    /// No cell, or a cell without a value.
    case empty
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// A number as the file writes it (`4`, `3.5`, `1E-3`), so no precision is lost to a Double.
    case number(String)
    /// A number in a cell formatted as a date or time: days since the workbook's epoch.
    case dateSerial(Double)
    /// A boolean.
    case boolean(Bool)
    /// An error value such as `#N/A`.
    case error(String)
}

/// One row of a worksheet: its number (1-based, as the file numbers it) and its cells from column A
/// up to the last one with a value.
public struct XlsxRow: Sendable, Equatable {
    /// The row number in the sheet (1-based).
    public var number: Int
    /// Cells by column index (A = 0); trailing empty cells are not included.
    public var cells: [XlsxReadCell]

    /// A row from its number and cells.
    public init(number: Int, cells: [XlsxReadCell]) {
        self.number = number
        self.cells = cells
    }

    /// True when no cell holds a value.
    public var isEmpty: Bool { cells.allSatisfy { $0 == .empty } }
}

/// Cell references (`B7`, `XFD1048576`).
public enum XlsxCellReference {
    /// The most columns a sheet has (XFD).
    public static let maxColumns = 16_384
    /// The most rows a sheet has.
    public static let maxRows = 1_048_576

    /// The zero-based column and one-based row of a reference, or nil when it is not one or lies
    /// beyond XFD / row 1,048,576. Never reads more than a few bytes, whatever it is given.
    public static func parse(_ bytes: some Collection<UInt8>) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for b in bytes {
            if digits == 0, let letter = upper(b) {
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(letter - UInt8(ascii: "A")) + 1
            } else if b >= 0x30 && b <= 0x39 && letters > 0 {
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(b - 0x30)
            } else if b == UInt8(ascii: "$") && digits == 0 {
                continue
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0, column <= maxColumns, row >= 1, row <= maxRows else { return nil }
        return (column - 1, row)
    }

    static func upper(_ b: UInt8) -> UInt8? {
        if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { return b }
        if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { return b - 32 }
        return nil
    }
}
