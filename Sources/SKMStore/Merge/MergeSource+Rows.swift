import CSQLite
import SKMCore

/// A run of the source's responses as the reader thread read them. Every text column is copied
/// byte for byte into one arena, in the order the response writer binds them
/// (`ResponseWriter.textColumns`), so a new response is written from these bytes without a
/// string being built; only what the merge decides on is decoded (ids, day, service, batch).
package struct SourceRows: Sendable {
    /// The text columns' bytes.
    var arena: [UInt8] = []
    /// Where each text column is: `ResponseWriter.textColumnCount` ranges a row (-1..<-1: NULL).
    var texts: [Range<Int>] = []
    /// The rows, in the source's id order.
    var rows: [SourceRow] = []

    /// The positions of the text columns within a row's ranges (`ResponseWriter.textColumns` order).
    enum Text: Int {
        case questionnaire, day, timeSlot, answers, gender, education, occupation, comment, clientID, createdAt
        case occupationAsWritten, uuid, voidedAt, voidReason, voidUUID
    }

    /// A row's text column as a string; nil when NULL.
    func text(_ row: SourceRow, _ column: Text) -> String? {
        let range = texts[row.firstText + column.rawValue]
        guard range.lowerBound >= 0 else { return nil }
        return String(decoding: arena[range], as: UTF8.self)
    }

    /// A row's text column as bytes (empty when NULL).
    func bytes(_ row: SourceRow, _ column: Text) -> ArraySlice<UInt8> {
        let range = texts[row.firstText + column.rawValue]
        return range.lowerBound >= 0 ? arena[range] : []
    }

    /// The source's void of a row, when it has one.
    func void(of row: SourceRow) -> CarriedVoid? {
        guard let at = text(row, .voidedAt) else { return nil }
        return CarriedVoid(uuid: text(row, .voidUUID) ?? "", at: at, reason: text(row, .voidReason) ?? "")
    }

    /// The global id as stored, for messages.
    func uuidText(_ row: SourceRow) -> String { text(row, .uuid) ?? "" }

    /// The whole response, strings and all: for the rows the writer must compare by content (a
    /// client id), not for the common case.
    func response(_ row: SourceRow, place: MergePlaces.Place, date: CivilDate, importBatch: Int64?) -> NewResponse {
        let content = ResponseContent(
            questionnaireID: row.questionnaire, unitCode: place.unitCode, serviceCode: place.serviceCode, date: date,
            timeSlot: text(row, .timeSlot), answers: bytes(row, .answers).map(AnswerCoding.digit),
            respondent: Respondent(
                gender: text(row, .gender), education: text(row, .education), occupation: text(row, .occupation),
                age: row.age.map { Int(truncatingIfNeeded: $0) }, occupationAsWritten: text(row, .occupationAsWritten)),
            comment: text(row, .comment))
        return NewResponse(
            content: content, unitID: place.unitID, serviceID: place.serviceID, clientID: text(row, .clientID), score: row.score,
            importKey: row.importKey,
            carried: row.id.map {
                CarriedFields(uuid: $0, createdAt: text(row, .createdAt) ?? "", importBatch: importBatch, void: void(of: row))
            })
    }
}

/// What the merge decides on about one source response (its texts stay in `SourceRows`).
package struct SourceRow: Sendable {
    /// The global id; nil when the stored text is not one.
    let id: GlobalID?
    /// The void's global id; nil when there is no void or the stored text is not one.
    let voidID: GlobalID?
    /// The source voided it.
    let voided: Bool
    /// It has a client id (the writer then compares it with what is stored here).
    let hasClientID: Bool
    /// The questionnaire id (one shared string while it repeats).
    let questionnaire: String
    /// The day; nil when the stored text is not a date.
    let date: CivilDate?
    let serviceID: Int64
    let score: Double?
    let age: Int64?
    let importBatch: Int64?
    let importKey: Int64?
    /// Index of its first text range in `SourceRows.texts`.
    let firstText: Int
}

/// One import batch as the source stores it.
struct SourceBatch {
    let batch: ImportBatch
    let uuid: String
}

/// Where a merge gets the source's responses: `start()` once the merge has read everything
/// else it needs from the source (the feed may read the source on another thread from then on),
/// `next()` until nil, `finish()` before the source is used again.
package protocol MergeRowFeed: AnyObject {
    /// Begins reading the responses.
    func start()
    /// The next run of responses in id order; nil at the end. Throws the reader's failure.
    func next() throws -> SourceRows?
    /// Stops reading (if still reading) and waits until the source is no longer used.
    func finish()
}

extension MergeSource {
    /// Reads every response in id order and hands them over in runs of `batchSize`; stops
    /// when `deliver` returns false. `finished` is called last, with the error that ended the
    /// reading early, if any. Uses the source's connection: nothing else may use it meanwhile.
    package func readResponses(
        batchSize: Int = 512, deliver: (SourceRows) -> Bool, finished: ((any Error)?) -> Void
    ) {
        do {
            let statement = try db.prepare(
                """
                SELECT service_id, score, age, import_batch, import_key,
                  questionnaire, day, time_slot, answers, gender, education, occupation, comment, client_id, created_at,
                  occupation_as_written, uuid, voided_at, void_reason, void_uuid
                FROM responses ORDER BY id
                """)
            var questionnaires = RepeatedText()
            var run = SourceRows()
            while try statement.step() {
                run.rows.append(Self.row(statement, into: &run, questionnaires: &questionnaires))
                if run.rows.count == batchSize {
                    guard deliver(run) else { return finished(nil) }
                    run = SourceRows()
                }
            }
            if !run.rows.isEmpty { _ = deliver(run) }
            finished(nil)
        } catch {
            finished(error)
        }
    }

    /// The first text column of `readResponses`' SELECT.
    static let firstTextColumn: Int32 = 5

    /// One row of `readResponses`' SELECT: its texts appended to `run`, its decisions decoded.
    static func row(_ statement: Statement, into run: inout SourceRows, questionnaires: inout RepeatedText) -> SourceRow {
        let firstText = run.texts.count
        for position in 0..<ResponseWriter.textColumnCount {
            let column = firstTextColumn + Int32(position)
            if statement.isNull(column) {
                run.texts.append(-1 ..< -1)
            } else {
                let start = run.arena.count
                run.arena.append(contentsOf: statement.bytes(column))
                run.texts.append(start..<run.arena.count)
            }
        }
        func text(_ column: SourceRows.Text) -> Int32 { firstTextColumn + Int32(column.rawValue) }
        let voided = !statement.isNull(text(.voidedAt))
        return SourceRow(
            id: GlobalID(bytes: statement.bytes(text(.uuid))),
            voidID: voided ? GlobalID(bytes: statement.bytes(text(.voidUUID))) : nil, voided: voided,
            hasClientID: !statement.isNull(text(.clientID)),
            questionnaire: questionnaires.text(statement.bytes(text(.questionnaire))),
            date: CivilDate(iso: statement.text(text(.day))), serviceID: statement.int64(0),
            score: statement.isNull(1) ? nil : statement.double(1), age: statement.isNull(2) ? nil : statement.int64(2),
            importBatch: statement.isNull(3) ? nil : statement.int64(3),
            importKey: statement.isNull(4) ? nil : statement.int64(4),
            firstText: firstText)
    }

    /// The source's import batches, oldest first.
    func importBatches() throws -> [SourceBatch] {
        try db.prepare("SELECT \(Store.batchColumns), uuid FROM import_batches ORDER BY id").rows([]) {
            SourceBatch(batch: Store.batchRow($0), uuid: $0.optionalText(11) ?? "")
        }
    }
}

/// The last text read from one column, kept so a value that repeats row after row is built once
/// (and compared by its storage, not its bytes, when hashed or compared later).
struct RepeatedText {
    private var last = ""
    private var lastBytes: [UInt8] = []

    /// The column's text: the same string as last time when the bytes are the same.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.elementsEqual(lastBytes) { return last }
        last = String(decoding: bytes, as: UTF8.self)
        lastBytes = Array(bytes)
        return last
    }
}
