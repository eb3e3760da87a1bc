/// A calendar month of a year (`2025-03`), the key of a monthly breakdown.
public struct YearMonth: Sendable, Hashable, Comparable {
    /// The calendar year (Gregorian, as written: 2025).
    public let year: Int
    /// 1–12.
    public let month: Int

    /// A month, or nil when `month` is not 1–12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month's quarter (triwulan).
    public var quarter: YearQuarter { YearQuarter(checkedYear: year, quarter: (month - 1) / 3 + 1) }

    /// `YYYY-MM`, as the breakdown's key on the wire.
    public var text: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// `Maret 2025`.
    public var label: String { "\(CivilDate.monthNames[month - 1]) \(year)" }

    /// Earlier months first: by year, then month.
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// A quarter (triwulan) of a year (`2025-Q1`), the key of a quarterly breakdown.
public struct YearQuarter: Sendable, Hashable, Comparable {
    /// The calendar year (Gregorian, as written: 2025).
    public let year: Int
    /// 1–4.
    public let quarter: Int

    /// A quarter, or nil when `quarter` is not 1–4.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.init(checkedYear: year, quarter: quarter)
    }

    init(checkedYear year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// The four quarters of a year, in order.
    public static func all(of year: Int) -> [YearQuarter] {
        (1...4).map { YearQuarter(checkedYear: year, quarter: $0) }
    }

    /// `YYYY-Qn`, as the breakdown's key on the wire.
    public var text: String { "\(year)-Q\(quarter)" }

    /// Earlier quarters first: by year, then quarter.
    public static func < (a: YearQuarter, b: YearQuarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// A half-year (semester) of a year (`2025-S1`: January–June, `2025-S2`: July–December), the key of a
/// half-yearly breakdown.
public struct YearSemester: Sendable, Hashable, Comparable {
    /// The calendar year (Gregorian, as written: 2025).
    public let year: Int
    /// 1 (January–June) or 2 (July–December).
    public let semester: Int

    /// A semester, or nil when `semester` is not 1 or 2.
    public init?(year: Int, semester: Int) {
        guard (1...2).contains(semester) else { return nil }
        self.year = year
        self.semester = semester
    }

    init(checkedYear year: Int, semester: Int) {
        self.year = year
        self.semester = semester
    }

    /// The two semesters of a year, in order.
    public static func all(of year: Int) -> [YearSemester] {
        (1...2).map { YearSemester(checkedYear: year, semester: $0) }
    }

    /// `YYYY-Sn`, as the breakdown's key on the wire.
    public var text: String { "\(year)-S\(semester)" }

    /// `Semester I 2025`.
    public var label: String { "Semester \(semester == 1 ? "I" : "II") \(year)" }

    /// Earlier semesters first: by year, then semester.
    public static func < (a: YearSemester, b: YearSemester) -> Bool { (a.year, a.semester) < (b.year, b.semester) }
}

extension YearMonth {
    /// The month's semester (January–June is 1, July–December 2).
    public var semester: YearSemester { YearSemester(checkedYear: year, semester: month <= 6 ? 1 : 2) }
}

extension YearQuarter {
    /// The quarter's semester (triwulan I–II are semester 1, III–IV semester 2).
    public var semester: YearSemester { YearSemester(checkedYear: year, semester: quarter <= 2 ? 1 : 2) }
}
