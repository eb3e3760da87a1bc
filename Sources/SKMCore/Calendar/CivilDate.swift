/// A calendar date without time or zone, as written on a survey form (`2025-03-14`).
///
/// The scoring core works on these instead of Foundation dates so that periods, quarters and
/// leap years are plain arithmetic that tests can check by hand.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1–9999 (four digits in `iso`).
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1 up to the month's length in that year.
    public let day: Int

    /// A date, or nil when it does not exist (30 February, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or an impossible date.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `dd/mm/yyyy` or `d/m/yyyy`, as Indonesian Excel writes dates; nil for
    /// anything else or a date that does not exist (31/02/2025). Day first, always: `03/04/2025`
    /// is 3 April.
    public init?(dayMonthYear text: String) {
        let bytes = Array(text.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4 else {
            return nil
        }
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for b in digits {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Gregorian leap year: divisible by 4, except centuries not divisible by 400.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`, February counting leap years; an out-of-range month answers 31.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The quarter (triwulan), 1–4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The half-year (semester), 1–2.
    public var semester: Int { month <= 6 ? 1 : 2 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = (year, month, day)
        return String(unsafeUninitializedCapacity: 10) { out in
            let digit = { (v: Int) in UInt8(ascii: "0") + UInt8(v % 10) }
            out[0] = digit(y / 1000)
            out[1] = digit(y / 100)
            out[2] = digit(y / 10)
            out[3] = digit(y)
            out[4] = UInt8(ascii: "-")
            out[5] = digit(m / 10)
            out[6] = digit(m)
            out[7] = UInt8(ascii: "-")
            out[8] = digit(d / 10)
            out[9] = digit(d)
            return 10
        }
    }

    /// The ISO form `YYYY-MM-DD`, so interpolating a date writes what the parsers read back.
    public var description: String { iso }

    /// "14 Maret 2025".
    public var indonesian: String { "\(day) \(CivilDate.monthNames[month - 1]) \(year)" }

    /// Indonesian month names, January first (index `month - 1`).
    public static let monthNames = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]

    /// Chronological order.
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// 9999-12-31, the open end of a period.
    public static let distantFuture = CivilDate(dayNumber: 2_932_896)

    /// The date `days` later (earlier when negative); the caller keeps the result inside years 1–9999.
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }
}
