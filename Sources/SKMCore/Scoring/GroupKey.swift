/// What one group of a breakdown stands for. Code compares these, never their text; `text` is the
/// group's `key` in JSON and CSV output.
public enum GroupKey: Sendable, Hashable {
    case unit(code: String)
    case service(unitCode: String, code: String)
    case month(YearMonth)
    case quarter(YearQuarter)
    case semester(YearSemester)
    case year(Int)
    /// A group known only by its text: a row whose unit or service is no longer registered, or a
    /// table a report builds itself.
    case text(String)

    /// The key as written on the wire: `UNIT`, `UNIT/SERVICE`, `2025-03`, `2025-Q1`, `2025-S1`, `2025`.
    public var text: String {
        switch self {
        case .unit(let code): return code
        case .service(let unitCode, let code): return "\(unitCode)/\(code)"
        case .month(let month): return month.text
        case .quarter(let quarter): return quarter.text
        case .semester(let semester): return semester.text
        case .year(let year): return String(year)
        case .text(let text): return text
        }
    }
}
