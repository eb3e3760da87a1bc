public import SKMCore
import SKMJSON
import SKMStore

/// File formats for import and export.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl
    /// An Excel workbook: `skm import FILE.xlsx [--sheet NAME]`, `skm export --format xlsx --out FILE`.
    case xlsx

    /// Reads `csv`, `jsonl` (also `ndjson`, `json-lines`, `jsonlines`) or `xlsx`, ignoring case; nil otherwise.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson", "json-lines", "jsonlines": self = .jsonl
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// The format a file name suggests (`.jsonl`/`.ndjson` → JSON Lines; `.xlsx`, `.xlsm` and the
    /// old `.xls`, which gets its own message → workbook; otherwise CSV).
    public static func guess(path: String) -> DataFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls") { return .xlsx }
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }

    /// The format `skm export --out PATH` writes when no `--format` is given: a workbook for a
    /// `.xlsx`/`.xlsm` name and JSON Lines for `.jsonl`/`.ndjson`, as import reads those names; otherwise CSV
    /// (an old `.xls` name too: skm writes no binary workbook).
    public static func forExport(path: String) -> DataFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".xls") ? .csv : guess(path: path)
    }
}

/// How `skm import` and `response.import` treat a file.
public struct ImportOptions: Sendable {
    /// The file's format; nil to guess from the file name (`DataFormat.guess`).
    public var format: DataFormat?
    /// The questionnaire for rows that name none; nil for the default one.
    public var questionnaire: String?
    /// Store the good rows and report the bad ones (default: one bad row → nothing stored).
    public var skipInvalid: Bool
    /// Register unknown units and services (named by their codes) instead of refusing the row.
    public var createMissing: Bool
    /// Check every row (registry included) and report, storing nothing.
    public var dryRun = false
    /// Import on purpose content an earlier batch holds: every row is stored, none skipped.
    public var again = false
    /// The survey set of a file of visits (`zi`); nil to recognise one by its prefixed answer columns.
    public var surveySet: String?
    /// The workbook sheet to read (`--sheet`); nil for the first. Only for `.xlsx`.
    public var sheet: String?

    /// All-or-nothing import of the given format with the default questionnaire; `dryRun` is set separately.
    public init(format: DataFormat? = nil, questionnaire: String? = nil, skipInvalid: Bool = false, createMissing: Bool = false) {
        self.format = format
        self.questionnaire = questionnaire
        self.skipInvalid = skipInvalid
        self.createMissing = createMissing
    }
}

/// One bad row: where, which column, and what is wrong.
public struct ImportRowError: Sendable {
    /// The row's line number in the file (for CSV, the line the record starts on).
    public let row: Int
    /// The CSV column (or JSON field) at fault, when the error names one.
    public let column: String?
    /// The error, with its stable code.
    public let error: SKMError
}

/// What an import did.
public struct ImportReport: Sendable {
    /// The format the file was read as.
    public var format: DataFormat
    /// Data rows read, good and bad.
    public var rowsRead = 0
    /// Responses newly stored; 0 when nothing was committed.
    public var stored = 0
    /// Rows whose client id or global id (`idGlobal`) was already stored, or came earlier in the file, with the same
    /// content (nothing new stored); 0 when nothing was committed.
    public var duplicates = 0
    /// Rows refused, counting those beyond `errorLimit`.
    public var invalidRows = 0
    /// The first `errorLimit` bad rows, in file order.
    public var errors: [ImportRowError] = []
    /// True when the good rows were committed.
    public var committed = false
    /// True when the rows were only checked and nothing was written.
    public var dryRun = false
    /// Rows left out because an earlier import stored them (same row fingerprint, see `ImportKey`).
    public var skipped = 0
    /// The earlier batches the skipped rows belong to, in order.
    public var skippedFrom: [Int64] = []
    /// The batch number this import was recorded as; nil when nothing was committed or the file had no data rows.
    public var batch: Int64?
    /// SHA-256 of the file's bytes (hexadecimal); nil when the file was not read to its end.
    public var sha256: String?
    /// The earlier batch with the same content, when imported with `again`.
    public var againOf: Int64?
    /// Columns read but not stored (`No`, `Timestamp`…), as the file names them.
    public var ignoredColumns: [String] = []
    /// Identity columns (`Nama`, `NIK`, `HP`…) left out: skm stores no respondent's identity.
    public var identityColumns: [String] = []
    /// Visits stored by a file of visits (answers prefixed by questionnaire, `ipak.U1`); 0 otherwise.
    public var visits = 0

    /// At most this many row errors are kept; `invalidRows` still counts them all.
    public static let errorLimit = 1000
}

/// A row after the pure checks, on its way to the database.
struct CheckedRow: Sendable {
    let line: Int
    let result: Result<ValidatedResponse, SKMError>
    let questionnaire: Questionnaire?
    /// Every problem of a bad row (the first is `result`'s error); empty for a good row.
    var problems: [SKMError] = []
    /// The row fingerprint (`ImportKey`) of a good row.
    var importKey: Int64 = 0
}

extension SKMService {
    /// Imports a CSV or JSON Lines file in one transaction.
    ///
    /// Rows are read and checked on a second thread while this one resolves units and services
    /// and writes; either way every row passes the same rules as `submit`. All-or-nothing by
    /// default: the first bad row rolls everything back, and reading goes on only to report every
    /// other bad row.
    public func importFile(path: String, options: ImportOptions) throws -> ImportReport {
        if path != "-", (options.format ?? DataFormat.guess(path: path)) == .csv,
            let set = try visitSet(ofCSV: path, named: options.surveySet)
        {
            return try importVisits(path: path, set: set, options: options)
        }
        return try importData(
            from: try ByteSource(path: path), format: options.format ?? DataFormat.guess(path: path), options: options)
    }

    /// The import of any byte source (a file, standard input, bytes in memory).
    ///
    /// Every committed import is recorded as a batch. Content an earlier batch (not undone) had
    /// byte for byte is refused (`already_imported`, nothing stored) unless `again`; otherwise a
    /// row an earlier import stored is skipped: the k-th row of this file with a given
    /// fingerprint (`ImportKey`) is skipped when earlier imports stored at least k rows with it.
    /// Rows with a client id are recognised by their client id instead, and rows with a global id by it
    /// (`ImportGlobalIDs`: a new one is stored keeping it). A file with no data rows is
    /// no batch: nothing is recorded (`committed`, `batch` nil) and it is never `already_imported`.
    public func importData(from source: ByteSource, format: DataFormat, options: ImportOptions) throws -> ImportReport {
        let catalog = try self.catalog()
        let defaultQuestionnaire = try catalog.questionnaire(options.questionnaire)
        var report = ImportReport(format: format)
        let rows: any ImportRows
        if format == .csv {
            let csv = try CSVImportRows(source: source, catalog: catalog, defaultQuestionnaire: defaultQuestionnaire)
            report.ignoredColumns = csv.columns.ignoredColumns
            report.identityColumns = csv.columns.identityColumns
            rows = csv
        } else if format == .xlsx {
            let sheet = try XlsxImportRows(
                source: source, sheet: options.sheet, catalog: catalog, defaultQuestionnaire: defaultQuestionnaire)
            report.ignoredColumns = sheet.columns.ignoredColumns
            report.identityColumns = sheet.columns.identityColumns
            rows = sheet
        } else {
            rows = JSONLinesImportRows(source: source, defaultQuestionnaireID: options.questionnaire)
        }
        let queue = BatchQueue<CheckedRow>()
        let today = clock.today()
        let produce: @Sendable () -> Void = { Self.check(rows, catalog: catalog, today: today, into: queue) }
        let reader = WorkerThread.start(produce)
        if reader == nil {
            // No second thread (a resource limit): check every row first, here. Same result, more memory.
            queue.removeLimit()
            produce()
        }
        defer {
            queue.cancel()
            reader?.join()
        }

        report.dryRun = options.dryRun
        // A dry run checks every row against the registry without writing anything.
        let createdAt = clock.timestamp()
        let writer = options.dryRun ? nil : try store().writer(createdAt: createdAt)
        let lookup: Store? = writer != nil || databaseExists ? try existingStore() : nil
        let batchID = try writer.map { _ in try lookup?.nextImportBatchID() ?? 1 }
        writer?.importBatch = batchID
        var writing = writer != nil
        defer {
            if writing { writer?.rollback() }
        }
        var earlier = try EarlierRows(store: options.again ? nil : lookup)
        var globalIDs = ImportGlobalIDs(store: lookup)
        var resolvedCodes = ImportResolvedCodes()
        while let batch = try queue.take() {
            for row in batch {
                report.rowsRead += 1
                do {
                    let valid = try row.result.get()
                    let key = valid.clientID == nil ? row.importKey : nil
                    // A row with a global id is recognised by it (as the merge does), never by its fingerprint.
                    if valid.globalID == nil, let key, let from = earlier.copy(of: key) {
                        report.skipped += 1
                        if !report.skippedFrom.contains(from) { report.skippedFrom.append(from) }
                        continue
                    }
                    let ids = try resolvedCodes.ids(of: valid.content) {
                        let resolved = try resolve(valid, createMissing: options.createMissing && writing)
                        return (resolved.unitID, resolved.serviceID)
                    }
                    var carried: CarriedFields?
                    if let text = valid.globalID {
                        switch try globalIDs.decide(text, key: row.importKey, line: row.line) {
                        case .alreadyHere, .repeatedInFile:
                            if writing { report.duplicates += 1 }
                            continue
                        case .new(let id):
                            carried = CarriedFields(uuid: id, createdAt: createdAt, importBatch: batchID, void: nil)
                            if !writing { globalIDs.remember(id, key: row.importKey, line: row.line) }
                        }
                    }
                    guard writing, let writer else { continue }
                    let response = NewResponse(
                        content: valid.content, unitID: ids.unitID, serviceID: ids.serviceID,
                        clientID: valid.clientID, score: valid.score, importKey: key, carried: carried)
                    switch try writer.add(response) {
                    case .stored: report.stored += 1
                    case .duplicate: report.duplicates += 1
                    }
                    if let carried { globalIDs.remember(carried.uuid, key: row.importKey, line: row.line) }
                } catch let error as SKMError where error.isAboutTheInput {
                    if options.createMissing && !writing && (error.code == .unknownUnit || error.code == .unknownService) {
                        continue
                    }
                    report.invalidRows += 1
                    for problem in row.problems.isEmpty ? [error] : row.problems
                    where report.errors.count < ImportReport.errorLimit {
                        let column = rows.column(for: problem.field, questionnaire: row.questionnaire)
                        report.errors.append(ImportRowError(row: row.line, column: column, error: problem))
                    }
                    if !options.skipInvalid && writing {
                        writer?.rollback()
                        invalidateCaches()
                        resolvedCodes.forget()
                        writing = false
                    }
                }
            }
        }
        try refuseChangedRows(globalIDs.conflicts(), rows: rows, into: &report, options: options) {
            if writing {
                writer?.rollback()
                invalidateCaches()
                writing = false
            }
        }
        report.skippedFrom.sort()
        let sha256 = source.digest.hexDigest()
        report.sha256 = sha256
        if report.rowsRead == 0 {
            // A file without data rows (a header only, an empty sheet) stores nothing and records no batch, so
            // importing it or another empty file again is never `already_imported` (nor is a dry run of it).
            if writing {
                writer?.rollback()
                writing = false
                report.committed = true
            }
            return report
        }
        if let previous = try lookup?.activeImportBatch(sha256: sha256) {
            guard options.again else {
                if writing { writer?.rollback() }
                writing = false
                invalidateCaches()
                throw Self.alreadyImported(previous, name: source.name)
            }
            report.againOf = previous.id
        }
        if writing, let writer, let batchID, let lookup {
            try lookup.recordImportBatch(
                ImportBatch(
                    id: batchID, fileName: source.name, sha256: sha256, format: format.rawValue, importedAt: clock.timestamp(),
                    rowsRead: report.rowsRead, rowsStored: report.stored, rowsSkipped: report.skipped + report.duplicates,
                    againOf: report.againOf))
            try writer.commit()
            writing = false
            report.committed = true
            report.batch = batchID
        } else {
            report.stored = 0
            report.duplicates = 0
        }
        return report
    }

    /// The validator of an import: files also carry dates as Indonesian Excel writes them (`14/03/2025`).
    static func importValidator(_ q: Questionnaire, today: CivilDate) -> ResponseValidator {
        let validator = ResponseValidator(questionnaire: q, today: today)
        validator.acceptsDayFirstDates = true
        return validator
    }

    static func alreadyImported(_ batch: ImportBatch, name: String) -> SKMError {
        SKMError(
            .alreadyImported,
            "Isi berkas \(name) sudah pernah diimpor: batch #\(batch.id) pada \(ImportBatchText.time(batch.importedAt)) (\(IndonesianNumber.format(batch.rowsStored)) respons dari \(batch.fileName)). Tidak ada yang disimpan. Bila memang ingin mengimpornya lagi, pakai --again; untuk membatalkan batch itu: skm import undo \(batch.id) --reason \"…\".",
            details: [
                "batch": .int(Int(batch.id)), "importedAt": .string(batch.importedAt), "fileName": .string(batch.fileName),
                "rowsStored": .int(batch.rowsStored),
            ])
    }

    /// The producer: reads every row and applies the pure checks, in batches.
    static func check(_ rows: any ImportRows, catalog: QuestionnaireCatalog, today: CivilDate, into queue: BatchQueue<CheckedRow>)
    {
        var rows = rows
        var validators: [String: ResponseValidator] = [:]
        var batch: [CheckedRow] = []
        batch.reserveCapacity(256)
        do {
            while let row = try rows.next() {
                let result: Result<ValidatedResponse, SKMError>
                switch row.draft {
                case .failure(let error):
                    result = .failure(error)
                case .success(let draft):
                    do {
                        let q = try catalog.questionnaire(draft.questionnaire)
                        let validator = validators[q.id] ?? Self.importValidator(q, today: today)
                        validators[q.id] = validator
                        result = .success(try validator.validate(draft))
                    } catch {
                        result = .failure(error)
                    }
                }
                var checked = CheckedRow(line: row.line, result: result, questionnaire: row.questionnaire)
                switch result {
                case .success(let valid):
                    checked.importKey = ImportKey.of(valid.content)
                case .failure(let error):
                    if case .success(let draft) = row.draft, let q = try? catalog.questionnaire(draft.questionnaire),
                        let validator = validators[q.id]
                    {
                        checked.problems = validator.problems(draft)
                    }
                    if checked.problems.isEmpty { checked.problems = [error] }
                }
                batch.append(checked)
                if batch.count == 256 {
                    guard queue.put(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = queue.put(batch) }
            queue.close()
        } catch {
            if !batch.isEmpty { _ = queue.put(batch) }
            queue.close(failure: error)
        }
    }
}
