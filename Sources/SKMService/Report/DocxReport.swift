import SKMOffice
import SKMReport

/// The annual report as an editable Word document, rendered from the same `ReportDocument` as the
/// HTML and Markdown files: chapters as Heading 1, sections as Heading 2 (Word's table of contents
/// and navigation pane find them), tables as Word tables with their header row repeated, charts
/// as pictures, the signature block, page numbers in the footer, A4 with the HTML report's margins.
///
/// Charts: Word needs a raster, so every SVG chart is drawn into a PNG by `ChartRaster` (bars,
/// lines, axes, circles, and its text in a 5 × 7 dot font) and the SVG itself goes with it as the
/// picture's `asvg:svgBlip`, which Word 2016 and later show instead (LibreOffice 7.4 shows the PNG).
enum DocxReport {
    static let page = DocxPage.a4(top: 20, right: 18, bottom: 20, left: 22)

    static func render(_ document: ReportDocument) throws(OfficeError) -> [UInt8] {
        var blocks: [DocxBlock] = []
        cover(document.cover, into: &blocks)
        blocks.append(.pageBreak)
        blocks.append(.paragraph(DocxParagraph(.title, [DocxRun("DAFTAR ISI", size: 15)])))
        var entries: [DocxTOCEntry] = []
        for chapter in document.chapters {
            entries.append(DocxTOCEntry(chapter.title, level: 1))
            for block in chapter.blocks {
                if case .heading(let text, _) = block { entries.append(DocxTOCEntry(text, level: 2)) }
            }
        }
        blocks.append(.tableOfContents(entries: entries, levels: 2))
        for chapter in document.chapters {
            blocks.append(.pageBreak)
            blocks.append(.paragraph(DocxParagraph(.heading1, [DocxRun(chapter.title)], bookmark: chapter.id)))
            for block in chapter.blocks { try render(block, into: &blocks) }
        }
        let docx = DocxDocument(title: document.title, blocks: blocks, page: page, pageNumberPrefix: "Halaman ")
        return try DocxWriter.write(docx)
    }

    static func cover(_ cover: Cover, into blocks: inout [DocxBlock]) {
        blocks.append(.paragraph(DocxParagraph(.normal, [], spaceBefore: 90)))
        if case .unusable(let reason) = cover.logo {
            blocks.append(
                .paragraph(DocxParagraph(.normal, runs([.placeholder("Logo tidak dimuat: \(reason)")]), alignment: .center)))
        }
        for (i, line) in cover.lines.enumerated() {
            let last = i == cover.lines.count - 1
            blocks.append(.paragraph(DocxParagraph(.title, [DocxRun(line)], spaceAfter: last ? 80 : 4)))
        }
        blocks.append(
            .paragraph(DocxParagraph(.normal, runs(cover.office, size: 16, bold: true), alignment: .center, spaceAfter: 4)))
        blocks.append(.paragraph(DocxParagraph(.normal, runs(cover.address), alignment: .center, spaceAfter: 30)))
        if !cover.highlights.isEmpty {
            let width = page.textWidth / max(cover.highlights.count, 1)
            let cells = cover.highlights.map { label, value in
                DocxTable.Cell([
                    DocxParagraph(.tableText, [DocxRun(label, size: 9.5, color: "4A5563")], alignment: .center),
                    DocxParagraph(.tableText, [DocxRun(value, bold: true, size: 16)], alignment: .center),
                ])
            }
            blocks.append(
                .table(DocxTable(columns: cover.highlights.map { _ in .init(width: width, alignment: .center) }, rows: [cells])))
            blocks.append(.paragraph(DocxParagraph(.normal, [])))
        }
        for notice in cover.notices { blocks.append(.paragraph(DocxParagraph(.notice, runs(notice)))) }
    }

    static func render(_ block: Block, into blocks: inout [DocxBlock]) throws(OfficeError) {
        switch block {
        case .heading(let text, let id):
            blocks.append(.paragraph(DocxParagraph(.heading2, [DocxRun(text)], bookmark: id)))
        case .paragraph(let parts):
            blocks.append(.paragraph(DocxParagraph(.normal, runs(parts))))
        case .bullets(let items):
            for item in items { blocks.append(.paragraph(DocxParagraph(.bullet, [DocxRun("•\t")] + runs(item)))) }
        case .notice(let parts):
            blocks.append(.paragraph(DocxParagraph(.notice, runs(parts))))
        case .table(let table):
            blocks += self.table(table)
        case .figure(let figure):
            if let image = try image(figure) { blocks.append(.image(image)) }
            blocks.append(.paragraph(DocxParagraph(.caption, [DocxRun(figure.caption)])))
        case .signature(let s):
            blocks.append(.table(signature(s)))
        }
    }

    static func runs(_ parts: [Inline], size: Double? = nil, bold: Bool = false) -> [DocxRun] {
        parts.map { part in
            switch part {
            case .text(let s): return DocxRun(s, bold: bold, size: size)
            case .strong(let s): return DocxRun(s, bold: true, size: size)
            case .placeholder(let s): return DocxRun("[\(s)]", bold: bold, highlight: true, size: size)
            }
        }
    }

    static func table(_ table: ReportTable) -> [DocxBlock] {
        let shown = table.printLimit.map { Array(table.rows.prefix($0)) } ?? table.rows
        let alignments = table.columns.map { column -> DocxParagraph.Alignment in
            switch column.alignment {
            case .left: return .left
            case .right: return .right
            case .center: return .center
            }
        }
        let widths = columnWidths(table, rows: shown)
        let columns = zip(widths, alignments).map { DocxTable.Column(width: $0, alignment: $1) }
        let header = [table.columns.map { DocxTable.Cell([DocxRun($0.title)]) }]
        let body = shown.map { row in row.map { DocxTable.Cell(cellRuns($0)) } }
        let footer = table.footer.map { row in
            row.map { cell in
                DocxTable.Cell(
                    cellRuns(cell).map {
                        var r = $0
                        r.bold = true
                        return r
                    }, shading: "F3F5F7")
            }
        }
        var blocks: [DocxBlock] = [
            .paragraph(
                DocxParagraph(.tableText, [DocxRun(table.caption, bold: true)], keepWithNext: true, spaceBefore: 8, spaceAfter: 4)
            ),
            .table(
                DocxTable(
                    columns: columns, header: header, rows: body + footer, keepTogether: shown.count + table.footer.count <= 15)),
        ]
        for note in table.notes { blocks.append(.paragraph(DocxParagraph(.note, [DocxRun("Catatan: ")] + runs(note)))) }
        if table.notes.isEmpty { blocks.append(.paragraph(DocxParagraph(.tableText, [], spaceAfter: 8))) }
        return blocks
    }

    static func cellRuns(_ cell: Cell) -> [DocxRun] {
        if case .placeholder(let text) = cell { return [DocxRun("[\(text)]", highlight: true)] }
        return [DocxRun(cell.displayText)]
    }

    /// Column widths: each column at least as wide as its longest word (numbers never wrap), the
    /// rest of the text width shared out by how much longer each column's texts are.
    static func columnWidths(_ table: ReportTable, rows: [[Cell]]) -> [Int] {
        let characterWidth = 118  // twips per character at 9 pt (DejaVu Serif digits), with room to spare
        let padding = 150  // the cell's margins (2 × 57) and a little air
        var minimum: [Int] = []
        var extra: [Int] = []
        for i in table.columns.indices {
            var texts = [table.columns[i].title]
            for row in rows + table.footer where i < row.count { texts.append(row[i].displayText) }
            // Header words are bold: a little wider than the body's.
            let titleWord = (table.columns[i].title.split(separator: " ").map(\.count).max() ?? 1) * 11 / 10 + 1
            let longestWord = max(titleWord, texts.dropFirst().flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 1)
            let longest = texts.map(\.count).max() ?? 1
            minimum.append(min(longestWord, 24) * characterWidth + padding)
            extra.append(max(0, min(longest, 60) - longestWord))
        }
        let available = page.textWidth
        let least = minimum.reduce(0, +)
        guard least < available else { return minimum.map { $0 * available / max(least, 1) } }
        let share = extra.reduce(0, +)
        let spare = available - least
        return zip(minimum, extra).map { low, more in
            low + (share > 0 ? spare * more / share : spare / max(minimum.count, 1))
        }
    }

    /// The chart as a PNG (with its SVG), fitted into the text width, or into the page for a
    /// full-page figure; nil when the SVG has no size.
    static func image(_ figure: Figure) throws(OfficeError) -> DocxImage? {
        guard let size = ChartRaster.size(of: figure.svg), let raster = ChartRaster.render(figure.svg, scale: 2) else {
            return nil
        }
        let png = try PNGEncoder.encode(width: raster.width, height: raster.height, rgb: raster.rgb)
        let textWidth = Double(page.textWidth) * 25.4 / 1440
        let maximumHeight = figure.fullPage ? 215.0 : 150.0
        var width = min(textWidth, size.width * 0.25)
        var height = width * size.height / size.width
        if height > maximumHeight {
            height = maximumHeight
            width = height * size.width / size.height
        }
        return DocxImage(png: png, svg: Array(figure.svg.utf8), width: width, height: height, description: figure.caption)
    }

    static func signature(_ s: Signature) -> DocxTable {
        let right = page.textWidth * 11 / 20
        let lines = [
            DocxParagraph(.normal, runs(s.placeAndDate), alignment: .center, spaceAfter: 0),
            DocxParagraph(.normal, runs(s.position), alignment: .center, spaceAfter: 64),
            DocxParagraph(.normal, runs(s.name, bold: true), alignment: .center, spaceAfter: 0),
            DocxParagraph(.normal, runs(s.nip), alignment: .center, spaceAfter: 0),
        ]
        return DocxTable(
            columns: [.init(width: page.textWidth - right), .init(width: right, alignment: .center)],
            rows: [[DocxTable.Cell([DocxParagraph(.tableText, [])]), DocxTable.Cell(lines)]], borders: false, keepTogether: true)
    }
}
