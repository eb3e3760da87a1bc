import Foundation
import SKMJSON
import Testing

/// `skm entry` as the front-desk trials used it: keys a terminal sends, batches over several days,
/// voids, back-dated forms, and scripts that must notice a dropped form.
@Suite struct EntryFrontDeskTests {
    func stored(_ skm: SKMProcess) throws -> [JSONValue] {
        try skm.run(["response", "list", "--json", "--limit", "1000"]).json.arrayValue ?? []
    }

    func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// One quick form: answers, then Enter past the three choices and age, Enter to save.
    func form(_ answers: String) -> [String] { [answers, "", "", "", "", ""] }

    /// A POSIX TZ value whose local time is now between 10:00 and 10:59, inside the form's 08–12 slot.
    var morningTimeZone: String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let hour = utc.component(.hour, from: Date())
        var offset = ((10 - hour) % 24 + 24) % 24
        if offset > 12 { offset -= 24 }
        // POSIX TZ counts hours west of Greenwich: UTC+5 is "SKM-5".
        return "SKM\(-offset)"
    }

    @Test func arrowsEscAndFunctionKeysAreConsumedWhole() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "111111111", "--date", "2025-01-01"])
        let up = "\u{1B}[A"
        let left = "\u{1B}[D"
        let f1 = "\u{1B}OP"
        let f5 = "\u{1B}[15~"
        let ctrlRight = "\u{1B}[1;5C"
        let esc = "\u{1B}"
        var chunks = [up, f1, esc, f5]
        // Esc and a key in one write (a slow link, or Alt+4): the key is kept.
        chunks += ["4", "3", left, "4", "3", f1, "4", esc + "4", ctrlRight, "3", "4", "3"]
        // Profile: gender 2 after an Esc, education 4 after F1, occupation 5; age with an arrow inside.
        chunks += [esc, "2", f1, "4", "5", "3", left, "4", esc, "\r", f5, "\r", esc, "q"]
        let result = try skm.terminal(chunks)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("Tersimpan: respons #2."), "\(result.stdout)")
        #expect(!result.stdout.contains("Perintah tidak dikenal"), "\(result.stdout)")
        #expect(!result.stdout.contains("Ketik 1–4"), "\(result.stdout)")
        let rows = try stored(skm)
        #expect(rows.count == 2)
        #expect(rows.last?["answers"] == [4, 3, 4, 3, 4, 4, 3, 4, 3])
        #expect(rows.last?["respondent"] == ["gender": "P", "education": "SMA", "occupation": "WIRAUSAHA", "age": 34])
    }

    @Test func aBatchNameReusedOnAnotherDateIsRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let first = try skm.run(
            ["entry", "--service", "KTP", "--batch", "PAGI", "--date", "2025-01-01"],
            input: lines(form("111111111") + form("222222222") + ["q"]))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(PAGI/2)"))
        // The next day, the same name: refused before any form is typed; nothing stored.
        let nextDay = try skm.run(
            ["entry", "--service", "KTP", "--batch", "PAGI", "--date", "2025-01-02"],
            input: lines(form("333333333") + ["q"]))
        #expect(nextDay.status == 1)
        #expect(nextDay.stderr.contains("Batch PAGI sudah berisi 2 formulir bertanggal 2025-01-01"), "\(nextDay.stderr)")
        #expect(nextDay.stderr.contains("Pakai nama batch baru"))
        #expect(try stored(skm).count == 2)
        // The same date continues the batch.
        let resumed = try skm.run(
            ["entry", "--service", "KTP", "--batch", "PAGI", "--date", "2025-01-01"], input: lines(form("333333333") + ["q"]))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("(PAGI/3)"))
        // Changing the date inside the session is refused as well; the form keeps the batch's date.
        let changed = try skm.run(
            ["entry", "--service", "KTP", "--batch", "PAGI", "--date", "2025-01-01"],
            input: lines(["t", "2025-01-03"] + form("444444444") + ["q"]))
        #expect(changed.stdout.contains("Tanggal tidak diubah. Batch PAGI sudah berisi 3 formulir"), "\(changed.stdout)")
        let rows = try stored(skm)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0["date"] == "2025-01-01" })
        #expect(rows.map { $0["clientId"] } == ["PAGI/1", "PAGI/2", "PAGI/3", "PAGI/4"])
    }

    @Test func verifyComparesTheDateAndCountsFormsNotVerified() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(
            ["entry", "--service", "KTP", "--batch", "SORE", "--date", "2025-01-01"],
            input: lines(form("111111111") + form("222222222") + form("333333333") + ["q"]))
        // Second entry on the wrong date, two forms of three.
        let check = try skm.run(
            ["entry", "--verify", "SORE", "--date", "2025-01-02"], input: lines(form("111111111") + form("222222222") + ["q"]))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Formulir 1 BERBEDA dengan respons #1: tanggal: pertama 2025-01-01, kedua 2025-01-02"))
        #expect(check.stdout.contains("Verifikasi batch SORE: 2 formulir, 0 cocok, 2 berbeda."))
        #expect(check.stdout.contains("1 formulir batch SORE belum diverifikasi: 3."), "\(check.stdout)")
        let good = try skm.run(
            ["entry", "--verify", "SORE", "--date", "2025-01-01"],
            input: lines(form("111111111") + form("222222222") + form("333333333") + ["q"]))
        #expect(good.stdout.contains("Verifikasi batch SORE: 3 formulir, 3 cocok, 0 berbeda."))
        #expect(!good.stdout.contains("belum diverifikasi"))
        #expect(try stored(skm).count == 3)
    }

    @Test func afterAVoidUSaysTheLastFormIsVoidedAndTheCountExcludesIt() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let out = try skm.run(
            ["entry", "--service", "KTP"],
            input: lines(form("444444444") + form("111111111") + ["u", "Salah ketik", "u", "q"]))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Respons #2 dibatalkan"))
        #expect(out.stdout.contains("Respons terakhir (#2) sudah dibatalkan"), "\(out.stdout)")
        #expect(!out.stdout.contains("Belum ada respons yang disimpan dalam sesi ini."))
        #expect(out.stdout.contains("Selesai: 1 respons disimpan dalam sesi ini (1 lagi disimpan lalu dibatalkan)."))
        #expect(try stored(skm).map { $0["voided"] } == [false, true])
    }

    @Test func aBackDatedFormGetsNoTimeSlotUnlessOneIsChosen() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let morning = ["TZ": morningTimeZone]
        // Today, in the morning: the clock's slot (shows the clock is read, so the test can fail).
        try skm.run(["entry", "--service", "KTP"], input: lines(form("111111111") + ["q"]), environment: morning)
        let backDated = try skm.run(
            ["entry", "--service", "KTP", "--date", "2025-01-01"], input: lines(form("222222222") + ["q"]), environment: morning)
        #expect(backDated.stdout.contains("jam tidak tercatat (tanggal mundur: j untuk memilih jam)"))
        // Back-dated with `t`: no slot; then a slot chosen with `j`.
        try skm.run(
            ["entry", "--service", "KTP"],
            input: lines(["t", "2025-01-01"] + form("333333333") + ["j", "2"] + form("444444444") + ["q"]),
            environment: morning)
        let rows = try stored(skm)
        #expect(rows.map { $0["time"] } == ["08-12", .null, .null, "13-17"])
        #expect(rows.dropFirst().map { $0["date"] } == ["2025-01-01", "2025-01-01", "2025-01-01"])
    }

    @Test func aPipedSessionThatDropsAFormExitsNonZero() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let complete = try skm.run(["entry", "--service", "KTP"], input: lines(form("111111111") + ["q"]))
        #expect(complete.status == 0)
        let cut = try skm.run(["entry", "--service", "KTP"], input: lines(form("222222222") + ["3333"]))
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("1 formulir tidak disimpan karena masukan berakhir di tengah formulir."))
        let atSummary = try skm.run(["entry", "--service", "KTP"], input: lines(["444444444", "", "", "", ""]))
        #expect(atSummary.status == 1, "\(atSummary.stdout)")
        #expect(atSummary.stdout.contains("Masukan berakhir sebelum formulir disimpan"))
        #expect(try stored(skm).count == 2)
    }

    @Test func endOfInputBeforeAServiceIsChosenExitsZeroAndStoresNothing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let out = try skm.run(["entry"], input: "")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Masukan berakhir sebelum layanan dipilih: tidak ada yang disimpan."))
        #expect(try stored(skm).isEmpty)
    }
}
