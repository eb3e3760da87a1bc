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

struct GroupID: Hashable {
    let questionnaire: String
    let key: String
}

/// Reuses the previous row's strings when the bytes are the same, so summing thousands of rows
/// of one questionnaire does not build thousands of equal strings.
struct NameCache {
    var lastText: [UInt8] = []
    var lastTextString = ""
    var lastKey: [UInt8] = []
    var lastKeyString = ""

    mutating func text(_ row: Statement, _ column: Int32) -> String {
        let bytes = row.bytes(column)
        if bytes.elementsEqual(lastText) { return lastTextString }
        lastText = Array(bytes)
        lastTextString = String(decoding: bytes, as: UTF8.self)
        return lastTextString
    }

    mutating func key(_ row: Statement, _ column: Int32) -> String {
        let bytes = row.bytes(column)
        if bytes.elementsEqual(lastKey) { return lastKeyString }
        lastKey = Array(bytes)
        lastKeyString = String(decoding: bytes, as: UTF8.self)
        return lastKeyString
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
    ///
    /// The rows are summed here rather than by SQL `GROUP BY`, which would sort them first; a
    /// year of a busy office is tens of thousands of aggregate rows and sums in milliseconds.
    public func tallies(_ query: ResponseQuery, groupBy grouping: TallyGrouping) throws -> [TallyGroup] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let key = grouping.keyExpression
        var groups: [GroupID: TallyGroup] = [:]
        let totalsSQL = """
            SELECT questionnaire, CAST(\(key) AS TEXT), respondents, score_sum, score_sumsq FROM daily_totals \(whereSQL)
            """
        let totals = try statement(totalsSQL)
        totals.bind(values)
        var names = NameCache()
        while try totals.step() {
            let id = GroupID(questionnaire: names.text(totals, 0), key: names.key(totals, 1))
            var group = groups[id] ?? TallyGroup(questionnaireID: id.questionnaire, key: id.key, tally: Tally(unsurCount: 0))
            group.tally.respondents += totals.int(2)
            group.tally.scoreSum += totals.double(3)
            group.tally.scoreSumOfSquares += totals.double(4)
            groups[id] = group
        }
        let unsurSQL = """
            SELECT questionnaire, CAST(\(key) AS TEXT), unsur, answered, total, total_sq FROM daily_unsur \(whereSQL)
            """
        let unsur = try statement(unsurSQL)
        unsur.bind(values)
        var sums: [GroupID: [UnsurTally]] = [:]
        // Rows of one group mostly come together: sum into `current` until the group changes.
        var currentID: GroupID?
        var current: [UnsurTally] = []
        while try unsur.step() {
            let index = unsur.int(2)
            guard index >= 0, index < 1000 else { continue }
            let id = GroupID(questionnaire: names.text(unsur, 0), key: names.key(unsur, 1))
            if id != currentID {
                if let currentID { sums[currentID] = current }
                current = sums[id] ?? []
                currentID = id
            }
            if current.count <= index {
                current.append(contentsOf: Array(repeating: UnsurTally(), count: index + 1 - current.count))
            }
            current[index].answered += unsur.int(3)
            current[index].sum += unsur.int(4)
            current[index].sumOfSquares += unsur.int(5)
        }
        if let currentID { sums[currentID] = current }
        for (id, list) in sums { groups[id]?.tally.unsur = list }
        return groups.values
            .filter { $0.tally.respondents != 0 }
            .sorted { ($0.questionnaireID, $0.key) < ($1.questionnaireID, $1.key) }
    }

    /// The questionnaires that have responses matching `query`, with their respondent counts.
    public func questionnaireCounts(_ query: ResponseQuery) throws -> [(id: String, respondents: Int)] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try statement("SELECT questionnaire, SUM(respondents) FROM daily_totals \(whereSQL) GROUP BY questionnaire ORDER BY questionnaire")
            .rows(values) { (id: $0.text(0), respondents: $0.int(1)) }
            .filter { $0.respondents != 0 }
    }

    /// Compares the running aggregates with a recount from the responses; returns the rows that
    /// differ (empty when consistent).
    public func aggregateDiscrepancies() throws -> [StoreFinding] {
        var problems: [StoreFinding] = []
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
        for row in try db.prepare(totalsDiff).rows([], { ($0.text(0), $0.text(1), $0.int64(2), $0.int64(3), $0.int(4), $0.int(5)) }) {
            let key = AggregateRowKey(questionnaire: row.0, day: row.1, unitID: row.2, serviceID: row.3)
            problems.append(.totalsDiffer(key, stored: row.4, recounted: row.5))
        }
        let unsurDiff = """
            WITH recount(questionnaire, day, unit_id, service_id, unsur, answered, total, total_sq) AS (\(RecountSQL.unsur)),
            keys AS (SELECT questionnaire, day, unit_id, service_id, unsur FROM daily_unsur
                     UNION SELECT questionnaire, day, unit_id, service_id, unsur FROM recount)
            SELECT k.questionnaire, k.day, k.unsur, COALESCE(a.total, 0), COALESCE(b.total, 0), k.unit_id, k.service_id
            FROM keys k
            LEFT JOIN daily_unsur a ON a.questionnaire = k.questionnaire AND a.day = k.day
              AND a.unit_id = k.unit_id AND a.service_id = k.service_id AND a.unsur = k.unsur
            LEFT JOIN recount b ON b.questionnaire = k.questionnaire AND b.day = k.day
              AND b.unit_id = k.unit_id AND b.service_id = k.service_id AND b.unsur = k.unsur
            WHERE COALESCE(a.answered, 0) != COALESCE(b.answered, 0) OR COALESCE(a.total, 0) != COALESCE(b.total, 0)
               OR COALESCE(a.total_sq, 0) != COALESCE(b.total_sq, 0)
            """
        for row in try db.prepare(unsurDiff).rows([], { ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4), $0.int64(5), $0.int64(6)) }) {
            let key = AggregateRowKey(questionnaire: row.0, day: row.1, unitID: row.5, serviceID: row.6)
            problems.append(.unsurDiffers(key, unsur: row.2, stored: row.3, recounted: row.4))
        }
        return problems
    }
}
