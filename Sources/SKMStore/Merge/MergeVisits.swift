import SKMCore

/// One visit as the source stores it, its member responses named by their global ids.
struct SourceVisit {
    let uuid: String
    let surveySet: String
    let createdAt: String
    let voidedAt: String?
    let voidReason: String?
    var members: [String]
}

extension MergeSource {
    /// The source's visits, oldest first, with the global ids of their responses.
    func visits() throws -> [SourceVisit] {
        let statement = try db.prepare(
            """
            SELECT v.uuid, v.survey_set, v.created_at, v.voided_at, v.void_reason, r.uuid
            FROM visits v LEFT JOIN visit_responses m ON m.visit_id = v.id LEFT JOIN responses r ON r.id = m.response_id
            ORDER BY v.id, m.response_id
            """)
        var visits: [SourceVisit] = []
        while try statement.step() {
            let uuid = statement.text(0)
            if visits.last?.uuid != uuid {
                visits.append(
                    SourceVisit(
                        uuid: uuid, surveySet: statement.text(1), createdAt: statement.text(2),
                        voidedAt: statement.optionalText(3),
                        voidReason: statement.optionalText(4), members: []))
            }
            if let member = statement.optionalText(5), let last = visits.indices.last { visits[last].members.append(member) }
        }
        return visits
    }
}

extension Store {
    /// Carries the source's visits once its responses are stored here: a visit known here by
    /// its global id gets the source's void when it has none yet; any other is added with its id,
    /// survey set, times and void, grouping the responses here that carry its members' global
    /// ids (a response already in another visit here stays there). Member voids travel with the
    /// responses themselves.
    func carryVisits(from source: MergeSource, counts: inout MergeCounts) throws {
        let sourceVisits = try source.visits()
        guard !sourceVisits.isEmpty else { return }
        var here: [String: (id: Int64, voided: Bool)] = [:]
        let known = try db.prepare("SELECT uuid, id, voided_at IS NOT NULL FROM visits")
        while try known.step() { here[known.text(0)] = (known.int64(1), known.int(2) != 0) }
        var newVisits: [SourceVisit] = []
        let void = try statement("UPDATE visits SET voided_at = ?, void_reason = ? WHERE id = ?")
        for visit in sourceVisits {
            guard GlobalID(visit.uuid) != nil else { throw Self.corruptSource(visit.uuid) }
            guard let found = here[visit.uuid] else {
                newVisits.append(visit)
                continue
            }
            if let voidedAt = visit.voidedAt, !found.voided {
                try void.run([.text(voidedAt), .optional(visit.voidReason), .int(found.id)])
                counts.visitVoidsCarried += 1
            }
        }
        guard !newVisits.isEmpty else { return }
        let wanted = Set(newVisits.flatMap(\.members))
        var responseIDs: [String: Int64] = [:]
        let responses = try db.prepare("SELECT id, uuid FROM responses")
        while try responses.step() {
            if let uuid = responses.optionalText(1), wanted.contains(uuid) { responseIDs[uuid] = responses.int64(0) }
        }
        var nextID = (try statement("SELECT COALESCE(MAX(id), 0) FROM visits").first { $0.int64(0) } ?? 0) + 1
        let insert = try statement(
            "INSERT INTO visits(id, uuid, survey_set, created_at, voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?)")
        let member = try statement(
            """
            INSERT INTO visit_responses(response_id, visit_id)
            SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM visit_responses WHERE response_id = ?1)
            """)
        for visit in newVisits {
            try insert.run([
                .int(nextID), .text(visit.uuid), .text(visit.surveySet), .text(visit.createdAt), .optional(visit.voidedAt),
                .optional(visit.voidReason),
            ])
            for uuid in visit.members {
                if let responseID = responseIDs[uuid] { try member.run([.int(responseID), .int(nextID)]) }
            }
            counts.visitsAdded += 1
            nextID += 1
        }
    }
}
