import SKMCore

/// The one-page "infografis IKM" offices post on notice boards and websites: the office's name,
/// the IKM with its mutu and kinerja, the number of respondents and the bar of every unsur.
/// A standalone SVG in A4 proportions; everything written in it is escaped.
public enum Infographic {
    static let width = 800.0
    static let height = 1131.0
    static let navy = "#1f3b63"

    public static func render(_ d: ReportData) -> String {
        let c = ContentContext(d)
        let bands = d.questionnaire.bands
        let r = d.overall
        let f = SVGCharts.fmt
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"Infografis IKM \(d.year)\" \(SVGCharts.font)>"
        svg +=
            "<title>\(Escape.html("Infografis Indeks Kepuasan Masyarakat \(d.year) — \(d.office.name ?? d.scopeDescription)"))</title>"
        svg += "<rect width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>"
        svg += header(d)
        svg += gauge(r, bands: bands, year: d.year)
        svg += facts(d)
        var y = 500.0
        svg += sectionTitle(
            "Nilai per unsur pelayanan (NRR × \(IndonesianNumber.format(d.questionnaire.conversionFactor, decimals: 0)))", y: y)
        y += 16
        let unsurBars = r.unsur.map { c.bar(Words.unsur($0), $0) }
        let axis = c.axis
        let unsurChart = SVGCharts.horizontalBars(
            unsurBars, title: "Nilai per unsur", axis: axis, tickStep: 20,
            thresholds: c.thresholds, legend: c.legend, emptyText: "Tidak ada data: belum ada responden tahun \(d.year)",
            width: 720)
        svg += "<g transform=\"translate(40 \(f(y)))\">\(unsurChart)</g>"
        y += 40 + Double(max(r.unsur.count, 2)) * 24 + 44 + 22
        if !d.services.isEmpty && y + 16 + 12 + Double(max(d.services.count, 2)) * 24 + 34 <= height - 84 {
            svg += sectionTitle("IKM per jenis layanan", y: y)
            y += 16
            let serviceBars = d.services.map { c.bar($0.label, $0.result) }
            let chart = SVGCharts.horizontalBars(
                serviceBars, title: "IKM per jenis layanan", axis: axis, tickStep: 20,
                emptyText: "Tidak ada data: belum ada responden tahun \(d.year)", width: 720)
            svg += "<g transform=\"translate(40 \(f(y)))\">\(chart)</g>"
            y += 12 + Double(max(d.services.count, 2)) * 24 + 34 + 30
        } else if !d.services.isEmpty {
            svg += SVGCharts.text(
                "IKM \(d.services.count) jenis layanan: lihat laporan lengkap.", x: 40, y: y + 10, anchor: "start", size: 13,
                color: Palette.muted, italic: true)
            y += 40
        }
        svg += priorities(c.weakest, y: y)
        svg += footer(d, bands: bands)
        return svg + "</svg>\n"
    }

    static func header(_ d: ReportData) -> String {
        var svg = "<rect width=\"\(SVGCharts.fmt(width))\" height=\"190\" fill=\"\(navy)\"/>"
        var textLeft = 40.0
        if let uri = d.office.logo.dataURI {
            svg +=
                "<image x=\"36\" y=\"40\" width=\"110\" height=\"110\" preserveAspectRatio=\"xMidYMid meet\" href=\"\(Escape.html(uri))\"/>"
            textLeft = 170
        }
        svg += SVGCharts.text("INFOGRAFIS", x: textLeft, y: 52, anchor: "start", size: 15, color: "#cfe0f5", bold: true)
        svg += SVGCharts.text(
            "INDEKS KEPUASAN MASYARAKAT", x: textLeft, y: 84, anchor: "start", size: 26, color: "#ffffff", bold: true)
        let name = d.office.name ?? "[Nama kantor belum diisi]"
        let lines = wrap(name, limit: textLeft > 100 ? 38 : 46).prefix(2)
        for (i, line) in lines.enumerated() {
            svg += SVGCharts.text(line, x: textLeft, y: 118 + Double(i) * 26, anchor: "start", size: 21, color: "#ffffff")
        }
        svg += SVGCharts.text("Tahun \(d.year)", x: width - 40, y: 52, anchor: "end", size: 18, color: "#ffffff", bold: true)
        return svg
    }

    static func gauge(_ r: IKMResult, bands: BandTable, year: Int) -> String {
        let cx = 210.0
        let cy = 340.0
        let color = Palette.color(of: r.band, in: bands)
        var svg =
            "<circle cx=\"\(SVGCharts.fmt(cx))\" cy=\"\(SVGCharts.fmt(cy))\" r=\"120\" fill=\"#f4f7fb\" stroke=\"\(color)\" stroke-width=\"16\"/>"
        svg += SVGCharts.text("IKM", x: cx, y: cy - 52, anchor: "middle", size: 20, color: Palette.muted, bold: true)
        if let ikm = r.ikm, let band = r.band {
            svg += SVGCharts.text(Words.ikm(ikm), x: cx, y: cy + 18, anchor: "middle", size: 58, color: Palette.ink, bold: true)
            svg += SVGCharts.text("Mutu \(band.mutu)", x: cx, y: cy + 56, anchor: "middle", size: 24, color: color, bold: true)
            svg += SVGCharts.text(band.kinerja, x: cx, y: cy + 84, anchor: "middle", size: 19, color: color, bold: true)
        } else {
            svg += SVGCharts.text("–", x: cx, y: cy + 18, anchor: "middle", size: 58, color: Palette.muted, bold: true)
            svg += SVGCharts.text(
                "belum dapat dihitung", x: cx, y: cy + 56, anchor: "middle", size: 17, color: Palette.muted, italic: true)
        }
        return svg
    }

    static func facts(_ d: ReportData) -> String {
        let r = d.overall
        var items: [(String, String)] = [
            (Words.count(r.respondents), "responden"),
            (String(d.services.count), "jenis layanan dinilai"),
        ]
        if let span = d.surveySpan {
            items.append((Words.span(span.first, span.last), "masa pengisian kuesioner"))
        } else {
            items.append(("–", "belum ada jawaban tahun \(d.year)"))
        }
        if let sample = d.sample {
            items.append(
                (
                    "minimal \(Words.count(sample.minimum))",
                    sample.sufficient ? "responden (Krejcie–Morgan): terpenuhi" : "responden (Krejcie–Morgan): belum terpenuhi"
                ))
        }
        var svg = ""
        for (i, item) in items.enumerated() {
            let y = 250 + Double(i) * 58
            svg += "<rect x=\"390\" y=\"\(SVGCharts.fmt(y - 30))\" width=\"370\" height=\"50\" rx=\"8\" fill=\"#eef3f9\"/>"
            svg += SVGCharts.text(
                item.0, x: 408, y: y - 2, anchor: "start", size: item.0.count > 16 ? 15 : 22, color: navy, bold: true)
            svg += SVGCharts.text(item.1, x: 408, y: y + 14, anchor: "start", size: 12, color: Palette.muted)
        }
        if r.ikm == nil, let reason = d.wording.reason(r) {
            for (i, line) in wrap(reason, limit: 60).prefix(3).enumerated() {
                svg += SVGCharts.text(
                    line, x: 390, y: 250 + Double(items.count) * 58 + Double(i) * 16, anchor: "start", size: 12,
                    color: Palette.muted, italic: true)
            }
        }
        return svg
    }

    /// The three weakest unsur, when there is room: what the office will improve.
    static func priorities(_ weakest: [UnsurResult], y: Double) -> String {
        guard !weakest.isEmpty, y + 24 + Double(weakest.count) * 22 <= height - 90 else { return "" }
        var svg = sectionTitle("Prioritas perbaikan", y: y)
        for (i, u) in weakest.enumerated() {
            svg += SVGCharts.text(
                "\(i + 1). \(u.code) \(u.name) — \(Words.ikm(u.converted))", x: 54, y: y + 28 + Double(i) * 22, anchor: "start",
                size: 14, color: Palette.ink)
        }
        return svg
    }

    static func sectionTitle(_ text: String, y: Double) -> String {
        "<rect x=\"40\" y=\"\(SVGCharts.fmt(y - 18))\" width=\"6\" height=\"24\" fill=\"\(navy)\"/>"
            + SVGCharts.text(text, x: 54, y: y, anchor: "start", size: 17, color: navy, bold: true)
    }

    static func footer(_ d: ReportData, bands: BandTable) -> String {
        let legend = bands.bands.reversed().map {
            "\($0.mutu) ≥ \(IndonesianNumber.format($0.minimum, decimals: 2)) \($0.kinerja)"
        }
        var svg = "<rect y=\"\(SVGCharts.fmt(height - 78))\" width=\"\(SVGCharts.fmt(width))\" height=\"78\" fill=\"#eef3f9\"/>"
        svg += SVGCharts.text(
            "Mutu: " + legend.joined(separator: " · "), x: width / 2, y: height - 50, anchor: "middle", size: 12,
            color: Palette.ink)
        svg += SVGCharts.text(
            "Dihitung sesuai PermenPANRB Nomor 14 Tahun 2017 dari \(Words.count(d.overall.respondents)) responden · diolah dengan skm · \(d.generatedOn.indonesian)",
            x: width / 2, y: height - 30, anchor: "middle", size: 11, color: Palette.muted)
        svg += SVGCharts.text(
            "Terima kasih atas partisipasi Anda dalam survei ini.", x: width / 2, y: height - 12, anchor: "middle", size: 11,
            color: Palette.muted, italic: true)
        return svg
    }

    /// Splits text into lines of at most `limit` characters at spaces (long words are cut).
    static func wrap(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let w = clip(String(word), limit)
            if current.isEmpty {
                current = w
            } else if current.count + 1 + w.count <= limit {
                current += " " + w
            } else {
                lines.append(current)
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > 2 { lines = [lines[0], clip(lines[1...].joined(separator: " "), limit)] }
        return lines
    }
}
