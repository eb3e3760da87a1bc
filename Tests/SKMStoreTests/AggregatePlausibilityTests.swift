import SKMCore
import Testing

@testable import SKMStore

/// Aggregate rows edited into sums no responses could give (issue 11 item 4).
@Suite struct AggregatePlausibilityTests {
    func seededWithTwoDays() throws -> (TestDatabase, Store, ServiceRecord) {
        let db = TestDatabase()
        let (store, unit, ktp, _) = try db.seeded()
        _ = try store.write([
            response([4, 4, 4, 4, 4, 4, 4, 4, 4], unit: unit, service: ktp, date: "2025-01-10"),
            response([3, 3, 3, 3, 3, 3, 3, 3, 3], unit: unit, service: ktp, date: "2025-05-10"),
        ])
        return (db, store, ktp)
    }

    @Test func aSumThatOverflowsIsAggregateCorruptNotATrap() throws {
        let (db, store, _) = try seededWithTwoDays()
        _ = db
        try store.editAggregates(day: "2025-01-10", unsur: 0) { $0.sum = Int.max }
        let error = try #require(throws: SKMError.self) { try store.tallies(ResponseQuery(), groupBy: .none) }
        #expect(error.code == .aggregateCorrupt)
        try store.editAggregates(day: "2025-01-10", unsur: 0) { $0.sum = 4 }
        try store.db.execute("UPDATE aggregates SET respondents = 9223372036854775807 WHERE day = '2025-01-10'")
        #expect(throws: SKMError.self) { try store.tallies(ResponseQuery(), groupBy: .year) }
        let counted = try #require(throws: SKMError.self) { try store.questionnaireCounts(ResponseQuery()) }
        #expect(counted.code == .aggregateCorrupt)
    }

    @Test func checkFindsRowsThatCannotBeRight() throws {
        let (db, store, ktp) = try seededWithTwoDays()
        _ = db
        #expect(try store.implausibleAggregates(scaleMaximum: ["permenpanrb-14-2017": 4]).isEmpty)
        try store.editAggregates(day: "2025-01-10", unsur: 0) { $0.sum = 5 }
        try store.editAggregates(day: "2025-01-10", unsur: 1) { $0.answered = 2 }
        try store.editAggregates(day: "2025-01-10", unsur: 2) { $0.sumOfSquares = -9 }
        try store.db.execute("UPDATE aggregates SET respondents = -1 WHERE day = '2025-05-10'")
        let found = try store.implausibleAggregates(scaleMaximum: ["permenpanrb-14-2017": 4])
        // The negative day's nine unsur rows are then answered by more than its -1 respondents.
        #expect(found.count == 1 + 3 + 9)
        #expect(found.first { $0.unsur == nil }?.row.day == "2025-05-10")
        #expect(
            found.filter { $0.row.day == "2025-05-10" && $0.problem == .answeredAboveRespondents(answered: 1, respondents: -1) }
                .count == 9)
        let firstDay = found.filter { $0.row.day == "2025-01-10" }
        #expect(firstDay.first { $0.unsur == 0 }?.problem == .totalAboveMaximum(total: 5, answered: 1, scaleMaximum: 4))
        #expect(firstDay.first { $0.unsur == 1 }?.problem == .answeredAboveRespondents(answered: 2, respondents: 1))
        #expect(firstDay.first { $0.unsur == 2 }?.problem == .negative)
        #expect(found.allSatisfy { $0.row.serviceID == ktp.id })
        // Without the questionnaire's scale only the stored digit bounds the sum (9 per answer).
        #expect(try store.implausibleAggregates(scaleMaximum: [:]).count == 1 + 2 + 9)
        try store.rebuildAggregates()
        #expect(try store.implausibleAggregates(scaleMaximum: ["permenpanrb-14-2017": 4]).isEmpty)
    }

    @Test func talliesGroupWithTypedKeys() throws {
        let (db, store, _) = try seededWithTwoDays()
        _ = db
        let months = try store.tallies(ResponseQuery(), groupBy: .month)
        #expect(months.map(\.key) == [.month(YearMonth(year: 2025, month: 1)!), .month(YearMonth(year: 2025, month: 5)!)])
        #expect(try store.tallies(ResponseQuery(), groupBy: .year).map(\.key) == [.year(2025)])
        #expect(
            try store.tallies(ResponseQuery(), groupBy: .day).map(\.key) == [
                .day(CivilDate(iso: "2025-01-10")!), .day(CivilDate(iso: "2025-05-10")!),
            ])
    }
}
