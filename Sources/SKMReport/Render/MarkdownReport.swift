/// The report as Markdown, for pasting into a word processor: the same chapters, paragraphs and
/// numbers as the HTML (tables as Markdown tables). Charts are referred to by caption, since
/// their numbers are in the table above each one.
public enum MarkdownReport {
    public static func render(_ document: ReportDocument) -> String {
        var out = ""
        out.reserveCapacity(128 * 1024)
        let cover = document.cover
        out += "# " + cover.lines.map(Escape.markdown).joined(separator: " ") + "\n\n"
        out += "**" + inline(cover.office) + "**  \n" + inline(cover.address) + "\n\n"
        if case .unusable(let reason) = cover.logo { out += inline([.placeholder("Logo tidak dimuat: \(reason)")]) + "\n\n" }
        if !cover.highlights.isEmpty {
            out += "| " + cover.highlights.map { Escape.markdown($0.0) }.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: ":---:|", count: cover.highlights.count) + "\n"
            out += "| " + cover.highlights.map { "**" + Escape.markdown($0.1) + "**" }.joined(separator: " | ") + " |\n\n"
        }
        for notice in cover.notices { out += "> " + inline(notice) + "\n\n" }
        for chapter in document.chapters {
            out += "---\n\n# \(Escape.markdown(chapter.title))\n\n"
            for block in chapter.blocks { render(block, into: &out) }
        }
        return out
    }

    static func render(_ block: Block, into out: inout String) {
        switch block {
        case .heading(let text, _):
            out += "## \(Escape.markdown(text))\n\n"
        case .paragraph(let parts):
            out += inline(parts) + "\n\n"
        case .bullets(let items):
            for item in items { out += "- " + inline(item) + "\n" }
            out += "\n"
        case .notice(let parts):
            out += "> " + inline(parts) + "\n\n"
        case .figure(let figure):
            let whereToSee =
                figure.fullPage ? "lihat berkas SVG infografis" : "grafik ada pada laporan HTML; angkanya ada pada tabel di atas"
            out += "*\(Escape.markdown(figure.caption)) — \(whereToSee).*\n\n"
        case .table(let table):
            render(table, into: &out)
        case .signature(let s):
            out +=
                inline(s.placeAndDate) + "  \n" + inline(s.position) + "\n\n\n\n" + inline(s.name) + "  \n" + inline(s.nip)
                + "\n\n"
        }
    }

    static func render(_ table: ReportTable, into out: inout String) {
        out += "**\(Escape.markdown(table.caption))**\n\n"
        out += "| " + table.columns.map { Escape.markdown($0.title) }.joined(separator: " | ") + " |\n"
        out +=
            "|"
            + table.columns.map { column -> String in
                switch column.alignment {
                case .left: return " --- |"
                case .right: return " ---: |"
                case .center: return " :---: |"
                }
            }.joined() + "\n"
        let shown = table.printLimit.map { Array(table.rows.prefix($0)) } ?? table.rows
        for row in shown { out += rowText(row, bold: false) }
        for row in table.footer { out += rowText(row, bold: true) }
        out += "\n"
        for note in table.notes { out += "*Catatan:* " + inline(note) + "\n\n" }
    }

    static func rowText(_ row: [Cell], bold: Bool) -> String {
        let cells = row.map { cell -> String in
            let text: String
            if case .placeholder(let s) = cell {
                text = inline([.placeholder(s)])
            } else {
                let shown = Escape.markdown(Words.cell(cell))
                text = bold && !shown.isEmpty && shown != "–" ? "**\(shown)**" : shown
            }
            return text.isEmpty ? " " : text
        }
        return "| " + cells.joined(separator: " | ") + " |\n"
    }

    static func inline(_ parts: [Inline]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += Escape.markdown(s)
            case .strong(let s): out += strong(Escape.markdown(s))
            case .placeholder(let s): out += "**\\[\(Escape.markdown(s))\\]**"
            }
        }
        return out
    }

    /// `**text**` with surrounding spaces kept outside the markers (CommonMark ignores `**a **`).
    static func strong(_ text: String) -> String {
        var core = Substring(text)
        var before = ""
        var after = ""
        while core.first == " " {
            core.removeFirst()
            before += " "
        }
        while core.last == " " {
            core.removeLast()
            after += " "
        }
        return core.isEmpty ? text : before + "**" + core + "**" + after
    }
}
