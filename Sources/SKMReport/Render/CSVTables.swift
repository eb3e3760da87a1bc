import SKMCore

/// Every table of the report as a CSV-ready value: one file per table, with numbers as numbers
/// (the value the report shows, decimal point) and text as text. The bytes are written by the
/// service layer's `CSVWriter`, which neutralises formulas and knows the `;` convention.
public enum CSVTables {
    public enum Value: Sendable, Equatable {
        case text(String)
        /// A number with a decimal point ("80.78"); empty when there is no value.
        case number(String)
    }

    public struct Table: Sendable {
        public let fileName: String
        public let header: [String]
        public let rows: [[Value]]
    }

    /// The tables of a document, named `<prefix>-<nn>-<id>.csv` in document order.
    public static func tables(_ document: ReportDocument, prefix: String) -> [Table] {
        document.tables.enumerated().map { i, table in
            let number = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            return Table(
                fileName: "\(prefix)-\(number)-\(table.id).csv", header: table.columns.map(\.title),
                rows: (table.rows + table.footer).map { $0.map(value) })
        }
    }

    static func value(_ cell: Cell) -> Value {
        switch cell {
        case .text(let s): return .text(s)
        case .integer(let n): return .number(String(n))
        case .number(let v, let decimals): return .number(decimal(v, decimals))
        case .percent(let v): return .number(decimal(v, 2))
        case .missing: return .number("")
        case .placeholder(let s): return .text("[" + s + "]")
        case .check(let on): return .text(on ? "ya" : "")
        }
    }

    /// The displayed value with a decimal point and no thousands separator.
    static func decimal(_ v: Double, _ decimals: Int) -> String {
        IndonesianNumber.withDecimalPoint(v, decimals: decimals)
    }
}
