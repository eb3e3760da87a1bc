import CSQLite
public import SKMCore

extension Store {
    static let responseColumns = """
        r.id, r.questionnaire, r.unit_id, u.code, r.service_id, s.code, r.day, r.time_slot, r.answers, r.score,
        r.gender, r.education, r.occupation, r.age, r.comment, r.client_id, r.created_at, r.voided_at, r.void_reason,
        r.occupation_as_written, r.uuid
        """
    static let responseFrom = """
        FROM responses r JOIN units u ON u.id = r.unit_id JOIN services s ON s.id = r.service_id
        """

    static func responseRow(_ row: Statement) -> StoredResponse {
        let date = CivilDate(iso: row.text(6)) ?? CivilDate(dayNumber: 0)
        let content = ResponseContent(
            questionnaireID: row.text(1), unitCode: row.text(3), serviceCode: row.text(5), date: date,
            timeSlot: row.optionalText(7), answers: AnswerCoding.decode(row.text(8)),
            respondent: Respondent(
                gender: row.optionalText(10), education: row.optionalText(11), occupation: row.optionalText(12),
                age: row.optionalInt(13), occupationAsWritten: row.optionalText(19)),
            comment: row.optionalText(14))
        return StoredResponse(
            id: row.int64(0), content: content, unitID: row.int64(2), serviceID: row.int64(4),
            clientID: row.optionalText(15), score: row.optionalDouble(9), createdAt: row.text(16),
            voidedAt: row.optionalText(17), voidReason: row.optionalText(18), globalID: row.optionalText(20))
    }

    public func response(id: Int64) throws -> StoredResponse? {
        try statement("SELECT \(Self.responseColumns) \(Self.responseFrom) WHERE r.id = ?").first([.int(id)]) {
            Self.responseRow($0)
        }
    }

    public func response(clientID: String) throws -> StoredResponse? {
        try statement("SELECT \(Self.responseColumns) \(Self.responseFrom) WHERE r.client_id = ?").first([
            .text(clientID)
        ]) { Self.responseRow($0) }
    }

    /// The id of the response stored under `clientID`, if any: one look-up in the client-id
    /// index, no row read (a batch checks every new client id).
    func responseID(clientID: String) throws -> Int64? {
        let statement = try statement("SELECT id FROM responses WHERE client_id = ?")
        statement.clear()
        statement.bind(text: clientID, at: 1)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.int64(0) : nil
    }

    /// Responses in id order, after `afterID`, at most `limit`.
    public func responses(
        _ query: ResponseQuery, includeVoided: Bool, afterID: Int64 = 0, limit: Int
    ) throws -> [StoredResponse] {
        let (sql, values) = selectSQL(query, includeVoided: includeVoided, afterID: afterID)
        return try db.prepare(sql + " LIMIT ?").rows(values + [.integer(limit)]) { Self.responseRow($0) }
    }

    /// Streams every matching response in id order without holding them all in memory.
    public func forEachResponse(
        _ query: ResponseQuery, includeVoided: Bool, _ body: (StoredResponse) throws -> Void
    ) throws {
        let (sql, values) = selectSQL(query, includeVoided: includeVoided, afterID: 0)
        let statement = try db.prepare(sql)
        statement.bind(values)
        while try statement.step() { try body(Self.responseRow(statement)) }
    }

    func selectSQL(_ query: ResponseQuery, includeVoided: Bool, afterID: Int64) -> (String, [SQLValue]) {
        var (clauses, values) = query.whereClauses()
        clauses = clauses.map { "r." + $0 }
        clauses.append("r.id > ?")
        values.append(.int(afterID))
        if !includeVoided { clauses.append("r.voided_at IS NULL") }
        let sql = "SELECT \(Self.responseColumns) \(Self.responseFrom) WHERE \(clauses.joined(separator: " AND ")) ORDER BY r.id"
        return (sql, values)
    }

    /// The most recently stored response, voided or not.
    public func latestResponse() throws -> StoredResponse? {
        try statement("SELECT \(Self.responseColumns) \(Self.responseFrom) ORDER BY r.id DESC LIMIT 1").first {
            Self.responseRow($0)
        }
    }

    /// Counts of stored responses: all, and voided.
    public func responseCounts() throws -> (total: Int, voided: Int) {
        try statement("SELECT COUNT(*), COUNT(voided_at) FROM responses").first { (total: $0.int(0), voided: $0.int(1)) }
            ?? (0, 0)
    }

    /// Voids a response: it stays stored with the reason and leaves the aggregates.
    public func void(id: Int64, reason: String, at: String) throws -> StoredResponse {
        try db.transaction {
            guard let existing = try response(id: id) else {
                throw SKMError(.responseNotFound, "Respons #\(id) tidak ditemukan.", field: "id")
            }
            if let voidedAt = existing.voidedAt {
                throw SKMError(
                    .alreadyVoided,
                    "Respons #\(id) sudah dibatalkan pada \(voidedAt) dengan alasan: \(existing.voidReason ?? "-").",
                    field: "id")
            }
            try statement("UPDATE responses SET voided_at = ?, void_reason = ?, void_uuid = \(GlobalIDs.random) WHERE id = ?")
                .run([.text(at), .text(reason), .int(id)])
            var tally = Tally(unsurCount: existing.content.answers.count)
            tally.add(answers: existing.content.answers, score: existing.score)
            let key = AggregateKey(
                questionnaire: existing.content.questionnaireID, date: existing.content.date,
                unitID: existing.unitID, serviceID: existing.serviceID)
            try applyAggregateDeltas([key: tally.negated])
            try audit(action: "response.void", responseID: id, detail: reason, at: at)
            guard let voided = try response(id: id) else {
                throw SKMError(.internal, "Respons #\(id) hilang setelah dibatalkan.")
            }
            return voided
        }
    }
}
