public import SKMCore

extension Store {
    /// The aggregate rows that cannot be right, whatever the responses say: negative counts,
    /// unsur answered more often than there were respondents, sums above `answered` × the
    /// questionnaire's highest answer (`scaleMaximum`, 9 — one stored digit — when unknown),
    /// packed unsur counts that cannot be read. Products are checked: one too large for an
    /// integer is above every stored sum.
    public func implausibleAggregates(scaleMaximum: [String: Int]) throws -> [ImplausibleAggregate] {
        var found: [ImplausibleAggregate] = []
        let rows = try statement(
            "SELECT questionnaire, day, unit_id, service_id, respondents, unsur FROM aggregates ORDER BY questionnaire, day, unit_id, service_id"
        )
        rows.bind([])
        defer { rows.clear() }
        while try rows.step() {
            let key = AggregateRowKey(
                questionnaire: rows.text(0), day: rows.text(1), unitID: rows.int64(2), serviceID: rows.int64(3))
            let respondents = rows.int(4)
            if respondents < 0 { found.append(ImplausibleAggregate(row: key, unsur: nil, problem: .negative)) }
            guard let unsur = UnsurBlob.decode(rows.blob(5)) else {
                found.append(ImplausibleAggregate(row: key, unsur: nil, problem: .unreadable))
                continue
            }
            let top = scaleMaximum[key.questionnaire] ?? 9
            for (index, u) in unsur.enumerated() {
                let problem: ImplausibleAggregate.Problem
                if u.answered < 0 || u.sum < 0 || u.sumOfSquares < 0 {
                    problem = .negative
                } else if u.answered > respondents {
                    problem = .answeredAboveRespondents(answered: u.answered, respondents: respondents)
                } else if Self.exceeds(u.sum, u.answered, top) || Self.exceeds(u.sumOfSquares, u.answered, top, top) {
                    problem = .totalAboveMaximum(total: u.sum, answered: u.answered, scaleMaximum: top)
                } else {
                    continue
                }
                found.append(ImplausibleAggregate(row: key, unsur: index, problem: problem))
            }
        }
        return found
    }

    /// Whether `value` is above the product of `factors` (a product past Int.max never is).
    static func exceeds(_ value: Int, _ factors: Int...) -> Bool {
        var product = 1
        for factor in factors {
            guard let next = AggregateBounds.multiply(product, factor) else { return false }
            product = next
        }
        return value > product
    }
}
