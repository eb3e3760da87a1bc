import Foundation
import SKMJSON
import Testing

/// Two offices in one database, with different IKM: a report for one unit and `skm iku evaluate`
/// give that unit's IKM, a report never puts one office's name above another unit's data, and a
/// report over both says it is their combined result.
@Suite struct UnitScopeTests {
    /// Units TIMUR (every answer 4: IKM 100) and BARAT (every answer 2: IKM 50), three forms each, in 2025.
    func twoUnits() throws -> SKMProcess {
        let skm = SKMProcess()
        try skm.run(["init"])
        try skm.run(["unit", "add", "TIMUR", "Kantor Camat Timur"])
        try skm.run(["unit", "add", "BARAT", "Kantor Camat Barat"])
        try skm.run(["service", "add", "TIMUR", "KTP", "Pengantar KTP Timur"])
        try skm.run(["service", "add", "BARAT", "NIKAH", "Surat Nikah Barat"])
        for day in ["2025-03-03", "2025-03-04", "2025-03-05"] {
            let a = try skm.run(["submit", "--unit", "TIMUR", "--service", "KTP", "--answers", "444444444", "--date", day])
            #expect(a.status == 0, "\(a.stderr)")
            let b = try skm.run(["submit", "--unit", "BARAT", "--service", "NIKAH", "--answers", "222222222", "--date", day])
            #expect(b.status == 0, "\(b.stderr)")
        }
        let plan = try skm.write(
            "rencana-2025.json",
            #"""
            {"id": "rencana-2025", "organisation": "Kecamatan Timur", "period": {"from": 2025, "to": 2026},
             "indicators": [
               {"code": "IKU-1", "name": "Nilai IKM Kantor Camat Timur", "targets": {"2025": 80},
                "realisasi": {"source": "skm", "unit": "TIMUR"}},
               {"code": "IKU-2", "name": "Nilai IKM tanpa unit", "targets": {"2025": 80}, "realisasi": {"source": "skm"}}
             ]}
            """#)
        let load = try skm.run(["iku", "load", plan])
        #expect(load.status == 0, "\(load.stderr)")
        return skm
    }

    func markdown(_ skm: SKMProcess, _ folder: String) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: skm.directory + "/" + folder).filter {
            $0.hasSuffix(".md")
        }
        let name = try #require(files.first)
        return try String(contentsOfFile: skm.directory + "/" + folder + "/" + name, encoding: .utf8)
    }

    @Test func ikuEvaluateAndTheUnitReportGiveTheSameIKM() throws {
        let skm = try twoUnits()
        defer { skm.cleanUp() }
        let ikm = try skm.run(["ikm", "--year", "2025", "--unit", "TIMUR", "--json"]).json["ikmDisplay"]
        #expect(ikm == 100)
        let evaluation = try skm.run(["iku", "evaluate", "rencana-2025", "--year", "2025", "--json"]).json
        let lines = evaluation["indicators"]?.arrayValue ?? []
        #expect(lines.first?["realisasi"] == ikm, "\(evaluation)")
        // No unit named while the database has two: no pooled IKM of 75 that belongs to no office.
        #expect(lines.last?["realisasi"] == .null)
        #expect(lines.last?["reason"]?.stringValue?.contains("tidak menyebut unit") == true, "\(evaluation)")
        #expect(lines.last?["reason"]?.stringValue?.contains("BARAT, TIMUR") == true)

        let report = try skm.run(["report", "--year", "2025", "--unit", "TIMUR", "--format", "md", "--out", "timur"])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try markdown(skm, "timur")
        #expect(md.contains("| Kecamatan Timur | IKU-1 Nilai IKM Kantor Camat Timur | 80,00 | 100,00 |"), "\(md)")
        #expect(!md.contains("IKU-2"))
        #expect(!md.contains("Barat"), "another unit's services or name in the Timur report")
        #expect(report.stderr.contains("IKU rencana-2025/IKU-2 tidak disajikan"), "\(report.stderr)")

        let barat = try skm.run(["report", "--year", "2025", "--unit", "BARAT", "--format", "md", "--out", "barat"])
        #expect(barat.status == 0, "\(barat.stderr)")
        let baratMD = try markdown(skm, "barat")
        #expect(!baratMD.contains("IKU-1"), "Timur's target compared with Barat's IKM")
        #expect(!baratMD.contains("Timur"))
        #expect(baratMD.contains("Tidak ada target Indikator Kinerja Utama (IKU) berbasis IKM tahun 2025"))
        #expect(!baratMD.contains("skm iku"))
    }

    @Test func aReportOverBothUnitsSaysItIsCombined() throws {
        let skm = try twoUnits()
        defer { skm.cleanUp() }
        let report = try skm.run(["report", "--year", "2025", "--format", "md,html", "--out", "semua"])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try markdown(skm, "semua")
        #expect(md.contains("GABUNGAN 2 UNIT LAYANAN"))
        #expect(md.contains("hasil gabungan 2 unit layanan: Kantor Camat Barat (BARAT) dan Kantor Camat Timur (TIMUR)"), "\(md)")
        #expect(md.contains("IKM gabungan 2 unit layanan tahun 2025 adalah **75,00**"), "\(md)")
        // Neither unit's IKU target is compared with the pooled IKM.
        #expect(!md.contains("IKU-1 Nilai IKM"))
    }

    @Test func anOfficeProfileIsUsedOnlyForTheUnitsItNames() throws {
        let skm = try twoUnits()
        defer { skm.cleanUp() }
        // An older profile without "unit": in a database with two units it could be either office's.
        _ = try skm.write(
            "skm-report.json", #"{"office": {"name": "Kantor Camat Timur", "head": "Budi", "nip": "198001012005011001"}}"#)
        let unnamed = try skm.run(["report", "--year", "2025", "--format", "md", "--out", "a"])
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr.contains("tidak menyebut unitnya"), "\(unnamed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: skm.directory + "/a/laporan-skm-2025.md"))

        _ = try skm.write("skm-report.json", #"{"office": {"unit": "TIMUR", "name": "Kantor Camat Timur", "head": "Budi"}}"#)
        let wrongUnit = try skm.run(["report", "--year", "2025", "--unit", "BARAT", "--format", "md", "--out", "b"])
        #expect(wrongUnit.status == 1)
        #expect(
            wrongUnit.stderr.contains("untuk unit TIMUR") && wrongUnit.stderr.contains("mencakup unit BARAT"),
            "\(wrongUnit.stderr)")
        let combined = try skm.run(["report", "--year", "2025", "--format", "md", "--out", "c"])
        #expect(combined.status == 1, "Timur's name above both units' respondents")

        let right = try skm.run(["report", "--year", "2025", "--unit", "timur", "--format", "md", "--out", "d"])
        #expect(right.status == 0, "\(right.stderr)")
        let md = try markdown(skm, "d")
        #expect(md.contains("KANTOR CAMAT TIMUR") && md.contains("Budi"))
        #expect(!md.contains("gabungan"))
    }
}
