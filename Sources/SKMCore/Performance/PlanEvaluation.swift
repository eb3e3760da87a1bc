/// A realised value for one indicator and year, as stored.
public struct Realization: Sendable, Equatable {
    public let value: Double
    public let numerator: Double?
    public let denominator: Double?

    public init(value: Double, numerator: Double? = nil, denominator: Double? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }

    /// A ratio realisation: numerator / denominator × 100; nil when the denominator is zero.
    public static func ratio(numerator: Double, denominator: Double) -> Realization? {
        guard denominator != 0 else { return nil }
        return Realization(value: numerator / denominator * 100, numerator: numerator, denominator: denominator)
    }
}

/// One indicator's line in an LKjIP-style evaluation of one year.
public struct IndicatorEvaluation: Sendable {
    public let indicator: Indicator
    public let year: Int
    public let target: Double?
    public let realisasi: Realization?
    /// Where an absent value comes from, or an explanation of an absent capaian, in Indonesian.
    public let reason: String?
    public let capaian: Double?
    public let category: String?
    /// The previous year's realisasi and the change (this year − previous).
    public let previous: Double?
    public let change: Double?
    /// The plan's final-year target and the capaian of this year's realisasi against it.
    public let finalTarget: Double?
    public let progressToFinal: Double?

    /// Whether the year's target is reached, by the indicator's polarity; nil without a target or
    /// a realisasi.
    public var targetMet: Bool? {
        guard let target, let realisasi else { return nil }
        return indicator.polarity == .higher ? realisasi.value >= target : realisasi.value <= target
    }
}

/// The evaluation of a plan for a year, with a count of indicators per category.
public struct PlanEvaluation: Sendable {
    public let plan: PerformancePlan
    public let year: Int
    public let indicators: [IndicatorEvaluation]

    /// Category label → number of indicators, in band order, plus "tanpa capaian".
    public var summary: [(label: String, count: Int)] {
        var rows = plan.bands.labels.map { label in (label: label, count: indicators.filter { $0.category == label }.count) }
        rows.append((label: "Tanpa capaian", count: indicators.filter { $0.capaian == nil }.count))
        return rows
    }
}

/// Evaluates a plan for a year from the realised values (this year's and last year's).
public enum PlanEvaluator {
    /// `realized(code, year)` gives a realised value, or a reason why there is none.
    public static func evaluate(
        _ plan: PerformancePlan, year: Int, realized: (Indicator, Int) -> Result<Realization, RealisasiUnavailable>
    ) -> PlanEvaluation {
        let lines = plan.indicators.map { indicator -> IndicatorEvaluation in
            let target = indicator.targets[year]
            let current = realized(indicator, year)
            let previous = try? realized(indicator, year - 1).get().value
            let realisasi = try? current.get()
            var reason: String?
            var capaian: Double?
            if case .failure(let unavailable) = current {
                reason = unavailable.message
            } else if let realisasi {
                if let target {
                    capaian = Capaian.percent(realisasi: realisasi.value, target: target, polarity: indicator.polarity)
                    if capaian == nil { reason = "Target tahun \(year) bernilai 0: capaian tidak dapat dihitung." }
                } else {
                    reason = "Tidak ada target untuk tahun \(year) di rencana ini."
                }
            }
            let finalTarget = indicator.targets[plan.lastYear]
            let progress = realisasi.flatMap { r in
                finalTarget.flatMap { Capaian.percent(realisasi: r.value, target: $0, polarity: indicator.polarity) }
            }
            return IndicatorEvaluation(
                indicator: indicator, year: year, target: target, realisasi: realisasi, reason: reason,
                capaian: capaian, category: capaian.map { plan.bands.category(of: $0) }, previous: previous,
                change: realisasi.flatMap { r in previous.map { r.value - $0 } }, finalTarget: finalTarget,
                progressToFinal: progress)
        }
        return PlanEvaluation(plan: plan, year: year, indicators: lines)
    }
}

/// Why an indicator has no realised value for a year.
public struct RealisasiUnavailable: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public static func notEntered(_ year: Int) -> RealisasiUnavailable {
        RealisasiUnavailable("Belum ada realisasi tahun \(year).")
    }
}
