import SKMOffice
import SKMService

/// The Office readers' entry points for fuzzers: a whole archive, and one workbook part.
extension FuzzTargets {
    /// Limits small enough that a fuzzer's input cannot make a run slow, the same code paths.
    static let officeLimits = ZipLimits(entryBytes: 8 << 20, archiveBytes: 16 << 20, ratio: 200, ratioFloor: 1 << 20)

    /// One archive as `skm import FILE.xlsx` would open it: the directory, then every entry read
    /// to its end (limits and CRC checked), then the workbook's first sheet row by row.
    public static func zipArchive(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Array(bytes)
        if let zip = try? ZipReader(bytes: data, limits: officeLimits) {
            for entry in zip.entries { _ = try? zip.read(entry) }
        }
        readWorkbook(data)
    }

    /// One workbook part: the first byte picks which (sheet, shared strings, styles, workbook,
    /// workbook relationships, root relationships), the rest is its content; the other parts are
    /// valid. Built with ZipWriter, so mutations reach the XML, not only the CRC check. One input
    /// in four is also imported (dry run) through SKMService.
    public static func xlsxPart(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let content = Array(bytes.dropFirst())
        var parts: [(String, [UInt8])] = [
            ("_rels/.rels", Array(OfficeFuzzSeeds.rootRels.utf8)),
            ("xl/workbook.xml", Array(OfficeFuzzSeeds.workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(OfficeFuzzSeeds.workbookRels.utf8)),
            ("xl/styles.xml", Array(OfficeFuzzSeeds.styles.utf8)),
            ("xl/sharedStrings.xml", Array(OfficeFuzzSeeds.sharedStrings.utf8)),
            ("xl/worksheets/sheet1.xml", Array(OfficeFuzzSeeds.sheet.utf8)),
        ]
        parts[Int(selector & 0x7F) % parts.count].1 = content
        let zip = ZipWriter(level: 1)
        do {
            for (name, part) in parts { try zip.add(name, bytes: part) }
            let archive = try zip.finish()
            readWorkbook(archive)
            if selector & 0x80 != 0, let source = try? ByteSource(bytes: archive, name: "fuzz.xlsx") {
                var options = ImportOptions()
                options.dryRun = true
                _ = try? service.importData(from: source, format: .xlsx, options: options)
            }
        } catch {
            return
        }
    }

    static func readWorkbook(_ data: [UInt8]) {
        guard let book = try? XlsxWorkbook(bytes: data, limits: officeLimits), let rows = try? book.rows(ofSheet: nil) else {
            return
        }
        while let row = try? rows.next() { _ = row.cells.count }
    }
}

/// A valid workbook's parts, the parts the xlsx target does not replace.
public enum OfficeFuzzSeeds {
    /// `_rels/.rels`.
    public static let rootRels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    /// `xl/workbook.xml`.
    public static let workbook =
        "<workbook xmlns:r=\"r\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    /// `xl/_rels/workbook.xml.rels`.
    public static let workbookRels =
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Target=\"styles.xml\"/></Relationships>"
    /// `xl/styles.xml`.
    public static let styles =
        "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
    /// `xl/sharedStrings.xml`.
    public static let sharedStrings =
        "<sst><si><t>Tanggal</t></si><si><t>Unit</t></si><si><t>Layanan</t></si><si><r><t>KE</t></r><r><t>C</t></r></si><si><t>KTP</t></si><si><t>Sangat sesuai</t></si></sst>"
    /// `xl/worksheets/sheet1.xml`.
    public static let sheet =
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>JUDUL</t></is></c></row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>U1</t></is></c><c t=\"inlineStr\"><is><t>U2</t></is></c><c t=\"inlineStr\"><is><t>U3</t></is></c><c t=\"inlineStr\"><is><t>U4</t></is></c><c t=\"inlineStr\"><is><t>U5</t></is></c><c t=\"inlineStr\"><is><t>U6</t></is></c><c t=\"inlineStr\"><is><t>U7</t></is></c><c t=\"inlineStr\"><is><t>U8</t></is></c><c t=\"inlineStr\"><is><t>U9</t></is></c></row><row r=\"4\"><c r=\"A4\" s=\"1\"><v>45366</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c><c t=\"s\"><v>5</v></c><c><v>3</v></c><c><v>4</v></c><c t=\"str\"><v>2</v></c><c><v>4</v></c><c><v>3</v></c><c><v>4</v></c><c><v>4</v></c><c><v>1</v></c></row></sheetData></worksheet>"
}
