import SKMCore
import SKMService

/// The survey form of one unit and service: the questions in the questionnaire's paper order
/// (the 2017 form asks Sarana, U9, as question 8 and Pengaduan, U8, as question 9), each with its
/// option texts as radio buttons valued 1…4, then the respondent profile and the saran. Posted
/// back to its own address; a refused post shows it again with the answers kept and each message
/// beside its field.
struct FormPage {
    let form: SurveyForm
    /// The one-time token (see `FormTokens`).
    let token: String
    /// What the respondent entered before (empty for a fresh form).
    let entered: FormFields
    /// Messages by form field name (`q8`, `age`, `gender`…); `""` holds those of no single field.
    let errors: [String: [String]]
    /// Kiosk mode: the form starts afresh after this many idle seconds (nil: never).
    let idleRestartSeconds: Int?
    /// Where the form posts to (and where an idle kiosk form reloads).
    let action: String

    /// The form's field name for an answer to question `index` (0-based): `q1`, `q2`…
    static func answerField(_ index: Int) -> String { "q\(index + 1)" }

    /// The form field a validation error belongs to (`answers[7]` → `q8`, `respondent.age` → `age`).
    static func formField(forErrorField field: String?) -> String {
        guard let field else { return "" }
        if field.hasPrefix("answers["), field.hasSuffix("]"), let index = Int(field.dropFirst(8).dropLast()) {
            return answerField(index)
        }
        if field.hasPrefix("respondent.") { return String(field.dropFirst("respondent.".count)) }
        if field == "comment" { return "comment" }
        return ""
    }

    var html: String {
        let q = form.questionnaire
        var body = """
            <h1>Survei Kepuasan Masyarakat</h1>
            <p><strong>\(HTML.escape(form.service.name))</strong><br>\(HTML.escape(form.unit.name))</p>
            <p class="note">Isian tanpa nama. Pilih satu jawaban untuk setiap pertanyaan, lalu tekan <em>Kirim</em>.</p>

            """
        if let idle = idleRestartSeconds {
            body += """
                <p class="note">Formulir ini dimulai ulang \(idle / 60) menit setelah dibuka bila belum dikirim \
                (isian yang belum dikirim tidak disimpan).</p>

                """
        }
        for message in errors[""] ?? [] { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>\n" }
        body += "<form method=\"post\" action=\"\(HTML.escape(action))\">\n"
        body += "<input type=\"hidden\" name=\"token\" value=\"\(HTML.escape(token))\">\n"
        for (index, question) in q.questions.enumerated() {
            let name = Self.answerField(index)
            let chosen = entered[name]
            body += "<fieldset\(invalidClass(name))><legend>\(question.number). \(HTML.escape(question.text))</legend>\n"
            body += messages(name)
            for (offset, option) in question.options.enumerated() {
                let value = String(q.scale.lowerBound + offset)
                body += radio(name: name, value: value, label: option, checked: chosen == value)
            }
            body += "</fieldset>\n"
        }
        body += "<h2>Tentang Anda (boleh dikosongkan)</h2>\n"
        for profile in ProfileKey.fields {
            guard let spec = profile.spec(q.profile) else { continue }
            let name = profile.name
            body += "<fieldset\(invalidClass(name))><legend>\(HTML.escape(spec.label))</legend>\n" + messages(name)
            for choice in spec.choices {
                body += radio(name: name, value: choice.code, label: choice.label, checked: entered[name] == choice.code)
            }
            body += "</fieldset>\n"
        }
        if let age = q.profile.age {
            body += """
                <fieldset\(invalidClass("age"))><legend>\(HTML.escape(age.label))</legend>\(messages("age"))\
                <input type="number" name="age" inputmode="numeric" min="\(age.min)" max="\(age.max)" \
                value="\(HTML.escape(entered["age"] ?? ""))" aria-label="\(HTML.escape(age.label))"></fieldset>

                """
        }
        body += """
            <fieldset\(invalidClass("comment"))><legend>Saran (boleh dikosongkan)</legend>\(messages("comment"))\
            <textarea name="comment" rows="4" maxlength="\(TextRules.maxCommentLength)" aria-label="Saran">\
            \(HTML.escape(entered["comment"] ?? ""))</textarea></fieldset>
            <button type="submit">Kirim</button>
            </form>
            """
        let title = "Survei — \(form.service.name)"
        return HTML.page(
            title: title, body: body, refreshSeconds: idleRestartSeconds, refreshTarget: idleRestartSeconds.map { _ in action })
    }

    private func radio(name: String, value: String, label: String, checked: Bool) -> String {
        """
        <label class="choice"><input type="radio" name="\(HTML.escape(name))" value="\(HTML.escape(value))"\
        \(checked ? " checked" : "")> \(HTML.escape(label))</label>

        """
    }

    private func invalidClass(_ name: String) -> String {
        errors[name] == nil ? "" : " class=\"invalid\""
    }

    private func messages(_ name: String) -> String {
        (errors[name] ?? []).map { "<p class=\"error\">\(HTML.escape($0))</p>" }.joined()
    }
}
