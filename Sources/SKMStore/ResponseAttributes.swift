import SKMCore

/// A column of the respondent profile (or of the response itself) that reports count by.
public enum ResponseAttribute: String, Sendable, CaseIterable {
    case gender, education, occupation, age, timeSlot, service

    /// The column; a fixed name from this enum, never user text.
    var column: String {
        switch self {
        case .gender: return "gender"
        case .education: return "education"
        case .occupation: return "occupation"
        case .age: return "CAST(age AS TEXT)"
        case .timeSlot: return "time_slot"
        case .service: return "CAST(service_id AS TEXT)"
        }
    }
}

/// How many active responses have one value of an attribute (nil: left empty).
public struct ValueCount: Sendable, Equatable {
    public let value: String?
    public let count: Int

    public init(value: String?, count: Int) {
        self.value = value
        self.count = count
    }
}

/// A respondent's comment (saran) with where and when it was given.
public struct CommentRecord: Sendable, Equatable {
    public let date: CivilDate
    public let unitCode: String
    public let serviceCode: String
    public let serviceName: String
    public let text: String
}

/// Reads of the responses themselves that the aggregates cannot answer: respondent profiles for
/// the annual report, the first and last survey day, and the comments. Voided responses are
/// never counted.
extension Store {
    /// Counts active responses matching `query` by one attribute: one SQL `GROUP BY`, streamed.
    /// Ordered by value, the empty value (nil) first.
    public func counts(of attribute: ResponseAttribute, _ query: ResponseQuery) throws -> [ValueCount] {
        let (clauses, values) = activeClauses(query)
        let sql = """
            SELECT \(attribute.column) AS v, COUNT(*) FROM responses WHERE \(clauses) GROUP BY v ORDER BY v
            """
        return try statement(sql).rows(values) { ValueCount(value: $0.optionalText(0), count: $0.int(1)) }
    }

    /// The first and last survey day of the active responses matching `query`, and their number.
    public func surveySpan(_ query: ResponseQuery) throws -> (first: CivilDate, last: CivilDate, responses: Int)? {
        let (clauses, values) = activeClauses(query)
        let row = try statement("SELECT MIN(day), MAX(day), COUNT(*) FROM responses WHERE \(clauses)").first(values) {
            (first: $0.optionalText(0), last: $0.optionalText(1), count: $0.int(2))
        }
        guard let row, row.count > 0, let firstText = row.first, let lastText = row.last,
            let first = CivilDate(iso: firstText), let last = CivilDate(iso: lastText)
        else { return nil }
        return (first, last, row.count)
    }

    /// Streams the non-empty comments of the active responses matching `query`, by date.
    public func forEachComment(_ query: ResponseQuery, _ body: (CommentRecord) throws -> Void) throws {
        var (clauses, values) = query.whereClauses()
        clauses = clauses.map { "r." + $0 }
        clauses += ["r.voided_at IS NULL", "r.comment IS NOT NULL", "r.comment <> ''"]
        let sql = """
            SELECT r.day, u.code, s.code, s.name, r.comment \(Self.responseFrom)
            WHERE \(clauses.joined(separator: " AND ")) ORDER BY r.day, r.id
            """
        let rows = try db.prepare(sql)
        rows.bind(values)
        while try rows.step() {
            guard let date = CivilDate(iso: rows.text(0)) else { continue }
            try body(
                CommentRecord(
                    date: date, unitCode: rows.text(1), serviceCode: rows.text(2), serviceName: rows.text(3),
                    text: rows.text(4)))
        }
    }

    func activeClauses(_ query: ResponseQuery) -> (String, [SQLValue]) {
        let (clauses, values) = query.whereClauses()
        return ((clauses + ["voided_at IS NULL"]).joined(separator: " AND "), values)
    }
}
