/// The minimum number of respondents for a population, by Krejcie & Morgan (1970), the table
/// used with PermenPANRB 14/2017:
///
///     S = λ²·N·P·Q / (d²·(N − 1) + λ²·P·Q),  λ² = 3,841, P = Q = 0,5, d = 0,05
///
/// rounded to the nearest whole number (500 → 217,47 → 217). The formula is meant for estimating
/// a proportion; it is the regulation's practice, not a statistical guarantee for the IKM.
public enum SampleSize {
    /// λ², the chi-square value for one degree of freedom at 95 % confidence.
    public static let chiSquare = 3.841
    /// P, the assumed proportion (0,5, the most conservative); Q = 1 − P.
    public static let proportion = 0.5
    /// d, the margin of error (5 %).
    public static let margin = 0.05

    /// The unrounded value of the formula.
    public static func exact(population n: Int) -> Double {
        let population = Double(n)  // N in the formula
        let pq = proportion * (1 - proportion)
        return chiSquare * population * pq / (margin * margin * (population - 1) + chiSquare * pq)
    }

    /// The minimum sample, or nil for a population below 1.
    public static func minimum(population: Int) -> Int? {
        guard population >= 1 else { return nil }
        return Int(DisplayRounding.round(exact(population: population), decimals: 0))
    }
}

/// Whether enough people were surveyed for the stated population (Krejcie–Morgan).
public struct SampleCheck: Sendable, Equatable {
    /// The number of people served in the period, as the office states it (N, at least 1).
    public let population: Int
    /// `SampleSize.minimum(population:)` for that population.
    public let minimum: Int
    /// Respondents actually counted for the same selection.
    public let respondents: Int
    /// Whether the respondents reach the minimum.
    public var sufficient: Bool { respondents >= minimum }

    /// A check already computed; the caller supplies the minimum from `SampleSize.minimum(population:)`.
    public init(population: Int, minimum: Int, respondents: Int) {
        self.population = population
        self.minimum = minimum
        self.respondents = respondents
    }
}
