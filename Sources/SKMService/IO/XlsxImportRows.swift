import SKMCore
import SKMJSON
import SKMOffice

/// The rows of a workbook sheet, as an import reads them: the header row is found below any title
/// rows, and each data row becomes the same record a CSV line becomes, so columns, answers and
/// every message follow the CSV rules (`CSVColumns`). Cells become text: dates (date-formatted
/// cells, or plain serial numbers in the date column) as `YYYY-MM-DD` in the workbook's date
/// system, times of day as `HH:MM`, numbers as the file writes them.
struct XlsxImportRows: ImportRows, @unchecked Sendable {
    let sheet: XlsxSheetReader
    let columns: CSVColumns
    let catalog: QuestionnaireCatalog
    let defaultQuestionnaire: Questionnaire
    let date1904: Bool
    let path: String
    var record = CSVRecord()
    var layouts: [String: CSVColumns.Layout] = [:]
    var damaged = false

    /// How many rows with values above the header may be title rows.
    static let titleRows = 50
    /// The largest workbook read (compressed); parts have their own limits (`ZipLimits`).
    static let fileBytes = 512 << 20

    /// Reads the whole file (a workbook's directory is at its end), opens the sheet and finds and
    /// checks its header; errors here stop the import before any row is read.
    init(source: ByteSource, sheet name: String?, catalog: QuestionnaireCatalog, defaultQuestionnaire: Questionnaire) throws {
        path = source.name
        var bytes: [UInt8] = []
        while let chunk = try source.read() {
            bytes.append(contentsOf: chunk)
            guard bytes.count <= Self.fileBytes else {
                throw SKMError(
                    .xlsxTooLarge, "Berkas \(source.name) lebih dari 512 MiB; bagi datanya per tahun atau per unit.",
                    field: "file")
            }
        }
        let header: XlsxRow
        do {
            let book = try XlsxWorkbook(bytes: bytes)
            date1904 = book.date1904
            sheet = try book.rows(ofSheet: name)
            header = try Self.findHeader(sheet, questionnaire: defaultQuestionnaire, name: source.name, sheets: book.sheetNames)
        } catch let error as OfficeError {
            throw SKMError.officeRead(error, path: source.name)
        }
        columns = try CSVColumns(header: header.cells.map(Self.headerText), questionnaire: defaultQuestionnaire)
        self.catalog = catalog
        self.defaultQuestionnaire = defaultQuestionnaire
    }

    /// The first row naming at least two columns skm knows; the rows above it are titles.
    static func findHeader(_ sheet: XlsxSheetReader, questionnaire: Questionnaire, name: String, sheets: [String]) throws
        -> XlsxRow
    {
        var seen = 0
        while let row = try sheet.next() {
            let known = row.cells.filter { CSVColumns.isKnown(headerText($0), questionnaire: questionnaire) }.count
            if known >= 2 { return row }
            seen += 1
            if seen >= titleRows { break }
        }
        let more =
            sheets.count > 1
            ? ". Lembar yang ada: \(sheets.map { "\"\($0.clipped(40))\"" }.joined(separator: ", ")); pilih dengan --sheet NAMA."
            : ""
        throw SKMError(
            .csvHeader,
            "Baris judul tidak ditemukan di \(name): tidak ada baris (dari \(titleRows) baris pertama) yang memuat nama kolom seperti tanggal, unit, layanan, U1…\(more)"
        )
    }

    static func headerText(_ cell: XlsxReadCell) -> String {
        switch cell {
        case .text(let s), .number(let s), .error(let s): return s
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .dateSerial(let d): return String(d)
        case .empty: return ""
        }
    }

    mutating func next() throws -> ImportRow? {
        if damaged { return nil }
        let read: Result<XlsxRow?, OfficeError> = Result { () throws(OfficeError) in try sheet.next() }
        let row: XlsxRow
        switch read {
        case .success(nil): return nil
        case .success(let some?): row = some
        case .failure(let error):
            // A damaged sheet ends the import with that row's error (nothing is stored).
            damaged = true
            return ImportRow(line: 0, draft: .failure(SKMError.officeRead(error, path: path)), questionnaire: nil)
        }
        if let extra = row.cells.indices.dropFirst(columns.count).first(where: { row.cells[$0] != .empty }) {
            let error = SKMError(
                .importInvalid, "Ada isi di kolom \(Self.columnName(extra)), di luar kolom baris judul (\(columns.count) kolom).")
            return ImportRow(line: row.number, draft: .failure(error), questionnaire: nil)
        }
        fill(row)
        return columns.importRow(record, line: row.number, catalog: catalog, fallback: defaultQuestionnaire, layouts: &layouts)
    }

    /// The row as a CSV record of `columns.count` fields.
    mutating func fill(_ row: XlsxRow) {
        record.reset(line: row.number)
        let dateColumn = columns.column[CSVColumns.Field.date.ordinal]
        let timeColumn = columns.column[CSVColumns.Field.time.ordinal]
        for i in 0..<columns.count {
            let cell = i < row.cells.count ? row.cells[i] : .empty
            switch cell {
            case .empty: break
            case .text(let s), .error(let s): record.bytes.append(contentsOf: s.utf8)
            case .boolean(let b): record.bytes.append(contentsOf: (b ? "TRUE" : "FALSE").utf8)
            case .number(let s):
                if i == dateColumn, let serial = Double(s), serial >= 1, serial < 2_958_466 {
                    record.bytes.append(contentsOf: date(serial).utf8)
                } else {
                    record.bytes.append(contentsOf: s.utf8)
                }
            case .dateSerial(let serial):
                let text = i == timeColumn || (serial < 1 && i != dateColumn) ? Self.clock(serial) : date(serial)
                record.bytes.append(contentsOf: text.utf8)
            }
            record.ends.append(record.bytes.count)
        }
    }

    /// `YYYY-MM-DD`, or the serial as written when it is no date (the validator then says so).
    func date(_ serial: Double) -> String {
        guard let (y, m, d) = XlsxDateSerial.civil(serial: serial, date1904: date1904) else {
            return serial == 60 && !date1904 ? "1900-02-29" : String(serial)
        }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The time of day of a serial as `HH:MM`.
    static func clock(_ serial: Double) -> String {
        let fraction = serial - serial.rounded(.down)
        let minutes = min(Int((fraction * 1440).rounded()), 1439)
        let h = minutes / 60
        let m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// Excel's name of a column (0 → A, 26 → AA).
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    func column(for field: String?, questionnaire: Questionnaire?) -> String? {
        columns.column(for: field, questionnaire: questionnaire)
    }
}
