import SKMCore

/// Whether one unsur's counts could come from real answers: `answered` whole answers, each
/// between `low` and `high`, summing to `sum` with squares summing to `squares`.
enum UnsurTallyCheck {
    /// Throws `invalid_package` (at `path`) unless the counts are possible. Beyond the range of
    /// each sum it checks what every set of answers obeys: Σx² ≥ (Σx)² / n (Cauchy–Schwarz),
    /// Σx² ≤ (low + high)·Σx − n·low·high (each (x − low)(high − x) ≥ 0), and Σx² ≡ Σx (mod 2).
    static func check(
        answered: Int, sum: Int, squares: Int, respondents: Int, low: Int, high: Int, path: String
    ) throws(SKMError) {
        func bad(_ what: String) -> SKMError { AggregatePackageReader.bad(path, what) }
        guard answered <= respondents else {
            throw bad("dijawab \(answered) kali oleh \(respondents) responden")
        }
        let low = max(low, 0)
        guard let least = AggregateBounds.multiply(answered, low), let most = AggregateBounds.multiply(answered, high),
            let leastSquares = AggregateBounds.multiply(least, low), let mostSquares = AggregateBounds.multiply(most, high)
        else { throw bad("jumlah melampaui batas bilangan") }
        guard sum >= least, sum <= most else {
            throw bad("jumlah nilai \(sum) dari \(answered) jawaban di luar \(least)–\(most) (skala \(low)–\(high))")
        }
        guard squares >= leastSquares, squares <= mostSquares else {
            throw bad("jumlah kuadrat \(squares) dari \(answered) jawaban di luar \(leastSquares)–\(mostSquares)")
        }
        guard let sumSquared = AggregateBounds.multiply(sum, sum), let spread = AggregateBounds.multiply(answered, squares),
            let lowHigh = AggregateBounds.multiply(low, high), let floorTerm = AggregateBounds.multiply(answered, lowHigh),
            let ceilingTerm = AggregateBounds.multiply(low + high, sum)
        else { throw bad("jumlah melampaui batas bilangan") }
        guard sumSquared <= spread, squares <= ceilingTerm - floorTerm, (squares - sum) % 2 == 0 else {
            throw bad("jumlah kuadrat \(squares) tidak mungkin untuk \(answered) jawaban berjumlah \(sum)")
        }
    }
}
