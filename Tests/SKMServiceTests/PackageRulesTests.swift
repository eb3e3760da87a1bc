import SKMCore
import SKMStore
import Testing

@testable import SKMService

/// The package rules by hand: the small-cell rule, the age bands, and the unsur plausibility
/// check (never refusing counts real answers can give, refusing the impossible ones).
@Suite struct PackageRulesTests {
    static func counts(_ pairs: [(String?, Int)]) -> [ValueCount] { pairs.map { ValueCount(value: $0.0, count: $0.1) } }

    @Test func smallCellsAreMergedUntilNoCountBelowFiveShows() {
        // 3 + 1 suppressed = 4, still below 5: the smallest shown (6) joins it.
        let a = PackageProfiles.protect(Self.counts([("P", 6), ("L", 3), (nil, 1)]))
        #expect(a.shown.isEmpty && a.suppressed == 10)
        // 2 suppressed, then 7 joins (the smallest shown): 9; 10 stays shown.
        let b = PackageProfiles.protect(Self.counts([("A", 10), ("B", 7), ("C", 2)]))
        #expect(b.shown == Self.counts([("A", 10)]) && b.suppressed == 9)
        // Every cell at least 5: nothing hidden.
        let c = PackageProfiles.protect(Self.counts([("A", 5), ("B", 5)]))
        #expect(c.shown == Self.counts([("A", 5), ("B", 5)]) && c.suppressed == 0)
        // 3 + 3 = 6 suppressed: already 5 or more, 9 stays shown.
        let d = PackageProfiles.protect(Self.counts([("A", 9), ("B", 3), ("C", 3)]))
        #expect(d.shown == Self.counts([("A", 9)]) && d.suppressed == 6)
    }

    @Test func agesGoIntoBands() {
        #expect(
            [15, 19, 20, 29, 30, 59, 60, 90].map(PackageProfiles.ageBand) == [
                "<20", "<20", "20-29", "20-29", "30-39", "50-59", "60+", "60+",
            ])
    }

    static func accepted(_ n: Int, _ sum: Int, _ squares: Int, respondents: Int = 10) -> Bool {
        (try? UnsurTallyCheck.check(answered: n, sum: sum, squares: squares, respondents: respondents, low: 1, high: 4, path: "u"))
            != nil
    }

    @Test func everyRealSetOfAnswersIsAccepted() {
        // Every multiset of up to 5 answers on 1–4.
        var sets: [[Int]] = [[]]
        for _ in 0..<5 {
            sets += sets.filter { $0.count == sets.map(\.count).max() }.flatMap { s in (1...4).map { s + [$0] } }
        }
        for s in sets {
            #expect(Self.accepted(s.count, s.reduce(0, +), s.map { $0 * $0 }.reduce(0, +)), "\(s)")
        }
    }

    @Test func impossibleCountsAreRefused() {
        #expect(!Self.accepted(2, 9, 41))  // above 2 × 4
        #expect(!Self.accepted(2, 1, 1))  // below 2 × 1
        #expect(!Self.accepted(2, 7, 23))  // below 7² / 2
        #expect(!Self.accepted(2, 7, 26))  // parity: x² and x are both odd or both even
        #expect(!Self.accepted(2, 5, 19))  // above (1 + 4)·5 − 2·1·4 = 17
        #expect(!Self.accepted(0, 1, 1))  // nobody answered, yet a sum
        #expect(!Self.accepted(11, 22, 44))  // more answers than the 10 respondents
        #expect(!Self.accepted(Int.max / 2, Int.max / 2, Int.max / 2, respondents: Int.max))  // overflow is refused, not trapped
    }
}
