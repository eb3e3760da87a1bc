import Testing

@testable import SKMCore

@Suite struct IKMScorerTests {
    let q = Fixtures.q2017

    @Test func theWorkedExampleInAllThreeWeightingModes() {
        let tally = Fixtures.tally(respondents: 29, sums: Fixtures.laravelSums)
        let exact = IKMScorer.score(tally, questionnaire: q, weighting: .exact)
        // 955 / (29 × 9) × 25 = 91,47509578…
        #expect(abs((exact.ikm ?? 0) - 91.475_095_785_440_6) < 1e-9)
        #expect(exact.ikmDisplayed == 91.48)
        #expect(exact.band?.mutu == "A")
        #expect(exact.band?.kinerja == "Sangat Baik")
        // 0,111 × 25 × 955 / 29 = 91,3836…
        let three = IKMScorer.score(tally, questionnaire: q, weighting: .threeDecimals)
        #expect(three.ikmDisplayed == 91.38)
        #expect(three.unsur[0].weight == 0.111)
        // 0,11 × 25 × 955 / 29 = 90,5603… (the figure the app's own documentation reports)
        let two = IKMScorer.score(tally, questionnaire: q, weighting: .twoDecimals)
        #expect(two.ikmDisplayed == 90.56)
        #expect(two.weighting == .twoDecimals)
    }

    @Test func theWorkedExampleFromRealResponses() {
        let tally = Tally.of(Fixtures.laravelResponses, weights: q.weights)
        #expect(tally.unsur.map(\.sum) == Fixtures.laravelSums)
        let result = IKMScorer.score(tally, questionnaire: q)
        #expect(result.respondents == 29)
        #expect(result.ikmDisplayed == 91.48)
        #expect(abs((result.unsur[3].nrr ?? 0) - 4.0) < 1e-12)
        #expect(abs((result.unsur[0].nrr ?? 0) - 105.0 / 29.0) < 1e-12)
        #expect(abs((result.unsur[0].weighted ?? 0) - 105.0 / 29.0 / 9.0) < 1e-12)
    }

    @Test func nothingIsRoundedBeforeTimes25() {
        // NRRs 3,45 (×9): rounding NRR to 2 decimals first would already differ from exact.
        let tally = Fixtures.tally(respondents: 3, sums: [10, 11, 10, 11, 10, 11, 10, 11, 10])
        let result = IKMScorer.score(tally, questionnaire: q)
        let exact = (10.0 * 5 + 11.0 * 4) / 3.0 / 9.0 * 25.0
        #expect(abs((result.ikm ?? 0) - exact) < 1e-12)
        #expect(abs((result.indeks ?? 0) - exact / 25) < 1e-12)
    }

    @Test func blanksAreExcludedNotCountedAsZero() throws {
        // U1 answered 4 and 2 by two of three respondents: NRR 3, not 2.
        let sheets: [[RawInteger]] = [
            [.value(4), .value(3), .value(3), .value(4), .value(3), .value(3), .value(3), .value(3), .value(3)],
            [.blank, .value(3), .value(3), .value(4), .value(3), .value(3), .value(3), .value(3), .value(3)],
            [.value(2), .value(3), .value(3), .value(4), .value(3), .value(3), .value(3), .value(3), .value(3)],
        ]
        let answers = try sheets.map { try AnswerValidator.validate(.byQuestion($0), for: q) }
        let result = IKMScorer.score(Tally.of(answers, weights: q.weights), questionnaire: q)
        #expect(result.unsur[0].answered == 2)
        #expect(result.unsur[0].nrr == 3.0)
        #expect(result.respondents == 3)
        // (3 + 3×7 + 4) / 9 × 25
        #expect(abs((result.ikm ?? 0) - 28.0 / 9.0 * 25.0) < 1e-12)
    }

    @Test func anUnsurNobodyAnsweredMeansNoIKM() {
        var tally = Fixtures.tally(respondents: 5, sums: Array(repeating: 15, count: 9))
        tally.unsur[3] = UnsurTally()
        let result = IKMScorer.score(tally, questionnaire: q)
        #expect(result.ikm == nil)
        #expect(result.band == nil)
        #expect(result.unavailable == .unansweredUnsur(["U4"]))
        #expect(result.unsur[3].nrr == nil)
    }

    @Test func noRespondentsMeansNoIKMAndAReason() {
        let result = IKMScorer.score(Tally(unsurCount: 9), questionnaire: q)
        #expect(result.ikm == nil)
        #expect(result.respondents == 0)
        #expect(result.unavailable == .noRespondents)
    }

    @Test func confidenceIntervalFromRespondentSpread() {
        // Four respondents answering all 4s, all 3s, all 3s, all 2s: IKM 75,
        // scores 4,3,3,2 → sd² = 2/3, se = √(2/3/4) × 25 = 10,2062…
        let responses: [[UInt8]] = [4, 3, 3, 2].map { Array(repeating: UInt8($0), count: 9) }
        let result = IKMScorer.score(Tally.of(responses, weights: q.weights), questionnaire: q)
        #expect(result.ikm == 75)
        let se = (2.0 / 3.0 / 4.0).squareRoot() * 25
        #expect(abs((result.ci95?.standardError ?? 0) - se) < 1e-9)
        #expect(abs((result.ci95?.low ?? 0) - (75 - 1.959963984540054 * se)) < 1e-9)
        #expect(abs((result.ci95?.high ?? 0) - (75 + 1.959963984540054 * se)) < 1e-9)
    }

    @Test func confidenceIntervalIsClampedAndNeedsTwoRespondents() {
        let wide = IKMScorer.score(
            Tally.of([Array(repeating: 4, count: 9), Array(repeating: 1, count: 9)], weights: q.weights), questionnaire: q)
        #expect(wide.ci95?.low == 25)
        #expect(wide.ci95?.high == 100)
        let single = IKMScorer.score(Tally.of([Array(repeating: 4, count: 9)], weights: q.weights), questionnaire: q)
        #expect(single.ikm == 100)
        #expect(single.ci95 == nil)
        #expect(single.ci95Unavailable == .tooFewRespondents)
    }

    @Test func meanOfServicesIsTheUnweightedMean() {
        // Service A: 1 respondent all 4s (IKM 100); service B: 3 respondents all 2s (IKM 50).
        let a = IKMScorer.score(Tally.of([Array(repeating: 4, count: 9)], weights: q.weights), questionnaire: q)
        let b = IKMScorer.score(
            Tally.of(Array(repeating: Array(repeating: 2, count: 9), count: 3), weights: q.weights), questionnaire: q)
        let mean = IKMScorer.meanOfGroups([a, b], questionnaire: q)
        #expect(mean.ikm == 75)
        #expect(mean.aggregation == .meanOfServices)
        #expect(mean.respondents == 4)
        #expect(mean.unsur[0].nrr == 3)
        // Pooled would be (4 + 2×3) / 4 = 2,5 → 62,5.
        var pooled = Tally.of([Array(repeating: 4, count: 9)], weights: q.weights)
        pooled.merge(Tally.of(Array(repeating: Array(repeating: 2, count: 9), count: 3), weights: q.weights))
        #expect(IKMScorer.score(pooled, questionnaire: q).ikm == 62.5)
    }

    @Test func theMaximumWithRoundedWeightsIsBelow100() {
        let allFour = Fixtures.tally(respondents: 1, sums: Array(repeating: 4, count: 9))
        #expect(IKMScorer.score(allFour, questionnaire: q, weighting: .exact).ikm == 100)
        #expect(IKMScorer.score(allFour, questionnaire: q, weighting: .threeDecimals).ikmDisplayed == 99.9)
        #expect(IKMScorer.score(allFour, questionnaire: q, weighting: .twoDecimals).ikmDisplayed == 99)
    }

    @Test func weightingModesParseAsTyped() {
        #expect(Weighting(parsing: "0,11") == .twoDecimals)
        #expect(Weighting(parsing: "0.111") == .threeDecimals)
        #expect(Weighting(parsing: "EXACT") == .exact)
        #expect(Weighting(parsing: "0.1") == nil)
        #expect(Weighting.threeDecimals.weights(from: Fixtures.q2004.weights).first == 0.071)
    }

    /// Issue 12: the weight a 2004-era spreadsheet prints for 14 unsur names the rounded modes,
    /// and every result names the weight it applied (it said "0.111" while 0,071 was applied).
    @Test func theFourteenUnsurPrintedWeightIsAcceptedAndNamed() {
        #expect(Weighting(parsing: "0.071") == .threeDecimals)
        #expect(Weighting(parsing: "0,071") == .threeDecimals)
        #expect(Weighting(parsing: "0,07") == .twoDecimals)
        let q14 = Fixtures.q2004
        let tally = Fixtures.tally(respondents: 1, sums: Array(repeating: 4, count: q14.unsur.count))
        let three = IKMScorer.score(tally, questionnaire: q14, weighting: .threeDecimals)
        #expect(three.unsur.allSatisfy { $0.weight == 0.071 })
        #expect(three.appliedWeightLabel == "0,071")
        #expect(three.appliedWeightingDescription.contains("0,071 tiap unsur (14 unsur)"))
        #expect(IKMScorer.score(tally, questionnaire: q14, weighting: .twoDecimals).appliedWeightLabel == "0,07")
        #expect(IKMScorer.score(tally, questionnaire: q14, weighting: .exact).appliedWeightLabel == "1/14")
        let nine = IKMScorer.score(
            Fixtures.tally(respondents: 1, sums: Array(repeating: 4, count: 9)), questionnaire: q, weighting: .threeDecimals)
        #expect(nine.appliedWeightLabel == "0,111")
    }
}
