import SKMCore

/// One bar of a chart. A bar without a value is drawn as a note ("belum ada responden"), never
/// as a zero-length bar that looks like a score of 0.
struct ChartBar: Sendable {
    var label: String
    var value: Double?
    var valueText: String
    var note: String?
    var color: String

    init(label: String, value: Double?, valueText: String, note: String? = nil, color: String = Palette.neutral) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.note = note
        self.color = color
    }
}

/// A line across the bars: a mutu band threshold read from the questionnaire's band table.
struct ChartThreshold: Sendable {
    var value: Double
    var label: String
}

/// One entry of a chart's colour legend: a swatch and what its colour means ("A Sangat Baik").
struct ChartLegendItem: Sendable {
    var color: String
    var label: String
}

/// Hand-written SVG charts: plain shapes and text, no scripts, no fonts to download, readable in
/// print. A chart with nothing to show says so in visible text instead of drawing an empty frame.
enum SVGCharts {
    static let font = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\""

    /// The thresholds of a band table: every band's lower bound except the lowest band's.
    static func thresholds(_ bands: BandTable) -> [ChartThreshold] {
        bands.bands.dropFirst().map {
            ChartThreshold(value: $0.minimum, label: "\($0.mutu) ≥ \(IndonesianNumber.format($0.minimum, decimals: 2))")
        }
    }

    /// Bars from left to right, one row per item, with an axis below and threshold lines.
    static func horizontalBars(
        _ bars: [ChartBar], title: String, axis: ClosedRange<Double>, tickStep: Double,
        thresholds: [ChartThreshold] = [], legend: [ChartLegendItem] = [], emptyText: String = "Tidak ada data",
        width: Double = 680
    ) -> String {
        let rowHeight = 24.0
        let top = thresholds.isEmpty ? 12.0 : 40.0
        let longest = bars.map { min($0.label.count, 46) }.max() ?? 10
        let labelWidth = min(300, max(90, Double(longest) * 6.4 + 14))
        let plotLeft = labelWidth
        let plotRight = width - 92
        let height = top + Double(max(bars.count, 2)) * rowHeight + 34 + (legend.isEmpty ? 0 : 22)
        var svg = open(width: width, height: height, title: title)
        guard bars.contains(where: { $0.value != nil }), !ticks(axis, tickStep).isEmpty else {
            return svg + empty(emptyText, width: width, height: height) + "</svg>"
        }
        let x = { (v: Double) in
            plotLeft + (min(max(v, axis.lowerBound), axis.upperBound) - axis.lowerBound) / (axis.upperBound - axis.lowerBound)
                * (plotRight - plotLeft)
        }
        let plotBottom = top + Double(bars.count) * rowHeight
        for tick in ticks(axis, tickStep) {
            let tx = fmt(x(tick))
            svg +=
                "<line x1=\"\(tx)\" y1=\"\(fmt(top))\" x2=\"\(tx)\" y2=\"\(fmt(plotBottom))\" stroke=\"\(Palette.grid)\" stroke-width=\"1\"/>"
            svg += text(
                IndonesianNumber.format(tick, decimals: 0), x: x(tick), y: plotBottom + 16, anchor: "middle", size: 10,
                color: Palette.muted)
        }
        // Threshold lines first: bars and their value labels (with a white halo) are drawn over them,
        // so no number is ever struck through. Labels alternate between two rows when they would overlap.
        var lastLabelEnd = [-Double.infinity, -Double.infinity]
        for t in thresholds.sorted(by: { $0.value < $1.value }) where axis.contains(t.value) {
            let tx = x(t.value)
            let half = Double(t.label.count) * 2.9
            let row = tx - half > lastLabelEnd[0] + 4 ? 0 : 1
            lastLabelEnd[row] = tx + half
            let labelY = top - 8 - Double(row) * 13
            svg +=
                "<line x1=\"\(fmt(tx))\" y1=\"\(fmt(labelY + 3))\" x2=\"\(fmt(tx))\" y2=\"\(fmt(plotBottom))\" stroke=\"\(Palette.ink)\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            svg += text(t.label, x: tx, y: labelY, anchor: "middle", size: 9.5, color: Palette.ink)
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            svg +=
                "<text x=\"\(fmt(plotLeft - 8))\" y=\"\(fmt(y + 16))\" text-anchor=\"end\" font-size=\"11\" fill=\"\(Palette.ink)\">"
            svg += "<title>\(Escape.html(bar.label))</title>\(Escape.html(clip(bar.label, 46)))</text>"
            if let value = bar.value, value.isFinite {
                let w = max(1, x(value) - plotLeft)
                svg +=
                    "<rect x=\"\(fmt(plotLeft))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(w))\" height=\"\(fmt(rowHeight - 8))\" fill=\"\(bar.color)\"/>"
                svg += text(
                    bar.valueText, x: plotLeft + w + 5, y: y + 16, anchor: "start", size: 11, color: Palette.ink, bold: true,
                    halo: true)
            } else {
                svg += text(
                    bar.note ?? "tidak ada nilai", x: plotLeft + 6, y: y + 16, anchor: "start", size: 11, color: Palette.muted,
                    italic: true)
            }
        }
        svg +=
            "<line x1=\"\(fmt(plotLeft))\" y1=\"\(fmt(top))\" x2=\"\(fmt(plotLeft))\" y2=\"\(fmt(plotBottom))\" stroke=\"\(Palette.ink)\" stroke-width=\"1\"/>"
        svg += legendRow(legend, left: 8, y: plotBottom + 38)
        return svg + "</svg>"
    }

    /// Vertical columns (quarters, years), with the same axis and threshold conventions.
    static func columns(
        _ bars: [ChartBar], title: String, axis: ClosedRange<Double>, tickStep: Double,
        thresholds: [ChartThreshold] = [], legend: [ChartLegendItem] = [], emptyText: String = "Tidak ada data",
        width: Double = 680
    ) -> String {
        let height = 270.0 + (legend.isEmpty ? 0 : 22)
        let plotLeft = 44.0
        let plotRight = width - 70
        let plotTop = 24.0
        let plotBottom = 270.0 - 46
        var svg = open(width: width, height: height, title: title)
        guard bars.contains(where: { $0.value != nil }), !ticks(axis, tickStep).isEmpty else {
            return svg + empty(emptyText, width: width, height: height) + "</svg>"
        }
        let y = { (v: Double) in
            plotBottom - (min(max(v, axis.lowerBound), axis.upperBound) - axis.lowerBound) / (axis.upperBound - axis.lowerBound)
                * (plotBottom - plotTop)
        }
        for tick in ticks(axis, tickStep) {
            let ty = fmt(y(tick))
            svg +=
                "<line x1=\"\(fmt(plotLeft))\" y1=\"\(ty)\" x2=\"\(fmt(plotRight))\" y2=\"\(ty)\" stroke=\"\(Palette.grid)\" stroke-width=\"1\"/>"
            svg += text(
                IndonesianNumber.format(tick, decimals: 0), x: plotLeft - 6, y: y(tick) + 4, anchor: "end", size: 10,
                color: Palette.muted)
        }
        // Threshold lines before the columns: value labels (with a white halo) are drawn over them.
        for t in thresholds where axis.contains(t.value) {
            let ty = fmt(y(t.value))
            svg +=
                "<line x1=\"\(fmt(plotLeft))\" y1=\"\(ty)\" x2=\"\(fmt(plotRight))\" y2=\"\(ty)\" stroke=\"\(Palette.ink)\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            svg += text(t.label, x: plotRight + 4, y: y(t.value) + 4, anchor: "start", size: 9.5, color: Palette.ink)
        }
        let slot = (plotRight - plotLeft) / Double(max(bars.count, 1))
        let barWidth = min(90, slot * 0.6)
        for (i, bar) in bars.enumerated() {
            let cx = plotLeft + slot * (Double(i) + 0.5)
            if let value = bar.value, value.isFinite {
                let top = y(value)
                svg +=
                    "<rect x=\"\(fmt(cx - barWidth / 2))\" y=\"\(fmt(top))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(max(1, plotBottom - top)))\" fill=\"\(bar.color)\"/>"
                svg += text(
                    bar.valueText, x: cx, y: top - 5, anchor: "middle", size: 11, color: Palette.ink, bold: true, halo: true)
            } else {
                svg += text(
                    bar.note ?? "tidak ada nilai", x: cx, y: plotBottom - 8, anchor: "middle", size: 10, color: Palette.muted,
                    italic: true)
            }
            svg +=
                "<text x=\"\(fmt(cx))\" y=\"\(fmt(plotBottom + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(Palette.ink)\">"
            svg += "<title>\(Escape.html(bar.label))</title>\(Escape.html(clip(bar.label, max(6, Int(slot / 6.5)))))</text>"
        }
        svg +=
            "<line x1=\"\(fmt(plotLeft))\" y1=\"\(fmt(plotBottom))\" x2=\"\(fmt(plotRight))\" y2=\"\(fmt(plotBottom))\" stroke=\"\(Palette.ink)\" stroke-width=\"1\"/>"
        svg += legendRow(legend, left: 8, y: plotBottom + 38)
        return svg + "</svg>"
    }

    /// Axis ticks every `step`, at most 50 (an absurd axis from a broken definition cannot loop).
    static func ticks(_ axis: ClosedRange<Double>, _ step: Double) -> [Double] {
        guard axis.lowerBound.isFinite, axis.upperBound.isFinite, step > 0, axis.upperBound > axis.lowerBound else { return [] }
        let count = min(50, Int((axis.upperBound - axis.lowerBound) / step + 1e-9))
        return (0...count).map { axis.lowerBound + Double($0) * step }
    }

    static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\" \(font)><title>\(Escape.html(title))</title>"
    }

    /// The visible "no data" text in a light frame.
    static func empty(_ message: String, width: Double, height: Double) -> String {
        "<rect x=\"1\" y=\"1\" width=\"\(fmt(width - 2))\" height=\"\(fmt(height - 2))\" fill=\"#f6f7f9\" stroke=\"\(Palette.grid)\"/>"
            + text(message, x: width / 2, y: height / 2 + 5, anchor: "middle", size: 14, color: Palette.muted, italic: true)
    }

    static func text(
        _ s: String, x: Double, y: Double, anchor: String, size: Double, color: String, bold: Bool = false, italic: Bool = false,
        halo: Bool = false
    ) -> String {
        var attributes = "x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor)\" font-size=\"\(fmt(size))\" fill=\"\(color)\""
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if italic { attributes += " font-style=\"italic\"" }
        return "<text \(attributes)>\(Escape.html(s))</text>"
    }

    /// The colour legend under a chart: a swatch and a label per entry, in one row, after
    /// `caption` (what is coloured: the bars of a bar chart, the cells of a heat map).
    static func legendRow(_ items: [ChartLegendItem], left: Double, y: Double, caption: String = "Warna batang:") -> String {
        guard !items.isEmpty else { return "" }
        var svg = text(caption, x: left, y: y, anchor: "start", size: 10, color: Palette.muted)
        var x = left + 78
        for item in items {
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"11\" height=\"11\" fill=\"\(item.color)\"/>"
            svg += text(item.label, x: x + 15, y: y, anchor: "start", size: 10, color: Palette.ink)
            x += 15 + Double(item.label.count) * 5.6 + 14
        }
        return svg
    }

    /// Coordinates with at most one decimal, written with a dot (SVG syntax, not prose).
    static func fmt(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int((v * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
