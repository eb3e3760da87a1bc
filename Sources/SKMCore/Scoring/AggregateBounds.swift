/// Arithmetic over stored counts and sums that reports an overflow instead of trapping, and the
/// bounds a tally of real responses always keeps.
///
/// The aggregates live in a file anyone can edit; a sum there that no set of responses could
/// give must become `aggregate_corrupt` (pointing to `skm check --repair`), never a crash.
public enum AggregateBounds {
    /// `a + b`, or nil on overflow.
    public static func add(_ a: Int, _ b: Int) -> Int? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// `a × b`, or nil on overflow.
    public static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// The sum of `values`, or nil on overflow.
    public static func sum<S: Sequence>(_ values: S) -> Int? where S.Element == Int {
        var total = 0
        for value in values {
            guard let next = add(total, value) else { return nil }
            total = next
        }
        return total
    }

    /// The error for aggregates that cannot be right, with what was found.
    public static func corrupt(_ what: String) -> SKMError {
        SKMError(
            .aggregateCorrupt,
            "Agregat di basis data tidak mungkin benar (\(what)). Respons tidak terpengaruh: periksa dengan 'skm check', lalu hitung ulang agregat dengan 'skm check --repair'."
        )
    }
}

extension Tally {
    /// Adds `other`'s counts and sums; throws `aggregate_corrupt` instead of overflowing.
    public mutating func add(_ other: Tally) throws {
        guard let total = AggregateBounds.add(respondents, other.respondents) else {
            throw AggregateBounds.corrupt("jumlah responden melampaui batas bilangan")
        }
        respondents = total
        if unsur.count < other.unsur.count {
            unsur.append(contentsOf: Array(repeating: UnsurTally(), count: other.unsur.count - unsur.count))
        }
        for (i, u) in other.unsur.enumerated() {
            guard let answered = AggregateBounds.add(unsur[i].answered, u.answered),
                let sum = AggregateBounds.add(unsur[i].sum, u.sum),
                let squares = AggregateBounds.add(unsur[i].sumOfSquares, u.sumOfSquares)
            else { throw AggregateBounds.corrupt("jumlah unsur ke-\(i + 1) melampaui batas bilangan") }
            unsur[i] = UnsurTally(answered: answered, sum: sum, sumOfSquares: squares)
        }
        scoreSum += other.scoreSum
        scoreSumOfSquares += other.scoreSumOfSquares
    }

    /// Throws `aggregate_corrupt` unless every count could come from real responses on `scale`:
    /// nothing negative, no unsur answered by more than the respondents, every sum (and sum of
    /// squares) between what all-lowest and all-highest answers give, and the sums over all unsur
    /// within range, so scoring this tally cannot overflow.
    public func checkBounds(scale: ClosedRange<Int>) throws {
        guard respondents >= 0 else { throw AggregateBounds.corrupt("jumlah responden negatif: \(respondents)") }
        let low = max(scale.lowerBound, 0)
        let high = max(scale.upperBound, 0)
        for (i, u) in unsur.enumerated() {
            let which = "unsur ke-\(i + 1)"
            guard u.answered >= 0, u.answered <= respondents else {
                throw AggregateBounds.corrupt("\(which) dijawab \(u.answered) kali oleh \(respondents) responden")
            }
            guard let most = AggregateBounds.multiply(u.answered, high),
                let mostSquares = AggregateBounds.multiply(most, high),
                u.sum >= u.answered * low, u.sum <= most,
                u.sumOfSquares >= u.answered * low * low, u.sumOfSquares <= mostSquares
            else {
                throw AggregateBounds.corrupt(
                    "\(which): jumlah nilai \(u.sum) dari \(u.answered) jawaban di luar skala \(scale.lowerBound)–\(scale.upperBound)"
                )
            }
        }
        guard AggregateBounds.sum(unsur.map(\.sum)) != nil, AggregateBounds.sum(unsur.map(\.sumOfSquares)) != nil else {
            throw AggregateBounds.corrupt("jumlah nilai semua unsur melampaui batas bilangan")
        }
    }
}
