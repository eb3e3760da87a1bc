import SKMCore
import Testing

@testable import SKMStore

/// Files as schema 4 wrote them: one `daily_totals` row and a `daily_unsur` row per answered
/// unsur for each (questionnaire, day, unit, service), built here with that schema's own SQL.
enum Schema4File {
    static let registry = """
        INSERT INTO units(id, code, name, created_at) VALUES (1, 'KEC', 'Kecamatan Uji', '2026-01-01T00:00:00Z');
        INSERT INTO services(id, unit_id, code, name, created_at) VALUES (1, 1, 'KTP', 'KTP-el', '2026-01-01T00:00:00Z');
        INSERT INTO services(id, unit_id, code, name, created_at) VALUES (2, 1, 'SKET', 'Surat', '2026-01-01T00:00:00Z');
        """

    /// A response row of `answers` (one digit per unsur, '-' blank) with its respondent score.
    static func insert(answers: String, day: String, service: Int = 1, voided: Bool = false) -> String {
        let digits = answers.map { $0 == "-" ? UInt8(0) : UInt8($0.wholeNumberValue ?? 0) }
        let score = RespondentScore.of(
            answers: digits, weights: Array(repeating: 1.0 / Double(digits.count), count: digits.count))
        return """
            INSERT INTO responses(questionnaire, unit_id, service_id, day, answers, score, created_at, voided_at)
            VALUES ('permenpanrb-14-2017', 1, \(service), '\(day)', '\(answers)', \(score.map { "\($0)" } ?? "NULL"),
              '2026-01-02T00:00:00Z', \(voided ? "'2026-01-03T00:00:00Z'" : "NULL"));
            """
    }
}

@Suite struct AggregateMigrationTests {
    static let rows: [(answers: String, day: String, service: Int, voided: Bool)] = [
        ("444444444", "2025-01-10", 1, false), ("34-3443-4", "2025-01-10", 1, false), ("111111111", "2025-01-10", 1, true),
        ("2222222--", "2025-01-10", 2, false), ("4444444--", "2025-02-01", 2, false), ("3333333333", "2025-02-01", 2, false),
    ]

    /// Migrations 5 and 6 turn every schema-4 row into one packed row per key: every tally, grouped
    /// any way, is the one the responses give, and `check` finds nothing to repair.
    @Test func aSchema4FileKeepsEveryCount() throws {
        let db = TestDatabase()
        do {
            let connection = try db.rawConnection()
            try connection.migrate(upTo: 1)
            try connection.execute(
                Schema4File.registry
                    + Self.rows.map {
                        Schema4File.insert(answers: $0.answers, day: $0.day, service: $0.service, voided: $0.voided)
                    }.joined())
            try connection.migrate(upTo: 4)
            #expect(try connection.prepare("SELECT COUNT(*) FROM daily_unsur").first { $0.int(0) } == 9 + 7 + 10)
        }
        let store = try Store(path: db.path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try store.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'daily_%'").first { $0.int(0) } == 0)
        #expect(try store.db.prepare("SELECT COUNT(*) FROM aggregates").first { $0.int(0) } == 3)
        let active = Self.rows.filter { !$0.voided }
        func expected(_ rows: [(answers: String, day: String, service: Int, voided: Bool)]) -> Tally {
            var tally = Tally(unsurCount: 0)
            for row in rows {
                let digits = row.answers.map { $0 == "-" ? UInt8(0) : UInt8($0.wholeNumberValue ?? 0) }
                tally.add(answers: digits, weights: Array(repeating: 1.0 / Double(digits.count), count: digits.count))
            }
            return tally
        }
        let all = try #require(try store.overallTally())
        let want = expected(active)
        #expect(all.respondents == want.respondents && all.unsur == want.unsur)
        #expect(abs(all.scoreSum - want.scoreSum) < 1e-9 && abs(all.scoreSumOfSquares - want.scoreSumOfSquares) < 1e-9)
        let byService = try store.tallies(ResponseQuery(), groupBy: .service)
        #expect(byService.map(\.tally.respondents) == [2, 3])
        #expect(byService.last?.tally.unsur == expected(active.filter { $0.service == 2 }).unsur)
        #expect(try store.check().isHealthy)
        #expect(try store.implausibleAggregates(scaleMaximum: ["permenpanrb-14-2017": 4]).isEmpty)

        // The migrated rows go on summing: a new response and a void on the same keys.
        let unit = try #require(try store.units().first)
        let sket = try #require(try store.services(unitID: unit.id).first { $0.code == "SKET" })
        _ = try store.write([response([1, 2, 3, 4, 1, 2, 3, 4, 1], unit: unit, service: sket, date: "2025-02-01")])
        _ = try store.void(id: 4, reason: "uji", at: "2026-01-04T00:00:00Z")
        #expect(try store.check().isHealthy)
    }

    /// Rows added together keep every sum checked: one that would overflow is
    /// `aggregate_corrupt` and nothing of the batch is stored.
    @Test func anOverflowingRowStopsTheWriteAndStoresNothing() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        try store.editAggregates(unsur: 0) { $0.sum = Int.max - 2 }
        let error = try #require(throws: SKMError.self) {
            try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        }
        #expect(error.code == .aggregateCorrupt)
        try store.db.execute("UPDATE aggregates SET respondents = 9223372036854775807")
        try store.editAggregates(unsur: 0) { $0.sum = 4 }
        #expect(throws: SKMError.self) { try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)]) }
        #expect(try store.responseCounts().total == 1)
    }

    /// A packed row of another version or length is named by `check` and refused by every sum.
    @Test func anUnreadableRowIsNamedAndNeverSummed() throws {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp)])
        try store.db.execute("UPDATE aggregates SET unsur = x'02'")
        let found = try store.implausibleAggregates(scaleMaximum: [:])
        #expect(found.map(\.problem) == [.unreadable])
        #expect(throws: SKMError.self) { try store.tallies(ResponseQuery(), groupBy: .none) }
        #expect(!(try store.check().isHealthy))
        try store.rebuildAggregates()
        #expect(try store.check().isHealthy)
        #expect(try store.overallTally()?.unsur.map(\.sum) == Array(repeating: 4, count: 9))
    }

    /// The packed layout: a version byte, then answered, sum and sum of squares per unsur as
    /// little-endian Int64; rows of different lengths add as if the shorter ended in zeros.
    @Test func thePackedLayoutIsVersionedLittleEndianAndChecked() throws {
        let unsur = [UnsurTally(answered: 2, sum: 7, sumOfSquares: 25), UnsurTally(answered: 1, sum: 4, sumOfSquares: 16)]
        let bytes = UnsurBlob.encode(unsur)
        #expect(bytes.count == 1 + 2 * 24)
        #expect(Array(bytes[0..<10]) == [1, 2, 0, 0, 0, 0, 0, 0, 0, 7])
        #expect(bytes.withUnsafeBytes { UnsurBlob.decode($0) } == unsur)
        var out: [UInt8] = []
        let short = UnsurBlob.encode([UnsurTally(answered: 1, sum: 3, sumOfSquares: 9)])
        #expect(bytes.withUnsafeBytes { a in short.withUnsafeBytes { b in UnsurBlob.sum(a, b, into: &out) } })
        #expect(out.withUnsafeBytes { UnsurBlob.decode($0) } == [UnsurTally(answered: 3, sum: 10, sumOfSquares: 34), unsur[1]])
        let huge = UnsurBlob.encode([UnsurTally(answered: 1, sum: Int.max, sumOfSquares: 0)])
        #expect(!huge.withUnsafeBytes { a in short.withUnsafeBytes { b in UnsurBlob.sum(a, b, into: &out) } })
        #expect([UInt8]([2] + bytes.dropFirst()).withUnsafeBytes { UnsurBlob.decode($0) } == nil)
        #expect(bytes.dropLast().withUnsafeBytes { UnsurBlob.decode($0) } == nil)
    }
}
