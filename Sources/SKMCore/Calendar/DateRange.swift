/// An inclusive range of dates: a year, a quarter, a semester or any from–to period.
public struct DateRange: Sendable, Equatable {
    /// First day of the range, included.
    public let from: CivilDate
    /// Last day of the range, included; never before `from`.
    public let to: CivilDate

    /// A range from `from` to `to`, both included; nil when `to` is before `from`.
    public init?(from: CivilDate, to: CivilDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// 1 January to 31 December of `year`; nil for a year outside 1–9999.
    public static func year(_ year: Int) -> DateRange? {
        guard let from = CivilDate(year: year, month: 1, day: 1), let to = CivilDate(year: year, month: 12, day: 31)
        else { return nil }
        return DateRange(from: from, to: to)
    }

    /// Triwulan `quarter` (1–4) of `year`.
    public static func quarter(_ quarter: Int, of year: Int) -> DateRange? {
        guard (1...4).contains(quarter) else { return nil }
        return months((quarter - 1) * 3 + 1, through: quarter * 3, of: year)
    }

    /// Semester `semester` (1–2) of `year`.
    public static func semester(_ semester: Int, of year: Int) -> DateRange? {
        guard (1...2).contains(semester) else { return nil }
        return months(semester == 1 ? 1 : 7, through: semester == 1 ? 6 : 12, of: year)
    }

    /// The whole of `month` (1–12) of `year`; nil for an impossible month or year.
    public static func month(_ month: Int, of year: Int) -> DateRange? {
        months(month, through: month, of: year)
    }

    private static func months(_ first: Int, through last: Int, of year: Int) -> DateRange? {
        guard let from = CivilDate(year: year, month: first, day: 1),
            let to = CivilDate(year: year, month: last, day: CivilDate.daysIn(month: last, year: year))
        else { return nil }
        return DateRange(from: from, to: to)
    }

    /// Whether `date` falls in the range, both ends included.
    public func contains(_ date: CivilDate) -> Bool { date >= from && date <= to }

    /// The intersection of two ranges, nil when they do not overlap.
    public func intersection(_ other: DateRange) -> DateRange? {
        DateRange(from: max(from, other.from), to: min(to, other.to))
    }
}
