import Foundation
import SKMCore
import SKMReport
import SKMService
import SKMTestSupport
import Testing

/// The files `generateReport` writes: where, which, and what makes them print and travel well.
@Suite struct ReportFilesTests {
    @Test func everyFormatIsWrittenBesideTheDatabaseByDefault() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let report = try f.service.generateReport(ReportRequest(year: 2025))
        let dir = f.directory + "/laporan-2025"
        #expect(report.directory == dir)
        #expect(report.files.filter { $0.format == .html }.map(\.path) == [dir + "/laporan-skm-2025.html"])
        #expect(report.files.filter { $0.format == .markdown }.map(\.path) == [dir + "/laporan-skm-2025.md"])
        #expect(report.files.filter { $0.format == .infographic }.map(\.path) == [dir + "/infografis-ikm-2025.svg"])
        let csv = report.files.filter { $0.format == .csv }.map(\.path)
        #expect(csv.count == ReportContent.document(try f.data(ReportRequest(year: 2025))).tables.count)
        #expect(csv.contains(dir + "/tabel-csv/laporan-skm-2025-07-nrr-unsur.csv"))
        for file in report.files {
            #expect(FileManager.default.fileExists(atPath: file.path))
            #expect(!FileManager.default.fileExists(atPath: file.path + ".tmp"))
        }
        let unit = try f.service.generateReport(
            ReportRequest(year: 2025, unit: "kec", formats: [.markdown], outputDirectory: f.directory + "/a/b"))
        #expect(unit.files.map(\.path) == [f.directory + "/a/b/laporan-skm-2025-KEC.md"])
        #expect(unit.unit == "KEC")
    }

    @Test func theHTMLIsSelfContainedAndPrintsOnA4() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let html = try f.html(ReportRequest(year: 2025))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        #expect(
            html.contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\""))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains(".bab, .daftar-isi { break-before: page; page-break-before: always; }"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr, img, svg, figure, .ttd, .catatan-penting, .sorotan { break-inside: avoid;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url("))
        #expect(!html.contains("<link") && !html.contains("@import"))
        for (open, close) in [
            ("<table", "</table>"), ("<svg", "</svg>"), ("<section", "</section>"), ("<figure", "</figure>"), ("<tr>", "</tr>"),
        ] {
            #expect(html.components(separatedBy: open).count == html.components(separatedBy: close).count, "\(open)")
        }
        for chapter in [
            "BAB I PENDAHULUAN", "BAB II PENGUMPULAN DATA", "BAB III HASIL SURVEI", "BAB IV ANALISIS DAN RENCANA TINDAK LANJUT",
            "BAB V PENUTUP", "LAMPIRAN",
        ] {
            #expect(html.contains("<h1>\(chapter)</h1>"), "\(chapter)")
        }
        for section in [
            "1.1 Latar Belakang", "1.2 Dasar Hukum", "1.3 Maksud dan Tujuan", "2.1 Pelaksana", "2.2 Metode",
            "2.4 Penentuan Jumlah Responden", "3.1 Profil Responden", "4.1 Unsur Prioritas Perbaikan dan Rencana Tindak Lanjut",
            "4.2 Unsur Terkuat", "4.3 Perbandingan dengan Tahun Sebelumnya", "4.4 Perbandingan dengan Target Kinerja (IKU)",
            "4.5 Saran dan Masukan Responden", "Lampiran A. Kuesioner", "Lampiran B. Tabel Olah Data",
            "Lampiran C. Catatan Metode",
        ] {
            #expect(html.contains(">\(section)</h2>"), "\(section)")
        }
        // The band lines are read from the questionnaire's table.
        #expect(html.contains(">A ≥ 88,31</text>") && html.contains(">B ≥ 76,61</text>") && html.contains(">C ≥ 65,00</text>"))
        #expect(html.contains("id=\"infografis\" class=\"halaman\""))
    }

    @Test func csvTablesUseTheSeparatorAndDecimalConvention() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let ikm = try f.service.computeIKM(IKMRequest(filter: SurveyFilter(year: 2025))).result
        let u1 = ikm.unsur[0]
        for (separator, decimal) in [(Character(","), "."), (Character(";"), ",")] {
            let report = try f.service.generateReport(
                ReportRequest(year: 2025, formats: [.csv], outputDirectory: f.directory + "/csv-\(decimal)", separator: separator)
            )
            let path = report.files.first { $0.path.hasSuffix("-nrr-unsur.csv") }?.path ?? ""
            let text = try f.read(path)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.count == 11)
            let s = String(separator)
            let nrr = IndonesianNumber.format(u1.nrr ?? 0, decimals: 4).replacingOccurrences(of: ",", with: decimal)
            let converted = IndonesianNumber.format(u1.converted ?? 0, decimals: 2).replacingOccurrences(of: ",", with: decimal)
            #expect(lines[1].hasPrefix("1\(s)U1 Persyaratan\(s)\(u1.answered)\(s)\(u1.sum)\(s)\(nrr)\(s)"))
            #expect(lines[1].contains("\(s)\(converted)\(s)\(u1.band?.mutu ?? "")\(s)"))
        }
        #expect(skmError { _ = try f.service.generateReport(ReportRequest(year: 2025, separator: "|")) }?.code == .usage)
    }

    @Test func badRequestsAreRefusedBeforeAnythingIsWritten() throws {
        let f = try ReportFixture()
        #expect(skmError { _ = try f.service.generateReport(ReportRequest(year: 2025, unit: "TIDAK-ADA")) }?.code == .unknownUnit)
        #expect(skmError { _ = try f.service.generateReport(ReportRequest(year: 1999)) }?.code == .invalidFilter)
        #expect(skmError { _ = try ReportFormat.parse(["pdf"], field: "format") }?.code == .invalidFilter)
        #expect(try ReportFormat.parse(["md", "all"], field: "format") == [.markdown, .html, .csv, .infographic, .docx])
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/laporan-2025"))
        let missing = SKMService(databasePath: f.directory + "/tidak-ada.sqlite")
        #expect(skmError { _ = try missing.generateReport(ReportRequest(year: 2025)) }?.message.contains("belum ada") == true)
    }
}
