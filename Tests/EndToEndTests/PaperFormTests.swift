import Foundation
import SKMJSON
import Testing

/// `skm questionnaire print`: the 2017 paper form on one A4 page, in HTML (Chromium) and Word
/// (LibreOffice Writer), with the office's name and every question and option.
@Suite struct PaperFormTests {
    static let office = #"{"office": {"name": "Kantor Camat Sukamaju & Sekitarnya"}}"#

    @Test(.enabled(if: PDFPrinter.found != nil || PDFPrinter.mustRun, PDFPrinter.skipMessage))
    func theHTMLFormPrintsOnOneA4Page() throws {
        try #require(PDFPrinter.found != nil, "Chromium tidak ditemukan; .ci/run harus memasangnya")
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        _ = try skm.write("skm-report.json", Self.office)
        let printed = try skm.run(["questionnaire", "print", "permenpanrb-14-2017", "--db", skm.database])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == "kuesioner-permenpanrb-14-2017.html\n")
        let html = try String(contentsOfFile: skm.directory + "/kuesioner-permenpanrb-14-2017.html", encoding: .utf8)
        #expect(html.contains("Kantor Camat Sukamaju &amp; Sekitarnya"))
        #expect(html.contains("☐ d. Sangat sesuai") && html.contains("Jenis kelamin"))
        let pdf = try PDFPrinter.print(skm.directory + "/kuesioner-permenpanrb-14-2017.html", into: skm.directory)
        #expect(PDFPrinter.pageCount(pdf) == 1)
        for box in PDFPrinter.mediaBoxes(pdf) { #expect(abs(box.width - 595.28) < 1 && abs(box.height - 841.89) < 1) }
    }

    @Test(
        .enabled(
            if: (OfficeReaders.soffice != nil && OfficeReaders.pdfinfo != nil) || OfficeReaders.mustRun, OfficeReaders.skipWriter)
    )
    func theWordFormConvertsToOneA4Page() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        _ = try skm.write("skm-report.json", Self.office)
        let printed = try skm.run(["questionnaire", "print", "--format", "docx", "--out", "form.docx", "--db", skm.database])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(try OfficeReaders.pdfPages(of: skm.directory + "/form.docx", in: skm.directory) == 1)
    }

    @Test(.enabled(if: OfficeReaders.pythonDocx != nil || OfficeReaders.mustRun, OfficeReaders.skipDocx))
    func theWordFormHasTheOfficeTheProfileBoxAndEveryQuestionInOrder() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        _ = try skm.write("skm-report.json", Self.office)
        try skm.run(["questionnaire", "print", "--format", "docx", "--out", "form.docx", "--db", skm.database])
        let read = try OfficeReaders.read(skm.directory + "/form.docx")
        let texts = (read["paragraphs"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
        #expect(texts.first == "Kantor Camat Sukamaju & Sekitarnya")
        let tables = (read["tables"]?.arrayValue ?? []).map { table in
            (table.arrayValue ?? []).map { row in (row.arrayValue ?? []).map { $0.stringValue ?? "" } }
        }
        try #require(tables.count == 3)
        let profile = tables[0].map { $0.first ?? "" }
        #expect(["Jenis kelamin", "Pendidikan", "Pekerjaan", "Usia"].allSatisfy(profile.contains), "\(profile)")
        #expect(tables[0].contains { $0.last?.contains("☐ Laki-laki") == true })
        // Nine questions in the form's order, each followed by its four options.
        let q = try skm.run(["questionnaire", "show", "permenpanrb-14-2017", "--json", "--db", skm.database]).json
        let questions = try #require(q["questions"]?.arrayValue)
        #expect(tables[1].count == questions.count * 2)
        for (i, question) in questions.enumerated() {
            let row = tables[1][i * 2]
            #expect(row.first == "\(i + 1).")
            #expect(row.last == question["text"]?.stringValue)
            let options = (question["options"]?.arrayValue ?? []).enumerated().map { j, o in
                "☐ \(["a", "b", "c", "d"][j]). \(o.stringValue ?? "")"
            }
            #expect(Array(tables[1][i * 2 + 1].dropFirst()) == options)
        }
    }

    @Test func anExistingFileIsReplacedOnlyWithForceAndABadFormatIsRefused() throws {
        let skm = SKMProcess()
        defer { skm.cleanUp() }
        _ = try skm.write("form.html", "mine")
        let refused = try skm.run(["questionnaire", "print", "--out", "form.html", "--db", skm.database])
        #expect(refused.status != 0)
        #expect(try String(contentsOfFile: skm.directory + "/form.html", encoding: .utf8) == "mine")
        let forced = try skm.run(["questionnaire", "print", "--out", "form.html", "--force", "--db", skm.database])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: skm.directory + "/form.html", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(forced.stderr.contains("Nama kantor belum diisi"))
        let bad = try skm.run(["questionnaire", "print", "--format", "pdf", "--db", skm.database])
        #expect(bad.status != 0 && bad.stderr.contains("html atau docx"), "\(bad.stderr)")
        let unknown = try skm.run(["questionnaire", "print", "tidak-ada", "--db", skm.database])
        #expect(unknown.status != 0)
    }
}
