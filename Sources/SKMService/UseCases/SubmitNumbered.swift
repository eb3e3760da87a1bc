public import SKMCore
import SKMStore

/// The acknowledgement of a form stored under a batch number.
public struct NumberedSubmitResult: Sendable, Equatable {
    /// The new response's id (always a new row).
    public let id: Int64
    /// The client id it got: `BATCH/k`.
    public let clientID: String
}

extension SKMService {
    /// Stores one paper form of a batch under the first free number `BATCH/k` (k ≥ `first`),
    /// chosen inside the write transaction, so two clerks entering the same batch at once always
    /// get different numbers and every confirmed form becomes its own row.
    public func submitNumbered(_ draft: ResponseDraft, batch: String, from first: Int) throws -> NumberedSubmitResult {
        var checked = draft
        // The batch name is checked as part of a client id, by the same rule as any client id.
        checked.clientID = "\(batch)/\(max(first, 1))"
        let response = try prepare(checked)
        let writer = try store().writer(createdAt: clock.timestamp())
        let (id, clientID) = try writer.addNumbered(response, batch: batch, from: first)
        try writer.commit()
        return NumberedSubmitResult(id: id, clientID: clientID)
    }
}

extension SKMService {
    /// The forms stored under `BATCH/k`, by number (voided ones included); none when there is no database.
    public func batchForms(_ batch: String) throws -> [BatchForm] {
        guard databaseExists else { return [] }
        return try existingStore().batchForms(batch)
    }

    /// Throws `batch_date_mismatch` when the batch already holds forms of another survey date
    /// (the rule `submitNumbered` enforces inside its transaction), so a session can refuse early.
    public func checkBatchDate(_ batch: String, date: CivilDate) throws {
        try BatchDateRule.check(try batchForms(batch), batch: batch, date: date)
    }
}
