import SKMCore

/// One response as the source stores it (ids are the source's).
package struct SourceRow: Sendable {
    let uuid: String
    let questionnaire: String
    let serviceID: Int64
    let day: String
    let timeSlot: String?
    let answers: String
    let score: Double?
    let respondent: Respondent
    let comment: String?
    let clientID: String?
    let createdAt: String
    let void: CarriedVoid?
    let importBatch: Int64?
    let importKey: Int64?
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
    /// The next batch of responses in id order; nil at the end. Throws the reader's failure.
    func next() throws -> [SourceRow]?
    /// Stops reading (if still reading) and waits until the source is no longer used.
    func finish()
}

extension MergeSource {
    /// Reads every response in id order and hands them over in batches of `batchSize`; stops
    /// when `deliver` returns false. `finished` is called last, with the error that ended the
    /// reading early, if any. Uses the source's connection: nothing else may use it meanwhile.
    package func readResponses(
        batchSize: Int = 512, deliver: ([SourceRow]) -> Bool, finished: ((any Error)?) -> Void
    ) {
        struct Stopped: Error {}
        var batch: [SourceRow] = []
        batch.reserveCapacity(batchSize)
        do {
            try forEachResponse { row in
                batch.append(row)
                if batch.count == batchSize {
                    guard deliver(batch) else { throw Stopped() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = deliver(batch) }
            finished(nil)
        } catch {
            finished(error)
        }
    }

    /// Every response of the source in id order, streamed.
    func forEachResponse(_ body: (SourceRow) throws -> Void) throws {
        let statement = try db.prepare(
            """
            SELECT uuid, questionnaire, service_id, day, time_slot, answers, score, gender, education, occupation, age, comment,
              client_id, created_at, voided_at, void_reason, void_uuid, import_batch, import_key, occupation_as_written
            FROM responses ORDER BY id
            """)
        while try statement.step() {
            let voidedAt = statement.optionalText(14)
            let void = voidedAt.map { at in
                CarriedVoid(uuid: statement.optionalText(16) ?? "", at: at, reason: statement.optionalText(15) ?? "")
            }
            try body(
                SourceRow(
                    uuid: statement.optionalText(0) ?? "", questionnaire: statement.text(1), serviceID: statement.int64(2),
                    day: statement.text(3), timeSlot: statement.optionalText(4), answers: statement.text(5),
                    score: statement.optionalDouble(6),
                    respondent: Respondent(
                        gender: statement.optionalText(7), education: statement.optionalText(8),
                        occupation: statement.optionalText(9), age: statement.optionalInt(10),
                        occupationAsWritten: statement.optionalText(19)),
                    comment: statement.optionalText(11), clientID: statement.optionalText(12), createdAt: statement.text(13),
                    void: void, importBatch: statement.isNull(17) ? nil : statement.int64(17),
                    importKey: statement.isNull(18) ? nil : statement.int64(18)))
        }
    }

    /// The source's import batches, oldest first.
    func importBatches() throws -> [SourceBatch] {
        try db.prepare("SELECT \(Store.batchColumns), uuid FROM import_batches ORDER BY id").rows([]) {
            SourceBatch(batch: Store.batchRow($0), uuid: $0.optionalText(11) ?? "")
        }
    }
}
