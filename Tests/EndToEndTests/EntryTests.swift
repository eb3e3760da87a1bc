import Foundation
import SKMJSON
import Testing

/// `skm entry` driven through its standard input, as a script or a test feeds it.
@Suite struct EntryTests {
    func session(_ lines: [String], _ arguments: [String] = ["entry"], registry: Bool = true) throws -> (
        SKMProcess, SKMProcess.Output
    ) {
        let skm = SKMProcess()
        if registry { try skm.registry() }
        let output = try skm.run(arguments, input: lines.joined(separator: "\n") + "\n")
        return (skm, output)
    }

    func stored(_ skm: SKMProcess) throws -> [JSONValue] {
        try skm.run(["response", "list", "--json"]).json.arrayValue ?? []
    }

    @Test func aQuickModeSessionStoresEveryConfirmedForm() throws {
        let (skm, out) = try session(
            ["1", "434344343", "2", "4", "5", "34", "", "4 3 4 4 4 4 3 3 3", "1", "", "6", "", "", "q"])
        defer { skm.cleanUp() }
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Tersimpan: respons #1."))
        #expect(out.stdout.contains("Tersimpan: respons #2."))
        #expect(out.stdout.contains("Selesai: 2 respons disimpan"))
        let rows = try stored(skm)
        #expect(rows.count == 2)
        #expect(rows[0]["answers"] == [4, 3, 4, 3, 4, 4, 3, 4, 3])
        #expect(rows[0]["answersByUnsur"]?["U9"] == 4)  // question 8 is Sarana (U9)
        #expect(rows[0]["respondent"] == ["gender": "P", "education": "SMA", "occupation": "WIRAUSAHA", "age": 34])
        #expect(rows[1]["respondent"]?["gender"] == "L")
        #expect(rows[1]["respondent"]?["education"] == .null)
        #expect(rows[1]["respondent"]?["occupation"] == "LAINNYA")
        #expect(rows[1]["service"] == "KTP")
        #expect(out.stdout.contains("2 respons, IKM"))
    }

    @Test func blanksAreVisibleAndStoredAsBlanks() throws {
        let (skm, out) = try session(["1", "434-44343", "", "", "", "", "", "q"])
        defer { skm.cleanUp() }
        #expect(out.stdout.contains("4 U4  Biaya/Tarif                         - (kosong)"))
        #expect(try stored(skm).first?["answersByUnsur"]?["U4"] == .null)
    }

    @Test func wrongKeysGetAHintAndAReask() throws {
        let (skm, out) = try session([
            "1", "9", "x", "4", "0", "3", "43434444", "4343444", "7", "2", "", "", "abc", "200", "", "", "q",
        ])
        defer { skm.cleanUp() }
        #expect(out.status == 0)
        #expect(out.stdout.contains("Jawaban harus 1–4 (atau - bila kosong). Ulangi."))
        #expect(out.stdout.contains("Perintah tidak dikenal."))
        #expect(out.stdout.contains("Terlalu banyak jawaban: 8, tersisa 7 pertanyaan. Ulangi."))
        #expect(out.stdout.contains("Pilih nomor 1–2, atau Enter untuk melewati."))
        #expect(out.stdout.contains("Usia harus bilangan bulat 15–100"))
        #expect(!out.stderr.contains("Fatal"))
        let rows = try stored(skm)
        #expect(rows.count == 1)
        #expect(rows.first?["answers"] == [4, 3, 4, 3, 4, 3, 4, 4, 4])
        #expect(rows.first?["respondent"]?["gender"] == "P")
    }

    @Test func theLastSavedResponseCanBeVoided() throws {
        let (skm, out) = try session(["1", "111111111", "", "", "", "", "", "u", "Salah ketik formulir", "q"])
        defer { skm.cleanUp() }
        #expect(out.stdout.contains("Respons #1 dibatalkan"))
        let rows = try stored(skm)
        #expect(rows.first?["voided"] == true)
        #expect(rows.first?["voidReason"] == "Salah ketik formulir")
    }

    @Test func endOfInputMidFormSavesNothingHalfWay() throws {
        let (skm, out) = try session(["1", "434344343", "", "", "", "", "", "4", "3", "4"])
        defer { skm.cleanUp() }
        // Issue 12: a piped session that drops a form exits 1 (it exited 0, so scripts never noticed).
        #expect(out.status == 1)
        #expect(out.stdout.contains("Masukan berakhir di tengah formulir: formulir ini tidak disimpan."))
        #expect(try stored(skm).count == 1)
        let (skm2, out2) = try session(["1", "434344343", "2", "4"])
        defer { skm2.cleanUp() }
        #expect(try stored(skm2).isEmpty)
        #expect(out2.status == 1)
    }

    @Test func unitAndServiceAreRememberedFromTheLastResponse() throws {
        let (skm, _) = try session(["2", "444444444", "", "", "", "", "", "q"])
        defer { skm.cleanUp() }
        let second = try skm.run(["entry"], input: "333333333\n\n\n\n\n\nq\n")
        #expect(second.stdout.contains("layanan SKET"))
        #expect(try stored(skm).map { $0["service"] } == ["SKET", "SKET"])
    }

    @Test func doubleEntryListsTheDifferences() throws {
        let first = ["1", "434344343", "2", "", "", "34", "", "444444444", "", "", "", "", "", "q"]
        let (skm, out) = try session(first, ["entry", "--batch", "PAGI"])
        defer { skm.cleanUp() }
        #expect(out.stdout.contains("(PAGI/1)"))
        let check = try skm.run(
            ["entry", "--verify", "PAGI"],
            input: ["434344343", "2", "", "", "34", "", "444434444", "", "", "", "", "", "q"].joined(separator: "\n") + "\n")
        #expect(check.stdout.contains("Formulir 1: cocok dengan respons #1."))
        #expect(check.stdout.contains("Formulir 2 BERBEDA dengan respons #2: pertanyaan 5 (U5): pertama 4, kedua 3"))
        #expect(check.stdout.contains("Verifikasi batch PAGI: 2 formulir, 1 cocok, 1 berbeda."))
        #expect(try stored(skm).count == 2)
    }

    /// On a real terminal (a pseudo-terminal here): one key per answer, Ctrl-C drops only the form being typed.
    @Test func onATerminalOneKeyAnswersAndCtrlCDiscardsTheUnsavedForm() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "111111111", "--date", "2025-01-01"])
        // 9 answer keys, 3 profile keys, age 34 + Enter, Enter to save: 16 keys for a typical form.
        let keys = "4343" + "\u{03}" + "434344343" + "245" + "34\r" + "\r" + "q"
        let result = try skm.terminal(keys.map { String($0) }, pause: 0.15)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Formulir dibuang; tidak ada yang disimpan."))
        #expect(result.stdout.contains("Tersimpan: respons #2."))
        let rows = try stored(skm)
        #expect(rows.count == 2)
        #expect(rows.last?["answers"] == [4, 3, 4, 3, 4, 4, 3, 4, 3])
        #expect(rows.last?["respondent"] == ["gender": "P", "education": "SMA", "occupation": "WIRAUSAHA", "age": 34])
    }
}
