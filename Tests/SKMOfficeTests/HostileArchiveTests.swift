import SKMOffice
import Testing

/// Hostile and damaged files (issue 15 item 7): each is refused with its own error, and reading
/// stays within bounded memory (the reader never holds more than a chunk of an entry at once).
@Suite struct HostileArchiveTests {
    /// A sheet expanding to 1 GiB (spaces; about 1 MiB compressed).
    static func bomb(size: Int = 1 << 30) throws -> [UInt8] {
        let zip = ZipWriter(level: 9)
        try zip.add("_rels/.rels", text: TestWorkbook.rootRels)
        try zip.add("xl/workbook.xml", text: TestWorkbook.workbook(sheets: ["Data"]))
        try zip.add("xl/_rels/workbook.xml.rels", text: TestWorkbook.workbookRels(sheets: 1))
        try zip.beginEntry("xl/worksheets/sheet1.xml")
        let row = [UInt8](repeating: 0x20, count: 1 << 20)
        try zip.write("<worksheet><sheetData>")
        for _ in 0..<(size >> 20) { try zip.write(row) }
        try zip.write("</sheetData></worksheet>")
        try zip.endEntry()
        return try zip.finish()
    }

    @Test func zipBombIsRefusedEarlyWithBoundedMemory() throws {
        let bytes = try Self.bomb()
        #expect(bytes.count < 2 << 20)
        let zip = try ZipReader(bytes: bytes)
        let entry = try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))
        let stream = try zip.open(entry)
        var produced = 0
        var largestChunk = 0
        let error = #expect(throws: OfficeError.self) {
            while let chunk = try stream.next() {
                produced += chunk.count
                largestChunk = max(largestChunk, chunk.count)
            }
        }
        #expect(error == .entryTooLarge("xl/worksheets/sheet1.xml"))
        // Refused by its ratio after the 16 MiB floor, long before 1 GiB; one chunk at a time.
        #expect(produced <= 17 << 20)
        #expect(largestChunk <= 1 << 16)
        // The workbook refuses it too, whatever part of the sheet trips first.
        #expect(throws: OfficeError.self) { try TestWorkbook.rows(bytes) }
    }

    @Test func perEntryAndPerArchiveLimitsHoldWithoutTheRatio() throws {
        let bytes = try Self.bomb(size: 8 << 20)
        let noRatio = ZipLimits(entryBytes: 4 << 20, archiveBytes: 1 << 30, ratio: Int.max, ratioFloor: 0)
        let zip = try ZipReader(bytes: bytes, limits: noRatio)
        let entry = try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))
        #expect(throws: OfficeError.entryTooLarge(entry.name)) { try zip.read(entry) }
        let archive = try ZipReader(bytes: bytes, limits: ZipLimits(archiveBytes: 6 << 20, ratio: Int.max))
        #expect(throws: OfficeError.entryTooLarge(entry.name)) { try archive.read(entry) }
        // Within the limits the same entry reads whole, CRC checked.
        let fine = try ZipReader(bytes: bytes, limits: ZipLimits(ratio: Int.max))
        #expect(try fine.read(entry).count == (8 << 20) + "<worksheet><sheetData></sheetData></worksheet>".utf8.count)
    }

    @Test func millionColumnsAreRefused() throws {
        let far = TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"BDWGN1\"><v>2</v></c></row>")
        #expect(throws: OfficeError.cellReference(part: "xl/worksheets/sheet1.xml", reference: "BDWGN1")) {
            try TestWorkbook.rows(try TestWorkbook.make(sheets: [("S", far)]))
        }
        // 10^6 cells without references: refused at column 16,385, one row of 16,384 cells at most.
        let zip = ZipWriter(level: 1)
        try zip.add("_rels/.rels", text: TestWorkbook.rootRels)
        try zip.add("xl/workbook.xml", text: TestWorkbook.workbook(sheets: ["S"]))
        try zip.add("xl/_rels/workbook.xml.rels", text: TestWorkbook.workbookRels(sheets: 1))
        try zip.beginEntry("xl/worksheets/sheet1.xml")
        try zip.write("<worksheet><dimension ref=\"A1:BDWGN1\"/><sheetData><row>")
        let cells = String(repeating: "<c><v>1</v></c>", count: 1000)
        for _ in 0..<1000 { try zip.write(cells) }
        try zip.write("</row></sheetData></worksheet>")
        try zip.endEntry()
        #expect(throws: OfficeError.cellReference(part: "xl/worksheets/sheet1.xml", reference: "kolom ke-16385")) {
            try TestWorkbook.rows(try zip.finish())
        }
    }

    @Test func entityExpansionIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst><si><t>&lol3;</t></si></sst>
            """
        let zip = ZipWriter()
        try zip.add("_rels/.rels", text: TestWorkbook.rootRels)
        try zip.add("xl/workbook.xml", text: TestWorkbook.workbook(sheets: ["S"]))
        try zip.add("xl/_rels/workbook.xml.rels", text: TestWorkbook.workbookRels(sheets: 1))
        try zip.add("xl/sharedStrings.xml", text: laughs)
        try zip.add("xl/worksheets/sheet1.xml", text: TestWorkbook.sheet(""))
        #expect(throws: OfficeError.xmlDoctype("xl/sharedStrings.xml")) { try XlsxWorkbook(bytes: try zip.finish()) }
        // An entity used without a declaration is refused, not passed through.
        let parser = XMLPullParser(part: "p", bytes: Array("<a>&lol9;</a>".utf8))
        _ = try parser.next()
        #expect(throws: OfficeError.self) { try parser.next() }
    }

    @Test func pathTraversalEntryIsRefused() throws {
        let zip = ZipWriter()
        try zip.add("aa/aa/x", text: "boo")
        var bytes = try zip.finish()
        Self.replace(Array("aa/aa/x".utf8), with: Array("../../x".utf8), in: &bytes)
        #expect(throws: OfficeError.unsafeEntryName("../../x")) { try ZipReader(bytes: bytes) }
    }

    @Test func truncatedArchivesAreRefused() throws {
        let bytes = try TestWorkbook.make(sheets: [("S", TestWorkbook.sheet("<row><c><v>1</v></c></row>"))])
        for cut in [bytes.count / 2, bytes.count - 1, 30, 10] {
            #expect(throws: OfficeError.truncated) { try XlsxWorkbook(bytes: Array(bytes.prefix(cut))) }
        }
        #expect(throws: OfficeError.notAnArchive) { try XlsxWorkbook(bytes: Array("No;Tanggal\n1;2025".utf8)) }
        #expect(throws: OfficeError.notAnArchive) { try XlsxWorkbook(bytes: []) }
    }

    @Test func sheetThatIsNotXMLIsRefused() throws {
        for garbage in ["hello, world", "<worksheet><sheetData><row>", "\u{1}\u{2}PK garbage", "<a></b>", "<a/><b/>"] {
            let bytes = try TestWorkbook.make(sheets: [("S", garbage)])
            let error = #expect(throws: OfficeError.self) { try TestWorkbook.rows(bytes) }
            guard case .xmlInvalid(let part, _) = error else {
                Issue.record("\(garbage): \(String(describing: error))")
                continue
            }
            #expect(part == "xl/worksheets/sheet1.xml")
        }
    }

    @Test func damagedEncryptedAndZip64AreRefused() throws {
        let zip = ZipWriter()
        try zip.add("a.xml", text: String(repeating: "<a>isi</a>", count: 100))
        let good = try zip.finish()
        // A flipped byte in the compressed data: deflate error or CRC mismatch.
        var damaged = good
        damaged[40] ^= 0xFF
        let reader = try ZipReader(bytes: damaged)
        #expect(throws: OfficeError.corrupt("a.xml")) { try reader.read(reader.entries[0]) }
        // The encryption flag in the central directory.
        var encrypted = good
        let central = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], in: encrypted))
        encrypted[central + 8] |= 1
        #expect(throws: OfficeError.encrypted("a.xml")) { try ZipReader(bytes: encrypted) }
        // A ZIP64 end-of-directory locator before the end record.
        var zip64 = good
        let end = try #require(Self.find([0x50, 0x4B, 0x05, 0x06], in: zip64))
        zip64.insert(contentsOf: [0x50, 0x4B, 0x06, 0x07] + [UInt8](repeating: 0, count: 16), at: end)
        #expect(throws: OfficeError.zip64) { try ZipReader(bytes: zip64) }
    }

    @Test func oldExcelAndPasswordProtectedFilesAreToldApart() throws {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(throws: OfficeError.legacyBinaryWorkbook) { try XlsxWorkbook(bytes: ole + Array("Workbook".utf8)) }
        let name = Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }
        #expect(throws: OfficeError.passwordProtected) { try XlsxWorkbook(bytes: ole + name) }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func replace(_ needle: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
        while let at = find(needle, in: bytes) { bytes.replaceSubrange(at..<(at + needle.count), with: replacement) }
    }
}
