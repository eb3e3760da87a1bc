import CSQLite
public import SKMCore

extension ResponseWriter {
    /// Records that the responses just added (in this transaction) form one visit of `surveySet`;
    /// returns the visit's number. Committed (or rolled back) with the responses.
    public func addVisit(surveySet: String, responseIDs: [Int64]) throws -> Int64 {
        try flush()
        let id = try store.statement("SELECT COALESCE(MAX(id), 0) + 1 FROM visits").first { $0.int64(0) } ?? 1
        try store.statement(
            "INSERT INTO visits(id, uuid, survey_set, created_at) VALUES (?, lower(hex(randomblob(16))), ?, ?)"
        ).run([.int(id), .text(surveySet), .text(createdAt)])
        let member = try store.statement("INSERT INTO visit_responses(response_id, visit_id) VALUES (?, ?)")
        for responseID in responseIDs { try member.run([.int(responseID), .int(id)]) }
        return id
    }
}

extension Store {
    /// A visit with its responses; nil when there is none with this number.
    public func visit(id: Int64) throws -> VisitRecord? {
        guard
            let row = try statement("SELECT id, uuid, survey_set, created_at, voided_at, void_reason FROM visits WHERE id = ?")
                .first([.int(id)], { ($0.int64(0), $0.text(1), $0.text(2), $0.text(3), $0.optionalText(4), $0.optionalText(5)) })
        else { return nil }
        let members = try statement("SELECT response_id FROM visit_responses WHERE visit_id = ? ORDER BY response_id")
            .rows([.int(id)]) { $0.int64(0) }
        return VisitRecord(
            id: row.0, uuid: row.1, surveySet: row.2, createdAt: row.3, voidedAt: row.4, voidReason: row.5, responseIDs: members)
    }

    /// The visit a response belongs to; nil when it was entered on its own.
    public func visitID(ofResponse responseID: Int64) throws -> Int64? {
        try statement("SELECT visit_id FROM visit_responses WHERE response_id = ?").first([.int(responseID)]) { $0.int64(0) }
    }

    /// Voids a visit and every response of it that still counts, in one transaction; each stays
    /// stored with the reason. A visit voided before is `already_voided`, an unknown one `visit_not_found`.
    public func voidVisit(id: Int64, reason: String, at: String) throws -> VisitRecord {
        try db.transaction {
            guard let visit = try visit(id: id) else {
                throw SKMError(.visitNotFound, "Kunjungan #\(id) tidak ditemukan.", field: "id")
            }
            if let voidedAt = visit.voidedAt {
                throw SKMError(
                    .alreadyVoided,
                    "Kunjungan #\(id) sudah dibatalkan pada \(voidedAt) dengan alasan: \(visit.voidReason ?? "-").", field: "id")
            }
            try statement("UPDATE visits SET voided_at = ?, void_reason = ? WHERE id = ?").run([
                .text(at), .text(reason), .int(id),
            ])
            _ = try voidAll(visit.responseIDs, reason: reason, at: at)
            guard let voided = try self.visit(id: id) else {
                throw SKMError(.visitNotFound, "Kunjungan #\(id) tidak ditemukan.", field: "id")
            }
            return voided
        }
    }

    /// How many visits have at least one counting response in the query's selection: the number
    /// of respondents of a survey set, each visit once however many questionnaires it answered.
    public func visitCount(_ query: ResponseQuery) throws -> Int {
        let (clauses, values) = query.whereClauses()
        let filter = (["voided_at IS NULL"] + clauses).joined(separator: " AND ")
        let sql = """
            SELECT COUNT(DISTINCT visit_id) FROM visit_responses
            WHERE response_id IN (SELECT id FROM responses WHERE \(filter))
            """
        return try statement(sql).first(values) { $0.int(0) } ?? 0
    }
}
