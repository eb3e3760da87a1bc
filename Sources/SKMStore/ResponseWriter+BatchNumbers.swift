import SKMCore

extension ResponseWriter {
    /// Adds a response under the first free client id `BATCH/k` with `k ≥ first`, chosen inside
    /// this write transaction: two entry sessions on the same batch can never both take a number
    /// (the write lock is held from the transaction's first statement). Returns the new id and
    /// the client id given; the response is always a new row.
    /// A batch holds one survey date (`BatchDateRule`): a form of another date throws
    /// `batch_date_mismatch` and nothing is written.
    public func addNumbered(_ response: NewResponse, batch: String, from first: Int) throws -> (id: Int64, clientID: String) {
        try BatchDateRule.check(try store.batchForms(batch), batch: batch, date: response.content.date)
        var k = max(first, 1)
        while true {
            let candidate = "\(batch)/\(k)"
            if pendingByClientID[candidate] == nil, try store.responseID(clientID: candidate) == nil {
                let numbered = NewResponse(
                    content: response.content, unitID: response.unitID, serviceID: response.serviceID,
                    clientID: candidate, score: response.score)
                guard case .stored(let id) = try add(numbered) else {
                    throw SKMError(.internal, "Nomor batch \(candidate.clipped(60)) ternyata sudah dipakai.")
                }
                return (id, candidate)
            }
            guard k < Int.max else { throw SKMError(.tooMany, "Batch \(batch.clipped(40)) sudah penuh.") }
            k += 1
        }
    }
}
