import SKMCore

/// Small pieces of Indonesian shared by every chapter: numbers as the report prints them,
/// lists joined the way people write them, and the names of things.
enum Words {
    /// An IKM or converted NRR as displayed (two decimals), "–" when absent.
    static func ikm(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return IndonesianNumber.format(value, decimals: 2)
    }

    /// An NRR, weight or indeks (four decimals, as `skm ikm` prints them).
    static func nrr(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return IndonesianNumber.format(value, decimals: 4)
    }

    static func count(_ n: Int) -> String { IndonesianNumber.format(n) }

    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return IndonesianNumber.format(value, decimals: 2) + " %"
    }

    /// `part` of `whole` as a percentage; nil when the whole is zero.
    static func share(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) * 100 : nil
    }

    /// "a", "a dan b", "a, b, dan c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + " dan " + items[1]
        default: return items.dropLast().joined(separator: ", ") + ", dan " + (items.last ?? "")
        }
    }

    /// "U3 Waktu Penyelesaian".
    static func unsur(_ u: UnsurResult) -> String { "\(u.code) \(u.name)" }

    /// "U3 Waktu Penyelesaian (72,94; mutu C)".
    static func unsurWithValue(_ u: UnsurResult) -> String {
        "\(unsur(u)) (\(ikm(u.converted))\(u.band.map { "; mutu \($0.mutu)" } ?? ""))"
    }

    /// "Triwulan II".
    static func quarter(_ q: Int) -> String { "Triwulan \(roman(q))" }

    static func roman(_ n: Int) -> String {
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][max(0, min(n, 12))]
    }

    /// "3 Januari – 28 Desember 2025", or one date when both are the same day.
    static func span(_ first: CivilDate, _ last: CivilDate) -> String {
        if first == last { return first.indonesian }
        if first.year == last.year {
            return "\(first.day) \(CivilDate.monthNames[first.month - 1]) – \(last.indonesian)"
        }
        return "\(first.indonesian) – \(last.indonesian)"
    }

    /// The display text of a table cell in HTML and Markdown.
    static func cell(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s
        case .integer(let n): return count(n)
        case .number(let v, let decimals): return v.isFinite ? IndonesianNumber.format(v, decimals: decimals) : "–"
        case .percent(let v): return percent(v)
        case .missing: return "–"
        case .placeholder(let s): return "[" + s + "]"
        case .check(let on): return on ? "✓" : ""
        }
    }
}

/// Colours of the mutu bands, best first, readable in print and in grey scale.
enum Palette {
    static let bandColors = ["#1b7f3b", "#2f6db5", "#c98400", "#b83227", "#6b4c9a", "#555555"]
    static let neutral = "#4a6278"
    static let ink = "#1d2733"
    static let muted = "#6b7785"
    static let grid = "#d5dbe1"

    /// The colour of a band: the highest band is green, the next blue, then amber, then red.
    static func color(of band: Band?, in table: BandTable) -> String {
        guard let band, let index = Array(table.bands.reversed()).firstIndex(where: { $0.mutu == band.mutu }) else {
            return neutral
        }
        return bandColors[min(index, bandColors.count - 1)]
    }
}
