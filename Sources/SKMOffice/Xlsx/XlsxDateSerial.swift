/// Excel's date serial numbers as calendar dates.
public enum XlsxDateSerial {
    /// The calendar date of day `serial` (its fraction, the time of day, is dropped). In the 1900
    /// system serial 1 is 1900-01-01 and serial 60 is Lotus's 29 February 1900, which never existed
    /// (nil); in the 1904 system serial 0 is 1904-01-01. Nil outside 1900-01-01 … 9999-12-31.
    public static func civil(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            days = whole + 1461  // 1904-01-01 is 1,461 days after 1899-12-31
        } else {
            guard whole >= 1, whole != 60 else { return nil }
            days = whole < 60 ? whole : whole - 1  // serials after the phantom leap day are one ahead
        }
        // Days after 1899-12-31 → civil date (Howard Hinnant's algorithm, from 1970-01-01).
        let z = days - 25_568 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard year <= 9999 else { return nil }
        return (year, month, day)
    }
}
