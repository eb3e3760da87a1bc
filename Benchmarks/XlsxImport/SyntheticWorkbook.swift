import SKMOffice

/// A deterministic synthetic survey workbook, as an office keeps it: two title rows, a header,
/// then one row per response — No, date (an Excel serial with a date style), unit and service
/// (shared strings), U1…U9 (numbers, 2 % blank), gender — 2 units × 10 services over 2025.
enum SyntheticWorkbook {
    static func make(rows: Int) throws -> [UInt8] {
        let zip = ZipWriter(level: 1)
        try zip.add(
            "_rels/.rels",
            text:
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        )
        try zip.add(
            "xl/workbook.xml",
            text:
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data SKM\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        )
        try zip.add(
            "xl/_rels/workbook.xml.rels",
            text:
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
        )
        try zip.add(
            "xl/styles.xml",
            text: "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
        // Shared strings: 0 title, 1–6 headers, 7–8 units, 9–18 services, 19–20 genders.
        var strings = ["DATA SURVEI KEPUASAN MASYARAKAT 2025", "No", "Tanggal", "Unit", "Layanan", "Jenis Kelamin", "Catatan"]
        strings += ["U0", "U1"] + (0..<10).map { "S\($0)" } + ["L", "P"]
        try zip.add("xl/sharedStrings.xml", text: "<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")

        try zip.beginEntry("xl/worksheets/sheet1.xml")
        var out = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        out += "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
        out += "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"C3\" t=\"s\"><v>3</v></c>"
        out += "<c r=\"D3\" t=\"s\"><v>4</v></c>"
        let letters = ["E", "F", "G", "H", "I", "J", "K", "L", "M"]
        for (i, letter) in letters.enumerated() { out += "<c r=\"\(letter)3\" t=\"inlineStr\"><is><t>U\(i + 1)</t></is></c>" }
        out += "<c r=\"N3\" t=\"s\"><v>5</v></c></row>"
        var random: UInt64 = 2025
        func next() -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return random >> 33
        }
        let firstDay = 45658  // 2025-01-01
        for i in 0..<rows {
            let r = i + 4
            out +=
                "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(i + 1)</v></c><c r=\"B\(r)\" s=\"1\"><v>\(firstDay + Int(next() % 365))</v></c>"
            out += "<c r=\"C\(r)\" t=\"s\"><v>\(7 + i % 2)</v></c><c r=\"D\(r)\" t=\"s\"><v>\(9 + i % 10)</v></c>"
            for letter in letters {
                let p = next() % 100
                if p < 2 { continue }
                out += "<c r=\"\(letter)\(r)\"><v>\(p < 10 ? 2 : (p < 55 ? 3 : 4))</v></c>"
            }
            out += "<c r=\"N\(r)\" t=\"s\"><v>\(19 + Int(next() % 2))</v></c></row>"
            if out.utf8.count > 1 << 20 {
                try zip.write(out)
                out = ""
            }
        }
        out += "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:N1\"/></mergeCells></worksheet>"
        try zip.write(out)
        try zip.endEntry()
        return try zip.finish()
    }
}
