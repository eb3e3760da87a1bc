import SKMCore

/// One paper form being typed in.
struct EntryForm {
    /// Per question (paper order): nil until answered; `.blank` for a deliberate blank.
    var answers: [RawInteger?]
    /// The profile choices made so far (age is kept apart, as a number).
    var respondent = Respondent()
    var age: Int?

    init(questions: Int) {
        answers = Array(repeating: nil, count: questions)
    }

    var isEmpty: Bool { answers.allSatisfy { $0 == nil } }

    func draft(unit: String, service: String, date: CivilDate, time: String?, questionnaire: String, clientID: String?)
        -> ResponseDraft
    {
        var draft = ResponseDraft(
            questionnaire: questionnaire, unit: unit, service: service, date: date.iso, time: time,
            answers: .byQuestion(answers.map { $0 ?? .blank }), age: age.map { .value($0) } ?? .blank, clientID: clientID)
        for profile in ProfileKey.fields { profile.setDraftValue(&draft, profile.respondentValue(respondent)) }
        return draft
    }

    /// The answer as the form shows it: `4 Sangat sesuai`, or `- (kosong)`.
    static func describe(_ answer: RawInteger?, question: Question, scale: ClosedRange<Int>) -> String {
        switch answer {
        case .value(let v)?:
            let index = v - scale.lowerBound
            return index >= 0 && index < question.options.count ? "\(v) \(question.options[index])" : String(v)
        case .blank?: return "- (kosong)"
        default: return "?"
        }
    }

    /// The differences between this form and a stored response, in words (double entry).
    func differences(from stored: StoredResponse, questionnaire q: Questionnaire) -> [String] {
        var out: [String] = []
        for (i, question) in q.questions.enumerated() {
            let first = stored.content.answers[q.unsurIndexOfQuestion[i]]
            let second: UInt8
            switch answers[i] {
            case .value(let v)?: second = UInt8(clamping: v)
            default: second = 0
            }
            if first != second {
                let show = { (a: UInt8) in a == 0 ? "kosong" : String(a) }
                out.append("pertanyaan \(i + 1) (\(question.unsur)): pertama \(show(first)), kedua \(show(second))")
            }
        }
        let pairs: [(String, String?, String?)] =
            ProfileKey.fields.map { ($0.words, $0.respondentValue(stored.content.respondent), $0.respondentValue(respondent)) }
            + [("usia", stored.content.respondent.age.map(String.init), age.map(String.init))]
        for (label, first, second) in pairs where first != second {
            out.append("\(label): pertama \(first ?? "–"), kedua \(second ?? "–")")
        }
        return out
    }
}
