import Foundation
import SKMOffice
import Testing

/// The workbook XlsxWriter writes, read back part by part with Python's zipfile; what a
/// spreadsheet makes of it is tested end to end with openpyxl and LibreOffice (XlsxWorkbookTests).
@Suite struct XlsxWriterTests {
    /// The text of every part of an archive, by name.
    func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skm-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("t.xlsx")
        try Data(bytes).write(to: archive)
        let script = """
            import sys, zipfile, json
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, archive.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (try JSONSerialization.jsonObject(with: data) as? [String: String]) ?? [:]
    }

    @Test func textThatLooksLikeAFormulaIsStoredAsText() throws {
        let book = XlsxWriter()
        try book.beginSheet(XlsxSheetLayout(name: "Data", columnWidths: [8, nil, 20], frozenRows: 1))
        try book.appendRow([.text("saran", style: .bold), .text("nilai", style: .bold)])
        try book.appendRow([.text("=HYPERLINK(\"x\")"), .integer(3), .text("@SUM(A1) & <b>")])
        try book.appendRow([.text("+62"), .number(0.5), .integer(45659, style: .date)])
        try book.endSheet()
        let xml = try #require(try parts(try book.finish())["xl/worksheets/sheet1.xml"])
        #expect(!xml.contains("<f>"), "no formula on a sheet of text and numbers")
        #expect(xml.contains(#"<c r="A2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK("x")</t></is></c>"#))
        #expect(xml.contains(#"<t xml:space="preserve">@SUM(A1) &amp; &lt;b&gt;</t>"#))
        #expect(xml.contains(#"<c r="B3" s="2"><v>0.5</v></c>"#))
        #expect(xml.contains(#"<c r="C3" s="3"><v>45659</v></c>"#))
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(
            xml.contains(#"<col min="1" max="1" width="8" customWidth="1"/><col min="3" max="3" width="20" customWidth="1"/>"#))
    }

    @Test func formulasCarryTheirResultsAndTheWorkbookRecalculatesOnLoad() throws {
        let book = XlsxWriter()
        let layout = XlsxSheetLayout(
            name: "Olah Data",
            validations: [
                XlsxValidation(range: "A2:A10", rule: .wholeNumber(1...4), errorMessage: "Isi 1–4 atau kosongkan."),
                XlsxValidation(range: "B2:B10", rule: .list(["L", "P"]), errorMessage: "L atau P", prompt: "Jenis kelamin"),
            ])
        try book.beginSheet(layout)
        try book.appendRow([
            .integer(1), .integer(2), .formula("SUM(A1:B1)", cached: .number(3)),
            .formula("IF(C1>2,\"A\",\"B\")", cached: .text("A")), .formula("A1/0", cached: .error("#DIV/0!")),
        ])
        try book.endSheet()
        book.defineName("IKM_Nilai", refersTo: "'Olah Data'!$C$1")
        let all = try parts(try book.finish())
        let xml = try #require(all["xl/worksheets/sheet1.xml"])
        #expect(xml.contains(#"<c r="C1"><f>SUM(A1:B1)</f><v>3</v></c>"#))
        #expect(xml.contains(#"<c r="D1" t="str"><f>IF(C1&gt;2,"A","B")</f><v>A</v></c>"#))
        #expect(xml.contains(#"<c r="E1" t="e"><f>A1/0</f><v>#DIV/0!</v></c>"#))
        #expect(xml.contains(#"type="whole" operator="between" allowBlank="1""#))
        #expect(xml.contains(#"sqref="A2:A10"><formula1>1</formula1><formula2>4</formula2></dataValidation>"#))
        #expect(xml.contains(#"<formula1>"L,P"</formula1>"#))
        let workbook = try #require(all["xl/workbook.xml"])
        #expect(workbook.contains(#"<sheet name="Olah Data" sheetId="1" r:id="rId1"/>"#))
        #expect(workbook.contains(#"<definedName name="IKM_Nilai">'Olah Data'!$C$1</definedName>"#))
        #expect(workbook.contains(#"fullCalcOnLoad="1""#))
        #expect(all["xl/styles.xml"]?.contains(#"<cellXfs count="\#(XlsxStyle.allCases.count)">"#) == true)
        #expect(all["[Content_Types].xml"]?.contains("/xl/worksheets/sheet1.xml") == true)
    }

    @Test func badSheetNamesAndOversizedRowsAreRefused() throws {
        let book = XlsxWriter()
        #expect(throws: OfficeError.invalidSheetName("a/b")) { try book.beginSheet(XlsxSheetLayout(name: "a/b")) }
        #expect(throws: OfficeError.invalidSheetName(String(repeating: "x", count: 32))) {
            try book.beginSheet(XlsxSheetLayout(name: String(repeating: "x", count: 32)))
        }
        try book.beginSheet(XlsxSheetLayout(name: "Data"))
        #expect(throws: OfficeError.tooManyColumns(16_385)) {
            try book.appendRow(Array(repeating: .integer(1), count: 16_385))
        }
        try book.endSheet()
        #expect(throws: OfficeError.invalidSheetName("DATA")) { try book.beginSheet(XlsxSheetLayout(name: "DATA")) }
    }

    @Test func referencesEscapesAndDates() {
        #expect(XlsxReference.column(0) == "A")
        #expect(XlsxReference.column(25) == "Z")
        #expect(XlsxReference.column(26) == "AA")
        #expect(XlsxReference.column(701) == "ZZ")
        #expect(XlsxReference.column(702) == "AAA")
        #expect(XlsxReference.column(16_383) == "XFD")
        #expect(XlsxReference.cell(column: 9, row: 2, absolute: true) == "$J$2")
        #expect(XlsxReference.sheet("Data") == "Data")
        #expect(XlsxReference.sheet("Olah Data") == "'Olah Data'")
        #expect(XlsxReference.sheet("2025") == "'2025'")
        #expect(XlsxReference.sheet("O'Neil") == "'O''Neil'")
        #expect(XMLEscape.text("a<b&c>") == "a&lt;b&amp;c&gt;")
        #expect(XlsxText.escaped("_x0041_ _y") == "_x005F_x0041_ _y")
        #expect(XlsxText.escaped("a\u{1}b\r<&>") == "a_x0001_b&#13;&lt;&amp;&gt;")
        #expect(XlsxText.escaped("＝1+1 ü") == "＝1+1 ü")
        #expect(XMLEscape.attribute("\"'\n") == "&quot;&apos;&#10;")
        #expect(XlsxDate.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(XlsxDate.serial(year: 2025, month: 1, day: 1) == 45658)
        #expect(XlsxDate.serial(year: 1904, month: 1, day: 1) == 1462)
    }
}
