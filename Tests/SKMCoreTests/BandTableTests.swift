import Testing

@testable import SKMCore

@Suite struct BandTableTests {
    @Test(arguments: [
        (64.99, "D"), (65.00, "C"), (76.60, "C"), (76.61, "B"), (88.30, "B"), (88.31, "A"), (25.00, "D"), (100.0, "A"),
        (24.75, "D"),
    ])
    func the2017TableAtItsEdges(value: Double, mutu: String) {
        #expect(Fixtures.q2017.bands.classify(displayed: value)?.mutu == mutu)
    }

    @Test func valuesInThePrintedGapsGetTheBandOfTheirDisplay() {
        let bands = Fixtures.q2017.bands
        #expect(bands.classify(ikm: 64.995)?.mutu == "C")  // shown 65,00
        #expect(bands.classify(ikm: 64.994)?.mutu == "D")  // shown 64,99
        #expect(bands.classify(ikm: 76.605)?.mutu == "B")  // shown 76,61
        #expect(bands.classify(ikm: 88.305)?.mutu == "A")  // shown 88,31
        #expect(bands.classify(ikm: 88.3049)?.mutu == "B")  // shown 88,30
    }

    @Test func anIKMOf88_305IsShownAs88_31AndIsA() {
        // 10 000 respondents, every unsur summing to 35 322: NRR 3,5322, indeks 3,5322, IKM 88,305.
        let tally = Fixtures.tally(respondents: 10_000, sums: Array(repeating: 35_322, count: 9))
        let result = IKMScorer.score(tally, questionnaire: Fixtures.q2017)
        #expect(abs((result.ikm ?? 0) - 88.305) < 1e-9)
        #expect(result.ikmDisplayed == 88.31)
        #expect(result.band?.mutu == "A")
        #expect(IndonesianNumber.format(result.ikm ?? 0) == "88,31")
    }

    @Test(arguments: [
        (43.75, "D"), (43.76, "C"), (62.50, "C"), (62.51, "B"), (81.25, "B"), (81.26, "A"),
    ])
    func the2004Table(value: Double, mutu: String) {
        #expect(Fixtures.q2004.bands.classify(displayed: value)?.mutu == mutu)
    }

    @Test func the2004QuestionnaireHas14UnsurWeighedEqually() {
        let q = Fixtures.q2004
        #expect(q.unsur.count == 14)
        #expect(abs(q.weights.reduce(0, +) - 1) < 1e-12)
        #expect(q.weights[0] == 1.0 / 14.0)
        // 2004 data with NRR 3,2 everywhere: IKM 80 → B under 2004 (62,51–81,25), B under 2017 too;
        // NRR 3,3 → 82,5: A under 2004 but B under 2017 — the wrong table changes the mutu.
        let tally = Fixtures.tally(respondents: 10, sums: Array(repeating: 33, count: 14))
        let result = IKMScorer.score(tally, questionnaire: q)
        #expect(result.ikm == 82.5)
        #expect(result.band?.mutu == "A")
        #expect(Fixtures.q2017.bands.classify(ikm: 82.5)?.mutu == "B")
    }

    /// Bands share their fields: a classified band is a copy of the table's own (what the RPC
    /// writer looks for before comparing strings), and equality still compares every field.
    @Test func aClassifiedBandIsACopyOfTheTablesAndEqualityComparesFields() throws {
        let table = Fixtures.q2017.bands
        let b = try #require(table.classify(displayed: 80))
        #expect(table.bands.contains { $0.isCopy(of: b) })
        let twin = Band(
            mutu: b.mutu, kinerja: b.kinerja, minimum: b.minimum, printedIndeks: b.printedIndeks, printedIKM: b.printedIKM)
        #expect(!twin.isCopy(of: b))
        #expect(twin == b)
        #expect(Band(mutu: b.mutu, kinerja: b.kinerja, minimum: b.minimum + 1) != b)
        #expect(
            Band(mutu: "X", kinerja: b.kinerja, minimum: b.minimum, printedIndeks: b.printedIndeks, printedIKM: b.printedIKM) != b
        )
    }
}
