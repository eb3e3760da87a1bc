import SKMCore
import SKMOffice
import SKMStore

/// What `skm export --format xlsx` and `skm ikm --xlsx` produce: the workbook's bytes and how many
/// responses its data sheet holds.
public struct IKMWorkbookFile: Sendable {
    /// The .xlsx file's bytes.
    public let bytes: [UInt8]
    /// Responses written to the data sheet (one row each).
    public let responses: Int
}

extension SKMService {
    /// Builds the audit workbook for a selection: sheet "Data" (one row per response, not voided),
    /// "Olah Data" (per-unsur counts, sums, NRR, NRR × bobot, indeks, IKM and mutu as live formulas
    /// over Data, with skm's own values beside them), "Per Layanan" and "Per Triwulan" (the same by
    /// COUNTIFS/SUMIFS). The weighting of `request` is written as the bobot column; with
    /// `mean-of-services` the unweighted mean of the services' IKM is added beside the pooled one.
    /// Errors name the workbook `fileName` (the file it is meant for).
    public func ikmWorkbook(_ request: IKMRequest, fileName: String = "buku kerja") throws -> IKMWorkbookFile {
        var pooledRequest = request
        pooledRequest.aggregation = .pooled
        pooledRequest.breakdowns = [.service, .quarter]
        pooledRequest.population = nil
        let report = try computeIKM(pooledRequest)
        var mean: IKMResult?
        if request.aggregation == .meanOfServices {
            var meanRequest = pooledRequest
            meanRequest.aggregation = .meanOfServices
            meanRequest.breakdowns = []
            mean = try computeIKM(meanRequest).result
        }
        let book = XlsxWriter(level: 1)
        do {
            let filter = try resolve(request.filter)
            var query = filter.query
            query.questionnaireID = report.questionnaire.id
            let data = try writeDataSheet(book, query: query, questionnaire: report.questionnaire)
            let olah = try IKMWorkbookOlahData(book: book, report: report, data: data, mean: mean).write()
            let services = report.breakdowns.first { $0.breakdown == .service }?.groups ?? []
            let quarters = report.breakdowns.first { $0.breakdown == .quarter }?.groups ?? []
            try IKMWorkbookGroups(book: book, report: report, data: data, olah: olah).writeServices(services)
            try IKMWorkbookGroups(book: book, report: report, data: data, olah: olah).writeQuarters(quarters)
            return IKMWorkbookFile(bytes: try book.finish(), responses: data.responses)
        } catch let error as OfficeError {
            throw SKMError.office(error, path: fileName)
        }
    }

    /// Writes `ikmWorkbook(request)` to a new file (owner-only, like every export of responses);
    /// an existing file only with `replacing`. Returns the number of responses written.
    public func writeIKMWorkbook(_ request: IKMRequest, to path: String, replacing: OutputFile.Replacing) throws -> Int {
        let file = try OutputFile(path: path, visibility: .ownerOnly, replacing: replacing)
        let workbook = try ikmWorkbook(request, fileName: path.escapedForDisplay)
        try workbook.bytes.withUnsafeBytes { try file.write($0) }
        try file.close()
        return workbook.responses
    }

    /// Streams the responses into sheet "Data"; returns where the columns are.
    func writeDataSheet(_ book: XlsxWriter, query: ResponseQuery, questionnaire q: Questionnaire) throws -> IKMDataSheet {
        let profile = ProfileKey.fields
        let header =
            ["id", "tanggal", "unit", "layanan", "jam"] + profile.map(\.indonesianName) + ["usia"]
            + q.unsur.map(\.code) + ["saran"] + IKMDataSheet.identityHeaders
        let firstAnswer = 5 + profile.count + 1
        var widths: [Double?] = [8, 12, 12, 14, 8] + profile.map { _ in 14.0 } + [7]
        widths += q.unsur.map { _ in 6.0 } + [40, 12, 24, 34]
        try book.beginSheet(XlsxSheetLayout(name: IKMDataSheet.name, columnWidths: widths, frozenRows: 1))
        try book.appendRow(header.map { .text($0, style: .bold) })
        var count = 0
        var cells: [XlsxCell] = []
        cells.reserveCapacity(header.count)
        try existingStore().forEachResponse(query, includeVoided: false) { r in
            let c = r.content
            cells.removeAll(keepingCapacity: true)
            cells.append(.integer(Int(r.id)))
            cells.append(.integer(XlsxDate.serial(year: c.date.year, month: c.date.month, day: c.date.day), style: .date))
            cells.append(.text(c.unitCode))
            cells.append(.text(c.serviceCode))
            cells.append(.text(c.timeSlot))
            for field in profile {
                cells.append(.text(field.wordAsWritten(c.respondent) ?? field.respondentValue(c.respondent)))
            }
            cells.append(c.respondent.age.map { .integer($0) } ?? .empty)
            for answer in c.answers { cells.append(answer == 0 ? .empty : .integer(Int(answer))) }
            cells.append(.text(c.comment))
            cells.append(.text(c.questionnaireID))
            cells.append(.text(r.clientID))
            cells.append(.text(r.globalID))
            try book.appendRow(cells)
            count += 1
        }
        try book.endSheet()
        return IKMDataSheet(responses: count, firstAnswerColumn: firstAnswer, unsurCount: q.unsur.count)
    }
}

/// Where sheet "Data" keeps what the formulas read (and, last, what an import needs to recognise its rows).
struct IKMDataSheet {
    static let name = "Data"
    static let idColumn = 0
    static let dateColumn = 1
    static let unitColumn = 2
    static let serviceColumn = 3
    /// The last three columns, after `saran`: the questionnaire, the client id and the global id, as the CSV
    /// export writes them (`questionnaire`, `clientId`, `idGlobal`), so importing the workbook recognises every
    /// row it holds (`sudah ada`, by global id) and reads each row with its own questionnaire. Last, so no
    /// formula's column moves.
    static let identityHeaders = ["kuesioner", "clientId", "idGlobal"]

    /// Rows of responses (row 2 onwards).
    let responses: Int
    /// 0-based column of the first unsur's answers.
    let firstAnswerColumn: Int
    /// Number of unsur columns.
    let unsurCount: Int

    /// The last row a formula reads (row 2 even when there are no responses, so ranges stay valid).
    var lastRow: Int { max(responses + 1, 2) }

    /// `Data!$J$2:$J$201` for a 0-based column.
    func range(_ column: Int) -> String {
        "\(Self.name)!" + XlsxReference.cell(column: column, row: 2, absolute: true) + ":"
            + XlsxReference.cell(column: column, row: lastRow, absolute: true)
    }

    /// The answers of unsur `i` (0-based, unsur order).
    func answers(_ i: Int) -> String { range(firstAnswerColumn + i) }
}
