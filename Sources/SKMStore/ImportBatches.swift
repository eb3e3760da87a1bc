public import SKMCore

extension Store {
    static let batchColumns = """
        id, file_name, sha256, format, imported_at, rows_read, rows_stored, rows_skipped, again_of, undone_at, undo_reason
        """

    static func batchRow(_ row: Statement) -> ImportBatch {
        ImportBatch(
            id: row.int64(0), fileName: row.text(1), sha256: row.text(2), format: row.text(3), importedAt: row.text(4),
            rowsRead: row.int(5), rowsStored: row.int(6), rowsSkipped: row.int(7),
            againOf: row.isNull(8) ? nil : row.int64(8), undoneAt: row.optionalText(9), undoReason: row.optionalText(10))
    }

    /// Every import batch, oldest first.
    public func importBatches() throws -> [ImportBatch] {
        try db.prepare("SELECT \(Self.batchColumns) FROM import_batches ORDER BY id").rows([]) { Self.batchRow($0) }
    }

    /// One batch, or nil.
    public func importBatch(id: Int64) throws -> ImportBatch? {
        try statement("SELECT \(Self.batchColumns) FROM import_batches WHERE id = ?").first([.int(id)]) { Self.batchRow($0) }
    }

    /// The earliest batch not undone whose file had exactly these bytes, if any.
    public func activeImportBatch(sha256: String) throws -> ImportBatch? {
        try statement(
            "SELECT \(Self.batchColumns) FROM import_batches WHERE sha256 = ? AND undone_at IS NULL ORDER BY id LIMIT 1"
        )
        .first([.text(sha256)]) { Self.batchRow($0) }
    }

    /// Whether any batch not undone stored a response (a look at the small batch table only).
    public func hasImportedRows() throws -> Bool {
        try statement("SELECT EXISTS(SELECT 1 FROM import_batches WHERE undone_at IS NULL AND rows_stored > 0)").first {
            $0.int(0)
        } == 1
    }

    /// The row fingerprint and batch of every response stored by a batch not undone, sorted by
    /// fingerprint (then batch): 16 bytes a row, read once by an import that needs them.
    public func importedKeys() throws -> (keys: [Int64], batches: [Int64]) {
        let statement = try db.prepare(
            """
            SELECT r.import_key, r.import_batch FROM responses r JOIN import_batches b ON b.id = r.import_batch
            WHERE r.import_key IS NOT NULL AND b.undone_at IS NULL
            """)
        var pairs: [(key: Int64, batch: Int64)] = []
        while try statement.step() { pairs.append((statement.int64(0), statement.int64(1))) }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.batch < $1.batch }
        return (pairs.map(\.key), pairs.map(\.batch))
    }

    /// The number the next batch gets; call inside the import's write transaction.
    public func nextImportBatchID() throws -> Int64 {
        try statement("SELECT COALESCE(MAX(id), 0) + 1 FROM import_batches").first { $0.int64(0) } ?? 1
    }

    /// Records a batch; call inside the import's write transaction, before it commits.
    public func recordImportBatch(_ b: ImportBatch) throws {
        try statement(
            """
            INSERT INTO import_batches(id, file_name, sha256, format, imported_at, rows_read, rows_stored, rows_skipped, again_of,
              uuid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \(GlobalIDs.random))
            """
        ).run([
            .int(b.id), .text(b.fileName), .text(b.sha256), .text(b.format), .text(b.importedAt), .integer(b.rowsRead),
            .integer(b.rowsStored), .integer(b.rowsSkipped), b.againOf.map { .int($0) } ?? .null,
        ])
        try audit(
            action: "import", responseID: nil, detail: "batch \(b.id): \(b.rowsStored) respons dari \(b.fileName)",
            at: b.importedAt)
    }

    /// Voids every response of batch `id` not voided yet and marks the batch undone, in one
    /// transaction; the audit trail gets each void and the undo.
    public func undoImportBatch(id: Int64, reason: String, at: String) throws -> (batch: ImportBatch, outcome: VoidOutcome) {
        try db.transaction {
            guard let batch = try importBatch(id: id) else {
                throw SKMError(.importBatchNotFound, "Batch impor #\(id) tidak ada. Lihat 'skm import list'.", field: "batch")
            }
            if let undoneAt = batch.undoneAt {
                throw SKMError(
                    .importAlreadyUndone,
                    "Batch impor #\(id) sudah dibatalkan pada \(undoneAt) dengan alasan: \(batch.undoReason ?? "-").",
                    field: "batch")
            }
            let ids = try db.prepare("SELECT id FROM responses WHERE import_batch = ? ORDER BY id").rows([.int(id)]) {
                $0.int64(0)
            }
            let outcome = try voidAll(ids, reason: reason, at: at)
            try statement("UPDATE import_batches SET undone_at = ?, undo_reason = ? WHERE id = ?").run([
                .text(at), .text(reason), .int(id),
            ])
            try audit(action: "import.undo", responseID: nil, detail: "batch \(id): \(reason)", at: at)
            guard let undone = try importBatch(id: id) else { throw SKMError(.internal, "Batch impor #\(id) hilang.") }
            return (undone, outcome)
        }
    }

    /// Voids the responses in `ranges` (inclusive id ranges) in one transaction. Every id must
    /// exist (else nothing changes, `response_not_found` naming the first missing one); ids
    /// already voided are left as they were and listed; when all of them were, `already_voided`.
    public func void(ranges: [ClosedRange<Int64>], reason: String, at: String) throws -> VoidOutcome {
        try db.transaction {
            var ids: [Int64] = []
            var seen = Set<Int64>()
            for range in ranges {
                let found = try db.prepare("SELECT id FROM responses WHERE id BETWEEN ? AND ? ORDER BY id")
                    .rows([.int(range.lowerBound), .int(range.upperBound)]) { $0.int64(0) }
                if found.count != range.count {
                    var missing = range.lowerBound + Int64(found.count)
                    for (offset, id) in found.enumerated() where id != range.lowerBound + Int64(offset) {
                        missing = range.lowerBound + Int64(offset)
                        break
                    }
                    throw SKMError(
                        .responseNotFound,
                        ranges.count == 1 && range.count == 1
                            ? "Respons #\(missing) tidak ditemukan."
                            : "Respons #\(missing) tidak ditemukan; tidak ada yang dibatalkan.",
                        field: "id")
                }
                for id in found where seen.insert(id).inserted { ids.append(id) }
            }
            ids.sort()
            let outcome = try voidAll(ids, reason: reason, at: at)
            if outcome.voided.isEmpty, let first = outcome.alreadyVoided.first, let existing = try response(id: first) {
                let when = "pada \(existing.voidedAt ?? "-") dengan alasan: \(existing.voidReason ?? "-")"
                throw SKMError(
                    .alreadyVoided,
                    outcome.alreadyVoided.count == 1
                        ? "Respons #\(first) sudah dibatalkan \(when)."
                        : "Semua \(outcome.alreadyVoided.count) respons itu sudah dibatalkan (#\(first) \(when)).",
                    field: "id")
            }
            return outcome
        }
    }

    /// Voids each of `ids` not voided yet (inside the caller's transaction), aggregates and audit included.
    func voidAll(_ ids: [Int64], reason: String, at: String) throws -> VoidOutcome {
        var outcome = VoidOutcome()
        var deltas: [AggregateKey: Tally] = [:]
        let update = try statement(
            "UPDATE responses SET voided_at = ?, void_reason = ?, void_uuid = \(GlobalIDs.random) WHERE id = ?")
        for id in ids {
            guard let existing = try response(id: id) else {
                throw SKMError(.responseNotFound, "Respons #\(id) tidak ditemukan.", field: "id")
            }
            if existing.isVoided {
                outcome.alreadyVoided.append(id)
                continue
            }
            try update.run([.text(at), .text(reason), .int(id)])
            let key = AggregateKey(
                questionnaire: existing.content.questionnaireID, date: existing.content.date,
                unitID: existing.unitID, serviceID: existing.serviceID)
            var tally = Tally(unsurCount: existing.content.answers.count)
            tally.add(answers: existing.content.answers, score: existing.score)
            deltas[key, default: Tally(unsurCount: existing.content.answers.count)].merge(tally.negated)
            try audit(action: "response.void", responseID: id, detail: reason, at: at)
            outcome.voided.append(id)
        }
        try applyAggregateDeltas(deltas)
        return outcome
    }
}
