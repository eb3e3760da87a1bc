import SKMCore

/// The dates of the synthetic survey year the benchmarks generate.
public enum SyntheticDate {
    static let firstDay = CivilDate(year: 2025, month: 1, day: 1)?.dayNumber ?? 0

    /// `2025-MM-DD` for day 1…365 of 2025.
    public static func of(dayOfYear: Int) -> String {
        CivilDate(dayNumber: firstDay + dayOfYear - 1).iso
    }

    /// `YYYY-MM-DD` for day 1…365 of `year` (2000–2025).
    public static func of(dayOfYear: Int, year: Int) -> String {
        CivilDate(dayNumber: (CivilDate(year: year, month: 1, day: 1)?.dayNumber ?? firstDay) + dayOfYear - 1).iso
    }
}
