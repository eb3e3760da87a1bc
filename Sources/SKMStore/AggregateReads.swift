import SKMCore

/// How aggregate reads are grouped.
public enum TallyGrouping: Sendable, CaseIterable {
    case none, unit, service, day, month, year

    var keyExpression: String {
        switch self {
        case .none: return "''"
        case .unit: return "unit_id"
        case .service: return "service_id"
        case .day: return "day"
        case .month: return "substr(day, 1, 7)"
        case .year: return "substr(day, 1, 4)"
        }
    }
}

/// The tally of one group: a questionnaire and a key (unit id, service id, `2025-03`, … or "").
public struct TallyGroup: Sendable, Equatable {
    public let questionnaireID: String
    public let key: String
    public var tally: Tally
}

extension Store {
    /// Sums the running aggregates: a handful of rows per day, never the responses themselves.
    public func tallies(_ query: ResponseQuery, groupBy grouping: TallyGrouping) throws -> [TallyGroup] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let key = grouping.keyExpression
        var groups: [String: TallyGroup] = [:]
        var order: [String] = []
        let totalsSQL = """
            SELECT questionnaire, CAST(\(key) AS TEXT), SUM(respondents), TOTAL(score_sum), TOTAL(score_sumsq)
            FROM daily_totals \(whereSQL) GROUP BY 1, 2 ORDER BY 1, 2
            """
        for row in try statement(totalsSQL).rows(values, { ($0.text(0), $0.text(1), $0.int(2), $0.double(3), $0.double(4)) }) {
            let id = row.0 + "\u{1F}" + row.1
            order.append(id)
            groups[id] = TallyGroup(
                questionnaireID: row.0, key: row.1,
                tally: Tally(respondents: row.2, unsur: [], scoreSum: row.3, scoreSumOfSquares: row.4))
        }
        let unsurSQL = """
            SELECT questionnaire, CAST(\(key) AS TEXT), unsur, SUM(answered), SUM(total), SUM(total_sq)
            FROM daily_unsur \(whereSQL) GROUP BY 1, 2, 3
            """
        for row in try statement(unsurSQL).rows(values, { ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4), $0.int(5)) }) {
            let id = row.0 + "\u{1F}" + row.1
            guard var group = groups[id], row.2 >= 0, row.2 < 1000 else { continue }
            if group.tally.unsur.count <= row.2 {
                group.tally.unsur.append(
                    contentsOf: Array(repeating: UnsurTally(), count: row.2 + 1 - group.tally.unsur.count))
            }
            group.tally.unsur[row.2] = UnsurTally(answered: row.3, sum: row.4, sumOfSquares: row.5)
            groups[id] = group
        }
        return order.compactMap { groups[$0] }.filter { $0.tally.respondents != 0 }
    }

    /// Compares the running aggregates with a recount from the responses; returns the rows that
    /// differ (empty when consistent).
    public func aggregateDiscrepancies() throws -> [String] {
        var problems: [String] = []
        let totalsDiff = """
            WITH recount(questionnaire, day, unit_id, service_id, respondents, score_sum, score_sumsq) AS (\(RecountSQL.totals)),
            keys AS (SELECT questionnaire, day, unit_id, service_id FROM daily_totals
                     UNION SELECT questionnaire, day, unit_id, service_id FROM recount)
            SELECT k.questionnaire, k.day, k.unit_id, k.service_id, COALESCE(a.respondents, 0), COALESCE(b.respondents, 0)
            FROM keys k
            LEFT JOIN daily_totals a ON a.questionnaire = k.questionnaire AND a.day = k.day
              AND a.unit_id = k.unit_id AND a.service_id = k.service_id
            LEFT JOIN recount b ON b.questionnaire = k.questionnaire AND b.day = k.day
              AND b.unit_id = k.unit_id AND b.service_id = k.service_id
            WHERE COALESCE(a.respondents, 0) != COALESCE(b.respondents, 0)
               OR abs(COALESCE(a.score_sum, 0) - COALESCE(b.score_sum, 0)) > 1e-6
            """
        for row in try db.prepare(totalsDiff).rows([], { ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4), $0.int(5)) }) {
            problems.append(
                "\(row.0) \(row.1) unit #\(row.2) layanan #\(row.3): agregat \(row.4) responden, hitung ulang \(row.5)")
        }
        let unsurDiff = """
            WITH recount(questionnaire, day, unit_id, service_id, unsur, answered, total, total_sq) AS (\(RecountSQL.unsur)),
            keys AS (SELECT questionnaire, day, unit_id, service_id, unsur FROM daily_unsur
                     UNION SELECT questionnaire, day, unit_id, service_id, unsur FROM recount)
            SELECT k.questionnaire, k.day, k.unsur, COALESCE(a.total, 0), COALESCE(b.total, 0)
            FROM keys k
            LEFT JOIN daily_unsur a ON a.questionnaire = k.questionnaire AND a.day = k.day
              AND a.unit_id = k.unit_id AND a.service_id = k.service_id AND a.unsur = k.unsur
            LEFT JOIN recount b ON b.questionnaire = k.questionnaire AND b.day = k.day
              AND b.unit_id = k.unit_id AND b.service_id = k.service_id AND b.unsur = k.unsur
            WHERE COALESCE(a.answered, 0) != COALESCE(b.answered, 0) OR COALESCE(a.total, 0) != COALESCE(b.total, 0)
               OR COALESCE(a.total_sq, 0) != COALESCE(b.total_sq, 0)
            """
        for row in try db.prepare(unsurDiff).rows([], { ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4)) }) {
            problems.append("\(row.0) \(row.1) unsur ke-\(row.2 + 1): agregat jumlah \(row.3), hitung ulang \(row.4)")
        }
        return problems
    }
}
