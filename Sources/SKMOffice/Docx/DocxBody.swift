/// Builds word/document.xml from the blocks and collects the images it refers to.
struct DocxBody {
    /// An image part: `word/media/image<number>.png` (and `.svg`).
    struct Media {
        var number: Int
        var png: [UInt8]
        var svg: [UInt8]?
    }

    let document: DocxDocument
    private(set) var media: [Media] = []
    private var bookmarks = 0

    init(document: DocxDocument) {
        self.document = document
    }

    mutating func documentXML() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<w:document \(DocxWriter.wordNamespaces) "
        xml += "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        xml += "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        xml += "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>"
        for block in document.blocks { append(block, to: &xml) }
        xml += sectionProperties()
        return xml + "</w:body></w:document>"
    }

    mutating func append(_ block: DocxBlock, to xml: inout String) {
        switch block {
        case .paragraph(let paragraph): xml += self.paragraph(paragraph)
        case .table(let table): xml += self.table(table)
        case .image(let image): xml += self.image(image)
        case .pageBreak: xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        case .tableOfContents(let entries, let levels): xml += tableOfContents(entries, levels: levels)
        }
    }

    mutating func paragraph(_ p: DocxParagraph, defaultAlignment: DocxParagraph.Alignment? = nil, keepWithNext: Bool = false)
        -> String
    {
        var xml = "<w:p>" + properties(p, defaultAlignment: defaultAlignment, keepWithNext: keepWithNext)
        var bookmarkID: Int?
        if let name = p.bookmark.map(Self.bookmarkName), !name.isEmpty {
            bookmarks += 1
            bookmarkID = bookmarks
            xml += "<w:bookmarkStart w:id=\"\(bookmarks)\" w:name=\"\(name)\"/>"
        }
        for run in p.runs { xml += Self.run(run) }
        if let bookmarkID { xml += "<w:bookmarkEnd w:id=\"\(bookmarkID)\"/>" }
        return xml + "</w:p>"
    }

    func properties(_ p: DocxParagraph, defaultAlignment: DocxParagraph.Alignment?, keepWithNext: Bool) -> String {
        var xml = "<w:pPr><w:pStyle w:val=\"\(p.style.rawValue)\"/>"
        if p.keepWithNext || keepWithNext { xml += "<w:keepNext/>" }
        if p.spaceBefore != nil || p.spaceAfter != nil {
            xml += "<w:spacing"
            if let before = p.spaceBefore { xml += " w:before=\"\(Self.twentieths(before))\"" }
            if let after = p.spaceAfter { xml += " w:after=\"\(Self.twentieths(after))\"" }
            xml += "/>"
        }
        if let alignment = p.alignment ?? defaultAlignment { xml += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        return xml + "</w:pPr>"
    }

    static func run(_ run: DocxRun) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if let color = run.color.flatMap(hexColor) { properties += "<w:color w:val=\"\(color)\"/>" }
        if let size = run.size, size.isFinite {
            let half = Int((min(max(size, 1), 1000) * 2).rounded())
            properties += "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
        }
        if run.highlight { properties += "<w:highlight w:val=\"yellow\"/>" }
        var xml = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        for (i, line) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { xml += "<w:br/>" }
            if !line.isEmpty { xml += "<w:t xml:space=\"preserve\">\(XMLEscape.text(String(line)))</w:t>" }
        }
        return xml + "</w:r>"
    }

    mutating func table(_ table: DocxTable) -> String {
        let widths = table.columns.map { max(0, $0.width) }
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        if table.borders {
            xml += "<w:tblBorders>"
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A96A3\"/>"
            }
            xml += "</w:tblBorders>"
        }
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:top w:w=\"30\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/>"
        xml += "<w:bottom w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        xml +=
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        xml += "</w:tblPr><w:tblGrid>"
        for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        let rowCount = table.header.count + table.rows.count
        for (index, row) in (table.header + table.rows).enumerated() {
            let isHeader = index < table.header.count
            // A header row is kept with the body; a table kept together keeps every row with the next.
            let keep = isHeader || (table.keepTogether && index < rowCount - 1)
            xml += tableRow(row, table: table, header: isHeader, keepWithNext: keep)
        }
        return xml + "</w:tbl>"
    }

    mutating func tableRow(_ row: [DocxTable.Cell], table: DocxTable, header: Bool, keepWithNext: Bool) -> String {
        var xml = "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>"
        var column = 0
        var cells = row.makeIterator()
        while column < table.columns.count {
            let cell = cells.next() ?? DocxTable.Cell([DocxRun("")])
            let span = min(cell.span, table.columns.count - column)
            let width = table.columns[column..<(column + span)].reduce(0) { $0 + max(0, $1.width) }
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if span > 1 { xml += "<w:gridSpan w:val=\"\(span)\"/>" }
            if let fill = cell.shading.flatMap(Self.hexColor) ?? (header ? "E8EDF2" : nil) {
                xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>"
            }
            xml += "</w:tcPr>"
            let paragraphs = cell.paragraphs.isEmpty ? [DocxParagraph(.tableText, [])] : cell.paragraphs
            for var p in paragraphs {
                if header {
                    p.runs = p.runs.map {
                        var r = $0
                        r.bold = true
                        return r
                    }
                }
                xml += paragraph(p, defaultAlignment: table.columns[column].alignment, keepWithNext: keepWithNext)
            }
            xml += "</w:tc>"
            column += span
        }
        return xml + "</w:tr>"
    }

    mutating func image(_ image: DocxImage) -> String {
        let number = media.count + 1
        media.append(Media(number: number, png: image.png, svg: image.svg))
        let cx = Self.emu(mm: image.width)
        let cy = Self.emu(mm: image.height)
        let description = XMLEscape.attribute(image.description)
        var blip = "<a:blip r:embed=\"rIdImage\(number)\">"
        if image.svg != nil {
            blip += "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            blip +=
                "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdSvg\(number)\"/>"
            blip += "</a:ext></a:extLst>"
        }
        blip += "</a:blip>"
        var xml = "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>"
        xml += "<w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
        xml += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
        xml += "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        xml += "<wp:docPr id=\"\(number)\" name=\"Gambar \(number)\" descr=\"\(description)\"/>"
        xml += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        xml += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        xml +=
            "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"image\(number).png\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
        xml += "<pic:blipFill>\(blip)<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        xml += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>"
        xml += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        xml += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        return xml
    }

    func tableOfContents(_ entries: [DocxTOCEntry], levels: Int) -> String {
        let depth = min(max(levels, 1), 3)
        let begin =
            "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-\(depth)\" \\h \\z \\u </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        guard !entries.isEmpty else {
            return "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>\(begin)\(end)</w:p>"
        }
        var xml = ""
        for (i, entry) in entries.enumerated() {
            let style = "TOC\(min(max(entry.level, 1), depth))"
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>"
            if i == 0 { xml += begin }
            xml += Self.run(DocxRun(entry.text))
            if i == entries.count - 1 { xml += end }
            xml += "</w:p>"
        }
        return xml
    }

    func sectionProperties() -> String {
        let page = document.page
        var xml = "<w:sectPr>"
        if document.pageNumberPrefix != nil { xml += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>" }
        xml += "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"/>"
        xml += "<w:pgMar w:top=\"\(page.top)\" w:right=\"\(page.right)\" w:bottom=\"\(page.bottom)\" w:left=\"\(page.left)\" "
        xml += "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        return xml + "</w:sectPr>"
    }

    /// Points as twentieths of a point, clamped to what Word accepts.
    static func twentieths(_ points: Double) -> Int {
        guard points.isFinite else { return 0 }
        return Int((min(max(points, 0), 1584) * 20).rounded())
    }

    /// Millimetres as English Metric Units (36,000 per mm), clamped to a page's worth.
    static func emu(mm: Double) -> Int {
        guard mm.isFinite else { return 36_000 }
        return Int((min(max(mm, 1), 2000) * 36_000).rounded())
    }

    /// Six hex digits, upper case, or nil when `s` is not a colour.
    static func hexColor(_ s: String) -> String? {
        let digits = s.hasPrefix("#") ? String(s.dropFirst()) : s
        guard digits.utf8.count == 6, digits.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        return digits.uppercased()
    }

    /// A bookmark name Word accepts: letters, digits and `_`, starting with a letter, at most 40.
    static func bookmarkName(_ s: String) -> String {
        let kept = s.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber) ? c : "_"
        }
        let name = "bm_" + String(kept)
        return String(name.prefix(40))
    }
}
