extension QRCode {
    /// An SVG image of the symbol with its quiet zone (4 modules), one unit per module, scalable to
    /// any print size: one path of dark squares on a white background. The page that shows it
    /// gives it an accessible name (`aria-label` on a wrapper), escaped by the page's own escaper.
    public func svg() -> String {
        let side = size + 8
        var path = ""
        path.reserveCapacity(size * size * 4)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row: row, column: column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, self[row: row, column: column] { column += 1 }
                path += "M\(start + 4) \(row + 4)h\(column - start)v1h-\(column - start)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    /// A binary PGM (P5) image, `scale` pixels per module with the quiet zone: what decoders read
    /// in the tests, with no image library.
    public func pgm(scale: Int = 4) -> [UInt8] {
        let scale = max(1, min(scale, 32))
        let side = (size + 8) * scale
        var bytes = Array("P5\n\(side) \(side)\n255\n".utf8)
        bytes.reserveCapacity(bytes.count + side * side)
        for y in 0..<side {
            for x in 0..<side {
                bytes.append(self[row: y / scale - 4, column: x / scale - 4] ? 0 : 255)
            }
        }
        return bytes
    }
}
