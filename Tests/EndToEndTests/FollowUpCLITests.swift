import Foundation
import SKMJSON
import SKMTestSupport
import Testing

/// `skm rtl` and `skm publish` as an office uses them, through the built binary: every command,
/// bad input refused with exit 1, its code in `--json` and nothing stored, and the report's BAB IV.
@Suite struct FollowUpCLITests {
    static let db = ["--db", "skm-demo/skm.sqlite"]

    @Test func theRegisterFromAddToReport() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let add = try skm.run(
            [
                "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", "Pelatihan petugas loket", "--pj",
                "Sekretaris Camat",
                "--target", "2026-06-30", "--date", "2026-01-05",
            ] + Self.db)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "RTL 1 dicatat: U3, target 2026-06-30.\n")
        let second = try skm.run(
            [
                "rtl", "add", "--year", "2025", "--unsur", "u8", "--program", "Kotak pengaduan", "--pj", "Kasi Pelayanan",
                "--target", "2026-03-31", "--date", "2026-01-05", "--unit", "KEC-TT", "--service", "KTP-KK", "--json",
            ] + Self.db)
        #expect(second.json["number"] == 2 && second.json["service"] == "KTP-KK" && second.json["status"] == "open")
        let done = try skm.run(["rtl", "done", "1", "--date", "2026-05-04", "--evidence", "Daftar hadir"] + Self.db)
        #expect(done.stdout == "RTL 1 selesai 2026-05-04 (tepat waktu).\n")
        try skm.run(["rtl", "done", "2", "--date", "2026-04-10", "--evidence", "Foto"] + Self.db)
        let corrected = try skm.run(["rtl", "correct", "2", "--date", "2026-03-30", "--reason", "salah ketik"] + Self.db)
        #expect(corrected.stdout == "RTL 2 dikoreksi (versi 3).\n")
        let show = try skm.run(["rtl", "show", "2"] + Self.db)
        #expect(show.stdout.contains("salah ketik") && show.stdout.contains("selesai 2026-03-30"))
        let list = try skm.run(["rtl", "list", "--year", "2025"] + Self.db)
        #expect(list.stdout.contains("Pelatihan petugas loket") && list.stdout.contains("KEC-TT/KTP-KK"))

        try skm.run(
            [
                "publish", "add", "--year", "2025", "--medium", "website", "--date", "2026-01-20", "--link",
                "https://kec.go.id/skm",
            ] + Self.db)
        try skm.run(["publish", "add", "--year", "2025", "--medium", "media-sosial", "--date", "2026-01-21"] + Self.db)
        let publications = try skm.run(["publish", "list", "--json"] + Self.db).json.arrayValue ?? []
        #expect(publications.map { $0["medium"]?.stringValue ?? "" } == ["website", "media-sosial"])

        let summary = try skm.run(["rtl", "summary", "--year", "2025", "--json"] + Self.db).json.arrayValue?.first
        #expect(summary?["items"] == 2 && summary?["done"] == 2 && summary?["doneOnTime"] == 2 && summary?["shareDone"] == 100)
        #expect(summary?["mediaCount"] == 2)
        let text = try skm.run(["rtl", "summary"] + Self.db)
        #expect(text.stdout.contains("100,00 %") && text.stdout.contains("Situs web, Media sosial"))

        let report = try skm.run(["report", "--year", "2025", "--format", "md", "--out", "laporan-rtl"] + Self.db)
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOfFile: skm.directory + "/laporan-rtl/laporan-skm-2025.md", encoding: .utf8)
        #expect(markdown.contains("Rencana tindak lanjut (RTL) hasil survei tahun 2025"))
        #expect(markdown.contains("Selesai 4 Mei 2026"))
        #expect(markdown.contains("dipublikasikan melalui 2 media: situs web dan media sosial"))
    }

    @Test func badInputIsRefusedAndNothingStored() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let base = ["rtl", "add", "--year", "2025", "--program", "P", "--pj", "Kasi", "--date", "2026-01-05"]
        let cases: [([String], String)] = [
            (base + ["--unsur", "U12", "--target", "2026-06-30"], "unknown_unsur"),
            (base + ["--unsur", "U3", "--target", "2026-02-30"], "invalid_date"),
            (base + ["--unsur", "U3", "--target", "2026-01-01"], "date_order"),
            (base + ["--unsur", "U3", "--target", "2026-06-30", "--service", "NIKAH"], "unknown_service"),
            (["rtl", "done", "7", "--date", "2026-01-10", "--evidence", "x"], "rtl_not_found"),
            (["publish", "add", "--year", "2025", "--medium", "koran", "--date", "2026-01-20"], "invalid_medium"),
            (
                ["publish", "add", "--year", "2025", "--medium", "website", "--date", "2026-01-20", "--link", "kec.go.id"],
                "invalid_link"
            ),
            (["publish", "void", "1", "--reason", "x"], "publication_not_found"),
        ]
        for (arguments, code) in cases {
            let result = try skm.run(arguments + ["--json"] + Self.db)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.json["error"]?["code"]?.stringValue == code, "\(arguments): \(result.stdout)")
        }
        let missing = try skm.run(["rtl", "add", "--year", "2025", "--unsur", "U3"] + Self.db)
        #expect(missing.status == 2 && missing.stderr.contains("--program wajib diisi"))
        #expect(try skm.run(["rtl", "list", "--json"] + Self.db).json == [])
        #expect(try skm.run(["publish", "list", "--json"] + Self.db).json == [])
    }

    @Test func theProfileRTLIsImportedOnce() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let first = try skm.run(["rtl", "import", "skm-demo/skm-report.json", "--year", "2025"] + Self.db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "3 RTL diimpor (nomor 1, 2, 3).\n")
        let again = try skm.run(["rtl", "import", "skm-demo/skm-report.json", "--year", "2025", "--json"] + Self.db)
        #expect(again.json["added"] == [] && again.json["alreadyThere"] == 3)
        #expect(try skm.run(["rtl", "list", "--json"] + Self.db).json.arrayValue?.count == 3)
    }
}
