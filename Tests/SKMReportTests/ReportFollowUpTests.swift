import Foundation
import SKMCore
import SKMReport
import SKMService
import SKMTestSupport
import Testing

/// BAB IV from the follow-up register: the RTL table from registered items, the figures of
/// follow-up and the publication media. Today is 2026-01-15.
@Suite struct ReportFollowUpTests {
    static func add(_ f: ReportFixture, _ unsur: String, target: String = "2026-06-30", service: String? = nil) throws {
        var r = RTLAddRequest(
            year: 2025, unsur: unsur, program: "Program \(unsur)", penanggungJawab: "Kasi Pelayanan", target: target)
        r.plannedOn = "2026-01-05"
        r.unit = service == nil ? nil : "KEC"
        r.service = service
        _ = try f.service.addRTL(r)
    }

    /// The typical year's last survey day is 2025-09-19; done 2026-01-10 is 11 + 31 + 30 + 31 + 10
    /// = 113 days later.
    @Test func bab4ShowsTheRegisterItsFiguresAndTheMedia() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        try Self.add(f, "U3", target: "2026-01-31")
        try Self.add(f, "U8", service: "KTP")
        try Self.add(f, "U1")
        _ = try f.service.completeRTL(number: 1, date: "2026-01-10", evidence: "SK Camat 3/2026")
        _ = try f.service.correctRTL(number: 3, RTLCorrection(reason: "batal", cancel: true))
        _ = try f.service.addPublication(
            year: 2025, medium: "website", date: "2026-01-12", link: "https://kec.go.id/skm", note: nil)
        _ = try f.service.addPublication(year: 2025, medium: "papan-pengumuman", date: "2026-01-13", link: nil, note: "Lobi")

        let data = try f.data(ReportRequest(year: 2025))
        #expect(data.followUp.items.map(\.number) == [1, 2])
        let markdown = MarkdownReport.render(ReportContent.document(data))
        #expect(markdown.contains("4.6 Tindak Lanjut dan Publikasi Hasil Survei"))

        let rtl = ReadBack.markdownRows(markdown, caption: "Rencana tindak lanjut (RTL) hasil survei tahun 2025")
        let statuses = rtl.compactMap { $0.last }
        #expect(statuses.contains("Selesai 10 Januari 2026"))
        #expect(statuses.contains("Belum selesai"))
        #expect(!rtl.contains { $0.contains("Program U1") }, "a cancelled item is not in the table")

        let figures = ReadBack.markdownRows(markdown, caption: "Capaian tindak lanjut hasil survei")
        #expect(figures.first == ["2025", "Semua layanan", "2", "1", "1", "50,00 %", "50,00 %", "113,0"])
        #expect(figures.dropFirst().first == ["2025", "KEC/KTP", "1", "0", "0", "0,00 %", "0,00 %", "–"])
        #expect(markdown.contains("Dari 2 RTL hasil survei tahun 2025, 1 telah selesai (50,00 %)"))
        #expect(markdown.contains("113,0 hari setelah periode survei berakhir (19 September 2025)"))

        #expect(markdown.contains("Hasil survei tahun 2025 dipublikasikan melalui 2 media: situs web dan papan pengumuman."))
        let published = ReadBack.markdownRows(markdown, caption: "Publikasi hasil survei tahun 2025")
        #expect(published.map { $0[1] } == ["Situs web", "Papan pengumuman"])
    }

    @Test func withoutRegisterItemsTheProfileTableStays() throws {
        let f = try ReportFixture()
        try f.typicalYear()
        let markdown = try f.markdown(ReportRequest(year: 2025))
        #expect(markdown.contains("Rencana tindak lanjut (RTL) perbaikan pelayanan tahun 2026"))
        #expect(!markdown.contains("Rencana tindak lanjut (RTL) hasil survei tahun 2025"))
        #expect(markdown.contains("Belum ada RTL yang dicatat di register tindak lanjut"))
        #expect(markdown.contains("Belum ada publikasi hasil survei tahun 2025 yang dicatat"))
    }
}
