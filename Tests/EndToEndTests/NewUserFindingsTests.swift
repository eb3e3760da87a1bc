import Foundation
import SKMJSON
import Testing

/// Defects a new user hit in the walkthrough of the report, RTL register, publication log,
/// visits and `skm serve`, through the built binary.
@Suite struct NewUserFindingsTests {
    static let demo = ["--db", "skm-demo/skm.sqlite"]

    /// The profile's RTL (U3, U9, U8 of the SKM form) belongs to the SKM report: the IPAK report of
    /// the same year is written without it, and an entry naming `ipak-90-2021` appears there only.
    @Test func theIPAKReportOfTheDemoLeavesTheSKMsRTLOut() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        #expect(try skm.run(["demo"]).status == 0)
        let ipak = try skm.run(["report", "--year", "2025", "--questionnaire", "ipak-90-2021", "--out", "ipak"] + Self.demo)
        #expect(ipak.status == 0, "\(ipak.stderr)")
        let ipakText = try String(contentsOfFile: skm.directory + "/ipak/laporan-skm-2025.md", encoding: .utf8)
        #expect(!ipakText.contains("nomor antrean"), "the SKM's RTL entry is not the IPAK's")
        let own = try skm.run(["report", "--year", "2025", "--out", "skm"] + Self.demo)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/skm/laporan-skm-2025.md", encoding: .utf8).contains("nomor antrean"))

        // An entry that names the IPAK appears in the IPAK report only.
        let path = skm.directory + "/skm-demo/skm-report.json"
        var profile = try String(contentsOfFile: path, encoding: .utf8)
        profile = profile.replacingOccurrences(
            of: #""rtl": ["#,
            with: #""rtl": [{"unsur": "U5", "program": "Sosialisasi larangan gratifikasi", "questionnaire": "ipak-90-2021"},"#)
        try profile.write(toFile: path, atomically: true, encoding: .utf8)
        func report(_ out: String, _ extra: [String] = []) throws -> String {
            let run = try skm.run(["report", "--year", "2025", "--out", out] + extra + Self.demo)
            #expect(run.status == 0, "\(out): \(run.stderr)")
            return try String(contentsOfFile: skm.directory + "/\(out)/laporan-skm-2025.md", encoding: .utf8)
        }
        let ipak2 = try report("ipak2", ["--questionnaire", "ipak-90-2021"])
        #expect(ipak2.contains("Sosialisasi larangan gratifikasi") && !ipak2.contains("nomor antrean"))
        let skm2 = try report("skm2")
        #expect(skm2.contains("nomor antrean") && !skm2.contains("Sosialisasi larangan gratifikasi"))

        // So does a register item filed under the IPAK (the register's items replace the profile's list).
        let item = try skm.run(
            [
                "rtl", "add", "--year", "2025", "--unsur", "U2", "--program", "Papan maklumat antikorupsi", "--pj", "Sekcam",
                "--target", "2026-06-30", "--date", "2026-01-05", "--questionnaire", "ipak-90-2021",
            ] + Self.demo)
        #expect(item.status == 0, "\(item.stderr)")
        #expect(try report("ipak3", ["--questionnaire", "ipak-90-2021"]).contains("Papan maklumat antikorupsi"))
        #expect(!(try report("skm3")).contains("Papan maklumat antikorupsi"))

        // An unsur its own questionnaire lacks is still an error, whichever report is asked for.
        try profile.replacingOccurrences(of: #""unsur": "U5""#, with: #""unsur": "U7""#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        for extra in [[], ["--questionnaire", "ipak-90-2021"]] {
            let bad = try skm.run(["report", "--year", "2025", "--out", "rusak"] + extra + Self.demo)
            #expect(bad.status == 1, "\(extra): \(bad.stderr)")
            #expect(bad.stderr.contains(#"rtl[0].unsur "U7" tidak ada di kuesioner ipak-90-2021"#), "\(extra): \(bad.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: skm.directory + "/rusak"))
    }

    @Test func correctingTheDateOfAnItemNotDoneSaysItIsNotDone() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "333333333", "--date", "2025-03-01"])
        try skm.run([
            "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", "Antrean", "--pj", "Seksi", "--target", "2026-06-30",
            "--date", "2026-01-05",
        ])
        let corrected = try skm.run(["rtl", "correct", "1", "--date", "2026-02-01", "--reason", "salah", "--json"])
        #expect(corrected.status == 1)
        #expect(corrected.stderr.contains("RTL 1 belum selesai"), "\(corrected.stderr)")
        #expect(corrected.stderr.contains("skm rtl done 1 --date 2026-02-01 --evidence"))
        #expect(!corrected.stderr.contains("perlu bukti"))
        #expect(corrected.json["error"]?["field"] == "evidence")
        #expect(try skm.run(["rtl", "show", "1", "--json"]).json.arrayValue?.count == 1, "nothing stored")
    }

    @Test func theSamePublicationTwiceIsRecognised() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let entry = [
            "publish", "add", "--year", "2025", "--medium", "website", "--date", "2026-01-20", "--link", "https://kec.go.id/skm",
        ]
        #expect(try skm.run(entry).stdout.contains("Publikasi 1 dicatat"))
        let again = try skm.run(entry)
        #expect(again.status == 0)
        #expect(again.stdout.contains("sudah dicatat sebagai nomor 1"), "\(again.stdout)")
        let json = try skm.run(entry + ["--json"]).json
        #expect(json["number"] == 1 && json["alreadyRecorded"] == true)
        #expect(try skm.run(["publish", "list", "--json"]).json.arrayValue?.count == 1, "stored once")
        // A different link, note or date is another entry.
        let other = try skm.run(entry.dropLast() + ["https://kec.go.id/skm-2025", "--json"])
        #expect(other.json["number"] == 2 && other.json["alreadyRecorded"] == false)
        #expect(try skm.run(entry + ["--note", "Halaman utama", "--json"]).json["number"] == 3)
        // Voided, the entry no longer counts: logging it again stores it anew.
        try skm.run(["publish", "void", "1", "--reason", "salah"])
        #expect(try skm.run(entry + ["--json"]).json["number"] == 4)
        // Over JSON-RPC the same rule, from the same service.
        let rpc = try skm.run(
            ["rpc"],
            input:
                #"{"jsonrpc":"2.0","method":"publish.add","params":{"year":2025,"medium":"website","date":"2026-01-20","link":"https://kec.go.id/skm"},"id":1}"#
                + "\n")
        let answer = try JSONParser().parse(rpc.stdout.split(separator: "\n").first.map(String.init) ?? "")
        #expect(answer["result"]?["number"] == 4 && answer["result"]?["alreadyRecorded"] == true, "\(rpc.stdout)")
    }

    @Test func aFileOfVisitsImportedAgainSaysTheRowsWereRecognisedByContent() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let columns = (1...9).map { "skm.U\($0)" } + (1...9).map { "ipkp.U\($0)" } + (1...5).map { "ipak.U\($0)" }
        let header = (["Tanggal", "Unit", "Layanan", "clientId"] + columns).joined(separator: ";")
        let answers = Array(repeating: "4", count: 23).joined(separator: ";")
        let rows = ["01/04/2025;KEC;KTP;;" + answers, "02/04/2025;KEC;KTP;tablet-7;" + answers]
        let path = try skm.write("kunjungan.csv", ([header] + rows).joined(separator: "\n") + "\n")
        #expect(try skm.run(["import", path, "--json"]).json["visits"] == 2)
        let again = try skm.run(["import", path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("1 sudah ada (client id atau ID global sama)"), "\(again.stdout)")
        #expect(again.stdout.contains("1 baris dilewati: isinya sama persis"), "\(again.stdout)")
        let json = try skm.run(["import", path, "--json"]).json
        #expect(json["stored"] == 0 && json["duplicates"] == 1 && json["skipped"] == 1, "\(json)")
    }

    @Test func showCommandsPrintTimesAsTheRestOfTheCLIDoes() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        let visit = try skm.run(
            ["rpc"],
            input:
                #"{"jsonrpc":"2.0","method":"visit.submit","params":{"unit":"KEC","service":"KTP","date":"2025-03-01","answers":{"skm":[4,4,4,4,4,4,4,4,4],"ipkp":[3,3,3,3,3,3,3,3,3],"ipak":[4,4,4,4,4]}},"id":1}"#
                + "\n")
        #expect(visit.stdout.contains("\"result\""), "\(visit.stdout)")
        try skm.run(["visit", "void", "1", "--reason", "uji"])
        try skm.run([
            "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", "Antrean", "--pj", "Seksi", "--target", "2026-06-30",
            "--date", "2026-01-05",
        ])
        let time = #/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/#
        let raw = #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/#
        for command in [["visit", "show", "1"], ["rtl", "show", "1"], ["response", "show", "1"]] {
            let shown = try skm.run(command)
            #expect(shown.status == 0, "\(command): \(shown.stderr)")
            #expect(shown.stdout.contains(time), "\(command): \(shown.stdout)")
            #expect(!shown.stdout.contains(raw), "\(command): \(shown.stdout)")
        }
    }

    @Test func serveOnADatabaseWithoutServicesSaysWhatToAdd() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["init"])
        // Stopped after 20 s: a server that starts anyway (the defect) must fail the test, not hang it.
        func serve() throws -> (status: Int32, text: String) {
            try PythonClientTests.run(
                SKMProcess.binary, ["serve", "--listen", "127.0.0.1:0", "--db", skm.database],
                in: URL(fileURLWithPath: skm.directory), environment: [:], limit: 20)
        }
        let empty = try serve()
        #expect(empty.status == 1, "\(empty.text)")
        #expect(empty.text.contains("Belum ada unit terdaftar"), "\(empty.text)")
        #expect(empty.text.contains("skm unit add") && empty.text.contains("skm service add"), "\(empty.text)")
        #expect(!empty.text.contains("berjalan"), "the server did not start")
        try skm.run(["unit", "add", "KEC", "Kecamatan"])
        let noServices = try serve()
        #expect(noServices.status == 1, "\(noServices.text)")
        #expect(noServices.text.contains("Unit KEC belum punya layanan") && noServices.text.contains("skm service add KEC"))
        #expect(try skm.run(["service", "list", "--json"]).json == [], "nothing stored")
    }

    /// A kabupaten whose survey data comes only from an aggregate package: the survey period
    /// ends on the package's last day, as at the office, not on 31 December.
    @Test func rtlSpeedCountsFromTheLastDayOfPackageData() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let office = skm.directory + "/kantor.sqlite"
        let kabupaten = skm.directory + "/kabupaten.sqlite"
        try skm.run(["init", "--db", office])
        try skm.run(["unit", "add", "KEC", "Kecamatan", "--db", office])
        try skm.run(["service", "add", "KEC", "KTP", "KTP", "--db", office])
        for date in ["2025-03-01", "2025-06-30"] {
            try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "333333333", "--date", date, "--db", office])
        }
        let export = try skm.run(["export", "--aggregates", "--year", "2025", "--out", "paket.json", "--db", office])
        #expect(export.status == 0, "\(export.stderr)")
        try skm.run(["init", "--db", kabupaten])
        let imported = try skm.run(["import", skm.directory + "/paket.json", "--db", kabupaten])
        #expect(imported.status == 0, "\(imported.stderr)")
        var summaries: [JSONValue] = []
        for db in [office, kabupaten] {
            let add = try skm.run([
                "rtl", "add", "--year", "2025", "--unsur", "U3", "--program", "Antrean", "--pj", "Seksi", "--target",
                "2025-08-31", "--date", "2025-07-01", "--db", db,
            ])
            #expect(add.status == 0, "\(add.stderr)")
            try skm.run(["rtl", "done", "1", "--date", "2025-07-10", "--evidence", "Foto", "--db", db])
            summaries.append(
                try skm.run(["rtl", "summary", "--year", "2025", "--json", "--db", db]).json.arrayValue?.first ?? .null)
        }
        #expect(summaries[0]["periodEnd"] == "2025-06-30" && summaries[0]["meanDays"] == 10, "\(summaries[0])")
        #expect(summaries[1]["periodEnd"] == "2025-06-30", "\(summaries[1])")
        #expect(summaries[1]["meanDays"] == summaries[0]["meanDays"] && summaries[1]["maxDays"] == summaries[0]["maxDays"])
    }
}
