/// The report as one self-contained HTML file: inline CSS and SVG, no scripts, no network
/// (a Content-Security-Policy says so to the browser), A4 print styles with every chapter on a
/// new page and table rows that never split across pages.
public enum HTMLReport {
    public static func render(_ document: ReportDocument) -> String {
        var out = ""
        out.reserveCapacity(256 * 1024)
        out += "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"skm\">\n"
        out +=
            "<title>\(Escape.html(document.title))</title>\n<style>\n\(HTMLStyle.css)\(HTMLStyle.pages(document.chapters))</style>\n</head>\n<body>\n"
        cover(document.cover, into: &out)
        contents(document, into: &out)
        for chapter in document.chapters {
            out += "<section class=\"bab\" id=\"\(chapter.id)\">\n<h1>\(Escape.html(chapter.title))</h1>\n"
            for block in chapter.blocks { render(block, into: &out) }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    static func cover(_ cover: Cover, into out: inout String) {
        out += "<section class=\"sampul\">\n"
        if let uri = cover.logo.dataURI {
            out += "<img class=\"logo\" src=\"\(Escape.html(uri))\" alt=\"Logo kantor\">\n"
        } else if case .unusable(let reason) = cover.logo {
            out += "<p>\(inline([.placeholder("Logo tidak dimuat: \(reason)")]))</p>\n"
        }
        for (i, line) in cover.lines.enumerated() {
            out += "<p class=\"judul\(i == cover.lines.count - 1 ? " tahun" : "")\">\(Escape.html(line))</p>\n"
        }
        out += "<p class=\"kantor\">\(inline(cover.office))</p>\n<p class=\"alamat\">\(inline(cover.address))</p>\n"
        if !cover.highlights.isEmpty {
            out += "<div class=\"sorotan\">"
            for (label, value) in cover.highlights {
                out += "<div><span>\(Escape.html(label))</span><strong>\(Escape.html(value))</strong></div>"
            }
            out += "</div>\n"
        }
        for notice in cover.notices { out += "<div class=\"catatan-penting\">\(inline(notice))</div>\n" }
        out += "</section>\n"
    }

    static func contents(_ document: ReportDocument, into out: inout String) {
        out += "<nav class=\"daftar-isi\">\n<h1>DAFTAR ISI</h1>\n<ol>\n"
        for chapter in document.chapters {
            out += "<li><a class=\"bab-isi\" href=\"#\(chapter.id)\"><span>\(Escape.html(chapter.title))</span>"
            out += "<span class=\"hal\">\(Escape.html(chapter.pagePrefix))-1</span></a>"
            let sections = chapter.blocks.compactMap { block -> (String, String)? in
                if case .heading(let text, let id) = block { return (text, id) }
                return nil
            }
            if !sections.isEmpty {
                out += "<ol>"
                for (text, id) in sections { out += "<li><a href=\"#\(id)\">\(Escape.html(text))</a></li>" }
                out += "</ol>"
            }
            out += "</li>\n"
        }
        out += "</ol>\n<p class=\"keterangan\">Halaman diberi nomor per bab: III-2 adalah halaman kedua Bab III.</p>\n</nav>\n"
    }

    static func render(_ block: Block, into out: inout String) {
        switch block {
        case .heading(let text, let id):
            out += "<h2 id=\"\(id)\">\(Escape.html(text))</h2>\n"
        case .paragraph(let parts):
            out += "<p>\(inline(parts))</p>\n"
        case .bullets(let items):
            out += "<ul>\n"
            for item in items { out += "<li>\(inline(item))</li>\n" }
            out += "</ul>\n"
        case .notice(let parts):
            out += "<div class=\"catatan-penting\">\(inline(parts))</div>\n"
        case .figure(let figure):
            out +=
                "<figure id=\"\(figure.id)\"\(figure.fullPage ? " class=\"halaman\"" : "")>\n\(figure.svg)\n<figcaption>\(Escape.html(figure.caption))</figcaption>\n</figure>\n"
        case .table(let table):
            render(table, into: &out)
        case .signature(let s):
            out += "<div class=\"ttd\">\n<p>\(inline(s.placeAndDate))</p>\n<p>\(inline(s.position))</p>\n"
            out +=
                "<div class=\"ruang-ttd\"></div>\n<p class=\"nama\">\(inline(s.name))</p>\n<p class=\"nip\">\(inline(s.nip))</p>\n</div>\n"
        }
    }

    static func render(_ table: ReportTable, into out: inout String) {
        let shown = table.printLimit.map { Array(table.rows.prefix($0)) } ?? table.rows
        // A short table is kept on one page; a long one breaks between rows, its header repeated.
        let whole = shown.count + table.footer.count <= 15 ? " class=\"utuh\"" : ""
        out += "<table id=\"tabel-\(table.id)\"\(whole)>\n<caption>\(Escape.html(table.caption))</caption>\n<thead><tr>"
        for column in table.columns {
            out += "<th\(alignClass(column.alignment))>\(Escape.html(column.title))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in shown { out += rowHTML(row, table) }
        out += "</tbody>\n"
        if !table.footer.isEmpty {
            out += "<tfoot>\n"
            for row in table.footer { out += rowHTML(row, table) }
            out += "</tfoot>\n"
        }
        out += "</table>\n"
        for note in table.notes { out += "<p class=\"catatan\">Catatan: \(inline(note))</p>\n" }
    }

    static func rowHTML(_ row: [Cell], _ table: ReportTable) -> String {
        var out = "<tr>"
        for (i, cell) in row.enumerated() {
            let alignment = i < table.columns.count ? table.columns[i].alignment : .left
            if case .placeholder(let text) = cell {
                out += "<td\(alignClass(alignment))>\(inline([.placeholder(text)]))</td>"
            } else {
                out += "<td\(alignClass(alignment))>\(Escape.html(Words.cell(cell)))</td>"
            }
        }
        return out + "</tr>\n"
    }

    static func alignClass(_ a: ReportTable.Alignment) -> String {
        switch a {
        case .left: return ""
        case .right: return " class=\"r\""
        case .center: return " class=\"c\""
        }
    }

    static func inline(_ parts: [Inline]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += Escape.html(s)
            case .strong(let s): out += "<strong>\(Escape.html(s))</strong>"
            case .placeholder(let s): out += "<mark class=\"isian\">[\(Escape.html(s))]</mark>"
            }
        }
        return out
    }
}

/// The stylesheet: screen reading and A4 printing.
enum HTMLStyle {
    /// Printed page numbers: none on the cover, a roman numeral on the contents page, and
    /// `III-1`, `III-2`… per chapter (a counter per named page), in the bottom margin box. Every
    /// margin box is defined, so a browser prints no header or footer of its own (no file path,
    /// no date) and nobody has to switch them off in the print dialog.
    static func pages(_ chapters: [Chapter]) -> String {
        var css = ""
        for chapter in chapters {
            let id = chapter.id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            let prefix = chapter.pagePrefix.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            css += "#\(id) { page: \(id); }\n"
            css +=
                "@page \(id) { counter-increment: hal-\(id); @bottom-center { content: \"Halaman \(prefix)-\" counter(hal-\(id)); } }\n"
        }
        return css
    }

    static let css = """
        @page { size: A4; margin: 20mm 18mm 20mm 22mm;
          @top-left { content: ""; } @top-center { content: ""; } @top-right { content: ""; }
          @bottom-left { content: ""; } @bottom-right { content: ""; }
          @bottom-center { content: ""; font-family: "DejaVu Serif", Georgia, serif; font-size: 9.5pt; color: #4a5563; } }
        .sampul { page: sampul; }
        .daftar-isi { page: daftar-isi; }
        @page daftar-isi { @bottom-center { content: "Halaman " counter(page, lower-roman); } }
        html { background: #e9ecef; }
        body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
          color: #1d2733; background: #fff; max-width: 210mm; margin: 0 auto; padding: 14mm 16mm; box-sizing: border-box; }
        @media print { html { background: none; } body { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } }
        .sampul { text-align: center; padding-top: 30mm; }
        .sampul .logo { max-height: 32mm; max-width: 60mm; margin-bottom: 10mm; }
        .sampul .judul { font-size: 20pt; font-weight: bold; margin: 0; letter-spacing: 0.5pt; }
        .sampul .tahun { margin-bottom: 24mm; }
        .sampul .kantor { font-size: 16pt; font-weight: bold; margin: 0 0 2mm; }
        .sampul .alamat { margin: 0 0 14mm; }
        .sorotan { display: flex; justify-content: center; gap: 8mm; margin: 0 0 12mm; }
        .sorotan div { border: 1.5px solid #2f6db5; border-radius: 3mm; padding: 3mm 6mm; min-width: 30mm; }
        .sorotan span { display: block; font-size: 9.5pt; color: #4a5563; }
        .sorotan strong { font-size: 16pt; }
        .bab, .daftar-isi { break-before: page; page-break-before: always; }
        h1 { font-size: 15pt; text-align: center; margin: 0 0 8mm; }
        h2 { font-size: 12.5pt; margin: 7mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 3mm; text-align: justify; }
        .daftar-isi ol { list-style: none; padding-left: 0; } .daftar-isi ol ol { padding-left: 8mm; }
        .daftar-isi li { margin: 1mm 0; } .daftar-isi a { color: inherit; text-decoration: none; }
        .daftar-isi a.bab-isi { display: flex; gap: 2mm; font-weight: bold; }
        .daftar-isi a.bab-isi::after { content: ""; order: 1; flex: 1; border-bottom: 1px dotted #8a96a3; margin-bottom: 1.2mm; }
        .daftar-isi a.bab-isi .hal { order: 2; white-space: nowrap; }
        .daftar-isi p.keterangan { font-size: 9.5pt; color: #4a5563; }
        h2, caption, h2 + p, p:has(+ table), p:has(+ figure) { break-after: avoid; page-break-after: avoid; }
        h2 + p, h2 + table, h2 + figure, p + table, p + figure { break-before: avoid; page-break-before: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 3mm 0 1mm; font-size: 9.5pt; line-height: 1.3; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 1.5mm; }
        th, td { border: 1px solid #8a96a3; padding: 1.2mm 1.8mm; vertical-align: top; }
        th { background: #e8edf2; font-weight: bold; }
        thead { display: table-header-group; }
        table.utuh { break-inside: avoid; page-break-inside: avoid; }
        tfoot td { font-weight: bold; background: #f3f5f7; }
        tr, img, svg, figure, .ttd, .catatan-penting, .sorotan { break-inside: avoid; page-break-inside: avoid; }
        td.r, th.r { text-align: right; white-space: nowrap; } td.c, th.c { text-align: center; }
        td { font-variant-numeric: tabular-nums; }
        figure { margin: 3mm 0 5mm; text-align: center; }
        figure svg { max-width: 100%; height: auto; }
        figure.halaman svg { max-height: 215mm; width: auto; }
        figcaption { font-size: 9.5pt; font-style: italic; margin-top: 1mm; }
        mark.isian { background: #fff1b8; border: 1px dashed #b7791f; padding: 0 1mm; color: #7a4a00; }
        .catatan-penting { border: 1.5px solid #b7791f; background: #fffaf0; padding: 3mm 4mm; margin: 3mm 0; text-align: left; }
        .catatan { font-size: 9pt; color: #4a5563; margin: 1mm 0 4mm; }
        .ttd { width: max-content; min-width: 80mm; max-width: 100%; margin: 12mm 0 0 auto; text-align: center; }
        .ttd p { text-align: center; margin: 0; } .ttd p.nama, .ttd p.nip { white-space: nowrap; }
        .ruang-ttd { height: 22mm; }

        """
}
