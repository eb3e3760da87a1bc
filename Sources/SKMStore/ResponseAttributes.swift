public import SKMCore

/// A field of the respondent profile that the annual report counts respondents by.
public enum ResponseAttribute: String, Sendable, CaseIterable {
    case gender, education, occupation, age, timeSlot
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

/// The respondent profile of a set of responses, counted in one pass: each attribute's values
/// with their counts, and the first and last survey day.
public struct ProfileCounts: Sendable, Equatable {
    public var responses = 0
    public var first: CivilDate?
    public var last: CivilDate?
    var counts: [ResponseAttribute: [ValueCount]] = [:]

    /// The values of one attribute, ordered by value (the empty value, nil, first).
    public func counts(of attribute: ResponseAttribute) -> [ValueCount] { counts[attribute] ?? [] }
}

/// A respondent's comment (saran) with where and when it was given.
public struct CommentRecord: Sendable, Equatable {
    public let date: CivilDate
    public let unitCode: String
    public let serviceCode: String
    public let serviceName: String
    public let text: String
}

/// Reads of the responses themselves that the aggregates cannot answer: respondent profiles and
/// the first and last survey day for the annual report, and the comments. Voided responses are
/// never counted.
extension Store {
    /// Counts the profile fields of the active responses matching `query` in one streamed pass.
    ///
    /// One scan with the counting done here, rather than a SQL `GROUP BY` per field: each
    /// `GROUP BY` sorts the whole year again (five of them took 0,3 s on 100 000 responses; this
    /// pass takes a fraction of that). Each field has a handful of distinct values, so they are
    /// counted by comparing bytes, without building a string per row.
    public func profileCounts(_ query: ResponseQuery) throws -> ProfileCounts {
        let (clauses, values) = activeClauses(query)
        let rows = try statement("SELECT gender, education, occupation, age, time_slot, day FROM responses WHERE \(clauses)")
        rows.bind(values)
        var tallies = Array(repeating: ByteTally(), count: 4)
        var ages: [Int: Int] = [:]
        var noAge = 0
        var total = 0
        var first: [UInt8] = []
        var last: [UInt8] = []
        while try rows.step() {
            total += 1
            tallies[0].add(rows.isNull(0) ? nil : rows.bytes(0))
            tallies[1].add(rows.isNull(1) ? nil : rows.bytes(1))
            tallies[2].add(rows.isNull(2) ? nil : rows.bytes(2))
            tallies[3].add(rows.isNull(4) ? nil : rows.bytes(4))
            if rows.isNull(3) { noAge += 1 } else { ages[rows.int(3), default: 0] += 1 }
            let day = rows.bytes(5)
            if first.isEmpty || day.lexicographicallyPrecedes(first) { first = Array(day) }
            if last.isEmpty || last.lexicographicallyPrecedes(day) { last = Array(day) }
        }
        var result = ProfileCounts()
        result.responses = total
        result.first = CivilDate(iso: String(decoding: first, as: UTF8.self))
        result.last = CivilDate(iso: String(decoding: last, as: UTF8.self))
        for (i, attribute) in [ResponseAttribute.gender, .education, .occupation, .timeSlot].enumerated() {
            result.counts[attribute] = tallies[i].counts
        }
        var ageCounts = ages.sorted { $0.key < $1.key }.map { ValueCount(value: String($0.key), count: $0.value) }
        if noAge > 0 { ageCounts.insert(ValueCount(value: nil, count: noAge), at: 0) }
        result.counts[.age] = ageCounts
        return result
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

/// Counts of the distinct byte strings of one column (a few values, searched linearly).
struct ByteTally {
    var values: [[UInt8]] = []
    var numbers: [Int] = []
    var empty = 0

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes, !bytes.isEmpty else {
            empty += 1
            return
        }
        for i in values.indices where values[i].elementsEqual(bytes) {
            numbers[i] += 1
            return
        }
        values.append(Array(bytes))
        numbers.append(1)
    }

    var counts: [ValueCount] {
        var list = zip(values, numbers).map { ValueCount(value: String(decoding: $0.0, as: UTF8.self), count: $0.1) }
        list.sort { ($0.value ?? "") < ($1.value ?? "") }
        if empty > 0 { list.insert(ValueCount(value: nil, count: empty), at: 0) }
        return list
    }
}
