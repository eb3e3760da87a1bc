/// How a sheet is laid out: its name, column widths, frozen rows and data validations.
public struct XlsxSheetLayout: Sendable {
    /// The tab name: 1–31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`.
    public var name: String
    /// Widths of the first columns, in characters (nil keeps the default width).
    public var columnWidths: [Double?]
    /// Rows kept in view when scrolling (1 freezes the header row).
    public var frozenRows: Int
    /// Rules on what may be typed into ranges of the sheet.
    public var validations: [XlsxValidation]

    /// A layout; by default no widths, nothing frozen, no validations.
    public init(name: String, columnWidths: [Double?] = [], frozenRows: Int = 0, validations: [XlsxValidation] = []) {
        self.name = name
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.validations = validations
    }
}

/// A data-validation rule over a cell range (`J2:R1001`).
public struct XlsxValidation: Sendable {
    /// What a valid value is.
    public enum Rule: Sendable {
        /// A whole number between the bounds (inclusive).
        case wholeNumber(ClosedRange<Int>)
        /// One of these texts (a drop-down list); together at most 255 characters.
        case list([String])
    }

    /// The range, in A1 notation without a sheet name.
    public var range: String
    /// The rule.
    public var rule: Rule
    /// Whether an empty cell is valid (a blank answer).
    public var allowBlank: Bool
    /// Shown when an invalid value is typed.
    public var errorMessage: String
    /// Shown when the cell is selected (empty for none).
    public var prompt: String
    /// True: an invalid value is refused; false: the user is warned and may keep it.
    public var strict: Bool

    /// A rule over `range`.
    public init(
        range: String, rule: Rule, allowBlank: Bool = true, errorMessage: String, prompt: String = "", strict: Bool = true
    ) {
        self.range = range
        self.rule = rule
        self.allowBlank = allowBlank
        self.errorMessage = errorMessage
        self.prompt = prompt
        self.strict = strict
    }
}

/// Column letters and cell references in A1 notation.
public enum XlsxReference {
    /// The letters of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func column(_ index: Int) -> String {
        var n = max(index, 0) + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `B7` for column 1 and row 7 (rows are 1-based, as shown); `$B$7` when `absolute`.
    public static func cell(column: Int, row: Int, absolute: Bool = false) -> String {
        absolute ? "$" + Self.column(column) + "$" + String(row) : Self.column(column) + String(row)
    }

    /// A sheet name as a formula writes it: quoted when it has anything but letters, digits and `_`.
    public static func sheet(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        let letter = { (s: Unicode.Scalar) in ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
        let plain =
            scalars.first.map(letter) == true && scalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
