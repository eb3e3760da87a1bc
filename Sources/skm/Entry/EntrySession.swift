import SKMCore
import SKMService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The front-desk entry screen: one paper form after another, keyboard only.
///
/// Each confirmed form is submitted through the service layer and acknowledged only after its
/// commit reached the disk, so an interruption loses at most the form being typed.
final class EntrySession {
    let service: SKMService
    let console: Console
    let input: EntryInput
    let q: Questionnaire
    var unit: UnitRecord
    var target: ServiceRecord
    var date: CivilDate
    /// A fixed time slot, or nil to follow the computer's clock.
    var slot: String?
    let batch: String?
    let verify: String?
    var formNumber = 0
    var lastSaved: Int64?
    /// The response `u` voided last, while no newer form was saved.
    var lastVoided: Int64?
    var saved = 0
    /// Forms saved in this session and voided in it with `u`.
    var voided = 0
    /// Forms begun but not stored because the input ended in the middle of them.
    var dropped = 0
    var verified: [(form: Int, differences: [String])] = []

    init(
        service: SKMService, console: Console, input: EntryInput, questionnaire: Questionnaire, unit: UnitRecord,
        target: ServiceRecord, date: CivilDate, batch: String?, verify: String?
    ) {
        self.service = service
        self.console = console
        self.input = input
        self.q = questionnaire
        self.unit = unit
        self.target = target
        self.date = date
        self.batch = batch
        self.verify = verify
    }

    func say(_ text: String) {
        console.line(text)
        console.flush()
    }

    func prompt() {
        console.out("> ")
        console.flush()
    }

    /// The next key or line, echoed so the screen (or a transcript) shows what was typed.
    func read() -> EntryToken {
        let token = input.next()
        switch token {
        case .text(let text) where input.raw: console.out(text + "\n")
        case .enter where input.raw: console.out("(Enter)\n")
        default: console.out("\n")
        }
        console.flush()
        return token
    }

    /// A line of text, echoed as it is typed on a terminal.
    func readText() -> String? {
        let text = input.readText {
            self.console.out($0)
            self.console.flush()
        }
        if !input.raw { console.out("\n") }
        return text
    }

    /// True when the forms are dated before today (typed in later from paper).
    var isBackDated: Bool { date != service.clock.today() }

    /// The time slot of a new form: the chosen one, else the one the clock is in — but only for
    /// forms of today: the clock says nothing about when a back-dated form was filled in.
    var currentSlot: String? {
        if let slot { return slot }
        guard !isBackDated else { return nil }
        return service.timeSlotNow(of: q)?.code
    }

    func header() {
        say("Entri SKM — \(unit.name) (\(unit.code)) · layanan \(target.code) \(target.name)")
        let clock = slot != nil ? "" : isBackDated ? " (tanggal mundur: j untuk memilih jam)" : " (ikut jam komputer)"
        say(
            "Tanggal \(date.iso) · jam \(currentSlot ?? "tidak tercatat")\(clock)\(verify.map { " · VERIFIKASI batch \($0)" } ?? "")"
        )
        say(
            "Ketik jawaban \(q.scale.lowerBound)–\(q.scale.upperBound) tiap pertanyaan (- kosong); di pertanyaan 1 bisa sekaligus, mis. 434344343."
        )
        say(
            "Di pertanyaan 1: q selesai · u batalkan respons terakhir · l ganti layanan · t ganti tanggal · j ganti jam · ? bantuan"
        )
    }

    /// Runs until `q` or the end of input; returns the exit status: 1 when input from a pipe or
    /// file ended in the middle of a form (that form was not stored), else 0.
    func run() throws -> Int32 {
        header()
        while true {
            formNumber += 1
            switch try fillForm() {
            case .quit:
                finish()
                return exitStatus
            case .discarded:
                formNumber -= 1
                say("Formulir dibuang; tidak ada yang disimpan. Mulai formulir baru.")
            case .filled(let form):
                if try !confirmAndSave(form) { formNumber -= 1 }
            }
        }
    }

    func finish() {
        if let verify {
            let differing = verified.filter { !$0.differences.isEmpty }
            say(
                "Verifikasi batch \(verify): \(verified.count) formulir, \(verified.count - differing.count) cocok, \(differing.count) berbeda."
            )
            for v in differing { say("  formulir \(v.form): " + v.differences.joined(separator: "; ")) }
            if let unchecked = try? uncheckedForms(of: verify), !unchecked.isEmpty {
                let numbers = unchecked.prefix(20).map(String.init).joined(separator: ", ")
                say(
                    "\(unchecked.count) formulir batch \(verify) belum diverifikasi: "
                        + numbers + (unchecked.count > 20 ? ", …" : "") + ".")
            }
        } else {
            let kept = saved - voided
            let voidedNote = voided == 0 ? "" : " (\(voided) lagi disimpan lalu dibatalkan)"
            say("Selesai: \(kept) respons disimpan dalam sesi ini\(voidedNote).")
        }
        if dropped > 0 {
            let text = "\(dropped) formulir tidak disimpan karena masukan berakhir di tengah formulir."
            say(text)
            if !input.raw { console.err(text) }
        }
    }

    /// 1 when forms fed through a pipe or file were dropped (a script must notice), else 0.
    var exitStatus: Int32 { dropped > 0 && !input.raw ? 1 : 0 }

    /// Numbers of the batch's forms (not voided) that this verification did not reach.
    func uncheckedForms(of batch: String) throws -> [Int] {
        let checked = Set(verified.map(\.form))
        return try service.batchForms(batch).filter { !$0.voided && !checked.contains($0.number) }.map(\.number)
    }
}
