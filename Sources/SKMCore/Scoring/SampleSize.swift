/// The minimum number of respondents for a population, by Krejcie & Morgan (1970), the table
/// used with PermenPANRB 14/2017:
///
///     S = λ²·N·P·Q / (d²·(N − 1) + λ²·P·Q),  λ² = 3,841, P = Q = 0,5, d = 0,05
///
/// rounded to the nearest whole number (500 → 217,47 → 217). The formula is meant for estimating
/// a proportion; it is the regulation's practice, not a statistical guarantee for the IKM.
public enum SampleSize {
    public static let chiSquare = 3.841
    public static let proportion = 0.5
    public static let margin = 0.05

    /// The unrounded value of the formula.
    public static func exact(population n: Int) -> Double {
        let N = Double(n)
        let pq = proportion * (1 - proportion)
        return chiSquare * N * pq / (margin * margin * (N - 1) + chiSquare * pq)
    }

    /// The minimum sample, or nil for a population below 1.
    public static func minimum(population: Int) -> Int? {
        guard population >= 1 else { return nil }
        return Int(DisplayRounding.round(exact(population: population), decimals: 0))
    }
}

/// Whether enough people were surveyed for the stated population (Krejcie–Morgan).
public struct SampleCheck: Sendable, Equatable {
    public let population: Int
    public let minimum: Int
    public let respondents: Int
    public var sufficient: Bool { respondents >= minimum }

    public init(population: Int, minimum: Int, respondents: Int) {
        self.population = population
        self.minimum = minimum
        self.respondents = respondents
    }
}
