/// How an import reads the text of a date cell: a date, or a form tool's timestamp whose date is
/// kept and whose time of day and zone are dropped (the date as written, in the writer's zone).
///
/// Accepted forms (the CSV and workbook readers both hand their text here, through the validator):
/// - year first, always unambiguous: `2025-03-14`, `2025/03/14`, with an optional time
///   (`2025-03-14 09:05`, `2025-03-14T09:05:12Z`, `2025/03/14 9:05:12 AM GMT+7` as Google Forms
///   writes its CSV download);
/// - day first, as Indonesian Excel and the Indonesian locale of Google Sheets write it:
///   `14/03/2025`, `3/4/2025` (3 April), with an optional 24-hour time (`14/03/2025 09:05:12`,
///   `14/03/2025 09.05.12`);
/// - `D/M/YYYY` with a 12-hour clock (`AM`/`PM`): English locales write month first (US) or day
///   first, so it is accepted only when the order cannot matter: one of the two numbers is above
///   12 (`3/14/2025 9:05:12 AM` is 14 March) or both are the same. Otherwise it is `ambiguous`.
public enum DateText {
    /// What a text says.
    public enum Reading: Sendable, Equatable {
        /// A date that exists.
        case date(CivilDate)
        /// Not a date skm reads (shape, impossible date or time).
        case invalid
        /// A 12-hour-clock timestamp whose day and month could be either way round.
        case ambiguous
    }

    /// Reads `text` (spaces around it already trimmed) in one of the accepted forms.
    public static func read(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        // The date part ends at the first space or, in ISO form, at `T`.
        var end = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "T") { end += 1 }
        guard let parts = numbers(bytes[0..<end]) else { return .invalid }
        guard let twelveHour = timeOfDay(bytes[end...]) else { return .invalid }
        let (a, b, c) = (parts.values[0], parts.values[1], parts.values[2])
        if parts.widths[0] == 4 {
            // Year first: `YYYY-MM-DD` or `YYYY/MM/DD`.
            guard parts.widths[1] <= 2, parts.widths[2] <= 2 else { return .invalid }
            return CivilDate(year: a, month: b, day: c).map(Reading.date) ?? .invalid
        }
        guard parts.separator == UInt8(ascii: "/"), parts.widths[2] == 4, parts.widths[0] <= 2, parts.widths[1] <= 2 else {
            return .invalid
        }
        if twelveHour && a <= 12 && b <= 12 && a != b { return .ambiguous }
        let dayFirst = !twelveHour || a > 12
        let date = dayFirst ? CivilDate(year: c, month: b, day: a) : CivilDate(year: c, month: a, day: b)
        return date.map(Reading.date) ?? .invalid
    }

    /// Three runs of digits joined by one separator (`-` or `/`, the same twice), with their widths.
    static func numbers(_ bytes: ArraySlice<UInt8>) -> (values: [Int], widths: [Int], separator: UInt8)? {
        var values: [Int] = []
        var widths: [Int] = []
        var separator: UInt8?
        var value = 0
        var width = 0
        for b in bytes {
            if b >= 0x30, b <= 0x39 {
                guard width < 4 else { return nil }
                value = value * 10 + Int(b - 0x30)
                width += 1
            } else if (b == UInt8(ascii: "/") || b == UInt8(ascii: "-")) && (separator == nil || separator == b) {
                guard width > 0 else { return nil }
                separator = b
                values.append(value)
                widths.append(width)
                value = 0
                width = 0
            } else {
                return nil
            }
        }
        guard width > 0, let separator else { return nil }
        values.append(value)
        widths.append(width)
        guard values.count == 3, separator == UInt8(ascii: "/") || widths[0] == 4 else { return nil }
        return (values, widths, separator)
    }

    /// Checks what follows the date: nothing, or a time `H:MM[:SS[.fff]]` or `H.MM[.SS]` (after a space or `T`),
    /// then optionally `AM`/`PM` and a zone (`Z`, `+07:00`, `GMT`, `GMT+7`, `UTC+07:00`, `WIB`,
    /// `WITA`, `WIT`). Returns whether the clock is 12-hour, or nil when the rest is not a time.
    static func timeOfDay(_ rest: ArraySlice<UInt8>) -> Bool? {
        guard let first = rest.first else { return false }
        let iso = first == UInt8(ascii: "T")
        let words = String(decoding: rest.dropFirst(), as: UTF8.self).split(separator: " ").map { $0.uppercased() }
        guard var clock = words.first else { return nil }
        var zone: Substring = ""
        // A time with its offset attached: `09:05:12Z`, `09:05:12+07:00`, `09:05:12-0300`.
        if let cut = clock.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            zone = clock[cut...]
            clock = String(clock[..<cut])
        }
        // `09:05:12`, or `09.05.12` as the Indonesian locale writes a time (then without fractions).
        let dotted = !clock.contains(":")
        let fields = clock.split(separator: dotted ? "." : ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), let hour = digits(fields[0], widths: 1...2),
            let minute = digits(fields[1], widths: 2...2), minute < 60
        else { return nil }
        if fields.count == 3 {
            let seconds = dotted ? [fields[2]] : fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let second = digits(seconds[0], widths: 2...2), second < 60 else { return nil }
            if seconds.count == 2 { guard digits(seconds[1], widths: 1...9) != nil else { return nil } }
        }
        var rest = words.dropFirst()
        var twelveHour = false
        if let marker = rest.first, marker == "AM" || marker == "PM" {
            twelveHour = true
            rest = rest.dropFirst()
        }
        guard twelveHour ? (1...12).contains(hour) : hour < 24 else { return nil }
        if !zone.isEmpty { guard !iso || rest.isEmpty, isOffset(zone) else { return nil } }
        if let word = rest.first {
            guard rest.count == 1, zone.isEmpty, isZone(Substring(word)) else { return nil }
        }
        return twelveHour
    }

    /// `GMT`, `UTC`, either followed by an offset, an offset alone, or an Indonesian zone name.
    static func isZone(_ word: Substring) -> Bool {
        if ["WIB", "WITA", "WIT", "GMT", "UTC", "Z"].contains(word) { return true }
        for prefix in ["GMT", "UTC"] where word.hasPrefix(prefix) { return isOffset(word.dropFirst(prefix.count)) }
        return isOffset(word)
    }

    /// `Z`, or `+`/`-` then `H`, `HH`, `HHMM` or `HH:MM`.
    static func isOffset(_ text: Substring) -> Bool {
        if text == "Z" { return true }
        guard let sign = text.first, sign == "+" || sign == "-" else { return false }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return digits(parts[0], widths: 1...2) != nil || digits(parts[0], widths: 4...4) != nil
        case 2: return digits(parts[0], widths: 1...2) != nil && digits(parts[1], widths: 2...2) != nil
        default: return false
        }
    }

    /// The value of a run of ASCII digits whose length is in `widths`; nil otherwise.
    static func digits(_ text: Substring, widths: ClosedRange<Int>) -> Int? {
        guard widths.contains(text.utf8.count) else { return nil }
        var value = 0
        for b in text.utf8 {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
