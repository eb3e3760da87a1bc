/// Answers typed as text, in question order: `4,3,,4,…` (an empty position is a blank) or the
/// compact `434344343` (`-`, `_` or `.` for a blank), with or without spaces (`4 3 4 3`).
public enum AnswerText {
    static let blankMarks: Set<Character> = ["-", "_", "."]

    /// One raw answer per position, in question order; the validator checks count and range.
    public static func parse(_ text: String) -> [RawInteger] {
        let trimmed = text.trimmingSpaces()
        if trimmed.contains(",") || trimmed.contains(";") {
            return trimmed.split(separator: trimmed.contains(",") ? "," : ";", omittingEmptySubsequences: false)
                .map { part in
                    let p = String(part).trimmingSpaces()
                    return p.count == 1 && blankMarks.contains(p.first ?? " ") ? .blank : RawInteger(text: p)
                }
        }
        let tokens = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if tokens.count > 1 && tokens.contains(where: { $0.count > 1 }) {
            return tokens.map { $0.count == 1 && blankMarks.contains($0.first ?? " ") ? .blank : RawInteger(text: $0) }
        }
        return tokens.joined().map { c in
            if blankMarks.contains(c) { return .blank }
            if c.isASCIIDigit, let v = Int(String(c)) { return .value(v) }
            return .invalid(String(c))
        }
    }
}
