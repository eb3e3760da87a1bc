import SKMOffice

/// Hand-made workbooks (built with ZipWriter) for the reader's tests, hostile ones included.
enum TestWorkbook {
    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    static func workbook(sheets: [String], date1904: Bool = false) -> String {
        let list = sheets.enumerated().map { i, name in "<sheet name=\"\(name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(list.joined())</sheets></workbook>
            """
    }

    static func workbookRels(sheets: Int) -> String {
        let list = (0..<sheets).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        return """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(list.joined())<Relationship Id="rIdS" Type="x/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rIdT" Type="x/styles" Target="/xl/styles.xml"/></Relationships>
            """
    }

    static func sheet(_ rows: String) -> String {
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    static let styles = """
        <styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>
        """

    /// A workbook with the given sheets (name, sheet XML) and shared strings.
    static func make(
        sheets: [(String, String)], shared: [String] = [], date1904: Bool = false, extra: [(String, String)] = []
    ) throws -> [UInt8] {
        let zip = ZipWriter()
        try zip.add("_rels/.rels", text: rootRels)
        try zip.add("xl/workbook.xml", text: workbook(sheets: sheets.map(\.0), date1904: date1904))
        try zip.add("xl/_rels/workbook.xml.rels", text: workbookRels(sheets: sheets.count))
        try zip.add("xl/styles.xml", text: styles)
        let items = shared.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
        try zip.add("xl/sharedStrings.xml", text: "<sst count=\"\(shared.count)\">\(items)</sst>")
        for (i, sheet) in sheets.enumerated() { try zip.add("xl/worksheets/sheet\(i + 1).xml", text: sheet.1) }
        for (name, text) in extra { try zip.add(name, text: text) }
        return try zip.finish()
    }

    /// Every row of a sheet.
    static func rows(_ bytes: [UInt8], sheet: String? = nil) throws -> [XlsxRow] {
        let reader = try XlsxWorkbook(bytes: bytes).rows(ofSheet: sheet)
        var rows: [XlsxRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }
}
