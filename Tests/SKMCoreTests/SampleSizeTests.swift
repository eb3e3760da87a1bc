import Testing

@testable import SKMCore

@Suite struct SampleSizeTests {
    @Test(arguments: [(10, 10), (100, 80), (500, 217), (1000, 278), (10_000, 370), (1_000_000, 384), (1, 1)])
    func reproducesTheKrejcieMorganTable(population: Int, minimum: Int) {
        #expect(SampleSize.minimum(population: population) == minimum)
    }

    @Test func roundsToNearestNotUp() {
        let exact = SampleSize.exact(population: 500)
        #expect(abs(exact - 217.47) < 0.005)
        #expect(SampleSize.minimum(population: 500) == 217)
    }

    @Test func refusesAnEmptyPopulation() {
        #expect(SampleSize.minimum(population: 0) == nil)
        #expect(SampleSize.minimum(population: -5) == nil)
    }
}

@Suite struct DisplayRoundingTests {
    @Test(arguments: [
        (91.475_095_785, 91.48), (88.305, 88.31), (2.675, 2.68), (0.125, 0.13), (-1.005, -1.01), (76.604_999, 76.6),
        (100.0, 100.0), (0.0, 0.0),
    ])
    func roundsHalfAwayFromZero(value: Double, expected: Double) {
        #expect(DisplayRounding.round(value, decimals: 2) == expected)
    }

    @Test func formatsTheIndonesianWay() {
        #expect(IndonesianNumber.format(91.475) == "91,48")
        #expect(IndonesianNumber.format(1234.5, decimals: 2, grouping: true) == "1.234,50")
        #expect(IndonesianNumber.format(1_000_000) == "1.000.000")
        #expect(IndonesianNumber.format(0.111, decimals: 3) == "0,111")
        #expect(IndonesianNumber.format(-3.5, decimals: 1) == "-3,5")
        #expect(IndonesianNumber.format(Double.nan) == "–")
    }
}

@Suite struct CivilDateTests {
    @Test func validatesRealDates() {
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2025-04-31") == nil)
        #expect(CivilDate(iso: "2025-13-01") == nil)
        #expect(CivilDate(iso: "2025-1-01") == nil)
        #expect(CivilDate(iso: "2025/01/01") == nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2000-02-29") != nil)
    }

    @Test func arithmeticAndCalendarFacts() {
        let d = CivilDate(year: 2025, month: 1, day: 1)
        #expect(d?.weekday == 3)  // Wednesday
        #expect(d?.dayNumber == 20089)
        #expect(CivilDate(dayNumber: 20089) == d)
        #expect(CivilDate.distantFuture.iso == "9999-12-31")
        #expect(CivilDate(year: 2025, month: 8, day: 17)?.quarter == 3)
        #expect(CivilDate(year: 2025, month: 6, day: 30)?.semester == 1)
        #expect(CivilDate(year: 2025, month: 12, day: 31)?.adding(days: 1).iso == "2026-01-01")
        #expect(DateRange.quarter(2, of: 2025)?.to.iso == "2025-06-30")
        #expect(DateRange.semester(2, of: 2025)?.from.iso == "2025-07-01")
        #expect(DateRange.month(2, of: 2024)?.to.iso == "2024-02-29")
    }
}
