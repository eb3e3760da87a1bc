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
    /// Reads the view `ikm_rows`: the office's own aggregates and the rows of imported aggregate
    /// packages (`PackageSchema`), so every IKM (ikm, report, RPC, rekap) includes both.
    ///
    /// The rows are summed here rather than by SQL `GROUP BY`, which would sort them first; a
    /// year of a busy office is tens of thousands of aggregate rows and sums in milliseconds.
    /// Sums that overflow throw `aggregate_corrupt` (no set of responses can give them).
    public func tallies(_ query: ResponseQuery, groupBy grouping: TallyGrouping) throws -> [TallyGroup] {
        let (clauses, values) = query.whereClauses()
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        var groups: [GroupID: Tally] = [:]
        let rows = try statement(
            "SELECT questionnaire, \(grouping.keyColumns), respondents, score_sum, score_sumsq, unsur FROM ikm_rows \(whereSQL)"
        )
        rows.bind(values)
        var names = NameCache()
        // Rows of one group mostly come together: sum into `current` until the group changes.
        var currentID: GroupID?
        var current = Tally(unsurCount: 0)
        while try rows.step() {
            let id = GroupID(questionnaire: names.text(rows, 0), a: rows.int(1), b: rows.int(2), c: rows.int(3))
            if id != currentID {
                if let currentID { groups[currentID] = current }
                current = groups[id] ?? Tally(unsurCount: 0)
                currentID = id
            }
            guard let respondents = AggregateBounds.add(current.respondents, rows.int(4)) else {
                throw AggregateBounds.corrupt("jumlah responden melampaui batas bilangan")
            }
            current.respondents = respondents
            current.scoreSum += rows.double(5)
            current.scoreSumOfSquares += rows.double(6)
            guard UnsurBlob.add(rows.blob(7), into: &current.unsur) else {
                throw AggregateBounds.corrupt("jumlah unsur melampaui batas bilangan atau baris agregat tidak terbaca")
            }
        }
        if let currentID { groups[currentID] = current }
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
        let rows = try statement("SELECT questionnaire, respondents FROM ikm_rows \(whereSQL)")
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
    /// differ (empty when consistent): respondents or score sums as `totalsDiffer`, then each
    /// unsur whose counts differ as `unsurDiffers`. A row whose unsur cannot be read counts as
    /// all zeros here (and `implausibleAggregates` names it).
    public func aggregateDiscrepancies() throws -> [StoreFinding] {
        let sql = """
            WITH recount(questionnaire, day, unit_id, service_id, respondents, score_sum, score_sumsq, unsur) AS (\(AggregateRows.recount)),
            keys AS (SELECT questionnaire, day, unit_id, service_id FROM aggregates
                     UNION SELECT questionnaire, day, unit_id, service_id FROM recount)
            SELECT k.questionnaire, k.day, k.unit_id, k.service_id, COALESCE(a.respondents, 0), COALESCE(b.respondents, 0),
                   abs(COALESCE(a.score_sum, 0) - COALESCE(b.score_sum, 0)) > 1e-6, a.unsur, b.unsur
            FROM keys k
            LEFT JOIN aggregates a ON a.questionnaire = k.questionnaire AND a.day = k.day
              AND a.unit_id = k.unit_id AND a.service_id = k.service_id
            LEFT JOIN recount b ON b.questionnaire = k.questionnaire AND b.day = k.day
              AND b.unit_id = k.unit_id AND b.service_id = k.service_id
            WHERE COALESCE(a.respondents, 0) != COALESCE(b.respondents, 0)
               OR abs(COALESCE(a.score_sum, 0) - COALESCE(b.score_sum, 0)) > 1e-6
               OR a.unsur IS NOT b.unsur
            ORDER BY k.questionnaire, k.day, k.unit_id, k.service_id
            """
        var totals: [StoreFinding] = []
        var unsur: [StoreFinding] = []
        let rows = try db.prepare(sql)
        while try rows.step() {
            let key = AggregateRowKey(
                questionnaire: rows.text(0), day: rows.text(1), unitID: rows.int64(2), serviceID: rows.int64(3))
            let (stored, recounted) = (rows.int(4), rows.int(5))
            if stored != recounted || rows.int(6) != 0 {
                totals.append(.totalsDiffer(key, stored: stored, recounted: recounted))
            }
            let a = UnsurBlob.decode(rows.blob(7)) ?? []
            let b = UnsurBlob.decode(rows.blob(8)) ?? []
            for k in 0..<max(a.count, b.count) {
                let x = k < a.count ? a[k] : UnsurTally()
                let y = k < b.count ? b[k] : UnsurTally()
                if x != y { unsur.append(.unsurDiffers(key, unsur: k, stored: x.sum, recounted: y.sum)) }
            }
        }
        return totals + unsur
    }
}
