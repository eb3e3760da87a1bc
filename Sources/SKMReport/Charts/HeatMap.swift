import SKMCore

/// The units × unsur matrix of a rekap as a heat map: one cell per unit and unsur, filled with
/// the colour of the mutu band of the unsur's value (NRR × 25) and labelled with its NRR, so the
/// weak spots of many units stand out at a glance. A cell without answers is left white with "–".
enum HeatMap {
    static func render(
        rows: [(label: String, values: [Double?])], columns: [String], bands: BandTable, factor: Double, title: String
    ) -> String {
        let cellWidth = 56.0
        let rowHeight = 22.0
        let longest = rows.map { min($0.label.count, 40) }.max() ?? 10
        let labelWidth = min(280, max(90, Double(longest) * 6.4 + 14))
        let top = 26.0
        let width = labelWidth + Double(columns.count) * cellWidth + 8
        let legend = bands.bands.reversed().map {
            ChartLegendItem(color: Palette.color(of: $0, in: bands), label: "\($0.mutu) \($0.kinerja)")
        }
        let height = top + Double(max(rows.count, 1)) * rowHeight + 36
        var svg = SVGCharts.open(width: max(width, 420), height: height, title: title)
        guard !rows.isEmpty else {
            return svg + SVGCharts.empty("Tidak ada unit", width: max(width, 420), height: height) + "</svg>"
        }
        for (j, column) in columns.enumerated() {
            svg += SVGCharts.text(
                column, x: labelWidth + (Double(j) + 0.5) * cellWidth, y: top - 8, anchor: "middle", size: 11, color: Palette.ink,
                bold: true)
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            svg += SVGCharts.text(
                String(row.label.prefix(40)), x: labelWidth - 8, y: y + 15, anchor: "end", size: 11, color: Palette.ink)
            for (j, value) in row.values.enumerated() {
                let x = labelWidth + Double(j) * cellWidth
                let band = value.flatMap { bands.classify(ikm: $0 * factor) }
                let fill = value == nil ? "#ffffff" : Palette.color(of: band, in: bands)
                svg +=
                    "<rect x=\"\(SVGCharts.fmt(x + 1))\" y=\"\(SVGCharts.fmt(y + 1))\" width=\"\(SVGCharts.fmt(cellWidth - 2))\" height=\"\(SVGCharts.fmt(rowHeight - 2))\" fill=\"\(fill)\" stroke=\"\(Palette.grid)\"/>"
                svg += SVGCharts.text(
                    value.map { IndonesianNumber.format($0, decimals: 2) } ?? "–", x: x + cellWidth / 2, y: y + 15,
                    anchor: "middle", size: 10.5, color: value == nil ? Palette.muted : "#ffffff", bold: value != nil)
            }
        }
        svg += SVGCharts.legendRow(legend, left: 8, y: top + Double(rows.count) * rowHeight + 24, caption: "Warna sel:")
        return svg + "</svg>"
    }
}
