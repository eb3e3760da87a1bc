public import SKMCore
import SKMJSON
import SKMStore

/// File formats for import and export.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl

    /// Reads `csv` or `jsonl` (also `ndjson`, `json-lines`, `jsonlines`), ignoring case; nil otherwise.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson", "json-lines", "jsonlines": self = .jsonl
        default: return nil
        }
    }

    /// The format a file name suggests (`.jsonl`/`.ndjson` → JSON Lines, otherwise CSV).
    public static func guess(path: String) -> DataFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
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
    /// Rows whose client id was already stored with the same content (nothing new stored); 0 when nothing was committed.
    public var duplicates = 0
    /// Rows refused, counting those beyond `errorLimit`.
    public var invalidRows = 0
    /// The first `errorLimit` bad rows, in file order.
    public var errors: [ImportRowError] = []
    /// True when the good rows were committed.
    public var committed = false
    /// True when the rows were only checked and nothing was written.
    public var dryRun = false

    /// At most this many row errors are kept; `invalidRows` still counts them all.
    public static let errorLimit = 1000
}

/// A row after the pure checks, on its way to the database.
struct CheckedRow: Sendable {
    let line: Int
    let result: Result<ValidatedResponse, SKMError>
    let questionnaire: Questionnaire?
}

extension SKMService {
    /// Imports a CSV or JSON Lines file in one transaction.
    ///
    /// Rows are read and checked on a second thread while this one resolves units and services
    /// and writes; either way every row passes the same rules as `submit`. All-or-nothing by
    /// default: the first bad row rolls everything back, and reading goes on only to report every
    /// other bad row.
    public func importFile(path: String, options: ImportOptions) throws -> ImportReport {
        try importData(from: try ByteSource(path: path), format: options.format ?? DataFormat.guess(path: path), options: options)
    }

    /// The import of any byte source (a file, standard input, bytes in memory).
    public func importData(from source: ByteSource, format: DataFormat, options: ImportOptions) throws -> ImportReport {
        let catalog = try self.catalog()
        let defaultQuestionnaire = try catalog.questionnaire(options.questionnaire)
        let rows: any ImportRows =
            format == .csv
            ? try CSVImportRows(source: source, catalog: catalog, defaultQuestionnaire: defaultQuestionnaire)
            : JSONLinesImportRows(source: source, defaultQuestionnaireID: options.questionnaire)
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

        var report = ImportReport(format: format)
        report.dryRun = options.dryRun
        // A dry run checks every row against the registry without writing anything.
        let writer = options.dryRun ? nil : try store().writer(createdAt: clock.timestamp())
        var writing = writer != nil
        defer {
            if writing { writer?.rollback() }
        }
        while let batch = try queue.take() {
            for row in batch {
                report.rowsRead += 1
                do {
                    let valid = try row.result.get()
                    let response = try resolve(valid, createMissing: options.createMissing && writing)
                    guard writing, let writer else { continue }
                    switch try writer.add(response) {
                    case .stored: report.stored += 1
                    case .duplicate: report.duplicates += 1
                    }
                } catch let error as SKMError where error.isAboutTheInput {
                    if options.createMissing && !writing && (error.code == .unknownUnit || error.code == .unknownService) {
                        continue
                    }
                    report.invalidRows += 1
                    if report.errors.count < ImportReport.errorLimit {
                        let column = rows.column(for: error.field, questionnaire: row.questionnaire)
                        report.errors.append(ImportRowError(row: row.line, column: column, error: error))
                    }
                    if !options.skipInvalid && writing {
                        writer?.rollback()
                        invalidateCaches()
                        writing = false
                    }
                }
            }
        }
        if writing, let writer {
            try writer.commit()
            writing = false
            report.committed = true
        } else {
            report.stored = 0
            report.duplicates = 0
        }
        return report
    }

    /// The producer: reads every row and applies the pure checks, in batches.
    static func check(_ rows: any ImportRows, catalog: QuestionnaireCatalog, today: CivilDate, into queue: BatchQueue<CheckedRow>) {
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
                        let validator = validators[q.id] ?? ResponseValidator(questionnaire: q, today: today)
                        validators[q.id] = validator
                        result = .success(try validator.validate(draft))
                    } catch {
                        result = .failure(error)
                    }
                }
                batch.append(CheckedRow(line: row.line, result: result, questionnaire: row.questionnaire))
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
