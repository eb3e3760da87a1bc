import Foundation
import SKMJSON
import Testing

/// `skm report`, `skm demo` and `report.generate` through the built binary.
@Suite struct ReportCLITests {
    /// Body rows of `<table id="tabel-ID">`, cell text with tags removed and entities decoded.
    static func rows(_ html: String, _ id: String) -> [[String]] {
        guard let start = html.range(of: "<table id=\"tabel-\(id)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst().filter { !$0.contains("<th") }
            .map { row in
                row.components(separatedBy: "<td").dropFirst().map { cell in
                    var text = ""
                    var inTag = true
                    for c in cell.components(separatedBy: "</td>")[0] {
                        if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
                    }
                    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&amp;", with: "&")
                }
            }
    }

    /// A JSON number as the report prints it ("88,31"): decimal comma, rounded half away from zero.
    static func shown(_ value: JSONValue?, _ decimals: Int) -> String {
        guard let v = value?.numberValue?.double else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((abs(v) * scale + 0.5 + 1e-7).rounded(.down))
        let whole = String(units / Int(scale))
        let fraction = String(units % Int(scale))
        return (v < 0 ? "-" : "") + whole + "," + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    @Test func demoWritesTheReportAndTheInfographicAndPrintsTheirPaths() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let demo = try skm.run(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        for path in [
            "skm-demo/laporan-2025/laporan-skm-2025.html", "skm-demo/laporan-2025/laporan-skm-2025.md",
            "skm-demo/laporan-2025/infografis-ikm-2025.svg",
        ] {
            #expect(demo.stdout.contains("  \(path)\n"), "\(path)")
            #expect(FileManager.default.fileExists(atPath: skm.directory + "/" + path), "\(path)")
        }
        #expect(demo.stdout.contains("tabel CSV di skm-demo/laporan-2025/tabel-csv/"))
        #expect(FileManager.default.fileExists(atPath: skm.directory + "/skm-demo/skm-report.json"))
        let html = try String(contentsOfFile: skm.directory + "/skm-demo/laporan-2025/laporan-skm-2025.html", encoding: .utf8)
        #expect(html.contains("Survei dilaksanakan oleh Tim SKM Kantor Camat Tomoni Timur (data contoh)."))
        #expect(Self.rows(html, "rtl").first?[3].hasPrefix("Menerapkan nomor antrean") == true)
    }

    @Test func theReportShowsTheNumbersOfIkmJSON() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let db = "skm-demo/skm.sqlite"
        let report = try skm.run(["report", "--db", db, "--year", "2025", "--format", "html,md", "--out", "hasil"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == "hasil/laporan-skm-2025.html\nhasil/laporan-skm-2025.md\n")
        let html = try String(contentsOfFile: skm.directory + "/hasil/laporan-skm-2025.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: skm.directory + "/hasil/laporan-skm-2025.md", encoding: .utf8)
        let json = try skm.run(["ikm", "--db", db, "--year", "2025", "--by", "service,quarter", "--json"]).json

        let unsur = Self.rows(html, "nrr-unsur")
        let expected = json["unsur"]?.arrayValue ?? []
        #expect(unsur.count == expected.count && unsur.count == 9)
        for (row, u) in zip(unsur, expected) {
            #expect(row[1] == "\(u["code"]?.stringValue ?? "") \(u["name"]?.stringValue ?? "")")
            #expect(row[4] == Self.shown(u["nrr"], 4), "\(row[1])")
            #expect(row[6] == Self.shown(u["ikm"], 2), "\(row[1])")
            #expect(row[7] == u["mutu"]?.stringValue, "\(row[1])")
            let mdRow =
                "| \(row[0]) | \(row[1]) | \(row[2]) | \(row[3]) | \(row[4]) | \(row[5]) | \(row[6]) | \(row[7]) | \(row[8]) |"
            #expect(markdown.contains(mdRow), "\(mdRow)")
        }
        let ikm = Self.shown(json["ikmDisplay"], 2)
        #expect(Self.rows(html, "ikm-unit").first { $0[0] == "IKM (indeks × 25)" }?[1] == ikm)
        #expect(
            html.contains(
                "tahun 2025 adalah <strong>\(ikm)</strong> dengan mutu pelayanan <strong>\(json["mutu"]?.stringValue ?? "")</strong>"
            ))
        #expect(markdown.contains("tahun 2025 adalah **\(ikm)** dengan mutu pelayanan **\(json["mutu"]?.stringValue ?? "")**"))

        let services = Self.rows(html, "ikm-layanan")
        let groups = json["breakdowns"]?["service"]?.arrayValue ?? []
        #expect(services.count == groups.count && groups.count == 5)
        for g in groups {
            // "KTP-KK — Pengantar KTP-el dan Kartu Keluarga (KEC-TT)" → the service name.
            let label = g["label"]?.stringValue ?? ""
            let name = label.components(separatedBy: " — ").dropFirst().joined(separator: " — ").replacingOccurrences(
                of: " (KEC-TT)", with: "")
            let row = services.first { $0[1] == name }
            #expect(row?[2] == String(g["respondents"]?.numberValue?.int ?? -1), "\(name)")
            #expect(row?[3] == Self.shown(g["ikm"], 2), "\(name)")
            #expect(row?[6] == Self.shown(g["ci95"]?["low"], 2), "\(name)")
            #expect(markdown.contains("| \(row?[0] ?? "") | \(name) | \(row?[2] ?? "") | \(row?[3] ?? "") |"), "\(name)")
        }
        let quarters = Self.rows(html, "ikm-triwulan")
        for (i, g) in (json["breakdowns"]?["quarter"]?.arrayValue ?? []).enumerated() {
            #expect(quarters[i][3] == Self.shown(g["ikm"], 2))
            #expect(quarters[i][2] == String(g["respondents"]?.numberValue?.int ?? -1))
        }
        #expect(quarters.count == 4)
    }

    @Test func hostileCommentsAreEscapedInTheReportAndNeutralisedInCSV() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "444444444", "--date", "2025-03-01", "--comment",
            "<script>alert(1)</script>",
        ])
        try skm.run([
            "submit", "--unit", "KEC", "--service", "KTP", "--answers", "333333333", "--date", "2025-03-02", "--comment",
            #"=HYPERLINK("http://contoh.invalid","klik")"#,
        ])
        let report = try skm.run(["report", "--year", "2025", "--separator", ";"])
        #expect(report.status == 0, "\(report.stderr)")
        let paths = report.stdout.split(separator: "\n").map(String.init)
        for path in paths where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let text = try String(contentsOfFile: skm.directory + "/" + path, encoding: .utf8)
            #expect(!text.contains("<script>"), "\(path)")
        }
        let html = try String(contentsOfFile: skm.directory + "/laporan-2025/laporan-skm-2025.html", encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let markdown = try String(contentsOfFile: skm.directory + "/laporan-2025/laporan-skm-2025.md", encoding: .utf8)
        #expect(markdown.contains(#"\<script\>alert(1)\</script\>"#))
        let saran = paths.first { $0.hasSuffix("-saran.csv") } ?? ""
        let csv = try String(contentsOfFile: skm.directory + "/" + saran, encoding: .utf8)
        #expect(csv.contains(#"2;"'=HYPERLINK(""http://contoh.invalid"",""klik"")";1;KTP-el;2 Maret 2025"#))
        #expect(!csv.contains(";=HYPERLINK") && !csv.contains(";\"=HYPERLINK"))
    }

    @Test func edgeCasesGiveClearMessages() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let noDatabase = try skm.run(["report", "--year", "2025"])
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.contains("belum ada"))
        try skm.registry()
        let empty = try skm.run(["report", "--year", "2025", "--format", "html"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stderr.contains("Catatan: Belum ada responden tahun 2025"))
        #expect(empty.stderr.contains("skm-report.json") && empty.stderr.contains("tidak ditemukan"))
        let html = try String(contentsOfFile: skm.directory + "/laporan-2025/laporan-skm-2025.html", encoding: .utf8)
        #expect(html.contains("Tidak ada data: belum ada responden tahun 2025"))
        #expect(!html.contains("NaN"))
        let noYear = try skm.run(["report"])
        #expect(noYear.status == 2)
        #expect(noYear.stderr.contains("--year"))
        #expect(try skm.run(["report", "--year", "2025", "--separator", "|"]).status == 2)
        let badFormat = try skm.run(["report", "--year", "2025", "--format", "pdf"])
        #expect(badFormat.status == 1)
        #expect(badFormat.stderr.contains("Format laporan \"pdf\" tidak dikenal"))
        let badUnit = try skm.run(["report", "--year", "2025", "--unit", "XYZ"])
        #expect(badUnit.status == 1)
        #expect(badUnit.stderr.contains("XYZ"))
        let badProfile = try skm.run([
            "report", "--year", "2025", "--profile",
            try skm.write("p.json", #"{"rtl":[{"unsur":"U3","program":"A","waktu":["TW 5"]}]}"#),
        ])
        #expect(badProfile.status == 1)
        #expect(badProfile.stderr.contains("rtl[0].waktu[0] harus triwulan"))
    }

    @Test func reportGenerateOverRPC() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.registry()
        try skm.run(["submit", "--unit", "KEC", "--service", "KTP", "--answers", "434343434", "--date", "2025-06-01"])
        let line =
            #"{"jsonrpc":"2.0","method":"report.generate","params":{"year":2025,"formats":"svg","profile":{"office":{"name":"Kecamatan Uji"}}},"id":1}"#
        let answer = try skm.run(["rpc"], input: line + "\n").json
        let files = answer["result"]?["files"]?.arrayValue ?? []
        #expect(files.count == 1)
        #expect(files.first?["format"] == "svg")
        let path = files.first?["path"]?.stringValue ?? ""
        #expect(path.hasSuffix("/laporan-2025/infografis-ikm-2025.svg"))
        #expect(FileManager.default.fileExists(atPath: path.hasPrefix("/") ? path : skm.directory + "/" + path))
        #expect(answer["result"]?["respondents"] == 1)
        #expect(answer["result"]?["notes"]?.arrayValue?.isEmpty == false)
    }
}
