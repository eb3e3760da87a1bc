import SKMCore

/// Writes responses inside one write transaction, keeping the aggregates in step.
///
/// Aggregate changes are summed in memory per (questionnaire, day, unit, service) and applied just
/// before COMMIT, so a bulk import of a million rows touches each aggregate row once. Nothing is
/// visible to other processes, and nothing is acknowledged, until `commit()` returns.
public final class ResponseWriter {
    let store: Store
    let createdAt: String
    var deltas: [AggregateKey: Tally] = [:]
    var finished = false

    init(store: Store, createdAt: String) throws {
        self.store = store
        self.createdAt = createdAt
        try store.db.execute("BEGIN IMMEDIATE")
    }

    deinit {
        if !finished { try? store.db.execute("ROLLBACK") }
    }

    /// Adds one response. A client id seen before returns `.duplicate` when the content is the
    /// same and throws `client_id_conflict` when it differs; either way nothing new is written.
    public func add(_ response: NewResponse) throws -> InsertOutcome {
        if let clientID = response.clientID, let existing = try store.response(clientID: clientID) {
            guard existing.content == response.content, existing.unitID == response.unitID,
                existing.serviceID == response.serviceID
            else {
                throw SKMError(
                    .clientIDConflict,
                    "Client id \"\(clientID.clipped(60))\" sudah dipakai respons #\(existing.id) dengan isi lain; respons ini tidak disimpan.",
                    field: "clientId", details: ["existingId": .int(Int(existing.id))])
            }
            return .duplicate(existing.id)
        }
        let c = response.content
        try store.statement(
            """
            INSERT INTO responses(questionnaire, unit_id, service_id, day, time_slot, answers, score, gender,
              education, occupation, age, comment, client_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(c.questionnaireID), .int(response.unitID), .int(response.serviceID), .text(c.date.iso),
            .optional(c.timeSlot), .text(AnswerCoding.encode(c.answers)), .optional(response.score),
            .optional(c.respondent.gender), .optional(c.respondent.education), .optional(c.respondent.occupation),
            .optional(c.respondent.age), .optional(c.comment), .optional(response.clientID), .text(createdAt),
        ])
        let id = store.db.lastInsertRowID
        let key = AggregateKey(
            questionnaire: c.questionnaireID, day: c.date.iso, unitID: response.unitID, serviceID: response.serviceID)
        deltas[key, default: Tally(unsurCount: c.answers.count)].add(answers: c.answers, score: response.score)
        return .stored(id)
    }

    /// Applies the aggregate changes and commits: after this returns, every `.stored` is durable.
    public func commit() throws {
        guard !finished else { return }
        do {
            try store.applyAggregateDeltas(deltas)
            try store.db.execute("COMMIT")
            finished = true
        } catch {
            rollback()
            throw error
        }
    }

    /// Discards everything added.
    public func rollback() {
        guard !finished else { return }
        try? store.db.execute("ROLLBACK")
        finished = true
        deltas = [:]
    }
}

struct AggregateKey: Hashable {
    let questionnaire: String
    let day: String
    let unitID: Int64
    let serviceID: Int64
}

extension Tally {
    /// Adds one stored response, whose score was computed when it was validated.
    mutating func add(answers: [UInt8], score: Double?) {
        respondents += 1
        if unsur.count < answers.count {
            unsur.append(contentsOf: Array(repeating: UnsurTally(), count: answers.count - unsur.count))
        }
        for (i, a) in answers.enumerated() where a != 0 {
            let v = Int(a)
            unsur[i].answered += 1
            unsur[i].sum += v
            unsur[i].sumOfSquares += v * v
        }
        if let score {
            scoreSum += score
            scoreSumOfSquares += score * score
        }
    }

    /// The same tally with every count negated (to remove a voided response).
    var negated: Tally {
        Tally(
            respondents: -respondents,
            unsur: unsur.map { UnsurTally(answered: -$0.answered, sum: -$0.sum, sumOfSquares: -$0.sumOfSquares) },
            scoreSum: -scoreSum, scoreSumOfSquares: -scoreSumOfSquares)
    }
}

extension Store {
    /// Starts a write transaction. Call `commit()`; anything not committed is rolled back.
    public func writer(createdAt: String) throws -> ResponseWriter {
        try ResponseWriter(store: self, createdAt: createdAt)
    }

    func applyAggregateDeltas(_ deltas: [AggregateKey: Tally]) throws {
        let totals = try statement(
            """
            INSERT INTO daily_totals(questionnaire, day, unit_id, service_id, respondents, score_sum, score_sumsq)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(questionnaire, day, unit_id, service_id) DO UPDATE SET
              respondents = respondents + excluded.respondents,
              score_sum = score_sum + excluded.score_sum,
              score_sumsq = score_sumsq + excluded.score_sumsq
            """)
        let unsur = try statement(
            """
            INSERT INTO daily_unsur(questionnaire, day, unit_id, service_id, unsur, answered, total, total_sq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(questionnaire, day, unit_id, service_id, unsur) DO UPDATE SET
              answered = answered + excluded.answered,
              total = total + excluded.total,
              total_sq = total_sq + excluded.total_sq
            """)
        for (key, tally) in deltas {
            let keyValues: [SQLValue] = [.text(key.questionnaire), .text(key.day), .int(key.unitID), .int(key.serviceID)]
            try totals.run(
                keyValues + [.integer(tally.respondents), .double(tally.scoreSum), .double(tally.scoreSumOfSquares)])
            for (index, u) in tally.unsur.enumerated() where u.answered != 0 {
                try unsur.run(
                    keyValues + [.integer(index), .integer(u.answered), .integer(u.sum), .integer(u.sumOfSquares)])
            }
        }
    }
}
