/// Answers and headers written as the form's words instead of numbers and unsur codes, as form
/// tools (Google Forms) export them: `Sangat sesuai` for 4, the question's text for its column.
/// Compared without regard to case, repeated spaces, or spaces and a final `.`/`?`/`:` at the ends.
extension Questionnaire {
    /// The scale value of the answer `text` to the question at `questionIndex`: the position of the
    /// matching option (lowest first) on the scale; nil when no option of that question matches.
    /// Per question: `Sesuai` is 3 for question 1 but not an answer to question 2.
    public func scaleValue(ofOption text: String, question questionIndex: Int) -> Int? {
        guard questionIndex >= 0, questionIndex < questions.count else { return nil }
        let wanted = OptionText.key(text)
        guard !wanted.isEmpty, let position = questions[questionIndex].options.firstIndex(where: { OptionText.key($0) == wanted })
        else { return nil }
        return scale.lowerBound + position
    }

    /// The unsur code of the question whose printed text is `header`, or nil.
    public func unsurOfQuestion(text header: String) -> String? {
        let wanted = OptionText.key(header)
        guard wanted.count >= 8 else { return nil }
        return questions.first { OptionText.key($0.text) == wanted }?.unsur
    }
}

/// The comparison key of option and question texts.
public enum OptionText {
    /// Lower case, runs of white space as one space, no spaces or closing `.`, `?`, `:` at the ends.
    public static func key(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in text.lowercased() {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        while let last = out.last, last == "." || last == "?" || last == ":" || last == " " { out.removeLast() }
        return out
    }
}
