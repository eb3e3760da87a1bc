public import SKMCore

extension Store {
    /// The aggregate rows that cannot be right, whatever the responses say: negative counts,
    /// unsur answered more often than there were respondents, sums above `answered` × the
    /// questionnaire's highest answer (`scaleMaximum`, 9 — one stored digit — when unknown).
    /// Compares in SQL, where a product too large for an integer becomes a real, never a trap.
    public func implausibleAggregates(scaleMaximum: [String: Int]) throws -> [ImplausibleAggregate] {
        var found: [ImplausibleAggregate] = []
        let totals = "SELECT questionnaire, day, unit_id, service_id, respondents FROM daily_totals WHERE respondents < 0"
        for row in try statement(totals).rows([], { ($0.text(0), $0.text(1), $0.int(2), $0.int(3)) }) {
            found.append(
                ImplausibleAggregate(
                    row: AggregateRowKey(questionnaire: row.0, day: row.1, unitID: Int64(row.2), serviceID: Int64(row.3)),
                    unsur: nil, problem: .negative))
        }
        let known = scaleMaximum.sorted { $0.key < $1.key }
        let top = known.isEmpty ? "9" : "CASE u.questionnaire " + String(repeating: "WHEN ? THEN ? ", count: known.count) + "ELSE 9 END"
        let unsur = """
            SELECT questionnaire, day, unit_id, service_id, unsur, answered, total, total_sq, respondents, top FROM (
              SELECT u.questionnaire, u.day, u.unit_id, u.service_id, u.unsur, u.answered, u.total, u.total_sq,
                     COALESCE(t.respondents, 0) AS respondents, \(top) AS top
              FROM daily_unsur u LEFT JOIN daily_totals t ON t.questionnaire = u.questionnaire AND t.day = u.day
                AND t.unit_id = u.unit_id AND t.service_id = u.service_id)
            WHERE answered < 0 OR total < 0 OR total_sq < 0 OR answered > respondents
               OR total > answered * top OR total_sq > answered * top * top
            ORDER BY questionnaire, day, unit_id, service_id, unsur
            """
        let values = known.flatMap { [SQLValue.text($0.key), .integer($0.value)] }
        found += try statement(unsur).rows(values) { row in
            let (answered, total, squares, respondents, maximum) = (row.int(5), row.int(6), row.int(7), row.int(8), row.int(9))
            let problem: ImplausibleAggregate.Problem
            if answered < 0 || total < 0 || squares < 0 {
                problem = .negative
            } else if answered > respondents {
                problem = .answeredAboveRespondents(answered: answered, respondents: respondents)
            } else {
                problem = .totalAboveMaximum(total: total, answered: answered, scaleMaximum: maximum)
            }
            return ImplausibleAggregate(
                row: AggregateRowKey(questionnaire: row.text(0), day: row.text(1), unitID: Int64(row.int(2)), serviceID: Int64(row.int(3))),
                unsur: row.int(4), problem: problem)
        }
        return found
    }
}
