import Foundation
import SKMJSON
import Testing

/// `skm report --format docx` read back by python-docx and converted by LibreOffice Writer.
@Suite struct DocxReportTests {
    static let profile =
        #"{"office": {"name": "Kantor Camat Tomoni Timur", "head": "Drs. Andi Pratama, M.Si.", "nip": "198001012005011001", "position": "Camat Tomoni Timur", "city": "Tomoni Timur"}, "pelaksana": "Tim SKM", "population": 9400}"#

    /// "2.109", "82,57": numbers as the report prints them.
    static func indonesian(_ value: Double, decimals: Int) -> String {
        let scaled = (abs(value) * pow(10, Double(decimals))).rounded()
        let whole = Int(scaled / pow(10, Double(decimals)))
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        guard decimals > 0 else { return grouped }
        let fraction = Int(scaled) % Int(pow(10, Double(decimals)))
        return grouped + "," + String(repeating: "0", count: decimals - String(fraction).count) + String(fraction)
    }

    func makeReport(_ skm: SKMProcess) throws -> String {
        try skm.run(["demo"])
        _ = try skm.write("skm-demo/skm-report.json", Self.profile)
        let report = try skm.run(["report", "--year", "2025", "--db", "skm-demo/skm.sqlite", "--format", "docx", "--out", "lap"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == "lap/laporan-skm-2025.docx\n")
        return skm.directory + "/lap/laporan-skm-2025.docx"
    }

    @Test(.enabled(if: OfficeReaders.pythonDocx != nil || OfficeReaders.mustRun, OfficeReaders.skipDocx))
    func pythonDocxReadsHeadingsTablesFiguresAndTheSignature() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let docx = try makeReport(skm)
        let read = try OfficeReaders.read(docx)
        let paragraphs = (read["paragraphs"]?.arrayValue ?? []).map {
            (style: $0["style"]?.stringValue ?? "", text: $0["text"]?.stringValue ?? "")
        }
        // Chapters are Heading 1 and sections Heading 2, with outline levels (Word's table of contents).
        let chapters = paragraphs.filter { $0.style == "Heading 1" }.map(\.text)
        #expect(
            chapters == [
                "BAB I PENDAHULUAN", "BAB II PENGUMPULAN DATA", "BAB III HASIL SURVEI",
                "BAB IV ANALISIS DAN RENCANA TINDAK LANJUT",
                "BAB V PENUTUP", "LAMPIRAN",
            ])
        #expect(paragraphs.contains { $0.style == "Heading 2" && $0.text == "3.2 Nilai per Unsur Pelayanan" })
        #expect(read["outline"]?["Heading 1"] == "0" && read["outline"]?["Heading 2"] == "1")
        #expect(read["toc"] == true)
        // A4 with the HTML report's margins and a PAGE field in the footer.
        let section = try #require(read["sections"]?.arrayValue?.first)
        #expect(section["width"]?.numberValue?.double == 210 && section["height"]?.numberValue?.double == 297)
        #expect(section["footer"]?.stringValue?.contains("PAGE") == true)
        // Every chart is a picture.
        #expect((read["pictures"]?.numberValue?.int ?? 0) >= 6, "\(read["pictures"] ?? .null) pictures")
        // The unsur table's cells are skm's own figures (skm ikm --json), as the report prints them.
        let ikm = try skm.run(["ikm", "--year", "2025", "--db", "skm-demo/skm.sqlite", "--json"]).json
        let tables = (read["tables"]?.arrayValue ?? []).map { table in
            (table.arrayValue ?? []).map { row in (row.arrayValue ?? []).map { $0.stringValue ?? "" } }
        }
        let unsur = try #require(ikm["unsur"]?.arrayValue)
        #expect(unsur.count == 9)
        for u in unsur {
            let label = "\(u["code"]?.stringValue ?? "") \(u["name"]?.stringValue ?? "")"
            let row = tables.flatMap { $0 }.first { $0.count == 9 && $0[1] == label }
            let cells = try #require(row, "no unsur row for \(label)")
            #expect(cells[2] == Self.indonesian(Double(u["answered"]?.numberValue?.int ?? -1), decimals: 0))
            #expect(cells[3] == Self.indonesian(Double(u["sum"]?.numberValue?.int ?? -1), decimals: 0))
            #expect(cells[4] == Self.indonesian(u["nrr"]?.numberValue?.double ?? -1, decimals: 4))
            #expect(cells[6] == Self.indonesian(u["ikm"]?.numberValue?.double ?? -1, decimals: 2))
            #expect(cells[7] == u["mutu"]?.stringValue)
        }
        let overall = Self.indonesian(try #require(ikm["ikm"]?.numberValue?.double), decimals: 2)
        #expect(tables.flatMap { $0 }.contains { $0.contains(overall) }, "IKM \(overall) in no table")
        // Long tables repeat their header row on every page.
        #expect((read["headerRows"]?.arrayValue ?? []).contains { $0.numberValue?.int == 1 })
        // The signature block: position, name and NIP as in the profile.
        let signature = tables.flatMap { $0 }.flatMap { $0 }.first { $0.contains("Drs. Andi Pratama, M.Si.") }
        #expect(signature?.contains("Camat Tomoni Timur") == true, "\(signature ?? "no signature")")
        #expect(signature?.contains("NIP. 19800101 200501 1 001") == true, "\(signature ?? "no signature")")
    }

    @Test(
        .enabled(
            if: (OfficeReaders.soffice != nil && OfficeReaders.pdfinfo != nil) || OfficeReaders.mustRun, OfficeReaders.skipWriter)
    )
    func libreOfficeWriterConvertsTheReportToA4Pages() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        let docx = try makeReport(skm)
        let pages = try #require(try OfficeReaders.pdfPages(of: docx, in: skm.directory))
        // Cover, contents, five chapters and the appendix each start a page; the demo year fills 19.
        #expect((12...30).contains(pages), "\(pages) pages")
    }

    @Test func docxIsAReportFormatAndAnExistingFileIsNotOverwrittenByAnotherName() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        try skm.run(["demo"])
        let wrong = try skm.run(["report", "--year", "2025", "--db", "skm-demo/skm.sqlite", "--format", "doc"])
        #expect(wrong.status != 0 && wrong.stderr.contains("docx"), "\(wrong.stderr)")
        let both = try skm.run(["report", "--year", "2025", "--db", "skm-demo/skm.sqlite", "--format", "html,docx", "--out", "x"])
        #expect(both.status == 0)
        #expect(
            both.stdout.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") } == [
                "laporan-skm-2025.html", "laporan-skm-2025.docx",
            ])
        let bytes = try #require(FileManager.default.contents(atPath: skm.directory + "/x/laporan-skm-2025.docx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }
}
