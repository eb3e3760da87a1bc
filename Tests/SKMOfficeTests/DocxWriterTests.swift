import Foundation
import SKMOffice
import Testing

/// What DocxWriter writes, read back by python-docx (an independent reader).
@Suite struct DocxWriterTests {
    static func sample() throws -> [UInt8] {
        let png = try PNGEncoder.encode(width: 2, height: 1, rgb: [255, 0, 0, 0, 0, 255])
        let blocks: [DocxBlock] = [
            .paragraph(DocxParagraph(.title, text: "Judul <&> \"kutip\"")),
            .tableOfContents(entries: [DocxTOCEntry("BAB I", level: 1)], levels: 2),
            .pageBreak,
            .paragraph(DocxParagraph(.heading1, text: "BAB I")),
            .paragraph(DocxParagraph(.heading2, text: "1.1 Bagian")),
            .paragraph(
                DocxParagraph(
                    .normal,
                    [
                        DocxRun("biasa "), DocxRun("tebal", bold: true), DocxRun(" miring", italic: true),
                        DocxRun("\u{1}[isi]", highlight: true),
                    ])),
            .table(
                DocxTable(
                    columns: [.init(width: 2000), .init(width: 3000, alignment: .right)],
                    header: [[DocxTable.Cell([DocxRun("Unsur")]), DocxTable.Cell([DocxRun("Nilai")])]],
                    rows: [
                        [DocxTable.Cell([DocxRun("U1")]), DocxTable.Cell([DocxRun("82,57")])],
                        [DocxTable.Cell([DocxRun("gabung")], span: 2)],
                    ])),
            .image(
                DocxImage(
                    png: png, svg: Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"1\"/>".utf8), width: 40,
                    height: 20, description: "Grafik")),
            .paragraph(DocxParagraph(.heading3, text: "1.1.1 Sub")),
        ]
        return try DocxWriter.write(
            DocxDocument(
                title: "Uji", blocks: blocks, page: .a4(top: 20, right: 18, bottom: 20, left: 22), pageNumberPrefix: "Halaman "))
    }

    @Test(.enabled(if: OfficePython.docx != nil || OfficePython.mustRun, OfficePython.skipDocx))
    func pythonDocxReadsStylesRunsTablesImagesAndTheSection() throws {
        let python = try #require(OfficePython.docx, "python-docx tidak ditemukan; .ci/run memasangnya di .build/ci-venv")
        let script = """
            import sys, docx
            from docx.oxml.ns import qn
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs:
                print("P", p.style.name, "|", p.text, "|", ",".join(("b" if r.bold else "") + ("i" if r.italic else "") + ("h" if r.font.highlight_color else "") for r in p.runs))
            for t in d.tables:
                for row in t.rows:
                    print("R", row._tr.trPr.find(qn("w:tblHeader")) is not None, [c.text for c in row.cells], [c.width for c in row.cells][:2])
            print("I", len(d.inline_shapes), d.inline_shapes[0].width.mm, d.inline_shapes[0].height.mm)
            s = d.sections[0]
            print("S", round(s.page_width.mm), round(s.page_height.mm), round(s.top_margin.mm), round(s.left_margin.mm), s.footer.paragraphs[0].text)
            for name in ("Heading 1", "Heading 2", "Heading 3"):
                print("O", name, d.styles[name].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")))
            print("C", d.core_properties.title)
            """
        let result = try OfficePython.check(try Self.sample(), suffix: ".docx", script: script, python: python)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("P Title | Judul <&> \"kutip\" | "))
        #expect(lines.contains("P Heading 1 | BAB I | "))
        #expect(lines.contains("P Heading 2 | 1.1 Bagian | "))
        #expect(lines.contains("P Heading 3 | 1.1.1 Sub | "))
        // The control character is dropped; bold, italic and highlight survive.
        #expect(lines.contains("P Normal | biasa tebal miring[isi] | ,b,i,h"), "\(lines)")
        #expect(lines.contains("R True ['Unsur', 'Nilai'] [1270000, 1905000]"), "\(lines)")
        #expect(lines.contains("R False ['U1', '82,57'] [1270000, 1905000]"))
        #expect(lines.contains("R False ['gabung', 'gabung'] [3175000, 3175000]"), "\(lines)")
        #expect(lines.contains("I 1 40.0 20.0"))
        #expect(lines.contains("S 210 297 20 22 Halaman 1"))
        #expect(lines.contains("O Heading 1 0") && lines.contains("O Heading 2 1") && lines.contains("O Heading 3 2"))
        #expect(lines.contains("C Uji"))
    }

    @Test func thePackageHasTheOfficePartsAndTheSameBytesEachTime() throws {
        let bytes = try Self.sample()
        #expect(bytes == (try Self.sample()))
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(sorted(z.namelist()))
            doc = z.read("word/document.xml").decode()
            print(doc.count('<w:br w:type="page"/>'), 'TOC \\\\o "1-2"' in doc, "svgBlip" in doc, "<w:tblHeader/>" in doc, "<w:cantSplit/>" in doc)
            print('<w:pgSz w:w="11906" w:h="16838"/>' in doc, "PAGE" in z.read("word/footer1.xml").decode())
            print("updateFields" in z.read("word/settings.xml").decode())
            """
        let result = try OfficePython.check(bytes, suffix: ".docx", script: script)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/footer1.xml', 'word/media/image1.png', 'word/media/image1.svg', 'word/settings.xml', 'word/styles.xml']"
        )
        #expect(Array(lines.dropFirst()) == ["1 True True True True", "True True", "True"])
    }

    @Test func pngPixelsReadBackWithZlib() throws {
        var rgb: [UInt8] = []
        for y in 0..<3 { for x in 0..<5 { rgb += [UInt8(x * 50), UInt8(y * 100), 7] } }
        let png = try PNGEncoder.encode(width: 5, height: 3, rgb: rgb)
        let script = """
            import sys, struct, zlib
            data = open(sys.argv[1], "rb").read()
            assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
            pos, chunks, idat = 8, [], b""
            while pos < len(data):
                n, kind = struct.unpack(">I4s", data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + n]
                assert struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0] == zlib.crc32(kind + body)
                chunks.append(kind.decode())
                if kind == b"IHDR": print(struct.unpack(">IIBBBBB", body))
                if kind == b"IDAT": idat += body
                pos += 12 + n
            print(chunks)
            raw = zlib.decompress(idat)
            rows = [raw[i * 16:(i + 1) * 16] for i in range(3)]
            print([r[0] for r in rows], list(rows[2][1:]))
            """
        let result = try OfficePython.check(png, suffix: ".png", script: script)
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.split(separator: "\n").map(String.init) == [
                "(5, 3, 8, 2, 0, 0, 0)", "['IHDR', 'IDAT', 'IEND']",
                "[0, 0, 0] [0, 200, 7, 50, 200, 7, 100, 200, 7, 150, 200, 7, 200, 200, 7]",
            ])
        #expect(throws: OfficeError.self) { try PNGEncoder.encode(width: 2, height: 2, rgb: [1, 2, 3]) }
        #expect(throws: OfficeError.self) { try PNGEncoder.encode(width: 0, height: 0, rgb: []) }
    }

    @Test func xmlEscapingDropsWhatXMLForbids() {
        #expect(XMLEscape.text("a<b>&c\"'") == "a&lt;b&gt;&amp;c\"'")
        #expect(XMLEscape.attribute("a\"b'c\nd") == "a&quot;b&apos;c&#10;d")
        #expect(XMLEscape.text("x\u{0}y\u{1F}z\u{FFFE}") == "xyz")
        #expect(XMLEscape.text("tab\tok") == "tab\tok")
        #expect(XMLEscape.text("Sangat baik — ü") == "Sangat baik — ü")
    }
}
