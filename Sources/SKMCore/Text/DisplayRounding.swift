/// Rounding for display only: half away from zero, as people and the regulation's tables round.
///
/// Binary floating point cannot hold 88,305 exactly (it is stored as 88,30499999…), so a value
/// within a hair (1e-7 of the last displayed digit) of a half-way point is treated as exactly
/// half-way. Computation never uses these rounded values; they exist for what is shown and classified.
public enum DisplayRounding {
    static let halfwayTolerance = 1e-7

    /// `value` rounded to `decimals` places, half away from zero; NaN and infinities pass through, −0 becomes 0.
    public static func round(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        let magnitude = abs(scaled)
        let floor = magnitude.rounded(.down)
        let fraction = magnitude - floor
        let roundedMagnitude = fraction >= 0.5 - halfwayTolerance ? floor + 1 : floor
        let result = (scaled < 0 ? -roundedMagnitude : roundedMagnitude) / scale
        return result == 0 ? 0 : result
    }
}

/// Numbers as Indonesian readers write them: decimal comma, dot for thousands ("1.234,56").
public enum IndonesianNumber {
    /// `value` rounded for display to `decimals` places, e.g. `format(91.4751, 2)` → "91,48".
    public static func format(_ value: Double, decimals: Int = 2, grouping: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        // Beyond what a survey ever produces (and what Int holds once scaled): plain notation.
        guard abs(value) < 1e12 else { return value.description }
        let rounded = DisplayRounding.round(value, decimals: decimals)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let negative = rounded < 0
        let totalUnits = Int((abs(rounded) * scale).rounded())
        let scaleInt = Int(scale)
        let whole = totalUnits / scaleInt
        let fraction = totalUnits % scaleInt
        var wholeText = String(whole)
        if grouping { wholeText = group(wholeText) }
        var text = (negative ? "-" : "") + wholeText
        if decimals > 0 {
            let fractionText = String(fraction)
            text += "," + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return text
    }

    /// The same display value with a decimal point and no grouping ("91.48"), for CSV cells that
    /// spreadsheets read as numbers; empty for NaN and infinities.
    public static func withDecimalPoint(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        return String(format(value, decimals: decimals).map { $0 == "," ? "." : $0 })
    }

    /// An integer with dots between thousands ("12.500").
    public static func format(_ value: Int) -> String {
        let text = group(String(abs(value)))
        return value < 0 ? "-" + text : text
    }

    private static func group(_ digits: String) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
