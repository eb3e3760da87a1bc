import SKMCore
import SKMJSON

/// One data row of an import file, turned into a draft (or the reason it could not be).
struct ImportRow: Sendable {
    let line: Int
    let draft: Result<ResponseDraft, SKMError>
    /// The questionnaire the row was read with (CSV answer columns depend on it).
    let questionnaire: Questionnaire?
}

/// A source of import rows: CSV or JSON Lines. A damaged file ends with a row carrying the error.
protocol ImportRows: Sendable {
    mutating func next() throws -> ImportRow?
    /// The column of the file an error's field refers to (for the report).
    func column(for field: String?, questionnaire: Questionnaire?) -> String?
}

/// The rows of a CSV file, after its header has been read and checked.
struct CSVImportRows: ImportRows, @unchecked Sendable {
    var reader: CSVReader
    let columns: CSVColumns
    let catalog: QuestionnaireCatalog
    let defaultQuestionnaire: Questionnaire
    var layouts: [String: CSVColumns.Layout] = [:]
    var damaged = false

    /// Reads and checks the header; errors here stop the import before anything is read.
    init(source: ByteSource, catalog: QuestionnaireCatalog, defaultQuestionnaire: Questionnaire) throws {
        reader = CSVReader(source: source)
        guard try reader.next() else {
            throw SKMError(.csvHeader, "Berkas \(source.name) kosong: tidak ada baris judul.")
        }
        let record = reader.record
        if UTF8Validation.firstInvalidOffset(record.bytes) != nil {
            throw SKMError(.invalidEncoding, "Baris judul bukan UTF-8. Simpan ulang berkas sebagai \"CSV UTF-8\".")
        }
        columns = try CSVColumns(header: (0..<record.count).map { record.string($0) }, questionnaire: defaultQuestionnaire)
        self.catalog = catalog
        self.defaultQuestionnaire = defaultQuestionnaire
    }

    mutating func next() throws -> ImportRow? {
        if damaged { return nil }
        while true {
            do {
                guard try reader.next() else { return nil }
            } catch let error as SKMError where error.code == .csvMalformed {
                damaged = true
                return ImportRow(line: error.details?["row"]?.numberValue?.int ?? 0, draft: .failure(error), questionnaire: nil)
            }
            let record = reader.record
            if record.isBlank { continue }
            if let bad = UTF8Validation.firstInvalidOffset(record.bytes) {
                let error = SKMError(
                    .invalidEncoding,
                    "Teks bukan UTF-8 (byte ke-\(bad + 1) baris ini). Simpan ulang berkas sebagai \"CSV UTF-8\".")
                return ImportRow(line: record.line, draft: .failure(error), questionnaire: nil)
            }
            return columns.importRow(
                record, line: record.line, catalog: catalog, fallback: defaultQuestionnaire, layouts: &layouts)
        }
    }

    func column(for field: String?, questionnaire: Questionnaire?) -> String? {
        columns.column(for: field, questionnaire: questionnaire)
    }
}

/// The rows of a JSON Lines file: one object per line, with the `response.submit` fields.
struct JSONLinesImportRows: ImportRows, @unchecked Sendable {
    var lines: LineSplitter
    let defaultQuestionnaireID: String?

    init(source: ByteSource, defaultQuestionnaireID: String?) {
        lines = LineSplitter(source: source)
        self.defaultQuestionnaireID = defaultQuestionnaireID
    }

    mutating func next() throws -> ImportRow? {
        while true {
            let read: [UInt8]?
            do {
                read = try lines.next()
            } catch let error as SKMError where error.code == .csvMalformed {
                // A line past the limit: reported as that row, the next line is read normally.
                return ImportRow(line: lines.lineNumber, draft: .failure(error), questionnaire: nil)
            }
            guard let line = read else { return nil }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                return ImportRow(line: lines.lineNumber, draft: .success(try draft(line)), questionnaire: nil)
            } catch {
                return ImportRow(line: lines.lineNumber, draft: .failure(error), questionnaire: nil)
            }
        }
    }

    func draft(_ line: [UInt8]) throws(SKMError) -> ResponseDraft {
        let value: JSONValue
        do {
            value = try JSONParser().parse(line)
        } catch {
            throw SKMError(.importInvalid, "JSON tidak sah: \(error.indonesianMessage).")
        }
        guard let object = value.objectValue else {
            throw SKMError(.wrongType, "Setiap baris harus objek JSON, bukan \(value.indonesianTypeName).")
        }
        var draft = try ResponseJSON.draft(JSONFields(object), allowReadOnlyKeys: true)
        if draft.questionnaire == nil { draft.questionnaire = defaultQuestionnaireID }
        return draft
    }

    func column(for field: String?, questionnaire: Questionnaire?) -> String? { field }
}

extension CSVColumns {
    /// The column layout of one questionnaire in a file: where each question's answer is, and
    /// answer columns of other questionnaires.
    typealias Layout = (questionColumns: [Int?], foreign: [(code: String, index: Int)])

    /// One record (a CSV line, or a sheet row turned into one) as an import row: its questionnaire
    /// (its own column, else `fallback`), that questionnaire's layout (cached in `layouts`), and
    /// the draft or the error. The one rule both file readers use.
    func importRow(
        _ record: CSVRecord, line: Int, catalog: QuestionnaireCatalog, fallback: Questionnaire, layouts: inout [String: Layout]
    ) -> ImportRow {
        var q = fallback
        if let id = questionnaireID(record) {
            do {
                q = try catalog.questionnaire(id)
            } catch {
                return ImportRow(line: line, draft: .failure(error), questionnaire: nil)
            }
        }
        let layout: Layout
        if let known = layouts[q.id] {
            layout = known
        } else {
            layout = self.layout(for: q)
            layouts[q.id] = layout
        }
        do {
            return ImportRow(line: line, draft: .success(try draft(record, questionnaire: q, layout: layout)), questionnaire: q)
        } catch let error as SKMError {
            return ImportRow(line: line, draft: .failure(error), questionnaire: q)
        } catch {
            return ImportRow(line: line, draft: .failure(SKMError(.internal, "\(error)")), questionnaire: q)
        }
    }
}
