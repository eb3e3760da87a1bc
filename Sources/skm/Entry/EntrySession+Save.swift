import SKMCore
import SKMService

extension EntrySession {
    func showSummary(_ form: EntryForm) {
        say("Ringkasan formulir \(formNumber):")
        for (i, question) in q.questions.enumerated() {
            let u = q.unsur[q.unsurIndexOfQuestion[i]]
            say(
                "  \(String(i + 1).leftPadding(2)) \(u.code.padding(3)) \(u.name.clipped(34).padding(35)) \(EntryForm.describe(form.answers[i], question: question, scale: q.scale))"
            )
        }
        let profile =
            ProfileKey.fields.map { "\($0.words) \($0.respondentValue(form.respondent) ?? "–")" }
            + ["usia \(form.age.map(String.init) ?? "–")"]
        say("  " + profile.joined(separator: " · "))
        say(
            "[Enter] \(verify == nil ? "simpan" : "bandingkan") · 1–\(q.questions.count) ubah jawaban · \(ProfileKey.fields.map { String($0.entryKey) }.joined(separator: "/"))/s ubah \(ProfileKey.fields.map(\.words).joined(separator: "/"))/usia · x buang"
        )
        prompt()
    }

    /// Shows the summary until the form is saved (true) or thrown away (false).
    func confirmAndSave(_ initial: EntryForm) throws -> Bool {
        var form = initial
        while true {
            showSummary(form)
            switch read() {
            case .enter:
                if verify != nil {
                    try compare(form)
                    return true
                }
                if try save(form) { return true }
            case .endOfInput:
                say("Masukan berakhir sebelum formulir disimpan: formulir ini tidak disimpan.")
                dropped += 1
                finish()
                throw EntryEnd.endOfInput
            case .interrupt:
                say("Formulir dibuang; tidak ada yang disimpan.")
                return false
            case .backspace:
                continue
            case .text(let text):
                if text.lowercased() == "x" {
                    say("Formulir dibuang; tidak ada yang disimpan.")
                    return false
                }
                try edit(text, &form)
            }
        }
    }

    func edit(_ text: String, _ form: inout EntryForm) throws {
        if let n = Int(text), (1...q.questions.count).contains(n) {
            while true {
                showQuestion(n - 1)
                switch read() {
                case .text(let answer):
                    let values = AnswerText.parse(answer)
                    if values.count == 1, problem(with: values, remaining: 1) == nil {
                        form.answers[n - 1] = values[0]
                        return
                    }
                    say("Ketik satu jawaban \(q.scale.lowerBound)–\(q.scale.upperBound), atau - bila kosong.")
                case .endOfInput, .interrupt, .enter, .backspace:
                    return
                }
            }
        }
        let letter = text.lowercased()
        if letter == "s" {
            if let field = q.profile.age, case .answer(let age) = askAge(field) { form.age = age }
            return
        }
        guard let profile = ProfileKey.fields.first(where: { String($0.entryKey) == letter }) else {
            say("Tekan Enter untuk menyimpan, nomor pertanyaan untuk mengubah, atau x untuk membuang.")
            return
        }
        guard let field = profile.spec(q.profile), case .answer(let code) = askChoice(field) else { return }
        profile.setRespondentValue(&form.respondent, code)
    }

    /// Submits the form; the acknowledgement is printed only after the commit, and "Tersimpan"
    /// only for a new row. In a batch the number is chosen inside the write transaction.
    func save(_ form: EntryForm) throws -> Bool {
        let draft = form.draft(
            unit: unit.code, service: target.code, date: date, time: currentSlot, questionnaire: q.id, clientID: nil)
        do {
            if let batch {
                let result = try service.submitNumbered(draft, batch: batch, from: formNumber)
                acknowledge(id: result.id, label: " (\(result.clientID))")
                return true
            }
            let result = try service.submit(draft)
            if result.duplicate {
                say("Tidak disimpan sebagai respons baru: isi yang sama sudah tersimpan sebagai respons #\(result.id).")
                return true
            }
            acknowledge(id: result.id, label: "")
            return true
        } catch let error as SKMError where error.isAboutTheInput || error.kind == .busy {
            // A busy database (another program held it past the timeout) keeps the session: the
            // clerk can save the same form again.
            say("Tidak disimpan: \(error.message)")
            return false
        }
    }

    func acknowledge(id: Int64, label: String) {
        lastSaved = id
        lastVoided = nil
        saved += 1
        say("Tersimpan: respons #\(id)\(label). \(todayLine())")
    }

    /// "Hari ini: 12 respons, IKM 82,31 (B)" for the unit and the form's date.
    func todayLine() -> String {
        guard
            let report = try? service.computeIKM(
                IKMRequest(filter: SurveyFilter(from: date.iso, to: date.iso, units: [unit.code], questionnaire: q.id)))
        else { return "" }
        let r = report.result
        let ikm = r.ikm.map { "IKM \(IndonesianNumber.format($0)) (\(r.band?.mutu ?? "–"))" } ?? "IKM belum dapat dihitung"
        return "Tanggal \(date.iso) di \(unit.code): \(r.respondents) respons, \(ikm)."
    }

    /// Double entry: compares this form with the first entry of the same batch position.
    func compare(_ form: EntryForm) throws {
        guard let batch = verify else { return }
        let id = "\(batch)/\(formNumber)"
        guard let original = try service.response(clientID: id) else {
            say("Batch \(batch) tidak punya formulir ke-\(formNumber) (\(id)).")
            verified.append((formNumber, ["tidak ada entri pertama"]))
            return
        }
        var differences = form.differences(from: original, questionnaire: q)
        if original.content.date != date {
            differences.insert("tanggal: pertama \(original.content.date.iso), kedua \(date.iso)", at: 0)
        }
        verified.append((formNumber, differences))
        if differences.isEmpty {
            say("Formulir \(formNumber): cocok dengan respons #\(original.id).")
        } else {
            say("Formulir \(formNumber) BERBEDA dengan respons #\(original.id): " + differences.joined(separator: "; "))
            say("  Bila entri pertama salah: skm void \(original.id) --reason \"…\" lalu entri ulang formulir itu.")
        }
    }
}

/// The input ended while a form was on screen: the session ends cleanly.
enum EntryEnd: Error {
    case endOfInput
}
