import SKMJSON
import Testing

/// Every bad input gets an Indonesian message and exit code 1, and nothing is stored.
@Suite struct BadInputTests {
    static let cases: [(String, [String], String)] = [
        ("answer 0", ["--answers", "034344343"], "0 bukan jawaban"),
        ("answer 5", ["--answers", "434344345"], "harus 1–4, diterima 5"),
        ("answer x", ["--answers", "4343443x3"], "harus angka 1–4, diterima \"x\""),
        ("too few answers", ["--answers", "43434434"], "Jumlah jawaban harus 9"),
        ("too many answers", ["--answers", "4,3,4,3,4,4,3,4,3,3"], "diterima 10"),
        ("no answers", ["--answers", ",,,,,,,,"], "tanpa satu jawaban"),
        ("unknown unit", ["--unit", "NOPE"], "Unit \"NOPE\" tidak terdaftar"),
        ("unknown service", ["--service", "PBB"], "Layanan \"PBB\" tidak terdaftar di unit KEC"),
        ("unknown questionnaire", ["--questionnaire", "kuesioner-x"], "Kuesioner \"kuesioner-x\" tidak dikenal"),
        ("impossible date", ["--date", "2025-02-30"], "Tanggal \"2025-02-30\" tidak sah"),
        ("future date", ["--date", "2999-01-01"], "di masa depan"),
        ("bad gender", ["--gender", "X"], "Jenis kelamin \"X\" tidak dikenal"),
        ("bad age", ["--age", "tiga"], "Usia harus bilangan bulat"),
        ("bad time", ["--time", "22:00"], "Jam survei \"22:00\" tidak dikenal"),
    ]

    @Test(arguments: cases)
    func submitRefusesAndStoresNothing(name: String, override: [String], message: String) throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        var options = ["--unit": "KEC", "--service": "KTP", "--answers": "434344343", "--date": "2025-03-01"]
        for i in stride(from: 0, to: override.count, by: 2) { options[override[i]] = override[i + 1] }
        let arguments = ["submit"] + options.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        let result = try skm.run(arguments)
        #expect(result.status == 1, "\(name)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try skm.storedCount() == 0, "\(name)")
    }

    @Test func aMalformedCSVRowImportsNothing() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let path = try skm.write(
            "data.csv",
            "date;unit;service;U1;U2;U3;U4;U5;U6;U7;U8;U9\n2025-03-01;KEC;KTP;4;3;4;3;4;4;3;3;4\n2025-03-02;KEC;KTP;4;3;4\n")
        let result = try skm.run(["import", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Tidak ada yang diimpor"))
        #expect(result.stdout.contains("baris 3: Baris ini punya 6 kolom, baris judul 12"))
        #expect(try skm.storedCount() == 0)
        let json = try skm.run(["import", path, "--json"]).json
        #expect(json["committed"] == false)
        #expect(json["errors"]?.arrayValue?.first?["row"] == 3)
        let skipped = try skm.run(["import", path, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(try skm.storedCount() == 1)
    }

    @Test func aDuplicateClientIDWithOtherContentIsAConflict() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let base = ["submit", "--unit", "KEC", "--service", "KTP", "--date", "2025-03-01", "--client-id", "f-1"]
        #expect(try skm.run(base + ["--answers", "444444444"]).status == 0)
        let retry = try skm.run(base + ["--answers", "444444444"])
        #expect(retry.stdout.contains("Sudah tersimpan sebelumnya sebagai respons #1"))
        let conflict = try skm.run(base + ["--answers", "444444443"])
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("sudah dipakai respons #1 dengan isi lain"))
        #expect(try skm.storedCount() == 1)
    }
}
