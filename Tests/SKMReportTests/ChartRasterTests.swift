import SKMReport
import Testing

/// ChartRaster draws the shapes of skm's SVG charts into pixels (the PNG in the Word report).
@Suite struct ChartRasterTests {
    static func pixel(_ image: RasterImage, _ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * image.width + x) * 3
        return Array(image.rgb[i..<(i + 3)])
    }

    @Test func rectanglesLinesCirclesTranslatedGroupsAndTextAreDrawn() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50"><title>Uji &lt;x&gt;</title>\
            <rect x="10" y="10" width="20" height="10" fill="#1b7f3b"/>\
            <line x1="0" y1="40" x2="100" y2="40" stroke="#000000" stroke-width="1"/>\
            <line x1="50" y1="0" x2="50" y2="30" stroke="#ff0000" stroke-width="1" stroke-dasharray="4 3"/>\
            <g transform="translate(60 5)"><rect x="0" y="0" width="5" height="5" fill="#0000ff"/></g>\
            <rect x="70" y="20" width="5" height="5" fill="none" stroke="#00ff00"/>\
            <circle cx="90" cy="10" r="4" fill="#ffff00"/>\
            <text x="10" y="48" font-size="10" fill="#123456"><title>judul panjang</title>TEKS &amp; 5</text></svg>
            """
        let image = try #require(ChartRaster.render(svg, scale: 2))
        #expect(image.width == 200 && image.height == 100 && image.rgb.count == 200 * 100 * 3)
        #expect(Self.pixel(image, 40, 30) == [0x1b, 0x7f, 0x3b])  // inside the bar
        #expect(Self.pixel(image, 70, 30) == [255, 255, 255])  // right of it
        #expect(Self.pixel(image, 100, 80) == [0, 0, 0])  // the axis
        #expect(Self.pixel(image, 100, 2) == [255, 0, 0])  // a dash…
        #expect(Self.pixel(image, 100, 11) == [255, 255, 255])  // …and a gap (4 on, 3 off, in SVG units)
        #expect(Self.pixel(image, 124, 14) == [0, 0, 255])  // the translated group
        #expect(Self.pixel(image, 140, 40) == [0, 255, 0] && Self.pixel(image, 145, 45) == [255, 255, 255])  // stroked box
        #expect(Self.pixel(image, 180, 20) == [255, 255, 0])
        // Text is drawn in the dot font, in its colour; a <title> is not drawn.
        let inks = stride(from: 0, to: image.rgb.count, by: 3).filter { image.rgb[$0] == 0x12 && image.rgb[$0 + 1] == 0x34 }
        #expect(inks.count > 100, "\(inks.count) text pixels")
        // Baseline y = 48, 7 dots of a tenth of the size above it; 8 characters of 5.6 dots from x = 10.
        #expect(inks.allSatisfy { ($0 / 3) / image.width >= 82 && ($0 / 3) / image.width < 96 }, "text outside its line")
        #expect(inks.allSatisfy { ($0 / 3) % image.width >= 20 && ($0 / 3) % image.width < 110 }, "text wider than 'TEKS & 5'")
    }

    @Test func anSVGWithoutASizeOrTooLargeIsNotDrawn() {
        #expect(ChartRaster.render("<svg></svg>", scale: 2) == nil)
        #expect(ChartRaster.render("not svg at all <", scale: 2) == nil)
        #expect(ChartRaster.render("<svg width=\"100000\" height=\"10\"></svg>", scale: 2) == nil)
        #expect(
            ChartRaster.render(
                "<svg width=\"10\" height=\"10\"><rect x=\"-1e300\" width=\"1e308\" height=\"5\" fill=\"#000\"/></svg>", scale: 2)
                != nil)
        #expect(
            ChartRaster.render(
                "<svg width=\"10\" height=\"10\"><line x1=\"-1e300\" x2=\"1e300\" y1=\"1e300\" y2=\"5\" stroke=\"#000\" stroke-width=\"1e9\"/></svg>",
                scale: 2) != nil)
    }
}
