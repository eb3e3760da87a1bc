/// An RGB picture: `width` × `height` pixels, three bytes each, row by row from the top.
public struct RasterImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var rgb: [UInt8]
}

/// Draws the shapes of skm's own SVG charts (rectangles, lines — dashed or not —, circles and
/// `translate` groups) into pixels, for documents that need a raster (the PNG inside a .docx).
/// Text is drawn in a 5 × 7 dot font (`PixelFont`): blocky but legible, and the SVG itself travels
/// with the picture for readers that show SVG (Word 2016 and later).
/// Only this dialect is understood; anything else in the SVG is skipped, never trusted.
public enum ChartRaster {
    /// The largest picture drawn, in pixels per side.
    static let maximumSide = 4000

    /// The SVG's size in its own units (its `width` and `height`), or nil when absent.
    public static func size(of svg: String) -> (width: Double, height: Double)? {
        var scanner = SVGScanner(svg)
        var root = scanner.next()
        while let element = root, element.name != "svg" { root = scanner.next() }
        guard let root, let w = root.number("width"), let h = root.number("height"),
            w > 0, h > 0
        else { return nil }
        return (w, h)
    }

    /// The chart drawn at `scale` pixels per SVG unit on white; nil when the SVG has no usable size.
    public static func render(_ svg: String, scale: Double) -> RasterImage? {
        guard let (w, h) = size(of: svg), scale.isFinite, scale > 0 else { return nil }
        let width = Int((w * scale).rounded(.up))
        let height = Int((h * scale).rounded(.up))
        guard width > 0, height > 0, width <= maximumSide, height <= maximumSide else { return nil }
        var canvas = Canvas(width: width, height: height, scale: scale)
        var offsets: [(Double, Double)] = [(0, 0)]
        var skipDepth = 0
        var scanner = SVGScanner(svg)
        while let element = scanner.next() {
            if element.closing {
                if element.name == "g", offsets.count > 1 { offsets.removeLast() }
                if element.name == "title" { skipDepth = max(0, skipDepth - 1) }
                continue
            }
            if skipDepth > 0 { continue }
            let (dx, dy) = offsets.last ?? (0, 0)
            switch element.name {
            case "g":
                let (tx, ty) = element.translation()
                if !element.selfClosing { offsets.append((dx + tx, dy + ty)) }
            case "title":
                if !element.selfClosing { skipDepth += 1 }
            case "text":
                guard !element.selfClosing else { continue }
                let text = SVGScanner.visibleText(scanner.content(closing: "text"))
                canvas.text(
                    text, x: (element.number("x") ?? 0) + dx, y: (element.number("y") ?? 0) + dy,
                    anchor: element.attributes["text-anchor"] ?? "start", size: element.number("font-size") ?? 12,
                    color: element.color("fill", default: "#000000") ?? (0, 0, 0),
                    bold: element.attributes["font-weight"] == "bold",
                    halo: element.attributes["paint-order"] == "stroke")
            case "rect":
                let x = (element.number("x") ?? 0) + dx
                let y = (element.number("y") ?? 0) + dy
                let rw = element.number("width") ?? 0
                let rh = element.number("height") ?? 0
                if let fill = element.color("fill", default: "#000000") {
                    canvas.fill(x: x, y: y, width: rw, height: rh, color: fill)
                }
                if let stroke = element.color("stroke", default: "none") {
                    let sw = element.number("stroke-width") ?? 1
                    canvas.line(x, y, x + rw, y, width: sw, color: stroke, dash: nil)
                    canvas.line(x + rw, y, x + rw, y + rh, width: sw, color: stroke, dash: nil)
                    canvas.line(x + rw, y + rh, x, y + rh, width: sw, color: stroke, dash: nil)
                    canvas.line(x, y + rh, x, y, width: sw, color: stroke, dash: nil)
                }
            case "line":
                guard let stroke = element.color("stroke", default: "none") else { continue }
                canvas.line(
                    (element.number("x1") ?? 0) + dx, (element.number("y1") ?? 0) + dy, (element.number("x2") ?? 0) + dx,
                    (element.number("y2") ?? 0) + dy, width: element.number("stroke-width") ?? 1, color: stroke,
                    dash: element.dash())
            case "circle":
                let cx = (element.number("cx") ?? 0) + dx
                let cy = (element.number("cy") ?? 0) + dy
                let r = element.number("r") ?? 0
                let sw = element.color("stroke", default: "none") == nil ? 0 : element.number("stroke-width") ?? 1
                if let stroke = element.color("stroke", default: "none") {
                    canvas.disc(cx: cx, cy: cy, outer: r + sw / 2, inner: max(0, r - sw / 2), color: stroke)
                }
                if let fill = element.color("fill", default: "#000000") {
                    canvas.disc(cx: cx, cy: cy, outer: max(0, r - sw / 2), inner: 0, color: fill)
                }
            default:
                continue
            }
        }
        return RasterImage(width: width, height: height, rgb: canvas.pixels)
    }
}

/// A white canvas in pixels; drawing takes SVG units and scales them.
struct Canvas {
    let width: Int, height: Int, scale: Double
    var pixels: [UInt8]

    init(width: Int, height: Int, scale: Double) {
        self.width = width
        self.height = height
        self.scale = scale
        pixels = [UInt8](repeating: 255, count: width * height * 3)
    }

    mutating func set(_ px: Int, _ py: Int, _ color: (UInt8, UInt8, UInt8)) {
        guard px >= 0, py >= 0, px < width, py < height else { return }
        let i = (py * width + px) * 3
        pixels[i] = color.0
        pixels[i + 1] = color.1
        pixels[i + 2] = color.2
    }

    /// Pixel index of an SVG coordinate, clamped into the canvas (and away from huge values).
    func pixel(_ v: Double, limit: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Int(min(max(v * scale, -1), Double(limit + 1)).rounded())
    }

    mutating func fill(x: Double, y: Double, width w: Double, height h: Double, color: (UInt8, UInt8, UInt8)) {
        guard w > 0, h > 0 else { return }
        let x0 = max(0, pixel(x, limit: width))
        let x1 = min(width, pixel(x + w, limit: width))
        let y0 = max(0, pixel(y, limit: height))
        let y1 = min(height, pixel(y + h, limit: height))
        guard x0 < x1, y0 < y1 else { return }
        for py in y0..<y1 { for px in x0..<x1 { set(px, py, color) } }
    }

    /// A line `w` units thick, drawn as squares along its length; `dash` is (on, off) in units.
    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, width w: Double, color: (UInt8, UInt8, UInt8),
        dash: (Double, Double)?
    ) {
        guard [x1, y1, x2, y2, w].allSatisfy(\.isFinite) else { return }
        // Far beyond any canvas: clamped, so no pixel arithmetic can overflow.
        let (x1, y1, x2, y2) = (clamp(x1), clamp(y1), clamp(x2), clamp(y2))
        let length = ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot()
        let half = max(0.5, min(w, 50) * scale / 2)
        let steps = min(20_000, max(1, Int((length * scale).rounded(.up))))
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            if let (on, off) = dash, on > 0, off >= 0 {
                let along = t * length
                if along.truncatingRemainder(dividingBy: on + off) >= on { continue }
            }
            let cx = (x1 + (x2 - x1) * t) * scale
            let cy = (y1 + (y2 - y1) * t) * scale
            let left = Int((cx - half).rounded())
            let right = Int((cx + half).rounded())
            let top = Int((cy - half).rounded())
            let bottom = Int((cy + half).rounded())
            guard right >= 0, bottom >= 0, left < width, top < height else { continue }
            for py in max(0, top)..<min(height, max(bottom, top + 1)) {
                for px in max(0, left)..<min(width, max(right, left + 1)) { set(px, py, color) }
            }
        }
    }

    /// `s` in the pixel font: `y` is the baseline, `anchor` SVG's text-anchor; a halo clears a
    /// white box behind the text first (as the SVG's white stroke keeps lines off the numbers).
    mutating func text(
        _ s: String, x: Double, y: Double, anchor: String, size: Double, color: (UInt8, UInt8, UInt8), bold: Bool, halo: Bool
    ) {
        guard size.isFinite, size > 0, size < 500, x.isFinite, y.isFinite, !s.isEmpty else { return }
        let characters = Array(s.prefix(300))
        let dot = size * 0.1
        let total = PixelFont.width(String(characters), size: size) - (PixelFont.advance - 5) * dot
        var left = clamp(x)
        if anchor == "middle" { left -= total / 2 } else if anchor == "end" { left -= total }
        let top = clamp(y) - 7 * dot
        if halo { fill(x: left - dot, y: top - dot, width: total + 2 * dot, height: 9 * dot, color: (255, 255, 255)) }
        let dotWidth = bold ? dot * 1.6 : dot
        for (i, character) in characters.enumerated() {
            let rows = PixelFont.glyph(character)
            for (r, bits) in rows.enumerated() {
                for c in 0..<5 where bits & (16 >> c) != 0 {
                    fill(
                        x: left + (Double(i) * PixelFont.advance + Double(c)) * dot, y: top + Double(r) * dot, width: dotWidth,
                        height: dot, color: color)
                }
            }
        }
    }

    func clamp(_ v: Double) -> Double { min(max(v, -100_000), 100_000) }

    /// A ring (or a disc when `inner` is 0) centred on (cx, cy).
    mutating func disc(cx: Double, cy: Double, outer: Double, inner: Double, color: (UInt8, UInt8, UInt8)) {
        guard outer > 0, [cx, cy, outer, inner].allSatisfy(\.isFinite) else { return }
        let y0 = max(0, pixel(cy - outer, limit: height))
        let y1 = min(height, pixel(cy + outer, limit: height) + 1)
        let x0 = max(0, pixel(cx - outer, limit: width))
        let x1 = min(width, pixel(cx + outer, limit: width) + 1)
        guard x0 < x1, y0 < y1 else { return }
        let outer2 = outer * scale * outer * scale
        let inner2 = inner * scale * inner * scale
        for py in y0..<y1 {
            for px in x0..<x1 {
                let dx = Double(px) + 0.5 - cx * scale
                let dy = Double(py) + 0.5 - cy * scale
                let d2 = dx * dx + dy * dy
                if d2 <= outer2 && d2 >= inner2 { set(px, py, color) }
            }
        }
    }
}
