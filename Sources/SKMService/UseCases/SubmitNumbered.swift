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
