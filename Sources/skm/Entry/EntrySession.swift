#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SKMCore
import SKMService

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
    var saved = 0
    var verified: [(form: Int, differences: [String])] = []

    init(
        service: SKMService, console: Console, input: EntryInput, questionnaire: Questionnaire, unit: UnitRecord,
        target: ServiceRecord, batch: String?, verify: String?
    ) {
        self.service = service
        self.console = console
        self.input = input
        self.q = questionnaire
        self.unit = unit
        self.target = target
        self.date = service.clock.today()
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
        let text = input.readText { self.console.out($0); self.console.flush() }
        if !input.raw { console.out("\n") }
        return text
    }

    /// The time slot of a new form: the chosen one, or the one the clock is in.
    var currentSlot: String? {
        if let slot { return slot }
        return q.timeSlot(matching: ClockTime.format(minutes: ClockNow.minutes()))?.code
    }

    func header() {
        say("Entri SKM — \(unit.name) (\(unit.code)) · layanan \(target.code) \(target.name)")
        let clock = slot == nil ? " (ikut jam komputer)" : ""
        say("Tanggal \(date.iso) · jam \(currentSlot ?? "tidak tercatat")\(clock)\(verify.map { " · VERIFIKASI batch \($0)" } ?? "")")
        say("Ketik jawaban \(q.scale.lowerBound)–\(q.scale.upperBound) tiap pertanyaan (- kosong); di pertanyaan 1 bisa sekaligus, mis. 434344343.")
        say("Di pertanyaan 1: q selesai · u batalkan respons terakhir · l ganti layanan · t ganti tanggal · j ganti jam · ? bantuan")
    }

    /// Runs until `q` or the end of input; returns the exit status.
    func run() throws -> Int32 {
        header()
        while true {
            formNumber += 1
            switch try fillForm() {
            case .quit:
                finish()
                return 0
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
            say("Verifikasi batch \(verify): \(verified.count) formulir, \(verified.count - differing.count) cocok, \(differing.count) berbeda.")
            for v in differing { say("  formulir \(v.form): " + v.differences.joined(separator: "; ")) }
        } else {
            say("Selesai: \(saved) respons disimpan dalam sesi ini.")
        }
    }
}

/// The local time of day, in minutes after midnight.
enum ClockNow {
    static func minutes() -> Int {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }
}
