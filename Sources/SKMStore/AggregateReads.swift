public import SKMCore

/// How aggregate reads are grouped.
public enum TallyGrouping: Sendable, CaseIterable {
    case none, unit, service, day, month, year

    /// Three integer columns that identify a group (unused ones are 0); `day` is `YYYY-MM-DD`.
    var keyColumns: String {
        let year = "CAST(substr(day, 1, 4) AS INTEGER)"
        let month = "CAST(substr(day, 6, 2) AS INTEGER)"
        switch self {
        case .none: return "0, 0, 0"
        case .unit: return "unit_id, 0, 0"
        case .service: return "service_id, 0, 0"
        case .day: return "\(year), \(month), CAST(substr(day, 9, 2) AS INTEGER)"
        case .month: return "\(year), \(month), 0"
        case .year: return "\(year), 0, 0"
        }
    }

    /// The typed key of a group read with `keyColumns`; nil for a row whose day is not a date.
    func key(_ a: Int, _ b: Int, _ c: Int) -> TallyKey? {
        switch self {
        case .none: return TallyKey.all
        case .unit: return .unit(id: Int64(a))
        case .service: return .service(id: Int64(a))
        case .day: return CivilDate(year: a, month: b, day: c).map { .day($0) }
        case .month: return YearMonth(year: a, month: b).map { .month($0) }
        case .year: return .year(a)
        }
    }
}

/// What one tally group stands for: everything, a unit or service (by id), a day, month or year.
public enum TallyKey: Sendable, Hashable, Comparable {
    case all
    case unit(id: Int64)
    case service(id: Int64)
    case day(CivilDate)
    case month(YearMonth)
    case year(Int)
}

struct GroupID: Hashable {
    let questionnaire: String
    let a: Int
    let b: Int
    let c: Int
}

/// Reuses the previous row's questionnaire string when the bytes are the same, so summing
/// thousands of rows of one questionnaire does not build thousands of equal strings.
struct NameCache {
    var lastText: [UInt8] = []
    var lastTextString = ""

    mutating func text(_ row: Statement, _ column: Int32) -> String {
        let bytes = row.bytes(column)
        if bytes.elementsEqual(lastText) { return lastTextString }
        lastText = Array(bytes)
        lastTextString = String(decoding: bytes, as: UTF8.self)
        return lastTextString
    }
}

/// The tally of one group: a questionnaire and what the group stands for.
public struct TallyGroup: Sendable, Equatable {
    public let questionnaireID: String
    public let key: TallyKey
    public var tally: Tally
}

extension Store {
    /// Sums the running aggregates: a handful of rows per day, never the responses themselves.
    ///
    /// The rows are summed here rather than by SQL `GROUP BY`, which would sort them first; a
    /// year of a busy office is tens of thousands of aggregate rows and sums in milliseconds.
    /// Sums that overflow throw `aggregate_corrupt` (no set of responses can give them).
    public func tallies(_ query: ResponseQuery, groupBy grouping: TallyGrouping) throws -> [TallyGroup] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let key = grouping.keyColumns
        var groups: [GroupID: Tally] = [:]
        let totalsSQL = """
            SELECT questionnaire, \(key), respondents, score_sum, score_sumsq FROM daily_totals \(whereSQL)
            """
        let totals = try statement(totalsSQL)
        totals.bind(values)
        var names = NameCache()
        while try totals.step() {
            let id = GroupID(questionnaire: names.text(totals, 0), a: totals.int(1), b: totals.int(2), c: totals.int(3))
            var tally = groups[id] ?? Tally(unsurCount: 0)
            guard let respondents = AggregateBounds.add(tally.respondents, totals.int(4)) else {
                throw AggregateBounds.corrupt("jumlah responden melampaui batas bilangan")
            }
            tally.respondents = respondents
            tally.scoreSum += totals.double(5)
            tally.scoreSumOfSquares += totals.double(6)
            groups[id] = tally
        }
        let unsurSQL = """
            SELECT questionnaire, \(key), unsur, answered, total, total_sq FROM daily_unsur \(whereSQL)
            """
        let unsur = try statement(unsurSQL)
        unsur.bind(values)
        var sums: [GroupID: [UnsurTally]] = [:]
        // Rows of one group mostly come together: sum into `current` until the group changes.
        var currentID: GroupID?
        var current: [UnsurTally] = []
        while try unsur.step() {
            let index = unsur.int(4)
            guard index >= 0, index < 1000 else { continue }
            let id = GroupID(questionnaire: names.text(unsur, 0), a: unsur.int(1), b: unsur.int(2), c: unsur.int(3))
            if id != currentID {
                if let currentID { sums[currentID] = current }
                current = sums[id] ?? []
                currentID = id
            }
            if current.count <= index {
                current.append(contentsOf: Array(repeating: UnsurTally(), count: index + 1 - current.count))
            }
            guard let answered = AggregateBounds.add(current[index].answered, unsur.int(5)),
                let sum = AggregateBounds.add(current[index].sum, unsur.int(6)),
                let squares = AggregateBounds.add(current[index].sumOfSquares, unsur.int(7))
            else { throw AggregateBounds.corrupt("jumlah unsur ke-\(index + 1) melampaui batas bilangan") }
            current[index] = UnsurTally(answered: answered, sum: sum, sumOfSquares: squares)
        }
        if let currentID { sums[currentID] = current }
        for (id, list) in sums { groups[id]?.unsur = list }
        return groups.compactMap { id, tally -> TallyGroup? in
            guard tally.respondents != 0, let key = grouping.key(id.a, id.b, id.c) else { return nil }
            return TallyGroup(questionnaireID: id.questionnaire, key: key, tally: tally)
        }
        .sorted { ($0.questionnaireID, $0.key) < ($1.questionnaireID, $1.key) }
    }

    /// The questionnaires that have responses matching `query`, with their respondent counts.
    public func questionnaireCounts(_ query: ResponseQuery) throws -> [(id: String, respondents: Int)] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Summed here with checked arithmetic: SQL's SUM would fail with an English "integer overflow".
        let rows = try statement("SELECT questionnaire, respondents FROM daily_totals \(whereSQL)")
        rows.bind(values)
        var names = NameCache()
        var counts: [String: Int] = [:]
        while try rows.step() {
            let id = names.text(rows, 0)
            guard let total = AggregateBounds.add(counts[id] ?? 0, rows.int(1)) else {
                throw AggregateBounds.corrupt("jumlah responden melampaui batas bilangan")
            }
            counts[id] = total
        }
        return counts.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (id: $0.key, respondents: $0.value) }
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
