import SKMCore
import SKMService

/// `skm entry --set zi`: one respondent's paper forms of a survey set (SKM, then IPKP, then IPAK)
/// typed one after another as one visit; the profile is typed once, after the last form's answers.
///
/// Each questionnaire is filled by its own `EntrySession` (same console, input, unit, service and
/// date); the first one takes the commands at its question 1 (q, l, t, j, ?). The visit is stored
/// through `SKMService.submitVisit`, all forms or none, and acknowledged after the commit.
final class VisitEntry {
    let set: SurveySet
    let sessions: [EntrySession]
    var saved = 0
    var dropped = 0

    init(set: SurveySet, sessions: [EntrySession]) {
        self.set = set
        self.sessions = sessions
    }

    var first: EntrySession { sessions[0] }

    func say(_ text: String) { first.say(text) }

    /// Runs until `q` or the end of input; the exit status is 1 when piped input ended mid-visit.
    func run() throws -> Int32 {
        first.header()
        say(
            "Set \(set.name): " + set.members.map(\.prefix).joined(separator: " → ")
                + "; profil responden diketik sekali di akhir.")
        while true {
            var forms: [EntryForm] = []
            var outcome: FormOutcome = .quit
            for (i, session) in sessions.enumerated() {
                say("— \(i + 1)/\(sessions.count) \(set.members[i].prefix.uppercased()): \(session.q.title) —")
                outcome = try session.fillForm(profile: i == sessions.count - 1, commands: i == 0)
                guard case .filled(let form) = outcome else { break }
                forms.append(form)
            }
            switch outcome {
            case .quit:
                if !forms.isEmpty || first.dropped > 0 || sessions.contains(where: { $0.dropped > 0 }) { dropped += 1 }
                return finish()
            case .discarded:
                say("Kunjungan dibuang; tidak ada yang disimpan. Mulai kunjungan baru.")
            case .filled:
                guard forms.count == sessions.count, try confirmAndSave(forms) else { continue }
            }
        }
    }

    func finish() -> Int32 {
        say("Selesai: \(saved) kunjungan disimpan dalam sesi ini (\(saved * sessions.count) respons).")
        if dropped > 0 {
            let text = "1 kunjungan tidak disimpan karena masukan berakhir di tengah kunjungan."
            say(text)
            if !first.input.raw { first.console.err(text) }
            return first.input.raw ? 0 : 1
        }
        return 0
    }

    /// Shows every form's answers and the profile; Enter stores the visit, x throws it away.
    func confirmAndSave(_ forms: [EntryForm]) throws -> Bool {
        guard let last = forms.last else { return false }
        while true {
            say("Ringkasan kunjungan:")
            for (session, form) in zip(sessions, forms) {
                let answers = form.answers.map { a -> String in
                    if case .value(let v)? = a { return String(v) }
                    return "-"
                }
                say("  \(session.q.id.padding(20)) " + answers.joined(separator: " "))
            }
            let profile =
                ProfileKey.fields.map { "\($0.words) \($0.respondentValue(last.respondent) ?? "–")" }
                + ["usia \(last.age.map(String.init) ?? "–")"]
            say("  " + profile.joined(separator: " · "))
            say("[Enter] simpan kunjungan · x buang")
            first.prompt()
            switch first.read() {
            case .enter:
                return try save(forms)
            case .endOfInput:
                dropped += 1
                throw EntryEnd.endOfInput
            case .interrupt:
                say("Kunjungan dibuang; tidak ada yang disimpan.")
                return false
            case .text(let text) where text.lowercased() == "x":
                say("Kunjungan dibuang; tidak ada yang disimpan.")
                return false
            case .text, .backspace:
                say("Tekan Enter untuk menyimpan, atau x untuk membuang.")
            }
        }
    }

    func save(_ forms: [EntryForm]) throws -> Bool {
        guard let last = forms.last else { return false }
        let shared = last.draft(
            unit: first.unit.code, service: first.target.code, date: first.date, time: first.currentSlot,
            questionnaire: first.q.id, clientID: nil)
        let answers = zip(set.members, forms).map { member, form in
            (key: member.prefix, sheet: AnswerSheet.byQuestion(form.answers.map { $0 ?? .blank }))
        }
        do {
            let result = try first.service.submitVisit(VisitDraft(set: set, shared: shared, answers: answers))
            saved += 1
            say(
                "Tersimpan: kunjungan #\(result.visit) (respons " + result.responses.map { "#\($0.id)" }.joined(separator: ", ")
                    + ").")
            return true
        } catch let error as SKMError where error.isAboutTheInput || error.kind == .busy {
            say("Tidak disimpan: \(error.message)")
            return false
        }
    }
}
