import SKMCore
import SKMService

extension EntrySession {
    enum CommandResult {
        case handled
        case quit
    }

    /// The single-letter commands taken at question 1 of an empty form.
    func runCommand(_ command: Character) throws -> CommandResult {
        switch command.lowercased() {
        case "q":
            return .quit
        case "u":
            try voidLast()
        case "l":
            try chooseService()
            header()
        case "t":
            chooseDate()
            header()
        case "j":
            chooseSlot()
            header()
        case "?", "h":
            header()
        default:
            say("Perintah tidak dikenal. Ketik jawaban \(q.scale.lowerBound)–\(q.scale.upperBound), atau ? untuk bantuan.")
        }
        return .handled
    }

    func voidLast() throws {
        guard verify == nil else {
            say("Dalam verifikasi tidak ada yang disimpan, jadi tidak ada yang dibatalkan.")
            return
        }
        guard let id = lastSaved else {
            if let voided = lastVoided {
                say(
                    "Respons terakhir (#\(voided)) sudah dibatalkan; respons sebelumnya dibatalkan dengan skm void NOMOR --reason \"…\"."
                )
            } else {
                say("Belum ada respons yang disimpan dalam sesi ini.")
            }
            return
        }
        console.out("Batalkan respons #\(id). Alasan (Enter untuk tidak jadi): ")
        console.flush()
        guard let reason = readText(), !reason.isEmpty else {
            say("Tidak jadi dibatalkan.")
            return
        }
        do {
            _ = try service.void(id: id, reason: reason)
            lastSaved = nil
            lastVoided = id
            voided += 1
            say("Respons #\(id) dibatalkan (tetap tercatat dengan alasannya).")
        } catch let error as SKMError {
            say(error.message)
        }
    }

    func chooseService() throws {
        let all = try service.services()
        guard !all.isEmpty else {
            say("Belum ada layanan terdaftar.")
            return
        }
        for (i, s) in all.enumerated() { say("  \(i + 1) \(s.unitCode) / \(s.code) — \(s.name)") }
        while true {
            console.out("Nomor layanan (Enter tetap \(target.code)): ")
            console.flush()
            guard let text = readText(), !text.isEmpty else { return }
            if let n = Int(text), (1...all.count).contains(n) {
                target = all[n - 1]
                unit = try service.resolveUnit(target.unitCode)
                return
            }
            say("Ketik nomor 1–\(all.count).")
        }
    }

    func chooseDate() {
        while true {
            console.out("Tanggal survei TTTT-BB-HH (Enter: hari ini, \(service.clock.today().iso)): ")
            console.flush()
            guard let text = readText() else { return }
            let chosen: CivilDate
            do {
                chosen =
                    text.isEmpty ? service.clock.today() : try ResponseValidator.validateDate(text, today: service.clock.today())
            } catch {
                say(error.message)
                continue
            }
            do {
                // A batch holds one survey date: refused here already, not only when saving.
                if let batch { try service.checkBatchDate(batch, date: chosen) }
            } catch let error as SKMError {
                say("Tanggal tidak diubah. " + error.message)
                return
            } catch {
                say("Tanggal tidak diubah: batch \(batch ?? "") tidak dapat diperiksa.")
                return
            }
            date = chosen
            return
        }
    }

    func chooseSlot() {
        let slots = q.timeSlots
        say(slots.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · ") + " · Enter ikut jam komputer")
        prompt()
        switch read() {
        case .text(let text):
            if let n = Int(text), (1...max(slots.count, 1)).contains(n), n <= slots.count {
                slot = slots[n - 1].code
            } else {
                say("Pilihan tidak dikenal; jam tidak diubah.")
            }
        case .enter:
            slot = nil
        default:
            break
        }
    }
}
