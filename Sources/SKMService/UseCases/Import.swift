import SKMCore
import SKMJSON
import SKMStore

/// File formats for import and export.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl

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

public struct ImportOptions: Sendable {
    public var format: DataFormat?
    public var questionnaire: String?
    /// Store the good rows and report the bad ones (default: one bad row → nothing stored).
    public var skipInvalid: Bool
    /// Register unknown units and services (named by their codes) instead of refusing the row.
    public var createMissing: Bool

    public init(format: DataFormat? = nil, questionnaire: String? = nil, skipInvalid: Bool = false, createMissing: Bool = false) {
        self.format = format
        self.questionnaire = questionnaire
        self.skipInvalid = skipInvalid
        self.createMissing = createMissing
    }
}

/// One bad row: where, which column, and what is wrong.
public struct ImportRowError: Sendable {
    public let row: Int
    public let column: String?
    public let error: SKMError
}

/// What an import did.
public struct ImportReport: Sendable {
    public var format: DataFormat
    public var rowsRead = 0
    public var stored = 0
    public var duplicates = 0
    public var invalidRows = 0
    /// The first `errorLimit` bad rows, in file order.
    public var errors: [ImportRowError] = []
    /// True when the good rows were committed.
    public var committed = false

    public static let errorLimit = 1000
}

extension SKMService {
    public func importFile(path: String, options: ImportOptions) throws -> ImportReport {
        let source = try ByteSource(path: path)
        let format = options.format ?? DataFormat.guess(path: path)
        let catalog = try self.catalog()
        if let id = options.questionnaire { _ = try catalog.questionnaire(id) }
        var report = ImportReport(format: format)
        let writer = try store().writer(createdAt: clock.timestamp())
        var writing = true
        defer {
            if writing { writer.rollback() }
        }
        func handle(row: Int, column: (String?) -> String?, _ body: () throws -> ResponseDraft) throws {
            report.rowsRead += 1
            do {
                let draft = try body()
                let response = try prepare(draft, createMissing: options.createMissing && writing)
                guard writing else { return }
                switch try writer.add(response) {
                case .stored: report.stored += 1
                case .duplicate: report.duplicates += 1
                }
            } catch let error as SKMError where error.kind != .busy && error.kind != .storage && error.kind != .internal {
                if options.createMissing && !writing && (error.code == .unknownUnit || error.code == .unknownService) {
                    return
                }
                report.invalidRows += 1
                if report.errors.count < ImportReport.errorLimit {
                    report.errors.append(ImportRowError(row: row, column: column(error.field), error: error))
                }
                if !options.skipInvalid && writing {
                    writer.rollback()
                    invalidateCaches()
                    writing = false
                }
            }
        }
        switch format {
        case .csv:
            var reader = CSVReader(source: source)
            guard let headerRecord = try reader.next() else {
                throw SKMError(.csvHeader, "Berkas \(path) kosong: tidak ada baris judul.")
            }
            let header = try headerStrings(headerRecord)
            let columns = try CSVColumns(header: header, questionnaire: catalog.questionnaire(options.questionnaire))
            while true {
                let record: CSVRecord
                do {
                    guard let next = try reader.next() else { break }
                    record = next
                } catch let error as SKMError where error.code == .csvMalformed {
                    try handle(row: error.details?["row"]?.numberValue?.int ?? 0, column: { _ in nil }) { throw error }
                    break
                }
                if record.isBlank { continue }
                try handle(row: record.line, column: columns.column(for:)) {
                    if let bad = record.fields.lazy.compactMap({ UTF8Validation.firstInvalidOffset($0) }).first {
                        throw SKMError(
                            .invalidEncoding,
                            "Teks bukan UTF-8 (byte ke-\(bad + 1) sebuah sel). Simpan ulang berkas sebagai \"CSV UTF-8\".")
                    }
                    return try columns.draft(record, defaultQuestionnaire: options.questionnaire, catalog: catalog)
                }
            }
        case .jsonl:
            var lines = LineSplitter(source: source)
            while let line = try lines.next() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                try handle(row: lines.lineNumber, column: { $0 }) {
                    let value: JSONValue
                    do {
                        value = try JSONParser().parse(line)
                    } catch let error as JSONParseError {
                        throw SKMError(.importInvalid, "JSON tidak sah: \(error.messageID).")
                    }
                    guard let object = value.objectValue else {
                        throw SKMError(.wrongType, "Setiap baris harus objek JSON, bukan \(value.typeNameID).")
                    }
                    var draft = try ResponseJSON.draft(JSONFields(object), allowReadOnlyKeys: true)
                    if draft.questionnaire == nil { draft.questionnaire = options.questionnaire }
                    return draft
                }
            }
        }
        if writing {
            try writer.commit()
            writing = false
            report.committed = true
        } else {
            report.stored = 0
            report.duplicates = 0
        }
        return report
    }

    func headerStrings(_ record: CSVRecord) throws -> [String] {
        if record.fields.contains(where: { UTF8Validation.firstInvalidOffset($0) != nil }) {
            throw SKMError(.invalidEncoding, "Baris judul bukan UTF-8. Simpan ulang berkas sebagai \"CSV UTF-8\".")
        }
        return record.fields.map { String(decoding: $0, as: UTF8.self) }
    }
}
