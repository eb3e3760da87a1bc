public import SKMCore
import SKMStore

/// Import batch times as people read them.
public enum ImportBatchText {
    /// `2025-03-14T03:05:09.123Z` → `2025-03-14 03:05 UTC`; other text unchanged.
    public static func time(_ timestamp: String) -> String {
        guard timestamp.count >= 16, timestamp.hasSuffix("Z") else { return timestamp }
        let chars = Array(timestamp)
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " UTC"
    }
}

extension SKMService {
    /// Every import batch, oldest first (empty when there is no database yet).
    public func importBatches() throws -> [ImportBatch] {
        guard databaseExists else { return [] }
        return try existingStore().importBatches()
    }

    /// `skm import undo N`: voids every response of batch N that is not voided yet, and marks the
    /// batch undone (its content may then be imported again), in one transaction.
    public func undoImport(batch: Int64, reason rawReason: String) throws -> (batch: ImportBatch, outcome: VoidOutcome) {
        let reason = try TextRules.reason(rawReason)
        guard batch > 0 else {
            throw SKMError(.importBatchNotFound, "Batch impor #\(batch) tidak ada. Lihat 'skm import list'.", field: "batch")
        }
        defer { invalidateCaches() }
        return try existingStore().undoImportBatch(id: batch, reason: reason, at: clock.timestamp())
    }

    /// Voids every response named, in one transaction: all or nothing when an id does not exist;
    /// responses voided before are left as they were and listed.
    public func void(_ ids: ResponseIDRanges, reason rawReason: String) throws -> VoidOutcome {
        let reason = try TextRules.reason(rawReason)
        return try existingStore().void(ranges: ids.ranges, reason: reason, at: clock.timestamp())
    }
}
