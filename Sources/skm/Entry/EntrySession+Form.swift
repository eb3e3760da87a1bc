import SKMCore
import SKMService

/// How a form ended.
enum FormOutcome {
    case filled(EntryForm)
    case discarded
    case quit
}

extension EntrySession {
    /// Fills the answers, then (with `profile`) the profile. With `commands`, commands are taken at
    /// question 1 of an empty form; a visit's later questionnaires take none (and ask no profile).
    func fillForm(profile askProfile: Bool = true, commands: Bool = true) throws -> FormOutcome {
        var form = EntryForm(questions: q.questions.count)
        var index = 0
        while index < q.questions.count {
            showQuestion(index)
            let token = read()
            switch token {
            case .endOfInput:
                return form.isEmpty ? .quit : discardAtEnd()
            case .interrupt:
                return .discarded
            case .backspace:
                index = max(0, index - 1)
            case .enter:
                say("Ketik \(q.scale.lowerBound)–\(q.scale.upperBound) untuk menjawab, atau - bila tidak dijawab.")
            case .text(let text):
                if commands && index == 0 && form.isEmpty, let command = text.first, text.count == 1,
                    command.isLetter || command == "?"
                {
                    switch try runCommand(command) {
                    case .quit: return .quit
                    case .handled: continue
                    }
                }
                let values = AnswerText.parse(text)
                if let hint = problem(with: values, remaining: q.questions.count - index) {
                    say(hint)
                    continue
                }
                for value in values {
                    form.answers[index] = value
                    index += 1
                }
                say("  → " + values.map { describe($0) }.joined(separator: " "))
            }
        }
        if !askProfile { return .filled(form) }
        if try fillProfile(&form) { return .filled(form) }
        // The profile stopped: Ctrl-C on a terminal discards the form; the end of the input drops it.
        return input.eof ? discardAtEnd() : .discarded
    }

    func discardAtEnd() -> FormOutcome {
        say("Masukan berakhir di tengah formulir: formulir ini tidak disimpan.")
        dropped += 1
        return .quit
    }

    func describe(_ value: RawInteger) -> String {
        if case .value(let v) = value { return String(v) }
        return "-"
    }

    func showQuestion(_ index: Int) {
        let question = q.questions[index]
        say("[\(index + 1)/\(q.questions.count)] \(question.text)")
        let options = question.options.enumerated().map { "\(q.scale.lowerBound + $0) \($1)" }.joined(separator: " · ")
        console.out("      \(options) · - kosong\n")
        prompt()
    }

    /// A short Indonesian hint when typed answers cannot be used, nil when they can.
    func problem(with values: [RawInteger], remaining: Int) -> String? {
        if values.isEmpty { return "Ketik \(q.scale.lowerBound)–\(q.scale.upperBound), atau - bila kosong." }
        if values.count > remaining { return "Terlalu banyak jawaban: \(values.count), tersisa \(remaining) pertanyaan. Ulangi." }
        for value in values {
            switch value {
            case .blank: continue
            case .value(let v) where q.scale.contains(v): continue
            default:
                return "Jawaban harus \(q.scale.lowerBound)–\(q.scale.upperBound) (atau - bila kosong). Ulangi."
            }
        }
        return nil
    }

    /// Gender, education, occupation (one key each) and age; Enter skips a field.
    func fillProfile(_ form: inout EntryForm) throws -> Bool {
        for profile in ProfileKey.fields {
            guard let field = profile.spec(q.profile) else { continue }
            switch askChoice(field) {
            case .answer(let code): profile.setRespondentValue(&form.respondent, code)
            case .stop: return false
            }
        }
        guard let ageField = q.profile.age else { return true }
        switch askAge(ageField) {
        case .answer(let age): form.age = age
        case .stop: return false
        }
        return true
    }

    enum Answer<T> {
        case answer(T)
        case stop
    }

    /// One profile choice: a digit from the numbered list, or the code/label typed out; nil answer = skipped.
    func askChoice(_ field: ProfileField) -> Answer<String?> {
        let list = field.choices.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · ")
        while true {
            say("\(field.label): \(list) · Enter lewati")
            prompt()
            switch read() {
            case .enter: return .answer(nil)
            case .endOfInput, .interrupt: return .stop
            case .backspace: continue
            case .text(let text):
                if let n = Int(text), (1...field.choices.count).contains(n) {
                    say("  → \(field.choices[n - 1].label)")
                    return .answer(field.choices[n - 1].code)
                }
                if let choice = field.choice(matching: text) { return .answer(choice.code) }
                say("Pilih nomor 1–\(field.choices.count), atau Enter untuk melewati.")
            }
        }
    }

    func askAge(_ field: AgeField) -> Answer<Int?> {
        while true {
            console.out("\(field.label) (\(field.min)–\(field.max) tahun, Enter lewati): ")
            console.flush()
            guard let text = readText() else { return .stop }
            if text.isEmpty { return .answer(nil) }
            if let age = Int(text), (field.min...field.max).contains(age) { return .answer(age) }
            say("Usia harus bilangan bulat \(field.min)–\(field.max), atau Enter untuk melewati.")
        }
    }
}
