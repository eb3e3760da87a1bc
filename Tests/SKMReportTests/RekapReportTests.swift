import Foundation
import SKMCore
import SKMReport
import SKMService
import SKMTestSupport
import Testing

/// The printable rekap (`skm report --rekap`): what it shows and the files it writes.
@Suite struct RekapReportTests {
    /// KAB over DINKES (PKM-A: 17 × all 4; PKM-B: no data, population 100) and KEC-X (8 × all 3),
    /// with DINKES answering 2024 too (IKM 75) for the trend.
    func kabupaten() throws -> TestWorkspace {
        let w = try TestWorkspace(name: "rekap-report")
        let s = w.service
        _ = try s.addUnit(code: "KAB", name: "Kabupaten Uji")
        _ = try s.addUnit(code: "DINKES", name: "Dinas Kesehatan", parent: "KAB")
        _ = try s.addUnit(code: "PKM-A", name: "Puskesmas A", parent: "DINKES")
        _ = try s.addUnit(code: "PKM-B", name: "Puskesmas B", parent: "DINKES", population: 100)
        _ = try s.addUnit(code: "KEC-X", name: "Kecamatan X <Timur>", parent: "KAB")
        for unit in ["PKM-A", "PKM-B", "KEC-X"] { _ = try s.addService(unit: unit, code: "LYN", name: "Layanan") }
        func answer(_ unit: String, _ value: Int, _ count: Int, _ date: String) throws {
            _ = try s.submitMany(
                (0..<count).map { _ in
                    ResponseDraft(
                        unit: unit, service: "LYN", date: date,
                        answers: .byQuestion(AnswerText.parse(String(repeating: String(value), count: 9))))
                })
        }
        try answer("PKM-A", 4, 17, "2025-02-02")
        try answer("KEC-X", 3, 8, "2025-03-03")
        try answer("PKM-A", 3, 4, "2024-03-03")
        return w
    }

    @Test func theReportShowsMethodUnitsHeatMapRankingCoverageAndTrend() throws {
        let w = try kabupaten()
        let report = try w.service.generateRekapReport(
            RekapReportRequest(rekap: RekapRequest(year: 2025, parent: "KAB", earlierYears: 4)))
        let dir = w.directory + "/rekap-2025-KAB"
        #expect(report.directory == dir)
        #expect(report.result.ikmDisplayed == 92)
        let html = try String(contentsOfFile: dir + "/rekap-ikm-2025-KAB.html", encoding: .utf8)
        #expect(html.contains("gabungan semua jawaban (pooled)"))
        #expect(html.contains("rata-rata IKM unit tanpa bobot (mean-of-units) memberi IKM 87,50"))
        #expect(html.contains("Kecamatan X &lt;Timur&gt;"))
        #expect(!html.contains("<Timur>"))
        // Ranking chart: DINKES (100) above KEC-X (75).
        let ranking = try #require(html.range(of: "Peringkat IKM unit tahun 2025"))
        let afterRanking = html[ranking.upperBound...]
        let first = try #require(afterRanking.range(of: "1. Dinas Kesehatan"))
        let second = try #require(afterRanking.range(of: "2. Kecamatan X"))
        #expect(first.lowerBound < second.lowerBound)
        // Heat map: DINKES's cells in the A colour with NRR 4,00, KEC-X's (75: C) in the C colour with 3,00.
        #expect(html.contains("Matriks NRR unit × unsur tahun 2025"))
        #expect(html.contains("fill=\"#1b7f3b\" stroke=\"#d5dbe1\"/><text") && html.contains(">4,00</text>"))
        #expect(html.contains("fill=\"#c98400\" stroke=\"#d5dbe1\"/><text") && html.contains(">3,00</text>"))
        // The heat map's legend speaks of cells (it said "Warna batang", bars); the ranking chart's of bars.
        let heatTitle = try #require(html.range(of: "Matriks NRR unit × unsur tahun 2025"))
        let heatEnd = try #require(html[heatTitle.upperBound...].range(of: "</svg>"))
        let heatMap = html[heatTitle.upperBound..<heatEnd.lowerBound]
        #expect(heatMap.contains("Warna sel:") && !heatMap.contains("Warna batang"))
        let rankingEnd = try #require(afterRanking.range(of: "</svg>"))
        #expect(afterRanking[..<rankingEnd.lowerBound].contains("Warna batang:"))
        // Coverage: nothing missing at this level; at DINKES's level PKM-B has no data.
        #expect(html.contains("tidak ada unit dengan sampel kurang"))
        // Trend: DINKES had 75,00 in 2024.
        #expect(html.contains("<th class=\"r\">2024</th>") || html.contains(">2024</th>"))
        #expect(html.contains("75,00"))
        let csv = report.files.filter { $0.format == .csv }.map(\.path)
        #expect(csv.contains(dir + "/tabel-csv/rekap-ikm-2025-KAB-01-rekap-unit.csv"))
        let units = try String(contentsOfFile: dir + "/tabel-csv/rekap-ikm-2025-KAB-01-rekap-unit.csv", encoding: .utf8)
        #expect(units.contains("DINKES,Dinas Kesehatan,3,17,100.00,A"))
        #expect(units.contains("REKAP,IKM gabungan (gabungan semua jawaban (pooled)),"))
        #expect(units.contains(",92.00,A"))

        let dinkes = try w.service.generateRekapReport(
            RekapReportRequest(rekap: RekapRequest(year: 2025, parent: "DINKES", method: .meanOfUnits), formats: [.markdown]))
        #expect(dinkes.notes == ["Unit tanpa data atau dengan sampel kurang: PKM-B (tanpa data)."])
        let md = try String(contentsOfFile: dinkes.files[0].path, encoding: .utf8)
        #expect(md.contains("Perlu tindak lanjut"))
        #expect(md.contains("Puskesmas B (PKM-B, tanpa data)"))
        #expect(md.contains("rata-rata IKM unit tanpa bobot (mean-of-units)"))
    }

    @Test func theInfographicIsRefusedAndALinkIsNeverFollowed() throws {
        let w = try kabupaten()
        let error = skmError {
            _ = try w.service.generateRekapReport(RekapReportRequest(rekap: RekapRequest(year: 2025), formats: [.infographic]))
        }
        #expect(error?.code == .invalidFilter)
        #expect(!FileManager.default.fileExists(atPath: w.directory + "/rekap-2025"))
        let dir = w.directory + "/keluar"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "milik orang lain".write(toFile: dir + "/lain.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/rekap-ikm-2025.html", withDestinationPath: dir + "/lain.txt")
        let refused = skmError {
            _ = try w.service.generateRekapReport(
                RekapReportRequest(rekap: RekapRequest(year: 2025), formats: [.html], outputDirectory: dir))
        }
        #expect(refused?.code == .fileError)
        #expect(try String(contentsOfFile: dir + "/lain.txt", encoding: .utf8) == "milik orang lain")
        // `all` means the formats a rekap has.
        let all = try w.service.generateRekapReport(
            RekapReportRequest(rekap: RekapRequest(year: 2025), formats: ReportFormat.allCases))
        #expect(Set(all.files.map(\.format)) == [.html, .markdown, .csv, .docx])
        let docx = try #require(all.files.first { $0.format == .docx })
        #expect(FileManager.default.contents(atPath: docx.path)?.prefix(2) == Data("PK".utf8))
    }
}
