import SKMJSON

/// Turns received answers into the stored form: one value per unsur, in unsur order, 0 = blank.
public enum AnswerValidator {
    /// One value per unsur in unsur order (0 = blank); throws on a wrong count, a value off the scale, or no answers.
    public static func validate(_ sheet: AnswerSheet, for q: Questionnaire) throws(SKMError) -> [UInt8] {
        var answers = Array(repeating: UInt8(0), count: q.unsur.count)
        switch sheet {
        case .byQuestion(let raw):
            guard raw.count == q.questions.count else {
                throw SKMError(
                    .answerCount,
                    "Jumlah jawaban harus \(q.questions.count) (satu per pertanyaan, urut seperti formulir), diterima \(raw.count).",
                    field: "answers", details: ["expected": .int(q.questions.count), "received": .int(raw.count)])
            }
            for (index, value) in raw.enumerated() {
                let u = q.unsurIndexOfQuestion[index]
                answers[u] = try check(value, scale: q.scale) {
                    ("pertanyaan \(index + 1) (\(q.unsur[u].code) \(q.unsur[u].name))", "answers[\(index)]")
                }
            }
        case .byUnsur(let pairs):
            var seen = Array(repeating: false, count: q.unsur.count)
            for pair in pairs {
                guard let u = q.unsurIndex(of: pair.code) else {
                    // A blank for an unsur the questionnaire does not have changes nothing (sheets often
                    // carry a spare column); a value for it is an error.
                    if pair.answer == .blank { continue }
                    let codes = q.unsur.map(\.code)
                    throw SKMError(
                        .unknownUnsur,
                        "Unsur \"\(pair.code)\" tidak ada di kuesioner \(q.id); yang ada: \(codes.joined(separator: ", ")).",
                        field: "answers.\(pair.code)", details: ["allowed": .array(codes.map { .string($0) })])
                }
                guard !seen[u] else {
                    throw SKMError(
                        .unknownUnsur, "Jawaban untuk \(q.unsur[u].code) tertulis dua kali.", field: "answers.\(pair.code)")
                }
                seen[u] = true
                answers[u] = try check(pair.answer, scale: q.scale) {
                    ("\(q.unsur[u].code) (\(q.unsur[u].name))", "answers.\(q.unsur[u].code)")
                }
            }
            if let missing = seen.firstIndex(of: false) {
                let unsur = q.unsur[missing]
                throw SKMError(
                    .answersMissing,
                    "Jawaban untuk \(unsur.code) (\(unsur.name)) tidak ada; tulis kosong/null bila tidak dijawab.",
                    field: "answers.\(unsur.code)")
            }
        }
        guard answers.contains(where: { $0 != 0 }) else {
            throw SKMError(
                .noAnswers, "Respons tanpa satu jawaban pun tidak diterima; isi sedikitnya satu pertanyaan.",
                field: "answers")
        }
        return answers
    }

    /// Every problem of an answer sheet (each bad answer, not only the first); empty when valid.
    public static func problems(_ sheet: AnswerSheet, for q: Questionnaire) -> [SKMError] {
        guard case .byQuestion(let raw) = sheet, raw.count == q.questions.count else {
            do {
                _ = try validate(sheet, for: q)
                return []
            } catch {
                return [error]
            }
        }
        var found: [SKMError] = []
        var answered = false
        for (index, value) in raw.enumerated() {
            let u = q.unsurIndexOfQuestion[index]
            do {
                answered =
                    try check(value, scale: q.scale) {
                        ("pertanyaan \(index + 1) (\(q.unsur[u].code) \(q.unsur[u].name))", "answers[\(index)]")
                    } != 0 || answered
            } catch {
                found.append(error)
            }
        }
        if found.isEmpty && !answered {
            found.append(
                SKMError(
                    .noAnswers, "Respons tanpa satu jawaban pun tidak diterima; isi sedikitnya satu pertanyaan.", field: "answers"
                ))
        }
        return found
    }

    /// `describe` gives the label and field name for a message; it runs only when there is an error.
    static func check(
        _ value: RawInteger, scale: ClosedRange<Int>, describe: () -> (label: String, field: String)
    ) throws(SKMError) -> UInt8 {
        switch value {
        case .blank:
            return 0
        case .value(let v):
            if scale.contains(v) { return UInt8(v) }
            let (label, field) = describe()
            let range = "\(scale.lowerBound)–\(scale.upperBound)"
            let hint = v == 0 ? " (kosongkan bila tidak dijawab; 0 bukan jawaban)" : ""
            throw SKMError(
                .answerOutOfRange, "Jawaban \(label) harus \(range), diterima \(v)\(hint).", field: field,
                details: ["min": .int(scale.lowerBound), "max": .int(scale.upperBound), "received": .int(v)])
        case .invalid(let text):
            let (label, field) = describe()
            let range = "\(scale.lowerBound)–\(scale.upperBound)"
            throw SKMError(
                .answerNotANumber, "Jawaban \(label) harus angka \(range), diterima \"\(text.clipped(40))\".",
                field: field, details: ["received": .string(text.clipped(200))])
        }
    }
}
