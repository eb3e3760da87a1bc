import Foundation
import SKMCore
import SKMJSON
import SKMReport
import SKMService
import SKMTestSupport
import Testing

/// The office profile: found beside the database, shown where it belongs, marked where missing,
/// and refused with a clear message when it is wrong.
@Suite struct ReportProfileTests {
    static let profile = """
        {
          "office": {"name": "Kantor Camat Uji", "address": "Jl. Poros No. 1", "head": "Drs. Budi Santoso",
                     "nip": "19700101 199503 1 001", "position": "Camat Uji", "city": "Uji", "logo": "logo.png"},
          "pelaksana": "Tim SKM Kecamatan Uji",
          "population": 500,
          "rtl": [
            {"unsur": "u3", "program": "Nomor antrean", "waktu": ["TW I", "Triwulan 3"], "penanggungJawab": "Seksi Pelayanan"},
            {"unsur": "U4", "program": "Papan informasi biaya", "waktu": 2}
          ]
        }
        """

    /// The smallest valid PNG (1 × 1 pixel).
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0,
        0,
        0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D,
        0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    @Test func aMissingProfileIsMarkedNotInvented() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let (data, notes) = try f.service.annualReportData(ReportRequest(year: 2025))
        #expect(data.office.isMissing)
        #expect(data.office.name == "Kecamatan Uji")
        #expect(notes.contains { $0.contains("skm-report.json") && $0.contains("tidak ditemukan") })
        let html = HTMLReport.render(ReportContent.document(data))
        for placeholder in [
            "[Alamat kantor belum diisi — lengkapi skm-report.json]",
            "[Nama kepala kantor belum diisi — lengkapi skm-report.json]",
            "[NIP belum diisi — lengkapi skm-report.json]", "[Pelaksana survei belum diisi",
            "[Jumlah penerima layanan (populasi) belum diisi", "[Program/kegiatan belum diisi",
        ] {
            #expect(html.contains("<mark class=\"isian\">" + Escape.html(placeholder)), "\(placeholder)")
        }
        #expect(html.contains("Profil kantor belum diisi."))
        let markdown = MarkdownReport.render(ReportContent.document(data))
        #expect(markdown.contains(#"**\[Nama kepala kantor belum diisi — lengkapi skm-report.json\]**"#))
    }

    @Test func theProfileBesideTheDatabaseFillsTheReport() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        _ = try f.write("skm-report.json", Self.profile)
        _ = FileManager.default.createFile(atPath: f.directory + "/logo.png", contents: Data(Self.png))
        let (data, notes) = try f.service.annualReportData(ReportRequest(year: 2025))
        #expect(notes.isEmpty)
        #expect(data.office.name == "Kantor Camat Uji")
        #expect(data.sample?.minimum == 217)
        #expect(data.office.logo.dataURI?.hasPrefix("data:image/png;base64,iVBORw0KGgo") == true)
        let html = HTMLReport.render(ReportContent.document(data))
        for missing in [
            "Nama kantor belum", "Alamat kantor belum", "kepala kantor belum", "NIP belum", "Pelaksana survei belum",
            "(populasi) belum", "Profil kantor belum diisi",
        ] {
            #expect(!html.contains(missing), "\(missing)")
        }
        #expect(html.contains("<img class=\"logo\" src=\"data:image/png;base64,"))
        #expect(html.contains("Survei dilaksanakan oleh Tim SKM Kecamatan Uji."))
        #expect(html.contains("<p>Uji, 15 Januari 2026</p>"))
        #expect(html.contains("<p>Camat Uji</p>"))
        #expect(html.contains("<strong>Drs. Budi Santoso</strong>"))
        #expect(html.contains("NIP. 19700101 199503 1 001"))
        let rtl = ReadBack.htmlRows(html, table: "rtl")
        let u3 = rtl.first { $0[1] == "U3 Waktu Penyelesaian" }
        #expect(u3?[3] == "Nomor antrean")
        #expect(u3.map { Array($0[4...7]) } == ["✓", "", "✓", ""])
        #expect(u3?[8] == "Seksi Pelayanan")
        let u4 = rtl.first { $0[1] == "U4 Biaya/Tarif" }
        #expect(u4?[0] == "Tambahan")
        #expect(u4?[8] == "[Penanggung jawab belum diisi]")
        // --population overrides the profile.
        #expect(try f.data(ReportRequest(year: 2025, population: 100)).sample?.minimum == 80)
    }

    @Test func aLogoThatCannotBeUsedIsANoteNotAFailure() throws {
        let f = try ReportFixture()
        _ = FileManager.default.createFile(atPath: f.directory + "/logo.gif", contents: Data("GIF89a".utf8))
        for (logo, reason) in [("logo.gif", "bukan gambar PNG, JPEG atau SVG"), ("tidak-ada.png", "tidak ditemukan")] {
            let profile = try JSONParser().parse(#"{"office": {"name": "Kantor", "logo": "\#(f.directory)/\#(logo)"}}"#)
            let (data, notes) = try f.service.annualReportData(ReportRequest(year: 2025, profile: .json(profile)))
            #expect(notes.contains { $0.contains(reason) })
            #expect(HTMLReport.render(ReportContent.document(data)).contains("[Logo tidak dimuat: berkas"))
        }
        let svg = try f.write("logo.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let profile = try JSONParser().parse(#"{"office": {"logo": "\#(svg)"}}"#)
        #expect(
            try f.data(ReportRequest(year: 2025, profile: .json(profile))).office.logo.dataURI?.hasPrefix(
                "data:image/svg+xml;base64,") == true)
    }

    @Test(arguments: [
        (#"{"office": {"nama": "X"}}"#, "unknown_field", "profile.office.nama"),
        (#"{"rtl": [{"unsur": "U3", "program": "A", "waktu": ["TW V"]}]}"#, "invalid_filter", "profile.rtl[0].waktu[0]"),
        (#"{"rtl": [{"unsur": "U12", "program": "A"}]}"#, "unknown_unsur", "profile.rtl[0].unsur"),
        (#"{"rtl": [{"unsur": "U3"}]}"#, "missing_field", "profile.rtl[0].program"),
        (#"{"population": 0}"#, "invalid_population", "profile.population"),
        (#"{"office": {"name": 5}}"#, "wrong_type", "profile.office.name"),
    ])
    func aWrongProfileIsRefusedWithTheField(json: String, code: String, field: String) throws {
        let f = try ReportFixture()
        let error = skmError {
            _ = try f.service.generateReport(ReportRequest(year: 2025, profile: .json(try JSONParser().parse(json))))
        }
        #expect(error?.code.rawValue == code)
        #expect(error?.field == field)
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/laporan-2025"))
    }

    @Test func aBrokenProfileFileNamesTheFile() throws {
        let f = try ReportFixture()
        let path = try f.write("profil.json", #"{"office": {"name": "X"},}"#)
        let error = skmError { _ = try f.service.generateReport(ReportRequest(year: 2025, profile: .file(path))) }
        #expect(error?.message.contains("Berkas profil \(path) bukan JSON yang sah") == true)
        let unknown = try f.write("profil2.json", #"{"kantor": {}}"#)
        let second = skmError { _ = try f.service.generateReport(ReportRequest(year: 2025, profile: .file(unknown))) }
        #expect(second?.message.hasPrefix("Berkas profil \(unknown): Parameter \"kantor\" tidak dikenal") == true)
    }
}
