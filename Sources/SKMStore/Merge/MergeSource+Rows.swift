import SKMCore

/// One response as the source stores it (ids are the source's).
struct SourceRow {
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

extension MergeSource {
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
