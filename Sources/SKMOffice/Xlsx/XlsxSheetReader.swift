/// Reads one worksheet row by row, streaming its XML: memory holds one row (at most 16,384 cells)
/// whatever the sheet's size. Rows without values are skipped, so empty trailing rows never
/// appear; merged cells keep their value in the top-left cell only, as Excel stores them.
public final class XlsxSheetReader {
    let parser: XMLPullParser
    let part: String
    let sharedStrings: [String]
    let styles: XlsxStyles
    // Used from one thread, never re-entrantly: the per-access exclusivity check is off (see
    // XMLPullParser).
    @exclusivity(unchecked) var lastRow = 0
    @exclusivity(unchecked) var cells: [XlsxReadCell] = []
    @exclusivity(unchecked) var value: [UInt8] = []
    @exclusivity(unchecked) var inlineText: [UInt8] = []

    init(parser: XMLPullParser, part: String, sharedStrings: [String], styles: XlsxStyles) {
        self.parser = parser
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
    }

    /// The next row with at least one value, or nil at the end of the sheet.
    public func next() throws(OfficeError) -> XlsxRow? {
        while true {
            switch try parser.next() {
            case .endOfDocument: return nil
            case .start where parser.isNamed("row"):
                let number: Int
                if let raw = parser.rawAttribute("r"), raw.count <= 7, let n = XlsxStyles.int(raw) {
                    // The common case, digits as written: read in place, no copy.
                    guard n > lastRow, n <= XlsxCellReference.maxRows else {
                        throw OfficeError.cellReference(part: part, reference: String(decoding: raw.prefix(20), as: UTF8.self))
                    }
                    number = n
                } else if let r = try parser.attribute("r") {
                    guard r.count <= 7, let n = Int(String(decoding: r, as: UTF8.self)), n > lastRow,
                        n <= XlsxCellReference.maxRows
                    else { throw OfficeError.cellReference(part: part, reference: String(decoding: r.prefix(20), as: UTF8.self)) }
                    number = n
                } else {
                    number = lastRow + 1
                }
                guard number <= XlsxCellReference.maxRows else {
                    throw OfficeError.cellReference(part: part, reference: String(number))
                }
                lastRow = number
                try readRow(number)
                if !cells.isEmpty { return XlsxRow(number: number, cells: cells) }
            default: continue
            }
        }
    }

    func readRow(_ number: Int) throws(OfficeError) {
        cells.removeAll(keepingCapacity: true)
        var nextColumn = 0
        let rowDepth = parser.depth
        while true {
            switch try parser.next() {
            case .endOfDocument: return
            case .end where parser.depth < rowDepth: break
            case .start where parser.isNamed("c") && parser.depth == rowDepth + 1:
                var column = nextColumn
                if let r = parser.rawAttribute("r") {
                    guard let reference = XlsxCellReference.parse(r), reference.row == number, reference.column >= nextColumn
                    else {
                        throw OfficeError.cellReference(part: part, reference: String(decoding: r.prefix(20), as: UTF8.self))
                    }
                    column = reference.column
                }
                guard column < XlsxCellReference.maxColumns else {
                    throw OfficeError.cellReference(part: part, reference: "kolom ke-\(column + 1)")
                }
                nextColumn = column + 1
                let cell = try readCell()
                if cell != .empty {
                    while cells.count < column { cells.append(.empty) }
                    cells.append(cell)
                }
                continue
            default: continue
            }
            return
        }
    }

    /// Reads a `<c>` element whose start tag is current, up to its end.
    func readCell() throws(OfficeError) -> XlsxReadCell {
        let type = CellType(parser.rawAttribute("t"))
        let style = parser.rawAttribute("s").flatMap { XlsxStyles.int($0) } ?? 0
        let cellDepth = parser.depth
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        var hasValue = false
        var inValue = false
        var inInlineText = false
        var phonetic = 0
        while true {
            switch try parser.next() {
            case .endOfDocument: throw .xmlInvalid(part: part, reason: "sel terpotong")
            case .start:
                if parser.isNamed("v") {
                    inValue = true
                    hasValue = true
                } else if parser.isNamed("rPh") {
                    phonetic += 1
                } else if parser.isNamed("t") {
                    inInlineText = phonetic == 0
                    hasValue = true
                }
            case .end:
                if parser.depth < cellDepth { return try cell(type: type, style: style, hasValue: hasValue) }
                if parser.isNamed("v") { inValue = false }
                if parser.isNamed("t") { inInlineText = false }
                if parser.isNamed("rPh") { phonetic -= 1 }
            case .text:
                if inValue { value.append(contentsOf: parser.text) }
                if inInlineText { inlineText.append(contentsOf: parser.text) }
            }
            if value.count > 1 << 20 || inlineText.count > 1 << 20 {
                throw .xmlInvalid(part: part, reason: "isi satu sel lebih dari 1 MiB")
            }
        }
    }

    /// A cell's `t` attribute.
    enum CellType {
        case number, shared, inline, string, boolean, error

        init(_ raw: ArraySlice<UInt8>?) {
            guard let raw, let first = raw.first else {
                self = .number
                return
            }
            switch (first, raw.count) {
            case (UInt8(ascii: "s"), 1): self = .shared
            case (UInt8(ascii: "i"), _): self = .inline
            case (UInt8(ascii: "s"), _), (UInt8(ascii: "d"), _): self = .string
            case (UInt8(ascii: "b"), _): self = .boolean
            case (UInt8(ascii: "e"), _): self = .error
            default: self = .number
            }
        }
    }

    func cell(type: CellType, style: Int, hasValue: Bool) throws(OfficeError) -> XlsxReadCell {
        guard hasValue else { return .empty }
        switch type {
        case .shared:
            guard let index = XlsxStyles.int(value), index >= 0, index < sharedStrings.count else {
                throw .xmlInvalid(part: part, reason: "rujukan teks bersama tidak ada")
            }
            return .text(sharedStrings[index])
        case .inline:
            return .text(String(decoding: inlineText, as: UTF8.self))
        case .string:
            return .text(String(decoding: value, as: UTF8.self))
        case .boolean:
            return .boolean(value == [UInt8(ascii: "1")])
        case .error:
            return .error(String(decoding: value, as: UTF8.self))
        case .number:
            if let digits = Self.wholeNumber(value) {
                // Digits only (answers, serials, row numbers): no String work beyond the small result.
                if style > 0 && style < styles.isDate.count && styles.isDate[style] { return .dateSerial(Double(digits)) }
                return .number(String(decoding: value, as: UTF8.self))
            }
            let text = String(decoding: value, as: UTF8.self).trimmingCharacters()
            if text.isEmpty { return .empty }
            if style > 0 && style < styles.isDate.count && styles.isDate[style], let serial = Double(text), serial.isFinite {
                return .dateSerial(serial)
            }
            guard Double(text) != nil else { throw .xmlInvalid(part: part, reason: "angka \"\(text.prefix(20))\" tidak sah") }
            return .number(text)
        }
    }
}

extension XlsxSheetReader {
    /// The value of 1 to 15 ASCII digits and nothing else (exact in a Double), or nil.
    static func wholeNumber(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            var n = 0
            for byte in b {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                n = n * 10 + Int(byte &- 0x30)
            }
            return n
        }
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
