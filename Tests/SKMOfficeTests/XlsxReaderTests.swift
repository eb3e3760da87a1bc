import SKMOffice
import Testing

/// The xlsx reader on hand-made workbooks: every kind of cell, styles telling dates, sheets by
/// name, the 1904 date system, and what it refuses.
@Suite struct XlsxReaderTests {
    @Test func readsEveryKindOfCell() throws {
        let sheet = TestWorkbook.sheet(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>4</v></c><c r="D3" s="1"><v>45366</v></c>\
            <c r="E3" s="2"><v>45367.5</v></c><c r="F3" t="inlineStr"><is><t>di&amp;dalam &#x41;&#66;</t></is></c>\
            <c r="G3" t="b"><v>1</v></c><c r="H3" t="e"><v>#N/A</v></c><c r="I3" t="str"><f>A1</f><v>x</v></c>\
            <c r="J3" s="3"><v>3.5</v></c><c r="K3"/></row>\
            <row r="4"><c r="A4" t="s"><v>2</v></c></row><row r="5"/><row r="6"><c r="B6"/></row>
            """)
        let rich = "<r><rPr><b/></rPr><t>Sangat </t></r><r><t>sesuai</t></r><rPh><t>x</t></rPh>"
        let bytes = try TestWorkbook.make(sheets: [("Data", sheet)], shared: ["Judul", "Teks &lt;1&gt;", "Lain"])
        let rows = try TestWorkbook.rows(bytes)
        #expect(rows.map(\.number) == [1, 3, 4])
        #expect(rows[0].cells == [.text("Judul")])
        #expect(
            rows[1].cells == [
                .text("Teks <1>"), .empty, .number("4"), .dateSerial(45366), .dateSerial(45367.5), .text("di&dalam AB"),
                .boolean(true), .error("#N/A"), .text("x"), .number("3.5"),
            ])
        // Rich text runs are joined, phonetic runs left out.
        let zip = ZipWriter()
        try zip.add("_rels/.rels", text: TestWorkbook.rootRels)
        try zip.add("xl/workbook.xml", text: TestWorkbook.workbook(sheets: ["S"]))
        try zip.add("xl/_rels/workbook.xml.rels", text: TestWorkbook.workbookRels(sheets: 1))
        try zip.add("xl/sharedStrings.xml", text: "<sst><si>\(rich)</si></sst>")
        try zip.add("xl/worksheets/sheet1.xml", text: TestWorkbook.sheet("<row><c t=\"s\"><v>0</v></c></row>"))
        #expect(try TestWorkbook.rows(try zip.finish()) == [XlsxRow(number: 1, cells: [.text("Sangat sesuai")])])
    }

    @Test func sheetsByNameAndDateSystem() throws {
        let one = TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let two = TestWorkbook.sheet("<row r=\"1\"><c r=\"B1\"><v>2</v></c></row>")
        let bytes = try TestWorkbook.make(sheets: [("Petunjuk", one), ("Data SKM", two)], date1904: true)
        let book = try XlsxWorkbook(bytes: bytes)
        #expect(book.sheetNames == ["Petunjuk", "Data SKM"])
        #expect(book.date1904)
        #expect(try TestWorkbook.rows(bytes)[0].cells == [.number("1")])
        #expect(try TestWorkbook.rows(bytes, sheet: "data skm")[0].cells == [.empty, .number("2")])
        #expect(throws: OfficeError.sheetNotFound("Rekap", available: ["Petunjuk", "Data SKM"])) {
            try book.rows(ofSheet: "Rekap")
        }
        #expect(try !XlsxWorkbook(bytes: try TestWorkbook.make(sheets: [("A", one)])).date1904)
    }

    @Test func cellReferences() {
        #expect(XlsxCellReference.parse(Array("A1".utf8))! == (0, 1))
        #expect(XlsxCellReference.parse(Array("XFD1048576".utf8))! == (16_383, 1_048_576))
        #expect(XlsxCellReference.parse(Array("$AB$12".utf8))! == (27, 12))
        #expect(XlsxCellReference.parse(Array("XFE1".utf8)) == nil)
        #expect(XlsxCellReference.parse(Array("A1048577".utf8)) == nil)
        #expect(XlsxCellReference.parse(Array("ZZZZ1".utf8)) == nil)
        #expect(XlsxCellReference.parse(Array("1A".utf8)) == nil)
        #expect(XlsxCellReference.parse(Array("A0".utf8)) == nil)
    }

    @Test func dateFormatCodes() throws {
        let sheet = TestWorkbook.sheet("<row><c s=\"1\"><v>1</v></c><c s=\"2\"><v>2</v></c><c s=\"3\"><v>3</v></c></row>")
        let rows = try TestWorkbook.rows(try TestWorkbook.make(sheets: [("S", sheet)]))
        #expect(rows[0].cells == [.dateSerial(1), .dateSerial(2), .number("3")])
    }
}

/// Excel date serials, both systems, against dates Excel shows for them.
@Suite struct XlsxDateSerialTests {
    @Test func nineteenHundredSystemWithItsLeapYearBug() {
        #expect(XlsxDateSerial.civil(serial: 1, date1904: false)! == (1900, 1, 1))
        #expect(XlsxDateSerial.civil(serial: 59, date1904: false)! == (1900, 2, 28))
        #expect(XlsxDateSerial.civil(serial: 60, date1904: false) == nil)  // 1900-02-29 never existed
        #expect(XlsxDateSerial.civil(serial: 61, date1904: false)! == (1900, 3, 1))
        #expect(XlsxDateSerial.civil(serial: 45366, date1904: false)! == (2024, 3, 15))
        #expect(XlsxDateSerial.civil(serial: 45366.99, date1904: false)! == (2024, 3, 15))
        #expect(XlsxDateSerial.civil(serial: 2_958_465, date1904: false)! == (9999, 12, 31))
        #expect(XlsxDateSerial.civil(serial: 0, date1904: false) == nil)
        #expect(XlsxDateSerial.civil(serial: -1, date1904: false) == nil)
        #expect(XlsxDateSerial.civil(serial: .nan, date1904: false) == nil)
    }

    @Test func nineteenOhFourSystem() {
        #expect(XlsxDateSerial.civil(serial: 0, date1904: true)! == (1904, 1, 1))
        #expect(XlsxDateSerial.civil(serial: 43904, date1904: true)! == (2024, 3, 15))
    }
}
