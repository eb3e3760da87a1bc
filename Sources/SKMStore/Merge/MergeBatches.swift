import SKMCore

/// Where the source's import batches went here.
struct CarriedBatches {
    struct Target {
        let id: Int64
        /// The batch was not carried: the same file (same SHA-256) was imported here too, so its
        /// rows are recognised by their fingerprints.
        let recognisedByFile: Bool
    }

    /// By the source's batch id.
    var map: [Int64: Target] = [:]
    /// The row fingerprints stored here under each batch recognised by file.
    var keys: [Int64: Set<Int64>] = [:]
}

extension Store {
    /// Carries each source batch: one with a known global id maps to it (its undo follows when
    /// the source undid it since), one whose file was imported here too maps to that batch, any
    /// other is added with its global id, times, counts and undo.
    func carryBatches(from source: MergeSource, counts: inout MergeCounts) throws -> CarriedBatches {
        var carried = CarriedBatches()
        for sourceBatch in try source.importBatches() {
            let b = sourceBatch.batch
            guard GlobalID(sourceBatch.uuid) != nil else { throw Self.corruptSource(sourceBatch.uuid) }
            let byID = try statement("SELECT id, undone_at FROM import_batches WHERE uuid = ?").first([.text(sourceBatch.uuid)]) {
                (id: $0.int64(0), undone: !$0.isNull(1))
            }
            if let byID {
                carried.map[b.id] = .init(id: byID.id, recognisedByFile: false)
                if let undoneAt = b.undoneAt, !byID.undone {
                    try statement("UPDATE import_batches SET undone_at = ?, undo_reason = ? WHERE id = ?")
                        .run([.text(undoneAt), .optional(b.undoReason), .int(byID.id)])
                    counts.batchesAdded += 1
                }
                continue
            }
            if b.undoneAt == nil, let same = try activeImportBatch(sha256: b.sha256) {
                carried.map[b.id] = .init(id: same.id, recognisedByFile: true)
                carried.keys[same.id] = Set(
                    try db.prepare("SELECT import_key FROM responses WHERE import_batch = ? AND import_key IS NOT NULL")
                        .rows([.int(same.id)]) { $0.int64(0) })
                continue
            }
            let id = try nextImportBatchID()
            try statement(
                """
                INSERT INTO import_batches(id, file_name, sha256, format, imported_at, rows_read, rows_stored, rows_skipped,
                  again_of, undone_at, undo_reason, uuid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).run([
                .int(id), .text(b.fileName), .text(b.sha256), .text(b.format), .text(b.importedAt), .integer(b.rowsRead),
                .integer(b.rowsStored), .integer(b.rowsSkipped),
                b.againOf.flatMap { carried.map[$0] }.map { .int($0.id) } ?? .null,
                .optional(b.undoneAt), .optional(b.undoReason), .text(sourceBatch.uuid),
            ])
            carried.map[b.id] = .init(id: id, recognisedByFile: false)
            counts.batchesAdded += 1
        }
        return carried
    }
}
