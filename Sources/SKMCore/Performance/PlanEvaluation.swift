/// The realisasi (value reached) of one indicator in one year, as stored.
public struct Realisasi: Sendable, Equatable {
    /// The realisasi: the number entered, or numerator / denominator × 100 for a ratio.
    public let value: Double
    /// The ratio's numerator as entered; nil for a value entered directly.
    public let numerator: Double?
    /// The ratio's denominator as entered, never zero; nil for a value entered directly.
    public let denominator: Double?

    /// A realisasi as stored; pass numerator and denominator only for a ratio (see `ratio(numerator:denominator:)`).
    public init(value: Double, numerator: Double? = nil, denominator: Double? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }

    /// A ratio realisasi: numerator / denominator × 100; nil when the denominator is zero.
    public static func ratio(numerator: Double, denominator: Double) -> Realisasi? {
        guard denominator != 0 else { return nil }
        return Realisasi(value: numerator / denominator * 100, numerator: numerator, denominator: denominator)
    }
}

/// One indicator's line in an LKjIP-style evaluation of one year.
public struct IndicatorEvaluation: Sendable {
    /// The plan's indicator this line evaluates.
    public let indicator: Indicator
    /// The evaluated year.
    public let year: Int
    /// The plan's target for the year; nil when it sets none.
    public let target: Double?
    /// The year's realisasi; nil when there is none (then `reason` says why).
    public let realisasi: Realisasi?
    /// Where an absent value comes from, or an explanation of an absent capaian, in Indonesian.
    public let reason: String?
    /// Realisasi against target in percent (see `Capaian`), unrounded; nil without both or with a zero target.
    public let capaian: Double?
    /// The capaian's band label from the plan's bands; nil when there is no capaian.
    public let category: String?
    /// The previous year's realisasi; nil when there is none.
    public let previous: Double?
    /// This year's realisasi minus the previous year's; nil when either is missing.
    public let change: Double?
    /// The target for the plan's last year; nil when the plan sets none.
    public let finalTarget: Double?
    /// Capaian of this year's realisasi against the final-year target; nil without both.
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
    /// The evaluated plan.
    public let plan: PerformancePlan
    /// The evaluated year.
    public let year: Int
    /// One line per plan indicator, in plan order.
    public let indicators: [IndicatorEvaluation]

    /// Category label → number of indicators, in band order, plus "tanpa capaian".
    public var summary: [(label: String, count: Int)] {
        var rows = plan.bands.labels.map { label in (label: label, count: indicators.filter { $0.category == label }.count) }
        rows.append((label: "Tanpa capaian", count: indicators.filter { $0.capaian == nil }.count))
        return rows
    }
}

/// Evaluates a plan for a year from the realisasi values (this year's and last year's).
public enum PlanEvaluator {
    /// `realisasiOf(code, year)` gives a realisasi, or a reason why there is none.
    public static func evaluate(
        _ plan: PerformancePlan, year: Int, realisasiOf: (Indicator, Int) -> Result<Realisasi, RealisasiUnavailable>
    ) -> PlanEvaluation {
        let lines = plan.indicators.map { indicator -> IndicatorEvaluation in
            let target = indicator.targets[year]
            let current = realisasiOf(indicator, year)
            let previous = try? realisasiOf(indicator, year - 1).get().value
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

/// Why an indicator has no realisasi for a year.
public struct RealisasiUnavailable: Error, Sendable, Equatable {
    /// The explanation, in Bahasa Indonesia, shown in place of the value.
    public let message: String

    /// An explanation written for the reader of the evaluation.
    public init(_ message: String) {
        self.message = message
    }

    /// The explanation for an entered indicator that has no value for the year.
    public static func notEntered(_ year: Int) -> RealisasiUnavailable {
        RealisasiUnavailable("Belum ada realisasi tahun \(year).")
    }
}
