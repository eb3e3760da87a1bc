import SKMJSON
import SKMTestSupport
import Testing

@Suite struct PerformanceCLITests {
    static let examples = PackagePaths.root

    @Test func theDemoIKMIsTheRealisasiOfTomoniTimurIKU1() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let demo = try skm.run(["demo"])
        #expect(demo.stdout.contains("Capaian kinerja Kecamatan Tomoni Timur"))
        let db = ["--db", "skm-demo/skm.sqlite"]
        let ikm = try skm.run(["ikm", "--year", "2025", "--json"] + db).json["ikmDisplay"]?.numberValue?.double ?? 0
        let evaluation = try skm.run(["iku", "evaluate", "tomoni-timur-2021-2026", "--year", "2025", "--json"] + db).json
        let iku1 = evaluation["indicators"]?.arrayValue?.first
        #expect(iku1?["realisasi"]?.numberValue?.double == ikm)
        #expect(iku1?["target"] == 78)
        #expect(abs((iku1?["capaian"]?.numberValue?.double ?? 0) - ikm / 78 * 100) < 1e-9)
        let iku2 = evaluation["indicators"]?.arrayValue?.last
        #expect(iku2?["capaian"] == .null)
        #expect(iku2?["reason"] == "Belum ada realisasi tahun 2025.")
        let set = try skm.run(["iku", "set", "tomoni-timur-2021-2026", "IKU-2", "2025", "74,2", "--by", "Sekretaris"] + db)
        #expect(set.status == 0, "\(set.stderr)")
        let csv = try skm.run(["iku", "evaluate", "tomoni-timur-2021-2026", "--year", "2025", "--csv"] + db)
        #expect(csv.stdout.contains("IKU-2,Nilai Lakip Kecamatan,nilai,75.50,74.20,98.28,Sangat Tinggi"))
        let semicolon = try skm.run(
            ["iku", "evaluate", "tomoni-timur-2021-2026", "--year", "2025", "--csv", "--separator", ";"] + db)
        #expect(semicolon.stdout.contains("IKU-2;Nilai Lakip Kecamatan;nilai;75,50;74,20;98,28;Sangat Tinggi"))
    }

    @Test func badPlansAndValuesAreRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        let bad = try skm.write(
            "rencana-salah.json",
            #"{"id":"rencana-salah","organisation":"O","period":{"from":2024,"to":2026},"indicators":[{"code":"IKU-1","name":"N","realisasi":{"source":"tebakan"}}]}"#
        )
        let load = try skm.run(["iku", "load", bad])
        #expect(load.status == 1)
        #expect(load.stderr.contains("harus skm, akip, ratio, count atau value"))
        #expect(try skm.run(["iku", "list", "--json"]).json == [])
        let check = try skm.run(["iku", "check", Self.examples + "/Examples/iku/widang-2021.json"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("Rencana widang-2021 sah: 18 indikator"))
        try skm.run(["iku", "load", Self.examples + "/Examples/iku/tomoni-timur-2021-2026.json"])
        let wrong = try skm.run(["iku", "set", "tomoni-timur-2021-2026", "IKU-1", "2025", "80"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("dihitung otomatis"))
        let notNumber = try skm.run(["iku", "set", "tomoni-timur-2021-2026", "IKU-2", "2025", "tujuh"])
        #expect(notNumber.stderr.contains("harus angka"))
        #expect(try skm.run(["iku", "show", "tomoni-timur-2021-2026"]).stdout.contains("Riwayat") == false)
    }

    @Test func akipFromAFile() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let file = try skm.write(
            "akip.json",
            #"{"year":2025,"components":{"perencanaan":{"keberadaan":["AA","A"],"kualitas":["A","BB","B"],"pemanfaatan":{"percent":70}},"pengukuran":{"keberadaan":["A"],"kualitas":["BB"],"pemanfaatan":["B","CC"]},"pelaporan":{"keberadaan":["AA"],"kualitas":["A"],"pemanfaatan":["BB"]},"evaluasi":{"keberadaan":["A"],"kualitas":["B"],"pemanfaatan":["C"]}}}"#
        )
        let result = try skm.run(["akip", "evaluate", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Nilai AKIP: 74,80   Predikat: BB (Sangat Baik)"))
        #expect(result.stdout.contains("Disimpan sebagai evaluasi AKIP tahun 2025"))
        let shown = try skm.run(["akip", "show", "--year", "2025", "--json"]).json
        #expect(shown["predikat"] == "BB")
        #expect(try skm.run(["akip", "show", "--year", "2024"]).status == 1)
    }
}
