/// Writes an .xlsx workbook: sheets streamed row by row into a ZIP archive, then the workbook,
/// styles and relationships.
///
/// Text cells are inline strings (`t="inlineStr"`), never shared strings: a sheet is written as its
/// rows come, so nothing but the current row is held uncompressed (a shared-string table would
/// have to keep every distinct comment of 200,000 rows until the end), and an inline string is
/// never read as a formula, so a comment `=HYPERLINK(…)` stays text. Deflate removes the
/// repetition that shared strings would save. Formulas carry their cached results and the
/// workbook asks for a full recalculation on load (`fullCalcOnLoad`).
///
///     let book = XlsxWriter()
///     try book.beginSheet(XlsxSheetLayout(name: "Data", frozenRows: 1))
///     try book.appendRow([.text("kode", style: .bold), .text("nilai", style: .bold)])
///     try book.appendRow([.text("U1"), .integer(4)])
///     try book.endSheet()
///     let bytes = try book.finish()
public final class XlsxWriter {
    private let zip: ZipWriter
    private var sheetNames: [String] = []
    private var definedNames: [(name: String, refersTo: String)] = []
    private var open: XlsxSheetLayout?
    private var row = 0
    private var buffer: [UInt8] = []
    private var finished = false
    private static let flushSize = 1 << 16

    /// An empty workbook; `level` is zlib's compression level (1 fastest … 9 smallest).
    public init(level: Int32 = 6) {
        zip = ZipWriter(level: level)
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    /// The number of the row the next `appendRow` writes (1-based, as shown).
    public var nextRow: Int { row + 1 }

    /// Starts a sheet; rows appended until `endSheet()` are its content.
    public func beginSheet(_ layout: XlsxSheetLayout) throws(OfficeError) {
        guard open == nil, !finished else { throw .writerMisuse("a sheet is already open or the workbook is finished") }
        try Self.validate(sheetName: layout.name)
        guard !sheetNames.contains(where: { $0.lowercased() == layout.name.lowercased() }) else {
            throw .invalidSheetName(layout.name)
        }
        sheetNames.append(layout.name)
        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        open = layout
        row = 0
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        head += #"<sheetViews><sheetView workbookViewId="0""# + (sheetNames.count == 1 ? #" tabSelected="1""# : "") + ">"
        if layout.frozenRows > 0 {
            let top = XlsxReference.cell(column: 0, row: layout.frozenRows + 1)
            head += #"<pane ySplit="\#(layout.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/>"#
        }
        head += "</sheetView></sheetViews>"
        head += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let widths = layout.columnWidths.enumerated().compactMap { i, w in w.map { (i + 1, $0) } }
        if !widths.isEmpty {
            head += "<cols>"
            for (column, width) in widths {
                head += #"<col min="\#(column)" max="\#(column)" width="\#(Self.number(width))" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        try zip.write(head)
    }

    /// Appends one row: cell i goes to column i; empty cells are skipped.
    public func appendRow(_ cells: [XlsxCell]) throws(OfficeError) {
        guard open != nil else { throw .writerMisuse("no sheet is open") }
        guard cells.count <= Self.maxColumns else { throw .tooManyColumns(cells.count) }
        guard row < Self.maxRows else { throw .tooManyRows }
        row += 1
        let rowText = String(row)
        buffer.append(contentsOf: #"<row r=""#.utf8)
        buffer.append(contentsOf: rowText.utf8)
        buffer.append(contentsOf: #"">"#.utf8)
        for (column, cell) in cells.enumerated() {
            appendCell(cell, reference: Self.columnLetters(column), row: rowText)
        }
        buffer.append(contentsOf: "</row>".utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends rows that hold nothing (spacing between tables).
    public func skipRows(_ count: Int) {
        row += max(count, 0)
    }

    /// Ends the open sheet: its validations and page set-up follow the rows.
    public func endSheet() throws(OfficeError) {
        guard let layout = open else { throw .writerMisuse("no sheet is open") }
        try flush()
        var tail = "</sheetData>"
        if !layout.validations.isEmpty {
            tail += #"<dataValidations count="\#(layout.validations.count)">"#
            for v in layout.validations { tail += try Self.validationXML(v) }
            tail += "</dataValidations>"
        }
        tail += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        tail += "</worksheet>"
        try zip.write(tail)
        try zip.endEntry()
        open = nil
    }

    /// Names a cell or range for formulas and for readers (`IKM` → `'Olah Data'!$C$20`).
    public func defineName(_ name: String, refersTo: String) {
        definedNames.append((name, refersTo))
    }

    /// Writes the workbook, styles and relationships and returns the file's bytes.
    public func finish() throws(OfficeError) -> [UInt8] {
        guard open == nil, !finished else { throw .writerMisuse("a sheet is still open or the workbook is finished") }
        guard !sheetNames.isEmpty else { throw .writerMisuse("a workbook needs at least one sheet") }
        finished = true
        try zip.add("[Content_Types].xml", text: XlsxParts.contentTypes(sheets: sheetNames.count))
        try zip.add("_rels/.rels", text: XlsxParts.rootRelationships)
        try zip.add("docProps/app.xml", text: XlsxParts.app)
        try zip.add("xl/workbook.xml", text: XlsxParts.workbook(sheets: sheetNames, names: definedNames))
        try zip.add("xl/_rels/workbook.xml.rels", text: XlsxParts.workbookRelationships(sheets: sheetNames.count))
        try zip.add("xl/styles.xml", text: XlsxParts.styles)
        return try zip.finish()
    }

    // MARK: - Cells

    private func appendCell(_ cell: XlsxCell, reference column: String, row: String) {
        let style = cell.style.rawValue
        func open(_ type: String?) {
            buffer.append(contentsOf: #"<c r=""#.utf8)
            buffer.append(contentsOf: column.utf8)
            buffer.append(contentsOf: row.utf8)
            buffer.append(0x22)
            if style != 0 {
                buffer.append(contentsOf: #" s=""#.utf8)
                buffer.append(contentsOf: String(style).utf8)
                buffer.append(0x22)
            }
            if let type {
                buffer.append(contentsOf: #" t=""#.utf8)
                buffer.append(contentsOf: type.utf8)
                buffer.append(0x22)
            }
            buffer.append(0x3E)
        }
        switch cell.value {
        case .empty:
            return
        case .text(let text):
            open("inlineStr")
            buffer.append(contentsOf: #"<is><t xml:space="preserve">"#.utf8)
            XlsxText.append(text, to: &buffer)
            buffer.append(contentsOf: "</t></is></c>".utf8)
        case .integer(let value):
            open(nil)
            buffer.append(contentsOf: "<v>".utf8)
            buffer.append(contentsOf: String(value).utf8)
            buffer.append(contentsOf: "</v></c>".utf8)
        case .number(let value):
            guard value.isFinite else { return }
            open(nil)
            buffer.append(contentsOf: "<v>".utf8)
            buffer.append(contentsOf: Self.number(value).utf8)
            buffer.append(contentsOf: "</v></c>".utf8)
        case .formula(let formula, let cached):
            switch cached {
            case .none, .number: open(nil)
            case .text: open("str")
            case .error: open("e")
            }
            buffer.append(contentsOf: "<f>".utf8)
            XlsxText.append(formula, to: &buffer)
            buffer.append(contentsOf: "</f>".utf8)
            switch cached {
            case .none: break
            case .number(let value) where value.isFinite:
                buffer.append(contentsOf: "<v>\(Self.number(value))</v>".utf8)
            case .number: break
            case .text(let text), .error(let text):
                buffer.append(contentsOf: "<v>".utf8)
                XlsxText.append(text, to: &buffer)
                buffer.append(contentsOf: "</v>".utf8)
            }
            buffer.append(contentsOf: "</c>".utf8)
        }
    }

    private func flush() throws(OfficeError) {
        guard !buffer.isEmpty else { return }
        try zip.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A number as XML writes it: the shortest text that reads back as the same double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    // MARK: - Limits and checks

    /// Excel's sheet limits.
    public static let maxRows = 1_048_576
    /// Excel's column limit (XFD).
    public static let maxColumns = 16_384

    private static let letterCache: [String] = (0..<702).map(XlsxReference.column)

    private static func columnLetters(_ index: Int) -> String {
        index < letterCache.count ? letterCache[index] : XlsxReference.column(index)
    }

    static func validate(sheetName name: String) throws(OfficeError) {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        guard !name.isEmpty, name.count <= 31, !name.contains(where: { forbidden.contains($0) }),
            !name.hasPrefix("'"), !name.hasSuffix("'")
        else { throw .invalidSheetName(name) }
    }

    static func validationXML(_ v: XlsxValidation) throws(OfficeError) -> String {
        var xml = "<dataValidation"
        let formulas: String
        switch v.rule {
        case .wholeNumber(let range):
            xml += #" type="whole" operator="between""#
            formulas = "<formula1>\(range.lowerBound)</formula1><formula2>\(range.upperBound)</formula2>"
        case .list(let items):
            let joined = items.joined(separator: ",")
            guard joined.count <= 255, !items.contains(where: { $0.contains(",") || $0.contains("\"") }) else {
                throw .writerMisuse("a list validation longer than 255 characters or with a comma or quote in an item")
            }
            xml += #" type="list""#
            formulas = "<formula1>\"\(XMLEscape.text(joined))\"</formula1>"
        }
        xml += v.allowBlank ? #" allowBlank="1""# : ""
        xml +=
            #" showErrorMessage="1" errorStyle="\#(v.strict ? "stop" : "warning")" error="\#(XMLEscape.attribute(String(v.errorMessage.prefix(255))))""#
        if !v.prompt.isEmpty {
            xml += #" showInputMessage="1" prompt="\#(XMLEscape.attribute(String(v.prompt.prefix(255))))""#
        }
        xml += #" sqref="\#(XMLEscape.attribute(v.range))">"# + formulas + "</dataValidation>"
        return xml
    }
}
