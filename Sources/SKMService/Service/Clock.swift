public import SKMCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where "now" comes from: the system clock in production, a fixed instant in tests.
public protocol SKMClock: Sendable {
    /// The local calendar date (survey dates default to it; later dates are rejected).
    func today() -> CivilDate
    /// An ISO 8601 UTC timestamp for `createdAt`, void and audit records.
    func timestamp() -> String
}

/// The machine's clock, in its local time zone.
public struct SystemClock: SKMClock {
    /// The system clock; it has no state.
    public init() {}

    /// Today's date in the machine's local time zone (the office's day, which decides future-date refusals).
    public func today() -> CivilDate {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(dayNumber: Int(t) / 86_400)
    }

    /// Now in UTC with milliseconds, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let seconds = Int(spec.tv_sec)
        let date = CivilDate(dayNumber: seconds / 86_400)
        let secondOfDay = seconds % 86_400
        func pad(_ v: Int, _ width: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let millis = Int(spec.tv_nsec) / 1_000_000
        return "\(date.iso)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)).\(pad(millis, 3))Z"
    }
}

/// A clock stopped at one instant, for tests and reproducible demos.
public struct FixedClock: SKMClock {
    /// The date `today()` always returns.
    public let date: CivilDate
    /// The text `timestamp()` always returns; any ISO 8601 UTC timestamp.
    public let instant: String

    /// A clock stopped at `date` and `instant`; the two need not agree.
    public init(date: CivilDate, instant: String) {
        self.date = date
        self.instant = instant
    }

    /// Always `date`.
    public func today() -> CivilDate { date }
    /// Always `instant`.
    public func timestamp() -> String { instant }
}
