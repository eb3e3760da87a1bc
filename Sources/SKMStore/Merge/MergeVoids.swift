import SKMCore

/// Source voids of responses this database already has, applied once every row is read.
struct PendingVoids {
    /// By the response's global id.
    var byUUID: [GlobalID: CarriedVoid] = [:]
    /// By (batch here, row fingerprint), for rows recognised by their imported file.
    var byKey: [(batch: Int64, key: Int64, void: CarriedVoid)] = []
    /// By response id here, for rows recognised by their client id.
    var byID: [(id: Int64, void: CarriedVoid)] = []
}

extension Store {
    /// Applies the pending voids to responses not voided here yet (keeping the source's time,
    /// reason and void id), aggregates and audit included. Returns how many were applied.
    func applyPendingVoids(_ pending: PendingVoids, at: String) throws -> Int {
        var targets: [(id: Int64, void: CarriedVoid)] = pending.byID
        if !pending.byUUID.isEmpty {
            let statement = try db.prepare("SELECT id, uuid FROM responses WHERE voided_at IS NULL")
            while try statement.step() {
                if let id = GlobalID(bytes: statement.bytes(1)), let void = pending.byUUID[id] {
                    targets.append((statement.int64(0), void))
                }
            }
        }
        var byBatch: [Int64: [Int64: CarriedVoid]] = [:]
        for entry in pending.byKey { byBatch[entry.batch, default: [:]][entry.key] = entry.void }
        for (batch, voids) in byBatch {
            let rows = try db.prepare("SELECT id, import_key FROM responses WHERE import_batch = ? AND voided_at IS NULL")
                .rows([.int(batch)]) { (id: $0.int64(0), key: $0.int64(1)) }
            for row in rows { if let void = voids[row.key] { targets.append((row.id, void)) } }
        }
        var deltas: [AggregateKey: Tally] = [:]
        var applied = 0
        let update = try statement("UPDATE responses SET voided_at = ?, void_reason = ?, void_uuid = ? WHERE id = ?")
        for target in targets {
            guard let existing = try response(id: target.id), !existing.isVoided else { continue }
            try update.run([.text(target.void.at), .text(target.void.reason), .text(target.void.uuid), .int(target.id)])
            let key = AggregateKey(
                questionnaire: existing.content.questionnaireID, date: existing.content.date, unitID: existing.unitID,
                serviceID: existing.serviceID)
            var tally = Tally(unsurCount: existing.content.answers.count)
            tally.add(answers: existing.content.answers, score: existing.score)
            deltas[key, default: Tally(unsurCount: existing.content.answers.count)].merge(tally.negated)
            try audit(action: "response.void", responseID: target.id, detail: "(gabungan) " + target.void.reason, at: at)
            applied += 1
        }
        try applyAggregateDeltas(deltas)
        return applied
    }
}
