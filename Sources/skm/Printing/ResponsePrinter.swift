import SKMCore
import SKMService

/// `skm response show` for people: one stored response in Indonesian, answers with the words
/// printed on the form (`--json` gives the machine form).
enum ResponsePrinter {
    static func text(_ r: StoredResponse, questionnaire q: Questionnaire?) -> String {
        let c = r.content
        var lines = ["Respons #\(r.id)" + (r.isVoided ? " — DIBATALKAN" : "")]
        if r.isVoided {
            lines.append("Dibatalkan: \(r.voidedAt.map(ImportBatchText.time) ?? "–") · alasan: \(r.voidReason ?? "–")")
        }
        lines.append("Kuesioner: \(q?.title ?? c.questionnaireID) (\(c.questionnaireID))")
        lines.append("Unit: \(c.unitCode) · layanan: \(c.serviceCode)")
        lines.append("Tanggal survei: \(c.date.iso) · jam: \(c.timeSlot ?? "tidak tercatat")")
        lines.append("Jawaban:")
        if let q, q.unsur.count == c.answers.count {
            for (i, question) in q.questions.enumerated() {
                let u = q.unsur[q.unsurIndexOfQuestion[i]]
                let value = c.answers[q.unsurIndexOfQuestion[i]]
                let answer: RawInteger? = value == 0 ? .blank : .value(Int(value))
                lines.append(
                    "  \(String(i + 1).leftPadding(2)) \(u.code.padding(4)) \(u.name.clipped(34).padding(35)) "
                        + EntryForm.describe(answer, question: question, scale: q.scale))
            }
        } else {
            lines.append("  " + c.answers.map { $0 == 0 ? "-" : String($0) }.joined(separator: " "))
        }
        let p = c.respondent
        let profile = [
            ("jenis kelamin", label(p.gender, ProfileKey.gender, q)), ("pendidikan", label(p.education, .education, q)),
            ("pekerjaan", label(p.occupation, .occupation, q)), ("usia", p.age.map { "\($0) tahun" } ?? "–"),
        ]
        lines.append("Responden: " + profile.map { "\($0) \($1)" }.joined(separator: " · "))
        if let comment = c.comment { lines.append("Saran: \(comment)") }
        if let clientID = r.clientID { lines.append("Nomor pengenal dari pengirim: \(clientID)") }
        lines.append("Dicatat: \(ImportBatchText.time(r.createdAt))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A profile code with the questionnaire's label: `P (Perempuan)`; `–` when not given.
    static func label(_ code: String?, _ key: ProfileKey, _ q: Questionnaire?) -> String {
        guard let code else { return "–" }
        guard let choice = q?.profile.choiceField(key)?.choices.first(where: { $0.code == code }), choice.label != code else {
            return code
        }
        return "\(code) (\(choice.label))"
    }
}
