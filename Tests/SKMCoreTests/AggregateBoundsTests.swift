import SKMTestSupport
import Testing

@testable import SKMCore

/// Stored counts that no responses could give are refused, never summed into a trap (issue 11 item 4).
@Suite struct AggregateBoundsTests {
    let scale = 1...4

    func tally(respondents: Int, _ unsur: [UnsurTally]) -> Tally { Tally(respondents: respondents, unsur: unsur) }

    @Test func checkedArithmeticReportsOverflow() {
        #expect(AggregateBounds.add(Int.max, 1) == nil)
        #expect(AggregateBounds.add(2, 3) == 5)
        #expect(AggregateBounds.multiply(Int.max / 2, 3) == nil)
        #expect(AggregateBounds.sum([Int.max, 1, -5]) == nil)
        #expect(AggregateBounds.sum([1, 2, 3]) == 6)
    }

    @Test func aRealTallyIsWithinBounds() throws {
        let t = Tally.of([[4, 3, 0], [1, 2, 2]], weights: [1, 1, 1].map { $0 / 3.0 })
        try t.checkBounds(scale: scale)
    }

    @Test func impossibleTalliesAreAggregateCorrupt() {
        let cases: [Tally] = [
            tally(respondents: -1, []),
            tally(respondents: 5, [UnsurTally(answered: 6, sum: 6, sumOfSquares: 6)]),
            tally(respondents: 5, [UnsurTally(answered: -1, sum: 0, sumOfSquares: 0)]),
            tally(respondents: 5, [UnsurTally(answered: 5, sum: Int.max, sumOfSquares: 80)]),
            tally(respondents: 5, [UnsurTally(answered: 5, sum: 21, sumOfSquares: 80)]),
            tally(respondents: 5, [UnsurTally(answered: 5, sum: 4, sumOfSquares: 5)]),
            tally(respondents: 5, [UnsurTally(answered: 5, sum: 20, sumOfSquares: 81)]),
            tally(respondents: 5, [UnsurTally(answered: 5, sum: 20, sumOfSquares: -1)]),
            // Each unsur within its own bounds, but their sum overflows what scoring adds up.
            tally(
                respondents: Int.max / 4,
                Array(repeating: UnsurTally(answered: Int.max / 4, sum: Int.max / 4 * 2, sumOfSquares: Int.max / 4 * 2), count: 3)
            ),
        ]
        for t in cases {
            let error = skmError { try t.checkBounds(scale: scale) }
            #expect(error?.code == .aggregateCorrupt, "\(t)")
            #expect(error?.message.contains("skm check --repair") == true)
        }
    }

    @Test func addingTalliesThrowsOnOverflow() throws {
        var a = tally(respondents: 1, [UnsurTally(answered: 1, sum: Int.max, sumOfSquares: 1)])
        let b = tally(respondents: 1, [UnsurTally(answered: 1, sum: 1, sumOfSquares: 1)])
        #expect(skmError { try a.add(b) }?.code == .aggregateCorrupt)
        var c = tally(respondents: 1, [UnsurTally(answered: 1, sum: 3, sumOfSquares: 9)])
        try c.add(b)
        #expect(c == tally(respondents: 2, [UnsurTally(answered: 2, sum: 4, sumOfSquares: 10)]))
    }

    @Test func scoringAHugeButCheckedTallyDoesNotTrap() {
        let t = tally(
            respondents: Int.max / 4,
            Array(repeating: UnsurTally(answered: Int.max / 4, sum: Int.max / 2, sumOfSquares: 0), count: 9))
        let result = IKMScorer.score(t, questionnaire: Fixtures.q2017)
        #expect(result.ikm != nil)
    }

    @Test func periodKeysReadAsOnTheWire() {
        let march = YearMonth(year: 2025, month: 3)
        #expect(march?.text == "2025-03")
        #expect(march?.label == "Maret 2025")
        #expect(march?.quarter == YearQuarter(year: 2025, quarter: 1))
        #expect(YearMonth(year: 2025, month: 13) == nil)
        #expect(YearQuarter(year: 2025, quarter: 5) == nil)
        #expect(YearQuarter.all(of: 2024).map(\.text) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
        #expect(GroupKey.service(unitCode: "KEC", code: "KTP").text == "KEC/KTP")
        #expect(GroupKey.month(YearMonth(year: 2025, month: 11)!).text == "2025-11")
        #expect(GroupKey.year(2025).text == "2025")
        #expect(GroupKey.unit(code: "KEC").text == "KEC")
    }
}
